"""Where a statement holds statements: ``BLOCKS``, the fields of a compound statement (a def, a
class, ``if``, ``for``, ``while``, ``with``, ``try``, ``match``) and of an except handler or a
match case that hold a list of statements, and ``statements``, every statement of a body, nested
ones too, read through those fields only.  The walks that look for statements (definitions,
imports, the functions a body left out by the sieve holds) read these, not ``ast.walk``: no
statement sits inside an expression (a lambda's body is one), so they visit a fraction of the
nodes."""

from __future__ import annotations

BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def statements(body: list):
    """Every statement of ``body``, nested ones too (a def inside an ``if``, a method, a function's
    inner def, an import in a handler), without visiting expressions."""
    todo = list(body)
    while todo:
        stmt = todo.pop()
        yield stmt
        for field in BLOCKS:
            inner = getattr(stmt, field, None)
            if inner:
                todo.extend(inner)
