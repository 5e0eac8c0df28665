"""GitHub Actions workflow commands: one annotation per finding, most important first.

    ::error file=src/a.py,line=3,endLine=3,col=8,endColumn=11,title=outmoded OM12001::`imp` was removed ...

Escaping is what the runner undoes: in the message ``%``, CR and LF become ``%25``,
``%0D``, ``%0A``; property values (file, title) also escape ``:`` and ``,``.  A file name that
holds a newline followed by ``::error ...`` therefore stays on the annotation's own line.  Other
control characters (an ANSI escape, which the log viewer would interpret) and the invisible ones
that reorder a line are written as ``\\xNN`` / ``\\uNNNN``, as in the text format.

The runner shows at most 10 error and 10 warning annotations per step, so ``order`` puts first
the files that could not be checked, then one finding per rule (rules removed longest ago first),
then the second finding of each rule, and so on.  Paths are relative to ``GITHUB_WORKSPACE``
when the file is inside it, as GitHub needs them to place annotations.
"""

from __future__ import annotations

import os
from collections import Counter

from outmoded.pathquote import utf8_name
from outmoded.reporters.text import CONTROL_RE, _escaped

RANK = {"error": 0, "warning": 1}


def escape_data(text: str) -> str:
    # then the other controls the log viewer interprets (an ANSI escape in a file
    # name could colour or hide the log) and those that reorder a line, as the text format writes them
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return CONTROL_RE.sub(_escaped, text) if CONTROL_RE.search(text) else text


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str, workspace: str | None = None) -> str:
    """``path`` relative to the workspace when it lies inside it, with ``/`` separators."""
    base = workspace or os.environ.get("GITHUB_WORKSPACE")
    absolute = os.path.abspath(path)
    if base:
        base = os.path.abspath(base)
        if absolute.startswith(base.rstrip(os.sep) + os.sep):
            path = os.path.relpath(absolute, base)
    return path.replace(os.sep, "/")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def order(findings) -> list:
    """Errors before warnings; within each, round-robin over rules so the first ten differ."""
    by_place = sorted(findings, key=lambda f: (_version(f.removed_in), f.code, f.path, f.line, f.column))
    nth = Counter()
    ranked = []
    for finding in by_place:
        ranked.append((RANK.get(finding.severity, 2), nth[finding.code], len(ranked), finding))
        nth[finding.code] += 1
    return [entry[-1] for entry in sorted(ranked, key=lambda entry: entry[:3])]


def command(kind: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def annotation(finding) -> str:
    props = {"file": utf8_name(workspace_path(finding.path)), "line": finding.line, "endLine": finding.end_line}
    if finding.end_line == finding.line:  # GitHub uses columns only within one line
        props.update(col=finding.column, endColumn=finding.end_column)
    props["title"] = f"outmoded {finding.code}"
    message = finding.message
    if finding.fix == "safe":
        message += ". Fixable with `outmoded fix`."
    kind = "warning" if finding.severity == "warning" else "error"
    return command(kind, props, message)


def error_annotation(error) -> str:
    props = {"file": utf8_name(workspace_path(error.path)), "title": "outmoded: file not checked"}
    return command("error", props, f"could not check this file: {error.message}")


def lines(report) -> list[str]:
    return [error_annotation(e) for e in report.errors] + [annotation(f) for f in order(report.findings)]


def render(report, options) -> str:
    out = lines(report)
    return "\n".join(out) + ("\n" if out else "")
