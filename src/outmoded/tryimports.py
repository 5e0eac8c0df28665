"""A ``try``'s imports: whether each certainly works on the target (so the handlers are
compatibility code for other Pythons that never runs there), certainly fails (so the handlers run
for sure), or names the project's own modules (so they are for other versions of the project).
``TryImports`` is the part of ``fallbacks.TryFallbacks`` that asks; an import of a stdlib module
is decided by the catalog (a removed module or name) and by what the real interpreter of the target
lists in the module (``present``: a name it lacks that no submodule provides).
"""

from __future__ import annotations

import ast

from outmoded.stdnames import STDLIB


class TryImports:
    """Expects ``self.index``, ``self.target``, ``self.removed_module``, ``self.projects_own``,
    ``self.backport_provides`` and ``self.path`` from the classes it is combined with."""

    def _import_fails(self, stmt: ast.stmt) -> bool:
        """Does this import certainly fail on the target (a removed module or name, which no
        backport provides here: setuptools' ``distutils`` in a setup.py, unless it lacks the module
        or name, ``buildnames``; or a name the target's module does not have, ``_lacks``)?"""
        if isinstance(stmt, ast.Import):
            return any(self._import_of_fails(self.removed_module(a.name), a.name, stmt) or self._no_module(a.name)
                       for a in stmt.names)
        if stmt.level or not stmt.module:
            return False
        return self._import_of_fails(self.removed_module(stmt.module), stmt.module, stmt, [a.name for a in stmt.names]) or any(
            self._import_of_fails(self.index.names.get(f"{stmt.module}.{a.name}"), f"{stmt.module}.{a.name}", stmt)
            for a in stmt.names) or self._lacks(stmt)

    def _missing_names(self, node: ast.Try) -> set:
        """The names an import of the ``try`` body that certainly fails on the target binds, which
        every handler catching its ImportError binds to None or False: false there, so a branch
        testing them never runs (speedtest-cli 2.1.3's ``try: from httplib import FakeSocket`` /
        ``except ImportError: FakeSocket = None``, then ``elif FakeSocket:`` ...
        ``socket.ssl(self.sock)``, skipped on the real 3.13).  Only where no other statement of
        the ``try`` binds them."""
        from outmoded.guardcontext import ANY_ERROR, IMPORT_ERRORS
        from outmoded.handlers import caught_names, falsy_names

        handlers = [h for h in node.handlers if caught_names(h, self.qualify) & (IMPORT_ERRORS | ANY_ERROR)]
        falsy = set.intersection(*(falsy_names(h.body) for h in handlers)) if handlers else set()
        if not falsy:  # asked first: most handlers bind no such name, and no import need be judged
            return set()
        imported = {alias.asname or (alias.name if isinstance(stmt, ast.ImportFrom) else alias.name.split(".")[0])
                    for stmt in node.body if isinstance(stmt, (ast.Import, ast.ImportFrom)) and self._import_fails(stmt)
                    for alias in stmt.names}
        missing = imported & falsy
        others = [s for s in node.body + node.orelse + node.finalbody if not isinstance(s, (ast.Import, ast.ImportFrom))]
        return {name for name in missing if not any(isinstance(n, ast.Name) and n.id == name and isinstance(
            n.ctx, ast.Store) for s in others for n in ast.walk(s))}

    def _handler_import_fails(self, handlers: list) -> bool:
        """Does an ``except ImportError:`` handler import a module of the project that only
        Python 2's implicit relative import finds (``layout.found_only_beside``)?  Then the
        fallback fails too, and the body's failure escapes as an ImportError: pydub 0.23.1's
        ``try: import audioop`` / ``except ImportError: import pyaudioop as audioop`` (No module
        named 'pyaudioop' on the real 3.13)."""
        from outmoded.guardcontext import IMPORT_ERRORS
        from outmoded.handlers import caught_names
        from outmoded.layout import found_only_beside

        for handler in handlers:
            if handler.type is not None and not caught_names(handler, self.qualify) & IMPORT_ERRORS:
                continue
            for stmt in handler.body:
                dotted = [a.name for a in stmt.names] if isinstance(stmt, ast.Import) else \
                    [stmt.module] if isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module else []
                if any(d.split(".")[0] not in STDLIB and found_only_beside(d, self.path) for d in dotted):
                    return True
        return False

    def _import_of_fails(self, entry, api: str, stmt: ast.stmt, names=()) -> bool:
        """Does importing ``api`` (``names`` from it), removed by ``entry``, fail here?"""
        if entry is None or not self.backport_provides(entry, api, stmt):
            return entry is not None
        from outmoded.buildnames import lacking

        return lacking(entry.backport, api, names) is not None

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
        return all(self._stdlib_on_target(m.split(".")[0]) and not self.removed_module(m) and not self._no_module(m)
                   for m in modules) and not (isinstance(stmt, ast.ImportFrom) and self._lacks(stmt))

    def _no_module(self, dotted: str) -> bool:
        """Is a part of ``dotted`` a stdlib module's name that is no module on the target
        (``present.not_a_module``: ``import importlib.abc.Loader as imp``, which always fails)?"""
        if "." not in dotted or dotted.split(".")[0] not in STDLIB or self.projects_own(dotted.split(".")[0]):
            return False
        from outmoded.present import not_a_module

        return not_a_module(dotted, self.target)

    def _lacks(self, stmt: ast.ImportFrom) -> bool:
        """Does the target's stdlib module lack a name this import takes from it, as the real
        interpreter lists the module (``present.has``: False, not unknown) and no submodule of
        that name exists there?  Cython 0.29.21's runtests.py: ``try: from unittest.runner import
        _TextTestResult`` (never there in Python 3) / ``except ImportError: from unittest import
        _TextTestResult`` (gone in 3.12): the handler runs, and fails."""
        module = stmt.module
        root = module.split(".")[0]
        if root not in STDLIB or self.projects_own(root):
            return False
        from outmoded.present import has, module_on

        return any(a.name != "*" and has(module, a.name, self.target) is False
                   and not module_on(f"{module}.{a.name}", self.target) for a in stmt.names)

    def _own_modules(self, stmt: ast.stmt) -> bool:
        """Does this absolute import name only modules that are files of the project (``from
        mercurial import pycompat`` in mercurial 7.2.4's contrib/perf.py, found at the project's
        top: ``layout.find_module``), none of them a stdlib module's name?  Its ``except
        ImportError:`` is for other versions of the project, not of Python."""
        if isinstance(stmt, ast.Import):
            dotted = [a.name for a in stmt.names]
        elif stmt.level or not stmt.module:
            return False
        else:
            dotted = [f"{stmt.module}.{a.name}" for a in stmt.names]
        if any(d.split(".")[0] in STDLIB for d in dotted):
            return False
        from outmoded.layout import find_module

        return all(find_module(d, self.path) is not None for d in dotted)

    def _stdlib_on_target(self, root: str) -> bool:
        """Is ``root`` a stdlib module there, also one newer than the running interpreter (lz4 4.4's
        ``try: import compression._common._streams`` / ``except ImportError: import
        _compression``, at 3.15; ``present.module_on``)?"""
        if root in STDLIB:
            return True
        from outmoded.present import module_on

        return module_on(root, self.target) and not self.projects_own(root)
