"""The newlines a source's lines are split at: ``\\r\\n``, ``\\r`` and ``\\n``, as Python's parser
counts lines (and the C and workflow checkers, whose findings ``# noqa`` reads by those lines).

Its own module so that the checkers of files that are not Python need not import the Python
scanner (``outmoded.scan``) for it; compiled on first use (``outmoded.lazyre``).
"""

from __future__ import annotations

from outmoded.lazyre import LazyPattern

NEWLINE_RE = LazyPattern(r"\r\n|\r|\n")
