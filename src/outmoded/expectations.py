"""Tests that are not meant to succeed on the target: skip decorators and expected failures.

A test (or test class) that ``pytest.mark.skip``/``unittest.skip`` always skips, or whose
``skipIf``/``skipUnless`` condition (or a decorator of the module raising ``unittest.SkipTest`` under
a condition) skips it on the target, never runs there ("skipped"); a block
under ``self.assertRaises(E)`` or ``pytest.raises(E)`` expects a removal that raises E to fail
("expected").  ``TestExpectations`` is the part of ``contexts.GuardContexts`` that reads them.
"""

from __future__ import annotations

import ast

from outmoded import guards
from outmoded.guardcontext import ANY_ERROR, Context
from outmoded.projectfiles import memo
from outmoded.source import open_regular
from outmoded.stdnames import STDLIB
from outmoded.values import LOCAL, leaf_name, plain_parameters, statements

EXPECTED_FAILURE = frozenset({"unittest.expectedFailure", "unittest.case.expectedFailure",
                              "unittest2.expectedFailure"})  # the backport, which future 1.0 imports on 2.6


def expected_failure(name: object, path: str, target: tuple[int, int], project) -> bool:
    """Does the decorator ``name`` (qualified) mark a test as expected to fail on the target:
    ``unittest.expectedFailure``, or a project function of one parameter whose body returns it
    applied to the parameter, after ``if <version check>: return <parameter>`` statements the
    target does not take (future 1.0's ``future.tests.base.expectedFailurePY3``: ``if not PY3:
    return func`` / ``return unittest.expectedFailure(func)``)?  The test runs, fails, and the run
    passes: a removal failing in it is what the test expects.  ``project``: the
    ``project.Project`` that knows the flags of other modules."""
    if not isinstance(name, str) or "." not in name:
        return False
    if name in EXPECTED_FAILURE:
        return True
    module, _, function = name.rpartition(".")
    if module.split(".")[0] in STDLIB:
        return False
    found = _project_function(module, function, path)
    if found is None:
        return False
    node, where, tree = found
    args = node.args
    if node.decorator_list or args.posonlyargs or len(args.args) != 1 or args.vararg or args.kwonlyargs \
            or args.kwarg:
        return False
    parameter = args.args[0].arg
    from outmoded.summaries import module_lookup

    names = module_lookup(where, tree, target)

    def lookup(node: ast.AST):  # a flag another project module defines: from future.utils import PY3
        value = names(node)
        if isinstance(value, str) and "." in value and value.split(".")[0] not in STDLIB:
            flag = project.flag(value, where)
            if flag is not None:
                return flag
        return value

    def returns_parameter(body: list) -> bool:
        return len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Name) \
            and body[0].value.id == parameter

    for stmt in node.body:
        if isinstance(stmt, ast.If) and not stmt.orelse and returns_parameter(stmt.body):
            if guards.evaluate(stmt.test, target, lookup) is not False:
                return False  # taken on the target (or cannot tell): the test runs as it is
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # a docstring
        value = stmt.value if isinstance(stmt, ast.Return) else None
        return isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords \
            and isinstance(value.args[0], ast.Name) and value.args[0].id == parameter \
            and lookup(value.func) in EXPECTED_FAILURE
    return False


@memo
def replaced_on(name: str, path: str, target: tuple[int, int], argument: tuple) -> bool:
    """Is ``name`` (qualified) a project function of one parameter making a decorator that, given
    ``argument`` (a literal), puts something else than the test in its place on the target?  The
    test never runs there.  pyanalyze 0.13.1's ``test_node_visitor.only_before(version)``: ``def
    decorator(fn): if sys.version_info < version: return fn / else: return _dummy_function``,
    ``return decorator``, over its tests of ``@asyncio.coroutine`` as ``@only_before((3, 11))``."""
    module, _, function = name.rpartition(".")
    found = _project_function(module, function, path)
    if found is None:
        return False
    node, where, tree = found
    inner = statements(node)
    if plain_parameters(node) != 1 or len(inner) != 2 or not isinstance(inner[0], ast.FunctionDef) \
            or plain_parameters(inner[0]) != 1 or not isinstance(inner[1], ast.Return) \
            or not isinstance(inner[1].value, ast.Name) or inner[1].value.id != inner[0].name:
        return False
    test, parameter = statements(inner[0]), inner[0].args.args[0].arg
    if len(test) != 1 or not isinstance(test[0], ast.If):
        return False

    def returned(block: list) -> str | None:  # "test", "other" (a name or None), else None
        if len(block) != 1 or not isinstance(block[0], ast.Return):
            return None
        value = block[0].value
        if isinstance(value, ast.Name):
            return "test" if value.id == parameter else "other"
        return "other" if value is None or (isinstance(value, ast.Constant) and value.value is None) else None

    taken, otherwise = returned(test[0].body), returned(test[0].orelse)
    if {taken, otherwise} != {"test", "other"}:
        return False
    from outmoded.summaries import module_lookup

    literal = ast.parse(repr(argument), mode="eval").body
    verdict = guards.evaluate(guards._inlined(test[0].test, {node.args.args[0].arg: literal}), target,
                              module_lookup(where, tree, target))
    return verdict is not None and (taken if verdict else otherwise) == "other"


def _project_function(module: str, function: str, path: str):
    """(the module-level ``def``, its file, the file's tree) of ``module.function`` in the
    project, or None; the file's read is recorded (``outmoded.reads``)."""
    from outmoded.layout import find_module

    where = find_module(module, path)
    if where is None:
        return None
    found = function_in(where, function)
    return (found[0], where, found[1]) if found is not None else None


@memo
def function_in(where: str, function: str):
    """(the module-level ``def`` named ``function``, the tree) of the file at ``where``, or None;
    the file's read is recorded (``outmoded.reads``).  Once per run: every test module decorated
    with it asks (Twisted 18.9's ``@comparable`` of python/compat.py, 1.5-3 ms a parse, three times
    a cold run; Django 5.2.8's ``@keep_lazy_text`` of utils/functional.py, three)."""
    from outmoded.reads import read

    read(where)
    try:
        with open_regular(where) as handle:
            data = handle.read()
        if function.encode() not in data:
            return None
        tree = ast.parse(data)
    except (OSError, SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    node = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == function), None)
    return (node, tree) if node is not None else None


SKIP_LEAVES = frozenset({"skipif", "skipIf", "skipUnless"})
SKIP_TEST = frozenset({"unittest.SkipTest", "unittest.case.SkipTest"})  # what a skipped test raises


def may_skip(text: str) -> bool:
    """Can the module's text skip a test the way ``reads_only_in_skipped`` reads: does it write a
    skip's name (``SKIP_LEAVES``, a ``pytestmark``'s too)?  Without one that question answers
    False, and the whole tree it reads need not be parsed.  A text that is not ASCII may spell a
    name in a form the parser normalizes (NFKC): it may."""
    return not text.isascii() or any(leaf in text for leaf in SKIP_LEAVES)


def reads_only_in_skipped(body: list[ast.stmt], values: dict) -> bool:
    """Is every read of the names of ``values`` (name -> the constant a fallback binds) in
    ``body`` (a module's statements) in a skip decorator that skips its test when they hold those
    values, or in the test it skips (a module-level ``pytestmark`` skipping the whole module
    too)?  Then nothing but those tests needs what the names stand for, and they say they are
    skipped: opentelemetry-api 1.45.3's tests/util/test__importlib_metadata.py, ``try: from
    importlib.metadata import SelectableGroups as _SelectableGroups`` / ``except ImportError:
    _SelectableGroups = None``, read only by ``@unittest.skipIf(_SelectableGroups is None, ...)``
    and the test under it.  False when nothing reads them."""
    allowed, read = set(), False
    for node in body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets) \
                and _skips_with(node.value, values):
            return True
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and any(
                _skips_with(d, values) for d in node.decorator_list):
            allowed.update(map(id, ast.walk(node)))
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Name) and node.id in values and not isinstance(node.ctx, ast.Store):
            if id(node) not in allowed:
                return False
            read = True
    return read


def _skips_with(decorator: ast.expr, values: dict) -> bool:
    """Does ``decorator`` (``unittest.skipIf(C, ...)``, ``pytest.mark.skipif(C, ...)``,
    ``skipUnless``) skip its test when the names of ``values`` hold their values?"""
    if not isinstance(decorator, ast.Call) or not decorator.args:
        return False
    func = decorator.func
    leaf = leaf_name(func)
    if leaf not in SKIP_LEAVES:
        return False
    verdict = _truth(decorator.args[0], values)
    return verdict is (leaf != "skipUnless")


def _truth(test: ast.expr, values: dict) -> bool | None:
    """The truth of ``test`` where the names of ``values`` hold them (``X is None``, ``not X``,
    ``X == None``, and, or of them), None when it depends on anything else."""
    if isinstance(test, ast.Name):
        return bool(values[test.id]) if test.id in values else None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _truth(test.operand, values)
        return None if inner is None else not inner
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Name) \
            and test.left.id in values and isinstance(test.comparators[0], ast.Constant):
        value, other, op = values[test.left.id], test.comparators[0].value, test.ops[0]
        if isinstance(op, ast.Is):
            return value is other
        if isinstance(op, ast.IsNot):
            return value is not other
        if isinstance(op, ast.Eq):
            return value == other
        if isinstance(op, ast.NotEq):
            return value != other
        return None
    if isinstance(test, ast.BoolOp):
        verdicts = [_truth(v, values) for v in test.values]
        decisive = isinstance(test.op, ast.Or)  # True decides an or, False an and
        if decisive in verdicts:
            return decisive
        return None if None in verdicts else not decisive
    return None


class TestExpectations(ast.NodeVisitor):
    """Skips and expected failures for the scanner.  Expects ``self.block``, ``self.contexts``,
    ``self.evaluate``, ``self.qualify``, ``self.asks_for_removed``, ``self.module_functions``,
    ``self.text``, ``self.reduced`` and ``self.whole_body`` from the classes it is combined with."""

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
        removed there).  [Context("expects")] of any error when they mark it as expected to fail
        there (``expected_failure``)."""
        if not decorators:
            return []
        if self._skips(decorators):
            return [Context("skipped")]
        if any(expected_failure(self.qualify(d), self.path, self.target, self.project) for d in decorators):
            return [Context("expects", caught=frozenset({"*"}))]
        return []

    def _skips(self, decorators: list[ast.expr]) -> bool:
        for decorator in decorators:
            if isinstance(decorator, ast.Name) and decorator.id not in self.module_functions:
                decorator = self._module_mark(decorator.id) or decorator
            call = decorator if isinstance(decorator, ast.Call) else None
            name = self.qualify(call.func if call else decorator)
            if name == LOCAL and decorator.__class__ is ast.Name and decorator.id in self.module_functions:
                if self._skipping_decorator(self.module_functions[decorator.id]):
                    return True
                continue
            if not isinstance(name, str):
                continue
            if name in ("pytest.mark.skip", "unittest.skip", "unittest.case.skip"):
                return True
            if call is None or not call.args:
                continue
            if len(call.args) == 1 and not call.keywords and "." in name and name.split(".")[0] not in STDLIB:
                try:
                    argument = ast.literal_eval(call.args[0])
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    argument = None
                if isinstance(argument, tuple) and replaced_on(name, self.path, self.target, argument):
                    return True
            # a test package's own aliases count too (gevent.testing's skipIf/skipUnless)
            leaf = name.rpartition(".")[2]
            if leaf in ("skipif", "skipIf") and self._condition(call.args[0]) is True:
                return True
            if leaf == "skipUnless" and self._condition(call.args[0]) is False:
                return True
        return False

    def _module_mark(self, name: str) -> ast.Call | None:
        """The call a module binds ``name`` to once, at its top level, when that is all that binds
        it there: newrelic 14.1.0's tests, ``SKIP_IF_PYTHON_3_14_OR_ABOVE = pytest.mark.skipif(
        sys.version_info[0:2] >= (3, 14), reason=...)`` then ``@SKIP_IF_PYTHON_3_14_OR_ABOVE`` over
        the tests calling ``urllib.URLopener()`` (gone in 3.14)."""
        found = None
        for stmt in self._body or ():
            if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    if found is not None or len(targets) != 1 or not isinstance(stmt.value, ast.Call):
                        return None
                    found = stmt.value
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)) and any(
                    (a.asname or a.name.split(".")[0]) == name for a in stmt.names):
                return None
        return found

    def _skipping_decorator(self, function: ast.FunctionDef) -> bool:
        """Is ``function`` (a def of this module, used as a bare decorator) one whose wrapper raises
        ``unittest.SkipTest`` (or calls ``pytest.skip``) before anything else, under a test that
        holds on the target (``_condition``)?  kgb 7.3's tests: ``def require_getargspec(func)``,
        whose ``_wrap`` is ``if has_getargspec: return func(...)`` / ``else: raise
        unittest.SkipTest(...)``, ``has_getargspec = hasattr(inspect, 'getargspec')``."""
        if "SkipTest" not in self.text and "skip" not in self.text:
            return False
        if self.reduced:  # the sieve may have left its body out
            function = next((s for s in self.whole_body() or () if isinstance(s, ast.FunctionDef)
                             and s.name == function.name and s.lineno == function.lineno), None)
        if function is None or len(function.args.args) != 1 or not function.body \
                or not isinstance(function.body[-1], ast.Return) or not isinstance(function.body[-1].value, ast.Name):
            return False
        returned = function.body[-1].value.id
        wrapper = next((s for s in function.body if isinstance(s, ast.FunctionDef) and s.name == returned), None)
        body = [s for s in wrapper.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))] \
            if wrapper is not None else []
        if not body or not isinstance(body[0], ast.If):
            return False
        verdict = self._condition(body[0].test)
        return verdict is not None and self._skips_test(body[0].body if verdict else body[0].orelse)

    def _skips_test(self, block: list[ast.stmt]) -> bool:
        """Does ``block`` raise ``unittest.SkipTest`` or call ``pytest.skip`` at its top level?"""
        for stmt in block:
            if isinstance(stmt, ast.Raise) and stmt.exc is not None:
                raised = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
                if self.qualify(raised) in SKIP_TEST:
                    return True
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) \
                    and self.qualify(stmt.value.func) == "pytest.skip":
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
