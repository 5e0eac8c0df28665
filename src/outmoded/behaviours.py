"""Behaviour removals: code that does not fail to import or to look up a name, but stops working.

The catalog's ``kind: behaviour`` entries say which static signature proves it (see
``outmoded.catalog``); here, what a call or a subscript shows: an argument of a kind a function no
longer accepts (``random.sample(a_set)``, 3.11; ``shlex.split(None)``, 3.12;
``random.randrange(10.0)``, 3.12; ``re.compile("a(?i)")``, 3.11; a sequence for sqlite3's named
placeholders, 3.14; an itertools iterator to ``copy.copy`` or ``pickle.dumps``, 3.14; an object
with ``__trunc__`` only to ``int()``, 3.14; a lambda or local function as a process's ``target``,
3.14: ``outmoded.startmethods``) or one it now
requires (``hmac.new(key, msg)`` without ``digestmod``, 3.8),
keywords it no longer accepts (``typing.TypedDict("T", x=int)``, 3.13), arguments that no longer
fit its parameters (``sqlite3.connect(db, 5.0)``, ``threading.RLock(x)``, ``TypedDict("TD")``,
3.15), an AST node built without a field it requires or with a keyword it has no field for
(``ast.comprehension(target, iter, ifs)``, ``ast.Call(f, a, k, starargs=None)``, 3.15:
``outmoded.nodefields``), a call that needs what a script's main block no longer has (``asyncio.get_event_loop()``
without a current loop, 3.14), a group looked up by subscripting what
``entry_points()`` returns (3.12), an option whose dest argparse now takes from a single-dash long
option (``add_argument('-f', '-foo')``, 3.15).  What a class body shows is
``outmoded.classbehaviours``', import hooks put on ``sys.meta_path`` ``outmoded.metapath``'s.
Only what the code proves is reported: a literal, a name bound to a known type, a class whose
whole ancestry is known.
"""

from __future__ import annotations

import ast
import re
import warnings

from outmoded.awaitedcontexts import AwaitedContexts
from outmoded.branches import is_main_test
from outmoded.catalog.models import fits, parameters
from outmoded.classbehaviours import ClassBehaviours, _stores_attribute
from outmoded.importtime import ImportTime
from outmoded.loopsetters import LoopSetters
from outmoded.metapath import MetaPathHooks
from outmoded.namespaceannotations import NamespaceAnnotations
from outmoded.nodefields import NodeFields
from outmoded.startmethods import StartMethods
from outmoded.values import Instance, LocalClass, own_nodes

try:  # the parser re.compile uses; sre_parse before 3.11
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as sre_parser  # type: ignore[no-redef]

SET_TYPES = {"builtins.set", "builtins.frozenset"}
NOT_CALLS = {"subscript", "protocol-parameters", "decorator-stack", "class-attribute", "truth-value", "union-attribute",
             "duplicate-base", "awaited-context", "namespace-annotations"}  # behaviour_calls entries asked of a Subscript, of a class, of a with
GLOBAL_FLAGS_ERRORS = ("global flags not at the start", "Flags not at the start")  # 3.11+, 3.6-3.10


# where an re function takes its flags, counting from 0 (flags= too)
FLAGS_AT = {"re.compile": 1, "re.search": 2, "re.match": 2, "re.fullmatch": 2, "re.findall": 2, "re.finditer": 2,
            "re.split": 3, "re.sub": 4, "re.subn": 4}


def _or_terms(node: ast.expr) -> list:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _or_terms(node.left) + _or_terms(node.right)
    return [node]


def misplaced_global_flags(pattern, verbose: bool | None = None) -> bool:
    """Does this regular expression put a global inline flag (``(?i)``) after its start, an error
    since 3.11?  ``verbose``: whether the call's flags hold ``re.VERBOSE``; None, unknown (plain
    and verbose parse alike).  Asked of the running interpreter's own parser: before 3.11 it warns
    where 3.11 raises.  A pattern's beginning alone answers as the whole does: the parser stops
    at the misplaced flag before it misses what follows."""
    for flags in (0, re.VERBOSE) if verbose is None else (re.VERBOSE if verbose else 0,):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the scanned pattern's own FutureWarnings ("Possible nested set")
                warnings.simplefilter("error", DeprecationWarning)
                sre_parser.parse(pattern, flags)
        except (re.error, DeprecationWarning) as exc:
            if not str(exc).startswith(GLOBAL_FLAGS_ERRORS):
                return False
        except (RecursionError, OverflowError, ValueError, TypeError):
            return False
        else:
            return False
    return True


SQL_QUOTED_RE = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]|--[^\n]*|/\*.*?\*/", re.S)
SQL_NAMED_RE = re.compile(r"(?<![\w:]):[A-Za-z_]\w*")


def named_placeholders(sql: str) -> bool:
    """Does this SQL text use a named placeholder (``:name``) outside quotes and comments?"""
    return bool(SQL_NAMED_RE.search(SQL_QUOTED_RE.sub(" ", sql)))


def _is_none(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is None


def _sequences(value: ast.expr, rows: bool) -> bool:
    """A tuple or list display; with ``rows``, what ``executemany`` is given: a list or tuple
    display of them, or a comprehension or generator expression making one per row."""
    if not rows:
        return isinstance(value, (ast.Tuple, ast.List))
    if isinstance(value, (ast.ListComp, ast.GeneratorExp)):
        return isinstance(value.elt, (ast.Tuple, ast.List))
    return isinstance(value, (ast.Tuple, ast.List)) and bool(value.elts) \
        and all(isinstance(row, (ast.Tuple, ast.List)) for row in value.elts)


PLACEHOLDER_RE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa%]")


def dest_change(call: ast.Call) -> tuple[str, str] | None:
    """``add_argument('-f', '-foo')``: the one-letter option argparse takes the dest from before
    3.15 (the first option, when none is a two-dash long option) and the single-dash long option
    it takes it from on 3.15 (the first one), when they differ -- for literal option strings with
    the default prefix and no ``dest=``."""
    if any(k.arg in (None, "dest") for k in call.keywords) or not call.args:
        return None
    action = next((k.value for k in call.keywords if k.arg == "action"), None)
    if isinstance(action, ast.Constant) and action.value in ("help", "version"):
        return None  # stores nothing
    options = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if len(options) != len(call.args) or not all(len(o) > 1 and o[0] == "-" for o in options) \
            or any(o[1] == "-" for o in options) or len(options[0]) > 2:
        return None
    long = next((o for o in options if len(o) > 2), None)
    return None if long is None else (options[0], long)


LOOP_RUNNERS = frozenset({"run_until_complete", "run_forever"})


def script_top_level(body: list[ast.stmt]) -> bool:
    """Has this module's top level (outside its functions and classes) a main block, or a call of
    an event loop's ``run_until_complete`` / ``run_forever``?"""
    return any(isinstance(node, ast.If) and is_main_test(node.test) or isinstance(node, ast.Call) and isinstance(
        node.func, ast.Attribute) and node.func.attr in LOOP_RUNNERS for node in own_nodes(ast.Module(body, [])))


_PARAMETERS: dict[tuple, tuple] = {}


def _parameters(entry, before: bool = False) -> tuple | None:
    """The entry's ``accepts`` (``before``: its ``accepted_before``, None when not given), parsed
    once (``outmoded.catalog.models.parameters``)."""
    key = (entry.code, before)
    if key not in _PARAMETERS:
        _PARAMETERS[key] = parameters(entry.accepted_before if before else entry.accepts)
    return _PARAMETERS[key]


class Behaviours(ClassBehaviours, MetaPathHooks, AwaitedContexts, NamespaceAnnotations, StartMethods, ImportTime,
                 LoopSetters, NodeFields):
    """Expects ``self.index``, ``self.qualify``, ``self.ancestry``, ``self.report`` and ``self._body``."""

    def _runs_as_a_script(self) -> bool:
        """Does the module's top level run where no event loop runs: it has a main block (a script:
        its top level runs before it), or its top level itself runs one (``loop.run_until_complete``,
        ``run_forever``: they raise under a running loop)?  paho-mqtt 1.6.1's examples/loop_asyncio.py,
        ``loop = asyncio.get_event_loop()`` then ``loop.run_until_complete(...)``, and ptpython
        3.0.32's examples/asyncio-python-embed.py, ``loop = asyncio.get_event_loop()`` above ``if
        __name__ == "__main__": asyncio.run(main())``: RuntimeError on the real 3.14."""
        known = getattr(self, "_script_top", None)
        if known is None:
            known = self._script_top = script_top_level(self._body)
        return known

    def check_behaviour_call(self, node: ast.Call, func: str) -> None:
        reported = False
        for entry in self.index.behaviour_calls[func]:
            if entry.signature in NOT_CALLS:
                continue
            if entry.signature == "parameters":
                # the whole parameter list: only when no other change of the function already says why
                keywords = [k.arg for k in node.keywords]
                before = _parameters(entry, before=True)
                if not reported and not any(isinstance(a, ast.Starred) for a in node.args) \
                        and all(k is not None for k in keywords) \
                        and not fits(_parameters(entry), len(node.args), keywords) \
                        and (before is None or fits(before, len(node.args), keywords)):
                    self.report(node, entry, f"{func.replace('builtins.', '')}()", frozenset(entry.raises))
                continue
            if entry.signature == "node-fields":
                reported = reported or self.check_node_fields(node, func, entry)
                continue
            if entry.signature == "keywords":
                extra = next((k for k in node.keywords if k.arg is not None and k.arg not in entry.unless), None)
                if extra is not None:
                    self.report(extra, entry, f"{func}({extra.arg}=)", frozenset(entry.raises))
                    reported = True
                continue
            if entry.signature == "option-strings":
                inferred = dest_change(node)
                if inferred is not None:
                    self.report(node, entry, f"{func}({inferred[0]!r}, {inferred[1]!r})", frozenset(entry.raises))
                    reported = True
                continue
            if entry.signature == "main-block-call":
                if (self.in_main_block() or self.scope.kind == "module" and self._runs_as_a_script()
                        or self.runs_at_import(node, func)) and not any(word in self.text for word in entry.unless) \
                        and not self.loop_set_before(node):
                    self.report(node, entry, f"{func}()", frozenset(entry.raises))
                    reported = True
                continue
            for argument, position in entry.argument_positions:
                value = next((k.value for k in node.keywords if k.arg == argument), None)
                if value is None and len(node.args) > position and not any(
                        isinstance(a, ast.Starred) for a in node.args[:position + 1]):
                    value = node.args[position]
                if entry.matches == "missing":
                    if (value is None or _is_none(value)) and not any(isinstance(a, ast.Starred) for a in node.args) \
                            and all(k.arg is not None for k in node.keywords):
                        self.report(node, entry, f"{func}({argument}=<missing>)", frozenset(entry.raises))
                        reported = True
                    continue
                if value is not None and self._matches(value, entry, node):
                    self.report(value, entry, f"{func.replace('builtins.', '')}({argument}=<{entry.matches}>)",
                                frozenset(entry.raises))
                    reported = True
                    break

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Call) and self.index.behaviour_calls:
            self.check_subscript(node)
        if node.slice.__class__ is ast.Constant and node.slice.value == "__annotations__" \
                and node.ctx.__class__ is ast.Load and self.index.behaviour_calls:
            self.check_namespace_read(node, node.value, node.slice)  # vars(cls)["__annotations__"] (3.14)
        self.generic_visit(node)

    def check_subscript(self, node: ast.Subscript) -> None:
        """``entry_points()["console_scripts"]``: a call without arguments of a ``subscript`` entry's
        function, subscripted with a string literal."""
        call = node.value
        if not isinstance(call, ast.Call) or call.args or call.keywords:
            return
        key = node.slice
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return
        func = self.qualify(call.func)
        for entry in self.index.behaviour_calls.get(func, ()) if isinstance(func, str) else ():
            if entry.signature == "subscript":
                self.report(node, entry, f"{func}()[{key.value!r}]", frozenset(entry.raises))
                return

    def _matches(self, value: ast.expr, entry, call: ast.Call | None = None) -> bool:
        kind = entry.matches
        if kind in ("sequence-for-named", "sequences-for-named"):
            return _sequences(value, kind == "sequences-for-named") and call is not None and bool(call.args) \
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str) \
                and named_placeholders(call.args[0].value)
        if kind == "None":
            return _is_none(value)
        if kind == "float":
            if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)):
                value = value.operand
            return isinstance(value, ast.Constant) and type(value.value) is float
        if kind == "container":
            return isinstance(value, (ast.Tuple, ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp))
        if kind == "itertools-iterator":
            made = self.qualify(value.func) if isinstance(value, ast.Call) else self.qualify(value)
            made = made.cls if isinstance(made, Instance) else made
            return isinstance(made, str) and made.startswith("itertools.") and made.count(".") == 1 \
                and made not in entry.unless
        if kind == "trunc-only":
            return self._trunc_only(value)
        if kind == "coroutines":
            return self._coroutines(value)
        if kind == "local-callable":
            return call is not None and self._local_callable(value) \
                and self._context_left_default(call, entry, entry.argument_positions[0][1])
        if kind == "main-block-callable":
            return call is not None and self._main_block_callable(value) and self._pool_left_default(call, entry)
        if kind == "misplaced-global-flags":
            texts = self._pattern_texts(value)
            verbose = self._verbose(call) if texts else None
            return any(misplaced_global_flags(text, verbose) for text in texts)
        if isinstance(value, (ast.Set, ast.SetComp)):
            return True
        bound = self.qualify(value)
        return isinstance(bound, Instance) and bound.cls in SET_TYPES

    def _trunc_only(self, value: ast.expr) -> bool:
        """An instance of a class of the project whose members (its whole ancestry the project's:
        a stdlib base such as int has members not listed) include ``__trunc__`` but neither
        ``__int__`` nor ``__index__``."""
        bound = self.qualify(value)
        if not isinstance(bound, Instance) or not isinstance(bound.cls, (LocalClass, str)) \
                or isinstance(bound.cls, str) and "." not in bound.cls:
            return False
        known, complete, members = self.ancestry(bound.cls)
        return complete and not known - {"builtins.object"} and "__trunc__" in members \
            and not members & {"__int__", "__index__", "__getattr__", "__getattribute__"}

    def _coroutines(self, value: ast.expr) -> bool:
        """A list, tuple or set display (or comprehension) with a coroutine object in it: a call of
        an ``async def`` the module's top level binds, or of ``asyncio.sleep``."""
        if isinstance(value, (ast.ListComp, ast.SetComp)):
            items = [value.elt]
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            items = value.elts
        else:
            return False
        for item in items:
            if not isinstance(item, ast.Call):
                continue
            if isinstance(item.func, ast.Name) and self._module_binds(item.func.id) and isinstance(
                    self.module_functions.get(item.func.id), ast.AsyncFunctionDef):
                return True
            if self.qualify(item.func) == "asyncio.sleep":
                return True
        return False

    def _pattern_texts(self, value: ast.expr) -> tuple:
        """The texts a pattern argument certainly starts from: a literal; a name the module's top
        level, or an attribute of ``self`` the class's body, binds once to a literal; a template
        formatted with ``%``, its placeholders given nothing and given a letter (what the
        arguments put in only adds text before a flag: Werkzeug 0.9.6's useragents.py,
        ``_browser_version_re = r'(?:%s)[/\\sa-z(]*(\\d+[.\\da-z]+)?(?i)'`` in the class body, then
        ``re.compile(self._browser_version_re % a)`` in ``__init__``); texts joined with ``+``, or
        the first alone, the pattern's beginning (future 0.16.0's backports/http/cookies.py,
        from Python 3.3's: a verbose pattern starting with a newline, then ``(?x)``, joined with
        ``_LegalCharsPatt`` and more)."""
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            left = self._pattern_texts(value.left)
            if len(left) != 1:
                return ()
            right = self._pattern_texts(value.right)
            if len(right) == 1 and type(right[0]) is type(left[0]):
                return (left[0] + right[0],)
            return left  # its beginning: what follows cannot move a flag misplaced there
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod):
            texts = [t for t in self._pattern_texts(value.left) if isinstance(t, str)]
            if len(texts) != 1:
                return ()
            both = tuple(PLACEHOLDER_RE.sub(lambda m, f=fill: "%" if m[0] == "%%" else f, texts[0]) for fill in ("", "x"))
            return (both[0],) if misplaced_global_flags(both[1]) else ()
        if isinstance(value, ast.Constant):
            return (value.value,) if isinstance(value.value, (str, bytes)) else ()
        body, name = None, None
        if isinstance(value, ast.Name) and self._module_binds(value.id):
            body, name = self._body, value.id
        elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
            owner = self.qualify(value.value)
            if isinstance(owner, Instance) and isinstance(owner.cls, LocalClass):
                body = next((c.body for c in self._body if isinstance(c, ast.ClassDef) and c.name == owner.cls.name
                             and not _stores_attribute(c, value.attr)), None)
                name = value.attr
        if body is None:
            return ()
        bound = [s.value for s in body if isinstance(s, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == name for t in s.targets)]
        if len(bound) != 1 or not isinstance(bound[0], ast.Constant) or not isinstance(bound[0].value, (str, bytes)):
            return ()
        return (bound[0].value,)

    def _verbose(self, call: ast.Call | None) -> bool | None:
        """Do the flags of this ``re`` call hold ``re.VERBOSE``: False when it passes none, or
        ``re`` flags joined with ``|`` (future 0.16.0's cookie pattern: ``re.ASCII``); None when
        they cannot be told (a name, ``*args``)."""
        func = self.qualify(call.func) if call is not None else None
        at = FLAGS_AT.get(func) if isinstance(func, str) else None
        if at is None or any(isinstance(a, ast.Starred) for a in call.args) \
                or any(k.arg is None for k in call.keywords):
            return None
        given = next((k.value for k in call.keywords if k.arg == "flags"), None)
        if given is None and len(call.args) > at:
            given = call.args[at]
        if given is None:
            return False
        verbose = False
        for flag in _or_terms(given):
            name = self.qualify(flag)
            if not (isinstance(name, str) and name.startswith("re.") and name[3:].isupper()):
                return None
            verbose = verbose or name in ("re.VERBOSE", "re.X")
        return verbose

    def _module_binds(self, name: str) -> bool:
        """Is ``name``, where it is read, the module's own binding (no function or class around it
        binds it)?"""
        scope = self.scope
        while scope.parent is not None:
            if name in scope.bindings:
                return False
            scope = scope.parent
        return name in scope.bindings and scope.bindings[name] is None
