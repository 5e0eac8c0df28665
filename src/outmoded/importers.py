"""Who imports a module in the project, and what they have imported before it.

A removed module's backport that every importer of a project module imports first provides the
name there too (``importers_provide``): found by a text pass over the project's import lines,
asked only for a finding that would otherwise be reported, parsing only the files that name the
module on an import line.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.builds import built_by_setuptools
from outmoded.layout import absolute, find_module, inits_above, module_of
from outmoded.projectfiles import DYNAMIC_IMPORT_RE, MAIN_RE, memo, mentions, project_root
from outmoded.source import open_regular


def importers_provide(path: str, backport: str, line: int = 0) -> bool:
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
    ``from compiler_opt import set_compiler_options``).  A module the project registers as a
    setuptools plugin is imported by setuptools (``entrypoints``)."""
    if not backport.isidentifier():
        return False  # a distribution installing the removed module itself (standard-crypt): not imported by name
    absolute_path = os.path.abspath(path)
    if backport == "setuptools" and os.path.basename(path) == "setup.py" and built_by_setuptools(absolute_path):
        return True
    if _is_script(absolute_path) and any(start <= line <= end for start, end in _script_runs(absolute_path)):
        return False
    return _importers_provide(absolute_path, backport)


@memo
def _importers_provide(absolute_path: str, backport: str) -> bool:
    return _provided(absolute_path, backport, frozenset())


# how many importers up a chain is followed (``_loaded_after``)
MAX_CHAIN = 4


def _provided(absolute_path: str, backport: str, seen: frozenset) -> bool:
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
            if backport == "setuptools" and os.path.basename(importer) == "setup.py" and built_by_setuptools(importer) \
                    and "." not in module and _loads_by_path(data, leaf):
                found = True  # its setup.py loads it from its file, after setuptools' backend imported setuptools
            continue
        if backport == "setuptools" and os.path.basename(importer) == "setup.py" and built_by_setuptools(importer):
            found = True  # run by setuptools' backend, which imported setuptools before it
            continue
        verdict = _imports_after(importer, module, backport)
        if verdict is False:
            if not _loaded_after(importer, backport, seen | {absolute_path}):
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


def _loaded_after(importer: str, backport: str, seen: frozenset) -> bool:
    """Is the module at ``importer`` itself imported only after ``backport``, by every module
    importing it (``_provided``, up to ``MAX_CHAIN`` importers up), and never run as a script?  Then
    whatever it imports runs with the backport loaded, wherever the import stands: xmlsec 1.3.17's
    setup.py imports setuptools, then ``build_support/build_ext.py``, which imports
    ``static_build.py`` (``from distutils.errors import DistutilsError``, then ``from .releases
    import ...``), whose ``releases.py`` does ``from distutils import log``."""
    if importer in seen or len(seen) >= MAX_CHAIN or _is_script(importer):
        return False
    return _provided(importer, backport, seen)


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

    tree = _parsed(path)
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
    reads.read(importer)
    import ast
    import warnings

    try:
        with open_regular(importer) as handle:
            data = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data, filename=importer)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
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


def provided_on_every_path(body: list, backport: str, removed: str) -> bool:
    """Does every run of the module past these top-level statements import ``backport`` or the
    removed module ``removed`` itself (which then resolved, so later uses of it resolve too), with
    ``backport`` imported by name among them (a plain ``import distutils`` followed by more of it is
    still what breaks)?  Cython 3.3's ``Distutils/build_ext.py``: ``_build_ext_module =
    sys.modules.get('setuptools.command.build_ext')`` / ``if _build_ext_module is None:`` / ``try:
    import distutils.command.build_ext`` / ``except ImportError:`` / ``try: import
    setuptools.command.build_ext`` / ``except ImportError: raise ImportError("... Please install
    setuptools.")``: past it, setuptools was imported (its distutils installed) or distutils
    resolved; on the real 3.13 without setuptools the module raises its own ImportError there."""
    return _block_provides(body, {backport, removed}, {}) and any(
        _provides(stmt, {backport}, {}) for stmt in _statements(body))


def function_prefix(body: list, line: int) -> list:
    """The statements every call of the innermost function holding ``line`` runs before it: those
    before the statement holding it in each block on the way down from the function's body
    (pymssql 2.4.6's dev/build.py: ``def find_vcvarsall_env(): from setuptools import distutils``
    / ``from distutils.util import get_platform``).  Empty when ``line`` is in no function."""
    prefix, in_function = _prefix(body, line)
    return prefix if in_function else []


def block_prefix(body: list, line: int) -> list:
    """The statements every run of the module reaching ``line`` (in no function) runs before it:
    those before the statement holding it in each block on the way down from the module's
    (ddtrace 4.16.0's sourcecode/setuptools_auto.py: ``try: import setuptools`` / ``import
    distutils.core as distutils_core`` / ``except ImportError: distutils_core = None``)."""
    return _prefix(body, line)[0]


def _prefix(body: list, line: int) -> tuple[list, bool]:
    """(the statements before the one holding ``line`` in each block on the way down from
    ``body``, from the innermost function's body on; is it in a function?)"""
    import ast

    prefix: list = []
    block, in_function = body, False
    while block:
        holder = next((s for s in block if s.lineno <= line <= (s.end_lineno or s.lineno)), None)
        if holder is None:
            break
        if isinstance(holder, (ast.FunctionDef, ast.AsyncFunctionDef)):
            prefix, block, in_function = [], holder.body, True
            continue
        prefix.extend(block[:block.index(holder)])
        inner = [b for b in (getattr(holder, "body", None), getattr(holder, "orelse", None),
                             getattr(holder, "finalbody", None), *(h.body for h in getattr(holder, "handlers", ())))
                 if isinstance(b, list) and b and b[0].lineno <= line <= (b[-1].end_lineno or b[-1].lineno)]
        if isinstance(holder, ast.ClassDef) or not inner:
            break
        block = inner[0]
    return prefix, in_function


def _statements(body: list):
    """The statements of a block and of the blocks of its ``if``, ``try`` and ``with`` statements
    (not of its functions or classes, nor its expressions)."""
    import ast

    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.If, ast.With, ast.AsyncWith)):
            yield from _statements(stmt.body)
            yield from _statements(getattr(stmt, "orelse", []))
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            for block in (stmt.body, stmt.orelse, stmt.finalbody, *(h.body for h in stmt.handlers)):
                yield from _statements(block)


def _block_provides(body: list, roots: set, present: dict) -> bool:
    import ast

    for stmt in body:
        if _provides(stmt, roots, present):
            return True
        if isinstance(stmt, ast.Raise):
            return True  # nothing runs past it
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            present[stmt.targets[0].id] = _modules_get(stmt.value, roots)
    return False


def _modules_get(value, roots: set) -> bool:
    """``sys.modules.get("setuptools.command.build_ext")``: not None only once it was imported."""
    import ast

    return (isinstance(value, ast.Call) and len(value.args) == 1 and isinstance(value.args[0], ast.Constant)
            and isinstance(value.args[0].value, str) and value.args[0].value.split(".")[0] in roots
            and isinstance(value.func, ast.Attribute) and value.func.attr == "get"
            and isinstance(value.func.value, ast.Attribute) and value.func.value.attr == "modules"
            and isinstance(value.func.value.value, ast.Name) and value.func.value.value.id == "sys")


def _provides(stmt, roots: set, present: dict) -> bool:
    import ast

    if isinstance(stmt, ast.Import):
        return any(a.name.split(".")[0] in roots for a in stmt.names)
    if isinstance(stmt, ast.ImportFrom):
        return not stmt.level and bool(stmt.module) and stmt.module.split(".")[0] in roots
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return _block_provides(stmt.body, roots, dict(present))
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        body = _block_provides(stmt.body, roots, dict(present)) or _block_provides(stmt.orelse, roots, dict(present))
        return (body and all(_block_provides(h.body, roots, dict(present)) for h in stmt.handlers)) \
            or _block_provides(stmt.finalbody, roots, dict(present))
    if isinstance(stmt, ast.If):
        test, negated = stmt.test, False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, negated = test.operand, True
        name = None
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.comparators[0], ast.Constant) \
                and test.comparators[0].value is None and isinstance(test.left, ast.Name):
            name = test.left.id
            negated ^= isinstance(test.ops[0], ast.Is)
        elif isinstance(test, ast.Name):
            name = test.id
        # ``if X is None:`` after ``X = sys.modules.get(...)``: the other branch has it imported
        imported_branch = (stmt.body if not negated else stmt.orelse) if name and present.get(name) else None
        return all(branch is imported_branch or _block_provides(branch, roots, dict(present))
                   for branch in (stmt.body, stmt.orelse))
    return False


@memo
def module_provides(path: str, backport: str, removed: str) -> bool:
    """``provided_on_every_path`` for the project module at ``path`` (parsed only when its bytes
    name the backport)."""
    reads.read(path)
    try:
        with open_regular(path) as handle:
            if backport.encode() not in handle.read():
                return False
    except OSError:
        return False
    tree = _parsed(path)
    return tree is not None and provided_on_every_path(tree.body, backport, removed)


def package_provides(path: str, backport: str, removed: str) -> bool:
    """Does the ``__init__`` of a package above the file import, at its top level and before any
    import naming the file's module, a project module that provides ``backport`` on every path
    (``module_provides``)?  Importing the file's module runs that first: Cython 3.3's
    ``Distutils/__init__.py`` starts with ``from Cython.Distutils.build_ext import build_ext``, so
    ``Distutils/extension.py``'s ``import distutils.extension`` runs only where setuptools was
    importable (on the real 3.13: with setuptools only on PYTHONPATH, it imports).  So does an
    ``__init__`` importing the backport itself there: py2app 0.28.10's ``import setuptools``, before
    ``py2app/util.py``'s ``from distutils import log`` can run."""
    import ast

    absolute_path = os.path.abspath(path)
    stem = os.path.basename(absolute_path)[:-3]
    if stem == "__init__":
        stem = os.path.basename(os.path.dirname(absolute_path))
    for init in inits_above(absolute_path):  # the name of the module or package below each
        tree = _parsed(init)
        for stmt in tree.body if tree is not None else ():
            if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
                continue
            names = [a.name for a in stmt.names] if isinstance(stmt, ast.Import) else [
                absolute(init, stmt.level, stmt.module) if stmt.level else stmt.module]
            if isinstance(stmt, ast.ImportFrom) and names[0]:
                names += [f"{names[0]}.{a.name}" for a in stmt.names]
            if any(n and n.split(".")[0] == backport for n in names):
                return True  # the backport itself (py2app 0.28.10's __init__: import setuptools)
            providers = [find_module(n, init) for n in names if n and n.split(".")[0] not in (backport, removed)]
            if any(p and p != absolute_path and module_provides(p, backport, removed) for p in providers):
                return True
            if any(n and stem in n.split(".") for n in names):
                break  # the file's module is imported before anything provides it
        stem = os.path.basename(os.path.dirname(init))
    return False


@memo
def _parsed(path: str):
    reads.read(path)
    import ast
    import warnings

    try:
        with open_regular(path) as handle:
            data = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(data, filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
