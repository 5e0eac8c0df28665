"""Which source root a ``setup.py`` installs, when it picks it by the Python version running it.

httplib2 0.12.0 ships one copy of its code per major version and its ``setup.py`` writes
``pkgdir = {"": "python%s" % sys.version_info[0]}`` / ``setuptools.setup(package_dir=pkgdir, ...)``:
``python2/`` is never installed on a Python 3, and what it holds (``import httplib``) is not what
the upgrade breaks.  The root package's directory (``package_dir``'s ``""`` key, written in the
call or bound once in the module) is read with ``ast``, never run, and evaluated for the target
and for Python 2.7: a directory under the project's top that it names on 2.7 but not on the target
is not installed there (``installs.not_installed``).  The value may be a string formatted with
``sys.version_info[0]`` (``%``, ``+ str(...)``, an f-string), a conditional expression whose
test ``guards.evaluate`` decides, or a dict of such values subscripted by ``sys.version_info[0]``
(PyYAML 3.12: ``{2: 'lib', 3: 'lib3'}[sys.version_info[0]]``).
"""

from __future__ import annotations

import ast
import os

from outmoded import reads
from outmoded.projectfiles import memo

OTHER_PYTHON = (2, 7)


def not_installed_root(path: str, top: str, target: tuple[int, int]) -> bool:
    """Is ``path`` under the directory the ``setup.py`` at ``top`` installs as its root package
    directory only on Pythons other than the target?"""
    other = _other_root(os.path.join(top, "setup.py"), target)
    if other is None:
        return False
    root = os.path.normpath(os.path.join(top, other))
    return os.path.abspath(path).startswith(root + os.sep)


@memo
def _other_root(setup: str, target: tuple[int, int]) -> str | None:
    """The root package directory the ``setup.py`` names on Python 2.7 when it names another one
    on the target, or None."""
    from outmoded.builds import built_by_setuptools, parse_build_file

    if not reads.read(setup) or not built_by_setuptools(setup):
        return None
    from outmoded.summaries import module_lookup

    tree = parse_build_file(setup)
    if tree is None:
        return None
    value = _root_dir(tree)
    if value is None:
        return None
    there = _text(value, target, module_lookup(setup, tree, target))
    before = _text(value, OTHER_PYTHON, module_lookup(setup, tree, OTHER_PYTHON))
    if there is None or before is None or there == before or not before.strip("./"):
        return None
    return before


def _root_dir(tree: ast.Module) -> ast.expr | None:
    """The ``""`` entry of the ``package_dir`` a setup call passes (a dict written in the call, or
    a name the module binds once to one: ``setupcall.bound_once``)."""
    from outmoded.setupcall import keyword_dicts

    for value in keyword_dicts(tree, "package_dir"):
        for key, item in zip(value.keys, value.values):
            if isinstance(key, ast.Constant) and key.value == "":
                return item
    return None


def _text(node: ast.expr, version: tuple[int, int], lookup) -> str | None:
    """The string ``node`` gives on ``version``, or None when it cannot be told."""
    from outmoded import guards

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str) and node.left.value.count("%") == 1 and "%s" in node.left.value:
        part = _part(node.right, version, lookup)
        return None if part is None else node.left.value.replace("%s", str(part))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, version, lookup), _text(node.right, version, lookup)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" \
            and len(node.args) == 1 and not node.keywords:
        part = _part(node.args[0], version, lookup)
        return None if part is None else str(part)
    if isinstance(node, ast.JoinedStr):
        pieces = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                pieces.append(str(value.value))
            elif isinstance(value, ast.FormattedValue) and value.format_spec is None and value.conversion == -1:
                part = _part(value.value, version, lookup)
                if part is None:
                    return None
                pieces.append(str(part))
            else:
                return None
        return "".join(pieces)
    if isinstance(node, ast.IfExp):
        verdict = guards.evaluate(node.test, version, lookup)
        return None if verdict is None else _text(node.body if verdict else node.orelse, version, lookup)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        # PyYAML 3.12: package_dir={'': {2: 'lib', 3: 'lib3'}[sys.version_info[0]]}
        part = _part(node.slice, version, lookup)
        for key, item in zip(node.value.keys, node.value.values):
            if part is not None and isinstance(key, ast.Constant) and key.value == part:
                return _text(item, version, lookup)
    return None


def _part(node: ast.expr, version: tuple[int, int], lookup) -> int | None:
    """``sys.version_info[0]`` / ``.major`` (or ``[1]`` / ``.minor``) on ``version``."""
    if isinstance(node, ast.Tuple) and len(node.elts) == 1:
        node = node.elts[0]
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in (0, 1):
        return version[node.slice.value] if _qualified(node.value, lookup) == "sys.version_info" else None
    if isinstance(node, ast.Attribute) and node.attr in ("major", "minor"):
        return version[node.attr == "minor"] if _qualified(node.value, lookup) == "sys.version_info" else None
    return None


def _qualified(node: ast.expr, lookup) -> object:
    from outmoded.guards import Unknown

    try:
        return lookup(node)
    except Unknown:
        return None
