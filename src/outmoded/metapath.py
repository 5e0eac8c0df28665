"""Import hooks put on ``sys.meta_path`` that a target's import system no longer drives.

A finder with only the legacy ``find_module``/``load_module`` protocol is skipped from 3.12
(``meta-path-hook``); a loader whose spec ``find_spec`` makes names it (``ModuleSpec(name, self)``)
and that has ``load_module`` but no ``exec_module`` fails at import with AttributeError from 3.15,
where the import system no longer calls ``load_module`` (``meta-path-loader``: pyfakefs 6.3.2's
DynamicPatcher).  Only what the code proves is reported: a class whose whole ancestry is known,
put there directly, through a name, or through an attribute the module only ever sets to an
instance of it (or None).
"""

from __future__ import annotations

import ast

from outmoded import reads
from outmoded.contexts import IMPORT_ERRORS
from outmoded.layout import find_module
from outmoded.source import read_regular
from outmoded.values import Instance, LocalClass

META_PATH_CALLS = {"sys.meta_path.append": 0, "sys.meta_path.insert": 1, "sys.meta_path.extend": 0}
LEGACY_FINDER = {"find_module", "load_module"}
# the stdlib bases a loader may have that define no exec_module on 3.15 (the real 3.15's importlib)
LOADER_FREE_BASES = {"builtins.object", "importlib.abc.Loader", "importlib.abc.MetaPathFinder",
                     "importlib.abc.PathEntryFinder", "importlib.abc.ResourceLoader"}
# the calls making a spec, and the position of their loader argument (None: ``loader=`` only)
SPEC_OF_LOADER = {"importlib.machinery.ModuleSpec": 1, "importlib.util.spec_from_loader": 1,
                  "importlib.util.spec_from_file_location": None}


class MetaPathHooks:
    """Expects ``self.index``, ``self.qualify``, ``self.ancestry``, ``self.report``, ``self._body``
    and ``self.path``."""

    def check_meta_path(self, node: ast.Call, func: str) -> None:
        if not self.index.meta_path or len(node.args) <= META_PATH_CALLS[func]:
            return
        value = node.args[META_PATH_CALLS[func]]
        items = value.elts if func.endswith("extend") and isinstance(value, (ast.List, ast.Tuple)) else [value]
        for item in items:
            finder = self.qualify(item)
            if finder is None and isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name):
                finder = self._attribute_instance(item.attr)
            if isinstance(finder, Instance):
                finder = finder.cls
            if not isinstance(finder, (LocalClass, str)):
                continue
            known, complete, members = self.ancestry(finder)
            if not complete:
                continue
            for entry in self.index.meta_path:
                if entry.signature == "meta-path-hook":
                    legacy = members & LEGACY_FINDER and "find_spec" not in members \
                        and not (func.endswith("insert") and self._driven_after(node.args[0]))
                else:  # meta-path-loader
                    legacy = "load_module" in members and "exec_module" not in members \
                        and known <= LOADER_FREE_BASES and self._spec_of_self(finder)
                if legacy:
                    self.report(item, entry, "sys.meta_path", IMPORT_ERRORS)
                    break

    def _attribute_instance(self, attr: str) -> Instance | None:
        """The module's class whose instances are all the module stores as ``<anything>.attr``
        (pyfakefs' ``self._dyn_patcher = DynamicPatcher(self)``, None apart), when every store
        is such a plain assignment."""
        stores = [n for n in ast.walk(ast.Module(body=self._body, type_ignores=[]))
                  if isinstance(n, ast.Attribute) and n.attr == attr and isinstance(n.ctx, ast.Store)]
        values = {}
        for stmt in ast.walk(ast.Module(body=self._body, type_ignores=[])):
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                values.update((id(t), stmt.value) for t in targets if isinstance(t, ast.Attribute) and t.attr == attr)
        classes = set()
        for store in stores:
            value = values.get(id(store), store)
            if value is None or isinstance(value, ast.Constant) and value.value is None:
                continue
            cls = self.qualify(value.func) if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else None
            if not isinstance(cls, LocalClass):
                return None
            classes.add(cls)
        return Instance(classes.pop()) if len(classes) == 1 else None

    def _spec_of_self(self, finder) -> bool:
        """Does ``find_spec``, as the module's class defines it in its body, return a spec whose
        loader is its ``self``: ``ModuleSpec(name, self)``, ``spec_from_loader(name, self)``,
        ``spec_from_file_location(name, path, loader=self)``, returned as it is made, through a
        conditional expression (``... if name == "x" else None``) or through a name the method
        assigned it to (``spec = ModuleSpec(name, self)``)?"""
        node = finder.node if isinstance(finder, LocalClass) else None
        method = next((s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "find_spec"
                       and not s.decorator_list and s.args.args), None) if node is not None else None
        if method is None:
            return False
        me, todo, returned, assigned = method.args.args[0].arg, list(method.body), [], {}
        while todo:
            stmt = todo.pop()
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue  # its returns are not find_spec's
            if isinstance(stmt, ast.Return) and stmt.value is not None:
                returned.append(stmt.value)
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                assigned.setdefault(stmt.targets[0].id, []).append(stmt.value)
            todo.extend(ast.iter_child_nodes(stmt))
        seen = set()
        while returned:
            value = returned.pop()
            if isinstance(value, ast.IfExp):
                returned += (value.body, value.orelse)
            elif isinstance(value, ast.Name) and value.id not in seen:
                seen.add(value.id)
                returned += assigned.get(value.id, ())
            elif isinstance(value, ast.Call) and self._names_loader(value, me):
                return True
        return False

    def _names_loader(self, call: ast.Call, me: str) -> bool:
        """Is ``call`` one of the spec-making calls, with ``me`` as its loader?"""
        position = SPEC_OF_LOADER.get(self.qualify(call.func), -1)
        if position == -1:
            return False
        loader = next((k.value for k in call.keywords if k.arg == "loader"), None)
        if loader is None and position is not None and position < len(call.args):
            loader = call.args[position]
        return isinstance(loader, ast.Name) and loader.id == me

    def _driven_after(self, position: ast.expr) -> bool:
        """Is ``position`` ``sys.meta_path.index(F) + 1``, right after a finder ``F`` that is a
        module-level instance of a class (of this module or a project module it imports) whose
        ``find_spec`` loops over the finders after it in ``sys.meta_path`` and calls their
        ``find_module`` itself?  Pyomo 6.10.1's test_dependencies.py puts an imp-style finder there,
        after its DeferredImportCallbackFinder, which does: the test passes on the real 3.13."""
        call = position.left if isinstance(position, ast.BinOp) and isinstance(position.op, ast.Add) \
            and isinstance(position.right, ast.Constant) and position.right.value == 1 else None
        if not (isinstance(call, ast.Call) and len(call.args) == 1 and isinstance(call.args[0], ast.Name)
                and self.qualify(call.func) == "sys.meta_path.index"):
            return False
        name, body = call.args[0].id, self._body
        qualified = self.qualify(call.args[0])
        if isinstance(qualified, str) and "." in qualified:  # imported from a project module
            module, _, name = qualified.rpartition(".")
            path = find_module(module, self.path)
            if path is None:
                return False
            reads.read(path)
            try:
                body = ast.parse(read_regular(path)).body
            except (OSError, SyntaxError, ValueError):
                return False
        return drives_legacy_finders(body, name)


def drives_legacy_finders(body: list, name: str) -> bool:
    """Is ``name`` bound at the top of ``body`` to ``Cls()``, a class ``body`` defines whose
    ``find_spec`` calls ``.find_module`` inside a loop over a slice of ``sys.meta_path``?"""
    made = [s.value.func.id for s in body if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name and isinstance(s.value, ast.Call)
            and isinstance(s.value.func, ast.Name)]
    if len(made) != 1:
        return False
    classes = [s for s in body if isinstance(s, ast.ClassDef) and s.name == made[0]]
    if len(classes) != 1:
        return False
    for method in classes[0].body:
        if isinstance(method, ast.FunctionDef) and method.name == "find_spec":
            for loop in ast.walk(method):
                if isinstance(loop, ast.For) and isinstance(loop.iter, ast.Subscript) \
                        and ast.unparse(loop.iter.value) == "sys.meta_path" \
                        and any(isinstance(n, ast.Attribute) and n.attr == "find_module"
                                for stmt in loop.body for n in ast.walk(stmt)):
                    return True
    return False
