"""A run's timeline, to see where a core idles: off unless ``$OUTMODED_TIMELINE`` names a directory.

Then every process of the run (the parent, the first pass's workers, the tree helper, the second
pass's workers) appends a line to ``DIR/PID`` at each ``mark``: the wall clock and the process's
CPU time (nanoseconds, ``time.perf_counter_ns`` and ``process_time_ns``), its parent's pid and a
label; between two marks, CPU over wall says whether the process worked or waited there.
``benchmarks/timeline.py`` draws the table.  Off, a mark is one test of a global.
"""

from __future__ import annotations

import os

DIRECTORY = os.environ.get("OUTMODED_TIMELINE") or None


def mark(label: str) -> None:
    if DIRECTORY is not None:
        _write(label)


def _write(label: str) -> None:
    import time

    line = f"{time.perf_counter_ns()} {time.process_time_ns()} {os.getppid()} {label}\n"
    try:
        with open(os.path.join(DIRECTORY, str(os.getpid())), "a", encoding="utf-8") as out:
            out.write(line)
    except OSError:
        pass
