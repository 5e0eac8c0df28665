"""Constructors that set the event loop, for ``asyncio.get_event_loop()`` after them (the catalog's
``main-block-call`` entry, RuntimeError from 3.14 where no loop is set).

A script's ``asyncio.get_event_loop()`` finds a loop when a statement that ran before it in its block
(or in the blocks around it) built an object of a project class whose constructor sets one:
slixmpp 1.17.0's examples, ``xmpp = EchoBot(jid, password)`` then ``asyncio.get_event_loop()
.run_forever()``, where ``EchoBot`` derives from ``slixmpp.ClientXMPP``, whose ``__init__`` calls
``BaseXMPP.__init__``, whose ``__init__`` calls ``XMLStream.__init__``, which reads ``self.loop``, a
property calling ``asyncio.set_event_loop(asyncio.new_event_loop())`` when ``get_event_loop()``
raises (on the real 3.14.10 the script's call then returns that loop).  Followed exactly: the
``__init__`` first in the class's ancestry (project classes, across modules), what it calls on its
first parameter (``self.method()``, ``self.prop``: a method or property of the ancestry) and the
next ``__init__`` it calls (``super().__init__()``, ``Base.__init__(self)``); a set only under a
condition counts (the constructor may set it).  Only simple statements before the call are read
(``x = Cls(...)``, ``Cls(...).run()``), not compound ones, whose blocks may not run.
"""

from __future__ import annotations

import ast
from collections import deque

from outmoded.laterimports import blocks
from outmoded.summaries import ClassInfo
from outmoded.values import LocalClass

METHODS = 100  # functions read from one constructor at most, breadth first (slixmpp 1.17.0's examples: 30)
SIMPLE = (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign)


def preceding_calls(body: list, node: ast.AST) -> list:
    """The calls in the simple statements of ``body`` (and of the blocks holding ``node`` in it) that
    run before the statement holding ``node``."""
    at, calls = (node.lineno, node.col_offset), []
    for stmt in body:
        if (stmt.lineno, stmt.col_offset) <= at <= (stmt.end_lineno, stmt.end_col_offset):
            if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for block in blocks(stmt):
                    if (block[0].lineno, block[0].col_offset) <= at <= (block[-1].end_lineno, block[-1].end_col_offset):
                        calls += preceding_calls(block, node)
            break
        if isinstance(stmt, SIMPLE):
            calls += [n for n in ast.walk(stmt) if isinstance(n, ast.Call)]
    return calls


class _Ancestry:
    """A project class's ancestry (project classes, bases first-listed first) and its methods."""

    def __init__(self, project, info: ClassInfo):
        self.project, self.order, self.methods = project, [], {}
        self._add(info, 0)

    def _add(self, info: ClassInfo, depth: int) -> None:
        if depth > 30 or any(info is cls for cls, _ in self.order):
            return
        node = self.project.class_def(info)
        if node is None:
            return
        self.order.append((info, node))
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.methods.setdefault(stmt.name, (stmt, info))  # a property's getter comes first
        for base in info.bases:
            found = self.project.resolve(base, info.path) if base else None
            if isinstance(found, ClassInfo):
                self._add(found, depth + 1)

    def init_after(self, info: ClassInfo | None) -> tuple | None:
        """``(def, class)`` of the first ``__init__`` after ``info`` (None: from the start)."""
        seen = info is None
        for cls, node in self.order:
            if seen:
                init = next((s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
                if init is not None:
                    return init, cls
            seen = seen or cls is info
        return None


def _sets_loop_call(call: ast.Call, imports: dict) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "set_event_loop" and isinstance(func.value, ast.Name):
        return imports.get(func.value.id) == "asyncio"
    return isinstance(func, ast.Name) and imports.get(func.id) == "asyncio.set_event_loop"


def constructor_sets_loop(project, info: ClassInfo) -> bool:
    """Does building an object of ``info`` (with its constructor's defaults) call
    ``asyncio.set_event_loop``, in its ``__init__`` or what that calls on the object?"""
    ancestry = _Ancestry(project, info)
    todo, seen = deque([ancestry.init_after(None)]), set()
    while todo:
        found = todo.popleft()
        if found is None or id(found[0]) in seen or len(seen) > METHODS:
            continue
        func, cls = found
        seen.add(id(func))
        summary = project.summary(cls.path)
        imports = summary.imports if summary else {}
        first = func.args.args[0].arg if func.args.args else None
        for node in ast.walk(func):
            if isinstance(node, ast.Call):
                if _sets_loop_call(node, imports):
                    return True
                callee = node.func
                if isinstance(callee, ast.Attribute) and callee.attr == "__init__" and func.name == "__init__" and (
                        isinstance(callee.value, (ast.Name, ast.Attribute)) or isinstance(callee.value, ast.Call)
                        and isinstance(callee.value.func, ast.Name) and callee.value.func.id == "super"):
                    todo.appendleft(ancestry.init_after(cls))  # first: super().__init__(), [pkg.]Base.__init__(self)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == first \
                    and node.attr in ancestry.methods and node.attr != "__init__":
                todo.append(ancestry.methods[node.attr])  # self.loop (a property), self.setup()
    return False


class LoopSetters:
    """Expects ``self.project``, ``self.path``, ``self.scope``, ``self._body`` and ``self.qualify``."""

    def loop_set_before(self, node: ast.Call) -> bool:
        """Did a statement that ran before ``node`` in its scope build an object of a project class
        whose constructor sets the event loop (see the module's docstring)?"""
        scope = self.scope
        body = self._body if scope.kind == "module" else getattr(scope.node, "body", None)
        if not isinstance(body, list) or self.project is None:
            return False
        for call in preceding_calls(body, node):
            cls = self.qualify(call.func)
            if isinstance(cls, LocalClass):
                cls = self.project.local_class(self.path, cls.name)
            elif isinstance(cls, str):
                cls = self.project.resolve(cls, self.path)
            if isinstance(cls, ClassInfo) and constructor_sets_loop(self.project, cls):
                return True
        return False
