"""Checks a file the prefilter let through without parsing all of it: its function bodies that
name no needle word are left out, and the findings of what remains are the file's.

The scanner never walks the body of a function whose text names none of the file's needle words
(as words: ``Scanner.may_contain_finding``; a word that only stands for the module a needle
imports, ``os`` of ``os.stat_float_times``, does not count: ``prefilter._roots``): it reads such a function's decorators, defaults, annotations
and name, and nothing else it asks of the tree looks inside one (a function's local names, a
module's unconditional imports, a try's fallbacks, a class's members read statement lists, not
function bodies).  So the file with each such body replaced by ``pass`` (a class keeps its
statements, the names it defines among them: its methods' bodies are what goes) scans to the same
findings at the same positions, and parsing it costs what the kept lines cost: a Twisted module is
mostly methods that name nothing removed.  A line a node ends on is read from the reduced text:
a finding spanning a body left out is a doubt.  The two readings that look inside a function body
are kept: one naming (not as an attribute) a function the file defines and a ``del`` deletes
(``contexts.deleted_before_use`` asks whether anything in between names it) and, in a file naming
``NameError``, one naming a Python 2 builtin (``fallbacks.TryFallbacks._runs_of``).  Fix decisions (``fixability``) read the
whole module, but only on the lines where the names they ask about are written: on the reduced
tree they are the whole file's unless one of those names is written in a body left out, and then
they are taken again on the whole tree.

Where the bodies are is read from the text: strings and comments by a tokenizer (``masking``),
then statements by indentation, a line starting a statement only outside brackets, strings and
backslash continuations.  Any doubt means the whole file is parsed as before: a tab or form feed
in an indentation, a lone carriage return, an unterminated string, an f-string nesting its own
quotes (PEP 701, a syntax error before 3.12), Python 2 syntax (a print statement, ``except X,
e:``, backquotes, ``0777``...: the file's syntax error is reported as before), brackets that
close more than they open, a ``def`` inside brackets (a file that does not parse: jedi's test
data), the reduced text failing to parse.  Like a file the prefilter clears,
a file checked here is not parsed whole: a syntax error in a body left out that is none of those
is not reported.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right

from outmoded.guardcontext import PY2_BUILTINS
from outmoded.lazyre import LazyPattern, word_re
from outmoded import masking
from outmoded.masking import CONTINUED, Doubt

ODD_INDENT_RE = LazyPattern(r"(?m)^ *[\t\f]")
# a def (or async def) at a line's start, after spaces (their number is group 1), on a line after
# the first: the pattern starts with the newline, which sre skips to
_DEF = (r"( *)(?:async[ \t]+)?def[ \t]"  # then, if it is on one line, the header and the body's indentation
        r"(?:[ \t]*\w+[ \t]*\([^()\[\]{}\n\\]*\)[ \t]*(?:->[^()\[\]{}\n:\\]*)?:[ \t]*\r?\n( *)(?=[^ \r\n\x00]))?")
DEF_RE = LazyPattern("\n" + _DEF)
DEF_FIRST_RE = LazyPattern(_DEF)  # on the first line
# the line after a given position holding code, not starting inside a string (group 1: its indentation)
FIRST_CODE_RE = LazyPattern(f"\\n(?!{CONTINUED})( *)[^\\S\\n]*[^\\s]")
# a module's function without parameters: the scanner reads what its body returns where the module
# calls it at its top level (``_USE_SYSCONFIG = _should_use_sysconfig()``, scopes._returned_flag)
NO_PARAMETERS_RE = LazyPattern(r"(?:async[ \t]+)?def[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*\([ \t]*\)")
DEL_RE = LazyPattern(r"del(?![A-Za-z0-9_])(.*)")  # not after a letter: checked
NAME_RE = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*")
DEF_NAME_RE = LazyPattern(r"def[ \t]+([A-Za-z_][A-Za-z0-9_]*)")  # a few more than the defs: fine
# syntax a body left out may hold that the running interpreter cannot parse, looked for in an
# outline only (a module whose whole text fails to parse has no summary, so neither may its
# outline): Python 2's except (A, B), e:, a t-string (PEP 750) before 3.14.  Each pattern starts
# with what it matches first, so sre skips to it (not a look-behind tried at every position)
UNPARSED_RE = [LazyPattern(r"except[ \t]*\([^()\n]*\)[ \t]*,")] + ([LazyPattern(
    r"[tTrR](?<![A-Za-z0-9_][tTrR])(?:(?<=[tT])[rR]?|(?<=[rR])[tT])\"")] if sys.version_info < (3, 14) else [])
WORTH = 0.3  # the bodies left out must be at least this share of the text to parse the rest first


def sift(text: str, path: str, words: frozenset, index, project, scripts: list | None = None,
         roots: frozenset = frozenset()) -> list | None:
    """The file's findings, their fixes decided, from its text with the function bodies no
    needle word is in left out (with ``index``'s options, as the whole file would be scanned);
    None when the whole file must be parsed and scanned: in doubt, when too little would be left
    out to pay, or when a finding spans a body left out.  A fix decision that looked up a name
    written in a body left out is taken again on the whole file's tree.  ``scripts``: given, the
    spans of the module's ``if __name__ == "__main__":`` bodies are added to it, read from the
    reduced tree (its lines are the file's; a body left out holds no finding)."""
    found = _reduced(text, words.difference(roots) if roots else words, WORTH)
    if found is None:
        return None
    reduced, stubs, word_lines = found  # the lines naming a word that is not only a root
    from outmoded.engine import GIVE_UP, parse
    from outmoded.scan import scan_tree
    from outmoded.source import SourceError

    try:
        tree = parse(reduced, path)
        findings = scan_tree(tree, index, path, text, words, project, reduced=True, word_lines=word_lines,
                             roots=roots)
    except (SourceError, *GIVE_UP):
        return None
    for finding in findings:
        at = bisect_right(stubs, (finding.end_line - 1, _AFTER))  # the stubs starting at or before its end
        if at and stubs[at - 1][1] >= finding.line:
            return None  # its end or its start would be read from the reduced text
    if any(finding.fix for finding in findings):
        from outmoded.fixability import per_instance

        asked: set = set()
        try:
            judged = per_instance(findings, tree, index.entries, text, asked)
            if asked and _written_in(asked, text, stubs):  # the whole file's answer may differ: ask it
                judged = per_instance(findings, parse(text, path), index.entries, text)
        except (SourceError, *GIVE_UP):
            return None
        findings = judged
    if scripts is not None:
        from outmoded.branches import main_blocks

        scripts.extend(main_blocks(tree))
    return findings


_AFTER = float("inf")


def _written_in(names: set, text: str, stubs: list) -> bool:
    """Is one of ``names`` (None: any) written as a word in a body left out?  The fix decisions
    look a name's uses and bindings up on the lines where it is written (``fixability.spots``,
    ``fixes.bindings``): elsewhere the reduced tree and the whole one answer alike."""
    if None in names:
        return True
    lines = text.split("\n")
    hidden = "\n".join("\n".join(lines[first:end]) for first, end, _ in stubs)
    if not hidden.isascii():
        import unicodedata

        hidden = unicodedata.normalize("NFKC", hidden)  # the parser's spelling of a name
    return any(word_re(name).search(hidden) for name in names)


def reduce(text: str, words: frozenset) -> str | None:
    """``text`` with every function body that names none of ``words`` replaced by ``pass`` (line
    numbers kept), or None when in doubt or when that leaves out less than ``WORTH`` of it."""
    found = _reduced(text, words, WORTH)
    return None if found is None else found[0]


def outline(text: str) -> str | None:
    """``text`` with every function body replaced by ``pass`` (line numbers kept), or None when
    in doubt or when it has no function body to leave out: what a module's summary reads
    (``summaries.Summary``: its top-level statements, the blocks and class bodies in them, never a
    function's body), so nothing is kept for the scanner.  Beside the sieve's doubts, syntax
    the running interpreter may not parse (``UNPARSED_RE``) has the whole file parsed."""
    found = _reduced(text, None, 0.0)
    return None if found is None else found[0]


def _reduced(text: str, words: frozenset | None, worth: float = WORTH) -> tuple[str, list, list] | None:
    """(``reduce``'s text, the (first line, end line, indentation) of each body it leaves out,
    lines counted from 0, in order, and ``lines_naming(text, words)``); ``words`` None: every
    function body is left out (``outline``), unless that leaves out less than ``worth``."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None
    try:
        masked, masked_ends, ends = masking.mask(text)
        if ("\t" in masked or "\f" in masked) and ODD_INDENT_RE.search(masked):
            return None
        if words is None and any(pattern.search(masked) for pattern in UNPARSED_RE):
            return None
        reading = _Reading(text, masked, words, masked_ends, ends)
        reading.read()
    except Doubt:
        return None
    if not reading.stubs:
        return None
    # the text kept between the bodies, each body written as ``pass`` then its other lines empty
    parts, kept, stubbed = [], 0, 0
    for (first, end, indent), (start, stop) in zip(reading.stubs, reading.spans):
        parts.append(text[kept:start])
        parts.append(" " * indent + "pass" + "\n" * (end - first - (stop is None)))
        stubbed += indent + 4
        kept = len(text) if stop is None else stop
    parts.append(text[kept:])
    reduced = "".join(parts)
    if len(text) - len(reduced) + stubbed < worth * len(text):  # the characters of the lines left out
        return None
    return reduced, reading.stubs, reading.word_lines


class _Reading:
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
        if self.every:
            self.names_py2, self.word_lines, self.deleted_lines = False, [], []
            return
        self.names_py2 = "NameError" in whole
        self.word_lines = lines_naming(whole, words)  # the lines holding a needle word, in order
        deleted = _deleted(masked)
        if deleted:  # a del of a function defined in the same block: at the same indentation
            deleted = {name for name, _ in deleted.intersection(_defined(masked))}
        if deleted and not whole.isascii():
            raise Doubt("a del of a function")  # the parser's spelling of a name may not be the text's
        # the lines naming a function a del may delete (a name, not an attribute: ``x.name``)
        self.deleted_lines = lines_naming(whole, deleted, attributes=False) if deleted else []

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
                at = self._function(start, key - start, line, line + 1, first, body - first)
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

    def _function(self, start: int, indent: int, line: int, body_line: int, first: int, inner: int) -> int | None:
        """Reads the function whose ``def`` line (number ``line``, indented ``indent``) starts at
        ``start`` and whose body (indented ``inner``) starts at ``first``, on line ``body_line``:
        where to look for the next one (at the newline before the line ending its body; None:
        the end)."""
        masked = self.masked
        stop = self._end(first, indent)
        stop_line = body_line + masked.count("\n", first, len(masked) if stop is None else stop) + (stop is None)
        if self.every or (self._left_out(line, stop_line, start, stop)
                          and not (indent == 0 and NO_PARAMETERS_RE.match(masked, start))):
            origin = masking.origin
            self.stubs.append((body_line, stop_line, inner))
            self.spans.append((origin(first, *self.ends), None if stop is None else origin(stop, *self.ends)))
        # else a function the scanner walks, kept whole with the functions nested in it
        return None if stop is None else stop - 1

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
                    position = shape.find(_LINES[level] if level < len(_LINES) else "\n" + " " * level + "x", after)
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
            if depth == 0 and masked[max(0, at - 3):at - 1].rstrip("\r")[-1:] != "\\":
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

    def _left_out(self, start: int, stop: int, at: int, until: int | None) -> bool:
        """Can the body of the function on lines [start, stop) (at [at, until) of the masked text)
        be left out: no needle word in its text (the scanner skips it), nor a Python 2 builtin
        where a try may catch NameError?"""
        for lines in (self.word_lines, self.deleted_lines):
            named = bisect_left(lines, start)
            if named < len(lines) and lines[named] < stop:
                return False
        if not self.names_py2:
            return True
        origin = masking.origin
        text = self.whole[origin(at, *self.ends):len(self.whole) if until is None else origin(until, *self.ends)]
        return PY2_BUILTINS.isdisjoint(NAME_RE.findall(text))


class _Shape(dict):
    """``SHAPE`` for a text beyond ASCII: any other character is code."""

    def __missing__(self, character: int) -> str:
        return "x"


def _deleted(masked: str) -> set[tuple[str, int]]:
    """The (name, indentation of its line) of each name a ``del`` statement of the masked text
    deletes as a whole target (``del a, b``; not ``del self.a[b]``: ``contexts.deleted_before_use``
    reads only a name deleted in the block that defines it), each statement read over the lines a
    backslash continues it onto (``del a, \\`` then ``b``; a bracket cannot hold the names
    ``contexts.deleted_before_use`` reads: ``del (a, b)`` deletes a tuple's)."""
    names: set[tuple[str, int]] = set()
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
                names.add((target, indent))
    return names


def _defined(masked: str) -> set[tuple[str, int]]:
    """The (name, indentation of its line) of each ``def`` of the masked text."""
    found = set()
    for match in DEF_NAME_RE.finditer(masked):
        start = match.start()
        head = masked[masked.rfind("\n", 0, start) + 1:start]
        found.add((match[1], len(head) - len(head.lstrip(" \t"))))
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
_IDENTIFIER = dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.", True)
