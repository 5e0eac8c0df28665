"""The project's text index: class headers and version flags of every checked file, read as text.

A text pass over each file (``classheaders.read_headers``, no parsing), cached per file by size and mtime in ``store.Store``.
It says which classes are used as bases elsewhere (``users``: for mixins), gives a fingerprint of
everything a verdict can depend on for the results cache, and gives the prefilter the project's
own needles: a removed method's name with the project classes deriving from its class
(``derived_methods``).
"""

from __future__ import annotations

import os

from outmoded.classheaders import read_headers
from outmoded.layout import is_top_level, module_of
from outmoded.records import Record
from outmoded.source import read_regular
from outmoded.stdnames import STDLIB


class TextIndex(Record):
    """Class headers and version flags of every checked file, read as text."""

    _fields = ("headers", "flags", "stamps", "shadowing", "piped")
    __slots__ = _fields + ("_graph", "_files")

    def __init__(self) -> None:
        self.headers: dict = {}  # path -> [(class name, base words)]
        self.flags: dict = {}  # path -> flag names defined at module level
        self.stamps: dict = {}  # path -> "size:mtime" of every file read
        self.shadowing: list = []  # top-level modules (parser.py may shadow the stdlib's)
        self.piped: dict = {}  # path -> the bytes checked, for a file read from stdin (not the saved file)
        self._graph: tuple | None = None
        self._files = None  # ``textresolve.FileReads`` of the files the run's resolvers read

    def users(self) -> dict:
        """Base word (last component) -> [(path, class name)] of classes listing it as a base."""
        return self.graph()[1]

    def graph(self) -> tuple:
        """(class name -> the paths of the files defining it, base word's last component -> [(path,
        class name)] of the classes listing it as a base, class name -> the last components of its
        bases over every definition so named): one pass over the headers for the questions a run
        asks between its passes (``derived_methods``, the project model's users, ``chains``), made
        once the index is complete and read-only afterwards."""
        if getattr(self, "_graph", None) is None:  # not a field: an unpickled index has none yet
            defined: dict = {}
            users: dict = {}
            leaves: dict = {}
            for path, classes in self.headers.items():
                for name, bases in classes:
                    homes = defined.get(name)
                    if homes is None:
                        defined[name] = [path]
                    elif homes[-1] != path:  # a file's headers come together
                        homes.append(path)
                    own = leaves.get(name)
                    if own is None:
                        own = leaves[name] = set()
                    for base in bases:
                        leaf = base.rpartition(".")[2]
                        own.add(leaf)
                        listed = users.get(leaf)
                        if listed is None:
                            users[leaf] = [(path, name)]
                        else:
                            listed.append((path, name))
            self._graph = (defined, users, leaves)
        return self._graph

    def fingerprint(self, shadowable: frozenset = frozenset()) -> str:
        """Digest of what another file's verdict may depend on: project modules named like a
        (removed) stdlib module in ``shadowable``, the inheritance edges between project classes,
        and the flag names each file defines.  Not the version of the files defining flags or
        classes others derive from: a verdict that reads one (a flag's value, a base's members)
        records it (``outmoded.reads``) and only that verdict is dropped when it changes, where
        its stamp here made every edit to a compat module or a test base class recheck the whole
        tree.  Files that are neither do not count, so checking a subset of a project (a
        pre-commit run) mostly keeps the key of the whole."""
        from outmoded.cache import hasher

        h = hasher(12)
        for path in sorted(self.shadowing):
            if module_of(path)[0] in shadowable:
                h.update(path.encode() + b"\0")
        defined = {name for classes in self.headers.values() for name, _ in classes}
        used = set()
        for path in sorted(self.headers):
            for name, bases in self.headers[path]:
                internal = [b for b in bases if b.rpartition(".")[2] in defined]
                if internal:
                    used.update(b.rpartition(".")[2] for b in internal)
                    h.update(repr((path, name, bases)).encode())
        for path in sorted(set(self.headers) | set(self.flags)):
            if self.flags.get(path) or any(n in used for n, _ in self.headers.get(path, ())):
                h.update(f"{path}\0{self.flags.get(path)}".encode())
        return h.hexdigest()


def shadowable_names() -> frozenset:
    """Top-level names a project module can shadow: the standard library's, and the removed
    modules' (``parser``, ``imp``, ``cPickle``)."""
    from outmoded.catalog.compiled import summary

    return STDLIB | frozenset(summary()["module_roots"])


def _valid_record(value) -> tuple[list, list] | None:
    """A cached [headers, flags] row, or None when it does not have that shape (edited by hand)."""
    try:
        headers, flags = value
        headers = [(name, tuple(bases)) for name, bases in headers]
    except (TypeError, ValueError):
        return None
    strings = [n for n, _ in headers] + [b for _, bases in headers for b in bases] + list(flags)
    return (headers, list(flags)) if all(isinstance(x, str) for x in strings) else None


TEXT_NAMESPACE = "project-text-3"  # bump when read_headers changes what it records


class TextScan:
    """The files a text index covers: ``stamps``, path -> "size:mtime" of every Python file that
    could be stat'ed, in walk order; ``cached``, path -> (headers, flags) still valid for its stamp."""

    __slots__ = ("stamps", "cached")

    def __init__(self, stamps: dict, cached: dict):
        self.stamps = stamps
        self.cached = cached

    @property
    def missing(self) -> list[str]:
        return [path for path in self.stamps if path not in self.cached]


def scan_stamps(files: list[str], store=None) -> TextScan:
    """Stat every Python file; with a ``store.Store``, take the rows of files whose size and
    mtime are unchanged."""
    stats = {}
    for path in files:
        if path.endswith(".py"):
            try:
                st = os.stat(path)
            except OSError:
                continue
            if st.st_mode & 0o170000 != 0o100000:
                continue  # not a regular file (a FIFO named x.py blocked the run): the engine reports it
            stats[path] = f"{st.st_size}:{st.st_mtime_ns}"
    rows = store.get_many(TEXT_NAMESPACE, list(stats)) if store is not None else {}
    cached = {}
    for path, (stamp, value) in rows.items():
        record = _valid_record(value) if stats.get(path) == stamp else None
        if record is not None:
            cached[path] = record
    return TextScan(stats, cached)


def build_text_index(scan: TextScan, read: dict | None = None, store=None) -> TextIndex:
    """The index of the scanned files: cached rows, rows ``read`` elsewhere (path -> (headers,
    flags), from the workers that screened the files), and files read here for the rest.  New
    rows go to the store."""
    index = TextIndex()
    index.stamps = dict(scan.stamps)
    read = read or {}
    fresh = []
    for path, stamp in scan.stamps.items():
        if is_top_level(path):  # may shadow a stdlib module
            index.shadowing.append(path)
        record = scan.cached.get(path) or read.get(path)
        if record is None:
            try:
                record = read_headers(read_regular(path))
            except OSError:
                continue
        if path not in scan.cached:
            fresh.append((path, stamp, [record[0], record[1]]))
        headers, flags = record
        if headers:
            index.headers[path] = headers
        if flags:
            index.flags[path] = flags
    if store is not None:
        store.put_many(TEXT_NAMESPACE, fresh)
    return index


def derivable_methods(index) -> frozenset[bytes]:
    """Names of the removed methods a project class can inherit: the only words
    ``derived_methods`` can pair, so a file naming none of them needs no project needle.  From
    the index's ``derivable`` (computed with it, decoded up front), not its ``methods``: a
    compiled index decodes its tables when one is first asked for (~5 ms), and this is asked
    before a cold run's first pass forks."""
    return frozenset(index.derivable.split())


def derived_methods(text: TextIndex, index) -> dict[bytes, frozenset[bytes]]:
    """What the prefilter must let through besides the catalog's needles: a removed method's
    name with the name of a project class deriving from its stdlib class (directly, through other
    project classes, or mixed into one), as method -> class names.  Such a file need not import
    the stdlib module under its name (boto's ``from tests.compat import unittest``), but it names
    the class: its definition, or its base.  Builtin classes need none: their needles are words
    only."""
    # base leaf -> [(path, name)] of the project classes listing it; class name -> base leaves
    _, users, headers = text.graph()
    # build_index computes the family of every removed method's class: when no project class lists
    # one of them as a base, nothing pairs (and a compiled index's tables stay undecoded)
    if not any(c.rpartition(".")[2] in users for family in index.families.values() for c in family):
        return {}
    pairs: dict = {}  # method -> [class word sets], one per stdlib class it is removed from
    families: dict = {}
    for name, candidates in index.methods.items():
        for method in candidates:
            if method.entry.distinctive or method.cls.startswith("builtins."):
                continue
            derived = families.get(method.cls)
            if derived is None:
                family = index.family(method.cls)  # with the compiled index: computed once per catalog
                derived = _derived({c.rpartition(".")[2] for c in family}, users, headers)
                derived = families[method.cls] = frozenset(c.encode() for c in derived)
            if derived:
                pairs.setdefault(name.encode(), []).append(derived)
    # most methods are removed from one class (a test case's aliases): its family's set is shared
    return {name: sets[0] if len(sets) == 1 else frozenset().union(*sets) for name, sets in pairs.items()}


def _derived(leaves: set, users: dict, headers: dict) -> set[str]:
    """Project classes deriving from classes named ``leaves``, and the project classes mixed in,
    at any depth (a mixin of a mixin: ``class B(A)`` combined in ``class T(B, TestCase)``)."""
    todo = [u for leaf in leaves for _, u in users.get(leaf, ())]
    derived = set()
    while todo:
        current = todo.pop()
        if current not in derived:
            derived.add(current)
            todo.extend(u for _, u in users.get(current, ()))
    found, todo = set(derived), [b for name in derived for b in headers.get(name, ())]
    while todo:
        current = todo.pop()
        if current not in found and current in headers:
            found.add(current)
            todo.extend(headers[current])
    return found
