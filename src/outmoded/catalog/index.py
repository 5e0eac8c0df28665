"""Lookup tables over the catalog, built once per target version and shared by every file.

The scanner asks four questions, each answered by one table: is this module removed
(``modules``), is this dotted name removed (``names``), which removed methods have this name
(``methods``), which removed arguments does this function have (``arguments``).  The prefilter's
needles (``outmoded.prefilter``) are built here too (``catalog.needles``), once per target.
"""

from __future__ import annotations

from _thread import RLock

from outmoded.catalog import Catalog, Entry
from outmoded.prefilter import Needle, candidate_words
from outmoded.records import Frozen, Record

_DECODING = RLock()  # threads sharing a compiled index decode its tables once, the others waiting


class Method(Frozen):
    """A removed method (or instance attribute): its entry, qualified class name
    (``unittest.TestCase``) and name."""

    __slots__ = _fields = ("entry", "cls", "name")

    def __init__(self, entry: Entry, cls: str, name: str):
        object.__setattr__(self, "entry", entry)
        object.__setattr__(self, "cls", cls)
        object.__setattr__(self, "name", name)


class LazyNeedles(dict):
    """``by_anchor`` of a compiled index: an anchor's needles are decoded when first asked for
    with ``get`` (a check of a few files asks for a few words); any other use decodes them all."""

    def __init__(self, raw: dict, decode):
        super().__init__()
        self._raw, self._decode = raw, decode

    def get(self, anchor, default=None):
        if anchor in self._raw:
            dict.__setitem__(self, anchor, self._decode(self._raw.pop(anchor)))
        return dict.get(self, anchor, default)

    def _all(self) -> LazyNeedles:
        for anchor in list(self._raw):
            self.get(anchor)
        return self

    def setdefault(self, anchor, default=None):
        self.get(anchor)
        return dict.setdefault(self, anchor, default)

    def __getitem__(self, anchor):
        self.get(anchor)
        return dict.__getitem__(self, anchor)

    def __contains__(self, anchor) -> bool:
        return anchor in self._raw or dict.__contains__(self, anchor)

    def __len__(self) -> int:
        return dict.__len__(self) + len(self._raw)

    def __iter__(self):
        return dict.__iter__(self._all())

    def keys(self):
        return dict.keys(self._all())

    def values(self):
        return dict.values(self._all())

    def items(self):
        return dict.items(self._all())

    def __eq__(self, other) -> bool:
        return dict.__eq__(self._all(), other)

    __hash__ = None

    def __repr__(self) -> str:
        return dict.__repr__(self._all())

    def __reduce__(self):  # pickled as the plain dict it stands for
        return dict, (dict(self._all()),)


class Index(Record):
    """The tables for one target.  ``modules``/``names``: removed name -> entry; ``methods``: method
    name -> [Method]; ``arguments``: function -> entries of its removed arguments; ``bases``,
    ``returns``, ``aliases``, ``provided_by``, ``mirrors``: the catalog's class hints (``provided_by``:
    distutils -> _distutils_hack; ``mirrors``: gevent.socket -> socket); ``instances``: class as
    typed -> the classes its objects are instances of on the target; ``truthy``: the classes whose
    objects are always true; ``prefilter``/``words``/``by_anchor``: the needles, their
    words, and the needles by their longest word; ``entries``: rule code -> entry, for
    fixability; behaviour removals by signature: ``overrides`` (method name -> Methods),
    ``behaviour_calls`` (function -> entries), ``meta_path`` (entries), ``fallback_imports`` (backport
    module -> entry).  ``min_version`` is the
    oldest Python fixed code must run on (fixability); ``floor`` the oldest Python the project
    declares, None when it declares none."""

    _fields = ("target", "min_version", "floor", "modules", "names", "methods", "arguments", "bases", "returns", "aliases",
               "provided_by", "mirrors", "instances", "truthy", "prefilter", "words", "by_anchor", "entries", "overrides",
               "behaviour_calls", "meta_path", "fallback_imports", "families", "derivable", "relative_roots",
               "call_leaves", "handed", "star_only")

    def __init__(self, target: tuple[int, int], min_version: tuple[int, int] = (3, 9),
                 floor: tuple[int, int] | None = None, bases=None, returns=None, aliases=None, provided_by=None,
                 mirrors=None):
        self.target = target
        self.min_version = min_version
        self.floor = floor
        self.modules: dict[str, Entry] = {}
        self.names: dict[str, Entry] = {}
        self.methods: dict[str, list[Method]] = {}
        self.arguments: dict[str, list[Entry]] = {}
        self.bases: dict[str, tuple[str, ...]] = bases if bases is not None else {}
        self.returns: dict[str, str] = returns if returns is not None else {}
        self.aliases: dict[str, str] = aliases if aliases is not None else {}
        self.provided_by: dict[str, str] = provided_by if provided_by is not None else {}
        self.mirrors: dict[str, str] = mirrors if mirrors is not None else {}
        self.instances: dict[str, tuple[str, ...]] = {}
        self.truthy: frozenset[str] = frozenset()
        self.prefilter: list[Needle] = []
        self.words: frozenset[bytes] = frozenset()
        self.by_anchor: dict[bytes, list[Needle]] = {}
        self.entries: dict[str, Entry] = {}
        self.overrides: dict[str, list[Method]] = {}
        self.behaviour_calls: dict[str, list[Entry]] = {}
        self.meta_path: list[Entry] = []
        self.fallback_imports: dict[str, Entry] = {}  # backport module -> its fallback-import entry
        self.families: dict[str, frozenset[str]] = {}  # class -> it and its known subclasses (family())
        # names of the methods a project class can inherit (``methods`` of classes that are not
        # builtins, not distinctive), each between spaces: decoded with the words at no cost, so a
        # file naming none decodes no table (``derivable_method``)
        self.derivable: bytes = b" "
        # the top-level packages of the names a relative import can reach in a file inside them
        # (``relativeneedles``): their needles are anchored on b"/" + the package's name
        self.relative_roots: frozenset[str] = frozenset()
        # the last parts of the functions, classes and methods whose calls are checked (``arguments``,
        # ``behaviour_calls``): ``from hmac import new as h`` makes ``h`` a word of the file's
        # (``callaliases.call_aliases``), or a body calling ``h(k)`` would be skipped
        self.call_leaves: frozenset[str] = frozenset()
        self.handed: frozenset[bytes] = frozenset()  # build_index
        # names the target still has but a star import of their module no longer binds there
        # (``star_unbound``): read only where such an import alone binds them (``starnames``)
        self.star_only: dict[str, Entry] = {}

    def __getattr__(self, name: str):
        """What a compiled index decodes on first use: its tables (all at once), and ``prefilter``,
        put together from the anchored needles."""
        if "_tables" in self.__dict__:
            with _DECODING:  # another thread may be decoding them: wait, then read what it put there
                tables = self.__dict__.get("_tables")
                if tables is not None:
                    self.__dict__.update(tables())
                    del self.__dict__["_tables"]
            if name in self.__dict__:
                return self.__dict__[name]
        order = self.__dict__.get("_order")
        if name != "prefilter" or order is None:
            raise AttributeError(name)
        self.prefilter = [self.by_anchor.get(anchor)[position] for anchor, position in order]
        return self.prefilter

    def with_signature(self, signature: str) -> dict[str, Entry]:
        """Qualified name -> its ``behaviour_calls`` entry of this signature (the last one listed),
        found once per index: what a check of one signature asks of every file it walks."""
        found = self.__dict__.setdefault("_with_signature", {}).get(signature)
        if found is None:
            found = self.__dict__["_with_signature"][signature] = {
                name: entry for name, entries in self.behaviour_calls.items()
                for entry in entries if entry.signature == signature}
        return found

    def derivable_method(self, word: bytes) -> bool:
        """Is ``word`` the name of a removed method a project class can inherit (``derivable``)?"""
        return b" " + word + b" " in self.derivable

    def ancestors(self, cls: str) -> set[str]:
        """``cls`` and every class it is known to inherit from (catalog hints, transitively)."""
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.bases.get(current, ()))
        return seen

    def family(self, cls: str) -> frozenset[str]:
        """``cls`` and every class the catalog's hints say derives from it; computed at build
        for the removed methods' classes, so it is stored with the compiled index."""
        found = self.families.get(cls)
        if found is None:
            found = self.families[cls] = frozenset({cls} | {sub for sub in self.bases if cls in self.ancestors(sub)})
        return found

    def canonical(self, name: str) -> str:
        """The name as Python 3 knows it when reached through ``six.moves`` (or a vendored
        ``pkg.six.moves``): ``six.moves.configparser.SafeConfigParser`` is
        ``configparser.SafeConfigParser``."""
        return canonical(name, self.aliases)

    def add_needles(self, extra: list[Needle]) -> None:
        """More ways for a file to pass the prefilter (the project's own class graph adds some)."""
        known = set(self.prefilter)
        fresh = [n for n in dict.fromkeys(extra) if n not in known]
        self.prefilter.extend(fresh)
        self.words = self.words.union(*(n.words for n in fresh))
        for needle in fresh:
            self.by_anchor.setdefault(max(needle.words, key=len), []).append(needle)

    def candidate_words(self, data: bytes) -> frozenset[str] | None:
        """The words of the needles that hold in this file, or None: see ``outmoded.prefilter``."""
        return candidate_words(data, self.words, self.by_anchor, handed=self.handed)


def canonical(name: str, aliases: dict[str, str]) -> str:
    """``Index.canonical`` with the catalog's ``six.moves`` aliases given (the fixer has no index)."""
    if "six.moves." not in name:
        return name
    parts = name.split(".")
    for i in range(1, len(parts) - 1):
        if parts[i] == "moves" and parts[i - 1] == "six":
            target = aliases.get(f"six.moves.{parts[i + 1]}")
            if target is None:
                return name
            return ".".join([target] + parts[i + 2:])
    return name


def applies(entry: Entry, target: tuple[int, int], pending: bool) -> bool:
    """Does the entry matter for code that must run on ``target``?"""
    if entry.kind == "capi":
        return False
    if entry.removed_in <= target:
        return True
    return pending and entry.pending and (entry.deprecated_in or (0, 0)) <= target


def star_unbound(entry: Entry, target: tuple[int, int]) -> bool:
    """Is ``entry`` a name the target still has in its module, which a star import of the module
    binds no more there (``star_unbound_since``)?  ``from collections import *`` then ``Mapping``
    is a NameError on pyenv's 3.7, 3.8 and 3.9, where ``collections.Mapping`` still works."""
    since = entry.star_unbound_since
    return since is not None and since <= target < entry.removed_in and entry.kind != "capi"


def _add(index: Index, entry: Entry, name: str) -> None:
    # building only: a check loads the needles compiled
    from outmoded.catalog.needles import is_instance_attribute, needles

    index.entries[entry.code] = entry
    if entry.kind == "module":
        index.modules[name] = entry
    elif entry.kind == "argument":
        index.arguments.setdefault(name, []).append(entry)
    elif entry.kind == "behaviour":
        if entry.signature == "override":
            cls, _, method = name.rpartition(".")
            index.overrides.setdefault(method, []).append(Method(entry, cls, method))
            index.prefilter.append(Needle(frozenset([method.encode()])))  # a subclass anywhere
            return
        if entry.signature in ("argument", "keywords", "main-block-call", "parameters", "node-fields", "subscript",
                               "protocol-parameters", "option-strings", "decorator-stack", "class-attribute",
                               "truth-value", "union-attribute", "duplicate-base", "root-base",
                               "awaited-context", "namespace-annotations"):
            # subscript, protocol-parameters, decorator-stack, class-attribute, truth-value: asked of a
            # Subscript, of a class; awaited-context of a with statement
            index.behaviour_calls.setdefault(name, []).append(entry)
        elif entry.signature == "fallback-import":
            index.fallback_imports[name] = entry
        else:
            index.meta_path.append(entry)
    else:
        index.names[name] = entry
        if entry.kind == "method" or is_instance_attribute(entry, name):
            cls, _, method = name.rpartition(".")
            index.methods.setdefault(method, []).append(Method(entry, cls, method))
    index.prefilter.extend(needles(entry, name, index.bases, index.returns))


def index_for(target: tuple[int, int], pending: bool = False, min_version: tuple[int, int] = (3, 9),
              floor: tuple[int, int] | None = None) -> Index:
    """The packaged catalog's index for ``target``: what ``build_index`` returns, loaded from its
    compiled form when current (``outmoded.catalog.compiled.load_index``).  A new object each
    call: ``add_needles`` changes it."""
    from outmoded.catalog.compiled import load_index

    index = load_index(target, pending)
    index.min_version, index.floor = min_version, floor
    return index


def build_index(catalog: Catalog, target: tuple[int, int], pending: bool = False,
                keep=lambda entry: True, min_version: tuple[int, int] = (3, 9),
                floor: tuple[int, int] | None = None) -> Index:
    index = Index(target=target, min_version=min_version, floor=floor, bases=dict(catalog.bases), returns=dict(catalog.returns),
                  aliases=dict(getattr(catalog, "aliases", {})),
                  provided_by=dict(getattr(catalog, "provided_by", {})),
                  mirrors=dict(getattr(catalog, "mirrors", {})))
    for cls, steps in getattr(catalog, "instances", {}).items():
        applying = [classes for since, classes in steps if since <= target]
        if applying:
            index.instances[cls] = applying[-1]
    index.truthy = frozenset(getattr(catalog, "truthy", ()))
    for entry in catalog.entries:
        if applies(entry, target, pending) and keep(entry):
            for name in entry.names:
                _add(index, entry, name)
        elif star_unbound(entry, target) and keep(entry):
            from outmoded.catalog.needles import needles

            for name in entry.names:
                index.star_only[name] = entry
                index.prefilter.extend(needles(entry, name, index.bases, index.returns))
    index.prefilter = list(dict.fromkeys(index.prefilter))
    from outmoded.prefilter import RelativeNeedle

    relative = [n for n in index.prefilter if isinstance(n, RelativeNeedle)]
    index.prefilter = [n for n in index.prefilter if not isinstance(n, RelativeNeedle)]
    for needle in relative:  # asked only of files inside such a package: not among the words
        index.by_anchor.setdefault(b"/" + needle.dotted.split(b".")[0], []).append(needle)
    index.relative_roots = frozenset(n.dotted.split(b".")[0].decode() for n in relative)
    index.words = frozenset().union(*(n.words for n in index.prefilter))
    for needle in index.prefilter:  # anchored on its longest (rarest) word
        index.by_anchor.setdefault(max(needle.words, key=len), []).append(needle)
    for methods in index.methods.values():
        for method in methods:
            index.family(method.cls)
    index.call_leaves = frozenset(name.rpartition(".")[2] for name in (*index.arguments, *index.behaviour_calls))
    # the last parts of removed names code hands as strings to a getattr of its own (``handedgetattrs``)
    index.handed = frozenset(name.rpartition(".")[2].encode() for name, entry in index.names.items()
                             if entry.named_in_strings)
    index.derivable = b" " + b" ".join(sorted(
        name.encode() for name, methods in index.methods.items()
        if any(not m.entry.distinctive and not m.cls.startswith("builtins.") for m in methods))) + b" "
    return index
