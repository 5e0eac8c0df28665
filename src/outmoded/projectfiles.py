"""The project's files as whole-file questions read them (``reach``, ``importers``, ``builds``).

Where the project's top is (the nearest directory with a project marker), and the bytes of the
Python files under a directory, read once per run and kept (up to ``MAX_TREE_BYTES``).  Answers
are memoized for the run (``memo``) and keep the files they read, replayed into the verdict being
made (``outmoded.reads``): a cached result is dropped when one of them changes.
"""

from __future__ import annotations

import os
import re
from functools import wraps

from outmoded import reads
from outmoded.source import open_regular

PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "tox.ini", ".git")
# ``^if`` (re.M) written as the literal, then a look-behind: sre skips to each ``if`` instead of
# trying a line start at every position
MAIN_RE = re.compile(r"""if(?<![^\n]if)\s+__name__\s*==\s*['"]__main__['"]""")
IMPORT_LINE_RE = re.compile(rb"^[ \t]*(?:from|import)\b([^\n#]*)", re.M)
DYNAMIC_IMPORT_RE = re.compile(rb"""(?:__import__|import_module)\(\s*[rbu]?['"]([\w.]+)""")
_MEMOS: list = []


def memo(func):
    """Memoized for the run, and each answer keeps the files it read: counted again for every
    verdict that asks (``reads``), so a cached result is dropped when one of them changes."""
    answers: dict = {}

    @wraps(func)
    def memo(*args):
        return reads.once(answers, args, func, *args)

    memo.cache_clear = answers.clear
    _MEMOS.append(memo)
    return memo


def forget() -> None:
    """Drop every memoized answer (a long-lived process starting a new run)."""
    for memoized in _MEMOS:
        memoized.cache_clear()


@memo
def project_root(directory: str) -> str | None:
    """The nearest directory at or above ``directory`` that marks a project's top (a
    ``pyproject.toml``, ``setup.py``, ``setup.cfg``, ``tox.ini`` or ``.git``), or None."""
    if any(reads.read(os.path.join(directory, marker)) for marker in PROJECT_MARKERS):
        return directory
    parent = os.path.dirname(directory)
    return None if parent == directory else project_root(parent)


MAX_TREE_BYTES = 64 << 20  # a tree larger than this is not read: no file of it is called unreached


@memo
def sources(root: str) -> tuple | None:
    """(path, bytes) of the Python files under ``root``, or None when there are too many to keep."""
    found, total = [], 0
    for directory, subdirectories, files in os.walk(root):
        reads.read(directory)  # a file added or removed changes the directory's stamp
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                reads.read(path)
                try:
                    with open_regular(path) as handle:
                        data = handle.read()
                except OSError:
                    continue
                total += len(data)
                if total > MAX_TREE_BYTES:
                    return None
                found.append((path, data))
    return tuple(found)


def mentions(root: str, word: str) -> list[tuple[str, bytes]] | None:
    """The files under ``root`` whose bytes hold ``word`` (None: the tree is too large to tell)."""
    found = sources(root)
    if found is None:
        return None
    needle = word.encode()
    return [(path, data) for path, data in found if needle in data]


@memo
def defines(root: str, name: str) -> bool:
    """Does a Python file under ``root`` define a function or method called ``name`` (salt 3008's
    ``salt/modules/cmdmod.py``: ``def has_exec(cmd)``, called on its loader's ``cmdmod`` in its
    tests)?  False when the tree is too large to tell."""
    found = mentions(root, name)
    if not found:
        return False
    definition = re.compile(rb"^[ \t]*(?:async[ \t]+)?def[ \t]+%s\b" % re.escape(name.encode()), re.M)
    return any(definition.search(data) for _, data in found)
