"""Does pip build an sdist on the target: its ``setup.py``, read (never run) as the build runs it.

pip builds an sdist whose ``pyproject.toml`` names no other backend (or that has none) through
setuptools' backend, which runs its ``setup.py`` on the target, in an isolated environment
holding the standard library and the newest setuptools the sdist's build requirements allow
(``buildnames``: pip 26.3 on the real 3.13 installs setuptools 84.2.1).  A pure-Python sdist whose
library code is clean still does not install when its ``setup.py`` fails there (each proven by a
real ``pip wheel`` of an sdist on the real 3.13):

- a removed standard-library API (``import imp``, ``ssl.wrap_socket``): the engine's unguarded
  findings (errors), as for library code.  ``from distutils.core import setup`` works through
  setuptools' copy, what that copy lacks does not (``distutils.msvccompiler``,
  ``build_py_2to3``): the engine knows it (``buildnames.lacking``);
- a module the build's setuptools does not ship, imported outside a ``try`` that catches the
  ImportError: ``pkg_resources`` (gone from setuptools 82.0.0), ``setuptools.command.upload``,
  ``from setuptools import Feature``; when the sdist declares no build requirements, any module
  neither the standard library, that setuptools (and what it vendors) nor the sdist's top
  provides (``import six``: pip installs setuptools alone), but for a module its ``setup()``'s
  ``setup_requires`` names imported in a command class's method: setuptools' backend hands
  those to pip as build requirements, and they are installed before the build runs the
  commands (kiwisolver 1.3.2's ``build_ext`` imports ``cppy``: pip builds it on the real 3.13),
  though not before ``setup()`` is called (a top-level ``import six`` fails there);
- a ``setup()`` keyword that setuptools refuses (``use_2to3=True``: "use_2to3 is invalid.");
- Python 2 syntax (``print "x"``), in setup.py or in a module beside it that it imports
  (``ez_setup``), as are the engine's errors at such a module's top level;
- a check of the running version that raises (numba 0.61.2's ``_guard_py_ver()`` on 3.14:
  ``setupguard``): the release refuses the target, which ``check`` calls incompatible.

Only what the build runs counts: the module's top level (``if`` branches the target takes,
``try``/``with`` blocks, class bodies), the module-level functions it calls (and those they call),
and the methods of the command classes ``setup(cmdclass=...)`` gives for the commands a wheel build
runs; not a function nobody calls there (a ``test`` command's ``run``).  A build requirement that
is a backport provides its module, as a dependency's own requirements do (``requires``); one that
pins a setuptools older than the listing's makes the listing say nothing.
"""

from __future__ import annotations

import ast

from outmoded.deps.setupruns import (
    build_runs,
    catches_import_error,
    imports_present,
    never_run,
    unsure,
)
from outmoded.findings import ERROR, Finding

SETUP = "setup.py"
SYNTAX_CODE, BUILD_CODE = "python2-syntax", "build-env"
REFUSES_CODE = "refuses-python"  # setup.py raises on the target's version by itself (``setupguard``)


def is_setup_script(filename: str, member: str) -> bool:
    """Is ``member`` the ``setup.py`` at the top of sdist ``filename``?"""
    parts = member.split("/")
    return not filename.endswith(".whl") and len(parts) == 2 and parts[1] == SETUP


def is_build_script(filename: str, member: str) -> bool:
    """Is ``member`` a build script at the top of sdist ``filename`` (``setup.py``, and the
    helpers it may import: ``ez_setup.py``, ``versioneer.py``...), never library code?"""
    from outmoded.deps.shipped import BUILD_SCRIPTS

    parts = member.split("/")
    return not filename.endswith(".whl") and len(parts) == 2 and parts[1] in BUILD_SCRIPTS


def judge(filename: str, members: list, target: tuple[int, int], names: list = ()) -> list:
    """(Parses and scans: one thread at a time, ``code._SCAN_LOCK``.)  The findings (errors, at ``setup.py:LINE``) that make the build of sdist ``filename`` fail
    on the target; ``members``: its ``(member, bytes)`` pairs holding ``setup.py`` and its
    ``pyproject.toml``; ``names``: every member's name (what setup.py can import from beside
    it).  [] when setuptools' backend does not run a ``setup.py``."""
    setup = next(((m, d) for m, d in members if is_setup_script(filename, m)), None)
    if setup is None:
        return []
    runs, requires = _backend(_pyproject(members))
    if not runs:
        return []
    member, data = setup
    text = data.decode("utf-8", "replace")
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
        return _python2(text, error)
    from outmoded.deps import requires as requirements

    from outmoded.deps.setupguard import refusal

    refused = refusal(tree, target)
    if refused is not None:  # the build stops there, before anything else it would run
        line, raised = refused
        return [_finding(line, REFUSES_CODE, raised.partition(":")[0],
                         f"setup.py refuses the target at line {line}: {raised}")]
    provided = requirements.names(requires, target)
    maybe = unsure(tree.body, member, target)
    never = never_run(tree, maybe=maybe)
    own = _own_modules(member, names, "sys.path" in text)
    found = [f for f in _engine(member, data, target, provided)
             if build_runs(never + maybe, f.line) and f.api.split(".")[0] not in own]
    if _listing_applies(requires):
        beside = _beside(member, names) if not requires and "sys.path" not in text else None
        reported = {f.line for f in found}  # import __builtin__: the engine's finding says it
        found += [f for f in _missing_modules(tree, member, target, never, beside, _in_commands(tree, target))
                  if f.line not in reported]
        found += _refused_keywords(tree, member, target, never)
    found += _helpers(tree, member, members, target, never + maybe, provided)
    found.sort(key=lambda f: (f.path != SETUP, f.path, f.line, f.column))
    return found


def build_requires(members: list) -> list:
    """The requirement lines of the sdist's ``[build-system] requires`` (``members``: its
    ``(member, bytes)`` pairs holding ``pyproject.toml``)."""
    return _backend(_pyproject(members))[1]


def _pyproject(members: list) -> bytes:
    return next((d for m, d in members if m.count("/") == 1 and m.endswith("/pyproject.toml")), b"")


def _backend(pyproject: bytes) -> tuple:
    """(does setuptools' backend run setup.py, the build requirement lines)."""
    from outmoded.builds import setuptools_backend
    from outmoded.tomldata import loads

    system = loads(pyproject).get("build-system") if pyproject else None
    if not isinstance(system, dict):
        return True, []
    backend = system.get("build-backend")
    requires = system.get("requires")
    requires = [r for r in requires if isinstance(r, str)] if isinstance(requires, list) else []
    return (backend is None or isinstance(backend, str)) and setuptools_backend(backend), requires


def _listing_applies(requires: list) -> bool:
    """Does the build get the setuptools the listing was made from (no requirement keeps it out)?"""
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    from outmoded.buildnames import version

    listed = version()
    if not listed:
        return False
    for line in requires:
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(requirement.name) == "setuptools" and not requirement.specifier.contains(listed, True):
            return False
    return True


def _python2(text: str, error: Exception) -> list:
    from outmoded.oldsyntax import described

    line = getattr(error, "lineno", None)
    lines = text.splitlines()
    what = described(lines[line - 1]) if line and 0 < line <= len(lines) else None
    if what is None:
        return []  # syntax newer than this interpreter, or broken: not told
    return [_finding(line, SYNTAX_CODE, "Python 2 syntax", f"setup.py holds {what}")]


def _engine(member: str, data: bytes, target: tuple[int, int], provided: frozenset) -> list:
    """The engine's unguarded findings in setup.py, shown at ``setup.py``.  It is scanned at its
    member path (``name-1.0/setup.py``): a setup.py, run by setuptools' backend, whose distutils
    comes from setuptools' copy."""
    from outmoded.catalog.backports import brings_back
    from outmoded.deps.code import detached, index_for
    from outmoded.engine import check_source
    from outmoded.records import replace

    result = check_source(detached(member), data, index_for(target), None, noqa=False)
    return [replace(f, path=SETUP) for f in result.findings if f.severity == ERROR and not brings_back(f, provided)]


def _helpers(tree: ast.Module, member: str, members: list, target: tuple[int, int], skipped: list,
             provided: frozenset) -> list:
    """What fails in the modules beside setup.py that it surely imports (``import ez_setup``:
    wsgiref 0.1.2's ``ez_setup/__init__.py`` holds ``print "..."``, and pip fails there on the
    real 3.13): Python 2 syntax, or the engine's errors at their top level and in the functions
    setup.py calls in them where it runs (``versioneer.get_version()``, ``from versioneer import
    get_version``), and in those they call: old versioneer's ``get_config_from_root`` makes a
    ``configparser.SafeConfigParser()``, gone in 3.12."""
    from outmoded.branches import main_blocks

    top = member.split("/", 1)[0] + "/"
    files = dict(members)
    called: dict = {}  # helper path -> the names of its functions setup.py calls
    bound: dict = {}  # a name setup.py binds to a helper -> (its path, the function it names or None)
    for stmt in ast.walk(tree):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)) or getattr(stmt, "level", 0) \
                or not build_runs(skipped, stmt.lineno):
            continue
        aliases = [(a.name.split(".")[0], a) for a in stmt.names] if isinstance(stmt, ast.Import) else [
            ((stmt.module or "").split(".")[0], a) for a in stmt.names]
        for root, alias in aliases:
            path = next((p for p in (f"{top}{root}.py", f"{top}{root}/__init__.py") if p in files), None)
            if path is None:
                continue
            called.setdefault(path, set())
            if isinstance(stmt, ast.Import) and (alias.asname is None or alias.name == root):
                bound[alias.asname or root] = (path, None)
            elif isinstance(stmt, ast.ImportFrom) and stmt.module == root:
                bound[alias.asname or alias.name] = (path, alias.name)
    for node in ast.walk(tree) if bound else ():
        func = getattr(node, "func", None) if isinstance(node, ast.Call) and build_runs(skipped, node.lineno) else None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and bound.get(func.value.id, (None, ""))[1] is None:
            called[bound[func.value.id][0]].add(func.attr)
        elif isinstance(func, ast.Name) and bound.get(func.id, (None, None))[1]:
            called[bound[func.id][0]].add(bound[func.id][1])
    found = []
    for path, functions in called.items():
        shown = path[len(top):]
        text = files[path].decode("utf-8", "replace")
        try:
            helper = ast.parse(text)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
            found += [_replace_path(f, shown) for f in _python2(text, error)]
            continue
        never = never_run(helper, frozenset(functions)) + main_blocks(helper)
        found += [_replace_path(f, shown) for f in _engine(path, files[path], target, provided)
                  if build_runs(never, f.line) and not _setuptools_copy(f)]
    return found


def _setuptools_copy(finding) -> bool:
    """Is this a ``distutils`` name setuptools' copy provides?  setuptools' backend imports
    setuptools before it runs setup.py, so the helpers it imports get that copy too (versioneer's
    ``get_cmdclass``: ``from distutils.core import Command``); for setup.py the engine knows it."""
    from outmoded.buildnames import PROVIDER, lacking

    return finding.api.split(".")[0] == "distutils" and lacking(PROVIDER, finding.api) is None


def _replace_path(finding, path: str):
    from outmoded.records import replace

    return replace(finding, path=path)


def _beside(member: str, names) -> frozenset:
    """The top-level modules and packages at the sdist's top, beside setup.py: importable there."""
    top = member.split("/", 1)[0] + "/"
    return frozenset(n[len(top):].split("/", 1)[0].removesuffix(".py") for n in names if n.startswith(top))


def _own_modules(member: str, names, on_path: bool) -> frozenset:
    """The modules the sdist ships that setup.py may import under a removed module's name: those
    beside it, and, when it puts a folder on ``sys.path``, any (grpcio 1.85.4's ``import commands``
    is its ``src/python/grpcio/commands.py``, not Python 2's ``commands``)."""
    if not on_path:
        return _beside(member, names)
    parts = [n.split("/") for n in names if n.endswith(".py") and "/" in n]
    return frozenset(p[-2] if p[-1] == "__init__.py" else p[-1].removesuffix(".py") for p in parts)


def _in_commands(tree: ast.Module, target: tuple[int, int]) -> tuple:
    """(the modules ``setup_requires`` installs on the target, by the canonical names it gives
    them, the line ranges of the methods of setup.py's classes): what a command class's method
    can import once the build runs it.  setuptools' backend runs setup.py to ask for
    ``setup_requires`` (its ``get_requires_for_build_wheel``), pip installs them, then the build
    runs the commands; setup.py's top level ran before they were there."""
    from outmoded.deps import requires as requirements
    from outmoded.setupcall import setup_requires

    installed = requirements.names(setup_requires(tree), target)
    if not installed:
        return frozenset(), []
    methods = [(f.lineno, f.end_lineno) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
               for f in c.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return installed, methods


def _missing_modules(tree: ast.Module, member: str, target: tuple[int, int], never: list,
                     beside: frozenset | None, in_commands: tuple = (frozenset(), [])) -> list:
    """Imports of ``setuptools`` / ``pkg_resources`` modules (or names) the build's setuptools
    lacks, where the build surely runs them (``unsure``), outside a try catching ImportError
    whose handler goes on (not one that raises or exits: docutils 0.12's ``sys.exit(1)``) and
    outside the handlers of a try whose imports the target has (``imports_present``);
    with ``beside`` (the sdist declares no build requirements and does not touch ``sys.path``),
    of any module neither the standard library, the build's setuptools nor the sdist's top
    provides (``import six``, ``from pip.req import parse_requirements``: pip installs setuptools
    alone in the isolated build, and they failed there on the real 3.13), but for what
    ``in_commands`` says a command's method gets (``_in_commands``)."""
    from packaging.utils import canonicalize_name

    from outmoded.buildnames import has_name, importable_roots, missing_module, version
    from outmoded.stdnames import STDLIB
    from outmoded.summaries import ends_run

    tries = [node for node in ast.walk(tree) if isinstance(node, ast.Try)]
    skipped = never + unsure(tree.body, member, target) + [
        (node.body[0].lineno, node.body[-1].end_lineno) for node in tries
        if any(catches_import_error(h.type) and not ends_run(h.body) for h in node.handlers)] + [
        (handler.body[0].lineno, handler.body[-1].end_lineno) for node in tries if imports_present(node.body, target)
        for handler in node.handlers]
    found = []
    for stmt in ast.walk(tree):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)) or getattr(stmt, "level", 0) \
                or not build_runs(skipped, stmt.lineno):
            continue
        if isinstance(stmt, ast.Import):
            wanted = [(alias.name, None) for alias in stmt.names]
        else:
            wanted = [(stmt.module or "", alias.name) for alias in stmt.names if alias.name != "*"]
        for module, name in wanted:
            root = module.split(".")[0]
            later, methods = in_commands
            in_command = canonicalize_name(root) in later and any(a <= stmt.lineno <= b for a, b in methods)
            if beside is not None and root and root not in STDLIB and root not in importable_roots() \
                    and root not in beside and root not in ("pkg_resources", "__future__") \
                    and not in_command:
                found.append(_finding(stmt.lineno, BUILD_CODE, root,
                                      f"`{root}` is not installed where pip builds the sdist: it declares no build "
                                      f"requirements, so pip installs setuptools {version()} alone", stmt.col_offset))
                break
            if root not in ("setuptools", "pkg_resources"):
                continue
            gone = missing_module(module) or (f"{module}.{name}" if name and has_name(module, name) is False else None)
            if gone:
                found.append(_finding(stmt.lineno, BUILD_CODE, gone,
                                      f"`{gone}` is not in setuptools {version()}, which pip installs to build "
                                      f"the sdist", stmt.col_offset))
                break
    return found


def _refused_keywords(tree: ast.Module, member: str, target: tuple[int, int], never: list) -> list:
    """``use_2to3=True``: a keyword the build's setuptools refuses unless false, given a true
    constant where the build surely runs it: in ``setup(...)`` (or through a name bound once), or
    put in the options passed to it (anjyson 0.3.3: ``extra.update(use_2to3=True)`` under ``if
    sys.version_info >= (3, 0):``; ``dict(use_2to3=True)``, ``{"use_2to3": True}``,
    ``extra["use_2to3"] = True``)."""
    from outmoded.buildnames import refused_keywords, version
    from outmoded.setupcall import bound_once

    refused, bound, found = refused_keywords(), bound_once(tree), []
    skipped = never + unsure(tree.body, member, target)
    for node in ast.walk(tree):
        pairs = []
        if isinstance(node, ast.Call):
            pairs = [(k.arg, k.value) for k in node.keywords if k.arg in refused]
        elif isinstance(node, ast.Dict):
            pairs = [(k.value, v) for k, v in zip(node.keys, node.values)
                     if isinstance(k, ast.Constant) and k.value in refused]
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript) \
                and isinstance(node.targets[0].slice, ast.Constant) and node.targets[0].slice.value in refused:
            pairs = [(node.targets[0].slice.value, node.value)]
        for keyword, value in pairs:
            given = bound.get(value.id) if isinstance(value, ast.Name) else value
            if isinstance(given, ast.Constant) and given.value and build_runs(skipped, value.lineno):
                found.append(_finding(value.lineno, BUILD_CODE, f"setup({keyword}=...)",
                                      f"setuptools {version()}, which pip installs to build the sdist, refuses "
                                      f"{keyword}: \"{keyword} is invalid.\"", value.col_offset))
    return found


def _finding(line: int, code: str, api: str, message: str, column: int = 0) -> Finding:
    return Finding(SETUP, line, column + 1, line, column + 1, code, api, "", None, ERROR, message, "", None)
