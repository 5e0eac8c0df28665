"""AST node constructors on 3.15 (gh-137600): a call of an ``ast`` node class that leaves out a
field the class requires, or passes a keyword that is neither a field nor an attribute, raises
TypeError (3.13 and 3.14 warned).  The catalog's ``node-fields`` entry holds each class's row, its
fields in order and its attributes, generated on the real interpreter (benchmarks/astfields.py);
``outmoded.catalog.models.node_parameters`` reads a row.  ``outmoded.behaviours`` asks
``check_node_fields`` of each call of a class the entry names.
"""

from __future__ import annotations

import ast

from outmoded.catalog.models import fits, node_parameters

_CONSTRUCTORS: dict[tuple, tuple] = {}


def _node_parameters(entry, cls: str) -> tuple | None:
    """The constructor of the AST node class ``cls`` as the ``node-fields`` entry's table says
    (``outmoded.catalog.models.node_parameters``), parsed once."""
    key = (entry.code, cls)
    if key not in _CONSTRUCTORS:
        _CONSTRUCTORS[key] = node_parameters(dict(entry.node_fields).get(cls))
    return _CONSTRUCTORS[key]


def node_fields_problem(node: ast.Call, params: tuple) -> tuple[ast.AST, str] | None:
    """Where and why a call of an AST node class raises TypeError from the ``node-fields`` entry's
    version on (``params``: its constructor, ``node_parameters``): the first keyword that is
    neither a field nor an attribute (``"starargs="``), else the first required field left out
    (``"is_async=<missing>"``); None when it fits, or cannot be told (``*args``, ``**kwargs``), or
    failed before as well (more positional arguments than fields, a field given twice)."""
    keywords = [k.arg for k in node.keywords]
    if any(isinstance(a, ast.Starred) for a in node.args) or None in keywords:
        return None
    positional, known, required, _, _ = params
    if fits(params, len(node.args), keywords) \
            or not fits((positional, frozenset(keywords) | known, frozenset(), False, False), len(node.args), keywords):
        return None
    unknown = next((k for k in node.keywords if k.arg not in known), None)
    if unknown is not None:
        return unknown, f"{unknown.arg}="
    given = set(positional[:len(node.args)]) | set(keywords)
    return node, next(f"{f}=<missing>" for f in positional if f in required and f not in given)


class NodeFields:
    """Expects ``self.index``, ``self.qualify`` and ``self.report``."""

    def check_node_fields(self, node: ast.Call, func: str, entry) -> bool:
        """Report the call of the AST node class ``func`` where ``entry``'s row says it raises;
        was it reported?"""
        params = _node_parameters(entry, func)
        problem = None if params is None else node_fields_problem(node, params)
        if problem is None or self._reads_a_name_no_python_has(node):
            return False
        self.report(problem[0], entry, f"{func}({problem[1]})", frozenset(entry.raises))
        return True

    def _reads_a_name_no_python_has(self, call: ast.Call) -> bool:
        """Does an argument of ``call`` read a standard-library name no Python the listings know has
        (``present.has``, 3.10 up to the target: none lists it)?  The call then fails everywhere, before the
        constructor runs, and the upgrade changes nothing: Chameleon 4.6.0's ``ast.Call(ast.Symbol(
        stream_factory), args=[], kwargs=[])`` (its own ``Symbol`` is ``chameleon.astutil``'s), in a
        branch for a stream factory no caller passes."""
        from outmoded.present import ANSWERED_FROM, has

        for value in (*call.args, *(k.value for k in call.keywords)):
            name = self.qualify(value.func if isinstance(value, ast.Call) else value)
            module, _, attr = name.rpartition(".") if isinstance(name, str) else ("", "", "")
            found = {has(module, attr, (3, minor)) for minor in range(ANSWERED_FROM[1], self.index.target[1] + 1)} \
                if module else ()
            if False in found and True not in found:  # None: a module __getattr__ (ast's on 3.12-3.13)
                return True
        return False
