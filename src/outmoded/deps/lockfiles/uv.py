"""``uv.lock``: every package uv locked, with the edges it records between them.

The format (uv's docs, "Lockfile"): ``[[package]]`` tables with ``name``, ``version``, ``source``
(``registry``, ``git``, ``path``, ``directory``, ``editable``, ``virtual``, ``url``),
``dependencies``, ``optional-dependencies`` (per extra) and ``dev-dependencies`` (per group) as
lists of ``{name, version?, marker?, extra?}``. When resolution forks (a package locked at two
versions for different Pythons), edges name the version. The project's own packages are the
workspace members (``[manifest] members``, or the one whose source is ``.``); their edges are
the roots. Its top-level ``version`` is the schema's (``1``; ``revision`` counts compatible
changes within it): uv refuses any other, and a string, so this reader does too.
"""

from __future__ import annotations

from collections import Counter

from packaging.utils import canonicalize_name

from outmoded.cli import UsageError
from outmoded.deps.lockfiles.graph import (
    Edge,
    Lock,
    Node,
    marker,
    packages,
    roots_without_parents,
)

SCHEMAS = (1,)  # the lock schema versions uv reads: uv 0.13.10 refuses 0 and 2 ("unsupported schema version")


def read(path, label, load) -> Lock:
    data, text = load(path)
    items, version = data.get("package"), data.get("version")
    if isinstance(version, int) and items is None:
        raise UsageError(f"{path}: a uv lock file that locks no package (no [[package]] tables): run uv lock")
    if version is None or not isinstance(items, list):
        raise UsageError(f"{path}: not a uv lock file (no `version` and [[package]] tables)")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UsageError(f"{path}: its `version` is {version!r}, not the integer uv writes: uv refuses "
                         f"the file, and what it locks cannot be trusted")
    if version not in SCHEMAS:
        raise UsageError(f"{path}: lock schema version {version}; uv reads only version "
                         f"{', '.join(map(str, SCHEMAS))} (what uv lock writes) and refuses this file, "
                         f"and so does outmoded: what it locks cannot be trusted")
    manifest = data.get("manifest") if isinstance(data.get("manifest"), dict) else {}
    members = {canonicalize_name(m) for m in manifest.get("members") or [] if isinstance(m, str)}
    lock = Lock(label(path))
    for package, name, line in packages(items, text, lock.unread, lock.file):
        node = Node(name, package.get("version"), line,
                    _edges(package.get("dependencies")),
                    {extra: _edges(items) for extra, items in _table(package.get("optional-dependencies"))})
        forks = package.get("resolution-markers")
        node.forks = tuple(marker(m) for m in forks if isinstance(m, str)) if isinstance(forks, list) else ()
        kind, where = _source(package)
        if kind != "registry":
            node.not_from_index = f"not from an index ({kind} {where})".rstrip()
        lock.add(node)
        if _is_member(name, kind, where, members):
            node.not_from_index = "the project itself"
            lock.roots += node.edges + [e for es in node.extras.values() for e in es]
            lock.roots += [e for _, items in _table(package.get("dev-dependencies")) for e in _edges(items)]
    if not lock.roots:
        lock.roots = roots_without_parents(lock)
    _other_indexes(items, lock)
    return lock


def _other_indexes(items: list, lock: Lock) -> None:
    """Mark the packages locked from another registry than most of the lock's (a
    ``[[tool.uv.index]]`` the project pins torch to: ``source = { registry =
    "https://download.pytorch.org/whl/cpu" }``): ``Node.index``."""
    registries = [_registry(p) for p in items if isinstance(p, dict)]
    counts = Counter(r for r in registries if r)
    if len(counts) < 2:
        return
    main = counts.most_common(1)[0][0]
    by_name = {}
    for package, registry in zip((p for p in items if isinstance(p, dict)), registries):
        if registry and registry != main and isinstance(package.get("name"), str):
            by_name.setdefault((canonicalize_name(package["name"]), package.get("version")), registry)
    for nodes in lock.nodes.values():
        for node in nodes:
            node.index = by_name.get((canonicalize_name(node.name), node.version), "")


def _registry(package: dict) -> str:
    source = package.get("source")
    registry = source.get("registry") if isinstance(source, dict) else None
    return registry.rstrip("/") if isinstance(registry, str) else ""


def _is_member(name: str, kind: str, where: str, members: set) -> bool:
    if members:
        return canonicalize_name(name) in members
    return kind in ("virtual", "editable") and where == "."


def _source(package: dict) -> tuple:
    source = package.get("source")
    if not isinstance(source, dict) or not source:
        return "registry", ""
    kind = next(iter(source))
    return kind, str(source[kind]) if kind != "registry" else ""


def _edges(items) -> list:
    edges = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            extras = item.get("extra") if isinstance(item.get("extra"), list) else []
            edges.append(Edge(canonicalize_name(item["name"]), marker(item.get("marker")),
                              tuple(str(e) for e in extras), item.get("version"), item["name"]))
    return edges


def _table(value) -> list:
    return list(value.items()) if isinstance(value, dict) else []
