"""``# noqa`` suppression, as ruff and flake8 users write it, for outmoded's codes only.

- ``# noqa: OM12001, OM13`` silences those codes (or code prefixes) on the line where a finding
  starts or ends; codes of other tools in the same list (``# noqa: E501, OM12001``) are theirs;
- ``# outmoded: ignore[OM12001]`` does the same, and a bare ``# outmoded: ignore`` silences every
  finding on its line;
- ``# outmoded: noqa`` on a line of its own silences the whole file.

A bare ``# noqa`` (or ``# noqa: E501``, codes of other tools only) silences nothing here: such
comments were written for a linter, before anyone asked what breaks on the target, and cannot speak
for a line that does (celery 3.1's ``from imp import reload  # noqa`` in kombu's, amqp's and
billiard's five.py hid the import failing on 3.13 that ~290 modules of the stack reach).  A line may
carry both (``# noqa  # noqa: OM12001``): every directive on it counts.

C and C++ sources (``language="c"``) also accept ``// noqa: OMC13001`` and ``/* outmoded: ignore */``.

Whether they are read is the caller's: ``engine.check_source(noqa=False)`` for ``--ignore-noqa``
(ruff's) and for the dependencies ``outmoded deps`` judges.  ``apply`` takes it as ``respect``;
checkers of other file types, which call ``apply`` themselves, are run by the engine inside
``ignored()``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from contextlib import contextmanager

from outmoded.findings import Finding

_NOQA = (r"\s*(?:noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?"
         r"|(?P<ours>outmoded):\s*ignore(?:\[(?P<codes2>[^\]]*)\])?)")
LINE_RE = re.compile(r"#" + _NOQA, re.IGNORECASE)
FILE_RE = re.compile(r"^[ \t]*#\s*outmoded:\s*noqa\s*$", re.IGNORECASE | re.MULTILINE)
C_LINE_RE = re.compile(r"(?://|/\*)" + _NOQA, re.IGNORECASE)
C_FILE_RE = re.compile(r"^[ \t]*(?://|/\*)\s*outmoded:\s*noqa\s*(?:\*/)?[ \t]*$", re.IGNORECASE | re.MULTILINE)
ALL = frozenset({""})  # the empty prefix matches every code
NONE = frozenset()
OURS = "OM"  # a noqa code that silences one of outmoded's findings starts with it
_THREAD = threading.local()  # .ignored: inside ``ignored()``


@contextmanager
def ignored():
    """Within it, this thread reads no ``# noqa`` (the engine runs a checker of another file type
    there for ``check_source(noqa=False)``).  Thread-local: ``outmoded deps`` judges releases in
    threads."""
    before = getattr(_THREAD, "ignored", False)
    _THREAD.ignored = True
    try:
        yield
    finally:
        _THREAD.ignored = before


def _listed(raw: str) -> frozenset:
    return frozenset(code.upper() for code in re.split(r"[\s,]+", raw.strip()) if code)


def _codes(match: re.Match) -> frozenset:
    """The code prefixes one directive silences: a ``noqa``'s codes of outmoded (none for a bare
    ``# noqa``), an ``outmoded: ignore``'s codes (all when it lists none)."""
    if match.group("ours"):
        raw = match.group("codes2")
        return _listed(raw) if raw and raw.strip() else ALL
    raw = match.group("codes")
    return frozenset(code for code in _listed(raw) if code.startswith(OURS)) if raw else NONE


def suppressions(lines: list[str], language: str = "python") -> dict[int, frozenset]:
    """Line number (1-based) -> code prefixes silenced on that line (lines silencing none left out)."""
    line_re, marker = (C_LINE_RE, "/") if language == "c" else (LINE_RE, "#")
    found = {}
    for number, line in enumerate(lines, 1):
        if marker in line:
            codes = NONE.union(*(_codes(match) for match in line_re.finditer(line)))
            if codes:
                found[number] = codes
    return found


def silenced(code: str, prefixes: frozenset) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def _mentions_directive(text: str) -> bool:
    """Does the text hold noqa or outmoded in some case, as each directive does (re.I folds no
    other letter to theirs)?  Beyond ASCII, ``str.lower`` costs several times what lowering the UTF-8
    bytes does, and gives these letters for the same characters: only U+0130 and U+212A lower to
    ASCII letters (i and k)."""
    if text.isascii():
        lowered = text.lower()
        return "noqa" in lowered or "outmoded" in lowered
    lowered = text.encode("utf-8", "surrogatepass").lower()
    return b"noqa" in lowered or b"outmoded" in lowered


def apply(findings: Iterable[Finding], text: str, lines: list[str] | None = None, language: str = "python",
          respect: bool = True) -> list[Finding]:
    """The findings no ``# noqa`` silences; all of them when ``respect`` is False (or in ``ignored()``).
    ``lines``: the text's (``newlines.split_lines``), split here when None and needed."""
    findings = list(findings)
    if not respect or getattr(_THREAD, "ignored", False) or not findings:
        return findings
    if not _mentions_directive(text):
        return findings
    if (C_FILE_RE if language == "c" else FILE_RE).search(text):
        return []
    if lines is None:
        from outmoded.newlines import split_lines

        lines = split_lines(text)
    table = suppressions(lines, language)
    return [f for f in findings
            if not any(silenced(f.code, table.get(n, frozenset())) for n in {f.line, f.end_line})]


def _uncommentable(text: str) -> set[int]:
    """Lines whose end lies inside a multi-line string, or continues with a backslash: a comment
    appended there would change the string or break the line."""
    import io
    import tokenize

    rows = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.start[0] < token.end[0] and token.type not in (tokenize.NEWLINE, tokenize.NL):
                rows.update(range(token.start[0], token.end[0]))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return {n for n in range(1, text.count("\n") + 2)}  # cannot tell: touch nothing
    for number, line in enumerate(NEWLINE_RE.split(text), 1):
        if line.rstrip().endswith("\\"):
            rows.add(number)
    return rows


NEWLINE_RE = re.compile(r"\r\n|\r|\n")
LINE_END_RE = re.compile(r"(\r\n|\r|\n)")


def with_noqa(line: str, codes: list[str]) -> str:
    """``line`` with ``codes`` added to its ``# noqa: CODES`` (or a new ``  # noqa: CODES``; after
    a bare ``# noqa``, which stays the other linters' as it was)."""
    matches = list(LINE_RE.finditer(line))
    present = NONE.union(*(_codes(match) for match in matches))
    missing = [c for c in codes if not silenced(c, present)]
    if not missing:
        return line
    listing = next((m for m in matches if m.group("codes")), None)
    if listing is not None:  # # noqa: E501 -> # noqa: E501, OM12001
        end = listing.end("codes")
        return f"{line[:end]}, {', '.join(missing)}{line[end:]}"
    return f"{line.rstrip()}  # noqa: {', '.join(missing)}"


def add_noqa(path: str, findings: list[Finding]) -> tuple[int, int]:
    """Add ``# noqa: CODE`` to the lines of ``findings`` in the Python file ``path``, atomically,
    keeping its encoding and newlines.  Returns (directives added, findings left without one
    because no line of theirs can take a comment)."""
    from outmoded.source import decode, read_bytes
    from outmoded.writes import write_bytes_atomic

    data = read_bytes(path)
    source = decode(data)
    closed = _uncommentable(source.text)
    wanted: dict[int, list[str]] = {}
    skipped = 0
    for f in findings:
        line = next((n for n in dict.fromkeys((f.line, f.end_line)) if n not in closed), None)
        if line is None:
            skipped += 1
        elif f.code not in wanted.setdefault(line, []):
            wanted[line].append(f.code)
    parts = LINE_END_RE.split(source.text)  # [line, newline, line, newline, ..., last line]
    added = 0
    for number, codes in wanted.items():
        index = 2 * (number - 1)
        if index < len(parts):
            new = with_noqa(parts[index], codes)
            added += new != parts[index]
            parts[index] = new
    if added:
        write_bytes_atomic(path, source.encode("".join(parts)), expected=data)  # not over an edit saved meanwhile
    return added, skipped
