"""What a project module defines at its top level, read from its tree: ``Summary`` (classes with
their bases and members, import bindings, version flags, the modules it always imports, the
attributes it assigns on other modules' objects), read by ``Summarizer``; the blocks that end a
run (``ends_run``, ``raises``); ``outlined``, the tree a summary needs (function bodies left out),
and ``module_lookup`` for a file read apart from the scan.  ``outmoded.project`` asks for them
per file and resolves names across modules with them.
"""

from __future__ import annotations

import ast
import warnings

from outmoded import guards
from outmoded.aliasattributes import union_alias
from outmoded.layout import absolute, module_of
from outmoded.records import Record
from outmoded.present import module_on
from outmoded.scopes import BUILTIN_NAMES, STDLIB
from outmoded.values import class_members


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
    qualified names, ``unittest.TestCase.assert_``: ``outmoded.restorers``), names bound to a typing
    Union (``unions``: ``outmoded.aliasattributes``), the modules it star-imports at its top level, in
    order (``stars``: ``from ._common import *``)."""

    __slots__ = _fields = ("classes", "imports", "flags", "unconditional", "assigned", "unions", "stars")

    def __init__(self) -> None:
        self.classes: dict = {}
        self.imports: dict = {}
        self.flags: dict = {}
        self.unconditional: set = set()
        self.assigned: set = set()
        self.unions: set = set()
        self.stars: list = []


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
        elif isinstance(stmt, ast.With) or isinstance(stmt, ast.Try) and stmt.handlers and all(map(handler_fails, stmt.handlers)):
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


class Summarizer:
    """Reads a module's top level into its ``Summary``: imports, classes, version flags, what it
    assigns on other modules' objects; ``lookup`` answers names as its version checks see them."""


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
            found = s.imports.get(node.id, f"builtins.{node.id}" if node.id in BUILTIN_NAMES else None)
            return found if found is not None or not s.stars else self._star_bound(node.id)
        if isinstance(node, ast.Attribute):
            base = self.lookup(node.value)
            return f"{base}.{node.attr}" if isinstance(base, str) else None
        return None

    def _star_bound(self, name: str) -> str | None:
        """A name only star imports can bind, when each is of a stdlib module: the last one's that
        the target has (CherryPy 3.2.6's webtest.py: ``from unittest import *``, then ``class
        WebCase(TestCase)``, the base of its tests' classes), as ``scopes.star_bound`` reads it."""
        if not all(star.split(".")[0] in STDLIB for star in self.summary.stars):
            return None
        from outmoded.starnames import bound_by_stars

        return bound_by_stars(self.summary.stars, name, self.target)

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
                    elif module:
                        self.summary.stars.append(module)
            elif isinstance(stmt, ast.FunctionDef):
                self.functions[stmt.name] = stmt
            elif isinstance(stmt, ast.ClassDef):
                bases = tuple(v if isinstance(v, str) else None for v in map(self.lookup, stmt.bases))
                self.summary.classes[stmt.name] = ClassInfo(stmt.name, self.path, bases,
                                                            frozenset(class_members(stmt)))
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                (self.summary.unions.add if union_alias(stmt.value, self.lookup) else self.summary.unions.discard)(name)
                value = guards.evaluate(stmt.value, self.target, self.lookup) \
                    if isinstance(stmt.value, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Attribute)) \
                    or isinstance(stmt.value, ast.Call) and guards.switch_call(stmt.value) else None
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
                    # unless the try imported a stdlib module the target has: Genshi 0.7.9's compat,
                    # ``try: import ast`` / ``except ImportError: import _ast as ast``, binds ast
                    if name in before and before[name] != value and (
                            value.split(".")[0] not in STDLIB or module_on(before[name], self.target)):
                        self.summary.imports[name] = before[name]


def module_lookup(path: str, tree: ast.Module, target: tuple[int, int]) -> guards.Lookup:
    """The names of a module's top level as its version checks see them (imports, version flags):
    the lookup ``guards.evaluate`` takes, for a file read apart from the scan (a build file:
    Twisted 18.9's ``_setup.py`` and its ``_PY3``)."""
    summarizer = Summarizer(path, target)
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
