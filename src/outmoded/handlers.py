"""What the except-branches of a ``try`` do: which names they catch (``caught_names``) and what
they leave the program with when the body fails (``fallback_kind``: the failure escapes, the
feature silently stops working, or an alternative takes over).  ``fallbacks.TryFallbacks`` asks
them of each ``try`` it walks.
"""

from __future__ import annotations

import ast

from outmoded.summaries import ends_run


def fallback_kind(handlers: list, whole=None) -> str | None:
    """What the except-branches of a ``try`` do when the removed API in its body fails:
    None (one raises or exits the program: the failure escapes, ``summaries.ends_run``),
    "lost-feature" (they only bind constants, pass, or define stubs that return one: ``crypt =
    None``, ``HAS_CRYPT = False``, passlib 1.7.4's ``def safe_crypt(secret, hash): return None``,
    so the feature silently stops working) or "fallback" (they provide an alternative: another
    import, a definition that does something).  ``whole``: where the sieve left function bodies
    out, gives a handler's def with its body (a body reduced to ``pass`` is not a stub of the
    source)."""
    kind, stubs = "lost-feature", []
    for handler in handlers:
        if ends_run(handler.body):
            return None
        for stmt in handler.body:
            if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                continue
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and isinstance(stmt.value, ast.Constant):
                continue
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and _stub(stmt):
                stubs.append(stmt)
                continue
            kind = "fallback"
    if kind == "lost-feature" and whole is not None and not all(_stub(whole(stub)) for stub in stubs):
        return "fallback"
    return kind


def only_statement(function) -> ast.stmt | None:
    """The one statement of a def's body after its docstring (the docstring alone), else None."""
    body = function.body[1:] if len(function.body) > 1 and isinstance(function.body[0], ast.Expr) \
        and isinstance(function.body[0].value, ast.Constant) else function.body
    return body[0] if len(body) == 1 else None


def _stub(function) -> bool:
    """Does the def only return a constant (``return None``, ``return False``, ``pass``, ``...``,
    after a docstring)?  None (not found) is no stub."""
    if function is None or function.decorator_list:
        return False
    statement = only_statement(function)
    if statement is None:
        return False
    if isinstance(statement, ast.Return):
        return statement.value is None or isinstance(statement.value, ast.Constant)
    return isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))


def caught_names(handler: ast.ExceptHandler, qualify) -> frozenset:
    """The last parts of the exception names ``handler`` catches (``ImportError``,
    ``AttributeError``), "*" for a bare ``except:``; a name that does not qualify is left out."""
    if handler.type is None:
        return frozenset({"*"})
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = set()
    for node in types:
        name = qualify(node)
        if isinstance(name, str):
            names.add(name.rpartition(".")[2])
    return frozenset(names)


def handler_for(handlers: list, errors: frozenset, qualify):
    """The except-branch that runs when the body raises one of ``errors`` (builtin exception
    names): the first naming one of them or a base (``Exception``, ``BaseException``, a bare
    ``except:``); None when none does, or when one before it names something that does not
    qualify to a name (``except ERRORS:``, a tuple bound elsewhere: it might catch it)."""
    for handler in handlers:
        if handler.type is None:
            return handler
        for node in handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]:
            name = qualify(node)
            if not isinstance(name, str):
                return None
            if name.rpartition(".")[2] in errors | {"Exception", "BaseException"}:
                return handler
    return None


def _constants(statements: list):
    """The (name, value) of each ``name = <constant>`` statement among ``statements`` (not inside them)."""
    return ((t.id, s.value.value) for s in statements if isinstance(s, ast.Assign)
            and isinstance(s.value, ast.Constant) for t in s.targets if isinstance(t, ast.Name))


def bool_flags(statements: list) -> set:
    """The (name, value) pairs of the ``name = True`` / ``name = False`` statements among
    ``statements`` (not inside them)."""
    return {(name, value) for name, value in _constants(statements) if isinstance(value, bool)}


def falsy_names(statements: list) -> set:
    """The names the ``name = None`` / ``name = False`` statements among ``statements`` (not inside
    them) bind: a handler saying what its ``try`` could not import is missing."""
    return {name for name, value in _constants(statements) if value in (None, False)}
