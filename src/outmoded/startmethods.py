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
``get_context("fork").Process`` is not the module's ``Process`` at all, while ``get_context()``,
no method named, is the default context (``ctx = multiprocessing.get_context()``, then
``ctx.Process(target=work)``).

A process pool pickles every task it runs, on every start method, so a lambda or a local function
handed to ``Pool.map`` or ``ProcessPoolExecutor.submit`` fails before 3.14 too; what fails only
from 3.14 is a function a script's main block defines (uvloop 0.23.0's examples/bench/echoclient.py,
``e.submit(run_test, NMESSAGES)``): the catalog's ``main-block-callable`` entries, reported where
the pool was made in the default context (``with ProcessPoolExecutor(max_workers=N) as e``).
"""

from __future__ import annotations

import ast
import os

from outmoded.branches import is_main_test

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
CHOOSES_START_METHOD = "set_start_method"
GET_CONTEXT = "multiprocessing.get_context"


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

    def _local_callable(self, value: ast.expr) -> bool:
        """Is ``value`` a callable the child process cannot unpickle: a lambda, a function defined
        in the function around (or outside) the call, or one a script's main block defines, or a
        ``functools.partial`` of one?"""
        value = self._partial_of(value)
        if isinstance(value, ast.Lambda):
            return True
        found = self._only_def(value)
        return found is not None and (found[0] or id(found[1]) in _main_block_defs(self._body))

    def _main_block_callable(self, value: ast.expr) -> bool:
        """Is ``value`` a function a script's main block defines (the module's only binding of
        its name), or a ``functools.partial`` of one?"""
        found = self._only_def(self._partial_of(value))
        return found is not None and not found[0] and id(found[1]) in _main_block_defs(self._body)

    def _partial_of(self, value: ast.expr) -> ast.expr:
        """What ``functools.partial(f, ...)`` wraps (``f``), else ``value``."""
        if isinstance(value, ast.Call) and value.args and self.qualify(value.func) == "functools.partial":
            return value.args[0]
        return value

    def _only_def(self, value: ast.expr) -> tuple | None:
        """(in a function?, the ``def``) where ``value`` names a function bound by that undecorated
        ``def`` alone, else None."""
        found = self._bindings(value.id) if isinstance(value, ast.Name) else None
        local = None if found is None else only_def(found[1])
        return None if local is None else (found[0], local)

    def _pool_left_default(self, call: ast.Call, entry) -> bool:
        """Was the pool whose method ``call`` calls made in the default context: made right there,
        or bound once to the call making it (``pool = multiprocessing.Pool(4)``, ``with
        ProcessPoolExecutor(max_workers=N) as e``), given no keyword of ``unless`` and no
        positional argument but the number of workers, in a project that never names
        ``set_start_method``?"""
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        made = receiver if isinstance(receiver, ast.Call) else None
        if isinstance(receiver, ast.Name):
            made = _bound_value(self._bindings(receiver.id))
        return isinstance(made, ast.Call) and self._context_left_default(made, entry, 0)

    def _bindings(self, name: str) -> tuple[bool, list, list] | None:
        """Where a read of ``name`` here finds it bound: (in a function?, ``bindings`` there, the
        body they are in), or None (a class body, a builtin, unbound)."""
        scope, first = self.scope, True
        while scope is not None and not ((first or scope.kind != "class") and name in scope.bindings):
            scope, first = scope.parent, False
        if scope is None or scope.kind == "class":
            return None
        if scope.kind == "module":
            return False, bindings(self._body, name), self._body
        node = scope.node
        return (True, bindings(node.body, name, node.args), node.body) if isinstance(node, FUNCTIONS) else None

    def _imported_callee(self, call: ast.Call) -> bool:
        """Is the name the called expression starts from (``multiprocessing`` of
        ``multiprocessing.Process``, ``Process``) bound by imports alone where it is read, or is
        the called expression a method of the default context (``get_context()``, called there
        or bound once to a name: ``ctx.Process``)?"""
        root = call.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Call) and isinstance(call.func, ast.Attribute) and root is call.func.value:
            return self._default_context(root)
        if not isinstance(root, ast.Name):
            return False
        found = self._bindings(root.id)
        if found is None:
            return False
        if only_imported(found[1]):
            return True
        context = _bound_value(found)
        return isinstance(call.func, ast.Attribute) and root is call.func.value \
            and isinstance(context, ast.Call) and self._default_context(context)

    def _default_context(self, call: ast.Call) -> bool:
        """Is ``call`` the imported ``multiprocessing.get_context`` naming no start method (none,
        or None)?  ``get_context("fork")`` is the old start method kept."""
        return self.qualify(call.func) == GET_CONTEXT and self._imported_callee(call) \
            and all(_none(a) for a in call.args) and all(k.arg is not None and _none(k.value) for k in call.keywords)

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


def _bound_value(found: tuple | None) -> ast.expr | None:
    """The value of the one binding of ``found`` (``_bindings``' answer), where that is an
    assignment to the name alone (``ctx = multiprocessing.get_context()``) or a ``with`` item's
    ``as`` (``with multiprocessing.Pool() as pool``), else None."""
    if found is None or len(found[1]) != 1 or not isinstance(found[1][0], ast.Name):
        return None
    target = found[1][0]
    for node in _own_nodes(found[2]):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and node.targets[0] is target:
            return node.value
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is target:
                    return item.context_expr
    return None


def _none(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is None
