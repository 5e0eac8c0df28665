"""A finding inside an f-string's self-documenting field (``f"{base64.encodestring(b'x')=}"``) gets
no automatic fix: the field prints its expression's text before the value
(``base64.encodestring(b'x')=b'eA==\\n'`` on the real 3.8), and a rename would change that text on
every Python the project supports.  The ``ast`` tree holds no trace of the ``=`` (``f"{x=}"`` and
``f"x={x!r}"`` parse alike), so the source after the field's expression is read.
"""

from __future__ import annotations

import ast

from outmoded.fixability.spots import spanning
from outmoded.newlines import split_lines


def in_debug_field(finding, tree: ast.Module, text: str | None) -> bool:
    """Is the finding (1-based column) inside the expression of an ``{expression=}`` field?"""
    if text is None or "=" not in text or "{" not in text:
        return False
    lines = None
    at = (finding.line, finding.column - 1)
    for node in spanning(tree, (finding.line,)):
        if not isinstance(node, ast.FormattedValue):
            continue
        value = node.value
        if not (value.lineno, value.col_offset) <= at <= (value.end_lineno, value.end_col_offset):
            continue
        lines = lines or split_lines(text)  # as Python counts lines: not at a form feed
        if value.end_lineno > len(lines):
            continue
        after = lines[value.end_lineno - 1].encode("utf-8")[value.end_col_offset:].decode("utf-8", "replace")
        rest = after.lstrip()
        if rest.startswith("=") and not rest.startswith("=="):
            return True
    return False
