"""Human-readable output, one line per finding, as ruff prints it:

    src/a.py:3:8: OM12001 [*] `imp.reload` was removed in Python 3.12 ...

``[*]`` marks findings with a safe fix.  Control characters in paths are escaped so a hostile
file name cannot forge extra lines.
"""

from __future__ import annotations

import re
from collections import Counter

from outmoded.catalog import format_version

CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def clean(text: str) -> str:
    return CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def finding_line(f) -> str:
    mark = " [*]" if f.fix == "safe" else ""
    level = "warning: " if f.severity == "warning" else ""
    return f"{clean(f.path)}:{f.line}:{f.column}: {f.code}{mark} {level}{clean(f.message)}"


def statistics(report) -> list[str]:
    counts = Counter((f.code, f.api) for f in report.findings)
    fixable = {f.code for f in report.findings if f.fix == "safe"}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{n:>{width}}  {code:<8} {'[*]' if code in fixable else '   '} {clean(api)}"
            for (code, api), n in counts.most_common()]


def summary(report) -> str:
    target = format_version(report.target)
    if not report.findings and not report.errors:
        return f"All checks passed for Python {target} ({report.files} files)."
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    text = f"Found {len(report.findings)} finding(s) for Python {target}: {errors} error(s), {warnings} warning(s)"
    if report.errors:
        text += f"; {len(report.errors)} file(s) could not be checked"
    safe = sum(f.fix == "safe" for f in report.findings)
    unsafe = sum(f.fix == "unsafe" for f in report.findings)
    text += "."
    if safe:
        text += f"\n[*] {safe} fixable with `outmoded fix`."
    if unsafe:
        text += f"\n{unsafe} more fixable with `outmoded fix --unsafe-fixes`."
    return text


def render(report, options) -> str:
    lines = [finding_line(f) for f in report.findings]
    lines += [f"{clean(e.path)}: error: {clean(e.message)}" for e in report.errors]
    if getattr(options, "statistics", False):
        lines = statistics(report) + lines[len(report.findings):]
    if not getattr(options, "quiet", False):
        lines.append(summary(report))
    return "\n".join(lines) + ("\n" if lines else "")
