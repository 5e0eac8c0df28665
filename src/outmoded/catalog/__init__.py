"""The removal catalog: YAML data files (``data/``), loaded and validated in one place, compiled.

- ``outmoded.catalog.models``: ``Entry`` (one rule), ``Catalog``, ``CatalogError`` and version helpers;
- ``outmoded.catalog.schema``: what the YAML keys mean, and the validation of every entry;
  ``signatures`` the behaviour entries' static signatures, ``hints`` classes.yaml's tables;
- ``outmoded.catalog.loader``: reading the files (``load_catalog``);
- ``outmoded.catalog.compiled``: the loader's output stored once, so a check never reads YAML;
- ``outmoded.catalog.index``, ``backports``, ``probe``: lookups per target, backport requirement
  lines, and the introspection probes run on real interpreters.

Everything is importable from ``outmoded.catalog`` as before the split; the schema's constants
and ``load_catalog`` are imported on first use, so a check that loads the compiled catalog never
imports the validation or the loader.
"""

from __future__ import annotations

from outmoded.catalog.models import (
    LATEST_RELEASE,
    Catalog,
    CatalogError,
    Entry,
    format_version,
    opt_in_family,
    parse_version,
)
from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools

_LOADER = ("load_catalog", "DATA_DIR")
_SCHEMA = ("KINDS", "FIX_SAFETY", "CODE_RE", "VERSION_RE", "DOTTED_RE", "PACKAGE_RE", "REQUIRED", "OPTIONAL",
           "OPT_IN", "CHECKS")
_SIGNATURES = ("SIGNATURES", "CALL_SIGNATURES", "MATCHES")
__all__ = ["LATEST_RELEASE", "Catalog", "CatalogError", "Entry", "default_catalog", "format_version",
           "opt_in_codes", "opt_in_family", "parse_version"]  # and, imported when first asked for, _LOADER's, _SCHEMA's and _SIGNATURES'


def __getattr__(name: str):
    """The loader's and the schema's names, imported when first asked for."""
    if name in _LOADER:
        from outmoded.catalog import loader

        return getattr(loader, name)
    if name in _SCHEMA:
        from outmoded.catalog import schema

        return getattr(schema, name)
    if name in _SIGNATURES:
        from outmoded.catalog import signatures

        return getattr(signatures, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The packaged catalog, loaded through its compiled form (``outmoded.catalog.compiled``)."""
    from outmoded.catalog import compiled

    return compiled.load()


@lru_cache(maxsize=1)
def opt_in_codes() -> dict[str, str]:
    """Codes of opt-in rules -> how they are asked for (``opt_in``)."""
    from outmoded.catalog import compiled

    return dict(compiled.summary()["opt_in"])  # without decoding the catalog
