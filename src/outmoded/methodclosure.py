"""What a question about some of a test module's methods must read (``deadmethods``): the
methods whose lines name them, again and again (``closure``), and the tree to walk for those
(``closure_body``): the scan's own, or the sieve's reduced one with only the bodies naming one
put back (``sieve.restore``), not the whole text parsed again (Twisted 18.9's ``test_wsgi.py``,
78 kB: the 21 bodies naming getFileType or its one caller, of 215 functions).
"""

from __future__ import annotations

import ast
from bisect import bisect_left


def closure(text: str, body: list, candidates: dict, asked: set) -> set:
    """``asked`` (method names) and, again and again, the name of each candidate method whose
    lines name one: what decides whether those are called (a use of one outside the candidates'
    bodies keeps it, one inside keeps it if that method is kept).  A method's lines run from its
    ``def`` to the next statement of its class (the class's last one, to the next top-level
    statement): its body's and the comments after it, read from ``body``, the sieve's tree if
    reduced (a body left out is ``pass``, and its lines are empty: the next statement is where
    it was)."""
    from outmoded.bodies import lines_naming

    starts = [_start(stmt) for stmt in body] + [text.count("\n") + 2]
    extents = []  # (first line, last line, name) of each candidate method, from 1
    for number, stmt in enumerate(body):
        if not isinstance(stmt, ast.ClassDef):
            continue
        inner = stmt.body
        for at, member in enumerate(inner):
            if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in candidates.get(member.name, ()):
                after = _start(inner[at + 1]) if at + 1 < len(inner) else starts[number + 1]
                extents.append((member.lineno, after - 1, member.name))
    wanted, todo = set(asked), set(asked)
    while todo:
        lines = [line + 1 for line in lines_naming(text, todo)]
        todo = set()
        for first, last, name in extents:
            if name not in wanted:
                at = bisect_left(lines, first)
                if at < len(lines) and lines[at] <= last:
                    todo.add(name)
        wanted |= todo
    return wanted


def _start(stmt: ast.stmt) -> int:
    """The first line of a statement, its decorators' included."""
    decorators = getattr(stmt, "decorator_list", None)
    return min(stmt.lineno, *(d.lineno for d in decorators)) if decorators else stmt.lineno


def closure_body(scanner, wanted: set) -> tuple[list | None, bool]:
    """(the tree to walk for ``wanted``, is it reduced): the scan's, when whole; else the scan's
    reduced tree with the function bodies naming one of ``wanted`` read whole (``sieve.restore``),
    or the whole text's when one does not parse alone or the text has a carriage return (None
    when it does not parse)."""
    if not scanner.reduced:
        return scanner._body, False
    if "\r" not in scanner.text:
        from outmoded.bodies import lines_naming
        from outmoded.sieve import restore

        body = restore(scanner._body, scanner.text, scanner.stubs, lines_naming(scanner.text, wanted))
        if body is not None:
            return body, True
    return scanner.whole_body(), False
