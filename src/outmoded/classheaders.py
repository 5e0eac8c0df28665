"""Class headers and module-level flag names of one file's text, read without parsing.

``read_headers`` gives the rows ``textindex`` keeps per file: each ``class`` statement's name and
base words, and the names assigned at the start of a line that names a version word (``PY3 =``,
``PY2 =``, ``..._version =``).  Until ``re`` is imported (a one-file check need not import it) the
same matches are found with bytes methods; tests/test_startup.py compares both readings.
"""

from __future__ import annotations

import sys

from outmoded.lazyre import LazyPattern

CLASS_RE = LazyPattern(rb"class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\)|:)")  # a literal first: sre finds it fast
FLAG_WORDS = (b"version", b"PY2", b"PY3")  # version_info, hexversion, python_version, sys.version, six.PY3
FLAG_LINE_RE = LazyPattern(rb"[ \t]*(\w+)[ \t]*=[^=]")  # indented too: `if sys.version_info < (3,): PY3 = False`
WORD_RE = LazyPattern(rb"[A-Za-z_][\w.]*")
KEYWORD_RE = LazyPattern(rb"\w+[ \t]*=[^,]*")  # `metaclass=M` among the bases
# The same reading with bytes methods: a one-file check need not import re (with enum, a quarter
# of its instructions); tests/test_startup.py compares both over generated text and the corpora.
_WORD = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"  # \w of a bytes pattern
_WORDS = frozenset(_WORD)
_BLANKS = frozenset(b" \t")
_NAME_START = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_DOTTED = bytes(c if c in _WORD or c == ord(".") else 32 for c in range(256))  # [\w.] kept, the rest a space


def read_headers(data: bytes) -> tuple[list, list]:
    """(class headers, flag names) of one file's text."""
    headers = []
    for start, name, between in _class_headers(data):
        line = data.rfind(b"\n", 0, start) + 1
        if line < start and data[line:start].strip(b" \t"):
            continue  # not a class statement ("subclass(", a string)
        if between:  # ``class Mixin:`` lists no base, but other classes may list it
            if between.find(b"=") >= 0:
                between = _without_keywords(between)
            headers.append((name.decode(), tuple([w.decode() for w in _dotted_words(between) if w != b"object"])))
        else:
            headers.append((name.decode(), ()))
    flags, lines = [], set()
    assigned_name = FLAG_LINE_RE.match if "re" in sys.modules else _assigned_name_match
    for positions in _flag_words(data):  # bytes.find runs in C; an alternation regex tries every position
        for position in positions:
            line = data.rfind(b"\n", 0, position) + 1
            if line not in lines:
                lines.add(line)
                assigned = assigned_name(data, line)
                if assigned:  # at the start of a line: module level
                    flags.append(assigned[1].decode())
    return headers, flags


def _flag_words(data: bytes) -> tuple[list, list, list]:
    """Where each of ``FLAG_WORDS`` is written (its positions in order, each word's in turn):
    ``PY2`` and ``PY3`` are found in one pass over the text for their rarest byte, ``Y``, each
    checked where it is: a search for one byte is ``memchr``'s, well under an instruction a
    byte, where ``bytes.find`` of ``PY`` costs more than the search for ``version`` (Twisted
    18.9's 12 MB write ``Y`` 2,869 times; a search for ``v`` of ``version``, 60,061 there, would
    cost more than the word's).  Callgrind of ``_flag_words`` over Twisted 18.9's 852 files:
    74M -> 36M instructions."""
    found = []
    position = data.find(b"version")
    while position >= 0:
        found.append(position)
        position = data.find(b"version", position + 1)
    py2, py3 = [], []
    position = data.find(b"Y", 1)
    while position >= 0:
        if data[position - 1] == 80:  # P
            digit = data[position + 1:position + 2]
            if digit == b"2":
                py2.append(position - 1)
            elif digit == b"3":
                py3.append(position - 1)
        position = data.find(b"Y", position + 1)
    return found, py2, py3


def _class_headers(data: bytes) -> list[tuple[int, bytes, bytes | None]]:
    """(start, name, text between the brackets or None for ``class Name:``) of each match of
    ``CLASS_RE``.  Once ``re`` is imported (a large run has imported it to parse) the regex, which
    runs in C; before, the same matches found with bytes methods: ``class``, blanks, a word,
    blanks, then ``(`` up to the next ``)``, or ``:``."""
    if "re" in sys.modules:
        # ``CLASS_RE.finditer(data)``'s matches: bytes.find skips to each ``class``, the pattern
        # is matched there (sre's search for the literal costs ~7.5 instructions a byte, find ~2.4)
        found, match, find = [], CLASS_RE.match, data.find
        position = find(b"class")
        while position >= 0:
            header = match(data, position)
            if header is None:
                position = find(b"class", position + 1)
            else:
                found.append((position, header[1], header[2]))
                position = find(b"class", header.end())
        return found
    return _class_headers_found(data)


def _class_headers_found(data: bytes) -> list[tuple[int, bytes, bytes | None]]:
    found = []
    position = data.find(b"class")
    while position >= 0:
        after = position + 5
        line_end = data.find(b"\n", after)
        line_end = len(data) if line_end < 0 else line_end
        header = data[after:line_end]  # blanks, the name and blanks never cross a line
        stripped = header.lstrip(b" \t")
        name = stripped[:len(stripped) - len(stripped.lstrip(_WORD))]
        if name and len(stripped) < len(header):
            rest = stripped[len(name):].lstrip(b" \t")
            sign = line_end - len(rest)  # where ( or : must be
            if rest[:1] == b"(":
                closing = data.find(b")", sign + 1)
                if closing >= 0:
                    found.append((position, name, data[sign + 1:closing]))
                    position = data.find(b"class", closing + 1)
                    continue
            elif rest[:1] == b":":
                found.append((position, name, None))
                position = data.find(b"class", sign + 1)
                continue
        position = data.find(b"class", position + 1)
    return found


def _dotted_words(text: bytes) -> list[bytes]:
    """``WORD_RE.findall(text)``: each run of ``[\\w.]`` from its first letter or underscore."""
    words = []
    for run in text.translate(_DOTTED).split():
        if run[0] not in _NAME_START:
            run = run.lstrip(b"0123456789.")
            if not run:
                continue
        words.append(run)
    return words


def _without_keywords(text: bytes) -> bytes:
    """``KEYWORD_RE.sub(b"", text)``: a word followed by blanks and ``=`` is cut up to the next comma."""
    kept, keep, position, end = [], 0, 0, len(text)
    while position < end:
        if text[position] not in _WORDS:
            position += 1
            continue
        word_end, after = _word_then_blanks(text, position)
        if after < end and text[after] == ord("="):
            comma = text.find(b",", after)
            kept.append(text[keep:position])
            keep = position = end if comma < 0 else comma
        else:
            position = word_end
    kept.append(text[keep:])
    return b"".join(kept)


def _assigned_name_match(data: bytes, line: int) -> tuple | None:
    """``_assigned_name`` as ``FLAG_LINE_RE.match`` answers: None, or the name at [1]."""
    name = _assigned_name(data, line)
    return None if name is None else (None, name)


def _assigned_name(data: bytes, line: int) -> bytes | None:
    """``FLAG_LINE_RE.match(data, line)[1]``: the name a line starting at ``line`` assigns, if any."""
    end = len(data)
    start = line
    while start < end and data[start] in _BLANKS:
        start += 1
    word_end, after = _word_then_blanks(data, start)
    if word_end > start and after + 1 < end and data[after] == ord("=") and data[after + 1] != ord("="):
        return data[start:word_end]
    return None


def _word_then_blanks(data: bytes, start: int) -> tuple[int, int]:
    """(where the word of name characters at ``start`` ends, where the blanks after it end)."""
    end = len(data)
    word_end = start
    while word_end < end and data[word_end] in _WORDS:
        word_end += 1
    after = word_end
    while after < end and data[after] in _BLANKS:
        after += 1
    return word_end, after
