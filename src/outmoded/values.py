"""What a name can stand for in a module, and the names a body binds.

A name's value (``Value``) is a qualified name (a dotted string, from an import), an
``Instance`` of a class, a ``LocalClass`` (a class the module defines), a version check's value,
or ``LOCAL`` (bound to something nothing is known about: it shadows an import of the same name).
``Scope`` holds a module's, function's or class's bindings; ``local_names`` and ``class_members``
read, without walking expressions, the names a function body or a class body binds
(``statements``, a body without its docstring; ``plain_parameters``, a signature's plain
parameters);
``not_implemented`` the comparison methods of a class body that can return NotImplemented.  The
scanner's ``Bindings`` (``scopes``) fills these while it walks; the modules that reason about
receivers, classes and fallbacks read them.
"""

from __future__ import annotations

import ast

from outmoded.records import Frozen


class LocalClass:
    """A class defined in the scanned module; ``bases`` are resolved base values: str (qualified
    name), LocalClass or None (unknown); ``flags``: the names its body binds to a version check's
    value or to (part of) the version, filled once the body is read; ``skipped``: a skip decorator
    skips it on the target, and so its subclasses (unittest's ``__unittest_skip__`` and pytest's
    class marks are inherited).  Compared by identity."""

    __slots__ = ("name", "bases", "members", "flags", "node", "skipped")

    def __init__(self, name: str, bases: list, members: set[str], node: ast.ClassDef | None = None):
        self.name = name
        self.bases = bases
        self.members = members
        self.flags: dict = {}
        self.node = node  # its body, for what a method of it does (``not_implemented``)
        self.skipped = False

    def __repr__(self) -> str:
        return f"LocalClass(name={self.name!r}, bases={self.bases!r}, members={self.members!r})"


class Instance(Frozen):
    """An instance of ``cls``: a qualified name or a LocalClass."""

    __slots__ = _fields = ("cls",)

    def __init__(self, cls: str | LocalClass):
        object.__setattr__(self, "cls", cls)


LOCAL = None  # a binding we know nothing about: shadows any import of the same name
Value = "str | Instance | LocalClass | bool | guards.VersionValue | None"  # what a name stands for (annotations)


class Scope:
    """``kind``: "module" | "function" | "class"; ``bindings``: name -> Value; ``node``: a function
    scope's ``def`` or lambda.  Compared by identity."""

    __slots__ = ("kind", "parent", "bindings", "node")

    def __init__(self, kind: str, parent: Scope | None, bindings: dict | None = None, node: ast.AST | None = None):
        self.kind = kind
        self.parent = parent
        self.bindings = {} if bindings is None else bindings
        self.node = node

    def __repr__(self) -> str:
        return f"Scope(kind={self.kind!r}, parent={self.parent!r}, bindings={self.bindings!r})"

    def module(self) -> Scope:
        """The module's scope, around this one (or this one)."""
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


def leaf_name(node: ast.AST) -> str | None:
    """The last name of a ``Name`` or ``Attribute`` (``build_ext`` of ``command.build_ext``), None
    for any other expression."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _target_names(target: ast.AST, names: set[str]) -> None:
    if isinstance(target, ast.Name):
        names.add(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            _target_names(elt, names)
    elif isinstance(target, ast.Starred):
        _target_names(target.value, names)


def local_names(node: ast.AST) -> set[str]:
    """Names a function binds anywhere in its own body (they are local throughout it).

    Walks statements and their binding targets only, not expressions: that is most of the
    tree, and the one binding form it misses (``:=`` inside an expression) rarely shadows a module.
    """
    args = node.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg] if a}
    declared: set[str] = set()
    todo = list(node.body)
    while todo:
        stmt = todo.pop()
        kind = type(stmt)
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            names.add(stmt.name)
            continue
        if kind is ast.Assign:
            for target in stmt.targets:
                _target_names(target, names)
        elif kind in (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor):
            _target_names(stmt.target, names)
        elif kind in (ast.With, ast.AsyncWith):
            for item in stmt.items:
                if item.optional_vars is not None:
                    _target_names(item.optional_vars, names)
        elif kind in (ast.Import, ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in stmt.names if a.name != "*")
        elif kind in (ast.Global, ast.Nonlocal):
            declared.update(stmt.names)
        elif kind is ast.Delete:
            for target in stmt.targets:
                _target_names(target, names)
        elif kind.__name__ == "Match":
            for case in stmt.cases:
                names.update(n.name for n in ast.walk(case.pattern) if getattr(n, "name", None))
                todo.extend(case.body)
        for handler in getattr(stmt, "handlers", ()):
            if handler.name:
                names.add(handler.name)
            todo.extend(handler.body)
        for block in ("body", "orelse", "finalbody"):
            todo.extend(getattr(stmt, block, ()))
    return names - declared


def member_statements(node: ast.ClassDef):
    """The statements of a class body that may bind its members: the body's own, and those inside
    its ``try`` blocks and ``if`` blocks testing attributes (gevent's ``class Environ(dict):`` /
    ``if not hasattr(dict, 'iteritems'): def iteritems(self): ...``)."""
    todo = list(node.body)
    while todo:
        stmt = todo.pop()
        yield stmt
        if isinstance(stmt, ast.If) and _probes_attribute(stmt.test):
            todo.extend(stmt.body + stmt.orelse)  # not a version check: it may hold on the target
        elif isinstance(stmt, ast.Try):
            todo.extend(stmt.body + stmt.orelse + stmt.finalbody)
            for handler in stmt.handlers:
                todo.extend(handler.body)


def class_members(node: ast.ClassDef) -> set[str]:
    """The names a class body defines itself (methods, and plain assignments such as trial's
    aliases), also inside its ``try`` blocks and ``if`` blocks testing attributes
    (``member_statements``)."""
    members: set[str] = set()
    for stmt in member_statements(node):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            members.add(stmt.name)
        elif isinstance(stmt, ast.Assign):
            members.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return members


def statements(function: ast.AST) -> list:
    """The body of ``function`` without its docstring."""
    body = function.body
    return body[1:] if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) else body


def plain_parameters(function: ast.AST) -> int | None:
    """How many parameters an undecorated function takes when they are all plain positional ones
    (no ``/``, ``*args``, keyword-only or ``**kwargs``); None for any other function."""
    args = function.args
    if function.decorator_list or args.posonlyargs or args.vararg or args.kwonlyargs or args.kwarg:
        return None
    return len(args.args)


def own_nodes(function: ast.AST):
    """The nodes of a function's body, not those of the functions, lambdas and classes in it."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


def returns_not_implemented(function: ast.AST) -> bool:
    return any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == "NotImplemented"
               for n in own_nodes(function))


COMPARISONS = frozenset(("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"))


def not_implemented(node: ast.ClassDef) -> frozenset[str]:
    """The rich comparison methods a class body defines that can ``return NotImplemented`` (to
    let Python try the other operand's)."""
    return frozenset(s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                     and s.name in COMPARISONS and returns_not_implemented(s))


def _probes_attribute(test: ast.expr) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("hasattr", "getattr")
               for n in ast.walk(test))
