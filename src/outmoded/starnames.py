"""Names a ``from <stdlib module> import *`` binds, a part of the scanner: ``from ast import *``
then ``Num(1)`` (Armin Ronacher's codegen.py and its copies), ``from time import *`` then
``clock()``, ``from unittest import *`` then ``class T(TestCase)`` whose ``self.assertEquals``
is unittest's.  ``scopes.Bindings.star_bound`` tells what such a name stands for (the last stdlib
module star-imported that has it); ``importmatches`` keeps the modules, and gives up on them at a
star import of any other module (the project's own, a third party's: they may bind any name).

A name the star import stopped binding before its module lost it (the catalog's
``star_unbound_since``) is reported from that version on, also at a target that still has it
(the index's ``star_only``: ``from collections import *`` then ``Mapping`` at 3.8, a NameError
there), and the project's floor is weighed against that version (``broken-at-floor``).

A name bound by an import statement is reported at that statement; one a star import binds has no
statement naming it, so its uses are reported here, where the name is read.  Only files with such
an import get a scanner that visits names (``scan.scan_tree``): the others pay nothing.
"""

from __future__ import annotations

import ast

from outmoded.guardcontext import NAME_ERRORS
from outmoded.laterimports import blocks
from outmoded.stdnames import BUILTIN_NAMES, STDLIB


def stdlib_star(body: list[ast.stmt]) -> bool:
    """Does the module star-import a stdlib module at its top level (or in a top-level ``if`` or
    ``try``, where star imports may be written)?"""
    for stmt in body:
        cls = stmt.__class__
        if cls is ast.ImportFrom:
            if not stmt.level and stmt.module and stmt.module.split(".")[0] in STDLIB \
                    and any(alias.name == "*" for alias in stmt.names):
                return True
        elif (cls is ast.If or cls is ast.Try or cls.__name__ == "TryStar") and any(map(stdlib_star, blocks(stmt))):
            return True
    return False


def bound_by_stars(modules: list, name: str, target: tuple[int, int], removed=(), unbound=()) -> str | None:
    """What ``name``, which no statement binds, stands for after ``from m import *`` of each of
    ``modules`` (stdlib modules, in order): the last one's name that the catalog removes from it
    (a key of ``removed``), that its star import stopped binding on the target (a key of
    ``unbound``: the index's ``star_only``) or the target has there (``present.has``), as
    ``module.name``; None for a private name (a star import binds none) or one none of them has."""
    if name.startswith("_"):
        return None
    from outmoded.present import has

    for module in reversed(modules):
        dotted = f"{module}.{name}"
        if dotted in removed or dotted in unbound or has(module, name, target):
            return dotted
    return None


class StarNames:
    """The scanner's reads of names only a stdlib star import binds (a mixin of
    ``scan.StarScanner``)."""

    def visit_Name(self, node: ast.Name) -> None:
        if not self.starred or node.ctx.__class__ is not ast.Load or node.id in BUILTIN_NAMES:
            return
        if self.words is not None and node.id not in self.words:
            return  # no needle's leaf: the catalog removes nothing of that name
        scope, first = self.scope, True
        while scope is not None:  # bound by a statement of the module (or an enclosing function)
            if (first or scope.kind != "class") and node.id in scope.bindings:
                return
            scope, first = scope.parent, False
        dotted = self.star_bound(node.id)
        entry = self.index.names.get(dotted) or self.index.star_only.get(dotted) if isinstance(dotted, str) else None
        if entry is None:
            return
        count = len(self.findings)
        self.report(node, entry, dotted, NAME_ERRORS, fails_from=entry.star_unbound_since)
        if len(self.findings) > count and entry.star_unbound_since:
            from outmoded.findings import star_unbound
            from outmoded.records import replace

            self.findings[-1] = replace(self.findings[-1],
                                        message=star_unbound(self.findings[-1].message, entry, dotted))
        if len(self.findings) > count and self.findings[-1].fix:
            # the fixer rewrites a name with the import that binds it: here no statement names it
            from outmoded.fixability import with_note

            module = dotted.rpartition(".")[0]
            note = "no statement binds it" if entry.star_unbound_since else f"`from {module} import *` binds it"
            self.findings[-1] = with_note(self.findings[-1], None, f"no automatic fix: {note}", entry)
