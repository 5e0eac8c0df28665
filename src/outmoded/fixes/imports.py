"""Import bookkeeping for fixes that write or stop using a module name.

A fix that writes ``importlib.reload`` asks for ``import importlib``; a fix that rewrote a use of
``imp`` asks for ``import imp`` to go *if nothing else uses it*.  Both are done here, on the
statements themselves, without LibCST's codemod visitors and their scope analysis.  An import is
added where a careful human puts it (see ``_insert_at``), never when the module already imports
it, even under a guard.  Removal (which cost two thirds of a large
file's fix): an import goes only when the name it binds is read nowhere in the rewritten module
-- no ``ast.Name`` load, no mention inside any string (annotations, ``__all__``) -- no other
import binds it, and it is not inside a ``try`` (there the import is a probe); only statements are
visited, never expressions.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Optional

import libcst as cst

from outmoded.fixes.bindings import Bindings
from outmoded.fixability.imports import names_in
from outmoded.fixes.chunks import PLACEHOLDER
from outmoded.fixes.comments import CommentCarrier
from outmoded.fixes.names import Resolved, dotted
from outmoded.statementblocks import BLOCKS

ImportKey = tuple  # (module, obj or None, asname or None)


@dataclass
class ImportChanges:
    add: set = field(default_factory=set)
    remove: set = field(default_factory=set)
    retire: set = field(default_factory=set)  # removed submodules: ``import a.b`` -> ``import a`` once unused
    retired: set = field(default_factory=set)  # those it was done for (filled by ``apply``)

    def need(self, resolved: Resolved) -> None:
        if resolved.module is not None:
            self.add.add((resolved.module, None, None))

    def release(self, name: str, bindings: Bindings) -> None:
        """The fixer stopped using ``name`` somewhere: drop its imports if now unused."""
        for b in bindings.imports_of(name):
            self.remove.add((b.module, b.obj, b.asname))

    def __bool__(self) -> bool:
        return bool(self.add or self.remove or self.retire)


class _RemoveImports(CommentCarrier, cst.CSTTransformer):
    """Drop the aliases ``keys`` name from import statements (and the statements left empty),
    keeping the comments of deleted lines."""

    def __init__(self, keys: set, parents: Optional[dict] = None):
        super().__init__()
        self.keys = keys
        self.parents = parents or {}  # ``import a.b`` -> ``import a`` (None: drop it, ``import a`` exists)
        self.made: set = set()  # parents already imported by a rewritten statement

    def on_visit(self, node: cst.CSTNode) -> bool:
        super().on_visit(node)
        # imports are small statements inside statement lines and blocks: expressions hold none
        return isinstance(node, (cst.Module, cst.BaseStatement, cst.BaseSuite, cst.BaseSmallStatement,
                                 cst.ExceptHandler, cst.Else, cst.Finally, cst.ExceptStarHandler))

    def leave_Import(self, original_node, updated_node):
        kept, seen = [], set()
        for alias in updated_node.names:
            name, asname = alias_name(alias), asname_of(alias)
            if (name, None, asname) in self.keys:
                continue
            if asname is None and name in self.parents:
                if self.parents[name] is None or self.parents[name] in seen or self.parents[name] in self.made:
                    continue
                self.made.add(self.parents[name])
                alias, name = alias.with_changes(name=dotted(self.parents[name])), self.parents[name]
            seen.add(name)
            kept.append(alias)
        return self._kept(updated_node, kept)

    def leave_ImportFrom(self, original_node, updated_node):
        if updated_node.relative or updated_node.module is None or isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        module = cst.Module([]).code_for_node(updated_node.module)
        kept = [a for a in updated_node.names if (module, alias_name(a), asname_of(a)) not in self.keys]
        return self._kept(updated_node, kept)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        return cst.RemovalSentinel.REMOVE if not updated_node.body else updated_node

    def leave_IndentedBlock(self, original_node, updated_node):
        if updated_node.body:
            return updated_node
        return updated_node.with_changes(body=[cst.SimpleStatementLine(body=[cst.Pass()])])

    @staticmethod
    def _kept(node, kept):
        if len(kept) == len(node.names) and all(a is b for a, b in zip(kept, node.names)):
            return node
        if not kept:
            return cst.RemovalSentinel.REMOVE
        if isinstance(node, cst.Import) or node.rpar is None or isinstance(node.names[-1].comma, cst.MaybeSentinel):
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return node.with_changes(names=kept)


def _plain_imports(statement) -> list[str]:
    """``import a, b.c`` -> ["a", "b.c"]; [] for any other statement."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return []
    found = []
    for small in statement.body:
        if not isinstance(small, cst.Import):
            return []
        found += [alias_name(a) for a in small.names]
    return found


def _is_import_line(statement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) or (isinstance(s, cst.Expr) and isinstance(s.value, cst.BaseString))
        for s in statement.body)


def _set_aside_before(statement) -> bool:
    """Did other code stand before this statement (a placeholder of ``chunks``)?"""
    return any(line.comment is not None and line.comment.value.startswith(PLACEHOLDER)
               for line in statement.leading_lines)


def _insert_at(body: list, module_name: str) -> int:
    """Where a careful human adds ``import module_name``: among the leading import block's plain
    ``import`` lines, right after the one importing its parent package (``import collections``
    for ``collections.abc``: where it stands when that import goes, unused), else at its sorted
    place when they are sorted, else after the last of them; with none, after the block
    (docstring, ``__future__`` and other imports)."""
    head = 0
    while head < len(body) and _is_import_line(body[head]) and not (head and _set_aside_before(body[head])):
        head += 1
    plain = [(i, _plain_imports(body[i])) for i in range(head) if _plain_imports(body[i])]
    if not plain:
        return head
    parent = _parent_line(plain, module_name)
    if parent is not None:
        return parent + 1
    names = [n for _, found in plain for n in found]
    if len(plain) > 1 and names == sorted(names, key=str.lower):
        for index, found in plain:
            if found[0].lower() > module_name.lower():
                return index
    return plain[-1][0] + 1


def _parent_line(plain: list, module_name: str) -> Optional[int]:
    """The index of the plain import line that imports ``module_name``'s nearest parent package."""
    parent = module_name.rpartition(".")[0]
    while parent:
        for index, found in plain:
            if parent in found:
                return index
        parent = parent.rpartition(".")[0]
    return None


def _add(module: cst.Module, module_name: str) -> cst.Module:
    body = list(module.body)
    at = _insert_at(body, module_name)
    line = cst.SimpleStatementLine(body=[cst.Import(names=[cst.ImportAlias(name=dotted(module_name))])])
    beside_parent = at > 0 and _parent_line([(at - 1, _plain_imports(body[at - 1]))], module_name) is not None
    if at < len(body) and _plain_imports(body[at]) and not beside_parent:
        # going before an import of the block: the comments and blank lines above it stay above
        line = line.with_changes(leading_lines=body[at].leading_lines)
        body[at] = body[at].with_changes(leading_lines=())
    body.insert(at, line)
    return module.with_changes(body=body)


class _AddBeside(cst.CSTTransformer):
    """``import module_name`` right after each plain ``import parent`` inside a block."""

    def __init__(self, module_name: str, parent: str):
        super().__init__()
        self.module_name, self.parent, self.added, self.present = module_name, parent, 0, False

    def leave_IndentedBlock(self, original_node, updated_node):
        body, changed = [], False
        if any(self.module_name in _plain_imports(statement) for statement in updated_node.body):
            self.present = True
            return updated_node  # this block imports it already
        line = cst.SimpleStatementLine(body=[cst.Import(names=[cst.ImportAlias(name=dotted(self.module_name))])])
        for statement in updated_node.body:
            body.append(statement)
            if self.parent in _plain_imports(statement):
                body.append(line)
                changed = True
        self.added += changed
        return updated_node.with_changes(body=body) if changed else updated_node


def _add_beside_nested_parent(module: cst.Module, module_name: str) -> Optional[cst.Module]:
    """The module with ``import module_name`` after each import of its parent package inside a
    block (a function, an ``if PY3:`` branch), when the module's top level imports it nowhere;
    None when there is no such import.  The submodule is then imported where and when its parent
    was: Whoosh 2.7.4's compat.py imports collections in the Python 3 branch of an ``if
    sys.version_info[0] < 3:``, and a top-level ``import collections.abc`` made the module fail
    to import on the Python 2 its other branch is for."""
    parent = module_name.rpartition(".")[0]
    while parent:
        if any(parent in _plain_imports(statement) for statement in module.body):
            return None  # imported at the top: the new import goes there too
        adder = _AddBeside(module_name, parent)
        added = module.visit(adder)
        if adder.added or adder.present:
            return added
        parent = parent.rpartition(".")[0]
    return None


def _imported_anywhere(tree: Optional[ast.Module], module_name: str) -> bool:
    """Is ``import module_name`` already there, at module level, even guarded (in a try or if)?"""
    if tree is None:
        return False
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import) and any(a.name == module_name and a.asname is None for a in node.names):
            return True
        if isinstance(node, (ast.If, ast.Try)) or type(node).__name__ == "TryStar":
            todo += node.body + node.orelse + getattr(node, "finalbody", []) + [
                s for h in getattr(node, "handlers", []) for s in h.body]
    return False


def _unused(tree: ast.Module, key: ImportKey) -> bool:
    """Is the name this import binds read nowhere, and bound by this import alone?  A plain
    ``import a`` (or ``import a.x``) is also unused when every read is ``a.b...`` and another
    ``import a.b`` is there too."""
    module_name, obj, asname = key
    name = asname or obj or module_name.split(".")[0]
    binders, submodules, reads, attributes = 0, set(), 0, []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Store):
            reads += 1
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name:
            attributes.append(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and names_in(node.value, name):
            return False  # a string annotation or __all__: keep it
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                if (a.asname or a.name.split(".")[0]) == name:
                    binders += 1
                    if isinstance(node, ast.Import) and a.asname is None and "." in a.name and a.name != module_name:
                        submodules.add(a.name.split(".")[1])  # another import that binds the name too
    if reads == 0:
        return binders <= 1
    plain = obj is None and asname is None
    return plain and bool(submodules) and reads == len(attributes) and all(a in submodules for a in attributes)


def _parse(code: Optional[str]) -> Optional[ast.Module]:
    try:
        return ast.parse(code)  # None (a placeholder went missing): TypeError
    except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
        return None


def _key_name(key: ImportKey) -> str:
    module_name, obj, asname = key
    return asname or obj or module_name.split(".")[0]


def apply(module: cst.Module, changes: ImportChanges, reduced=None, path: str | None = None) -> cst.Module:
    """``reduced`` (``chunks.Reduced``): ``module`` holds only the statements that change; the
    statements set aside are known by their ``ast`` nodes, and every mention of a name a fix may
    stop using is in ``module``, so nothing is expanded or parsed whole.  ``path``: the file's,
    whose imports another module of the project imports from it stay (``importedfrom``)."""
    if not changes:
        return module
    aside = reduced.aside if reduced is not None else []
    small = _parse(module.code)
    presence = ast.Module(body=aside + (small.body if small else []), type_ignores=[])
    for module_name, obj, asname in sorted(changes.add, key=_sort_key):
        if not _imported_anywhere(presence, module_name):
            module = _add_beside_nested_parent(module, module_name) or _add(module, module_name)
    if not (changes.remove or changes.retire):
        return module
    small = _parse(module.code)
    wanted = {_key_name(k) for k in changes.remove} | {name.split(".")[0] for name in changes.retire}
    if small is None or reduced is None or not wanted <= reduced.names:
        small = _parse(reduced.expand(module.code) if reduced is not None else module.code)
        aside = []
    if small is None:
        return module  # keep every import; the result is checked (and refused) later anyway
    presence = ast.Module(body=aside + small.body, type_ignores=[])
    mentioned = reduced.mentioned if reduced is not None and aside else set()
    tops = {name for name in changes.retire if "." not in name}  # ``import imp``: dropped once unused
    guarded = _bound_in_try(small)
    removals = {key for key in changes.remove | {(name, None, None) for name in tops}
                if _key_name(key) not in mentioned | guarded and _unused(small, key)}
    if removals and path is not None:
        from outmoded.importedfrom import defines_all, imported_from

        kept = imported_from(path, {_key_name(k) for k in removals}, star=not defines_all(presence))
        removals = {key for key in removals if _key_name(key) not in kept}
    parents = {name: (None if _imported_anywhere(presence, name.rpartition(".")[0]) else name.rpartition(".")[0])
               for name in changes.retire - tops if not _chain_used(small, name)}
    changes.retired = set(parents) | {name for name in tops if (name, None, None) in removals}
    return module.visit(_RemoveImports(removals, parents)) if removals or parents else module


def _bound_in_try(tree: ast.Module) -> set[str]:
    """Names imported inside a ``try`` statement: that import is the code's own probe (what it
    raises decides which branch runs), so it stays (``fixability.imports.dropped`` says the same)."""
    found, todo = set(), [(node, False) for node in tree.body]
    while todo:
        node, inside = todo.pop()
        if inside and isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(a.asname or a.name.split(".")[0] for a in node.names)
        inner = inside or isinstance(node, ast.Try) or type(node).__name__ == "TryStar"
        for name in BLOCKS:
            children = getattr(node, name, None)
            if isinstance(children, list):
                todo += [(child, inner) for child in children]
    return found


def _chain_used(tree: ast.Module, dotted_name: str) -> bool:
    """Is ``a.b`` still read as the start of an attribute chain (``a.b.x``)?"""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts, current = [node.attr], node.value
            while isinstance(current, ast.Attribute):
                parts.append(current.attr)
                current = current.value
            if isinstance(current, ast.Name) and ".".join([current.id, *parts[::-1]]).startswith(dotted_name + "."):
                return True
            if isinstance(current, ast.Name) and ".".join([current.id, *parts[::-1]]) == dotted_name:
                return True
    return False


def _sort_key(key: ImportKey) -> tuple:
    return tuple(part or "" for part in key)


def alias_name(alias: cst.ImportAlias) -> str:
    return cst.Module([]).code_for_node(alias.name)


def asname_of(alias: cst.ImportAlias) -> Optional[str]:
    if alias.asname is None:
        return None
    return cst.Module([]).code_for_node(alias.asname.name)
