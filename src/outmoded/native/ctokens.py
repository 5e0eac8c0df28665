"""Lexing C, C++ and Cython sources just far enough to find identifiers.

``c_tokens`` yields the identifiers, numbers and punctuation of a C/C++ file, skipping comments,
string and character literals (raw strings too), and marks each token with the preprocessor
directive it belongs to (``#if``, ``#define``, ...).  ``cython_tokens`` does the same for Cython,
whose comments and strings follow Python's rules.  Positions are 1-based lines and columns.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Iterator, NamedTuple, Optional


# NamedTuple's functional form, its fields' types given as classes: the class form's annotations
# are strings here (``from __future__ import annotations``), which NamedTuple compiles each into a
# forward reference (8 ``compile`` calls, 0.9M instructions of the parent importing the checkers)
Token = NamedTuple("Token", [
    ("kind", str),  # "ident" | "number" | "punct"
    ("text", str),
    ("line", int),
    ("column", int),  # 1-based, in characters
    ("offset", int),  # index into the text
    ("directive", int),  # -1 outside preprocessor lines, else the offset of the directive's '#'
])

Comment = NamedTuple("Comment", [("text", str), ("line", int)])


NEWLINE_RE = re.compile(r"\r\n|\r|\n")


class Lines:
    """Offset -> (line, column) for one text.  The line starts are found as far as asked, in
    chunks doubling in size: a question about positions near the start of a file (a CI file's
    first hits, ``flags``, ``workflows``) does not pay for the whole file's."""

    __slots__ = ("text", "starts", "scanned")

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.scanned = 0  # the line starts of text[:scanned] are known

    def position(self, offset: int) -> tuple[int, int]:
        if offset >= self.scanned:
            self._scan(offset)
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def _scan(self, offset: int) -> None:
        text, size = self.text, len(self.text)
        end = min(size, max(offset + 1, 2 * self.scanned, 1024))
        while end < size and text[end - 1] == "\r":  # not between the two characters of a \r\n
            end += 1
        self.starts.extend(m.end() for m in NEWLINE_RE.finditer(text, self.scanned, end))
        self.scanned = end if end < size else size + 1


_C_RE = re.compile(r"""
    (?P<newline>\r\n|\r|\n)
  | (?P<splice>\\[ \t]*(?:\r\n|\r|\n))
  | (?P<space>[ \t\f\v]+)
  | (?P<linecomment>//(?:[^\r\n\\]|\\(?:\r\n|\r|\n)?|\\.)*)
  | (?P<blockcomment>/\*.*?(?:\*/|\Z))
  | (?P<raw>(?:u8|[uUL])?R"(?P<delim>[^ ()\\\t\r\n]{0,16})\()
  | (?P<string>(?:u8|[uUL])?"(?:[^"\\\r\n]|\\(?:\r\n|.))*(?:"|(?=[\r\n])|\Z))
  | (?P<char>(?:u8|[uUL])?'(?:[^'\\\r\n]|\\.)*(?:'|(?=[\r\n])|\Z))
  | (?P<number>\.?[0-9](?:[eEpP][+-]|'[0-9A-Za-z_]|[0-9A-Za-z_.])*)
  | (?P<ident>[A-Za-z_$][0-9A-Za-z_$]*)
  | (?P<punct>->|::|\#\#|&&|\|\||<<|>>|[<>=!]=|.)
""", re.VERBOSE | re.DOTALL)


@lru_cache(maxsize=2)
def token_tuple(text: str) -> tuple:
    """``tuple(c_tokens(text))``, kept for the last two texts asked (a large file's tokens take
    memory): a check reads a C file's live tokens more than once (``capi``: with its own
    directory's headers, then with those above when it names a removed API;
    ``includes.not_compiled``), and tokenizing is most of a read (Twisted 18.9's ``_sendmsg.c``:
    three tokenizations of its 16 KB).  Tokens are immutable."""
    return tuple(c_tokens(text))


def c_tokens(text: str, comments: Optional[list] = None) -> Iterator[Token]:
    """Tokens of a C or C++ source; comments are appended to ``comments`` when given."""
    lines = Lines(text)
    position = 0
    at_line_start = True
    directive = -1
    size = len(text)
    while position < size:
        match = _C_RE.match(text, position)
        kind = match.lastgroup
        start, position = match.start(), match.end()
        if kind == "newline":
            at_line_start, directive = True, -1
            continue
        if kind in ("splice", "space"):
            continue
        if kind in ("linecomment", "blockcomment"):
            if comments is not None:
                comments.append(Comment(match.group(), lines.position(start)[0]))
            continue
        if kind == "raw":
            close = text.find(")" + match.group("delim") + '"', position)
            position = size if close < 0 else close + len(match.group("delim")) + 2
            at_line_start = False
            continue
        if kind in ("string", "char"):
            at_line_start = False
            continue
        if kind == "punct" and match.group() == "#" and at_line_start:
            directive = start
            at_line_start = False
            line, column = lines.position(start)
            yield Token("punct", "#", line, column, start, directive)
            continue
        at_line_start = False
        line, column = lines.position(start)
        yield Token(kind if kind in ("ident", "number") else "punct", match.group(), line, column, start, directive)


_PY_RE = re.compile(r"""
    (?P<newline>\r\n|\r|\n)
  | (?P<space>[ \t\f\\]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>(?:[rRbBuUfFcC]{0,2})(?:'''.*?(?:'''|\Z)|\"\"\".*?(?:\"\"\"|\Z)
        |'(?:[^'\\\r\n]|\\(?:\r\n|.))*(?:'|(?=[\r\n])|\Z)|"(?:[^"\\\r\n]|\\(?:\r\n|.))*(?:"|(?=[\r\n])|\Z)))
  | (?P<number>\.?[0-9](?:[eE][+-]|[0-9A-Za-z_.])*)
  | (?P<ident>[A-Za-z_][0-9A-Za-z_]*)
  | (?P<punct>->|\*\*|//|[<>=!]=|.)
""", re.VERBOSE | re.DOTALL)


def by_line(tokens: list[Token]) -> Iterator[list[Token]]:
    """The tokens of each line that has any, line by line (the lexers yield them in order)."""
    return (list(line) for _, line in groupby(tokens, itemgetter(2)))


def cython_tokens(text: str, comments: Optional[list] = None) -> Iterator[Token]:
    """Tokens of a Cython ``.pyx``/``.pxd``/``.pxi`` file (Python comments and strings).  Every
    character belongs to one match of ``_PY_RE``, so its matches follow each other; lines are
    counted as they pass (a string may hold some)."""
    line, line_start, new = 1, 0, tuple.__new__
    for match in _PY_RE.finditer(text):
        kind = match.lastgroup
        if kind == "newline":
            line, line_start = line + 1, match.end()
        elif kind == "space":
            continue
        elif kind == "string":
            start, end = match.span()
            last = max(text.rfind("\n", start, end), text.rfind("\r", start, end))
            if last >= 0:
                line += text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
                line_start = last + 1
                if last == end - 1 and text[last] == "\r" and text.startswith("\n", end):
                    line -= 1  # the newline token next ends the same \r\n (an unclosed string stops before it)
        elif kind == "comment":
            if comments is not None:
                comments.append(Comment(match.group(), line))
        else:
            start = match.start()
            yield new(Token, (kind, match.group(), line, start - line_start + 1, start, -1))  # ident, number, punct
