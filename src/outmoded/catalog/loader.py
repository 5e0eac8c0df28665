"""Reading the catalog: every YAML file of ``data/``, validated by ``outmoded.catalog.schema``
(``hints`` for classes.yaml).

Only compiling the catalog (``outmoded.catalog.compiled``) and tests call ``load_catalog``: a check
loads the compiled form and never imports this module or ``yaml``.  Besides reading, the loader
gives a removed module's ``backport`` to the names inside it that were removed with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from outmoded.catalog import hints as classes_yaml, schema
from outmoded.catalog.models import Catalog, CatalogError, Entry
from outmoded.records import replace

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read_yaml(path: Path) -> object:
    import yaml  # imported here: a warm cached run never needs it

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path.name}: not valid YAML: {exc}") from None


def load_catalog(data_dir: str | os.PathLike = DATA_DIR) -> Catalog:
    """Read and validate every catalog file; raise CatalogError naming file and entry."""
    data_dir = Path(data_dir)
    entries: list[Entry] = []
    for path in sorted(data_dir.glob("*.yaml")):
        if path.name.startswith(("removed_", "capi_", "pending", "behaviour")):
            entries.extend(schema.file_entries(_read_yaml(path), path.name))
    schema.check_unique_codes(entries)
    classes = data_dir / "classes.yaml"
    hints = _read_yaml(classes) if classes.exists() else {}
    bases, returns, aliases, provided_by, mirrors = classes_yaml.class_hints(hints, classes.name)
    return Catalog(entries=tuple(_with_backports(entries)), bases=bases, returns=returns, aliases=aliases,
                   provided_by=provided_by, mirrors=mirrors, instances=classes_yaml.instance_hints(hints, classes.name),
                   truthy=classes_yaml.truthy_hints(hints, classes.name))


def _with_backports(entries: list[Entry]) -> list[Entry]:
    """Give a module's backport to the entries for names inside it that were removed with it."""
    modules = {(name, e.removed_in): e.backport for e in entries if e.backport for name in e.names}
    if not modules:
        return entries

    def backport(entry: Entry) -> str | None:
        found = {next((modules[(m, entry.removed_in)] for m in _parents(name) if (m, entry.removed_in) in modules), None)
                 for name in entry.names}
        return found.pop() if len(found) == 1 else None  # every name of the entry comes back with one package

    return [replace(e, backport=backport(e)) if e.kind != "capi" and not e.backport and backport(e) else e
            for e in entries]


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:cut]) for cut in range(len(parts) - 1, 0, -1)]
