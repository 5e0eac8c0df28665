"""The job summary (``GITHUB_STEP_SUMMARY``): counts by rule and by version, a table of findings
capped well under the runner's 1 MiB limit, and how to reproduce and fix the findings locally.

File names are untrusted: every piece of text is escaped for both markdown and HTML.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter

from outmoded.pathquote import quoted_name
from outmoded.reporters.github import workspace_path
from outmoded.reporters.text import clean

TABLE_BUDGET = 256 * 1024  # bytes of finding rows; the whole summary stays far below 1 MiB
MAX_ROWS = 1000
PUNCTUATION_RE = re.compile(r"[!-%'-/:;=?@\[-`{-~]")  # ASCII punctuation but & < >, which HTML escapes
FIX_MARK = {"safe": "`outmoded fix`", "unsafe": "`outmoded fix --unsafe-fixes`"}


def md(text: str) -> str:
    """Plain text, shown literally in a markdown table cell or paragraph."""
    text = clean(str(text))  # controls as \xNN, bidirectional overrides as \uNNNN
    text = PUNCTUATION_RE.sub(lambda m: "\\" + m.group(), text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fenced(lines: list[str]) -> list[str]:
    body = "\n".join(lines)
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}sh", *lines, fence]


def headline(report, files_changed_only: str | None) -> list[str]:
    target = report.target_name
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    if not report.findings and not report.errors:
        lines = [f"## outmoded: no removed standard-library APIs for Python {target}", "",
                 f"{report.files} file(s) checked."]
    else:
        lines = [f"## outmoded: {len(report.findings)} finding(s) for Python {target}", "",
                 f"{errors} error(s), {warnings} warning(s) in {len({f.path for f in report.findings})} "
                 f"file(s); {report.files} file(s) checked."]
        if report.errors:
            lines[-1] += f" {len(report.errors)} file(s) could not be checked."
    if files_changed_only:
        lines += ["", f"Only lines changed since {md(files_changed_only)} are reported."]
    return lines


def by_rule(report) -> list[str]:
    counts = Counter(f.code for f in report.findings)
    first = {}
    for f in report.findings:
        first.setdefault(f.code, f)
    rows = ["### By rule", "", "| Rule | API | Removed in | Findings | Fix |", "| --- | --- | --- | ---: | --- |"]
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        f = first[code]
        rows.append(f"| {md(code)} | {md(f.api)} | {md(f.removed_in)} | {n} | {FIX_MARK.get(f.fix, 'by hand')} |")
    return rows


def by_version(report) -> list[str]:
    counts = Counter(f.removed_in for f in report.findings)
    rows = ["### By Python version", "", "| Removed in | Findings |", "| --- | ---: |"]
    key = lambda v: tuple(int(p) for p in v.split(".") if p.isdigit())  # noqa: E731
    return rows + [f"| {md(v)} | {counts[v]} |" for v in sorted(counts, key=key)]


def finding_rows(report) -> list[str]:
    rows = ["### Findings", "", "| Location | Rule | Severity | Message |", "| --- | --- | --- | --- |"]
    used, shown = 0, 0
    for f in report.findings:
        row = f"| {md(f'{quoted_name(workspace_path(f.path))}:{f.line}:{f.column}')} | {md(f.code)} | {f.severity} | {md(f.message)} |"
        used += len(row.encode("utf-8")) + 1
        if shown >= MAX_ROWS or used > TABLE_BUDGET:
            rows += ["", f"_{len(report.findings) - shown} more finding(s) not listed here: "
                         "run `outmoded check` locally (below) to see them all._"]
            break
        rows.append(row)
        shown += 1
    return rows


def error_rows(report) -> list[str]:
    rows = ["### Files that could not be checked", "", "| File | Problem |", "| --- | --- |"]
    for error in report.errors[:100]:
        rows.append(f"| {md(quoted_name(workspace_path(error.path)))} | {md(error.message)} |")
    if len(report.errors) > 100:
        rows += ["", f"_and {len(report.errors) - 100} more._"]
    return rows


def how_to_fix(report, options: list[str], paths: list[str]) -> list[str]:
    args = shlex.join(["--target-version", report.target_name, *_selection(options), *paths])
    return ["### Fix locally", "", *fenced(["pip install outmoded", f"outmoded check {args}",
                                            f"outmoded fix {args}   # rewrites what can be fixed safely",
                                            f"outmoded explain {_example_code(report)}"]),
            "", "Or run it before every commit with the `outmoded` pre-commit hook."]


def _selection(options: list[str]) -> list[str]:
    keep, out, i = {"--select", "--ignore", "--extend-exclude", "--config"}, [], 0
    while i < len(options):
        name = options[i].split("=", 1)[0]
        if name in keep:
            step = 1 if "=" in options[i] else 2
            out += options[i:i + step]
            i += step
        else:
            i += 1
    return out


def _example_code(report) -> str:
    return report.findings[0].code if report.findings else "OM12001"


def render(report, options: list[str], paths: list[str], changed_since: str | None = None) -> str:
    parts = [headline(report, changed_since)]
    if report.findings:
        parts += [by_rule(report), by_version(report), finding_rows(report)]
    if report.errors:
        parts.append(error_rows(report))
    if report.findings or report.errors:
        parts.append(how_to_fix(report, options, paths))
    return "\n\n".join("\n".join(part) for part in parts) + "\n"
