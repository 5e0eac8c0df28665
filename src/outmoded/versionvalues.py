"""What the running version is, as each spelling of a version check sees it, and how it compares.

``_Version.value`` reads ``sys.version_info`` (whole, sliced, indexed, ``.major``/``.minor``),
``sys.hexversion``, ``sys.version`` (a known prefix), ``platform.python_version_tuple()``, names a
lookup binds to them (``VersionValue``) and numbers computed from their parts (``sys.version_info[0]
* 10 + sys.version_info[1]``: an interval, the micro version being any); ``_compare`` decides a
comparison of one with a literal, raising ``Unknown`` when the micro version decides.
``returned_version`` reads what a function computing the version returns (Nuitka's
``_getPythonVersion()``).  ``outmoded.guards`` evaluates whole conditions with these.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

from outmoded.records import Frozen
from outmoded.values import plain_parameters

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
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Tuple):
        return tuple(_constant(elt) for elt in node.elts)
    raise Unknown


def _options(node: ast.expr) -> tuple:
    """The constants a tuple, list or set literal holds, as a tuple: the right of ``in``."""
    if isinstance(node, (ast.List, ast.Set)):
        return tuple(_constant(elt) for elt in node.elts)
    return _constant(node)


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
        if isinstance(node, ast.BinOp):
            return ("number", _arithmetic(node.op, self.number(node.left, lookup), self.number(node.right, lookup)))
        if isinstance(node, ast.Call):
            func = lookup(node.func)
            if func in ("builtins.min", "builtins.max") and len(node.args) == 2 and not node.keywords:
                (a, b), (c, d) = self.number(node.args[0], lookup), self.number(node.args[1], lookup)
                pick = min if func == "builtins.min" else max  # Nuitka 4.3.5's min(15, micro)
                return ("number", (pick(a, c), pick(b, d)))
            if func == "platform.python_version_tuple" and not node.args:
                return ("full", tuple(str(part) for part in self.info))
            if func == "builtins.tuple" and len(node.args) == 1 and not node.keywords:
                kind, value = self.value(node.args[0], lookup)  # pyparsing 2's tuple(sys.version_info)[:3]
                if kind in ("full", "info"):
                    return (kind, value)
            if func == "builtins.float" and len(node.args) == 1 and not node.keywords:
                low, high = self.number(node.args[0], lookup)  # Cerberus 1.3's float(sys.version_info[0])
                return ("number", (float(low), float(high)))
            if func == "builtins.int" and len(node.args) == 1:
                kind, value = self.value(node.args[0], lookup)
                if kind == "exact" and isinstance(value, str) and value.isdigit():
                    return ("exact", int(value))
            raise Unknown
        if isinstance(node, ast.Tuple) and node.elts and not isinstance(node.elts[0], ast.Constant):
            # a tuple of exact parts is exact: pytorch-lightning 2.6.6's ``(sys.version_info.major,
            # sys.version_info.minor) >= (3, 10)``
            parts = [self.value(elt, lookup) for elt in node.elts]
            if all(kind == "exact" and type(value) is int for kind, value in parts):
                return ("exact", tuple(value for _, value in parts))
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

    def number(self, node: ast.expr, lookup: Lookup) -> tuple[int, int]:
        """The interval of numbers ``node`` takes on the target: a literal, a part of the version
        or arithmetic on them (``float()`` of one, a division: Cerberus 1.3's ``PYTHON_VERSION =
        float(sys.version_info[0]) + float(sys.version_info[1]) / 10``)."""
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return (node.value, node.value)
        kind, value = self.value(node, lookup)
        if kind == "exact" and type(value) is int:
            return (value, value)
        if kind == "number":
            return value
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
            if part == 2 and kind == "full":
                return ("number", MICRO)
            if part not in (0, 1):
                raise Unknown
            return ("exact", value[part])
        if part.start != 0:
            raise Unknown
        if part.stop is None or part.stop > 2:
            return (kind, value)
        return ("info", value[: part.stop])


def _compare_info(info: tuple, full: bool, op, other) -> bool:
    if not isinstance(other, tuple):
        raise Unknown
    if op in (_contains, _not_contains):
        return op(True, _info_options(info, full, other))
    if not full:  # a slice such as version_info[:2] is exactly that tuple
        return op(info, other)
    # the whole version_info is (major, minor, micro, ...): longer than any (major, minor)
    if len(other) > 2:
        if tuple(other[:2]) == info[:2]:
            raise Unknown  # (3, 12, 1) against target 3.12: the micro version decides
        other = tuple(other[:2])
    return op(info[:2] + (type(info[0])(0),), other)


def _info_options(info: tuple, full: bool, options: tuple) -> tuple:
    """``(True,)`` if the version is one of ``options`` (tuples), else ``()``, for ``in`` and ``not
    in``: pyautogui 0.9.54's ``sys.version_info[0:2] in ((3, 1), (3, 2))``.  A slice such as
    version_info[:2] is exactly that tuple; the whole version_info (major, minor, micro, ...) equals
    no shorter tuple, and one naming the target's major and minor leaves it to the micro version."""
    if not all(isinstance(option, tuple) for option in options):
        raise Unknown
    if not full:
        return (True,) if info in options else ()
    if any(len(option) > 2 and tuple(option[:2]) == info[:2] for option in options):
        raise Unknown
    return ()


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
        other = _options(right) if op in (_contains, _not_contains) else _constant(right)
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
    if kind == "number":
        return _compare_number(value, op, other)
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


MICRO = (0, 1 << 16)  # sys.version_info[2] on the target: any micro version
_ARITHMETIC = {ast.Add: operator.add, ast.Mult: operator.mul, ast.LShift: operator.lshift}


def _arithmetic(op: ast.operator, left: tuple[int, int], right: tuple[int, int]) -> tuple[int, int]:
    """An operation on two intervals of non-negative numbers (a number computed from the version:
    ``sys.version_info[0] * 10 + sys.version_info[1]``, Nuitka's ``big * 256 + major * 16 + min(15,
    minor)``); each of these operations grows with both operands, but a division (by a positive
    interval) shrinks with its right one."""
    if left[0] < 0 or right[0] < 0:
        raise Unknown
    if type(op) is ast.Div and right[0] > 0:
        return (left[0] / right[1], left[1] / right[0])
    function = _ARITHMETIC.get(type(op))
    if function is None or function is operator.lshift and (right[1] > 64 or float in (type(left[1]), type(right[1]))):
        raise Unknown
    return (function(left[0], right[0]), function(left[1], right[1]))


def _compare_number(value: tuple[int, int], op, other) -> bool:
    """``op(n, other)`` for every ``n`` in the interval ``value``, or Unknown when they differ."""
    if type(other) not in (int, float) or op in (_contains, _not_contains):
        raise Unknown
    low, high = value
    if op in (operator.eq, operator.ne):
        if low <= other <= high and low != high:
            raise Unknown
        return op(low, other) if low == high else op is operator.ne
    outcomes = {op(low, other), op(high, other)}
    if len(outcomes) != 1:
        raise Unknown
    return outcomes.pop()


def returned_version(node: ast.FunctionDef, target: tuple[int, int], lookup: Lookup) -> VersionValue | None:
    """What a function without parameters returns on the target when its body only binds names to
    (parts of) the version and returns a value computed from them: Nuitka 4.3.5's
    ``_getPythonVersion()`` (``big, major, minor = sys.version_info[0:3]`` / ``return big * 256 +
    major * 16 + min(15, minor)``), called once as ``python_version = _getPythonVersion()``."""
    if plain_parameters(node) != 0 or not node.body or not isinstance(node.body[-1], ast.Return) \
            or node.body[-1].value is None:
        return None
    version, local = _Version(target), {}

    def scoped(name: ast.AST):
        return local[name.id] if isinstance(name, ast.Name) and name.id in local else lookup(name)

    try:
        for stmt in node.body[:-1]:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt is node.body[0]:
                continue  # the docstring
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
                return None
            kind, value = version.value(stmt.value, scoped)
            names = stmt.targets[0]
            if isinstance(names, ast.Name):
                local[names.id] = VersionValue(kind, value)
            elif isinstance(names, ast.Tuple) and kind == "full" and len(names.elts) <= 3 \
                    and all(isinstance(n, ast.Name) for n in names.elts):
                parts = [VersionValue("exact", value[0]), VersionValue("exact", value[1]), VersionValue("number", MICRO)]
                local.update({n.id: part for n, part in zip(names.elts, parts)})
            else:
                return None
        kind, value = version.value(node.body[-1].value, scoped)
    except (Unknown, TypeError, RecursionError, IndexError):
        return None
    return VersionValue(kind, value)
