"""On-disk HTTP cache for index pages, honouring ``Cache-Control`` and ``ETag``/``Last-Modified``.

One file per URL, named by its SHA-256: a line of JSON (validators, max-age, when stored), then
the page.  Writes are atomic (``userfiles.write_atomic``, readable by the user only: a private
index's pages stay private) so that concurrent workers (or two outmoded runs) never read half
an entry.  Cache trouble is never fatal: a cache that cannot be read or written just means
asking the index again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from outmoded import userfiles

PRIVATE = 0o600  # the mode of every file the dependency caches write


def default_directory() -> Path:
    configured = os.environ.get("OUTMODED_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(userfiles.cache_directory("http"))


@dataclass
class Entry:
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    max_age: int | None  # seconds the entry is fresh for; None: revalidate every time
    stored_at: float

    def fresh(self, now: float | None = None) -> bool:
        return self.max_age is not None and (now or time.time()) - self.stored_at < self.max_age

    def validators(self) -> dict:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def freshness(cache_control: str) -> tuple:
    """(storable, max-age or None) from a ``Cache-Control`` header."""
    directives = {d.split("=")[0].strip().lower(): d for d in cache_control.split(",") if d.strip()}
    if "no-store" in directives:
        return False, None
    if "no-cache" in directives:
        return True, None
    age = re.search(r"max-age\s*=\s*\"?(\d+)", directives.get("max-age", ""))
    return True, int(age.group(1)) if age else None


class Cache:
    def __init__(self, directory: Path):
        self.directory = directory

    def _path(self, url: str) -> Path:
        return self.directory / hashlib.sha256(url.encode()).hexdigest()

    def get(self, url: str) -> Entry | None:
        try:
            header, _, body = self._path(url).read_bytes().partition(b"\n")
            meta = json.loads(header)
            return Entry(body, meta["content_type"], meta.get("etag"), meta.get("last_modified"),
                         meta.get("max_age"), float(meta["stored_at"]))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None  # missing or damaged (nested past the decoder's limit too): a miss

    def put(self, url: str, entry: Entry) -> None:
        meta = {"content_type": entry.content_type, "etag": entry.etag,
                "last_modified": entry.last_modified, "max_age": entry.max_age,
                "stored_at": entry.stored_at}
        # read-only or full disk: write_atomic says False, and the run goes on uncached
        userfiles.write_atomic(str(self._path(url)), json.dumps(meta).encode() + b"\n" + entry.body, PRIVATE)

