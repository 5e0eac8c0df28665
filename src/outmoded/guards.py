"""Static evaluation of version checks: does this branch run on the target Python?

``evaluate(test, target, lookup)`` answers True, False or None (cannot tell) for conditions built
from ``sys.version_info`` (whole, sliced, indexed, ``.major``/``.minor``), ``sys.hexversion``,
``sys.version`` (sliced, indexed, ``.startswith``, compared as a string), ``platform.python_version_tuple()``,
``six.PY2``/``six.PY3`` (and ``future.utils``' flags: ``LIBRARY_FLAGS``), ``typing.TYPE_CHECKING`` (false when the code runs), module-level flags
such as ``PY2 = sys.version_info[0] == 2`` and names bound to the version, such as xlrd's
``python_version = sys.version_info[:2]``, pyparsing 2's ``tuple(sys.version_info)[:3]`` or bottle's
``py = sys.version_info`` (then ``py.major``), numbers computed from its parts (``sys.version_info[0] *
10 + sys.version_info[1]``, also returned by a function: ``returned_version``), chained comparisons (``(3, 8) <= sys.version_info <
(3, 10)``), ``str is bytes`` (Python 2), and what ``outmoded.probes`` answers (a name in a stdlib module's namespace, a test for
Jython); ``lookup`` resolves names to qualified names, remembered flag values or ``VersionValue``.
What each spelling of the version is on the target, and its comparison with a literal, is
``outmoded.versionvalues``'.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

from outmoded import probes
from outmoded.lazyre import LazyPattern
from outmoded.values import leaf_name
from outmoded.versionvalues import (  # noqa: F401 (compare_version, returned_version: re-exported)
    Unknown, VersionValue, _compare, _constant, _Version, compare_version, returned_version,
)

Lookup = Callable[[ast.expr], object]

# the version flags of compatibility libraries a project imports rather than defines: the
# sys.version_info[:len(version)] test each one is (future 1.0's future/utils/__init__.py:
# PY26 = sys.version_info[0:2] == (2, 6), PY39_PLUS = sys.version_info[0:2] >= (3, 9))
LIBRARY_FLAGS = {
    "six": {"PY2": (operator.eq, (2,)), "PY3": (operator.ge, (3,)), "PY34": (operator.ge, (3, 4))},
    "future.utils": {"PY2": (operator.eq, (2,)), "PY26": (operator.eq, (2, 6)), "PY27": (operator.eq, (2, 7)),
                     "PY3": (operator.ge, (3,)), **{f"PY3{m}_PLUS": (operator.ge, (3, m)) for m in range(4, 10)}},
    "past.utils": {"PY2": (operator.eq, (2,)), "PY3": (operator.ge, (3,))},
    "nine": {"IS_PYTHON2": (operator.eq, (2,))},  # nine 1.1.0's IS_PYTHON2 = (sys.version_info[0] == 2): Kajiki 0.8.2
}


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
            if probed is None:
                probed = probes.loaded(node, version.info, lookup)
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
    if isinstance(node, ast.Call) and may_be_predicate(node):
        # a project's version predicate: ddtrace's is_at_least_py(3, 10), datadog's is_p3k()
        verdict = lookup(node)
        if isinstance(verdict, bool):
            return verdict
    if isinstance(node, ast.Call) and not node.keywords and isinstance(node.func, ast.Name):
        func = lookup(node.func)
        if func == "builtins.bool" and len(node.args) == 1:
            return _evaluate(node.args[0], version, lookup)
        if func == "builtins.getattr" and len(node.args) == 3:
            default = probes.absent_default(node.args, version.info, lookup)
            if default is None and probes.absent(node.args[0], node.args[1], version.info, lookup):
                # pip 26.0.1: getattr(sysconfig, "_PIP_USE_SYSCONFIG", _USE_SYSCONFIG_DEFAULT), where
                # _USE_SYSCONFIG_DEFAULT = sys.version_info >= (3, 10)
                return _evaluate(node.args[2], version, lookup)
            if default is None:
                raise Unknown
            return default
    raise Unknown


STRING_TYPES = ("builtins.str", "builtins.bytes")


def _same_type(node: ast.Compare, lookup: Lookup) -> bool | None:
    """``str is bytes`` (``==``, ``is not``, either order): the test for Python 2, where ``str``
    was ``bytes``; on every Python 3 they are two types (Nuitka 4.3.5's ``if str is bytes: import
    __builtin__ as builtins``, ``PY2 = str is bytes``).  None for any other comparison."""
    sides = (node.left, node.comparators[0])
    if not all(isinstance(side, ast.Name) and side.id in ("str", "bytes") for side in sides):
        return None  # most comparisons, asked nothing
    left, right = map(lookup, sides)
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


def version_numbers(call: ast.Call) -> bool:
    """Are the arguments of ``call`` (one at least) whole numbers or tuples of them, as a version
    predicate takes them (``is_at_least_py(3, 10)``, ``py_at_least((3, 10))``)?"""
    values = [*call.args, *(k.value for k in call.keywords)]
    return bool(values) and all(k.arg is not None for k in call.keywords) and all(
        type(v.value) is int if isinstance(v, ast.Constant) else isinstance(v, ast.Tuple) and all(
            isinstance(e, ast.Constant) and type(e.value) is int for e in v.elts) for v in values)


def switch_call(call: ast.Call) -> bool:
    """Is ``call`` shaped as a version test ``evaluate`` may decide: ``getattr(module, "name",
    default)`` whose default is not a constant (pip's ``getattr(sysconfig, "_PIP_USE_SYSCONFIG",
    sys.version_info >= (3, 10))``), or ``bool()`` of such a call or of a comparison, a boolean
    operation, ``not`` or a name.  A constant default is left to what reads it already
    (``getattr(sys, "frozen", False)`` is set at run time by freezers).  Only the shape:
    ``evaluate`` qualifies the names and decides."""
    func = call.func
    if call.keywords or func.__class__ is not ast.Name:
        return False
    if func.id == "bool" and len(call.args) == 1:
        arg = call.args[0]
        return isinstance(arg, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Attribute)) or (
            arg.__class__ is ast.Call and switch_call(arg) and arg.func.id == "getattr")
    return func.id == "getattr" and len(call.args) == 3 and call.args[1].__class__ is ast.Constant \
        and call.args[2].__class__ is not ast.Constant


# the names a call with no arguments is asked about as a version predicate (``is_p3k()``, ``is_py2()``,
# ``python_version_at_least()``, ``is_p3()``): a filter on what is read, not on the answer, which the body gives
PREDICATE_NAME_RE = LazyPattern(r"(?i)py|version|p[23]")


def may_be_predicate(call: ast.Call) -> bool:
    """Is ``call`` asked about as a project's version predicate: called with whole numbers
    (``version_numbers``), or with no arguments by a name like one's (``PREDICATE_NAME_RE``)?"""
    if version_numbers(call):
        return True
    if call.args or call.keywords:
        return False
    return bool(PREDICATE_NAME_RE.search(leaf_name(call.func) or ""))


def returned_call(function) -> ast.Call | None:
    """The call a def only returns (after its docstring), or None."""
    from outmoded.handlers import only_statement  # handlers imports summaries, which imports this module

    statement = only_statement(function) if function is not None else None
    return statement.value if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Call) else None


def called_predicate(function: ast.FunctionDef, call: ast.Call, target: tuple[int, int],
                     lookup: Lookup) -> bool | None:
    """What ``call`` of ``function`` returns on the target, when the function only binds local
    names and returns a version check built from its parameters: ddtrace 4.16.0's
    ``is_at_least_py(major, minor, version=None)``, whose body is ``resolved: tuple[int, ...] = version or
    PYTHON_VERSION_INFO[:2]`` / ``return resolved[:2] >= (major, minor)``, called as ``if
    is_at_least_py(3, 10):``.  The arguments and the defaults of the others (constants) stand
    for the parameters; ``lookup`` answers the names of the function's module.  None when it
    cannot be told."""
    args = function.args
    if function.decorator_list or args.vararg or args.kwarg or isinstance(function, ast.AsyncFunctionDef):
        return None
    positional = [a.arg for a in args.posonlyargs + args.args]
    if len(call.args) > len(positional):
        return None
    local: dict = dict(zip(positional, call.args))
    defaults = dict(zip(positional[len(positional) - len(args.defaults):], args.defaults))
    defaults.update((a.arg, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None)
    for keyword in call.keywords:
        if keyword.arg in local or keyword.arg not in positional + [a.arg for a in args.kwonlyargs]:
            return None
        local[keyword.arg] = keyword.value
    for name in positional + [a.arg for a in args.kwonlyargs]:
        if name not in local:
            if not isinstance(defaults.get(name), ast.Constant):
                return None  # a required argument missing, or a default computed
            local[name] = defaults[name]
    body = function.body[1:] if len(function.body) > 1 and isinstance(function.body[0], ast.Expr) \
        and isinstance(function.body[0].value, ast.Constant) else function.body
    if not body or not isinstance(body[-1], ast.Return) or body[-1].value is None:
        return None
    try:
        for stmt in body[:-1]:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                local[stmt.target.id] = _inlined(stmt.value, local)  # resolved: tuple[int, ...] = ...
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                local[stmt.targets[0].id] = _inlined(stmt.value, local)
            else:
                return None
        return evaluate(_inlined(body[-1].value, local), target, lookup)
    except RecursionError:
        return None


def _inlined(node: ast.expr, local: dict) -> ast.expr:
    """``node`` with the names of ``local`` replaced by their expressions, ``None or X`` read as
    ``X`` (and ``True and X``): what a version predicate's body computes from its arguments."""
    if isinstance(node, ast.Name):
        return local.get(node.id, node)
    if isinstance(node, ast.BoolOp):
        values = [_inlined(v, local) for v in node.values]
        skipped = not isinstance(node.op, ast.Or)  # the constants an or (an and) goes past
        while len(values) > 1 and isinstance(values[0], ast.Constant) and bool(values[0].value) is skipped:
            values.pop(0)
        return values[0] if len(values) == 1 else ast.BoolOp(op=node.op, values=values)
    if isinstance(node, (ast.Name, ast.Constant)) or not local:
        return node
    fields = {}
    for field, value in ast.iter_fields(node):
        if isinstance(value, ast.expr):
            value = _inlined(value, local)
        elif isinstance(value, list):
            value = [_inlined(v, local) if isinstance(v, ast.expr) else v for v in value]
        fields[field] = value
    return type(node)(**fields)


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
    """Does this block always leave the enclosing block (return, raise, sys.exit, ...)?  pytest's
    imperative outcomes raise too: python-minifier 3.4.0's tests, ``if sys.version_info >= (3,
    14): pytest.skip('Deprecated AST types removed in Python 3.14')`` before ``ast.Str('a')``."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        return lookup(last.value.func) in EXITS
    return any(_leaves(stmt, lookup) for stmt in body if stmt.__class__ in (ast.If, ast.Try))


def _leaves(stmt: ast.If | ast.Try, lookup: Lookup) -> bool:
    """Does this ``if`` or ``try`` leave the enclosing block on every path: both branches of the
    ``if``; the ``try``'s body (or its ``else``) and every handler (pyflyby 1.11.3's
    ``_modules.py``: ``if sys.version_info > (3, 12):`` then ``try: ... return ...`` / ``except
    ModuleNotFoundError: return None`` before ``pkgutil.get_loader(...)``)?"""
    if stmt.__class__ is ast.If:
        return terminates(stmt.body, lookup) and terminates(stmt.orelse, lookup)
    return (terminates(stmt.body, lookup) or terminates(stmt.orelse, lookup)) \
        and all(terminates(h.body, lookup) for h in stmt.handlers) or terminates(stmt.finalbody, lookup)


# calls that never return: they end the process or raise (pytest.skip raises Skipped, fail Failed,
# xfail XFailed, exit Exit)
EXITS = frozenset({"sys.exit", "builtins.exit", "builtins.quit", "os._exit", "pytest.skip", "pytest.fail",
                   "pytest.xfail", "pytest.exit"})
