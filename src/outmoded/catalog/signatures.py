"""Behaviour removals (``behaviour.yaml``): the static signatures the scanner knows, and the
validation of what a behaviour entry says about its signature.

A behaviour removal is what does not go missing but stops working (or raises) on the target;
each entry names the signature that shows it in code, described below.  ``outmoded.catalog.schema``
validates the keys every entry has and asks ``behaviour_problem`` about a behaviour entry's own.
"""

from __future__ import annotations

from outmoded.catalog.models import node_parameters, parameters
from outmoded.catalog.schema import DOTTED_RE

# kind behaviour (``behaviour.yaml``): what does not raise but stops working, and the static
# signature that shows it: ``override`` (a subclass of the name's class defines the method; not
# when it also defines one of ``unless``, unless that one is in ``pass_through`` and every class on
# the way that defines it only hands its argument on to the base's method of that name, looking up
# no method by name: google-pasta 0.2.0's ``super(BaseVisitor, self).visit(node)``,
# ``outmoded.handon``), ``argument`` (``argument``/``position`` of a call -- or lists of them, for
# each argument that changed -- ``matches``: ``set`` (a set display, comprehension or a name bound
# to a set), ``None``, ``float`` (a float literal), ``container`` (a
# tuple, list, dict or set display) or ``misplaced-global-flags`` (a literal regular expression
# with a global inline flag such as ``(?i)`` after its start) or ``coroutines`` (a list, tuple or set
# display or comprehension holding a call of a module-level ``async def`` or of ``asyncio.sleep``) or
# ``sequence-for-named`` (a tuple or list display, where the call's first argument is an SQL literal with
# a named placeholder such as ``:name``) or ``sequences-for-named`` (rows for ``executemany`` given so: a
# tuple or list display of tuple or list displays, or a comprehension or generator making one per row) or
# ``missing`` (the argument is not passed, or passed as ``None``, in a call without ``*args``/``**kwargs``:
# it became required) or ``itertools-iterator`` (a call of an ``itertools`` function not named in ``unless``,
# or a name bound to one) or ``trunc-only`` (an instance of a class of the project -- ``self`` in one of its
# methods, a name bound to a call of it -- whose whole ancestry is the project's and defines ``__trunc__``
# but neither ``__int__`` nor ``__index__``) or ``local-callable`` (a lambda, a function a function defines, one
# a script's main block defines, or a ``functools.partial`` of one, in a call leaving the start method to
# the default context -- no keyword of ``unless`` -- in a project that never names ``set_start_method``:
# ``outmoded.startmethods``) or ``main-block-callable`` (a function a script's main block defines, or a
# ``functools.partial`` of one, handed to a method of a process pool made in the default context: no
# keyword of ``unless`` where the pool is made, no ``set_start_method`` in the project)),
# ``keywords`` (a call passes a
# keyword argument not named in ``unless``), ``main-block-call`` (the function is called in the
# module's ``if __name__ == "__main__":`` block, outside any function, in a module that mentions
# none of the words in ``unless``), ``meta-path-hook`` (an instance of a class with only the legacy
# ``find_module``/``load_module`` protocol is put on ``sys.meta_path``), ``meta-path-loader`` (an
# instance of a class of the module, with a complete ancestry, is put on ``sys.meta_path``: its
# ``find_spec`` returns a spec whose loader is ``self`` -- ``ModuleSpec(name, self)``,
# ``spec_from_loader(name, self)``, ``spec_from_file_location(name, path, loader=self)`` -- and it
# defines ``load_module`` but not ``exec_module``, nor does a stdlib base), ``parameters`` (a call whose
# arguments do not fit ``accepts``, the parameter list the function has from ``removed_in`` on,
# written as in a ``def``: ``"(database, *, timeout=5.0)"`` rejects a second positional argument,
# ``"()"`` any argument, ``"(name, /)"`` ``name=``; calls with ``*args`` or ``**kwargs`` are not
# judged; the name may be a method, ``Class.method``, judged on receivers of that class; with
# ``accepted_before``, the list before ``removed_in``, only calls that fit it: one that never fit
# fails the same way everywhere -- tables 3.11.1's bench script, ``sqlite3.connect(db=f, mode=755)``,
# pysqlite's old keywords, raises TypeError on the real 3.13 as on 3.15),
# ``node-fields`` (a call of an AST node class that leaves out a field the class requires -- by position or
# keyword; an explicit ``None`` is a value given -- or passes a keyword that is neither a field nor an
# attribute: ``ast.comprehension(target, iter, ifs)``, ``ast.Call(f, a, k, starargs=None)``; the
# entry's ``node_fields`` maps each class (its names) to a row, its fields in order, a required one
# ending in ``!``, then ``|`` and its attributes: ``"id! ctx | lineno col_offset end_lineno
# end_col_offset"``, generated on the real interpreter by benchmarks/astfields.py; calls with
# ``*args`` or ``**kwargs`` are not judged, nor those with more positional arguments than fields or a
# field given twice, which failed before ``removed_in`` as well),
# ``fallback-import`` (the name is a backport module, imported where the stdlib names in
# ``instead_of`` are missing -- the else of ``if hasattr(ssl, "match_hostname"):``, the handler of a
# ``try`` that imports one -- with its ImportError uncaught: from ``removed_in`` on that branch runs
# on every Python 3, and the backport is a distribution projects required only for old Pythons), ``subscript``
# (the result of a call of the function without arguments is subscripted with a string literal:
# ``entry_points()["console_scripts"]``), ``protocol-parameters`` (a class whose bases subscript a
# generic with a type variable -- a name the module binds to ``TypeVar(...)``, ``ParamSpec(...)`` or
# ``TypeVarTuple(...)`` -- that its base subscripting the name, ``Protocol[T, T2]``, does not list),
# ``option-strings`` (argparse's ``add_argument`` given literal option strings, a one-letter option
# first, a single-dash long option after it and no two-dash one, without ``dest=``: from 3.15 the
# dest comes from the single-dash long option, ``-f, -foo`` stores ``foo``), ``decorator-stack`` (a
# method of a class body decorated with the name directly over ``matches``, a dotted name:
# ``@classmethod`` over ``@property``), ``class-attribute`` (a class body binds a name once to a call
# of the function, and one of its methods reads it through ``self``: ``f = functools.partial(g)``,
# ``self.f()``), ``truth-value`` (a method of a class tests for truth -- ``not``, ``if``, ``while``, ``assert``,
# ``bool()``, an ``and``/``or`` operand -- the result of ``self.m(...)``, where the name's last part is
# ``m`` and a ``def m`` of the same class body can ``return NotImplemented``; not in a method that
# returns NotImplemented itself or calls ``isinstance``: it tells the other operand's type first),
# ``union-attribute`` (the module's top level, outside any ``try`` or ``if``, sets ``__module__`` on a
# name it binds to ``Union[A, B]``/``Optional[A]`` -- or imports from a project module that does --
# by assignment, ``setattr``, or a loop over a literal ``__all__`` setting it on ``locals()[name]``:
# ``outmoded.aliasattributes``), ``duplicate-base`` (a class statement lists the name among its bases
# beside ``matches``, a dotted name, or beside another such entry's name with the same ``matches``: on
# the target both are one class, and the statement raises TypeError "duplicate base class":
# ``class TimeoutError(asyncio.TimeoutError, builtins.TimeoutError)`` from 3.11), ``root-base`` (a class
# statement lists the name among its bases and passes ``_root=``, the keyword typing's classes took to
# let a subclass through: typing_extensions 4.4.0's ``class TypeVar(typing.TypeVar, _DefaultMixin,
# _root=True)``; on the target the class is a C type no class derives from, TypeError), ``awaited-context`` (a
# ``with`` statement's item is ``await x`` or ``yield from x`` where ``x`` is an instance of the name, a
# class: a name bound to a call of it, or an attribute that every assignment in the class of the object
# it is read on -- ``self._cond``, ``pool._cond`` of ``pool = Pool()`` -- binds to a call of it:
# ``outmoded.awaitedcontexts``), ``namespace-annotations`` (the key ``"__annotations__"`` read, by subscript or
# ``.get``, from ``X.__dict__``, ``vars(X)`` or a metaclass ``__new__``'s namespace parameter, in a module that
# neither tests ``"__annotations__" in`` nor names ``annotationlib``/``__annotate__``:
# ``outmoded.namespaceannotations``).
# ``proof`` is a script
# that exits 0 on Pythons before ``removed_in`` and not from it (run on real interpreters).
SIGNATURES = {"override", "argument", "keywords", "main-block-call", "meta-path-hook", "meta-path-loader", "parameters",
              "node-fields", "fallback-import",
              "subscript", "protocol-parameters", "option-strings", "decorator-stack",
              "class-attribute", "truth-value", "union-attribute", "duplicate-base", "root-base",
              "awaited-context", "namespace-annotations"}
# these say what the code ``raises`` (names)
CALL_SIGNATURES = {"argument", "keywords", "main-block-call", "parameters", "node-fields", "subscript", "protocol-parameters",
                   "option-strings", "duplicate-base", "root-base", "awaited-context"}
MATCHES = {"set", "None", "float", "container", "misplaced-global-flags", "coroutines", "sequence-for-named",
           "sequences-for-named", "missing", "itertools-iterator",
           "trunc-only", "local-callable", "main-block-callable"}


def behaviour_problem(raw: dict) -> str | None:
    """What is wrong with a behaviour entry's signature keys (``raw``: its YAML mapping), or None."""
    if raw["signature"] not in SIGNATURES:
        return f"signature must be one of {sorted(SIGNATURES)}, got {raw['signature']!r}"
    if raw["signature"] == "argument" and (
            not argument_positions(raw) or raw.get("matches") not in MATCHES):
        return f"signature 'argument' needs argument, position and matches ({sorted(MATCHES)})"
    if raw["signature"] == "decorator-stack" and not (
            isinstance(raw.get("matches"), str) and DOTTED_RE.match(raw["matches"]) and "." in raw["matches"]):
        return "signature 'decorator-stack' needs matches, the dotted name of the decorator under it"
    if raw["signature"] == "duplicate-base" and not (
            isinstance(raw.get("matches"), str) and DOTTED_RE.match(raw["matches"]) and "." in raw["matches"]):
        return "signature 'duplicate-base' needs matches, the dotted name of the class the name is on the target"
    if (raw["signature"] == "parameters") != ("accepts" in raw) or (
            "accepts" in raw and parameters(raw["accepts"]) is None):
        return "signature 'parameters' goes with 'accepts', a parameter list like \"(a, /, *, b=1)\""
    table = raw.get("node_fields")
    if (raw["signature"] == "node-fields") != ("node_fields" in raw) or "node_fields" in raw and not (
            isinstance(table, dict) and table and all(
                isinstance(k, str) and DOTTED_RE.match(k) and "." in k and node_parameters(v) is not None
                for k, v in table.items())):
        return ("signature 'node-fields' goes with 'node_fields', dotted class -> its fields in order, a required "
                "one ending in '!', then '|' and its attributes")
    if "accepted_before" in raw and ("accepts" not in raw or parameters(raw["accepted_before"]) is None):
        return "'accepted_before' goes with 'accepts': the parameter list before removed_in, like \"(a, b=1)\""
    if (raw["signature"] == "fallback-import") != ("instead_of" in raw) or "instead_of" in raw and not (
            isinstance(raw["instead_of"], list) and raw["instead_of"]
            and all(isinstance(n, str) and DOTTED_RE.match(n) and "." in n for n in raw["instead_of"])):
        return "signature 'fallback-import' goes with 'instead_of', the stdlib names it replaces"
    through = raw.get("pass_through")
    if through is not None and not (
            raw["signature"] == "override" and isinstance(through, list) and through
            and all(isinstance(n, str) and n in (raw.get("unless") or ()) for n in through)):
        return "'pass_through' goes with signature 'override': members named in its 'unless'"
    if not isinstance(raw.get("proof"), str):
        return "kind 'behaviour' needs a 'proof' script"
    if raw["signature"] in CALL_SIGNATURES and not (
            isinstance(raw.get("raises"), list) and raw["raises"]
            and all(isinstance(r, str) and r.isidentifier() for r in raw["raises"])):
        return f"signature {raw['signature']!r} needs 'raises': the exceptions the call raises"
    return None


def argument_positions(raw: dict) -> tuple:
    """``((argument, position), ...)`` of a behaviour entry: one pair, or two lists of one length."""
    names, positions = raw.get("argument"), raw.get("position")
    if isinstance(names, str) and isinstance(positions, int):
        return ((names, positions),)
    if isinstance(names, list) and isinstance(positions, list) and names and len(names) == len(positions) \
            and all(isinstance(n, str) for n in names) and all(isinstance(p, int) for p in positions):
        return tuple(zip(names, positions))
    return ()
