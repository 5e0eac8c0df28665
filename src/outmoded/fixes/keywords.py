"""Replace an argument by another keyword: ``importlib.util.cache_from_source(p, True)`` ->
``cache_from_source(p, optimization='')``.

The catalog's ``rewrite`` for such an argument is ``KEYWORD=EXPRESSION``, ``{value}`` standing
for the old argument's value (``optimization='' if {value} else 1``).  The planner
(``fixability.arguments.argument_replacement``) folds a literal value (``'' if True else 1`` is ``''``) and
says when the argument means "not given" (``None``) and is simply dropped.  A positional argument
becomes a keyword only when no positional argument follows it; its comma and the layout around
it stay as they were.
"""

from __future__ import annotations

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
