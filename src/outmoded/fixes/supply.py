"""Give a call the argument that became required: ``hmac.new(key, msg)`` ->
``hmac.new(key, msg, digestmod="md5")``.

The catalog's ``rewrite`` for such an entry is ``KEYWORD=EXPRESSION``: what the argument defaulted
to before it became required, so the call does what it did where it was written.  An argument
passed as ``None`` (which meant "the default") gets that value in its place, by keyword or by
position; a call without it gets the keyword after its last argument, keeping the call's layout:
a trailing comma stays last, and a call written one argument a line gets one more line.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from outmoded.fixability.shapes import keyword_rewrite
from outmoded.fixes.env import Env
from outmoded.fixes.plan import Edit

NO_SPACE = cst.SimpleWhitespace("")


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def supply_argument(call: cst.Call, edit: Edit, env: Env) -> Optional[cst.Call]:
    """The call with the entry's argument given its old default; None when it cannot be."""
    keyword, expression = keyword_rewrite(edit.entry)
    try:
        value = cst.parse_expression(expression, config=env.module.config_for_parsing)
    except cst.ParserSyntaxError:
        return None
    args = list(call.args)
    if any(a.star for a in args):
        return None
    position = dict(edit.entry.argument_positions).get(keyword)
    positional = [i for i, a in enumerate(args) if a.keyword is None]
    given = next((i for i, a in enumerate(args) if a.keyword is not None and a.keyword.value == keyword), None)
    if given is None and position is not None and len(positional) > position:
        given = positional[position]
    if given is not None:  # passed as None: the value goes in its place
        if not _is_none(args[given].value):
            return None
        args[given] = args[given].with_changes(value=value)
        return call.with_changes(args=args)
    new = cst.Arg(keyword=cst.Name(keyword), value=value,
                  equal=cst.AssignEqual(whitespace_before=NO_SPACE, whitespace_after=NO_SPACE))
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    if isinstance(last.comma, cst.Comma):  # a trailing comma: the new argument takes it, and its layout
        between = args[-2].comma if len(args) > 1 and isinstance(args[-2].comma, cst.Comma) \
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        args[-1] = last.with_changes(comma=between)
        new = new.with_changes(comma=last.comma)
    else:
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                                     whitespace_after_arg=NO_SPACE)
        new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
    return call.with_changes(args=[*args, new])
