"""A second try, with a higher recursion limit, for a file nested too deeply for the default one.

Valid code can nest deeper than CPython's default limit of 1,000 frames lets ``ast`` and a tree
walk follow: a 500-term ``a + b + ...`` chain is a 500-deep tree, which the analysis walks with two
or three frames a level, and which the interpreter compiles and runs.  ``retried`` runs a step
again after a ``RecursionError`` with the limit raised to ``DEEPER``, then puts it back.  Only in
the main thread with no other thread running: the limit is the whole interpreter's, and another
thread's C stack may be smaller than the main thread's.  ``DEEPER`` is what every supported
Python (3.9 to 3.15) walks without overflowing the main thread's C stack, with margin: chains of
20,000 terms give a RecursionError there, not a crash.  Deeper than that, the file is reported
as one the running Python gave up on (``engine.gave_up``).
"""

from __future__ import annotations

import sys

DEEPER = 8000


def _alone_in_main_thread() -> bool:
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    return threading is None or (threading.current_thread() is threading.main_thread()
                                 and threading.active_count() == 1)


def retried(function, *args):
    """``function(*args)``, tried once more with the recursion limit at ``DEEPER`` when it
    exceeds the current one (and the limit is lower, and the main thread runs alone)."""
    try:
        return function(*args)
    except RecursionError:
        limit = sys.getrecursionlimit()
        if limit >= DEEPER or not _alone_in_main_thread():
            raise
    sys.setrecursionlimit(DEEPER)
    try:
        return function(*args)
    finally:
        sys.setrecursionlimit(limit)
