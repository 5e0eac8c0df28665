"""Which files are checked, and by what.

Python sources (``*.py``, ``*.pyi``) are checked by ``outmoded.engine``.  Other kinds of file
register here: ``CHECKERS`` maps a matcher to ``"module:function"``; the function takes
``(display_path, data: bytes, index)`` and returns an ``engine.FileResult``.  A matcher is a
file-name suffix (".c"), an exact name ("Dockerfile") or a glob on the path relative to the
walked root (".github/workflows/*.yml").
"""

from __future__ import annotations

import os
import sys

from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable  # importing collections costs every run

PYTHON_SUFFIXES = (".py", ".pyi")

# matcher -> "module:function"; checkers for other languages are added by their modules' authors
CHECKERS: dict[str, str] = {}

# C, C++ and Cython extension sources; deployment and CI configuration (see outmoded.native)
CHECKERS.update({
    **dict.fromkeys([".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".inc", ".inl"], "outmoded.native.capi:check_c"),
    **dict.fromkeys([".pyx", ".pxd", ".pxi"], "outmoded.native.capi:check_cython"),
    **dict.fromkeys(["[.]github/workflows/*.yml", "[.]github/workflows/*.yaml"],
                    "outmoded.native.workflows:check_workflow"),
    **dict.fromkeys(["Dockerfile", "Containerfile", ".dockerfile", ".Dockerfile", "Dockerfile.*"],
                    "outmoded.native.flags:check_dockerfile"),
    **dict.fromkeys([".sh", "Makefile", "makefile", "GNUmakefile", ".mk", "Procfile"],
                    "outmoded.native.flags:check_shell"),
    **dict.fromkeys(["tox.ini", ".service"], "outmoded.native.flags:check_ini"),
})


def _is_glob(matcher: str) -> bool:
    return any(ch in matcher for ch in "*?[")


def _glob_source(matcher: str) -> str:
    # at the start of the path, or after any "/": `[.]github/workflows/*.yml` anywhere in a tree
    import fnmatch  # here, with re: a run on Python files only needs neither

    return f"(?:.*/)?{fnmatch.translate(matcher)}"


def _test(matcher: str) -> Callable[[str, str], bool]:
    """One matcher as a test on (path with "/" separators, file name)."""
    if _is_glob(matcher):
        import re

        regex = re.compile(_glob_source(matcher))
        return lambda path, name: bool(regex.match(path) or regex.match(name))
    if matcher.startswith("."):
        return lambda path, name: name.endswith(matcher)
    return lambda path, name: name == matcher


_REGISTRY: list = [None, ()]  # [a copy of CHECKERS when its items were last taken, those items]


def _registry() -> tuple:
    """``CHECKERS``' items, the key ``_compiled`` is asked by: taken again only when the table
    changed (compared as a dict, in C).  A walk asks ``wanted`` for every file it sees, and making
    the tuple of ~30 pairs each time was most of its cost: 6,890 files of Django 5.2.8's sdist,
    ~16 ms of the parent's CPU while the first pass's workers read."""
    if _REGISTRY[0] != CHECKERS:
        _REGISTRY[0], _REGISTRY[1] = dict(CHECKERS), tuple(CHECKERS.items())
    return _REGISTRY[1]


@lru_cache(maxsize=1)
def _compiled(registry: tuple) -> tuple:
    """The registry compiled once: its tests in order (first match wins), and the same
    matchers folded into (suffixes, names, one glob regex) for ``wanted``, which a walk asks
    for every file it sees."""
    tests = tuple((_test(m), target) for m, target in registry)
    suffixes = PYTHON_SUFFIXES + tuple(m for m, _ in registry if m.startswith(".") and not _is_glob(m))
    names = frozenset(m for m, _ in registry if not m.startswith(".") and not _is_glob(m))
    globs = [_glob_source(m) for m, _ in registry if _is_glob(m)]
    import re

    return tests, suffixes, names, re.compile("|".join(globs)) if globs else None


def wanted(path: str, name: str | None = None) -> bool:
    """Is this file checked at all (by the Python engine or a registered checker)?  ``name``: the
    path's last component, when the caller has it (a walk's entry)."""
    if path.endswith(PYTHON_SUFFIXES):  # most files a walk wants: before the table's lookup
        return True
    _, suffixes, names, globs = _compiled(_registry())
    if path.endswith(suffixes):
        return True
    name = os.path.basename(path) if name is None else name
    if name in names:
        return True
    return globs is not None and bool(globs.match(path.replace(os.sep, "/")) or globs.match(name))


def checker_for(path: str) -> Callable | None:
    if path.endswith(PYTHON_SUFFIXES):
        return None
    tests = _compiled(_registry())[0]
    unix, name = path.replace(os.sep, "/"), os.path.basename(path)
    for test, target in tests:
        if test(unix, name):
            module, _, function = target.partition(":")
            __import__(module)  # importlib.import_module, without importing importlib (and warnings)
            return getattr(sys.modules[module], function)
    return None
