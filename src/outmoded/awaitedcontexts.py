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

from outmoded.values import Instance, LocalClass

# with await lock:, with (yield from self._cond): (the word first: sre skips to it); the prefilter's
# literal for the entries too (``catalog.needles.BEHAVIOUR_TEXT``)
AWAITED_WITH_TEXT = rb"with(?<!\wwith)[ \t(]+(?:await|yield[ \t]+from)[ \t(]"
AWAITED_WITH = re.compile(AWAITED_WITH_TEXT.decode())


class AwaitedContexts:
    """Expects ``self.index``, ``self.qualify``, ``self.report``, ``self.words`` and ``self.text``."""

    def _writes_awaited_with(self) -> bool:
        """Does the file write ``with await`` or ``with (yield from`` (asked once)?  A class is
        walked for its lock attributes only then."""
        found = self.__dict__.get("_awaited_with")
        if found is None:
            words = self.words  # the words of the needles that hold: the entries' carry await and yield
            found = self.__dict__["_awaited_with"] = ("await" in words or "yield" in words) if words is not None \
                else AWAITED_WITH.search(self.text) is not None
        return found

    def check_awaited_context(self, node: ast.With) -> None:
        """A (synchronous) ``with`` whose item awaits or yields from an instance of an
        ``awaited-context`` entry's class: a name bound to a call of it (``lock = asyncio.Lock()``
        then ``with await lock:``), or an attribute of an instance of a class of the module that
        binds it to calls of one only (``self._cond``, ``pool._cond`` of ``pool = Pool()``).  The
        entries' needles carry ``await`` and ``yield``, so the sieve keeps the bodies writing them."""
        for item in node.items:
            expr = item.context_expr
            if expr.__class__ is not ast.Await and expr.__class__ is not ast.YieldFrom:
                continue
            entries = self.index.with_signature("awaited-context")
            value = expr.value
            qualified = self.qualify(value)
            if isinstance(qualified, Instance) and isinstance(qualified.cls, str):
                cls = qualified.cls
            elif value.__class__ is ast.Attribute and self._writes_awaited_with():
                owner = self.qualify(value.value)
                cls = self._lock_attributes(owner.cls.node).get(value.attr) if isinstance(owner, Instance) \
                    and isinstance(owner.cls, LocalClass) and owner.cls.node is not None else None
            else:
                cls = None
            if cls in entries:
                how = "await" if expr.__class__ is ast.Await else "yield from"
                self.report(expr, entries[cls], f"with {how} <{cls}>", frozenset(entries[cls].raises))

    def _lock_attributes(self, node: ast.ClassDef) -> dict:
        """Attribute -> the entry class every assignment of it in the class's code binds it to a
        call of (asked once per class)."""
        known = self.__dict__.setdefault("_lock_attributes_of", {})
        found = known.get(id(node))
        if found is None:
            entries = self.index.with_signature("awaited-context")
            made: dict = {}  # attribute -> the qualified classes of what the class's code assigns it
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
            found = known[id(node)] = {attr: next(iter(classes)) for attr, classes in made.items()
                                       if len(classes) == 1 and next(iter(classes)) in entries}
        return found
