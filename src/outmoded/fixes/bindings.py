"""Every name a module binds, in any scope, and how.

This is deliberately coarse (one table for the whole module, no scopes): the fixer does not
resolve names -- the scanner did that -- it only needs to know whether a name it is about to
write or rename could mean something else somewhere in the file.  When in doubt it declines.

The fixer asks about a handful of names, so ``collect`` with the module's text builds the table
per name on demand (``Lazy``): only the nodes spanning a line where the name is written as a word
are walked (a binding, a read or an ``__all__`` entry always spells it out), not the whole tree.
"""

from __future__ import annotations

import ast
from bisect import bisect_left, bisect_right
from collections import deque

from outmoded.fixability.spots import chain_of
from outmoded.lazyre import word_re
from outmoded.newlines import line_offsets, split_lines  # Python's own line breaks only
from outmoded.records import Frozen, Record

MATCH_MAPPING = getattr(ast, "MatchMapping", ())  # Python 3.10+


class Binding(Frozen):
    """``kind``: "import" (import M [as x]) | "from" (from M import obj [as x]) | "assign" (x = a.b:
    ``module`` holds the dotted name assigned) | "other"."""

    __slots__ = _fields = ("kind", "module", "obj", "asname")

    def __init__(self, kind: str, module: str | None = None, obj: str | None = None, asname: str | None = None):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "module", module)
        object.__setattr__(self, "obj", obj)
        object.__setattr__(self, "asname", asname)


class Bindings(Record):
    __slots__ = _fields = ("names", "loads", "exported", "claimed")

    def __init__(self) -> None:
        self.names: dict[str, list[Binding]] = {}
        self.loads: set[str] = set()  # names read or deleted anywhere
        self.exported: set[str] = set()  # strings listed in __all__
        self.claimed: set[int] = set()  # ids of the Name targets an "assign" binding stands for

    def add(self, name: str, binding: Binding) -> None:
        self.names.setdefault(name, []).append(binding)

    def found(self, name: str) -> list[Binding]:
        return self.names.get(name, [])

    def loaded(self, name: str) -> bool:
        return name in self.loads

    def is_exported(self, name: str) -> bool:
        return name in self.exported

    def writable(self, root: str, module: str | None) -> bool:
        """May the fixer write a name starting with ``root`` (meaning ``module``, or a builtin)?"""
        found = self.found(root)
        if module is None:
            return not found  # a builtin: any binding of that name would shadow it
        return all(b.kind == "import" and b.asname is None and b.module.split(".")[0] == root for b in found)

    def is_plain_import(self, name: str, module: str) -> bool:
        """Is ``name`` bound only by ``import`` statements that make it ``module``?"""
        found = self.found(name)
        return bool(found) and all(b.kind == "import" for b in found) and self.means(name, module)

    def imports_of(self, name: str) -> list[Binding]:
        return [b for b in self.found(name) if b.kind in ("import", "from")]

    def bound_once(self, name: str) -> bool:
        """Is ``name`` bound exactly once (so every use means that binding) and not exported?"""
        return len(self.found(name)) == 1 and not self.is_exported(name)

    def renamable(self, old: str, new: str, builtin: bool = False) -> bool:
        """Can every use of ``old`` (bound once, by the import being fixed) become ``new``?

        A builtin ``new`` may already be read elsewhere: those reads mean the same object."""
        return self.bound_once(old) and not self.found(new) and (builtin or not self.loaded(new))

    def means(self, name: str, qualified: str) -> bool:
        """Does ``name`` stand for ``qualified`` everywhere in the module?

        True only when every binding of it is an import of exactly that (or it is an unbound
        builtin): an instance receiver such as ``self`` or ``task`` never qualifies."""
        return self._means(name, qualified, ())

    def _means(self, name: str, qualified: str, seen: tuple) -> bool:
        found = self.found(name)
        if not found:
            return qualified == f"builtins.{name}" and not seen
        return all(self._binding_means(b, name, qualified, seen) for b in found)

    def _binding_means(self, b: Binding, name: str, qualified: str, seen: tuple) -> bool:
        if b.kind == "from":
            return f"{b.module}.{b.obj}" == qualified
        if b.kind == "import":
            return b.module == qualified if b.asname else name == qualified == b.module.split(".")[0]
        if b.kind == "assign" and name not in seen:
            # ``c = collections``, every binding of ``collections`` an import of it: ``c`` is it too
            # (the scanner's assigned aliases, ``scopes``); the chain's first name must mean its part
            root, _, rest = b.module.partition(".")
            if rest and not qualified.endswith("." + rest):
                return False
            return self._means(root, qualified[:len(qualified) - len(rest) - 1] if rest else qualified,
                               (*seen, name))
        return False


def _function_names(node, table: Bindings) -> None:
    args = node.args
    for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
        if arg is not None:
            table.add(arg.arg, Binding("other"))


def _import(node: ast.Import, table: Bindings) -> None:
    for alias in node.names:
        name = alias.asname or alias.name.split(".")[0]
        table.add(name, Binding("import", alias.name, None, alias.asname))


def _import_from(node: ast.ImportFrom, table: Bindings) -> None:
    module = None if node.level else node.module
    for alias in node.names:
        if alias.name != "*":
            kind = "from" if module else "other"
            table.add(alias.asname or alias.name, Binding(kind, module, alias.name, alias.asname))


def _exported(node: ast.AST, table: Bindings) -> None:
    value = getattr(node, "value", None)
    if isinstance(value, (ast.List, ast.Tuple)):
        table.exported.update(e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))


def _targets(node: ast.AST) -> list:
    if isinstance(node, ast.Assign):
        return node.targets
    return [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []


def _visit(node: ast.AST, table: Bindings) -> None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        value = chain_of(node.value)
        if value is not None:
            table.add(node.targets[0].id, Binding("assign", ".".join(value)))
            table.claimed.add(id(node.targets[0]))
    if isinstance(node, ast.Name):
        if isinstance(node.ctx, ast.Store) and id(node) not in table.claimed:
            table.add(node.id, Binding("other"))
        else:
            table.loads.add(node.id)
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        table.add(node.name, Binding("other"))
        if not isinstance(node, ast.ClassDef):
            _function_names(node, table)
    elif isinstance(node, ast.Lambda):
        _function_names(node, table)
    elif isinstance(node, ast.Import):
        _import(node, table)
    elif isinstance(node, ast.ImportFrom):
        _import_from(node, table)
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        table.loads.update(node.names)
    elif not isinstance(node, ast.alias) and isinstance(getattr(node, "name", None), str):
        # except ... as e, match captures, type parameters
        table.add(node.name, Binding("other"))
    if any(isinstance(t, ast.Name) and t.id == "__all__" for t in _targets(node)):
        _exported(node, table)


def _walk(nodes, table: Bindings) -> Bindings:
    for node in nodes:
        _visit(node, table)
        if isinstance(node, MATCH_MAPPING) and node.rest:
            table.add(node.rest, Binding("other"))
    return table


class Lazy(Bindings):
    """The table of one name at a time, from the nodes on the lines where it is written as a
    word: a binding, a read or an ``__all__`` entry spells it out on a line its node spans (a
    definition from its first decorator), so every other statement and expression is skipped, an
    f-string is entered whole (the positions inside one are not relied on).  The nodes are
    visited in ``ast.walk``'s order, top-level statement by statement."""

    def __init__(self, tree: ast.Module, text: str, asked: set | None = None):
        super().__init__()
        self.asked = asked  # the names looked up, if wanted
        self.tree = tree
        self.text = text
        self.starts = line_offsets(text)[:-1]  # where each line starts
        self.tables: dict[str, Bindings] = {}

    def _table(self, name: str) -> Bindings:
        table = self.tables.get(name)
        if table is None:
            if self.asked is not None:
                self.asked.add(name)
            lines = self._lines_naming(name)
            if lines is None:
                nodes = (n for stmt in self.tree.body for n in ast.walk(stmt))
            else:
                nodes = (n for stmt in self.tree.body for n in _near(stmt, lines))
            table = self.tables[name] = _walk(nodes, Bindings())
        return table

    def _lines_naming(self, name: str) -> list[int] | None:
        """The numbers (from 1, in order) of the lines where ``name`` is written as a word, in
        the parser's spelling (NFKC); None for a name no word is (look everywhere)."""
        if not name.isidentifier():
            return None
        text = self.text
        if name not in text and text.isascii():
            return []
        word = word_re(name)
        if text.isascii():
            found, starts = [], self.starts
            for match in word.finditer(text):
                line = bisect_right(starts, match.start())
                if not found or found[-1] != line:
                    found.append(line)
            return found
        import unicodedata

        return [number for number, line in enumerate(split_lines(text), 1)
                if word.search(line if line.isascii() else unicodedata.normalize("NFKC", line))]

    def found(self, name: str) -> list[Binding]:
        return self._table(name).names.get(name, [])

    def loaded(self, name: str) -> bool:
        return name in self._table(name).loads

    def is_exported(self, name: str) -> bool:
        return name in self._table("__all__").exported


def _near(statement: ast.stmt, lines: list[int]):
    """``ast.walk(statement)`` without the nodes lying wholly between ``lines`` (sorted): a child
    lies within its parent's lines, so what is left keeps its order.  Nodes without a position
    are entered; a definition starts at its first decorator."""
    if not _meets(statement, lines):
        return
    todo = deque([(statement, False)])
    while todo:
        node, whole = todo.popleft()
        yield node
        whole = whole or isinstance(node, ast.JoinedStr)  # entered whole: positions inside are not relied on
        todo.extend((child, whole) for child in ast.iter_child_nodes(node) if whole or _meets(child, lines))


def _meets(node: ast.AST, lines: list[int]) -> bool:
    start = getattr(node, "lineno", None)
    if start is None:
        return True
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        start = min(start, decorators[0].lineno)
    at = bisect_left(lines, start)
    return at < len(lines) and lines[at] <= (node.end_lineno or start)


def collect(tree: ast.Module, text: str | None = None, asked: set | None = None) -> Bindings:
    """The module's bindings; with its ``text``, built per name as the fixer asks (``Lazy``;
    ``asked``, if given, receives each name looked up, None when the whole tree is walked)."""
    if text is not None:
        return Lazy(tree, text, asked)
    if asked is not None:
        asked.add(None)
    return _walk(ast.walk(tree), Bindings())
