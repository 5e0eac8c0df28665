"""Whether a call's arguments fit the catalog's rewrite, and what an argument becomes.

Shared by the planner (on ``ast`` nodes) and the fixer (which parses each argument's code), so both
read a call the same way: how many positionals a template takes, which arguments equal the
defaults a rewrite may drop, the keyword an argument turns into, and when a literal argument
proves an unsafe fix safe (``locale.format("%d", x)``).
"""

from __future__ import annotations

import ast
import re

from outmoded.catalog import Entry
from outmoded.fixability.shapes import keyword_rewrite, shape_of, wanted_positionals

SPECIFIER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")


def argument_replacement(entry: Entry, value: str) -> str | None:
    """The ``keyword=expression`` an argument written ``value`` becomes, or None when the
    argument is to be dropped (it equals one of ``rewrite_defaults``: it meant "not given").
    A literal value is folded: ``'' if True else 1`` is ``''``."""
    keyword, expression = keyword_rewrite(entry)
    try:
        node = ast.parse(value.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        node = None
    ok, literal = _literal(node) if node is not None else (False, None)
    if ok and any(literal == default and type(literal) is type(default) for _, _, default in entry.rewrite_defaults):
        return None
    template = ast.parse(expression.replace("{value}", "__value__"), mode="eval").body
    if ok and isinstance(template, ast.IfExp) and isinstance(template.test, ast.Name) \
            and template.test.id == "__value__":
        chosen = template.body if literal else template.orelse
        return f"{keyword}={ast.get_source_segment(expression.replace('{value}', '__value__'), chosen)}"
    loose = isinstance(node, (ast.IfExp, ast.Lambda, ast.NamedExpr, ast.Yield, ast.YieldFrom))
    return f"{keyword}={expression.replace('{value}', f'({value.strip()})' if loose else value.strip())}"


def never_none(node: ast.AST) -> bool:
    """Is this argument certainly not None: a literal, a comparison, a ``not``, ``__debug__``?"""
    return isinstance(node, (ast.Constant, ast.Compare)) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)) or (
        isinstance(node, ast.Name) and node.id == "__debug__")


def _literal(node: ast.AST):
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def droppable_defaults(args: list, keywords: list, entry: Entry) -> tuple[set, set] | None:
    """(positions, keywords) of the arguments equal to the entry's ``rewrite_defaults``, which a
    rewrite may drop; ``args``/``keywords`` as ``(value_ast, ...)``.  Shared by the planner (on
    ``ast``) and the fixer (which parses each argument's code)."""
    positions, names = set(), set()
    for keyword, position, value in entry.rewrite_defaults:
        if position is not None and position == len(args) - 1 and position not in positions:
            ok, found = _literal(args[position])
            if ok and found == value:
                positions.add(position)
        for name, node in keywords:
            ok, found = _literal(node)
            if name == keyword and ok and found == value:
                names.add(name)
    return positions, names


def call_fits(entry: Entry, args: list, keywords: list, starred: bool) -> bool:
    """Can the fixer rewrite a call of ``entry`` with these arguments?"""
    if starred:
        return False
    if entry.rename_keywords:  # the replacement needs its value: ``ast.Ellipsis()`` has none to give,
        renames = dict(entry.rename_keywords)  # nor ``ast.Num(ctx=ast.Load())`` once ctx= is dropped
        return bool(args or [k for k, _ in keywords if renames.get(k, k) is not None])
    if shape_of(entry) != "template":
        return True
    wanted = wanted_positionals(entry.rewrite)
    if wanted is None:  # {args}: anything goes
        return True
    positions, names = droppable_defaults(args, keywords, entry)
    kept_keywords = [k for k, _ in keywords if k not in names]
    return len(args) - len(positions) == wanted and not kept_keywords


def call_parts(call: ast.Call) -> tuple[list, list, bool]:
    starred = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    return list(call.args), [(k.arg, k.value) for k in call.keywords], starred


def proven_safe(entry: Entry, call: ast.Call | None) -> bool:
    """Does this call prove an unsafe fix safe?  ``locale.format("%d", x)``: a literal format with
    exactly one specifier behaves the same with ``format_string`` (the catalog's
    ``safe_with_one_specifier``)."""
    position = entry.safe_with_one_specifier
    if position is None or call is None or call.keywords or len(call.args) <= position or len(call.args) > 4:
        return False
    fmt = call.args[position]
    if not (isinstance(fmt, ast.Constant) and isinstance(fmt.value, str)):
        return False
    return len([m for m in SPECIFIER.findall(fmt.value) if m != "%%"]) == 1


BYTES_CALLS = ("bytes", "bytearray", "memoryview")  # builtins whose result frombytes() takes
BYTES_METHODS = ("tobytes", "tostring")  # without arguments: array's, memoryview's, numpy's


def text_kind(node: ast.AST) -> str | None:
    """"bytes" or "str" when the expression is provably one (a literal, ``b"\\x00" * n``,
    ``bytes(...)``, ``"%s" % x``, an f-string), else None."""
    if isinstance(node, ast.Constant):
        return {bytes: "bytes", str: "str"}.get(type(node.value))
    if isinstance(node, ast.JoinedStr):
        return "str"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in BYTES_CALLS + ("str",):
        return "str" if node.func.id == "str" else "bytes"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BYTES_METHODS \
            and not node.args and not node.keywords:
        return "bytes"
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult, ast.Mod)):
        left = text_kind(node.left)
        if left is not None and (isinstance(node.op, ast.Mod) or text_kind(node.right) in (left, None)):
            return left
        if isinstance(node.op, ast.Mult):
            return text_kind(node.right)
    return None


def bytes_verdict(entry: Entry, call: ast.Call | None, value_of=None) -> tuple[str | None, str | None]:
    """(an upgraded fix or None, why there is no fix or None) for a call whose replacement takes
    only bytes at the catalog's ``bytes_argument``: ``array.fromstring`` took a str on Python 3
    too (encoded as UTF-8, pyenv's 3.8.18), ``frombytes`` raises TypeError on one (also on the
    real 3.13), so a provably bytes argument is a safe fix and a provably str one none.
    ``value_of``: a name's one assigned value in its scope, or None (``packed = raw.tostring()``)."""
    position = entry.bytes_argument
    if position is None or call is None or len(call.args) <= position \
            or any(isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return None, None
    argument = call.args[position]
    if isinstance(argument, ast.Name) and value_of is not None:
        argument = value_of(argument) or argument
    kind = text_kind(argument)
    if kind == "str":
        return None, f"its argument is a str, which {entry.replacement.rpartition('.')[2]}() refuses"
    return ("safe" if kind == "bytes" else None), None
