"""A method that only hands its argument on to its base class's method of the same name.

google-pasta 0.2.0's ``BaseVisitor.visit`` pushes the node on a stack, then calls
``super(BaseVisitor, self).visit(node)``: ``ast.NodeVisitor``'s dispatcher still decides which
``visit_X`` runs, so on 3.14 its subclass's ``visit_Num`` / ``visit_Str`` are never called.  A
``visit`` that dispatches by itself (wemake-python-styleguide's ``route_visit(self, tree)``, a
``getattr(self, 'visit_' + ...)``, a direct ``self.visit_Num(node)``) may still call them.  The
catalog's ``pass_through`` names the members of an override entry's ``unless`` read this way
(``classbehaviours.check_overrides``).
"""

from __future__ import annotations

import ast

from outmoded.fixability.spots import chain_of
from outmoded.stdnames import STDLIB
from outmoded.values import member_statements

LOOKUPS = frozenset({"__getattribute__", "__dict__", "methodcaller", "attrgetter"})  # by a computed name


def _dotted(node: ast.AST) -> str | None:
    """``a.b.c`` as written, or None (``fixability.spots.chain_of``)."""
    parts = chain_of(node)
    return ".".join(parts) if parts else None


def _is_super(node: ast.AST, this: str) -> bool:
    """``super()`` or ``super(C, self)``."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super" \
        and not node.keywords and (not node.args or len(node.args) == 2 and isinstance(node.args[1], ast.Name)
                                   and node.args[1].id == this)


def _names(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _hand_on(call: ast.AST, name: str, this: str, argument: str, bases: set[str]) -> bool:
    """``super().name(argument)``, ``super(C, this).name(argument)``, or ``B.name(this,
    argument)`` where ``B`` is a base as the class statement writes it or a class of the standard
    library (``ast.NodeVisitor.visit(self, node)``)."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == name
            and not call.keywords):
        return False
    owner = call.func.value
    if _is_super(owner, this):
        return len(call.args) == 1 and _names(call.args[0], argument)
    owner = _dotted(owner)
    return owner is not None and (owner in bases or owner.split(".")[0] in STDLIB and "." in owner) \
        and len(call.args) == 2 and _names(call.args[0], this) and _names(call.args[1], argument)


def _looks_up(function: ast.AST, prefix: str, this: str, methods: dict, seen: set, skip=frozenset()) -> bool:
    """Does ``function``'s code (nested functions too) look up a method by name or hand its object
    ``this`` to other code: ``__dict__`` / ``operator.methodcaller`` (a lookup by a computed name),
    a string or attribute starting with ``prefix`` (``'visit_' + cls``, ``self.visit_Num``), ``this``
    as another call's argument (``route_visit(self, tree)``, ``getattr(self, name)``, ``vars(type(self))``;
    ``getattr(node, "lineno")`` is no lookup of a method), or a call of a method of ``this``
    other than one of the class body's ``methods`` that looks nothing up either (``skip``: the
    hand-on calls)?"""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id in LOOKUPS:
            return True
        if isinstance(node, ast.Attribute) and (node.attr.startswith(prefix) or node.attr in LOOKUPS):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and prefix in node.value:
            return True
        if not isinstance(node, ast.Call) or node in skip or _is_super(node, this):
            continue
        if any(_names(a, this) for a in node.args) or any(_names(k.value, this) for k in node.keywords):
            return True
        if isinstance(node.func, ast.Attribute) and _names(node.func.value, this):
            method = methods.get(node.func.attr)
            if method is None:
                return True  # inherited or bound otherwise: not at hand
            if method not in seen:
                seen.add(method)
                params = method.args.posonlyargs + method.args.args
                if not params or _looks_up(method, prefix, params[0].arg, methods, seen):
                    return True
    return False


def hands_on(function: ast.AST, bases: set[str], methods: dict) -> bool:
    """Does ``function`` (a method: ``self`` and the argument it hands on) call its base class's
    method of its own name with its own first argument, and look up no method by name nor give its
    object to any other code (``_looks_up``; ``methods``: the class body's, by name)?  Code before
    and after the call, and a ``try`` around it, are the method's own business."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.decorator_list:
        return False
    params = function.args.posonlyargs + function.args.args
    if len(params) != 2:
        return False
    this, argument, name = params[0].arg, params[1].arg, function.name
    calls = {n for n in ast.walk(function) if _hand_on(n, name, this, argument, bases)}
    return bool(calls) and not _looks_up(function, f"{name}_", this, methods, {function}, calls)


def only_hands_on(node: ast.ClassDef, name: str) -> bool:
    """Is every binding of ``name`` in the class body (``values.member_statements``) a method that
    only hands its argument on (``hands_on``)?"""
    bases = {_dotted(b) for b in node.bases} - {None}
    statements = list(member_statements(node))
    methods = {s.name: s for s in statements if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found = False
    for stmt in statements:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == name:
            if not hands_on(stmt, bases, methods):
                return False
            found = True
        elif isinstance(stmt, ast.Assign) and any(_names(t, name) for t in stmt.targets):
            return False
    return found
