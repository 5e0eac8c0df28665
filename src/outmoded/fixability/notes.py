"""What a finding's message says about its fix: guard notes, the unsafe note, a refusal's why."""

from __future__ import annotations

from outmoded.catalog import Entry
from outmoded.records import replace

GUARD_NOTES = {
    "probe": "no automatic fix: it sits in a try/except (or contextlib.suppress) that tests for the API",
    "hasattr": "no automatic fix: it is guarded by hasattr()",
    # six.moves.configparser is ConfigParser on Python 2: the replacement may not be there
    "six-moves": "no automatic fix: reached through six.moves, another module on Python 2, which the project supports",
    "isinstance": "no automatic fix: it is guarded by isinstance()",
    "truthy": "no automatic fix: it is guarded by a truth test of an object that is always true",
    # fixing it would change what the code does on every Python the project supports
    "broken-at-floor": "no automatic fix: it already fails on every Python the project supports",
    "after-broken": "no automatic fix: a line before it fails on every Python the project supports",
    # a parser's or formatter's test compares what it makes of the file with what it expects
    "test-data": "no automatic fix: a test's data file is input the test reads, not code it runs",
    # code that runs only on the project's other Pythons, where the removed name is what works
    "refused": "no automatic fix: its package imports only on the other Pythons the project supports",
    "not-installed": "no automatic fix: the build installs it only for the other Pythons the project supports",
    "unreached": "no automatic fix: the project imports it only on the other Pythons it supports",
    "uncalled": "no automatic fix: the project calls it only on the other Pythons it supports",
    "rebound": "no automatic fix: its module replaces it here, and it runs only on the other Pythons the project"
               " supports",
    "skipped": "no automatic fix: the test is skipped here, and may run on the other Pythons the project supports",
    "expected": "no automatic fix: it would stop the failure the test expects",
    "not-run": "no automatic fix: no build runs this setup.py (its pyproject.toml names another backend)",
}


DROP_NOTE = "the fix drops this import: every use of it is rewritten"
REFUSALS = (" (no fix offered: ", " (no automatic fix: ")


def is_drop(finding) -> bool:
    """Is this finding's fix the drop of its import (``fixability.imports``)?"""
    return finding.message.endswith(f" ({DROP_NOTE})")


def without_refusal(message: str) -> str:
    """The message without the note saying why there is no fix."""
    cut = min((message.find(r) for r in REFUSALS if r in message), default=-1)
    return message[:cut] if cut >= 0 else message


def without_unsafe_note(message: str, entry: Entry | None) -> str:
    """The message without its "(unsafe fix: ...)" note (the fix is safe, or there is none)."""
    return message.replace(f" (unsafe fix: {(entry.fix_reason or '').rstrip('.')})", "") if entry else message


def with_note(finding, fix: str | None, note: str | None, entry: Entry | None = None):
    message = without_unsafe_note(finding.message, entry) if fix is None else finding.message
    message = f"{message} ({note})" if note else message
    return replace(finding, fix=fix, message=message)
