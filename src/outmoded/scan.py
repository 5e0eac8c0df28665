"""Find uses of removed APIs in one module's AST.

Names are resolved the way Python binds them: imports (with aliases) give a name a qualified
meaning, any other binding in the same scope shadows it, function bodies are visited after the
enclosing scope (they run later, so they see its final bindings), and class scopes are invisible
to the functions inside them.  Branches that a version check excludes on the target are skipped;
uses inside ``try`` blocks that catch the resulting error, under ``hasattr`` checks, or in
import-fallback handlers are reported as warnings.
"""

from __future__ import annotations

import ast
import builtins
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Union

from outmoded import guards
from outmoded.catalog import Entry
from outmoded.catalog.index import Index, Method
from outmoded.findings import ERROR, WARNING, Finding, make_finding

BUILTIN_NAMES = frozenset(dir(builtins))
STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))
NEWLINE_RE = re.compile(r"\r\n|\r|\n")

IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
ATTRIBUTE_ERRORS = frozenset({"AttributeError"})
TYPE_ERRORS = frozenset({"TypeError"})
ANY_ERROR = frozenset({"Exception", "BaseException", "*"})


@dataclass(eq=False)
class LocalClass:
    """A class defined in the scanned module."""

    name: str
    bases: list  # resolved base values: str (qualified name), LocalClass or None (unknown)
    members: set[str]


@dataclass(frozen=True)
class Instance:
    cls: Union[str, LocalClass]


LOCAL = None  # a binding we know nothing about: shadows any import of the same name
Value = Union[str, Instance, LocalClass, bool, None]


@dataclass(eq=False)
class Scope:
    kind: str  # "module" | "function" | "class"
    parent: Optional["Scope"]
    bindings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """Why code at this point might not run (or might be expected to fail) on the target."""

    kind: str  # "try" | "hasattr" | "handler"
    caught: frozenset = frozenset()  # for "try": exception names caught
    names: frozenset = frozenset()  # for "hasattr": attribute names checked


def _target_names(target: ast.AST, names: set[str]) -> None:
    if isinstance(target, ast.Name):
        names.add(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            _target_names(elt, names)
    elif isinstance(target, ast.Starred):
        _target_names(target.value, names)


def _local_names(node: ast.AST) -> set[str]:
    """Names a function binds anywhere in its own body (they are local throughout it).

    Walks statements and their binding targets only, not expressions: that is most of the
    tree, and the one binding form it misses (``:=`` inside an expression) rarely shadows a module.
    """
    args = node.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg] if a}
    declared: set[str] = set()
    todo = list(node.body)
    while todo:
        stmt = todo.pop()
        kind = type(stmt)
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            names.add(stmt.name)
            continue
        if kind is ast.Assign:
            for target in stmt.targets:
                _target_names(target, names)
        elif kind in (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor):
            _target_names(stmt.target, names)
        elif kind in (ast.With, ast.AsyncWith):
            for item in stmt.items:
                if item.optional_vars is not None:
                    _target_names(item.optional_vars, names)
        elif kind in (ast.Import, ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in stmt.names if a.name != "*")
        elif kind in (ast.Global, ast.Nonlocal):
            declared.update(stmt.names)
        elif kind is ast.Delete:
            for target in stmt.targets:
                _target_names(target, names)
        elif kind.__name__ == "Match":
            for case in stmt.cases:
                names.update(n.name for n in ast.walk(case.pattern) if getattr(n, "name", None))
                todo.extend(case.body)
        for handler in getattr(stmt, "handlers", ()):
            if handler.name:
                names.add(handler.name)
            todo.extend(handler.body)
        for block in ("body", "orelse", "finalbody"):
            todo.extend(getattr(stmt, block, ()))
    return names - declared


def _caught(handler: ast.ExceptHandler, qualify) -> frozenset:
    if handler.type is None:
        return frozenset({"*"})
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = set()
    for node in types:
        name = qualify(node)
        if isinstance(name, str):
            names.add(name.rpartition(".")[2])
    return frozenset(names)


def _hasattr_names(test: ast.expr, qualify) -> tuple[frozenset, frozenset]:
    """Attribute names checked by ``hasattr`` in ``test``: (true in body, true in else)."""
    positive, negative = set(), set()
    for node in ast.walk(test):
        negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
        call = node.operand if negated else node
        if (isinstance(call, ast.Call) and qualify(call.func) == "builtins.hasattr"
                and len(call.args) == 2 and isinstance(call.args[1], ast.Constant)
                and isinstance(call.args[1].value, str)):
            (negative if negated else positive).add(call.args[1].value)
    return frozenset(positive - negative), frozenset(negative)


class Scanner(ast.NodeVisitor):
    def __init__(self, index: Index, path: str, text: str, words: Optional[frozenset] = None):
        self.index = index
        self.words = words  # needle words present in the file; bodies without any are skipped
        self._offsets: Optional[list[int]] = None
        self.target = index.target
        self.path = path
        self.text = text
        self._lines: Optional[list[str]] = None
        self.findings: list[Finding] = []
        self.scope = Scope("module", None)
        self.contexts: list[Context] = []
        self.deferred: list[tuple] = []
        self.method_of: Optional[LocalClass] = None  # class whose method body is being visited

    # ---- driving -------------------------------------------------------------------------

    def run(self, tree: ast.Module) -> list[Finding]:
        self.block(tree.body)
        while self.deferred:
            self._visit_function(*self.deferred.pop(0))
        return self.findings

    def block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.visit(stmt)
            if isinstance(stmt, ast.If) and self.evaluate(stmt.test) is True \
                    and guards.terminates(stmt.body, self.qualify):
                return  # the rest of this block never runs on the target

    def evaluate(self, test: ast.expr) -> Optional[bool]:
        return guards.evaluate(test, self.target, self.qualify)

    # ---- name resolution -----------------------------------------------------------------

    def lookup(self, name: str) -> Value:
        scope, first = self.scope, True
        while scope is not None:
            if (first or scope.kind != "class") and name in scope.bindings:
                return scope.bindings[name]
            scope, first = scope.parent, False
        return f"builtins.{name}" if name in BUILTIN_NAMES else LOCAL

    def qualify(self, node: ast.AST) -> Value:
        """The qualified name (or instance) an expression stands for, when it can be told."""
        if isinstance(node, ast.Name):
            return self.lookup(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualify(node.value)
            return f"{base}.{node.attr}" if isinstance(base, str) else None
        if isinstance(node, (ast.Dict, ast.DictComp)):
            return Instance("builtins.dict")
        if isinstance(node, ast.Call):
            func = self.qualify(node.func)
            if isinstance(func, str):
                return Instance(self.index.returns.get(func, func))
            return Instance(func) if isinstance(func, LocalClass) else None
        return None

    def bind(self, name: str, value: Value) -> None:
        self.scope.bindings[name] = value

    def bind_target(self, target: ast.AST, value: Value = LOCAL) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.bind_target(elt)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value)
        else:
            self.visit(target)

    def may_contain_finding(self, node: ast.AST) -> bool:
        """Does the node's source mention any needle word?  Every finding's text does (the
        removed name, method, argument or module), so a body without one cannot hold one."""
        if self.words is None or getattr(node, "end_lineno", None) is None:
            return True
        if self._offsets is None:
            self._offsets = [0] + [m.end() for m in NEWLINE_RE.finditer(self.text)] + [len(self.text)]
        last = len(self._offsets) - 1
        segment = self.text[self._offsets[min(node.lineno - 1, last)]:self._offsets[min(node.end_lineno, last)]]
        return any(word in segment for word in self.words)

    # ---- reporting -----------------------------------------------------------------------

    def span(self, node: ast.AST) -> tuple[int, int, int, int]:
        line, col = node.lineno, node.col_offset
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        end_col = col if end_col is None else end_col
        return line, self._column(line, col), end_line, self._column(end_line, end_col)

    def _column(self, line: int, byte_offset: int) -> int:
        if self._lines is None:
            self._lines = NEWLINE_RE.split(self.text)
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        if text.isascii():
            return byte_offset + 1
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "replace")) + 1

    def report(self, node: ast.AST, entry: Entry, api: str, errors: frozenset,
               context: Optional[str] = None) -> None:
        leaf = api.rpartition(".")[2]
        for ctx in reversed(self.contexts):
            if ctx.kind == "try" and ctx.caught & (errors | ANY_ERROR):
                context = "fallback"
            elif ctx.kind == "hasattr" and leaf in ctx.names:
                context = "hasattr"
            elif ctx.kind == "handler" and context is None:
                context = "handler"
        if entry.pending:
            context = context or "pending"
        severity = WARNING if context else ERROR
        self.findings.append(make_finding(self.path, self.span(node), entry, api, self.target, severity, context))

    def removed_module(self, name: str) -> Optional[Entry]:
        parts = name.split(".")
        for cut in range(1, len(parts) + 1):
            entry = self.index.modules.get(".".join(parts[:cut]))
            if entry:
                return None if project_module(self.path, parts[0]) else entry
        return None

    # ---- imports -------------------------------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            entry = self.removed_module(alias.name)
            if entry:
                self.report(alias if hasattr(alias, "lineno") else node, entry, alias.name, IMPORT_ERRORS)
            if alias.asname:
                self.bind(alias.asname, alias.name)
            else:
                root = alias.name.split(".")[0]
                self.bind(root, root)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            for alias in node.names:
                self.bind(alias.asname or alias.name, LOCAL)
            return
        module_entry = self.removed_module(node.module)
        module_reported = False
        for alias in node.names:
            full = f"{node.module}.{alias.name}"
            where = alias if hasattr(alias, "lineno") else node
            entry = self.index.names.get(full) or self.index.modules.get(full)
            if entry:
                self.report(where, entry, full, IMPORT_ERRORS)
            elif module_entry and not module_reported:
                self.report(node, module_entry, node.module, IMPORT_ERRORS)
                module_reported = True
            if alias.name != "*":
                self.bind(alias.asname or alias.name, full)

    # ---- expressions ---------------------------------------------------------------------

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, ast.Load):
            base = self.qualify(node.value)  # once: qualify(node) would resolve the chain again
            if isinstance(base, str):
                name = f"{base}.{node.attr}"
                if name in self.index.names:
                    self.report(node, self.index.names[name], name, ATTRIBUTE_ERRORS)
            elif node.attr in self.index.methods:
                self.check_method(node, base)
        self.visit(node.value)

    def visit_Call(self, node: ast.Call) -> None:
        func = self.qualify(node.func)
        if isinstance(func, str):
            if func in self.index.arguments:
                self.check_arguments(node, func)
            if func in ("importlib.import_module", "builtins.__import__"):
                self.check_dynamic_import(node)
        elif isinstance(node.func, ast.Attribute):
            method = self.typed_method(node.func)
            if method in self.index.arguments:
                self.check_arguments(node, method)
        self.generic_visit(node)

    def typed_method(self, func: ast.Attribute) -> Optional[str]:
        """``Class.method`` for a call on an instance of a known class, e.g. ``SMTP(...).starttls``."""
        receiver = self.qualify(func.value)
        if not isinstance(receiver, (Instance, LocalClass)):
            return None
        known, _, members = self.ancestry(receiver)
        if func.attr in members:
            return None
        return next((f"{cls}.{func.attr}" for cls in sorted(known)
                     if f"{cls}.{func.attr}" in self.index.arguments), None)

    def check_arguments(self, node: ast.Call, func: str) -> None:
        for entry in self.index.arguments[func]:
            hit = next((kw for kw in node.keywords if kw.arg == entry.argument), None)
            value = hit.value if hit else None
            if hit is None and entry.position is not None and len(node.args) > entry.position:
                value = hit = node.args[entry.position]
                if isinstance(value, ast.Starred):
                    continue
            if hit is None:
                continue
            if entry.value_contains is not None and not (
                    isinstance(value, ast.Constant) and isinstance(value.value, str)
                    and entry.value_contains in value.value):
                continue
            api = f"{func.replace('builtins.', '')}({entry.argument}=)"
            self.report(hit if hasattr(hit, "lineno") else node, entry, api, TYPE_ERRORS)

    def check_dynamic_import(self, node: ast.Call) -> None:
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            entry = self.removed_module(node.args[0].value)
            if entry:
                self.report(node.args[0], entry, node.args[0].value, IMPORT_ERRORS)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        verdict = self.evaluate(node.test)
        if verdict is not False:
            self.visit(node.body)
        if verdict is not True:
            self.visit(node.orelse)
        if verdict is None:
            self.visit(node.test)

    # ---- methods on instances ------------------------------------------------------------

    def ancestry(self, value) -> tuple[set[str], bool, set[str]]:
        """(known qualified ancestors, whether that list is complete, member names defined locally)."""
        if isinstance(value, Instance):
            value = value.cls
        if isinstance(value, str):
            known = self.index.ancestors(value)
            complete = value in self.index.bases or value.split(".")[0] in STDLIB \
                or value.startswith("builtins.")
            return known, complete, set()
        if isinstance(value, LocalClass):
            known, complete, members = set(), True, set(value.members)
            for base in value.bases:
                k, c, m = self.ancestry(base) if base is not None else (set(), False, set())
                known |= k
                complete &= c
                members |= m
            return known, complete, members
        return set(), False, set()

    def check_method(self, node: ast.Attribute, receiver: Value) -> None:
        known, complete, members = self.ancestry(receiver)
        if node.attr in members:
            return  # the class defines the method itself
        candidates: list[Method] = self.index.methods[node.attr]
        for method in candidates:
            if method.cls in known:
                self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS)
                return
        if complete or any(known & set(m.entry.not_on) for m in candidates):
            return
        for method in candidates:
            if method.entry.distinctive:
                self.report(node, method.entry, f"{method.cls}.{node.attr}", ATTRIBUTE_ERRORS,
                            context="unknown-receiver")
                return

    # ---- statements ----------------------------------------------------------------------

    def visit_If(self, node: ast.If) -> None:
        verdict = self.evaluate(node.test)
        if verdict is None:
            self.visit(node.test)
        positive, negative = _hasattr_names(node.test, self.qualify)
        if verdict is not False:
            self._guarded_block(node.body, positive)
        if verdict is not True:
            self._guarded_block(node.orelse, negative)

    def _guarded_block(self, body: list[ast.stmt], names: frozenset) -> None:
        if names:
            self.contexts.append(Context("hasattr", names=names))
        self.block(body)
        if names:
            self.contexts.pop()

    def visit_Try(self, node: ast.Try) -> None:
        caught = frozenset().union(*(_caught(h, self.qualify) for h in node.handlers)) \
            if node.handlers else frozenset()
        self.contexts.append(Context("try", caught=caught))
        self.block(node.body)
        self.contexts.pop()
        imports = [s for s in node.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        for handler in node.handlers:
            self._visit_handler(handler, imports)
        self.block(node.orelse)
        self.block(node.finalbody)

    visit_TryStar = visit_Try

    def _visit_handler(self, handler: ast.ExceptHandler, imports: list) -> None:
        if handler.type is not None:
            self.visit(handler.type)
        if handler.name:
            self.bind(handler.name, LOCAL)
        catches_import = bool(_caught(handler, self.qualify) & (IMPORT_ERRORS | ANY_ERROR))
        if catches_import and imports and all(self._import_succeeds(s) for s in imports):
            return  # a fallback for older Pythons: never runs on the target
        pushed = catches_import and bool(imports)
        if pushed:
            self.contexts.append(Context("handler"))
        self.block(handler.body)
        if pushed:
            self.contexts.pop()

    def _import_succeeds(self, stmt: ast.stmt) -> bool:
        """Will this stdlib import certainly work on the target?"""
        if isinstance(stmt, ast.Import):
            modules = [a.name for a in stmt.names]
        elif stmt.level or not stmt.module:
            return False
        else:
            modules = [stmt.module]
            if any(f"{stmt.module}.{a.name}" in self.index.names for a in stmt.names):
                return False
        return all(m.split(".")[0] in STDLIB and not self.removed_module(m) for m in modules)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        value = self._assigned_value(node.value)
        for target in node.targets:
            self.bind_target(target, value)

    def _assigned_value(self, value: ast.expr) -> Value:
        flag = self.evaluate(value) if isinstance(value, (ast.Compare, ast.BoolOp, ast.UnaryOp)) else None
        if flag is not None:
            return flag
        if isinstance(value, (ast.Call, ast.Dict, ast.DictComp)):
            return self.qualify(value)
        return LOCAL

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
                self.bind_target(item.optional_vars)
        self.block(node.body)

    visit_AsyncWith = visit_With

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if not isinstance(target, ast.Name):
                self.visit(target)

    def visit_While(self, node: ast.While) -> None:
        self.visit(node.test)
        self.block(node.body)
        self.block(node.orelse)

    # ---- definitions ---------------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for expr in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d]:
            self.visit(expr)
        self._visit_annotations(node)
        method_of = self.scope.bindings.get("__class__") if self.scope.kind == "class" else None
        if self.may_contain_finding(node):
            self.deferred.append((node, self.scope, method_of, self._lasting_contexts()))
        self.bind(node.name, LOCAL)

    visit_AsyncFunctionDef = visit_FunctionDef

    def _visit_annotations(self, node) -> None:
        args = node.args
        for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if arg is not None and arg.annotation is not None:
                self.visit(arg.annotation)
        if node.returns is not None:
            self.visit(node.returns)

    def _lasting_contexts(self) -> list[Context]:
        # a try block around a def does not catch what the function raises later
        return [c for c in self.contexts if c.kind != "try"]

    def _visit_function(self, node, scope: Scope, method_of, contexts) -> None:
        saved = self.scope, self.contexts
        self.scope = Scope("function", scope, dict.fromkeys(_local_names(node), LOCAL))
        self.contexts = list(contexts)
        params = node.args.posonlyargs + node.args.args
        decorators = {self.qualify(d) for d in node.decorator_list}
        if method_of is not None and params and "builtins.staticmethod" not in decorators:
            is_cls = "builtins.classmethod" in decorators
            self.bind(params[0].arg, method_of if is_cls else Instance(method_of))
        self.block(node.body)
        self.scope, self.contexts = saved

    def visit_Lambda(self, node: ast.Lambda) -> None:
        for expr in node.args.defaults + [d for d in node.args.kw_defaults if d]:
            self.visit(expr)
        saved = self.scope
        names = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
        self.scope = Scope("function", saved, dict.fromkeys(names, LOCAL))
        self.visit(node.body)
        self.scope = saved

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.visit(expr)
        members = {s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        members |= {t.id for s in node.body if isinstance(s, ast.Assign) for t in s.targets
                    if isinstance(t, ast.Name)}
        cls = LocalClass(node.name, [self.qualify(b) for b in node.bases], members)
        if self.may_contain_finding(node):
            saved = self.scope
            self.scope = Scope("class", saved, {"__class__": cls})
            self.block(node.body)
            self.scope = saved
        self.bind(node.name, cls)


@lru_cache(maxsize=4096)
def _defines_module(directory: str, name: str) -> bool:
    return os.path.isfile(os.path.join(directory, name + ".py")) or \
        os.path.isfile(os.path.join(directory, name, "__init__.py"))


def project_module(path: str, name: str) -> bool:
    """Is ``name`` a module of the project itself (``parser.py`` beside the importing file, or in
    a directory above it within the current one)?  Then ``import parser`` is not the removed
    stdlib module: Python finds the project's first."""
    directory = os.path.dirname(os.path.abspath(path))
    top = os.getcwd()
    while True:
        if _defines_module(directory, name):
            return True
        if directory == top or not directory.startswith(top + os.sep):
            return False
        directory = os.path.dirname(directory)


def scan_tree(tree: ast.Module, index: Index, path: str, text: str,
              words: Optional[frozenset] = None) -> list[Finding]:
    return Scanner(index, path, text, words).run(tree)
