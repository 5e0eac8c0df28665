"""Printing results: JSON (the shape from the issue, plus a few keys) or a text table with the
problems first and the upgrade to make."""

from __future__ import annotations

import json

from packaging.version import Version

from outmoded.deps import platform_report
from outmoded.deps.model import BREAKS, OK, UNKNOWN


def upgrade(result) -> str | None:
    """``>=2.1.0`` when a newer release fixes every build checked; None when nothing to do.

    ``none yet`` when some build has no ready release at all; None too when what the release pins
    made it not ready (``pinned``: no upgrade searched).
    """
    if result.unsearched:
        return None
    needed = [(status, minimum) for status, minimum in (
        (result.status, result.minimum_ready),
        (result.free_threading, result.free_threading_minimum_ready)) if status not in (None, OK)]
    if not needed or any(status == UNKNOWN for status, _ in needed):
        return None
    if any(minimum is None for _, minimum in needed):
        return "none yet"
    return ">=" + str(max(Version(minimum) for _, minimum in needed))


def build_upgrade(status, minimum) -> str | None:
    """The upgrade one build needs: ``>=2.1.0``, ``none yet``, or None (ready, or unknown)."""
    if status in (None, OK, UNKNOWN):
        return None
    return f">={minimum}" if minimum else "none yet"


def as_dict(result) -> dict:
    dep = result.dependency
    return {
        "name": dep.name, "requested": str(dep.requirement.specifier) if dep.requirement else None,
        "version": result.version, "file": dep.file, "line": dep.line, "status": result.status,
        "minimum_ready": result.minimum_ready, "free_threading": result.free_threading,
        "free_threading_minimum_ready": result.free_threading_minimum_ready,
        "message": result.message, "reason": result.reason, "upgrade": upgrade(result),
        "regular_upgrade": None if result.unsearched
        else build_upgrade(result.status, result.minimum_ready),
        "free_threading_upgrade": build_upgrade(result.free_threading, result.free_threading_minimum_ready),
        "yanked": result.yanked, "platforms": [p.name for p in dep.platforms],
        "per_platform": result.per_platform,
        "direct": dep.direct, "required_by": list(dep.required_by),
        "platforms_without_wheels": result.platforms_without_wheels,
        "free_threading_platforms_without_wheels": result.free_threading_platforms_without_wheels,
        "code": result.code.to_json() if result.code is not None else None,
        "search_cut_short": result.search_cut_short,
        "requires_not_installable": result.required,
        "known_failure": result.known_failure.to_json() if result.known_failure is not None else None,
    }


def write_json(results: list, skipped: list, context: dict, stream) -> None:
    document = {
        **context,
        "dependencies": [as_dict(r) for r in results],
        "skipped": [{"name": s.name, "file": s.file, "line": s.line, "reason": s.reason} for s in skipped],
        "not_ready": sum(not r.ready and not r.unchecked for r in results),
        "could_not_be_checked": sum(r.unchecked for r in results),
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")


class _Escaped:
    """Writes lines with control characters escaped: names and messages come from requirement
    files and the index, and must not drive the terminal (escape sequences, forged lines)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> None:
        from outmoded.reporters.text import clean

        self.stream.write("\n".join(clean(line) for line in text.split("\n")))


def write_text(results: list, skipped: list, context: dict, stream) -> None:
    stream = _Escaped(stream)
    free = context["free_threading_checked"]
    target = context["target_version"] + (f" and its free-threaded build {context['target_version']}t"
                                          if free else "")
    stream.write(f"Dependencies on Python {target}, for {', '.join(context['platforms'])}\n")
    if context.get("files_read"):
        stream.write(f"Read {', '.join(context['files_read'])}\n")
    for note in context.get("notes", []):
        stream.write(f"note: {note}\n")
    stream.write("\n")
    # stable: not ready first, then could not be checked, then ready; file order kept within
    ordered = sorted(results, key=lambda r: 2 if r.ready else 1 if r.unchecked else 0)
    _table(ordered, free, stream)
    problems = [r for r in ordered if not r.ready]
    if problems:
        stream.write("\n")
    for result in problems:
        stream.write(f"{result.dependency.name} ({_where(result)}): {result.message}\n")
    for entry in skipped:
        where = entry.file if entry.line is None else f"{entry.file}:{entry.line}"
        stream.write(f"skipped {entry.name} ({where}): {entry.reason}\n")
    unlocked = context.get("requirements_not_judged")
    if unlocked and results:
        stream.write(f"Not judged: what the dependencies from {', '.join(unlocked)} require in turn beyond "
                     f"the versions they pin (==, <, ~=: judged by their wheels), which pip resolves at install "
                     f"time; a lock file records it (uv lock, pip-compile): name the lock to judge the whole set.\n")
    if platform_report.wanted(context.get("chosen", ())):
        platform_report.write(results, context["chosen"], stream)
    stream.write("\n" + _summary(results, target) + "\n")
    for own in context.get("project_excludes_target", ()):
        stream.write(f"The project itself is not ready: {own['message']}.\n")


def _table(results: list, free: bool, stream) -> None:
    header = ["PACKAGE", "REQUESTED", "VERSION", "STATUS", "UPGRADE TO"] \
        + (["FREE-THREADED", "FT UPGRADE TO"] if free else []) + ["WHERE"]
    from outmoded.reporters.text import clean

    rows = [header] + [[clean(cell) for cell in _row(r, free)] for r in results]  # escaped before measuring
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        stream.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")


def _row(result, free: bool) -> list:
    """Regular and free-threaded verdicts side by side, each with its own upgrade; a release
    that breaks shows its first offending line."""
    dep = result.dependency
    status = result.status + (f" ({result.reason})" if result.status == UNKNOWN and result.reason else "")
    if result.status == BREAKS and result.known_failure is not None:
        status += " (fails on the real interpreter)"
    elif result.status == BREAKS and result.code is not None and result.code.first(1):
        status += f" ({result.code.first(1)[0]})"
    cells = [dep.name, str(dep.requirement.specifier) if dep.requirement else "?",
             result.version or "-", status,
             "not searched" if result.unsearched
             else build_upgrade(result.status, result.minimum_ready) or "-"]
    if free:
        cells += [result.free_threading or "-",
                  build_upgrade(result.free_threading, result.free_threading_minimum_ready) or "-"]
    return cells + [_where(result)]


def _where(result) -> str:
    dep = result.dependency
    where = f"{dep.file}:{dep.line}" if dep.line else dep.file
    return where + (f" (via {', '.join(dep.required_by)})" if dep.required_by else "")


def _summary(results: list, target: str) -> str:
    bad = sum(not r.ready and not r.unchecked for r in results)
    return "\n".join(summary_lines(len(results), bad, sum(r.unchecked for r in results), target))


def summary_lines(total: int, bad: int, unchecked: int, target: str) -> list:
    """The closing lines: not ready, and could not be checked (never counted as not ready)."""
    if not total:
        return ["No dependencies to check."]
    if not bad and not unchecked:
        return [f"All {total} dependencies are ready for Python {target}."]
    lines = [f"{bad} of {total} dependencies are not ready for Python {target}."] if bad else []
    if unchecked:
        lines.append(f"{unchecked} of {total} dependencies could not be checked (not counted as not ready).")
    return lines
