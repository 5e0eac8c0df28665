"""Poetry: ``poetry.lock`` and the ``[tool.poetry]`` dependency tables, with Poetry's version
constraints (``^1.2``, ``~1.2``, ``1.2.*``, ``>=1,<2``, ``||``) turned into PEP 440 specifiers.

``poetry.lock`` has ``[[package]]`` tables with ``[package.dependencies]`` (name -> constraint,
or a table with ``version``, ``markers``, ``optional``, ``extras``, ``python``, or a list of such
tables) and ``[package.extras]`` (extra -> requirement strings such as ``"PySocks (>=1.5.6)"``).
The project's own requirements come from ``pyproject.toml``. ``[metadata] lock-version`` is the
format's: Poetry 2.x reads majors 1 and 2 (``_READ_VERSION_RANGE = ">=1,<3"`` in its
``packages/locker.py``) and raises "The lock file is not compatible with the current version of
Poetry" on any other, or none; so does this reader.
"""

from __future__ import annotations

import re

from packaging.utils import canonicalize_name

from outmoded.cli import UsageError
from outmoded.deps.lockfiles.graph import Edge, Lock, Node, format_major, marker, packages

NOT_INDEX = ("git", "directory", "file", "url")
MAJORS = ("1", "2")  # the lock-version majors Poetry 2.x reads
TOKEN_RE = re.compile(r"(\^|~=|~|===|==|!=|>=|<=|>|<|=)?\s*([0-9][0-9A-Za-z.*+!_-]*|\*)")
NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def read(path, label, load) -> Lock:
    data, text = load(path)
    metadata, items = data.get("metadata"), data.get("package")
    if not isinstance(metadata, dict) or not isinstance(items, list):
        raise UsageError(f"{path}: not a poetry lock file (no [metadata] and [[package]] tables)")
    version = metadata.get("lock-version")
    if format_major(version) not in MAJORS:
        written = "no lock-version" if version is None else f"lock-version {version!r}"
        raise UsageError(f"{path}: {written} in [metadata]; Poetry reads only 1.x and 2.x (what poetry lock "
                         f"writes) and refuses this file, 'not compatible with the current version of "
                         f"Poetry', and so does outmoded: what it locks cannot be trusted")
    lock = Lock(label(path))
    for package, name, line in packages(items, text, lock.unread, lock.file):
        node = Node(name, package.get("version"), line)
        _add_edges(node, package)
        source = package.get("source") if isinstance(package.get("source"), dict) else {}
        if source.get("type") in NOT_INDEX:
            node.not_from_index = f"not from an index ({source['type']} {source.get('url', '')})".rstrip()
        elif source.get("type") == "legacy" and isinstance(source.get("url"), str):
            node.index = source["url"].rstrip("/")  # a [[tool.poetry.source]] other than PyPI
        lock.add(node)
    return lock


def _add_edges(node: Node, package: dict) -> None:
    by_extra = {}  # dependency name -> extras that list it
    for extra, items in _table(package.get("extras")):
        for item in items if isinstance(items, list) else []:
            found = NAME_RE.match(item) if isinstance(item, str) else None
            if found:
                by_extra.setdefault(canonicalize_name(found.group(1)), []).append(extra)
    for written, value in _table(package.get("dependencies")):
        for spec in value if isinstance(value, list) else [value]:
            spec = spec if isinstance(spec, dict) else {}
            edge = Edge(canonicalize_name(written), _marker(spec),
                        tuple(str(e) for e in spec.get("extras") or []), written=written)
            if spec.get("optional"):
                for extra in by_extra.get(edge.name, []):
                    node.extras.setdefault(extra, []).append(edge)
            else:
                node.edges.append(edge)


def _marker(spec: dict):
    parts = [f"({spec['markers']})"] if isinstance(spec.get("markers"), str) else []
    if isinstance(spec.get("python"), str) and spec["python"].strip() not in ("", "*"):
        parts.append(python_marker(spec["python"]))
    return marker(" and ".join(parts)) if parts else None


def python_marker(constraint: str) -> str:
    """``python = "^3.9"`` as a marker: ``python_full_version >= '3.9' and ... < '4.0.0'``."""
    alternatives = []
    for specifiers in _alternatives(constraint):
        clauses = [f"python_full_version {op} '{version}'" for op, version in
                   (re.match(r"(~=|===|==|!=|>=|<=|>|<)(.*)", s).groups() for s in specifiers)]
        alternatives.append(" and ".join(clauses) or "python_full_version >= '0'")
    return "(" + ") or (".join(alternatives) + ")"


def to_pep440(constraint: str) -> str:
    """A Poetry constraint as a PEP 440 specifier set (``""`` for any version).

    A union (``^1.0 || ^2.0``) has no PEP 440 spelling: the alternative with the highest lower
    bound is kept, which holds the newest releases, the ones judged.
    """
    alternatives = _alternatives(constraint)
    best = max(alternatives, key=_lower_bound)
    return ",".join(best)


def _alternatives(constraint: str) -> list:
    return [_specifiers(part) for part in re.split(r"\s*\|\|?\s*", constraint.strip()) if part.strip()] \
        or [[]]


def _specifiers(text: str) -> list:
    specifiers = []
    for op, version in TOKEN_RE.findall(text.replace(",", " ")):
        if version == "*":
            continue
        if op == "^":
            specifiers += [f">={version}", f"<{_caret_upper(version)}"]
        elif op == "~":
            specifiers += [f">={version}", f"<{_tilde_upper(version)}"]
        elif op in ("", "="):
            specifiers.append(f"=={version}")
        else:
            specifiers.append(f"{op}{version}")
    if not specifiers and text.strip() not in ("", "*") and not TOKEN_RE.search(text):
        raise ValueError(f"not a Poetry version constraint: {text!r}")
    return specifiers


def _release(version: str) -> list:
    return [int(n) for n in re.match(r"\d+(?:\.\d+)*", version).group().split(".")]


def _caret_upper(version: str) -> str:
    # Poetry: the next "breaking" version: bump the first non-zero component of those written.
    release = _release(version)
    major, minor, patch = (release + [0, 0])[:3]
    if major > 0 or len(release) == 1:
        return f"{major + 1}.0.0"
    if minor > 0 or len(release) == 2:
        return f"0.{minor + 1}.0"
    return f"0.0.{patch + 1}"


def _tilde_upper(version: str) -> str:
    release = _release(version)
    if len(release) == 1:
        return f"{release[0] + 1}.0.0"
    return f"{release[0]}.{release[1] + 1}.0"


def _lower_bound(specifiers: list) -> tuple:
    lows = [_release(s.lstrip("=>~!<")) for s in specifiers
            if s.startswith((">", "==", "~=")) and re.match(r"[>=~]+\d", s)]
    return max(lows, default=[])


def requirements(table: dict) -> list:
    """PEP 508 strings for a ``[tool.poetry.*dependencies]`` table; ``(name, reason)`` when skipped."""
    found = []
    for name, value in _table(table):
        if canonicalize_name(name) == "python":
            continue  # the Python the project supports, not a package
        for spec in value if isinstance(value, list) else [value]:
            found.append(_requirement(name, spec))
    return found


def _requirement(name: str, spec) -> str | tuple:
    if isinstance(spec, str):
        spec = {"version": spec}
    if not isinstance(spec, dict):
        return name, "not a Poetry dependency specification"
    source = next((key for key in ("git", "path", "url", "file") if key in spec), None)
    if source:
        return name, f"not from an index ({source} {spec[source]})"
    extras = spec.get("extras") if isinstance(spec.get("extras"), list) else []
    text = name + (f"[{','.join(str(e) for e in extras)}]" if extras else "")
    try:
        text += to_pep440(str(spec.get("version", "*")))
    except ValueError as exc:
        return name, str(exc)
    condition = _marker(spec)
    return text + (f"; {condition}" if condition else "")


def _table(value) -> list:
    return list(value.items()) if isinstance(value, dict) else []
