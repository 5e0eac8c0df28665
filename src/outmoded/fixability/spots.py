"""A module's ``ast`` tree, indexed on first need by where things start or end.

The planner asks, per finding, for the call or attribute at its position, the import statement
holding it, the argument it names; most findings are renames and need none of it, so nothing is
walked until one does.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left

from outmoded.lazyre import word_re
from outmoded.statementblocks import BLOCKS


class Spots:
    """The module's calls by where their function's name starts, its attributes by where they
    end, and its from-imports; walked only where a finding needs them (most findings are renames):
    a question about a finding's position walks only the statements and expressions spanning its
    line, and the nodes naming a module are looked for only on the lines where its name is
    written (``text``: the module's source, when known)."""

    def __init__(self, tree: ast.Module, text: str | None = None, asked: set | None = None):
        self.tree = tree
        self.text = text
        self.asked = asked  # the names looked for (``naming``), if wanted; None for the whole tree
        self._calls: dict | None = None  # every call, walked once when one question needs all
        self._lines: dict = {}  # line -> (calls, attributes) of the nodes spanning it
        self._all_imports: list | None = None
        self._in_try: set | None = None
        self._parents: dict | None = None

    def _walk(self) -> None:
        self._calls = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self._calls[(node.func.lineno, node.func.col_offset)] = node

    def _around(self, line: int) -> tuple[dict, dict]:
        """(calls by where their function starts, attributes by where they end) among the nodes
        spanning ``line``: the only ones a finding on that line can be."""
        found = self._lines.get(line)
        if found is None:
            calls, attributes = {}, {}
            for node in spanning(self.tree, (line,)):
                if isinstance(node, ast.Call):
                    calls[(node.func.lineno, node.func.col_offset)] = node
                elif isinstance(node, ast.Attribute):
                    attributes[(node.end_lineno, node.end_col_offset)] = node
            found = self._lines[line] = (calls, attributes)
        return found

    def at(self, finding) -> ast.Call | None:
        return self._around(finding.line)[0].get((finding.line, finding.column - 1))

    def parents(self) -> dict:
        """Each node's parent (by ``id``) in the whole module, walked once."""
        if self._parents is None:
            self._parents = parents_of(self.tree, None)
        return self._parents

    def called(self, finding) -> ast.Call | None:
        """The call whose function is what the finding spans, or None where it is not called there:
        ``at`` gives the innermost call whose function starts at the finding, which is another
        call for ``array.array('b').fromstring(x)`` (the receiver's) and for an attribute read of
        a reference (``inspect.ArgSpec._make(values)``, ``LooseVersion.__init__(self, v)``)."""
        node = self.attribute(finding)
        if node is None:
            call = self.at(finding)  # a name's call: no other call's function starts inside a name
            return call if call is not None and isinstance(call.func, ast.Name) else None
        return next((n for n in spanning(self.tree, (finding.line,)) if isinstance(n, ast.Call) and n.func is node), None)

    def attribute(self, finding) -> ast.Attribute | None:
        """The attribute access spanning the finding (``imp.reload`` in ``imp.reload(m)``)."""
        node = self._around(finding.line)[1].get((finding.end_line, finding.end_column - 1))
        return node if node is not None and (node.lineno, node.col_offset) == (finding.line, finding.column - 1) \
            else None

    def imports(self) -> list:
        """The absolute from-imports (``from a.b import c``)."""
        return [n for n in self.statements() if isinstance(n, ast.ImportFrom) and n.module and not n.level]

    def import_at(self, line: int) -> ast.ImportFrom | None:
        """The absolute from-import whose lines hold ``line``, or None."""
        return next((n for n in self.imports() if n.lineno <= line <= n.end_lineno), None)

    def naming(self, name: str):
        """Every node on a line where ``name`` is written as a word (a superset of the nodes that
        read, bind, quote or declare it); the whole tree without the source text."""
        if self.asked is not None:
            self.asked.add(name if self.text is not None and name.isidentifier() else None)
        if self.text is None or not name.isidentifier():
            return ast.walk(self.tree)
        if name not in self.text:
            return []
        from outmoded.newlines import split_lines  # the parser's newlines

        word = word_re(name)
        lines = [number for number, line in enumerate(split_lines(self.text), 1) if name in line and word.search(line)]
        return spanning(self.tree, lines)

    def statements(self) -> list:
        """Every import statement (``import a.b`` too)."""
        if self._all_imports is None:  # statements only: expressions hold no import
            self._all_imports, todo, lines = [], list(self.tree.body), self._import_lines()
            while todo:
                node = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    self._all_imports.append(node)
                for name in BLOCKS:
                    inner = getattr(node, name, None)
                    if isinstance(inner, list):
                        todo += inner if lines is None else [n for n in inner if _meets(n, lines)]
        return self._all_imports

    def in_try(self, statement: ast.stmt) -> bool:
        """Does this import statement sit in a ``try`` statement's body, handlers or else?"""
        if self._in_try is None:
            self._in_try, todo, lines = set(), [(n, False) for n in self.tree.body], self._import_lines()
            while todo:
                node, inside = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)) and inside:
                    self._in_try.add(id(node))
                inner = inside or isinstance(node, ast.Try) or type(node).__name__ == "TryStar"
                for name in BLOCKS:
                    children = getattr(node, name, None)
                    if isinstance(children, list):
                        todo += [(child, inner) for child in children if lines is None or _meets(child, lines)]
        return id(statement) in self._in_try

    def _import_lines(self) -> list[int] | None:
        """The lines (from 1) where ``import`` is written as a word: an import statement spans
        one, so the statements spanning none hold no import; None without the source text (or
        with a character outside ASCII: a keyword is not looked for in another spelling)."""
        if self.text is None or not self.text.isascii():
            return None
        from outmoded.newlines import split_lines  # the parser's newlines

        word = re.compile(r"\bimport\b")
        return [number for number, line in enumerate(split_lines(self.text), 1)
                if "import" in line and word.search(line)]

    def argument(self, finding) -> tuple[ast.Call, ast.AST] | None:
        """(the call, the argument's value) of the argument starting at the finding."""
        where = (finding.line, finding.column - 1)
        for call in self._around(finding.line)[0].values():
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


def _meets(node: ast.AST, lines: list[int]) -> bool:
    """Do the lines of ``node`` (a statement, a handler or a case; a definition from its first
    decorator) meet ``lines`` (sorted)?"""
    start = getattr(node, "lineno", None)
    if start is None:
        return True  # a match statement's case
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        start = min(start, decorators[0].lineno)
    at = bisect_left(lines, start)
    return at < len(lines) and lines[at] <= node.end_lineno


def spanning(tree: ast.AST, lines) -> list:
    """The nodes under ``tree`` whose lines meet ``lines`` (sorted), parents before children: a
    walk that skips every statement and expression lying wholly between those lines.  A decorated
    definition starts at its first decorator; nodes without a position (arguments, comprehension
    clauses) are entered."""
    found, todo = [], [tree]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            start = getattr(child, "lineno", None)
            if start is not None:
                decorators = getattr(child, "decorator_list", None)
                if decorators:
                    start = min(start, decorators[0].lineno)
                at = bisect_left(lines, start)
                if at == len(lines) or lines[at] > child.end_lineno:
                    continue
            found.append(child)
            todo.append(child)
    return found


def parents_of(tree: ast.AST, lines: tuple[int, int] | None) -> dict:
    """Each node's parent (by ``id``): among the nodes spanning ``lines`` (first, last), or all."""
    nodes = [tree] + (list(ast.walk(tree))[1:] if lines is None else spanning(tree, range(lines[0], lines[1] + 1)))
    return {id(child): node for node in nodes for child in ast.iter_child_nodes(node)}


# what a name assigned in it is local to
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module)


def scope_of(node: ast.AST, parents: dict, tree: ast.Module) -> ast.AST:
    """The function, lambda or module ``node`` is in (``parents``: ``parents_of``'s map), or
    ``tree`` when the map does not reach one."""
    scope = node
    while scope is not None and not isinstance(scope, SCOPES):
        scope = parents.get(id(scope))
    return scope or tree


def bound_to(statement: ast.ImportFrom, api: str) -> str | None:
    """The name ``statement`` binds to ``api`` (``from ast import Num as N``: N for ast.Num), or None."""
    alias = next((a for a in statement.names if f"{statement.module}.{a.name}" == api), None)
    return None if alias is None else alias.asname or alias.name
