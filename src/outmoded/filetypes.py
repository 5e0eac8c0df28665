"""Which files are checked, and by what.

Python sources (``*.py``, ``*.pyi``) are checked by ``outmoded.engine``.  Other kinds of file
register here: ``CHECKERS`` maps a matcher to ``"module:function"``; the function takes
``(display_path, data: bytes, index)`` and returns an ``engine.FileResult``.  A matcher is a
file-name suffix (".c"), an exact name ("Dockerfile") or a glob on the path relative to the
walked root (".github/workflows/*.yml").
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import re
from functools import lru_cache
from typing import Callable, Optional

PYTHON_SUFFIXES = (".py", ".pyi")

# matcher -> "module:function"; checkers for other languages are added by their modules' authors
CHECKERS: dict[str, str] = {}

# C, C++ and Cython extension sources; deployment and CI configuration (see outmoded.native)
CHECKERS.update({
    **dict.fromkeys([".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh"], "outmoded.native.capi:check_c"),
    **dict.fromkeys([".pyx", ".pxd", ".pxi"], "outmoded.native.capi:check_cython"),
    **dict.fromkeys(["[.]github/workflows/*.yml", "[.]github/workflows/*.yaml"],
                    "outmoded.native.workflows:check_workflow"),
    **dict.fromkeys(["Dockerfile", "Containerfile", ".dockerfile", ".Dockerfile", "Dockerfile.*"],
                    "outmoded.native.flags:check_dockerfile"),
    **dict.fromkeys([".sh", "Makefile", "makefile", "GNUmakefile", ".mk", "Procfile"],
                    "outmoded.native.flags:check_shell"),
    **dict.fromkeys(["tox.ini", ".service"], "outmoded.native.flags:check_ini"),
})


def _matches(matcher: str, path: str) -> bool:
    name = os.path.basename(path)
    if matcher.startswith("."):
        return name.endswith(matcher)
    if any(ch in matcher for ch in "*?["):
        return fnmatch.fnmatch(path.replace(os.sep, "/"), "*" + matcher) or fnmatch.fnmatch(name, matcher)
    return name == matcher


@lru_cache(maxsize=1)
def _compiled(registry: tuple) -> tuple:
    """(suffixes, exact names, glob regex): a walk asks this for every file it sees."""
    suffixes = tuple(m for m, _ in registry if m.startswith(".") and not any(c in m for c in "*?["))
    names = frozenset(m for m, _ in registry if not m.startswith(".") and not any(c in m for c in "*?["))
    globs = [m for m, _ in registry if any(c in m for c in "*?[")]
    pattern = "|".join(f"(?:.*/)?{fnmatch.translate(g)}|{fnmatch.translate(g)}" for g in globs)
    return PYTHON_SUFFIXES + suffixes, names, re.compile(pattern) if globs else None


def wanted(path: str) -> bool:
    """Is this file checked at all (by the Python engine or a registered checker)?"""
    suffixes, names, globs = _compiled(tuple(CHECKERS.items()))
    if path.endswith(suffixes):
        return True
    name = os.path.basename(path)
    if name in names:
        return True
    return globs is not None and bool(globs.match(path.replace(os.sep, "/")) or globs.match(name))


def checker_for(path: str) -> Optional[Callable]:
    if path.endswith(PYTHON_SUFFIXES):
        return None
    for matcher, target in CHECKERS.items():
        if _matches(matcher, path):
            module, _, function = target.partition(":")
            return getattr(importlib.import_module(module), function)
    return None
