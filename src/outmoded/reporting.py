"""What a match of the index becomes (``Scanner.report``): a ``Finding`` with its context, unless
something on the target provides the name again where this module runs: the removed name's
backport (imported here, by the modules importing this one, or installed for its tests), the
project putting it back (``restorers``), the project's own module of that name
(``projects_own``), a copy of the module kept for an older Python (``layout.version_directory``),
or a stub, which nothing runs.  The rest of the scanner calls ``report`` for each match.
"""

from __future__ import annotations

import ast
import os

from outmoded.annotationreads import only_called
from outmoded.catalog import Entry
from outmoded.findings import ERROR, WARNING, make_finding
from outmoded.importers import importers_provide
from outmoded.laterimports import imported_later
from outmoded.layout import beside_script, shadows_stdlib
from outmoded.projectfiles import MAIN_RE
from outmoded.restorers import module_restored, restored
from outmoded.testenv import tests_install

# entries saying what code does when it runs (a call's arguments, a behaviour), not what a name is
RUN_KINDS = frozenset({"argument", "behaviour"})


class Reporting:
    """Expects the scanner's state: ``self.index``, ``self.path``, ``self.text``, ``self.project``,
    ``self.contexts``, ``self.findings`` and the answers of the classes it is combined with
    (``context_of``, ``guard_of``, ``written_for``, ``imported_through``, ``provided_before``...)."""

    def report(self, node: ast.AST, entry: Entry, api: str, errors: frozenset,
               context: str | None = None, imported: tuple = (), unsafe: str | None = None,
               fails_from: tuple[int, int] | None = None) -> None:
        """``unsafe``: why renaming this one would change what the code does (a safe fix is then
        offered as unsafe), or None.  ``fails_from``: the first Python where the line fails, when
        before the entry's removal (a name only a star import binds, which it stopped binding:
        ``starnames``), for what the project's floor and a version's directory make of it."""
        removed = fails_from or entry.removed_in
        if "." in api and self._removed_prefix(api) is not None and self.projects_own(api.partition(".")[0]):
            # a name of a removed module the project has its own module for (what ``import cgi``
            # finds there, as the module's own import is not reported): legacy-cgi 2.6.4's tests
            # call cgi.FieldStorage of its cgi.py, zombie-imp 0.0.4's imp.load_source of its imp.py
            return
        if self.backport_provides(entry, api, node):
            # where this module can be imported at all (or runs: tests), its backport provides the
            # name, unless it lacks it (setuptools' distutils has no msvccompiler: ``buildnames``)
            from outmoded.buildnames import lacking

            missing = lacking(entry.backport, api, imported)
            if missing is None:
                return
            api = missing
        if self.written_for(entry.removed_in) and self._removed_prefix(api) is not None:
            # code only for Pythons that no longer have the module: it comes from elsewhere (a name
            # of a module that still exists, ``collections.Sequence``, comes from nowhere)
            return
        if self.path.endswith(".pyi") and (entry.kind in RUN_KINDS or api in self.index.names
                                           and self.projects_own(api.partition(".")[0])):
            # a stub's name from a stub the project ships: typeshed's sre_parse.pyi imports its
            # sre_constants.pyi; and what a call or an override does when it runs: nothing runs a stub
            # (flake8-pyi 26.5.0's tests/calls.pyi, its input, writes TypedDict("W", {...}, "who knows?"))
            return
        if "." in api and not self.removed_module(api.rpartition(".")[0]) and restored(
                self.project, self.path, api, self.scope.kind != "module", self.target, node.lineno):
            return  # a project module this one imports puts the name back (``outmoded.restorers``)
        if self._removed_prefix(api) is not None and module_restored(self.path, api.partition(".")[0], node.lineno):
            return  # the module, or a package it is in, puts the module into sys.modules first
        if self.version_directory and removed and removed > self.version_directory:
            return  # a copy for an older Python, which still has it
        if context is None and self.in_annotation:
            context = "annotation"
            if self.in_annotation is not True and only_called(self.path, self.in_annotation):
                context = "unread-annotation"  # a function the project only calls: nothing evaluates it
        given = context
        context = self.context_of(api, errors, context, entry.replacement, removed)
        if context == "broken-at-floor" and given is None and not any(c.kind == "handler" for c in self.contexts):
            self.failing.add(id(node))  # it raises wherever it runs: the rest of its block never runs
        if entry.pending:
            context = context or "pending"
        severity = WARNING if context else ERROR
        self.findings.append(make_finding(self.path, self.span(node), entry, api, self.target, severity, context,
                                          self.guard_of(api, context), self.index.min_version, unsafe))

    def backport_provides(self, entry: Entry, api: str, node: ast.AST) -> bool:
        """Does ``entry``'s backport provide it here: this module imports the backport (or is
        imported by, or tests, code that does), as setuptools provides ``distutils`` to a setup.py?
        A module only the backport's older releases have (``backport_before``: setuptools below 82
        for ``pkg_resources``) is provided only where the project requires such a release, with
        itself or for its tests, or a setup.py's build installs one: importing setuptools 84, or
        requiring it unpinned, brings none."""
        if entry.backport_before:
            from outmoded.builds import build_installs

            return tests_install(self.path, entry.provider, self.target, entry.platform) or (
                os.path.basename(self.path) == "setup.py"
                and build_installs(os.path.abspath(self.path), entry.provider, self.target))
        return bool(entry.backport) and (entry.backport in self.top_imports or self.imported_through(entry.backport)
                                         or importers_provide(self.path, entry.backport, self.target, node.lineno)
                                         or tests_install(self.path, entry.backport, self.target, entry.platform)
                                         or self.provided_before(entry.backport, api, node)
                                         or self._imported_later(entry.backport, node))

    def _imported_later(self, backport: str, node: ast.AST) -> bool:
        """Does the block holding ``node`` import ``backport`` after it (``laterimports``)?"""
        if not backport.isidentifier() or backport not in self.text:
            return False
        body = self.whole_body()
        return body is not None and imported_later(body, node.lineno, backport)

    def _removed_prefix(self, name: str) -> Entry | None:
        """The removed module ``name`` is or lies in (``distutils`` for ``distutils.ccompiler``), or None."""
        parts, modules = name.split("."), self.index.modules
        for cut in range(1, len(parts) + 1):
            entry = modules.get(".".join(parts[:cut]))
            if entry:
                return entry
        return None

    def removed_module(self, name: str) -> Entry | None:
        """``_removed_prefix``, unless the project's own module takes that name."""
        entry = self._removed_prefix(name)
        return None if entry is None or self.projects_own(name.split(".")[0]) else entry

    def projects_own(self, root: str) -> bool:
        """Is top-level module ``root`` the project's (a module of its own at an import root, or
        provided by one: setuptools' ``_distutils_hack`` provides ``distutils``)?  In a module that
        has put a directory on ``sys.path``, any top-level module of the project can be:
        grpcio 1.85's setup.py does ``sys.path.insert(0, os.path.abspath(PYTHON_STEM))`` and
        then ``import commands``, its own src/python/grpcio/commands.py.  Inside a ``with`` block
        that changes where imports look (CPython 3.13's ``with
        test_tools.imports_under_tool("cases_generator"): import parser``) any may be.  A script
        (a main block) finds a module beside it first (``layout.beside_script``): asked of removed
        modules only, as a library module with a demo main block means the stdlib's present ones
        (nltk's probability.py beside nltk/collections.py)."""
        provider = self.index.provided_by.get(root)
        return shadows_stdlib(self.path, root) or (provider is not None and shadows_stdlib(self.path, provider)) \
            or self.import_hooks > 0 or (self.path_extended and root in self.project.top_level_names()) \
            or (root in self.index.modules and self._is_script() and beside_script(self.path, root))

    def _is_script(self) -> bool:
        """Has the module a main block (``if __name__ == "__main__":``)?  Searched once."""
        if self._script is None:
            self._script = MAIN_RE.search(self.text) is not None
        return self._script
