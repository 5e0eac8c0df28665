"""Guard contexts: whether code at a point runs on the target, and if it does, how sure we are.

Branches that a version check (``outmoded.guards``) excludes on the target are not visited; a
block after ``if <true on target>: return`` is not visited either.  Uses inside ``try`` blocks that
catch the error the removal raises, under ``hasattr`` checks of the same name, or in
``except ImportError:`` handlers of an import that may fail are reported as warnings; a handler
whose ``try`` only imports stdlib modules that exist on the target never runs and is skipped.
``GuardContexts`` is the part of the scanner that keeps this stack while it walks statements.
"""

from __future__ import annotations

import ast
import re

from outmoded import guards
from outmoded.records import Frozen
from outmoded.scopes import BUILTIN_NAMES, LOCAL, STDLIB

WORD_RE = re.compile(r"\w+")
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
ATTRIBUTE_ERRORS = frozenset({"AttributeError"})
TYPE_ERRORS = frozenset({"TypeError"})
NAME_ERRORS = frozenset({"NameError"})
# builtins Python 3.0 removed: naming one that nothing binds raises NameError
PY2_BUILTINS = frozenset({"apply", "basestring", "buffer", "cmp", "coerce", "execfile", "file", "intern", "long",
                          "raw_input", "reduce", "reload", "unichr", "unicode", "xrange"})
ANY_ERROR = frozenset({"Exception", "BaseException", "*"})
PROBE_ERRORS = IMPORT_ERRORS | ATTRIBUTE_ERRORS  # a try catching these tests for an API
# builtin types whose call without arguments cannot raise (an empty value)
EMPTY_TYPES = frozenset({"set", "frozenset", "dict", "list", "tuple", "object", "str", "bytes", "bytearray",
                         "int", "float", "complex", "bool"})


class Context(Frozen):
    """Why code at this point might not run (or might be expected to fail) on the target.

    ``kind``: "try" | "hasattr" | "replaced" | "handler" | "probe" (the handlers of a try catching
    PROBE_ERRORS) | "main" (the module's ``if __name__ == "__main__":`` block) | "expects" (a
    ``with`` block a test expects to raise ``caught``) | "since" (a branch a version check takes only
    from the version in ``names`` on) | "skipped" (a test or test class a skip
    decorator skips on the target) | "dead" (a branch taken only when
    ``hasattr()`` finds a name removed on the target); ``caught``: for "try", the exception names caught; ``names``: for "hasattr",
    the attribute names checked, for "replaced", names that hasattr() found missing here (the else
    of ``if hasattr(base64, "decodebytes"):``); ``fallback``: for "try", what its handlers do (see
    ``fallback_kind``)."""

    __slots__ = _fields = ("kind", "caught", "names", "fallback")

    def __init__(self, kind: str, caught: frozenset = frozenset(), names: frozenset = frozenset(),
                 fallback: str | None = None):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "caught", caught)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "fallback", fallback)


def fallback_kind(handlers: list) -> str | None:
    """What the except-branches of a ``try`` do when the removed API in its body fails:
    None (one raises: the failure escapes), "lost-feature" (they only bind constants or pass:
    ``crypt = None``, ``HAS_CRYPT = False``, so the feature silently stops working) or "fallback"
    (they provide an alternative: another import, a definition)."""
    kind = "lost-feature"
    for handler in handlers:
        if handler.body and isinstance(handler.body[-1], ast.Raise):
            return None
        for stmt in handler.body:
            if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                continue
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and isinstance(stmt.value, ast.Constant):
                continue
            kind = "fallback"
    return kind


def caught_names(handler: ast.ExceptHandler, qualify) -> frozenset:
    if handler.type is None:
        return frozenset({"*"})
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = set()
    for node in types:
        name = qualify(node)
        if isinstance(name, str):
            names.add(name.rpartition(".")[2])
    return frozenset(names)


def hasattr_names(test: ast.expr, qualify) -> tuple[frozenset, frozenset]:
    """Attribute names checked by ``hasattr`` in ``test``: (true in body, true in else)."""
    positive, negative = set(), set()
    for node in ast.walk(test):
        negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
        call = node.operand if negated else node
        if (isinstance(call, ast.Call) and qualify(call.func) == "builtins.hasattr"
                and len(call.args) == 2 and isinstance(call.args[1], ast.Constant)
                and isinstance(call.args[1].value, str)):
            (negative if negated else positive).add(call.args[1].value)
    return frozenset(positive - negative), frozenset(negative)


def is_main_test(test: ast.expr) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(n, ast.Name) and n.id == "__name__" for n in sides) and any(
        isinstance(n, ast.Constant) and n.value == "__main__" for n in sides)


class GuardContexts(ast.NodeVisitor):
    """The statements that decide whether (and how surely) their bodies run on the target.

    Expects ``self.target``, ``self.index``, ``self.qualify``, ``self.bind`` and
    ``self.removed_module`` from the classes it is combined with.
    """

    def __init__(self) -> None:
        self.contexts: list[Context] = []
        self.if_tests: dict[ast.If, tuple] = {}  # (verdict, hasattr names) of ifs whose body may leave

    def block(self, body: list[ast.stmt]) -> None:
        pushed = 0
        for stmt in body:
            self.visit(stmt)
            if isinstance(stmt, ast.If) and guards.terminates(stmt.body, self.qualify):
                # what visit_If decided about this test (the names are not bound again in between)
                verdict, present = self.if_tests.pop(stmt, None) or (
                    self.evaluate(stmt.test), hasattr_names(stmt.test, self.qualify)[0])
                if verdict is True:
                    break  # the rest of this block never runs on the target
                if present and not stmt.orelse:
                    # ``if hasattr(base64, "decodebytes"): return ...``: what follows runs only
                    # where the replacement is missing
                    self.contexts.append(Context("replaced", names=present))
                    pushed += 1
        del self.contexts[len(self.contexts) - pushed:]

    def evaluate(self, test: ast.expr) -> bool | None:
        return guards.evaluate(test, self.target, self.flag_lookup)

    def flag_lookup(self, node: ast.AST):
        """``qualify``, and a flag the project defines elsewhere (``from .compat import PY3``)
        is its value on the target."""
        value = self.qualify(node)
        if isinstance(value, str) and "." in value and value.split(".")[0] not in STDLIB \
                and not value.startswith("builtins."):
            flag = self.project.flag(value, self.path)
            if flag is not None:
                return flag
        return value

    def context_of(self, api: str, errors: frozenset, context: str | None = None,
                   replacement: str = "", removed_in: tuple[int, int] | None = None) -> str | None:
        """Why a use of ``api`` (raising one of ``errors``) here is only a warning, or None.

        A use in a branch that runs only when ``hasattr()`` found the API's own replacement missing
        (``if hasattr(base64, "decodebytes"): ... else: base64.decodestring(v)``) is dead on the
        target like one under ``hasattr()`` of the removed name itself; one in a block a test
        expects to raise that very error (``with self.assertRaises(TypeError):``) is "expected".
        A fallback that only
        disables the feature ("lost-feature") of a name removed at or before the oldest Python the
        project declares (``index.floor``) lost it long ago: the upgrade breaks nothing there."""
        leaf = api.rpartition(".")[2]
        if any(c.kind == "expects" and c.caught & errors for c in self.contexts):
            return "expected"
        if any(c.kind == "skipped" for c in self.contexts):
            return "skipped"
        for ctx in reversed(self.contexts):
            if ctx.kind == "try" and ctx.caught & (errors | ANY_ERROR):
                context = ctx.fallback
            elif (ctx.kind == "hasattr" and leaf in ctx.names) or ctx.kind == "dead":
                context = "hasattr"
            elif ctx.kind == "replaced" and replacement and ctx.names & set(WORD_RE.findall(replacement)):
                context = "hasattr"
            elif ctx.kind == "handler" and context is None:
                context = "handler"
        floor = self.index.floor
        if context == "lost-feature" and floor and removed_in and removed_in <= floor:
            return "lost-before-floor"
        return context

    def guard_of(self, api: str, context: str | None) -> str | None:
        """Does the code here test for the API, so ``fix`` must leave it alone?  "probe" inside the
        body or a handler of a ``try`` catching ImportError/AttributeError, "hasattr" under
        ``hasattr()`` (``outmoded.fixability`` reads it)."""
        leaf = api.rpartition(".")[2]
        if context == "hasattr" or any((c.kind == "hasattr" and leaf in c.names) or c.kind == "dead"
                                       for c in self.contexts):
            return "hasattr"
        if context in ("fallback", "handler") or any(
                c.kind == "probe" or (c.kind == "try" and c.caught & PROBE_ERRORS) for c in self.contexts):
            return "probe"
        return None

    def lasting_contexts(self) -> list[Context]:
        # a try block around a def does not catch what the function raises later, nor does
        # assertRaises expect it
        return [c for c in self.contexts if c.kind not in ("try", "expects")]

    def visit_IfExp(self, node: ast.IfExp) -> None:
        verdict = self.evaluate(node.test)
        if verdict is not False:
            self.visit(node.body)
        if verdict is not True:
            self.visit(node.orelse)
        if verdict is None:
            self.visit(node.test)

    def visit_If(self, node: ast.If) -> None:
        verdict = self.evaluate(node.test)
        if verdict is None:
            self.visit(node.test)
        positive, negative = hasattr_names(node.test, self.qualify)
        body_dead, else_dead = self.asks_for_removed(node.test)
        if node.body and isinstance(node.body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break, ast.Expr)):
            self.if_tests[node] = (verdict, positive)  # block() asks again when the body terminates
        main = self.scope.kind == "module" and is_main_test(node.test)
        if main:
            self.contexts.append(Context("main"))
        since = self._since(node.test, verdict) if verdict is not None else ()
        self.contexts.extend(since)
        if verdict is not False:
            self._guarded_block(node.body, positive, negative, body_dead)
        if main:
            self.contexts.pop()
        if verdict is not True:
            self._guarded_block(node.orelse, negative, positive, else_dead)
        del self.contexts[len(self.contexts) - len(since):]

    def _since(self, test: ast.expr, verdict: bool) -> list[Context]:
        """[Context("since", names={(3, N)})] when the branch a version check takes on the target
        runs only from 3.N on (3.N > 3.0): mypy 2.4's ``if sys.version_info >= (3, 12): # From
        setuptools' monkeypatch / from distutils import ccompiler`` is written for Pythons that
        have no distutils, so the name comes from elsewhere (a backport) and is not a removal
        there.  Only versions the test itself tells apart count: names bound to the version
        (``v = sys.version_info[:2]``) and flags hold their target value."""
        lowest = self.target
        for minor in range(self.target[1] - 1, -1, -1):
            if guards.evaluate(test, (self.target[0], minor), self.flag_lookup) is not verdict:
                break
            lowest = (self.target[0], minor)
        else:
            return []
        return [Context("since", names=frozenset({lowest}))]

    def written_for(self, removed_in: tuple[int, int] | None) -> bool:
        """Does code here run only on Pythons from ``removed_in`` on (see ``_since``)?"""
        return removed_in is not None and any(
            c.kind == "since" and min(c.names) >= removed_in for c in self.contexts)

    def asks_for_removed(self, test: ast.expr) -> tuple[bool, bool]:
        """(body dead, else dead) when ``test`` is ``hasattr(module, "name")`` -- alone, negated or
        one term of an ``and`` -- for a name removed on the target: nose's ``if hasattr(types,
        'ClassType'): ClassType = types.ClassType; TypeType = types.TypeType`` never runs there."""
        negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        call = test.operand if negated else test
        terms = call.values if isinstance(call, ast.BoolOp) and isinstance(call.op, ast.And) and not negated \
            else [call]
        for term in terms:
            if (isinstance(term, ast.Call) and len(term.args) == 2 and not term.keywords
                    and isinstance(term.args[1], ast.Constant) and isinstance(term.args[1].value, str)
                    and self.qualify(term.func) == "builtins.hasattr"):
                base = self.qualify(term.args[0])
                if isinstance(base, str) and f"{base}.{term.args[1].value}" in self.index.names:
                    return (False, True) if negated else (True, False)
        return False, False

    def guarded_with(self, node: ast.With) -> None:
        """The body of a ``with``: under ``self.assertRaises(E)``/``assertRaisesRegex(E, ...)`` or
        ``pytest.raises(E)`` a test expects it to raise E, so a removal raising E there is what
        the test checks (CPython's own ``with self.assertRaises(ValueError): shlex.split(None)``)."""
        caught = frozenset().union(*(self._expected(item.context_expr) for item in node.items))
        if caught:
            self.contexts.append(Context("expects", caught=caught))
        self.block(node.body)
        if caught:
            self.contexts.pop()

    def _expected(self, expr: ast.expr) -> frozenset:
        if not (isinstance(expr, ast.Call) and expr.args and isinstance(expr.func, ast.Attribute)):
            return frozenset()
        if expr.func.attr not in ("assertRaises", "assertRaisesRegex") and self.qualify(expr.func) != "pytest.raises":
            return frozenset()
        types = expr.args[0].elts if isinstance(expr.args[0], ast.Tuple) else [expr.args[0]]
        names = (self.qualify(t) for t in types)
        return frozenset(n.rpartition(".")[2] for n in names if isinstance(n, str)) - ANY_ERROR

    def skip_contexts(self, decorators: list[ast.expr]) -> list[Context]:
        """[Context("skipped")] when these decorators skip the test on the target, whatever it
        does, else []: ``pytest.mark.skip`` and ``unittest.skip`` always (aiohttp 3.14's ``@pytest.mark.skip("we need to reconsider
        how we test this")`` over a test that still passes ``loop=`` to ``asyncio.sleep``),
        ``pytest.mark.skipif``/``unittest.skipIf`` when their condition holds on the target,
        ``unittest.skipUnless`` when it does not (a version check, or ``hasattr()`` of a name
        removed there)."""
        return [Context("skipped")] if decorators and self._skips(decorators) else []

    def _skips(self, decorators: list[ast.expr]) -> bool:
        for decorator in decorators:
            call = decorator if isinstance(decorator, ast.Call) else None
            name = self.qualify(call.func if call else decorator)
            if not isinstance(name, str):
                continue
            if name in ("pytest.mark.skip", "unittest.skip", "unittest.case.skip"):
                return True
            if call is None or not call.args:
                continue
            # a test package's own aliases count too (gevent.testing's skipIf/skipUnless)
            leaf = name.rpartition(".")[2]
            if leaf in ("skipif", "skipIf") and self._condition(call.args[0]) is True:
                return True
            if leaf == "skipUnless" and self._condition(call.args[0]) is False:
                return True
        return False

    def _condition(self, test: ast.expr) -> bool | None:
        """A version check's value on the target, or False/True for ``hasattr()`` of a removed
        name (gevent's ``@greentest.skipIf(not(hasattr(sys, 'getcheckinterval')), ...)``)."""
        verdict = self.evaluate(test)
        if verdict is None:
            body_dead, else_dead = self.asks_for_removed(test)
            verdict = False if body_dead else (True if else_dead else None)
        return verdict

    def in_main_block(self) -> bool:
        """Does code here run when the module is a script's main module, at its top level (not in
        a function, which anything may call later)?"""
        return self.scope.kind == "module" and any(c.kind == "main" for c in self.contexts)

    def _guarded_block(self, body: list[ast.stmt], names: frozenset, missing: frozenset, dead: bool = False) -> None:
        pushed = [Context(kind, names=n) for kind, n in (("hasattr", names), ("replaced", missing)) if n]
        if dead:  # hasattr() asks for a removed name: dead compatibility code whatever it uses
            pushed.append(Context("dead"))
        self.contexts.extend(pushed)
        self.block(body)
        del self.contexts[len(self.contexts) - len(pushed):]

    def visit_While(self, node: ast.While) -> None:
        self.visit(node.test)
        self.block(node.body)
        self.block(node.orelse)

    def visit_Try(self, node: ast.Try) -> None:
        caught = frozenset().union(*(caught_names(h, self.qualify) for h in node.handlers)) \
            if node.handlers else frozenset()
        certain = bool(node.body) and all(self._succeeds(s) for s in node.body)  # before it binds names
        fallback = fallback_kind(node.handlers)
        if fallback == "lost-feature" and self._binds_builtins_only(node.body):
            fallback = "fallback"  # googletest's try: from sets import Set as set / except ImportError: pass
        self.contexts.append(Context("try", caught=caught, fallback=fallback))
        self.block(self._runs_of(node.body, caught))
        self.contexts.pop()
        imports = [s for s in node.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        if certain:
            # ``try: set / except NameError: from sets import Set as set``: the body cannot fail on
            # the target, so its handlers are compatibility code for older Pythons that never runs
            for handler in node.handlers:
                if handler.type is not None:
                    self.visit(handler.type)
            self.block(node.orelse)
            self.block(node.finalbody)
            return
        probe = bool(caught & PROBE_ERRORS)
        if probe:  # its handlers are the other side of the probe: fix leaves them alone too
            self.contexts.append(Context("probe"))
        for handler in node.handlers:
            self._visit_handler(handler, imports)
        if probe:
            self.contexts.pop()
        self.block(node.orelse)
        self.block(node.finalbody)

    visit_TryStar = visit_Try

    def _visit_handler(self, handler: ast.ExceptHandler, imports: list) -> None:
        if handler.type is not None:
            self.visit(handler.type)
        if handler.name:
            self.bind(handler.name, LOCAL)
        catches_import = bool(caught_names(handler, self.qualify) & (IMPORT_ERRORS | ANY_ERROR))
        if catches_import and imports and all(self._import_succeeds(s) for s in imports):
            return  # a fallback for older Pythons: never runs on the target
        # runs for sure when an import above is removed: what fails in it fails on the target
        pushed = catches_import and bool(imports) and not any(self._import_fails(s) for s in imports)
        if pushed:
            self.contexts.append(Context("handler"))
        self.block(handler.body)
        if pushed:
            self.contexts.pop()

    def _runs_of(self, body: list[ast.stmt], caught: frozenset) -> list[ast.stmt]:
        """The statements of a ``try`` body that can run on the target: none after an import that
        certainly fails there when the ``try`` catches its ImportError, or after a statement naming
        a Python 2 builtin nothing binds when it catches NameError (lxml 6.1's benchmark:
        ``try: from distutils import sysconfig; DISTUTILS_CFLAGS = sysconfig.get_config_var(...)``)."""
        imports, names = caught & (IMPORT_ERRORS | ANY_ERROR), caught & NAME_ERRORS  # NameError named: rare
        for index, stmt in enumerate(body):
            if imports and isinstance(stmt, (ast.Import, ast.ImportFrom)) and self._import_fails(stmt):
                return body[:index + 1]
            if names and not isinstance(stmt, (ast.Import, ast.ImportFrom)) and any(
                    isinstance(n, ast.Name) and n.id in PY2_BUILTINS and self._unbound(n.id) for n in ast.walk(stmt)):
                return body[:index + 1]  # cffi 2.1: try: int_or_long = (int, long); import cStringIO
        return body

    def _unbound(self, name: str) -> bool:
        """Is ``name`` bound nowhere in the scopes seen so far (so it raises NameError here)?"""
        scope = self.scope
        while scope is not None:
            if name in scope.bindings:
                return False
            scope = scope.parent
        return True

    @staticmethod
    def _binds_builtins_only(body: list[ast.stmt]) -> bool:
        """Does this ``try`` body only import names that are builtins (``from sets import Set as
        set``)?  A handler that then does nothing leaves the builtin in place: an equivalent."""
        if not body or not all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body):
            return False
        return all((a.asname or a.name) in BUILTIN_NAMES for s in body for a in s.names)

    def _succeeds(self, stmt: ast.stmt) -> bool:
        """Can this statement of a ``try`` body certainly not raise on the target (a stdlib import
        that exists there; a builtin name mentioned, bound to a name or, for a builtin type,
        called without arguments: nose's ``try: set(); set = set / except NameError:``)?"""
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            return self._import_succeeds(stmt)
        if isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Name) for t in stmt.targets):
            return self._builtin(stmt.value)
        if isinstance(stmt, ast.Expr):
            value = stmt.value
            if isinstance(value, ast.Call) and not value.args and not value.keywords:
                return isinstance(value.func, ast.Name) and value.func.id in EMPTY_TYPES \
                    and self._builtin(value.func)
            return self._builtin(value)
        return False

    def _builtin(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id in BUILTIN_NAMES \
            and self.qualify(node) == f"builtins.{node.id}"

    def _import_fails(self, stmt: ast.stmt) -> bool:
        """Does this import certainly fail on the target (a removed module or name)?"""
        if isinstance(stmt, ast.Import):
            return any(self.removed_module(a.name) for a in stmt.names)
        if stmt.level or not stmt.module:
            return False
        return bool(self.removed_module(stmt.module)) or any(
            f"{stmt.module}.{a.name}" in self.index.names for a in stmt.names)

    def _import_succeeds(self, stmt: ast.stmt) -> bool:
        """Will this stdlib import certainly work on the target?"""
        if isinstance(stmt, ast.Import):
            modules = [a.name for a in stmt.names]
        elif stmt.level or not stmt.module:
            return False
        else:
            modules = [stmt.module]
            if any(f"{stmt.module}.{a.name}" in self.index.names for a in stmt.names):
                return False
        return all(m.split(".")[0] in STDLIB and not self.removed_module(m) for m in modules)
