"""Matching import statements against the index, a part of the scanner (``scan.Scanner``): imports
of removed modules and of removed names (``import imp``, ``from collections import Mapping``), a
backport imported where the stdlib name it replaces was found missing (``behaviour.yaml``'s
fallback-import), and what each import binds.  Reports through the scanner's ``report``.
"""

from __future__ import annotations

import ast

from outmoded.contexts import IMPORT_ERRORS
from outmoded.layout import absolute
from outmoded.stdnames import STDLIB
from outmoded.values import LOCAL


class ImportMatches:
    """The scanner's import statements (a mixin of ``scan.Scanner``)."""

    def visit_Try(self, node: ast.Try) -> None:
        """Notes the handlers of a ``try`` that imports a name a backport replaces (``try: from ssl
        import match_hostname / except ImportError: from backports.ssl_match_hostname import ...``)."""
        asked = self._imported_names(node.body) if self.index.fallback_imports else set()
        if asked:
            self.fallback_spans.append((node.handlers[0].lineno if node.handlers else 0,
                                        node.handlers[-1].end_lineno if node.handlers else -1, asked))
        super().visit_Try(node)
        if asked:
            self.fallback_spans.pop()

    visit_TryStar = visit_Try

    @staticmethod
    def _imported_names(body: list[ast.stmt]) -> set[str]:
        return {f"{s.module}.{a.name}" for s in body if isinstance(s, ast.ImportFrom) and s.module and not s.level
                for a in s.names}

    def check_fallback_import(self, node: ast.stmt, module: str) -> None:
        """``import backports.ssl_match_hostname`` where the stdlib name it replaces was found
        missing: from the removal on, that branch runs on every Python 3 (``behaviour.yaml``,
        signature fallback-import)."""
        entry = self.index.fallback_imports.get(module)
        if entry is None:
            return
        leaves = {name.rpartition(".")[2] for name in entry.instead_of}
        if any(c.kind == "replaced" and c.names & leaves for c in self.contexts) or any(
                low <= node.lineno <= high and asked & set(entry.instead_of)
                for low, high, asked in self.fallback_spans):
            self.report(node, entry, module, IMPORT_ERRORS)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if self.index.fallback_imports:
                self.check_fallback_import(node, alias.name)
            entry = self.removed_module(alias.name)
            if entry:
                self.report(alias if hasattr(alias, "lineno") else node, entry, alias.name, IMPORT_ERRORS)
            own = alias.name.split(".")[0] in self.index.provided_by and self.projects_own(alias.name.split(".")[0])
            if alias.asname:  # import six.moves.urllib.request as req: req is urllib.request
                self.bind(alias.asname, LOCAL if own else self.index.canonical(alias.name))
            else:
                root = alias.name.split(".")[0]
                self.bind(root, LOCAL if own else root)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:  # the project's own: bound to its absolute name
            module = absolute(self.path, node.level, node.module) if node.level else None
            for alias in node.names:
                if alias.name != "*":
                    self.bind(alias.asname or alias.name, f"{module}.{alias.name}" if module else LOCAL)
                else:
                    self.starred = None
            return
        if self.index.fallback_imports:
            self.check_fallback_import(node, node.module)
        module = self.index.canonical(node.module)  # six.moves.urllib.parse is urllib.parse
        if module.split(".")[0] in self.index.provided_by and self.projects_own(module.split(".")[0]):
            for alias in node.names:
                if alias.name != "*":
                    self.bind(alias.asname or alias.name, LOCAL)
                else:
                    self.starred = None
            return
        module_entry = self.removed_module(module)
        module_reported = False
        for alias in node.names:
            full = self.index.canonical(f"{node.module}.{alias.name}")
            where = alias if hasattr(alias, "lineno") else node
            entry = self.index.names.get(full) or self.index.modules.get(full)
            if entry:
                self.report(where, entry, full, IMPORT_ERRORS)
            elif module_entry and not module_reported:
                self.report(node, module_entry, module, IMPORT_ERRORS,
                            imported=tuple(a.name for a in node.names if a.name != "*"))
                module_reported = True
            if alias.name != "*":
                self.bind(alias.asname or alias.name, full)
            elif self.starred is not None:  # its names are told by star_bound, a stdlib module's only
                if module.split(".")[0] in STDLIB:
                    self.starred.append(module)
                else:
                    self.starred = None
