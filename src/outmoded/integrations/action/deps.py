"""The action's ``deps`` step: ``outmoded deps`` run once as JSON, shown in a log group as a
table and in the job summary as the same table, problems first.

Statuses and exit codes are the command's: 1 some dependency is not ready, 3 none is found not
ready but some could not be checked (a warning, and still no pass), 2 bad usage.  Everything
shown comes from requirement files and the index: the log group is inert (``stop-commands``) and
the summary escapes every cell.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

from outmoded.integrations.action import engine, workflow
from outmoded.integrations.action.summary import md
from outmoded.integrations.action.workflow import annotate
from outmoded.reporters.text import clean

NOT_READY, UNCHECKED = 1, 3
MAX_ROWS = 200


def run_deps(inputs, summary_file) -> int:
    target = ["--target-version", inputs.target_version] if inputs.target_version else []
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = engine.command(["deps", *target, *inputs.deps_args, "--format", "json"])
    try:
        document = json.loads(stdout.getvalue())
    except ValueError:
        document = None
    shown = "\n".join(text_lines(document)) if document else stdout.getvalue()
    workflow.show_untrusted("outmoded deps", shown + stderr.getvalue())
    if document and summary_file:
        summary_file.write("\n".join(["", *markdown(document), ""]) + "\n")
    if code == NOT_READY:
        annotate("error", "some dependencies are not ready for the target Python "
                          "(see the 'outmoded deps' log group)")
    elif code == UNCHECKED:
        annotate("warning", "some dependencies could not be checked (index unreachable or archive "
                            "unreadable; see the 'outmoded deps' log group)")
    elif code:
        annotate("error", "outmoded deps failed (see the 'outmoded deps' log group)")
    return code


def ordered(document: dict) -> list:
    """Not ready first, then could not be checked, then ready; file order kept within."""
    def rank(dep):
        if dep["status"] == "ok" and dep["free_threading"] in (None, "ok"):
            return 2
        return 1 if "unknown" in (dep["status"], dep["free_threading"]) \
            and dep["reason"] not in ("invalid-requirement", "not-on-index") else 0
    return sorted(document["dependencies"], key=rank)


def first_problem(dep: dict) -> str:
    code = dep.get("code") or {}
    findings = code.get("findings") or []
    if dep["status"] == "breaks" and findings:
        return f"{findings[0]['path']}:{findings[0]['line']} {findings[0]['api']}"
    return dep["message"]


def _cells(dep: dict, free: bool) -> list:
    cells = [dep["name"], dep["requested"] or "?", dep["version"] or "-", dep["status"],
             dep.get("regular_upgrade") or "-"]
    if free:
        cells += [dep["free_threading"] or "-", dep.get("free_threading_upgrade") or "-"]
    return cells + [first_problem(dep) if dep["status"] != "ok" or cells[-1] != "-" else ""]


def headline(document: dict) -> str:
    from outmoded.deps.report import summary_lines

    return " ".join(summary_lines(len(document["dependencies"]), document["not_ready"],
                                  document["could_not_be_checked"], document["target_version"]))


def text_lines(document: dict) -> list:
    free = document.get("free_threading_checked", False)
    header = ["PACKAGE", "REQUESTED", "VERSION", "STATUS", "UPGRADE TO"] \
        + (["FREE-THREADED", "FT UPGRADE TO"] if free else []) + ["FIRST PROBLEM"]
    # names and versions come from requirement files and the index: escaped before measuring, as
    # the log renders escape sequences (commands are off there, colours and cursor moves are not)
    rows = [header] + [[clean(c) for c in _cells(d, free)] for d in ordered(document)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join([c.ljust(w) for c, w in zip(r, widths)] + [r[-1]]).rstrip() for r in rows]
    return lines + ["", headline(document)]


def markdown(document: dict) -> list:
    free = document.get("free_threading_checked", False)
    header = ["Package", "Requested", "Version", "Status", "Upgrade to"] \
        + (["Free-threaded", "Free-threaded upgrade"] if free else []) + ["First problem"]
    deps = ordered(document)
    lines = [f"## outmoded deps: Python {md(document['target_version'])}", "", md(headline(document)), ""]
    if not deps:
        return lines
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in _cells(d, free)) + " |" for d in deps[:MAX_ROWS]]
    if len(deps) > MAX_ROWS:
        lines += ["", f"{len(deps) - MAX_ROWS} more dependencies are in the log."]
    return lines
