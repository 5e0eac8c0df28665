"""Who the action runs as, and who owns what it writes.

GitHub runs container actions as root (an image with ``USER`` could not write the workspace or
the runner's files on every runner).  So the entry point opens the runner's files first, then
drops to the owner of the workspace: on GitHub-hosted runners everything else, reading the
checkout and writing fixes, runs as that non-root user and files keep their owner.  When running
as root cannot be avoided (a root-owned workspace, or a drop that fails), a fix's rewritten files
get their previous owner back, so later steps can still change them.
"""

from __future__ import annotations

import os

from outmoded.filetypes import wanted


def drop_privileges(workspace: str) -> bool:
    """Become the workspace's owner when running as root; True when that happened."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    st = os.stat(workspace)
    if st.st_uid == 0:
        return False
    try:
        os.setgroups([])
        os.setgid(st.st_gid)
        os.setuid(st.st_uid)
    except OSError:
        return False
    home = os.environ.get("HOME")
    if not home or not os.access(home, os.R_OK | os.X_OK):
        os.environ["HOME"] = "/nonexistent"  # git then reads no user config; never the workspace
    return True


def snapshot(paths: list[str]) -> dict[str, tuple]:
    """``(uid, gid, signature)`` of every file under ``paths`` that a fix may rewrite."""
    states = {}
    for top in paths:
        for path in _files(top):
            try:
                st = os.lstat(path)
            except OSError:
                continue
            states[path] = (st.st_uid, st.st_gid, (st.st_ino, st.st_mtime_ns, st.st_size))
    return states


def _files(top: str):
    if os.path.isfile(top):
        yield os.path.abspath(top)
        return
    for directory, dirs, names in os.walk(top):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            if wanted(os.path.join(directory, name)):
                yield os.path.abspath(os.path.join(directory, name))


def changed(states: dict[str, tuple]) -> list[str]:
    """Files rewritten since ``snapshot`` (a fix replaces a file, so its inode changes)."""
    out = []
    for path, (_, _, signature) in states.items():
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if (st.st_ino, st.st_mtime_ns, st.st_size) != signature:
            out.append(path)
    return out


def restore(states: dict[str, tuple]) -> list[str]:
    """Give files their previous owner back; the files that could not be restored."""
    failed = []
    for path, (uid, gid, _) in states.items():
        try:
            st = os.lstat(path)
            if (st.st_uid, st.st_gid) != (uid, gid):
                os.lchown(path, uid, gid)
        except FileNotFoundError:
            continue
        except OSError:
            failed.append(path)
    return failed
