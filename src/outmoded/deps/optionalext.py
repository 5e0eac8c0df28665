"""Does an sdist's ``setup.py`` let its compiled extensions fail: read (never run) with ``ast``.

Many sdists ship a C speed-up beside a pure-Python implementation and build it with a
``build_ext`` subclass that catches the failure and goes on: pyrsistent 0.17.3's
``custom_build_ext`` runs ``build_ext.run(self)`` and ``build_ext.build_extension(self, ext)``
inside ``try: ... except Exception:`` that only writes a warning.  Where its C code no longer
compiles (``Py_TRASHCAN_SAFE_BEGIN``, gone in 3.13) pip still installs it, without the extension:
pip on the real 3.13 installs pyrsistent 0.17.3 from its sdist and ``pvector`` works
(``PythonPVector``).  ``deps`` then counts no finding of its C sources (``code.judge_file``).

A handler lets the failure through when it neither raises (a bare ``raise``, or any exception
not caught again) nor exits; it must catch what a failed compile raises: a bare ``except``,
``Exception``, ``BaseException`` or one of distutils' and setuptools' compile errors
(``CCompilerError``, ``CompileError``, ``DistutilsExecError``, ``DistutilsPlatformError``,
``LinkError``).  A handler that raises an exception which a ``try`` around a ``setup()`` call
catches, and whose handler calls ``setup()`` again (simplejson's ``BuildFailed``, then
``run_setup(False)``), lets it through too, and so does one that raises only under an ``if`` one
of whose branches goes on: PyYAML 5.3.1's ``run`` (``if optional: log.warn(...) else: raise``,
``optional`` false only with ``--with-libyaml``) and ``build_extensions`` (``if with_ext is not
None: raise``, then "falling back to pure Python"); pip 24.2 on 3.13 and 26.3 on the real 3.14 and
3.15 build it, with or without a compiler (``CC=false``), into a wheel of the pure-Python ``yaml``.

An ``Extension(..., optional=...)`` whose flag is true where pip builds lets its failure through
too: setuptools' ``build_ext`` warns and goes on when an optional extension fails to compile.
When every ``Extension`` setup.py makes is so, the build goes on without them all: tornado 6.5.4
(``optional=os.environ.get("TORNADO_EXTENSION") != "1"``, true with the variable unset, as pip
builds) ships abi3 wheels only, none for the free-threaded build, whose pip builds the sdist; pip
26.3 on the real 3.14 builds it with ``CC=false`` into a wheel without ``tornado.speedups``.

The class must subclass the ``build_ext`` of distutils or setuptools (also imported under another
name: PyYAML's ``build_ext as _build_ext``), whose failed compile is the error caught.  A name that
may instead be bound to another project's ``build_ext`` which the build installs (``provided``:
``from Cython.Distutils import build_ext as _build_ext`` where ``[build-system] requires`` holds
Cython) is not: that code is the newest release's, not the one the setup.py was written for
(PyYAML 5.4.1 requires Cython, and its build fails with Cython 3: "'build_ext' object has no
attribute 'cython_sources'").  Unless the requirement admits only releases whose ``build_ext`` is
known to be the standard one's subclass and to fit (``FITTING``): PyYAML 6.0.1 requires
``Cython<3.0``, whose 0.29's ``build_ext`` derives from distutils' and keeps ``cython_sources``;
pip 26.3 on the real 3.15.2 builds it with Cython 0.29.37, its compile fails ("Error compiling
module, falling back to pure Python") and ``yaml`` 6.0.1 imports and loads there.
"""

from __future__ import annotations

import ast

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from outmoded.values import leaf_name

CAUGHT = frozenset({"Exception", "BaseException", "CCompilerError", "CompileError", "DistutilsExecError",
                    "DistutilsPlatformError", "LinkError", "DistutilsError", "OSError"})
BUILD_METHODS = frozenset({"run", "build_extension", "build_extensions"})
STANDARD = frozenset({"distutils", "setuptools"})  # the packages whose build_ext is the standard one
# packages bringing a build_ext of their own that derives from the standard one and fits a setup.py
# of its era in every release before this one: Cython 0.29's Cython.Distutils.build_ext (its
# old_build_ext, distutils' subclass, with the cython_sources Cython 3 dropped)
FITTING = {"cython": Version("3")}  # a major release (_below)


def foreign(requires: list, target: tuple[int, int]) -> frozenset:
    """The canonical names of what the build requirement lines ``requires`` install on ``target``,
    less a ``FITTING`` package whose requirement there admits no release from its bound on
    (``Cython<3.0``, ``Cython~=0.29``): the ``provided`` of ``lets_extensions_fail``."""
    from outmoded.deps import requires as requirements

    names = requirements.names(requires, target)
    for line in requires:
        try:
            wanted = Requirement(line) if isinstance(line, str) else None
        except InvalidRequirement:
            continue
        name = canonicalize_name(wanted.name) if wanted is not None else None
        if name in FITTING and requirements.installed_name(line.strip(), target) \
                and _below(wanted.specifier, FITTING[name]):
            names -= {name}
    return names


def _below(specifier, bound: Version) -> bool:
    """Does ``specifier`` admit no release from ``bound`` on: one of its clauses caps it below?"""
    for clause in specifier:
        text = clause.version.removesuffix(".*")
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if clause.operator == "<" and version <= bound or clause.operator in ("<=", "==") and version < bound:
            return True  # == 0.29.* too: the bound is a major release
        if clause.operator == "~=" and len(version.release) > 1:
            upper = version.release[:-2] + (version.release[-2] + 1,)
            if Version(".".join(map(str, upper))) <= bound:
                return True
    return False


def lets_extensions_fail(data: bytes, provided: frozenset = frozenset()) -> bool:
    """Does the ``setup.py`` whose text is ``data`` define a ``build_ext`` subclass whose build
    methods catch a failed compile and go on (see the module docstring)?  ``provided``: the
    canonical names of the distributions the build installs (its ``[build-system] requires``)."""
    if b"build_ext" not in data and b"optional" not in data:
        return False
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    if _all_optional(tree):
        return True
    retried, bases = _retried(tree), _standard_build_ext(tree, provided)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(leaf_name(base) in bases for base in node.bases):
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and method.name in BUILD_METHODS \
                        and _swallows(method, retried):
                    return True
    return False


def _all_optional(tree: ast.Module) -> bool:
    """Does setup.py make ``Extension``s, each with an ``optional=`` true where pip builds it?"""
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and leaf_name(n.func) == "Extension"]
    return bool(made) and all(any(k.arg == "optional" and _unset_value(k.value) is True for k in call.keywords)
                              for call in made)


def _unset_value(node: ast.AST):
    """The value of ``node`` with no environment variable set (pip's default build), for a
    constant, ``os.environ.get(NAME[, DEFAULT])`` / ``os.getenv(...)``, ``NAME in os.environ``,
    ``not`` and a comparison of two of them; else None (unknown)."""
    unknown = object()

    def value(node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Call) and leaf_name(node.func) in ("get", "getenv") and not node.keywords \
                and node.args and len(node.args) <= 2 and isinstance(node.args[0], ast.Constant) \
                and (leaf_name(node.func) == "getenv" or leaf_name(getattr(node.func, "value", None)) == "environ"):
            return value(node.args[1]) if len(node.args) == 2 else None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = value(node.operand)
            return unknown if inner is unknown else not inner
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            right = node.comparators[0]
            if isinstance(node.ops[0], (ast.In, ast.NotIn)) and leaf_name(right) == "environ":
                return isinstance(node.ops[0], ast.NotIn) if isinstance(node.left, ast.Constant) else unknown
            left, right = value(node.left), value(right)
            if unknown in (left, right):
                return unknown
            compare = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b,
                       ast.Is: lambda a, b: a is b, ast.IsNot: lambda a, b: a is not b}.get(type(node.ops[0]))
            return compare(left, right) if compare else unknown
        return unknown

    found = value(node)
    return None if found is unknown else bool(found)


def _standard_build_ext(tree: ast.Module, provided: frozenset) -> frozenset:
    """The names a class body may use for the standard ``build_ext``: ``build_ext`` and what
    distutils' or setuptools' ``build_ext`` is imported as, less a name another package the build
    installs may bind instead (``from Cython.Distutils import build_ext as _build_ext``)."""
    standard, foreign = {"build_ext"}, set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            top = node.module.partition(".")[0]
            for alias in node.names:
                if alias.name != "build_ext":
                    continue
                if top in STANDARD:
                    standard.add(alias.asname or alias.name)
                elif canonicalize_name(top) in provided:
                    foreign.add(alias.asname or alias.name)
    return frozenset(standard - foreign)


def _catches_compile_errors(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(leaf_name(t) in CAUGHT for t in types)


def _calls_base(body: list) -> bool:
    """Does ``body`` call a build method of the base (``build_ext.run(self)``, ``super().run()``)?"""
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in BUILD_METHODS
               for statement in body for n in ast.walk(statement))


def _swallows(method: ast.FunctionDef, retried: frozenset) -> bool:
    """Is the base's build call of ``method`` inside a ``try`` one of whose handlers catches a
    failed compile and may go on: neither raises nor exits on every path (or raises one that a
    retried ``setup()`` catches)?"""
    for node in ast.walk(method):
        if not isinstance(node, ast.Try) or not _calls_base(node.body):
            continue
        if any(_catches_compile_errors(handler) and not _stops(handler.body, retried) for handler in node.handlers):
            return True
    return False


def _stops(body: list, retried: frozenset) -> bool:
    """Does every path through ``body`` raise (what no retried ``setup()`` catches) or exit?  An
    ``if`` stops only when both its branches do; any other statement holding such a raise or exit
    is taken to stop."""
    for statement in body:
        if isinstance(statement, ast.If):
            if _stops(statement.body, retried) and _stops(statement.orelse, retried):
                return True
        elif any(_raises(n, retried) or (isinstance(n, ast.Call) and leaf_name(n.func) in ("exit", "_exit"))
                 for n in ast.walk(statement)):
            return True
    return False


def _raises(node: ast.AST, retried: frozenset) -> bool:
    """Is ``node`` a ``raise`` of what no retried ``setup()`` catches (a bare one re-raises)?"""
    if not isinstance(node, ast.Raise):
        return False
    return node.exc is None or leaf_name(node.exc.func if isinstance(node.exc, ast.Call) else node.exc) not in retried


def _retried(tree: ast.Module) -> frozenset:
    """The exception names that a ``try`` the module runs catches around a call, where its handler
    calls again (simplejson: ``try: run_setup(True) / except BuildFailed: ... run_setup(False)``),
    also under a top-level ``if`` (MarkupSafe 1.1.1: ``if not (is_pypy or is_jython): try: ...``,
    SQLAlchemy 1.3.24: the ``else`` of ``if not cpython: ... elif os.environ.get(...): ...``)."""
    names = set()
    for node in _module_statements(tree.body):
        if not isinstance(node, ast.Try):
            continue
        called = {leaf_name(n.func) for s in node.body for n in ast.walk(s) if isinstance(n, ast.Call)}
        for handler in node.handlers:
            again = {leaf_name(n.func) for s in handler.body for n in ast.walk(s) if isinstance(n, ast.Call)}
            if handler.type is not None and called & again - {None}:
                types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
                names |= {leaf_name(t) for t in types} - {None}
    return frozenset(names)


def _module_statements(body: list):
    """The statements the module itself runs: its body's and, nested, those of its compound
    statements (``if``, ``try``, ``with``, ``for``, ``while``), not of the functions and classes it
    defines."""
    for node in body:
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from _module_statements(getattr(node, field, []))
        for handler in getattr(node, "handlers", []):
            yield from _module_statements(handler.body)
