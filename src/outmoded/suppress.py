"""``# noqa`` suppression, as ruff and flake8 users write it.

- ``# noqa`` on a line silences every finding that starts or ends on it;
- ``# noqa: OM12001, OM13`` silences those codes (or code prefixes) only;
- ``# outmoded: ignore`` / ``# outmoded: ignore[OM12001]`` are accepted spellings of the same;
- ``# outmoded: noqa`` on a line of its own silences the whole file.

C and C++ sources (``language="c"``) also accept ``// noqa: OMC13001`` and ``/* noqa */``.
"""

from __future__ import annotations

import re
from typing import Iterable

from outmoded.findings import Finding

_NOQA = (r"\s*(?:noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?"
         r"|outmoded:\s*ignore(?:\[(?P<codes2>[^\]]*)\])?)")
LINE_RE = re.compile(r"#" + _NOQA, re.IGNORECASE)
FILE_RE = re.compile(r"^[ \t]*#\s*outmoded:\s*noqa\s*$", re.IGNORECASE | re.MULTILINE)
C_LINE_RE = re.compile(r"(?://|/\*)" + _NOQA, re.IGNORECASE)
C_FILE_RE = re.compile(r"^[ \t]*(?://|/\*)\s*outmoded:\s*noqa\s*(?:\*/)?[ \t]*$", re.IGNORECASE | re.MULTILINE)
ALL = frozenset({""})  # the empty prefix matches every code


def _codes(match: re.Match) -> frozenset:
    raw = match.group("codes") or match.group("codes2")
    if not raw:
        return ALL
    return frozenset(code.upper() for code in re.split(r"[\s,]+", raw.strip()) if code)


def suppressions(lines: list[str], language: str = "python") -> dict[int, frozenset]:
    """Line number (1-based) -> code prefixes silenced on that line."""
    line_re, marker = (C_LINE_RE, "/") if language == "c" else (LINE_RE, "#")
    found = {}
    for number, line in enumerate(lines, 1):
        if marker in line:
            match = line_re.search(line)
            if match:
                found[number] = _codes(match)
    return found


def silenced(code: str, prefixes: frozenset) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def apply(findings: Iterable[Finding], text: str, lines: list[str], language: str = "python") -> list[Finding]:
    findings = list(findings)
    if not findings or (C_FILE_RE if language == "c" else FILE_RE).search(text):
        return [] if findings else findings
    table = suppressions(lines, language)
    return [f for f in findings
            if not any(silenced(f.code, table.get(n, frozenset())) for n in {f.line, f.end_line})]
