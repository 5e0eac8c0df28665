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

Where the bodies are is read from the text (``bodies``): strings and comments by a tokenizer
(``masking``), then statements by indentation, a line starting a statement only outside brackets,
strings and backslash continuations.  Any doubt means the whole file is parsed as before: a tab or
form feed in an indentation, a lone carriage return, an unterminated string, an f-string nesting its
own quotes (PEP 701, a syntax error before 3.12), Python 2 syntax (a print statement, ``except X,
e:``, backquotes, ``0777``...: the file's syntax error is reported as before), brackets that close
more than they open, a ``def`` inside brackets (a file that does not parse: jedi's test data), the
reduced text failing to parse.  Like a file the prefilter clears, a file checked here is not parsed
whole: a syntax error in a body left out that is none of those is not reported.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right

from outmoded import masking
from outmoded.bodies import Reading
from outmoded.lazyre import LazyPattern, word_re
from outmoded.masking import Doubt
from outmoded.statementblocks import BLOCKS

ODD_INDENT_RE = LazyPattern(r"(?m)^ *[\t\f]")
# syntax a body left out may hold that the running interpreter cannot parse, looked for in an
# outline only (a module whose whole text fails to parse has no summary, so neither may its
# outline): Python 2's except (A, B), e:, a t-string (PEP 750) before 3.14.  Each pattern starts
# with what it matches first, so sre skips to it (not a look-behind tried at every position)
UNPARSED_RE = [LazyPattern(r"except[ \t]*\([^()\n]*\)[ \t]*,")] + ([LazyPattern(
    r"[tTrR](?<![A-Za-z0-9_][tTrR])(?:(?<=[tT])[rR]?|(?<=[rR])[tT])\"")] if sys.version_info < (3, 14) else [])
WORTH = 0.3  # the bodies left out must be at least this share of the text to parse the rest first


def compile_patterns() -> None:
    """Compile the patterns the reading of every file sifted uses (``masking.mask``, ``Reading``,
    the outline's ``UNPARSED_RE``):
    called in the parent before it forks the workers of a pass that parses
    (``workers.import_checker``), which then share them; each worker of a cold check of Twisted
    18.9 compiled them itself, ~3 ms of its CPU."""
    from outmoded import bodies

    for pattern in (masking.TOKEN_RE, *(pattern for _, pattern in masking.PYTHON2_STATEMENTS),
                    *masking.PYTHON2_NUMBERS, bodies.DEF_RE, bodies.DEF_FIRST_RE, bodies.FIRST_CODE_RE,
                    bodies.NO_PARAMETERS_RE, bodies.DEL_RE, bodies.NAME_RE, *UNPARSED_RE):
        pattern.compiled()


def sift(text: str, path: str, words: frozenset, index, project, scripts: list | None = None,
         roots: frozenset = frozenset(), syntax: frozenset | None = None) -> list | None:
    """The file's findings, their fixes decided, from its text with the function bodies no
    needle word is in left out (with ``index``'s options, as the whole file would be scanned);
    None when the whole file must be parsed and scanned: in doubt, when too little would be left
    out to pay, or when a finding spans a body left out.  A fix decision that looked up a name
    written in a body left out is taken again on the whole file's tree.  ``scripts``: given, the
    spans of the module's ``if __name__ == "__main__":`` bodies are added to it, read from the
    reduced tree (its lines are the file's; a body left out holds no finding).  ``syntax``: the
    words of ``prefilter.SYNTAX_WORDS`` the file names (``masking.mask``'s ``words``); None: not
    known, all are looked for."""
    found = _reduced(text, words.difference(roots) if roots else words, WORTH, syntax)
    if found is None:
        return None
    reduced, stubs, word_lines, blanks = found  # the lines naming a word that is not only a root
    from outmoded.engine import GIVE_UP, parse
    from outmoded.scan import scan_tree
    from outmoded.source import SourceError

    try:
        tree = parse(reduced, path)
        findings = scan_tree(tree, index, path, text, words, project, reduced=True, word_lines=word_lines,
                             roots=roots, stubs=stubs)
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
            if asked and _written_in(asked, text, stubs, blanks):  # the whole file's answer may differ: ask it
                judged = per_instance(findings, parse(text, path), index.entries, text)
        except (SourceError, *GIVE_UP):
            return None
        findings = judged
    if scripts is not None:
        from outmoded.branches import main_blocks

        scripts.extend(main_blocks(tree))
    return findings


_AFTER = float("inf")


def _written_in(names: set, text: str, stubs: list, blanks: list) -> bool:
    """Is one of ``names`` (None: any) written as a word in a body left out, or in a parameter
    list written as spaces (``blanks``)?  The fix decisions look a name's uses and bindings up on
    the lines where it is written (``fixability.spots``, ``fixes.bindings``): elsewhere the
    reduced tree and the whole one answer alike."""
    if None in names:
        return True
    lines = text.split("\n")
    hidden = "\n".join("\n".join(lines[first:end]) for first, end, _ in stubs)
    hidden += "".join(f"\n{text[start:end]}" for start, end in filter(None, blanks))
    if not hidden.isascii():
        import unicodedata

        hidden = unicodedata.normalize("NFKC", hidden)  # the parser's spelling of a name
    return any(word_re(name).search(hidden) for name in names)


def restore(body: list, text: str, stubs: list, lines: list) -> list | None:
    """``body``, the top-level statements of ``text``'s reduced tree, with each function whose
    body left out (``stubs``, ``_reduced``'s) holds one of ``lines`` (numbered from 0, in order)
    read whole: those functions parsed from their ``def`` lines to their bodies' ends, each at the
    lines and columns the text has it on (the indented ones in an ``if 1:``, one parse per
    indentation), so that their nodes are the whole text's tree's, their parameters too
    (``Reading._blank``).  The statements holding one are copied, not changed (the scan's tree is
    read again: ``fixability``).  For a question of the whole module that walks only the bodies
    naming some words (``deadmethods``): it costs those bodies' parse.  None when they do not
    parse so."""
    wanted = {}  # the line of a body left out (its ``pass``, from 1) -> where its lines end (from 0)
    for first, end, _ in stubs:
        at = bisect_left(lines, first)
        if at < len(lines) and lines[at] < end:
            wanted[first + 1] = end
    if not wanted:
        return body
    functions: list = []
    starts = list(wanted)  # in order, as the stubs
    _holding(body, wanted, starts, functions)
    whole = _functions(functions, wanted, text.split("\n"))
    if whole is None:
        return None
    return _restored(body, wanted, starts, whole)


_FUNCTIONS = frozenset({"FunctionDef", "AsyncFunctionDef"})


def _holding(statements: list, wanted: dict, starts: list, functions: list) -> None:
    """Notes in ``functions`` the functions of ``statements`` whose body ``wanted`` names."""
    for stmt in statements:
        if stmt.__class__.__name__ in _FUNCTIONS:  # only the outermost functions have a body left out
            if stmt.body[0].lineno in wanted:
                functions.append(stmt)
        elif _spans(stmt, starts):
            for field in BLOCKS:
                inner = getattr(stmt, field, None)
                if inner:
                    _holding(inner, wanted, starts, functions)


def _spans(stmt, lines: list) -> bool:
    """Does ``stmt`` span one of ``lines`` (in order)?"""
    first = getattr(stmt, "lineno", None)  # a match's case has none
    if first is None:
        return True
    at = bisect_left(lines, first)
    return at < len(lines) and lines[at] <= (stmt.end_lineno or first)


def _restored(statements: list, wanted: dict, starts: list, whole: dict) -> list:
    """``statements`` with copies of the functions ``wanted`` names holding the whole text's
    parameters and body (``whole``: by their def line), and copies of the statements holding
    them, ending where the whole text's do."""
    import copy

    kept = []
    for stmt in statements:
        if stmt.__class__.__name__ in _FUNCTIONS:
            if stmt.body[0].lineno in wanted:
                found = whole[stmt.lineno]
                stmt = copy.copy(stmt)
                stmt.args, stmt.body, stmt.end_lineno, stmt.end_col_offset = (
                    found.args, found.body, found.end_lineno, found.end_col_offset)
        elif _spans(stmt, starts):
            stmt = copy.copy(stmt)
            for field in BLOCKS:
                inner = getattr(stmt, field, None)
                if inner:
                    inner = _restored(inner, wanted, starts, whole)
                    setattr(stmt, field, inner)
                    last = inner[-1]  # a body read whole may end the statement further on
                    last = last if hasattr(last, "end_lineno") else last.body[-1]  # a case: its body's
                    if hasattr(stmt, "end_lineno") and (last.end_lineno, last.end_col_offset) > (
                            stmt.end_lineno, stmt.end_col_offset):
                        stmt.end_lineno, stmt.end_col_offset = last.end_lineno, last.end_col_offset
        kept.append(stmt)
    return kept


def _functions(functions: list, wanted: dict, lines: list) -> dict | None:
    """The def line (from 1) -> the whole text's function of each of ``functions``, parsed from
    ``lines``, or None when they do not parse."""
    from outmoded.engine import GIVE_UP, parse
    from outmoded.source import SourceError

    indents: dict = {}
    for node in functions:
        indents.setdefault(node.col_offset, []).append(node)
    found = {}
    for indent, nodes in indents.items():
        nodes.sort(key=lambda node: node.lineno)
        parts, at = [], 0  # the lines written so far
        for node in nodes:
            start, end = node.lineno - 1, wanted[node.body[0].lineno]
            if indent and not parts:
                if not start:
                    return None
                parts.append("\n" * (start - 1) + "if 1:\n")
            else:
                parts.append("\n" * (start - at))
            parts.append("\n".join(lines[start:end]) + "\n")
            at = end
        try:
            tree = parse("".join(parts), "")
        except (SourceError, *GIVE_UP):
            return None
        for function in tree.body[0].body if indent else tree.body:
            found[function.lineno] = function
    if any(found.get(node.lineno).__class__ is not node.__class__ or found[node.lineno].name != node.name
           for node in functions):
        return None
    return found


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


def _reduced(text: str, words: frozenset | None, worth: float = WORTH,
             syntax: frozenset | None = None) -> tuple[str, list, list, list] | None:
    """(``reduce``'s text, the (first line, end line, indentation) of each body it leaves out,
    lines counted from 0, in order, ``lines_naming(text, words)``, and per body left out where
    its parameters written as spaces are in the text, or None); ``words`` None: every function
    body is left out (``outline``, no parameters blanked), unless that leaves out less than
    ``worth``; ``syntax``: ``sift``'s."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None
    try:
        masked, masked_ends, ends = masking.mask(text, syntax)
        if ("\t" in masked or "\f" in masked) and ODD_INDENT_RE.search(masked):
            return None
        if words is None and any(pattern.search(masked) for pattern in UNPARSED_RE):
            return None
        reading = Reading(text, masked, words, masked_ends, ends)
        reading.read()
    except Doubt:
        return None
    if not reading.stubs:
        return None
    # the text kept between the bodies, each body written as ``pass`` then its other lines empty
    parts, kept, stubbed = [], 0, 0
    for (first, end, indent), (start, stop), blank in zip(reading.stubs, reading.spans, reading.blanks):
        if blank is not None:  # its plain parameters, written as spaces (``Reading._blank``)
            parts.append(text[kept:blank[0]])
            parts.append(" " * (blank[1] - blank[0]))
            kept = blank[1]
        parts.append(text[kept:start])
        parts.append(" " * indent + "pass" + "\n" * (end - first - (stop is None)))
        stubbed += indent + 4
        kept = len(text) if stop is None else stop
    parts.append(text[kept:])
    reduced = "".join(parts)
    if len(text) - len(reduced) + stubbed < worth * len(text):  # the characters of the lines left out
        return None
    return reduced, reading.stubs, reading.word_lines, reading.blanks
