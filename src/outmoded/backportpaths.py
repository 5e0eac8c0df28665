"""Does every run that reaches a line import a removed module's backport before it?

Answered from the statements that run first: those before the line in its block and the blocks
around it (``block_prefix``, ``function_prefix``), a project module that imports the backport on
every path (``module_provides``), or an ``__init__`` above the file that imports such a module or
the backport before the file's own module (``package_provides``).  ``importers`` asks the other
question: what the modules importing the file import before it.
"""

from __future__ import annotations

import os

from outmoded import reads
from outmoded.layout import absolute, find_module, inits_above
from outmoded.projectfiles import memo, parsed
from outmoded.source import open_regular

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
    tree = parsed(path)
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
        tree = parsed(init)
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
