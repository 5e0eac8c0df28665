"""What a condition asks the running interpreter other than its version: whether one of its
stdlib modules has a name (``"Bytes" in vars(ast)``, ``getattr(base64, "decodestring", False)``),
answered from the real interpreters' listings (``outmoded.present``), whether it is Jython
(``platform.system() == "Java"``), which no Python 3 is, and whether a module it lacks was imported
(``"pkg_resources" in sys.modules``: ``loaded``).  ``outmoded.guards`` asks these for the
conditions it evaluates; each answers None when it cannot tell.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

Lookup = Callable[[ast.expr], object]


# what Jython, which never had a Python 3, says where a program asks which Python runs it: none
# of these holds on any Python 3 (buildbot 4.3.0's ``system = platform.system()`` / ``elif system
# == "Java": platform.java_ver()``, gone in 3.15); sys.platform's value starts so
JYTHON = {"platform.system": "Java", "platform.python_implementation": "Jython", "os.name": "java",
          "sys.platform": "java"}


def jython_value(node: ast.expr, lookup: Lookup) -> str | None:
    """What ``node`` (``platform.system()``, a name bound to it, ``os.name``, ``sys.platform``
    or a slice of it from 0) is on Jython, else None."""
    if isinstance(node, ast.Call) and not node.args and not node.keywords:
        return JYTHON.get(lookup(node.func)) if lookup(node.func) in ("platform.system",
                                                                      "platform.python_implementation") else None
    if isinstance(node, ast.Subscript):  # sys.platform[:4]
        index = node.slice
        return JYTHON["sys.platform"] if isinstance(index, ast.Slice) and index.step is None and (
            index.lower is None or (isinstance(index.lower, ast.Constant) and index.lower.value == 0)) \
            and lookup(node.value) == "sys.platform" else None
    value = lookup(node)
    if value in ("os.name", "sys.platform"):
        return JYTHON[value]
    called = getattr(value, "cls", None)  # an instance of what platform.system() returns
    return JYTHON[called] if called in ("platform.system", "platform.python_implementation") else None


def is_jython(node: ast.Compare, lookup: Lookup) -> bool | None:
    """``platform.system() == "Java"`` and the other spellings of ``JYTHON``: False (``!=``:
    True) on the target, which is a Python 3; None for any other comparison."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        return None
    for side, other in ((node.left, node.comparators[0]), (node.comparators[0], node.left)):
        if isinstance(other, ast.Constant) and isinstance(other.value, str):
            jython = jython_value(side, lookup)
            if jython is not None and (other.value == jython or (jython == "java" and other.value.startswith("java"))):
                return isinstance(node.ops[0], ast.NotEq)
    return None


def asks_listing(test: ast.expr) -> bool:
    """Does ``test`` ask whether a module lists a name (``listed``), alone or in ``and``/``or``/
    ``not``?  Its value on other versions comes from the listings, which start at 3.10: it does
    not tell from which version on it holds."""
    todo = [test]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.BoolOp):
            todo.extend(node.values)
        elif isinstance(node, ast.UnaryOp):
            todo.append(node.operand)
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.In, ast.NotIn)) \
                and isinstance(node.left, ast.Constant) and _namespace(node.comparators[0]) is not None:
            return True
    return False


def _namespace(node: ast.expr) -> ast.expr | None:
    """The module of ``vars(m)``, ``dir(m)`` or ``m.__dict__`` (not yet resolved), else None."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords \
            and isinstance(node.func, ast.Name) and node.func.id in ("vars", "dir"):
        return node.args[0]
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    return None


def listed(node: ast.Compare, target: tuple[int, int], lookup: Lookup) -> bool | None:
    """``"name" in vars(module)`` (``dir(module)``, ``module.__dict__``; ``not in``) of a stdlib
    module the target's interpreter lists (``present.has``): mercurial 7.2.4's ``use_constant =
    'Bytes' not in vars(ast)``, then ``if use_constant: ... else: isinstance(a, ast.Str)``."""
    op = node.ops[0]
    if len(node.ops) != 1 or not isinstance(op, (ast.In, ast.NotIn)):
        return None
    name, module = node.left, _namespace(node.comparators[0])
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)) or module is None:
        return None
    space = node.comparators[0]
    if isinstance(space, ast.Call) and lookup(space.func) not in ("builtins.vars", "builtins.dir"):
        return None  # a vars or dir of the module's own
    qualified = lookup(module)
    if not isinstance(qualified, str) or qualified.startswith("builtins."):
        return None
    from outmoded.present import has, module_on

    if not module_on(qualified, target):
        return None  # not a stdlib module (a class, a project's name): its dict is not listed
    there = has(qualified, name.value, target)
    if there is None:
        return None
    return there if isinstance(op, ast.In) else not there


def loaded(node: ast.Compare, target: tuple[int, int], lookup: Lookup) -> bool | None:
    """``"name" in sys.modules`` (``not in``) of a module the catalog says the target lacks
    (``imp``, ``pkg_resources``): False (True) there, so the branch importing it only once it is
    loaded (pytest 9.2.0's monkeypatch.syspath_prepend: ``if "pkg_resources" in sys.modules: import
    pkg_resources``) never fails; None for any other comparison.  Where a project puts its own copy
    into ``sys.modules`` first, that branch imports the copy, which is no finding either."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return None
    name = node.left
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)) \
            or lookup(node.comparators[0]) != "sys.modules" or name.value.split(".")[0] not in _lacked(target):
        return None
    return isinstance(node.ops[0], ast.NotIn)


_LACKED: dict = {}


def _lacked(target: tuple[int, int]) -> frozenset:
    """The top-level modules the catalog says were removed at or before ``target``."""
    if target not in _LACKED:
        from outmoded.catalog import default_catalog

        _LACKED[target] = frozenset(e.name for e in default_catalog().entries if e.kind == "module" and "." not in e.name
                                    and not e.pending and e.removed_in <= target[:2])
    return _LACKED[target]


def absent_default(args: list, target: tuple[int, int], lookup: Lookup) -> bool | None:
    """``getattr(module, "name", default)`` of a stdlib module the target's interpreter lists
    without that name (``present.has``): the default, when it is a flag."""
    default = args[2]
    if not (isinstance(default, ast.Constant) and isinstance(default.value, bool)):
        return None
    return default.value if absent(args[0], args[1], target, lookup) else None


def absent(module: ast.expr, name: ast.expr, target: tuple[int, int], lookup: Lookup) -> bool:
    """Is ``getattr(module, "name", ...)`` of a stdlib module one the target's interpreter lists
    without that name, so that the default is what it gives?"""
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return False
    qualified = lookup(module)
    if not isinstance(qualified, str) or qualified.startswith("builtins."):
        return False
    from outmoded.present import has

    return has(qualified, name.value, target) is False
