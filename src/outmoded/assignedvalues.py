"""What an assignment binds a name to, beyond "a local": a flag, a version, a module, a stdlib name.

``AssignedValues._assigned_value`` reads the right-hand side of ``name = value`` (and of ``:=`` and
annotated assignments) as ``scopes.Bindings`` binds it: a version check's outcome on the target
(``PY3 = sys.version_info[0] == 3``), a version number computed from ``sys.version_info``, what a
module function without parameters returns, ``hasattr()`` of a removed name, ``getattr(module,
"name")``, a module imported by name (``importlib.import_module("ssl")``), or another name for a
stdlib module (``c = collections``).  Anything else is ``LOCAL``.
"""

from __future__ import annotations

import ast

from outmoded import guards
from outmoded.stdnames import STDLIB
from outmoded.values import LOCAL, Value, plain_parameters, statements


class AssignedValues:
    """The value side of ``scopes.Bindings``: expects ``self.decided``, ``self.scope``,
    ``self.module_functions``, ``self.index``, ``self.target``, ``self.evaluate``, ``self.qualify`` and
    ``self.asks_for_removed`` from the classes it is combined with."""

    def _assigned_value(self, value: ast.expr) -> Value:
        if self.decided and value.__class__ is ast.Constant and value.value.__class__ is bool:
            # a flag: polib 1.2.0's `if sys.version_info < (3,): PY3 = False / else: PY3 = True`, then
            # `if PY3 and sys.version_info.minor > 1:` in the same module (summaries reads it for others)
            return value.value
        # a version check, or at the top level a call of a version predicate the project defines with
        # whole numbers: ddtrace 4.16.0's coverage/code.py ``_PY_GE_312 = is_at_least_py(3, 12)``, then
        # ``if _PY_GE_312:`` (not in functions: ``a = np.zeros((3, 4))`` is asked of no predicate there)
        # ``bool()`` of a test or a distributor's switch whose default is one, anywhere: uv 0.13.8's
        # get_interpreter_info.py main() binds ``use_sysconfig_scheme = bool(getattr(sysconfig,
        # "_PIP_USE_SYSCONFIG", sys.version_info >= (3, 10)))``, then ``if not use_sysconfig_scheme:``
        flag = self.evaluate(value) if isinstance(value, (ast.Compare, ast.BoolOp, ast.UnaryOp)) or (
            value.__class__ is ast.Call and (guards.switch_call(value) or self.scope.kind == "module"
                                             and guards.version_numbers(value))) else None
        if flag is not None:
            return flag
        probe = value.operand if value.__class__ is ast.UnaryOp and value.op.__class__ is ast.Not else value
        if probe.__class__ is ast.Call and probe.func.__class__ is ast.Name and probe.func.id in ("hasattr", "getattr"):
            # hasattr() of a name removed on the target: False there (kgb 7.3's tests, ``has_getargspec =
            # hasattr(inspect, 'getargspec')``, then ``if has_getargspec:``); ``not`` of it True
            body_dead, else_dead = self.asks_for_removed(value)
            if (else_dead if probe is not value else body_dead) is True:  # not of a name the target has
                return probe is not value
            # and of a name the target's module has: True there (netius 1.64.0's legacy.py, ``has_full =
            # hasattr(inspect, "getfullargspec")``, then ``if has_full:`` ... ``else: inspect.getargspec``)
            if probe.func.id == "hasattr" and (body_dead if probe is not value else else_dead) is True:
                return probe is value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.args \
                and value.func.id in self.module_functions and self.scope.kind == "module":
            flag = self._returned_flag(self.module_functions[value.func.id])
            if flag is not None:
                return flag
            version = guards.returned_version(self.module_functions[value.func.id], self.target, self.qualify)
            if version is not None:  # Nuitka's python_version = _getPythonVersion()
                return version
        if isinstance(value, (ast.Subscript, ast.Attribute, ast.Call)) or (
                isinstance(value, ast.BinOp) and self.scope.kind == "module"):  # PYVER = v[0] * 10 + v[1]
            version = guards.version_value(value, self.target, self.qualify)
            if version is not None:  # v = sys.version_info[:2]
                return version
        if value.__class__ is ast.Call and value.func.__class__ is ast.Name and value.func.id == "getattr":
            named = self._getattr_value(value)
            if named is not None:
                return named
        if value.__class__ is ast.Call and value.args and value.args[0].__class__ is ast.Constant:
            imported = self._dynamically_imported(value)
            if imported is not None:  # ssl = importlib.import_module("ssl"), then ssl.wrap_socket(...)
                return imported
        if isinstance(value, (ast.Call, ast.Dict, ast.DictComp, ast.Set, ast.SetComp)):
            return self.qualify(value)
        if isinstance(value, (ast.Name, ast.Attribute)):  # another name for a stdlib module or name:
            qualified = self.qualify(value)  # decorator 4.1.2's c = collections, then c.Sized
            if isinstance(qualified, str) and qualified.split(".", 1)[0] in STDLIB \
                    and not qualified.startswith("builtins."):
                return qualified
        return LOCAL

    def _dynamically_imported(self, call: ast.Call) -> str | None:
        """The module an ``importlib.import_module("a.b")`` call returns (``a.b``), or an
        ``__import__("a.b")`` call (``a``; ``a.b`` with a non-empty fromlist), as ``import a.b`` would
        bind it; None for anything else (a relative name, a package argument, a name computed)."""
        name = call.args[0].value
        if not isinstance(name, str) or not all(part.isidentifier() for part in name.split(".")):
            return None
        func = self.qualify(call.func)
        if func == "importlib.import_module":
            return name if len(call.args) == 1 and not call.keywords else None
        if func != "builtins.__import__":
            return None
        fromlist = call.args[3] if len(call.args) > 3 else next(
            (k.value for k in call.keywords if k.arg == "fromlist"), None)
        if fromlist is None or fromlist.__class__ is ast.Constant and not fromlist.value:
            return name.split(".")[0]
        return name if isinstance(fromlist, (ast.Constant, ast.List, ast.Tuple)) else None

    def _getattr_value(self, call: ast.Call) -> Value:
        """The stdlib name ``getattr(module, "name")`` reads, as ``module.name`` would; with a
        default of ``None`` or ``object`` too, unless the catalog removes the name itself (then the
        default is what the target gets): where the module lacks it, the default has none of the
        attributes the catalog removes from it either.  pygobject 3.58.1's gi/events.py binds
        ``AbstractEventLoopPolicy = getattr(asyncio, "AbstractEventLoopPolicy", object)``, then
        ``if hasattr(AbstractEventLoopPolicy, "get_child_watcher"):`` (gone in 3.14) guards
        ``asyncio.ThreadedChildWatcher()`` (gone in 3.14): that body never runs there."""
        args = call.args
        if call.keywords or len(args) not in (2, 3) or args[1].__class__ is not ast.Constant \
                or not isinstance(args[1].value, str) or not args[1].value.isidentifier() \
                or self.qualify(call.func) != "builtins.getattr":
            return None
        base = self.qualify(args[0])
        if not isinstance(base, str) or base.split(".", 1)[0] not in STDLIB or base.startswith("builtins."):
            return None
        qualified = f"{base}.{args[1].value}"
        if len(args) == 3:
            default = args[2]
            if not (default.__class__ is ast.Constant and default.value is None
                    or self.qualify(default) == "builtins.object") or qualified in self.index.names:
                return None
        return qualified

    def _returned_flag(self, node: ast.FunctionDef) -> bool | None:
        """What a module's undecorated function without parameters returns on the target when its
        body is one ``return`` of a version check or flag, called at the module's top level: pip
        26.3's ``_USE_SYSCONFIG = _should_use_sysconfig()``, which returns ``bool(getattr(sysconfig,
        "_PIP_USE_SYSCONFIG", True))`` (a distributor's switch that no CPython has)."""
        body = statements(node)
        if plain_parameters(node) != 0 or len(body) != 1 or not isinstance(body[0], ast.Return) \
                or body[0].value is None:
            return None
        return self.evaluate(body[0].value)
