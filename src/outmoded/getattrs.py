"""Removed names read with ``getattr`` and a string: as ``module.name`` would, they fail on the target.

- ``getattr(dataclasses, "_is_type")``, without a default, is ``dataclasses._is_type``: an
  AttributeError wherever the module lacks the name (``check_getattr``, at the string);
- a class whose body binds a standard-library module and the name of one of its removed members as
  strings, ``target_container = dataclasses`` / ``target_attribute = '_is_type'``, where a project
  file reads them together, ``getattr(cls.target_container, cls.target_attribute)`` with no default
  and outside any ``try`` catching AttributeError (``check_attribute_pairs``, at the string).
  ansible-core 2.21.5's ``_patches/__init__.py``: ``CallablePatch.get_current_implementation``
  does that getattr, and ``DataclassesIsTypePatch`` (``_dataclass_annotation_patch.py``) binds
  dataclasses and ``'_is_type'``: on the real 3.15, ``import ansible.constants`` raises
  AttributeError: module 'dataclasses' has no attribute '_is_type'.
"""

from __future__ import annotations

import ast
import os
import re

from outmoded.contexts import ATTRIBUTE_ERRORS

CATCHING = frozenset({"AttributeError", "Exception", "BaseException"})


class GetattrReads:
    """Expects ``self.index``, ``self.qualify``, ``self.report`` and ``self.path``."""

    def check_getattr(self, node: ast.Call) -> None:
        args = node.args
        if len(args) != 2 or node.keywords or not isinstance(args[1], ast.Constant) \
                or not isinstance(args[1].value, str) or not args[1].value.isidentifier():
            return
        base = self.qualify(args[0])
        if isinstance(base, str) and not base.startswith("builtins."):
            name = f"{base}.{args[1].value}"
            if name in self.index.names:
                self.report(args[1], self.index.names[name], name, ATTRIBUTE_ERRORS)

    def check_attribute_pairs(self, node: ast.ClassDef) -> None:
        modules, strings = {}, {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                targets, value = stmt.targets, stmt.value
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                targets, value = [stmt.target], stmt.value
            else:
                continue
            for target in targets:
                if not isinstance(target, ast.Name):
                    continue
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.isidentifier():
                    strings[target.id] = value
                elif isinstance(value, (ast.Name, ast.Attribute)):
                    qualified = self.qualify(value)
                    if isinstance(qualified, str) and not qualified.startswith("builtins."):
                        modules[target.id] = qualified
        for module_attr, module in modules.items():
            for name_attr, constant in strings.items():
                name = f"{module}.{constant.value}"
                if name in self.index.names and _read_together(self.path, module_attr, name_attr):
                    self.report(constant, self.index.names[name], name, ATTRIBUTE_ERRORS)


def _read_together(path: str, module_attr: str, name_attr: str) -> bool:
    """Does a Python file of the project call ``getattr(cls.<module_attr>, cls.<name_attr>)`` (or
    ``self.``), with no default, outside a ``try`` whose handlers catch AttributeError?"""
    from outmoded.layout import module_of
    from outmoded.projectfiles import mentions, project_root

    absolute_path = os.path.abspath(path)
    root = project_root(os.path.dirname(absolute_path)) or module_of(absolute_path)[1]
    holders = mentions(root, name_attr)
    if not holders:
        return False
    pattern = re.compile(rb"getattr\(\s*(?:cls|self)\.%s\s*,\s*(?:cls|self)\.%s\s*\)"
                         % (re.escape(module_attr.encode()), re.escape(name_attr.encode())))
    for _, data in holders:
        if pattern.search(data) and _unguarded_read(data, module_attr, name_attr):
            return True
    return False


def _unguarded_read(data: bytes, module_attr: str, name_attr: str) -> bool:
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return False
    return _walk(tree.body, module_attr, name_attr, guarded=False)


def _walk(body: list, module_attr: str, name_attr: str, guarded: bool) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            catches = any(_catches(h.type) for h in stmt.handlers)
            if _walk(stmt.body, module_attr, name_attr, guarded or catches):
                return True
            rest = [s for h in stmt.handlers for s in h.body] + stmt.orelse + stmt.finalbody
            if _walk(rest, module_attr, name_attr, guarded):
                return True
            continue
        nested = [getattr(stmt, field, None) for field in ("body", "orelse", "finalbody")]
        nested.extend([case.body for case in getattr(stmt, "cases", ())])
        blocks = [b for b in nested if isinstance(b, list) and b and isinstance(b[0], ast.stmt)]
        own = [stmt] if not blocks else [child for child in ast.iter_child_nodes(stmt) if not isinstance(child, ast.stmt)]
        if not guarded and any(_is_read(n, module_attr, name_attr) for part in own for n in ast.walk(part)):
            return True
        if any(_walk(b, module_attr, name_attr, guarded) for b in blocks):
            return True
    return False


def _catches(kind) -> bool:
    if kind is None:
        return True
    kinds = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return any(isinstance(k, ast.Name) and k.id in CATCHING or isinstance(k, ast.Attribute) and k.attr in CATCHING
               for k in kinds)


def _is_read(node: ast.AST, module_attr: str, name_attr: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
        and len(node.args) == 2 and not node.keywords \
        and all(isinstance(a, ast.Attribute) and isinstance(a.value, ast.Name) and a.value.id in ("cls", "self")
                and a.attr == attr for a, attr in zip(node.args, (module_attr, name_attr)))
