"""A block that imports the backport later: where the backport is missing it fails on every Python.

A removed module's use followed, in the same block, by an import of the backport that brings it
back (``from distutils.log import set_verbosity`` ... ``from setuptools.dist import Distribution``,
with nothing in between that can leave the block) breaks nothing the target changes: without the
backport the block fails at its own import on any Python, and with it installed the removed module
is there (setuptools' ``distutils-precedence.pth`` serves ``import distutils`` from its own copy
from the interpreter's start; a backport such as ``legacy-cgi`` is the module).  sagemath-standard
10.7's sage/misc/cython.py, ``cython()``: on the real 3.13 with setuptools 84 installed in a site
directory both imports work; without it the function stops at ``setuptools.dist`` on 3.11 too.
``backportpaths.function_prefix`` and ``provided_on_every_path`` answer the other order (the backport
imported before).
"""

from __future__ import annotations

import ast

# what can leave a block before its later statements run (a yield may never be resumed)
EXITS = (ast.Return, ast.Raise, ast.Break, ast.Continue, ast.Yield, ast.YieldFrom)
EXIT_CALLS = frozenset({"exit", "quit", "_exit", "abort"})
NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def imported_later(body: list, line: int, backport: str) -> bool:
    """Does the innermost block holding ``line`` import ``backport`` (a module name: the import
    of it or of a submodule, as a statement of that block) after the statement holding ``line``,
    with no statement in between that may leave the block (``return``, ``raise``, ``break``,
    ``continue``, ``yield``, ``sys.exit()``...)?"""
    block = body
    while True:
        holder = next((s for s in block if s.lineno <= line <= (s.end_lineno or s.lineno)), None)
        if holder is None:
            return False
        inner = [b for b in blocks(holder) if b[0].lineno <= line <= (b[-1].end_lineno or b[-1].lineno)]
        if not inner:
            break
        block = inner[0]
    for stmt in block[block.index(holder) + 1:]:
        if _imports(stmt, backport):
            return True
        if _may_leave(stmt):
            return False
    return False


def blocks(stmt: ast.stmt) -> list:
    """The statement lists inside ``stmt`` (a function's body too, a class's not: its body runs
    once, at the class statement, and the block holding it is the one asked about)."""
    if isinstance(stmt, ast.ClassDef):
        return []
    found = [getattr(stmt, name, None) for name in ("body", "orelse", "finalbody")]
    found += [h.body for h in getattr(stmt, "handlers", ())]
    found += [c.body for c in getattr(stmt, "cases", ())]
    return [b for b in found if isinstance(b, list) and b and isinstance(b[0], ast.stmt)]


def _imports(stmt: ast.stmt, backport: str) -> bool:
    if isinstance(stmt, ast.Import):
        return any(a.name == backport or a.name.startswith(backport + ".") for a in stmt.names)
    return isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module is not None \
        and (stmt.module == backport or stmt.module.startswith(backport + "."))


def _may_leave(stmt: ast.stmt) -> bool:
    todo: list = [stmt]
    while todo:
        node = todo.pop()
        if isinstance(node, EXITS):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in EXIT_CALLS:
                return True
        todo.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, NESTED))
    return False
