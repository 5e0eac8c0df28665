"""What CI and deployment config installs: the ``pip install`` commands of Dockerfiles, GitHub
workflows, ``tox.ini``, ``.pre-commit-config.yaml`` and ``noxfile.py``, read as text (never run).

One module per file kind (``dockerfile``, ``workflows``, ``tox``, ``precommit``, ``nox``); this
one reads a shell command line the way the shell splits it and finds the installs in it:
``pip``/``pip3``/``pip3.13 install``, ``python -m pip install``, ``uv pip install``, ``pipx
install`` and ``uv tool install``. Each requirement named (``numpy==1.26.4``, ``"django<5"``)
is a dependency at the command's line, resolved like a requirements file's entry; a
requirements file the command names (``-r requirements/prod.txt``) is read as one. What the
shell computes (``numpy==$VERSION``, ``-r requirements-${{ matrix.deps }}.txt``) cannot be
read and is reported as skipped; local paths (``.``, ``-e .``, ``dist/*.whl``) are the
project itself, read from its own files, and are left out.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from outmoded.deps import requirements
from outmoded.deps.model import Dependency, Skipped
from outmoded.native.flags import code_lines

SEPARATORS = {"&&", "||", ";", "|", "&", "(", ")", ";;", "|&"}
WRAPPERS = {"sudo", "command", "exec", "time", "env", "nice", "nohup", "xargs", "then", "do", "else", "!"}
PIP_RE = re.compile(r"^pip(?:3(?:\.\d+)?)?$")
PYTHON_RE = re.compile(r"^(?:python(?:3(?:\.\d+t?)?)?|py)(?:\.exe)?$")
# install options that take a value (pip, uv pip, pipx, uv tool); the others take none
VALUED = {"-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix",
          "--root", "--src", "--platform", "--python-version", "--implementation", "--abi",
          "--upgrade-strategy", "--progress-bar", "--log", "--cache-dir", "--trusted-host", "--proxy",
          "--timeout", "--retries", "--global-option", "--config-settings", "-C", "--no-binary",
          "--only-binary", "--python", "-p", "--spec", "--pip-args", "--index", "--suffix", "--with",
          "--report", "--exists-action", "--cert", "--client-cert", "--group", "--overrides",
          "--build-constraint", "--default-index", "--keyring-provider", "--resolution",
          "--prerelease", "--exclude-newer", "--python-platform", "--index-strategy", "--extra",
          "-c", "--constraint", "-e", "--editable", "--build-constraints", "--with-requirements",
          "--install-option", "--upgrade-package", "-P", "--reinstall-package"}
REQUIREMENT_OPTIONS = {"-r", "--requirement", "--requirements"}
COMPUTED = ("$", "`", "{")
EXPRESSION_RE = re.compile(r"\$\{\{.*?\}\}|\$\([^()]*\)")  # ${{ matrix.x }}, $(grep ...)


@dataclass
class Installs:
    """What one file's install commands name: requirements (and skipped entries), and the
    requirements files they install, as (path as written, resolved Path or None, line)."""

    deps: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    files: list = field(default_factory=list)


def shell_lines(text: str, first_line: int = 1) -> list:
    """(line number, code) for each line of a shell text, its ``#`` comment removed."""
    return [(first_line + text.count("\n", 0, offset), code) for offset, code in code_lines(text)]


def logical_commands(numbered: list) -> list:
    """The simple commands of numbered shell lines (lines ending in a backslash continue on the
    next), each a list of (word, line number of the word), quotes removed."""
    commands, parts = [], []
    for number, code in numbered:
        code = code.strip()
        if code.endswith("\\"):
            parts.append((number, code[:-1]))
            continue
        parts.append((number, code))
        commands += _split(parts)
        parts = []
    return commands + (_split(parts) if parts else [])


def _split(parts: list) -> list:
    """``parts`` (number, text) joined into one line, split into simple commands of words."""
    joined, starts, kept = "", [], []
    for number, text in parts:
        starts.append((len(joined), number))
        # a CI expression or a command substitution is one word: ${{ matrix.deps }}, $(grep ...)
        joined += EXPRESSION_RE.sub(lambda m: kept.append(m.group()) or f"\x01{len(kept) - 1}\x01", text) + " "
    lexer = shlex.shlex(joined, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        words = list(lexer)
    except ValueError:  # an unbalanced quote: read the words as written
        words = joined.split()
    commands, current, position = [], [], 0
    for word in words:
        found = joined.find(word, position)
        at, position = (found, found + len(word)) if found >= 0 else (position, position)
        line = next(n for start, n in reversed(starts) if start <= at)
        if word in SEPARATORS:
            commands.append(current)
            current = []
        else:
            current.append((re.sub("\x01(\\d+)\x01", lambda m: kept[int(m[1])], word), line))
    return [c for c in commands + [current] if c]


def install_arguments(words: list) -> list | None:
    """The words after an install command's ``install`` (None when ``words`` is not one).
    ``words``: strings, or (word, line) pairs, returned as given."""
    pairs, words = words, [w if isinstance(w, str) else w[0] for w in words]
    index = 0
    while index < len(words) and (words[index] in WRAPPERS or "=" in words[index] and
                                  not words[index].startswith("-") or
                                  (index and words[index - 1] == "sudo" and words[index].startswith("-"))):
        index += 1
    words, pairs = words[index:], pairs[index:]
    head = [posixpath.basename(w) for w in words[:5]]
    for prefix in (["pip", "install"], ["uv", "pip", "install"], ["pipx", "install"],
                   ["uv", "tool", "install"]):
        size = len(prefix)
        if head[:size] == prefix or (prefix[0] == "pip" and head[:1] and PIP_RE.match(head[0])
                                     and head[1:2] == ["install"]):
            return pairs[size:]
    if head[:1] and PYTHON_RE.match(head[0]):
        at = 1
        while at < len(words) and words[at].startswith("-") and words[at] != "-m":
            at += 1  # python -I -m pip, py -3.13 -m pip
        if words[at:at + 3] == ["-m", "pip", "install"]:
            return pairs[at + 3:]
    return None


def read_arguments(arguments: list, file: str, line: int, found: Installs, base: Path | None,
                   translate=None) -> None:
    """Add what one install command's arguments name to ``found``: strings at ``line``, or
    (word, line) pairs. ``base``: the directory a relative requirements file is read from;
    ``translate(path)`` maps a path of the machine the command runs on (a Dockerfile's image) to
    the project's file, when it can."""
    pairs = [(w, line) if isinstance(w, str) else w for w in arguments]
    arguments = [w for w, _ in pairs]
    other = _own_index(arguments)
    if other:  # what the command installs comes from there, not from the index asked
        values = _option_values(arguments)
        for index, (word, at) in enumerate(pairs):
            named = f"-r {word}" if index and arguments[index - 1] in REQUIREMENT_OPTIONS else word
            if named != word or not word.startswith("-") and not any(m in word for m in COMPUTED) \
                    and not _local(word) and not requirements.DIRECT_RE.match(word) and word not in values:
                found.skipped.append(Skipped(named, file, at, f"installed from another index ({other}): not looked up"))
        return
    index = 0
    while index < len(arguments):
        word, line = pairs[index]
        index += 1
        option, _, value = word.partition("=") if word.startswith("--") else (word[:2], "", word[2:])
        if word.startswith("-") and (option in REQUIREMENT_OPTIONS or word in REQUIREMENT_OPTIONS):
            if not value:
                value = arguments[index] if index < len(arguments) else ""
                index += 1
            _requirements_file(value, file, line, found, base, translate)
        elif word.startswith("-"):
            if (word in VALUED or option in VALUED) and not value and "=" not in word:
                index += 1  # the option's value
        elif any(mark in word for mark in COMPUTED):
            found.skipped.append(Skipped(word, file, line, "computed by the shell or CI: not read"))
        elif not requirements.DIRECT_RE.match(word) and not _local(word):
            entry = requirements.parse_requirement(word, file, line)
            (found.deps if isinstance(entry, Dependency) else found.skipped).append(entry)


INDEX_OPTIONS = ("-i", "--index-url", "--default-index")  # uv's --index adds one: the default stays


def _option_values(arguments: list) -> set:
    """The words that are the values of options (``--index-url URL``)."""
    return {arguments[i + 1] for i, word in enumerate(arguments[:-1])
            if word in VALUED or word in REQUIREMENT_OPTIONS}


def _own_index(arguments: list) -> str | None:
    """The index a command installs from instead of the default one (``--index-url URL``)."""
    for i, word in enumerate(arguments):
        option, equals, value = word.partition("=")
        if option in INDEX_OPTIONS and equals:
            return value
        if word in INDEX_OPTIONS and i + 1 < len(arguments):
            return arguments[i + 1]
        if word.startswith("-i") and len(word) > 2 and not word.startswith("--"):
            return word[2:]
    return None


def _local(word: str) -> bool:
    """A path or a file pattern (``dist/*.whl``, ``dist/*-cp*``, ``../lib``), not a name: no
    project name holds ``/`` or ``*`` before its marker or URL."""
    name = re.split(r"[;@\s]", word, maxsplit=1)[0]
    return "/" in name or "*" in name or word.startswith(".")


def _requirements_file(written: str, file: str, line: int, found: Installs, base, translate) -> None:
    if not written or any(mark in written for mark in COMPUTED):
        found.skipped.append(Skipped(f"-r {written}", file, line, "computed by the shell or CI: not read"))
        return
    if "://" in written:
        found.skipped.append(Skipped(f"-r {written}", file, line, "remote requirements file: not fetched"))
        return
    path = translate(written) if translate else None
    if path is None and base is not None and not written.startswith("/"):
        path = base / written
    found.files.append((written, path if path is not None and path.is_file() else None, line))


def read_shell(text: str, file: str, found: Installs, base: Path | None, first_line: int = 1,
               translate=None, numbered: list | None = None) -> None:
    """Every install command of a shell text (a workflow's ``run:``, a script), ``first_line``
    being the line of the file the text starts on; or of ``numbered`` (line, code) lines."""
    for words in logical_commands(numbered if numbered is not None else shell_lines(text, first_line)):
        arguments = install_arguments(words)
        if arguments is not None:
            read_arguments(arguments, file, words[0][1], found, base, translate)
