"""Check one file: read, decode, prefilter, parse, scan, apply suppressions.

This is the unit of work a worker process runs; it never raises for a bad file, it returns a
``FileError`` saying what is wrong.  ``ast`` and the scanner are imported when a file passes the
prefilter: a pre-commit run on files it clears imports neither.  Python files are checked here; other file types (C sources,
CI configuration) register a checker in ``filetypes``.
"""

from __future__ import annotations

import sys
import warnings

from outmoded import filetypes
from outmoded.catalog.index import Index
from outmoded.findings import FileError, Finding
from outmoded.prefilter import candidate_words, screen as prescreen
from outmoded.records import Record
from outmoded.source import SourceError, decode

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import ast


class FileResult(Record):
    """One file's findings and errors; ``parsed`` is False when the prefilter cleared the file."""

    __slots__ = _fields = ("path", "findings", "errors", "parsed")

    def __init__(self, path: str, findings: list[Finding] | None = None, errors: list[FileError] | None = None,
                 parsed: bool = False):
        self.path = path
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.parsed = parsed


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
            return ast.parse(text, filename=path)
    except SyntaxError as exc:
        where = f" (line {exc.lineno})" if exc.lineno else ""
        raise SourceError(f"cannot parse: {exc.msg}{where}{NEWER_SYNTAX}") from None
    except (RecursionError, MemoryError):
        raise SourceError("cannot parse: too deeply nested") from None
    except ValueError as exc:
        raise SourceError(f"cannot parse: {exc}") from None


def _plain_ascii(data: bytes) -> bool:
    """ASCII without NUL bytes or a coding cookie: it decodes, so decoding can wait until the
    prefilter lets the file through (most files it clears are never decoded)."""
    if not data.isascii() or b"\0" in data:
        return False
    second = data.find(b"\n", data.find(b"\n") + 1)
    return b"coding" not in data[:second if second >= 0 else len(data)]


def check_source(path: str, data: bytes, index: Index, project=None) -> FileResult:
    """Check one file; ``project`` (a ``Project``) gives other modules' classes and flags, and its
    ``needles`` (``prefilter.ProjectNeedles``) more ways through the prefilter."""
    return _check(path, data, index, project)


def screen(path: str, data: bytes, index: Index, words: frozenset, methods: frozenset):
    """What is known of the file before the project is: ``check_source``'s result when the file
    is not Python, cannot be decoded, or is cleared whatever the project (it passes no needle of
    the catalog and names none of ``methods``, the only words the project's needles add:
    ``textindex.derivable_methods``); else None when it passes the catalog's needles, or the
    method words it names (the project's needles decide).  ``words``: the index's and ``methods``."""
    return _check(path, data, index, None, (words, methods))


def _check(path: str, data: bytes, index: Index, project=None, screening=None):
    other = filetypes.checker_for(path)
    if other is not None:
        return other(path, data, index)
    result = FileResult(path)
    try:
        # an undecodable file is reported whatever the prefilter says; a plain ASCII one decodes
        source = None if _plain_ascii(data) else decode(data)
        if screening is not None:
            named = prescreen(data, screening[0], index.by_anchor, screening[1])
            return result if named is not None and not named else named
        words = candidate_words(data, index.words, index.by_anchor, getattr(project, "needles", None))
        if words is None:
            return result
        from outmoded.scan import NEWLINE_RE, scan_tree  # here: a file the prefilter clears never needs it

        source = source or decode(data)
        tree = parse(source.text, path)
        result.parsed = True
        try:
            findings = scan_tree(tree, index, path, source.text, words, project)
        except RecursionError:
            raise SourceError("cannot analyse: too deeply nested") from None
    except SourceError as exc:
        result.errors.append(FileError(path, str(exc)))
        return result
    if findings:  # lines are split for suppression only in files with something to suppress
        from outmoded import fixability, suppress  # here: most files have no finding, and their regexes cost

        findings = fixability.per_instance(findings, tree, index.entries, source.text)
        result.findings = suppress.apply(findings, source.text, NEWLINE_RE.split(source.text))
    return result
