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


@dataclass(frozen=True)
class Method:
    entry: Entry
    cls: str  # qualified class name, e.g. "unittest.TestCase"
    name: str


@dataclass
class Index:
    target: tuple[int, int]
    modules: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, Entry] = field(default_factory=dict)
    methods: dict[str, list[Method]] = field(default_factory=dict)
    arguments: dict[str, list[Entry]] = field(default_factory=dict)
    bases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    returns: dict[str, str] = field(default_factory=dict)
    needles: list[tuple[Entry, frozenset[str]]] = field(default_factory=list)
    word_re: re.Pattern | None = None

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
        """True when the file contains every needle word of at least one entry."""
        found = {m.decode("ascii") for m in self.word_re.findall(data)} if self.word_re else set()
        return any(words <= found for _, words in self.needles)


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


def needle_sets(entry: Entry, name: str, bases: dict) -> list[frozenset[str]]:
    """Word sets of which one must appear whole in a file for the entry to be found there."""
    if entry.kind == "method" and not entry.distinctive:
        # only reported on receivers tied to the class: its module (or a subclass's) is imported
        cls, _, method = name.rpartition(".")
        return [frozenset([root, method]) for root in _roots_of(cls, bases)]
    return [needle_words(entry, name)]


def needle_words(entry: Entry, name: str) -> frozenset[str]:
    parts = name.split(".")
    if entry.kind == "module":
        return frozenset(parts)
    if entry.kind == "method":
        return frozenset([parts[-1]])
    if entry.kind == "argument":
        root = [] if name.startswith(BUILTINS) else [parts[0]]
        return frozenset(root + [parts[-1]] + ([entry.argument] if entry.position is None else []))
    if name.startswith(BUILTINS):
        return frozenset([parts[-1]])
    return frozenset([parts[0], parts[-1]])


def _word_regex(words: set[str]) -> re.Pattern:
    alternation = b"|".join(re.escape(w.encode()) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rb"\b(?:" + alternation + rb")\b")


def _add(index: Index, entry: Entry, name: str) -> None:
    if entry.kind == "module":
        index.modules[name] = entry
    elif entry.kind == "argument":
        index.arguments.setdefault(name, []).append(entry)
    else:
        index.names[name] = entry
        if entry.kind == "method":
            cls, _, method = name.rpartition(".")
            index.methods.setdefault(method, []).append(Method(entry, cls, method))
    index.needles.extend((entry, words) for words in needle_sets(entry, name, index.bases))


def build_index(catalog: Catalog, target: tuple[int, int], pending: bool = False,
                keep=lambda entry: True) -> Index:
    index = Index(target=target, bases=dict(catalog.bases), returns=dict(catalog.returns))
    for entry in catalog.entries:
        if applies(entry, target, pending) and keep(entry):
            for name in entry.names:
                _add(index, entry, name)
    words = set().union(*(w for _, w in index.needles)) if index.needles else set()
    index.word_re = _word_regex(words) if words else None
    return index
