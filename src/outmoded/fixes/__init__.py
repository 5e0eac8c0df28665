"""Fixes: rewrite uses of removed APIs, driven by the scanner's findings.

The scanner decides *what* a name means (one resolver, in ``outmoded.scan``); the fixer only
rewrites the nodes at the findings' positions, with LibCST so formatting and comments survive.
One module per shape of fix: ``dotted`` (replace a dotted name), ``methods`` (rename a method),
``moves`` (move a from-import, rename an imported module), ``arguments`` (drop an argument),
``keywords`` (an argument becomes another keyword), ``supply`` (give an argument that became required),
``templates`` (rewrite a call from the catalog's template); ``imports`` adds and removes imports.

``fix_source`` runs passes until nothing changes (a replacement may itself be outdated under
``--pending``), rescanning between passes, so a second ``outmoded fix`` has nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable

from outmoded.findings import FileError, Finding
from outmoded.fixes.plan import Policy, annotate, edits_for
from outmoded.records import Record
from outmoded.source import SourceError, decode

__all__ = ["FileFix", "Policy", "fix_source"]

MAX_PASSES = 4


class FileFix(Record):
    """One file's fix: its bytes before and after, the findings that remain (annotated), errors,
    and how many edits were applied."""

    __slots__ = _fields = ("path", "old", "new", "findings", "errors", "fixed")

    def __init__(self, path: str, old: bytes, new: bytes, findings: list[Finding] | None = None,
                 errors: list[FileError] | None = None, fixed: int = 0):
        self.path = path
        self.old = old
        self.new = new
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.fixed = fixed

    @property
    def changed(self) -> bool:
        return self.new != self.old


def _passes(path: str, text: str, findings: list[Finding], policy: Policy, rescan, result: FileFix):
    from outmoded.fixes.plain import attribute_pass

    failed: dict[str, str] = {}
    plain_tried = False
    for _ in range(MAX_PASSES):
        edits = [e for e in edits_for(findings, policy) if e.code not in failed]
        if not edits:
            break
        try:
            outcome = attribute_pass(text, edits) or _libcst_pass(text, edits, path)
        except CannotParse as exc:
            outcome = None if plain_tried else _plain(text, edits, path, str(exc), result)
            plain_tried = True
            if outcome is None:
                break
        failed.update(outcome.failures)
        if outcome.text == text:
            break
        try:
            findings = rescan(outcome.text)
        except SourceError as exc:  # never worse than before: the text of the last good pass stays
            result.errors.append(FileError(path, f"internal error: the fixed text was dropped: {exc}"))
            break
        text, result.fixed = outcome.text, result.fixed + len(outcome.applied)
    result.errors += [FileError(path, f"internal error: the {code} fix was dropped: {why}")
                      for code, why in sorted(failed.items())]
    return text, findings, frozenset(failed)


class CannotParse(Exception):
    """LibCST cannot handle this file (the message says how); nothing was changed."""


def _libcst_pass(text: str, edits: list, path: str):
    from outmoded.fixes import apply

    try:
        return apply.fix_text(text, edits, path)
    except apply.CannotParse as exc:
        raise CannotParse(str(exc)) from None


def _plain(text: str, edits: list, path: str, why: str, result: FileFix):
    """LibCST cannot handle the file: apply the plain renames at their positions (``plain``)."""
    from outmoded.fixes import plain
    from outmoded.fixes.plain import Outcome
    from outmoded.fixes.verify import problem

    new, applied = plain.apply(text, edits)
    if not applied or problem(text, new, path) is not None:
        result.errors.append(FileError(path, f"{why}; its fixes are not plain renames, which are all that can "
                                             "be applied without LibCST"))
        return None
    left = len(edits) - len(applied)
    if left:
        result.errors.append(FileError(path, f"{why}; applied the {len(applied)} plain rename(s) without LibCST, "
                                             f"{left} other fix(es) left"))
    return Outcome(new, applied)


def _for_libcst(source) -> tuple[str, str]:
    """The text as LibCST handles it, and what was appended to it.

    One kind of newline: LibCST cannot parse a file that mixes them (Python reads every newline
    as "\\n", so this changes nothing; the file is only written if a fix applies).  And a final
    ``pass`` line: LibCST drops comments at the very end of a file (indented ones, or one without
    a newline after it); before a statement they are kept.  The appended text is taken off again.
    """
    from outmoded.fixes.verify import single_newline
    from outmoded.newlines import NEWLINE_RE

    text = source.text
    if single_newline(text) is None:
        text = NEWLINE_RE.sub(source.newline, text)
    added = ("" if not text or text.endswith(("\n", "\r")) else source.newline) + "pass" + source.newline
    return text + added, added


def fix_source(path: str, data: bytes, findings: list[Finding], policy: Policy,
               rescan: Callable[[bytes], list[Finding]]) -> FileFix:
    """Fix one file's findings.  ``rescan(new_bytes)`` checks the rewritten file again and
    raises ``SourceError`` when it cannot read it (the whole file's parse check: the fixers
    compile only the statements they changed)."""
    result = FileFix(path, data, data)
    try:
        source = decode(data)
    except SourceError as exc:
        result.errors.append(FileError(path, str(exc)))
        return result
    start, added = _for_libcst(source)
    try:
        text, findings, failed = _passes(path, start, findings, policy,
                                         lambda new: rescan(source.encode(new)), result)
        if added and text.endswith(added):
            text = text[:-len(added)]
        if result.fixed:
            from outmoded.fixes.verify import mixed_newlines_kept, single_newline

            if single_newline(source.text) is None:  # LibCST was given one kind (_for_libcst)
                text = mixed_newlines_kept(source.text, text)
        result.new = source.encode(text) if result.fixed else data
    except UnicodeEncodeError as exc:
        why = f"not fixed: the result cannot be encoded as {source.encoding}: {exc.reason}"
        result.errors.append(FileError(path, why))
        result.new, failed = data, frozenset()
    result.findings = [annotate(f, policy, failed) for f in findings]
    return result
