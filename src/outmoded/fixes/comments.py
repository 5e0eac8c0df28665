"""Keep the comments of statement lines a transformer deletes.

When every statement on a line is removed, LibCST drops the line together with the comments
above and beside it.  Mixed into a transformer, ``CommentCarrier`` hands them to the statement
that follows (or to the end of the module) instead, so a fix never loses a comment.
"""

from __future__ import annotations

import libcst as cst


def comments_in(*nodes) -> list[str]:
    """The text of every comment inside these nodes (None entries are skipped)."""
    found: list[str] = []

    class Collect(cst.CSTVisitor):
        def visit_Comment(self, node: cst.Comment) -> None:
            found.append(node.value)

    for node in nodes:
        if isinstance(node, cst.CSTNode):
            node.visit(Collect())
    return found


class CommentCarrier:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._carry: list[cst.EmptyLine] = []
        self._receivers: dict[int, list[cst.EmptyLine]] = {}  # id(original statement) -> lines

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self._carry and isinstance(node, cst.BaseStatement):
            self._receivers[id(node)], self._carry = self._carry, []
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        updated = super().on_leave(original_node, updated_node)
        if isinstance(original_node, cst.SimpleStatementLine):
            self._collect(original_node, updated)
        lines = self._receivers.pop(id(original_node), None)
        if lines and not isinstance(updated, cst.BaseStatement):  # removed too: pass them on
            self._carry = [*lines, *self._carry]
        elif lines and isinstance(updated, cst.BaseStatement) and (
                any(line.comment for line in lines) or not updated.leading_lines):
            updated = updated.with_changes(leading_lines=[*lines, *updated.leading_lines])
        if isinstance(updated, cst.Module) and any(line.comment for line in self._carry):
            updated = updated.with_changes(footer=[*updated.footer, *self._carry])
        return updated

    def _collect(self, original: cst.SimpleStatementLine, updated) -> None:
        removed = isinstance(updated, cst.RemovalSentinel) or (
            isinstance(updated, cst.SimpleStatementLine) and not updated.body)
        if removed:
            self._carry += original.leading_lines  # blank lines too: they separated a block
            if original.trailing_whitespace.comment:
                self._carry.append(cst.EmptyLine(comment=original.trailing_whitespace.comment))
