"""A method's parameters narrowed where its callers say what they hold: the test in the caller, the read in the callee.

A visitor's ``visit_Constant(self, node)`` holds an ``ast.Constant``, and so does each method of
its class it hands ``node`` to (``ParameterNarrowing.parameter_narrowings``).  And a chain of a
parameter every caller in the class narrowed before the call:

pyflakes 2.4.0's ``Checker.BINOP`` tests ``isinstance(node.op, ast.Mod) and isinstance(node.left,
ast.Str)``, then calls ``self._handle_percent_format(node)``, whose first statement reads
``node.left.s`` (AttributeError on the real 3.14 once ``ast.Str`` is fixed to ``ast.Constant``);
``CALL`` and ``_handle_string_dot_format`` read ``node.func.value.s`` so.  ``handed`` finds, for a
method ``m(self, p, ...)`` of a class, the chains of ``p`` (``p.left``) narrowed at every reference
to a member named ``m`` in the class: each is a call ``self.m(a, ...)`` (the caller's own first
parameter, positional arguments) inside the body of an ``if`` (or of several) whose test holds
``isinstance(a.left, Class)`` among its ``and``'s terms, with ``a`` bound nowhere in that ``if`` and
nothing touching the chain between the test and the call (``runorder``).  Any other reference (a
bound method handed on, a call without the narrowing) and the method has none: ``fix`` then
rewrites a read every caller in the class hands a constant to.  The class's whole text is read
(``whole_body``), not a reduced tree's stubs.
"""

from __future__ import annotations

import ast

from outmoded.runorder import touched, untouched


def _rebinds(region, name: str) -> bool:
    from outmoded.narrowing import rebinds

    return rebinds(region, name)

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _references(cls: ast.ClassDef) -> dict:
    """member name -> [(the Attribute naming it, the enclosing ifs whose body holds it, the
    method holding it)] of ``cls``'s methods (each reference once)."""
    found: dict = {}

    def walk(node, ifs, method):
        for child in ast.iter_child_nodes(node):
            kind = child.__class__
            if kind is ast.Attribute:
                found.setdefault(child.attr, []).append((child, ifs, method))
            if kind is ast.If:
                walk(child.test, ifs, method)
                for stmt in child.body:
                    walk_one(stmt, ifs + (child,), method)
                for stmt in child.orelse:
                    walk_one(stmt, ifs, method)
            else:
                walk(child, ifs, method)

    def walk_one(stmt, ifs, method):
        walk(ast.Module([stmt], []), ifs, method)

    for member in cls.body:
        if member.__class__ in _DEFS:
            walk(member, (), member)
    return found


def handed(method: ast.FunctionDef, cls: ast.ClassDef, test_of, touch_of, cache: dict) -> list:
    """(the key of a chain of a parameter of ``method``, its class) for each chain every call of
    ``method`` in ``cls`` hands narrowed.  ``test_of(test)``: (key, class) of an isinstance() test
    or None; ``touch_of(chain node)``: what may change that chain (``runorder.touches``);
    ``cache``: per class, its references."""
    params = method.args.posonlyargs + method.args.args
    if len(params) < 2 or method.decorator_list or method.__class__ is not ast.FunctionDef or _generator(method):
        return []  # a coroutine's or a generator's body runs later, when the chain may hold another object
    refs = cache.get(id(cls))
    if refs is None:
        refs = cache[id(cls)] = (cls, _references(cls))
    uses = refs[1].get(method.name)
    if not uses:
        return []
    common = None
    for attr, ifs, caller in uses:
        call = _call_of(attr, caller)
        if call is None or not ifs or len(call.args) > len(params) - 1:
            return []
        here = set()
        for at, arg in enumerate(call.args):
            if arg.__class__ is not ast.Name:
                continue
            for test in ifs:
                for key, chained, node in _tests(test.test, arg.id, test_of):
                    region = [test.test, test.body]
                    touch = touch_of(node)
                    if not _rebinds(region, arg.id) and untouched(region, call, touch) \
                            and not touched(call.args, touch):
                        here.add((params[at + 1].arg + key[len(arg.id):], chained))
        common = here if common is None else common & here
        if not common:
            return []
    return sorted(common or ())


def _generator(function: ast.FunctionDef) -> bool:
    """Does ``function``'s own body (not a nested function's) yield?"""
    todo = list(function.body)
    while todo:
        node = todo.pop()
        if node.__class__ in (ast.Yield, ast.YieldFrom):
            return True
        if node.__class__ not in (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef):
            todo.extend(ast.iter_child_nodes(node))
    return False


def _call_of(attr: ast.Attribute, caller) -> ast.Call | None:
    """The call ``self.m(...)`` whose function is ``attr``, ``self`` the caller's first parameter."""
    own = caller.args.posonlyargs + caller.args.args
    if not own or attr.value.__class__ is not ast.Name or attr.value.id != own[0].arg \
            or caller.decorator_list:
        return None
    for node in ast.walk(caller):
        if node.__class__ is ast.Call and node.func is attr:
            ok = not node.keywords and all(a.__class__ is not ast.Starred for a in node.args)
            return node if ok else None
    return None


def _tests(test: ast.expr, name: str, test_of):
    """(key, class, tested node) of the isinstance() terms of ``test`` (its ``and``'s) whose chain
    starts at ``name`` and goes on (``name.left``, ``name[0]``)."""
    terms = test.values if test.__class__ is ast.BoolOp and test.op.__class__ is ast.And else [test]
    for term in terms:
        hit = test_of(term)
        if hit is not None and hit[0].startswith((name + ".", name + "[")):
            yield hit[0], hit[1], term.args[0]


def _root_of(key: str) -> str:
    """The name a chain's key starts from: ``node`` of ``node.left``."""
    return key.partition(".")[0].partition("[")[0]


def _hands_on(visit, name: str) -> bool:
    """Does ``visit``, a ``def visit_X(self, node)``, call ``self.<name>(node)`` with its
    ``node`` unbound again?"""
    params = visit.args.posonlyargs + visit.args.args
    if len(params) < 2 or visit.decorator_list:
        return False
    own, node = params[0].arg, params[1].arg
    if _rebinds(visit.body, node):
        return False
    for call in ast.walk(visit):
        if call.__class__ is ast.Call and call.args and call.args[0].__class__ is ast.Name \
                and call.args[0].id == node and call.func.__class__ is ast.Attribute and call.func.attr == name \
                and call.func.value.__class__ is ast.Name and call.func.value.id == own:
            return True
    return False


class ParameterNarrowing:
    """The scanner's part that narrows a method's parameters where its callers say what they
    hold.  Expects ``self.index``, ``self.scope``, ``self.reduced``, ``self.whole_body``,
    ``self._names``, ``self.isinstance_test``, ``self._touch``, ``self._narrows`` and
    ``self._narrowing_classes`` from the classes it is combined with."""

    def parameter_narrowings(self, node, method_of) -> list:
        """The (parameter, class) of ``node``, a method of ``method_of`` (a ``LocalClass``), whose
        node the class's visitor names: ``visit_Constant(self, node)`` for a class of the narrowing
        classes (``ast.Constant``), and a method of the same class it hands that parameter to,
        ``self.visit_Str(node)`` (bandit 1.8.0's core/node_visitor.py: ``visit_Str`` reads
        ``node.s``, AttributeError on the real 3.14).  A visitor's ``visit_Str`` alone is not one
        (on 3.14 nothing calls it: OMB14001).  Not where either method binds the name again, nor
        in a module that binds no name to the class's module (python-minifier 3.4.0's
        expression_printer.py imports its ``ast_compat`` as ``ast``, which sets ``Constant.s``
        and ``.n`` again on 3.12+: its ``visit_Str`` reads ``node.s`` there)."""
        if not self._narrows() or method_of.node is None:
            return []
        params = node.args.posonlyargs + node.args.args
        if len(params) < 2 or node.decorator_list:
            return []
        handed_on = self._handed(node, method_of.node)
        if _rebinds(node.body, params[1].arg):
            return handed_on
        bound = self.scope.module().bindings.values()
        visits = {"visit_" + cls.rpartition(".")[2]: cls for cls in self._narrowing_classes()
                  if cls.rpartition(".")[0] in bound}
        cls = visits.get(node.name)
        if cls is None:
            cls = next((visits[m.name] for m in method_of.node.body
                        if m.__class__ is ast.FunctionDef and m.name in visits and _hands_on(m, node.name)), None)
        return ([(params[1].arg, cls, None)] if cls is not None else []) + handed_on

    def _handed(self, node, cls: ast.ClassDef) -> list:
        """(key, class, region) of the chains of ``node``'s parameters that every call of it in its
        class hands narrowed (``handedchains``: pyflakes 2.4.0's BINOP, then _handle_percent_format's
        ``node.left.s``), the region ``node``'s body, walked from its start (``runorder``)."""
        if not self._names(node, self._narrowed_members()):
            return []  # it writes no .s / .n
        if self.reduced:  # the class's whole text: a caller's body may be a stub here
            cls = next((s for s in self.whole_body() or () if s.__class__ is ast.ClassDef
                        and s.lineno == cls.lineno and s.name == cls.name), None)
            if cls is None:
                return []
        saved, self.scope = self.scope, self.scope.module()
        try:
            found = handed(node, cls, self.isinstance_test, self._touch, self.__dict__.setdefault("_handed_refs", {}))
        finally:
            self.scope = saved
        return [(key, found_cls, node.body) for key, found_cls in found if not _rebinds(node.body, _root_of(key))]

