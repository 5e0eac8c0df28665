"""The catalog compiled: the loader's output stored once, so a check loads it in milliseconds.

Parsing and validating the YAML takes ~100 ms (and ~20 ms to import yaml); the catalog only
changes with a release.  ``load()`` keys the compiled form by a hash of every file in ``data/``
and of the loader's own source (every ``.py`` of this package), so editing the YAML or the
loader compiles again; the YAML stays the single source.

The compiled form is ``marshal`` data — dicts, tuples, strings, numbers — of whatever the loader
built: each dataclass instance is stored as its attribute dict plus its class name, and rebuilt
from classes defined in ``outmoded.catalog`` only, so a new field the loader sets needs no code
here.  It lives in the user's cache directory (``$XDG_CACHE_HOME/outmoded/catalog``), never in a
checked-out tree a pull request could plant a file in; it is written atomically, and a file that
does not decode is compiled again.  Where nothing can be written, the YAML is loaded every run.
"""

from __future__ import annotations

import marshal
import os
import sys

FORMAT = 2  # bump when the encoding below changes
_CLASS = "__class__"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_DATA = os.path.join(_PACKAGE, "data")


def cache_directory() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "outmoded", "catalog")


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

    key = fingerprint()
    path = os.path.join(directory or cache_directory(), f"catalog-{key}.marshal")
    try:
        with open(path, "rb") as handle:
            return _decode(marshal.loads(handle.read()), catalog)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        pass  # missing, truncated or not ours: compile again
    loaded = catalog.load_catalog()
    try:
        data = marshal.dumps(_encode(loaded)[0])
    except ValueError:  # the loader made something marshal cannot store: use it uncompiled
        return loaded
    _write(path, data)
    return loaded


_NESTED = "__nested__"  # keys of a dataclass dict whose values hold further instances
_ITEMS = "__items__"  # a tuple or list holding instances: {_ITEMS: items, _CLASS: "tuple"}
_MAPPING = "__mapping__"  # a dict holding instances
_MARKERS = (_CLASS, _ITEMS, _MAPPING)


def _encode(value) -> tuple[object, bool]:
    """(plain data, whether it holds dataclass instances).  Only what holds instances is
    marked, so loading walks the marked paths and nothing else."""
    if hasattr(value, "__dataclass_fields__"):
        attrs, nested = {}, []
        for key, item in vars(value).items():
            attrs[key], inner = _encode(item)
            if inner:
                nested.append(key)
        return {_CLASS: type(value).__name__, _NESTED: tuple(nested), **attrs}, True
    if type(value) is tuple or type(value) is list:
        items = [_encode(item) for item in value]
        if any(inner for _, inner in items):
            return {_ITEMS: tuple(item for item, _ in items), _CLASS: type(value).__name__}, True
        return value, False
    if type(value) is dict:
        if any(marker in value for marker in _MARKERS):
            raise ValueError("a mapping with a marker as a key")
        items = {key: _encode(item) for key, item in value.items()}
        if any(inner for _, inner in items.values()):
            return {_MAPPING: {key: item for key, (item, _) in items.items()}}, True
        return value, False
    if value is None or type(value) in (str, int, bool, float, frozenset):
        return value, False
    raise ValueError(f"cannot compile a {type(value).__name__}")


def _decode(value, module):
    """Rebuild what ``_encode`` marked; everything else is used as marshal returned it."""
    if type(value) is not dict:
        return value
    if _MAPPING in value:
        return {key: _decode(item, module) for key, item in value[_MAPPING].items()}
    if _ITEMS in value:
        items = [_decode(item, module) for item in value[_ITEMS]]
        return tuple(items) if value[_CLASS] == "tuple" else items
    if _CLASS not in value:
        return value
    name = value.pop(_CLASS)
    for key in value.pop(_NESTED):
        value[key] = _decode(value[key], module)
    cls = getattr(module, name)
    if not hasattr(cls, "__dataclass_fields__") or getattr(cls, "__module__", "") != module.__name__:
        raise TypeError(f"{name} is not a catalog class")
    obj = object.__new__(cls)  # frozen dataclasses: fill the instance dict directly
    obj.__dict__.update(value)
    return obj


def _write(path: str, data: bytes) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the new, never half
        _prune(os.path.dirname(path), keep=os.path.basename(path))
    except OSError:
        try:
            os.remove(tmp)
        except OSError:
            pass


def _prune(directory: str, keep: str, age: float = 7 * 86400) -> None:
    """Drop compiled catalogs of other versions not used for a week."""
    import time

    for name in os.listdir(directory):
        if name.startswith("catalog-") and name != keep:
            try:
                if os.stat(os.path.join(directory, name)).st_mtime < time.time() - age:
                    os.remove(os.path.join(directory, name))
            except OSError:
                pass
