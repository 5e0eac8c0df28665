"""A lock file as a graph, and the walk that turns it into the dependencies the target installs.

Each format's reader builds ``Node``s (one per locked package version) with their ``Edge``s as the
lock records them, and the project's direct requirements as root edges. ``walk`` then follows,
for every platform judged, the edges whose markers hold on the target: what it reaches is what
an installer would install there, and the direct requirements it passed through say which one
pulls each transitive package in. Locks that record no edges (``Pipfile.lock``) list every
package as a root with the package's own marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from packaging.markers import (
    InvalidMarker,
    Marker,
    UndefinedComparison,
    UndefinedEnvironmentName,
)
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from outmoded.deps.model import Dependency, Skipped
from outmoded.specifiers import shortened, unreadable
from outmoded.deps.target import environment


@dataclass
class Edge:
    """A requirement of a package (or of the project) on another locked package."""

    name: str  # canonical
    marker: Marker | None = None
    extras: tuple = ()  # extras of the target package it activates
    version: str | None = None  # set when the lock names which of several versions
    written: str = ""  # the name as the project wrote it (for ``required_by``)
    group_extra: str = ""  # the project extra whose ``extra == ...`` markers it is read under


@dataclass
class Node:
    name: str  # as the lock spells it
    version: str | None
    line: int | None
    edges: list = field(default_factory=list)
    extras: dict = field(default_factory=dict)  # extra name -> [Edge]
    not_from_index: str | None = None  # why it is not looked up (git, path, ...)
    marker: Marker | None = None  # the package's own marker, for locks without edges
    forks: tuple = ()  # uv's resolution-markers: the environments this version is locked for
    index: str = ""  # the index it was locked from, when not the lock's main one (``Dependency.index``)


@dataclass
class Lock:
    file: str  # label of the lock file
    nodes: dict = field(default_factory=dict)  # canonical name -> [Node]
    roots: list = field(default_factory=list)  # [Edge]
    unread: list = field(default_factory=list)  # [Dependency]: entries the file has but no reader can read
    groups: frozenset | None = None  # pdm: the groups it locked ([metadata] groups), None: not said

    def add(self, node: Node) -> None:
        self.nodes.setdefault(canonicalize_name(node.name), []).append(node)

    def find(self, edge: Edge, env: dict) -> Node | None:
        candidates = self.nodes.get(edge.name, [])
        if edge.version is not None:
            candidates = [n for n in candidates if n.version == edge.version] or candidates
        if len(candidates) > 1:  # no version named: the one locked for this environment
            candidates = [n for n in candidates if any(holds(m, env) for m in n.forks)] or candidates
        return candidates[0] if candidates else None


def format_major(version) -> str | None:
    """The major of a lock format's version string (``"2.1"`` -> ``"2"``), None when it is not a
    string starting with a number: the part every installer checks before reading a lock."""
    head = version.strip().split(".")[0] if isinstance(version, str) else ""
    return head if head.isdigit() else None


def marker(text) -> Marker | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return Marker(text)
    except InvalidMarker:
        return None  # a marker we cannot read: keep the edge rather than drop it


def holds(mark: Marker | None, env: dict, extras=("",)) -> bool:
    if mark is None:
        return True
    try:
        return any(mark.evaluate({**env, "extra": extra}) for extra in extras or ("",))
    except (InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return True


def edge_from_requirement(text: str, group_extra: str = "") -> Edge | None:
    """An edge from a PEP 508 string (pdm's dependency lists, a project's requirements)."""
    try:
        req = Requirement(text)
    except Exception:  # noqa: BLE001 - packaging raises several types; an unreadable edge is dropped
        return None
    return Edge(canonicalize_name(req.name), req.marker, tuple(sorted(req.extras)),
                written=req.name, group_extra=group_extra)


def roots_from_dependencies(deps: list) -> list:
    """Root edges from the ``Dependency`` records a manifest reader produced."""
    return [Edge(canonicalize_name(d.name), d.requirement.marker, tuple(sorted(d.requirement.extras)),
                 written=d.name, group_extra=d.extra)
            for d in deps if d.requirement is not None]


def roots_without_parents(lock: Lock) -> list:
    """When nothing says what the project requires: every package no other package requires."""
    required = {e.name for nodes in lock.nodes.values() for n in nodes
                for e in n.edges + [e for es in n.extras.values() for e in es]}
    return [Edge(name, written=nodes[0].name) for name, nodes in lock.nodes.items()
            if name not in required]


def walk(lock: Lock, version: tuple, platforms: tuple) -> tuple:
    """(dependencies, skipped): every locked package the target installs, with its platforms."""
    reached, stale = {}, {}  # id(node) -> [node, platforms, required_by, direct]
    for platform in platforms:
        env = environment(version, platform)
        for root in lock.roots:
            if not holds(root.marker, env, (root.group_extra,)):
                continue
            if lock.find(root, env) is None:
                stale.setdefault(root.name, Dependency(
                    root.written or root.name, None, lock.file, None,
                    error=f"required by the project but not in {lock.file}: the lock is out of date"))
            _visit(lock, root, env, platform, reached, root.written or root.name)
    deps = [Dependency(node.name, pinned[0], lock.file, node.line, pinned[1],
                       platforms=tuple(p for p in platforms if p in chosen),
                       required_by=() if direct else tuple(sorted(by, key=str.lower)), direct=direct,
                       index=node.index)
            for node, chosen, by, direct in reached.values() if node.not_from_index is None
            for pinned in [_pinned(node)]]
    skipped = [Skipped(node.name, lock.file, node.line, node.not_from_index)
               for node, *_ in reached.values() if node.not_from_index is not None]
    seen = {canonicalize_name(n.name) for n, *_ in reached.values()}
    skipped += [Skipped(nodes[0].name, lock.file, nodes[0].line,
                        "locked, but nothing the target installs requires it (markers)")
                for name, nodes in lock.nodes.items() if name not in seen and _is_package(nodes[0])]
    return list(lock.unread) + list(stale.values()) + deps, skipped


def _pinned(node: Node) -> tuple:
    """(requirement, None), or (None, why) for a version no requirement can pin (``abc!!``, a
    number past Python's limit on an int's digits): a damaged entry, which cannot be checked."""
    try:
        requirement = Requirement(node.name if node.version is None else f"{node.name}=={node.version}")
    except InvalidRequirement:
        bad = f"version {shortened(str(node.version))} is not a version"
    else:
        bad = unreadable(requirement.specifier)
    if bad is None:
        return requirement, None
    return None, f"its {bad}: the lock is damaged, and what it locks there cannot be checked"


def _is_package(node: Node) -> bool:
    return node.not_from_index is None


def _visit(lock: Lock, root: Edge, env: dict, platform, reached: dict, top: str) -> None:
    stack, done = [(root, True)], set()
    while stack:
        edge, direct = stack.pop()
        node = lock.find(edge, env)
        if node is None or not holds(node.marker, env):
            continue
        key = (id(node), edge.extras)
        if key in done:
            continue
        done.add(key)
        entry = reached.setdefault(id(node), [node, set(), set(), False])
        entry[1].add(platform)
        entry[3] = entry[3] or direct
        if not direct:
            entry[2].add(top)
        active = ("",) + edge.extras
        for child in node.edges:
            if holds(child.marker, env, active):
                stack.append((child, False))
        for extra in edge.extras:
            for child in node.extras.get(extra, []):
                if holds(child.marker, env, active):
                    stack.append((child, False))


NAME_LINE_RE = re.compile(r'^name\s*=\s*"([^"]*)"\s*$', re.MULTILINE)


def packages(items: list, text: str, unread: list | None = None, file: str = "", table: str = "[[package]]"):
    """(table, name, line) for each ``[[package]]`` table of a TOML lock that has a name.  An
    entry that is not a table with a name (a damaged lock) is not a package nobody installs: it
    goes to ``unread`` as a dependency that cannot be checked, which no run passes.

    TOML parsers give no lines: the ``name = "..."`` keys are found in one pass over the text,
    and a name's n-th table (one per locked version) gets its n-th line.
    """
    lines, line, last = {}, 1, 0
    for match in NAME_LINE_RE.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        lines.setdefault(match.group(1), []).append(line)
    counts = {}
    for number, package in enumerate(items, 1):
        if not (isinstance(package, dict) and isinstance(package.get("name"), str) and package["name"].strip()):
            if unread is not None:
                shown = f"{table} #{number}"
                unread.append(Dependency(shown, None, file, None, error=(
                    "not a table with a name: the lock is damaged, and what it locks there cannot be checked")))
            continue
        name = package["name"]
        counts[name] = counts.get(name, -1) + 1
        found = lines.get(name, [])
        yield package, name, found[counts[name]] if counts[name] < len(found) else None
