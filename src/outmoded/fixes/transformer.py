"""One LibCST pass that applies a file's edits, each at the node the scanner reported.

Nodes are found by position: a dotted name or method by where its last name ends (unique among
attribute nodes, and unaffected by parentheses), an argument by where it starts, an import
statement by containing the finding.  Nothing else in the tree is touched.
"""

from __future__ import annotations

import bisect
from typing import Optional

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from outmoded.fixability.shapes import positional_index
from outmoded.fixes.arguments import drop_arguments, make_positional
from outmoded.fixes.comments import CommentCarrier, comments_in
from outmoded.fixes.dotted import replace_dotted
from outmoded.fixes.env import Env
from outmoded.fixes.imports import alias_name
from outmoded.fixes.keywords import rename_keyword, replace_argument
from outmoded.fixes.methods import rename_attribute
from outmoded.fixes.moves import (Move, alias_edits, module_name, plan_move, rename_import_alias, renamed_module,
                                  split_import)
from outmoded.fixes.names import dotted
from outmoded.fixes.plan import Edit
from outmoded.fixes.quotes import fstring_quote, requote
from outmoded.fixes.supply import supply_argument
from outmoded.fixes.templates import replace_attribute, rewrite_call, rewrite_statement

# where an expression a template put in parentheses needs none: the parentheses come off again
LOOSE_FIELDS = {cst.If: "test", cst.While: "test", cst.Assert: "test", cst.Return: "value", cst.Expr: "value",
                cst.Assign: "value", cst.AnnAssign: "value", cst.AugAssign: "value", cst.Arg: "value"}
LOOSE_EXPRESSIONS = (cst.Comparison, cst.BooleanOperation, cst.BinaryOperation, cst.UnaryOperation,
                     cst.IfExp, cst.Await)


def inside(edit: Edit, where: CodeRange) -> bool:
    start, end = (where.start.line, where.start.column), (where.end.line, where.end.column)
    return start <= edit.start <= end


class FixTransformer(CommentCarrier, cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, edits: list[Edit], env: Env, lines: Optional[list[int]] = None):
        super().__init__()
        self.env = env
        self.lines = lines  # sorted line numbers something is rewritten on; None: visit everything
        self.applied: set[Edit] = set()
        self.by_end = {e.end: e for e in edits if e.shape in ("dotted", "expression", "template")}
        self.by_start = {e.start: e for e in edits if e.shape in ("drop-arg", "replace-arg", "positional-arg", "keyword")}
        self.keywords: set[Edit] = set()  # "keyword" edits made: they go with a rename, not a finding of their own
        self.calls = {(e.start, e.end): e for e in edits if e.shape == "supply-arg"}  # the call's own span
        self.import_edits = [e for e in edits if e.shape in ("dotted", "module", "retire")]
        self.retiring: list[Edit] = []  # applied once ``imports`` has retired the submodule import
        self.pending_lines: list[cst.BaseSmallStatement] = []  # statements to add after the current line
        self.pending_comments: list[str] = []
        self.fstring_quotes: list[str] = []  # the quotes delimiting the f-strings around the node visited

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.fstring_quotes.append(fstring_quote(node))

    def leave_FormattedString(self, original_node, updated_node):
        self.fstring_quotes.pop()
        return updated_node

    def on_visit(self, node: cst.CSTNode) -> bool:
        descend = super().on_visit(node)
        if self.lines is not None and isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            where = self.get_metadata(PositionProvider, node)
            # a def's or class's position starts at its keyword: its decorators stand above it
            decorators = getattr(node, "decorators", ())
            first = self.get_metadata(PositionProvider, decorators[0]).start.line if decorators else where.start.line
            at = bisect.bisect_left(self.lines, first)
            if at == len(self.lines) or self.lines[at] > where.end.line:
                return False  # nothing to rewrite in this statement: do not walk it
        return descend

    def edits_in(self, node: cst.CSTNode) -> list[Edit]:
        where = self.get_metadata(PositionProvider, node)
        return [e for e in self.import_edits if inside(e, where)]

    def _ending_at(self, name: cst.Name, shapes: tuple[str, ...]) -> Optional[Edit]:
        end = self.get_metadata(PositionProvider, name).end
        edit = self.by_end.get((end.line, end.column))
        return edit if edit is not None and edit.shape in shapes else None

    # ---- names, methods, calls ---------------------------------------------------------

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        new = self.env.renames.get(original_node)
        return updated_node if new is None else updated_node.with_changes(value=new)

    def on_leave(self, original_node, updated_node):
        updated = super().on_leave(original_node, updated_node)
        field = LOOSE_FIELDS.get(type(updated))
        child = getattr(updated, field, None) if field else None
        if child is not None and self.env.wrapped.get(id(child)) is child and isinstance(child, LOOSE_EXPRESSIONS):
            updated = updated.with_changes(**{field: child.with_changes(lpar=[], rpar=[])})
        return updated

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        edit = self._ending_at(original_node.attr, ("dotted", "expression"))
        if edit is None:
            return updated_node
        if edit.shape == "expression":
            result = replace_attribute(updated_node, edit, self.env)
        else:
            result = rename_attribute(updated_node, edit) or replace_dotted(updated_node, edit, self.env)
        return self._done(edit, result, updated_node)

    def _call_template(self, call: cst.CSTNode) -> Optional[Edit]:
        if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
            return None
        return self._ending_at(call.func.attr, ("template",))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        updated_node = self._drop_arguments(original_node, updated_node)
        updated_node = self._rename_keywords(original_node, updated_node)
        updated_node = self._supply_argument(original_node, updated_node)
        edit = self.env.call_rewrites.get(original_node) or self._call_template(original_node)
        if edit is None:
            return updated_node
        return self._done(edit, rewrite_call(updated_node, edit, self.env), updated_node)

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        """``a, b, c, d = inspect.getargspec(f)`` -> ``... = inspect.getfullargspec(f)[:4]``: a call
        renamed to a longer named tuple (the catalog's ``fields``), unpacked into as many names as
        the old one has (``fixability.results`` lets only this form keep its fix)."""
        value = original_node.value
        if len(original_node.targets) != 1 or not isinstance(value, cst.Call) \
                or not isinstance(value.func, cst.Attribute) or not isinstance(updated_node.value, cst.Call):
            return updated_node
        edit = self._ending_at(value.func.attr, ("dotted",))
        target = original_node.targets[0].target
        if edit is None or edit not in self.applied or not edit.entry.fields \
                or len(edit.entry.fields) == len(edit.entry.replacement_fields) \
                or not isinstance(target, (cst.Tuple, cst.List)) or len(target.elements) != len(edit.entry.fields) \
                or any(isinstance(e, cst.StarredElement) for e in target.elements):
            return updated_node
        upper = cst.Slice(lower=None, upper=cst.Integer(str(len(edit.entry.fields))))
        return updated_node.with_changes(value=cst.Subscript(value=updated_node.value,
                                                             slice=[cst.SubscriptElement(slice=upper)]))

    def leave_Expr(self, original_node: cst.Expr, updated_node: cst.Expr) -> cst.BaseSmallStatement:
        edit = self._call_template(original_node.value)
        if edit is None or edit in self.applied or not isinstance(updated_node.value, cst.Call):
            return updated_node
        return self._done(edit, rewrite_statement(updated_node, edit, self.env), updated_node)

    def _rename_keywords(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``ast.Num(n=1)`` -> ``ast.Constant(value=1)``: the renamed class's keywords follow, and
        one the replacement has no parameter for (renamed to None) goes: ``ast.NameConstant(value=False,
        ctx=ast.Load())`` -> ``ast.Constant(value=False)``."""
        if not isinstance(original.func, cst.Attribute):
            return updated
        edit = self._ending_at(original.func.attr, ("dotted",))
        if edit is None or edit not in self.applied or not edit.entry.rename_keywords:
            return updated
        renames = dict(edit.entry.rename_keywords)
        named = [a.keyword.value if a.keyword is not None and a.keyword.value in renames else None for a in updated.args]
        args = [a.with_changes(keyword=a.keyword.with_changes(value=renames[name])) if name and renames[name] else a
                for a, name in zip(updated.args, named)]
        dropped = {i for i, name in enumerate(named) if name and renames[name] is None}
        updated = updated.with_changes(args=args)
        return (drop_arguments(updated, dropped) or updated) if dropped else updated

    def _supply_argument(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``hmac.new(key, msg)`` -> ``hmac.new(key, msg, digestmod="md5")``."""
        if not self.calls:
            return updated
        where = self.get_metadata(PositionProvider, original)
        edit = self.calls.get(((where.start.line, where.start.column), (where.end.line, where.end.column)))
        return updated if edit is None else self._done(edit, supply_argument(updated, edit, self.env), updated)

    def _argument_edit(self, arg: cst.Arg) -> Optional[Edit]:
        for node in (arg, arg.keyword, arg.value):
            if node is not None:
                start = self.get_metadata(PositionProvider, node).start
                edit = self.by_start.get((start.line, start.column))
                if edit is not None:
                    return edit
        return None

    def _drop_arguments(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        if not self.by_start:
            return updated
        found = {i: e for i, e in enumerate(self._argument_edit(a) for a in original.args) if e is not None}
        for index, edit in sorted(found.items()):  # rewritten in place: the indexes stay
            if edit.shape == "replace-arg":
                updated = self._done(edit, replace_argument(updated, index, edit, self.env), updated)
            elif edit.shape == "positional-arg":
                place = positional_index(edit.entry)
                updated = self._done(edit, make_positional(updated, index, place), updated)
            elif edit.shape == "keyword":
                renamed = rename_keyword(updated, index, edit)
                if renamed is not None:
                    self.keywords.add(edit)
                    updated = renamed
        drops = {i for i, e in found.items() if e.shape == "drop-arg"}
        if not drops:
            return updated
        result = drop_arguments(updated, drops)
        for index in drops:
            self._done(found[index], result, updated)
        return result or updated

    def _done(self, edit: Edit, result, fallback):
        if self.fstring_quotes and isinstance(result, cst.CSTNode):  # see quotes.py
            result = requote(result, frozenset(self.fstring_quotes))
        if result is None:
            return fallback
        self.applied.add(edit)
        return result

    # ---- imports ---------------------------------------------------------------------------

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        edits = self.edits_in(original_node)
        if not edits:
            return updated_node
        updated_node = self._move_names(original_node, updated_node, edits)
        return self._rename_from_module(updated_node, edits)

    def _move_names(self, original: cst.ImportFrom, updated: cst.ImportFrom, edits: list[Edit]) -> cst.ImportFrom:
        moves: dict[int, Move] = {}
        for index, edit in alias_edits(original, edits).items():
            move = plan_move(updated.names[index], original.names[index], edit, self.env, module_name(original))
            if move is not None:
                moves[index] = self._done(edit, move, None)
        if not moves:
            return updated
        statement, extra = split_import(updated, moves)
        if extra and len(moves) < len(updated.names):
            self.pending_comments += comments_in(*(updated.names[i] for i in moves))
        self.pending_lines += extra
        return cst.RemovalSentinel.REMOVE if statement is None else statement

    def _rename_from_module(self, node, edits: list[Edit]):
        if not isinstance(node, cst.ImportFrom):
            return node  # the names moved elsewhere and the statement became another one
        module = module_name(node)
        for edit in edits:
            if edit.shape == "module" and module is not None and edit.api == module:
                new = renamed_module(module, edit)
                if new is not None:
                    return self._done(edit, node.with_changes(module=dotted(new)), node)
        return node

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        for edit in (e for e in self.edits_in(original_node) if e.shape == "retire"):
            self.env.imports.retire.add(edit.api)
            self.retiring.append(edit)
        edits = [e for e in self.edits_in(original_node) if e.shape == "module"]
        if not edits:
            return updated_node
        names = list(updated_node.names)
        for index, alias in enumerate(names):
            for edit in edits:
                if edit.api == alias_name(alias):
                    names[index] = self._done(edit, rename_import_alias(alias, edit), names[index])
        return updated_node.with_changes(names=names)

    # ---- statements added after an import line ---------------------------------------------

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if not self.pending_lines:
            return updated_node
        lines = [cst.SimpleStatementLine(body=[s]) for s in self.pending_lines]
        lines[0] = _with_comments(lines[0], self.pending_comments)
        self.pending_lines, self.pending_comments = [], []
        return cst.FlattenSentinel([updated_node, *lines])

    def leave_SimpleStatementSuite(self, original_node, updated_node):
        # ``if x: from a import b``: the added import joins the same line, after a semicolon
        if not self.pending_lines:
            return updated_node
        body = list(updated_node.body)
        body[-1] = body[-1].with_changes(semicolon=cst.Semicolon(whitespace_after=cst.SimpleWhitespace(" ")))
        body += self.pending_lines
        self.pending_lines, self.pending_comments = [], []
        return updated_node.with_changes(body=body)


def _with_comments(line: cst.SimpleStatementLine, comments: list[str]) -> cst.SimpleStatementLine:
    """Comments that sat beside a moved name go with it to its new line."""
    if not comments:
        return line
    *before, last = comments
    trailing = cst.TrailingWhitespace(whitespace=cst.SimpleWhitespace("  "), comment=cst.Comment(last))
    leading = [cst.EmptyLine(comment=cst.Comment(c)) for c in before]
    return line.with_changes(trailing_whitespace=trailing, leading_lines=leading)

