"""Calls that run whenever a module is imported, for what fails where nothing runs an event loop yet
(the catalog's ``main-block-call`` entries: ``asyncio.get_event_loop()``, RuntimeError from 3.14).

Beyond a script's main block and a script's top level (``behaviours``), a call runs at every import
when a statement of the module's top level holds it on its first line, written at column 0 under the
function's own name (pysnmp 4.3.2's carrier/asyncio/dgram/udp.py: ``loop = asyncio.get_event_loop()``),
or when it is in the body of a function of the module, or of the ``__init__`` of a class of the
module, that such a statement calls by name: ``NAME(...)`` or ``x = NAME(...)`` (txaio 18.8.1's
aio.py: ``_default_api = _AsyncioApi(config)``, whose ``__init__`` calls ``asyncio.get_event_loop()``:
``import txaio.aio``, and autobahn 19.11.2's ``autobahn.asyncio``, fail on the real 3.14 and 3.15).
Exactly the shapes ``catalog.needles``' text for the signature lets through (``IMPORT_TIME_TEXT``).
"""

from __future__ import annotations

import ast

from outmoded.newlines import line_offsets

# a column-0 line naming the function, or calling a plain name (x = NAME(...), NAME(...)): the
# statements ``runs_at_import`` asks about
IMPORT_TIME_TEXT = rb"(?m:^[A-Za-z_][^\n]*get_event_loop|^[A-Za-z_]\w*(?:[ \t]*=[ \t]*[A-Za-z_]\w*)?[ \t]*\()"


def _called(stmt: ast.stmt) -> ast.Call | None:
    """The call of a plain name that the statement is: ``NAME(...)`` or ``x = NAME(...)``."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
            or isinstance(stmt, ast.Expr):
        call = stmt.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.lineno == stmt.lineno:
            return call
    return None


def _starts_a_line(text: str, offsets: list, stmt: ast.stmt) -> bool:
    """Is the statement written from column 0 with a letter or an underscore (what the text asks)?"""
    if stmt.col_offset or stmt.lineno > len(offsets):
        return False
    first = text[offsets[stmt.lineno - 1]:offsets[stmt.lineno - 1] + 1]
    return first.isascii() and (first.isalpha() or first == "_")


class ImportTime:
    """What a module's top level calls when it is imported; expects ``self._body``, ``self.text``
    and ``self.scope`` (``scopes``)."""

    def _top_calls(self) -> frozenset:
        known = getattr(self, "_import_calls", None)
        if known is None:
            offsets = line_offsets(self.text)
            known = self._import_calls = frozenset(
                call.func.id for stmt in self._body if (call := _called(stmt)) is not None
                and _starts_a_line(self.text, offsets, stmt))
        return known

    def runs_at_import(self, node: ast.Call) -> bool:
        """Does ``node``, a call of a ``main-block-call`` entry's function, run at every import of
        the module (see the module's docstring)?"""
        scope = self.scope
        if scope.kind == "module":
            func = node.func
            written = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if written != "get_event_loop":
                return False
            offsets = line_offsets(self.text)
            return any(stmt.lineno == node.lineno and _starts_a_line(self.text, offsets, stmt) for stmt in self._body)
        if scope.kind != "function" or not isinstance(scope.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        owner = scope.parent
        if owner.kind == "module":
            return isinstance(scope.node, ast.FunctionDef) and scope.node.name in self._top_calls()
        cls = owner.bindings.get("__class__") if owner.kind == "class" else None
        return scope.node.name == "__init__" and owner.parent.kind == "module" and cls is not None \
            and cls.name in self._top_calls()
