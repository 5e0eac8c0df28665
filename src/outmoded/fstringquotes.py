"""Which quotes a string written inside f-strings' replacement fields may take, on every Python.

Before Python 3.12 (PEP 701) a replacement field cannot hold the quote that delimits its f-string.
A field of ``f"..."`` can hold no ``"`` at all; a field of a triple-quoted ``f\"\"\"...\"\"\"`` can
hold a ``"``-quoted string, only not three quotes in a row: ``f\"\"\"{ f'{ "md5" }' }\"\"\"`` prints
``md5`` on pyenv's 3.8, where ``f"{ f'{ "md5" }' }"`` is a SyntaxError.  ``outmoded.fixes.quotes``
writes a fix's strings by these rules; ``outmoded.fixability`` asks them before it promises the fix.
"""

from __future__ import annotations

OTHER = {'"': "'", "'": '"'}


def delimiter(start: str) -> str:
    """The quote delimiting the f-string whose text starts ``start`` (``'"'`` for ``f"x"``,
    ``'\"\"\"'`` for ``rf\"\"\"x\"\"\"``)."""
    rest = start.lstrip("fFrRbBuU")
    return rest[:3] if rest[:3] in ('"""', "'''") else rest[:1]


def clashes(quote: str, body: str, taken) -> bool:
    """Would a string written ``quote + body + quote`` break out of a field of an f-string
    delimited by one of ``taken``: the delimiter's quote anywhere where it is one quote, three in
    a row where it is three?"""
    for outer in taken:
        if outer[0] == quote[0] and (len(outer) == 1 or len(quote) == 3):
            return True
        if outer in body:
            return True
    return False


def writable_quote(quote: str, body: str, taken) -> str | None:
    """``quote`` where the string clashes with none of the ``taken`` delimiters, else the other
    quote (of the same length) where that one does not, else None: no quote is left before 3.12."""
    if not clashes(quote, body, taken):
        return quote
    other = OTHER[quote[0]] * len(quote)
    return None if clashes(other, body, taken) else other
