"""A module's ``ast`` tree, indexed on first need by where things start or end.

The planner asks, per finding, for the call or attribute at its position, the import statement
holding it, the argument it names; most findings are renames and need none of it, so nothing is
walked until one does.
"""

from __future__ import annotations

import ast


class Spots:
    """The module's calls by where their function's name starts, and its from-imports; walked
    once, and only when a finding needs them (most findings are renames)."""

    def __init__(self, tree: ast.Module):
        self.tree = tree
        self._calls: dict | None = None
        self._attributes: dict = {}  # (end line, end column) -> the attribute ending there
        self._imports: list = []
        self._all_imports: list | None = None
        self._in_try: set | None = None

    def _walk(self) -> None:
        self._calls = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self._calls[(node.func.lineno, node.func.col_offset)] = node
            elif isinstance(node, ast.Attribute):
                self._attributes[(node.end_lineno, node.end_col_offset)] = node
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                self._imports.append(node)

    def at(self, finding) -> ast.Call | None:
        if self._calls is None:
            self._walk()
        return self._calls.get((finding.line, finding.column - 1))

    def attribute(self, finding) -> ast.Attribute | None:
        """The attribute access spanning the finding (``imp.reload`` in ``imp.reload(m)``)."""
        if self._calls is None:
            self._walk()
        node = self._attributes.get((finding.end_line, finding.end_column - 1))
        return node if node is not None and (node.lineno, node.col_offset) == (finding.line, finding.column - 1) \
            else None

    def imports(self) -> list:
        if self._calls is None:
            self._walk()
        return self._imports

    def statements(self) -> list:
        """Every import statement (``import a.b`` too)."""
        if self._all_imports is None:  # statements only: expressions hold no import
            self._all_imports, todo = [], list(self.tree.body)
            while todo:
                node = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    self._all_imports.append(node)
                for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                    inner = getattr(node, name, None)
                    if isinstance(inner, list):
                        todo += inner
        return self._all_imports

    def in_try(self, statement: ast.stmt) -> bool:
        """Does this import statement sit in a ``try`` statement's body, handlers or else?"""
        if self._in_try is None:
            self._in_try, todo = set(), [(n, False) for n in self.tree.body]
            while todo:
                node, inside = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)) and inside:
                    self._in_try.add(id(node))
                inner = inside or isinstance(node, ast.Try) or type(node).__name__ == "TryStar"
                for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                    children = getattr(node, name, None)
                    if isinstance(children, list):
                        todo += [(child, inner) for child in children]
        return id(statement) in self._in_try

    def argument(self, finding) -> tuple[ast.Call, ast.AST] | None:
        """(the call, the argument's value) of the argument starting at the finding."""
        where = (finding.line, finding.column - 1)
        for call in self.all():
            if call.func.lineno > finding.line or getattr(call, "end_lineno", finding.line) < finding.line:
                continue
            for arg in call.args:
                if (arg.lineno, arg.col_offset) == where:
                    return call, arg
            for keyword in call.keywords:
                if (keyword.lineno, keyword.col_offset) == where or (keyword.value.lineno, keyword.value.col_offset) == where:
                    return call, keyword.value
        return None

    def all(self):
        if self._calls is None:
            self._walk()
        return self._calls.values()


def chain_of(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None for anything that is not a plain dotted chain."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]
