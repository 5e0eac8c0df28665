"""Human-readable output in ruff's three styles (``--output-format``):

``full`` (default): each finding's line, then the source line with a caret under the finding::

    src/a.py:3:8: OM12002 [*] `imp.reload` was removed in Python 3.12 ...
      |
    3 | imp.reload(mod)
      | ^^^^^^^^^^ OM12002
      |

``concise``: the first line only (``--format text`` is its old name); ``grouped``: findings under
their file's name.  Then a summary: findings per severity and what ``outmoded fix`` would do.

``[*]`` marks findings ``outmoded fix`` rewrites (with ``--unsafe-fixes``, the unsafe ones too).
Colour only when asked (``options.colour``, decided by the command from the terminal, NO_COLOR,
FORCE_COLOR and ``--color``).  Control characters in paths, messages and source lines are escaped,
so a hostile file name or source line cannot forge extra lines or drive the terminal.
"""

from __future__ import annotations

import re
from collections import Counter

from outmoded.pathquote import quoted_name


# C0 and C1 controls, and the invisible characters that reorder or break a line as displayed
# (bidirectional overrides, as in "Trojan Source"; line and paragraph separators)
CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
TAB = "    "
STYLES = ("full", "concise", "grouped")


def clean(text: str) -> str:
    """``text`` on one line that cannot drive a terminal or reorder what it shows: controls and
    invisible format characters written as ``\\xNN`` / ``\\uNNNN``."""
    text = text.replace("\t", "\\x09")
    return CONTROL_RE.sub(_escaped, text)


def _escaped(match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Palette:
    """ANSI SGR colours, or nothing."""

    CODES = {"bold": "1", "red": "1;31", "yellow": "1;33", "cyan": "36", "blue": "1;34", "dim": "2"}

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, name: str, text: str) -> str:
        return f"\x1b[{self.CODES[name]}m{text}\x1b[0m" if self.enabled and text else text


def fixable(f, options=None) -> bool:
    return f.fix == "safe" or (f.fix == "unsafe" and bool(getattr(options, "unsafe_fixes", False)))


def _level(f) -> str:
    return "yellow" if f.severity == "warning" else "red"


def finding_line(f, options=None, paint: Palette = Palette(False), location: bool = True) -> str:
    mark = f" {paint('cyan', '[*]')}" if fixable(f, options) else ""
    level = paint("yellow", "warning: ") if f.severity == "warning" else ""
    shown = clean(quoted_name(f.path))
    where = f"{paint('bold', shown)}:{f.line}:{f.column}: " if location else f"{f.line}:{f.column} "
    return f"{where}{paint(_level(f), f.code)}{mark} {level}{clean(f.message)}"


def _shown(text: str) -> str:
    return clean(text.replace("\t", TAB))


def snippet(f, sources, paint: Palette) -> list[str]:
    """The finding's first line with carets under its columns (to the line's end when the finding
    spans lines); nothing when the file cannot be read."""
    line = sources.line(f.path, f.line) if sources is not None else None
    if line is None:
        return []
    start = min(max(f.column - 1, 0), len(line))
    end = min(f.end_column - 1, len(line)) if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    number = str(f.line)
    gutter = " " * len(number)
    bar = paint("blue", "|")
    caret = " " * len(_shown(line[:start])) + "^" * max(1, len(_shown(line[start:end])))
    return [f"{gutter} {bar}", f"{paint('blue', number)} {bar} {_shown(line)}",
            f"{gutter} {bar} {paint(_level(f), caret + ' ' + f.code)}", f"{gutter} {bar}"]


def statistics(report, options=None) -> list[str]:
    counts = Counter((f.code, f.api) for f in report.findings)
    marked = {f.code for f in report.findings if fixable(f, options)}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{n:>{width}}  {code:<8} {'[*]' if code in marked else '   '} {clean(api)}"
            for (code, api), n in counts.most_common()]


def fix_plan(report, options=None) -> list[str]:
    """``--show-fixes``: what ``outmoded fix`` would change, one line per rule."""
    counts = Counter((f.code, f.api, f.replacement, f.fix) for f in report.findings if fixable(f, options))
    if not counts:
        return ["No fixes available."]
    lines = ["Fixes `outmoded fix` would apply:"]
    for (code, api, replacement, safety), n in sorted(counts.items()):
        lines.append(f"  {n:>4} x {code} `{clean(api)}` -> {clean(replacement)} ({safety})")
    return lines


def summary(report, options=None) -> str:
    target = report.target_name
    files = getattr(report, "files", 0)
    if not report.findings and not report.errors:
        if getattr(options, "diff", False):  # fix --diff: the report is what the fixes would leave
            return f"No findings would remain for Python {target} ({_plural(files, 'file')})."
        return f"All checks passed for Python {target} ({_plural(files, 'file')})."
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    in_files = len({f.path for f in report.findings})
    text = (f"Found {_plural(len(report.findings), 'finding')} for Python {target} "
            f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')})")
    if report.findings:
        text += f" in {_plural(in_files, 'file')}"
    unfixed = sum(e.stage == "fix" for e in report.errors)
    if len(report.errors) > unfixed:
        text += f"; {_plural(len(report.errors) - unfixed, 'file')} could not be checked"
    if unfixed:
        text += f"; {_plural(unfixed, 'file')} could not be fixed"
    text += "."
    unsafe_on = bool(getattr(options, "unsafe_fixes", False))
    safe = sum(f.fix == "safe" for f in report.findings)
    unsafe = sum(f.fix == "unsafe" for f in report.findings)
    if unsafe_on and safe + unsafe:
        text += f"\n[*] {safe + unsafe} fixable with `outmoded fix --unsafe-fixes`."
    else:
        if safe:
            text += f"\n[*] {safe} fixable with `outmoded fix`."
        if unsafe:
            text += f"\n{unsafe} more fixable with `outmoded fix --unsafe-fixes`."
    return text


def _findings(report, style: str, options, paint: Palette) -> list[str]:
    sources = getattr(options, "sources", None)
    if style == "grouped":
        lines, current = [], None
        for f in report.findings:
            if f.path != current:
                if current is not None:
                    lines.append("")
                current = f.path
                lines.append(f"{paint('bold', clean(quoted_name(f.path)))}:")
            lines.append("  " + finding_line(f, options, paint, location=False))
        return lines + ([""] if lines else [])
    lines = []
    for f in report.findings:
        lines.append(finding_line(f, options, paint))
        if style == "full":
            if sources is None:
                from outmoded.reporters.snippets import SourceLines

                sources = options.sources = SourceLines()
            lines += snippet(f, sources, paint) + [""]
    return lines


def render(report, options) -> str:
    if getattr(options, "silent", False):
        return ""
    style = getattr(options, "format", "concise")
    style = style if style in STYLES else "concise"
    paint = Palette(bool(getattr(options, "colour", False)))
    if getattr(options, "statistics", False):
        lines = statistics(report, options)
    else:
        lines = _findings(report, style, options, paint)
    lines += [f"{paint('bold', clean(quoted_name(e.path)))}: {paint('red', 'error')}: {clean(e.message)}"
              for e in report.errors]
    if getattr(options, "show_fixes", False):
        lines += fix_plan(report, options)
    if not getattr(options, "quiet", False):
        lines.append(summary(report, options))
    return "\n".join(lines) + ("\n" if lines else "")
