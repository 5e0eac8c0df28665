"""Workflow commands besides the annotations, and a safe way to show output we do not control.

Anything printed between ``::stop-commands::TOKEN`` and ``::TOKEN::`` is shown but never run as a
command, so output of ``outmoded fix``/``deps`` that names hostile files cannot forge commands.
That output is captured and printed in one piece, on stdout, so no stderr line can arrive after
commands are turned back on.
"""

from __future__ import annotations

import io
import secrets
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import Callable

from outmoded.reporters.github import command, escape_data


def emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def annotate(kind: str, message: str, title: str = "outmoded") -> None:
    emit(command(kind, {"title": title}, message))


def show_untrusted(title: str, text: str) -> None:
    if not text.strip():
        return
    token = secrets.token_hex(16)
    emit(f"::group::{escape_data(title)}")
    emit(f"::stop-commands::{token}")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    emit(f"::{token}::")
    emit("::endgroup::")


def captured(title: str, run: Callable[[], int]) -> int:
    """Run ``run`` with its stdout and stderr captured, show them inertly, return its result."""
    buffer = io.StringIO()
    try:
        with redirect_stdout(buffer), redirect_stderr(buffer):
            return run()
    finally:
        sys.stderr.flush()
        show_untrusted(title, buffer.getvalue())
