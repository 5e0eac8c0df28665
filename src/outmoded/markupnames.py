"""Is a removed dotted name written only in a docstring's epydoc markup (``L{os.stat_float_times}``)?

Twisted documents its API in epydoc: ``L{os.stat_float_times}``, ``C{os.stat_float_times(True)}``
in python/filepath.py's ``FilePath`` docstring, the only place the file names it.  Its import of
``os`` reaches the name (``Imports.reaches``), and the class body holding the docstring was read
and parsed for nothing.  In code, a name right before ``{`` never parses: such a spelling is
text, unless an f-string (or a t-string) makes ``{...}`` a replacement field.  So where every
occurrence of the name's last part is written ``X{module.name`` and the file writes no f- or
t-string prefix, no reference to it is code (``prefilter.Needle.holds``).
"""

from __future__ import annotations

from outmoded.importlines import IDENTIFIER_SET, word_positions

# a string prefix making {...} code: f, t, and with r, either order, any case (b has no f)
TEMPLATE_PREFIXES = tuple(p + q for p in (b"", b"r", b"R") for q in (b"f", b"F", b"t", b"T")) + tuple(
    q + p for p in (b"r", b"R") for q in (b"f", b"F", b"t", b"T"))


def only_in_markup(dotted: bytes, data: bytes) -> bool:
    """Is each occurrence of ``dotted``'s last part (a whole word) written ``X{dotted``, X a name's
    character, in a file with no f- or t-string?"""
    head, _, leaf = dotted.rpartition(b".")
    before = b"{" + head + b"."
    for at in word_positions(leaf, data):
        opening = at - len(before)
        if opening < 1 or data[opening:at] != before or data[opening - 1] not in IDENTIFIER_SET:
            return False
    return not _templates(data)


def _templates(data: bytes) -> bool:
    """Does the file write a string prefix that makes ``{...}`` code (an f- or t-string), or may it?"""
    for prefix in TEMPLATE_PREFIXES:
        for quote in (b'"', b"'"):
            at = data.find(prefix + quote)
            while at >= 0:
                if not at or data[at - 1] not in IDENTIFIER_SET:
                    return True
                at = data.find(prefix + quote, at + 1)
    return False
