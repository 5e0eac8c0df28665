"""Receivers narrowed by ``isinstance()``: the class a name of unknown type holds where a test said so.

bandit 1.5.1's ``[x.s for x in bits if isinstance(x, ast.Constant)]`` (core/utils.py, once fixed)
and ``isinstance(node, ast.Constant) and node.s`` (plugins/injection_shell.py) read a removed
member of ``ast.Constant`` (AttributeError on the real 3.14) through a parameter or a loop
variable nothing else types.  ``isinstance(NAME, Class)``, ``Class`` (resolved like any other
name) the class of a removed member whose catalog entry says ``narrowed_by_isinstance`` (no
class in the wild derives from it and defines the member: the parser makes ``ast.Constant``,
where a ``unittest.TestCase`` subclass may define ``assertEquals``), makes ``NAME``'s read of
such a member one on an instance of ``Class`` in: the operands of ``and`` after the test, the
body of an ``if`` or a conditional expression whose test is it (or a term of its ``and``; not
the ``else``), the ``else`` of one whose test is ``not`` it and the rest of the block after one
whose body leaves the block, and a comprehension's element whose ``if`` is it.  In place of the
name, an attribute or constant-index ``chain`` of one (bandit 1.7.5's ``if
isinstance(context.node.args[0], ast.Str): name = context.node.args[0].s``, the same text tested
then read) narrows there up to the first thing that may put another object on the chain, walked
in the order it runs (``runorder``: a call other than an inspecting builtin's or a method of the
narrowed member's value, a store to one of its attributes or to any item, ``await``, ``yield``):
any other reference to those objects may change them, where a plain name changes only where it is
bound.  Not where the name is bound
again (an assignment, a ``for``, ``:=``, a nested comprehension's target: anywhere in those
nodes, so a loop cannot bring a new value back to a read), nor in a function or lambda defined
there (another scope, run later).  Only a receiver whose binding says nothing (``LOCAL``) is
narrowed.  A class the catalog's hints say derives from ``Class`` narrows to ``Class``:
``isinstance(item, ast.Str) and item.s`` (pyflakes 1.6.0) reads a Constant's ``.s`` on 3.8-3.13,
which ``fix`` makes ``isinstance(item, ast.Constant) and item.value``; ``check`` reports the read
with the class, so what ``fix`` rewrites is what ``check`` promised.  ``IsinstanceNarrowing`` is the scanner's part that keeps them; ``branches.VersionBranches``
and the comprehension visits here push them.  The module's own functions it sees through (one
that changes nothing, one that returns the test) are ``narrowcalls``'; a method's parameters its
callers narrowed, ``handedchains``'; a generator expression a call runs at once
(``note_consumer``) reads what is narrowed around the call.
"""

from __future__ import annotations

import ast

from outmoded.handedchains import ParameterNarrowing
from outmoded.narrowcalls import OwnFunctions, string_method
from outmoded.runorder import touched, touches, untouched
from outmoded.values import Instance

_STORES = (ast.Store, ast.Del)
# calls that run a generator expression handed to them at once, its elements before they return
CONSUMING = frozenset(("builtins.all", "builtins.any", "builtins.tuple", "builtins.list", "builtins.set",
                       "builtins.frozenset", "builtins.sorted", "builtins.sum", "builtins.min", "builtins.max"))
NARROWING_TESTS = frozenset((ast.Call, ast.BoolOp))  # an isinstance() call, or an and of terms
NEGATED_TESTS = frozenset((ast.UnaryOp, ast.BoolOp))  # a not of one, or an or of terms holding such nots


def rebinds(nodes, name: str) -> bool:
    """Does anything in ``nodes`` (nodes and lists of them) bind ``name`` (in any scope: conservatively)?"""
    for root in nodes:
        if root.__class__ is list:
            if rebinds(root, name):
                return True
            continue
        for node in ast.walk(root):
            kind = node.__class__
            if kind is ast.Name:
                if node.id == name and node.ctx.__class__ in _STORES:
                    return True
            elif kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
                if node.name == name:
                    return True
            elif kind is ast.alias:
                if (node.asname or node.name).split(".")[0] == name:
                    return True
            elif kind in (ast.Global, ast.Nonlocal):
                if name in node.names:
                    return True
            elif getattr(node, "name", None) == name:  # except ... as name, match patterns
                return True
    return False


def _terms(test: ast.expr) -> list:
    """The terms that all hold where ``test`` does: ``test``, or those of its ``and``."""
    return test.values if test.__class__ is ast.BoolOp and test.op.__class__ is ast.And else [test]


def chain(node: ast.expr) -> str | None:
    """The text of ``node`` where it is a name, or an attribute or constant subscript of a chain
    (``node.args[0].value``, ``self.node``, ``ret[-1]``), else None: the key a narrowing is kept by."""
    kind = node.__class__
    if kind is ast.Name:
        return node.id
    if kind is ast.Attribute:
        base = chain(node.value)
        return None if base is None else f"{base}.{node.attr}"
    if kind is ast.Subscript:
        index, negative = node.slice, False
        if index.__class__ is ast.UnaryOp and index.op.__class__ is ast.USub:
            index, negative = index.operand, True
        value = index.value if index.__class__ is ast.Constant else None
        if value.__class__ is not int and (negative or value.__class__ is not str):
            return None
        base = chain(node.value)
        return None if base is None else f"{base}[{-value if negative else value!r}]"
    return None


def _root(node: ast.expr) -> str:
    """The name a chain starts from: ``node`` of ``node.args[0]``."""
    while node.__class__ is not ast.Name:
        node = node.value
    return node.id


def _links(node: ast.expr) -> frozenset:
    """The attribute names along a chain: ``func``, ``value`` of ``node.func.value``."""
    links = set()
    while node.__class__ is not ast.Name:
        if node.__class__ is ast.Attribute:
            links.add(node.attr)
        node = node.value
    return frozenset(links)


def _push(table: dict, scope, found: list) -> list:
    """Set each (key, class, region[, origin]) of ``found`` in ``table`` for ``scope``; what ``_pop``
    needs to undo it."""
    saved = []
    for key, *rest in found:
        saved.append((key, table.get(key)))
        table[key] = (scope, *rest)
    return saved


def _pop(table: dict, saved: list) -> None:
    for name, previous in reversed(saved):
        if previous is None:
            del table[name]
        else:
            table[name] = previous


def _narrowed(index) -> tuple[frozenset, frozenset]:
    """(the member names, their classes) of the removed members whose entry says
    ``narrowed_by_isinstance``, found once per index."""
    found = index.__dict__.get("_narrowed")
    if found is None:
        pairs = [(attr, m.cls) for attr, methods in index.methods.items() for m in methods
                 if m.entry.narrowed_by_isinstance]
        found = index.__dict__["_narrowed"] = (frozenset(a for a, _ in pairs), frozenset(c for _, c in pairs))
    return found


class IsinstanceNarrowing(OwnFunctions, ParameterNarrowing):
    """Expects ``self.index``, ``self.qualify`` and ``self.scope`` from the classes it is combined
    with; ``self.narrowed`` (name -> (scope, class)) and ``self.excluded`` are set by the scanner."""

    def isinstance_test(self, test: ast.expr) -> tuple[str, str] | None:
        """(key, class) for ``isinstance(name, Class)`` of a class ``narrowed_by_isinstance``, else
        None; also for a tuple of classes that all narrow to it (pyupgrade 2.38.4's
        ``isinstance(node, (ast.Str, ast.Bytes))`` then ``repr(node.s)``), and for a ``chain``
        in place of the name (``isinstance(node.args[0], ast.Str)``), its text the key."""
        if not (test.__class__ is ast.Call and test.func.__class__ is ast.Name and test.func.id == "isinstance"
                and len(test.args) == 2 and not test.keywords):
            return None
        key = chain(test.args[0])
        if key is None:
            return None
        classes = self._narrowing_classes()
        if not classes or self.qualify(test.func) != "builtins.isinstance":
            return None
        tested = test.args[1].elts if test.args[1].__class__ is ast.Tuple else [test.args[1]]
        found = {self._narrowed_to(self.qualify(cls), classes) for cls in tested}
        cls = found.pop() if len(found) == 1 else None
        return (key, cls) if cls is not None else None

    def _narrowed_to(self, cls, classes: frozenset) -> str | None:
        """The class of ``classes`` that ``cls``, a qualified name, is or (the hints say) derives
        from: ast.Str's instances are Constants."""
        if not isinstance(cls, str):
            return None
        return cls if cls in classes else next((base for base in self.index.ancestors(cls) if base in classes), None)

    def _narrowed_members(self) -> frozenset:
        """The removed members whose entry says ``narrowed_by_isinstance`` (``.n``, ``.s``)."""
        return _narrowed(self.index)[0]

    def _narrowing_classes(self) -> frozenset:
        """The classes of the removed members whose entry says ``narrowed_by_isinstance``."""
        return _narrowed(self.index)[1]

    def _narrows(self) -> bool:
        """May narrowing find anything in this file: does it write a member narrowed_by_isinstance
        (``self.words``, the needle words it writes, where known)?"""
        narrows = self.__dict__.get("_narrows_here")
        if narrows is None:
            members = _narrowed(self.index)[0]
            narrows = self._narrows_here = bool(members) and (self.words is None or not members.isdisjoint(self.words))
        return narrows

    def narrowings(self, tests, *unbound) -> list:
        """The (key, class, region) of the isinstance() tests among ``tests`` (each ``and``'s terms
        too) whose name (a chain's first) nothing in ``unbound`` binds: the region where it holds,
        nodes and lists of them in the order they run from the test on (a chain holds there up
        to the first touch: ``narrowed_receiver``)."""
        found = []
        if not self._narrows():
            return found
        for test in tests:
            for term in _terms(test):
                hit = self.isinstance_test(term)
                tested = term.args[0] if hit is not None else None
                origin = ()
                if hit is None:
                    hit, tested = self._all_elements_test(term)
                if hit is None and term.__class__ is ast.Call:
                    hit, tested = self._helper_test(term)
                    origin = (term,)  # the helper's own call is no touch: the test holds once it returned
                if hit is not None and not rebinds(unbound, _root(tested)):
                    found.append((*hit, unbound, *origin))
        return found

    def _helper_test(self, term: ast.Call) -> tuple:
        """((key, class), the tested chain) for a call of a function of the module whose every true
        result holds ``isinstance(its first parameter, Class)`` (``narrowcalls.tested_by``: bugbear
        22.12.6's ``_is_identifier(node.args[1])``), the chain its first argument; (None, None) else."""
        if not term.args or term.args[0].__class__ is ast.Starred:
            return None, None
        function = self.module_def(term.func)
        key = chain(term.args[0]) if function is not None else None
        if key is None:
            return None, None
        tested = self.helper_tested(function)
        return ((key, tested[1]), term.args[0]) if tested is not None else (None, None)

    def _all_elements_test(self, term: ast.expr) -> tuple:
        """((key, class), the tested chain) for ``all(isinstance(n, Class) for n in chain)`` (or an
        ``and`` of terms there), its key ``chain[*]``: every element of the chain is one (pyflakes
        2.4.0's ``all(isinstance(k, ast.Str) for k in node.right.keys)``, then ``{k.s for k in
        node.right.keys}``, read by ``element_narrowings``); (None, None) for anything else."""
        if not (term.__class__ is ast.Call and term.func.__class__ is ast.Name and term.func.id == "all"
                and len(term.args) == 1 and not term.keywords and term.args[0].__class__ is ast.GeneratorExp):
            return None, None
        generators = term.args[0].generators
        if len(generators) != 1 or generators[0].ifs or generators[0].is_async \
                or generators[0].target.__class__ is not ast.Name:
            return None, None
        key, name = chain(generators[0].iter), generators[0].target.id
        if key is None or self.qualify(term.func) != "builtins.all":
            return None, None
        for inner in _terms(term.args[0].elt):
            hit = self.isinstance_test(inner)
            if hit is not None and hit[0] == name:
                return (f"{key}[*]", hit[1]), generators[0].iter
        return None, None

    def element_narrowings(self, generator: ast.comprehension, *unbound) -> list:
        """(target, class, region) where a comprehension's ``for target in chain`` walks a chain
        whose every element a test found an instance of the class (``_all_elements_test``), with
        nothing touching it between the test and this read of it, and ``unbound`` (what runs for
        each element) binding the target again nowhere."""
        if not self.narrowed or generator.target.__class__ is not ast.Name or generator.is_async:
            return []
        key = chain(generator.iter)
        hit = self.narrowed.get(f"{key}[*]") if key is not None else None
        if hit is None or hit[0] is not self.scope or rebinds(unbound, generator.target.id) \
                or not untouched(hit[2], generator.iter, self._touch(generator.iter)):
            return []
        return [(generator.target.id, hit[1], unbound)]

    def negated_narrowings(self, test: ast.expr, *unbound) -> list:
        """``narrowings`` of where ``not isinstance(name, Class)`` is false: the ``else`` of such an
        ``if``, and what follows one whose body leaves the block (pyflakes 1.6.0's getDocstring: ``if
        not isinstance(node, ast.Str): return (None, None)``, then ``node.s``); ``not (isinstance(x, C)
        and y)`` is false where every term holds, and an ``or`` is false where each of its terms is,
        so its negated tests narrow too (flake8-bugbear 22.12.6's ``if len(node.args) != 1 or not
        isinstance(node.args[0], ast.Str): return``)."""
        negated = test.values if test.__class__ is ast.BoolOp and test.op.__class__ is ast.Or else [test]
        return self.narrowings([term.operand for term in negated if term.__class__ is ast.UnaryOp
                                and term.op.__class__ is ast.Not and term.operand.__class__ in NARROWING_TESTS],
                               *unbound)

    def note_exclusions(self, node: ast.If) -> None:
        """Where ``node``'s test is ``isinstance(name, Class)`` alone, each ``elif`` of its chain runs
        where ``name`` is no ``Class`` (``self.excluded``: the ``elif``'s ``If`` -> such (name, class)),
        up to a test that binds ``name`` again (``:=``)."""
        orelse, test = node.orelse, node.test
        if not (len(orelse) == 1 and orelse[0].__class__ is ast.If and test.__class__ is ast.Call
                and self._narrows()):
            return
        hit = self.isinstance_test(test)
        if hit is None:
            return
        tested = test.args[0]  # a chain holds while no test of the chain touches it (runorder)
        touch = self._touch(tested) if tested.__class__ is not ast.Name else None
        while len(orelse) == 1 and orelse[0].__class__ is ast.If:
            if rebinds([orelse[0].test], _root(tested)) or (touch and touched([orelse[0].test], touch)):
                return
            self.excluded.setdefault(id(orelse[0]), []).append(hit)
            orelse = orelse[0].orelse

    def never_holds(self, node: ast.If) -> bool:
        """Does ``node``, an ``elif``, narrow a name to a class an earlier test of its chain found
        it is not (``note_exclusions``)?  Its body never runs: ``if isinstance(item, ast.Constant):
        ... elif isinstance(item, ast.Constant): return item.n``, pyflakes 1.6.0's
        convert_to_value once fixed (``ast.Str``, then ``ast.Num``: both Constants, on 3.8-3.13
        and after the fix)."""
        ruled_out = self.excluded.pop(id(node), None) if self.excluded else None
        return bool(ruled_out) and any(self.isinstance_test(term) in ruled_out for term in _terms(node.test))

    def push_narrowings(self, found: list) -> list:
        """Narrow the names of ``found`` here; what ``pop_narrowings`` needs to undo it."""
        return _push(self.narrowed, self.scope, found)

    def pop_narrowings(self, saved: list) -> None:
        _pop(self.narrowed, saved)

    def narrowed_receiver(self, value: ast.expr, attr: str, read: ast.Attribute) -> Instance | None:
        """The instance ``value``, a name or a ``chain``, is narrowed to here, for ``read`` of its
        ``attr``, or None.  A chain is, where nothing touches it between the test and the read
        (``runorder``): ``node.args.pop(0)`` or any call but an inspecting builtin's may put
        another object there."""
        key = chain(value)
        hit = self.narrowed.get(key) if key is not None else None
        if hit is None or hit[0] is not self.scope or not self._narrowable(hit[1], attr):
            return None
        if value.__class__ is not ast.Name and not untouched(hit[2], read, self._touch(value, hit[3:])):
            return None
        return Instance(hit[1])

    def _touch(self, value: ast.expr, origin: tuple = ()):
        """What may change what the chain ``value`` holds (``runorder.touches``): not a call of an
        inspecting builtin, nor one of a method of the member a narrowed chain reads
        (``tup.elts[0].s.isidentifier()``, a method of the constant's str or number), nor a
        string literal's method or one of the module's functions that change nothing
        (``narrowcalls``), nor the call of ``origin``, the helper whose result narrowed it."""
        links = _links(value)

        def inspecting(call: ast.Call) -> bool:
            func = call.func
            if func.__class__ is ast.Attribute:
                if func.value.__class__ is ast.Attribute:
                    key = chain(func.value.value)
                    hit = self.narrowed.get(key) if key is not None else None
                    if hit is not None and self._narrowable(hit[1], func.value.attr):
                        return True
                return string_method(call)
            if func.__class__ is not ast.Name:
                return False
            return call in origin or self.unchanging_call(func)

        return lambda node: touches(node, links, inspecting)

    def stored_receiver(self, value: ast.Name, attr: str) -> Instance | None:
        """The instance ``value`` is bound to, for a store to its ``attr`` that the target loses (a
        member whose entry says narrowed_by_isinstance: ``c = ast.Constant(1); c.n = 2`` sets a
        plain attribute on 3.14 and leaves the value), or None."""
        base = self.qualify(value)
        return base if base.__class__ is Instance and self._narrowable(base.cls, attr) else None

    def _narrowable(self, cls, attr: str) -> bool:
        """Is ``attr`` a member of ``cls`` whose entry says narrowed_by_isinstance (``ast.Constant.n``)?"""
        return any(m.cls == cls and m.entry.narrowed_by_isinstance for m in self.index.methods.get(attr, ()))

    def visit_ListComp(self, node) -> None:
        """The element runs only where every ``if`` held: visited under their isinstance() tests."""
        elements = [node.key, node.value] if node.__class__ is ast.DictComp else [node.elt]
        saved = []
        for at, generator in enumerate(node.generators):
            later = node.generators[at + 1:]  # the element runs for each turn of these
            saved += self.push_narrowings(self.element_narrowings(generator, generator.ifs, later, elements))
            if generator.ifs:
                saved += self.push_narrowings(self.narrowings(generator.ifs, generator.ifs, ast.ListComp(
                    elt=ast.Tuple(elts=elements, ctx=ast.Load()), generators=later) if later else elements))
        for element in elements:
            self.visit(element)
        if saved:
            self.pop_narrowings(saved)
        for generator in node.generators:
            self.visit(generator)

    visit_SetComp = visit_DictComp = visit_ListComp

    def visit_GeneratorExp(self, node) -> None:
        """As a list's, but its element runs when the generator is consumed, maybe after a name
        narrowed around it is bound again: only its own ``if``'s narrow there, unless a call
        runs it at once (``note_consumer``)."""
        outer = self.narrowed
        if outer and id(node) not in self.consumed:
            self.narrowed = {}
        self.visit_ListComp(node)
        self.narrowed = outer

    def note_consumer(self, call: ast.Call) -> None:
        """Where ``call``, its one argument a generator expression, runs that generator before it
        returns (a builtin of ``CONSUMING``, a string literal's ``join``: Babel 2.11.0's ``''.join(node.s
        for node in body.values)`` after ``all(isinstance(node, ast.Str) for node in body.values)``),
        the generator's elements read what is narrowed around the call (``self.consumed``)."""
        func = call.func
        if not call.keywords and (string_method(call) and func.attr == "join"
                                  or func.__class__ is ast.Name and self.qualify(func) in CONSUMING):
            self.consumed.add(id(call.args[0]))
