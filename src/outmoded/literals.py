"""What a needle's ``literal`` searches a file's bytes for: the text a finding cannot be written
without, beyond its words (``prefilter.Needle``).

``Text`` is a regular expression compiled on its first search; its kinds look for one spelling
faster than a pattern would, or check around what a literal search found: ``.name`` as an
attribute access (``Attribute``), a method whose result is tested for truth (``TruthTested``), a
file mode string (``ModeString``), a removed argument passed to a call of its function, by keyword
or position, or with a value it no longer takes (``CallArgument``).  Each must never miss a spelling the
scanner reports (tests/test_prefilter.py generates them for the whole catalog); what it cannot
tell lets the file through.  Built from the catalog by ``catalog.needles``, stored compiled with
the index (``catalog.compiled``: instances of this module's classes are rebuilt from it).
"""

from __future__ import annotations

from outmoded.gaps import BOUNDARY, GAP, IDENTIFIER_SET, dotted_after_gap, written_after_gap
from outmoded.importlines import word_positions


class Text:
    """A regular expression compiled on its first search: most never run, and compiling them
    all at start-up costs more than a small check."""

    def __init__(self, pattern: bytes):
        self.pattern = pattern
        self.compiled = None  # the re.Pattern, compiled on first use (re imported then)

    def __eq__(self, other):
        return type(other) is type(self) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
            self.start = literal_start(self.pattern)
        start = self.start
        if len(start) < 2:  # none, or one character (``.``, ``@``): found too often to be worth a call each
            return self.compiled.search(data) is not None
        # every match starts where ``start`` is written: bytes.find skips to each (sre's search
        # for it costs ~5 instructions a byte, find ~1), the pattern is matched there (its
        # lookbehinds still see the text before)
        match, at = self.compiled.match, data.find(start)
        while at >= 0:
            if match(data, at) is not None:
                return True
            at = data.find(start, at + 1)
        return False


def literal_start(pattern: bytes) -> bytes:
    """The text every match of ``pattern`` starts with: its leading literal characters (letters,
    digits, ``_`` and escaped punctuation), without the last when a quantifier follows it; empty
    when the pattern has an alternative at its top level (``a|b``) or starts otherwise."""
    if _alternated(pattern):
        return b""
    start, at, end = bytearray(), 0, len(pattern)
    while at < end:
        char = pattern[at]
        if char in IDENTIFIER_SET:
            start.append(char)
            at += 1
        elif char == 92 and at + 1 < end and pattern[at + 1] not in IDENTIFIER_SET:  # \( \. \?
            start.append(pattern[at + 1])
            at += 2
        else:
            break
    if at < end and pattern[at] in b"*+?{":
        del start[-1:]
    return bytes(start)


def _alternated(pattern: bytes) -> bool:
    """Does ``pattern`` hold ``|`` outside brackets and character classes?"""
    depth, at, end, in_class = 0, 0, len(pattern), False
    while at < end:
        char = pattern[at]
        if char == 92:  # \: the next character is escaped
            at += 2
            continue
        if in_class:
            in_class = char != 93  # ]
        elif char == 91:  # [: a ] right after [ or [^ is one of the class
            in_class = True
            at += 1 + (pattern[at + 1:at + 2] == b"^")
            if pattern[at:at + 1] == b"]":
                at += 1
            continue
        elif char == 40:
            depth += 1
        elif char == 41:
            depth -= 1
        elif char == 124 and depth == 0:
            return True
        at += 1
    return False


class Attribute(Text):
    """``.name`` as an attribute access can be written: spaces, line breaks (inside brackets),
    backslash continuations and comments may stand between the dot and the name."""

    def __init__(self, name: str):
        import re

        # ``\b`` after the name's last letter: ``(?![A-Za-z0-9_])`` (a bytes pattern's ``\w`` is
        # ASCII), and what a worker compiles on first use costs a quarter less (``BOUNDARY``)
        super().__init__(rb"\." + GAP + re.escape(name.encode()) + rb"\b")
        self.plain = b"." + name.encode()

    def search(self, data: bytes) -> bool:  # without the plain spelling, a gap follows the dot
        name = self.plain[1:]
        if data.find(self.plain) >= 0:
            return True
        if not IDENTIFIER_SET.issuperset(name):  # never, for a method's name: the pattern reads it
            return written_after_gap(name, data) and super().search(data)
        # read back from each occurrence, where the pattern was compiled (first-pass workers of a
        # cold check of Twisted 18.9 compiled 7 and 2, one per removed method the files named)
        return written_after_gap(name, data) and dotted_after_gap(name, data)


class TruthTested(Text):
    """``.method(`` (blanks may stand before the bracket: ``self.__eq__ (other)``) called where its
    result may be tested for truth: after ``not``, ``if``, ``elif``, ``while``, ``assert``, ``and``,
    ``or`` or ``bool(`` (its receiver, blanks and brackets
    between), or followed, once its arguments close, by ``and``/``or`` (blanks, line breaks,
    backslashes and closing brackets between).  Searched as a literal (bytes.find), then checked
    back and forward: a pattern starting with the keywords would be tried at every position.
    What cannot be told (arguments longer than ``LIMIT``) lets the file through."""

    BEFORE = frozenset((b"not", b"if", b"elif", b"while", b"assert", b"and", b"or", b"bool"))
    AFTER = (b"and", b"or")
    LIMIT = 2000

    def __init__(self, method: str):
        super().__init__(b"." + method.encode())

    def search(self, data: bytes) -> bool:
        name = self.pattern
        start = data.find(name)
        while start >= 0:
            opening = start + len(name)
            while data[opening:opening + 1] in (b" ", b"\t"):  # self.__eq__ (other)
                opening += 1
            if data[opening:opening + 1] == b"(" and (
                    self._before(data, start) or self._after(data, opening + 1)):
                return True
            start = data.find(name, start + 1)
        return False

    def _before(self, data: bytes, at: int) -> bool:
        while at and data[at - 1] in IDENTIFIER_SET:  # the receiver
            at -= 1
        while at and data[at - 1] in b" \t(":
            at -= 1
        end = at
        while at and data[at - 1] in IDENTIFIER_SET:
            at -= 1
        return data[at:end] in self.BEFORE

    def _after(self, data: bytes, at: int) -> bool:
        depth, limit = 1, min(len(data), at + self.LIMIT)
        while depth:
            if at >= limit:
                return True  # not told: let it through
            depth += {40: 1, 41: -1}.get(data[at], 0)  # ( and )
            at += 1
        while at < len(data) and data[at] in b" \t\r\n\\)":
            at += 1
        return any(data.startswith(word, at) and data[at + len(word):at + len(word) + 1] not in IDENTIFIER_SET
                   for word in self.AFTER)


class ModeString(Text):
    """A quoted file mode holding ``value`` (``'rU'``), searched from the letter forward and then
    checked back to the quote: a pattern starting with a quote would be tried at every quote."""

    LETTERS = frozenset(b"rwabtxU+")
    FOLLOW = frozenset(b"rwabtxU+'\"")  # what a match goes on with after its value

    def __init__(self, value: bytes):
        import re

        super().__init__(re.escape(value) + rb"[rwabtxU+]*['\"]")
        self.value = value

    def search(self, data: bytes) -> bool:
        """The pattern's matches as ``finditer`` finds them, each started where bytes.find finds
        ``value`` (sre's search for the one letter ``U`` costs ~3 instructions a byte, find well
        under one), the next looked for after the match."""
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        value, match, size, end = self.value, self.compiled.match, len(self.value), len(data)
        at = data.find(value)
        while at >= 0:
            # most ``U`` start a word (``URL``): no match, no call
            found = at + size < end and data[at + size] in self.FOLLOW and match(data, at)
            if not found:
                at = data.find(value, at + 1)
                continue
            start = at
            while start and data[start - 1] in self.LETTERS:
                start -= 1
            if start and data[start - 1] in b"'\"":
                return True
            at = data.find(value, found.end())
        return False


class CallArgument(Text):
    """A call of ``function`` (its name, written right before the call's parenthesis) passing one
    of ``pairs``, (argument, position): as the keyword ``argument=``, or, ``position`` not None,
    as the positional argument at that index; with a value ``value`` says may match (``VALUES``:
    the text a literal the scanner matches is written with), or any value (``value`` None).  The
    name written otherwise lets the file through where it may make another name for the function:
    imported ``as`` another, assigned (``split = shlex.split``), or in brackets
    (``(module.function)(...)``); so does an argument list the count cannot read (``_arguments``)."""

    LIMIT = 4000  # characters of one argument list read at most
    BEFORE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_. \t\f\r\n\\")
    BRACKETED = BEFORE | frozenset(b"(")

    def __init__(self, function: bytes, pairs: tuple, value: str | None = None, assignable: bool = True):
        import re

        escaped = re.escape(function)
        super().__init__(escaped + BOUNDARY % escaped)
        self.name = function  # what ``search`` finds: the pattern's matches, without compiling it
        self.pairs = tuple((argument.encode(), position) for argument, position in pairs)
        self.value = value
        # False for a builtin: the scanner follows no name a builtin is assigned to (conv = int;
        # conv(x=1)), and ``type=int``, ``default_factory=list``, ``x: int  # comment`` are everywhere
        self.assignable = assignable

    def __eq__(self, other):
        return type(other) is type(self) and (other.pattern, other.pairs, other.value, other.assignable) == (
            self.pattern, self.pairs, self.value, self.assignable)

    def __hash__(self):
        return hash((self.pattern, self.pairs, self.value, self.assignable))

    def search(self, data: bytes) -> bool:
        """Does a match of the pattern (the name, not inside a longer one) pass?  Found with
        bytes.find and checked around: the name is written once a kilobyte or more (``int`` in
        Twisted 18.9), where sre's search costs ~5 instructions a byte, and no pattern is compiled.
        Where every argument is passed by keyword only (``int(x=)``), no call is read unless one
        of them is written as a keyword somewhere in the file (``keyword_written``)."""
        if all(position is None for _, position in self.pairs) \
                and not any(keyword_written(argument, data) for argument, _ in self.pairs):
            return False
        for _ in self.calls(data):
            return True
        return False

    def calls(self, data: bytes):
        """(start, end) of each match that passes, in order."""
        name = self.name
        size = len(name)
        for start in word_positions(name, data):
            if self._called(data, start, start + size):
                yield start, start + size

    def _called(self, data: bytes, start: int, end: int) -> bool:
        """Does the name written at ``data[start:end]`` pass?"""
        after = _skip(data, end)
        if after < 0 and not self.assignable:
            return False  # a builtin's name before a comment (x: int  # ...): no call of it
        if after < 0 or (data.startswith(b"as", after) and data[after + 2:after + 3] not in IDENTIFIER_SET):
            # a builtin is aliased only by an import from builtins: "list as the type" is prose
            return self.assignable or data.find(b"builtins") >= 0  # a comment, `function as alias`
        bracketed = False
        while data[after:after + 1] == b")":  # `(module.function)(...)`, `alias = (module.function)`
            after, bracketed = _skip(data, after + 1), True
            if after < 0:
                break
        if after < 0:
            return self.assignable  # else assert_type(name, int)  # a comment
        if data[after:after + 1] == b"(":
            return bracketed or self._passes(data, after)
        return self.assignable and self._assigned(data, start, bracketed)

    def _assigned(self, data: bytes, start: int, bracketed: bool) -> bool:
        """Is the dotted name ending at the match (in brackets) the value of an assignment (``=``,
        not ``==``, ``<=``, ``>=``, ``!=``; ``:=`` is one)?"""
        before = self.BRACKETED if bracketed else self.BEFORE
        while start and data[start - 1] in before:
            start -= 1
            if data[start] == 10:  # another line: a statement before this one, unless it continues here
                end = start - 1 if data[start - 1:start] == b"\r" else start
                if data[end - 1:end] not in (b"\\", b"(" if bracketed else b"\\"):
                    return False
        return data[start - 1:start] == b"=" and data[start - 2:start - 1] not in (b"=", b"<", b">", b"!")

    def _passes(self, data: bytes, opening: int) -> bool:
        spans = self._arguments(data, opening)
        if spans is None:
            return True  # not told
        positional = []
        for start, end in spans:
            text = data[start:end].strip(b" \t\f\r\n\\")
            if text.startswith(b"**"):
                continue  # keywords the scanner does not read
            name, equals, value = text.partition(b"=")
            name = name.rstrip(b" \t\f\r\n\\")
            if equals and name.decode("utf-8", "replace").isidentifier() and not value.startswith(b"="):
                if any(name == argument for argument, _ in self.pairs) and self._matches(value):
                    return True
            else:
                positional.append(text)
        # the positional arguments and the starred ones, in order (the call's ``args``): the one at
        # the position, not starred; a value is matched only where no starred one comes before
        return any(position is not None and position < len(positional)
                   and not positional[position].startswith(b"*")
                   and (self.value is None or not any(text.startswith(b"*") for text in positional[:position]))
                   and self._matches(positional[position]) for _, position in self.pairs)

    def _matches(self, text: bytes) -> bool:
        if self.value is None:
            return True
        text = text.translate(None, b" \t\f\r\n\\")
        if self.value == "container":
            return text[:1] in (b"(", b"[", b"{")
        text = text.translate(None, b"()")
        if self.value == "None":
            return text == b"None"
        if self.value == "float":  # a float literal, its sign: digits with a point or an exponent
            text = text[1:] if text[:1] in (b"-", b"+") else text
            return bool(text) and text[:1] in b"0123456789." and not text.strip(b"0123456789_.eE+-") \
                and any(c in text for c in b".eE")
        return True

    def _arguments(self, data: bytes, opening: int) -> list | None:
        """The (start, end) of each top-level argument of the call whose ``(`` is at ``opening``;
        None when the text cannot tell: a triple-quoted string, an f-string, a string not closed
        on its line, a comment, a list longer than ``LIMIT``."""
        depth, spans, start = 1, [], opening + 1
        position, end = opening + 1, min(len(data), opening + self.LIMIT)
        while position < end:
            char = data[position]
            if char in b"([{":
                depth += 1
            elif char in b")]}":
                depth -= 1
                if not depth:
                    if data[start:position].strip(b" \t\f\r\n\\"):
                        spans.append((start, position))
                    return spans
            elif char == 44 and depth == 1:  # ,
                spans.append((start, position))
                start = position + 1
            elif char in b"'\"":
                if data.startswith(bytes([char]) * 3, position) or b"f" in data[max(0, position - 2):position].lower():
                    return None  # a triple-quoted string, an f-string (it may nest quotes)
                position = _closing(data, position, end)
                if position < 0:
                    return None  # not closed on its line
            elif char == 35:  # #
                return None
            position += 1
        return None


_KEYWORDS: list = [None, {}, {}]  # the last file asked (its bytes), its answers by keyword; the patterns


def keyword_written(argument: bytes, data: bytes) -> bool:
    """Is ``argument`` written as a name followed by ``=`` (not ``==``), blanks, line breaks and
    backslashes between, or by a comment (what the count of a call's arguments cannot read lets
    the file through): what passing it by keyword writes, wherever the call is.  A call of a
    builtin is written in most files (``int``, ``list``, ``bool``: Twisted 18.9's 325 asks of a
    keyword-only ``CallArgument``, each reading every call's arguments byte by byte), its removed
    keyword in few (59 there).  The answers for the last file are kept: ``int``, ``bool`` and
    ``float`` ask for ``x``.  Searched as a ``Text``: the keyword found with ``bytes.find``, the
    pattern matched there (sre's search for ``sequence``, ``list``'s and ``tuple``'s, cost ~6
    instructions a byte of a file, find ~1.3)."""
    if _KEYWORDS[0] is not data:
        _KEYWORDS[:2] = data, {}
    known = _KEYWORDS[1].get(argument)
    if known is None:
        pattern = _KEYWORDS[2].get(argument)
        if pattern is None:
            import re

            escaped = re.escape(argument)
            pattern = _KEYWORDS[2][argument] = Text(escaped + BOUNDARY % escaped + rb"[ \t\f\r\n\\]*(?:=(?!=)|#)")
        known = _KEYWORDS[1][argument] = pattern.search(data)
    return known


def _skip(data: bytes, position: int) -> int:
    """The position after blanks, line breaks and backslashes; -1 at a comment."""
    while data[position:position + 1] in (b" ", b"\t", b"\f", b"\r", b"\n", b"\\"):
        position += 1
    return -1 if data[position:position + 1] == b"#" else position


def _closing(data: bytes, opening: int, end: int) -> int:
    """Where the one-line string whose quote is at ``opening`` closes (an escaped quote does not
    close it, in a raw string either), or -1: not on its line, nor before ``end``."""
    quote, position = data[opening], opening + 1
    while position < end:
        char = data[position]
        if char == quote:
            return position
        if char == 10:  # \n
            return -1
        position += 2 if char == 92 else 1  # \\: the next character is escaped
    return -1
