"""Calls that run whenever a module is imported, for what fails where nothing runs an event loop yet
(the catalog's ``main-block-call`` entries: ``asyncio.get_event_loop()``, RuntimeError from 3.14).

Beyond a script's main block and a script's top level (``behaviours``), a call runs at every import
when a statement of the module's top level holds it on its first line, written at column 0 under the
function's own name (pysnmp 4.3.2's carrier/asyncio/dgram/udp.py: ``loop = asyncio.get_event_loop()``),
or when it is in the body of a function of the module, or of the ``__init__`` of a class of the
module (a statement of its top level), that such a statement after it calls by name: ``NAME(...)``
or ``x = NAME(...)`` (txaio 18.8.1's
aio.py: ``_default_api = _AsyncioApi(config)``, whose ``__init__`` calls ``asyncio.get_event_loop()``:
``import txaio.aio``, and autobahn 19.11.2's ``autobahn.asyncio``, fail on the real 3.14 and 3.15).
Exactly the shapes the prefilter lets through for the signature (``RunsAtImport``, a needle's
literal: ``catalog.compiled`` rebuilds it from this module).
"""

from __future__ import annotations

from outmoded.lazyre import LazyPattern
from outmoded.literals import Text
from outmoded.newlines import line_offsets

def _called(stmt: ast.stmt) -> ast.Call | None:
    """The call of a plain name that the statement is: ``NAME(...)`` or ``x = NAME(...)``."""
    import ast  # not at the top: the prefilter imports this module for its needle, and clears most files
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
        """The functions and classes of the module's top level that a statement of it after them calls."""
        import ast
        known = getattr(self, "_import_calls", None)
        if known is None:
            offsets, defined, called = line_offsets(self.text), {}, set()
            for stmt in self._body:
                if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)) and not stmt.col_offset:
                    defined.setdefault(stmt.name, stmt)
                call = _called(stmt)
                if call is not None and call.func.id in defined and _starts_a_line(self.text, offsets, stmt):
                    called.add(defined[call.func.id])
            known = self._import_calls = frozenset(called)
        return known

    def runs_at_import(self, node: ast.Call, function: str) -> bool:
        """Does ``node``, a call of ``function`` (a ``main-block-call`` entry's), run at every import
        of the module (see the module's docstring)?"""
        import ast

        scope = self.scope
        if scope.kind == "module":
            func = node.func
            written = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if written != function.rpartition(".")[2]:
                return False
            offsets = line_offsets(self.text)
            return node.func.end_lineno == node.lineno and any(
                stmt.lineno == node.lineno and _starts_a_line(self.text, offsets, stmt) for stmt in self._body)
        if scope.kind != "function" or not isinstance(scope.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        owner = scope.parent
        if owner.kind == "module":
            return scope.node in self._top_calls()
        cls = owner.bindings.get("__class__") if owner.kind == "class" else None
        return scope.node.name == "__init__" and owner.parent.kind == "module" and cls is not None \
            and cls.node in self._top_calls()


def _called_at_column_0(data: bytes, word: bytes) -> bool:
    """Is ``word`` called (a bracket after it, blanks between) on a line starting at column 0 with a
    letter or ``_``?  Not an import of it: Twisted 18.9's asyncioreactor.py, from asyncio import
    get_event_loop, was parsed for nothing."""
    at = data.find(word)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        first = data[start:start + 1]
        after = at + len(word)
        while data[after:after + 1] in (b" ", b"\t"):
            after += 1
        if (first.isalpha() or first == b"_") and data[after:after + 1] == b"(":
            return True
        at = data.find(word, at + 1)
    return False


# a class or def, and a call of a plain name (``NAME(...)``, ``x = NAME(...)``), at column 0
SHAPES_RE = LazyPattern(rb"(?m:^(?:(?:class|def)[ \t]+([A-Za-z_]\w*)"
                        rb"|(?:[A-Za-z_]\w*[ \t]*=[ \t]*)?([A-Za-z_]\w*)[ \t]*\())")


class RunsAtImport(Text):
    """The ``main-block-call`` signature's text: its pattern (a main block, a loop run at column 0),
    or what runs at every import: a line at column 0 calling the function (``word``), or a line
    at column 0 calling (``NAME(...)``, ``x = NAME(...)``) a class or def written at column 0
    before it (txaio 18.8.1's ``_default_api = _AsyncioApi(config)``).  One pass of a pattern
    for both shapes, the names kept: one regular expression with a back-reference to the defined
    name, tried from each definition to the end, cost Django 5.2.8's tests/asgi/tests.py 2 ms
    (its old pattern 0.7), a loop over the lines in Python 1 ms."""

    def __init__(self, pattern: bytes, word: bytes):
        super().__init__(pattern)
        self.word = word

    def __eq__(self, other):
        return type(other) is type(self) and other.pattern == self.pattern and other.word == self.word

    def __hash__(self):
        return hash((self.pattern, self.word))

    def search(self, data: bytes) -> bool:
        if super().search(data) or _called_at_column_0(data, self.word):
            return True
        defined = set()
        for found in SHAPES_RE.finditer(data):
            if found.group(1):
                defined.add(found.group(1))
            elif found.group(2) in defined:
                return True
        return False
