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

A distribution can bring a backport's modules without being it: ``standard-aifc`` requires
``audioop-lts`` and ``standard-chunk`` on 3.13 (``BRINGS``), so a project requiring it imports
``audioop`` there too (audioread 3.1.0 requires standard-aifc and standard-sunau; its
``rawread.py`` imports aifc, audioop and sunau, and imports on the real 3.13 with them), and
``standard-asyncore`` provides the ``asyncore`` the catalog credits to ``pyasyncore``.
``brought(names)`` adds, to a set of required distributions, the backports they bring.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing: testenv asks ``brought`` on a plain check
if TYPE_CHECKING:
    from typing import Any, Iterable

# distribution -> the catalog's backports whose modules installing it on 3.13+ installs: its own
# (an alias: another copy of the same module) and its wheel's Requires-Dist whose markers hold there,
# followed (tests/test_backports.py installs each one's wheels and imports the modules on 3.13)
BRINGS = {
    "standard-aifc": ("standard-chunk", "audioop-lts"),
    "standard-sunau": ("audioop-lts",),
    "standard-sndhdr": ("standard-aifc", "standard-chunk", "audioop-lts"),
    "standard-asyncore": ("pyasyncore",),
    "standard-asynchat": ("pyasynchat", "pyasyncore"),
    "standard-smtpd": ("pyasyncore", "pyasynchat"),
}


# distribution -> the first release that provides the removed modules on 3.12+: setuptools' own
# distutils (setuptools/_distutils, served by the distutils-precedence.pth it installs) is what
# ``import distutils`` finds on the real 3.13 and 3.15 from 66.1.0 (each wheel installed with pip
# --target, then site.addsitedir: from distutils.spawn import find_executable and import
# distutils.sysconfig work with 66.1.0, 66.1.1, 67.0.0, 67.8.0, 68.0.0, 84.2.1; ModuleNotFoundError with
# 54.1.1, 59.8.0, 65.5.1, 65.6.3, 65.7.0, 66.0.0; 60.0.0 fails on pkgutil.ImpImporter); a requirement
# pinned below it brings no distutils (coverage 4.5.4's tox.ini: setuptools==35.0.2; docker 5.0.3's
# test-requirements.txt: setuptools==54.1.1)
PROVIDES_FROM = {"setuptools": (66, 1)}


def brought(names: Iterable[str]) -> frozenset:
    """``names`` (canonical distribution names) with the backports they bring (``BRINGS``)."""
    names = frozenset(names)
    extra = {b for name in names & BRINGS.keys() for b in BRINGS[name]}
    return names | extra if extra else names

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


def brings_back(finding: Any, installed: Iterable[str]) -> bool:
    """Does a distribution among ``installed`` (canonical names: what a dependency requires on the
    target, or what its lock or requirements file installs beside it) bring the finding's removed
    module back, itself or through what it requires (``brought``)?"""
    if not installed:
        return False
    from packaging.utils import canonicalize_name

    entry = entry_for(finding)  # standard-aifc brings audioop-lts (``BRINGS``): audioread 3.1.0 requires it
    if not (entry and entry.backport):
        return False
    name, bound, version = entry.provider.partition("<")  # setuptools<82: below 82 (``testenv.installed_names``)
    return canonicalize_name(name) + bound + version in brought(installed)


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
