"""Try bodies and their fallbacks: which statements of a ``try`` run on the target, and what its
handlers are.

A ``try`` whose body cannot fail on the target (a stdlib import that exists there, a builtin named)
has handlers that never run; one whose body imports a removed module stops there, and its
``except ImportError:`` handlers run for sure.  What the handlers do decides how a removal in the
body is reported (``handlers.fallback_kind``): an alternative ("fallback", dead compatibility code), only
constants ("lost-feature": the feature silently stops working), or a raise or ``sys.exit()`` (the
failure escapes: an error).  ``TryFallbacks`` is the part of ``contexts.GuardContexts`` that walks ``try``
statements.
"""

from __future__ import annotations

import ast
import os
import re

from outmoded.expectations import may_skip, reads_only_in_skipped
from outmoded.guardcontext import (
    ANY_ERROR,
    ATTRIBUTE_ERRORS,
    EMPTY_TYPES,
    IMPORT_ERRORS,
    NAME_ERRORS,
    PROBE_ERRORS,
    PY2_BUILTINS,
    TYPE_ERRORS,
    Context,
)
from outmoded.handlers import bool_flags, caught_names, fallback_kind, handler_for
from outmoded.projectfiles import project_root
from outmoded.scopes import BUILTIN_NAMES
from outmoded.testenv import is_test_file
from outmoded.trycalls import TryCalls
from outmoded.tryimports import TryImports
from outmoded.values import LOCAL


def _raises_import_error(body: list[ast.stmt]) -> bool:
    """Does this ``try`` body raise ImportError (or ModuleNotFoundError) itself, outside the
    functions and classes it defines: ``raise ImportError()``, ``raise ImportError``?"""
    pending = [s for s in body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(raised, ast.Name) and raised.id in IMPORT_ERRORS:
                return True
        elif isinstance(node, ast.stmt):
            pending.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt) and not isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
            if isinstance(node, ast.Try):
                pending.extend(s for h in node.handlers for s in h.body)
    return False


def _unpacks(target: ast.expr, value: ast.expr) -> bool:
    """Is ``target`` a name, or a tuple of names as long as the tuple ``value`` (py 1.4.34's
    ``try: set, frozenset = set, frozenset`` / ``except NameError: from sets import ...``)?"""
    if isinstance(target, ast.Name):
        return True
    return isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts) \
        and all(isinstance(t, ast.Name) for t in target.elts)


class TryFallbacks(TryCalls, TryImports, ast.NodeVisitor):
    """``try`` statements for the scanner.  Expects ``self.block``, ``self.contexts``, ``self.qualify``,
    ``self.bind``, ``self.scope``, ``self.index``, ``self.target``, ``self.projects_own``,
    ``self.ancestry``, ``self.project``, ``self.path``, ``self.evaluate`` and ``self.removed_module`` from the classes
    it is combined with."""

    def visit_Try(self, node: ast.Try) -> None:
        caught = frozenset().union(*(caught_names(h, self.qualify) for h in node.handlers)) \
            if node.handlers else frozenset()
        certain = bool(node.body) and all(self._succeeds(s) for s in node.body)  # before it binds names
        fallback = fallback_kind(node.handlers, self._whole_def if self.reduced and any(
            self.may_contain_finding(s) for s in node.body) else None)  # else it matters to no finding
        if fallback == "fallback" and not certain and self._handler_import_fails(node.handlers):
            fallback = None  # its import fails as well on Python 3: see _handler_import_fails
        if fallback == "lost-feature" and (self._binds_builtins_only(node.body) or self._else_binds_builtins_only(node)
                                           or self._binds_star_names_only(node.body)):
            fallback = "fallback"  # googletest's try: from sets import Set as set / except ImportError: pass
        if fallback == "lost-feature" and not certain and any(self.may_contain_finding(s) for s in node.body) \
                and self._disables_skipped_tests_only(node):
            fallback = "fallback"  # the tests needing it say they are skipped: see _disables_skipped_tests_only
        flags = self._failure_flags(node) if not certain else set()
        if flags and fallback == "lost-feature" and isinstance(node.body[0], ast.Expr):
            fallback = "fallback"  # a probe whose outcome a flag records: see _failure_flags
        after = self._calls_after(node) if fallback == "lost-feature" else frozenset()
        self.contexts.append(Context("try", caught=caught, fallback=fallback, names=after))
        self.block(self._runs_of(node.body, caught))
        self.contexts.pop()
        imports = [s for s in node.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        if certain:
            # ``try: set / except NameError: from sets import Set as set``: the body cannot fail on
            # the target, so its handlers are compatibility code for older Pythons that never runs
            self._bind_success_flags(node)
            for handler in node.handlers:
                if handler.type is not None:
                    self.visit(handler.type)
            self.block(node.orelse)
            self.block(node.finalbody)
            return
        probe = bool(caught & PROBE_ERRORS)
        if probe:  # its handlers are the other side of the probe: fix leaves them alone too
            self.contexts.append(Context("probe"))
        tried = self._stdlib_calls(node.body) if any(self.may_contain_finding(h) for h in node.handlers) \
            else frozenset()
        if tried:  # a removed name whose replacement the body calls: its handlers run only without it
            self.contexts.append(Context("replaced", names=tried))
        retried = self._keyword_calls(node.body) if caught == TYPE_ERRORS and any(
            self.may_contain_finding(h) for h in node.handlers) else frozenset()
        if retried:  # its handler calls them the old way: see trycalls._keyword_calls
            self.contexts.append(Context("retried", names=retried))
        attribute_probe = caught == ATTRIBUTE_ERRORS and any(self.may_contain_finding(h) for h in node.handlers)
        owners = self._present_owners(node.body, node.handlers) if attribute_probe else frozenset()
        if owners:  # the body calls a member the target's class (or module) has: see _present_owners
            self.contexts.append(Context("replaced", names=owners))
        read = self._present_reads(node.body) if attribute_probe else frozenset()
        if read:  # a removed name whose replacement the body reads: see _present_reads
            self.contexts.append(Context("reads", names=read))
        raises = any(self.may_contain_finding(h) for h in node.handlers) and _raises_import_error(node.body)
        for handler in node.handlers:
            self._visit_handler(handler, imports, raises)
        self._bind_past_exits(node, imports)
        for name in self._missing_names(node) if imports else ():
            self.bind(name, False)  # None there: see tryimports._missing_names
        for name, value in flags:
            self.bind(name, value)
        if tried:
            self.contexts.pop()
        if retried:
            self.contexts.pop()
        if owners:
            self.contexts.pop()
        if read:
            self.contexts.pop()
        if probe:
            self.contexts.pop()
        provided = self._failing_modules(imports, node.body) if node.orelse else frozenset()
        if provided:  # the else runs only where the body's imports worked: what they bind is there
            self.contexts.append(Context("replaced", names=provided))
        self.block(node.orelse)
        if provided:
            self.contexts.pop()
        self.block(node.finalbody)

    visit_TryStar = visit_Try

    def _failing_modules(self, imports: list, body: list) -> frozenset:
        """The modules (and from-imported submodules) of the imports of a ``try`` body that fail on
        the target: its ``else`` runs only where they were imported after all, so their members
        are there (tweepy 4.17.0's api.py: ``try: import imghdr`` / ``except ModuleNotFoundError:
        pass`` / ``else: file_type = imghdr.what(filename, h=h)``).  A name bound to a module
        imported by name counts as its import (aerich 0.10.1's utils.py: ``try: imp =
        importlib.import_module("imp")`` / ``except ImportError:`` ... / ``else: return
        imp.load_source(name, filename)``)."""
        names = set()
        for stmt in body:
            value = stmt.value if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
            if value.__class__ is ast.Call and value.args and value.args[0].__class__ is ast.Constant:
                module = self._dynamically_imported(value)
                if module is not None and self.removed_module(module) is not None:
                    imports = [*imports, ast.copy_location(ast.Import(names=[ast.alias(name=module)]), stmt)]
        for stmt in imports:
            if not self._import_fails(stmt):
                continue
            if isinstance(stmt, ast.Import):
                names.update(alias.name for alias in stmt.names)
            else:
                names.add(stmt.module)
                names.update(f"{stmt.module}.{alias.name}" for alias in stmt.names)
        return frozenset(names)

    def _calls_after(self, node: ast.Try) -> frozenset:
        """The functions the statement after ``node`` in its block calls (in its body when it is a
        ``try``), by their qualified names: a handler that only disables what the body provides loses nothing when that
        is the replacement of what the body lacks (mitogen 0.3.54's utils.py: ``try:
        sys.setcheckinterval(100000)`` / ``except AttributeError: pass``, then ``try:
        sys.setswitchinterval(10)`` / ``except AttributeError: pass``)."""
        block = self.current_block
        index = next((i for i, stmt in enumerate(block) if stmt is node), None)
        if index is None or index + 1 == len(block):
            return frozenset()
        after = block[index + 1]
        return frozenset(name for stmt in (after.body if isinstance(after, ast.Try) else [after])
                         for call in ast.walk(stmt) if isinstance(call, ast.Call)
                         for name in [self.qualify(call.func)] if isinstance(name, str))

    def _disables_skipped_tests_only(self, node: ast.Try) -> bool:
        """Do the handlers bind names to constants (``_SelectableGroups = None``) that the module
        reads only to skip the tests needing them, and in those tests
        (``expectations.reads_only_in_skipped``)?  The feature is then lost to nothing but tests
        that announce they are skipped.  Only a module-level ``try``, and names no other module can
        import for their own use: private ones, or any in a test file."""
        if self.scope.kind != "module" or not may_skip(self.text):
            return False
        values = {t.id: stmt.value.value for h in node.handlers for stmt in h.body
                  if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
                  for t in stmt.targets if isinstance(t, ast.Name)}
        if not values or not (all(name.startswith("_") for name in values) or is_test_file(
                os.path.abspath(self.path), project_root(os.path.dirname(os.path.abspath(self.path))) or "/")):
            return False
        body = self.whole_body()
        return body is not None and reads_only_in_skipped(body, values)

    def _whole_def(self, function: ast.FunctionDef) -> ast.FunctionDef | None:
        """The same def of the whole text's tree (``whole_body``, parsed once: asked only of a def
        in a handler whose body the sieve may have left out), None when it cannot be found."""
        body = self.whole_body()
        if body is None:
            return None
        return next((f for f in ast.walk(ast.Module(body=body, type_ignores=[])) if isinstance(
            f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.lineno == function.lineno and f.name == function.name), None)

    def _bind_success_flags(self, node: ast.Try) -> None:
        """A name the body sets to True or False and a handler to the opposite says whether the
        body ran; it cannot fail on the target, so the name holds the body's value there (ldap3
        2.9's ``try: from ssl import create_default_context; use_ssl_context = True`` / ``except
        ImportError: use_ssl_context = False``, then ``if use_ssl_context: ... else:
        ssl.wrap_socket(...)``)."""
        opposite = set().union(*(bool_flags(h.body) for h in node.handlers))
        for name, value in bool_flags(node.body):
            if (name, not value) in opposite:
                self.bind(name, value)

    def _failure_flags(self, node: ast.Try) -> set:
        """When the body's first statement certainly raises TypeError on the target (``_lost_keyword``),
        the flags the handler catching it sets (True or False there, the opposite elsewhere in the
        ``try``) hold that value after it: skyfield 1.55's iokit.py, ``try: urlopen('', cafile=None)``
        / ``except TypeError: _supports_cafile_argument = False`` / ``except ValueError: ... = True``,
        then ``elif _supports_cafile_argument: urlopen(url, cafile=...)``, never run on the real
        3.13-3.15.  Such a body, a call whose result is discarded, is a probe: what the program does
        without the argument is decided where the flag is read, so its handlers lose no feature."""
        stmt = node.body[0] if node.body else None
        call = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
        if not isinstance(call, ast.Call) or not self._lost_keyword(call):
            return set()
        handler = handler_for(node.handlers, TYPE_ERRORS, self.qualify)
        if handler is None:
            return set()
        elsewhere = bool_flags(node.body + node.orelse).union(*(bool_flags(h.body) for h in node.handlers if h is not handler))
        return {(name, value) for name, value in bool_flags(handler.body) if (name, not value) in elsewhere}

    def _lost_keyword(self, call: ast.Call) -> bool:
        """Does ``call`` pass by keyword an argument its stdlib function lost on the target (a catalog
        ``argument`` entry, no value condition), its arguments only constants and bound names?"""
        name = self.qualify(call.func)
        if not isinstance(name, str) or name not in self.index.arguments or self.projects_own(name.split(".")[0]):
            return False
        values = [*call.args, *(k.value for k in call.keywords)]
        if any(k.arg is None for k in call.keywords) or not all(
                isinstance(v, ast.Constant) or (isinstance(v, ast.Name) and not self._unbound(v.id)) for v in values):
            return False
        lost = {e.argument for e in self.index.arguments[name] if e.value_contains is None}
        return any(k.arg in lost for k in call.keywords)

    def _bind_past_exits(self, node: ast.Try, imports: list) -> None:
        """Where every handler catching the ImportError returns, the code past the ``try`` (in the
        function) runs only where its imports worked, from a backport
        then (virtualenv 20.26's ``try: from distutils import dist / except ImportError: return {}``,
        then ``dist.Distribution(...)``, fine with setuptools' distutils and never reached without):
        the names a removed module's import binds stand for what provided it, not the removed API.
        Not past a ``continue`` or ``break``: after the loop, the name may be unbound there."""
        exits = [h for h in node.handlers if caught_names(h, self.qualify) & (IMPORT_ERRORS | ANY_ERROR)]
        if not exits or not all(h.body and isinstance(h.body[-1], ast.Return)
                                for h in exits):
            return
        for stmt in imports:
            if self._import_fails(stmt):
                for alias in stmt.names:
                    name = alias.asname or alias.name
                    self.bind(name if isinstance(stmt, ast.ImportFrom) or alias.asname else name.split(".")[0], LOCAL)

    def _visit_handler(self, handler: ast.ExceptHandler, imports: list, raises: bool = False) -> None:
        """``raises``: the body raises ImportError itself, so the handler may run whatever its imports
        do (pysnmp 4.4.12's smi/builder.py: ``try: import importlib`` / ``try: ... =
        importlib.util.MAGIC_NUMBER`` / ``except Exception: raise ImportError()`` / ``except
        ImportError: import imp``; importlib.util is not imported at startup since 3.12, so on the
        real 3.13 the handler runs and fails: No module named 'imp')."""
        if handler.type is not None:
            self.visit(handler.type)
        if handler.name:
            self.bind(handler.name, LOCAL)
        catches_import = bool(caught_names(handler, self.qualify) & (IMPORT_ERRORS | ANY_ERROR))
        if catches_import and imports and not raises and all(self._import_succeeds(s) for s in imports):
            return  # a fallback for older Pythons: never runs on the target
        if catches_import and imports and not raises and self.may_contain_finding(handler) and all(
                self._import_succeeds(s) or self._own_modules(s) for s in imports):
            return  # a fallback for other versions of the project: never runs with this one
        # runs for sure when an import above is removed: what fails in it fails on the target
        pushed = catches_import and bool(imports) and not any(self._import_fails(s) for s in imports)
        if pushed:  # it runs only if one fails, or (``raises``) when the body raises ImportError itself
            self.contexts.append(Context("handler", names=frozenset({"raised"}) if raises else frozenset()))
        self.block(handler.body)
        if pushed:
            self.contexts.pop()

    def _runs_of(self, body: list[ast.stmt], caught: frozenset) -> list[ast.stmt]:
        """The statements of a ``try`` body that can run on the target: none after an import that
        certainly fails there when the ``try`` catches its ImportError, or after a statement naming
        a Python 2 builtin nothing binds when it catches NameError (lxml 6.1's benchmark:
        ``try: from distutils import sysconfig; DISTUTILS_CFLAGS = sysconfig.get_config_var(...)``).
        The removed imports after the first are kept: the handler stands in for each of them, and
        each is reported (``try: import crypt / import spwd / except ImportError: crypt = spwd =
        None`` loses both; fixing the first, the second fails next)."""
        imports, names = caught & (IMPORT_ERRORS | ANY_ERROR), caught & NAME_ERRORS  # NameError named: rare
        for index, stmt in enumerate(body):
            if imports and isinstance(stmt, (ast.Import, ast.ImportFrom)) and self._import_fails(stmt):
                return body[:index + 1] + [s for s in body[index + 1:] if isinstance(
                    s, (ast.Import, ast.ImportFrom)) and self._import_fails(s)]
            if names and not isinstance(stmt, (ast.Import, ast.ImportFrom)) and any(
                    isinstance(n, ast.Name) and n.id in PY2_BUILTINS and self._unbound(n.id) for n in ast.walk(stmt)):
                return body[:index + 1]  # cffi 2.1: try: int_or_long = (int, long); import cStringIO
        return body

    def _unbound(self, name: str) -> bool:
        """Is ``name`` bound nowhere in the scopes seen so far (so it raises NameError here)?"""
        scope = self.scope
        while scope is not None:
            if name in scope.bindings:
                return False
            scope = scope.parent
        return True

    @staticmethod
    def _binds_builtins_only(body: list[ast.stmt]) -> bool:
        """Does this ``try`` body only import names that are builtins (``from sets import Set as
        set``)?  A handler that then does nothing leaves the builtin in place: an equivalent."""
        if not body or not all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body):
            return False
        return all((a.asname or a.name) in BUILTIN_NAMES for s in body for a in s.names)

    def _binds_star_names_only(self, body: list[ast.stmt]) -> bool:
        """Does this ``try`` body only assign names that a stdlib module star-imported above binds
        on the target (future 0.18.3's moves/itertools.py: ``from itertools import *`` / ``try:
        zip_longest = izip_longest`` / ``except NameError: pass``)?  Where the body fails, the star
        import's name stays in place: an equivalent, as in ``_binds_builtins_only``."""
        if not self.starred or not body:
            return False
        from outmoded.present import has

        for stmt in body:
            if not isinstance(stmt, ast.Assign) or not all(isinstance(t, ast.Name) for t in stmt.targets):
                return False
            for target in stmt.targets:
                bound = self.star_bound(target.id)
                if not isinstance(bound, str) or has(*bound.rsplit(".", 1), self.target) is not True:
                    return False
        return True

    def _else_binds_builtins_only(self, node: ast.Try) -> bool:
        """Does this ``try`` body only import names that its ``else`` only binds to builtins' names,
        and that the file names nowhere else (deap 1.4.4's examples/pso/multiswarm.py: ``try: from
        itertools import imap`` / ``except: pass`` / ``else: map = imap``)?  Where the import fails,
        the builtin stays in place, as in ``_binds_builtins_only``: an equivalent.  A name read
        anywhere else (or spelled in a comment, a string) keeps the warning."""
        if not node.orelse or not all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in node.body):
            return False
        imported = {(a.asname or a.name).partition(".")[0] for s in node.body for a in s.names} - BUILTIN_NAMES
        aliases: dict = {}
        for stmt in node.orelse:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
                    and stmt.targets[0].id in BUILTIN_NAMES and isinstance(stmt.value, ast.Name)
                    and stmt.value.id in imported):
                return False
            aliases[stmt.value.id] = aliases.get(stmt.value.id, 0) + 1
        return bool(imported) and all(  # named once by its import, then by its aliases only
            len(re.findall(rf"\b{re.escape(name)}\b", self.text)) == 1 + aliases.get(name, -1) for name in imported)

    def _succeeds(self, stmt: ast.stmt) -> bool:
        """Can this statement of a ``try`` body certainly not raise on the target (a stdlib import
        that exists there; the branch a version check takes there, when each of its statements
        cannot: Nuitka 4.3.5's ``try: if python_version >= 0x360: OrderedDict = dict / else: from
        collections import OrderedDict / except ImportError: from itertools import imap``; a builtin name, or a stdlib module's attribute the target has, mentioned,
        bound to a name (or several, unpacked from a tuple of them) or returned; a builtin type called without arguments: nose's ``try: set();
        set = set / except NameError:``)?"""
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            return self._import_succeeds(stmt)
        if isinstance(stmt, ast.If):
            verdict = self.evaluate(stmt.test)  # a version check decided on the target
            return verdict is not None and all(self._succeeds(s) for s in (stmt.body if verdict else stmt.orelse))
        if isinstance(stmt, ast.Assign) and all(_unpacks(t, stmt.value) for t in stmt.targets):
            values = stmt.value.elts if isinstance(stmt.value, ast.Tuple) else [stmt.value]
            return all(isinstance(v, ast.Constant) or self._builtin(v) or self._present(v) or self._wraps_present(v)
                       for v in values)
        if isinstance(stmt, ast.Return) and stmt.value is not None:
            return self._builtin(stmt.value) or self._present(stmt.value)
        if isinstance(stmt, ast.Expr):
            value = stmt.value
            if isinstance(value, ast.Call) and not value.args and not value.keywords:
                return isinstance(value.func, ast.Name) and value.func.id in EMPTY_TYPES \
                    and self._builtin(value.func)
            return self._builtin(value) or self._present(value)
        return False

    def _wraps_present(self, node: ast.expr) -> bool:
        """Is ``node`` ``staticmethod(X)`` or ``classmethod(X)`` (the builtins), X a builtin or a
        stdlib attribute the target has?  Wrapping never raises: plumbum 1.6.7's class body
        ``try: getfullargspec = staticmethod(inspect.getfullargspec)`` / ``except
        AttributeError: getfullargspec = staticmethod(inspect.getargspec)`` never runs its
        handler on Python 3."""
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("staticmethod", "classmethod") and self._builtin(node.func) \
            and len(node.args) == 1 and not node.keywords \
            and (self._builtin(node.args[0]) or self._present(node.args[0]))
