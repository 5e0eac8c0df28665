"""Find uses of removed APIs in one module's AST: matching what the code names against the index.

The scanner is assembled from one class per concern: ``scopes.Bindings`` (what a name stands for),
``contexts.GuardContexts`` (whether a branch runs on the target, how sure a finding is, and
whether a backport provides the removed name there) and
``receivers.Receivers`` (which stdlib class an instance derives from) and
``importmatches.ImportMatches`` (import statements of removed modules and names), and
``reporting.Reporting`` (what each match becomes: a ``Finding`` with its context, or nothing where
the target provides the name again).  This module adds the rest of the matching: removed
attributes, removed arguments, dynamic imports.
"""

from __future__ import annotations

import ast
from bisect import bisect_left

from outmoded.aliasattributes import AliasAttributes
from outmoded.behaviours import Behaviours
from outmoded.catalog.index import Index
from outmoded.contexts import (
    ATTRIBUTE_ERRORS,
    IMPORT_ERRORS,
    TYPE_ERRORS,
    GuardContexts,
)
from outmoded.findings import Finding
from outmoded.getattrs import GetattrReads
from outmoded.handedgetattrs import HandedGetattrs
from outmoded.importmatches import ImportMatches
from outmoded.layout import version_directory
from outmoded.metapath import META_PATH_CALLS
from outmoded.narrowing import IsinstanceNarrowing
from outmoded.newlines import line_offsets, split_lines
from outmoded.prefilter import written_alone
from outmoded.project import Project
from outmoded.receivers import Receivers
from outmoded.reporting import Reporting
from outmoded.scopes import STDLIB, Bindings
from outmoded.starnames import StarNames, stdlib_star
from outmoded.values import LOCAL, Instance, LocalClass

class Scanner(ImportMatches, Bindings, GuardContexts, Receivers, Behaviours, AliasAttributes, GetattrReads,
              HandedGetattrs, IsinstanceNarrowing, Reporting):
    def __init__(self, index: Index, path: str, text: str, words: frozenset | None = None,
                 project: Project | None = None):
        Bindings.__init__(self)
        GuardContexts.__init__(self)
        self.index = index
        self.words = words  # needle words present in the file; bodies without any are skipped
        self.roots: frozenset = frozenset()  # those only standing for a module a needle imports (``prefilter._roots``)
        self._root_lines: list[int] | None = None  # the lines naming one of ``roots``, with ``word_lines``
        self._offsets: list[int] | None = None
        self.word_lines: list[int] | None = None  # the lines (from 0) naming a needle word as a word, if known
        self.target = index.target
        self.path = path
        self.text = text
        self._lines: list[str] | None = None
        self._ascii: bool | None = None  # is the text ASCII, asked at the first finding
        self.findings: list[Finding] = []
        self.narrowed: dict = {}  # name -> (scope, class) where an isinstance() test narrows it (narrowing)
        self.excluded: dict = {}  # id of an elif -> (name, class) an earlier test of its chain ruled out (narrowing)
        self.consumed: set = set()  # ids of generator expressions a call runs at once (narrowing.note_consumer)
        self._body: list[ast.stmt] = []
        self.reduced = False  # the tree leaves function bodies out: whole-module questions parse ``text``
        self.stubs: list = []  # then the (first line, end line, indentation) of each body left out (``sieve``)
        self.project = project or Project(index.target)
        self.path_extended = False  # the module has put a directory on sys.path
        self._script: bool | None = None  # has it a main block (``_is_script``), once asked
        self.version_directory = version_directory(path)
        self.import_hooks = 0  # inside ``with <something that changes where imports look>:``
        self.fallback_spans: list[tuple] = []  # (first line, last line, names) of handlers of a try importing names
        self.in_annotation = False  # inside an annotation the module does not evaluate when it runs (True,
        # or the module-level function whose annotations these are)

    def run(self, tree: ast.Module) -> list[Finding]:
        # modules the file imports unconditionally, at its top level: a removed module's backport
        # among them provides it (``import setuptools`` brings its distutils shim)
        self._body = tree.body
        self.future_annotations = any(
            isinstance(s, ast.ImportFrom) and s.module == "__future__" and any(a.name == "annotations" for a in s.names)
            for s in tree.body)
        self.top_project_imports = [s.module for s in tree.body if isinstance(s, ast.ImportFrom) and s.module
                                    and not s.level and s.module.split(".")[0] not in STDLIB] + [
            a.name for s in tree.body if isinstance(s, ast.Import) for a in s.names if a.name.split(".")[0] not in STDLIB]
        self._through: dict[str, bool] = {}  # backport module -> imported through a project module
        self._chained: ast.expr | None = None  # the value of the Attribute being visited (a.b of a.b.c)
        self.block(tree.body)
        self.run_deferred()
        if "typing.Union" in self.index.behaviour_calls and (self.words is None or "__module__" in self.words):
            self.check_alias_attributes(tree.body)
        return self.findings

    def may_contain_finding(self, node: ast.AST) -> bool:
        """Does the node's source write any needle word as a word (``prefilter.written_alone``),
        but for ``roots``?  Every finding's text does (the removed name, method, argument or
        module: the leaf of its needle, not only the module it imports), so a body without one
        cannot hold one."""
        if self.words is None or getattr(node, "end_lineno", None) is None:
            return True
        if self.word_lines is not None:  # the lines naming one, known (``sieve``): is one of them the node's?
            at = bisect_left(self.word_lines, node.lineno - 1)
            return at < len(self.word_lines) and self.word_lines[at] < node.end_lineno
        return self._names(node, self.words.difference(self.roots) if self.roots else self.words)

    def names_word(self, node: ast.AST) -> bool:
        """Does the node's source write any needle word, ``roots`` too?  A class body naming only
        a root is walked for the flags it binds (``LocalClass.flags``), as before roots were told
        apart, though it holds no finding."""
        if self.may_contain_finding(node):
            return True
        if not self.roots or getattr(node, "end_lineno", None) is None:
            return False
        if self.word_lines is None:
            return self._names(node, self.roots)
        if self._root_lines is None:  # the lines naming one, as ``word_lines`` (``bodies.lines_naming``)
            from outmoded.bodies import lines_naming

            self._root_lines = lines_naming(self.text, self.roots)
        at = bisect_left(self._root_lines, node.lineno - 1)
        return at < len(self._root_lines) and self._root_lines[at] < node.end_lineno

    def _names(self, node: ast.AST, words) -> bool:
        if self._offsets is None:
            self._offsets = line_offsets(self.text)
        last, text = len(self._offsets) - 1, self.text
        start, end = self._offsets[min(node.lineno - 1, last)], self._offsets[min(node.end_lineno, last)]
        for word in words:
            position = text.find(word, start, end)
            while position >= 0:
                if written_alone(text, position, position + len(word)):
                    return True
                position = text.find(word, position + 1, end)
        return False

    # ---- reporting -----------------------------------------------------------------------

    def span(self, node: ast.AST) -> tuple[int, int, int, int]:
        line, col = node.lineno, node.col_offset
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        end_col = col if end_col is None else end_col
        return line, self._column(line, col), end_line, self._column(end_line, end_col)

    def _column(self, line: int, byte_offset: int) -> int:
        if self._ascii is None:
            self._ascii = self.text.isascii()
        if self._ascii:  # every line is: a column is its byte offset, and no line need be split out
            return byte_offset + 1
        if self._lines is None:
            self._lines = split_lines(self.text)
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        if text.isascii():
            return byte_offset + 1
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "replace")) + 1

    def visit_With(self, node: ast.With) -> None:
        if self.index.behaviour_calls:
            self.check_awaited_context(node)  # with await lock: (3.9)
        hooks = any(self._changes_imports(item.context_expr) for item in node.items)
        self.import_hooks += hooks
        super().visit_With(node)
        self.import_hooks -= hooks

    def _changes_imports(self, expr: ast.expr) -> bool:
        """A call of a project or third-party context manager named for import paths
        (``imports_under_tool``, ``DirsOnSysPath``, ``extend_path``)?"""
        if not isinstance(expr, ast.Call):
            return False
        name = self.qualify(expr.func)
        if not isinstance(name, str) or (name.split(".")[0] in STDLIB and not name.startswith("test.")):
            return False
        leaf = name.rpartition(".")[2].lower()
        return "import" in leaf or "path" in leaf

    # ---- annotations ---------------------------------------------------------------------
    # A local variable's annotation is never evaluated; a function's, a class's or a module's is not
    # evaluated when the module runs under ``from __future__ import annotations``, nor from 3.14 on
    # (PEP 649; on the real 3.14 even NamedTuple, TypedDict and dataclass bodies are made without
    # it): a removed name there breaks only where annotations are read (typing.get_type_hints,
    # pydantic), a warning; in those of a module-level function the project only calls, nowhere
    # (``annotationreads``: ``in_annotation`` holds the function until a finding asks).

    def _visit_annotations(self, node) -> None:
        deferred = self.future_annotations or self.target >= (3, 14)
        if deferred and not self.in_annotation and self.scope.kind == "module" and not node.decorator_list:
            deferred = node
        saved, self.in_annotation = self.in_annotation, self.in_annotation or deferred
        super()._visit_annotations(node)
        self.in_annotation = saved

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        local = self.scope.kind == "function"
        deferred = self.future_annotations or self.target >= (3, 14)
        if not (local or deferred):
            super().visit_AnnAssign(node)
            return
        if node.value:
            self.visit(node.value)
        if not local:  # a local variable's annotation is not even stored
            saved, self.in_annotation = self.in_annotation, True
            self.visit(node.annotation)
            self.in_annotation = saved
        self.bind_target(node.target, self._assigned_value(node.value) if node.value else LOCAL)

    # ---- expressions ---------------------------------------------------------------------

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, ast.Load):
            base = self.qualify(node.value)  # once: qualify(node) would resolve the chain again
            if isinstance(base, str):
                name = f"{base}.{node.attr}"
                if name in self.index.names:
                    self.report(node, self.index.names[name], name, ATTRIBUTE_ERRORS)
                elif name in self.index.modules and node is not self._chained and not self.removed_module(base):
                    # x = typing.re, not the start of typing.re.Match (that name's own finding)
                    self.report(node, self.index.modules[name], name, ATTRIBUTE_ERRORS)
                elif "." in base and (self.words is None or node.attr in self.words) \
                        and (found := self.project.through_module(name, self.path, self.index.names)):
                    self.report(node, self.index.names[found], found, ATTRIBUTE_ERRORS)  # compat.collections.Mapping
                elif node.attr in self.index.methods and self.check_class_method(node, base):
                    pass  # ConfigParser.readfp: a method the class inherits, read on the class
                elif node.attr in self.index.methods:  # json.__cached__: a member every module object had
                    self.check_module_member(node)
            elif node.attr in self.index.methods:
                if isinstance(base, Instance) and base.cls == "builtins.super" and isinstance(node.value, ast.Call):
                    base = self.super_receiver(node.value)
                elif base is None and self.narrowed:  # isinstance(node.args[0], ast.Constant) and node.args[0].s
                    base = self.narrowed_receiver(node.value, node.attr, node)
                self.check_method(node, base)
        elif node.attr in self.index.methods and (self.narrowed or node.value.__class__ is ast.Name):
            # node.n = -node.n where node is narrowed, or built (c = ast.Constant(1)): on 3.14 the
            # store sets a plain attribute and the value is left as it was (ipython 7.34.0's
            # Negator.visit_Num, once its read is fixed)
            base = self.narrowed_receiver(node.value, node.attr, node) if self.narrowed else None
            if base is None and node.value.__class__ is ast.Name:
                base = self.stored_receiver(node.value, node.attr)
            if base is not None:
                self.check_method(node, base)
        self._chained = node.value
        self.visit(node.value)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        super().visit_ClassDef(node)
        if self.index.behaviour_calls and any(isinstance(b, ast.Subscript) for b in node.bases):
            self.check_protocol_parameters(node)
        if self.index.behaviour_calls:
            self.check_class_body(node)
            if len(node.bases) > 1:
                self.check_duplicate_bases(node)
            if node.keywords:
                self.check_root_bases(node)
        self.check_attribute_pairs(node)
        cls = self.scope.bindings.get(node.name)
        if self.index.overrides and isinstance(cls, LocalClass):
            self.check_overrides(node, cls)

    def visit_Call(self, node: ast.Call) -> None:
        if self.narrowed and len(node.args) == 1 and node.args[0].__class__ is ast.GeneratorExp:
            self.note_consumer(node)  # tuple(k.s for k in node.keys): the elements run here (narrowing)
        if node.func.__class__ is ast.Attribute and node.func.attr == "get" and node.args \
                and node.args[0].__class__ is ast.Constant and node.args[0].value == "__annotations__":
            self.check_namespace_read(node, node.func.value, node.args[0])  # ns.get("__annotations__") (3.14)
        func = self.qualify(node.func)
        if isinstance(func, str):
            if func in ("sys.path.insert", "sys.path.append", "sys.path.extend"):
                self.path_extended = True
            if func in self.index.behaviour_calls:
                self.check_behaviour_call(node, func)
            elif "." in func and self.index.behaviour_calls and func.partition(".")[0] not in STDLIB \
                    and (self.words is None or func.rpartition(".")[2] in self.words) \
                    and (found := self.project.through_module(func, self.path, self.index.behaviour_calls)):
                self.check_behaviour_call(node, found)  # Genshi 0.7.9's _ast.Expression(), compat's ast
            if func in META_PATH_CALLS:
                self.check_meta_path(node, func)
            if func in self.index.arguments:
                self.check_arguments(node, func)
            if func in ("importlib.import_module", "builtins.__import__"):
                self.check_dynamic_import(node)
            elif func == "builtins.getattr":
                self.check_getattr(node)
            elif node.args and self.index.handed and func.partition(".")[0] not in STDLIB:
                self.check_handed_names(node, func)  # @test.checks("Str"): a project function's getattr(ast, name)
        elif isinstance(node.func, ast.Attribute):
            method = self.typed_method(node.func)
            if method in self.index.arguments:
                self.check_arguments(node, method)
            if method in self.index.behaviour_calls:
                self.check_behaviour_call(node, method)
        self.generic_visit(node)

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
            # a keyword the target lacks raises TypeError; a value it refuses, what the entry says
            # (open(path, "rU"): ValueError)
            errors = frozenset(entry.raises) if entry.raises else TYPE_ERRORS
            self.report(hit if hasattr(hit, "lineno") else node, entry, api, errors)

    def check_dynamic_import(self, node: ast.Call) -> None:
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            entry = self.removed_module(node.args[0].value)
            if entry:
                self.report(node.args[0], entry, node.args[0].value, IMPORT_ERRORS)


class StarScanner(StarNames, Scanner):
    """The scanner of a module that star-imports a stdlib module: it also reads names
    (``starnames``)."""


def scan_tree(tree: ast.Module, index: Index, path: str, text: str,
              words: frozenset | None = None, project: Project | None = None, reduced: bool = False,
              word_lines: list[int] | None = None, roots: frozenset = frozenset(), stubs: list = ()) -> list[Finding]:
    """``reduced``: ``tree`` is ``text`` with function bodies left out (``sieve``); ``word_lines``:
    the numbers (from 0, in order) of the lines of ``text`` where one of ``words`` but ``roots``
    is written as a word (``bodies.lines_naming``), if known; ``roots``: the words of ``words``
    that only stand for a module a needle imports (``prefilter._roots``); ``stubs``: where the bodies
    left out of a reduced tree were (``sieve._reduced``'s)."""
    scanner = (StarScanner if stdlib_star(tree.body) else Scanner)(index, path, text, words, project)
    scanner.reduced = reduced
    scanner.stubs = list(stubs)
    scanner.word_lines = word_lines
    scanner.roots = roots
    return scanner.run(tree)
