"""A file's text with its comments removed and each string written ``"`` (``masked``): the same
lines, where brackets, colons and keywords are code, for readings that find statements without
parsing (``sieve``).  A string over several lines keeps its lines, each after the first marked
``CONTINUED``.  Whatever the masking cannot vouch for raises ``Doubt``: an unterminated string, an
f-string that may nest its own quotes (PEP 701, a syntax error before 3.12), Python 2 syntax
(``python2``: a print or exec statement, ``except X, e:``, ``raise E, V``, backquotes, ``<>``,
``ur''`` strings, ``0777``, ``10L``), ``async``/``await`` used as a name: the caller then parses
the whole file, so its syntax error is reported as before.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import itemgetter

from outmoded.lazyre import LazyPattern
from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools
from outmoded.oldsyntax import keyword_as_name

# what the tokenizer stops at: a comment, or a string (its prefix letters are code and stay); a
# string missing its closing quote runs to the end of its line (or of the text), so sre never
# backtracks: at each position inside a string exactly one alternative matches
TOKEN_RE = LazyPattern(r"""(\x01(?!)|#[^\n]*|'''[^'\\]*+(?:(?:\\.|\\\Z|'(?!''))[^'\\]*+)*+(?:'''|\Z)"""
                       r"""|\"\"\"[^"\\]*+(?:(?:\\.|\\\Z|"(?!""))[^"\\]*+)*+(?:\"\"\"|\Z)"""
                       r"""|'[^'\\\n]*+(?:(?:\\.|\\\Z)[^'\\\n]*+)*+(?:'|\n|\Z)"""
                       r"""|"[^"\\\n]*+(?:(?:\\.|\\\Z)[^"\\\n]*+)*+(?:"|\n|\Z))""",
                       16)  # re.S; a string's body is a run of plain characters, then (an escape or a lone
# quote, then such a run) repeated, possessively: sre tries no alternative at each plain character
# The first alternative never matches ((?!) fails): it puts \x01 among the characters sre looks
# for to start a match, which makes that set of four a bitmap tested once per character where
# the three it needs, #, ' and ", are tested in turn (a quarter of the split's time on Twisted's
# files; the same pieces)
TOKEN_BYTES_RE = LazyPattern(TOKEN_RE.pattern.encode(), 16)  # the same, for a file's bytes (``Literals``)

# Python 2 statements and literals no Python 3 parses (print and exec statements, except X, e: and
# except (A, B), e: (one pattern), raise E, V, backquotes, <>, ur'' strings, 0777, 10L): a file
# holding one is parsed whole, so its syntax error is reported as before even where it sits in a
# body the sieve would leave out.  Each
# pattern starts with a literal, so sre skips straight to it; ``python2`` looks at what stands
# before each match.
PYTHON2_STATEMENTS = [(keyword, LazyPattern(keyword + rest)) for keyword, rest in (  # (its keyword, looked for first)
    ("print", r"[ \t]+[^ \t\n(=.,;)\]}+*/%&|^<>!-]"), ("exec", r"[ \t]+[^ \t\n(=.,;)]"),
    ("except", r"(?:[ \t]+[\w.]+|[ \t]*\([^()\n]*\))[ \t]*,"), ("raise", r"[ \t]+[\w.]+[ \t]*,"))]
PYTHON2_NUMBERS = [LazyPattern(r"0[0-9]+(?![\w.])"), LazyPattern(r"L(?![\w.])")]  # 0777; 10L (checked: digits before)
CONTINUED = "\x00"  # starts a masked line that begins inside a string


class Doubt(Exception):
    """The text is not what the reading expects: parse the whole file."""


_LAST_TWO = itemgetter(slice(-2, None))


def masked(text: str) -> str:
    """``text`` with comments removed and each string written ``"``, a line starting inside a
    string marked with ``CONTINUED``: the same lines, where brackets and colons are code."""
    return mask(text)[0]


def mask(text: str, words: frozenset | None = None) -> tuple[str, list[int], list[int]]:
    """(``masked(text)``, where each of its pieces ends in it, where in ``text``): the pieces are
    the stretches of code and the tokens (strings, comments) between them, in turn; a position of
    the masked text in code is ``text``'s at the same distance from its piece's start
    (``origin``).  ``words``: the words of ``prefilter.SYNTAX_WORDS`` (bytes) the text names
    (``sieve.sift``'s), the only print / exec statements, ``ur`` prefixes and ``async`` / ``await``
    names looked for (each holds its word, which the prefilter's split of the file finds as one:
    code outside strings and comments is the file's, and masking keeps what stands beside a word
    not a word's character); None: all are."""
    pieces = TOKEN_RE.split(text)  # code, token, code, ..., code
    text_ends = list(accumulate(map(len, pieces)))
    tokens = pieces[1::2]
    if tokens and not _terminated(tokens[-1]):
        raise Doubt("unterminated string")  # only the last token can run to the end of the text
    # the last two characters of the code before each token, lowered, each followed by \x01: an
    # f-string's prefix ends with f, or is fr (most files have none, and no token is looked at)
    ends = "\x01".join(map(_LAST_TWO, pieces[:-1:2])).lower() + "\x01"
    for number, token in enumerate(tokens if "f\x01" in ends or "fr\x01" in ends else ()):
        if token[0] != "#" and pieces[2 * number][-2:].lower().rstrip("r")[-1:] == "f":
            inner = token.replace("{{", "").replace("}}", "")
            if inner.count("{") != inner.count("}"):
                raise Doubt("an f-string that may nest its quotes")  # PEP 701: a syntax error before 3.12
    pieces[1::2] = ["" if token[0] == "#" else '"' if "\n" not in token else _lines_of(token) for token in tokens]
    text = "".join(pieces)
    named = None if words is None else _spoken(words)
    if python2(text, named) or keyword_as_name(text, named):
        raise Doubt("Python 2 syntax")  # a file that cannot be parsed is said so: parsed whole
    return text, list(accumulate(map(len, pieces))), text_ends


def origin(at: int, masked_ends: list[int], ends: list[int]) -> int:
    """Where the position ``at`` of a masked text, in code or at a token's start, is in its text
    (``mask``'s ends)."""
    piece = bisect_right(masked_ends, at)
    return at if not piece else ends[piece - 1] + at - masked_ends[piece - 1]


def python2(masked: str, words: frozenset | None = None) -> bool:
    """Does the masked text hold Python 2 syntax: a statement at the start of its line, a
    literal that is not the tail of a name or of a longer number?  ``words``: of ``print``,
    ``exec`` and the ``ur`` prefix's spellings, those the text names (``mask``'s, decoded), the
    only ones looked for; None: all."""
    if "`" in masked or "<>" in masked:
        return True
    find = masked.find
    for keyword, pattern in PYTHON2_STATEMENTS:  # finditer's matches: str.find skips to each keyword (sre searching for it costs more a character)
        if words is not None and keyword in _WORDED and keyword not in words:
            continue  # a statement the text does not name: no pass over it
        match = pattern.match
        position = find(keyword)
        while position >= 0:
            found = match(masked, position)
            if found is None:
                position = find(keyword, position + 1)
            elif not masked[masked.rfind("\n", 0, position) + 1:position].strip(" "):
                return True
            else:
                position = find(keyword, found.end())
    spellings = _UR if words is None else tuple(spelling for spelling in _UR if spelling in words)
    for prefix in (spelling + '"' for spelling in spellings) if spellings and ('r"' in masked or 'R"' in masked) else ():
        found = masked.find(prefix)
        while found >= 0:
            if not _in_name(masked[found - 1:found]):
                return True
            found = masked.find(prefix, found + 1)
    for number, pattern in enumerate(PYTHON2_NUMBERS):
        for match in pattern.finditer(masked):
            start = match.start()
            if number:  # L after digits
                while start > 0 and masked[start - 1].isdigit():
                    start -= 1
                if start == match.start():
                    continue
            if not _in_name(masked[start - 1:start]) and masked[start - 1:start] != ".":
                return True
    return False


_WORDED = frozenset(("print", "exec"))  # the statements of PYTHON2_STATEMENTS among SYNTAX_WORDS
_UR = ("ur", "uR", "Ur", "UR")


@lru_cache(maxsize=None)
def _spoken(words: frozenset) -> frozenset:
    """``words`` (bytes) decoded, kept per set of words (a few sets recur over a run's files)."""
    return frozenset(word.decode() for word in words)


def _in_name(character: str) -> bool:
    return character.isalnum() or character == "_"


def _lines_of(token: str) -> str:
    """A string token over several lines, masked.  A triple-quoted one is terminated unless it
    runs to the end of the text (``TOKEN_RE``), and ``masked`` tests the last token itself; a
    single-quoted one over several lines ends at a line end, or goes on after a backslash."""
    if not token.startswith(token[0] * 3) and not _terminated(token):
        raise Doubt("unterminated string")
    return '"' + ("\n" + CONTINUED) * token.count("\n")


def _terminated(token: str) -> bool:
    if token[0] == "#":
        return True
    quote = token[:3] if token[:3] in ("'''", '"""') else token[0]
    return len(token) >= 2 * len(quote) and token.endswith(quote) and not _escaped(token, len(token) - len(quote))


def _escaped(token: str | bytes, position: int, backslash: str | bytes = "\\") -> bool:
    """Is the character at ``position`` escaped by an odd run of backslashes before it
    (``backslash``: b"\\" for bytes)?"""
    run = position
    while run > 0 and token[run - 1:run] == backslash:
        run -= 1
    return (position - run) % 2 == 1


class Literals:
    """Where a text's (``str`` or ``bytes``) strings and comments are, read by ``TOKEN_RE`` from
    its start as far as the questions asked need (``oldsyntax``: a print statement or ``raise E,
    V`` written in a docstring is no statement, and the file need not be parsed for it).  Only
    what the reading vouches for is said to be inside one: from an unterminated string, or an f-
    or t-string holding a replacement field (its expressions may hold its own quotes from 3.12,
    PEP 701), on, nothing is."""

    __slots__ = ("text", "tokens", "token", "asked", "marks")

    def __init__(self, text: str | bytes):
        self.text = text
        self.marks = _STR_MARKS if isinstance(text, str) else _BYTES_MARKS
        self.tokens = (TOKEN_RE if isinstance(text, str) else TOKEN_BYTES_RE).finditer(text)
        self.asked = 0
        self.token = self._next()  # the first token not ending at or before the last position asked

    def covers(self, at: int) -> bool:
        """Is the character at ``at`` inside a string or a comment (surely)?  Asked in increasing
        order, the text is read once."""
        if at < self.asked:
            self.__init__(self.text)
        self.asked = at
        token = self.token
        while token is not None and token.end() <= at:
            token = self.token = self._next()
        return token is not None and token.start() < at

    def _next(self):
        """The next token, or None at the end and from a token the reading cannot vouch for."""
        token = next(self.tokens, None)
        if token is None:
            return None
        comment, triples, backslash, brace, raw, prefixes = self.marks
        body = token.group()
        if body[:1] == comment:
            return token
        quote = body[:3] if body[:3] in triples else body[:1]
        if len(body) < 2 * len(quote) or not body.endswith(quote) \
                or _escaped(body, len(body) - len(quote), backslash):
            return None  # unterminated
        start = token.start()
        if brace in body and self.text[max(0, start - 2):start].lower().rstrip(raw)[-1:] in prefixes:
            return None  # an f- or t-string with a replacement field: it may nest its own quotes
        return token


# (comment, triple quotes, backslash, brace, raw prefix, the prefixes whose strings hold expressions)
_STR_MARKS = ("#", ("'''", '"""'), "\\", "{", "r", ("f", "t"))
_BYTES_MARKS = tuple(mark.encode() if isinstance(mark, str) else tuple(m.encode() for m in mark)
                     for mark in _STR_MARKS)
