"""The catalog compiled: the loader's output stored once, so a check loads it in milliseconds.

Parsing and validating the YAML takes ~100 ms (and ~20 ms to import yaml); the catalog only
changes with a release.  ``load()`` keys the compiled form by the name, size and modification
time of every file in ``data/`` and of the loader's own source (every ``.py`` of this package),
and by where they are installed, so editing the YAML or the loader compiles again (reading and
hashing their bytes instead cost ~3 ms of every run); the YAML stays the single source.

The compiled form is ``marshal`` data — dicts, tuples, strings, numbers — of whatever the loader
built: each instance is stored as its attributes plus its class name, and rebuilt from classes
defined in ``outmoded.catalog.models`` (and, for the index, ``outmoded.catalog.index``,
``outmoded.prefilter``, ``outmoded.literals`` and ``outmoded.importtime``) only, so a new field the
loader sets needs no code here.  Never pickle: nothing it reads can run code.

``load_index()`` does the same for the lookup tables built per target (``outmoded.catalog.index``,
~10 ms to build, the prefilter's needles included), keyed by the catalog's key, the source of the
prefilter and its literals, the target and ``pending``; its entries are the compiled catalog's
own objects.  Only the needles' words are decoded up front: each anchor's needles when the
prefilter asks for them, and the tables holding entries (with the catalog itself) when the
scanner first needs one, so a check of a file the prefilter clears decodes neither.

Both live in the user's cache directory (``$XDG_CACHE_HOME/outmoded/catalog``), never in a
checked-out tree a pull request could plant a file in; they are written atomically, and a file
that does not decode is compiled again.  Where nothing can be written, they are built every run.
"""

from __future__ import annotations

import marshal
import os
import sys

from outmoded import __version__, userfiles

FORMAT = 3  # bump when the encoding below changes
_CLASS = "__class__"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_DATA = os.path.join(_PACKAGE, "data")


def cache_directory() -> str:
    return userfiles.cache_directory("catalog")


_FINGERPRINTS: dict[str, str] = {}


def fingerprint(data_dir: str = _DATA) -> str:
    """Hash of the catalog files (names and bytes) and of the loader's source, once per run."""
    if data_dir not in _FINGERPRINTS:
        _FINGERPRINTS[data_dir] = _fingerprint(data_dir)
    return _FINGERPRINTS[data_dir]


def _fingerprint(data_dir: str) -> str:
    # marshal's format follows the interpreter; the release, for an installer that keeps the
    # archive's timestamps (a reproducible build's fixed mtime would hide a changed entry of one size)
    parts: list = [FORMAT, sys.version, __version__]
    for directory, suffix in ((data_dir, ".yaml"), (_PACKAGE, ".py")):
        parts.append(os.path.abspath(directory))
        parts += sorted(_stat_of(directory, name) for name in os.listdir(directory) if name.endswith(suffix))
    return _digest(parts)


def _stat_of(directory: str, name: str) -> tuple:
    """A file's name, size and modification time: what changes when it is edited or installed
    again (an installer writes files afresh)."""
    st = os.stat(os.path.join(directory, name))
    return name, st.st_size, st.st_mtime_ns


def _digest(parts: list) -> str:
    from outmoded.cache import content_digest

    return content_digest(repr(parts).encode(), size=16)


def load(directory: str | None = None):
    """The packaged catalog, from the compiled form when it is current."""
    from outmoded import catalog

    path = os.path.join(directory or cache_directory(), f"catalog-{fingerprint()}.marshal")
    found = _read(path, _Codec())
    if isinstance(found, catalog.Catalog):
        return found
    loaded = catalog.load_catalog()
    _store(path, loaded, _Codec())
    return loaded


def summary(directory: str | None = None) -> dict:
    """What a run asks of the catalog before any file needs its entries, stored beside the
    compiled catalog (a few hundred bytes): ``opt_in``, rule code -> how it is asked for (every
    report filters findings by it), and ``module_roots``, the top-level names of removed modules
    (a project module named like one shadows it).  A warm run on cached files decodes no catalog."""
    path = os.path.join(directory or cache_directory(), f"summary-{fingerprint()}.marshal")
    try:
        with open(path, "rb") as handle:
            found = marshal.loads(handle.read())
        if type(found) is dict and type(found.get("opt_in")) is dict and type(found.get("module_roots")) is list \
                and all(type(k) is str and type(v) is str for k, v in found["opt_in"].items()) \
                and all(type(name) is str for name in found["module_roots"]):
            return found
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from outmoded.catalog import default_catalog

    entries = default_catalog().entries
    found = {"opt_in": {e.code: e.opt_in for e in entries if e.opt_in},
             "module_roots": sorted({name.split(".")[0] for e in entries if e.kind == "module" for name in e.names})}
    _write(path, marshal.dumps(found))
    return found


def load_index(target: tuple[int, int], pending: bool, directory: str | None = None):
    """The per-target index (``outmoded.catalog.index``) for the packaged catalog, from its
    compiled form when current: keyed like the catalog, plus the source of the prefilter and its
    literals (they build the needles: ``literals``, ``importtime``), the target and ``pending``.  Its entries are the
    catalog's own objects."""
    key = _index_key(target, pending)
    path = os.path.join(directory or cache_directory(), f"index-{key}.marshal")
    found = _read_index(path, _CatalogEntries())
    if found is not None:
        return found
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import build_index

    catalog = default_catalog()
    index = build_index(catalog, target, pending=pending)
    _store_index(path, index, catalog.by_code)
    return index


class _CatalogEntries:
    """Rule code -> the packaged catalog's entry, the catalog loaded at the first lookup: decoding
    the needles needs no entry, and a file the prefilter clears needs no table."""

    def __init__(self):
        self._by_code = None

    def get(self, code: str, default=None):
        if self._by_code is None:
            from outmoded.catalog import default_catalog

            self._by_code = default_catalog().by_code
        return self._by_code.get(code, default)

    def __getitem__(self, code: str):
        found = self.get(code, self)
        if found is self:
            raise KeyError(code)
        return found


_CHECKED = b"OMX2"  # an index file: this, the BLAKE2 digest of the rest, then the marshal data
# the index's fields decoded up front (plain data: no entry, no needle); the others are its tables
_EAGER = ("target", "min_version", "floor", "words", "bases", "families", "derivable", "relative_roots",
          "handed")  # handed: asked of every file the first pass screens (``engine._verdict``)


def _store_index(path: str, index, entries: dict) -> None:
    """The index in three parts: the fields of ``_EAGER``; its tables, one marshal blob decoded
    when the first is asked for; each anchor's needles, a blob apart (decoded when the prefilter
    first asks for that anchor); and where each needle stands in ``prefilter``.  Checksummed,
    since it is decoded a piece at a time, after the check has started."""
    from outmoded.cache import hasher

    place = {id(needle): (anchor, position) for anchor, needles in index.by_anchor.items()
             for position, needle in enumerate(needles)}
    fields = {name: value for name, value in vars(index).items() if name not in ("prefilter", "by_anchor")}
    try:
        head = {name: value for name, value in fields.items() if name in _EAGER}
        if _Codec(entries).encode(head)[1]:
            raise ValueError("an eager field holds instances")
        tables = {name: value for name, value in fields.items() if name not in _EAGER}
        data = marshal.dumps({"head": head,
                              "tables": marshal.dumps(_Codec(entries).encode(tables)[0]),
                              "groups": {anchor: marshal.dumps(_Codec(entries).encode(needles)[0])
                                         for anchor, needles in index.by_anchor.items()},
                              "order": [place[id(needle)] for needle in index.prefilter]})
    except (ValueError, KeyError):  # something marshal cannot store, a needle not anchored: not kept
        return
    digest = hasher(16)
    digest.update(data)
    _write(path, _CHECKED + digest.digest() + data)


def _read_index(path: str, entries):
    """The index stored at ``path``, its needles and tables decoded lazily; None when missing or
    damaged."""
    from outmoded.cache import hasher
    from outmoded.catalog.index import Index, LazyNeedles

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    digest = hasher(16)
    digest.update(raw[20:])
    if raw[:4] != _CHECKED or raw[4:20] != digest.digest():
        return None  # truncated, damaged, another format
    try:
        stored = marshal.loads(raw[20:])
        head, tables, groups, order = stored["head"], stored["tables"], stored["groups"], stored["order"]
        if type(head) is not dict or set(head) != set(_EAGER) or type(tables) is not bytes \
                or type(groups) is not dict or type(order) is not list:
            return None
    except (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError):
        return None
    index = object.__new__(Index)
    index.__dict__.update(head)
    index._tables = lambda: _Codec(entries).decode(marshal.loads(tables))  # see Index.__getattr__
    index.by_anchor = LazyNeedles(groups, lambda data: _Codec(entries).decode(marshal.loads(data)))
    index._order = order  # ``prefilter``: rebuilt from the groups and this when asked for
    return index


def _index_key(target: tuple[int, int], pending: bool) -> str:
    needles = [_stat_of(os.path.dirname(_PACKAGE), name) for name in ("prefilter.py", "literals.py", "importtime.py")]
    return _digest([fingerprint(), *needles, tuple(target), bool(pending)])


def _read(path: str, codec: "_Codec"):
    """What the compiled file at ``path`` holds, or None when it is missing or cannot be decoded
    (truncated, another format, not ours): the caller builds it again."""
    try:
        with open(path, "rb") as handle:
            return codec.decode(marshal.loads(handle.read()))
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _store(path: str, value, codec: "_Codec") -> None:
    try:
        data = marshal.dumps(codec.encode(value)[0])
    except ValueError:  # the loader made something marshal cannot store: it stays uncompiled
        return
    _write(path, data)


_NESTED = "__nested__"  # keys of an instance's dict whose values hold further instances
_ITEMS = "__items__"  # a tuple or list holding instances: {_ITEMS: items, _CLASS: "tuple"}
_MAPPING = "__mapping__"  # a dict holding instances
_ID = "__id__"  # an instance's number, at its first occurrence
_REF = "__ref__"  # a later occurrence of the instance with that number (shared, as built)
_ENTRY = "__entry__"  # a catalog entry, by rule code (an index holds the catalog's own entries)
_MARKERS = (_CLASS, _ITEMS, _MAPPING, _ID, _REF, _ENTRY, _NESTED)
# the only modules whose classes are rebuilt: plain attribute bags, created without __init__
_MODULES = ("outmoded.catalog.models", "outmoded.catalog.index", "outmoded.prefilter", "outmoded.literals",
            "outmoded.importtime")
_PLAIN = (str, int, bool, float, bytes, frozenset, type(None))


class _Codec:
    """Instances of the catalog's, the index's and the prefilter's classes as plain data, and
    back.  Only what holds instances is marked, so decoding walks the marked paths and nothing
    else; an instance met twice is stored once (``_ID``/``_REF``); with ``entries`` (rule code ->
    entry), catalog entries are stored by code and decoded to those objects."""

    def __init__(self, entries: dict | None = None):
        self.entries = entries
        self.numbers: dict[int, int] = {}  # id(instance) -> number, while encoding
        self.alive: list = []  # keeps encoded instances alive, so their ids stay theirs
        self.decoded: list = []  # number -> instance, while decoding
        self.classes: dict[str, type] = {}  # stored class name -> class, while decoding

    def encode(self, value) -> tuple[object, bool]:
        """(plain data, whether it holds instances)."""
        kind = type(value)
        if kind in _PLAIN:
            return value, False
        if kind is tuple or kind is list:
            items = [self.encode(item) for item in value]
            if any(inner for _, inner in items):
                return {_ITEMS: tuple(item for item, _ in items), _CLASS: kind.__name__}, True
            return value, False
        if kind is dict:
            if any(marker in value for marker in _MARKERS):
                raise ValueError("a mapping with a marker as a key")
            items = {key: self.encode(item) for key, item in value.items()}
            if any(inner for _, inner in items.values()):
                return {_MAPPING: {key: item for key, (item, _) in items.items()}}, True
            return value, False
        if kind.__module__ not in _MODULES:
            raise ValueError(f"cannot compile a {kind.__name__}")
        if self.entries is not None and kind.__name__ == "Entry" and kind.__module__ == "outmoded.catalog.models":
            if self.entries.get(value.code) is not value:
                raise ValueError(f"entry {value.code} is not the catalog's")
            return {_ENTRY: value.code}, True
        if id(value) in self.numbers:
            return {_REF: self.numbers[id(value)]}, True
        self.numbers[id(value)] = len(self.alive)
        self.alive.append(value)
        attrs, nested = {}, []
        defaults = getattr(kind, "_defaults", {})
        for key, item in _attributes(value).items():
            if key in _MARKERS:
                raise ValueError(f"an attribute named {key}")
            if key in defaults and key in vars(kind) and type(item) is type(defaults[key]) and item == defaults[key]:
                continue  # the class attribute holds it (Entry's defaults): decoding leaves it out too
            attrs[key], inner = self.encode(item)
            if inner:
                nested.append(key)
        return {_CLASS: f"{kind.__module__}:{kind.__qualname__}", _ID: self.numbers[id(value)],
                _NESTED: tuple(nested), **attrs}, True

    def decode(self, value):
        """Rebuild what ``encode`` marked; everything else is used as marshal returned it."""
        if type(value) is not dict:
            return value
        if _MAPPING in value:
            return {key: self.decode(item) for key, item in value[_MAPPING].items()}
        if _ITEMS in value:
            items = [self.decode(item) for item in value[_ITEMS]]
            return tuple(items) if value[_CLASS] == "tuple" else items
        if _REF in value:
            return self.decoded[value[_REF]]
        if _ENTRY in value:
            return self.entries[value[_ENTRY]]
        if _CLASS not in value:
            return value
        name = value.pop(_CLASS)
        cls = self.classes.get(name) or self.classes.setdefault(name, _class(name))
        obj = object.__new__(cls)  # no __init__: the attributes as stored
        if value.pop(_ID) != len(self.decoded):
            raise ValueError("instances out of order")
        self.decoded.append(obj)
        for key in value.pop(_NESTED):
            value[key] = self.decode(value[key])
        if hasattr(obj, "__dict__"):
            obj.__dict__.update(value)
        else:
            for key, item in value.items():
                object.__setattr__(obj, key, item)  # frozen classes too
        return obj


def _attributes(obj) -> dict:
    """An instance's attributes: its ``__dict__``, or its slots."""
    if hasattr(obj, "__dict__"):
        return vars(obj)
    names = [name for cls in type(obj).__mro__ for name in getattr(cls, "__slots__", ())]
    return {name: getattr(obj, name) for name in names if hasattr(obj, name)}


def _class(name: str) -> type:
    """A class of one of ``_MODULES`` by its stored name; anything else is refused."""
    module_name, _, qualname = name.partition(":")
    if module_name not in _MODULES or "." in qualname:
        raise TypeError(f"{name} is not a catalog class")
    cls = getattr(sys.modules.get(module_name) or __import__(module_name, fromlist=["_"]), qualname)
    if not isinstance(cls, type) or cls.__module__ != module_name:
        raise TypeError(f"{name} is not a catalog class")
    return cls


def _write(path: str, data: bytes) -> None:
    # compiled catalogs and indexes of other versions and targets go after a week unused (an
    # index still in use is simply compiled again)
    if userfiles.write_atomic(path, data):
        userfiles.prune(os.path.dirname(path), 7 * 86400, keep=os.path.basename(path), prefixes=("catalog-", "index-", "summary-"))
