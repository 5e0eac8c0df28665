"""The module's own functions that ``isinstance()`` narrowing (``narrowing``) sees through.

A chain narrowed by a test (``node.args[0]``) holds up to the first call that may put another
object on it (``runorder``), and a test is an ``isinstance()``.  Two kinds of module-level
``def`` are read here, statically, never run:

- one whose call changes no object (``changes_nothing``): no decorator, no store or ``del`` of
  an attribute or item, no augmented assignment, ``global``, ``nonlocal``, ``with``, import or
  ``await``, and each call in it an inspecting builtin's, a string literal's method or another
  such function of the module's.  flake8-bugbear 22.12.6's check_for_b005 returns unless
  ``isinstance(node.args[0], ast.Str)``, then calls ``".".join(compose_call_path(node.func.value))``
  (a generator that only reads its argument) before ``s = node.args[0].s``;
- one whose every true result holds an ``isinstance()`` of its first parameter (``tested_by``):
  each ``return`` gives a false constant, or starts with ``isinstance(param, Class) and``, or
  comes after a top-level ``if not isinstance(param, Class): return <false constant>``.  Its call
  is such a test of the argument: bugbear 22.12.6's ``_is_identifier(node.args[1]) and not
  iskeyword(node.args[1].s)``, whose ``_is_identifier`` starts ``if not isinstance(arg, ast.Str):
  return False``.  A generator (a true generator object whatever it tests) is none.

A name is such a function only where the whole module binds it once, by that top-level ``def``
(``module_defs``), and where it is called, no scope around the call binds it again.
"""

from __future__ import annotations

import ast

from outmoded.lazyre import LazyPattern

INSPECTING = frozenset(("builtins.isinstance", "builtins.issubclass", "builtins.len", "builtins.type",
                        "builtins.hasattr", "builtins.getattr", "builtins.all", "builtins.any"))
# calls that change no object on a chain (all() and any() run only what their argument does, walked too)
_CHANGING = frozenset((ast.Global, ast.Nonlocal, ast.Await, ast.AugAssign, ast.With, ast.AsyncWith, ast.Import,
                       ast.ImportFrom, ast.AsyncFunctionDef, ast.AsyncFor))
_STORES = (ast.Store, ast.Del)
_DECLARED = LazyPattern(r"^[ \t]*(?:global|nonlocal)[ \t]+(\w+(?:[ \t]*,[ \t]*\w+)*)", 8)  # re.M
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def string_method(call: ast.Call) -> bool:
    """Is ``call`` a method of a string literal (``".".join(parts)``)?  str's and bytes' methods
    change no object (``join`` iterates its argument, whose own calls the walk reads too)."""
    func = call.func
    return func.__class__ is ast.Attribute and func.value.__class__ is ast.Constant \
        and func.value.value.__class__ in (str, bytes)


def declared(text: str) -> set:
    """The names a ``global`` or ``nonlocal`` statement of ``text`` declares (a function may bind them)."""
    return {name.strip() for names in _DECLARED.findall(text) for name in names.split(",")} \
        if "global" in text or "nonlocal" in text else set()


def module_defs(body: list, declares: set) -> dict:
    """name -> the top-level ``def`` of ``body`` (a module's statements) that is the only binding
    of that name in the module's scope: its top-level statements (not what a function or class
    binds inside), a name of ``declares`` (``declared``) never."""
    counts: dict = dict.fromkeys(declares, 2)
    todo = list(body)
    while todo:
        node = todo.pop()
        kind = node.__class__
        name = None
        if kind is ast.Name and node.ctx.__class__ in _STORES:
            name = node.id
        elif kind in _SCOPES:
            if kind is not ast.Lambda:
                name = node.name
        elif kind is ast.alias:
            name = (node.asname or node.name).split(".")[0]
        elif kind is ast.ExceptHandler or kind.__name__.startswith("Match"):
            name = getattr(node, "name", None)
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
        if kind not in _SCOPES:
            todo.extend(ast.iter_child_nodes(node))
    return {s.name: s for s in body if s.__class__ is ast.FunctionDef and counts.get(s.name) == 1}


def changes_nothing(function: ast.FunctionDef, call_ok) -> bool:
    """Does a call of ``function`` change no object?  ``call_ok(call)`` says whether a call in it
    (its function a name ``function`` does not bind) changes none."""
    if function.decorator_list:
        return False
    for node in ast.walk(function):
        kind = node.__class__
        if kind in _CHANGING:
            return False
        if (kind is ast.Attribute or kind is ast.Subscript) and node.ctx.__class__ in _STORES:
            return False
        if kind is ast.Call and not string_method(node) and not (
                node.func.__class__ is ast.Name and not _binds(function, node.func.id) and call_ok(node)):
            return False
    return True


def _binds(function: ast.FunctionDef, name: str) -> bool:
    """Does ``function`` bind ``name``: a parameter, or anything in its body?"""
    from outmoded.narrowing import rebinds

    args = function.args
    params = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
    return any(a.arg == name for a in params) or rebinds(function.body, name)


def _own_nodes(function: ast.FunctionDef):
    """The nodes of ``function``'s body, not those of a function, lambda or class inside it."""
    todo = list(function.body)
    while todo:
        node = todo.pop()
        yield node
        if node.__class__ not in _SCOPES:
            todo.extend(ast.iter_child_nodes(node))


def _false(value) -> bool:
    """Is ``value`` (a ``return``'s) absent or a false constant?"""
    return value is None or (value.__class__ is ast.Constant and not value.value)


def _isinstance_of(test, param: str, test_of):
    """The class of ``test`` where it is ``isinstance(param, Class)`` (``test_of``: the narrowing's
    reading of one, (key, class) or None), else None."""
    hit = test_of(test)
    return hit[1] if hit is not None and hit[0] == param else None


def tested_by(function: ast.FunctionDef, test_of):
    """(first parameter, class) where every true result of ``function`` holds ``isinstance(param,
    Class)``, else None."""
    from outmoded.narrowing import rebinds

    params = function.args.posonlyargs + function.args.args
    if function.decorator_list or not params or rebinds(function.body, params[0].arg):
        return None
    param, classes, after = params[0].arg, set(), None
    for at, stmt in enumerate(function.body):
        test = stmt.test if stmt.__class__ is ast.If else None
        if test is not None and test.__class__ is ast.UnaryOp and test.op.__class__ is ast.Not \
                and not stmt.orelse and len(stmt.body) == 1 and stmt.body[0].__class__ is ast.Return \
                and _false(stmt.body[0].value):
            cls = _isinstance_of(test.operand, param, test_of)
            if cls is not None:
                classes.add(cls)
                after = {id(n) for s in function.body[at + 1:] for n in ast.walk(s)}
                break
    for node in _own_nodes(function):
        kind = node.__class__
        if kind is ast.Yield or kind is ast.YieldFrom:
            return None
        if kind is not ast.Return or _false(node.value) or (after is not None and id(node) in after):
            continue
        value = node.value
        first = value.values[0] if value.__class__ is ast.BoolOp and value.op.__class__ is ast.And else value
        cls = _isinstance_of(first, param, test_of)
        if cls is None:
            return None
        classes.add(cls)
    return (param, classes.pop()) if len(classes) == 1 else None


class OwnFunctions:
    """The scanner's reading of the module's own functions for narrowing.  Expects
    ``self.module_functions``, ``self.scope``, ``self.starred``, ``self.qualify``,
    ``self.whole_body`` and ``self.isinstance_test`` from the classes it is combined with."""

    def module_def(self, func: ast.expr):
        """The module's top-level ``def`` ``func`` names here, where it is its only binding
        (``module_defs``) and no scope around binds the name again; else None."""
        if func.__class__ is not ast.Name or func.id not in self.module_functions:
            return None
        scope = self.scope
        while scope.parent is not None:
            if func.id in scope.bindings:
                return None
            scope = scope.parent
        defs = self.__dict__.get("_module_defs")
        if defs is None:
            defs = self._module_defs = module_defs(self.whole_body() or [], declared(self.text))
        return defs.get(func.id)

    def unchanging_call(self, func: ast.Name) -> bool:
        """Does a call of ``func`` change no object: an inspecting builtin, or a function of the
        module whose calls change none (``changes_nothing``)?"""
        if self.qualify(func) in INSPECTING:
            return True
        function = self.module_def(func)
        return function is not None and self._changes_nothing(function)

    def _changes_nothing(self, function: ast.FunctionDef) -> bool:
        """``changes_nothing`` of ``function``, a def of ``module_def``'s, once.  It may call
        itself (bugbear's compose_call_path); a cycle through other functions is not proven."""
        verdicts = self.__dict__.setdefault("_unchanging", {})
        verdict = verdicts.get(function.name)
        if verdict is None:
            verdicts[function.name] = False
            module, defs = self.scope.module().bindings, self._module_defs

            def call_ok(call: ast.Call) -> bool:
                name = call.func.id
                if name == function.name:
                    return True
                if name in defs:
                    return self._changes_nothing(defs[name])
                return f"builtins.{name}" in INSPECTING and name not in module and self.starred is not None

            verdict = verdicts[function.name] = changes_nothing(function, call_ok)
        return verdict

    def helper_tested(self, function: ast.FunctionDef):
        """``tested_by`` of ``function``, a def of ``module_def``'s, once; its isinstance() tests
        read with the module's names."""
        tests = self.__dict__.setdefault("_helper_tests", {})
        if function.name not in tests:
            tests[function.name] = tested_by(function, self._module_isinstance_test)
        return tests[function.name]

    def _module_isinstance_test(self, test: ast.expr):
        saved, self.scope = self.scope, self.scope.module()
        try:
            return self.isinstance_test(test)
        finally:
            self.scope = saved
