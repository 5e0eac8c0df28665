"""Pipenv: ``Pipfile`` (TOML, what the project asks for) and ``Pipfile.lock`` (JSON, every
package pinned, each with its own marker but no record of who requires it).

``Pipfile`` categories are ``[packages]``, ``[dev-packages]`` and any custom table; a value is
``"*"``, a specifier (``"==1.0"``, ``">=2"``) or a table with ``version``, ``extras``,
``markers``, marker-name keys (``sys_platform = "== 'win32'"``) or a non-index source (``git``,
``path``, ``file``). ``Pipfile.lock`` has the same categories (``default``, ``develop``, ...)
mapping names to ``{"version": "==x", "markers": ...}`` (``"*"`` for a package locked for
another platform). An entry whose ``version`` is neither (``3``, ``"1.17.0"``) is damaged:
pipenv 2026.10.3's ``pipenv sync`` refuses the lock (``Invalid type for field version``) or
fails installing it. ``_meta``'s ``pipfile-spec`` (6) pipenv never reads (3 or "six" install
the same), so neither does this reader. An entry without a version (pipenv writes none for VCS
and path sources), or ``"*"``, is installed unpinned.
"""

from __future__ import annotations

import json
import re

from packaging.utils import canonicalize_name

from outmoded.cli import UsageError
from outmoded.deps.lockfiles.graph import Edge, Lock, Node, marker
from outmoded.deps.model import Dependency, Skipped
from outmoded.deps.requirements import parse_requirement

NOT_CATEGORIES = ("source", "requires", "pipenv", "scripts")
NOT_INDEX = ("git", "path", "file", "hg", "svn", "bzr")
MARKER_KEYS = ("os_name", "sys_platform", "platform_machine", "platform_python_implementation",
               "platform_release", "platform_system", "platform_version", "python_version",
               "python_full_version", "implementation_name", "implementation_version")


def read_pipfile(path, label, load) -> tuple:
    """Dependencies and skipped entries of a ``Pipfile``."""
    data, text = load(path)
    categories = [(name, table) for name, table in data.items()
                  if name not in NOT_CATEGORIES and isinstance(table, dict)]
    if not categories:
        from outmoded.deps.requirements import NoDependencyTable

        raise NoDependencyTable(f"{label(path)}: no [packages] or [dev-packages] table")
    deps, skipped = [], []
    for _category, table in categories:
        for name, spec in table.items():
            line = _key_line(text, name)
            requirement = _requirement(name, spec)
            if isinstance(requirement, tuple):
                skipped.append(Skipped(name, label(path), line, requirement[1]))
                continue
            found = parse_requirement(requirement, label(path), line)
            (deps if isinstance(found, Dependency) else skipped).append(found)
    return deps, skipped


def _requirement(name: str, spec) -> str | tuple:
    if isinstance(spec, str):
        spec = {"version": spec}
    if not isinstance(spec, dict):
        return name, "not a Pipfile package specification"
    source = next((key for key in NOT_INDEX if key in spec), None)
    if source:
        return name, f"not from an index ({source} {spec[source]})"
    extras = spec.get("extras") if isinstance(spec.get("extras"), list) else []
    text = name + (f"[{','.join(str(e) for e in extras)}]" if extras else "")
    version = str(spec.get("version", "*")).strip()
    if version not in ("", "*"):
        text += version if version[0] in "<>=!~" else f"=={version}"
    conditions = [f"({spec['markers']})"] if isinstance(spec.get("markers"), str) else []
    conditions += [f"{key} {spec[key]}" for key in MARKER_KEYS if isinstance(spec.get(key), str)]
    return text + (f"; {' and '.join(conditions)}" if conditions else "")


def read_lock(path, label) -> tuple:
    """(Lock whose roots are every entry, names the Pipfile asks for or None)."""
    try:
        text = path.read_bytes().decode("utf-8")
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: not a Pipfile.lock (not JSON: {exc})") from None
    except RecursionError:  # nested past the decoder's limit
        raise UsageError(f"{path}: not a Pipfile.lock (not JSON: nested too deeply to read)") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("_meta"), dict):
        raise UsageError(f"{path}: not a Pipfile.lock (no _meta section)")
    lock, lines = Lock(label(path)), _entry_lines(text)
    for category, entries in data.items():
        if category == "_meta":
            continue
        if not isinstance(entries, dict):  # pipenv sync reads each category's items: it fails on the lock
            lock.unread.append(Dependency(f"[{category}]", None, lock.file, lines.get((None, category)), error=(
                "not a table of packages: the lock is damaged, and what it locks there cannot be checked")))
            continue
        for name, entry in entries.items():
            if not isinstance(entry, dict):  # a damaged lock: what it locks there cannot be checked
                lock.unread.append(Dependency(name, None, lock.file, lines.get((category, name)), error=(
                    f"its entry in [{category}] is not a table: the lock is damaged, and what it locks there "
                    f"cannot be checked")))
                continue
            version = entry.get("version", "")
            if not isinstance(version, str) or version.strip() not in ("", "*") and version.strip()[0] not in "<>=!~":
                lock.unread.append(Dependency(name, None, lock.file, lines.get((category, name)), error=(
                    f"its version in [{category}] is {version!r}, not a pin: pipenv sync fails on it, the "
                    f"lock is damaged, and what it locks there cannot be checked")))
                continue
            version = version.strip()
            node = Node(name, version[2:] if version.startswith("==") else None, lines.get((category, name)),
                        marker=marker(entry.get("markers")))
            source = next((key for key in NOT_INDEX if key in entry), None)
            if source:
                node.not_from_index = f"not from an index ({source} {entry[source]})"
            lock.add(node)
            lock.roots.append(Edge(canonicalize_name(name), written=name))
    return lock


def _key_line(text: str, name: str):
    match = re.search(rf'^\s*(?:"{re.escape(name)}"|{re.escape(name)})\s*=', text, re.MULTILINE | re.IGNORECASE)
    return text.count("\n", 0, match.start()) + 1 if match else None


JSON_TOKEN_RE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*(:)?|([{}\[\]])')


def _entry_lines(text: str) -> dict:
    """(category, name) -> line of the entry's key, the keys two objects deep in a Pipfile.lock
    ((None, category) -> the category's line),
    in one pass over its JSON tokens: a key is found where it is, not at a line's start, so a lock
    written on one line (or an entry that is not a table) has its line too."""
    lines, open_, line, last, category = {}, [], 1, 0, None
    for match in JSON_TOKEN_RE.finditer(text):
        key, colon, bracket = match.groups()
        if bracket:
            if bracket in "{[":
                open_.append(bracket)
            elif open_:
                open_.pop()
        elif colon and open_ in (["{"], ["{", "{"]):
            line += text.count("\n", last, match.start())
            last = match.start()
            if len(open_) == 1:
                category = key
            lines.setdefault((None, key) if len(open_) == 1 else (category, key), line)
    return lines
