"""Removed names a project function puts back, called before the code that reads them runs.

kolibri 0.19.5's ``kolibri/utils/env.py`` defines ``monkey_patch_pkgutil()``, which on 3.14 and
later (``if sys.version_info < (3, 14): return``) assigns ``pkgutil.find_loader = find_loader``
when ``pkgutil`` lacks it; ``test/test_env_compat.py`` calls it from an autouse fixture
(``@pytest.fixture(autouse=True)``), so its tests' ``pkgutil.find_loader("kolibri")`` work on the
real 3.14 and 3.15.  ``outmoded.restorers`` reads only top-level assignments of the modules a file
imports; this reads a function's.  ``put_back(path, api, in_function, target, candidates, line)``: does
``path`` call, as a statement of its own top level, or (for code in its functions: ``in_function``,
in a test module a runner collects) of an autouse fixture it defines, a function of the project (its own, or one it imports by name)
whose body assigns ``api`` on the target?  The body is read in order: a branch a version check
excludes there is skipped, and a ``return`` that the target certainly takes before the
assignment ends it; an assignment under any other test counts (it is the function's purpose).
Asked only for a finding about to be reported, after ``restorers``' text search found a project
file assigning the name (``candidates``).
"""

from __future__ import annotations

import ast
import os

from outmoded import guards, reads
from outmoded.fixability.spots import chain_of
from outmoded.layout import find_module
from outmoded.source import open_regular


def put_back(path: str, api: str, in_function: bool, target: tuple[int, int], candidates: tuple,
             line: int | None = None) -> bool:
    """See the module docstring; ``candidates``: the project files whose text assigns the name;
    ``line``: where a read at the top level is (``in_function`` false), which only the calls
    before it precede (``LOADER = pkgutil.find_loader("json")`` then ``patch()`` fails)."""
    tree = _parsed(path)
    if tree is None:
        return False
    imports = _imports(tree.body)
    local = {stmt.name: stmt for stmt in tree.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))}
    before = tree.body if in_function or line is None else [stmt for stmt in tree.body if stmt.lineno < line]
    calls = list(_calls(before))
    name = os.path.basename(path)
    if in_function and (name.startswith("test") or name.endswith("_test.py")):  # what a runner collects
        for fixture in local.values():
            if any(_autouse(decorator, imports) for decorator in fixture.decorator_list):
                calls += _calls(fixture.body)
    wanted = {os.path.abspath(c) for c in candidates}
    for name in calls:
        if name in local and os.path.abspath(path) in wanted:
            if _assigns(local[name], api, imports, target):
                return True
            continue
        qualified = imports.get(name)
        if not qualified or "." not in qualified:
            continue
        module, _, function = qualified.rpartition(".")
        where = find_module(module, path)
        if where is None or os.path.abspath(where) not in wanted:
            continue
        other = _parsed(where)
        if other is None:
            continue
        found = next((s for s in other.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                      and s.name == function), None)
        if found is not None and _assigns(found, api, _imports(other.body), target):
            return True
    return False


def _parsed(path: str) -> ast.Module | None:
    reads.read(path)  # the verdict depends on what it says
    try:
        with open_regular(path) as handle:
            return ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _imports(body: list, found: dict | None = None) -> dict:
    """Local name -> qualified name of the absolute import statements of ``body`` (not nested)."""
    found = {} if found is None else dict(found)
    for stmt in body:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    found[alias.asname] = alias.name
                else:
                    found[alias.name.partition(".")[0]] = alias.name.partition(".")[0]
        elif isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module:
            for alias in stmt.names:
                if alias.name != "*":
                    found[alias.asname or alias.name] = f"{stmt.module}.{alias.name}"
    return found


def _calls(body: list):
    """The names called, without arguments or with any, as whole statements of ``body``."""
    for stmt in body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name):
            yield stmt.value.func.id


def _autouse(decorator: ast.expr, imports: dict) -> bool:
    """``@pytest.fixture(autouse=True)`` (or ``fixture`` imported from pytest)?"""
    if not isinstance(decorator, ast.Call):
        return False
    func = _dotted(decorator.func, imports)
    return func in ("pytest.fixture", "pytest.yield_fixture") and any(
        k.arg == "autouse" and isinstance(k.value, ast.Constant) and k.value.value is True for k in decorator.keywords)


def _dotted(node: ast.expr, imports: dict) -> str | None:
    """``a.b.c`` (``fixability.spots.chain_of``) with ``a`` as ``imports`` qualifies it, or None."""
    parts = chain_of(node)
    return ".".join((imports.get(parts[0], parts[0]), *parts[1:])) if parts else None


def _assigns(function, api: str, imports: dict, target: tuple[int, int]) -> bool:
    """Does ``function``'s body, read in order on ``target``, assign ``api`` (``module.name =``,
    ``setattr(module, "name", ...)``)?"""
    return _block(function.body, api, imports, target) is True


def _block(body: list, api: str, imports: dict, target: tuple[int, int]):
    """True: assigns it; "return": certainly returns first; None: neither."""
    imports = dict(imports)
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            imports = _imports([stmt], imports)
        elif isinstance(stmt, ast.Assign):
            if any(_dotted(t, imports) == api for t in stmt.targets if isinstance(t, ast.Attribute)):
                return True
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and len(stmt.value.args) == 3 \
                and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "setattr" \
                and isinstance(stmt.value.args[1], ast.Constant) \
                and f"{_dotted(stmt.value.args[0], imports)}.{stmt.value.args[1].value}" == api:
            return True
        elif isinstance(stmt, ast.Return):
            return "return"
        elif isinstance(stmt, ast.If):
            verdict = guards.evaluate(stmt.test, target, lambda node, imports=imports: _dotted(node, imports))
            sides = [stmt.body] if verdict is True else [stmt.orelse] if verdict is False else [stmt.body, stmt.orelse]
            answers = [_block(side, api, imports, target) for side in sides]
            if True in answers:
                return True
            if verdict is not None and answers[0] == "return":
                return "return"
    return None
