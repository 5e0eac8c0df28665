"""The ``setup(...)`` and ``Extension(...)`` calls of a setup.py, found with ``ast`` (setup.py is never run).

Shared by the project configuration (``python_requires``, ``outmoded.config``), ``outmoded
deps`` (``install_requires``, ``outmoded.deps.setupfiles``) and the C checks (the macros an
extension's sources are compiled with, ``outmoded.native.buildmacros``), the source root a setup.py
picks by the Python version (``outmoded.packagedir``), the ``setup_requires`` the build installs
(Cython's: ``outmoded.native.cythonc``; cppy's: ``outmoded.deps.setupbuild``), the build's command classes (``outmoded.deps.setupbuild``) and
the entry points setuptools loads (``outmoded.entrypoints``); kept apart from them so reading a project's configuration at
start-up does not import the deps package.  A keyword's value is read only where it holds on
every run: written in the call, or a name the module binds once and never changes
(``bound_once``), as a literal of constants (``literal``) or a dict display (``keyword_dicts``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from outmoded.values import leaf_name


def is_setup(func: ast.expr) -> bool:
    """``setup(...)`` or ``<anything>.setup(...)`` (``setuptools.setup``, ``distutils.core.setup``)."""
    return (isinstance(func, ast.Name) and func.id == "setup") or \
        (isinstance(func, ast.Attribute) and func.attr == "setup")


def setup_calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Every ``setup(...)`` call in ``tree``, in ``ast.walk`` order."""
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call) and is_setup(node.func))


def extension_calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Every ``Extension(...)`` call (``setuptools.Extension``, ``Pybind11Extension``...) in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = leaf_name(node.func)
            if name is not None and name.endswith("Extension"):
                yield node


def bound_once(tree: ast.Module) -> dict:
    """Names bound once in the module, by a plain assignment, and never changed after (no
    ``+=``, no method called on them, not passed to ``del``): name -> the value's node."""
    assigned: dict = {}
    touched = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
                else:
                    touched.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            touched.add(node.target.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            touched.add(node.value.id)  # macros.append(...), macros.extend(...)
        elif isinstance(node, (ast.For, ast.With, ast.NamedExpr, ast.Delete, ast.Global, ast.Nonlocal)):
            touched.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                touched.update(node.names)
    return {name: values[0] for name, values in assigned.items() if len(values) == 1 and name not in touched}


def keyword_dicts(tree: ast.Module, name: str) -> Iterator[ast.Dict]:
    """The dict displays the ``setup(...)`` calls of ``tree`` give the keyword ``name``: written
    in the call, or a name the module binds once to one (``bound_once``, asked only then)."""
    bound = None
    for call in setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg != name:
                continue
            value = keyword.value
            if isinstance(value, ast.Name):
                bound = bound_once(tree) if bound is None else bound
                value = bound.get(value.id)
            if isinstance(value, ast.Dict):
                yield value


def literal(node, bound: dict):
    """The value of a literal list or tuple of constants (nested), through a name bound once."""
    if isinstance(node, ast.Name) and node.id in bound:
        node = bound[node.id]
    if node is None:
        return None
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, (list, tuple)) else None


def setup_requires(tree: ast.Module) -> list:
    """The literal ``setup_requires`` of the ``setup(...)`` calls of ``tree`` (a list written in
    the call, or bound once to a name: ``literal``)."""
    bound, found = None, []
    for call in setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg == "setup_requires":
                bound = bound_once(tree) if bound is None else bound
                found.extend(literal(keyword.value, bound) or ())
    return found
