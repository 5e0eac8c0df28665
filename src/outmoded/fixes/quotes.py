"""Strings a fix writes inside an f-string's replacement field take a quote the f-string does not use.

Before Python 3.12 a replacement field cannot hold the quote that delimits its f-string:
``f"{hmac.new(key, msg)}"`` given the catalog's ``digestmod="md5"`` would read
``f"{hmac.new(key, msg, digestmod="md5")}"``, a SyntaxError on 3.8-3.11 (and, written by an
outmoded running on 3.12 or later, a file that compiles there and nowhere older).  The string
gets the other quote instead: ``digestmod='md5'``, the same value on every Python; inside a
triple-quoted f-string it keeps its own (``outmoded.fstringquotes``).
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from outmoded.fstringquotes import delimiter, writable_quote


def fstring_quote(node: cst.FormattedString) -> str:
    """The quote delimiting an f-string (``\"\"\"`` for ``rf\"\"\"...\"\"\"``, ``"`` for ``f"..."``)."""
    return delimiter(node.start)


class _Requote(cst.CSTTransformer):
    def __init__(self, taken: frozenset[str]):
        super().__init__()
        self.taken = taken
        self.impossible = False

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString):
        quote = updated_node.quote
        new = writable_quote(quote, updated_node.raw_value, self.taken)
        if new is None:
            self.impossible = True
            return updated_node
        if new == quote:
            return updated_node
        return updated_node.with_changes(value=f"{updated_node.prefix}{new}{updated_node.raw_value}{new}")


def requote(node: cst.CSTNode, taken: frozenset[str]) -> Optional[cst.CSTNode]:
    """``node`` with every string that would break out of the fields of the f-strings around it
    (delimited by the ``taken`` quotes) written with the other quote; None where a string cannot be
    (``outmoded.fstringquotes``: both quotes taken, or the other one inside it)."""
    if not taken:
        return node
    transformer = _Requote(taken)
    result = node.visit(transformer)
    return None if transformer.impossible else result
