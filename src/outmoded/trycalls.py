"""What a ``try`` body calls, for its handlers: the stdlib functions it calls (``_stdlib_calls``: a
removed name whose replacement is one of them is what the handlers stand in for), the stdlib
attributes the target has that it reads (``_present_reads``, matched the same way) and the members
the target's module or class has that it calls (``_present_owners``: its handlers are then the
fallback for Pythons without them).  ``TryCalls`` is the part of ``fallbacks.TryFallbacks`` that
asks.
"""

from __future__ import annotations

import ast

from outmoded.scopes import BUILTIN_NAMES, STDLIB
from outmoded.values import LOCAL, Instance, LocalClass


def _comprehended_call(value: ast.expr) -> ast.expr:
    """The call a comprehension's one loop runs over, through attributes and argument-less method
    calls on its result, when the element reads only the loop's names (obspy 1.5.1's
    decorator.py: ``try: inspected_args = [p.name for p in inspect.signature(func).parameters.values()]``
    / ``except AttributeError: inspected_args = inspect.getargspec(func).args``); else ``value``."""
    if not isinstance(value, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) or len(value.generators) != 1:
        return value
    loop = value.generators[0]
    names = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
    if loop.ifs or loop.is_async or not names or not all(
            isinstance(n, (ast.Name, ast.Attribute, ast.Load, ast.Tuple)) for n in ast.walk(value.elt)) or any(
            isinstance(n, ast.Name) and n.id not in names for n in ast.walk(value.elt)):
        return value
    root = loop.iter
    while True:
        if isinstance(root, ast.Call) and not root.args and not root.keywords and isinstance(root.func, ast.Attribute) \
                and isinstance(root.func.value, (ast.Call, ast.Attribute)):
            root = root.func.value
        elif isinstance(root, ast.Attribute) and isinstance(root.value, (ast.Call, ast.Attribute)):
            root = root.value
        else:
            break
    return root if isinstance(root, ast.Call) else value


def _walked(body: list[ast.stmt]):
    """The nodes of a ``try`` body's statements, but for the functions and classes it defines
    (what runs there, not later)."""
    for stmt in body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield from ast.walk(stmt)


class TryCalls:
    """Expects ``self.qualify``, ``self.projects_own``, ``self.ancestry``, ``self.project``,
    ``self.path`` and ``self.target`` from the classes it is combined with."""

    def _stdlib_calls(self, body: list[ast.stmt]) -> frozenset:
        """The names of the stdlib functions the ``try`` body calls: a handler below runs only
        where one raised, and one that a removed name's replacement names is what the handler is
        the fallback for (wrapt 2.5: ``try: importlib.metadata.entry_points(group=group)`` /
        ``except TypeError: importlib.metadata.entry_points().get(group, ())``, the pre-3.10
        SelectableGroups; ``guardnotes.context_of`` matches them against the replacement)."""
        found = set()
        for node in _walked(body):
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
                name = self.qualify(node.func)
                if isinstance(name, str) and name.split(".")[0] in STDLIB and not self.projects_own(
                        name.split(".")[0]):
                    found.add(name.rpartition(".")[2])
                elif name is None and isinstance(node.func, ast.Attribute) and self._of_stdlib_class(node.func):
                    found.add(node.func.attr)
        return frozenset(found)

    def _keyword_calls(self, body: list[ast.stmt]) -> frozenset:
        """The stdlib functions a ``try`` catching only TypeError calls with a keyword argument (by
        their names as argument findings spell them: ``open``, ``io.open``).  Its handler is the
        fallback for Pythons whose function lacked the keyword, and where the target's has it the
        body raises TypeError only for arguments of the wrong type, which fail the handler's call of
        that function as well: junos-eznc 2.8.2's ``try: open(path, "r", newline=None).read()`` /
        ``except TypeError: open(path, "rU").read()`` (on the real 3.13 a path of the wrong type
        fails both calls; the handler is Python 2's, whose open() had no newline=)."""
        found = set()
        for node in _walked(body):
            if isinstance(node, ast.Call) and node.keywords and all(k.arg for k in node.keywords) \
                    and isinstance(node.func, (ast.Attribute, ast.Name)):
                name = self.qualify(node.func)
                if isinstance(name, str) and name.split(".")[0] in STDLIB and not self.projects_own(
                        name.split(".")[0]):
                    found.add(name[len("builtins."):] if name.startswith("builtins.") else name)
        return frozenset(found)

    def _present_reads(self, body: list[ast.stmt]) -> frozenset:
        """The dotted names of the stdlib modules' attributes the ``try`` body reads that the
        target has (``present.has``): a removed name whose replacement names one of them (the
        catalog's text, ``guardnotes.context_of``) is what the handlers stand in for, where the
        replacement is missing.  gallery-dl 1.32.18's text.py: ``try: re_compile =
        re._compiler.compile`` / ``except AttributeError: re_compile = re.sre_compile.compile``,
        re.sre_compile's replacement being re._compiler (3.11+, whose members no listing holds)."""
        from outmoded.present import has

        found = set()
        for node in _walked(body):
            if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
                owner = self.qualify(node.value)
                if isinstance(owner, str) and owner.split(".")[0] in STDLIB \
                        and not self.projects_own(owner.split(".")[0]) and has(owner, node.attr, self.target):
                    found.add(f"{owner}.{node.attr}")
        return frozenset(found)

    def _of_stdlib_class(self, func: ast.Attribute) -> bool:
        """Is ``func`` a method called on an instance of a class deriving from a stdlib class,
        that the project's classes on the way do not define (supervisor 4.3's ``try:
        parser.read_file(fp)`` / ``except AttributeError: parser.readfp(fp)``, ``parser`` a
        RawConfigParser of its own subclass)?"""
        receiver = self.qualify(func.value)
        if not isinstance(receiver, (Instance, LocalClass)):
            return False
        known, _, members = self.ancestry(receiver)
        return func.attr not in members and any(
            k.split(".")[0] in STDLIB and not self.projects_own(k.split(".")[0]) for k in known)

    def _present(self, node: ast.expr) -> bool:
        """Is ``node`` a stdlib module's attribute that the real interpreter of the target lists
        (``present.has``), or a member its stdlib class lists (``present.has_member``)?  simplejson
        4.3: ``try: return collections.OrderedDict`` / ``except AttributeError: from . import
        ordered_dict``; reportlab 5.1's tests: ``try: a = self.assertRaisesRegex`` / ``except
        AttributeError: a = self.assertRaisesRegexp`` in a ``unittest.TestCase``."""
        return isinstance(node, ast.Attribute) and bool(self._owners(node))

    def _owners(self, node: ast.Attribute) -> frozenset:
        """The stdlib modules or classes whose member ``node`` is and that have it on the target:
        a stdlib module's attribute, a stdlib class's (``configparser.RawConfigParser.read_string``),
        or one on an instance of a class deriving from stdlib classes, which the project's classes
        on the way do not define (a project's method may raise AttributeError itself)."""
        from outmoded.present import has, has_member

        owner = self.qualify(node.value)
        if isinstance(owner, str) and owner.split(".")[0] not in STDLIB and "." in owner:
            resolved = self.project.resolve(owner, self.path)  # supervisor.compat's ConfigParser
            owner = resolved if isinstance(resolved, str) else owner
        if isinstance(owner, str):
            root = owner.split(".")[0]
            if root not in STDLIB or self.projects_own(root):
                return frozenset()
            if has(owner, node.attr, self.target) or has_member(owner, node.attr, self.target):
                return frozenset({owner})
            return frozenset()
        if not isinstance(owner, (Instance, LocalClass)):
            return frozenset()
        known, _, members = self.ancestry(owner)
        if node.attr in members:
            return frozenset()
        return frozenset(k for k in known if k.split(".")[0] in STDLIB and not self.projects_own(k.split(".")[0])
                         and has_member(k, node.attr, self.target))

    def _present_owners(self, body: list[ast.stmt], handlers: list = ()) -> frozenset:
        """The owners (``_owners``) of what a ``try`` body catching only AttributeError calls, when
        it is one statement making one such call: its handlers are then the fallback for Pythons
        whose class (or module) lacks that member, and a removed member of the same owner there
        is dead compatibility code (supervisor 4.3.0's options.py: ``try: return
        ConfigParser.RawConfigParser.read_string(self, string, source)`` / ``except
        AttributeError: return self.readfp(StringIO(string))``).  As for the replacements a body
        calls (``_stdlib_calls``), an AttributeError raised inside the call is not told; nor one
        raised by the statements after it that only bind names from what it returned, with
        builtins as their only calls (plotly 7.1.0's ``try: init_sig = inspect.signature(f);
        init_args = list(init_sig.parameters.keys())`` / ``except AttributeError: argspec =
        inspect.getargspec(f)``), nor by a comprehension over what it returned (``_comprehended_call``).
        On a receiver of unknown type that the handlers use too, the method's name: a removed
        method whose replacement it is was found by its name alone, and is then the fallback
        (mitogen 0.3.54's tests: ``try: return thread.is_alive()`` / ``except AttributeError:
        return thread.isAlive()``)."""
        if not body or not isinstance(body[0], (ast.Return, ast.Expr, ast.Assign)):
            return frozenset()
        if len(body) > 1 and not (isinstance(body[0], ast.Assign) and all(self._uses_result(s) for s in body[1:])):
            return frozenset()
        call = _comprehended_call(body[0].value)
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute) or any(
                isinstance(n, ast.Call) for arg in (*call.args, *(k.value for k in call.keywords))
                for n in ast.walk(arg)):
            return frozenset()
        owners = self._owners(call.func)
        receiver = call.func.value
        if not owners and len(body) == 1 and isinstance(receiver, ast.Name) \
                and self.qualify(receiver) in (LOCAL, None) \
                and all(any(isinstance(n, ast.Name) and n.id == receiver.id for n in ast.walk(h)) for h in handlers):
            return frozenset({call.func.attr})
        return owners

    def _uses_result(self, stmt: ast.stmt) -> bool:
        """Does ``stmt`` only bind a name (or return) from names, attributes, literals and calls of
        builtins or of methods on those (``init_args = list(init_sig.parameters.keys())``)?"""
        if not isinstance(stmt, (ast.Assign, ast.Return)) or stmt.value is None or not all(
                isinstance(t, ast.Name) for t in getattr(stmt, "targets", ())):
            return False
        for node in ast.walk(stmt.value):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not self._builtin(node.func):
                return False
            if isinstance(node, (ast.Lambda, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
                return False
            if isinstance(node, ast.Name) and isinstance(self.qualify(node), str) and not self._builtin(node):
                return False  # a module or an imported name: more than the result
        return True

    def _builtin(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id in BUILTIN_NAMES \
            and self.qualify(node) == f"builtins.{node.id}"
