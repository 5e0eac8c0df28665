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

FORMAT = 1  # bump when the encoding below changes
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
        data = marshal.dumps(_encode(loaded))
    except ValueError:  # the loader made something marshal cannot store: use it uncompiled
        return loaded
    _write(path, data)
    return loaded


def _encode(value):
    if hasattr(value, "__dataclass_fields__"):
        return {_CLASS: type(value).__name__, **{k: _encode(v) for k, v in vars(value).items()}}
    if type(value) is tuple or type(value) is list:
        return type(value)(_encode(v) for v in value)
    if type(value) is dict:
        if _CLASS in value:
            raise ValueError("a mapping with the class marker as a key")
        return {k: _encode(v) for k, v in value.items()}
    if value is None or type(value) in (str, int, bool, float, frozenset):
        return value
    raise ValueError(f"cannot compile a {type(value).__name__}")


_CONTAINERS = (dict, tuple, list)


def _decode(value, module):
    kind = type(value)
    if kind is dict:
        name = value.pop(_CLASS, None)
        for k, v in value.items():
            if type(v) in _CONTAINERS:
                value[k] = _decode(v, module)
        if name is None:
            return value
        cls = getattr(module, name)
        if not hasattr(cls, "__dataclass_fields__") or getattr(cls, "__module__", "") != module.__name__:
            raise TypeError(f"{name} is not a catalog class")
        obj = object.__new__(cls)  # frozen dataclasses: fill the instance dict directly
        obj.__dict__.update(value)
        return obj
    if kind is tuple or kind is list:
        if any(type(v) in _CONTAINERS for v in value):
            return kind(_decode(v, module) for v in value)
        return value
    return value


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
