"""A one-line ``checked 3/40`` counter on stderr, only when stderr is a terminal.

Redirected output (CI logs, pipes) stays clean, and the line is erased when done so the
report starts on an empty line.
"""

from __future__ import annotations

import sys
import threading


class Progress:
    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        self.active = total > 1 and _is_tty(self.stream)
        self._lock = threading.Lock()

    def advance(self) -> None:
        with self._lock:
            self.done += 1
            if self.active:
                self.stream.write(f"\rchecking dependencies: {self.done}/{self.total}")
                self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
