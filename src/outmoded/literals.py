"""What a needle's ``literal`` searches a file's bytes for: the text a finding cannot be written
without, beyond its words (``prefilter.Needle``).

``Text`` is a regular expression compiled on its first search; its kinds look for one spelling
faster than a pattern would, or check around what a literal search found: ``.name`` as an
attribute access (``Attribute``), ``name=`` as a call's keyword (``Keyword``), a removed argument
that may also be passed by position (``Positional``), a method whose result is tested for truth
(``TruthTested``), a file mode string (``ModeString``).  Each must never miss a spelling the
scanner reports (tests/test_prefilter.py generates them for the whole catalog); what it cannot
tell lets the file through.  Built from the catalog by ``catalog.needles``, stored compiled with
the index (``catalog.compiled``: instances of this module's classes are rebuilt from it).
"""

from __future__ import annotations

import sys

from outmoded.importlines import GAP, IDENTIFIER_SET


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
        return self.compiled.search(data) is not None


class Attribute(Text):
    """``.name`` as an attribute access can be written: spaces, line breaks (inside brackets),
    backslash continuations and comments may stand between the dot and the name."""

    def __init__(self, name: str):
        import re

        super().__init__(rb"\." + GAP + re.escape(name.encode()) + rb"(?![A-Za-z0-9_])")
        self.plain = b"." + name.encode()

    def search(self, data: bytes) -> bool:
        return self.plain in data or super().search(data)


class Keyword(Text):
    """``name=`` as a call's keyword argument: after ``(`` or ``,``, with only blanks, line
    breaks, backslashes or comments between (``loop = get_event_loop()`` at the start of a
    statement assigns a variable; ``myloop=`` is another keyword), and between the name and its
    ``=`` too (``f(loop\n= None)``: inside brackets a line may break anywhere).  Searched from
    the name forward (a literal first: sre skips to it), then checked back."""

    BETWEEN = frozenset(b" \t\f\r\n\\")

    def __init__(self, name: bytes):
        import re

        super().__init__(re.escape(name) + GAP + rb"=[^=]")

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        for match in self.compiled.finditer(data):
            start = match.start()
            if start and data[start - 1] in IDENTIFIER_SET:
                continue
            crossed = False
            while start and data[start - 1] in self.BETWEEN:
                start -= 1
                crossed = crossed or data[start] == 10
            if start and data[start - 1] in b"(,":
                return True
            if crossed and b"#" in data[data.rfind(b"\n", 0, start) + 1:start]:
                return True  # the line above may end in a comment: after a comma, perhaps
        return False


class Positional(Keyword):
    """A removed argument that may be passed by position: ``name=`` as a call's keyword, or a
    call of the function (its name, written right before the parenthesis) with more than
    ``position`` arguments.  The arguments are counted as the commas between the call's own
    brackets; whatever the count cannot be sure of lets the file through: a string that is not a
    plain one-line literal, a comment, a long list, the name called through brackets
    (``(mod.func)(...)``) or imported under another name (``func as f``)."""

    LIMIT = 4000  # characters of one argument list read at most

    def __init__(self, name: bytes, function: bytes, position: int):
        super().__init__(name)
        self.function, self.position = function, position
        self.calls = None  # a re.Pattern: the function's name as a whole word, compiled on first use

    def __eq__(self, other):
        return type(other) is type(self) and (other.pattern, other.function, other.position) == (
            self.pattern, self.function, self.position)

    def __hash__(self):
        return hash((self.pattern, self.function, self.position))

    def search(self, data: bytes) -> bool:
        if super().search(data):
            return True
        if self.calls is None:
            import re

            escaped = re.escape(self.function)
            self.calls = re.compile(escaped + rb"(?<![A-Za-z0-9_]" + escaped + rb")(?![A-Za-z0-9_])")
        for match in self.calls.finditer(data):
            after = self._skip(data, match.end())
            if after < 0 or data.startswith(b"as", after) and data[after + 2:after + 3] not in IDENTIFIER_SET:
                return True  # a comment, or `function as alias`
            while data[after:after + 1] == b")":  # `(module.function)(...)`
                after = self._skip(data, after + 1)
                if after < 0 or data[after:after + 1] == b"(":
                    return True
            if data[after:after + 1] == b"(" and self._arguments(data, after) > self.position:
                return True
        return False

    def _skip(self, data: bytes, position: int) -> int:
        """The position after blanks, line breaks and backslashes; -1 at a comment."""
        while data[position:position + 1] in (b" ", b"\t", b"\f", b"\r", b"\n", b"\\"):
            position += 1
        return -1 if data[position:position + 1] == b"#" else position

    def _arguments(self, data: bytes, opening: int) -> int:
        """How many arguments the call whose ``(`` is at ``opening`` can have: its top-level
        commas and one, none when empty; a large number when the text cannot tell."""
        depth, commas, written = 1, 0, False
        position, end = opening + 1, min(len(data), opening + self.LIMIT)
        while position < end:
            char = data[position]
            if char in b"([{":
                depth += 1
                written = True
            elif char in b")]}":
                depth -= 1
                if not depth:
                    return commas + written
            elif char == 44:  # ,
                commas += depth == 1
            elif char in b"'\"":
                if data.startswith(bytes([char]) * 3, position) or b"f" in data[max(0, position - 2):position].lower():
                    return sys.maxsize  # a triple-quoted string, an f-string (it may nest quotes)
                close = data.find(bytes([char]), position + 1)
                if close < 0 or b"\\" in data[position:close] or b"\n" in data[position:close]:
                    return sys.maxsize  # escapes, or not closed on its line
                position = close
                written = True
            elif char == 35:  # #
                return sys.maxsize
            elif char not in b" \t\f\r\n\\":
                written = True
            position += 1
        return sys.maxsize


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

    def __init__(self, value: bytes):
        import re

        super().__init__(re.escape(value) + rb"[rwabtxU+]*['\"]")

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        for match in self.compiled.finditer(data):
            start = match.start()
            while start and data[start - 1] in self.LETTERS:
                start -= 1
            if start and data[start - 1] in b"'\"":
                return True
        return False


class CallArgument(Text):
    """A call of ``function`` (its name, written right before the call's parenthesis) passing one
    of ``pairs``, (argument, position): as the keyword ``argument=``, or, ``position`` not None,
    as the positional argument at that index; with a value ``value`` says may match (``VALUES``:
    the text a literal the scanner matches is written with), or any value (``value`` None).  The
    name written otherwise lets the file through where it may make another name for the function:
    imported ``as`` another, assigned (``split = shlex.split``), or in brackets
    (``(module.function)(...)``); so does an argument list the count cannot read (``_arguments``)."""

    LIMIT = Positional.LIMIT
    BETWEEN = frozenset(b" \t\f\r\n\\")
    BEFORE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_. \t\f\r\n\\")

    def __init__(self, function: bytes, pairs: tuple, value: str | None = None):
        import re

        escaped = re.escape(function)
        super().__init__(escaped + rb"(?<![A-Za-z0-9_]" + escaped + rb")(?![A-Za-z0-9_])")
        self.pairs = tuple((argument.encode(), position) for argument, position in pairs)
        self.value = value

    def __eq__(self, other):
        return type(other) is type(self) and (other.pattern, other.pairs, other.value) == (
            self.pattern, self.pairs, self.value)

    def __hash__(self):
        return hash((self.pattern, self.pairs, self.value))

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        for match in self.compiled.finditer(data):
            after = Positional._skip(self, data, match.end())
            if after < 0 or data[after:after + 1] == b")" or (
                    data.startswith(b"as", after) and data[after + 2:after + 3] not in IDENTIFIER_SET):
                return True  # a comment, `function as alias`, `(module.function)`
            if data[after:after + 1] == b"(":
                if self._passes(data, after):
                    return True
            elif self._assigned(data, match.start()):
                return True
        return False

    def _assigned(self, data: bytes, start: int) -> bool:
        """Is the dotted name ending at the match the value of an assignment (``=``, not ``==``,
        ``<=``, ``>=``, ``!=``; ``:=`` is one)?"""
        while start and data[start - 1] in self.BEFORE:
            start -= 1
        return data[start - 1:start] == b"=" and data[start - 2:start - 1] not in (b"=", b"<", b">", b"!")

    def _passes(self, data: bytes, opening: int) -> bool:
        spans = self._arguments(data, opening)
        if spans is None:
            return True  # not told
        positional = []
        for start, end in spans:
            text = data[start:end].strip(b" \t\f\r\n\\")
            if text.startswith(b"*"):
                if text.startswith(b"**"):
                    continue
                return True  # a starred argument: what follows it is not told
            name, equals, value = text.partition(b"=")
            name = name.rstrip(b" \t\f\r\n\\")
            if equals and name.decode("utf-8", "replace").isidentifier() and not value.startswith(b"="):
                if any(name == argument for argument, _ in self.pairs) and self._matches(value):
                    return True
            else:
                positional.append(text)
        return any(position is not None and position < len(positional) and self._matches(positional[position])
                   for _, position in self.pairs)

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
        None when the text cannot tell (``Positional._arguments``' doubts)."""
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
