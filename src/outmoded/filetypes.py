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
from typing import Callable, Optional

PYTHON_SUFFIXES = (".py", ".pyi")

# matcher -> "module:function"; checkers for other languages are added by their modules' authors
CHECKERS: dict[str, str] = {}


def _matches(matcher: str, path: str) -> bool:
    name = os.path.basename(path)
    if matcher.startswith("."):
        return name.endswith(matcher)
    if any(ch in matcher for ch in "*?["):
        return fnmatch.fnmatch(path.replace(os.sep, "/"), "*" + matcher) or fnmatch.fnmatch(name, matcher)
    return name == matcher


def wanted(path: str) -> bool:
    """Is this file checked at all (by the Python engine or a registered checker)?"""
    return path.endswith(PYTHON_SUFFIXES) or any(_matches(m, path) for m in CHECKERS)


def checker_for(path: str) -> Optional[Callable]:
    if path.endswith(PYTHON_SUFFIXES):
        return None
    for matcher, target in CHECKERS.items():
        if _matches(matcher, path):
            module, _, function = target.partition(":")
            return getattr(importlib.import_module(module), function)
    return None
