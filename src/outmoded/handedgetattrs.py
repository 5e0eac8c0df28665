"""Removed names handed as strings to a project function that reads them from a standard module
with ``getattr``: the call fails on the target as ``module.name`` would.

bandit 1.7.4's plugins decorate their checks with ``@test.checks("Str")``;
``bandit.core.test_properties.checks(*args)`` hands each name to ``utils.check_ast_node(name)``,
whose ``getattr(ast, name)`` sits in a ``try`` whose ``except AttributeError: pass`` falls through
to ``raise TypeError(...)``.  On the real 3.14, importing such a plugin raises "TypeError: Error:
Str is not a valid node type in AST" at ``core/utils.py:372``: the plugin never loads.

A string argument (a constant whose value is the last part of a removed ``module.name`` whose
catalog entry says ``named_in_strings``: ``Index.handed``) of a call to a module-level function of another project module is followed into that
function, through its parameter (positional or ``*args``, then a ``for`` or comprehension over
it), to a ``getattr(module, param)`` without a default, or to a call of another such project
function passing it on (up to ``DEPTH`` calls deep).  The read is guarded, and nothing is
reported, when a ``try`` around it catches AttributeError and neither re-raises nor falls through
to a ``raise``, or when the function names the value itself or the version (bandit 1.9.4's
``if sys.version_info >= (3, 12) and name in ("Num", "Str", ...): return name`` before it).
Reported at the string (its ``fix`` is not automatic: a name spelled in a string is not rewritten).
The prefilter lets a file through when it writes such a name as a string argument
(``handed_words``): bandit's plugins name no ``ast``.
"""

from __future__ import annotations

import ast

from outmoded.getattrs import _catches
from outmoded.guardcontext import ATTRIBUTE_ERRORS

DEPTH = 3  # project functions followed from the call
VERSION_WORDS = frozenset({"version_info", "hexversion", "PY2", "PY3", "PY38_PLUS"})


def handed_words(data: bytes, words) -> set:
    """The words of ``words`` (bytes: last parts of removed module members the file names) written
    as a string argument (``("Str"``, ``, 'Str'``): the prefilter's way through for the file
    (``prefilter._held``), where the scanner follows the call."""
    held = set()
    for word in words:
        for quote in (b'"', b"'"):
            written = quote + word + quote
            at = data.find(written)
            while at > 0:
                if data[max(0, at - 64):at].rstrip().endswith((b"(", b",")):
                    held.add(word)
                    break
                at = data.find(written, at + 1)
            if word in held:
                break
    return held


class HandedGetattrs:
    """Expects ``self.index``, ``self.project``, ``self.path`` and ``self.report``."""

    def check_handed_names(self, node: ast.Call, func: str) -> None:
        for position, arg in enumerate(node.args):
            if arg.__class__ is ast.Starred:
                return
            if arg.__class__ is not ast.Constant or arg.value.__class__ is not str or not arg.value.isascii() \
                    or arg.value.encode() not in self.index.handed:  # a name is ASCII: "\ud900" has no UTF-8
                continue
            for module in _memo(self.project, func, self.path, position, arg.value):
                name = f"{module}.{arg.value}"
                if name in self.index.names:
                    self.report(arg, self.index.names[name], name, ATTRIBUTE_ERRORS)
                    break


def _memo(project, func: str, from_path: str, position: int, value: str) -> set:
    """``_read_from``, once per run for a function, argument and directory asking; the files it
    read count for every verdict asking (``outmoded.reads``)."""
    import os

    from outmoded import reads

    memo = project.__dict__.setdefault("_handed", {})
    key = (func, os.path.dirname(os.path.abspath(from_path)), position, value)
    answer = memo.get(key)
    if answer is None:
        with reads.recording() as read:
            modules = _read_from(project, func, from_path, position, value, DEPTH)
        answer = memo[key] = (modules, read)
    else:
        reads.extend(answer[1])
    return answer[0]


def _read_from(project, func: str, from_path: str, position: int, value: str, depth: int) -> set:
    """The standard modules a project function ``func`` (qualified, as ``from_path`` names it)
    reads ``value`` from with an unguarded ``getattr`` when ``value`` is its argument at
    ``position``."""
    from outmoded.expectations import function_in
    from outmoded.layout import find_module, module_of

    module, _, name = func.rpartition(".")
    if depth <= 0 or not module or name.startswith("__"):
        return set()
    where = find_module(module, from_path)
    if where is None:
        return set()
    found = function_in(where, name)
    if found is None:
        return set()
    definition, tree = found
    params = _parameters(definition, position)
    if not params:
        return set()
    if any(n.__class__ is ast.Constant and n.value == value
           or n.__class__ is ast.Name and n.id in VERSION_WORDS
           or n.__class__ is ast.Attribute and n.attr in VERSION_WORDS for n in ast.walk(definition)):
        return set()  # the function knows the name, or asks which Python it runs on
    summary = project.summary(where)
    imports = summary.imports if summary is not None else {}
    own = module_of(where)[0]
    local = {s.name for s in tree.body if isinstance(s, ast.FunctionDef)}

    def qualified(expr: ast.AST) -> str | None:
        parts = []
        while expr.__class__ is ast.Attribute:
            parts.append(expr.attr)
            expr = expr.value
        if expr.__class__ is not ast.Name:
            return None
        if expr.id in imports:
            head = imports[expr.id]
        elif expr.id in local and not parts:
            head = f"{own}.{expr.id}"
        else:
            return None
        return ".".join([head, *reversed(parts)])

    params = _aliases(definition, params)
    modules: set = set()
    parents = {child: parent for parent in ast.walk(definition) for child in ast.iter_child_nodes(parent)}
    for call in ast.walk(definition):
        if call.__class__ is not ast.Call:
            continue
        if call.func.__class__ is ast.Name and call.func.id == "getattr":
            if len(call.args) == 2 and not call.keywords and call.args[1].__class__ is ast.Name \
                    and call.args[1].id in params and not _guarded(call, parents):
                source = qualified(call.args[0])
                if source is not None and find_module(source.partition(".")[0], where) is None:
                    modules.add(source)  # a standard module: the project has none of that name
            continue
        callee = qualified(call.func)
        if callee is None:
            continue
        for at, arg in enumerate(call.args):
            if arg.__class__ is ast.Starred:
                break
            if arg.__class__ is ast.Name and arg.id in params:
                modules |= _read_from(project, callee, where, at, value, depth - 1)
    return modules


def _parameters(definition: ast.FunctionDef, position: int) -> set:
    """The names the argument at ``position`` is bound to: its parameter, or ``*args``' name."""
    positional = definition.args.posonlyargs + definition.args.args
    if position < len(positional):
        return {positional[position].arg}
    if definition.args.vararg is not None:
        return {"*" + definition.args.vararg.arg}
    return set()


def _aliases(definition: ast.FunctionDef, params: set) -> set:
    """``params`` with the names a loop over ``*args`` binds each element to (``for a in args``,
    ``[f(a) for a in args]``); a ``*args`` parameter itself stands for no one value."""
    starred = {p[1:] for p in params if p.startswith("*")}
    names = {p for p in params if not p.startswith("*")}
    if starred:
        for node in ast.walk(definition):
            if node.__class__ in (ast.For, ast.comprehension) and node.iter.__class__ is ast.Name \
                    and node.iter.id in starred and node.target.__class__ is ast.Name:
                names.add(node.target.id)
    return names


def _guarded(call: ast.Call, parents: dict) -> bool:
    """Is the ``getattr`` in a ``try`` that catches its AttributeError for good: a handler that
    neither raises nor falls through to a ``raise`` right after the ``try``?"""
    child, node = call, parents.get(call)
    while node is not None and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        if isinstance(node, ast.Try) and child in node.body:
            for handler in node.handlers:
                if not _catches(handler.type):
                    continue
                if any(isinstance(s, ast.Raise) for s in handler.body):
                    continue
                if all(isinstance(s, ast.Pass) for s in handler.body) and _raises_after(node, parents):
                    continue
                return True
        child, node = node, parents.get(node)
    return False


def _raises_after(stmt: ast.stmt, parents: dict) -> bool:
    block = parents.get(stmt)
    for field in ("body", "orelse", "finalbody"):
        statements = getattr(block, field, None)
        if isinstance(statements, list) and stmt in statements:
            rest = statements[statements.index(stmt) + 1:]
            return bool(rest) and isinstance(rest[0], ast.Raise)
    return False
