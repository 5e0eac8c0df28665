"""Let LibCST see only the statements that change.

A fix rewrites a few places in a file; parsing, annotating and walking the whole file with LibCST
cost seconds on large ones.  So the statements that matter -- those holding an edit (inside a
class, a function, an ``if`` or a ``try``, only the statements holding one, at any depth: test
files are one large class of long functions), the module's head (docstring, ``__future__`` and the leading imports, where imports are added),
statements that use a name whose import is being moved or renamed, and those importing a name a
fix may stop using -- are kept, and every other statement is replaced by one placeholder comment
line at its indentation.  LibCST parses and transforms that small module; ``expand`` puts the
original text back in place of each placeholder (and refuses, returning None, if a placeholder
went missing or was duplicated: the caller then drops the fix and reports it).  Edits are moved
to the shifted line numbers.

Every read or import of a name a fix may rename or stop using is in a kept statement, and the
names also mentioned elsewhere (a string that reads as an expression using it: an annotation, an
``__all__`` entry; a ``global``) are listed in ``mentioned``, so whether such an import is still
used is decided on the small module alone (``imports``).  A statement is looked into only when its
text holds one of those names.
"""

from __future__ import annotations

import ast
import re
import secrets
from dataclasses import dataclass, field
from typing import Optional

from outmoded.fixability.imports import names_in
from outmoded.fixes.plan import Edit
from outmoded.records import replace
from outmoded.statementblocks import statements

LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # Python's own line breaks only
PLACEHOLDER = "# outmoded-kept-"  # + index and a random token
ROOT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Reduced:
    text: str
    edits: list[Edit]
    back: dict = field(default_factory=dict)  # moved edit -> original edit
    regions: dict = field(default_factory=dict)  # placeholder line -> original text
    names: set = field(default_factory=set)  # every statement reading or importing one of these is kept
    mentioned: set = field(default_factory=set)  # those also mentioned in a statement set aside
    aside: list = field(default_factory=list)  # the module-level statements set aside (ast)
    tail: str = ""  # a ``pass`` line appended after a last statement set aside, taken off by expand

    def expand(self, code: str) -> Optional[str]:
        if self.tail:
            if not code.endswith(self.tail):
                return None
            code = code[:-len(self.tail)]
        for line, original in self.regions.items():
            if code.count(line) != 1:
                return None
            code = code.replace(line, original)
        return code


def _ranges(body: list) -> list[list]:
    """[first line, last line, statements] of a block's statements, merged where they share a
    line (``a = 1; b = 2``)."""
    ranges: list[list] = []
    for stmt in body:
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", ())])
        if ranges and first <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], stmt.end_lineno)
            ranges[-1][2].append(stmt)
        else:
            ranges.append([first, stmt.end_lineno, [stmt]])
    return ranges


def _bodies(stmt: ast.stmt) -> list[list]:
    """The blocks of a compound statement, in the order they are written."""
    bodies = [stmt.body] if isinstance(getattr(stmt, "body", None), list) else []
    bodies += [h.body for h in getattr(stmt, "handlers", ())] + [c.body for c in getattr(stmt, "cases", ())]
    bodies += [getattr(stmt, name) for name in ("orelse", "finalbody") if getattr(stmt, name, None)]
    return [b for b in bodies if b]


def _is_head(stmt: ast.stmt) -> bool:
    return isinstance(stmt, (ast.Import, ast.ImportFrom)) or (
        isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str))


def _names_of(stmt: ast.AST) -> set[str]:
    return {a.asname or a.name.split(".")[0] for a in getattr(stmt, "names", ()) if a.name != "*"}


def _names(lines: list[str], tree: ast.Module, edits: list[Edit]) -> set[str]:
    """Names a fix may rename or stop importing: those bound by imports holding an edit, and the
    first name of every edited chain as written."""
    names, imported = set(), set()  # only a name some import binds can have its import released
    # a name bound by an import whose names are renamed or whose function is called through a
    # template has its uses rewritten; a renamed module (``import Tkinter`` -> ``import tkinter
    # as Tkinter``) or a moved name (``from urllib import quote`` -> ``from urllib.parse import
    # quote``) keeps binding the same name, so its uses need not be seen
    renaming = {line for e in edits if e.shape == "template" or (
        e.shape == "dotted" and e.api.rpartition(".")[2] != e.replacement.rpartition(".")[2])
        for line in range(e.start[0], e.end[0] + 1)}
    import_lines = set()
    for node in statements(tree.body):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imported |= _names_of(node)
            import_lines.update(range(node.lineno, node.end_lineno + 1))
            if any(node.lineno <= line <= node.end_lineno for line in renaming):
                names |= _names_of(node)
    # the others release nothing; an edit in an import statement is no chain
    for e in (e for e in edits if e.shape in ("dotted", "template", "expression") and e.start[0] not in import_lines):
        match = ROOT.match(lines[e.start[0] - 1], e.start[1]) if e.start[0] <= len(lines) else None
        if match and match.group() in imported:
            names.add(match.group())
    return names


def _uses(stmts: list, names: set[str], text: str, mentioned: set) -> bool:
    """Do these statements read or import one of ``names``?  Other mentions (a string using it,
    ``global``) are added to ``mentioned``."""
    if not any(name in text for name in names):
        return False
    other = set()
    for node in (n for s in stmts for n in ast.walk(s)):
        if (isinstance(node, ast.Name) and node.id in names) or (
                isinstance(node, (ast.Import, ast.ImportFrom)) and _names_of(node) & names):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            other.update(name for name in names if names_in(node.value, name))
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            other.update(names.intersection(node.names))
    mentioned |= other
    return False


class _Emitter:
    def __init__(self, lines: list[str], edit_lines: set, names: set[str]):
        self.lines, self.edit_lines, self.names = lines, edit_lines, names
        self.out: list[str] = []
        self.regions: dict[str, str] = {}
        self.shifts: list[tuple[int, int]] = []  # (first original line after a region, lines removed so far)
        self.removed = 0
        self.token = secrets.token_hex(6)
        self.aside: list = []
        self.mentioned: set = set()

    def block(self, body: list, cursor: int, module: bool) -> int:
        head = module
        ranges = _ranges(body)
        kept = []
        for first, last, stmts in ranges:
            head = head and all(_is_head(s) for s in stmts)
            edited = any(first <= line <= last for line in self.edit_lines)
            keep = head or edited or _uses(stmts, self.names, "".join(self.lines[first - 1:last]), self.mentioned)
            kept.append((keep, edited and not head))
        if not module and not any(keep for keep, _ in kept):
            kept[0] = (True, False)  # a block needs a statement: the edit is in its header
        for (first, last, stmts), (keep, descend) in zip(ranges, kept):
            self.out.extend(self.lines[cursor - 1:first - 1])
            if keep:
                cursor = self._kept(first, last, stmts, descend)
            else:
                self._set_aside(first, last)
                if module:
                    self.aside += stmts
                cursor = last + 1
        return cursor

    def _starts_line(self, stmt: ast.stmt) -> bool:
        node = min([stmt] + list(getattr(stmt, "decorator_list", ())), key=lambda n: (n.lineno, n.col_offset))
        return not self.lines[node.lineno - 1][:node.col_offset].strip()

    def _kept(self, first: int, last: int, stmts: list, descend: bool) -> int:
        """A statement LibCST must see; a compound statement holding an edit only down to the
        statements of its blocks that matter (a test module is one large class, a test one long
        function).  The lines between its blocks (``else:``, ``except E:``) are kept as they are."""
        bodies = _bodies(stmts[0]) if descend and len(stmts) == 1 else []
        if not bodies or not all(self._starts_line(body[0]) for body in bodies):
            self.out.extend(self.lines[first - 1:last])  # ``class A: pass`` on one line: kept whole
            return last + 1
        cursor = first
        for body in bodies:
            cursor = self.block(body, cursor, module=False)
        self.out.extend(self.lines[cursor - 1:last])
        return last + 1

    def _set_aside(self, first: int, last: int) -> None:
        region = "".join(self.lines[first - 1:last])
        start = self.lines[first - 1]
        indent = start[:len(start) - len(start.lstrip(" \t\f"))]
        ending = region[len(region.rstrip("\r\n")):]
        placeholder = f"{indent}{PLACEHOLDER}{len(self.regions)}-{self.token}{ending}"
        self.regions[placeholder] = region
        self.out.append(placeholder)
        self.removed += last - first
        self.shifts.append((last + 1, self.removed))

    def moved(self, line: int) -> int:
        shift = 0
        for after, count in self.shifts:
            if line >= after:
                shift = count
        return line - shift


def _tail(out: list[str], regions: dict) -> str:
    """A ``pass`` line to end a reduced module whose last statement was set aside: LibCST drops a
    whitespace-only line between comments at the end of a module (``a\\n \\n# c\\n`` comes back
    ``a\\n# c\\n``), and a placeholder is a comment (boto 2.49's tests/db/test_password.py ends
    ``    import boto\\n \\n``: its fix was promised and dropped)."""
    last = next((line for line in reversed(out) if line.strip()), None)
    if last is None or last not in regions:
        return ""
    ending = last[len(last.rstrip("\r\n")):] or "\n"
    return ("" if out[-1].endswith(("\n", "\r")) else ending) + "pass" + ending


def reduce(text: str, tree: ast.Module, edits: list[Edit]) -> Reduced:
    lines = LINES.findall(text)
    edit_lines = {line for e in edits for line in range(e.start[0], e.end[0] + 1)}
    names = _names(lines, tree, edits)
    emitter = _Emitter(lines, edit_lines, names)
    cursor = emitter.block(tree.body, 1, module=True)
    emitter.out.extend(lines[cursor - 1:])
    result = Reduced("".join(emitter.out), [], regions=emitter.regions, names=names, aside=emitter.aside,
                     mentioned=emitter.mentioned, tail=_tail(emitter.out, emitter.regions))
    result.text += result.tail
    for e in edits:
        new = replace(e, start=(emitter.moved(e.start[0]), e.start[1]), end=(emitter.moved(e.end[0]), e.end[1]))
        result.edits.append(new)
        result.back[new] = e
    return result
