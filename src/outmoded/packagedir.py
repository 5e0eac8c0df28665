"""Which source root a ``setup.py`` installs, and which source directory it compiles, when it picks
it by the Python version running it.

httplib2 0.12.0 ships one copy of its code per major version and its ``setup.py`` writes
``pkgdir = {"": "python%s" % sys.version_info[0]}`` / ``setuptools.setup(package_dir=pkgdir, ...)``:
``python2/`` is never installed on a Python 3, and what it holds (``import httplib``) is not what
the upgrade breaks.  The root package's directory (``package_dir``'s ``""`` key, written in the
call or bound once in the module) is read with ``ast``, never run, and evaluated for the target
and for Python 2.7: a directory under the project's top that it names on 2.7 but not on the target
is not installed there (``installs.not_installed``).  The value may be a string formatted with
``sys.version_info[0]`` (``%``, ``+ str(...)``, an f-string), a conditional expression whose
test ``guards.evaluate`` decides, or a dict of such values subscripted by ``sys.version_info[0]``
(PyYAML 3.12: ``{2: 'lib', 3: 'lib3'}[sys.version_info[0]]``).

The C sources a ``setup.py`` compiles may sit in a directory named for one Python version, which it
picks the same way (``version_directory``): frozendict 2.5.1 ships ``c_src/3_6`` ... ``c_src/3_10``
(its C extension built on a copy of that version's ``dictobject.c``) and its ``setup.py`` builds
``c_src_base_path / f"{pyversion[0]}_{pyversion[1]}"`` (``pyversion = sys.version_info``), falling
back to the pure-Python package when that directory does not exist: ``c_src/3_10`` is compiled on
3.10 only.
"""

from __future__ import annotations

import ast
import os
import re

from outmoded import reads
from outmoded.projectfiles import memo

OTHER_PYTHON = (2, 7)


def not_installed_root(path: str, top: str, target: tuple[int, int]) -> bool:
    """Is ``path`` under the directory the ``setup.py`` at ``top`` installs as its root package
    directory only on Pythons other than the target?"""
    other = _other_root(os.path.join(top, "setup.py"), target)
    if other is None:
        return False
    root = os.path.normpath(os.path.join(top, other))
    return os.path.abspath(path).startswith(root + os.sep)


@memo
def _other_root(setup: str, target: tuple[int, int]) -> str | None:
    """The root package directory the ``setup.py`` names on Python 2.7 when it names another one
    on the target, or None."""
    from outmoded.builds import built_by_setuptools, parse_build_file

    if not reads.read(setup) or not built_by_setuptools(setup):
        return None
    tree = parse_build_file(setup)
    if tree is None:
        return None
    there, before = root_on(tree, setup, target), root_on(tree, setup, OTHER_PYTHON)
    if there is None or before is None or there == before or not before.strip("./"):
        return None
    return before


def root_on(tree: ast.Module, setup: str, version: tuple[int, int]) -> str | None:
    """The root package directory (``package_dir``'s ``""``) the ``setup.py`` whose tree is
    ``tree``, at path ``setup``, names on ``version``, or None when it names none or it cannot be
    told."""
    from outmoded.summaries import module_lookup

    value = _root_dir(tree)
    return None if value is None else _text(value, version, module_lookup(setup, tree, version))


VERSION_DIR_RE = re.compile(r"(?:py|python|cp)?([23])[._-]?(\d{1,2})\Z", re.IGNORECASE)  # 3_10, py3.9, cp310
STRING_BUILDERS = (ast.JoinedStr, ast.BinOp, ast.Call)


def version_directory(path: str, target: tuple[int, int]) -> str | None:
    """Where (``setup.py:line``) the project's ``setup.py`` builds the name of a directory above the
    source at ``path`` from the running Python's version, when that directory is named for another
    version than the target (``3_10``, ``py3.9``, ``cp310``): the expression gives the directory's
    name on that version and another name on the target (a string formatted with
    ``sys.version_info``'s parts, or a name bound to it), and no build file writes the name as it
    is.  None otherwise."""
    from outmoded.builds import SETUP_FILE, build_files

    path = os.path.abspath(path)
    builds = build_files(os.path.dirname(path))
    for setup in builds:
        if os.path.basename(setup) != SETUP_FILE:
            continue
        relative = os.path.relpath(os.path.dirname(path), os.path.dirname(setup)).split(os.sep)
        if relative[0] in (os.pardir, os.curdir):
            continue
        for name in relative:
            match = VERSION_DIR_RE.match(name)
            if match is None or (int(match[1]), int(match[2])) == tuple(target):
                continue
            line = _builds_name(setup, builds, name, (int(match[1]), int(match[2])), tuple(target))
            if line is not None:
                return f"{SETUP_FILE}:{line}"
    return None


@memo
def _builds_name(setup: str, builds: tuple, name: str, version: tuple, target: tuple) -> int | None:
    """The line of an expression of the ``setup.py`` that gives ``name`` on ``version`` and another
    string on ``target``, when no build file writes ``name`` as a string of its own."""
    from outmoded.builds import parse_build_file
    from outmoded.summaries import module_lookup

    trees = [tree for tree in map(parse_build_file, builds) if tree is not None]
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and name in re.split(r"[\\/]", node.value):
                return None  # the directory is written out: it may be built whatever the version
    tree = parse_build_file(setup)
    if tree is None:
        return None
    there, then = module_lookup(setup, tree, target), module_lookup(setup, tree, version)
    for node in ast.walk(tree):
        if isinstance(node, STRING_BUILDERS) and _text(node, version, then) == name:
            other = _text(node, target, there)
            if other is not None and other != name:
                return node.lineno
    return None


@memo
def named_package_dirs(setup: str) -> dict:
    """The directories a ``setup.py`` installs as named packages, from its ``package_dir``'s
    literal entries other than ``""`` (psycopg2 2.8.6: ``package_dir={'psycopg2': 'lib'}``, so
    ``lib/compat.py`` is ``psycopg2.compat``, whose ``PY2`` its tests/testutils.py tests): a
    package name -> the directory, relative to the setup.py."""
    from outmoded.builds import parse_build_file
    from outmoded.setupcall import keyword_dicts

    if not reads.read(setup) or not os.path.isfile(setup):
        return {}
    tree = parse_build_file(setup)
    if tree is None:
        return {}
    found = {}
    for value in keyword_dicts(tree, "package_dir"):
        for key, item in zip(value.keys, value.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value \
                    and isinstance(item, ast.Constant) and isinstance(item.value, str):
                found[key.value] = item.value
    return found


def _root_dir(tree: ast.Module) -> ast.expr | None:
    """The ``""`` entry of the ``package_dir`` a setup call passes (a dict written in the call, or
    a name the module binds once to one: ``setupcall.bound_once``)."""
    from outmoded.setupcall import keyword_dicts

    for value in keyword_dicts(tree, "package_dir"):
        for key, item in zip(value.keys, value.values):
            if isinstance(key, ast.Constant) and key.value == "":
                return item
    return None


def _text(node: ast.expr, version: tuple[int, int], lookup) -> str | None:
    """The string ``node`` gives on ``version``, or None when it cannot be told."""
    from outmoded import guards

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str) and node.left.value.count("%") == 1 and "%s" in node.left.value:
        part = _part(node.right, version, lookup)
        return None if part is None else node.left.value.replace("%s", str(part))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, version, lookup), _text(node.right, version, lookup)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" \
            and len(node.args) == 1 and not node.keywords:
        part = _part(node.args[0], version, lookup)
        return None if part is None else str(part)
    if isinstance(node, ast.JoinedStr):
        pieces = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                pieces.append(str(value.value))
            elif isinstance(value, ast.FormattedValue) and value.format_spec is None and value.conversion == -1:
                part = _part(value.value, version, lookup)
                if part is None:
                    return None
                pieces.append(str(part))
            else:
                return None
        return "".join(pieces)
    if isinstance(node, ast.IfExp):
        verdict = guards.evaluate(node.test, version, lookup)
        return None if verdict is None else _text(node.body if verdict else node.orelse, version, lookup)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        # PyYAML 3.12: package_dir={'': {2: 'lib', 3: 'lib3'}[sys.version_info[0]]}
        part = _part(node.slice, version, lookup)
        for key, item in zip(node.value.keys, node.value.values):
            if part is not None and isinstance(key, ast.Constant) and key.value == part:
                return _text(item, version, lookup)
    return None


def _part(node: ast.expr, version: tuple[int, int], lookup) -> int | None:
    """``sys.version_info[0]`` / ``.major`` (or ``[1]`` / ``.minor``) on ``version``."""
    if isinstance(node, ast.Tuple) and len(node.elts) == 1:
        node = node.elts[0]
    if isinstance(node, ast.Attribute) and node.attr in ("major", "minor"):
        return version[node.attr == "minor"] if _version_info(node.value, lookup, version) else None
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in (0, 1):
        return version[node.slice.value] if _version_info(node.value, lookup, version) else None
    return None


def _version_info(node: ast.expr, lookup, version: tuple[int, int]) -> bool:
    """Is ``node`` ``sys.version_info``, or a name bound to it (frozendict 2.5.1's ``pyversion =
    sys.version_info``: the lookup gives the version it was made for)?"""
    from outmoded.versionvalues import VersionValue

    value = _qualified(node, lookup)
    if value == "sys.version_info":
        return True
    if not (isinstance(value, VersionValue) and value.kind in ("full", "info")):
        return False
    try:
        return tuple(int(part) for part in value.value[:2]) == tuple(version)
    except (TypeError, ValueError):
        return False


def _qualified(node: ast.expr, lookup) -> object:
    from outmoded.guards import Unknown

    try:
        return lookup(node)
    except Unknown:
        return None
