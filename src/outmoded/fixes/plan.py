"""Which findings get a fix, and of what shape; notes for the findings that do not.

Everything here is read from the catalog entry: ``fix`` (safe / unsafe / none), ``rewrite``
(``drop`` or a call template) and ``replacement`` (a dotted name when the fix is a rename), and
``replacement_since`` against the oldest Python the project supports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Optional

from outmoded.catalog import Entry, format_version
from outmoded.findings import Finding
from outmoded.fixes.names import is_dotted


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


def shape_of(entry: Entry) -> Optional[str]:
    """How an entry is fixed, or None when its catalog data describes no mechanical fix."""
    if entry.kind == "argument":
        return "drop-arg" if entry.rewrite == "drop" else None
    if entry.rewrite:
        if entry.kind in ("function", "class", "method"):
            return "template"  # a call is rewritten
        return "expression" if entry.kind in ("attribute", "constant") and "{" not in entry.rewrite else None
    if not is_dotted(entry.replacement):
        return None
    return "module" if entry.kind == "module" else "dotted"


def refusal(finding: Finding, policy: Policy) -> Optional[str]:
    """Why this finding gets no fix ("none", "unsafe", "version", "shape"), or None if it does."""
    entry = policy.entries.get(finding.code)
    if entry is None or entry.fix == "none":
        return "none"
    if not policy.unsafe and "unsafe" in (entry.fix, finding.fix):  # the finding's: unknown receiver
        return "unsafe"
    if entry.replacement_since and entry.replacement_since > policy.min_version:
        return "version"
    return None if shape_of(entry) else "shape"


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

    ``failed``: rule codes whose fix was dropped in this file (reported as internal errors)."""
    reason = refusal(finding, policy)
    entry = policy.entries.get(finding.code)
    if reason == "version":
        since, lowest = format_version(entry.replacement_since), format_version(policy.min_version)
        note = f"no fix offered: the replacement needs Python {since}, the project supports Python {lowest}"
        return replace(finding, fix=None, message=f"{finding.message} ({note})")
    if reason is None:
        why = "its fix failed, see the error" if finding.code in failed else "this form is not rewritten"
        return replace(finding, fix=None, message=f"{finding.message} (not fixed: {why})")
    if reason == "shape":
        return replace(finding, fix=None)
    return finding
