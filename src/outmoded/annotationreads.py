"""Whether anything reads a function's deferred annotations: those of one the project only calls are never evaluated.

Under ``from __future__ import annotations`` (and from 3.14 on, PEP 649) a function's annotations
are evaluated only where something reads them from the function object: ``typing.get_type_hints``,
a framework the function is handed to (FastAPI's routes, typer's commands, ``singledispatch``'s
``register``), a decorator (pydantic's ``validate_call``), or a hook decorating every function of
a package as it is imported (beartype.claw, typeguard's import hook).  A module-level function
without decorators that the project names only to define it, to import it and to call it
(``name(...)``, ``module.name(...)``), in a project without such a hook, is never handed to
anything: strawberry-graphql 0.341.2's ``get_default_factory_for_field(...) -> NoArgAnyCallable |
dataclasses._MISSING_TYPE`` (gone in 3.15), which its ``object_type.py`` only calls.  Any other
mention of the name (a bare reference, an ``as`` alias, a string: ``__all__``, ``mock.patch``) or a
file that cannot be parsed keeps it read.  Asked only for a finding in such an annotation.
"""

from __future__ import annotations

import ast
import os

from outmoded.layout import module_of
from outmoded.projectfiles import memo, mentioning, mentions, project_root

# the calls that install a hook reading the annotations of every function a package defines
HOOKS = ("beartype_this_package", "beartype_package", "beartype_packages", "beartype_all", "install_import_hook")


def only_called(path: str, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Does nothing read the annotations of ``function``, a module-level ``def`` of the file at
    ``path``: it has no decorators and the project only calls it?"""
    if function.decorator_list:
        return False
    absolute = os.path.abspath(path)
    return _only_called(project_root(os.path.dirname(absolute)) or module_of(absolute)[1], function.name)


@memo
def _only_called(top: str, name: str) -> bool:
    if any(_mentioned(top, hook) for hook in HOOKS):
        return False
    files = mentions(top, name)
    if not files:
        return False
    calls = 0
    for _, data in files:
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return False
        named = _uses(tree, name)
        if named is None:
            return False
        calls += named
    return calls > 0


def _mentioned(top: str, word: str) -> bool:
    found = mentioning(top, word)
    return found is None or next(iter(found), None) is not None


def _uses(tree: ast.AST, name: str) -> int | None:
    """How many calls of ``name`` the tree makes, or None when it names it any other way than a
    call, a ``def`` or a plain import."""
    callees = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            callees.add(id(node.func))
    calls = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name or isinstance(node, ast.Attribute) and node.attr == name:
            if id(node) not in callees:
                return None
            calls += 1
        elif isinstance(node, ast.alias) and name in (node.name.rpartition(".")[2], node.asname):
            if node.asname not in (None, name):
                return None
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and name in node.value:
            return None
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return None
    return calls
