"""Receivers and the class graph: which stdlib class an attribute's receiver is an instance of.

``self.assertEquals`` is a removal only when ``self`` is an instance of a class that derives from
``unittest.TestCase``; ``ancestry`` walks the bases (local classes, then the catalog's class
hints) and collects the members classes on the way define themselves, which stop a match.  A
receiver of unknown type is reported (as a warning) only for the catalog's distinctive names,
and only where the project does not define a function or method of that name itself.
"""

from __future__ import annotations

import ast
import os

from outmoded.catalog.index import Method
from outmoded.contexts import ATTRIBUTE_ERRORS
from outmoded.scopes import STDLIB
from outmoded.summaries import ClassInfo
from outmoded.values import Instance, LocalClass, Value

# why renaming a method ``self`` reaches is unsafe: a class deriving from or mixing in the one it is
# read in defines the old name itself, and the new one would bypass it there
MIXED_OWN = "a class deriving from or mixing in this one defines the method itself"
# why renaming it is unsafe the other way round: a project class on the way defines the new name, which
# the old one did not reach (unittest's aliases were bound to TestCase's own assertEqual & co.), or
# reached only on some of the Pythons the project supports, or whose result it did not return
REPLACED_OWN = "a class of the project defines the replacement method itself, which the renamed call runs"


class Receivers:
    """Method matching for the scanner.  Expects ``self.index``, ``self.project``, ``self.path``,
    ``self.qualify`` and ``self.report`` from the classes it is combined with."""

    def ancestry(self, value, where: str | None = None, depth: int = 0) -> tuple[set[str], bool, set[str]]:
        """(known qualified ancestors, whether that list is complete, member names defined on the way).

        ``where`` is the file a qualified name was resolved in (a base of a class in another module
        is resolved from that module); classes of the project are followed across modules."""
        if isinstance(value, Instance):
            value = value.cls
        if depth > 30:
            return set(), False, set()
        if isinstance(value, str):
            known = self.index.ancestors(value)
            if value in self.index.bases or value.split(".")[0] in STDLIB or value.startswith("builtins."):
                return known, True, set()
            info = self.project.resolve(value, where or self.path)
            if isinstance(info, ClassInfo):
                return self._ancestry_of(info.bases, info.path, set(info.members), depth)
            if isinstance(info, str) and info != value:  # imported from outside the project
                return self.ancestry(info, where, depth + 1)
            return known, False, set()
        if isinstance(value, LocalClass):
            return self._ancestry_of(value.bases, self.path, set(value.members), depth)
        return set(), False, set()

    def _ancestry_of(self, bases, where: str, members: set, depth: int):
        known, complete = set(), True
        for base in bases:
            k, c, m = self.ancestry(base, where, depth + 1) if base is not None else (set(), False, set())
            known |= k
            complete &= c
            members |= m
        return known, complete, members

    def typed_method(self, func: ast.Attribute) -> str | None:
        """``Class.method`` for a call on an instance of a known class, e.g. ``SMTP(...).starttls``
        (a method with removed arguments or a behaviour entry)."""
        leaves = self.index.__dict__.get("_argument_leaves")
        if leaves is None:  # method names with removed arguments or changed parameters: most calls need no receiver
            leaves = self.index.__dict__["_argument_leaves"] = {n.rpartition(".")[2] for n in self.index.arguments} | {
                n.rpartition(".")[2] for n in self.index.behaviour_calls  # methods only: Connection.create_function
                if n.count(".") > 1 and n.split(".")[-2].lstrip("_")[:1].isupper()}
        if func.attr not in leaves:
            return None
        receiver = self.qualify(func.value)
        if not isinstance(receiver, (Instance, LocalClass)):
            return None
        known, _, members = self.ancestry(receiver)
        if func.attr in members:
            return None
        return next((f"{cls}.{func.attr}" for cls in sorted(known)
                     if f"{cls}.{func.attr}" in self.index.arguments
                     or f"{cls}.{func.attr}" in self.index.behaviour_calls), None)

    def super_receiver(self, call: ast.Call) -> LocalClass | None:
        """What ``super()`` (in a method) or ``super(Cls, self)`` stands for: the class's bases,
        without the members the class defines itself (``super().visit_Constant(node)`` in a
        NodeVisitor subclass that defines visit_Constant reaches NodeVisitor's)."""
        if call.keywords:
            return None
        cls = None
        if not call.args:
            scope = self.scope
            if scope.kind == "function" and scope.parent is not None and scope.parent.kind == "class":
                cls = scope.parent.bindings.get("__class__")
        elif len(call.args) == 2:
            cls = self.qualify(call.args[0])
        if not isinstance(cls, LocalClass):
            return None
        return LocalClass(f"super({cls.name})", cls.bases, frozenset())

    def check_method(self, node: ast.Attribute, receiver: Value) -> None:
        """Reports ``receiver.attr`` where it names a removed method of a class the receiver's
        derives from (or mixes into, or, for a distinctive name, a receiver of unknown type).
        Which method, if any, depends on the receiver and the name alone (the class graph, the
        project's classes and names): decided once per pair in a module (``self.path``), as a
        test class calls ``self.assertEquals`` in every method."""
        try:
            decided = self._methods_decided
        except AttributeError:
            decided = self._methods_decided = {}
        try:
            key = (receiver.__class__, receiver, node.attr)
            decision = decided[key]
        except KeyError:
            decision = decided[key] = self._method_of(receiver, node.attr)
        except TypeError:  # a receiver that does not hash: decided each time
            decision = self._method_of(receiver, node.attr)
        if decision is not None:
            method, context, unsafe = decision
            self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS, context=context,
                        unsafe=unsafe)

    def _method_of(self, receiver: Value, attr: str) -> tuple[Method, str | None, str | None] | None:
        """(the removed method ``receiver.attr`` reaches, the finding's context, why its fix is
        unsafe or None), or None."""
        known, complete, members = self.ancestry(receiver)
        if attr in members:
            return None  # the class defines the method itself
        candidates: list[Method] = self.index.methods[attr]
        # a project class deriving from the receiver's or mixing it in that defines the name
        # itself: there ``self.attr`` is its own method, which the rename would bypass or leave
        # (the user decides: an unsafe fix)
        mixed, own = self.mixed_into(receiver, attr)
        unsafe = MIXED_OWN if own else None
        for method in candidates:
            if method.cls in known:
                return method, None, unsafe or self._replacement_own(method, receiver, members)
        for method in candidates:
            if method.cls in mixed:
                return method, None, unsafe or self._replacement_own(method, receiver, members)
        if complete or mixed or any(known & set(m.entry.not_on) for m in candidates):
            return None
        for method in candidates:
            if method.entry.distinctive:
                if self._projects_own_method(attr):
                    return None
                return method, "unknown-receiver", None
        return None

    def _replacement_own(self, method: Method, receiver: Value, members: set) -> str | None:
        """Why renaming to the replacement would call another method than the old name did, or
        None: a project class the receiver's derives from, or one deriving from it or mixing it in,
        defines the replacement's name.  ``self.failUnless(x)`` in a test case whose base defines
        ``assertTrue`` ran ``unittest.TestCase.assertTrue`` (``failUnless = _deprecate(assertTrue)``
        binds the original); renamed, it runs the base's.  Not where, on every Python from the
        project's floor to the removal, the old method returned ``self.<replacement>(...)`` (the
        catalog's ``calls_replacement_since``: ``Thread.isAlive`` from 3.7), which ran the project's
        too."""
        leaf = (method.entry.replacement or "").rpartition(".")[2]
        if not leaf.isidentifier() or leaf == method.name:
            return None
        since = method.entry.calls_replacement_since
        if since is not None and self.index.min_version >= since:
            return None
        if leaf in members or self.mixed_into(receiver, leaf)[1]:
            return REPLACED_OWN
        return None

    def _projects_own_method(self, name: str) -> bool:
        """Does the project define a function or method of this name itself?  Then a receiver of
        unknown type may be its own object (salt 3008's tests call ``cmdmod.has_exec(...)`` on the
        loader's module defining ``has_exec``): the name is not distinctive there."""
        from outmoded.layout import module_of
        from outmoded.projectfiles import defines, project_root

        path = os.path.abspath(self.path)
        return defines(project_root(os.path.dirname(path)) or module_of(path)[1], name)

    def check_class_method(self, node: ast.Attribute, base: str) -> bool:
        """``configparser.ConfigParser.readfp``: a removed method a stdlib class inherits (the
        catalog's ``bases``), read on the class by its name, the stdlib's or a project module's
        that imports it; False when ``base`` is no such class.  PasteDeploy 2.0.1's loadwsgi.py,
        ``read_file = getattr(ConfigParser, 'read_file', ConfigParser.readfp)`` in a class body
        (ConfigParser from its compat module): the default is evaluated first, AttributeError on
        the real 3.12 and later."""
        cls = base if base in self.index.bases else None
        if cls is None and "." in base and base.split(".")[0] not in STDLIB:
            if not self._class_method_named(node.attr):
                return False  # no class of the hints has it: whatever base is, nothing to report
            resolved = self.project.resolve(base, self.path)
            cls = resolved if isinstance(resolved, str) and resolved in self.index.bases else None
        if cls is None:
            return False
        known = self.index.ancestors(cls)
        method = next((m for m in self.index.methods[node.attr] if m.cls in known and m.entry.kind == "method"), None)
        if method is not None:
            self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS)
        return True

    def _class_method_named(self, attr: str) -> bool:
        """Can ``check_class_method`` find or skip anything for ``attr``: a removed method of a
        class some class of the hints (``bases``) inherits, or a module member (its False lets
        ``check_module_member`` report)?  When not, the base need not be resolved: Twisted 18.9's
        names/authority.py, ``dns.__dict__.iterkeys()`` (``dict.iterkeys``, no hinted class a
        dict) read twisted/names/dns.py's outline for nothing."""
        return any(m.cls == "types.ModuleType" or m.entry.kind == "method" and any(
            sub in self.index.bases for sub in self.index.family(m.cls)) for m in self.index.methods[attr])

    def check_module_member(self, node: ast.Attribute) -> None:
        """``json.__cached__``: a removed member of ``types.ModuleType`` read on a dotted name.  A
        module has it until the removal; a class or function never had it, so it fails there too."""
        method = next((m for m in self.index.methods[node.attr] if m.cls == "types.ModuleType"), None)
        if method is not None:
            self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS)

    def mixed_into(self, receiver: Value, attr: str) -> tuple[set[str], bool]:
        """(stdlib ancestors of the project classes that mix ``receiver``'s class in (or derive
        from it) and do not define ``attr`` themselves, whether one of them does): ``class
        GzipTest(GzipBaseTest, AsyncHTTPTestCase)`` makes ``self`` in ``GzipBaseTest``'s methods a
        test case; ``class B(CheckMixin, MyCase)``, ``MyCase`` defining ``assertEquals``, makes
        renaming ``self.assertEquals`` there break ``B``."""
        cls = receiver.cls if isinstance(receiver, Instance) else receiver
        if isinstance(cls, LocalClass):
            info = self.project.local_class(self.path, cls.name)
        elif isinstance(cls, str):
            info = self.project.resolve(cls, self.path)
        else:
            return set(), False
        found: set[str] = set()
        own = False
        todo, seen = [info] if isinstance(info, ClassInfo) else [], set()
        while todo and len(seen) < 200:
            current = todo.pop()
            for user in self.project.users_of(current):
                if id(user) in seen:
                    continue
                seen.add(id(user))
                known, _, members = self._ancestry_of(user.bases, user.path, set(user.members), 0)
                if attr in members:
                    own = True
                    continue
                found |= known
                todo.append(user)
        return found, own
