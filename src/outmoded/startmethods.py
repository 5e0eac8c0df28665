"""What the default start method's change on Linux breaks in 3.14: a callable the child must unpickle.

From 3.14 ``multiprocessing`` starts processes with ``forkserver`` where it forked (Linux and the
other POSIX systems but macOS): the ``Process`` object, with its ``target``, and a pool's
``initializer`` are pickled to the child instead of inherited.  A lambda, a function defined inside
another (``main.<locals>.work``) or a ``functools.partial`` of one raises ``PicklingError: Can't
pickle local object`` at ``start()``; a function a script defines in its ``if __name__ ==
"__main__":`` block is pickled by name, and the child, which imports the script without running
that block, does not find it.  Each runs on the real 3.13 and fails on the real 3.14 (the catalog's
``local-callable`` entries).  Not reported: a call given a context (``mp_context=``, ``context=``,
or positional arguments that may be one), or with ``**kwargs``, or through a name bound otherwise
than by imports (``mpc = get_context("fork")`` here, ``mpc = multiprocessing`` there); a project that chooses its start
method anywhere (``set_start_method``: process-wide, so a text question about the whole project);
``get_context("fork").Process`` is not the module's ``Process`` at all.
"""

from __future__ import annotations

import ast
import os

from outmoded.branches import is_main_test

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
CHOOSES_START_METHOD = "set_start_method"


def _own_nodes(body: list):
    """The nodes of ``body`` outside the functions, lambdas and classes it defines (those
    statements themselves included)."""
    todo = list(body)
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            todo.extend(node.decorator_list)
            continue
        if isinstance(node, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(node))


def bindings(body: list, name: str, params: ast.arguments | None = None) -> list:
    """The nodes binding ``name`` in ``body`` (a function's, whose parameters are ``params``, or a
    module's): a ``def`` or ``class``, an import's alias (a star import too), an assignment's or a
    loop's target, a handler's ``as``, ``global`` / ``nonlocal``, a parameter (``ast.arg``)."""
    found = [] if params is None else [
        a for a in params.posonlyargs + params.args + params.kwonlyargs + [params.vararg, params.kwarg]
        if a is not None and a.arg == name]
    for node in _own_nodes(body):
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)) and node.name == name \
                or isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load) \
                or isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names \
                or isinstance(node, ast.alias) and (node.asname or node.name.partition(".")[0]) in (name, "*") \
                or isinstance(node, ast.ExceptHandler) and node.name == name:
            found.append(node)
    return found


def only_def(found: list):
    """The one undecorated ``def`` of ``bindings``, when nothing else binds the name."""
    return found[0] if len(found) == 1 and isinstance(found[0], FUNCTIONS) and not found[0].decorator_list else None


def only_imported(found: list) -> bool:
    """Do only imports bind the name?  numba 0.68.1's tests bind ``mpc =
    multiprocessing.get_context('fork')``, and ``mpc = multiprocessing`` where there is none: the
    name is not the module wherever ``mpc.Process(...)`` runs."""
    return all(isinstance(node, ast.alias) for node in found)


def _main_block_defs(body: list) -> set:
    """The ``def`` statements of the module's ``if __name__ == "__main__":`` blocks (at its top)."""
    return {id(node) for stmt in body if isinstance(stmt, ast.If) and is_main_test(stmt.test)
            for node in _own_nodes(stmt.body) if isinstance(node, FUNCTIONS)}


class StartMethods:
    """Expects ``self.scope``, ``self.qualify``, ``self._body``, ``self.text`` and ``self.path``."""

    def _local_callable(self, value: ast.expr, depth: int = 0) -> bool:
        """Is ``value`` a callable the child process cannot unpickle: a lambda, a function defined
        in the function around (or outside) the call, or one a script's main block defines, or a
        ``functools.partial`` of one?"""
        if isinstance(value, ast.Lambda):
            return True
        if isinstance(value, ast.Call) and depth == 0 and value.args \
                and self.qualify(value.func) == "functools.partial":
            return self._local_callable(value.args[0], 1)
        if not isinstance(value, ast.Name):
            return False
        found = self._bindings(value.id)
        if found is None:
            return False
        local = only_def(found[1])
        return local is not None and (found[0] or id(local) in _main_block_defs(self._body))

    def _bindings(self, name: str) -> tuple[bool, list] | None:
        """Where a read of ``name`` here finds it bound: (in a function?, ``bindings`` there), or
        None (a class body, a builtin, unbound)."""
        scope, first = self.scope, True
        while scope is not None and not ((first or scope.kind != "class") and name in scope.bindings):
            scope, first = scope.parent, False
        if scope is None or scope.kind == "class":
            return None
        if scope.kind == "module":
            return False, bindings(self._body, name)
        node = scope.node
        return (True, bindings(node.body, name, node.args)) if isinstance(node, FUNCTIONS) else None

    def _imported_callee(self, call: ast.Call) -> bool:
        """Is the name the called expression starts from (``multiprocessing`` of
        ``multiprocessing.Process``, ``Process``) bound by imports alone where it is read?"""
        root = call.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        found = self._bindings(root.id)
        return found is not None and only_imported(found[1])

    def _context_left_default(self, call: ast.Call, entry, position: int) -> bool:
        """Does ``call`` leave the start method to the default context: no keyword of ``unless``
        (``mp_context``, ``context``) other than None, no ``**kwargs``, no positional argument but
        the first and the callable's (one may be a context), and no ``set_start_method`` in the
        project?"""
        if not self._imported_callee(call) \
                or any(k.arg is None or k.arg in entry.unless and not _none(k.value) for k in call.keywords):
            return False
        if len(call.args) > position + 1 or any(isinstance(a, ast.Starred) for a in call.args) \
                or any(not _none(a) for a in call.args[1:position]):
            return False
        return not self._start_method_chosen()

    def _start_method_chosen(self) -> bool:
        """Does a Python file of the project (or this one) name ``set_start_method``?  True when
        the project is too large to tell."""
        if CHOOSES_START_METHOD in self.text:
            return True
        from outmoded.layout import module_of
        from outmoded.projectfiles import mentioning, project_root

        path = os.path.abspath(self.path)
        found = mentioning(project_root(os.path.dirname(path)) or module_of(path)[1], CHOOSES_START_METHOD)
        return found is None or next(iter(found), None) is not None


def _none(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is None
