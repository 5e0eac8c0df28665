"""Behaviour removals: code that does not fail to import or to look up a name, but stops working.

The catalog's ``kind: behaviour`` entries say which static signature proves it (see
``outmoded.catalog``): a method a subclass overrides that the base class no longer calls
(``visit_Num`` on an ``ast.NodeVisitor`` subclass, 3.14), an argument of a kind a function no
longer accepts (``random.sample(a_set)``, 3.11; ``shlex.split(None)``, 3.12), an import hook with
only the legacy ``find_module``/``load_module`` protocol put on ``sys.meta_path`` (3.12).  Only
what the code proves is reported: a literal, a name bound to a known type, a class whose whole
ancestry is known.
"""

from __future__ import annotations

import ast
from types import SimpleNamespace

from outmoded.contexts import ATTRIBUTE_ERRORS, IMPORT_ERRORS, TYPE_ERRORS
from outmoded.scopes import Instance, LocalClass

META_PATH_CALLS = {"sys.meta_path.append": 0, "sys.meta_path.insert": 1, "sys.meta_path.extend": 0}
LEGACY_FINDER = {"find_module", "load_module"}
SET_TYPES = {"builtins.set", "builtins.frozenset"}


class Behaviours:
    """Expects ``self.index``, ``self.qualify``, ``self.ancestry`` and ``self.report``."""

    def check_overrides(self, node: ast.ClassDef, cls: LocalClass) -> None:
        defined = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                   and s.name in self.index.overrides]
        if not defined:
            return
        known, _, members = self.ancestry(cls)
        for function in defined:
            for method in self.index.overrides[function.name]:
                if method.cls in known and not members & set(method.entry.unless):
                    where = SimpleNamespace(lineno=function.lineno, col_offset=function.col_offset,
                                            end_lineno=function.lineno,
                                            end_col_offset=function.col_offset + len("def ") + len(function.name))
                    self.report(where, method.entry, f"{method.cls}.{function.name}", ATTRIBUTE_ERRORS)
                    break

    def check_behaviour_call(self, node: ast.Call, func: str) -> None:
        for entry in self.index.behaviour_calls[func]:
            value = next((k.value for k in node.keywords if k.arg == entry.argument), None)
            if value is None and len(node.args) > entry.position:
                value = node.args[entry.position]
            if value is not None and self._matches(value, entry.matches):
                self.report(value, entry, f"{func}({entry.argument}=<{entry.matches}>)", TYPE_ERRORS)

    def _matches(self, value: ast.expr, kind: str) -> bool:
        if kind == "None":
            return isinstance(value, ast.Constant) and value.value is None
        if isinstance(value, (ast.Set, ast.SetComp)):
            return True
        bound = self.qualify(value)
        return isinstance(bound, Instance) and bound.cls in SET_TYPES

    def check_meta_path(self, node: ast.Call, func: str) -> None:
        if not self.index.meta_path or len(node.args) <= META_PATH_CALLS[func]:
            return
        value = node.args[META_PATH_CALLS[func]]
        items = value.elts if func.endswith("extend") and isinstance(value, (ast.List, ast.Tuple)) else [value]
        for item in items:
            finder = self.qualify(item)
            if isinstance(finder, Instance):
                finder = finder.cls
            if not isinstance(finder, (LocalClass, str)):
                continue
            _, complete, members = self.ancestry(finder)
            if complete and members & LEGACY_FINDER and "find_spec" not in members:
                self.report(item, self.index.meta_path[0], "sys.meta_path", IMPORT_ERRORS)
