"""``functools.lru_cache`` without importing ``functools``, which imports ``collections`` (for
``namedtuple``), ``types`` and ``reprlib``: a tenth of the instructions of a one-file check.

The cache is the one ``functools.lru_cache`` builds, its C implementation (``_functools``): the
same bounded LRU behaviour, ``cache_clear()`` and ``cache_info()`` (which imports ``functools``
for its named tuple only when asked).  Only the name, qualified name, module, docstring and
``__wrapped__`` are copied to the wrapper, not the rest ``functools.update_wrapper`` copies.
"""

from __future__ import annotations

try:
    from _functools import _lru_cache_wrapper
except ImportError:  # pragma: no cover - an implementation without the C accelerator
    _lru_cache_wrapper = None


def _cache_info(hits: int, misses: int, maxsize: int | None, currsize: int):
    from functools import _CacheInfo

    return _CacheInfo(hits, misses, maxsize, currsize)


def lru_cache(maxsize: int | None = 128):
    """``@functools.lru_cache(maxsize)``."""

    def decorate(function):
        if _lru_cache_wrapper is None:  # pragma: no cover
            from functools import lru_cache as standard

            return standard(maxsize)(function)
        wrapper = _lru_cache_wrapper(function, maxsize, False, _cache_info)
        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(wrapper, name, getattr(function, name))
        wrapper.__wrapped__ = function
        return wrapper

    return decorate
