"""Replace an argument by another keyword: ``importlib.util.cache_from_source(p, True)`` ->
``cache_from_source(p, optimization='')``.

The catalog's ``rewrite`` for such an argument is ``KEYWORD=EXPRESSION``, ``{value}`` standing
for the old argument's value (``optimization='' if {value} else 1``).  The planner
(``fixability.arguments.argument_replacement``) folds a literal value (``'' if True else 1`` is ``''``) and
says when the argument means "not given" (``None``) and is simply dropped.  A positional argument
becomes a keyword only when no positional argument follows it; its comma and the layout around
it stay as they were.

Also the keywords that follow a rename at the calls through a reference not called where it
stands (``through_edits``): ``read = parser.readfp`` then ``read(fp, filename=name)`` becomes
``read = parser.read_file`` and ``read(fp, source=name)``, exactly where the planner's
``fixability.references.renamed_keywords`` said so when it promised the fix; and at the calls of a
name a from-import binds (``imported_keywords``): ``from ast import Num`` then ``Num(n=1)``.
"""

from __future__ import annotations

import ast
from typing import Optional

import libcst as cst

from outmoded.fixability.arguments import argument_replacement
from outmoded.fixes.arguments import drop_arguments
from outmoded.fixes.env import Env
from outmoded.fixes.plan import Edit


def replace_argument(call: cst.Call, index: int, edit: Edit, env: Env) -> Optional[cst.Call]:
    """The call with its argument at ``index`` rewritten (or dropped); None when it cannot be."""
    args = list(call.args)
    arg = args[index]
    if arg.star or any(a.keyword is None and not a.star for a in args[index + 1:]):
        return None
    new = argument_replacement(edit.entry, env.code(arg.value))
    if new is None:
        return drop_arguments(call, {index})
    keyword, _, expression = new.partition("=")
    try:
        value = cst.parse_expression(expression, config=env.module.config_for_parsing)
    except cst.ParserSyntaxError:
        return None
    equal = arg.equal if isinstance(arg.equal, cst.AssignEqual) else cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
    args[index] = arg.with_changes(keyword=cst.Name(keyword), equal=equal, value=value)
    return call.with_changes(args=args)


class _Spot:
    """An edit's place as a finding gives it (1-based columns), for ``Spots``' questions."""

    def __init__(self, edit: Edit):
        (self.line, column), (self.end_line, end_column) = edit.start, edit.end
        self.column, self.end_column = column + 1, end_column + 1


def through_edits(tree: ast.Module, text: str, edits: list[Edit]) -> list[Edit]:
    """An edit (shape "keyword", the new keyword as its replacement) for each old keyword passed
    at a call through a renamed reference (``references.renamed_keywords``, which the planner
    asked for the same reference): applied with the rename or not at all (``fixes.apply``)."""
    from outmoded.fixability.references import imported_keywords, renamed_keywords
    from outmoded.fixability.spots import Spots, bound_to
    from outmoded.newlines import split_lines

    renaming = [e for e in edits if e.shape == "dotted" and e.entry.rename_keywords]
    if not renaming:
        return []
    spots, lines, found = Spots(tree, text), None, []
    for edit in renaming:
        spot = _Spot(edit)
        node = spots.attribute(spot)
        renames = dict(edit.entry.rename_keywords)
        if node is None:
            statement = spots.import_at(edit.start[0])
            name = bound_to(statement, edit.api) if statement is not None else None
            keywords = imported_keywords(name, spots, renames) if name is not None else None
        elif spots.called(spot) is not None:
            continue  # a call of it: its own keywords follow it (``transformer._rename_keywords``)
        else:
            keywords = renamed_keywords(node, spots, renames, edit.entry.replacement.rpartition(".")[2])
        for keyword in keywords or ():
            lines = lines or split_lines(text)
            line = lines[keyword.lineno - 1]
            column = len(line.encode("utf-8")[:keyword.col_offset].decode("utf-8", "replace"))
            made = Edit(edit.code, "keyword", edit.api, renames[keyword.arg], (keyword.lineno, column),
                        (keyword.lineno, column + len(keyword.arg)), edit.entry)
            if made not in found:  # a call reached through two references (``read`` bound twice) is renamed once
                found.append(made)
    return found


def rename_keyword(call: cst.Call, index: int, edit: Edit) -> Optional[cst.Call]:
    """The call with its keyword argument at ``index`` renamed to ``edit.replacement``; None
    unless it is one of the names the entry renames to that."""
    args = list(call.args)
    keyword = args[index].keyword
    if keyword is None or dict(edit.entry.rename_keywords).get(keyword.value) != edit.replacement:
        return None
    args[index] = args[index].with_changes(keyword=keyword.with_changes(value=edit.replacement))
    return call.with_changes(args=args)
