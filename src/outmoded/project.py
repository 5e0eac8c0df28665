"""The project model: the checked tree's modules and classes, seen from any one file.

A file's verdict can depend on other modules of its project: ``self.assertEquals`` breaks only if
``self``'s class derives from ``unittest.TestCase``, and that base may be defined in another
module or package, imported relatively (``from .base import ServiceTestCase``); a mixin that
derives from ``object`` breaks in the classes that combine it with a test case; ``if not PY3:``
is a version check when ``PY3`` comes from the project's ``compat`` module.

Two levels keep this cheap:

- ``textindex.TextIndex``: a regex pass over every checked file (class headers and module-level
  version flags, read as text, no parsing), cached per file by size and mtime.  It says which
  classes are used as bases elsewhere (``users``: for mixins) and gives a fingerprint of
  everything a verdict can depend on for the results cache.
- ``Project`` (here): modules are found on disk the way Python's import system would
  (``outmoded.layout``), and a module is parsed (``ast``, once per process) only when a class or
  flag the scan needs lives there.
"""

from __future__ import annotations

import ast
import os
import warnings

from outmoded import guards, reads
from outmoded.layout import absolute, find_module, module_of
from outmoded.records import Record
from outmoded.scopes import BUILTIN_NAMES, STDLIB
from outmoded.source import open_regular
from outmoded.values import class_members, not_implemented


class ClassInfo(Record):
    """A class defined at module level in a project file: ``path`` is the file that defines it
    (its bases are resolved from there), ``bases`` the qualified names as that module resolves
    them (None: unknown)."""

    __slots__ = _fields = ("name", "path", "bases", "members")

    def __init__(self, name: str, path: str, bases: tuple, members: frozenset):
        self.name = name
        self.path = path
        self.bases = bases
        self.members = members


class Summary(Record):
    """What a module defines at its top level: classes, import bindings (local name -> qualified
    name), version flags (name -> value on the target), top-level modules it imports outside any
    branch (``unconditional``), attributes of other modules' objects it assigns (``assigned``:
    qualified names, ``unittest.TestCase.assert_``: ``outmoded.restorers``)."""

    __slots__ = _fields = ("classes", "imports", "flags", "unconditional", "assigned")

    def __init__(self) -> None:
        self.classes: dict = {}
        self.imports: dict = {}
        self.flags: dict = {}
        self.unconditional: set = set()
        self.assigned: set = set()


def unconditional_imports(body: list, handler_fails) -> set[str]:
    """Top-level modules that any run of a module past these statements has imported: its own
    (absolute) imports, those inside ``with`` blocks, and those of a ``try`` whose every handler
    fails on the target (``handler_fails``): six's and psutil's ``try: from setuptools import
    setup / except ImportError: from distutils.core import setup`` either imports setuptools or
    dies, so distutils after it is setuptools' copy.  The one definition for the scanned file
    (whose handlers the scanner judges with the catalog) and for a project module it imports
    (``Summary.unconditional``: a handler fails there when it raises)."""
    found: set[str] = set()
    for stmt in body:
        if isinstance(stmt, ast.Import):
            found.update(a.name.split(".")[0] for a in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            found.add(stmt.module.split(".")[0])
        elif isinstance(stmt, ast.With):
            found |= unconditional_imports(stmt.body, handler_fails)
        elif isinstance(stmt, ast.Try) and stmt.handlers and all(map(handler_fails, stmt.handlers)):
            found |= unconditional_imports(stmt.body, handler_fails)
    return found


EXITS = frozenset({"sys.exit", "exit", "quit", "os._exit"})  # calls that end the program


def ends_run(body: list) -> bool:
    """Does this block end by raising or by exiting the program: a ``raise``, or a call of
    ``sys.exit()`` (also ``exit()``, ``quit()``, ``os._exit()``) as its last statement (docutils
    0.12's setup.py: ``except ImportError: print('Error: ...'); sys.exit(1)``)?  What follows
    the ``try`` never runs after it."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.Raise):
        return True
    call = last.value if isinstance(last, ast.Expr) else None
    func = call.func if isinstance(call, ast.Call) else None
    name = func.id if isinstance(func, ast.Name) else (
        f"{func.value.id}.{func.attr}" if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None)
    return name in EXITS


def raises(body: list, evaluate) -> bool:
    """Does this block raise (or exit) on the target: ``ends_run`` at its end, or in the branch a version
    check (``evaluate``: True, False or None) takes there (cffi 2.1's ``except Exception as ex:
    if sys.version_info >= (3, 12): raise Exception("This CFFI feature requires setuptools ...")``)?"""
    if ends_run(body):
        return True
    for stmt in body:
        if isinstance(stmt, ast.If):
            verdict = evaluate(stmt.test)
            if (verdict is True and raises(stmt.body, evaluate)) or (verdict is False and raises(stmt.orelse, evaluate)):
                return True
    return False


class _Summarizer:
    def __init__(self, path: str, target: tuple[int, int]):
        self.path, self.target = path, target
        self.module = module_of(path)[0]
        self.summary = Summary()
        self.local: dict = {}  # other top-level bindings: shadow imports
        # names bound to (part of) the running version (mock 1.0.1's tests/support.py: info =
        # sys.version_info, then if info[:3] >= (3, 2, 0): import unittest as unittest2)
        self.versions: dict = {}
        self.decided = 0  # inside a branch a version check selects: `PY3 = True` there is a flag
        self.functions: dict = {}  # top-level defs: a version a function returns (guards.returned_version)
        self.bodies_wanted = False  # such a call met while function bodies were left out (``outlined``)

    def lookup(self, node: ast.AST):
        if isinstance(node, ast.Name):
            s = self.summary
            if node.id in s.flags:
                return s.flags[node.id]
            if node.id in self.versions:
                return self.versions[node.id]
            if node.id in s.classes:
                return f"{self.module}.{node.id}"
            if node.id in self.local:
                return None
            return s.imports.get(node.id, f"builtins.{node.id}" if node.id in BUILTIN_NAMES else None)
        if isinstance(node, ast.Attribute):
            base = self.lookup(node.value)
            return f"{base}.{node.attr}" if isinstance(base, str) else None
        return None

    def block(self, body: list) -> None:
        for stmt in body:
            if isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    if alias.asname:
                        self.summary.imports[alias.asname] = alias.name
                    else:
                        root = alias.name.split(".")[0]
                        self.summary.imports[root] = root
            elif isinstance(stmt, ast.ImportFrom):
                module = absolute(self.path, stmt.level, stmt.module) if stmt.level else stmt.module
                for alias in stmt.names:
                    if module and alias.name != "*":
                        self.summary.imports[alias.asname or alias.name] = f"{module}.{alias.name}"
            elif isinstance(stmt, ast.FunctionDef):
                self.functions[stmt.name] = stmt
            elif isinstance(stmt, ast.ClassDef):
                bases = tuple(v if isinstance(v, str) else None for v in map(self.lookup, stmt.bases))
                self.summary.classes[stmt.name] = ClassInfo(stmt.name, self.path, bases,
                                                            frozenset(class_members(stmt)))
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                value = guards.evaluate(stmt.value, self.target, self.lookup) \
                    if isinstance(stmt.value, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Attribute)) \
                    else None
                if value is None and self.decided and isinstance(stmt.value, ast.Constant) \
                        and isinstance(stmt.value.value, bool):
                    value = stmt.value.value  # twisted's `if sys.version_info < (3, 0): _PY3 = False else: True`
                self.versions.pop(name, None)
                call = stmt.value.func.id if isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name) \
                    and not stmt.value.args and not stmt.value.keywords else None
                if call in self.functions and not self.decided:
                    version = guards.returned_version(self.functions[call], self.target, self.lookup)
                    body = self.functions[call].body
                    # an outlined body is one ``pass``: ask for the whole text when the call is named as a flag
                    self.bodies_wanted |= version is None and len(body) == 1 and isinstance(body[0], ast.Pass) \
                        and any(word in f"{name} {call}".lower() for word in ("version", "py2", "py3"))
                else:
                    version = guards.version_value(stmt.value, self.target, self.lookup)
                if value is None and version:
                    self.local.pop(name, None)
                    self.versions[name] = self.summary.flags[name] = version  # imported too: Nuitka's python_version
                elif value is None:
                    self.local[name] = True
                    self.summary.flags.pop(name, None)
                else:
                    self.summary.flags[name] = value
            elif isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    if isinstance(target, ast.Attribute) and isinstance(target.value, (ast.Attribute, ast.Name)):
                        name = self.lookup(target)
                        if isinstance(name, str) and not name.startswith("builtins."):
                            self.summary.assigned.add(name)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and len(stmt.value.args) == 3 \
                    and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "setattr" \
                    and isinstance(stmt.value.args[1], ast.Constant) and isinstance(stmt.value.args[1].value, str):
                owner = self.lookup(stmt.value.args[0])
                if isinstance(owner, str) and not owner.startswith("builtins."):
                    self.summary.assigned.add(f"{owner}.{stmt.value.args[1].value}")
            elif isinstance(stmt, ast.If):
                verdict = guards.evaluate(stmt.test, self.target, self.lookup)
                self.decided += verdict is not None
                if verdict is not False:
                    self.block(stmt.body)
                if verdict is not True:
                    self.block(stmt.orelse)
                self.decided -= verdict is not None
            elif isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                self.block(stmt.body)
                self.block(stmt.orelse)
                before = dict(self.summary.imports)
                for handler in stmt.handlers:  # `except ImportError: import unittest`: the stdlib
                    self.block(handler.body)  # module is what the target gets
                for name, value in list(self.summary.imports.items()):
                    if name in before and before[name] != value and value.split(".")[0] not in STDLIB:
                        self.summary.imports[name] = before[name]


def module_lookup(path: str, tree: ast.Module, target: tuple[int, int]) -> guards.Lookup:
    """The names of a module's top level as its version checks see them (imports, version flags):
    the lookup ``guards.evaluate`` takes, for a file read apart from the scan (a build file:
    Twisted 18.9's ``_setup.py`` and its ``_PY3``)."""
    summarizer = _Summarizer(path, target)
    summarizer.block(tree.body)
    return summarizer.lookup


def outlined(data: bytes, path: str) -> ast.Module:
    """The tree a module's summary reads: its text with every function body left out
    (``sieve.outline``: a summary reads the top level, the blocks and class bodies in it, never a
    function's body), parsed whole when the text cannot be read so surely or the rest fails to
    parse.  Raises what ``ast.parse`` raises on the whole file."""
    from outmoded.sieve import outline
    from outmoded.source import SourceError, decode

    try:
        reduced = outline(decode(data, newline=False).text)
    except SourceError:
        reduced = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if reduced is not None:
            try:
                return ast.parse(reduced, filename=path)
            except (SyntaxError, ValueError, RecursionError, MemoryError, SystemError):
                pass
        return ast.parse(data, filename=path)


class Project:
    """Classes and flags of the project, resolved on demand from the files on disk."""

    def __init__(self, target: tuple[int, int], text=None):
        """``text``: the project's ``textindex.TextIndex`` (None: any file may define flags)."""
        self.target = target
        # class name -> [(path, class name)] of the headers listing it as a base (mixins)
        self.users = text.users() if text else {}
        # files defining version flags at module level; None: any file may (no text index)
        self.flag_files = {os.path.abspath(p) for p in text.flags} if text else None
        self._text, self._indexed = text, None  # files the text index read (the checked ones)
        self._top: frozenset | None = None
        self._summaries: dict[str, Summary | None] = {}
        self.needles = None  # prefilter.ProjectNeedles: the project's own ways through the prefilter
        self._resolved: dict[tuple, object] = {}
        self._comparisons: dict[str, dict] = {}  # path -> class name -> comparisons (``comparisons``)

    def summary(self, path: str) -> Summary | None:
        path = os.path.abspath(path)
        reads.read(path)  # the verdict asking depends on this file's version (a cached one too)
        if path not in self._summaries:
            self._summaries[path] = None  # also guards against cycles while parsing
            try:
                with open_regular(path) as handle:
                    data = handle.read()
                tree = outlined(data, path)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError, SystemError):
                return None
            summarizer = _Summarizer(path, self.target)
            try:
                summarizer.block(tree.body)
                if summarizer.bodies_wanted:  # python_version = _getPythonVersion(): read what it returns
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tree = ast.parse(data, filename=path)
                    summarizer = _Summarizer(path, self.target)
                    summarizer.block(tree.body)
                summarizer.summary.unconditional = unconditional_imports(
                    tree.body, lambda h: raises(h.body, lambda test: guards.evaluate(test, self.target, summarizer.lookup)))
            except (RecursionError, SyntaxError, ValueError, MemoryError, SystemError):
                return None
            self._summaries[path] = summarizer.summary
        return self._summaries[path]

    def flag(self, qualified: str, from_path: str) -> bool | guards.VersionValue | None:
        """The target's value of a version flag another module defines (``compat.PY3``), or what a
        name it binds to (part of) the version holds there (Nuitka's ``from nuitka.PythonVersions
        import python_version``)."""
        module = qualified.rpartition(".")[0]
        path = find_module(module, from_path) if module else None
        if path is None or (self.flag_files is not None and path not in self.flag_files
                            and not path.endswith("__init__.py") and path in self.indexed()):
            return None  # read as text and found to define no flag; a file not checked is parsed
        value = self.resolve(qualified, from_path)
        return value if isinstance(value, (bool, guards.VersionValue)) else None

    def top_level_names(self) -> frozenset:
        """Names of the checked files that are top-level modules where they are (at their import
        root): what a script that puts their directory on ``sys.path`` imports by those names."""
        if self._top is None:
            self._top = frozenset(module_of(p)[0] for p in self._text.shadowing) if self._text else frozenset()
        return self._top

    def indexed(self) -> set:
        if self._indexed is None:
            self._indexed = {os.path.abspath(p) for p in self._text.stamps}
        return self._indexed

    def resolve(self, qualified: str, from_path: str, depth: int = 0):
        """Memoized ``_resolve``: typed receivers ask for the same names again and again.  Each
        answer keeps the files it read, counted again for every verdict that asks (``reads``)."""
        key = (qualified, module_of(from_path)[1], os.path.dirname(os.path.abspath(from_path)))
        answer = self._resolved.get(key)
        if answer is None:
            with reads.recording() as read:
                value = self._resolve(qualified, from_path, depth)
            answer = self._resolved[key] = (value, read)
        else:
            reads.extend(answer[1])
        return answer[0]

    def _resolve(self, qualified: str, from_path: str, depth: int = 0):
        """What a qualified name stands for in the project: a ClassInfo, a flag value, the
        qualified name outside the project it is imported from (``tests.unit.unittest.TestCase``
        is ``unittest.TestCase`` when ``tests/unit`` imports ``unittest``), or None."""
        parts = qualified.split(".")
        if len(parts) < 2 or depth > 8:
            return None
        for cut in range(len(parts) - 1, 0, -1):  # the longest prefix that is a project module
            path = find_module(".".join(parts[:cut]), from_path)
            if path is None:
                continue
            summary = self.summary(path)
            if summary is None:
                return None
            name, rest = parts[cut], parts[cut + 1:]
            if not rest and name in summary.classes:
                return summary.classes[name]
            if not rest and name in summary.flags:
                return summary.flags[name]
            if name in summary.imports:  # re-exported: ``from .base import TestCase`` in __init__.py
                target = ".".join([summary.imports[name]] + rest)
                found = self.resolve(target, path, depth + 1)
                return target if found is None and not find_module(target.split(".")[0], path) else found
            return None
        return None

    def comparisons(self, info: ClassInfo) -> frozenset:
        """The rich comparisons ``info``'s class body defines that can return NotImplemented
        (``values.not_implemented``), read from its file parsed whole, once, when first asked: a
        summary's outline has no function bodies, and few verdicts ask."""
        path = os.path.abspath(info.path)
        reads.read(path)
        classes = self._comparisons.get(path)
        if classes is None:
            classes = self._comparisons[path] = {}
            try:
                with open_regular(path) as handle:
                    data = handle.read()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    todo = list(ast.parse(data, filename=path).body)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError, SystemError):
                todo = []
            for stmt in todo:  # the top level and its blocks, as the summary reads them; the last definition wins
                if isinstance(stmt, ast.ClassDef):
                    classes[stmt.name] = not_implemented(stmt)
                elif isinstance(stmt, (ast.If, ast.Try, getattr(ast, "TryStar", ast.Try))):
                    todo += stmt.body + stmt.orelse + [s for h in getattr(stmt, "handlers", ()) for s in h.body]
        return classes.get(info.name, frozenset())

    def local_class(self, path: str, name: str) -> ClassInfo | None:
        summary = self.summary(path)
        return summary.classes.get(name) if summary else None

    def users_of(self, info: ClassInfo) -> list[ClassInfo]:
        """Project classes that list ``info`` among their bases (they mix it in)."""
        found = []
        for path, name in self.users.get(info.name, ()):
            user = self.local_class(path, name)
            if user is None:
                continue
            for base in user.bases:
                if base is None:
                    continue
                if base == f"{module_of(path)[0]}.{info.name}" and path == info.path:
                    found.append(user)
                    break
                if self.resolve(base, path) is info:
                    found.append(user)
                    break
        return found
