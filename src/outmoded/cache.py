"""Results cached by file, so a re-run only analyses what changed.

One JSON file per (outmoded version, catalog contents, target, options) holds, per path, the
file's stat signature and its findings and errors.  JSON, not pickle: the cache lives in the
checked-out tree, and loading a pickle a pull request slipped in would run it.  A file whose
size and mtime are unchanged is a hit without being read; any other file is analysed again.
The catalog's fingerprint is taken from its files' bytes, so editing the catalog invalidates
everything.
Writes are atomic (temp file + rename); a corrupt or unreadable cache is treated as empty.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

from outmoded import __version__
from outmoded.catalog import DATA_DIR
from outmoded.findings import FileError, Finding

Record = list  # [size, mtime_ns, finding field lists, error messages]


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
        self.path = directory / f"results-{key}.json"
        self.directory = directory
        self.records: dict[str, Record] = {}
        self.changed = False
        try:
            with open(self.path, "rb") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict):
                self.records = loaded
        except (OSError, ValueError):  # missing or corrupt: start empty
            self.records = {}

    @staticmethod
    def key(*parts: object) -> str:
        return hashlib.blake2b(repr((__version__,) + parts).encode(), digest_size=10).hexdigest()

    def lookup(self, path: str, display: str):
        """(findings, errors) when cached for this file's current size and mtime, else None."""
        record = self.records.get(path)
        if not isinstance(record, list) or len(record) != 4 or list(signature(path) or ()) != record[:2]:
            return None
        try:
            return ([Finding(display, *f) for f in record[2]], [FileError(display, str(e)) for e in record[3]])
        except TypeError:  # a record that does not fit (edited by hand): analyse the file again
            return None

    def store(self, path: str, findings: list[Finding], errors: list[FileError]) -> None:
        sig = signature(path)
        if sig is None:
            return
        findings_data = [list(f.to_json().values())[1:] for f in findings]
        self.records[path] = [*sig, findings_data, [e.message for e in errors]]
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
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.records, handle, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout still gets its results, just not cached
