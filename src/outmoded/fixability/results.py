"""A rename whose replacement is another named tuple: the uses of the old one that it would break.

``inspect.getargspec`` returned ``ArgSpec(args, varargs, keywords, defaults)``; its replacement
``inspect.getfullargspec`` returns seven fields, ``varkw`` where ``keywords`` stood (the catalog's
``fields`` and ``replacement_fields``).  Renaming the call keeps ``spec.args`` and ``spec[3]``
working, but Flask-Script 2.0.6's ``args, varargs, keywords, defaults = inspect.getargspec(func)``
then raises ``ValueError: too many values to unpack`` on the target, and ``spec.keywords`` an
``AttributeError``; ``inspect.ArgSpec(args, varargs, keywords, defaults)`` becomes a call
``FullArgSpec`` refuses (it takes seven).  Such a use gets no fix: ``fix`` must not leave a file
that fails on the target.  A function's result is followed where the call stands and, when it is
assigned to a name, through that name's reads in the same scope; a class's calls are counted.

A replacement that is no named tuple lacks some attributes of what the old call returned (the
catalog's ``lost_members``): marshmallow 2.19.5's ``tuple(LooseVersion(__version__).version)``
renamed to packaging's ``Version`` raises ``AttributeError`` (it has ``release``); such a read of the
result or instance, followed the same way, gets no fix either.
"""

from __future__ import annotations

import ast

from outmoded.catalog import Entry
from outmoded.fixability.references import calls_through
from outmoded.fixability.spots import Spots, bound_to, parents_of, scope_of


def broken_use(finding, entry: Entry, calls: Spots, tree: ast.Module) -> str | None:
    """Why renaming this finding would break a use of what it returns or builds, or None.  The
    finding is a call's dotted name (``inspect.getargspec(f)``) or a from-import, whose every call
    through the imported name is looked at."""
    call = calls.called(finding)
    if call is not None:
        return _call_broken(call, entry, tree, sliced=True)
    statement = calls.import_at(finding.line)
    if statement is None:
        node = calls.attribute(finding)
        return None if node is None else _handed_on(node, entry, calls, tree)
    name = bound_to(statement, finding.api)
    if name is None:
        return None
    for node in calls.naming(name):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            call = calls.parents().get(id(node))
            if isinstance(call, ast.Call) and call.func is node:
                why = _call_broken(call, entry, tree)
                if why:
                    return f"on line {call.lineno}, {why}"
            else:
                why = _handed_on(node, entry, calls, tree)
                if why:
                    return f"on line {node.lineno}, {why}"
    return None


def _handed_on(node: ast.AST, entry: Entry, calls: Spots, tree: ast.Module) -> str | None:
    """Why renaming this reference, not called where it stands, breaks a use of what it returns or
    builds: a call through the name it is assigned to (``getspec = inspect.getargspec``, then
    ``args, varargs, keywords, defaults = getspec(func)``), or a use not followed (a base class,
    ``ArgSpec._make(values)``)."""
    through = calls_through(node, calls, entry.replacement.rpartition(".")[2])
    if through is None:
        return "where it is not called, what uses it is not followed"
    for call in through:
        why = _call_broken(call, entry, tree)
        if why:
            return f"on line {call.lineno}, {why}"
    return None


def _call_broken(call: ast.Call, entry: Entry, tree: ast.Module, sliced: bool = False) -> str | None:
    """Why renaming ``call`` breaks a use of its result; ``sliced``: the fixer renames this very
    call (not a from-import's name) and so slices it where it is unpacked into as many names as
    the old named tuple has (``fixes.transformer``'s ``leave_Assign``): Flask-Script 2.0.6's
    ``args, varargs, keywords, defaults = inspect.getfullargspec(func)[:4]``."""
    old, new = entry.fields, entry.replacement_fields
    replacement = entry.replacement.rpartition(".")[2]
    if entry.kind == "class" and old:
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None  # unpacked: not counted
        renamed = next((k.arg for k in call.keywords if k.arg not in new), None)
        if renamed:
            return f"{replacement} has no field `{renamed}`"
        given = len(call.args) + len(call.keywords)
        if given < len(new):
            return f"{replacement} is built from {len(new)} fields, this call gives {given}"
        return None
    parents = parents_of(tree, (call.lineno, call.end_lineno))
    parent = parents.get(id(call))
    if sliced and unpacked_into(parent, call, entry) and len(parent.targets) == 1 and isinstance(call.func, ast.Attribute):
        return None
    why = _use_broken(call, parents, entry, replacement, "its result")
    if why:
        return why
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        name, scope = parent.targets[0].id, scope_of(parent, parents, tree)
        inner = parents_of(scope, None)
        for node in ast.walk(scope):
            if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                why = _use_broken(node, inner, entry, replacement, f"`{name}`, its result,")
                if why:
                    return why
    return None


def _use_broken(node: ast.AST, parents: dict, entry: Entry, replacement: str, subject: str) -> str | None:
    """Why reading the old named tuple's fields (or a lost member) from ``node`` (``subject`` in the
    message) breaks with the replacement's."""
    old, new = entry.fields, entry.replacement_fields
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr in entry.lost_members:
        return f"`.{parent.attr}` of {subject} is not an attribute of {replacement}'s"
    if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr in old:
        index = old.index(parent.attr)
        if index >= len(new) or new[index] != parent.attr:
            return f"`.{parent.attr}` of {subject} is `.{new[index]}` in {replacement}'s"
    elif unpacked_into(parent, node, entry):
        return (f"{subject} is unpacked into {len(old)} names and {replacement} returns {len(new)}: "
                f"unpack `{replacement}(...)[:{len(old)}]`")
    elif isinstance(parent, ast.Subscript) and parent.value is node and len(old) != len(new) \
            and isinstance(parent.slice, ast.UnaryOp) and isinstance(parent.slice.op, ast.USub):
        return f"`[-...]` of {subject} counts from the end of {len(new)} fields, not {len(old)}"
    return None


def unpacked_into(parent: ast.AST, node: ast.AST, entry: Entry) -> bool:
    """Is ``node`` the value of an assignment (``parent``) that unpacks it into as many names as
    the old named tuple has, where the replacement's has another number?"""
    old, new = entry.fields, entry.replacement_fields
    return isinstance(parent, ast.Assign) and parent.value is node and len(old) != len(new) and any(
        isinstance(t, (ast.Tuple, ast.List)) and len(t.elts) == len(old)
        and not any(isinstance(e, ast.Starred) for e in t.elts) for t in parent.targets)
