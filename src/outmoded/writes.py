"""Atomic writes that keep what the file had: permission bits, and (via the caller) its
encoding and newlines.  A crash mid-write leaves the old file, never a truncated one.  A new file
(a report written with ``--output-file``) gets the permissions ``open()`` would give it, not the
temporary file's owner-only ones: a SARIF report a CI container wrote as root must stay readable
by the step that uploads it.

``expected``: the bytes the caller read and rewrote (``fix``).  The file is then replaced only
if this user may write it, as ``open()`` would require (replacing needs only the directory's
permission, so a read-only file was rewritten), and only while it still holds those bytes: an
edit saved while the fix ran is kept, and the file reported as not fixed.  A symlink is written
through, as ``open()`` would, never replaced by a copy of its target.  What is not a regular file
(``--output-file /dev/stdout``, a FIFO a CI step reads) is written to as ``open()`` writes, never
replaced: a device node was replaced by a regular file, and a pipe's link in /proc not found.

A file with other hard links, or one whose owner or group the replacement could not keep (a
file of another user this one may write), is rewritten in place, as ``open()`` and ruff write:
replacing it would leave the other names with the old text, or give the file to this user.
That write is not atomic; the others are."""

from __future__ import annotations

import errno
import os
import stat
import tempfile


class Changed(OSError):
    """The file no longer holds what was read: not replaced."""


def write_bytes_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        special = False
    if special:  # a device or a pipe (--output-file /dev/stdout, a FIFO): written to, never replaced
        if expected is not None:
            raise OSError(errno.EINVAL, "not a regular file")
        with open(path, "wb") as handle:
            handle.write(data)
        return
    path = os.path.realpath(path)  # through a symlink, as open() writes: replacing it made it a copy
    directory = os.path.dirname(path)
    if expected is not None and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and info.st_nlink > 1:
        return _write_in_place(path, data, expected)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".outmoded-", suffix=".tmp")
    except PermissionError:  # a file this user may write in a folder it may not
        if info is None:
            raise
        return _write_in_place(path, data, expected)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            kept = info is None or _owned_as(handle.fileno(), info)
        if kept:
            os.chmod(tmp, mode)
            if expected is not None:
                with open(path, "rb") as handle:
                    _unchanged(handle, expected)
            os.replace(tmp, path)
            return
    except BaseException:
        _remove(tmp)
        raise
    _remove(tmp)
    _write_in_place(path, data, expected)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _owned_as(fd: int, info: os.stat_result) -> bool:
    """Does the new file (``fd``) have ``info``'s owner and group, given them if it may?"""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        return False
    return True


def _unchanged(handle, expected: bytes) -> None:
    """Raise ``Changed`` unless the open file still holds ``expected``."""
    if handle.read() != expected:
        raise Changed(errno.EBUSY, "it changed while it was being fixed; nothing written, run fix again")


def _write_in_place(path: str, data: bytes, expected: bytes | None) -> None:
    """Overwrite the file's bytes.  What the new text adds past the old end is written first:
    on a full disk that write fails and is cut off again while the old text is still whole (the
    text was written from the start, and a full disk left the first 40,960 bytes of the fix
    and lost the rest of the file)."""
    with open(path, "r+b", buffering=0) as handle:
        if expected is not None:
            _unchanged(handle, expected)
        size = handle.seek(0, os.SEEK_END)
        if len(data) > size:
            try:
                _write_all(handle, data[size:])
            except OSError:
                handle.truncate(size)
                raise
        handle.seek(0)
        _write_all(handle, data[:size])
        handle.truncate(len(data))
        os.fsync(handle.fileno())


def _write_all(handle, data: bytes) -> None:
    """Write all of ``data`` to an unbuffered file: its write may take only part."""
    view = memoryview(data)
    while view:
        view = view[handle.write(view):]


def _umask() -> int:
    """The process's umask, read without setting it where Linux says it (setting it to read it
    leaves a moment in which another thread's new files get no umask)."""
    try:
        with open("/proc/self/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def write_text_atomic(path: str, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
