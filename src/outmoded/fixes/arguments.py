"""Drop an argument the API ignores: ``json.loads(s, encoding="utf-8")`` -> ``json.loads(s)``;
pass by position a keyword that became positional-only: ``int(x=v)`` -> ``int(v)``.

The layout around the gap is mended rather than rebuilt: the argument before the dropped one
takes over the dropped one's comma and the whitespace after it, so a comment beside the dropped
argument stays on the line and the closing parenthesis keeps its indentation.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from outmoded.fixes.comments import comments_in


def _droppable(args: list[cst.Arg], index: int) -> bool:
    if args[index].keyword is not None:
        return True
    # a positional argument can go only when it is the last one and its position is certain
    before, after = args[:index], args[index + 1:]
    return (not args[index].star and not any(a.star == "*" for a in before)
            and not any(a.keyword is None and a.star != "**" for a in after))


def _has_comment(node) -> bool:
    return bool(comments_in(node))


def _close_gap(previous: cst.Arg, dropped: cst.Arg) -> cst.Arg:
    """``previous`` as it must be once ``dropped``, which followed it, is gone."""
    if isinstance(dropped.comma, cst.Comma):
        if _has_comment(previous.comma.whitespace_after) and not _has_comment(dropped.comma.whitespace_after):
            return previous
        return previous.with_changes(comma=previous.comma.with_changes(whitespace_after=dropped.comma.whitespace_after))
    if _has_comment(previous.comma):
        # keep the comma, and its comment, as a trailing comma; ")" keeps its own indentation
        after, closing = previous.comma.whitespace_after, dropped.whitespace_after_arg
        if isinstance(after, cst.ParenthesizedWhitespace) and isinstance(closing, cst.ParenthesizedWhitespace):
            after = after.with_changes(indent=closing.indent, last_line=closing.last_line)
        return previous.with_changes(comma=previous.comma.with_changes(whitespace_after=after))
    return previous.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=dropped.whitespace_after_arg)


def drop_arguments(call: cst.Call, drop: set[int]) -> Optional[cst.Call]:
    """The call without the arguments at these indexes; None when that would shift others."""
    args = list(call.args)
    if not all(_droppable(args, i) for i in drop):
        return None
    kept: list[cst.Arg] = []
    before = call.whitespace_before_args
    for index, arg in enumerate(args):
        if index not in drop:
            kept.append(arg)
        elif kept:
            kept[-1] = _close_gap(kept[-1], arg)
        elif isinstance(arg.comma, cst.Comma) and _has_comment(arg.comma.whitespace_after) \
                and not _has_comment(before):
            before = arg.comma.whitespace_after  # the first argument's comment moves to the "("
    return call.with_changes(args=kept, whitespace_before_args=before)


def make_positional(call: cst.Call, index: int, place: int) -> Optional[cst.Call]:
    """The call with its keyword argument at ``index`` passed by position, or None unless it is the
    first keyword and exactly ``place`` positional arguments, none unpacked, come before it (then
    the arguments keep their order and are evaluated as before)."""
    args = list(call.args)
    if index != place or args[index].keyword is None or any(a.keyword is not None or a.star for a in args[:index]):
        return None
    args[index] = args[index].with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=args)
