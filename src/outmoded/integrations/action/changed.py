"""Which lines a pull request changed: ``git diff -U0`` from the merge base to the work tree.

The base is the pull request's base commit from the event payload (``GITHUB_EVENT_PATH``), else
``origin/$GITHUB_BASE_REF``, else a push event's ``before``.  The workspace belongs to another
user inside the container, so every git call names it as a ``safe.directory``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from typing import Mapping

from outmoded.records import replace

HUNK_RE = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ESCAPES = {ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12, ord("r"): 13}


class ChangedError(Exception):
    """The changed lines cannot be known; the message says why."""


def git(workspace: str, *args: str) -> bytes:
    proc = subprocess.run(["git", "-c", f"safe.directory={workspace}", "-C", workspace, *args],
                          capture_output=True, stdin=subprocess.DEVNULL)
    if proc.returncode:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangedError(f"git {args[0]} failed: {detail[-1] if detail else proc.returncode}")
    return proc.stdout


def base_candidates(env: Mapping[str, str]) -> list[str]:
    try:
        with open(env.get("GITHUB_EVENT_PATH") or "", encoding="utf-8") as handle:
            event = json.load(handle)
    except (OSError, ValueError):
        event = {}
    event = event if isinstance(event, dict) else {}
    candidates = []
    base = ((event.get("pull_request") or {}).get("base") or {}).get("sha")
    if isinstance(base, str) and base:
        candidates.append(base)
    if env.get("GITHUB_BASE_REF"):
        candidates += [f"refs/remotes/origin/{env['GITHUB_BASE_REF']}", env["GITHUB_BASE_REF"]]
    before = event.get("before")
    if isinstance(before, str) and before.strip("0"):
        candidates.append(before)
    return candidates


def merge_base(workspace: str, candidates: list[str]) -> str:
    for candidate in candidates:
        if candidate.startswith("-"):
            continue
        try:
            return git(workspace, "merge-base", candidate, "HEAD").decode().strip()
        except ChangedError:
            continue
    if not candidates:
        raise ChangedError("no base to compare with: not a pull_request or push event")
    raise ChangedError("the base commit is not in the checkout; use actions/checkout with fetch-depth: 0")


def unquote(name: bytes) -> bytes:
    """Undo git's C-style quoting of a path (``"a\\tb\\303\\251"``); drop the tab git adds
    after an unquoted name that contains a space."""
    if not name.startswith(b'"'):
        return name[:-1] if name.endswith(b"\t") else name
    out, body, i = bytearray(), name[1:-1], 0
    while i < len(body):
        if body[i] == 0x5C and i + 1 < len(body):
            nxt = body[i + 1]
            if 0x30 <= nxt <= 0x37:
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(body[i])
        i += 1
    return bytes(out)


def key(path: str) -> str:
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def parse_diff(data: bytes, top: str) -> dict[str, set[int]]:
    changed: dict[str, set[int]] = {}
    current, in_header = None, False
    for line in data.split(b"\n"):
        if line.startswith(b"diff --git "):
            current, in_header = None, True
        elif in_header and line.startswith(b"+++ "):
            name = unquote(line[4:])
            current = None if name == b"/dev/null" else key(os.path.join(top, os.fsdecode(name[2:])))
        elif line.startswith(b"@@"):
            in_header = False
            match = HUNK_RE.match(line)
            if match and current:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                changed.setdefault(current, set()).update(range(start, start + count))
    return changed


def changed_lines(workspace: str, env: Mapping[str, str]) -> tuple[str, dict[str, set[int]]]:
    """The merge base and, per file (absolute, resolved), the line numbers changed since it."""
    base = merge_base(workspace, base_candidates(env))
    top = os.fsdecode(git(workspace, "rev-parse", "--show-toplevel").rstrip(b"\n"))
    diff = git(workspace, "diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
               "--src-prefix=a/", "--dst-prefix=b/", base, "--")
    return base, parse_diff(diff, top)


def only_changed(report, changed: dict[str, set[int]]):
    """The report restricted to findings that touch a changed line, and errors in changed files."""
    def touches(f) -> bool:
        lines = changed.get(key(f.path), ())
        return any(n in lines for n in range(f.line, max(f.line, f.end_line) + 1))

    return replace(report, findings=[f for f in report.findings if touches(f)],
                   errors=[e for e in report.errors if key(e.path) in changed])
