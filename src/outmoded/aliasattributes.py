"""Attributes set on a typing Union alias: the ``union-attribute`` behaviour signature.

From 3.14 ``typing.Union[X, Y]`` and ``typing.Optional[X]`` make a ``typing.Union`` (the one type
of ``X | Y``), which has no ``__dict__``: setting ``__module__`` on it raises AttributeError, where
the old ``typing._UnionGenericAlias`` took it.  httpcore 1.0.5's ``__init__`` sets ``__module__``
on every name of its ``__all__`` (``__locals = locals()`` / ``for __name in __all__: if not
__name.startswith("__"): setattr(__locals[__name], "__module__", "httpcore")``), one of which,
``SOCKET_OPTION``, is a Union its ``_backends/base.py`` defines: ``import httpcore`` fails on 3.14
(and with it httpx 0.25, starlette, fastapi).  Found at a module's top level, outside any ``try``
and any ``if``: ``Alias.__module__ = ...`` and ``setattr(Alias, "__module__", ...)``, ``Alias`` a
name the module binds to such a Union, and that loop over a literal ``__all__`` (its ``if`` over
the loop's name evaluated for each name: httpcore 1.0.9 skips ``SOCKET_OPTION``) reaching one the
module binds or imports from a project module that binds it (``Project.binds_union``).  The prefilter
lets through a file that sets ``__module__`` and writes ``Union`` or ``Optional``, or that
writes ``__module__`` and a loop ``for name in __all__:``.
``X | Y`` is not reported: its type refused the attribute on every Python that has it.
"""

from __future__ import annotations

import ast

from outmoded.guardcontext import ATTRIBUTE_ERRORS

UNION_FORMS = frozenset({"typing.Union", "typing.Optional", "typing_extensions.Union", "typing_extensions.Optional"})
ATTRIBUTES = frozenset({"__module__"})  # what the needle looks for: see catalog.needles.BEHAVIOUR_TEXT
NAMESPACES = frozenset({"locals", "globals"})


def union_alias(value: ast.expr, lookup) -> bool:
    """Is ``value`` ``Union[A, B, ...]`` with two different members, or ``Optional[A]`` with ``A``
    not ``None`` (``lookup``: what a name or attribute stands for, a qualified name)?  ``Union[A]``
    is ``A`` itself."""
    if not isinstance(value, ast.Subscript) or not isinstance(value.value, (ast.Name, ast.Attribute)):
        return False
    form = lookup(value.value)
    if form not in UNION_FORMS:
        return False
    members = value.slice.elts if isinstance(value.slice, ast.Tuple) else [value.slice]
    if form.endswith("Optional"):
        return len(members) == 1 and not (isinstance(members[0], ast.Constant) and members[0].value is None)
    return len({ast.dump(m) for m in members}) >= 2


def _literal_strings(node: ast.expr) -> list | None:
    if isinstance(node, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def _passes(test: ast.expr, var: str, name: str) -> bool | None:
    """The value of an ``if`` test over the loop's variable ``var`` when it holds ``name``:
    ``var.startswith(...)``, ``==``/``!=``/``in``/``not in`` literals, ``not``, ``and``/``or``;
    None for anything else."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _passes(test.operand, var, name)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        values = [_passes(v, var, name) for v in test.values]
        if None in values:
            return None
        return all(values) if isinstance(test.op, ast.And) else any(values)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in ("startswith", "endswith") \
            and isinstance(test.func.value, ast.Name) and test.func.value.id == var \
            and len(test.args) == 1 and not test.keywords:
        arg = test.args[0]
        prefixes = [arg.value] if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else _literal_strings(arg)
        if prefixes is None:
            return None
        return getattr(name, test.func.attr)(tuple(prefixes))
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Name) and test.left.id == var:
        right, op = test.comparators[0], test.ops[0]
        if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) and isinstance(right.value, str):
            return (name == right.value) == isinstance(op, ast.Eq)
        values = _literal_strings(right) if isinstance(op, (ast.In, ast.NotIn)) else None
        if values is not None:
            return (name in values) == isinstance(op, ast.In)
    return None


def _sets(stmt: ast.stmt):
    """``(node, owner)`` for each attribute of ``ATTRIBUTES`` the statement sets:
    ``owner.__module__ = ...`` or ``setattr(owner, "__module__", ...)``."""
    if isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            if isinstance(target, ast.Attribute) and target.attr in ATTRIBUTES:
                yield target, target.value
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        if isinstance(call.func, ast.Name) and call.func.id == "setattr" and len(call.args) == 3 \
                and isinstance(call.args[1], ast.Constant) and call.args[1].value in ATTRIBUTES:
            yield call, call.args[0]


class AliasAttributes:
    """Expects the scanner's ``index``, ``qualify``, ``project``, ``path`` and ``report``."""

    def check_alias_attributes(self, body: list) -> None:
        entry = next((e for e in self.index.behaviour_calls.get("typing.Union", ())
                      if e.signature == "union-attribute"), None)
        if entry is None:
            return
        bindings: dict = {}  # name -> its last top-level binding statement
        namespaces: set = set()  # names bound to locals() or globals()
        exported: list | None = []
        for stmt in body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                bindings[name] = stmt
                call = stmt.value
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in NAMESPACES \
                        and not call.args:
                    namespaces.add(name)
                else:
                    namespaces.discard(name)
                if name == "__all__" and exported is not None:
                    exported = _literal_strings(stmt.value)
            elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == "__all__":
                more = _literal_strings(stmt.value)
                exported = None if exported is None or more is None else exported + more
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                for alias in stmt.names:
                    bindings[(alias.asname or alias.name).split(".")[0]] = stmt
        for stmt in body:
            for node, owner in _sets(stmt):
                if isinstance(owner, ast.Name) and isinstance(bindings.get(owner.id), ast.Assign) \
                        and self._is_union(owner.id, bindings):
                    self.report(node, entry, f"{owner.id}.__module__", ATTRIBUTE_ERRORS)
            if isinstance(stmt, ast.For) and isinstance(stmt.target, ast.Name) and not stmt.orelse \
                    and exported and isinstance(stmt.iter, ast.Name) and stmt.iter.id == "__all__":
                self._check_loop(stmt, exported, bindings, namespaces, entry)

    def _check_loop(self, loop: ast.For, exported: list, bindings: dict, namespaces: set, entry) -> None:
        """``for name in __all__: setattr(namespace[name], "__module__", ...)``, under ``if`` tests
        over the name: reported at the statement, naming the first Union alias it reaches."""
        var = loop.target.id
        todo = [(stmt, ()) for stmt in loop.body]  # (statement, the tests it sits under and their wanted values)
        while todo:
            stmt, tests = todo.pop(0)
            if isinstance(stmt, ast.If):
                todo += [(s, tests + ((stmt.test, True),)) for s in stmt.body]
                todo += [(s, tests + ((stmt.test, False),)) for s in stmt.orelse]
                continue
            for node, owner in _sets(stmt):
                if not (isinstance(owner, ast.Subscript) and isinstance(owner.slice, ast.Name)
                        and owner.slice.id == var and (
                            isinstance(owner.value, ast.Name) and owner.value.id in namespaces
                            or isinstance(owner.value, ast.Call) and isinstance(owner.value.func, ast.Name)
                            and owner.value.func.id in NAMESPACES and not owner.value.args)):
                    continue
                hit = next((name for name in exported if all(_passes(test, var, name) is wanted for test, wanted in tests)
                            and self._is_union(name, bindings)), None)
                if hit is not None:
                    self.report(node, entry, f"{hit}.__module__", ATTRIBUTE_ERRORS)

    def _is_union(self, name: str, bindings: dict) -> bool:
        """Is the module's top-level ``name`` a Union alias: bound to one here, or imported from a
        project module that binds it to one?"""
        stmt = bindings.get(name)
        if isinstance(stmt, ast.Assign):
            return union_alias(stmt.value, self.qualify)
        if isinstance(stmt, ast.ImportFrom):
            qualified = self.qualify(ast.Name(id=name, ctx=ast.Load()))
            return isinstance(qualified, str) and self.project.binds_union(qualified, self.path)
        return False

