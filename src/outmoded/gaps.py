"""A name written with gaps around its dots (``(os\n    .path)``, ``x. \\\n  b``, a comment
between): ``GAP``, what may stand between tokens inside brackets, and the bytes-method readings
of a spelling with gaps, for the prefilter (``importlines.spelled_through``: a dotted name
reached through an import binding; ``literals.Attribute``: ``.name``).  Each reading answers as
the pattern of the spelling would (tests/test_prefilter.py compares them on generated texts),
without compiling it: a cold check's first-pass workers compiled one per name asked.
"""

from __future__ import annotations

from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools

GAP = rb"(?:[ \t\f\r\n\\]|#[^\r\n]*[\r\n])*"  # between tokens inside brackets: spaces, lines, comments
# after a name written as a literal (sre skips to it): neither the tail nor the start of a longer
# name.  ``\w`` of a bytes pattern is [A-Za-z0-9_]; ``\b`` after a name's last letter is
# ``(?![A-Za-z0-9_])``.  Each worker compiles these patterns on first use: spelled with classes,
# ``(?<![A-Za-z0-9_]int)(?![A-Za-z0-9_])``, ``int``'s cost 4x as much (sre's charset optimiser)
BOUNDARY = rb"\b(?<!\w%s)"
IDENTIFIER_SET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")  # a name's bytes: \w


GAP_ENDS = frozenset(b" \t\f\r\n\\")  # a gap's last byte: a blank, a backslash, a comment's line end


def gapped(dotted: bytes, data: bytes) -> bool:
    """Can ``written_spaced(dotted)`` say yes where ``dotted`` is not ``importlines._written`` (then a dot has
    a gap)?  A necessary condition: a part after a dot is ``written_after_gap``.  Most files
    holding a needle's words have none: they are spared the walk from each occurrence of the
    first part."""
    return any(written_after_gap(part, data) for part in dotted.split(b".")[1:])


def written_after_gap(word: bytes, data: bytes) -> bool:
    """Is ``word`` written with no name byte after it, right after a dot that follows a gap, or
    after a gap (back over blanks: a dot, or a line end, which may end a comment)?  What a gap
    between a dot and a word leaves, found with ``bytes.find``; an empty word: yes."""
    position = data.find(word, 1) if word else 0
    while position > 0:
        end, before = position + len(word), position - 1
        if end == len(data) or data[end] not in IDENTIFIER_SET:
            if data[before] == 46:  # `.`
                if before and data[before - 1] in GAP_ENDS:
                    return True
            elif data[before] in GAP_ENDS:
                while before >= 0 and data[before] in b" \t\f\\":
                    before -= 1
                if before >= 0 and data[before] in b".\r\n":
                    return True
        position = data.find(word, position + 1)
    return not word


def dotted_after_gap(word: bytes, data: bytes) -> bool:
    """Is ``word`` (a name) written after a dot and a gap (``GAP``), with no name byte after it:
    ``\\.`` + ``GAP`` + ``word`` + ``\\b`` (``literals.Attribute``'s pattern) read with bytes
    methods, back from each occurrence, no pattern compiled.  A line end before the word may end
    a comment started by any ``#`` of its line: each is tried (``_dot_before``)."""
    size, length = len(data), len(word)
    at = data.find(word)
    while at >= 0:
        end = at + length
        if (end == size or data[end] not in IDENTIFIER_SET) and _dot_before(data, at):
            return True
        at = data.find(word, at + 1)
    return False


def _dot_before(data: bytes, at: int) -> bool:
    """Does a gap (``GAP``, maybe empty) that follows a dot end at ``at``?  Read backwards: a
    blank or a backslash is a gap's; a line end is one too, or ends a comment from a ``#`` of its
    line (each is a way back, tried in turn; a position is tried once)."""
    ways, tried = [at], set()
    while ways:
        position = ways.pop() - 1
        while position >= 0:
            byte = data[position]
            if byte == 46:  # `.`
                return True
            if byte in _LINE_ENDS:
                line = data.rfind(b"\n", 0, position)  # the line's start, after a line end
                line = max(line, data.rfind(b"\r", line + 1, position)) + 1
                comment = data.find(b"#", line, position)
                while comment >= 0:
                    if comment not in tried:
                        tried.add(comment)
                        ways.append(comment)
                    comment = data.find(b"#", comment + 1, position)
            elif byte not in _BLANKS:
                break
            position -= 1
    return False


_LINE_ENDS = frozenset(b"\r\n")
_BLANKS = frozenset(b" \t\f\\")  # a gap's bytes but line ends


def written_spaced(dotted: bytes, data: bytes) -> bool:
    """Is ``a.b.c`` written with gaps around its dots (``(a\n    .b.c)``): the first part, after no
    name byte, then for each further part a gap (``GAP``: blanks, line ends, backslashes, comments
    ended by a line end), a dot, a gap and the part, the last with no name byte after it.  Only
    asked where the plain spelling is absent and ``gapped`` says a gap may be there.  Read with
    bytes methods, no pattern compiled: each gap is skipped whole (nothing a gap holds is a dot or
    a name byte, so a shorter gap never matches where the whole one does not); a cold check of
    Twisted 18.9 had its first-pass workers compile 18 such patterns, one per dotted name asked.
    A part that is not a name (never, for a name reached through an import), or a first part
    written more than ``WALKED`` times (``re`` of ``re.template``: in every ``return``), is
    searched with the pattern (``_spaced``, compiled once a process): walked from each ``re``,
    Django 5.2.8's 15 files asking ``re.template`` cost 29M instructions more than the pattern.
    tests/test_prefilter.py compares both on generated texts."""
    first, *rest = parts = dotted.split(b".")
    if not all(part and IDENTIFIER_SET.issuperset(part) for part in parts) or data.count(first) > WALKED:
        return _spaced(dotted).search(data) is not None
    size = len(data)
    at = data.find(first)
    while at >= 0:
        if not at or data[at - 1] not in IDENTIFIER_SET:
            position = at + len(first)
            for part in rest:
                position = _gap_end(data, position, size)
                if position >= size or data[position] != 46:  # `.`
                    break
                position = _gap_end(data, position + 1, size)
                if not data.startswith(part, position):
                    break
                position += len(part)
            else:
                if position == size or data[position] not in IDENTIFIER_SET:
                    return True
        at = data.find(first, at + 1)
    return False


# a first part written more often is searched with the pattern: of 64, 128, 512 and 2,048, the
# fewest instructions over the spellings a cold check of Twisted 18.9 and Django 5.2.8 asked
WALKED = 128


@lru_cache(maxsize=1024)
def _spaced(dotted: bytes):  # -> re.Pattern (re imported on first use)
    """``written_spaced``'s pattern: ``a.b.c`` with gaps around the dots."""
    import re

    first, *rest = map(re.escape, dotted.split(b"."))
    # a literal first (sre skips to it), then: not the end of a longer name, nor its start
    return re.compile(first + BOUNDARY % first + b"".join(GAP + rb"\." + GAP + part for part in rest) + rb"\b")


def _gap_end(data: bytes, position: int, size: int) -> int:
    """Where the gap (``GAP``, maybe empty) starting at ``position`` ends: blanks, line ends and
    backslashes, and comments each ended by a line end (one running to the end of the text is
    no gap: the gap ends at its ``#``)."""
    while position < size:
        byte = data[position]
        if byte in GAP_ENDS:
            position += 1
        elif byte == 35:  # `#`: a comment, up to its line end
            newline = data.find(b"\n", position)
            carriage = data.find(b"\r", position, size if newline < 0 else newline)
            end = carriage if carriage >= 0 else newline  # the comment's line end
            if end < 0:
                return position
            position = end + 1
        else:
            return position
    return position
