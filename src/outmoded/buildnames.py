"""What the setuptools a build installs provides: its copy of ``distutils``, and its own modules.

Build frontends build an sdist whose ``pyproject.toml`` names no other backend through
setuptools' backend, in an isolated environment holding the newest setuptools the build
requirements allow (``setuptools>=40.8.0`` when the sdist declares none): pip 26.3 on the real
3.13 installs setuptools 84.2.1 there.  Its ``_distutils_hack`` makes ``import distutils`` load
``setuptools._distutils`` on 3.12+, so a setup.py's ``from distutils.core import setup`` works,
but that copy is not the standard library's ``distutils``: ``distutils.msvccompiler``,
``distutils.msvc9compiler``, ``distutils.command.bdist_wininst``, ``distutils.util.run_2to3`` and
``distutils.command.build_py.build_py_2to3`` are gone from it, and setuptools 84 no longer ships
``pkg_resources``, gone from 82.0.0 (each failed so, ``ModuleNotFoundError`` / ``ImportError``, in a real ``pip
wheel`` of an sdist on the real 3.13; ``from distutils.version import LooseVersion`` and
``from setuptools.command.test import test`` built).

``lacking(backport, api, names)`` answers which name a setuptools-provided ``distutils`` lacks;
``missing_module(module)`` which ``setuptools`` / ``pkg_resources`` module the build's
setuptools lacks.  The listing (``data/setuptools_names.txt``) is generated from the wheel's
sources, read with ``ast`` (never imported), never written by hand::

    python -m outmoded.buildnames setuptools-84.2.1-py3-none-any.whl > src/outmoded/data/setuptools_names.txt

Its first line is ``# setuptools VERSION: ROOT ...`` (the top-level modules it speaks for: one
it does not list under such a root is not there), then ``# refused setup() keywords: ...``
(``refused_keywords``) and ``# importable in the build: ...`` (``importable_roots``); each other line ``module name ...``: the names
the module binds at its top level (imports, definitions, assignments, in ``if`` / ``try`` / ``with``
blocks too) and those its ``__getattr__`` answers (the strings it compares the name with), or
``module *`` when it cannot be told (a ``from x import *``, a ``__getattr__`` of another kind).
"""

from __future__ import annotations

import ast
import os
import sys

DATA = os.path.join(os.path.dirname(__file__), "data", "setuptools_names.txt")
PROVIDER = "setuptools"  # the catalog's backport of distutils
_listing: dict | None = None
_header: list = []
_refused: set = set()
_importable: set = set()


def version() -> str:
    """The setuptools version the listing was made from ("" without a listing)."""
    _load()
    return _header[0] if _header else ""


def lacking(backport: str, api: str, names=()) -> str | None:
    """The first of ``api`` (a ``distutils`` module or name) or ``api.<name>`` for ``names`` (the
    names imported from module ``api``) that setuptools' distutils lacks, or None when it provides
    them all, or the listing cannot tell (another backport, another module)."""
    if backport != PROVIDER or api.split(".")[0] != "distutils":
        return None
    listing = _load()
    if not listing:
        return None
    if api in listing:
        return next((f"{api}.{name}" for name in names if not _has(listing, api, name)), None)
    module, _, name = api.rpartition(".")
    if module in listing:
        return None if _has(listing, module, name) else api
    return missing_module(api)


def missing_module(module: str) -> str | None:
    """The first part of dotted module ``module`` under a root the listing speaks for that the
    build's setuptools does not provide (``pkg_resources``, ``distutils.msvccompiler``), or None."""
    listing = _load()
    parts = module.split(".")
    if not listing or parts[0] not in _header[1:]:
        return None
    for cut in range(1, len(parts) + 1):
        prefix = ".".join(parts[:cut])
        if prefix not in listing:
            return prefix
    return None


def refused_keywords() -> frozenset:
    """The ``setup()`` keywords the build's setuptools refuses unless false (``use_2to3``:
    "use_2to3 is invalid." since setuptools 58), from its entry points."""
    _load()
    return frozenset(_refused)


def importable_roots() -> frozenset:
    """The top-level modules the build's setuptools makes importable besides the standard
    library: its own, ``distutils`` and what it vendors (``wheel``, ``packaging``...: it puts
    ``setuptools/_vendor`` on ``sys.path``, so ``from wheel.bdist_wheel import bdist_wheel`` built
    on the real 3.13)."""
    _load()
    return frozenset(_importable)


def has_name(module: str, name: str) -> bool | None:
    """Does ``module`` (listed) bind ``name`` or have it as a submodule; None: not listed."""
    listing = _load()
    return _has(listing, module, name) if module in listing else None


def _has(listing: dict, module: str, name: str) -> bool:
    names = listing[module]
    if isinstance(names, str):  # split when first asked: a run asks for a few modules at most
        names = listing[module] = frozenset(names.split())
    return "*" in names or name in names or f"{module}.{name}" in listing


def _load() -> dict:
    global _listing
    if _listing is None:
        _listing = {}
        try:
            with open(DATA, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return _listing
        if lines and lines[0].startswith("# setuptools "):
            head, _, roots = lines[0][len("# setuptools "):].partition(":")
            _header[:] = [head.strip(), *roots.split()]
        while len(lines) > 1 and lines[1].startswith("# "):
            key, _, words = lines.pop(1)[2:].partition(":")
            (_refused if key == "refused setup() keywords" else _importable).update(words.split())
        for line in lines[1:]:
            module, _, names = line.partition(" ")
            _listing[module] = names
    return _listing


# ---- generating the listing (never at run time) ----------------------------------------------


def bound_names(tree: ast.Module) -> set:
    """The names a module binds at its top level (see the module docstring)."""
    found: set = set()

    def visit(body):
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(stmt.name)
                if stmt.name == "__getattr__":
                    answered = {n.value for n in ast.walk(stmt) if isinstance(n, ast.Constant)
                                and isinstance(n.value, str) and n.value.isidentifier()}
                    found.update(answered or {"*"})
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                for alias in stmt.names:
                    found.add("*" if alias.name == "*" else alias.asname or alias.name.split(".")[0])
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for target in targets:
                    found.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
            elif isinstance(stmt, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(stmt, field, []))
                for handler in getattr(stmt, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def listing_of_wheel(path: str) -> str:
    """The listing's text for a setuptools wheel (read as a zip, nothing imported)."""
    import zipfile

    modules: dict = {}
    with zipfile.ZipFile(path) as wheel:
        setuptools_version = next(n.split("-")[1].removesuffix(".dist") for n in wheel.namelist()
                                  if n.endswith(".dist-info/METADATA"))
        for name in wheel.namelist():
            if not name.endswith(".py"):
                continue
            dotted = name[:-3].replace("/", ".").removesuffix(".__init__")
            if dotted.startswith("setuptools._distutils"):
                dotted = "distutils" + dotted[len("setuptools._distutils"):]
            elif not dotted.startswith(("setuptools", "pkg_resources")) \
                    or dotted.startswith(("setuptools._vendor", "setuptools.tests")) or ".tests." in dotted:
                continue
            try:
                tree = ast.parse(wheel.read(name))
            except SyntaxError:
                continue
            modules[dotted] = bound_names(tree)
            while "." in dotted:  # a directory without __init__.py is a namespace package
                dotted = dotted.rpartition(".")[0]
                modules.setdefault(dotted, set())
        points = next((wheel.read(n).decode() for n in wheel.namelist()
                       if n.endswith(".dist-info/entry_points.txt")), "")
        # setuptools puts its _vendor directory on sys.path when imported (as the backend does first)
        vendored = {n.split("/")[2].removesuffix(".py") for n in wheel.namelist()
                    if n.startswith("setuptools/_vendor/") and ".dist-info/" not in n
                    and (n.count("/") >= 3 or n.endswith(".py"))}
    refused = sorted(line.split("=")[0].strip() for line in points.splitlines()
                     if line.replace(" ", "").endswith("=setuptools.dist:invalid_unless_false"))
    roots = {"setuptools", "distutils", "_distutils_hack", *vendored}
    lines = [f"# setuptools {setuptools_version}: distutils setuptools pkg_resources",
             f"# refused setup() keywords: {' '.join(refused)}",
             f"# importable in the build: {' '.join(sorted(roots))}"]
    lines += [" ".join([module, *sorted(names)]) for module, names in sorted(modules.items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m outmoded.buildnames SETUPTOOLS_WHEEL > src/outmoded/data/setuptools_names.txt")
    sys.stdout.write(listing_of_wheel(sys.argv[1]))
