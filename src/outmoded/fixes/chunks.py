"""Let LibCST see only the statements that change.

A fix rewrites a few places in a file; parsing, annotating and walking the whole file with LibCST
cost seconds on large ones.  So the top-level statements that matter -- those holding an edit,
the module's head (docstring, ``__future__`` and the leading imports, where imports are added),
statements that use a name whose import is being moved or renamed, and those importing a name a
fix may stop using -- are kept, and every other top-level statement is replaced by one
placeholder comment line.  LibCST parses and transforms that small module; ``expand`` puts the
original text back in place of each placeholder (and refuses, returning None, if a placeholder
went missing or was duplicated: the caller then falls back to the whole file).  Edits are moved
to the shifted line numbers.
"""

from __future__ import annotations

import ast
import re
import secrets
from dataclasses import dataclass, field, replace
from typing import Optional

from outmoded.fixes.plan import Edit

LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # Python's own line breaks only
PLACEHOLDER = "# outmoded-kept-"  # + index and a random token
ROOT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Reduced:
    text: str
    edits: list[Edit]
    back: dict = field(default_factory=dict)  # moved edit -> original edit
    regions: dict = field(default_factory=dict)  # placeholder line -> original text

    def expand(self, code: str) -> Optional[str]:
        for line, original in self.regions.items():
            if code.count(line) != 1:
                return None
            code = code.replace(line, original)
        return code


def _ranges(tree: ast.Module) -> list[list]:
    """[first line, last line, statements] of the top-level statements, merged where they share a
    line (``a = 1; b = 2``)."""
    ranges: list[list] = []
    for stmt in tree.body:
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", ())])
        if ranges and first <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], stmt.end_lineno)
            ranges[-1][2].append(stmt)
        else:
            ranges.append([first, stmt.end_lineno, [stmt]])
    return ranges


def _is_head(stmt: ast.stmt) -> bool:
    return isinstance(stmt, (ast.Import, ast.ImportFrom)) or (
        isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str))


def _names_of(stmt: ast.AST) -> set[str]:
    return {a.asname or a.name.split(".")[0] for a in getattr(stmt, "names", ()) if a.name != "*"}


def _wanted(lines: list[str], tree: ast.Module, edits: list[Edit], ranges: list[list]) -> set[int]:
    """Indexes of the ranges LibCST must see."""
    edit_lines = {line for e in edits for line in range(e.start[0], e.end[0] + 1)}
    # names a fix may rename or stop importing: those bound by imports holding an edit, and the
    # first name of every edited chain as written
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                node.lineno <= line <= node.end_lineno for line in edit_lines):
            names |= _names_of(node)
    for e in edits:
        match = ROOT.match(lines[e.start[0] - 1], e.start[1]) if e.start[0] <= len(lines) else None
        if match:
            names.add(match.group())
    wanted = set()
    head = True
    for index, (first, last, stmts) in enumerate(ranges):
        head = head and all(_is_head(s) for s in stmts)
        if head or any(first <= line <= last for line in edit_lines):
            wanted.add(index)
            continue
        for node in (n for s in stmts for n in ast.walk(s)):
            if (isinstance(node, ast.Name) and node.id in names) or (
                    isinstance(node, (ast.Import, ast.ImportFrom)) and _names_of(node) & names):
                wanted.add(index)
                break
    return wanted


def reduce(text: str, tree: ast.Module, edits: list[Edit]) -> Reduced:
    lines = LINES.findall(text)
    ranges = _ranges(tree)
    wanted = _wanted(lines, tree, edits, ranges)
    token = secrets.token_hex(6)
    out, regions, shifts, cursor = [], {}, [], 1  # shifts: (first original line after, lines removed)
    removed = 0
    for index, (first, last, _) in enumerate(ranges):
        out.extend(lines[cursor - 1:first - 1])
        if index in wanted:
            out.extend(lines[first - 1:last])
        else:
            region = "".join(lines[first - 1:last])
            ending = region[len(region.rstrip("\r\n")):]
            placeholder = f"{PLACEHOLDER}{index}-{token}"
            regions[placeholder + ending] = region
            out.append(placeholder + ending)
            removed += last - first
            shifts.append((last + 1, removed))
        cursor = last + 1
    out.extend(lines[cursor - 1:])

    def moved(line: int) -> int:
        shift = 0
        for after, count in shifts:
            if line >= after:
                shift = count
        return line - shift

    result = Reduced("".join(out), [], regions=regions)
    for e in edits:
        new = replace(e, start=(moved(e.start[0]), e.start[1]), end=(moved(e.end[0]), e.end[1]))
        result.edits.append(new)
        result.back[new] = e
    return result
