"""Static evaluation of version checks: does this branch run on the target Python?

``evaluate(test, target, lookup)`` answers True, False or None (cannot tell) for conditions built
from ``sys.version_info`` (whole, sliced, indexed, ``.major``/``.minor``), ``sys.hexversion``,
``sys.version`` (sliced, indexed, ``.startswith``, compared as a string), ``platform.python_version_tuple()``,
``six.PY2``/``six.PY3`` (and ``future.utils``' flags: ``LIBRARY_FLAGS``), ``typing.TYPE_CHECKING`` (false when the code runs), module-level flags
such as ``PY2 = sys.version_info[0] == 2`` and names bound to the version, such as xlrd's
``python_version = sys.version_info[:2]``, pyparsing 2's ``tuple(sys.version_info)[:3]`` or bottle's
``py = sys.version_info`` (then ``py.major``), chained comparisons (``(3, 8) <= sys.version_info <
(3, 10)``), ``str is bytes`` (Python 2), and what ``outmoded.probes`` answers (a name in a stdlib module's namespace, a test for
Jython); ``lookup`` resolves names to qualified names, remembered flag values or ``VersionValue``.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

from outmoded import probes
from outmoded.records import Frozen

Lookup = Callable[[ast.expr], object]

def _contains(value, options) -> bool:
    return value in options


def _not_contains(value, options) -> bool:
    return value not in options


_COMPARE = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne,
    ast.In: _contains, ast.NotIn: _not_contains,
}
VERSION_INFO = "sys.version_info"
# the version flags of compatibility libraries a project imports rather than defines: the
# sys.version_info[:len(version)] test each one is (future 1.0's future/utils/__init__.py:
# PY26 = sys.version_info[0:2] == (2, 6), PY39_PLUS = sys.version_info[0:2] >= (3, 9))
LIBRARY_FLAGS = {
    "six": {"PY2": (operator.eq, (2,)), "PY3": (operator.ge, (3,)), "PY34": (operator.ge, (3, 4))},
    "future.utils": {"PY2": (operator.eq, (2,)), "PY26": (operator.eq, (2, 6)), "PY27": (operator.eq, (2, 7)),
                     "PY3": (operator.ge, (3,)), **{f"PY3{m}_PLUS": (operator.ge, (3, m)) for m in range(4, 10)}},
    "past.utils": {"PY2": (operator.eq, (2,)), "PY3": (operator.ge, (3,))},
}


class Unknown(Exception):
    pass


FIRST_RELEASE = 0x00A1  # the low 16 bits of sys.hexversion on a minor version's first release (alpha 1)


class VersionValue(Frozen):
    """What a name bound to (part of) the running version holds on the target: ``kind`` is
    "full" | "info" | "exact" | "hex" | "text" (a prefix of sys.version), and its ``value``."""

    __slots__ = _fields = ("kind", "value")

    def __init__(self, kind: str, value: object):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "value", value)


def _constant(node: ast.expr):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, str)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Tuple):
        return tuple(_constant(elt) for elt in node.elts)
    raise Unknown


def _slice_bounds(node: ast.Subscript) -> slice | int:
    index = node.slice
    if isinstance(index, ast.Index):  # Python 3.8
        index = index.value  # type: ignore[attr-defined]
    if isinstance(index, ast.Constant) and isinstance(index.value, int):
        return index.value
    if isinstance(index, ast.Slice) and index.step is None:
        lower = 0 if index.lower is None else _constant(index.lower)
        upper = None if index.upper is None else _constant(index.upper)
        return slice(lower, upper)
    raise Unknown


class _Version:
    """The target's version as each spelling of a version check sees it."""

    def __init__(self, target: tuple[int, int]):
        self.info = (target[0], target[1])
        self.text = f"{target[0]}.{target[1]}."  # what sys.version starts with

    def value(self, node: ast.expr, lookup: Lookup):
        if isinstance(node, ast.Subscript):
            return self._subscript(self.value(node.value, lookup), _slice_bounds(node))
        if isinstance(node, ast.Call):
            func = lookup(node.func)
            if func == "platform.python_version_tuple" and not node.args:
                return ("full", tuple(str(part) for part in self.info))
            if func == "builtins.tuple" and len(node.args) == 1 and not node.keywords:
                kind, value = self.value(node.args[0], lookup)  # pyparsing 2's tuple(sys.version_info)[:3]
                if kind in ("full", "info"):
                    return (kind, value)
            if func == "builtins.int" and len(node.args) == 1:
                kind, value = self.value(node.args[0], lookup)
                if kind == "exact" and isinstance(value, str) and value.isdigit():
                    return ("exact", int(value))
            raise Unknown
        if isinstance(node, ast.Attribute) and node.attr in ("major", "minor"):
            base = lookup(node.value)  # bottle 0.13's py = sys.version_info; py3k = py.major > 2
            if isinstance(base, VersionValue) and base.kind == "full" and isinstance(base.value[0], int):
                return ("exact", base.value[node.attr == "minor"])
        name = lookup(node)
        if isinstance(name, VersionValue):
            return (name.kind, name.value)
        if name == VERSION_INFO:
            return ("full", self.info)
        if name == "sys.version_info.major":
            return ("exact", self.info[0])
        if name == "sys.version_info.minor":
            return ("exact", self.info[1])
        if name == "sys.hexversion":
            return ("hex", self.info)
        if name == "sys.version":
            return ("text", self.text)
        raise Unknown

    @staticmethod
    def _subscript(base: tuple, part):
        kind, value = base
        if kind == "text":  # only the "3.13." prefix is known
            if isinstance(part, int) and 0 <= part < len(value) - 1:
                return ("exact", value[part])
            if isinstance(part, slice) and part.start == 0 and part.stop is not None \
                    and 0 <= part.stop < len(value):
                return ("exact", value[part])
            raise Unknown
        if kind not in ("full", "info"):
            raise Unknown
        if isinstance(part, int):
            if part not in (0, 1):
                raise Unknown
            return ("exact", value[part])
        if part.start != 0:
            raise Unknown
        if part.stop is None or part.stop > 2:
            return (kind, value)
        return ("info", value[: part.stop])


def _compare_info(info: tuple, full: bool, op, other) -> bool:
    if not isinstance(other, tuple) or op in (_contains, _not_contains):
        raise Unknown
    if not full:  # a slice such as version_info[:2] is exactly that tuple
        return op(info, other)
    # the whole version_info is (major, minor, micro, ...): longer than any (major, minor)
    if len(other) > 2:
        if tuple(other[:2]) == info[:2]:
            raise Unknown  # (3, 12, 1) against target 3.12: the micro version decides
        other = tuple(other[:2])
    return op(info[:2] + (type(info[0])(0),), other)


def compare_version(target: tuple[int, int], op, other: tuple) -> bool | None:
    """``op(sys.version_info, other)`` on the target (``op`` from ``operator``), as a build's
    version-dependent table writes it (Cython's runtests.py: ``(3, 12): (operator.ge, ...)``);
    None when the micro version decides."""
    try:
        return _compare_info(tuple(target), True, op, other)
    except (Unknown, TypeError):
        return None


def _compare_text(text: str, op, other) -> bool:
    """``op(sys.version, other)`` on the target, strings compared as strings (pony 0.7.20's
    ``if sys.version >= '3':`` / ``if sys.version < '3':``): ``text`` is the known start of
    sys.version ("3.13."), followed by the micro version; a literal going past it is undecided."""
    if not isinstance(other, str) or op in (_contains, _not_contains):
        raise Unknown
    for mine, theirs in zip(text, other):
        if mine != theirs:
            return op(mine, theirs)
    if len(other) > len(text):
        raise Unknown  # "3.13.1": the micro version decides
    return op(1, 0)  # sys.version starts with ``other`` and goes on: it is the greater


def _compare(node: ast.Compare, version: _Version, lookup: Lookup) -> bool:
    if len(node.ops) != 1:
        raise Unknown
    op = _COMPARE.get(type(node.ops[0]))
    if op is None:
        raise Unknown
    left, right = node.left, node.comparators[0]
    try:
        kind, value = version.value(left, lookup)
        other = _constant(right)
    except Unknown:
        kind, value = version.value(right, lookup)
        other = _constant(left)
        if op in (_contains, _not_contains):
            raise Unknown
        op = {operator.lt: operator.gt, operator.gt: operator.lt,
              operator.le: operator.ge, operator.ge: operator.le}.get(op, op)
    if kind == "exact":
        if op in (_contains, _not_contains):  # sys.version[:3] in ("2.6", "2.7")
            if not isinstance(other, tuple) or any(type(o) is not type(value) for o in other):
                raise Unknown
        elif type(other) is not type(value):
            raise Unknown
        return op(value, other)
    if kind == "text":
        return _compare_text(value, op, other)
    if kind == "hex":
        if not isinstance(other, int):
            raise Unknown
        wanted = (other >> 24, (other >> 16) & 0xFF)
        if wanted != value:
            return op(value, wanted)
        # the target's first release is X.Y.0a1 (0x..00A1): dill 0.4.1's ``if sys.hexversion <
        # 0x30d00a1: import xdrlib`` (3.13's first alpha) is false on every 3.13
        low = other & 0xFFFF
        if low < FIRST_RELEASE or (low == FIRST_RELEASE and op in (operator.lt, operator.ge)):
            return op(FIRST_RELEASE, low) if low < FIRST_RELEASE else op is operator.ge
        raise Unknown
    return _compare_info(value, kind == "full", op, other)


def _flag(name: object, version: _Version) -> bool:
    if isinstance(name, bool):
        return name
    if isinstance(name, str):
        module, _, attr = name.rpartition(".")
        test = LIBRARY_FLAGS.get("six" if module.endswith(".six") else module, {}).get(attr)
        if test is not None:
            op, wanted = test
            return op(version.info[:len(wanted)], wanted)
        if attr == "TYPE_CHECKING" and module in ("typing", "typing_extensions"):
            return False  # only type checkers take the branch; it never runs
    raise Unknown


def _evaluate(node: ast.expr, version: _Version, lookup: Lookup) -> bool:
    if isinstance(node, ast.BoolOp):
        values = [evaluate_with(v, version, lookup) for v in node.values]
        if isinstance(node.op, ast.And):
            if False in values:
                return False
            if None in values:
                raise Unknown
            return True
        if True in values:
            return True
        if None in values:
            raise Unknown
        return False
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, version, lookup)
    if isinstance(node, ast.Compare) and len(node.ops) > 1:
        # a chain is its links joined by ``and`` (APScheduler 3.11.3's ``if (3, 8) <=
        # sys.version_info < (3, 10):``): false as soon as one link is false on the target
        sides = [node.left, *node.comparators]
        links = [ast.Compare(left=sides[i], ops=[op], comparators=[sides[i + 1]]) for i, op in enumerate(node.ops)]
        return _evaluate(ast.BoolOp(op=ast.And(), values=links), version, lookup)
    if isinstance(node, ast.Compare):
        op, probed = type(node.ops[0]), None
        if op is ast.In or op is ast.NotIn:
            probed = probes.listed(node, version.info, lookup)
        elif op is ast.Eq or op is ast.NotEq:
            probed = probes.is_jython(node, lookup)
        if op in (ast.Is, ast.IsNot, ast.Eq, ast.NotEq) and probed is None:
            probed = _same_type(node, lookup)
        return probed if probed is not None else _compare(node, version, lookup)
    if isinstance(node, (ast.Name, ast.Attribute)):
        return _flag(lookup(node), version)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith" \
            and len(node.args) == 1 and not node.keywords:
        if probes.jython_value(node.func.value, lookup) == "java" and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and node.args[0].value.startswith("java"):
            return False  # sys.platform.startswith("java"): Jython
        return _startswith(version.value(node.func.value, lookup), _constant(node.args[0]))
    if isinstance(node, ast.Call) and not node.keywords and isinstance(node.func, ast.Name):
        func = lookup(node.func)
        if func == "builtins.bool" and len(node.args) == 1:
            return _evaluate(node.args[0], version, lookup)
        if func == "builtins.getattr" and len(node.args) == 3:
            default = probes.absent_default(node.args, version.info, lookup)
            if default is None:
                raise Unknown
            return default
    raise Unknown


STRING_TYPES = ("builtins.str", "builtins.bytes")


def _same_type(node: ast.Compare, lookup: Lookup) -> bool | None:
    """``str is bytes`` (``==``, ``is not``, either order): the test for Python 2, where ``str``
    was ``bytes``; on every Python 3 they are two types (Nuitka 4.3.5's ``if str is bytes: import
    __builtin__ as builtins``, ``PY2 = str is bytes``).  None for any other comparison."""
    left, right = lookup(node.left), lookup(node.comparators[0])
    if left not in STRING_TYPES or right not in STRING_TYPES:
        return None
    return (left == right) is isinstance(node.ops[0], (ast.Is, ast.Eq))


def _startswith(base: tuple, prefixes) -> bool:
    kind, text = base
    if kind != "text":
        raise Unknown
    verdicts = set()
    for prefix in prefixes if isinstance(prefixes, tuple) else (prefixes,):
        if not isinstance(prefix, str):
            raise Unknown
        if len(prefix) > len(text):  # "3.13.1": the micro version decides
            if not prefix.startswith(text):
                verdicts.add(False)
                continue
            raise Unknown
        verdicts.add(text.startswith(prefix))
    return True in verdicts


def evaluate_with(node: ast.expr, version: _Version, lookup: Lookup) -> bool | None:
    try:
        return _evaluate(node, version, lookup)
    except (Unknown, TypeError, RecursionError):
        return None


def evaluate(node: ast.expr, target: tuple[int, int], lookup: Lookup) -> bool | None:
    """True/False when ``node`` is a version check decided by the target; None otherwise."""
    return evaluate_with(node, _Version(target), lookup)


def version_value(node: ast.expr, target: tuple[int, int], lookup: Lookup) -> VersionValue | None:
    """What ``name = <node>`` binds when ``node`` is (part of) the running version, else None."""
    try:
        kind, value = _Version(target).value(node, lookup)
    except (Unknown, TypeError, RecursionError):
        return None
    return VersionValue(kind, value)


def terminates(body: list[ast.stmt], lookup: Lookup) -> bool:
    """Does this block always leave the enclosing block (return, raise, sys.exit, ...)?"""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        return lookup(last.value.func) in {"sys.exit", "builtins.exit", "builtins.quit", "os._exit"}
    return False
