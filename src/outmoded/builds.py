"""What the project's build does with its files: what it installs, and what runs its setup.py.

- what it installs: ``installs.not_installed`` (meson-python's version conditions, a ``setup.py``'s
  root package directory picked by the Python version);
- setuptools: build frontends run a ``setup.py`` through setuptools' backend, which imports
  setuptools (and its ``distutils``) first, unless a ``pyproject.toml`` beside it names another
  backend (``built_by_setuptools``);
- C and Cython sources: a ``setup.py`` that declares an extension only for other Pythons, or
  Cython's test runner leaving a test out on the target, never compiles it there (``not_built``).

Other rooms reading a project's setup.py use ``build_files`` (the setup.py files from a directory
upward, with the helpers each runs) and ``parse_build_file`` (one of them parsed, never run).
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.projectfiles import memo
from outmoded.source import open_regular

BACKEND_RE = re.compile(rb"""^[ \t]*build-backend[ \t]*=[ \t]*['"]([^'"]*)['"]""", re.M)


def built_by_setuptools(setup_py: str) -> bool:
    """Does a build frontend run this ``setup.py`` through setuptools' backend: no
    ``pyproject.toml`` beside it, or one naming no backend or setuptools'?"""
    reads.read(os.path.join(os.path.dirname(setup_py), "pyproject.toml"))
    try:
        with open_regular(os.path.join(os.path.dirname(setup_py), "pyproject.toml")) as handle:
            data = handle.read()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    backend = BACKEND_RE.search(data)
    return setuptools_backend(None if backend is None else backend[1].decode("ascii", "replace"))


def setuptools_backend(backend: str | None) -> bool:
    """Does a ``pyproject.toml`` whose ``build-backend`` is ``backend`` (None: not given) build
    through setuptools' backend, which runs ``setup.py``?"""
    return backend is None or backend.startswith("setuptools.build_meta")


# setuptools: the C and Cython sources a setup.py declares only for other Pythons

SETUP_FILE = "setup.py"
MAX_BUILD_BYTES = 1 << 20
# build tools CPython stopped shipping, by the first version without them: a build that compiles
# something only when it finds one never compiles it there (Cython 3.3's setup.py adds
# Cython.Parser.ConcreteSyntaxTree only when ``which('pgen', ...)`` finds pgen, the parser
# generator of the old parser, gone with it in 3.10)
REMOVED_TOOLS = {"pgen": (3, 10)}
TOOL_FINDERS = frozenset({"which", "find_executable"})


def not_built(path: str, target: tuple[int, int], depth: int = 0) -> str | None:
    """Where the project's build says the C or Cython source at ``path`` is compiled only for
    Pythons other than the target (``build file:line`` of the condition), or None: no such
    declaration, or one that may compile it there.

    - every place the project's ``setup.py`` (or a Python file beside it that it imports, or names
      to ``exec``: Twisted 18.9's ``src/twisted/python/_setup.py``) writes the source's path
      (``"src/twisted/python/_sendmsg.c"``) or its dotted module name
      (``"Cython.Parser.ConcreteSyntaxTree"``) is in code the target never runs: a branch a version
      check (``guards``, with the file's flags: ``if sys.version_info < (3, 0): _PY3 = False``)
      excludes, a call whose ``condition=lambda ...:`` is false on the target
      (``condition=lambda _: not _PY3 and sys.platform != "win32"``), or a branch taken only when
      a tool CPython no longer ships is found (``REMOVED_TOOLS``);
    - a test of Cython's own runner (``tests/<dir>/<name>.pyx`` beside ``runtests.py``) that its
      version-dependent exclusion table leaves out on the target (``VER_DEP_MODULES``:
      ``(3, 12): (operator.ge, lambda x: x in ['run.line_trace', ...])``).
    - a header or a Cython ``.pxi`` that only such sources include (``#include``, ``include``,
      ``cdef extern from``): it is compiled only as part of them;
    - C that Cython generated, with no ``.pyx`` beside it, that no file of the project names
      (``orphans``: fastavro 1.13.1's ``_six.c``);
    - a source in a directory named for another Python version, whose name the ``setup.py`` builds
      from the running version (``packagedir.version_directory``: frozendict 2.5.1's ``c_src/3_10``).

    Files are parsed with ``ast``, never run; a source named nowhere is compiled as far as anyone
    can tell."""
    path = os.path.abspath(path)
    builds, occurrences = build_files(os.path.dirname(path)), []
    for build in builds:
        for text, line, dead in _strings(build, target):
            if _names_file(text, path):
                occurrences.append((build, line if dead is None else dead, dead is not None))
    if occurrences and all(dead for _, _, dead in occurrences):
        top = min((os.path.dirname(b) for b in builds if os.path.basename(b) == SETUP_FILE), key=len)
        return _where(occurrences[0][0], occurrences[0][1], top)
    from outmoded.orphans import orphaned
    from outmoded.packagedir import version_directory

    return _excluded_test(path, target) or _included_only_where_not_built(path, target, depth) \
        or version_directory(path, target) or orphaned(path, builds)


INCLUDED = (".h", ".hh", ".hpp", ".hxx", ".inc", ".inl", ".pxi")
MAX_INCLUDE_DEPTH = 4


def _included_only_where_not_built(path: str, target: tuple[int, int], depth: int) -> str | None:
    """Where the build leaves out the first of the sources including the header or ``.pxi`` at
    ``path``, when it leaves out every one of them (through headers including it, a few deep)."""
    if not path.endswith(INCLUDED) or depth >= MAX_INCLUDE_DEPTH:
        return None
    from outmoded.native.includes import includers

    found = includers(path)
    wheres = [not_built(including, target, depth + 1) for including in found]
    if not wheres or None in wheres:
        return None
    return f"included by {os.path.basename(found[0])}, {wheres[0]}"


def _where(build: str, line: int, top: str) -> str:
    return f"{os.path.relpath(build, top).replace(os.sep, '/')}:{line}"


def _names_file(text: str, path: str) -> bool:
    """Does this string of a build file name the source: its path (relative to wherever the build
    runs: only the end must agree) or its dotted module name (``twisted.python._sendmsg``)?"""
    if not text or len(text) > 300 or "\n" in text:
        return False
    written = os.path.normpath(text)
    if not written.startswith("..") and (path.endswith(os.sep + written) or path == written):
        return True
    if "." not in text or not text.replace(".", "").replace("_", "").isalnum():
        return False
    module = os.path.splitext(path)[0].replace(os.sep, ".")
    return module.endswith("." + text)


@memo
def build_files(directory: str) -> tuple:
    """The ``setup.py`` files from ``directory`` upward, each with the Python files beside it that
    it imports or names (``exec(open('src/twisted/python/_setup.py').read())``)."""
    found = []
    while True:
        setup = os.path.join(directory, SETUP_FILE)
        if reads.read(setup):
            found.append(setup)
            found.extend(_helpers(setup))
        parent = os.path.dirname(directory)
        if parent == directory:
            return tuple(found)
        directory = parent


def parse_build_file(path: str):
    """The ``ast`` of a build file (``setup.py``, or a helper it runs), read as a regular file of
    at most 1 MiB, never run; None when it cannot be read or parsed.  Its reading counts for the
    verdict (``outmoded.reads``)."""
    import ast
    import warnings

    reads.read(path)
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_BUILD_BYTES + 1)
        if len(data) > MAX_BUILD_BYTES:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(data, filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _helpers(setup: str) -> list:
    import ast

    tree = parse_build_file(setup)
    if tree is None:
        return []
    directory, found = os.path.dirname(setup), []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".py") \
                and "\n" not in node.value:
            names.append(node.value)
        elif isinstance(node, ast.Import):
            names.extend(a.name.split(".")[0] + ".py" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module.split(".")[0] + ".py")
        for name in names:
            candidate = os.path.normpath(os.path.join(directory, name))
            if candidate != setup and candidate not in found and reads.read(candidate) and os.path.isfile(candidate):
                found.append(candidate)
    return found


@memo
def _strings(build: str, target: tuple[int, int]) -> tuple:
    """(text, line, line of the condition that makes it dead or None) of every string in ``build``."""
    import ast

    from outmoded import guards
    from outmoded.summaries import module_lookup

    tree = parse_build_file(build)
    if tree is None:
        return ()
    module = module_lookup(build, tree, target)
    tools = _tool_flags(tree, target)

    def lookup(node):
        if isinstance(node, ast.Name) and node.id in tools:
            return tools[node.id]
        return module(node)

    found: list = []

    def walk(node, dead):
        if isinstance(node, (ast.If, ast.IfExp)):
            verdict = guards.evaluate(node.test, target, lookup)
            walk(node.test, dead)
            for branch, gone in ((node.body, verdict is False), (node.orelse, verdict is True)):
                for child in branch if isinstance(branch, list) else [branch]:
                    walk(child, dead or (node.test.lineno if gone else None))
            return
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "condition" and isinstance(keyword.value, ast.Lambda) \
                        and guards.evaluate(keyword.value.body, target, lookup) is False:
                    dead = dead or keyword.value.lineno
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.value, node.lineno, dead))
        for child in ast.iter_child_nodes(node):
            walk(child, dead)

    try:
        walk(tree, None)
    except RecursionError:
        return ()
    return tuple(found)


def _tool_flags(tree, target: tuple[int, int]) -> dict:
    """Names the file binds (once, anywhere) to a search for a tool CPython no longer ships on the
    target (``pgen = which('pgen', path=...)``): False, nothing is found."""
    import ast

    bound: dict = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for name in (t.id for t in targets if isinstance(t, ast.Name)):
                bound.setdefault(name, []).append(node.value)
    flags = {}
    for name, values in bound.items():
        if len(values) != 1 or not isinstance(values[0], ast.Call):
            continue
        call = values[0]
        func = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if func in TOOL_FINDERS and call.args and isinstance(call.args[0], ast.Constant):
            gone = REMOVED_TOOLS.get(call.args[0].value) if isinstance(call.args[0].value, str) else None
            if gone is not None and tuple(target) >= gone:
                flags[name] = False
    return flags


# Cython's test runner: a test its version-dependent exclusion table leaves out

RUNNER = "runtests.py"
TESTS = "tests"
_OPERATORS = {"lt", "le", "gt", "ge", "eq", "ne"}


def _excluded_test(path: str, target: tuple[int, int]) -> str | None:
    parts = path.split(os.sep)
    if len(parts) < 4 or parts[-3] != TESTS:
        return None
    top = os.sep.join(parts[:-3])
    runner = os.path.join(top, RUNNER)
    if not reads.read(runner):
        return None
    name = f"{parts[-2]}.{os.path.splitext(parts[-1])[0]}"
    for names in _exclusions(runner, target):
        if name in names:
            return _where(runner, names[name], top)
    return None


@memo
def _exclusions(runner: str, target: tuple[int, int]) -> tuple:
    """{test name: line} of each entry of the runner's module-level version-dependent exclusion
    tables whose version test holds on the target: ``{(3, 12): (operator.ge, lambda x: x in
    [...]), ...}`` (Cython's ``VER_DEP_MODULES``; ``VersionDependencyExcluder`` leaves a test out
    when ``compare(sys.version_info, version)`` and the lambda holds for its name)."""
    import ast
    import operator

    from outmoded.guards import compare_version

    tree = parse_build_file(runner)
    if tree is None:
        return ()
    found = []
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Dict)):
            continue
        for key, value in zip(stmt.value.keys, stmt.value.values):
            if not (isinstance(key, ast.Tuple) and all(isinstance(e, ast.Constant) and type(e.value) is int
                                                       for e in key.elts)
                    and isinstance(value, ast.Tuple) and len(value.elts) == 2):
                continue
            compare, matcher = value.elts
            if not (isinstance(compare, ast.Attribute) and isinstance(compare.value, ast.Name)
                    and compare.value.id == "operator" and compare.attr in _OPERATORS
                    and isinstance(matcher, ast.Lambda) and len(matcher.args.args) == 1):
                continue
            body, argument = matcher.body, matcher.args.args[0].arg
            if not (isinstance(body, ast.Compare) and len(body.ops) == 1 and isinstance(body.ops[0], ast.In)
                    and isinstance(body.left, ast.Name) and body.left.id == argument
                    and isinstance(body.comparators[0], (ast.List, ast.Tuple, ast.Set))):
                continue
            version = tuple(e.value for e in key.elts)
            if compare_version(target, getattr(operator, compare.attr), version) is not True:
                continue
            found.append({e.value: e.lineno for e in body.comparators[0].elts
                          if isinstance(e, ast.Constant) and isinstance(e.value, str)})
    return tuple(found)
