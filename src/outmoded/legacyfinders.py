"""Legacy import finders on a target whose import system never calls ``find_module`` (3.12 on):
a module-level class defining both ``find_spec`` and ``find_module`` has its ``find_module`` called
only by the project, and the loaders only that method creates are never made (``legacy_finders``).
``deadmethods`` asks it, beside a test module's helpers and private methods only dead code names.
"""

from __future__ import annotations

import ast
import os

from outmoded.layout import module_of
from outmoded.lazyre import word_re
from outmoded.projectfiles import mentions, project_root


def classes_once(body: list) -> dict:
    """Name -> definition of the module-level classes the module defines once."""
    classes: dict = {}
    for stmt in body:
        if isinstance(stmt, ast.ClassDef):
            classes.setdefault(stmt.name, []).append(stmt)
    return {name: defs[0] for name, defs in classes.items() if len(defs) == 1}


def finders(scanner, body: list) -> list:
    """The module-level classes defining both ``find_spec`` and ``find_module`` (on a target
    where the import system never calls ``find_module``)."""
    if scanner.index.target < (3, 12):
        return []
    return [c for c in body if isinstance(c, ast.ClassDef) and {"find_spec", "find_module"} <= {
        s.name for s in c.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}]


def legacy_finders(scanner, body: list) -> frozenset:
    """``Class.find_module`` of the module-level classes that also define ``find_spec``: the
    import system calls only ``find_spec`` from 3.4 on and never ``find_module`` from 3.12, so only
    the project may call it (future 1.0's ``past/translation/__init__.py``: ``Py2Fixer.find_module``
    calls ``PathFinder.find_module``, removed in 3.12, beside a ``find_spec`` calling
    ``PathFinder.find_spec``).  It does not when every ``.find_module`` of the module outside that
    method is asked of a name the module imports, and no other project file names both
    ``find_module`` and the class."""
    classes = finders(scanner, body)
    if not classes:
        return frozenset()
    module_scope = scanner.scope.module()
    spans = [(s.lineno, s.end_lineno or s.lineno) for c in classes for s in c.body
             if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "find_module"]
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Attribute) and node.attr == "find_module" \
                and not any(first <= node.lineno <= last for first, last in spans):
            receiver = node.value
            if not (isinstance(receiver, ast.Name) and isinstance(module_scope.bindings.get(receiver.id), str)):
                return frozenset()  # self.find_module(...), finder.find_module(...): may be one of them
    path = os.path.abspath(scanner.path)
    root = project_root(os.path.dirname(path)) or module_of(path)[1]
    others = mentions(root, "find_module")
    if others is None:
        return frozenset()
    dead = [c for c in classes if not any(other != path and word_re(c.name.encode()).search(data)
                                          for other, data in others)]
    return frozenset(f"{c.name}.find_module" for c in dead) | _loaders_of(body, dead, path, root)


def _loaders_of(body: list, finders: list, path: str, root: str) -> frozenset:
    """``Class.method`` of the methods of the module-level classes that only those finders'
    uncalled ``find_module`` name (py2app 0.28.10's bootstrap/setup_included_subpackages.py:
    ``Finder.find_module`` returns ``Loader()``, whose ``load_module`` does ``import imp``;
    ``Finder.find_spec`` returns a ``SourceFileLoader``'s spec): never created on the target, when no
    other project file names the class either."""
    spans = [(s.lineno, s.end_lineno or s.lineno) for c in finders for s in c.body
             if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "find_module"]
    if not spans:
        return frozenset()
    named = {c.name for c in finders}
    candidates = {name: c for name, c in classes_once(body).items() if name not in named}
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Name) and node.id in candidates \
                and not any(first <= node.lineno <= last for first, last in spans):
            del candidates[node.id]  # created or named elsewhere
    found = set()
    for name, cls in candidates.items():
        holders = mentions(root, name)
        if holders is None or any(other != path and word_re(name.encode()).search(data) for other, data in holders):
            continue
        found.update(f"{name}.{s.name}" for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))
    return frozenset(found)
