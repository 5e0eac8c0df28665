"""Which lines of an sdist's ``setup.py`` pip's build runs on the target, read with ``ast``:
the ``if`` branches a version check lets run, the function bodies called from what runs and the
build commands' methods, the handlers of a ``try`` that can fail.  ``setupbuild`` reports only what
fails there."""

from __future__ import annotations

import ast

from outmoded.guardcontext import ANY_ERROR, IMPORT_ERRORS
from outmoded.values import leaf_name

# what `pip wheel` / `pip install` runs through setuptools' backend (get_requires_for_build_wheel,
# prepare_metadata_for_build_wheel, build_wheel): egg_info and dist_info, then bdist_wheel and
# the build and install commands it calls
BUILD_COMMANDS = frozenset({"egg_info", "dist_info", "bdist_wheel", "build", "build_py", "build_ext", "build_clib",
                            "build_scripts", "install", "install_lib", "install_headers", "install_scripts",
                            "install_data", "install_egg_info"})


def unsure(body: list, member: str, target: tuple[int, int]) -> list:
    """The line spans of the module's ``if`` branches the build may not run on the target: those
    a version check excludes and both of one it cannot decide (``'test' in sys.argv``); the body
    of ``if __name__ == "__main__":`` runs (setuptools' backend runs setup.py as ``__main__``).
    Those in the bodies of its functions and methods too (which of them run is ``never_run``'s
    question): uvloop 0.14.0's ``build_ext.finalize_options`` imports Cython only under ``if
    need_cythonize:``, false where the sdist ships the generated ``loop.c``, and pip's build on
    pyenv's 3.13.0 never gets there (it fails compiling ``loop.c``)."""
    from outmoded import guards
    from outmoded.branches import is_main_test
    from outmoded.summaries import module_lookup

    lookup, spans, stack = None, [], list(body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ast.If):
            if is_main_test(stmt.test):
                taken = True
            else:
                if lookup is None:
                    lookup = module_lookup(member, ast.Module(body=body, type_ignores=[]), target)
                taken = guards.evaluate(stmt.test, target, lookup)
            for branch, runs in ((stmt.body, taken is True), (stmt.orelse, taken is False)):
                if runs:
                    stack.extend(branch)
                elif branch:
                    spans.append((branch[0].lineno, branch[-1].end_lineno))
        elif isinstance(stmt, (ast.With, ast.AsyncWith, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(stmt.body)
        elif isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(stmt.body + stmt.orelse)
        elif isinstance(stmt, ast.Try):
            stack.extend(stmt.body + stmt.orelse + stmt.finalbody + [s for h in stmt.handlers for s in h.body])
    return spans


def imports_present(body: list, target: tuple[int, int]) -> bool:
    """Is ``body`` only imports of standard-library modules (and their names) the target has, so
    that the handlers of its ``try`` never run: netifaces 0.10.9's ``try: import builtins`` /
    ``except ImportError: import __builtin__``?"""
    from outmoded.present import has, module_on

    def present(stmt) -> bool:
        if isinstance(stmt, ast.Import):
            return all(module_on(alias.name, target) for alias in stmt.names)
        return isinstance(stmt, ast.ImportFrom) and not stmt.level and bool(stmt.module) \
            and module_on(stmt.module, target) and all(
                has(stmt.module, alias.name, target) is True or module_on(f"{stmt.module}.{alias.name}", target)
                for alias in stmt.names)

    return bool(body) and all(present(stmt) for stmt in body)


def catches_import_error(kind) -> bool:
    if kind is None:
        return True
    kinds = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return any(leaf_name(k) in IMPORT_ERRORS | ANY_ERROR for k in kinds)


def never_run(tree: ast.Module, called: frozenset = frozenset(), maybe: list = ()) -> list:
    """The (first, last) line spans of function bodies the build never runs (see the module
    docstring): every def and lambda body but the module-level functions called from what runs
    (``called``: those of a helper module that setup.py calls) and the methods of the build's
    command classes.  A call in ``maybe`` (``unsure``'s spans) makes no function run: pycurl
    7.44.1 calls its ``get_bdist_msi_version_hack()``, which imports ``bdist_msi``, only under
    ``if sys.platform == "win32":``."""
    from outmoded.setupcall import keyword_dicts

    functions = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    classes = {s.name: s for s in tree.body if isinstance(s, ast.ClassDef)}
    running: list = [tree] + [functions[name] for name in sorted(called) if name in functions]
    for value in keyword_dicts(tree, "cmdclass"):
        for key, item in zip(value.keys, value.values):
            if isinstance(key, ast.Constant) and key.value in BUILD_COMMANDS \
                    and isinstance(item, ast.Name) and item.id in classes:
                running.extend(s for s in classes[item.id].body
                               if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))
    seen = {id(node) for node in running}
    runs = list(running)
    while running:
        node = running.pop()
        for inner in outside_bodies(node):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in functions \
                    and build_runs(maybe, inner.lineno):
                called = functions[inner.func.id]
                if id(called) not in seen:
                    seen.add(id(called))
                    runs.append(called)
                    running.append(called)
    ran_ids = {id(node) for node in runs}
    return [(node.body[0].lineno if isinstance(node.body, list) else node.body.lineno, node.end_lineno)
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and id(node) not in ran_ids]


def outside_bodies(node: ast.AST):
    """The nodes under ``node`` outside the bodies of the functions and lambdas nested in it."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        inner = stack.pop()
        yield inner
        if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(inner.decorator_list)
            stack.extend(d for d in inner.args.defaults + inner.args.kw_defaults if d is not None)
        elif not isinstance(inner, ast.Lambda):
            stack.extend(ast.iter_child_nodes(inner))


def build_runs(never: list, line: int) -> bool:
    """Does the build run ``line``: outside every body it never runs?"""
    return not any(first <= line <= last for first, last in never)
