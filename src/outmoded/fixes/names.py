"""Dotted names: which part of a catalog replacement is a module (so it can be imported), and
LibCST helpers to read and build ``a.b.c`` chains.

Where a module ends is decided from the standard library's files on disk, without importing
anything: importing a module to find out could run its side effects in the fixer's process.
"""

from __future__ import annotations

import builtins
import importlib.util
import os
import sys
import sysconfig
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import libcst as cst

BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass(frozen=True)
class Resolved:
    """A replacement name split into what to import and what to write."""

    name: str
    module: Optional[str]  # None: a builtin, nothing to import

    @property
    def root(self) -> str:
        return self.name.split(".")[0]


@lru_cache(maxsize=1)
def _stdlib_dir() -> str:
    return sysconfig.get_paths()["stdlib"]


@lru_cache(maxsize=None)
def _is_top_module(name: str) -> bool:
    known = getattr(sys, "stdlib_module_names", None)
    if known is not None:
        return name in known
    # Python 3.9 has no stdlib_module_names: look for the file, or a built-in module
    base = os.path.join(_stdlib_dir(), name)
    return name in sys.builtin_module_names or os.path.isfile(base + ".py") or os.path.isdir(base)


# modules that are no package but put a submodule in sys.modules themselves: ``import os.path``
# and ``from os.path import splitdrive`` work on every Python, os.py binding posixpath or ntpath
REGISTERED_SUBMODULES = frozenset({"os.path"})


def _is_package(parts: list[str]) -> bool:
    return os.path.isfile(os.path.join(_stdlib_dir(), *parts, "__init__.py"))


@lru_cache(maxsize=None)
def _is_submodule_named(name: str) -> bool:
    base = os.path.join(_stdlib_dir(), *name.split("."))
    if os.path.isfile(base + ".py") or os.path.isfile(os.path.join(base, "__init__.py")):
        return True
    # no file: the package may register it at import time (collections.abc is
    # _collections_abc since 3.13), so ask the import system; these are stdlib packages only
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _is_submodule(parts: list[str]) -> bool:
    return _is_submodule_named(".".join(parts))


@lru_cache(maxsize=None)
def resolve(name: str) -> Optional[Resolved]:
    """Split a standard-library dotted name into its module and the rest; None if it is not one."""
    parts = name.split(".")
    if parts[0] in BUILTIN_NAMES and not _is_top_module(parts[0]):
        return Resolved(name, None)
    if not _is_top_module(parts[0]):
        # a third-party replacement (setuptools.setup): no files to look at, so take the usual
        # shape of a module-level class or function
        return Resolved(name, ".".join(parts[:-1])) if len(parts) > 1 else None
    end = 1
    while end < len(parts) and (".".join(parts[:end + 1]) in REGISTERED_SUBMODULES
                                or _is_package(parts[:end]) and _is_submodule(parts[:end + 1])):
        end += 1
    return Resolved(name, ".".join(parts[:end]))


def chain_parts(node: cst.BaseExpression) -> Optional[list[str]]:
    """``a.b.c`` as ["a", "b", "c"]; None for anything that is not a plain dotted chain."""
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return parts[::-1]


def chain_prefix(node: cst.Attribute, length: int) -> cst.BaseExpression:
    """The first ``length`` links of a dotted chain, as the user wrote them."""
    depth = len(chain_parts(node)) - length
    for _ in range(depth):
        node = node.value
    return node


def extend(node: cst.BaseExpression, parts: list[str]) -> cst.BaseExpression:
    for part in parts:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def dotted(name: str) -> cst.BaseExpression:
    first, *rest = name.split(".")
    return extend(cst.Name(first), rest)

