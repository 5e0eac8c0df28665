"""Files outmoded keeps in the user's cache directory (the compiled catalog and indexes, remembered
settings): where they live, written atomically, and forgotten when unused for a while.

Kept free of heavy imports: a check on one file reads these on start-up."""

from __future__ import annotations

import os
from _thread import get_ident  # threading itself is not needed here


def cache_directory(name: str) -> str:
    """``$XDG_CACHE_HOME/outmoded/<name>`` (``~/.cache`` without it)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "outmoded", name)


def write_atomic(path: str, data: bytes, mode: int = 0o666) -> bool:
    """Write through a temporary file and ``os.replace``: a concurrent run reads the old file or
    the new, never half of one.  The temporary file is named for the process and the thread, so
    threads writing the same file never share one; ``mode`` is the new file's (less the umask:
    ``0o600`` keeps it to the user).  False (and no temporary file left) when it could not."""
    tmp = f"{path}.{os.getpid()}.{get_ident()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode), "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.remove(tmp)
        except OSError:
            pass
        return False
    return True


def prune(directory: str, age: float, keep: str = "", prefixes: tuple[str, ...] = ("",)) -> None:
    """Remove the files named with one of ``prefixes`` (all, by default) but ``keep`` that were
    last written more than ``age`` seconds ago."""
    import time

    try:
        names = os.listdir(directory)
    except OSError:
        return
    limit = time.time() - age
    for name in names:
        if name.startswith(prefixes) and name != keep:
            try:
                if os.stat(os.path.join(directory, name)).st_mtime < limit:
                    os.remove(os.path.join(directory, name))
            except OSError:
                pass
