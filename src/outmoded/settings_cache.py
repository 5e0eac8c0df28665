"""Reading a project's configuration, remembered between runs.

What reading ``pyproject.toml`` costs a small check is imports: ``tomllib`` (with ``datetime``)
to parse it, and ``packaging`` (with ``typing``) to find the versions ``requires-python`` admits:
together more than checking a file takes.  Both answers are kept as JSON in the user's cache
directory (``$XDG_CACHE_HOME/outmoded/settings``), never in the checked-out tree:

- ``pyproject(path, parse)``: the parts of a pyproject.toml outmoded reads (``[project]
  requires-python`` and ``[tool.outmoded]``), keyed by the file's real path and the hash of its
  bytes (the file is read, only not parsed): an edited file is parsed again, however quickly it
  was rewritten.  A document whose parts do not survive JSON unchanged (a TOML date) is not kept.
- ``bound(spec, highest, compute)``: the highest or lowest Python a specifier admits, keyed by
  the specifier and the newest release outmoded knows.  Errors are never kept.
- ``setup_requires(folder, compute)``: a setuptools project's ``python_requires`` (setup.cfg read
  with ``configparser``, setup.py parsed with ``ast``: ~10 ms of every run on such a project),
  keyed by the folder's real path and the hash of both files' bytes.

A cache file that is missing, unreadable or not what this module writes is ignored and written
again; a failed write only costs the next run the work.
"""

from __future__ import annotations

import os

from outmoded import quickjson, userfiles

FORMAT = 1  # bump when what is stored changes
# bump when what setup_requires computes from the same files changes (2: a PKG-INFO's classifiers
# give a floor; 3: Python 2's too); part of its files' names, so that checkouts computing it
# differently never share one
SETUP_READER = 3


def directory() -> str:
    return userfiles.cache_directory("settings")


def _load(path: str) -> dict | None:
    try:
        with open(path, "rb") as handle:
            value = quickjson.loads(handle.read())  # json.loads, without importing json (and re)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) and value.get("format") == FORMAT else None


def _save(path: str, value: dict) -> None:
    import json

    try:
        data = json.dumps(dict(value, format=FORMAT), separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):
        return
    if userfiles.write_atomic(path, data):
        # forget projects and specifiers not seen for a month (written again when they return)
        userfiles.prune(os.path.dirname(path), 30 * 86400)


def _key(text: str) -> str:
    from outmoded.cache import digest

    return digest(text, size=12)


def _reduced(document: dict) -> dict | None:
    """The parts of a pyproject.toml document outmoded reads, or None when the document is
    shaped so that reading it would fail (the full document is then read every time)."""
    project, tool = document.get("project"), document.get("tool")
    if not (project is None or isinstance(project, dict)) or not (tool is None or isinstance(tool, dict)):
        return None
    reduced: dict = {}
    if project and "requires-python" in project:
        reduced["project"] = {"requires-python": project["requires-python"]}
    if tool and "outmoded" in tool:
        reduced["tool"] = {"outmoded": tool["outmoded"]}
    return reduced


_DOCUMENTS: dict = {}  # this process's answers, by (real path, digest of the bytes)


def pyproject(path: str, parse) -> dict:
    """The pyproject.toml at ``path`` as ``parse(path, data)`` parses its bytes (reduced to what
    outmoded reads), from the cache when the bytes are unchanged."""
    from outmoded.cache import content_digest

    real = os.path.realpath(path)
    try:
        with open(real, "rb") as handle:
            data = handle.read()
    except OSError:
        return parse(path, None)  # the parser reads it again and says what is wrong
    stamp = content_digest(data)
    known = _DOCUMENTS.get((real, stamp))
    if known is not None:  # asked again in this run (each project's walk asks what it says)
        return known
    where = os.path.join(directory(), f"pyproject-{_key(real)}.json")
    found = _load(where)
    if found is not None and found.get("path") == real and found.get("stamp") == stamp \
            and isinstance(found.get("document"), dict):
        _DOCUMENTS[(real, stamp)] = found["document"]
        return found["document"]
    document = parse(path, data)
    reduced = _reduced(document)
    if reduced is None:
        return document
    import json

    try:
        kept = json.loads(json.dumps(reduced)) == reduced
    except (TypeError, ValueError):
        kept = False
    if kept:
        _save(where, {"path": real, "stamp": stamp, "document": reduced})
        _DOCUMENTS[(real, stamp)] = reduced
    return reduced


_BOUNDS: dict = {}  # this process's answers, by key


def bound(spec: str, highest: bool, latest: tuple[int, int], compute):
    """``compute(spec, highest)`` (a (major, minor) tuple or None), remembered per specifier."""
    key = f"{spec}\0{int(highest)}\0{latest[0]}.{latest[1]}"
    if key in _BOUNDS:
        return _BOUNDS[key]
    where = os.path.join(directory(), f"bound-{_key(key)}.json")
    found = _load(where)
    if found is not None and found.get("key") == key and "bound" in found:
        value = found["bound"]
        if value is None or (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
            _BOUNDS[key] = None if value is None else tuple(value)
            return _BOUNDS[key]
    value = compute(spec, highest)  # raises for a bad specifier: nothing is kept
    _save(where, {"key": key, "bound": None if value is None else list(value)})
    _BOUNDS[key] = value
    return value


def setup_requires(folder: str, compute) -> str | None:
    """``compute(folder)``, the ``python_requires`` a setuptools project declares in setup.cfg or
    setup.py (or an sdist's PKG-INFO), remembered while the three files' bytes are unchanged."""
    from outmoded.cache import content_digest

    real = os.path.realpath(folder)
    stamp = []
    for name in ("setup.cfg", "setup.py", "PKG-INFO"):
        data = _regular_bytes(os.path.join(real, name))
        stamp.append(None if data is None else content_digest(data))
    where = os.path.join(directory(), f"setup{SETUP_READER}-{_key(real)}.json")
    found = _load(where)
    if found is not None and found.get("path") == real and found.get("stamp") == stamp \
            and (found.get("requires") is None or isinstance(found.get("requires"), str)) and "requires" in found:
        return found["requires"]
    value = compute(folder)  # raises for an unreadable setup.cfg: nothing is kept
    _save(where, {"path": real, "stamp": stamp, "requires": value})
    return value


def _regular_bytes(path: str) -> bytes | None:
    """The bytes of the regular file at ``path``, else None (absent, unreadable, or a FIFO named
    PKG-INFO or setup.cfg, which would hang the run waiting for a writer)."""
    from outmoded.source import open_regular

    try:
        with open_regular(path) as handle:
            return handle.read()
    except OSError:
        return None
