"""Regular expressions compiled at first use, so that importing a module does not import ``re``, and
searched where they can match (``search_near``).

Importing ``re`` (with ``enum``, its flags' type) is about a fifth of the instructions of a
one-file check the prefilter clears, and that run uses no regular expression: version options,
file names and the prefilter's word test are read with ``str``/``bytes`` methods.  A module-level
pattern that only some runs use is written ``NAME = LazyPattern(r"...")``: the same methods as the
compiled pattern (``match``, ``search``, ``findall``, ``finditer``, ``sub``, ``split``, ...),
compiled, and ``re`` imported, on the first call.
"""

from __future__ import annotations


class LazyPattern:
    """``re.compile(pattern, flags)``, done on first use; every attribute is the compiled
    pattern's (after the first lookup, straight from this instance's ``__dict__``)."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern = pattern
        self.flags_given = flags

    def compiled(self):
        import re

        compiled = re.compile(self.pattern, self.flags_given)
        for name in ("match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"):
            self.__dict__[name] = getattr(compiled, name)  # later calls skip __getattr__
        self.__dict__["compiled"] = lambda: compiled
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # copy/pickle probing for special methods
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def word_re(word: str | bytes):
    """``re.compile(r"\\b" + re.escape(word) + r"\\b")`` (bytes give a bytes pattern), written to
    start with the word itself when its first and last characters are word characters: sre then
    skips straight to each occurrence instead of trying the boundary at every position.  The
    same matches: before the word, a lookbehind over the word and the character before it."""
    import re

    escaped = re.escape(word)
    bound = rb"\w" if isinstance(word, bytes) else r"\w"
    if not (word and re.match(bound, word[:1]) and re.match(bound, word[-1:])):
        return re.compile(rb"\b" + escaped + rb"\b" if isinstance(word, bytes) else r"\b" + escaped + r"\b")
    return re.compile(escaped + b"(?<!\\w" + escaped + b")(?!\\w)" if isinstance(word, bytes)
                      else escaped + "(?<!\\w" + escaped + ")(?!\\w)")


def quoted_re(name: str):
    """``re.compile(r"['\"]" + re.escape(name) + r"['\"]")``: the name written alone in quotes
    (``getattr(self, "name")``, ``__all__``), written to start with the name, so sre skips to each
    occurrence instead of trying the quote class at every position; the quote before it is read by
    a look-behind over the name.  The same first match (``search``: is there one?), at the name."""
    import re

    escaped = re.escape(name)
    return re.compile(escaped + "(?<=['\"]" + escaped + ")['\"]")


_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def word_starts(word: str, text: str):
    """Where ``word_re(word).finditer(text)`` matches, found with ``str.find`` when the word is an
    ASCII name (each worker would compile a pattern per name it asks about; a name's bounded
    occurrences never overlap, so each is a match): ``\\w`` beside it, as sre reads it in a str
    pattern, is a character ``isalnum()`` or ``_``.  Other words use the pattern."""
    if not (word and word.isascii() and _ASCII_WORD.issuperset(word)):
        yield from (match.start() for match in word_re(word).finditer(text))
        return
    size, length = len(text), len(word)
    position = text.find(word)
    while position >= 0:
        end = position + length
        if (not position or not (text[position - 1].isalnum() or text[position - 1] == "_")) \
                and (end == size or not (text[end].isalnum() or text[end] == "_")):
            yield position
            position = text.find(word, end)
        else:
            position = text.find(word, position + 1)


def words_in(word: str, text: str, enough: int) -> int:
    """``len(word_re(word).findall(text))``, counted only up to ``enough``."""
    count = 0
    if enough > 0:
        for _ in word_starts(word, text):
            count += 1
            if count >= enough:
                break
    return count


def quoted(name: str, text: str) -> bool:
    """Is ``quoted_re(name).search(text)`` a match: ``name`` in quotes, a quote on each side?"""
    position = text.find(name, 1) if name else -1
    while position > 0:
        end = position + len(name)
        if text[position - 1] in "'\"" and text[end:end + 1] in ("'", '"'):
            return True
        position = text.find(name, position + 1)
    return False if name else quoted_re(name).search(text) is not None


def search_near(pattern, data: bytes, needle: bytes, over_lines: bool = False) -> bool:
    """Is ``pattern.search(data)`` a match, for a pattern each of whose matches holds ``needle``
    and no newline, searched only on the lines holding ``needle``?  A pattern starting with a
    class or ``^`` is tried at every position (``['"][\\w.:/-]*\\bnews\\b``: ~300 instructions a
    byte, 32M over the four files of Twisted 18.9 the verdict of ``twisted.news`` reads); a
    ``find`` of the needle costs a few.  ``over_lines``: a match may also start on an earlier line,
    ending with ``needle``'s line: from a ``\\`` ending the line before (``\\\\\\r?\\n``), or from a
    line opening a parenthesis it does not close before the needle (``\\([^)]*``), so the window
    starts at the line of the last ``)`` before the needle.  Each window is searched with ``pos``
    at a line start and ``endpos`` at a newline or the end: ``^``, ``\\b`` and look-behinds see the
    whole text, as a search of all of it does, and the end of a window is a newline, no word
    character; windows that overlap are searched once, as one."""
    if not needle or b"\n" in needle:  # (a file name may hold one)
        return pattern.search(data) is not None
    size, find, rfind = len(needle), data.find, data.rfind
    at = find(needle)
    start = end = -1  # the window being widened
    while at >= 0:
        line_end = find(b"\n", at + size)
        line_end = len(data) if line_end < 0 else line_end
        line_start = rfind(b"\n", 0, at) + 1
        if over_lines:
            close = rfind(b")", 0, at)
            line_start = min(rfind(b"\n", 0, close) + 1 if close > 0 else 0, max(0, line_start - 3))
        if line_start > end:  # a window apart from the one before
            if start >= 0 and pattern.search(data, start, end):
                return True
            start = line_start
        end = line_end
        at = find(needle, line_end)
    return start >= 0 and pattern.search(data, start, end) is not None
