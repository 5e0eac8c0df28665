"""Reading pip requirements files: ``-r`` includes, comments, continuations, options, hashes.

Follows pip's own rules (``pip/_internal/req/req_file.py``) for what a line is, so a file pip
accepts reads the same here: ``#`` starts a comment only at the line start or after whitespace
(URLs keep their ``#egg=`` fragments), a trailing backslash joins the next line, and per-line
options such as ``--hash`` follow the requirement after a space.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from outmoded.cli import UsageError
from outmoded.deps.model import Dependency, Skipped
from outmoded.specifiers import unreadable


class NoDependencyTable(UsageError):
    """A dependency file that declares nothing this tool reads (no table, dynamic, computed)."""


COMMENT_RE = re.compile(r"(^|\s+)#.*$")
ENV_VAR_RE = re.compile(r"\$\{([A-Z0-9_]+)\}")
INCLUDE_RE = re.compile(r"^(?:-r|--requirement)(?:\s*=?\s*)(\S.*)$")
CONSTRAINT_RE = re.compile(r"^(?:-c|--constraint)(?:\s*=?\s*)(\S.*)$")
CONSTRAINED = "constraints file: pip installs what it pins where a requirement pulls it in; not judged here"
EDITABLE_RE = re.compile(r"^(?:-e|--editable)\b")
DIRECT_RE = re.compile(r"^(?:[./~]|[A-Za-z][A-Za-z0-9+.-]*://|\S+\.(?:whl|zip|tar\.gz|tgz)$)")


def logical_lines(text: str):
    """(first physical line number, text) for each non-empty logical line, comments removed."""
    start, parts = None, []
    for number, raw in enumerate(text.splitlines(), start=1):
        start = start or number
        # pip removes comments before joining, so a comment may end in a backslash harmlessly.
        line = COMMENT_RE.sub("", raw)
        if line.endswith("\\"):
            parts.append(line[:-1])
            continue
        parts.append(line)
        yield from _joined(start, parts)
        start, parts = None, []
    yield from _joined(start, parts)  # a continuation on the last line


def _joined(start, parts: list):
    joined = " ".join(p.strip() for p in parts).strip()
    if joined:
        # ${VAR} expansion, as pip does; unset variables stay as written.
        yield start, ENV_VAR_RE.sub(lambda m: os.environ.get(m.group(1), m.group(0)), joined)


def requirement_text(line: str) -> str:
    """The requirement part of a line: everything before the first option (``--hash=...``)."""
    kept = []
    for token in line.split(" "):
        if token.startswith("-"):
            break
        kept.append(token)
    return " ".join(kept).strip()


def read(path: Path, label, seen: set | None = None):
    """Dependencies and skipped lines of one requirements file and the files it includes.

    ``label(path)`` gives the name reported for a file; ``seen`` stops include cycles.
    """
    seen = set() if seen is None else seen
    seen.add(path.resolve())
    deps, skipped = [], []
    for number, line in logical_lines(_read_text(path)):
        found = _read_line(path, label, seen, number, line)
        deps.extend(d for d in found if isinstance(d, Dependency))
        skipped.extend(s for s in found if isinstance(s, Skipped))
    return deps, skipped


def _read_line(path: Path, label, seen: set, number: int, line: str) -> list:
    where = (label(path), number)
    include = INCLUDE_RE.match(line)
    if include:
        return _include(path, label, seen, number, include.group(1).strip())
    if EDITABLE_RE.match(line):
        return [Skipped(line, *where, "editable install: not looked up on the index")]
    constraint = CONSTRAINT_RE.match(line)
    if constraint:
        return [Skipped(f"-c {constraint.group(1).strip()}", *where, CONSTRAINED)]
    if line.startswith("-"):
        return []  # index and install options (-i, --pre, ...) name no dependency
    text = requirement_text(line)
    if DIRECT_RE.match(text):
        return [Skipped(text, *where, "path or URL: not looked up on the index")]
    found = parse_requirement(text, *where)
    if isinstance(found, Dependency):
        found.hashed = any(token.startswith("--hash") for token in line[len(text):].split())
    return [found]


def complete(deps: list, skipped: list = ()) -> bool:
    """Do these requirements, read from one file and its includes, name everything pip installs
    with them?  A ``--hash`` on any line puts pip in hash-checking mode, which installs nothing the
    files do not list with its hash ("Hashes are required in --require-hashes mode, but they are
    missing from some requirements"): pip-compile's and ``uv pip compile``'s
    ``--generate-hashes`` output is such a lock.  Not with a ``-c`` constraints file (``skipped``
    says it): there the hashed pins of what the requirements pull in are in that file, which pip
    installs from as they need it: kuma's requirements/default.txt of 2019-05 (54 hashed pins,
    ``-c constraints.txt`` of 65, kombu 3.0.37 and billiard for its celery 3.1.25 among them)."""
    return any(d.hashed for d in deps) and not any(s.reason == CONSTRAINED for s in skipped)


def parse_requirement(text: str, file: str, line):
    """A ``Dependency`` (with ``error`` set when malformed) or a ``Skipped`` direct reference."""
    try:
        requirement = Requirement(text)
    except InvalidRequirement as exc:
        first = str(exc).splitlines()[0] if str(exc) else "not a valid requirement"
        return Dependency(text, None, file, line, error=f"malformed requirement {text!r}: {first}")
    if requirement.url:
        return Skipped(requirement.name, file, line, "direct URL reference: not looked up on the index")
    bad = unreadable(requirement.specifier)
    if bad is not None:
        return Dependency(requirement.name, None, file, line, error=f"malformed requirement: {bad}")
    return Dependency(requirement.name, requirement, file, line)


def _include(path: Path, label, seen: set, number: int, target: str) -> list:
    if "://" in target:
        return [Skipped(target, label(path), number, "remote requirements file: not fetched")]
    included = (path.parent / target)
    if included.resolve() in seen:
        return []  # an include cycle: every line of that file is already read
    if not included.is_file():
        return [Dependency(f"-r {target}", None, label(path), number,
                           error=f"included requirements file not found: {target}")]
    deps, skipped = read(included, label, seen)
    return deps + skipped


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
