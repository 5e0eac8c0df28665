"""Experimental runtime features switched on in deployment configuration.

Reported as warnings, for targets from 3.13 on (the first release with them):

- OMF001, the JIT: ``PYTHON_JIT=1`` (any value but 0), ``-X jit``;
- OMF002, the GIL switched off: ``PYTHON_GIL=0``, ``-X gil=0`` (``-Xgil=0``, exec-form
  ``["python", "-X", "gil=0"]``);
- OMF003, a free-threaded interpreter: ``python3.13t``, ``python:3.13t`` images, ``3.13t`` versions
  (``uv python install 3.13t``, ``pyenv install 3.13t``), Debian's ``python3.13-nogil``, conda's
  ``python-freethreading`` and ``./configure --disable-gil``.

Files: ``Dockerfile*``/``Containerfile``, shell scripts, Makefiles, ``tox.ini``, ``Procfile`` and
systemd ``*.service`` units (GitHub workflows are in ``workflows``).  Comments are not findings:
``#`` comments (outside quotes, at a line start or after whitespace), and ``;`` comment lines in
INI-style files.  Assignments need ``=`` (``:=``, ``?=`` in Makefiles); Dockerfile ``ENV NAME value``
is understood too.  Values that are variables (``PYTHON_JIT=$X``) are not reported.

``PYTHON_GIL=0`` is not reported where it only applies to free-threaded interpreters: a tox
factor-conditional setting whose every alternative names a free-threaded factor
(``{py313t,py314t}: PYTHON_GIL=0``, ``py314t-cext: ...``), any line of a tox section for such an
environment only (elementpath 5.1.4's ``[testenv:py314t]`` runs ``python -Xgil=0``), a shell ``if``
branch taken only for free-threaded versions (``if [[ "$V" == '3.13t' ]]; then export PYTHON_GIL=0;
fi``), a file named for free-threaded runs (fastavro 1.13.1's ``freethreading-run-tests.sh`` beside
its ``run-tests.sh``: ``free-threading``, ``free_threaded``, ``nogil`` in its name); workflows do the
same per job.  (A default build aborts with it: "Fatal Python error: config_read_gil: Disabling the
GIL is not supported by this build" on the real 3.13-3.15.)  Nor in a Dockerfile stage whose
interpreter is free-threaded (``free_threaded_stages``): its base image is one (``python:3.14t``), or
a stage it is built on; or, on a base image without Python, it configures CPython with
``--disable-gil`` or copies the interpreter from such a stage (schemathesis 4.32.5's runtime stage:
``FROM alpine:3.24``, ``COPY --from=python-builder /opt/python /opt/python``, ``ENV PYTHON_GIL=0``);
a stage copying only application files from one (``COPY --from=build /app /app``) and installing a
``python3`` of its own runs a default build, and is reported.
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import Iterator, NamedTuple

from outmoded import suppress
from outmoded.engine import FileResult
from outmoded.findings import WARNING, Finding
from outmoded.native import make, rule_message, rules, start
from outmoded.native.ctokens import Lines

FLAGS_FROM = (3, 13)

ENV_RE = re.compile(
    r"(?<![\w${])(?P<name>PYTHON_JIT|PYTHON_GIL)(?P<sep>[ \t]*(?:::?=|[:?+]?=)[ \t]*|[ \t]+)"
    r"(?P<quote>[\"']?)(?P<value>[^\s\"';&|)`\\]*)")
XOPTION_RE = re.compile(r"(?<![\w-])-X[\s\"',]*(?P<option>gil|jit)(?:=(?P<value>[^\s\"',;&|)`]*))?(?![\w-])")
FREE_THREADED_RE = re.compile(
    r"(?<![\w.])(?:(?:c?python[:-]?|cpython-)?3\.(?P<minor>\d{2,})(?:\.\d+)?t(?!\w)"
    r"|python3\.\d{2,}-nogil\b|python-freethreading\b)"
    r"|(?<![\w-])--disable-gil\b")
ENV_INSTRUCTION_RE = re.compile(r"^\s*ENV\s", re.IGNORECASE)
TOX_CONDITION_RE = re.compile(r"^\s*(?P<condition>[{}\w.,!-]+)\s*:(?=\s)")  # `{py313t,py314t}: NAME=value`
FREE_THREADED_FACTOR_RE = re.compile(r"^(?:py|python)?3\.?\d{2,}t$")
INI_SECTION_RE = re.compile(r"^\s*\[(?P<name>[^\]]*)\]\s*$")
FREE_THREADED_FILE_RE = re.compile(r"free[-_]?thread|nogil", re.IGNORECASE)  # a file's name


def free_threaded_only(condition: str) -> bool:
    """Does a tox factor condition (``{py313t,py314t}``, ``py313t-cext``, ``py313t,py314t``) hold
    for free-threaded environments only: does every alternative name a free-threaded factor?"""
    alternatives = condition.replace("{", "").replace("}", "").split(",")
    return all(any(FREE_THREADED_FACTOR_RE.match(f) for f in a.split("-")) for a in alternatives)


# the functional form, as ``ctokens.Token``: no forward reference compiled for each field;
# start, end: offsets into the scanned text
Hit = NamedTuple("Hit", [("code", str), ("api", str), ("start", int), ("end", int)])


def comment_start(line: str) -> int:
    """Where a shell-style ``#`` comment starts on ``line`` (len(line) when there is none)."""
    quote = None
    escaped = False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t;"):
            return index
    return len(line)


def scan_line(line: str, offset: int, env_with_space: bool = False) -> Iterator[Hit]:
    """Flags on one line whose comment has been removed; ``offset``: where the line starts."""
    for match in ENV_RE.finditer(line):
        separator = match["sep"]
        if "=" not in separator and not env_with_space:
            continue
        name, value = match["name"], match["value"]
        if value.startswith("$") or (not value and not match["quote"]):
            continue
        if name == "PYTHON_JIT" and value not in ("0", ""):
            yield Hit("OMF001", f"{name}={value}", offset + match.start(), offset + match.end())
        elif name == "PYTHON_GIL" and value == "0":
            yield Hit("OMF002", f"{name}={value}", offset + match.start(), offset + match.end())
    for match in XOPTION_RE.finditer(line):
        option, value = match["option"], match["value"]
        api = f"-X {option}" + (f"={value}" if value is not None else "")
        if option == "jit" and value not in ("0", "off", "false"):
            yield Hit("OMF001", api, offset + match.start(), offset + match.end())
        elif option == "gil" and value == "0":
            yield Hit("OMF002", api, offset + match.start(), offset + match.end())
    for match in FREE_THREADED_RE.finditer(line):
        if match["minor"] is not None and int(match["minor"]) < 13:
            continue
        yield Hit("OMF003", match.group(), offset + match.start(), offset + match.end())


def code_lines(text: str, ini: bool = False) -> Iterator[tuple[int, str]]:
    """(offset into ``text``, code) for each line of a shell-like text, its ``#`` comment removed
    (``;`` comment lines too in INI-style files, which yield nothing). Shared by the flags here and
    by ``deps.cipins``, which reads the ``pip install`` commands of the same files."""
    offset = 0
    for line in re.split(r"(?<=\n)", text):
        body = line.rstrip("\r\n")
        if not (ini and body.lstrip().startswith(";")):
            yield offset, body[:comment_start(body)]
        offset += len(line)


def scan_text(text: str, base: int = 0, ini: bool = False, dockerfile: bool = False) -> Iterator[Hit]:
    """Flags in a shell-like text (comments skipped); offsets are ``base`` + index into ``text``."""
    branches: list[bool] = []  # open shell ifs: does each branch run on free-threaded builds only?
    free_section = False  # in tox's [testenv:py314t]: that environment's interpreter is free-threaded
    for offset, code in code_lines(text, ini):
        shell = code.strip()
        if not ini:
            _follow_shell_if(shell, branches)
        elif section := INI_SECTION_RE.match(code):
            name = section["name"].strip()
            free_section = name.startswith("testenv:") and free_threaded_only(name[len("testenv:"):].strip())
        hits = scan_line(code, base + offset, dockerfile and bool(ENV_INSTRUCTION_RE.match(code)))
        condition = TOX_CONDITION_RE.match(code) if ini else None
        if (condition and free_threaded_only(condition["condition"])) or any(branches) or free_section:
            hits = (h for h in hits if h.code != "OMF002")  # the GIL can be off there
        yield from hits
        if not ini and branches and SHELL_FI_RE.search(shell):
            branches.pop()


DOCKER_FROM_RE = re.compile(r"^\s*FROM\s+(?:--\S+\s+)*(?P<image>\S+)(?:\s+AS\s+(?P<name>\S+))?", re.IGNORECASE)
DOCKER_COPY_FROM_RE = re.compile(r"^\s*(?:COPY|ADD)\s.*?--from=(?P<stage>[^\s\"']+)", re.IGNORECASE)
DISABLE_GIL_RE = re.compile(r"(?<![\w-])--disable-gil\b")
PREFIX_RE = re.compile(r"(?<![\w-])--prefix[= ](?P<prefix>/[^\s\"';&|)]*)")
# where a CPython is installed: the official images' and configure's default prefix, a distribution's,
# /opt (schemathesis 4.32.5's --prefix=/opt/python), uv's under a user's ~/.local
INTERPRETER_HOMES = ("/usr/local", "/usr", "/opt", "/root/.local")
INTERPRETER_NAME_RE = re.compile(r"python|conda|mamba|pyenv|(?:^|/)\.local(?:/|$)|^/home(?:/[^/]*)?$", re.IGNORECASE)


def free_threaded_stages(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the stages of a Dockerfile whose interpreter is free-threaded:
    a free-threaded base image (``python:3.14t-slim``) or a stage of this file that is one; on a
    base image without Python (``alpine``, ``debian``), a stage that configures CPython with
    ``--disable-gil`` or copies (``COPY --from=``) the interpreter from a stage whose interpreter
    is free-threaded (``copies_interpreter``: not only the application's files, ``COPY
    --from=build /app /app``, after which its ``apt-get install python3`` is a default build)."""
    stages: list[list] = []  # [start, end, free-threaded, name, no Python of its own]
    prefixes = tuple(m["prefix"].rstrip("/") for m in PREFIX_RE.finditer(text))
    copying = None  # a COPY --from= of a free-threaded stage continued on the next line: its text so far

    def stage(reference: str):  # a stage of this file named, or numbered, so (FROM base, COPY --from=)
        return next((s for at, s in enumerate(stages) if reference.lower() in (s[3], str(at))), None)

    for offset, code in code_lines(text):
        if copying is not None:
            stages[-1][1] = offset + len(code)
            copying += " " + code.strip().removesuffix("\\")
            if not code.rstrip().endswith("\\"):
                stages[-1][2] = copies_interpreter(copying, prefixes)
                copying = None
            continue
        header = DOCKER_FROM_RE.match(code)
        if header:
            image = header["image"].lower()
            base = stage(image)
            free = base[2] if base else any(m["minor"] is None or int(m["minor"]) >= 13
                                            for m in FREE_THREADED_RE.finditer(image))
            stages.append([offset, len(text), free, (header["name"] or "").lower(),
                           base is None and "python" not in image])
        elif stages:
            current = stages[-1]
            current[1] = offset + len(code)
            if not current[4] or current[2]:
                continue
            copied = DOCKER_COPY_FROM_RE.match(code)
            source = copied and stage(copied["stage"])
            if DISABLE_GIL_RE.search(code):
                current[2] = True
            elif source and source is not current and source[2]:
                if code.rstrip().endswith("\\"):
                    copying = code.strip().removesuffix("\\")
                else:
                    current[2] = copies_interpreter(code, prefixes)
    return [(start, end) for start, end, free, _, _ in stages if free]


def copies_interpreter(instruction: str, prefixes: tuple = ()) -> bool:
    """May a ``COPY``/``ADD`` instruction bring a stage's interpreter along: is one of its sources
    a place CPython is installed in (``INTERPRETER_HOMES``, a ``--prefix`` the file configures),
    above one (``/``) or in one (``/usr/local/bin/python3.14t``), or named for Python (``/opt/python``,
    ``/python``, conda's)?  Not application files (``/app``, ``/wheels``, ``/srv/site``); a source
    whose path is not written out (``$PREFIX``), or an instruction not read, may."""
    words = instruction.split()[1:]
    while words and words[0].startswith("--"):  # --from=, --chown=, --link
        words.pop(0)
    if words and words[0].startswith("["):  # the exec form
        import json

        try:
            words = [w for w in json.loads(" ".join(words)) if isinstance(w, str)]
        except ValueError:
            return True
    else:
        words = [w.strip("\"'") for w in words]
    if len(words) < 2:
        return True
    for source in words[:-1]:
        if "$" in source:
            return True
        path = re.split(r"/[^/]*[*?\[]", posixpath.normpath("/" + source.lstrip("/")))[0].rstrip("/")  # to a glob
        if not path or INTERPRETER_NAME_RE.search(path):
            return True
        for home in INTERPRETER_HOMES + prefixes:
            if path == home or home.startswith(path + "/") or path.startswith(home + "/"):
                return True
    return False


SHELL_IF_RE = re.compile(r"^(?P<elif>el)?if\s(?P<test>.*?)(?:;\s*then\b|$)")
FREE_THREADED_GLOB_RE = re.compile(r"==\s*\*[\"']?t[\"']?(?=\s|\]|$)")
SHELL_FI_RE = re.compile(r"(?:^|;\s*)fi\s*;?$")


def _follow_shell_if(code: str, branches: list[bool]) -> None:
    """Keep ``branches`` (one entry per open shell ``if``) up to date with one line: an ``if``
    whose test compares with free-threaded versions only (matplotlib's ``if [[ "${{
    matrix.python-version }}" == '3.13t' ]]; then export PYTHON_GIL=0``) opens a branch that only
    free-threaded interpreters run; ``else`` turns it around."""
    match = SHELL_IF_RE.match(code)
    if match:
        test = match["test"]
        versions = [m for m in FREE_THREADED_RE.finditer(test) if m["minor"] is not None] \
            or FREE_THREADED_GLOB_RE.search(test)  # Cython's [[ $PYTHON_VERSION == *"t" ]]
        threaded = bool(versions) and "!=" not in test and " -ne " not in test and not test.startswith("!")
        if match["elif"] and branches:
            branches[-1] = threaded
        elif not match["elif"]:
            branches.append(threaded)
    elif branches and re.match(r"else\b", code):
        branches[-1] = False


def hit_finding(path: str, lines: Lines, hit: Hit) -> Finding:
    entry = rules()[hit.code]
    line, column = lines.position(hit.start)
    end_line, end_column = lines.position(hit.end)
    return make(path, (line, column, end_line, end_column), entry, hit.api, WARNING, rule_message(entry, hit.api))


def _check(path: str, data: bytes, index, ini: bool = False, dockerfile: bool = False) -> FileResult:
    result, text = start(path, data)
    if text is None:
        return result
    if index.target < FLAGS_FROM:
        return result
    result.parsed = True
    lines = Lines(text)
    threaded = bool(FREE_THREADED_FILE_RE.search(os.path.basename(path)))  # the GIL can be off in it
    stages = free_threaded_stages(text) if dockerfile and ("PYTHON_GIL" in text or "gil" in text) else []
    findings = [hit_finding(path, lines, hit) for hit in scan_text(text, 0, ini, dockerfile)
                if not (hit.code == "OMF002" and (threaded or any(a <= hit.start < b for a, b in stages)))]
    result.findings = suppress.apply(findings, text)
    return result


def check_dockerfile(path: str, data: bytes, index) -> FileResult:
    return _check(path, data, index, dockerfile=True)


def check_shell(path: str, data: bytes, index) -> FileResult:
    """Shell scripts, Makefiles and Procfiles."""
    return _check(path, data, index)


def check_ini(path: str, data: bytes, index) -> FileResult:
    """``tox.ini`` and systemd units: ``;`` starts a comment line too."""
    return _check(path, data, index, ini=True)
