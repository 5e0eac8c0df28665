"""Where an archive's library code is checked: its members written, as data, to a private directory.

The engine reads a project from the files on disk (``layout``, ``project``): a version flag one
module imports from another (passlib 1.7.4's ``from passlib.utils.compat import PY3``, then ``if
PY3: from urllib.parse import quote / else: from urllib import quote``), a vendored ``six``
imported relatively (urllib3 1.26's ``from ..packages import six`` / ``if six.PY2: import Queue``),
a base class in another module.  Checked at paths where nothing exists, each member was alone, and
those Python 2 branches were errors: the release was called broken where it runs.  So the library
members (the bytes ``shipped`` chose, at the paths they install to) are written to a new directory
only this user can read (``tempfile.mkdtemp``), checked there as ``outmoded check`` checks an
unpacked project, and the directory is removed.  Nothing there is ever imported or run; member
names were refused already when absolute or climbing out with ``..`` (``archive``).

The directory must not lie below the current one: there, every directory between it and the
current one would be an import root (``layout._import_roots``), and the user's own ``imp.py`` would
answer for the dependency's ``import imp``.  When the temporary directory is below it (run from
``/tmp``), the user's cache directory is used; when that is too, ``None``: the caller checks the
members detached, one by one, as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile

PREFIX = "outmoded-archive-"


def _outside_cwd(base: str) -> bool:
    cwd = os.path.abspath(os.getcwd())
    base = os.path.abspath(base)
    return not (base == cwd or base.startswith(cwd.rstrip(os.sep) + os.sep))


def _base() -> str | None:
    from outmoded.userfiles import cache_directory

    for base in (tempfile.gettempdir(), cache_directory("tmp")):
        if _outside_cwd(base):
            return base
    return None


@contextlib.contextmanager
def written(pairs):
    """The directory holding the ``(relative path, bytes)`` pairs as files, or None when no
    directory outside the current one can be written; removed on leaving."""
    base = _base()
    root = None
    if base is not None:
        try:
            os.makedirs(base, mode=0o700, exist_ok=True)
            root = tempfile.mkdtemp(prefix=PREFIX, dir=base)
            for path, data in dict(reversed(list(pairs))).items():  # a path twice: the first one
                target = os.path.join(root, *path.split("/"))
                os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
                with open(target, "xb") as handle:  # never through a file that is there already
                    handle.write(data)
        except (OSError, ValueError):  # full disk, read-only: detached, as before
            if root is not None:
                shutil.rmtree(root, ignore_errors=True)
            root = None
    try:
        yield root
    finally:
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)
            from outmoded.layout import forget_files

            forget_files()  # what was learnt about the removed files
