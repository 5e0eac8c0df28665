"""Rewrite a call with the catalog's template: ``unittest.makeSuite(T)`` ->
``unittest.TestLoader().loadTestsFromTestCase(T)``, ``d.has_key(k)`` -> ``k in d``.

Placeholders: ``{receiver}`` (what the method was called on), ``{args}`` (all arguments, as
written), ``{arg0}``, ``{arg1}``... (positional arguments).  A template applies only when the call's
arity fits it: ``{argN}`` needs exactly that many positional arguments and nothing else, and a
template with no argument placeholder needs a call without arguments.  Names the template uses are
imported (``import unittest``) unless something else in the module is called that.

A template may also be a statement (``{receiver}.data = {arg0}``): it then replaces only a call
that is a statement of its own.  A template without placeholders for an attribute or constant
(``sys.exc_type`` -> ``sys.exc_info()[0]``) replaces the name wherever it is read.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import Optional

import libcst as cst

from outmoded.fixability.arguments import call_fits, droppable_defaults
from outmoded.fixes.dotted import static_chain
from outmoded.fixes.env import Env
from outmoded.fixes.names import Resolved, chain_parts, resolve
from outmoded.fixes.plan import Edit

PLACEHOLDER = re.compile(r"\{(receiver|args|arg(\d+))\}")
ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.BaseString, cst.Integer, cst.Float,
         cst.Imaginary, cst.List, cst.Dict, cst.Set, cst.ListComp, cst.SetComp, cst.DictComp, cst.Ellipsis)


class TemplateError(Exception):
    """The catalog's template, or the call it produced, is not valid Python."""


def _chains(node: ast.AST):
    """The dotted names an expression reads: ``a.b`` from ``a.b().c``, ``f`` from ``f(x)``."""
    parts = []
    current = node
    while isinstance(current, ast.Attribute):
        parts.append(current.attr)
        current = current.value
    if isinstance(current, ast.Name) and isinstance(node, (ast.Name, ast.Attribute)):
        yield ".".join([current.id] + parts[::-1])
        return
    for child in ast.iter_child_nodes(node):
        yield from _chains(child)


@lru_cache(maxsize=None)
def _template_tree(template: str) -> ast.AST:
    text = PLACEHOLDER.sub(lambda m: f"__outmoded_{m.group(1)}__", template).strip()
    try:
        return ast.parse(text, mode="eval")
    except SyntaxError:
        pass
    try:
        tree = ast.parse(text)
    except SyntaxError:
        raise TemplateError(f"rewrite template {template!r} is not Python") from None
    if len(tree.body) != 1:
        raise TemplateError(f"rewrite template {template!r} is more than one statement")
    return tree


def is_statement(template: str) -> bool:
    return isinstance(_template_tree(template), ast.Module)


@lru_cache(maxsize=None)
def template_names(template: str) -> Optional[tuple[Resolved, ...]]:
    """What the template's names stand for; None when one is not a builtin or stdlib name."""
    tree = _template_tree(template)
    names = [n for n in _chains(tree) if not n.startswith("__outmoded_")]
    resolved = [resolve(n) for n in names]
    return None if None in resolved else tuple(resolved)


def placeholders(template: str) -> set[str]:
    return {m.group(1) for m in PLACEHOLDER.finditer(template)}


def _ast_arguments(call: cst.Call) -> tuple[list, list, bool]:
    """The call's arguments as ``ast`` nodes, for the rules the planner applies to the same call
    (``outmoded.fixability.arguments.call_fits``): (positional, [(keyword, value)], starred)."""
    args, keywords, starred = [], [], False
    for arg in call.args:
        if arg.star:
            starred = True
            continue
        try:
            node = ast.parse(f"({cst.Module([]).code_for_node(arg.value)})", mode="eval").body
        except SyntaxError:
            node = ast.Name("_")  # not a literal: never equal to a default
        if arg.keyword is None:
            args.append(node)
        else:
            keywords.append((arg.keyword.value, node))
    return args, keywords, starred


def arity_fits(call: cst.Call, entry) -> bool:
    """``{args}`` takes any call; ``{argN}`` exactly N+1 positional arguments once the arguments
    equal to the entry's ``rewrite_defaults`` are dropped; none, no arguments."""
    return call_fits(entry, *_ast_arguments(call))


def _kept(call: cst.Call, entry) -> list[cst.Arg]:
    """The call's arguments without those the rewrite drops as defaults."""
    args, keywords, _ = _ast_arguments(call)
    positions, names = droppable_defaults(args, keywords, entry)
    kept, position = [], 0
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            position += 1
            if position - 1 in positions:
                continue
        elif arg.keyword is not None and arg.keyword.value in names:
            continue
        kept.append(arg)
    return kept


def _argument_values(call: cst.Call, entry, env: Env) -> Optional[dict[str, str]]:
    template = entry.rewrite
    if not arity_fits(call, entry):
        return None
    if "args" in placeholders(template):
        return {"args": env.code(call.whitespace_before_args) + "".join(env.code(a) for a in call.args)}
    return {f"arg{i}": _value_code(a.value, env, _delimited(template, f"arg{i}"))
            for i, a in enumerate(_kept(call, entry))}


def _delimited(template: str, name: str) -> bool:
    """Does the template put this placeholder where it is a whole argument, ``f({arg0})``?"""
    return bool(re.search(r"[(,]\s*\{" + name + r"\}\s*[),]", template))


def _value_code(value: cst.BaseExpression, env: Env, delimited: bool) -> str:
    code = env.code(value)
    if value.lpar or (delimited and not isinstance(value, cst.GeneratorExp)):
        return code
    # `d.has_key(a or b)` -> `(a or b) in d`: anything looser than an atom keeps its grouping
    # (and a bare generator expression was parenthesized by the call it leaves)
    return code if isinstance(value, ATOMS) else f"({code})"


def _values(call: cst.Call, edit: Edit, env: Env) -> Optional[dict[str, str]]:
    values = _argument_values(call, edit.entry, env)
    if values is None:
        return None
    if "receiver" in placeholders(edit.replacement):
        if edit.entry.kind != "method" or not isinstance(call.func, cst.Attribute):
            return None
        values["receiver"] = env.code(call.func.value)
    return values


def _parenthesize(expr: cst.BaseExpression, old: cst.BaseExpression, env: Env) -> cst.BaseExpression:
    # the old node was an atom: anything looser (k in d, x if c else y) needs parentheses there;
    # the transformer takes them off again where the context makes them redundant
    own = list(expr.lpar), list(expr.rpar)
    needs = not own[0] and not isinstance(expr, ATOMS)
    lpar = list(old.lpar) + own[0] + ([cst.LeftParen()] if needs and not old.lpar else [])
    rpar = own[1] + ([cst.RightParen()] if needs and not old.rpar else []) + list(old.rpar)
    result = expr.with_changes(lpar=lpar, rpar=rpar)
    if needs and not old.lpar:
        env.wrapped[id(result)] = result
    return result


def _claim_names(template: str, replaced: cst.BaseExpression, env: Env) -> bool:
    resolved = template_names(template)
    if resolved is None or not all(env.bindings.writable(r.root, r.module) for r in resolved):
        return False
    for r in resolved:
        env.imports.need(r)
    chain = chain_parts(replaced)
    if chain is not None:  # a name reached through its module: that import may now be unused
        env.imports.release(chain[0], env.bindings)
    return True


def _render(edit: Edit, values: dict[str, str], env: Env, statement: bool):
    text = PLACEHOLDER.sub(lambda m: values[m.group(1)], edit.replacement.strip())
    try:
        if statement:
            return cst.parse_statement(text, config=env.module.config_for_parsing).body[0]
        return cst.parse_expression(text, config=env.module.config_for_parsing)
    except cst.ParserSyntaxError:
        raise TemplateError(f"rewriting with {edit.replacement!r} gave {text!r}, which does not parse") from None


def _prepare(call: cst.Call, edit: Edit, env: Env) -> Optional[dict[str, str]]:
    values = _values(call, edit, env)
    if values is None or not _claim_names(edit.replacement, call.func, env):
        return None
    return values


def rewrite_call(call: cst.Call, edit: Edit, env: Env) -> Optional[cst.BaseExpression]:
    if is_statement(edit.replacement):
        return None  # only a call that is a statement by itself: see rewrite_statement
    values = _prepare(call, edit, env)
    return None if values is None else _parenthesize(_render(edit, values, env, False), call, env)


def rewrite_statement(expr: cst.Expr, edit: Edit, env: Env) -> Optional[cst.BaseSmallStatement]:
    """``req.add_data(d)`` on a line of its own -> ``req.data = d``."""
    if not is_statement(edit.replacement) or expr.value.lpar:
        return None
    values = _prepare(expr.value, edit, env)
    if values is None:
        return None
    return _render(edit, values, env, True).with_changes(semicolon=expr.semicolon)


def replace_attribute(node: cst.Attribute, edit: Edit, env: Env) -> Optional[cst.BaseExpression]:
    """``sys.exc_type`` -> ``sys.exc_info()[0]``, wherever the name is read."""
    if PLACEHOLDER.search(edit.replacement) or is_statement(edit.replacement):
        return None
    if static_chain(node, edit.api, env) is None or not _claim_names(edit.replacement, node, env):
        return None
    return _parenthesize(_render(edit, {}, env, False), node, env)
