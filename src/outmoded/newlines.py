"""The newlines a source's lines are split at: ``\\r\\n``, ``\\r`` and ``\\n``, as Python's parser
counts lines (and the C and workflow checkers, whose findings ``# noqa`` reads by those lines).

Its own module so that the checkers of files that are not Python need not import the Python
scanner (``outmoded.scan``) for it; compiled on first use (``outmoded.lazyre``).  A text without
``\\r`` (most) is split by ``str.split``, not the pattern: the same lines, several times faster.
"""

from __future__ import annotations

from itertools import accumulate

from outmoded.lazyre import LazyPattern

NEWLINE_RE = LazyPattern(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """``NEWLINE_RE.split(text)``: the text's lines, without their newlines."""
    return NEWLINE_RE.split(text) if "\r" in text else text.split("\n")


def line_offsets(text: str) -> list[int]:
    """Where each line starts, then the text's end: [0, start of line 2, ..., len(text)]."""
    if "\r" in text:
        return [0] + [m.end() for m in NEWLINE_RE.finditer(text)] + [len(text)]
    offsets = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]  # no Match objects
    offsets[-1] = len(text)
    return offsets
