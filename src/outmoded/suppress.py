"""``# noqa`` suppression, as ruff and flake8 users write it.

- ``# noqa`` on a line silences every finding that starts or ends on it;
- ``# noqa: OM12001, OM13`` silences those codes (or code prefixes) only;
- ``# outmoded: ignore`` / ``# outmoded: ignore[OM12001]`` are accepted spellings of the same;
- ``# outmoded: noqa`` on a line of its own silences the whole file.
"""

from __future__ import annotations

import re
from typing import Iterable

from outmoded.findings import Finding

LINE_RE = re.compile(
    r"#\s*(?:noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?"
    r"|outmoded:\s*ignore(?:\[(?P<codes2>[^\]]*)\])?)",
    re.IGNORECASE,
)
FILE_RE = re.compile(r"^[ \t]*#\s*outmoded:\s*noqa\s*$", re.IGNORECASE | re.MULTILINE)
ALL = frozenset({""})  # the empty prefix matches every code


def _codes(match: re.Match) -> frozenset:
    raw = match.group("codes") or match.group("codes2")
    if not raw:
        return ALL
    return frozenset(code.upper() for code in re.split(r"[\s,]+", raw.strip()) if code)


def suppressions(lines: list[str]) -> dict[int, frozenset]:
    """Line number (1-based) -> code prefixes silenced on that line."""
    found = {}
    for number, line in enumerate(lines, 1):
        if "#" in line:
            match = LINE_RE.search(line)
            if match:
                found[number] = _codes(match)
    return found


def silenced(code: str, prefixes: frozenset) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def apply(findings: Iterable[Finding], text: str, lines: list[str]) -> list[Finding]:
    findings = list(findings)
    if not findings or FILE_RE.search(text):
        return [] if findings else findings
    table = suppressions(lines)
    return [f for f in findings
            if not any(silenced(f.code, table.get(n, frozenset())) for n in {f.line, f.end_line})]
