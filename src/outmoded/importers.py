"""Who imports a module in the project, and what they have imported before it.

A removed module's backport that every importer of a project module imports first provides the
name there too (``importers_provide``): found by a text pass over the project's import lines,
asked only for a finding that would otherwise be reported, parsing only the files that name the
module on an import line.  What the statements before a line in its own module import is
``backportpaths``'.
"""

from __future__ import annotations

import os
import re

from outmoded.builds import build_installs, built_by_setuptools
from outmoded.layout import absolute, module_of
from outmoded.projectfiles import DYNAMIC_IMPORT_RE, MAIN_RE, memo, mentions, parsed, project_root
from outmoded.source import open_regular


def importers_provide(path: str, backport: str, target: tuple[int, int], line: int = 0) -> bool:
    """Does every module of the project that imports the module at ``path`` import ``backport``
    (a top-level module) unconditionally before the statement that imports it, with at least one
    such importer and no dynamic import of its name?  grpcio 1.85's ``_spawn_patch.py`` does ``from
    distutils import ccompiler``; only its ``setup.py`` imports it, after ``import setuptools``,
    which provides distutils.  A module that is also a script (``if __name__ == "__main__":``)
    runs without them, except at ``line`` in a function its script run never reaches (ecdsa
    0.19.2's ``versioneer.py``: ``get_cmdclass()``, which only setup.py calls, does ``from
    distutils.core import Command``; run as a script it only calls ``do_setup()``).  A
    ``setup.py`` is run by build frontends through setuptools' backend, which imports setuptools
    first, unless a ``pyproject.toml`` beside it names another backend (Cython 3.3's
    ``Demos/setup.py``: ``from distutils.core import setup``); so a module such a ``setup.py``
    imports gets setuptools from it, wherever the import stands (pycryptodomex 3.24.2's setup.py:
    ``try: from setuptools import ... / except ImportError: from distutils.core import ...``, then
    ``from compiler_opt import set_compiler_options``); so does a ``setup.py`` whose build installs
    setuptools (``builds.build_installs``, on ``target``: mpi4py 4.1.2's in-tree backend).  A module
    the project registers as a setuptools plugin is imported by setuptools (``entrypoints``)."""
    if not backport.isidentifier():
        return False  # a distribution installing the removed module itself (standard-crypt): not imported by name
    absolute_path = os.path.abspath(path)
    if backport == "setuptools" and os.path.basename(path) == "setup.py" and _builds_with(absolute_path, target):
        return True
    if _is_script(absolute_path) and any(start <= line <= end for start, end in _script_runs(absolute_path)):
        return False
    return _importers_provide(absolute_path, backport, target)


def _builds_with(setup_py: str, target: tuple[int, int]) -> bool:
    """Does a build run this ``setup.py`` with setuptools: through its backend, or installed?"""
    return built_by_setuptools(setup_py) or build_installs(setup_py, "setuptools", target)


@memo
def _importers_provide(absolute_path: str, backport: str, target: tuple[int, int]) -> bool:
    return _provided(absolute_path, backport, frozenset(), target)


# how many importers up a chain is followed (``_loaded_after``)
MAX_CHAIN = 4


def _provided(absolute_path: str, backport: str, seen: frozenset, target: tuple[int, int]) -> bool:
    """``_importers_provide``, with the modules whose importers are being asked on the way up
    (``seen``): a chain that comes back to one of them proves nothing."""
    module, import_root, _ = module_of(absolute_path)
    if not module or not absolute_path.endswith(".py"):
        return False
    if backport == "setuptools":
        from outmoded.entrypoints import loaded_by_setuptools

        if loaded_by_setuptools(absolute_path, module):
            return True
    leaf = module.rpartition(".")[2]
    top = project_root(os.path.dirname(absolute_path)) or import_root
    files = mentions(top, leaf)
    word = re.escape(leaf.encode())
    if files is None or any(_may_import_dynamically(data, module, word) for _, data in files):
        return False
    # a top-level module is reached by ``import m`` or ``from m import``; a package's, also by
    # ``from package import m`` and relative imports
    naming = re.compile(rb"^[ \t]*(?:import[ \t][^\n]*\b%s\b|from[ \t]+%s\b)" % (word, word) if "." not in module
                        else rb"^[ \t]*(?:import|from)[ \t][^\n]*\b%s\b" % word, re.M)
    found = False
    for importer, data in files:
        if importer == absolute_path:
            continue
        if not naming.search(data):
            if backport == "setuptools" and os.path.basename(importer) == "setup.py" and _builds_with(importer, target) \
                    and "." not in module and _loads_by_path(data, leaf):
                found = True  # its setup.py loads it from its file, after setuptools' backend imported setuptools
            continue
        if backport == "setuptools" and os.path.basename(importer) == "setup.py" and _builds_with(importer, target):
            found = True  # run by setuptools' backend, which imported setuptools before it, or with it installed
            continue
        verdict = _imports_after(importer, module, backport)
        if verdict is False:
            if not _loaded_after(importer, backport, seen | {absolute_path}, target):
                return False
            verdict = True
        found = found or verdict is True
    return found


# a module loaded from its file, not imported by name: importlib's spec_from_file_location or
# SourceFileLoader, runpy.run_path, exec of its text
BY_PATH_RE = re.compile(rb"\b(?:spec_from_file_location|SourceFileLoader|run_path|exec)\(")


def _loads_by_path(data: bytes, leaf: str) -> bool:
    """Does ``data`` (a setup.py) load the top-level module ``leaf`` from its file: a loader call
    and the file's name as a string (ndindex 1.10.1's setup.py: ``spec_from_file_location(
    'versioneer', os.path.join(os.path.dirname(__file__), 'versioneer.py'))``, then exec_module; its
    versioneer.py's get_cmdclass() does ``from distutils.core import Command``)?"""
    return bool(BY_PATH_RE.search(data)) and re.search(rb"""['"/]%s\.py['"]""" % re.escape(leaf.encode()), data) is not None


def _loaded_after(importer: str, backport: str, seen: frozenset, target: tuple[int, int]) -> bool:
    """Is the module at ``importer`` itself imported only after ``backport``, by every module
    importing it (``_provided``, up to ``MAX_CHAIN`` importers up), and never run as a script?  Then
    whatever it imports runs with the backport loaded, wherever the import stands: xmlsec 1.3.17's
    setup.py imports setuptools, then ``build_support/build_ext.py``, which imports
    ``static_build.py`` (``from distutils.errors import DistutilsError``, then ``from .releases
    import ...``), whose ``releases.py`` does ``from distutils import log``."""
    if importer in seen or len(seen) >= MAX_CHAIN or _is_script(importer):
        return False
    return _provided(importer, backport, seen, target)


def _may_import_dynamically(data: bytes, module: str, word: bytes) -> bool:
    """Can an ``import_module(...)`` or ``__import__(...)`` call in ``data`` import ``module``?
    One whose string names ``word`` may, unless the string is a whole absolute module name (the
    closing quote follows it) that is neither ``module`` nor one of its submodules: that call imports
    exactly the module it names and its parents (scikit-build-core 1.1.2's ``_variants.py``:
    ``importlib.import_module("variantlib.errors")`` cannot import its ``_compat/setuptools/errors.py``)."""
    for match in DYNAMIC_IMPORT_RE.finditer(data):
        name = match[1]
        if not re.search(rb"\b%s\b" % word, name):
            continue
        quote = data[match.start(1) - 1:match.start(1)]
        if data[match.end(1):match.end(1) + 1] != quote or name.startswith(b"."):
            return True  # built from parts, or relative: it may name this module
        wanted = module.encode()
        if name == wanted or name.startswith(wanted + b"."):
            return True
    return False


@memo
def _is_script(path: str) -> bool:
    try:
        with open_regular(path) as handle:
            return MAIN_RE.search(handle.read().decode("utf-8", "replace")) is not None
    except OSError:
        return True


@memo
def _script_runs(path: str) -> list:
    """The line spans of the script at ``path`` that its run as a script may execute: its top level
    but the functions and classes it defines there, and those of them a name reaches from what
    runs (transitively).  The whole file when it cannot be read."""
    import ast

    tree = parsed(path)
    if tree is None:
        return [(0, 1 << 30)]
    defined = {stmt.name: stmt for stmt in tree.body
               if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    runs = [stmt for stmt in tree.body if not (isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                                                and defined.get(stmt.name) is stmt)]
    pending, reached = list(runs), set()
    while pending:
        for node in ast.walk(pending.pop()):
            name = node.id if isinstance(node, ast.Name) else None
            if name in defined and name not in reached:
                reached.add(name)
                pending.append(defined[name])
    return [(stmt.lineno, stmt.end_lineno or stmt.lineno) for stmt in runs + [defined[n] for n in reached]]


@memo
def _imports_after(importer: str, module: str, backport: str) -> bool | None:
    """True when ``importer`` imports ``module`` and imports ``backport`` unconditionally, at its
    top level, before each statement that does; False when it imports ``module`` otherwise;
    None when it does not import it (another module of the same name)."""
    import ast

    tree = parsed(importer)
    if tree is None:
        return False  # cannot tell what it does
    top_level = "." not in module
    seen, provided = False, set()
    for stmt in tree.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Import):
                named = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = absolute(importer, node.level, node.module) if node.level else node.module
                named = [base] + [f"{base}.{a.name}" for a in node.names] if base else []
            else:
                continue
            if any(n == module or n.startswith(module + ".") for n in named if n) or (
                    top_level and any(n and n.split(".")[0] == module for n in named)):
                if backport not in provided:
                    return False
                seen = True
        if isinstance(stmt, ast.Import):
            provided.update(a.name.split(".")[0] for a in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            provided.add(stmt.module.split(".")[0])
    return True if seen else None
