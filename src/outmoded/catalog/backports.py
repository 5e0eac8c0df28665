"""Which requirement lines bring removed modules back: the backports the catalog records.

A removed module with a maintained copy on the package index carries ``backport`` in the catalog
(``cgi`` -> ``legacy-cgi``), and so do the names inside it that were removed with it
(``cgi.FieldStorage``).  Findings on them can be fixed without touching the code, by adding the
requirement line ``legacy-cgi; python_version >= '3.13'``.  ``check`` says so in the finding,
``explain`` on the rule, and ``deps`` uses ``fixed_by_backports`` when a dependency's only problem
is such a module.

Each backport was checked by installing its wheel (with the dependencies its markers pull in on
3.13) and importing every catalogued name from it on real 3.13 and 3.15 interpreters
(``tests/test_backports.py``).
"""

from __future__ import annotations

from typing import Any, Iterable

from outmoded.catalog import CODE_RE, Catalog, Entry, default_catalog


def entry_for(item: Any, catalog: Catalog | None = None) -> Entry | None:
    """The catalog entry behind ``item``: a finding (anything with ``code``, or a dict with a
    ``"code"`` key as in JSON output), an ``Entry``, a rule code (``"OM13003"``) or an API name
    (``"cgi.FieldStorage"``; a name the catalog does not list resolves to its removed module)."""
    if isinstance(item, Entry):
        return item
    catalog = catalog or default_catalog()
    code = item.get("code") if isinstance(item, dict) else getattr(item, "code", item)
    if isinstance(code, str) and CODE_RE.match(code):
        return catalog.by_code.get(code)
    if not isinstance(item, str):
        return None
    by_name = _by_name(catalog)
    parts = item.split("(")[0].split(".")  # an argument finding's api reads "func(arg=)"
    for cut in range(len(parts), 0, -1):
        entry = by_name.get(".".join(parts[:cut]))
        if entry is not None and (cut == len(parts) or entry.kind == "module"):
            return entry
    return None


def requirement_for(item: Any, catalog: Catalog | None = None) -> str | None:
    """``legacy-cgi; python_version >= '3.13'`` when a backport brings ``item`` back, else None."""
    entry = entry_for(item, catalog)
    return entry.backport_requirement if entry is not None else None


def requirements_for(items: Iterable[Any], catalog: Catalog | None = None) -> list[str]:
    """The sorted, distinct requirement lines that bring back whatever of ``items`` has a backport."""
    return sorted({line for item in items if (line := requirement_for(item, catalog))})


def fixed_by_backports(items: Iterable[Any], catalog: Catalog | None = None) -> list[str] | None:
    """The requirement lines when *every* item is fixed by a backport (e.g. a dependency whose only
    problem is ``import cgi``), else None.  No items: None (nothing to fix)."""
    lines = [requirement_for(item, catalog) for item in items]
    if not lines or not all(lines):
        return None
    return sorted(set(lines))


_BY_NAME: dict[int, tuple[Catalog, dict[str, Entry]]] = {}


def _by_name(catalog: Catalog) -> dict[str, Entry]:
    """Name -> entry; a name's own entry wins over an entry for one of its removed arguments."""
    if id(catalog) not in _BY_NAME:
        ordered = sorted((e for e in catalog.entries if e.kind != "capi"), key=lambda e: e.kind != "argument")
        _BY_NAME[id(catalog)] = (catalog, {name: e for e in ordered for name in e.names})
    return _BY_NAME[id(catalog)][1]
