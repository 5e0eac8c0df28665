"""A project module that nothing runs on the target: every import of it sits in code the target
never runs.

pexpect 4.9's ``_async.py`` does ``if py_version_info >= (3, 6): from pexpect._async_w_await
import ...`` / ``else: from pexpect._async_pre_await import ...``: ``_async_pre_await.py`` (its
``@asyncio.coroutine``) is compatibility code for Pythons before 3.6, imported nowhere else.  A
module is unreached on the target when all of these hold:

- it is a module of one of the project's packages (a top-level module may be imported by
  whatever puts its directory on ``sys.path``; asking would also make every such file's cached
  verdict depend on the whole tree), or a package's ``__init__`` (asked as a module named by its
  directory: metaflow 2.19.39's vendored ``_vendor/importlib_metadata``, imported only before
  3.8) when no module of the package may run it with ``python -m`` (a ``__main__.py`` in it or
  below, a script's ``if __name__ == "__main__":``), its own modules' imports of it not counting
  (they run only once it has); a module inside a package that is unreached is unreached too, its
  importers in the package notwithstanding (metaflow's ``_vendor/v3_7``, imported only before 3.8:
  its typeguard and typing_extensions import each other at their top level); not a ``__main__``,
  not a file a test
  runner collects or a tool runs by name (``test`` in its name, ``conftest``, ``setup``), not a
  script (``if __name__ == "__main__":``, or a ``#!`` line in an executable file);
- at least one file of the project imports it, and each such import is in code the scanner does
  not visit on the target (a branch a version check excludes, a handler of a ``try`` that cannot
  fail there, the rest of a block after ``if <true>: return``) or visits only as dead
  compatibility code (``if hasattr(module, "removed_name"):``): the importers are walked by the
  scanner itself, so every guard it understands counts and nothing else does (a module named like
  a stdlib one, ``compat/pkgutil.py``, is not imported by ``import pkgutil``: that is the stdlib's);
- nothing names it where it could be loaded another way: no ``__import__``/``import_module`` of
  it, no quoted module name (``pytest_plugins``, ``__all__``, entry points in the packaging
  files; in a file of another top-level package, only a string starting with the module's own
  package counts: a bare name there is that package's), no ``<name>.py`` on a line of a project
  file; but a string spelling its whole dotted
  name and an attribute (passlib 1.7.4's ``_lazy_attrs['OrderedDict'] =
  'passlib.utils.compat._ordered_dict.OrderedDict'`` under ``if PY26:``) counts as an import where
  it stands: dead in a branch the target never takes.

Only files with findings are asked; the importers are found by a text pass over the project's
files (``projectfiles.mentioning``, as far as the answer needs) and only those naming the module on
an import line are parsed.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.layout import absolute, module_of
from outmoded.lazyre import LazyPattern, search_near, word_re
from outmoded.notewalkers import spelled_name, walker as walker_class
from outmoded.projectfiles import (MAIN_RE, TOP_IMPORT_RE, memo, mentioning, parsed, project_root, sources,
                                   top_level_outside, top_level_words)
from outmoded.reach import _executable
from outmoded.source import open_regular
from outmoded.stdnames import STDLIB

NOT_MODULE_NAMES = frozenset({"__init__", "__main__", "conftest", "setup"})
PACKAGING_FILES = ("pyproject.toml", "setup.cfg")  # entry points name modules there
MAIN_BYTES_RE = LazyPattern(MAIN_RE.pattern.encode())  # compiled where first used (``_runnable``)


def unreached(path: str, text: str, index, project) -> bool:
    """Is the module at ``path`` (its ``text``) imported by the project only in code that never
    runs on ``index``'s target?"""
    absolute_path = os.path.abspath(path)
    verdict = _unreached(absolute_path, text, index, project)
    return verdict is not None and (verdict or _in_unreached_package(absolute_path, index, project))


def _in_unreached_package(absolute_path: str, index, project) -> bool:
    """Is the module at ``absolute_path`` inside a package (its own, if it is an ``__init__``, not
    counted) whose ``__init__`` is unreached?  Any import of a module in a package runs the
    package first, and names it: metaflow 2.19.39's ``_vendor/v3_7/typeguard/_importhook.py``, which
    its own package imports at its top level, and ``v3_7`` only under checks for 3.7."""
    directory = os.path.dirname(absolute_path)
    if os.path.basename(absolute_path) == "__init__.py":
        directory = os.path.dirname(directory)
    init = os.path.join(directory, "__init__.py")
    return reads.read(init) != "" and _package_unreached(init, _Same(index), _Same(project))


@memo
def _package_unreached(init: str, index, project) -> bool:
    """``unreached`` of a package's ``__init__``, or of one of the packages it is in; memoized
    with what it read.  A package a runner or ``python -m`` runs by itself (``_unreached``'s
    None: a ``test`` package, one with a ``__main__``) runs the packages it is in."""
    verdict = _unreached(init, _text(init), index.value, project.value)
    return verdict is not None and (verdict or _in_unreached_package(init, index.value, project.value))


def _unreached(absolute_path: str, text: str, index, project) -> bool | None:
    """``unreached`` of the module itself, asked of its importers; None for a module that runs by
    itself (a test runner collects it, a tool runs it by name, a script, a package with a
    ``__main__``), which runs the packages it is in too: they are not asked (in a check of five
    files of a 50,000-file tree, asking them read the whole tree's import statements)."""
    path = absolute_path
    stem = os.path.basename(absolute_path)[:-3]
    own_dir = None  # a package's directory, when asked of its __init__
    if stem == "__init__" and path.endswith(".py") and \
            reads.read(os.path.join(os.path.dirname(absolute_path), "__main__.py")) == "":
        # a package is run by any import of it or of a module in it, each naming it (a relative
        # import inside it runs only once it is, as does any import in a module of it that is no
        # script): asked as a module named by its directory
        own_dir = os.path.dirname(absolute_path) + os.sep
        stem = os.path.basename(os.path.dirname(absolute_path))
    if not path.endswith(".py"):
        return False
    if stem in NOT_MODULE_NAMES or "test" in stem.lower() or MAIN_RE.search(text):
        return None
    if text.startswith("#!") and _executable(absolute_path):
        return None
    module, import_root, _ = module_of(absolute_path)
    if "." not in module:
        return False  # a top-level module: whatever puts its directory on sys.path may import it
    top = project_root(os.path.dirname(absolute_path)) or import_root
    imported = top_level_words(top)
    # a module named like a stdlib one (mitogen 0.3.54's compat/pkgutil.py) shares its words with
    # the stdlib's imports (``import pkgutil``): those statements are read below
    stdlib_named = stem in STDLIB
    if imported is None:
        return False
    if stem.encode() in imported and not stdlib_named and (own_dir is None or top_level_outside(top, stem, own_dir)):
        # imported at some module's top level, where it runs as far as the text tells; a package,
        # at the top level of a module outside it (its own run only once it has)
        return False
    # searched as far as the loop below asks (it stops at a first use), and where the loop reads
    # a file: one naming the module's name as a word
    files = mentioning(top, stem, alone=True)
    if files is None:
        return False
    name = re.escape(stem.encode())
    word = word_re(stem.encode())
    # the patterns naming it are compiled where first used (most verdicts end before some are)
    quoted = LazyPattern(rb"""['"][\w.:/-]*\b%s\b|\b%s\.py\b""" % (name, name))
    # in another top-level package, only a string naming this one's (or the file) loads it: a bare
    # name there is relative to that package (setuptools 68.0.0's setuptools/extern names
    # 'typing_extensions' for its VendorImporter, which loads setuptools._vendor.typing_extensions,
    # never pkg_resources/_vendor/typing_extensions.py, which fails on import from 3.12 on)
    package = module.split(".")[0]
    inside = os.path.join(import_root, package) + os.sep
    quoted_outside = LazyPattern(rb"""['"]%s[.:/][\w.:/-]*\b%s\b|\b%s\.py\b"""
                                  % (re.escape(package.encode()), name, name))
    # a mapping's key written as the module's bare name (pymongo 3.8's test_pooling.py:
    # kwargs['ssl_context'] = ...): a subscript, not a module loaded by name, which is dotted
    # in sys.modules, and the module here is a package's
    key = LazyPattern(rb"""\[(?<=[\w)\]]\[)[ \t]*(['"])%s\1[ \t]*\]""" % name)  # "[" first: sre skips to it
    # its whole dotted name and an attribute as a string: a lazy import of the attribute, live or
    # dead where it stands (the walker's); its name alone (Twisted's lists of ported modules) loads it
    spelled = LazyPattern(rb"""(['"])%s[.:]\w+\1""" % re.escape(module.encode()))
    # an import statement at a module's top level (column 0, also in parentheses): it runs, as far
    # as the text tells, so the module is reached without parsing anything
    top_level = LazyPattern(rb"^(?:from|import)[ \t][^\n(]*(?:\b%s\b|\([^)]*\b%s\b)" % (name, name), re.M)
    importing = LazyPattern(rb"^[ \t]*(?:from|import)[ \t][^\n(]*(?:\b%s\b|\([^)]*\b%s\b)|\\\r?\n[^\n]*\b%s\b"
                            % (name, name, name), re.M)
    for name in PACKAGING_FILES:
        packaging = os.path.join(top, name)
        if reads.read(packaging) and _holds(packaging, word):
            return False
    # each of those patterns' matches holds the module's name (``spelled``'s, its dotted name): they
    # are searched on the lines holding it (``search_near``), not tried at every byte of the file
    needle, dotted = stem.encode(), module.encode()
    importers = []
    for importer, data in files:
        if importer == absolute_path or (own_dir and importer.startswith(own_dir) and not data.startswith(b"#!")):
            continue  # the module itself; in its package, runs only once the package has
        if not word.search(data):
            continue
        loads = quoted if importer.startswith(inside) else quoted_outside
        if (search_near(loads, data, needle) and search_near(loads, _unspelled(spelled, key, data, dotted), needle)) or (
                search_near(top_level, data, needle, True) and (not stdlib_named or _may_import(top_level, data, stem))):
            return False  # loaded by name, run as a script, or imported where it runs
        if search_near(importing, data, needle, True) or search_near(spelled, data, dotted):
            importers.append(importer)
    verdicts = [_imports_live(importer, module, index, project) for importer in importers]
    return False in verdicts and True not in verdicts and not (own_dir and _runnable(top, own_dir))


def _unspelled(spelled, key, data: bytes, dotted: bytes) -> bytes:
    """``data`` without its mappings' keys naming the module (``key``) and the strings spelling its
    dotted name and an attribute (``spelled``, only where the dotted name is written)."""
    data = key.sub(b"[]", data)
    return spelled.sub(b"", data) if dotted in data else data


def _runnable(top: str, directory: str) -> bool:
    """May ``python -m`` run a module under ``directory`` (a package's, ending with a separator),
    and so the package: a ``__main__.py`` in it or in a package of it, or a script (``if
    __name__ == "__main__":``)?  True when the tree cannot be read."""
    tree, naming = sources(top), mentioning(top, "__main__", alone=True)
    if tree is None or naming is None:
        return True
    return any(path.startswith(directory) and path.endswith(os.sep + "__main__.py") for path in tree.paths) or \
        any(path.startswith(directory) and MAIN_BYTES_RE.search(data) for path, data in naming)


def _may_import(statement_re, data: bytes, stem: str) -> bool:
    """May a top-level import statement ``statement_re`` finds in ``data`` import the project's
    module ``stem`` (named like a stdlib module, in a package)?  Not one where the name is only the
    first part of an absolute module name: ``import pkgutil`` and ``from pkgutil import
    find_loader`` are the stdlib's on Python 3 (mitogen 0.3.54's master.py, beside its
    ``if sys.version_info >= (2, 5): ... else: from mitogen.compat.pkgutil import find_loader``).
    A statement that cannot be read may."""
    import ast

    for match in statement_re.finditer(data):
        statement = TOP_IMPORT_RE.match(data, match.start())
        try:
            node = ast.parse(statement[0].decode("utf-8")).body[0] if statement else None
        except (SyntaxError, ValueError, UnicodeDecodeError):
            return True
        if isinstance(node, ast.Import):
            if any(stem in alias.name.split(".")[1:] for alias in node.names):
                return True
        elif not isinstance(node, ast.ImportFrom) or node.level or stem in (node.module or "").split(".")[1:] \
                or any(alias.name == stem for alias in node.names):
            return True
    return False


def _imports_live(importer: str, module: str, index, project) -> bool | None:
    """Does ``importer`` import ``module`` in code that runs on the target (True, also when it
    cannot be told), only in code that does not (False), or not at all (None: another module of
    the same name)?"""
    found = _imports(importer, _Same(index), _Same(project))
    if found is None:
        return True
    named, live = found
    if not any(n == module or n.startswith(module + ".") for n in named):
        return None
    return any(n == module or n.startswith(module + ".") for n in live)


@memo
def _imports(importer: str, index, project) -> tuple | None:
    """(every module ``importer`` names on an import statement, those it imports in code the
    scanner visits outside dead code), or None when it cannot be parsed."""
    import ast

    tree = parsed(importer)
    if tree is None:
        return None

    def names(node) -> list:
        if isinstance(node, ast.Import):
            return [a.name for a in node.names]
        base = absolute(importer, node.level, node.module) if node.level else node.module
        return [base] + [f"{base}.{a.name}" for a in node.names] if base else []

    named = set()  # what its import statements and its strings name, in one walk
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            named.update(n for n in names(node) if n)
        elif isinstance(node, ast.Constant):
            named.add(spelled_name(node.value))
    named.discard(None)
    walker = walker_class("imports")(index.value, importer, _text(importer), None, project.value)
    walker.wanted, walker.live = names, set()
    try:
        walker.run(tree)
    except RecursionError:
        return None
    return frozenset(named), frozenset(walker.live)


class _Same:
    """An unhashable object (the index, the project) as part of a memo's key: the same object."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _text(path: str) -> str:
    from outmoded.source import SourceError, decode, read_bytes

    try:
        return decode(read_bytes(path), newline=False).text
    except SourceError:
        return ""


def _holds(path: str, word) -> bool:
    try:
        with open_regular(path) as handle:
            return word.search(handle.read()) is not None
    except OSError:
        return True
