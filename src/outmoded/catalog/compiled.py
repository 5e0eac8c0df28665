"""The catalog compiled: the loader's output stored once, so a check loads it in milliseconds.

Parsing and validating the YAML takes ~100 ms (and ~20 ms to import yaml); the catalog only
changes with a release.  ``load()`` keys the compiled form by a hash of every file in ``data/``
and of the loader's own source (every ``.py`` of this package), so editing the YAML or the
loader compiles again; the YAML stays the single source.

The compiled form is ``marshal`` data — dicts, tuples, strings, numbers — of whatever the loader
built: each instance is stored as its attributes plus its class name, and rebuilt from classes
defined in ``outmoded.catalog.models`` (and, for the index, ``outmoded.catalog.index`` and
``outmoded.prefilter``) only, so a new field the loader sets needs no code here.  Never pickle:
nothing it reads can run code.

``load_index()`` does the same for the lookup tables built per target (``outmoded.catalog.index``,
~10 ms to build, the prefilter's needles included), keyed by the catalog's key, the prefilter's
source, the target and ``pending``; its entries are the compiled catalog's own objects.

Both live in the user's cache directory (``$XDG_CACHE_HOME/outmoded/catalog``), never in a
checked-out tree a pull request could plant a file in; they are written atomically, and a file
that does not decode is compiled again.  Where nothing can be written, they are built every run.
"""

from __future__ import annotations

import marshal
import os
import sys

from outmoded import userfiles

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
    from outmoded.cache import content_digest

    parts = [FORMAT.to_bytes(2, "little"), sys.version.encode()]  # marshal's format follows the interpreter
    for directory, suffix in ((data_dir, ".yaml"), (_PACKAGE, ".py")):
        for name in sorted(os.listdir(directory)):
            if name.endswith(suffix):
                with open(os.path.join(directory, name), "rb") as handle:
                    parts += [name.encode(), b"\0", handle.read(), b"\0"]
    return content_digest(b"".join(parts), size=16)


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


def load_index(target: tuple[int, int], pending: bool, directory: str | None = None):
    """The per-target index (``outmoded.catalog.index``) for the packaged catalog, from its
    compiled form when current: keyed like the catalog, plus the prefilter's source (it builds
    the needles), the target and ``pending``.  Its entries are the catalog's own objects."""
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import build_index

    catalog = default_catalog()
    key = _index_key(target, pending)
    path = os.path.join(directory or cache_directory(), f"index-{key}.marshal")
    found = _read_index(path, catalog.by_code)
    if found is not None:
        return found
    index = build_index(catalog, target, pending=pending)
    _store_index(path, index, catalog.by_code)
    return index


_CHECKED = b"OMX1"  # an index file: this, the BLAKE2 digest of the rest, then the marshal data


def _store_index(path: str, index, entries: dict) -> None:
    """The index without its needles, each anchor's needles apart (decoded when first asked
    for), and where each needle stands in ``prefilter``; checksummed, since it is decoded a
    piece at a time, after the check has started."""
    from outmoded.cache import hasher

    place = {id(needle): (anchor, position) for anchor, needles in index.by_anchor.items()
             for position, needle in enumerate(needles)}
    rest = object.__new__(type(index))
    rest.__dict__.update(vars(index), prefilter=[], by_anchor={})
    try:
        data = marshal.dumps({"index": _Codec(entries).encode(rest)[0],
                              "groups": {anchor: _Codec(entries).encode(needles)[0]
                                         for anchor, needles in index.by_anchor.items()},
                              "order": [place[id(needle)] for needle in index.prefilter]})
    except (ValueError, KeyError):  # something marshal cannot store, a needle not anchored: not kept
        return
    digest = hasher(16)
    digest.update(data)
    _write(path, _CHECKED + digest.digest() + data)


def _read_index(path: str, entries: dict):
    """The index stored at ``path``, its needles decoded lazily; None when missing or damaged."""
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
        index = _Codec(entries).decode(stored["index"])
        groups, order = stored["groups"], stored["order"]
        if not isinstance(index, Index) or type(groups) is not dict or type(order) is not list:
            return None
    except (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError):
        return None
    del index.prefilter  # rebuilt from the groups and ``order`` when asked for
    index.by_anchor = LazyNeedles(groups, lambda data: _Codec(entries).decode(data))
    index._order = order
    return index


def _index_key(target: tuple[int, int], pending: bool) -> str:
    from outmoded.cache import content_digest

    with open(os.path.join(os.path.dirname(_PACKAGE), "prefilter.py"), "rb") as handle:
        source = handle.read()
    return content_digest(b"\0".join([fingerprint().encode(), source, repr((tuple(target), bool(pending))).encode()]),
                          size=16)


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
_MODULES = ("outmoded.catalog.models", "outmoded.catalog.index", "outmoded.prefilter")
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
        userfiles.prune(os.path.dirname(path), 7 * 86400, keep=os.path.basename(path), prefixes=("catalog-", "index-"))
