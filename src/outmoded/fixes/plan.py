"""Which findings get a fix, and of what shape; notes for the findings that do not.

Whether a finding is fixed was decided by the planner (``outmoded.fixability``) and is in
``Finding.fix``; the shape of the edit is read from the catalog entry: ``rewrite`` (``drop`` or a
call template) and ``replacement`` (a dotted name when the fix is a rename).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Optional

from outmoded.catalog import Entry
from outmoded.findings import Finding
from outmoded.fixability import shape_of


@dataclass(frozen=True)
class Policy:
    entries: Mapping[str, Entry]  # rule code -> catalog entry
    min_version: tuple[int, int]  # the oldest Python the fixed code must still run on
    unsafe: bool = False


@dataclass(frozen=True)
class Edit:
    """One fix to apply at one place, in LibCST coordinates (1-based lines, 0-based columns)."""

    code: str
    shape: str  # "dotted" | "template" | "expression" | "drop-arg" | "module"
    api: str  # the removed name as the scanner resolved it
    replacement: str  # dotted name, module or call template
    start: tuple[int, int]
    end: tuple[int, int]
    entry: Entry


def refusal(finding: Finding, policy: Policy) -> Optional[str]:
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
            replacement = entry.rewrite if entry.rewrite and entry.rewrite != "drop" else entry.replacement
            edits.append(Edit(f.code, shape_of(entry), f.api, replacement,
                              (f.line, f.column - 1), (f.end_line, f.end_column - 1), entry))
    return edits


def annotate(finding: Finding, policy: Policy, failed: frozenset = frozenset()) -> Finding:
    """A finding left after fixing, with its ``fix`` field and message telling the truth.

    ``failed``: rule codes whose fix was dropped in this file (reported as internal errors).  A
    promised fix that did not happen for another reason is a planner bug (tests look for it)."""
    if refusal(finding, policy) is None:
        why = "its fix failed, see the error" if finding.code in failed else "this form is not rewritten"
        return replace(finding, fix=None, message=f"{finding.message} (not fixed: {why})")
    return finding
