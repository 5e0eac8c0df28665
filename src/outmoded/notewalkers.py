"""The scanner walking a module to note what it reaches outside dead code, reporting nothing.

The project-wide questions ask the scanner itself where a name is used, so every guard it
understands counts and nothing else does:

- ``Imports`` (``unreached``): the modules the import statements it visits import
  (``wanted``: node -> their names; noted in ``live``), and the dotted names its strings spell
  (``spelled_name``: a module loaded by name, passlib 1.7.4's ``_lazy_attrs['OrderedDict'] =
  'passlib.utils.compat._ordered_dict.OrderedDict'`` under ``if PY26:``);
- ``Names`` (``uncalled``): the candidate functions it reads by name (``wanted``: name -> def;
  noted in ``named`` as (line, name));
- ``Uses`` (``deadmethods``): each use of a candidate name, by name or as an attribute, with the
  module-level class of its receiver (noted in ``uses`` as (line, name, class name or None)).

The classes are made on first use: the scanner is not imported by a run that asks nothing.
"""

from __future__ import annotations

import re

_CLASSES: dict = {}
# a module's dotted name, maybe with an attribute after a dot or a colon (entry points' spelling)
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?::[A-Za-z_][\w.]*)?")


def spelled_name(value: object) -> str | None:
    """The dotted name a string constant spells (``'pkg.mod:Name'`` -> ``pkg.mod.Name``), or None."""
    return value.replace(":", ".") if isinstance(value, str) and _DOTTED.fullmatch(value) else None


def walker(kind: str):
    """The walker class of ``kind``: "imports", "names" or "uses"."""
    if not _CLASSES:
        _define()
    return _CLASSES[kind]


def _define() -> None:
    import ast

    from outmoded.scan import Scanner
    from outmoded.values import Instance, LocalClass

    class Quiet(Scanner):
        wanted = None
        whole_of = None  # walking a tree the sieve reduced: the scanner whose whole tree to read

        def whole_body(self) -> list | None:
            return super().whole_body() if self.whole_of is None else self.whole_of.whole_body()

        def report(self, *args, **kwargs) -> None:
            return None

        def _outside_dead(self) -> bool:
            return not any(c.kind == "dead" for c in self.contexts)

    class Imports(Quiet):
        live: set = set()

        def _note(self, node) -> None:
            if self._outside_dead():
                self.live.update(n for n in self.wanted(node) if n)

        def visit_Import(self, node: ast.Import) -> None:
            self._note(node)
            super().visit_Import(node)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            self._note(node)
            super().visit_ImportFrom(node)

        def visit_Constant(self, node: ast.Constant) -> None:
            name = spelled_name(node.value)
            if name and self._outside_dead():
                self.live.add(name)

    class Names(Quiet):
        named: list = []

        def visit_Name(self, node: ast.Name) -> None:
            if node.id in self.wanted and self._outside_dead():
                self.named.append((node.lineno, node.id))

    class Uses(Quiet):
        uses: list = []

        def visit_Name(self, node: ast.Name) -> None:
            if node.id in self.wanted and self._outside_dead():
                self.uses.append((node.lineno, node.id, None))

        def visit_Attribute(self, node: ast.Attribute) -> None:
            if node.attr in self.wanted and self._outside_dead():
                self.uses.append((node.lineno, node.attr, self._receiver(node.value)))
            super().visit_Attribute(node)

        def _receiver(self, value: ast.expr) -> str | None:
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super":
                scope = self.scope
                while scope is not None and scope.kind != "class":
                    scope = scope.parent
                found = scope.bindings.get("__class__") if scope is not None else None
            else:
                found = self.qualify(value)
                if isinstance(found, Instance):
                    found = found.cls
            return found.name if isinstance(found, LocalClass) else None

    _CLASSES.update(imports=Imports, names=Names, uses=Uses)
