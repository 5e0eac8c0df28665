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
from outmoded.layout import find_module, found_only_beside, module_of
from outmoded.source import open_regular
from outmoded.summaries import (
    ClassInfo,
    Summarizer,
    Summary,
    outlined,
    raises,
    unconditional_imports,
)
from outmoded.values import not_implemented


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
        self._class_defs: dict[str, dict] = {}  # path -> class name -> its statement (``class_def``)
        self._function_files: dict[tuple, str | None] = {}  # (qualified, from where) -> its module's file
        self._functions: dict[tuple, tuple | None] = {}  # (file, name) -> ``function``'s answer

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
            summarizer = Summarizer(path, self.target)
            try:
                summarizer.block(tree.body)
                if summarizer.bodies_wanted:  # python_version = _getPythonVersion(): read what it returns
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tree = ast.parse(data, filename=path)
                    summarizer = Summarizer(path, self.target)
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

    def function(self, qualified: str, from_path: str) -> tuple | None:
        """``(def, lookup)`` of a module-level function another project module defines
        (``ddtrace.internal.compat.is_at_least_py``), its module's names as its version checks see
        them (``summaries.module_lookup``), or None; the file is parsed once, its read recorded
        for each verdict that asks."""
        from outmoded.expectations import function_in
        from outmoded.summaries import module_lookup

        module, _, name = qualified.rpartition(".")
        key = (qualified, module_of(from_path)[1], os.path.dirname(os.path.abspath(from_path)))
        where = self._function_files.get(key, False)
        if where is False:
            where = self._function_files[key] = find_module(module, from_path) if module else None
        if where is None:
            return None
        reads.read(where)
        if (where, name) not in self._functions:  # once per file, from whichever directory asks
            found = function_in(where, name)
            self._functions[where, name] = (found[0], module_lookup(where, found[1], self.target)) if found else None
        return self._functions[where, name]

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
        path, summary, cut = self._defining(parts, from_path)
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
            # the standard module unless the project's shadows it: one found only beside the file
            # is no import root's (Python 2's implicit relative import), nor is the file itself
            # (Sphinx 4.5's sphinx/pycode/ast.py does ``import ast``, parser.py ``from
            # sphinx.pycode.ast import ast`` and reads ``ast.Str``)
            top = target.split(".")[0]
            return target if found is None and (not find_module(top, path) or found_only_beside(top, path)) else found
        if not name.startswith("_"):
            # re-exported by a star import of a project module: aenum 3.1.17's __init__.py does
            # ``from ._common import *``, where ``PY2 = pyver < (3, )``; test.py imports it from aenum
            for star in reversed(summary.stars):  # the last one binding the name wins
                found = self.resolve(".".join([star, name] + rest), path, depth + 1)
                if found is not None:
                    return found
        return None

    def through_module(self, qualified: str, from_path: str, names) -> str | None:
        """The removed standard-library name (a key of ``names``) a chain through a project module
        stands for, or None: trollius 2.2's coroutines.py reads
        ``events.asyncio.coroutines.CoroWrapper``, where ``events`` is its own module, which did
        ``import asyncio``.  Only a suffix the catalog lists is resolved (``resolve``)."""
        dot = qualified.find(".")
        while dot > 0:
            suffix = qualified[dot + 1:]
            if suffix in names:
                return suffix if self.resolve(qualified, from_path) == suffix else None
            dot = qualified.find(".", dot + 1)
        return None

    def _defining(self, parts: list[str], from_path: str) -> tuple:
        """``(path, summary, cut)`` of the longest prefix ``parts[:cut]`` that is a project module
        (``summary`` None when it cannot be read), or ``(None, None, 0)``: none is."""
        for cut in range(len(parts) - 1, 0, -1):
            path = find_module(".".join(parts[:cut]), from_path)
            if path is not None:
                return path, self.summary(path), cut
        return None, None, 0

    def binds_union(self, qualified: str, from_path: str, depth: int = 0) -> bool:
        """Does a project module bind ``qualified`` to a typing Union (``Summary.unions``), there or
        in the module it imports it from (``aliasattributes``)?"""
        parts = qualified.split(".")
        path, summary, cut = self._defining(parts, from_path) if depth <= 8 else (None, None, 0)
        if summary is None or cut != len(parts) - 1:
            return False
        name = parts[-1]
        return name in summary.unions or (
            name in summary.imports and self.binds_union(summary.imports[name], path, depth + 1))

    def comparisons(self, info: ClassInfo) -> frozenset:
        """The rich comparisons ``info``'s class body defines that can return NotImplemented
        (``values.not_implemented``): a summary's outline has no function bodies, and few verdicts ask."""
        node = self.class_def(info)
        return not_implemented(node) if node is not None else frozenset()

    def class_def(self, info: ClassInfo) -> ast.ClassDef | None:
        """``info``'s class statement, read from its file parsed whole, once, when first asked
        (``comparisons``, ``classattributes``): the top level and its blocks, as the summary reads
        them; the last definition wins."""
        path = os.path.abspath(info.path)
        reads.read(path)
        classes = self._class_defs.get(path)
        if classes is None:
            classes = self._class_defs[path] = {}
            try:
                with open_regular(path) as handle:
                    data = handle.read()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    todo = list(ast.parse(data, filename=path).body)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError, SystemError):
                todo = []
            for stmt in todo:
                if isinstance(stmt, ast.ClassDef):
                    classes[stmt.name] = stmt
                elif isinstance(stmt, (ast.If, ast.Try, getattr(ast, "TryStar", ast.Try))):
                    todo += stmt.body + stmt.orelse + [s for h in getattr(stmt, "handlers", ()) for s in h.body]
        return classes.get(info.name)

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
