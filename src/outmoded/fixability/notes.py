"""What a finding's message says about its fix: guard notes, the unsafe note, a refusal's why."""

from __future__ import annotations

from outmoded.catalog import Entry
from outmoded.records import replace

GUARD_NOTES = {
    "probe": "no automatic fix: it sits in a try/except that tests for the API",
    "hasattr": "no automatic fix: it is guarded by hasattr()",
}


def without_unsafe_note(message: str, entry: Entry | None) -> str:
    """The message without its "(unsafe fix: ...)" note (the fix is safe, or there is none)."""
    return message.replace(f" (unsafe fix: {(entry.fix_reason or '').rstrip('.')})", "") if entry else message


def with_note(finding, fix: str | None, note: str | None, entry: Entry | None = None):
    message = without_unsafe_note(finding.message, entry) if fix is None else finding.message
    message = f"{message} ({note})" if note else message
    return replace(finding, fix=fix, message=message)
