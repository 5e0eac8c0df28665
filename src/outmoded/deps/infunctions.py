"""Where a release's findings sit: the function each is in, and whether importing the release runs any.

A finding in a function's body fails when the function is called, not when the package is
imported. distlib 0.4.0's ``Wheel.mount()`` puts ``Mounter``, a finder with ``find_module``
alone, on ``sys.meta_path`` (``wheel.py:811``), which no import asks from 3.12 on, so a
mounted wheel's extensions no longer import; every module of distlib imports on the real 3.13,
3.14 and 3.15. Its row said ``breaks (distlib/wheel.py:811 sys.meta_path)`` and "its code uses
APIs the target lacks", which a user pinning virtualenv reads as "it does not run". The verdict
stays (the function does fail, and the release is still judged by what it ships), but the
message names the function and says the release imports.

"Imports" is claimed only when every finding is in a Python function's body and no code that
runs at import (a module's or a class's top level, in any library module of the release) calls
a function of that name: otherwise nothing is said. A module's top-level ``if __name__ ==
"__main__":`` block runs when the module is run as a script, not imported (but a ``__main__.py``
counts whole): tornado 6.5.4's ``autoreload.py`` calls ``main()`` there, whose
``pkgutil.get_loader`` (``autoreload.py:339``) fails on the real 3.14 and 3.15 only in ``python
-m tornado.autoreload -m MODULE``; ``import tornado.web`` and an application serving a request
run there.
"""

from __future__ import annotations

import ast

from outmoded.branches import is_main_test
from outmoded.values import leaf_name

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def locate(findings: list, sources: dict) -> tuple[dict, bool]:
    """(``"path:line"`` -> the qualified name of the function holding the finding, does the
    release import without running any?) for ``findings`` over ``sources`` (shown path -> bytes)."""
    trees, where = {}, {}
    for finding in findings:
        if finding.path not in trees:
            trees[finding.path] = parsed(sources.get(finding.path)) if finding.path.endswith(".py") else None
        tree = trees[finding.path]
        name = _enclosing(tree, finding.line) if tree is not None else None
        if name:
            where[f"{finding.path}:{finding.line}"] = name
    if not findings or len(where) < len({f"{f.path}:{f.line}" for f in findings}):
        return where, False
    leaves = {name.rsplit(".", 1)[-1] for name in where.values()}
    needles = [leaf.encode() for leaf in leaves]
    return where, not any(_called_at_import(parsed(data), leaves, path.rsplit("/", 1)[-1] != "__main__.py")
                          for path, data in sources.items()
                          if path.endswith(".py") and any(n in data for n in needles))  # parse only files naming one


def parsed(data: bytes | None):
    """The syntax tree of a release file's bytes, None when there are none or they do not parse."""
    try:
        return ast.parse(data) if data is not None else None
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _enclosing(tree: ast.Module, line: int) -> str | None:
    """The dotted name (``Wheel.mount``) of the innermost function whose body holds ``line``."""
    found, scopes = None, [(tree, "")]
    while scopes:
        node, prefix = scopes.pop()
        for child in ast.iter_child_nodes(node):
            end = getattr(child, "end_lineno", None)
            if not isinstance(child, (*FUNCTIONS, ast.ClassDef)) or end is None or not child.lineno <= line <= end:
                if end is not None and child.lineno <= line <= end:
                    scopes.append((child, prefix))  # an if or try around a def
                continue
            name = f"{prefix}{child.name}"
            if isinstance(child, FUNCTIONS) and _in_body(child, line):
                found = name
            scopes.append((child, f"{name}."))
    return found


def _in_body(function, line: int) -> bool:
    """Is ``line`` in the function's body (its decorators, signature and defaults run at definition)?"""
    for stmt in function.body:
        start = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", ())])
        if start <= line <= (stmt.end_lineno or stmt.lineno):
            return True
    return False


def _called_at_import(tree, leaves: set, script_blocks: bool = True) -> bool:
    """Does code outside any function of ``tree`` call a name (or attribute) in ``leaves``?  With
    ``script_blocks``, the bodies of its top-level ``if __name__ == "__main__":`` do not count
    (their ``else`` does)."""
    if tree is None:
        return True  # unreadable: nothing can be said
    todo = [part for node in tree.body for part in (
        node.orelse if script_blocks and isinstance(node, ast.If) and is_main_test(node.test) else [node])]
    while todo:
        node = todo.pop()
        if isinstance(node, (*FUNCTIONS, ast.Lambda)):
            todo += node.decorator_list if not isinstance(node, ast.Lambda) else []
            continue
        if isinstance(node, ast.Call):
            if leaf_name(node.func) in leaves:
                return True
        todo += ast.iter_child_nodes(node)
    return False
