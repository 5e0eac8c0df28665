"""``with await lock:`` and ``with (yield from lock):``: the catalog's ``awaited-context`` entries.

Until 3.8 an asyncio lock, condition or semaphore could be awaited (or yielded from) to acquire it,
giving a context manager that released it; 3.9 removed both, so the statement raises TypeError
(the real 3.9 to 3.15: "object Lock can't be used in 'await' expression", "'Condition' object is
not iterable", 3.14's "'Lock' object can't be awaited").  aiopg 0.15.0's pool.py holds
``self._cond = asyncio.Condition(loop=loop)`` and then ``with (yield from self._cond):`` in every
method that takes a connection.  Reported only where the code proves the type: the awaited value
is a name bound to a call of the entry's class, or an attribute read on an instance of a class of
the module (``self._cond``, ``pool._cond`` of ``pool = Pool(...)``) that every assignment of it in
that class binds to a call of one (an assignment of anything else, or none, tells nothing).
"""

from __future__ import annotations

import ast
import re

from outmoded.values import Instance

# with await lock:, with (yield from self._cond): (the word first: sre skips to it); the prefilter's
# literal for the entries too (``catalog.needles.BEHAVIOUR_TEXT``)
AWAITED_WITH_TEXT = rb"with(?<!\wwith)[ \t(]+(?:await|yield[ \t]+from)[ \t(]"
AWAITED_WITH = re.compile(AWAITED_WITH_TEXT.decode())

NOT_INSTANCE = {"builtins.staticmethod", "builtins.classmethod"}


class AwaitedContexts:
    """Expects ``self.index``, ``self.qualify``, ``self.report`` and ``self.text``."""

    def _awaited_entries(self) -> dict:
        """Qualified class -> its ``awaited-context`` entry (asked once per index)."""
        found = self.index.__dict__.get("_awaited_entries")
        if found is None:
            found = self.index.__dict__["_awaited_entries"] = {
                name: entry for name, entries in self.index.behaviour_calls.items()
                for entry in entries if entry.signature == "awaited-context"}
        return found

    def _writes_awaited_with(self) -> bool:
        """Does the file write ``with await`` or ``with (yield from`` (searched once)?  A class
        walked for its lock attributes only then."""
        found = self.__dict__.get("_awaited_with")
        if found is None:
            found = self.__dict__["_awaited_with"] = AWAITED_WITH.search(self.text) is not None
        return found

    def check_awaited_context(self, node: ast.With) -> None:
        """A (synchronous) ``with`` whose item awaits or yields from a name bound to a call of an
        ``awaited-context`` entry's class (``lock = asyncio.Lock()`` then ``with await lock:``)."""
        for item in node.items:
            expr = item.context_expr
            if expr.__class__ is ast.Await or expr.__class__ is ast.YieldFrom:
                entries = self._awaited_entries()
                qualified = self.qualify(expr.value)
                if entries and isinstance(qualified, Instance) and qualified.cls in entries:
                    self._report_awaited(expr, qualified.cls, entries)

    def check_awaited_attributes(self, node: ast.ClassDef) -> None:
        """``with (yield from self._cond):`` in a method of a class whose methods bind
        ``self._cond`` to calls of an entry's class only (found from the class: the method itself
        need not name the class, as aiopg 0.15.0's ``Pool.clear`` does not)."""
        entries = self._awaited_entries()
        if not entries or not self._writes_awaited_with():
            return
        made: dict = {}  # attribute -> the qualified classes of what the class's methods assign it
        for statement in ast.walk(node):
            if isinstance(statement, ast.Assign):
                targets, value = statement.targets, statement.value
            elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
                targets, value = [statement.target], statement.value
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Attribute):
                    made.setdefault(target.attr, set()).add(
                        self.qualify(value.func) if isinstance(value, ast.Call) else None)
        locks = {attr: next(iter(classes)) for attr, classes in made.items()
                 if len(classes) == 1 and next(iter(classes)) in entries}
        if not locks:
            return
        for function in node.body:
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = function.args.posonlyargs + function.args.args
            if not parameters or {self.qualify(d) for d in function.decorator_list} & NOT_INSTANCE:
                continue  # a static or class method's first parameter is no instance
            this = parameters[0].arg
            for statement in ast.walk(function):
                if not isinstance(statement, ast.With):
                    continue
                for item in statement.items:
                    expr = item.context_expr
                    if (expr.__class__ is ast.Await or expr.__class__ is ast.YieldFrom) \
                            and isinstance(expr.value, ast.Attribute) and expr.value.attr in locks \
                            and isinstance(expr.value.value, ast.Name) and expr.value.value.id == this:
                        self._report_awaited(expr, locks[expr.value.attr], entries)

    def _report_awaited(self, expr: ast.expr, cls: str, entries: dict) -> None:
        how = "await" if expr.__class__ is ast.Await else "yield from"
        self.report(expr, entries[cls], f"with {how} <{cls}>", frozenset(entries[cls].raises))
