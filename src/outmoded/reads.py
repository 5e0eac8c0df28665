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

The reads of an answer many verdicts use can span the project (the class chains resolved for the
whole run, ``refine``): copied into each verdict's recording they made n verdicts hold n x N
pairs, sent back from the workers and kept until the results cache was written (a 50,000-file
tree's first cached run grew to 10 GiB).  Those of ``SHARE_FROM`` files or more are recorded by
reference (``Shared``: one entry, its key no path can be), sent once from each process to the
one it answers (pickled in full the first time, by key after), and stored once by the results
cache (a block of ``outmoded.readsets``, listed by every verdict that read it).

Recordings are per thread (``outmoded deps`` judges in threads).  Answers memoized across files
(a project module's summary, a resolved name) must say again,
for every file that uses them, what they read: ``recording`` nests, and ``extend`` replays a
memoized answer's reads into the current recording.
"""

from __future__ import annotations

import os
from _thread import _local  # threading.local, without importing threading
from itertools import count

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
    """The version of a file, as the results cache tells them apart: size and mtime; "" when absent.
    A whole tree read as one (``outmoded.treestamps``: a key starting with a NUL): its walk's digest."""
    if path[:1] == "\0":
        from outmoded import treestamps

        return treestamps.stamp(path)
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


def listening() -> bool:
    """Is a recording open in this thread (a verdict being made, or an answer memoized with what
    it read)?  When none is, ``read`` only returns a stamp nobody keeps: a caller asking whether a
    file is there may ask a cached question instead of a ``stat`` of its own."""
    return bool(_stack())


def extend(reads: dict) -> None:
    """Replay the reads of a memoized answer into the current recording: those of many files
    (``SHARE_FROM``) as one entry standing for them all (``Shared``)."""
    stack = _stack()
    if stack and reads:
        top = stack[-1]
        if len(reads) >= SHARE_FROM:
            shared = share(reads)
            top.setdefault(shared.key, shared)
        elif not top:
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


def recorded(func, *args) -> tuple:
    """(``func(*args)``, what it read: path -> stamp, which also counts for the enclosing
    recording); in a run without a results cache (``KEPT`` false) nothing is recorded: {}."""
    if not KEPT:
        return func(*args), {}
    with recording() as read:
        value = func(*args)
    return value, read


def once(answers: dict, key, func, *args):
    """``func(*args)``, computed once per ``key`` in ``answers`` (a dict kept for the run), and
    what it read replayed for every verdict asking again, as if computed for that verdict."""
    answer = answers.get(key)
    if answer is None:
        answer = answers[key] = recorded(func, *args)
    else:
        extend(answer[1])
    return answer[0]


SHARED = "\0shared:"  # the key of a ``Shared`` entry: os.stat refuses a path holding a NUL
SHARE_FROM = 128  # a replayed answer's reads of this many files are recorded by reference
_SHARES: dict = {}  # id of a recording's dict -> (the dict, its Shared): one Shared per answer
_KNOWN: dict = {}  # key -> Shared, each made here or received from another process
_SENT: set = set()  # keys of the Shared sent in full from this process
_SERIAL = count()
_TOKEN: list = []  # [pid, this process's part of the keys it makes]


class Shared:
    """The reads of an answer (path -> stamp, possibly holding other ``Shared``), for every
    recording replaying it; ``reads`` None: one received by key whose reads never arrived (what
    depends on it cannot be cached)."""

    __slots__ = ("_pairs", "key", "reads")

    def __init__(self, reads: dict | None, key: str):
        self.reads, self.key = reads, key
        self._pairs = None

    def pairs(self) -> list | None:
        """The sorted (path, stamp) pairs it stands for, those of the Shared it holds included;
        None when some are unknown."""
        if self._pairs is None and self.reads is not None:
            flat: dict = {}
            if _flatten(self.reads, flat, set()):
                self._pairs = sorted(flat.items())
        return self._pairs

    def __reduce__(self):
        if self.key in _SENT or self.reads is None:
            return _received, (self.key, None)
        _SENT.add(self.key)
        return _received, (self.key, self.reads)


def share(reads: dict) -> Shared:
    """The Shared standing for ``reads`` (a recording's dict, no longer written to)."""
    found = _SHARES.get(id(reads))
    if found is None:
        pid = os.getpid()
        if not _TOKEN or _TOKEN[0] != pid:  # a forked process makes keys of its own
            _TOKEN[:] = [pid, f"{pid}.{os.urandom(6).hex()}"]
        key = f"{SHARED}{_TOKEN[1]}.{next(_SERIAL)}"
        found = _SHARES[id(reads)] = (reads, Shared(reads, key))
        _KNOWN[key] = found[1]
    return found[1]


def compact(reads: dict) -> dict:
    """``reads``, or one entry standing for them when there are ``SHARE_FROM`` or more: for an
    answer's reads listed with each of many verdicts outside a recording (``refine``)."""
    if len(reads) < SHARE_FROM:
        return reads
    shared = share(reads)
    return {shared.key: shared}


def _received(key: str, reads: dict | None) -> Shared:
    found = _KNOWN.get(key)
    if found is None:
        found = _KNOWN[key] = Shared(reads, key)
    elif found.reads is None:
        found.reads = reads  # what depends on it can be cached after all
    return found


def _flatten(reads: dict, flat: dict, seen: set) -> bool:
    for path, version in reads.items():
        if type(version) is str:
            flat.setdefault(path, version)
        elif path not in seen:
            seen.add(path)
            if version.reads is None or not _flatten(version.reads, flat, seen):
                return False
    return True
