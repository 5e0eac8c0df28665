"""Check one file: read, decode, prefilter, parse, scan, apply suppressions.

This is the unit of work a worker process runs; it never raises for a bad file, it returns a
``FileError`` saying what is wrong: a file the running Python's parser or the analysis gives up
on (``RecursionError``, ``MemoryError``, or the ``SystemError`` some releases raise on a few
inputs) is one unreadable file, named with the Python that tried, not a failed run.  A result
also lists the other files its verdict read (``reads``), for the results cache.  ``ast`` and the scanner are imported when a file passes the
prefilter: a pre-commit run on files it clears imports neither.  Python files are checked here; other file types (C sources,
CI configuration) register a checker in ``filetypes``.
"""

from __future__ import annotations

import sys
import warnings

from outmoded import filetypes
from outmoded.catalog.index import Index
from outmoded.depth import retried
from outmoded.findings import FileError, Finding
from outmoded.prefilter import UR_WORDS, Passed, SyntaxOnly, candidate_words, screen as prescreen
from outmoded.reads import recording
from outmoded.records import Record
from outmoded.source import SourceError, decode

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import ast


class FileResult(Record):
    """One file's findings and errors; ``parsed`` is False when the prefilter cleared the file."""

    _fields = ("path", "findings", "errors", "parsed")
    __slots__ = (*_fields, "reads")

    def __init__(self, path: str, findings: list[Finding] | None = None, errors: list[FileError] | None = None,
                 parsed: bool = False):
        self.path = path
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.parsed = parsed
        # ((path, stamp), ...) of the other files the verdict read (``outmoded.reads``); None: the
        # verdict is not to be kept (the interpreter failed in a way another run may not)
        self.reads: tuple | None = ()


RUNNING = "Python {}.{}.{}".format(*sys.version_info[:3])
# ast reads the syntax of the Python running outmoded: say so where a newer Python exists
NEWER_SYNTAX = "" if sys.version_info >= (3, 15) else (
    f"; outmoded runs on Python {sys.version_info[0]}.{sys.version_info[1]} here: if the file uses newer syntax, "
    "run outmoded on a Python that has it")


def parse(text: str, path: str) -> ast.Module:
    """ast.parse with every failure turned into a SourceError."""
    import ast

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences and the like
            return retried(ast.parse, text, path)  # once more, deeper, for a chain like a + b + ...
    except SyntaxError as exc:
        from outmoded.oldsyntax import KEYWORD_NAME, described

        where = f" (line {exc.lineno})" if exc.lineno else ""
        said = described(exc.text, exc.msg or "")
        if said == KEYWORD_NAME:
            said = _as_names_said(text, path, said)
        raise SourceError(f"cannot parse: {exc.msg}{where}" + (f": {said}" if said else NEWER_SYNTAX)) from None
    except ValueError as exc:
        raise SourceError(f"cannot parse: {exc}") from None
    except GIVE_UP as exc:
        raise (Transient if isinstance(exc, SystemError) else SourceError)(f"cannot parse: {gave_up(exc)}") from None


def _as_names_said(text: str, path: str, said: str) -> str:
    """Why a file whose first error is ``async`` / ``await`` used as a name cannot be parsed, told
    true: where the words read as names (``oldsyntax.as_names``, Python 3.6's reading) it parses,
    that is all; where another line fails then too, that line is told as well, or, described by
    nothing, the file is one no Python parses (ruff 0.17.5's invalid test input ``(async)`` then
    ``(x async x in iter)``, which pyenv's 3.6 fails on at line 2)."""
    import ast

    from outmoded.oldsyntax import KEYWORD_NAME, as_names, described

    names = as_names(text)
    if names is None:
        return said
    try:
        retried(ast.parse, names, path)
    except SyntaxError as exc:
        also = described(exc.text, exc.msg or "")
        if also == KEYWORD_NAME:
            return said  # a spelling as_names does not rewrite: the words may be all that fails
        if also:
            return f"{said}; and line {exc.lineno} holds {also}"
        return (f"async or await used as a name, and line {exc.lineno} fails ({exc.msg}) also where "
                "they are names (before 3.7): no Python parses it")
    except (ValueError, *GIVE_UP):
        return said
    return said


# what the interpreter raises when its parser, or a walk of a deep tree, gives up on a file
GIVE_UP = (RecursionError, MemoryError, SystemError)


class Transient(SourceError):
    """A file the interpreter failed on in a way another run may not (CPython 3.11 before 3.11.8
    raises ``SystemError: AST constructor recursion depth mismatch`` for a correct file when a
    garbage collection runs another parse): reported, but its verdict is not cached."""


def gave_up(exc: BaseException) -> str:
    """Why ``exc`` stopped the running interpreter, naming it: the same file may be read by another."""
    if isinstance(exc, SystemError):
        return f"{RUNNING} failed on it (SystemError: {exc}); another Python may read it"
    detail = f": {exc}" if str(exc) else ""
    return f"nested too deeply or too large for {RUNNING} ({type(exc).__name__}{detail})"


def _plain_ascii(data: bytes) -> bool:
    """ASCII without NUL bytes or a coding cookie: it decodes, so decoding can wait until the
    prefilter lets the file through (most files it clears are never decoded)."""
    if not data.isascii() or b"\0" in data:
        return False
    second = data.find(b"\n", data.find(b"\n") + 1)
    return b"coding" not in data[:second if second >= 0 else len(data)]


def check_source(path: str, data: bytes, index: Index, project=None, noqa: bool = True,
                 held: frozenset | None = None, keep_reads: bool = True, inside: frozenset | None = None,
                 scripts: list | None = None) -> FileResult:
    """Check one file; ``project`` (a ``Project``) gives other modules' classes and flags, and its
    ``needles`` (``prefilter.ProjectNeedles``) more ways through the prefilter.  ``noqa``: are
    its ``# noqa`` comments read (not with ``--ignore-noqa``, nor in a dependency, whose comments
    were written for its own linters: celery's ``from imp import reload  # noqa``)?  ``held``:
    the catalog's words ``screen`` found holding in these bytes (``prefilter.Passed``), if known.
    ``keep_reads``: are the other files the verdict read listed (``FileResult.reads``, for the
    results cache)?  A run without a cache drops them: not sorted, nor sent back by a worker.
    ``inside``: the names of the directories on the file's path a relative import can reach the
    standard library's names through (``discover.Discovery.inside``, or ``relativeneedles.packages_on``
    for a file not discovered), or None: no such directory (the file's relative imports are not read).
    ``scripts``: given, a file with findings adds to it the (first, last) lines of its top-level
    ``if __name__ == "__main__":`` bodies (``branches.main_blocks``), read from the tree its check
    parsed: a dependency's module is not parsed again to tell what importing it never runs."""
    return _check(path, data, index, project, noqa=noqa, held=held, keep_reads=keep_reads, inside=inside,
                  scripts=scripts)


def screen(path: str, data: bytes, index: Index, words: frozenset, methods: frozenset, noqa: bool = True,
           keep_reads: bool = True, inside: frozenset | None = None, record: list | None = None):
    """What is known of the file before the project is: ``check_source``'s result when the file
    is not Python, cannot be decoded, or is cleared whatever the project (it passes no needle of
    the catalog and names none of ``methods``, the only words the project's needles add:
    ``textindex.derivable_methods``); else ``prefilter.Passed`` when it passes the catalog's
    needles, or the method words it names (the project's needles decide).  ``words``: the
    index's and ``methods``; ``keep_reads``, ``inside``: as for ``check_source``; ``record``: as
    for ``prefilter.screen`` (left empty when the file is not read as Python)."""
    return _check(path, data, index, None, (words, methods, record), noqa, keep_reads=keep_reads, inside=inside)


def _check(path: str, data: bytes, index: Index, project=None, screening=None, noqa: bool = True, held=None,
           keep_reads: bool = True, inside=None, scripts=None):
    """``_verdict``, with the other files it read, and the interpreter giving up on the file
    (in a checker of another file type too) reported as that file's error."""
    with recording() as reads:
        try:
            result = _verdict(path, data, index, project, screening, noqa, held, inside, scripts)
        except GIVE_UP as exc:
            result = FileResult(path, errors=[FileError(path, f"cannot analyse: {gave_up(exc)}")])
            if isinstance(exc, SystemError):
                result.reads = None
    if keep_reads and isinstance(result, FileResult) and result.reads is not None and reads:
        import os

        own = os.path.abspath(path)
        result.reads = tuple(sorted(item for item in reads.items() if item[0] != own))
    return result


def _cleared(result: FileResult, data: bytes, source, path: str, index: Index, syntax: frozenset = frozenset()) -> FileResult:
    """``result`` of a file the prefilter clears, once the file is known to parse where
    ``oldsyntax`` finds syntax the target may not parse: a Python 2 statement, a ``ur''`` string
    or ``async`` as a name in a file naming such a word (``syntax``: those of
    ``prefilter.SYNTAX_WORDS`` it names, ``prefilter.SyntaxOnly``: only those are looked for);
    Python 2's ``except X, e:`` / ``raise E, V`` in any
    file of a project that does not say it needs Python 3 (no floor, or one below 3.0: where it
    does, such a file fails on every Python it supports, and the search, a few percent of a cold
    check, is spared).  A syntax error is raised as the file's SourceError."""
    if syntax:
        from outmoded.oldsyntax import may_fail, ur_string

        ur = syntax & UR_WORDS
        if ur and ur_string(data, ur):
            parse((source or decode(data, newline=False)).text, path)
            return result
        statements = [word.decode() for word in syntax - UR_WORDS]
        if statements:
            text = (source or decode(data, newline=False)).text
            if may_fail(text, statements):
                parse(text, path)
                return result
    if index.floor is None or index.floor < (3, 0):
        from outmoded.oldsyntax import comma_form  # here: not asked of a file a Python 3 project clears

        if comma_form(data, index.target):
            parse((source or decode(data, newline=False)).text, path)
    return result


_NONE = frozenset()


def _syntax(said) -> frozenset:
    """The words of ``prefilter.SYNTAX_WORDS`` the prefilter's answer says the file names."""
    return said.syntax if isinstance(said, SyntaxOnly) else _NONE


def _relative(data: bytes, index: Index, inside: frozenset) -> frozenset | None:
    """The words of the needles a relative import lets through (``relativeneedles``), asked only of
    a file below a directory named like a standard-library package (``inside``)."""
    from outmoded.relativeneedles import relative_words

    return relative_words(data, index, inside)


def _verdict(path: str, data: bytes, index: Index, project=None, screening=None, noqa: bool = True, held=None,
             inside=None, scripts=None):
    other = filetypes.checker_for(path)
    if other is not None:
        if noqa:
            return other(path, data, index)
        from outmoded.suppress import ignored

        with ignored():  # the checker applies suppressions itself
            return other(path, data, index)
    result = FileResult(path)
    try:
        # an undecodable file is reported whatever the prefilter says; a plain ASCII one decodes
        # (the check reads the text, never its newline: not counted)
        source = None if _plain_ascii(data) else decode(data, newline=False)
        if screening is not None:
            named = prescreen(data, screening[0], index.by_anchor, screening[1], index.handed, screening[2])
            if isinstance(named, SyntaxOnly) or not named:  # cleared by the catalog, if it parses
                relative = _relative(data, index, inside) if inside else None
                if relative:  # a name reached through a relative import in a package named like the stdlib's
                    return Passed(relative)
                result = _cleared(result, data, source, path, index, _syntax(named))
                named = frozenset(named) if named is not None else None
            elif not isinstance(named, Passed):  # method words the project's needles may clear unread
                # (``refine``): it must parse as a cleared file must (nose 1.3.7's failure.py, raise E, V)
                _cleared(result, data, source, path, index)  # it names no word of SYNTAX_WORDS
            return named or result  # Passed, the method words named, or cleared
        words = candidate_words(data, index.words, index.by_anchor, getattr(project, "needles", None), held,
                                path, index.handed)
        # the words that only stand for a module a needle imports (``prefilter._roots``): a
        # function body naming no other is not walked
        roots = getattr(words, "roots", _NONE)
        syntax = getattr(words, "syntax", None)  # the words of SYNTAX_WORDS it names (None: not known)
        if words:  # a checked call reached through another name the file imports it as
            leaves = index.call_leaves.intersection(words)
            if leaves:
                from outmoded.callaliases import call_aliases

                aliases = call_aliases(data, leaves)
                words, roots = words.union(aliases), roots.difference(aliases)
        if inside:
            relative = _relative(data, index, inside)
            if relative:
                relative = frozenset(w.decode() for w in relative)
                words, roots = frozenset(words or ()).union(relative), roots.difference(relative)
        if not words:  # None: cleared; SyntaxOnly: cleared, if it parses
            return _cleared(result, data, source, path, index, _syntax(words))
        from outmoded.scan import scan_tree  # here: a file the prefilter clears never needs it

        source = source or decode(data, newline=False)
        from outmoded.sieve import sift

        # fixes decided; None: parse it all
        tree, findings = None, sift(source.text, path, words, index, project, scripts, roots, syntax)
        if findings is None:
            if scripts:  # the reduced tree's, from a sift that then gave up
                del scripts[:]
            tree = parse(source.text, path)
            try:
                findings = retried(scan_tree, tree, index, path, source.text, words, project, False, None, roots)
            except GIVE_UP as exc:
                raise (Transient if isinstance(exc, SystemError) else SourceError)(f"cannot analyse: {gave_up(exc)}") \
                    from None
        result.parsed = tree is not None or bool(findings)  # a file its remainder clears is not counted
        if scripts is not None and tree is not None:
            from outmoded.branches import main_blocks

            scripts.extend(main_blocks(tree))
    except SourceError as exc:
        result.errors.append(FileError(path, str(exc)))
        if isinstance(exc, Transient):
            result.reads = None
        return result
    if findings:  # lines are split for suppression only in files with something to suppress
        from outmoded import fixability, suppress  # here: most files have no finding, and their regexes cost

        if tree is not None:
            findings = fixability.per_instance(findings, tree, index.entries, source.text)
        result.findings = suppress.apply(findings, source.text, respect=noqa)
    return result
