"""What runs between two points of a function: a walk of its nodes in the order Python evaluates them.

``narrowing`` narrows an attribute or subscript chain (``node.args[0]``, ``self.node``) an
``isinstance()`` test holds for only up to the first thing that may change what the chain holds:
``if isinstance(node.args[0], ast.Str): return node.args[0].s`` reads the tested object, while
``if isinstance(node.args[0], ast.Str): node.args.pop(0); return node.args[0].s`` may not.  A
plain name changes only where it is bound again (``narrowing.rebinds``); a chain also changes
through any other reference to the objects on it, so here a *touch* is anything that can run
code or store into an object: a call (the caller says which are only inspecting, such as
``isinstance()``), an ``await``, a ``yield``, an augmented assignment, and a store or ``del`` of
an attribute or item.  ``untouched`` walks a region (the test, then the nodes its narrowing
covers) in evaluation order: an assignment's value before its targets, a call after its function
and arguments, a comprehension's element after its generators, a ``def`` or ``lambda`` without
its body (which runs later), and a loop as a whole where the read is inside it (a read in its
second turn follows the touches of the first); a branch of an ``if`` that ends in ``return``
reaches nothing after it.
"""

from __future__ import annotations

import ast

LOOPS = frozenset((ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
_VALUE_FIRST = frozenset((ast.Assign, ast.AnnAssign, ast.NamedExpr))
_DEFS = frozenset((ast.FunctionDef, ast.AsyncFunctionDef))
_ELEMENTS = {ast.ListComp: ("elt",), ast.SetComp: ("elt",), ast.GeneratorExp: ("elt",), ast.DictComp: ("key", "value")}
_STORES = (ast.Store, ast.Del)


def touches(node: ast.AST, links: frozenset, inspecting) -> bool:
    """May ``node``, once its parts have run, change what a chain through the attributes
    ``links`` holds: a call ``inspecting`` does not pass, an ``await`` or ``yield``, an augmented
    assignment, a store or ``del`` of an item or of an attribute named like one of ``links``?"""
    kind = node.__class__
    if kind is ast.Call:
        return not inspecting(node)
    if kind is ast.Attribute:
        return node.attr in links and node.ctx.__class__ in _STORES
    if kind is ast.Subscript:
        return node.ctx.__class__ in _STORES
    return kind in (ast.Await, ast.Yield, ast.YieldFrom, ast.AugAssign)


def _ordered(node: ast.AST) -> list:
    """The children of ``node`` that run when it does, in the order they run."""
    kind = node.__class__
    if kind in _VALUE_FIRST:
        return ([node.value] if node.value is not None else []) + \
            (node.targets if kind is ast.Assign else [node.target])
    if kind is ast.Dict:
        return [part for pair in zip(node.keys, node.values) for part in pair if part is not None]
    if kind in _DEFS:
        return node.decorator_list + [node.args] + ([node.returns] if node.returns else [])
    if kind is ast.Lambda:
        return [node.args]
    if kind in _ELEMENTS:
        return node.generators + [getattr(node, field) for field in _ELEMENTS[kind]]
    if kind in (ast.For, ast.AsyncFor):
        return [node.iter, node.target] + node.body + node.orelse
    return list(ast.iter_child_nodes(node))


def _running(node: ast.AST):
    """``node`` and every node that runs with it (not a nested function's body)."""
    yield node
    for child in _ordered(node):
        yield from _running(child)


def touched(nodes, touch) -> bool:
    """Does anything that runs in ``nodes`` (nodes and lists of them) ``touch``?"""
    for root in nodes:
        if root.__class__ is list or root.__class__ is tuple:
            if touched(root, touch):
                return True
        elif any(touch(node) for node in _running(root)):
            return True
    return False


def _returns(block: list) -> bool:
    """Does ``block`` end in a ``return``: nothing after the statement holding it runs then?"""
    return bool(block) and block[-1].__class__ is ast.Return


def _walk(node, read: ast.AST, touch) -> bool | None:
    """True where ``read`` runs in ``node`` before anything ``touch``es, False where a touch comes
    first, None where neither is in it.  A branch of an ``if`` that returns reaches nothing after
    the ``if`` (pyflakes 2.4.0's ``if positional and positional_count > 1: self.report(...);
    return``), unless the read is in a ``finally``, which runs after the ``return``: there the
    ``try`` counts as a whole."""
    if node.__class__ is list or node.__class__ is tuple:
        for part in node:
            found = _walk(part, read, touch)
            if found is not None:
                return found
        return None
    if node is read:
        return True
    if node.__class__ in LOOPS and any(inner is read for inner in _running(node)):
        return not any(touch(inner) for inner in _running(node))
    if node.__class__ is ast.If and (_returns(node.body) or _returns(node.orelse)) \
            and not any(inner is read for inner in _running(node)):
        staying = [node.test] + [block for block in (node.body, node.orelse) if not _returns(block)]
        return False if touched(staying, touch) else None
    if getattr(node, "finalbody", None) and any(inner is read for inner in _running(ast.Module(node.finalbody, []))):
        return not any(touch(inner) for inner in _running(node))
    for child in _ordered(node):
        found = _walk(child, read, touch)
        if found is not None:
            return found
    return False if touch(node) else None


def untouched(region, read: ast.AST, touch) -> bool:
    """Is ``read`` reached, walking ``region`` (nodes and lists of them, in the order they run),
    before anything ``touch``es?"""
    return _walk(region, read, touch) is True
