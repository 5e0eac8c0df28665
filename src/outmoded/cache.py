"""Results cached by file, so a re-run only analyses what changed.

One pickle per (outmoded version, catalog contents, target, options) holds, per path, the file's
stat signature, its content digest and its findings and errors.  A file whose size and mtime are
unchanged is a hit without being read; otherwise its content digest decides.  The catalog's
fingerprint is taken from its files' bytes, so editing the catalog invalidates everything.
Writes are atomic (temp file + rename); a corrupt or unreadable cache is treated as empty.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Optional

from outmoded import __version__
from outmoded.catalog import DATA_DIR
from outmoded.findings import FileError, Finding

Record = tuple  # (size, mtime_ns, digest, finding tuples, error tuples)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def catalog_fingerprint(data_dir: Path = DATA_DIR) -> str:
    h = hashlib.blake2b(digest_size=12)
    for path in sorted(data_dir.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def signature(path: str) -> Optional[tuple[int, int]]:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class ResultCache:
    def __init__(self, directory: Path, key: str):
        self.path = directory / f"results-{key}.pickle"
        self.directory = directory
        self.records: dict[str, Record] = {}
        self.changed = False
        try:
            with open(self.path, "rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, dict):
                self.records = loaded
        except Exception:  # missing, corrupt or from another version: start empty
            self.records = {}

    @staticmethod
    def key(*parts: object) -> str:
        return hashlib.blake2b(repr((__version__,) + parts).encode(), digest_size=10).hexdigest()

    def lookup(self, path: str, display: str, data: Optional[bytes] = None):
        """(findings, errors) when cached for this file's current state, else None."""
        record = self.records.get(path)
        if record is None:
            return None
        if data is None:
            if signature(path) != record[:2]:
                return None
        elif digest(data) != record[2]:
            return None
        return ([Finding(display, *f) for f in record[3]], [FileError(display, e) for e in record[4]])

    def store(self, path: str, data: bytes, findings: list[Finding], errors: list[FileError]) -> None:
        sig = signature(path)
        if sig is None:
            return
        findings_data = tuple(tuple(f.to_json().values())[1:] for f in findings)
        self.records[path] = sig + (digest(data), findings_data, tuple(e.message for e in errors))
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            gitignore = self.directory / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by outmoded\n*\n")
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(self.records, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout still gets its results, just not cached
