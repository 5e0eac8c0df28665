"""A ``setup.py`` that refuses the target by itself: a check of the running Python's version that
raises, read with ``ast`` (never run), as the build would meet it.

numba 0.61.2 ships no wheel for 3.14; its ``setup.py`` calls ``_guard_py_ver()`` at the top level,
which compares ``parse('.'.join(map(str, sys.version_info[:3])))`` with ``max_python_version =
"3.14"`` and raises ``RuntimeError('Cannot install on Python version ...')``: pip fails there
whatever the build could compile, so the release is ``incompatible`` (as its ``Requires-Python``
would make it), not ``source-only``.

What is followed: the module's top level and the module-level functions it calls, in order; names
bound to constants (strings, numbers, tuples), ``sys.version_info`` (its slices and items, the
target's version with patch level 0), ``'.'.join(map(str, ...))``, ``str``/``int``/``tuple``/
``map(int, s.split('.'))``, and a version parser (``packaging.version.parse``/``Version``,
``LooseVersion``, ``StrictVersion``, also through a name bound to one) on strings; comparisons,
``not``, ``and``/``or``. A module imported in a ``try`` is taken to import (setuptools vendors
``packaging``). An ``if`` whose test cannot be read is not entered (what it binds is unknown after
it); it stops the reading of its function when it may return or raise, unless its body only returns. Only a ``raise`` reached through an ``if`` whose test read
the running version counts.
"""

from __future__ import annotations

import ast

UNKNOWN = object()
IMPORTED = object()  # a module or name an import bound
PARSER = object()  # a version parser (packaging.version.parse, Version, LooseVersion...)
PARSERS = {"parse", "Version", "LooseVersion", "StrictVersion", "parse_version"}
MAX_DEPTH = 8


class _Reader:
    def __init__(self, tree: ast.Module, target: tuple):
        self.functions = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef)}
        self.version_info = (target[0], target[1], 0, "final", 0)
        self.read_version = False  # did what was evaluated since it was reset read the running version?
        self.versioned: set = set()  # names bound to values computed from it

    def value(self, node, env: dict):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            self.read_version |= node.id in self.versioned
            return env.get(node.id, UNKNOWN)
        if isinstance(node, ast.Tuple):
            items = [self.value(e, env) for e in node.elts]
            return UNKNOWN if any(i is UNKNOWN for i in items) else tuple(items)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "sys" and node.attr == "version_info":
                self.read_version = True
                return self.version_info
            owner = self.value(node.value, env)
            return PARSER if owner is IMPORTED and node.attr in PARSERS else UNKNOWN
        if isinstance(node, ast.Subscript):
            return self._subscript(node, env)
        if isinstance(node, ast.Call):
            return self._call(node, env)
        if isinstance(node, ast.Compare):
            return self._compare(node, env)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            operand = self.value(node.operand, env)
            return UNKNOWN if operand is UNKNOWN else not operand
        if isinstance(node, ast.BoolOp):
            values = [self.value(v, env) for v in node.values]
            if isinstance(node.op, ast.And):
                return False if any(v is not UNKNOWN and not v for v in values) else \
                    UNKNOWN if UNKNOWN in values else True
            return True if any(v is not UNKNOWN and v for v in values) else \
                UNKNOWN if UNKNOWN in values else False
        return UNKNOWN

    def _subscript(self, node, env):
        base = self.value(node.value, env)
        if not isinstance(base, (tuple, list, str)):
            return UNKNOWN
        if isinstance(node.slice, ast.Slice):
            parts = [None if p is None else self.value(p, env) for p in (node.slice.lower, node.slice.upper)]
            if any(p is UNKNOWN or not (p is None or isinstance(p, int)) for p in parts):
                return UNKNOWN
            return base[parts[0]:parts[1]]
        index = self.value(node.slice, env)
        return base[index] if isinstance(index, int) and -len(base) <= index < len(base) else UNKNOWN

    def _call(self, node, env):
        function = node.func
        if isinstance(function, ast.Name) and function.id == "map" and "map" not in env and len(node.args) == 2 \
                and isinstance(node.args[0], ast.Name) and node.args[0].id in ("str", "int"):
            items = self.value(node.args[1], env)
            try:
                return tuple((str if node.args[0].id == "str" else int)(a) for a in items) \
                    if isinstance(items, (tuple, list)) else UNKNOWN
            except ValueError:
                return UNKNOWN
        arguments = [self.value(a, env) for a in node.args]
        if node.keywords or any(a is UNKNOWN for a in arguments):
            return UNKNOWN
        if isinstance(function, ast.Attribute) and function.attr in ("join", "split") and len(arguments) <= 1:
            owner = self.value(function.value, env)
            if function.attr == "join" and isinstance(owner, str) and arguments and \
                    isinstance(arguments[0], (tuple, list)) and all(isinstance(a, str) for a in arguments[0]):
                return owner.join(arguments[0])
            if function.attr == "split" and isinstance(owner, str) and all(isinstance(a, str) for a in arguments):
                return owner.split(*arguments)
            return UNKNOWN
        called = self.value(function, env) if not isinstance(function, ast.Name) or function.id in env \
            else function.id
        if called is PARSER or called in PARSERS:
            return _version(arguments[0]) if len(arguments) == 1 and isinstance(arguments[0], str) else UNKNOWN
        if called in ("str", "int", "tuple") and len(arguments) == 1:
            try:
                return {"str": str, "int": int, "tuple": tuple}[called](arguments[0])
            except (TypeError, ValueError):
                return UNKNOWN
        return UNKNOWN

    def _compare(self, node, env):
        left = self.value(node.left, env)
        for op, right_node in zip(node.ops, node.comparators):
            right = self.value(right_node, env)
            if left is UNKNOWN or right is UNKNOWN:
                return UNKNOWN
            try:
                if isinstance(op, ast.Is):
                    holds = left is right
                elif isinstance(op, ast.IsNot):
                    holds = left is not right
                elif isinstance(op, (ast.In, ast.NotIn)):
                    return UNKNOWN
                else:
                    holds = {ast.Lt: left < right, ast.LtE: left <= right, ast.Gt: left > right,
                             ast.GtE: left >= right, ast.Eq: left == right,
                             ast.NotEq: left != right}[type(op)] if _comparable(left, right) else UNKNOWN
            except TypeError:
                return UNKNOWN
            if holds is UNKNOWN or not holds:
                return holds
            left = right
        return True

    def walk(self, body: list, env: dict, depth: int = 0, guarded: bool = False):
        """(line, message) of the raise the target reaches, None, or "return"/"stop".
        ``guarded``: ``body`` runs because a test of the running version holds."""
        for statement in body:
            if isinstance(statement, ast.Raise):
                return (statement.lineno, _raised(statement, env)) if guarded else "stop"
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                    and isinstance(statement.targets[0], ast.Name):
                self.read_version = False
                name = statement.targets[0].id
                env[name] = self.value(statement.value, env)
                (self.versioned.add if self.read_version else self.versioned.discard)(name)
            elif isinstance(statement, (ast.Import, ast.ImportFrom)):
                for alias in statement.names:
                    env[(alias.asname or alias.name).split(".")[0]] = IMPORTED
            elif isinstance(statement, ast.Try):
                self.walk(statement.body, env, depth)  # an import there is taken to work
            elif isinstance(statement, ast.If):
                self.read_version = False
                test = self.value(statement.test, env)
                versioned = self.read_version
                if test is UNKNOWN:  # either branch may run: what they bind is unknown after it
                    if all(isinstance(s, (ast.Return, ast.Pass)) for s in statement.body):
                        continue
                    inside = list(ast.walk(statement))
                    if any(isinstance(n, (ast.Return, ast.Raise)) for n in inside):
                        return "stop"
                    env.update({n.id: UNKNOWN for n in inside if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)})
                    continue
                branch = statement.body if test else statement.orelse
                found = self.walk(branch, env, depth, guarded or versioned)
                if found is not None:
                    return found
            elif isinstance(statement, ast.Return):
                return "return"
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                    and isinstance(statement.value.func, ast.Name) and not statement.value.args \
                    and statement.value.func.id in self.functions and depth < MAX_DEPTH:
                found = self.walk(self.functions[statement.value.func.id].body, dict(env), depth + 1, guarded)
                if isinstance(found, tuple):
                    return found
        return None


def _comparable(left, right) -> bool:
    from packaging.version import Version

    kinds = (type(left), type(right))
    return kinds[0] is kinds[1] or (isinstance(left, Version) and isinstance(right, Version)) or \
        (isinstance(left, (int, float)) and isinstance(right, (int, float)))


def _version(text: str):
    from packaging.version import InvalidVersion, Version

    try:
        return Version(text)
    except InvalidVersion:
        return UNKNOWN


def _raised(statement: ast.Raise, env: dict) -> str:
    """``RuntimeError: Cannot install on Python version {}; ...``: the exception and its first
    string (written there, or a name bound to one)."""
    exception = statement.exc
    if exception is None:
        return "raise"
    name = ast.unparse(exception.func if isinstance(exception, ast.Call) else exception)
    strings = [n.value if isinstance(n, ast.Constant) else env.get(n.id) for n in ast.walk(exception)
               if isinstance(n, (ast.Constant, ast.Name))]
    strings = [text for text in strings if isinstance(text, str)]
    return f"{name}: {strings[0]}" if strings else name


def refusal(tree: ast.Module, target: tuple) -> tuple | None:
    """(line, what it raises) when running ``setup.py``'s top level on ``target`` reaches a raise
    under a test of the running version, else None."""
    found = _Reader(tree, target).walk(tree.body, {})
    return found if isinstance(found, tuple) else None
