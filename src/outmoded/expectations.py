"""Tests that are not meant to succeed on the target: skip decorators and expected failures.

A test (or test class) that ``pytest.mark.skip``/``unittest.skip`` always skips, or whose
``skipIf``/``skipUnless`` condition skips it on the target, never runs there ("skipped"); a block
under ``self.assertRaises(E)`` or ``pytest.raises(E)`` expects a removal that raises E to fail
("expected").  ``TestExpectations`` is the part of ``contexts.GuardContexts`` that reads them.
"""

from __future__ import annotations

import ast

from outmoded.guardcontext import ANY_ERROR, Context


class TestExpectations(ast.NodeVisitor):
    """Skips and expected failures for the scanner.  Expects ``self.block``, ``self.contexts``,
    ``self.evaluate``, ``self.qualify`` and ``self.asks_for_removed`` from the classes it is combined
    with."""

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
