"""Which findings get a fix, and of what shape; notes for the findings that do not.

Whether a finding is fixed was decided by the planner (``outmoded.fixability``) and is in
``Finding.fix``; the shape of the edit is read from the catalog entry: ``rewrite`` (``drop`` or a
call template) and ``replacement`` (a dotted name when the fix is a rename).
"""

from __future__ import annotations

from collections.abc import Mapping

from outmoded.catalog import Entry
from outmoded.findings import Finding
from outmoded.fixability import edit_shape, without_unsafe_note
from outmoded.fixability.shapes import edit_replacement
from outmoded.records import Frozen, replace


class Policy(Frozen):
    """``entries``: rule code -> catalog entry; ``min_version``: the oldest Python the fixed code
    must still run on; ``unsafe``: apply unsafe fixes too."""

    __slots__ = _fields = ("entries", "min_version", "unsafe")

    def __init__(self, entries: Mapping[str, Entry], min_version: tuple[int, int], unsafe: bool = False):
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "min_version", min_version)
        object.__setattr__(self, "unsafe", unsafe)


class Edit(Frozen):
    """One fix to apply at one place, in LibCST coordinates (1-based lines, 0-based columns).
    ``shape``: "dotted" | "template" | "expression" | "drop-arg" | "replace-arg" | "positional-arg" | "supply-arg" | "module"
    | "retire" | "keyword" (a keyword renamed at a call through a renamed reference: ``keywords.through_edits``);
    ``api``: the removed
    name as the scanner resolved it; ``replacement``: dotted name, module or call template."""

    __slots__ = _fields = ("code", "shape", "api", "replacement", "start", "end", "entry")

    def __init__(self, code: str, shape: str, api: str, replacement: str, start: tuple[int, int],
                 end: tuple[int, int], entry: Entry):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "shape", shape)
        object.__setattr__(self, "api", api)
        object.__setattr__(self, "replacement", replacement)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "entry", entry)


def refusal(finding: Finding, policy: Policy) -> str | None:
    """Why this finding gets no fix ("none", "unsafe"), or None if it does.  The planner
    (``outmoded.fixability``) already decided ``finding.fix``; this only applies ``--unsafe-fixes``."""
    if finding.fix is None or finding.code not in policy.entries:
        return "none"
    if finding.fix == "unsafe" and not policy.unsafe:
        return "unsafe"
    return None


def edits_for(findings: list[Finding], policy: Policy) -> list[Edit]:
    edits = []
    for f in findings:
        if refusal(f, policy) is None:
            entry = policy.entries[f.code]
            replacement = edit_replacement(entry)
            edits.append(Edit(f.code, edit_shape(entry, f), f.api, replacement,
                              (f.line, f.column - 1), (f.end_line, f.end_column - 1), entry))
    return edits


def annotate(finding: Finding, policy: Policy, failed: frozenset = frozenset()) -> Finding:
    """A finding left after fixing, with its ``fix`` field and message telling the truth.

    ``failed``: rule codes whose fix was dropped in this file (reported as internal errors).  A
    promised fix that did not happen for another reason is a planner bug (tests look for it)."""
    if refusal(finding, policy) is None:
        why = "its fix failed, see the error" if finding.code in failed else "this form is not rewritten"
        message = without_unsafe_note(finding.message, policy.entries.get(finding.code))
        return replace(finding, fix=None, message=f"{message} (not fixed: {why})")
    return finding
