"""The ``setup(...)`` and ``Extension(...)`` calls of a setup.py, found with ``ast`` (setup.py is never run).

Shared by the project configuration (``python_requires``, ``outmoded.config``), ``outmoded
deps`` (``install_requires``, ``outmoded.deps.setupfiles``) and the C checks (the macros an
extension's sources are compiled with, ``outmoded.native.buildmacros``); kept apart from them so reading a
project's configuration at start-up does not import the deps package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator


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
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name.endswith("Extension"):
                yield node
