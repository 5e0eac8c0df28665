"""Where the function bodies of a file are, read from its masked text (``masking.mask``: strings
and comments written over) by indentation, for the sieve (``sieve._reduced``) to leave out those
that name none of the file's needle words: ``Reading``.  Also ``lines_naming``, the lines of a text
writing one of a set of words (the needle words' lines, which the scanner and the dead-code
questions read too)."""

from __future__ import annotations

from bisect import bisect_left

from outmoded import masking
from outmoded.guardcontext import PY2_BUILTINS
from outmoded.lazyre import LazyPattern
from outmoded.masking import CONTINUED, Doubt

# a def (or async def) at a line's start, after spaces (their number is group 1), on a line after
# the first: the pattern starts with the newline, which sre skips to
_DEF = (r"( *)(?:async[ \t]+)?def[ \t]"  # then, if it is on one line, the header and the body's indentation
        r"(?:[ \t]*\w+[ \t]*\([^()\[\]{}\n\\]*\)[ \t]*(?:->[^()\[\]{}\n:\\]*)?:[ \t]*\r?\n( *)(?=[^ \r\n\x00]))?")
DEF_RE = LazyPattern("\n" + _DEF)
DEF_FIRST_RE = LazyPattern(_DEF)  # on the first line
# the line after a given position holding code, not starting inside a string (group 1: its indentation)
FIRST_CODE_RE = LazyPattern(f"\\n(?!{CONTINUED})( *)[^\\S\\n]*[^\\s]")
# a module's function without parameters: the scanner reads what its body returns where the module
# calls it at its top level (``_USE_SYSCONFIG = _should_use_sysconfig()``, assignedvalues._returned_flag)
NO_PARAMETERS_RE = LazyPattern(r"(?:async[ \t]+)?def[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*\([ \t]*\)")
DEL_RE = LazyPattern(r"del(?![A-Za-z0-9_])(.*)")  # not after a letter: checked
NAME_RE = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*")
DEF_NAME_RE = LazyPattern(r"def[ \t]+([A-Za-z_][A-Za-z0-9_]*)")  # a few more than the defs: fine


class Reading:
    """Where the function bodies of a masked text are, by indentation; ``stubs``: (first line,
    end line, indentation) of each body to leave out, lines counted from 0, ``spans``: where the
    first line and the end line start in the text (None: the end); ``words`` None: every one.

    A function is found by its ``def`` at a line's start (a keyword: a masked line starting with
    it, after spaces or ``async``, starts a function: no other statement, string or bracket can
    hold one), and its body ends on the first line after it indented no deeper than the ``def``
    that starts a statement (outside brackets, strings and backslash continuations).  Each body,
    left out or kept, is read once: the functions nested in it are kept or left out with it, and
    the rest of the file (class bodies, blocks, top-level statements) is never read line by line.
    The lines a body may end on are found in ``shape`` (the masked text with each character of
    code but a space written ``x``), by ``str.find`` of a newline, spaces and ``x``: one search
    per indentation up to the def's, each remembered until the reading passes it."""

    def __init__(self, whole: str, masked: str, words: frozenset | None, masked_ends: list, ends: list):
        self.whole = whole
        self.brackets = masked.translate(BRACKETS)  # every opening bracket "(", every closing one ")"
        self.shape = masked.translate(SHAPE if masked.isascii() else _Shape(SHAPE))
        self.masked = masked
        self.ends = masked_ends, ends  # ``masking.origin``'s
        self.next: list[int] = []  # per indentation, the next line so indented holding code (-1: unknown)
        self.every = words is None
        self.stubs: list[tuple[int, int, int]] = []
        self.spans: list[tuple[int, int | None]] = []
        self.blanks: list[tuple[int, int] | None] = []  # per stub, where in the text its parameters to blank are
        if self.every:
            self.word_lines, self.deleted_lines, self.py2_lines = [], [], []
            return
        self.word_lines = lines_naming(whole, words)  # the lines holding a needle word, in order
        # in a file naming NameError, the lines naming a Python 2 builtin (a try may catch the
        # NameError it raises: ``fallbacks.TryFallbacks._runs_of``)
        self.py2_lines = _lines_holding_names(whole, PY2_BUILTINS) if "NameError" in whole else []
        deleted = _deleted(masked)
        if deleted:  # a del of a function defined before it in the same block
            deleted = self._deleted_defined(deleted, _defined(masked))
        if deleted and not whole.isascii():
            raise Doubt("a del of a function")  # the parser's spelling of a name may not be the text's
        # the lines naming a function a del may delete (a name, not an attribute: ``x.name``)
        self.deleted_lines = lines_naming(whole, deleted, attributes=False) if deleted else []

    def _deleted_defined(self, deleted: dict, defined: dict) -> set[str]:
        """The names of ``deleted`` (``_deleted``'s) that a ``def`` of ``defined`` (``_defined``'s)
        at the same indentation defines before the ``del``, with no statement indented less in
        between (the same block: ``contexts.deleted_before_use`` reads no other).  Twisted 18.9's
        names/dns.py deletes a class body's loop variable ``name``, another class's method's
        name: every body naming ``name`` was kept."""
        found = set()
        for key, dels in deleted.items():
            defs = defined.get(key)
            if defs and any(start < at and self._one_block(start, at, key[1]) for start in defs for at in dels):
                found.add(key[0])
        return found

    def _one_block(self, start: int, stop: int, indent: int) -> bool:
        """Does no statement indented less than ``indent`` start between ``start`` and ``stop``
        of the masked text (a line holding code, outside brackets, not continuing another)?"""
        shape, count = self.shape, self.brackets.count
        for level in range(indent):
            line = _indented(level)
            at = shape.find(line, start, stop)
            while at >= 0:
                if count("(", start, at) == count(")", start, at) and not _continued(self.masked, at):
                    return False
                at = shape.find(line, at + 1, stop)
        return True

    def read(self) -> None:
        """Finds each function not inside another and leaves its body out or keeps it."""
        masked, search, count = self.masked, DEF_RE.search, self.brackets.count
        found = DEF_FIRST_RE.match(masked)  # a def on the first line
        at = line = counted = 0  # where to look on; the line number at ``counted``
        while True:
            if found is None:
                found = search(masked, at)
                if found is None:
                    return
            (start, key), (first, body) = found.span(1), found.span(2)
            if count("(", at, start) != count(")", at, start):  # a def inside brackets: not Python
                raise Doubt("a def inside brackets")
            line += masked.count("\n", counted, start)
            counted = start
            if body - first > key - start:  # a header on one line, the body on the next, indented (most)
                at = self._function(start, key - start, line, line + 1, first, body - first, key)
            else:
                at = self._header(start, key - start, line)
            if at is None:
                return
            found = None

    def _header(self, start: int, indent: int, line: int) -> int | None:
        """Reads the header of the function whose ``def`` line (number ``line``, indented
        ``indent``) starts at ``start``, then the function: where to look for the next one
        (``_function``'s; None: the end)."""
        masked, count = self.masked, self.brackets.count
        end = masked.find("\n", start)
        if end < 0:
            return None
        if count("(", start, end) == count(")", start, end) and masked[end - 1:end] != "\\" \
                and masked[end - 2:end] != "\\\r" and masked[end + 1:end + 2] != CONTINUED:
            header, last = line, end  # a header on one line
        else:
            ended = self._header_end(start, line)
            if ended is None:
                return None  # a header to the end of the text: not Python
            header, last = ended
        if not masked[masked.rfind("\n", 0, last) + 1:last].rstrip().endswith(":"):
            return last  # a function on one line
        body = FIRST_CODE_RE.search(masked, last)
        if body is None:
            return None
        first = body.start() + 1  # where the first line of its body starts
        inner = body.end(1) - first
        if inner <= indent:
            return first - 1  # no body: not Python
        return self._function(start, indent, line, header + 1 + masked.count("\n", last + 1, first), first, inner)

    def _function(self, start: int, indent: int, line: int, body_line: int, first: int, inner: int,
                  header: int | None = None) -> int | None:
        """Reads the function whose ``def`` line (number ``line``, indented ``indent``) starts at
        ``start`` and whose body (indented ``inner``) starts at ``first``, on line ``body_line``:
        where to look for the next one (at the newline before the line ending its body; None:
        the end).  ``header``: where its ``def`` keyword is, when the header is on one line
        (``_blank``)."""
        masked = self.masked
        stop = self._end(first, indent)
        stop_line = body_line + masked.count("\n", first, len(masked) if stop is None else stop) + (stop is None)
        if self.every or (self._left_out(line, stop_line)
                          and not (indent == 0 and NO_PARAMETERS_RE.match(masked, start))):
            origin = masking.origin
            self.stubs.append((body_line, stop_line, inner))
            self.spans.append((origin(first, *self.ends), None if stop is None else origin(stop, *self.ends)))
            self.blanks.append(None if header is None or self.every else self._blank(header, line))
        # else a function the scanner walks, kept whole with the functions nested in it
        return None if stop is None else stop - 1

    def _blank(self, header: int, line: int) -> tuple[int, int] | None:
        """Where in the text the parameter list of a function whose body is left out is, its header
        on one line (at ``header``, line ``line``), to be written as spaces (``sieve._reduced``)
        when it holds only plain names (no ``=``, ``:`` or ``/``: no default, no annotation; the
        header ``DEF_RE`` read holds no bracket, backslash or line break there, and a string in it
        is masked ``"``) and its line no needle word: what is left is read for the function's name,
        decorators, defaults and annotations (none there), never its parameters, whose names bind
        only in the body left out.  Parsing those parameter lists cost 11% of Twisted 18.9's
        reduced texts' parse; the columns stay, so does every position on the line."""
        lines = self.word_lines
        named = bisect_left(lines, line)
        if named < len(lines) and lines[named] == line:
            return None
        masked = self.masked
        opening = masked.find("(", header) + 1
        closing = masked.find(")", opening)  # the header's first: DEF_RE's holds no bracket between
        parameters = masked[opening:closing]
        if "=" in parameters or ":" in parameters or "/" in parameters or '"' in parameters \
                or not parameters.strip():
            return None
        start = masking.origin(opening, *self.ends)  # code: the text's, at the same distance
        return start, start + closing - opening

    def _end(self, first: int, indent: int) -> int | None:
        """Where the first line after ``first`` indented no deeper than ``indent`` that starts a
        statement starts (None: there is none, the body runs to the end)."""
        shape, after, nexts = self.shape, first, self.next
        count, masked = self.brackets.count, self.masked
        if len(nexts) <= indent:
            nexts.extend([-1] * (indent + 1 - len(nexts)))
        depth, previous, size = 0, first, len(shape)
        while True:
            candidate = size
            for level in range(indent + 1):
                position = nexts[level]
                if position < after:  # looked for before ``after`` (none found: ``size``)
                    position = shape.find(_indented(level), after)
                    nexts[level] = position = size if position < 0 else position
                if position < candidate:
                    candidate = position
            if candidate == size:
                return None
            at = candidate + 1  # where the line starts
            depth += count("(", previous, at) - count(")", previous, at)  # brackets still open there
            previous = after = at
            if depth < 0:
                raise Doubt("unbalanced brackets")
            if depth == 0 and not _continued(masked, at - 1):
                return at

    def _header_end(self, start: int, line: int) -> tuple[int, int] | None:
        """(the number of the last line of the logical line starting at ``start``, line number
        ``line``, where that line ends; None: the text's last line)."""
        masked, count, depth = self.masked, self.brackets.count, 0
        while True:
            end = masked.find("\n", start)
            if end < 0:
                return None
            depth += count("(", start, end) - count(")", start, end)
            if depth < 0:
                raise Doubt("unbalanced brackets")
            if not (depth > 0 or masked[start:end].rstrip("\r").endswith("\\")
                    or masked[end + 1:end + 2] == CONTINUED):
                return line, end
            start, line = end + 1, line + 1

    def _left_out(self, start: int, stop: int) -> bool:
        """Can the body of the function on lines [start, stop) be left out: no needle word in its
        text (the scanner skips it), nor a Python 2 builtin where a try may catch NameError?"""
        for lines in (self.word_lines, self.deleted_lines, self.py2_lines):
            named = bisect_left(lines, start)
            if named < len(lines) and lines[named] < stop:
                return False
        return True


class _Shape(dict):
    """``SHAPE`` for a text beyond ASCII: any other character is code."""

    def __missing__(self, character: int) -> str:
        return "x"


def _deleted(masked: str) -> dict[tuple[str, int], list[int]]:
    """The (name, indentation of its line) of each name a ``del`` statement of the masked text
    deletes as a whole target (``del a, b``; not ``del self.a[b]``: ``contexts.deleted_before_use``
    reads only a name deleted in the block that defines it), each statement read over the lines a
    backslash continues it onto (``del a, \\`` then ``b``; a bracket cannot hold the names
    ``contexts.deleted_before_use`` reads: ``del (a, b)`` deletes a tuple's), with where the
    ``del`` statements deleting it are."""
    names: dict[tuple[str, int], list[int]] = {}
    for match in DEL_RE.finditer(masked):
        if _IDENTIFIER.get(masked[match.start() - 1:match.start()]):
            continue  # part of a longer name, or an attribute
        statement, end = match[1], match.end()
        while statement.rstrip().endswith("\\") and end < len(masked):
            stop = masked.find("\n", end + 1)
            end = len(masked) if stop < 0 else stop
            statement = masked[match.start(1):end]
        line = masked.rfind("\n", 0, match.start()) + 1
        indent = len(masked[line:match.start()]) - len(masked[line:match.start()].lstrip(" \t"))
        for target in statement.split(";", 1)[0].replace("\\", " ").split(","):
            target = target.strip()
            if NAME_RE.fullmatch(target):
                names.setdefault((target, indent), []).append(match.start())
    return names


def _defined(masked: str) -> dict[tuple[str, int], list[int]]:
    """The (name, indentation of its line) of each ``def`` of the masked text, with where each
    such ``def`` is."""
    found: dict[tuple[str, int], list[int]] = {}
    for match in DEF_NAME_RE.finditer(masked):
        start = match.start()
        head = masked[masked.rfind("\n", 0, start) + 1:start]
        found.setdefault((match[1], len(head) - len(head.lstrip(" \t"))), []).append(start)
    return found


def lines_naming(text: str, words, attributes: bool = True) -> list[int]:
    """The numbers (from 0) of the lines where one of ``words`` is written as a word (not inside
    a longer name: ``prefilter.written_alone``, the scanner's test), in order; not right after a
    dot (an attribute's name) unless ``attributes``."""
    from outmoded.prefilter import written_alone

    found = set()
    for word in words:
        position = text.find(word)
        while position >= 0:
            if written_alone(text, position, position + len(word)) and (
                    attributes or text[position - 1:position] != "."):
                found.add(position)
            position = text.find(word, position + 1)
    return _line_numbers(text, found)


def _lines_holding_names(text: str, names) -> list[int]:
    """The numbers (from 0) of the lines of ``text`` where ``NAME_RE`` finds one of ``names`` (all
    ASCII names), in order: its match of a name starts after no ASCII letter or underscore in the
    run of ASCII name characters before it (``9file`` holds ``file``, ``x9file`` does not) and
    ends before none.  One ``str.find`` per name over the text, where ``NAME_RE.findall`` over
    each function body looked at every name of the file."""
    found, size = set(), len(text)
    for name in names:
        length = len(name)
        position = text.find(name)
        while position >= 0:
            end = position + length
            if end == size or text[end] not in _ASCII_NAME:
                before = position
                while before and text[before - 1] in _ASCII_NAME:
                    before -= 1
                if not text[before:position].strip(_DIGITS):
                    found.add(position)
            position = text.find(name, position + 1)
    return _line_numbers(text, found)


def _line_numbers(text: str, positions) -> list[int]:
    """The numbers (from 0) of the lines of ``text`` holding ``positions``, in order, once each."""
    lines, line, last = [], 0, 0
    for position in sorted(positions):
        line += text.count("\n", last, position)
        last = position
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


# the masked text's shape: code but spaces written x, CONTINUED kept, a carriage return a space
SHAPE = {**{code: "x" for code in range(128)}, ord(" "): " ", ord("\n"): "\n", ord("\r"): " ",
         ord(CONTINUED): CONTINUED}
_LINES = ["\n" + " " * level + "x" for level in range(41)]  # a line so indented, holding code, in ``shape``
BRACKETS = str.maketrans("[{]}", "(())")
_DIGITS = "0123456789"
_ASCII_NAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_" + _DIGITS)  # NAME_RE's characters
_IDENTIFIER = dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.", True)


def _indented(level: int) -> str:
    """A line indented ``level`` spaces holding code, as ``shape`` writes it (after its newline)."""
    return _LINES[level] if level < len(_LINES) else "\n" + " " * level + "x"


def _continued(masked: str, newline: int) -> bool:
    """Does the line ending at the newline at ``newline`` of the masked text go on after a backslash?"""
    return masked[max(0, newline - 2):newline].rstrip("\r")[-1:] == "\\"
