"""``pdm.lock``: the packages pdm locked and the requirement strings it records for each.

``[[package]]`` tables carry ``name``, ``version``, ``dependencies`` (PEP 508 strings) and, for a
package wanted with extras, a second table with ``extras = [...]`` whose dependencies are what
those extras add. The project's own requirements are not in the lock: they come from the
``pyproject.toml`` beside it (or, without one, every package nothing else requires). ``[metadata] lock_version`` is
the format's: pdm (``PDMLock.spec_version`` 4.5.1) finds a lock of another major, or of a newer
minor than its own (4.6), "not compatible with PDM" (``PDMLock.compatibility``: ``lockfile_version.major
!= spec_version.major or lockfile_version.minor > spec_version.minor``), and ``pdm install`` then
locks anew rather than install it, ``pdm install --check`` exits 1, so this reader refuses it; a
newer micro (4.5.2) pdm reads with a warning, and so does this reader. ``lock_version`` pdm cannot
parse as a version it fails on, and this reader refuses.
"""

from __future__ import annotations

from packaging.utils import canonicalize_name

from outmoded.cli import UsageError
from outmoded.deps.lockfiles.graph import Lock, Node, edge_from_requirement, format_major, packages
from outmoded.deps.model import Skipped

SOURCES = ("git", "path", "url", "editable")
MAJOR = "4"  # the lock_version major pdm 2.x writes and reads
NEWEST = (4, 5)  # the newest (major, minor) pdm reads: its PDMLock.spec_version 4.5.1


def read(path, label, load) -> Lock:
    data, text = load(path)
    metadata, items = data.get("metadata"), data.get("package")
    if not isinstance(metadata, dict) or "lock_version" not in metadata or not isinstance(items, list):
        raise UsageError(f"{path}: not a pdm lock file (no [metadata] lock_version and [[package]] tables)")
    if format_major(metadata["lock_version"]) != MAJOR or _minor(metadata["lock_version"]) > NEWEST:
        raise UsageError(f"{path}: lock_version {metadata['lock_version']!r}; pdm reads only {MAJOR}.x up to "
                         f"{NEWEST[0]}.{NEWEST[1]} (what pdm lock writes): it finds this file 'not compatible with "
                         f"PDM' and pdm install locks anew instead of installing it, so outmoded refuses it: what "
                         f"it locks is not what is installed")
    lock, extras = Lock(label(path)), []
    groups = metadata.get("groups")
    lock.groups = frozenset(g for g in groups if isinstance(g, str)) if isinstance(groups, list) else None
    for package, name, line in packages(items, text, lock.unread, lock.file):
        edges = [e for e in map(edge_from_requirement, _strings(package.get("dependencies"))) if e]
        if _strings(package.get("extras")):
            extras.append((canonicalize_name(name), _strings(package["extras"]), edges))
            continue
        node = Node(name, package.get("version"), line, edges)
        source = next((key for key in SOURCES if key in package), None)
        if source:
            node.not_from_index = f"not from an index ({source} {package[source]})"
        lock.add(node)
    for name, wanted, edges in extras:
        for node in lock.nodes.get(name, []):
            for extra in wanted:
                node.extras.setdefault(extra, []).extend(e for e in edges if e.name != name)
    return lock


def _strings(value) -> list:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def locked_roots(lock: Lock, roots: list) -> tuple:
    """(the roots pdm locked, Skipped for the others): a root of a project extra that is not
    among the groups ``[metadata] groups`` says pdm locked was left out on purpose (``pdm lock``
    locks the groups it is asked for), not forgotten.  pdm's own pyproject.toml and pdm.lock of
    2026-08-21 (a7e9d001): extras copier and cookiecutter, groups locked: default, all, doc,
    keyring, pytest, test, tox, workflow; ``pdm lock --check`` (pdm 2.29.4) says "Lockfile is up
    to date", and the run said 'copier: required by the project but not in pdm.lock: the lock is
    out of date'."""
    if lock.groups is None:
        return roots, []
    kept, left = [], {}
    for root in roots:
        if root.group_extra and root.group_extra not in lock.groups:
            left.setdefault(root.name, Skipped(root.written or root.name, lock.file, None,
                                               f"in the extra {root.group_extra}, which {lock.file} does not lock "
                                               f"(its groups: {', '.join(sorted(lock.groups))})"))
        else:
            kept.append(root)
    locked = {r.name for r in kept}
    return kept, [s for name, s in left.items() if name not in locked]


def _minor(version: str) -> tuple:
    """(major, minor) of a ``lock_version`` as pdm parses it; past every format when it cannot."""
    from packaging.version import InvalidVersion, Version

    try:
        parsed = Version(version)
    except InvalidVersion:
        return (float("inf"),)
    return parsed.major, parsed.minor
