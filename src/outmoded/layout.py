"""Where a project's modules are on disk, found the way Python's import system finds them.

A package is a directory with ``__init__.py``; the first directory above a file without one is
its import root (its ``sys.path`` entry).  From that: a file's dotted module name, what a relative
import stands for, which file ``import dotted`` finds from a given file, and whether a project
module shadows a standard-library one.  Answers about the file system are cached for the run
(``forget_files`` starts over).  The places ``find_module`` and ``shadows_stdlib`` look count for
the verdict asking, present or absent (``outmoded.reads``).
"""

from __future__ import annotations

import os
import sys

from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools
from outmoded.reads import once


@lru_cache(maxsize=8192)
def _is_package(directory: str, stub: bool = False) -> bool:
    """Is ``directory`` a package?  For a stub file (``*.pyi``), as type checkers see it, an
    ``__init__.pyi`` makes one too (typeshed's ``stdlib/distutils/``)."""
    return os.path.isfile(os.path.join(directory, "__init__.py")) or (
        stub and os.path.isfile(os.path.join(directory, "__init__.pyi")))


def is_package(directory: str) -> bool:
    """Is ``directory`` a package (has ``__init__.py``)?"""
    return _is_package(directory)


@lru_cache(maxsize=8192)
def _is_file(path: str) -> bool:
    return os.path.isfile(path)


@lru_cache(maxsize=8192)
def module_of(path: str) -> tuple[str, str, bool]:
    """(dotted module name, import root directory, is a package) of a source file: parent
    directories with ``__init__.py`` are packages; the first one without is on ``sys.path``."""
    path = os.path.abspath(path)
    directory, filename = os.path.split(path)
    stem, _, suffix = filename.rpartition(".")
    stem = stem or filename
    parts = [] if stem == "__init__" else [stem]
    package = stem == "__init__"
    while _is_package(directory, suffix == "pyi"):
        directory, name = os.path.split(directory)
        parts.insert(0, name)
    return ".".join(parts), directory, package


def inits_above(path: str):
    """The ``__init__.py`` of each package the file at ``path`` is in, innermost first (for a
    package's own ``__init__.py``, those of the packages above it): what importing its module runs
    first.  Each ``__init__.py`` looked for counts for the verdict asking (``outmoded.reads``), the
    absent one that ends the climb too: created, it puts the file in one more package."""
    from outmoded.reads import read

    directory = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "__init__.py":
        directory = os.path.dirname(directory)
    while True:
        init = os.path.join(directory, "__init__.py")
        read(init)
        if not _is_package(directory):
            return
        yield init
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def is_top_level(path: str) -> bool:
    """Does ``module_of`` give the file a name without a dot (a top-level module)?  Told from its
    directory and the one above, without climbing every package; the same for every file of a
    directory but for ``__init__`` and a dotted stem, so answered once per directory and kind."""
    if os.altsep is None:  # os.path.split's, without its Python-level work: a head of "/" kept
        cut = path.rfind(os.sep) + 1
        directory, filename = path[:cut], path[cut:]
    else:
        directory, filename = os.path.split(path)
    stem = filename.rpartition(".")[0] or filename
    return _top_level_in(directory, None if stem == "__init__" else "." in stem)


@lru_cache(maxsize=8192)
def _top_level_in(directory: str, dotted: bool | None) -> bool:
    """``is_top_level`` of a file in ``directory``: its ``__init__`` (``dotted`` None), another
    module (``dotted``: its stem has a dot)."""
    directory = os.path.abspath(directory)
    if dotted is None:
        return not _is_package(os.path.dirname(directory)) and "." not in os.path.basename(directory)
    return not _is_package(directory) and not dotted


def absolute(path: str, level: int, module: str | None) -> str | None:
    """The absolute name ``from <level dots><module> import`` stands for in the file at ``path``."""
    name, _, package = module_of(path)
    parts = name.split(".") if name else []
    if not package:
        parts = parts[:-1]
    if level - 1 > len(parts):
        return None
    parts = parts[:len(parts) - (level - 1)]
    if module:
        parts.append(module)
    return ".".join(parts) or None


_FOUND: dict = {}  # (dotted name, directory, stub, cwd) -> (find_module's answer, the places it looked)
_ROOTS: dict = {}  # (directory, stub, cwd) -> (_import_roots' answer, the __init__ files it looked for)
_PLACES: dict = {}  # (path as given, cwd) -> (its directory, absolute; is it a stub; cwd): the memos' keys


def _place(from_path: str) -> tuple:
    """(directory, stub, cwd) of the file at ``from_path``, what ``find_module`` and ``_import_roots``
    answer by: made once per path and current directory (a relative path's ``abspath`` asks the
    current directory again, and the engine's paths are relative: ~1,000 of each per worker on
    Twisted 18.9's second pass)."""
    cwd = os.getcwd()
    place = _PLACES.get((from_path, cwd))
    if place is None:
        place = _PLACES[from_path, cwd] = (os.path.dirname(os.path.abspath(from_path)), from_path.endswith(".pyi"), cwd)
    return place


def find_module(dotted: str, from_path: str) -> str | None:
    """The project file ``import dotted`` finds from ``from_path``: under the importing file's import
    root (its ``sys.path`` entry) or a directory above it within the current one (the project's
    top, on ``sys.path`` when run from there), else beside it (where Python 2 code meant it:
    enough to find the class a base name stands for).  The same from every file of a directory:
    answered once per run, the places looked in replayed for every verdict asking."""
    return once(_FOUND, (dotted, *_place(from_path)), _find_module, dotted, from_path)


def _find_module(dotted: str, from_path: str) -> str | None:
    relative = dotted.replace(".", os.sep)
    for base in dict.fromkeys(_import_roots(from_path) + [os.path.dirname(os.path.abspath(from_path))]):
        found = _module_at(os.path.join(base, relative))
        if found is not None:
            return found
    return _installed_root(dotted, from_path)


def _module_at(place: str, suffix: str = ".py") -> str | None:
    """The module file at ``place`` (a path without its suffix): ``place.py``, else the package's
    ``place/__init__.py``, or None.  Each place tried counts for the verdict asking, absent too
    (``outmoded.reads``): a module created there later (a base class's, a flag's) changes the
    answer; its stamp is empty when absent, as most are: no second stat to tell it is no file.
    Where nothing records (the chains warmed, ``refine.decide``, in a run without a results cache:
    ``reads.KEPT``), the run's cached ``_is_file`` alone answers (1,197 ``stat`` calls there on
    Twisted 18.9, most of the same places asked from other directories)."""
    from outmoded.reads import listening, read

    recorded = listening()
    for candidate in (place + suffix, os.path.join(place, "__init__.py")):
        if (not recorded or read(candidate)) and _is_file(candidate):
            return candidate
    return None


def found_only_beside(dotted: str, from_path: str) -> bool:
    """Does ``import dotted`` from ``from_path`` find the project's module only beside the importing
    file, in a package's directory that is no ``sys.path`` entry: Python 2's implicit relative
    import, which fails from Python 3 on (pydub 0.23.1's ``pydub/utils.py``: ``except ImportError:
    import pyaudioop as audioop``, its ``pydub/pyaudioop.py``)?  Not when the module or its package's
    ``__init__.py`` names ``sys.path`` (one that puts its own directory there)."""
    directory = os.path.dirname(os.path.abspath(from_path))
    if directory in _import_roots(from_path):
        return False
    relative = dotted.replace(".", os.sep)
    if find_module(dotted, from_path) not in (os.path.join(directory, relative + ".py"),
                                              os.path.join(directory, relative, "__init__.py")):
        return False
    from outmoded.reads import read

    for module in (os.path.abspath(from_path), os.path.join(directory, "__init__.py")):
        read(module)  # ``sys.path.insert(0, os.path.dirname(__file__))`` there puts the package's directory on it
        try:
            with open(module, "rb") as handle:
                if b"sys.path" in handle.read():
                    return False
        except OSError:
            pass
    return True


def _installed_root(dotted: str, from_path: str) -> str | None:
    """``import dotted`` of a package the project installs from where the import root does not
    show it: a stray ``__init__.py`` above the package puts the root too high (future 1.0's
    ``src/__init__.py``, there for its setup.py, makes ``src/past/builtins/misc.py`` the module
    ``src.past.builtins.misc``, but installed, ``future`` and ``past`` are top-level and ``from
    future.utils import PY3`` finds ``src/future/utils/``), or the package lives under ``src/``
    or ``lib/`` beside the importing tests (``tests/test_range.py`` importing ``future.utils``;
    SQLAlchemy 0.9's ``test/base/test_except.py`` importing ``sqlalchemy.util`` from
    ``lib/sqlalchemy/``, its setup.py's ``package_dir={'': 'lib'}``), or in the directory a
    setup.py's ``package_dir`` names for it (psycopg2 2.8.6's ``{'psycopg2': 'lib'}``).  Asked only
    when the usual places hold no such module."""
    first = dotted.partition(".")[0]
    from outmoded.stdnames import STDLIB

    if first in STDLIB:
        return None
    from outmoded.reads import read

    stub = from_path.endswith(".pyi")
    directory = os.path.dirname(os.path.abspath(from_path))
    bases, top = [], None
    while _is_package(directory, stub):
        top, directory = directory, os.path.dirname(directory)
        bases.append(directory)
    if top is not None:
        found = _named_top(dotted, top, stub)
        if found is not None:
            return found
    bases += [os.path.join(root, layout) for root in _import_roots(from_path) for layout in ("src", "lib")]
    relative = dotted.replace(".", os.sep)
    from outmoded.packagedir import named_package_dirs

    for root in _import_roots(from_path):  # a package setup.py's package_dir puts elsewhere
        named = named_package_dirs(os.path.join(root, "setup.py"))
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            where = named.get(".".join(parts[:cut]))
            if where is not None:
                found = _module_at(os.path.join(os.path.normpath(os.path.join(root, where)), *parts[cut:]))
                if found is not None:
                    return found
                break
    for base in bases:
        if not read(os.path.join(base, first, "__init__.py")) and not stub:
            continue  # absent: no package (a stub's __init__.pyi may make one)
        if not _is_package(os.path.join(base, first), stub):
            continue
        found = _module_at(os.path.join(base, relative))
        if found is not None:
            return found
    return None


def _named_top(dotted: str, top: str, stub: bool) -> str | None:
    """``import dotted`` of a module of the outermost package around the importing file, where
    that package's directory is named by its dotted name, which Python cannot import it as: the
    checkout or sdist of a package kept at its root (ruamel.yaml 0.15.100's ``__init__.py`` and
    ``compat.py`` at the top of ``ruamel.yaml-0.15.100/``, installed as ``ruamel.yaml`` by its
    setup.py; its ``comments.py`` does ``from ruamel.yaml.compat import PY2``).  The name is the
    directory's, less an sdist's ``-VERSION``."""
    name = os.path.basename(top)
    if name.isidentifier():
        return None
    head, dash, tail = name.rpartition("-")
    if dash and tail[:1].isdigit():
        name = head
    if not dotted.startswith(name + ".") or not all(part.isidentifier() for part in name.split(".")):
        return None
    return _module_at(os.path.join(top, *dotted[len(name) + 1:].split(".")), ".pyi" if stub else ".py")


def _import_roots(from_path: str) -> list[str]:
    """The file's import root and the directories above it within the current one.  The
    ``__init__.py`` files that put the root there count for the verdict asking, present or
    absent (``outmoded.reads``): one created or deleted moves it (``tools/mod.py`` beside
    ``tools/asyncore.py`` stops shadowing ``import asyncore`` once ``tools/__init__.py`` exists).
    Once per directory (and stubs): the list is shared, never to be changed by the caller."""
    return once(_ROOTS, _place(from_path), _roots_of, from_path)


def _roots_of(from_path: str) -> list[str]:
    from outmoded.reads import read

    directory = module_of(from_path)[1]
    climbed = os.path.dirname(os.path.abspath(from_path))
    stub = from_path.endswith(".pyi")
    while True:
        read(os.path.join(climbed, "__init__.py"))
        if stub:
            read(os.path.join(climbed, "__init__.pyi"))
        if climbed == directory or os.path.dirname(climbed) == climbed:
            break
        climbed = os.path.dirname(climbed)
    found, top = [directory], os.getcwd()
    while directory != top and directory.startswith(top + os.sep):
        directory = os.path.dirname(directory)
        found.append(directory)
    return found


def forget_files() -> None:
    """Drop what was learnt about the file system (a long-lived process starting a new run)."""
    for cached in (_is_package, _is_file, module_of, _top_level_in):
        cached.cache_clear()
    _FOUND.clear()
    _ROOTS.clear()
    _PLACES.clear()
    files = sys.modules.get("outmoded.projectfiles")  # what reach read around modules, if it ran
    if files is not None:
        files.forget()
    native = sys.modules.get("outmoded.native.includes")  # C files read beside the one checked
    if native is not None:
        native.forget()


def shadows_stdlib(path: str, name: str) -> bool:
    """Is top-level module ``name`` one of the project's, found before the standard library when
    ``path`` imports it?  Only modules at the file's import root, or in a directory above it
    within the current one (run from there, it is on ``sys.path``), can be: under absolute imports
    a subpackage ``pkg/carrier/asyncore/`` cannot shadow ``import asyncore``.  A stub file is
    answered by stubs too: typeshed's ``stdlib/smtpd.pyi`` imports its own ``asyncore.pyi``."""
    from outmoded.reads import read

    stub = path.endswith(".pyi")
    for d in _import_roots(path):
        # each file that would shadow it counts for the verdict, present or absent (``outmoded.reads``):
        # a pre-commit run checks a few files, and a module created beside them changes the answer
        for candidate in (name + ".py", os.path.join(name, "__init__.py")) + (
                (name + ".pyi", os.path.join(name, "__init__.pyi")) if stub else ()):
            read(os.path.join(d, candidate))
        if _is_file(os.path.join(d, name + ".py")) or _is_package(os.path.join(d, name), stub) \
                or (stub and _is_file(os.path.join(d, name + ".pyi"))):
            return True
    return False


def beside_script(path: str, name: str) -> bool:
    """Is top-level module ``name`` a module or package in the directory of the file at ``path``?
    Run as a script, the file has its own directory first on ``sys.path``, in a package too: tld
    0.13.2's examples/gae/example.py does ``from parser import GAEMozillaTLDSourceParser``, its
    examples/gae/parser.py (on the real 3.13 ``python3.13 examples/gae/example.py`` imports it)."""
    from outmoded.reads import read

    directory = os.path.dirname(os.path.abspath(path))
    module, package = os.path.join(directory, name + ".py"), os.path.join(directory, name, "__init__.py")
    read(module), read(package)  # each counts for the verdict, present or absent (``outmoded.reads``)
    return _is_file(module) or _is_file(package)


# a directory named for one Python version: ``3.10`` (gevent's ``src/greentest/3.10/``), or for a
# Python 3 interpreter of that version, ``py3.10``, ``pypy3.10`` (multiprocess 0.70.19's ``py3.9/``
# ... ``py3.15/`` and ``pypy3.9/`` ...: its setup.py installs the one of the running Python, falling
# back to the newest below it).  Not an environment's ``lib/pypy3.10/site-packages`` (nor
# ``python3.11``'s): what is installed there is what ``deps --installed`` asks about
ENVIRONMENT_DIRECTORIES = frozenset({"site-packages", "dist-packages"})


def version_directory(path: str) -> tuple[int, int] | None:
    """(3, N) for a file under a directory named for one Python version, ``3.N`` (or ``py3.N``,
    ``pypy3.N``): gevent 26.9 keeps each CPython version's own tests in
    ``src/greentest/3.10/`` and runs the one of the running Python, multiprocess 0.70.19 ships its
    package and C sources for each Python in ``py3.10/``... and installs the running one's, so a
    removal after 3.N does not concern them.  (No ``re``: a check of one cleared file imports none.)"""
    parts = path.replace("\\", "/").split("/")
    for at in range(len(parts) - 1):  # directories only, the file's name aside
        version = _version_name(parts[at])
        if version is not None and parts[at + 1] not in ENVIRONMENT_DIRECTORIES:
            return version
    return None


def _version_name(name: str) -> tuple[int, int] | None:
    """``3.10`` (any single-digit major), ``py3.10``, ``pypy3.10`` -> (3, 10)."""
    if name.startswith(("py", "pypy")):
        name = name[4:] if name.startswith("pypy") else name[2:]
        if not name.startswith("3"):
            return None
    major, dot, minor = name.partition(".")
    if len(major) == 1 and dot and 1 <= len(minor) <= 2 and (major + minor).isascii() and (major + minor).isdigit():
        return int(major), int(minor)
    return None
