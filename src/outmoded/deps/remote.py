"""Fetching only the bytes of a release file that the code verdict reads.

Most of a compiled wheel is binary.  A zip keeps its table of contents (the central directory)
at its end, so: ask for the last ``TAIL`` bytes with an HTTP range request, find the central
directory there (or fetch it with one more range), choose the library members from it, and
fetch just those members' ranges (neighbours merged into one request).  ``zipfile`` then reads
a ``Sparse`` file that holds only those ranges, so parsing, inflating and CRC checks are the
standard library's.  A server that ignores ``Range`` answers with the whole file, which is then
used as is; tar sdists cannot be read piecewise and are always fetched whole.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile

from outmoded.deps import shipped
from outmoded.deps.archive import (
    MAX_MEMBERS,
    ArchiveError,
    Members,
    check_name,
    read_archive,
    read_zip,
)

TAIL = 64 * 1024
MERGE_GAP = 32 * 1024  # ranges closer than this are fetched as one
MAX_RANGES = 6  # per file: the closest neighbours are merged until this many remain
PARALLEL = 4  # ranges of one file fetched at once
EOCD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
CONTENT_RANGE_RE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+)")


class Sparse(io.RawIOBase):
    """A seekable file of ``size`` bytes of which only some ranges are known."""

    def __init__(self, size: int, pieces: dict):
        self.size, self.pieces, self.position = size, dict(pieces), 0  # start -> bytes

    def add(self, start: int, data: bytes) -> None:
        self.pieces[start] = data

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self.size - self.position)
        if wanted <= 0:
            return 0
        for start, data in self.pieces.items():
            if start <= self.position < start + len(data):
                chunk = data[self.position - start: self.position - start + wanted]
                buffer[:len(chunk)] = chunk
                self.position += len(chunk)
                return len(chunk)
        raise ArchiveError(f"byte {self.position} of the archive was not fetched")

    def has(self, start: int, end: int) -> bool:
        return any(s <= start and end <= s + len(d) for s, d in self.pieces.items())


def members(client, dist, project: str) -> Members:
    """The library members of release file ``dist``, fetching as little as the server allows."""
    choose = shipped.chooser(dist.filename, project)
    if not dist.filename.endswith((".whl", ".zip")):
        return read_archive(dist.filename, _whole(client, dist), choose)
    status, headers, tail = client.download(dist.url, f"-{TAIL}")
    total = _total_size(headers) if status == 206 else None
    if total is None:
        return read_archive(dist.filename, _verified(dist, tail), choose)  # the whole file
    sparse = Sparse(total, {total - len(tail): tail})
    start, length = _central_directory(tail, total)
    if not sparse.has(start, start + length):
        _fetch(client, dist, sparse, [(start, start + length)])
    names = _listing(sparse, start)
    chosen = choose(list(names))
    spans = sorted(names[n] for n in chosen)
    _fetch(client, dist, sparse, [s for s in spans if not sparse.has(*s)])
    return read_zip(sparse, lambda _names: chosen)


def _whole(client, dist) -> bytes:
    return _verified(dist, client.download(dist.url)[2])


def _verified(dist, data: bytes) -> bytes:
    """The whole file, checked against the index's sha256 (a range cannot be checked)."""
    if dist.sha256 and hashlib.sha256(data).hexdigest() != dist.sha256:
        raise ArchiveError("download does not match the index's sha256 (truncated or altered)")
    return data


def _total_size(headers) -> int | None:
    match = CONTENT_RANGE_RE.match(headers.get("Content-Range", "") or "")
    return int(match.group(3)) if match else None


def _central_directory(tail: bytes, total: int) -> tuple:
    """(offset, length) of the central directory, from the end records in ``tail``."""
    at = tail.rfind(EOCD)
    if at < 0 or len(tail) - at < 22:
        raise ArchiveError("not a readable zip archive: no end of central directory record")
    size, offset = struct.unpack("<II", tail[at + 12: at + 20])
    locator = at - 20
    if (offset == 0xFFFFFFFF or size == 0xFFFFFFFF) and locator >= 0 \
            and tail[locator:locator + 4] == ZIP64_LOCATOR:
        record = struct.unpack("<Q", tail[locator + 8: locator + 16])[0]
        start = record - (total - len(tail))
        if not 0 <= start <= len(tail) - 56:
            raise ArchiveError("not a readable zip archive: zip64 record out of reach")
        size, offset = struct.unpack("<QQ", tail[start + 40: start + 56])
    if offset + size > total:
        raise ArchiveError("truncated zip archive: central directory past the end")
    return offset, size + (total - offset - size)  # through the end: the end records too


def _listing(sparse: Sparse, directory: int) -> dict:
    """name -> (start, end) byte span of each member, local header and data descriptor included."""
    sparse.seek(0)
    try:
        infos = zipfile.ZipFile(sparse).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveError(f"not a readable zip archive: {exc}") from None
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"{len(infos)} members, more than the {MAX_MEMBERS} read")
    starts = sorted({i.header_offset for i in infos} | {directory})
    spans = {}
    for info in infos:
        if info.is_dir():
            continue
        after = next((s for s in starts if s > info.header_offset), sparse.size)
        spans[check_name(info.filename)] = (info.header_offset, after)
    return spans


def merge(spans: list, gap: int = MERGE_GAP, most: int = MAX_RANGES) -> list:
    """Sorted, merged ``(start, end)`` spans: neighbours closer than ``gap`` always, then the
    closest ones until at most ``most`` remain (a round trip costs more than a few kB)."""
    spans = sorted(spans)
    if not spans:
        return []
    gaps = sorted(max(0, b[0] - a[1]) for a, b in zip(spans, spans[1:]))
    if len(gaps) >= most:
        gap = max(gap, gaps[len(gaps) - most])
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start - merged[-1][1] <= gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]


def _fetch(client, dist, sparse: Sparse, spans: list) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def one(span):
        start, end = span
        status, _headers, body = client.download(dist.url, f"{start}-{end - 1}")
        if status != 206 or len(body) != end - start:
            raise ArchiveError(f"range {start}-{end - 1} not served as asked (HTTP {status})")
        return start, body

    ranges = merge(spans)
    if len(ranges) <= 1:
        for span in ranges:
            sparse.add(*one(span))
        return
    with ThreadPoolExecutor(max_workers=min(PARALLEL, len(ranges))) as pool:
        for start, body in pool.map(one, ranges):
            sparse.add(start, body)
