"""Receivers and the class graph: which stdlib class an attribute's receiver is an instance of.

``self.assertEquals`` is a removal only when ``self`` is an instance of a class that derives from
``unittest.TestCase``; ``ancestry`` walks the bases (local classes, then the catalog's class
hints) and collects the members classes on the way define themselves, which stop a match.  A
receiver of unknown type is reported (as a warning) only for the catalog's distinctive names.
"""

from __future__ import annotations

import ast
from typing import Optional

from outmoded.contexts import ATTRIBUTE_ERRORS, STDLIB
from outmoded.catalog.index import Method
from outmoded.scopes import Instance, LocalClass, Value


class Receivers:
    """Method matching for the scanner.  Expects ``self.index``, ``self.qualify`` and
    ``self.report`` from the classes it is combined with."""

    def ancestry(self, value) -> tuple[set[str], bool, set[str]]:
        """(known qualified ancestors, whether that list is complete, member names defined locally)."""
        if isinstance(value, Instance):
            value = value.cls
        if isinstance(value, str):
            known = self.index.ancestors(value)
            complete = value in self.index.bases or value.split(".")[0] in STDLIB \
                or value.startswith("builtins.")
            return known, complete, set()
        if isinstance(value, LocalClass):
            known, complete, members = set(), True, set(value.members)
            for base in value.bases:
                k, c, m = self.ancestry(base) if base is not None else (set(), False, set())
                known |= k
                complete &= c
                members |= m
            return known, complete, members
        return set(), False, set()

    def typed_method(self, func: ast.Attribute) -> Optional[str]:
        """``Class.method`` for a call on an instance of a known class, e.g. ``SMTP(...).starttls``."""
        receiver = self.qualify(func.value)
        if not isinstance(receiver, (Instance, LocalClass)):
            return None
        known, _, members = self.ancestry(receiver)
        if func.attr in members:
            return None
        return next((f"{cls}.{func.attr}" for cls in sorted(known)
                     if f"{cls}.{func.attr}" in self.index.arguments), None)

    def check_method(self, node: ast.Attribute, receiver: Value) -> None:
        known, complete, members = self.ancestry(receiver)
        if node.attr in members:
            return  # the class defines the method itself
        candidates: list[Method] = self.index.methods[node.attr]
        for method in candidates:
            if method.cls in known:
                self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS)
                return
        if complete or any(known & set(m.entry.not_on) for m in candidates):
            return
        for method in candidates:
            if method.entry.distinctive:
                self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS,
                            context="unknown-receiver")
                return
