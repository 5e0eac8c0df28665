"""Text that CPython reads but LibCST does not write back as it was, found without LibCST.

``fix`` makes every edit that is not a plain rename (``shapes.plain_rename``) with LibCST, and
refuses a file whose LibCST module does not reproduce it exactly (``fixes.apply``: "LibCST does not
reproduce this file exactly"); the plain renames are then made without it (``fixes.plain``).
``check`` must not promise the others there, and must not run LibCST to know (it is not even
imported by ``check``): ``gap`` looks for the known signatures in the text instead.

- ``except X :``: LibCST (1.0.1 here, still 1.8.6: its issue 1457) drops the space before the
  colon of a handler with a type and no ``as``.  Among 7,046 modules of 40 old releases that
  CPython parses, LibCST failed to reproduce 4: logilab-common 1.4.2's ``tree.py:94`` and
  ``optik_ext.py:153`` are this form (SQLAlchemy 1.2.19's ``orm/session.py`` has it too); the two
  others (boto 2.49.0) end in a whitespace-only line, which the fixer handles (``fixes._for_libcst``).

A match anywhere in the file withdraws the promise (the fixer gives LibCST only the statements it
changes, so it may have managed): never a ``[*]`` that ``fix`` leaves.
"""

from __future__ import annotations

import re

# a handler with a type and no ``as``, whitespace before its colon (``except* E :`` too)
# (a literal first: the search skips to each ``except``; where it starts a line is asked after)
EXCEPT_SPACE = re.compile(r"except\b(?:(?!\bas\b)[^:\n#])*[^\s:*][ \t]+:")


def gap(text: str | None) -> str | None:
    """Where LibCST would not reproduce ``text`` (``line N, `except X :```), or None."""
    if not text or "except" not in text:
        return None
    for found in EXCEPT_SPACE.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        if not text[start:found.start()].strip(" \t"):
            return f"line {text.count(chr(10), 0, start) + 1}, `{found.group()}`"
    return None
