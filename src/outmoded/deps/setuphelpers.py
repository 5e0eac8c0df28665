"""The modules beside an sdist's ``setup.py`` that only its build imports: no library code.

``shipped.BUILD_SCRIPTS`` names the usual ones (``ez_setup.py``, ``versioneer.py``...); a
project may write its own. mysqlclient 1.3.13 ships ``setup_posix.py`` and ``setup_windows.py``
(``if os.name == "posix": from setup_posix import get_config / else: from setup_windows
import ...``), both importing ``setup_common.py``; its ``py_modules`` (from its
``metadata.cfg``) install ``_mysql_exceptions`` and no helper. Read as library code,
``setup_windows.py:2``'s ``from distutils.msvccompiler import get_build_version`` made the
release ``breaks`` on every target from 3.12.

A top-level module is such a helper when ``setup.py`` imports it, in any branch, or a helper
does, unless ``setup.py`` may install it: a literal ``py_modules`` naming it (behave 1.2.6's
``setuptools_behave``, configobj 5.0.6's ``_version`` through ``MODULES = (...)``), a
``py_modules`` computed (any module may be named: mock 1.0.1's), or the module named like the
project (six, bottle, pyparsing import themselves for their version). ``setup.cfg`` is not
read (the archive reader fetches no ``setup.cfg``): a module it alone names for ``py_modules``
and ``setup.py`` imports, not named like the project, would be missed.
"""

from __future__ import annotations

import ast

from packaging.utils import canonicalize_name

from outmoded.deps.infunctions import parsed


def build_helpers(filename: str, files: list, project: str) -> frozenset:
    """The members of sdist ``filename`` (its ``(member, bytes)`` pairs) that are build helpers."""
    from outmoded.deps.setupbuild import is_setup_script

    setup = next(((m, d) for m, d in files if is_setup_script(filename, m)), None)
    tree = parsed(setup[1]) if setup else None
    installed = _py_modules(tree) if tree else None
    if installed is None:
        return frozenset()
    top, texts, own = setup[0].split("/", 1)[0] + "/", dict(files), canonicalize_name(project)
    helpers, todo = set(), [tree]
    while todo:
        for name in _imported_roots(todo.pop()):
            path = f"{top}{name}.py"
            if path in texts and path not in helpers and name not in installed \
                    and canonicalize_name(name) != own:
                helpers.add(path)
                todo += [t for t in (parsed(texts[path]),) if t is not None]
    return frozenset(helpers)


def _imported_roots(tree: ast.Module) -> set:
    """The first part of each absolute import's module, anywhere in ``tree``."""
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _py_modules(tree: ast.Module) -> frozenset | None:
    """The modules ``setup.py``'s ``py_modules=`` names, as literals (a list, or a module-level
    name bound once to one); None when one is computed."""
    from outmoded.deps.requirements import NoDependencyTable
    from outmoded.deps.setupfiles import _literal
    from outmoded.setupcall import setup_calls

    names, calls = set(), list(setup_calls(tree))
    given = [k for call in calls for k in call.keywords if k.arg == "py_modules"]
    if any(isinstance(n, ast.keyword) and n.arg == "py_modules" and n not in given
           or isinstance(n, ast.Constant) and n.value == "py_modules" for n in ast.walk(tree)):
        return None  # dict(py_modules=...) or metadata["py_modules"] handed to setup(**...)
    for call in calls:  # setup(**metadata) from another file (mysqlclient's metadata.cfg): not read
        for keyword in call.keywords:
            if keyword.arg != "py_modules":
                continue
            try:
                value = _literal(tree, keyword.value, "setup.py", str)
            except NoDependencyTable:
                return None
            if not isinstance(value, list) or not all(isinstance(v, tuple) for v in value):
                return None
            names |= {text for text, _line in value}
    return frozenset(names)
