"""Lookup tables over the catalog, built once per target version and shared by every file.

The scanner asks four questions, each answered by one table: is this module removed
(``modules``), is this dotted name removed (``names``), which removed methods have this name
(``methods``), which removed arguments does this function have (``arguments``).  The prefilter
(``needles``) holds, per entry, the words that must all appear in a file for the entry to be found
in it, so most files are cleared without parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from outmoded.catalog import Catalog, Entry

BUILTINS = "builtins."
IDENTIFIER_RE = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Method:
    entry: Entry
    cls: str  # qualified class name, e.g. "unittest.TestCase"
    name: str


@dataclass(frozen=True)
class Needle:
    """Words that must all appear, then the import or literal they imply."""

    words: frozenset[bytes]
    imported: bytes | None = None  # this top-level module must be imported (or import_module()-ed)
    literal: re.Pattern | None = None  # a string literal that must appear (removed argument values)

    def holds(self, data: bytes, imports: list) -> bool:
        if self.imported is not None:
            if not imports:
                imports.append(imported_roots(data))
            if self.imported not in imports[0]:
                return False
        return self.literal is None or bool(self.literal.search(data))


STATEMENT_RE = re.compile(rb"[ \t]*(?:\xef\xbb\xbf)?[ \t]*(?:(?:try|else|if[^:]*):[ \t]*)?"
                          rb"(?:from[ \t]+([\w.]+)|import[ \t]+([^#]+))")
DYNAMIC_IMPORT_RE = re.compile(rb"(?:import_module|__import__)\([ \t]*['\"]([\w.]+)")


def imported_roots(data: bytes) -> set[bytes]:
    """Top-level modules a file imports (import statements, import_module("..."))."""
    roots: set[bytes] = set()
    position = data.find(b"import")
    while position >= 0:  # bytes.find runs in C; a multiline regex would try every byte
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        end = len(data) if end < 0 else end
        for statement in data[start:end].split(b";"):
            match = STATEMENT_RE.match(statement)
            if match and match[1]:
                roots.add(match[1].split(b".")[0])
            elif match:
                roots.update(p.split()[0].split(b".")[0] for p in match[2].split(b",") if p.split())
        position = data.find(b"import", end)
    if b"import_module" in data or b"__import__" in data:
        roots.update(m.split(b".")[0] for m in DYNAMIC_IMPORT_RE.findall(data))
    return roots


@dataclass
class Index:
    target: tuple[int, int]
    modules: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, Entry] = field(default_factory=dict)
    methods: dict[str, list[Method]] = field(default_factory=dict)
    arguments: dict[str, list[Entry]] = field(default_factory=dict)
    bases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    returns: dict[str, str] = field(default_factory=dict)
    prefilter: list[Needle] = field(default_factory=list)
    words: frozenset[bytes] = frozenset()
    by_anchor: dict[bytes, list[Needle]] = field(default_factory=dict)

    def ancestors(self, cls: str) -> set[str]:
        """``cls`` and every class it is known to inherit from (catalog hints, transitively)."""
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.bases.get(current, ()))
        return seen

    def is_candidate(self, data: bytes) -> bool:
        return self.candidate_words(data) is not None

    def candidate_words(self, data: bytes) -> frozenset[str] | None:
        """The needle words in the file when some entry's needle holds there, else None.

        Splitting into identifiers and intersecting sets runs in C; a regular expression with
        an alternative per catalog word is an order of magnitude slower (sre tries each one).
        """
        found = self.words.intersection(IDENTIFIER_RE.findall(data))
        if not found:
            return None
        imports: list = []  # computed on first need
        for word in found:
            for needle in self.by_anchor.get(word, ()):
                if needle.words <= found and needle.holds(data, imports):
                    return frozenset(w.decode() for w in found)
        return None


def applies(entry: Entry, target: tuple[int, int], pending: bool) -> bool:
    """Does the entry matter for code that must run on ``target``?"""
    if entry.kind == "capi":
        return False
    if entry.removed_in <= target:
        return True
    return pending and entry.pending and (entry.deprecated_in or (0, 0)) <= target


def _roots_of(cls: str, bases: dict[str, tuple[str, ...]]) -> set[str]:
    """Top-level modules of ``cls`` and of every class the hints say inherits from it."""
    roots, changed, family = {cls.split(".")[0]}, True, {cls}
    while changed:
        changed = False
        for sub, parents in bases.items():
            if sub not in family and family.intersection(parents):
                family.add(sub)
                roots.add(sub.split(".")[0])
                changed = True
    return roots


def is_instance_attribute(entry: Entry, name: str) -> bool:
    """``gzip.GzipFile.filename``: an attribute read on instances, matched like a method."""
    parts = name.split(".")
    return entry.kind == "attribute" and len(parts) >= 3 and parts[-2][:1].isupper()


def needles(entry: Entry, name: str, bases: dict) -> list[Needle]:
    """The prefilter's conditions for finding ``entry`` in a file; one of them must hold."""
    def encoded(words):
        return frozenset(w.encode() for w in words)

    if entry.kind == "method" or is_instance_attribute(entry, name):
        if entry.distinctive:  # reported on any receiver
            return [Needle(encoded([name.rpartition(".")[2]]))]
        # only reported on receivers tied to the class: its module (or a subclass's) is imported
        cls, _, method = name.rpartition(".")
        return [Needle(encoded([method])) if root == "builtins" else Needle(encoded([root, method]), root.encode())
                for root in _roots_of(cls, bases)]
    words = encoded(needle_words(entry, name))
    literal = None
    if entry.value_contains:
        literal = re.compile(rb"['\"][A-Za-z+]*" + re.escape(entry.value_contains.encode()) + rb"[A-Za-z+]*['\"]")
    root = None if name.startswith(BUILTINS) else name.split(".")[0].encode()
    return [Needle(words, root, literal)]


def needle_words(entry: Entry, name: str) -> frozenset[str]:
    parts = name.split(".")
    if entry.kind == "module":
        return frozenset(parts)
    if entry.kind == "method":
        return frozenset([parts[-1]])
    if entry.kind == "argument":
        root = [] if name.startswith(BUILTINS) else [parts[0]]
        # a keyword, or a positional argument so far along that passing it by position is rare
        by_keyword = entry.position is None or entry.position >= 3
        return frozenset(root + [parts[-1]] + ([entry.argument] if by_keyword else []))
    if name.startswith(BUILTINS):
        return frozenset([parts[-1]])
    return frozenset([parts[0], parts[-1]])


def _add(index: Index, entry: Entry, name: str) -> None:
    if entry.kind == "module":
        index.modules[name] = entry
    elif entry.kind == "argument":
        index.arguments.setdefault(name, []).append(entry)
    else:
        index.names[name] = entry
        if entry.kind == "method" or is_instance_attribute(entry, name):
            cls, _, method = name.rpartition(".")
            index.methods.setdefault(method, []).append(Method(entry, cls, method))
    index.prefilter.extend(needles(entry, name, index.bases))


def build_index(catalog: Catalog, target: tuple[int, int], pending: bool = False,
                keep=lambda entry: True) -> Index:
    index = Index(target=target, bases=dict(catalog.bases), returns=dict(catalog.returns))
    for entry in catalog.entries:
        if applies(entry, target, pending) and keep(entry):
            for name in entry.names:
                _add(index, entry, name)
    index.prefilter = list(dict.fromkeys(index.prefilter))
    index.words = frozenset().union(*(n.words for n in index.prefilter))
    for needle in index.prefilter:  # anchored on its longest (rarest) word
        index.by_anchor.setdefault(max(needle.words, key=len), []).append(needle)
    return index
