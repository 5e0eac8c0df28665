"""Reading a wheel's or sdist's members in memory, with bounds, never extracting anything.

A downloaded archive is untrusted: it may be truncated, a zip bomb, a tar of 100 000 members or
carry names like ``../../etc/x.py``.  Nothing here writes to disk or runs code; every member is
read as bytes and handed to the checker.  Bounds: at most ``MAX_MEMBERS`` entries in an archive,
``MAX_MEMBER_BYTES`` per member read (a larger member is skipped and noted), and
``MAX_TOTAL_BYTES`` decompressed in all (a tar is decompressed as a stream, so its whole payload
counts).  A name that is absolute or climbs out with ``..`` makes the archive unreadable: pip
refuses such a wheel too.  Whatever goes wrong is an ``ArchiveError`` with a one-line reason.
"""

from __future__ import annotations

import bz2
import io
import lzma
import posixpath
import re
import tarfile
import zipfile
import zlib
from dataclasses import dataclass, field

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 4 * 1024 * 1024  # larger "source" files are generated data, not code
MAX_TOTAL_BYTES = 256 * 1024 * 1024
SOURCE_SUFFIXES = (".py", ".pyx", ".pxd", ".pxi", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh")
DRIVE_RE = re.compile(r"^[A-Za-z]:")


class ArchiveError(Exception):
    """The archive cannot be read (truncated, not an archive, over a bound, unsafe names)."""


@dataclass
class Members:
    """Source members read from one archive: (path inside the archive, bytes) pairs."""

    files: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # members skipped, and why
    names: list = field(default_factory=list)  # every file member's name, read or not


def check_name(name: str) -> str:
    """The member name with ``/`` separators; ArchiveError when it escapes the archive."""
    unix = name.replace("\\", "/")
    parts = unix.split("/")
    if unix.startswith("/") or DRIVE_RE.match(unix) or ".." in parts or "\0" in unix:
        raise ArchiveError(f"unsafe member name {name!r} (absolute or climbing out with '..')")
    return posixpath.normpath(unix)


def wanted_suffix(name: str) -> bool:
    return name.endswith(SOURCE_SUFFIXES)


def wanted_in_tar(name: str) -> bool:
    """Read from a tar's stream (its listing comes only at the end): sources, and the files an
    sdist's metadata may be in (``requires.METADATA_FILES``)."""
    from outmoded.deps.requires import METADATA_FILES

    return name.endswith(SOURCE_SUFFIXES) or name.rsplit("/", 1)[-1] in METADATA_FILES


def all_sources(names: list) -> set:
    return {n for n in names if wanted_suffix(n)}


def read_zip(stream, choose=all_sources) -> Members:
    """Members of a zip (a wheel or a .zip sdist) among those ``choose(names)`` picks.

    ``stream`` is a seekable binary file: bytes in memory, or the sparse file of ranges that
    ``remote`` fetched.
    """
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ArchiveError(f"not a readable zip archive: {exc}") from None
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"{len(infos)} members, more than the {MAX_MEMBERS} read")
    found, total = Members(), 0
    named = [(check_name(info.filename), info) for info in infos if not info.is_dir()]
    found.names = [name for name, _ in named]
    chosen = choose(found.names)
    for name, info in named:
        if name not in chosen:
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            found.notes.append(f"{name}: skipped, {info.file_size} bytes (over {MAX_MEMBER_BYTES})")
            continue
        data = _read_zip_member(archive, info, name)
        if data is None:
            found.notes.append(f"{name}: skipped, decompresses past {MAX_MEMBER_BYTES} bytes")
            continue
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise ArchiveError(f"more than {MAX_TOTAL_BYTES} bytes of sources")
        found.files.append((name, data))
    return found


def _read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str):
    """The member's bytes, or None when it inflates past the bound (its header lied)."""
    try:
        with archive.open(info) as member:
            data = member.read(MAX_MEMBER_BYTES + 1)
            if len(data) > MAX_MEMBER_BYTES:
                return None
            member.read(1)  # at the end: lets zipfile verify the CRC
            return data
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error,
            NotImplementedError, RuntimeError) as exc:
        raise ArchiveError(f"cannot read member {name}: {exc}") from None


class _Bounded(io.RawIOBase):
    """A decompressing reader that stops with ArchiveError after ``MAX_TOTAL_BYTES``."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self.raw.read(len(buffer))
        except (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError) as exc:
            raise ArchiveError(f"corrupt or truncated compressed data: {exc}") from None
        self.count += len(data)
        if self.count > MAX_TOTAL_BYTES:
            raise ArchiveError(f"decompresses to more than {MAX_TOTAL_BYTES} bytes (a compression bomb?)")
        buffer[:len(data)] = data
        return len(data)


def _decompressor(data: bytes):
    import gzip

    raw = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)
    if data[:3] == b"BZh":
        return bz2.BZ2File(raw)
    if data[:6] == b"\xfd7zXZ\x00":
        return lzma.LZMAFile(raw)
    return raw  # a plain .tar


def read_tar(data: bytes, choose=all_sources) -> Members:
    """Members of a tar sdist (gz, bz2, xz or plain), read as one stream, never seeking back."""
    stream = io.BufferedReader(_Bounded(_decompressor(data)), 64 * 1024)
    found, total, count, names = Members(), 0, 0, []
    try:
        with tarfile.open(fileobj=stream, mode="r|") as archive:
            for info in archive:
                count += 1
                if count > MAX_MEMBERS:
                    raise ArchiveError(f"more than {MAX_MEMBERS} members")
                name = check_name(info.name)
                if info.isfile():
                    names.append(name)
                if not info.isfile() or not wanted_in_tar(name):
                    continue  # links and devices are never followed
                if info.size > MAX_MEMBER_BYTES:
                    found.notes.append(f"{name}: skipped, {info.size} bytes (over {MAX_MEMBER_BYTES})")
                    continue
                member = archive.extractfile(info)  # a reader over the stream, not a file on disk
                content = member.read() if member else b""
                if len(content) != info.size:
                    raise ArchiveError(f"truncated archive: member {name} is cut short")
                total += len(content)
                found.files.append((name, content))
    except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
        raise ArchiveError(f"not a readable tar archive: {exc or type(exc).__name__}") from None
    if count == 0:
        raise ArchiveError("not a readable tar archive: no members")
    chosen = choose(names)
    found.files = [(name, data) for name, data in found.files if name in chosen]
    found.names = names
    return found


def read_archive(filename: str, data: bytes, choose=all_sources) -> Members:
    """Dispatch on the file name: ``.whl``/``.zip`` are zips, the rest tars."""
    if filename.endswith((".whl", ".zip")):
        return read_zip(io.BytesIO(data), choose)
    return read_tar(data, choose)
