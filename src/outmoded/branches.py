"""Version branches and attribute probes: which branch of an ``if`` runs on the target.

A branch that a version check (``outmoded.guards``) excludes on the target is not visited; one a
check takes only from a version that no longer has the API is code written for Pythons without it
("since"); ``hasattr()`` of the removed name (or of its replacement, in the ``else``) makes a
branch dead compatibility code; ``if __name__ == "__main__":`` is remembered for script-only
code; an operand of ``and`` after such a ``hasattr()`` likewise.  ``VersionBranches`` is the part
of ``contexts.GuardContexts`` that walks ``if``, ``while``, conditional expressions and ``and``.
"""

from __future__ import annotations

import ast

from outmoded import guards, probes
from outmoded.guardcontext import Context
from outmoded.narrowing import NARROWING_TESTS, NEGATED_TESTS
from outmoded.stdnames import STDLIB
from outmoded.values import Instance, LocalClass


PROBES = frozenset(("hasattr", "getattr", "isinstance"))  # the calls an operand of and may be guarded by
PROBE_TESTS = (ast.Call, ast.UnaryOp, ast.BoolOp)  # the tests asks_for_removed reads (a call, not, and)


def probed(node: ast.expr, qualify) -> str | None:
    """The attribute name ``node`` asks for as a truth value: ``hasattr(x, "name")``, or
    ``getattr(x, "name", <a false constant>)`` (mercurial 7.2's tests: ``if not
    getattr(unittest.TestCase, 'assertRaisesRegex', False):``), which is true where ``x`` has a
    method or class of that name."""
    if not (isinstance(node, ast.Call) and not node.keywords and len(node.args) in (2, 3)
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
        return None
    func = qualify(node.func)
    if len(node.args) == 2 and func == "builtins.hasattr":
        return node.args[1].value
    default = node.args[2] if len(node.args) == 3 else None
    if func == "builtins.getattr" and isinstance(default, ast.Constant) and not default.value:
        return node.args[1].value
    return None


def hasattr_names(test: ast.expr, qualify) -> tuple[frozenset, frozenset]:
    """Attribute names checked by ``hasattr`` (or ``probed`` so) in ``test``: (true in body, true in else)."""
    positive, negative = set(), set()
    for node in ast.walk(test):
        negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
        call = node.operand if negated else node
        name = probed(call, qualify) if isinstance(call, ast.Call) else None
        if name is not None:
            (negative if negated else positive).add(name)
    return frozenset(positive - negative), frozenset(negative)


def dead_reason(*verdicts: bool | str) -> str:
    """Why a side ``asks_for_removed`` calls dead never runs: the reason it gave ("isinstance",
    "truthy"), else "hasattr"."""
    return next((v for v in verdicts if isinstance(v, str)), "hasattr")


def is_main_test(test: ast.expr) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(n, ast.Name) and n.id == "__name__" for n in sides) and any(
        isinstance(n, ast.Constant) and n.value == "__main__" for n in sides)


def main_blocks(module: ast.Module) -> list[tuple[int, int]]:
    """The line spans of the module's top-level ``if __name__ == "__main__":`` bodies: what
    importing it never runs (a dependency's modules, the helpers a setup.py imports)."""
    return [(s.body[0].lineno, s.body[-1].end_lineno or s.body[-1].lineno) for s in module.body
            if isinstance(s, ast.If) and is_main_test(s.test)]


class VersionBranches(ast.NodeVisitor):
    """Branches for the scanner.  Expects ``self.block``, ``self.contexts``, ``self.evaluate``,
    ``self.flag_lookup``, ``self.if_tests``, ``self.qualify``, ``self.scope``, ``self.target``,
    ``self.projects_own`` and ``self.index`` from the classes it is combined with."""

    def visit_IfExp(self, node: ast.IfExp) -> None:
        """Like an ``if``: a ``hasattr()`` test guards its sides (xonsh 0.25's ``entries.select(group=name)
        if hasattr(entries, "select") else entries.get(name, [])``, where ``entries =
        metadata.entry_points()`` has ``select`` from 3.10: the ``else`` never runs on 3.12+).  The
        probes are asked only of a test that is a call, ``not`` or ``and``/``or``, where the expression
        may hold a finding."""
        verdict = self.evaluate(node.test)
        probes_asked = verdict is None and node.test.__class__ in PROBE_TESTS and self.may_contain_finding(node)
        positive, negative = hasattr_names(node.test, self.qualify) if probes_asked else (frozenset(), frozenset())
        body_dead, else_dead = self.asks_for_removed(node.test) if probes_asked else (False, False)
        why = dead_reason(body_dead, else_dead)
        if verdict is not False:
            narrowed = self.push_narrowings(self.narrowings([node.test], node.test, node.body)) \
                if node.test.__class__ in NARROWING_TESTS else None
            self._guarded_block(node.body, positive, negative, body_dead, why)
            if narrowed:
                self.pop_narrowings(narrowed)
        if verdict is not True:
            self._guarded_block(node.orelse, negative, positive, else_dead, why)
        if verdict is None:
            self.visit(node.test)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        """An operand of ``and`` runs only where those before it hold: after ``hasattr(module,
        "name")`` of a removed name it never runs on the target, and a name a ``hasattr()``
        before it asked for is guarded (unittest2 1.1.0's loader: ``(hasattr(types,
        'UnboundMethodType') and isinstance(obj, types.UnboundMethodType))``).  Only where an
        operand before the last calls ``hasattr``, ``getattr`` or ``isinstance`` by name and the
        expression may hold a finding."""
        values = node.values
        if not (node.op.__class__ is ast.And and any(v.__class__ is ast.Call and v.func.__class__ is ast.Name
                                                     and (v.func.id in PROBES or v.func.id in self.module_functions)
                                                     for v in values[:-1])
                and self.may_contain_finding(node)):  # a module function may test isinstance (narrowcalls)
            for value in values:
                self.visit(value)
            return
        self.visit(values[0])
        narrowed = []  # isinstance(name, Class) before: name is an instance of Class (narrowing)
        for at in range(1, len(values)):
            before = values[0] if at == 1 else ast.BoolOp(op=ast.And(), values=values[:at])
            positive, _ = hasattr_names(before, self.qualify)
            dead, _ = self.asks_for_removed(before)
            pushed = [Context("hasattr", names=positive)] if positive else []
            if dead:
                pushed.append(Context("dead", names=frozenset({dead_reason(dead)})))
            self.contexts.extend(pushed)
            narrowed += self.push_narrowings(self.narrowings([values[at - 1]], values[at - 1:]))
            self.visit(values[at])
            del self.contexts[len(self.contexts) - len(pushed):]
        self.pop_narrowings(narrowed)

    def visit_If(self, node: ast.If) -> None:
        verdict = self.evaluate(node.test)
        if verdict is None:
            self.visit(node.test)
        positive, negative = hasattr_names(node.test, self.qualify)
        body_dead, else_dead = self.asks_for_removed(node.test)
        why = dead_reason(body_dead, else_dead)
        if node.body and isinstance(node.body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break, ast.Expr)):
            # block() asks again when the body terminates; the rest of the block is dead after an
            # isinstance() the target decides true (obspy 1.5.1: if not isinstance(eps, dict): return)
            self.if_tests[node] = (verdict, positive, else_dead == "isinstance" and not node.orelse)
        main = self.scope.kind == "module" and is_main_test(node.test)
        if main:
            self.contexts.append(Context("main"))
        since = self._since(node.test, verdict) if verdict is not None else ()
        self.contexts.extend(since)
        decided = verdict is not None  # a bool constant assigned in the branch taken is a flag (Bindings)
        self.decided += decided
        if verdict is not False:
            narrowed = self.push_narrowings(self.narrowings([node.test], node.test, node.body)) \
                if node.test.__class__ in NARROWING_TESTS else None
            # an earlier test of the elif chain said no: the body never runs
            dead, reason = ("isinstance",) * 2 if narrowed and self.never_holds(node) else (body_dead, why)
            self._guarded_block(node.body, positive, negative, dead, reason)
            if narrowed:
                self.pop_narrowings(narrowed)
        if main:
            self.contexts.pop()
        if verdict is not True:
            narrowed = self.push_narrowings(self.negated_narrowings(node.test, node.test, node.orelse)) \
                if node.orelse and node.test.__class__ in NEGATED_TESTS else None
            if node.orelse:
                self.note_exclusions(node)
            self._guarded_block(node.orelse, negative, positive, else_dead, why)
            if narrowed:
                self.pop_narrowings(narrowed)
        self.decided -= decided
        del self.contexts[len(self.contexts) - len(since):]

    def _since(self, test: ast.expr, verdict: bool) -> list[Context]:
        """[Context("since", names={(3, N)})] when the branch a version check takes on the target
        runs only from 3.N on (3.N > 3.0): mypy 2.4's ``if sys.version_info >= (3, 12): # From
        setuptools' monkeypatch / from distutils import ccompiler`` is written for Pythons that
        have no distutils, so the name comes from elsewhere (a backport) and is not a removal
        there.  Only versions the test itself tells apart count: names bound to the version
        (``v = sys.version_info[:2]``) and flags hold their target value."""
        if probes.asks_listing(test):
            return []
        known: dict = {}

        def lookup(node: ast.AST):  # what a name stands for is the same at every version asked
            found = known.get(id(node))
            if found is None or found[0] is not node:  # the node kept: its id is not another's
                found = known[id(node)] = (node, self.flag_lookup(node))
            return found[1]

        lowest = self.target
        for minor in range(self.target[1] - 1, -1, -1):
            if guards.evaluate(test, (self.target[0], minor), lookup) is not verdict:
                break
            lowest = (self.target[0], minor)
        else:
            return []
        return [Context("since", names=frozenset({lowest}))]

    def written_for(self, removed_in: tuple[int, int] | None) -> bool:
        """Does code here run only on Pythons from ``removed_in`` on (see ``_since``)?"""
        return removed_in is not None and any(
            c.kind == "since" and min(c.names) >= removed_in for c in self.contexts)

    def asks_for_removed(self, test: ast.expr) -> tuple[bool | str, bool | str]:
        """(body dead, else dead) when ``test`` is ``hasattr(module, "name")`` -- alone, negated or
        one term of an ``and`` -- for a name removed on the target: nose's ``if hasattr(types,
        'ClassType'): ClassType = types.ClassType; TypeType = types.TypeType`` never runs there.
        A third-party copy of the module (the catalog's ``mirrors``: ``gevent.socket``) lacks it too.
        ``hasattr()`` alone of a name the target's module has makes its other side dead.  The same
        for ``isinstance()`` decided on the target (``_isinstance_on_target``), "isinstance" then,
        and for a name bound to an object of a class the catalog lists as ``truthy``, "truthy" then
        (stomp.py 9.0.0: ``tls_context = ssl.SSLContext(...)`` / ``if tls_context:`` ... ``else:
        ssl.wrap_socket(...)``)."""
        negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        call = test.operand if negated else test
        if call.__class__ is ast.Name and self.index.truthy:  # if name: where name is always true
            value = self.qualify(call)
            if isinstance(value, Instance) and value.cls in self.index.truthy:
                return ("truthy", False) if negated else (False, "truthy")
        terms = call.values if isinstance(call, ast.BoolOp) and isinstance(call.op, ast.And) and not negated \
            else [call]
        for term in terms:
            name = probed(term, self.qualify)
            if name is not None:
                base = self.qualify(term.args[0])
                if isinstance(base, Instance) and isinstance(base.cls, str) and base.cls.split(".")[0] in STDLIB:
                    base = base.cls  # an instance has what its stdlib class lists (members listing)
                if isinstance(base, str):
                    base = self.index.mirrors.get(base, base)  # gevent.socket lacks what socket lost
                if isinstance(base, str) and f"{base}.{name}" in self.index.names or \
                        base is None and self._class_attribute_lacks(term.args[0], name):
                    return (False, True) if negated else (True, False)
                if len(terms) == 1 and self._target_has(base, name):
                    return (True, False) if negated else (False, True)
            holds = self._isinstance_on_target(term)
            if holds is False:
                return (False, "isinstance") if negated else ("isinstance", False)
            if holds and len(terms) == 1:
                return ("isinstance", False) if negated else (False, "isinstance")
        return False, False

    def _class_attribute_lacks(self, node: ast.expr, name: str) -> bool:
        """Is ``node``, ``self.attr`` (or ``cls.attr``) in a method of a module-level class, a
        class attribute that lacks ``name`` on the target in every class of the project that can
        give it (``classattributes``: pyftpdlib 2.2.0's ``hasattr(self.client_class, "ssl_version")``)?"""
        if not isinstance(node, ast.Attribute):
            return False
        owner = self.qualify(node.value)
        cls = owner.cls if isinstance(owner, Instance) else owner
        if not isinstance(cls, LocalClass):
            return False
        from outmoded.classattributes import lacking

        return lacking(self.project, self.path, cls.name, cls.node.lineno if cls.node is not None else None, node.attr,
                       name, self.target, self.index.names)

    def _isinstance_on_target(self, test: ast.expr) -> bool | None:
        """What ``isinstance(x, T)`` (``T`` a builtin type, or a tuple of them) answers on the
        target when ``x`` is typed as a class the catalog's ``instances`` lists there (the classes
        its objects are instances of, from the real interpreters), else None.  A builtin type's
        ``isinstance()`` is its MRO's: sentry-sdk 2.76's tests, ``all_eps = entry_points()`` /
        ``if isinstance(all_eps, dict): all_eps.get(group)``, the 3.8/3.9 dict of groups; from
        3.12 on entry_points() returns an EntryPoints, a tuple."""
        if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"
                and len(test.args) == 2 and not test.keywords and self.index.instances
                and self.qualify(test.func) == "builtins.isinstance"):
            return None
        receiver = self.qualify(test.args[0])
        classes = self.index.instances.get(receiver.cls) if isinstance(receiver, Instance) \
            and isinstance(receiver.cls, str) else None
        if classes is None:
            return None
        kinds = test.args[1].elts if isinstance(test.args[1], ast.Tuple) else [test.args[1]]
        names = [self.qualify(kind) for kind in kinds]
        if not names or not all(isinstance(n, str) and n.startswith("builtins.") for n in names):
            return None
        return any(name in classes for name in names)

    def _target_has(self, module: object, name: str) -> bool:
        """Does the target's stdlib ``module`` (or class) certainly have ``name`` (``present.has``)?  Then the
        other side of ``hasattr(module, name)`` never runs there: pony 0.7.20's ``if
        hasattr(inspect, "signature"): ... else: inspect.getargspec(func)``."""
        root = module.split(".")[0] if isinstance(module, str) else None
        if root not in STDLIB or self.projects_own(root):
            return False
        from outmoded.present import has, has_member, imports_submodule, module_on

        # a stdlib class or an instance of one: what dir() of the class lists there (Chameleon
        # 4.6.0's tests: importer = zipimport.zipimporter(path) / if hasattr(importer,
        # 'find_spec'): ... else: importer.load_module(name), gone in 3.15)
        if has_member(module, name, self.target) is True:
            return True
        # a submodule is an attribute only once something imported it (importlib.util), unless the
        # package's own import binds it (asynctest 0.13.0: if hasattr(asyncio, "format_helpers"):
        # ... else: asyncio.events._format_callback, gone in 3.7 with format_helpers' arrival)
        return has(module, name, self.target) is True and (not module_on(f"{module}.{name}", self.target)
                                                           or imports_submodule(module, name, self.target))

    def in_main_block(self) -> bool:
        """Does code here run when the module is a script's main module, at its top level (not in
        a function, which anything may call later)?"""
        return self.scope.kind == "module" and any(c.kind == "main" for c in self.contexts)


    def _guarded_block(self, body: list[ast.stmt] | ast.expr, names: frozenset, missing: frozenset,
                       dead: bool | str = False, why: str = "hasattr") -> None:
        """``body`` (a block, or one side of a conditional expression) under what its test asked:
        the names ``hasattr()`` found there (``names``) or missing (``missing``), and ``dead``."""
        pushed = [Context(kind, names=n) for kind, n in (("hasattr", names), ("replaced", missing)) if n]
        if dead:  # hasattr() asks for a removed name: dead compatibility code whatever it uses
            pushed.append(Context("dead", names=frozenset({why})))
        self.contexts.extend(pushed)
        self.block(body) if isinstance(body, list) else self.visit(body)
        del self.contexts[len(self.contexts) - len(pushed):]

    def visit_While(self, node: ast.While) -> None:
        self.visit(node.test)
        self.block(node.body)
        self.block(node.orelse)
