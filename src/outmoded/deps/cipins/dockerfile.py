"""Dockerfiles and Containerfiles: what their ``RUN`` instructions install.

Instructions are read as Docker reads them (a backslash at a line's end continues it, ``#`` lines
are comments, ``RUN ["pip", "install", ...]`` is the exec form), then each ``RUN`` as a shell
line (``cipins.read_shell``). ``ARG NAME=value`` and ``ENV NAME=value`` defaults stand in for
``$NAME`` and ``${NAME}`` (``RUN pip install numpy==${NUMPY_VERSION}``), as the build would
expand them without ``--build-arg``. A requirements file named by its path in the image
(``COPY requirements/prod.txt /app/req.txt``, ``WORKDIR /app``, ``RUN pip install -r
req.txt``) is read from the build context the ``COPY`` took it from: the Dockerfile's directory, else
one of the two above it (``docker build -f docker/Dockerfile .``).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from outmoded.deps.cipins import Installs, install_arguments, read_arguments, read_shell
from outmoded.native.flags import comment_start

INSTRUCTION_RE = re.compile(r"^\s*(?P<name>[A-Za-z]+)\s+(?P<rest>.*)$", re.DOTALL)
VARIABLE_RE = re.compile(r"\$(?:\{(?P<braced>\w+)(?::?-(?P<default>[^}]*))?\}|(?P<plain>\w+))")
FLAG_RE = re.compile(r"^--[\w-]+(=\S*)?$")


def instructions(text: str) -> list:
    """(line number, instruction name upper-cased, its text, its lines) for each instruction;
    its lines are (line number, text) with the name removed from the first, comment lines
    dropped and continuation backslashes kept."""
    found, lines = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("#") or not stripped:
            continue  # comments and empty lines, also inside a continued instruction
        lines.append((number, raw))
        if not stripped.endswith("\\"):
            found.append(lines)
            lines = []
    if lines:
        found.append(lines)
    result = []
    for lines in found:
        match = INSTRUCTION_RE.match(lines[0][1])
        if match:
            rest = [(lines[0][0], match["rest"])] + lines[1:]
            joined = " ".join(t.strip().removesuffix("\\") for _, t in rest).strip()
            result.append((lines[0][0], match["name"].upper(), joined, rest))
    return result


def _expand(text: str, variables: dict) -> str:
    def value(match):
        name = match["braced"] or match["plain"]
        if name in variables:
            return variables[name]
        if match["default"] is not None:
            return match["default"]
        return match.group()
    return VARIABLE_RE.sub(value, text)


def _assignments(rest: str, instruction: str) -> dict:
    """``ARG A=1 B=2``, ``ENV A=1``, ``ENV A 1``: literal defaults only."""
    words = rest.split()
    if instruction == "ENV" and len(words) >= 2 and "=" not in words[0]:
        return {words[0]: " ".join(words[1:]).strip("\"'")}
    pairs = {}
    for word in words:
        name, equals, value = word.partition("=")
        if equals and "$" not in value:
            pairs[name] = value.strip("\"'")
    return pairs


def read(path: Path, label) -> Installs:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    file, context = label(path), path.parent
    found, variables, copies, workdir = Installs(), {}, {}, "/"

    # the build context: the Dockerfile's directory, or a parent (docker build -f docker/Dockerfile .)
    contexts = [context, *list(context.parents)[:2]]

    def translate(written: str):
        where = posixpath.normpath(posixpath.join(workdir, written))
        candidates = []
        for dest in sorted(copies, key=len, reverse=True):  # the most specific copy first
            if where == dest:
                candidates = [copies[dest]]
            elif where.startswith(dest.rstrip("/") + "/"):  # below a copied directory (COPY . /app)
                candidates = [posixpath.join(copies[dest], where[len(dest.rstrip("/")) + 1:])]
            if candidates:
                break
        if not written.startswith("/"):
            candidates.append(written)
        for root in contexts:
            for candidate in candidates:
                if (root / candidate).is_file():
                    return root / candidate
        return None

    for number, name, rest, lines in instructions(text):
        if name in ("ARG", "ENV"):
            variables.update(_assignments(rest, name))
        elif name == "WORKDIR":
            workdir = posixpath.join(workdir, _expand(rest, variables).strip("\"'"))
        elif name in ("COPY", "ADD"):
            _copy(_expand(rest, variables), workdir, copies)
        elif name == "RUN":
            exec_form = _exec_form(_expand(rest, variables))
            if exec_form is not None:
                arguments = install_arguments(exec_form)
                if arguments is not None:
                    read_arguments(arguments, file, number, found, None, translate)
                continue
            first = lines[0][1].lstrip()
            while first.startswith("--"):  # RUN --mount=... --network=...
                first = first.partition(" ")[2].lstrip()
            numbered = [(n, _expand(code[:comment_start(code)], variables))
                        for n, code in [(lines[0][0], first)] + lines[1:]]
            read_shell("", file, found, None, number, translate, numbered)
    return found


def _exec_form(rest: str):
    if not rest.startswith("["):
        return None
    try:
        words = json.loads(rest)
    except ValueError:
        return None
    return [w for w in words if isinstance(w, str)] if isinstance(words, list) else None


def _copy(rest: str, workdir: str, copies: dict) -> None:
    """Record where ``COPY src... dest`` puts each source (a stage's ``--from`` copies nothing
    from the build context)."""
    words = rest.split()
    if any(w.startswith("--from") for w in words):
        return
    words = [w for w in words if not FLAG_RE.match(w)]
    if rest.startswith("["):
        try:
            words = [w for w in json.loads(rest) if isinstance(w, str)]
        except ValueError:
            return
    if len(words) < 2:
        return
    *sources, dest = words
    dest = posixpath.join(workdir, dest)
    for source in sources:
        if any(c in source for c in "*?[$"):
            continue
        source = source.lstrip("/") or "."  # COPY /requirements ...: the build context's root
        if dest.endswith(("/", "/.")) or len(sources) > 1:  # into a directory (COPY a.txt .)
            copies[posixpath.normpath(posixpath.join(dest, posixpath.basename(source)))] = source
        else:
            copies[posixpath.normpath(dest)] = source
