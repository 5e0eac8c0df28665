"""A fix that would write a string where no quote is left gets no automatic fix.

``outmoded.fixes.quotes`` writes the strings of a catalog ``rewrite`` (``digestmod="md5"``,
``locale.setlocale(locale.LC_ALL, "")``) inside f-strings' replacement fields with a quote that
works on every Python (``outmoded.fstringquotes``).  In ``f"{len(f'{hmac.new(k, m).hexdigest()}')}"``
the fields of a ``"`` and a ``'`` f-string hold the call: before Python 3.12 neither quote can be
written there, so the fixer leaves the call (``not fixed``), and ``check`` must not promise it.
"""

from __future__ import annotations

import ast
import re

from outmoded.fixability.spots import spanning
from outmoded.fstringquotes import delimiter, writable_quote
from outmoded.newlines import split_lines

_STRING = re.compile(r"""("|')(.*?)\1""")  # a string of a rewrite template (none holds its own quote)


def no_quote_left(finding, template: str | None, tree: ast.Module, text: str | None) -> bool:
    """Would a string of ``template`` (the entry's rewrite) written at the finding (1-based column)
    find no quote the f-strings around it leave?"""
    if not template or text is None or ("'" not in template and '"' not in template):
        return False
    at = (finding.line, finding.column - 1)
    lines, taken = None, set()
    for node in spanning(tree, (finding.line,)):
        if not isinstance(node, ast.JoinedStr):
            continue
        if not any(isinstance(part, ast.FormattedValue) and (part.value.lineno, part.value.col_offset) <= at
                   <= (part.value.end_lineno, part.value.end_col_offset) for part in node.values):
            continue
        lines = lines or split_lines(text)  # as Python counts lines: not at a form feed
        if node.lineno > len(lines):
            return False
        taken.add(delimiter(lines[node.lineno - 1].encode("utf-8")[node.col_offset:].decode("utf-8", "replace")))
    return bool(taken) and any(writable_quote(quote, body, taken) is None
                               for quote, body in _STRING.findall(template))
