"""Import bookkeeping for fixes that write or stop using a module name.

A fix that writes ``importlib.reload`` asks for ``import importlib``; a fix that rewrote a use of
``imp`` asks for ``import imp`` to go *if nothing else uses it*.  LibCST's AddImportsVisitor and
RemoveImportsVisitor do the work: they keep ``__future__`` imports and docstrings first, skip
imports that already exist, and remove only imports that scope analysis finds unused.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Optional

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

from outmoded.fixes.bindings import Bindings
from outmoded.fixes.comments import CommentCarrier
from outmoded.fixes.names import Resolved

ImportKey = tuple  # (module, obj or None, asname or None)


@dataclass
class ImportChanges:
    add: set = field(default_factory=set)
    remove: set = field(default_factory=set)

    def need(self, resolved: Resolved) -> None:
        if resolved.module is not None:
            self.add.add((resolved.module, None, None))

    def release(self, name: str, bindings: Bindings) -> None:
        """The fixer stopped using ``name`` somewhere: drop its imports if now unused."""
        for b in bindings.imports_of(name):
            self.remove.add((b.module, b.obj, b.asname))

    def __bool__(self) -> bool:
        return bool(self.add or self.remove)


class _AddImports(AddImportsVisitor):
    def _insert_empty_line(self, statements):
        # LibCST puts a blank line between the imports and the code that follows; keep the
        # file's own layout instead (the fix should change the names, not the formatting)
        return statements


class _RemoveImports(CommentCarrier, RemoveImportsVisitor):
    """RemoveImportsVisitor that keeps the comments of the lines it deletes."""


def _removal_rounds(keys: set) -> list[list[ImportKey]]:
    # RemoveImportsVisitor keeps one request per module (``import imp`` and ``import imp as i``
    # would overwrite each other), so each round asks for at most one alias of a module
    rounds: list[list[ImportKey]] = []
    for key in sorted(keys, key=_sort_key):
        for round_ in rounds:
            if all(other[:2] != key[:2] for other in round_):
                round_.append(key)
                break
        else:
            rounds.append([key])
    return rounds


def _head_length(module: cst.Module) -> int:
    """How many leading statements are the docstring and the import block, plus one."""
    for index, statement in enumerate(module.body):
        small = statement.body if isinstance(statement, cst.SimpleStatementLine) else []
        if not small or not all(isinstance(s, (cst.Import, cst.ImportFrom)) or
                                (isinstance(s, cst.Expr) and isinstance(s.value, cst.BaseString)) for s in small):
            return index + 1
    return len(module.body)


def _add_in_head(module: cst.Module, context: CodemodContext) -> cst.Module:
    # AddImportsVisitor inserts after the leading import block and only reads that far, but it
    # walks the whole tree: handing it the head alone makes it cost nothing on large files
    cut = _head_length(module)
    head = _AddImports(context).transform_module(module.with_changes(body=module.body[:cut], footer=()))
    return module.with_changes(header=head.header, body=[*head.body, *module.body[cut:]])


def _top_level_imports(module: cst.Module) -> set[str]:
    """Modules imported plainly (``import a.b``) by the module's top-level statements."""
    found = set()
    for statement in module.body:
        for small in getattr(statement, "body", ()) if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Import):
                found.update(alias_name(a) for a in small.names if a.asname is None)
    return found


def _pointless(tree: ast.Module, key: ImportKey) -> bool:
    """Would asking RemoveImportsVisitor (and its costly scope analysis) to remove this import be
    pointless?  Yes when the name it binds is still read and no other import binds that name
    (``import collections`` is unused once ``import collections.abc`` serves every read)."""
    module_name, obj, asname = key
    name = asname or obj or module_name.split(".")[0]
    read = any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree))
    binders = sum(1 for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                  for a in n.names if (a.asname or a.name.split(".")[0]) == name)
    return read and binders <= 1


def apply(module: cst.Module, changes: ImportChanges) -> cst.Module:
    if not changes:
        return module
    adds = [key for key in sorted(changes.add, key=_sort_key)
            if key[1:] != (None, None) or key[0] not in _top_level_imports(module)]
    if adds:  # AddImportsVisitor skips existing imports too, but only after a costly analysis
        context = CodemodContext()
        for module_name, obj, asname in adds:
            AddImportsVisitor.add_needed_import(context, module_name, obj, asname)
        module = _add_in_head(module, context)
    try:
        tree = ast.parse(module.code)
    except (SyntaxError, ValueError):
        tree = ast.Module(body=[], type_ignores=[])
    removals = {key for key in changes.remove if not _pointless(tree, key)}
    for round_ in _removal_rounds(removals):
        context = CodemodContext()
        for module_name, obj, asname in round_:
            RemoveImportsVisitor.remove_unused_import(context, module_name, obj, asname)
        module = _RemoveImports(context).transform_module(module)
    return module


def _sort_key(key: ImportKey) -> tuple:
    return tuple(part or "" for part in key)


def alias_name(alias: cst.ImportAlias) -> str:
    return cst.Module([]).code_for_node(alias.name)


def asname_of(alias: cst.ImportAlias) -> Optional[str]:
    if alias.asname is None:
        return None
    return cst.Module([]).code_for_node(alias.asname.name)
