"""Behaviour removals a class body shows: a method a subclass overrides that the base class no
longer calls (``visit_Num`` on an ``ast.NodeVisitor`` subclass, 3.14), a type variable a generic
base uses that the ``Protocol[...]`` base does not list (3.15), a method stacking
``@classmethod`` over ``@property`` (3.13), a ``functools.partial`` the body binds, read through
``self`` (3.14: bound as a method), ``not self.__eq__(other)`` where the class's ``__eq__``, its
own or one it inherits from a class of the project, can return NotImplemented (3.14: a TypeError
in a boolean context).  The catalog's ``kind:
behaviour`` entries with those signatures (``outmoded.catalog.schema``); the calls are
``outmoded.behaviours``'.
"""

from __future__ import annotations

import ast
from types import SimpleNamespace

from outmoded.contexts import ATTRIBUTE_ERRORS
from outmoded.handlers import only_statement
from outmoded.handon import only_hands_on
from outmoded.stdnames import STDLIB
from outmoded.summaries import ClassInfo
from outmoded.values import Instance, LocalClass, not_implemented, own_nodes, returns_not_implemented

TYPE_VARIABLES = {f"{module}.{cls}" for module in ("typing", "typing_extensions")
                  for cls in ("TypeVar", "ParamSpec", "TypeVarTuple")}


def _truth_tested(function: ast.AST) -> list:
    """The expressions a function's own code tests for truth: the operand of ``not``, the test of
    ``if``, ``while``, ``assert`` and a conditional expression, ``bool()``'s argument, every operand
    of ``and``/``or`` but the last (the last too where the whole is tested)."""
    tested, found = [], []
    for node in own_nodes(function):
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            tested.append(node.operand)
        elif isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            tested.append(node.test)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "bool" \
                and len(node.args) == 1:
            tested.append(node.args[0])
        elif isinstance(node, ast.BoolOp):
            found.extend(node.values[:-1])
    while tested:
        value = tested.pop()
        if isinstance(value, ast.BoolOp):
            tested.extend(value.values)
        else:
            found.append(value)
    return list({id(value): value for value in found}.values())  # an and/or operand under not: once


def _stores_attribute(cls: ast.ClassDef, attr: str) -> bool:
    """Does code in the class assign ``<anything>.attr`` (``self.attr = ...``)?"""
    return any(isinstance(n, ast.Attribute) and n.attr == attr and isinstance(n.ctx, ast.Store) for n in ast.walk(cls))


def _abstract_stub(function: ast.AST | None) -> bool:
    """Is the body of an abstract method a stub (``...``, ``pass``, a docstring, ``raise
    NotImplementedError``)?  ibis 12.0.0's flink/utils.py: ``@classmethod / @property /
    @abstractmethod / def units(self): ...``, which every subclass replaces by a class attribute
    (``units = (IntervalUnit.YEAR, IntervalUnit.MONTH)``): what the stub returns means nothing on
    any version."""
    statement = only_statement(function) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    if isinstance(statement, ast.Raise):
        raised = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"
    return isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr)
                                               and isinstance(statement.value, ast.Constant))


class ClassBehaviours:
    """Expects ``self.index``, ``self.qualify``, ``self.ancestry``, ``self.report``, ``self.reduced``
    and ``self.whole_body``."""

    def check_overrides(self, node: ast.ClassDef, cls: LocalClass) -> None:
        defined = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                   and s.name in self.index.overrides]
        if not defined:
            return
        known, _, members = self.ancestry(cls)
        for function in defined:
            for method in self.index.overrides[function.name]:
                if method.cls in known and not self._stops_override(cls, members, method.entry):
                    where = SimpleNamespace(lineno=function.lineno, col_offset=function.col_offset,
                                            end_lineno=function.lineno,
                                            end_col_offset=function.col_offset + len("def ") + len(function.name))
                    self.report(where, method.entry, f"{method.cls}.{function.name}", ATTRIBUTE_ERRORS)
                    break

    def _stops_override(self, cls: LocalClass, members: set, entry) -> bool:
        """Does a member of ``entry.unless`` the class gets (``members``, from its ancestry) keep
        the base class from no longer calling the override: any of them, except one of
        ``pass_through`` that every class on the way defines only to hand on (``handon``)?"""
        stopping = members & set(entry.unless)
        if not stopping or stopping - set(entry.pass_through):
            return bool(stopping)
        return any(self._defined_otherwise(cls, name, self.path) for name in stopping)

    def _defined_otherwise(self, value, name: str, where: str, depth: int = 0) -> bool:
        """Does a class on the way up from ``value`` (as ``ancestry`` walks it) define ``name`` other
        than as a method that only hands its argument on to its base's, or in a body not at hand?"""
        if depth > 30:
            return True
        if isinstance(value, LocalClass):
            node = None if value.node is None else self.whole_class(value.node)
            defines, bases = name in value.members, value.bases
        elif isinstance(value, str):
            if value in self.index.bases or value.split(".")[0] in STDLIB or value.startswith("builtins."):
                return False  # the standard library's own dispatcher
            info = self.project.resolve(value, where)
            if isinstance(info, str) and info != value:
                return self._defined_otherwise(info, name, where, depth + 1)
            if not isinstance(info, ClassInfo):
                return False  # unknown: its members are not among those ``ancestry`` found
            node, defines, bases, where = self.project.class_def(info), name in info.members, info.bases, info.path
        else:
            return False
        if defines and (node is None or not only_hands_on(node, name)):
            return True
        return any(self._defined_otherwise(base, name, where, depth + 1) for base in bases if base is not None)

    def check_protocol_parameters(self, node: ast.ClassDef) -> None:
        """``class X(P1[S], Protocol[T, T2])``: a type variable another base is subscripted with that
        the ``Protocol[...]`` base does not list."""
        listing, listed, others = None, set(), []
        for base in node.bases:
            if not isinstance(base, ast.Subscript):
                continue
            name = self.qualify(base.value)
            entries = self.index.behaviour_calls.get(name, ()) if isinstance(name, str) else ()
            entry = next((e for e in entries if e.signature == "protocol-parameters"), None)
            if entry is not None and listing is None:
                listing = (base, entry, name)
                listed = {n.id for n in ast.walk(base.slice) if isinstance(n, ast.Name)}
            else:
                others.append(base)
        if listing is None:
            return
        base, entry, name = listing
        for other in others:
            missing = next((n.id for n in ast.walk(other.slice) if isinstance(n, ast.Name) and n.id not in listed
                            and isinstance(self.qualify(n), Instance) and self.qualify(n).cls in TYPE_VARIABLES), None)
            if missing is not None:
                self.report(base, entry, f"{name}[...] without {missing}", frozenset(entry.raises))
                return

    def check_duplicate_bases(self, node: ast.ClassDef) -> None:
        """``class TimeoutError(asyncio.TimeoutError, builtins.TimeoutError, RedisError)``: a base a
        ``duplicate-base`` entry names beside one that is the same class on the target (the entry's
        ``matches``, or another such entry's name with the same ``matches``): the class statement
        raises TypeError "duplicate base class" (aioredis 2.0.1's exceptions.py, from 3.11)."""
        names = [self.qualify(base) for base in node.bases]
        aliases = {}
        for position, name in enumerate(names):
            entry = next((e for e in self.index.behaviour_calls.get(name, ()) if e.signature == "duplicate-base"),
                         None) if isinstance(name, str) else None
            if entry is not None:
                aliases[position] = entry
        same = [aliases[p].matches if p in aliases else n for p, n in enumerate(names)]
        for position, entry in aliases.items():
            other = next((names[p] for p, n in enumerate(same) if p != position and n == entry.matches), None)
            if other is not None:
                short = other.replace("builtins.", "")
                self.report(node.bases[position], entry, f"{names[position]} beside {short}", frozenset(entry.raises))
                return

    def check_root_bases(self, node: ast.ClassDef) -> None:
        """``class TypeVar(typing.TypeVar, _DefaultMixin, _root=True)``: a base a ``root-base`` entry
        names, in a class statement passing ``_root=`` (typing's classes let such a subclass through
        before 3.12; from 3.12 they are C types and the statement raises TypeError "type
        'typing.TypeVar' is not an acceptable base type": typing_extensions 4.4.0, at import)."""
        if not any(k.arg == "_root" for k in node.keywords):
            return
        for base in node.bases:
            name = self.qualify(base)
            entry = next((e for e in self.index.behaviour_calls.get(name, ()) if e.signature == "root-base"),
                         None) if isinstance(name, str) else None
            if entry is not None:
                self.report(base, entry, f"class {node.name}({name}, _root=...)", frozenset(entry.raises))
                return

    def check_class_body(self, node: ast.ClassDef) -> None:
        self.check_decorator_stacks(node)
        self.check_class_attributes(node)
        self.check_truth_values(node)

    def check_truth_values(self, node: ast.ClassDef) -> None:
        """``return not self.__eq__(other)`` where the ``__eq__`` the class gets can ``return
        NotImplemented``: a ``truth-value`` entry's method called on a method's first parameter
        where the result is tested for truth, in a method that neither returns NotImplemented
        itself nor calls ``isinstance`` (either tells the other operand's type first).  The
        ``__eq__`` is the class body's own or, where it defines none, the first one on the way up
        its bases, in this module or another module of the project (``_inherits_not_implemented``)."""
        entries = self._truth_entries()
        if not entries:
            return
        for function in node.body:
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = function.args.posonlyargs + function.args.args
            if function.decorator_list or not parameters or not self.may_contain_finding(function):
                continue  # a method naming no needle word (the dunder's name is one) calls none
            this = parameters[0].arg
            found = [tested for tested in _truth_tested(function)
                     if isinstance(tested, ast.Call) and isinstance(tested.func, ast.Attribute)
                     and tested.func.attr in entries and isinstance(tested.func.value, ast.Name)
                     and tested.func.value.id == this]
            if not found or returns_not_implemented(function) or any(
                    isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "isinstance"
                    for n in ast.walk(function)):
                continue
            for tested in found:
                if self._may_return_not_implemented(node, tested.func.attr):
                    entry = entries[tested.func.attr]
                    self.report(tested, entry, f"self.{tested.func.attr}() tested for truth", frozenset(entry.raises))

    def _truth_entries(self) -> dict:
        """Comparison name -> its ``truth-value`` entry, for the names this file writes after a dot
        (``self.__eq__``, also as ``self.__eq__ (other)``); empty for most files, asked once."""
        found = self.__dict__.get("_truth_named")
        if found is None:
            names = self.index.__dict__.get("_truth_names")
            if names is None:
                names = self.index.__dict__["_truth_names"] = {
                    name.rpartition(".")[2]: e for name, e in self.index.with_signature("truth-value").items()}
            found = self.__dict__["_truth_named"] = {n: e for n, e in names.items() if f".{n}" in self.text}
        return found

    def _may_return_not_implemented(self, node: ast.ClassDef, name: str) -> bool:
        own = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == name]
        if own:
            return any(returns_not_implemented(s) for s in own)
        cls = self.scope.bindings.get(node.name)
        if not isinstance(cls, LocalClass) or cls.node is not node or name in cls.members:
            return False  # bound some other way (``__ne__ = other``): not told
        return self._inherits_not_implemented(cls.bases, self.path, name) is True

    def _inherits_not_implemented(self, bases, where: str, name: str, depth: int = 0) -> bool | None:
        """Does the first class defining ``name`` up these bases (depth first, left to right)
        define it to return NotImplemented?  None when a base is unknown or from outside the
        project (a stdlib class has its own comparisons); ``object``'s are passed over."""
        if depth > 30:
            return None
        for base in bases:
            if base == "builtins.object":
                continue
            if isinstance(base, LocalClass):
                if name in base.members:
                    return base.node is not None and name in not_implemented(base.node)
                found = self._inherits_not_implemented(base.bases, self.path, name, depth + 1)
            elif isinstance(base, str) and not base.startswith("builtins.") and base.split(".")[0] not in STDLIB:
                info = self.project.resolve(base, where)
                if not isinstance(info, ClassInfo):
                    return None
                if name in info.members:
                    return name in self.project.comparisons(info)
                found = self._inherits_not_implemented(info.bases, info.path, name, depth + 1)
            else:
                return None
            if found is not None:
                return found
        return None

    def check_decorator_stacks(self, node: ast.ClassDef) -> None:
        """``@classmethod`` directly over ``@property`` on a method of the class body: a
        ``decorator-stack`` entry's name over its ``matches``."""
        for function in node.body:
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or len(function.decorator_list) < 2:
                continue
            names = [self.qualify(d) for d in function.decorator_list]
            for upper, (name, under) in zip(function.decorator_list, zip(names, names[1:])):
                entry = next((e for e in self.index.behaviour_calls.get(name, ()) if isinstance(name, str)
                              and e.signature == "decorator-stack" and e.matches == under), None)
                if entry is not None:
                    if "abc.abstractmethod" in names and _abstract_stub(self.whole_function(node, function)):
                        break  # a declaration subclasses override: nothing reads its value
                    short = name.replace("builtins.", "")
                    self.report(upper, entry, f"@{short} over @{under.replace('builtins.', '')}", frozenset())
                    break

    def whole_function(self, node: ast.ClassDef, function: ast.FunctionDef) -> ast.FunctionDef | None:
        """The method ``function`` of the class ``node`` with its body (see ``whole_class``)."""
        if not self.reduced:
            return function
        return next((f for f in self.whole_class(node).body if isinstance(f, type(function))
                     and f.lineno == function.lineno and f.name == function.name), None)

    def whole_class(self, node: ast.ClassDef) -> ast.ClassDef:
        """The class with its methods' bodies: ``node``, or where the sieve left bodies out
        (``reduced``: a method reading ``self.f`` names no needle word), the same class of the
        whole text's tree (``whole_body``, parsed once)."""
        if not self.reduced:
            return node
        body = self.whole_body()
        found = None if body is None else next(
            (c for c in ast.walk(ast.Module(body=body, type_ignores=[]))
             if isinstance(c, ast.ClassDef) and c.lineno == node.lineno and c.name == node.name), None)
        return found or node

    def check_class_attributes(self, node: ast.ClassDef) -> None:
        """``f = functools.partial(g)`` in the class body, read as ``self.f`` in one of its methods:
        a ``class-attribute`` entry's function called where the body binds a name once (nothing
        assigns it on instances), read through a method's first parameter."""
        bound: dict[str, list] = {}
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name):
                        bound.setdefault(target.id, []).append(statement.value)
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.setdefault(statement.name, []).append(None)
        calls = {}
        for name, values in bound.items():
            if len(values) == 1 and isinstance(values[0], ast.Call):
                func = self.qualify(values[0].func)
                entry = next((e for e in self.index.behaviour_calls.get(func, ()) if isinstance(func, str)
                              and e.signature == "class-attribute"), None)
                if entry is not None:
                    calls[name] = (values[0], entry, func)
        if not calls:
            return
        whole = self.whole_class(node)  # the reads and stores are in method bodies
        calls = {name: call for name, call in calls.items() if not _stores_attribute(whole, name)}
        read = set()
        for function in whole.body:
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and not function.decorator_list \
                    and function.args.posonlyargs + function.args.args:
                this = (function.args.posonlyargs + function.args.args)[0].arg
                read |= {n.attr for n in ast.walk(function) if isinstance(n, ast.Attribute) and n.attr in calls
                         and isinstance(n.value, ast.Name) and n.value.id == this}
        for name in sorted(read, key=lambda n: calls[n][0].lineno):
            value, entry, func = calls[name]
            self.report(value, entry, f"{name} = {func}() read as self.{name}", frozenset())
