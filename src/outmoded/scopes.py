"""Bindings and scopes: what a name stands for at a point of a module.

Names are resolved the way Python binds them: imports (with aliases) give a name a qualified
meaning (a dotted string), any other binding in the same scope shadows it (``LOCAL``), function
bodies are visited after the enclosing scope (they run later, so they see its final bindings), and
class scopes are invisible to the functions inside them.  ``Bindings`` is the part of the scanner
that keeps these scopes while it walks the tree; it knows nothing about removals.  What a name can
stand for (``Value``: ``LocalClass``, ``Instance``, ``LOCAL``...) and the names a body binds are
``outmoded.values``'; what an assignment's value binds a name to is ``outmoded.assignedvalues``'.
"""

from __future__ import annotations

import ast

from outmoded import guards
from outmoded.assignedvalues import AssignedValues
from outmoded.guardcontext import Context
from outmoded.stdnames import BUILTIN_NAMES, STDLIB  # noqa: F401 - defined there, imported from here too
from outmoded.values import (
    LOCAL,
    Instance,
    LocalClass,
    Scope,
    Value,
    class_members,
    local_names,
)

# nodes with nothing below them that a visit could act on (``Name``'s only child is its context)
_CHILDLESS = frozenset([ast.Constant, ast.Name, ast.Pass, ast.Break, ast.Continue, ast.Global, ast.Nonlocal,
                        ast.alias] + [c for base in (ast.expr_context, ast.boolop, ast.operator, ast.unaryop,
                                                      ast.cmpop) for c in base.__subclasses__()])
_CONSTANT_VISITS = ("visit_Num", "visit_Str", "visit_Bytes", "visit_NameConstant", "visit_Ellipsis")
_GENERIC, _NOTHING = object(), object()
# NodeVisitor's forwarding of constants to visit_Num & co. (gone in 3.14, with those methods)
_FORWARDING_VISIT_CONSTANT = getattr(ast.NodeVisitor, "visit_Constant", None)
_METHODS: dict = {}  # (visitor class, node class) -> its visit_ function, _GENERIC or _NOTHING


def _method_for(visitor: type, node: type):
    """What ``NodeVisitor.visit`` would call, found once per node class instead of once per node."""
    method = getattr(visitor, "visit_" + node.__name__, None)
    if method is not None and method is _FORWARDING_VISIT_CONSTANT and not any(hasattr(visitor, m) for m in _CONSTANT_VISITS):
        method = None  # the deprecated visit_Num & co. it forwards to are not defined
    if method is None:
        return _NOTHING if node in _CHILDLESS else _GENERIC
    return method


class Bindings(AssignedValues, ast.NodeVisitor):
    """Scope keeping for the scanner: lookups, and the statements that bind names.

    Expects ``self.index`` (for return types of calls), ``self.block``, ``self.evaluate``,
    ``self.contexts``, ``self.skip_contexts`` and ``self.may_contain_finding`` from the classes it is combined with.
    ``visit`` and ``generic_visit`` do what ``ast.NodeVisitor``'s do, in the same order, without
    looking a method name up for every node or visiting leaves that hold nothing.
    """

    def __init__(self) -> None:
        self.scope = Scope("module", None)
        self.deferred: list[tuple] = []
        self.module_functions: dict = {}  # name -> the module-level def that bound it
        self.class_flags = False  # does a class body of the module bind a flag (LocalClass.flags)?
        self.decided = 0  # inside a branch a version check selects (VersionBranches.visit_If)
        # the stdlib modules ``from m import *`` binds names of, in order (``star_bound``); None once
        # a star import of another module (the project's, a third party's) may bind any name
        self.starred: list[str] | None = []

    def visit(self, node: ast.AST):
        key = (self.__class__, node.__class__)
        method = _METHODS.get(key)
        if method is None:
            method = _METHODS[key] = _method_for(*key)
        if method is _GENERIC:
            return self.generic_visit(node)
        if method is not _NOTHING:
            return method(self, node)
        return None

    def generic_visit(self, node: ast.AST) -> None:
        for name in node._fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def lookup(self, name: str) -> Value:
        scope, first = self.scope, True
        while scope is not None:
            if (first or scope.kind != "class") and name in scope.bindings:
                return scope.bindings[name]
            scope, first = scope.parent, False
        if name in BUILTIN_NAMES:
            return f"builtins.{name}"
        return self.star_bound(name) if self.starred else LOCAL

    def star_bound(self, name: str) -> Value:
        """A name no statement of the module binds, after ``from ast import *`` (python-minifier's
        shape; Armin Ronacher's codegen.py): the last star-imported stdlib module that had it, when
        the catalog removes it from there (``Num(1)`` is ``ast.Num``) or the target lists it there
        (``class T(TestCase)`` after ``from unittest import *``); else a name of the module's own."""
        from outmoded.starnames import bound_by_stars

        return bound_by_stars(self.starred, name, self.index.target, self.index.names, self.index.star_only) or LOCAL

    def qualify(self, node: ast.AST) -> Value:
        """The qualified name (or instance) an expression stands for, when it can be told."""
        if isinstance(node, ast.Name):
            return self.lookup(node.id)
        if isinstance(node, ast.Attribute):
            return self._member(self.qualify(node.value), node.attr)
        if isinstance(node, (ast.Dict, ast.DictComp)):
            return Instance("builtins.dict")
        if isinstance(node, (ast.Set, ast.SetComp)):
            return Instance("builtins.set")
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                base = self.qualify(node.func.value)
                if isinstance(base, Instance):  # a method whose result's class is known: parser.add_argument_group()
                    returned = self.index.returns.get(f"{base.cls}.{node.func.attr}") if isinstance(base.cls, str) else None
                    return Instance(returned) if returned else None
                func = self._member(base, node.func.attr)
            else:
                func = self.qualify(node.func)
            if isinstance(func, str):
                return Instance(self.index.returns.get(func, func))
            return Instance(func) if isinstance(func, LocalClass) else None
        return None

    def _member(self, base: Value, attr: str) -> Value:
        if not isinstance(base, str):
            if self.class_flags and isinstance(base, Instance) and isinstance(base.cls, LocalClass):
                return self._class_flag(base.cls, attr)
            if self.class_flags and isinstance(base, LocalClass):
                return self._class_flag(base, attr)
            return None
        return self.index.canonical(f"{base}.{attr}") if "six" in base else f"{base}.{attr}"

    def _class_flag(self, cls: LocalClass, attr: str) -> Value:
        """A flag the class (or a base the module defines) binds in its body, read through ``self``
        or the class: thrift 0.25's ``class TSSLBase: _has_ssl_context = sys.hexversion >=
        0x020709F0``, then ``if self._has_ssl_context: ... else: ssl.wrap_socket(...)``; unknown
        (None) where the module assigns that attribute anywhere (``self._has_ssl_context = ...``)."""
        todo, seen = [cls], set()
        while todo:
            current = todo.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            if attr in current.flags:
                import re  # only here: importing it costs a one-file check (outmoded.lazyre)

                if re.search(rf"\.{re.escape(attr)}\s*(?:=[^=]|:[^\n=]*=[^=])", self.text):
                    return None
                return current.flags[attr]
            if attr in current.members:
                return None
            todo.extend(b for b in current.bases if isinstance(b, LocalClass))
        return None

    def bind(self, name: str, value: Value) -> None:
        self.scope.bindings[name] = value

    def bind_target(self, target: ast.AST, value: Value = LOCAL, quiet: bool = False) -> None:
        """Bind the names ``target`` binds; an attribute or a subscript binds none, and is walked
        unless ``quiet`` (``bind_quietly``)."""
        if isinstance(target, ast.Name):
            self.bind(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.bind_target(elt, LOCAL, quiet)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, LOCAL, quiet)
        elif not quiet:
            self.visit(target)

    def bind_quietly(self, stmt: ast.stmt) -> None:
        """What a simple statement binds (``contexts.QUIET``), without walking its expressions:
        the names an assignment binds, with the values ``visit_Assign`` would give them."""
        if stmt.__class__ is ast.Assign:
            value = self._assigned_value(stmt.value)
            for target in stmt.targets:
                self.bind_target(target, value, quiet=True)
        elif stmt.__class__ is ast.AnnAssign:
            self.bind_target(stmt.target, self._assigned_value(stmt.value) if stmt.value else LOCAL, quiet=True)

    def quiet_statements(self) -> bool:
        """May statements naming no needle word be bound without being walked (``bind_quietly``)?
        Not in a file writing ``:=`` anywhere: an assignment expression binds inside an expression."""
        quiet = self.__dict__.get("_quiet")
        if quiet is None:
            quiet = self._quiet = ":=" not in self.text
        return quiet

    def run_deferred(self) -> None:
        while self.deferred:
            self._visit_function(*self.deferred.pop(0))

    # ---- assignments ---------------------------------------------------------------------

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        value = self._assigned_value(node.value)
        for target in node.targets:
            self.bind_target(target, value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value:
            self.visit(node.value)
        self.visit(node.annotation)
        self.bind_target(node.target, self._assigned_value(node.value) if node.value else LOCAL)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        if not isinstance(node.target, ast.Name):
            self.visit(node.target)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        self.bind(node.target.id, self._assigned_value(node.value))

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self.bind_target(node.target)
        self.block(node.body)
        self.block(node.orelse)

    visit_AsyncFor = visit_For

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                self.bind_target(item.optional_vars, self._entered(item.context_expr))
        self.guarded_with(node)  # contexts.GuardContexts: a block a test expects to raise

    visit_AsyncWith = visit_With

    def _entered(self, expr: ast.expr) -> Value:
        """What ``with expr as name`` binds: an instance of the class ``returns`` in classes.yaml
        says ``Class.__enter__`` returns (``with sqlite3.connect(db) as conn``), else LOCAL."""
        value = self.qualify(expr) if isinstance(expr, (ast.Call, ast.Name)) else None
        if isinstance(value, Instance) and isinstance(value.cls, str):
            entered = self.index.returns.get(f"{value.cls}.__enter__")
            if entered is not None:
                return Instance(entered)
        return LOCAL

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if not isinstance(target, ast.Name):
                self.visit(target)

    # ---- definitions ---------------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for expr in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d]:
            self.visit(expr)
        self._visit_annotations(node)
        method_of = self.scope.bindings.get("__class__") if self.scope.kind == "class" else None
        if not isinstance(method_of, LocalClass):
            method_of = None  # a class body that binds __class__ itself (typing_extensions: = typing.TypeVar)
        if self.scope.kind == "module":
            self.module_functions[node.name] = node
        if self.may_contain_finding(node):
            contexts = self.lasting_contexts() + self.skip_contexts(node.decorator_list)
            if node in self.deleted_defs:
                contexts.append(Context("deleted"))
            elif self.scope.kind == "module" and self.replaced_before_use(node):
                contexts.append(Context("rebound"))
            if self.scope.kind == "module" and not node.name.endswith("__"):
                contexts.append(Context("function", names=frozenset({node.name})))  # uncalled.uncalled
            elif self.scope.parent is not None and self.scope.parent.kind == "module" and method_of is not None \
                    and not node.name.startswith(("test", "__")):
                contexts.append(Context("method", names=frozenset({f"{method_of.name}.{node.name}"})))  # deadmethods
            self.deferred.append((node, self.scope, method_of, contexts))
        self.bind(node.name, LOCAL)

    visit_AsyncFunctionDef = visit_FunctionDef

    def _visit_annotations(self, node) -> None:
        args = node.args
        for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if arg is not None and arg.annotation is not None:
                self.visit(arg.annotation)
        if node.returns is not None:
            self.visit(node.returns)

    def _visit_function(self, node, scope: Scope, method_of, contexts) -> None:
        saved = self.scope, self.contexts
        self.scope = Scope("function", scope, dict.fromkeys(local_names(node), LOCAL), node)
        self.contexts = list(contexts)
        params = node.args.posonlyargs + node.args.args
        decorators = {self.qualify(d) for d in node.decorator_list}
        if method_of is not None and params and "builtins.staticmethod" not in decorators:
            is_cls = "builtins.classmethod" in decorators
            self.bind(params[0].arg, method_of if is_cls else Instance(method_of))
        narrowed = self.push_narrowings(self.parameter_narrowings(node, method_of)) \
            if method_of is not None and params else None  # visit_Constant's node (narrowing)
        self.block(node.body)
        if narrowed:
            self.pop_narrowings(narrowed)
        self.scope, self.contexts = saved

    def visit_Lambda(self, node: ast.Lambda) -> None:
        for expr in node.args.defaults + [d for d in node.args.kw_defaults if d]:
            self.visit(expr)
        saved = self.scope
        names = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
        self.scope = Scope("function", saved, dict.fromkeys(names, LOCAL), node)
        self.visit(node.body)
        self.scope = saved

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.visit(expr)
        cls = LocalClass(node.name, [self.qualify(b) for b in node.bases], class_members(node), node)
        # a skipped test class, or one deriving from a skipped class of the module: backports.asyncio.runner
        # 1.2.0's CoroutineGatherTests(GatherTestsBase, ...) under @unittest.skipUnless(sys.version_info[:2] == (3, 8))
        skipped = [Context("skipped")] if any(isinstance(b, LocalClass) and b.skipped for b in cls.bases) \
            else self.skip_contexts(node.decorator_list)
        cls.skipped = any(c.kind == "skipped" for c in skipped)
        if self.names_word(node):
            saved = self.scope
            self.scope = Scope("class", saved, {"__class__": cls})
            self.contexts.extend(skipped)
            self.block(node.body)
            del self.contexts[len(self.contexts) - len(skipped):]
            cls.flags = {name: value for name, value in self.scope.bindings.items()
                         if isinstance(value, (bool, guards.VersionValue))}
            self.class_flags = self.class_flags or bool(cls.flags)
            self.scope = saved
        self.bind(node.name, cls)
