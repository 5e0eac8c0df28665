"""A class's annotations read from its namespace: the catalog's ``namespace-annotations`` entries.

From 3.14 (PEP 649, PEP 749) a class body no longer stores ``__annotations__`` in its namespace:
it stores an annotate function, and the mapping is made when ``cls.__annotations__`` is read, kept
out of ``cls.__dict__`` (unless the defining module has ``from __future__ import annotations``).
So ``namespace.get("__annotations__", {})`` in a metaclass's ``__new__``, ``cls.__dict__.get(
"__annotations__")`` and ``vars(cls)["__annotations__"]`` find nothing (or raise KeyError):
pydantic 1.10.13's ``ModelMetaclass.__new__`` (main.py:178) reads them so, and on the real 3.14
``class User(BaseModel): id: int`` has no field ``id`` (``User(id="3")`` drops it silently).
Reported where the code reads the key ``"__annotations__"`` (a subscript or ``.get``) of
``X.__dict__``, of ``vars(X)``, or of the namespace parameter of a ``__new__`` in a class whose
bases name a metaclass (``type``, ``ABCMeta``, ``EnumMeta``, a name ending in ``Meta``); not in a
module that tests ``"__annotations__" in ...`` (it has a way for a namespace without them:
typing_extensions 4.12's ``if "__annotations__" in ns: ... elif sys.version_info >= (3, 14):``),
nor in one that knows 3.14's way (it names ``annotationlib`` or ``__annotate__``), nor where
the mapping read is only changed in place (``namespace.get('__annotations__', {}).clear()``:
pydantic 2.14's ModelMetaclass, which runs on 3.14, empties a namespace's annotations there; with
none to empty, nothing is lost).
"""

from __future__ import annotations

import ast
import re

KEY = "__annotations__"
METACLASSES = {"type", "ABCMeta", "EnumMeta", "EnumType"}
AWARE = ("annotationlib", "__annotate__", "__annotate_func__")
TESTED = re.compile(r"[\"']__annotations__[\"'][ \t]+(?:not[ \t]+)?in\b")  # "__annotations__" in ns
CHANGED = re.compile(r"[ \t]*\.[ \t]*(?:clear|pop|popitem|update|setdefault)[ \t]*\(")  # read to be changed


class NamespaceAnnotations:
    """Expects ``self.index``, ``self.qualify``, ``self.report``, ``self.text``, ``self._body`` and
    ``self.current_block`` (the statements around the one being walked)."""

    def _namespace_entry(self):
        """The ``namespace-annotations`` entry, where the file writes the key as a string and does
        not know 3.14's way (asked once per file); else None."""
        if "_namespace_entry_found" not in self.__dict__:
            entry = None
            if (f"'{KEY}'" in self.text or f'"{KEY}"' in self.text) and not any(w in self.text for w in AWARE) \
                    and not TESTED.search(self.text):
                entry = next(iter(self.index.with_signature("namespace-annotations").values()), None)
            self.__dict__["_namespace_entry_found"] = entry
        return self.__dict__["_namespace_entry_found"]

    def check_namespace_read(self, node: ast.expr, mapping: ast.expr, key: ast.expr) -> None:
        """``mapping[key]`` or ``mapping.get(key, ...)``: reported when the key is ``"__annotations__"``
        and the mapping is a class's namespace."""
        if not (key.__class__ is ast.Constant and key.value == KEY):
            return
        entry = self._namespace_entry()
        if entry is None:
            return
        what = self._namespace_of(mapping, node.lineno)
        if what is not None and not self._changed_in_place(node) and not self._falls_back(node):
            self.report(node, entry, f"{what}[{KEY!r}]", frozenset(entry.raises))

    def _changed_in_place(self, node: ast.expr) -> bool:
        """Is the mapping ``node`` reads only the receiver of a method changing it (``.clear()``)?"""
        line = self.text.split("\n", node.end_lineno)[node.end_lineno - 1]
        rest = line.encode()[node.end_col_offset:].decode(errors="replace")  # offsets count UTF-8 bytes
        return CHANGED.match(rest) is not None

    def _falls_back(self, node: ast.expr) -> bool:
        """Does the code take the class's annotations the way 3.14 keeps them where the namespace
        read finds none: ``ns_read or getattr(cls, "__annotations__", ...)``, or ``ann = ns_read``
        then, in the same block, ``if ann is None:`` (or ``if not ann:``) binding ``ann`` again from
        such a read (langgraph 1.2.22's _internal/_fields.py: ``ann = base.__dict__.get(
        "__annotations__")`` / ``if ann is None: ann = getattr(base, "__annotations__", None)``)?"""
        line, block = node.lineno, self.current_block or []
        for i, statement in enumerate(block):
            if not statement.lineno <= line <= (statement.end_lineno or statement.lineno):
                continue
            value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.Return)) else None
            if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
                at = next((k for k, v in enumerate(value.values) if node in set(ast.walk(v))), len(value.values))
                if any(_reads_annotations(v) for v in value.values[at + 1:]):
                    return True
            targets = statement.targets if isinstance(statement, ast.Assign) else \
                [statement.target] if isinstance(statement, ast.AnnAssign) else []
            if len(targets) != 1 or not isinstance(targets[0], ast.Name) or value is None \
                    or node not in set(ast.walk(value)):
                return False
            return any(_refills(later, targets[0].id) for later in block[i + 1:])
        return False

    def _namespace_of(self, mapping: ast.expr, line: int) -> str | None:
        if mapping.__class__ is ast.Attribute and mapping.attr == "__dict__":
            return "cls.__dict__"
        if mapping.__class__ is ast.Call and len(mapping.args) == 1 and not mapping.keywords \
                and self.qualify(mapping.func) == "builtins.vars":
            return "vars(cls)"
        if mapping.__class__ is ast.Name:
            for start, end, name in self._metaclass_news():
                if start <= line <= end and mapping.id == name:
                    return "a metaclass's namespace"
        return None

    def _metaclass_news(self) -> list:
        """(first line, last line, namespace parameter) of each ``__new__`` of a class whose bases
        name a metaclass, in the file (found once)."""
        found = self.__dict__.get("_metaclass_news_found")
        if found is None:
            found = self.__dict__["_metaclass_news_found"] = []
            for cls in (n for statement in self._body for n in ast.walk(statement)):
                if not isinstance(cls, ast.ClassDef) or not any(_names_metaclass(b) for b in cls.bases):
                    continue
                for function in cls.body:
                    parameters = function.args.posonlyargs + function.args.args \
                        if isinstance(function, ast.FunctionDef) and function.name == "__new__" else []
                    if len(parameters) >= 4:
                        found.append((function.lineno, function.end_lineno, parameters[3].arg))
        return found


def _names_metaclass(base: ast.expr) -> bool:
    name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else None
    return name is not None and (name in METACLASSES or name.endswith(("Meta", "Metaclass", "MetaClass")))


def _reads_annotations(value: ast.expr) -> bool:
    """``getattr(x, "__annotations__", ...)`` or ``x.__annotations__``: the mapping 3.14 makes."""
    if isinstance(value, ast.Attribute):
        return value.attr == KEY
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "getattr" \
        and len(value.args) >= 2 and isinstance(value.args[1], ast.Constant) and value.args[1].value == KEY


def _refills(statement: ast.stmt, name: str) -> bool:
    """``if name is None:`` or ``if not name:`` whose body binds ``name`` from ``_reads_annotations``."""
    if not isinstance(statement, ast.If):
        return False
    test = statement.test
    tested = test.operand if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else \
        test.left if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is) \
        and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None else None
    if not (isinstance(tested, ast.Name) and tested.id == name):
        return False
    return any(isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)
               and s.targets[0].id == name and _reads_annotations(s.value) for s in statement.body)
