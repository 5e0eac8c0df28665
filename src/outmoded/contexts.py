"""Guard contexts: whether code at a point runs on the target, and if it does, how sure we are.

Branches that a version check (``outmoded.guards``) excludes on the target are not visited; a
block after ``if <true on target>: return`` is not visited either.  Uses inside ``try`` blocks that
catch the error the removal raises, under ``hasattr`` checks of the same name, or in
``except ImportError:`` handlers of an import that may fail are reported as warnings; a handler
whose ``try`` only imports stdlib modules that exist on the target never runs and is skipped.
A removed name whose backport the module has certainly imported by then (itself, through a project
module it imports, or before it in every run: ``provided_before``) does not break there.
``GuardContexts`` is the part of the scanner that keeps this stack while it walks statements;
what the stack makes of a finding (its context, the guard that keeps ``fix`` away) is
``guardnotes``'.
"""

from __future__ import annotations

import ast

from outmoded import guards
from outmoded.branches import VersionBranches, hasattr_names
from outmoded.guardcontext import (ATTRIBUTE_ERRORS, IMPORT_ERRORS, NAME_ERRORS, TYPE_ERRORS,  # noqa: F401
                                   Context)
from outmoded.guardnotes import GuardNotes
from outmoded.expectations import TestExpectations
from outmoded.fallbacks import TryFallbacks
from outmoded.backportpaths import block_prefix, function_prefix, package_provides, provided_on_every_path
from outmoded.layout import find_module
from outmoded.narrowing import NEGATED_TESTS
from outmoded.summaries import raises, unconditional_imports
from outmoded.scopes import STDLIB
from outmoded.values import LOCAL


def deleted_before_use(body: list[ast.stmt]) -> set:
    """The undecorated functions of this block that a later ``del`` of the same block removes with
    no statement in between naming them: nothing can have called them (lxml 6.1's selftest.py:
    ``def error(xml): ... return sys.exc_value`` then ``del error``, kept from ElementTree's
    selftest but taken out of its doctests)."""
    deleted = {t.id for s in body if isinstance(s, ast.Delete) for t in s.targets if isinstance(t, ast.Name)}
    if not any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name in deleted for s in body):
        return set()  # most blocks: a del of names that are not functions defined here (del sys)
    found, defined = set(), {}
    for index, stmt in enumerate(body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in deleted:
            defined[stmt.name] = (index, stmt)
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if not (isinstance(target, ast.Name) and target.id in defined):
                    continue
                start, node = defined.pop(target.id)
                # named in between (called, passed on, rebound): it may have run
                if node.decorator_list or any(_naming(between, target.id) for between in body[start + 1:index]):
                    continue
                found.add(node)
    return found


def replaced_before_use(body: list[ast.stmt], node: ast.FunctionDef, evaluate) -> bool:
    """Does a later statement of this block bind the undecorated function ``node``'s name again on
    the target, with no statement in between naming it, so that nothing can have called it
    (aiohttp 3.7.4's helpers.py: ``def all_tasks(loop=None): ... asyncio.Task.all_tasks(loop)``,
    then ``if PY_37: all_tasks = getattr(asyncio, "all_tasks")``)?  The binding is ``name = value``
    (its value not naming it), alone or in the body of an ``if`` whose test ``evaluate`` finds
    true on the target; a definition in between (whose body the sieve may leave out) keeps it."""
    name = node.name
    if node.decorator_list:
        return False
    try:
        start = next(at for at, stmt in enumerate(body) if stmt is node)
    except StopIteration:
        return False
    for stmt in body[start + 1:]:
        if stmt.__class__ is ast.If and any(_rebinds(inner, name) for inner in stmt.body):
            nodes = list(ast.walk(stmt))
            if any(n.__class__ in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef) for n in nodes):
                return False  # a body the sieve may leave out
            return all(n.ctx.__class__ is ast.Store for n in nodes if n.__class__ is ast.Name and n.id == name) \
                and evaluate(stmt.test) is True
        if _rebinds(stmt, name):
            return True
        if stmt.__class__ in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef) or _naming(stmt, name):
            return False  # named in between (called, passed on), or a body the sieve may leave out
    return False


def _rebinds(stmt: ast.stmt, name: str) -> bool:
    """Is ``stmt`` ``name = value`` (among its targets), its value not naming ``name``?"""
    return stmt.__class__ is ast.Assign and any(t.__class__ is ast.Name and t.id == name for t in stmt.targets) \
        and not _naming(stmt.value, name)


def _naming(node: ast.AST, name: str) -> bool:
    """Does ``node`` hold the name ``name`` (an ``ast.Name``: read, bound or deleted)?"""
    return any(n.__class__ is ast.Name and n.id == name for n in ast.walk(node))


# simple statements whose only lasting effect, besides what they report, is the names they bind
# (``Bindings.bind_quietly``): one naming no needle word reports nothing, and is not walked
QUIET = frozenset({ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Raise, ast.Assert,
                   ast.Delete})


# statements after which the rest of their block never runs
LEAVES = frozenset({ast.Return, ast.Raise, ast.Continue, ast.Break})


def _extends_path(stmt: ast.stmt) -> bool:
    """Is the statement a call that may put a directory on ``sys.path`` (``sys.path.insert(0, d)``:
    the scanner notes it, ``Scanner.path_extended``)?"""
    value = stmt.value if stmt.__class__ is ast.Expr else None
    return value.__class__ is ast.Call and value.func.__class__ is ast.Attribute \
        and value.func.attr in ("insert", "append", "extend")


class GuardContexts(VersionBranches, TestExpectations, TryFallbacks, GuardNotes):
    """The statements that decide whether (and how surely) their bodies run on the target.

    Expects ``self.target``, ``self.index``, ``self.qualify``, ``self.bind`` and
    ``self.removed_module`` from the classes it is combined with (and, for the backports,
    ``self.project``, ``self._body``, ``self.top_project_imports`` and ``self._through``; for
    ``whole_body``, ``self.reduced`` and ``self.text``).
    """

    def __init__(self) -> None:
        self.contexts: list[Context] = []
        self.current_block: list = []  # the statements of the block being walked (``block``)
        self.if_tests: dict[ast.If, tuple] = {}  # (verdict, hasattr names) of ifs whose body may leave
        self.deleted_defs: set = set()  # functions a ``del`` removes before anything can call them
        self._file_context: str | None | bool = False  # reach.file_context, asked at the first finding
        self.failing: set = set()  # ids of the nodes found failing on every Python the project supports
        self._provided: dict = {}  # provided_before's answers per run of top-level statements
        self._top_imports: set[str] | None = None
        self._uncalled: dict = {}  # an UNCALLED question -> (its answer, the names it answers for), asked at a finding
        self._whole: list | None | bool = False  # whole_body's answer, once asked
        self.dead_methods: dict = {}  # a test module's method name -> its uncalled Class.method (deadmethods)

    def guarded_with(self, node: ast.With) -> None:
        """``with contextlib.suppress(E, ...):`` is ``try:`` its body ``except (E, ...): pass``, and is
        walked as that ``try`` (``fallbacks.TryFallbacks``): file-keeper 0.2.6's ``with
        contextlib.suppress(ImportError): import cgi`` and the hooks it defines after it (on the
        real 3.14.10 the module imports, without them); any other ``with``, as tests read it
        (``expectations.TestExpectations``)."""
        item = node.items[0] if len(node.items) == 1 else None
        call = item.context_expr if item is not None and item.optional_vars is None else None
        if call.__class__ is ast.Call and call.args and not call.keywords and self.qualify(call.func) == \
                "contextlib.suppress" and not any(isinstance(arg, ast.Starred) for arg in call.args):
            caught = call.args[0] if len(call.args) == 1 else ast.copy_location(ast.Tuple(call.args, ast.Load()), call)
            handler = ast.copy_location(ast.ExceptHandler(caught, None, [ast.copy_location(ast.Pass(), node)]), node)
            self.visit_Try(ast.copy_location(ast.Try(node.body, [handler], [], []), node))
            return
        super().guarded_with(node)

    def whole_body(self) -> list | None:
        """The module's top-level statements with every function body: the tree's, or, when the
        sieve left bodies out (``reduced``), the whole text's, parsed once for the UNCALLED
        questions that ask; None when it does not parse."""
        if not self.reduced:
            return self._body
        if self._whole is False:
            try:
                self._whole = ast.parse(self.text).body
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                self._whole = None
        return self._whole

    def block(self, body: list[ast.stmt]) -> None:
        pushed, outer, self.current_block = 0, self.current_block, body  # a try asks (fallbacks)
        if ast.Delete in map(type, body):  # (no class derives from ast.Delete)
            self.deleted_defs |= deleted_before_use(body)
        quiet = self.word_lines is not None and self.words is not None and self.quiet_statements()
        narrowed = []  # if not isinstance(name, Class): return -- name is one after it (narrowing)
        for at, stmt in enumerate(body):
            if quiet and stmt.__class__ in QUIET and not self.may_contain_finding(stmt) and not _extends_path(stmt):
                self.bind_quietly(stmt)  # no needle word on its lines: nothing in it to report
            else:
                self.visit(stmt)
            if stmt.__class__ in LEAVES:
                # xdoctest 1.3.2's tests/test_core.py: except Exception: raise, then a debugging
                # print(inspect.getargspec(...)) that never runs (ruff's unreachable code)
                break
            if self.failing and self._fails(stmt):
                # salt 3008.5's utils/http.py: hostname = request.get_host() (gone since 3.4, the
                # project supports >= 3.8), then ssl.wrap_socket(...): never reached
                self.contexts.append(Context("after-broken"))
                pushed += 1
                continue
            if isinstance(stmt, ast.If) and guards.terminates(stmt.body, self.qualify):
                if stmt.test.__class__ in NEGATED_TESTS:
                    # what follows runs only after the test was false: its elifs and else too (pyupgrade
                    # 2.38.4's percent_format: if not isinstance(k, ast.Str): return / elif k.s in
                    # seen_keys: return / ... then seen_keys.add(k.s))
                    narrowed += self.push_narrowings(self.negated_narrowings(
                        stmt.test, stmt.test, stmt.orelse, body[at + 1:]))
                # what visit_If decided about this test (the names are not bound again in between)
                verdict, present, decided = self.if_tests.pop(stmt, None) or (
                    self.evaluate(stmt.test), hasattr_names(stmt.test, self.qualify)[0], False)
                if verdict is True:
                    break  # the rest of this block never runs on the target
                if decided:
                    # obspy 1.5.1's eps = importlib.metadata.entry_points() / if not isinstance(eps,
                    # dict): return list(eps): what follows reads the dict of 3.8/3.9
                    self.contexts.append(Context("dead", names=frozenset({"isinstance"})))
                    pushed += 1
                    continue
                if present and not stmt.orelse:
                    # ``if hasattr(base64, "decodebytes"): return ...``: what follows runs only
                    # where the replacement is missing
                    self.contexts.append(Context("replaced", names=present))
                    pushed += 1
        del self.contexts[len(self.contexts) - pushed:]
        if narrowed:
            self.pop_narrowings(narrowed)
        self.current_block = outer

    def replaced_before_use(self, node: ast.FunctionDef) -> bool:
        """Does the block being walked bind ``node``'s name again on the target before anything
        can call it (``replaced_before_use``)?"""
        return replaced_before_use(self.current_block, node, self.evaluate)

    def _fails(self, stmt: ast.stmt) -> bool:
        """Does this statement raise whenever it runs, on every Python the project supports: an
        import of a name removed by its floor, or a call of (or a read of) one as the whole
        statement's value (``failing``)?  The rest of its block never runs."""
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            return id(stmt) in self.failing or any(id(alias) in self.failing for alias in stmt.names)
        value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)) \
            else None
        if isinstance(value, ast.Await):
            value = value.value
        if isinstance(value, ast.Call):
            value = value.func
        return value is not None and id(value) in self.failing

    def evaluate(self, test: ast.expr) -> bool | None:
        return guards.evaluate(test, self.target, self.flag_lookup)

    def flag_lookup(self, node: ast.AST):
        """``qualify``, and a flag the project defines elsewhere (``from .compat import PY3``)
        is its value on the target, as is a call of a version predicate the project defines
        (``guards.called_predicate``: ``is_at_least_py(3, 10)``)."""
        if isinstance(node, ast.Call):
            verdict = self._called_predicate(node)
            if verdict is not None:
                return verdict
        value = self.qualify(node)
        if isinstance(value, str) and "." in value and value.split(".")[0] not in STDLIB \
                and not value.startswith("builtins."):
            flag = self.project.flag(value, self.path)
            if flag is not None:
                return flag
        elif value == LOCAL and isinstance(node, ast.Name) and "import *" in self.text and self._unbound(node.id):
            # a flag a star import of a project module binds: coconut 3.2.0's command/util.py, from
            # coconut.root import * (PY2 = _coconut_sys.version_info < (3,)), then if PY2: import Queue
            # (the text asked first: the file's summary is read only where it may have such an import)
            summary = self.project.summary(self.path)
            for star in reversed(summary.stars if summary else ()):  # the last one binding it wins
                flag = self.project.flag(f"{star}.{node.id}", self.path)
                if flag is not None:
                    return flag
        return value

    def _called_predicate(self, call: ast.Call) -> bool | None:
        """What a call of a project function with whole numbers returns on the target, when the
        function is a version predicate (``guards.called_predicate``): one of this module's, or
        one another project module defines."""
        func = call.func
        if not guards.may_be_predicate(call):
            return None
        if isinstance(func, ast.Name) and func.id in self.module_functions and self.lookup(func.id) == LOCAL:
            verdict = self._local_predicate(func.id, call)
            inner = guards.returned_call(self._local_function(func.id)) if verdict is None and not call.args else None
            if inner is not None and isinstance(inner.func, ast.Name) and inner.func.id in self.module_functions:
                verdict = self._local_predicate(inner.func.id, inner)
            return verdict
        name = self.qualify(func)
        if not isinstance(name, str) or "." not in name or name.split(".")[0] in STDLIB:
            return None
        found = self.project.function(name, self.path)
        verdict = guards.called_predicate(found[0], call, self.target, found[1]) if found else None
        inner = guards.returned_call(found[0]) if verdict is None and found and not call.args else None
        if inner is not None and isinstance(inner.func, ast.Name) and guards.version_numbers(inner):
            # datadog 0.39.0's util/compat.py: def is_p3k(): return _is_py_version_higher_than(3)
            again = self.project.function(f"{name.rpartition('.')[0]}.{inner.func.id}", self.path)
            verdict = guards.called_predicate(again[0], inner, self.target, again[1]) if again else None
        return verdict

    def _local_function(self, name: str):
        """The module-level def ``name`` (of the whole text, where the sieve may have left its body out)."""
        function = self.module_functions[name]
        if self.reduced:
            function = next((s for s in self.whole_body() or () if isinstance(s, ast.FunctionDef)
                             and s.name == name and s.lineno == function.lineno), None)
        return function

    def _local_predicate(self, name: str, call: ast.Call) -> bool | None:
        function = self._local_function(name)
        return guards.called_predicate(function, call, self.target, self.flag_lookup) if function else None

    def provided_before(self, backport: str, api: str, node: ast.AST) -> bool:
        """Has every run of the module that gets here imported ``backport`` (or the removed module
        through it: ``backportpaths.provided_on_every_path``), in the top-level statements before this
        one (all of them, for code in a function, and the function's own before it; for code at
        the top level, those before it in the blocks holding it), or in a package ``__init__``
        above it (``backportpaths.package_provides``)?"""
        if not backport.isidentifier():
            return False
        removed, line = api.split(".")[0], getattr(node, "lineno", 0)
        scope, in_function = self.scope, False
        while scope is not None:
            in_function = in_function or scope.kind == "function"
            scope = scope.parent
        if backport in self.text:  # it is imported by name here, or nothing here provides it
            before = tuple(s for s in self._body if (s.end_lineno or s.lineno) < line
                           or (in_function and not s.lineno <= line <= (s.end_lineno or s.lineno)))
            key = (backport, removed, tuple(map(id, before)))
            if key not in self._provided:  # the findings of one function share their statements
                self._provided[key] = provided_on_every_path(list(before), backport, removed)
            if self._provided[key]:
                return True
            if in_function and provided_on_every_path(function_prefix(self._body, line), backport, removed):
                return True  # imported earlier in the function
            if not in_function and provided_on_every_path(block_prefix(self._body, line), backport, removed):
                return True  # imported earlier in the block holding it (a try body)
        return package_provides(self.path, backport, removed)

    @property
    def top_imports(self) -> set[str]:
        """``unconditional_imports`` of the module, computed when a finding first asks (the
        module's bindings, ``import sys`` among them, are known by then)."""
        if self._top_imports is None:
            # while they are worked out, a handler's import is judged without them (it asks
            # whether a backport imported at the top provides its module: ``fallbacks._import_fails``)
            self._top_imports = set()
            self._top_imports = self.unconditional_imports(self._body)
        return self._top_imports

    def unconditional_imports(self, body: list[ast.stmt]) -> set[str]:
        """``summaries.unconditional_imports``, a handler failing when it raises or imports what the
        target lacks."""
        return unconditional_imports(body, self._handler_fails)

    def imported_through(self, module: str) -> bool:
        """Does a project module this one imports at its top level import ``module`` at its own
        (gevent 26.9's _setupares.py: ``from _setuputils import Extension``, and _setuputils.py
        does ``from setuptools import Extension as _Extension``; py2app 0.28.10's tests: ``import
        py2app``, whose ``__init__`` does ``import setuptools``)?  Only modules whose bytes name
        ``module`` are parsed."""
        if module not in self._through:
            word, found = module.encode(), False
            for name in self.top_project_imports:
                path = find_module(name, self.path)
                if path and _names(path, word):
                    summary = self.project.summary(path)
                    if summary is not None and module in summary.unconditional:
                        found = True
                        break
            self._through[module] = found
        return self._through[module]

    def _handler_fails(self, handler: ast.ExceptHandler) -> bool:
        return self._raises(handler.body) or any(
            isinstance(s, (ast.Import, ast.ImportFrom)) and self._import_fails(s) for s in handler.body)

    def _raises(self, body: list[ast.stmt]) -> bool:
        return raises(body, self.evaluate)



def _names(path: str, word: bytes) -> bool:
    """Does the file at ``path`` hold ``word`` (can it import that module at all)?  Read as every
    checked file is (``source.read_bytes``: a FIFO or device named like a module is not opened)."""
    from outmoded.reads import read
    from outmoded.source import SourceError, read_bytes

    read(path)  # the verdict depends on this module's version (``outmoded.reads``)
    try:
        return word in read_bytes(path)
    except SourceError:
        return False
