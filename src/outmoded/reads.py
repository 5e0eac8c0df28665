"""The other files a file's verdict read, so that its cached result is dropped when one changes.

A verdict can depend on files besides the checked one: the project module a flag (``from .compat
import PY2``) or a base class comes from, a helper module whose top-level ``import setuptools``
makes ``distutils`` setuptools' shim, the ``.pxd`` whose ``#define``s shim a Cython file's C API
call.  These may lie outside the checked set (a pre-commit run names a few files), so no key
computed from the checked files covers them.  Whoever reads such a file while a verdict is being
made calls ``read(path)``; the engine collects them per checked file (``recording``), and the
results cache stores their stamps with the result (``outmoded.readsets``: once for all the verdicts
that read them) and compares them before using it.  A file
that was looked for and is absent counts too (its stamp is empty): creating it invalidates.

Recordings are per thread (``outmoded deps`` judges in threads).  Answers memoized across files
(a project module's summary, a resolved name) must say again,
for every file that uses them, what they read: ``recording`` nests, and ``extend`` replays a
memoized answer's reads into the current recording.
"""

from __future__ import annotations

import os
from _thread import _local  # threading.local, without importing threading

_state = _local()  # .stack: this thread's open recordings, innermost last: path -> stamp when first read
# are the reads listed for a results cache in this run?  A run without one (``runner``: set before
# its workers fork) lists none for a verdict (``engine``), sends none back from a worker, and asks
# no question only they need (``restorers``' walk of what the imports reach)
KEPT = True


def _stack() -> list:
    try:
        return _state.stack
    except AttributeError:
        _state.stack = []
        return _state.stack


def stamp(path: str) -> str:
    """The version of a file, as the results cache tells them apart: size and mtime; "" when absent."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def read(path: str) -> str:
    """The verdict being made depends on the file at ``path`` (an absolute path), or its absence.
    Returns the file's stamp, for answers memoized by version."""
    stack = _stack()
    if not stack:
        return stamp(path)
    top = stack[-1]
    version = top.get(path)
    if version is None:
        version = top[path] = stamp(path)
    return version


def extend(reads: dict) -> None:
    """Replay the reads of a memoized answer into the current recording."""
    stack = _stack()
    if stack and reads:
        top = stack[-1]
        if not top:
            top.update(reads)  # what the loop would do: in order, each new
        elif not top.keys() >= reads.keys():  # most replays add nothing: the same memo asked again
            for path, version in reads.items():
                top.setdefault(path, version)


class recording:
    """``with recording() as reads:``: ``reads`` (path -> stamp) fills with what is read inside;
    on exit they also count for the enclosing recording."""

    __slots__ = ("reads",)

    def __enter__(self) -> dict:
        self.reads: dict = {}
        _stack().append(self.reads)
        return self.reads

    def __exit__(self, *exc) -> None:
        _stack().pop()
        extend(self.reads)


class unrecorded(recording):
    """``with unrecorded():``: what is read inside does not count for the enclosing recording.
    For a text pass over the tree that only says where a question can have an answer
    (``outmoded.restorers``): what the question then reads counts."""

    __slots__ = ()

    def __exit__(self, *exc) -> None:
        _stack().pop()


def once(answers: dict, key, func, *args):
    """``func(*args)``, computed once per ``key`` in ``answers`` (a dict kept for the run), and
    what it read replayed for every verdict asking again, as if computed for that verdict."""
    answer = answers.get(key)
    if answer is None:
        with recording() as read:
            value = func(*args)
        answer = answers[key] = (value, read)
    else:
        extend(answer[1])
    return answer[0]
