"""What the project's build installs for the target: a directory that a ``meson.build`` installs only
under a condition on the Python version, which the target does not meet, is not installed there
(``not_installed``); so is the root package directory a ``setup.py`` picks by the Python version for
other Pythons (``packagedir``: httplib2 0.12's ``python2/``).  ``reach`` asks.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.builds import BACKEND_RE
from outmoded.projectfiles import memo, project_root
from outmoded.source import open_regular

MESON_PYTHON_RE = re.compile(rb"(\w+)[ \t]*=[ \t]*import\([ \t]*'python'[ \t]*\)[ \t]*\.[ \t]*find_installation\b")
MESON_IF_RE = re.compile(rb"^[ \t]*if[ \t]+(\w+)\.version\(\)\.version_compare\([ \t]*'(<|<=|>|>=|==|!=)[ \t]*"
                         rb"(\d+)\.(\d+)'[ \t]*\)[ \t]*$(.*?)^[ \t]*(?:endif|else|elif)\b", re.M | re.S)
NAME_LITERAL_RE = re.compile(rb"'([\w.-]+)'")
_VERSION_OPS = {b"<": "__lt__", b"<=": "__le__", b">": "__gt__", b">=": "__ge__", b"==": "__eq__", b"!=": "__ne__"}


def not_installed(path: str, target: tuple[int, int]) -> bool:
    """Does the project's build (meson-python: its ``meson.build`` files) install a directory
    above the file only for Pythons other than the target?  numpy 2.3's ``numpy/meson.build``:
    ``if py.version().version_compare('<3.12')`` / ``pure_subdirs += 'distutils'`` / ``endif``,
    so ``numpy/distutils`` is not installed on 3.12+ (its wheels for 3.12+ hold no
    ``numpy/distutils``).  The condition must test the Python that ``import('python')
    .find_installation`` gives, and the name must appear nowhere else in that ``meson.build``.
    setuptools: a ``setup.py`` whose root package directory depends on the Python version
    (``packagedir``)."""
    directory = os.path.dirname(os.path.abspath(path))
    top = project_root(directory)
    if top is None:
        return False
    from outmoded.packagedir import not_installed_root

    if not_installed_root(path, top, target):  # httplib2 0.12's python2/
        return True
    if not _built_by_meson(top):
        return False
    while directory != top and directory.startswith(top + os.sep):
        parent = os.path.dirname(directory)
        condition = _meson_conditions(os.path.join(parent, "meson.build"), top).get(os.path.basename(directory))
        if condition is not None and not getattr(target, _VERSION_OPS[condition[0]])(condition[1]):
            return True
        directory = parent
    return False


@memo
def _built_by_meson(top: str) -> bool:
    reads.read(os.path.join(top, "pyproject.toml"))
    try:
        with open_regular(os.path.join(top, "pyproject.toml")) as handle:
            backend = BACKEND_RE.search(handle.read())
    except OSError:
        return False
    return backend is not None and backend[1] == b"mesonpy"


@memo
def _meson_conditions(build_file: str, top: str) -> dict:
    """Names installed only under a Python version condition in ``build_file``: name ->
    (operator, (major, minor))."""
    reads.read(build_file)
    try:
        with open_regular(build_file) as handle:
            data = handle.read()
    except OSError:
        return {}
    if b"version_compare" not in data:
        return {}
    pythons = set()
    for candidate in {build_file, os.path.join(top, "meson.build")}:
        reads.read(candidate)
        try:
            with open_regular(candidate) as handle:
                pythons.update(MESON_PYTHON_RE.findall(handle.read()))
        except OSError:
            continue
    found = {}
    for match in MESON_IF_RE.finditer(data):
        if match[1] not in pythons:
            continue
        for name in NAME_LITERAL_RE.findall(match[5]):
            if data.count(b"'" + name + b"'") == match[5].count(b"'" + name + b"'"):
                found[name.decode("ascii", "replace")] = (match[2], (int(match[3]), int(match[4])))
    return found
