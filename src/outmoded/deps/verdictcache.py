"""Code verdicts on disk: one JSON file per (release file's sha256 from the index, catalog and
engine fingerprint, target), so a release is downloaded and scanned once, and again when the
catalog or the tool's own modules change.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from outmoded import __version__, userfiles
from outmoded.deps.cache import PRIVATE
from outmoded.deps.verdict import CodeVerdict

CODE_FORMAT = 21  # 21: the function each finding is in (infunctions); 2: backports; 3: the dependency's # noqa comments are not read; 4: its Requires-Dist; 5: compiles; 19: what its backports bring; 20: optional extensions
# 6: egg-info requires.txt; 7: an sdist's setup.py (build); 8: members checked detached from the current directory
# 9: members checked as one project, written to a private directory (``unpacked``); 10: the release's floor; 11: test.py; 12: itself; 13: headers alone; 14: past a try whose handler returns; 15: __main__ blocks
# 16: the functions setup.py calls in its helpers (versioneer.get_version()), handlers that exit
# 17: a setup.py that raises on the target's version (setupguard); 18: its requirement lines (``pinned``)


def catalog_key() -> str:
    from outmoded.catalog.compiled import fingerprint

    return _fingerprint(fingerprint())


@lru_cache(maxsize=1)
def _fingerprint(catalog: str) -> str:
    return f"{CODE_FORMAT}-{__version__}-{catalog}-{_engine()}"


def _engine() -> str:
    """The tool's own modules (name, size, modification time), as the catalog's fingerprint stamps
    its files: a verdict rests on the engine as much as on the catalog, and one cached before the
    engine learnt to see a line (a private name reached by a string getattr, a new guard idiom)
    must be judged again, not kept until someone remembers to raise ``CODE_FORMAT``."""
    import outmoded

    root = os.path.dirname(os.path.abspath(outmoded.__file__))
    digest = hashlib.sha256()
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                try:
                    st = os.stat(os.path.join(directory, name))
                except OSError:
                    continue
                digest.update(f"{os.path.relpath(os.path.join(directory, name), root)}:{st.st_size}:"
                              f"{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class VerdictCache:
    """Code verdicts on disk; trouble reading or writing it only means checking again."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self._catalog = catalog_key() if directory else ""

    def _path(self, dist, target: tuple) -> Path | None:
        if self.directory is None:
            return None
        identity = f"sha256:{dist.sha256}" if dist.sha256 else f"url:{dist.url}"
        key = f"{identity}|{self._catalog}|{target[0]}.{target[1]}"
        return self.directory / (hashlib.sha256(key.encode()).hexdigest() + ".json")

    def get(self, dist, target: tuple) -> CodeVerdict | None:
        path = self._path(dist, target)
        try:
            return CodeVerdict.from_json(json.loads(path.read_bytes())) if path else None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):  # damaged: a miss
            return None

    def put(self, dist, target: tuple, verdict: CodeVerdict) -> None:
        path = self._path(dist, target)
        if path is None or verdict.problem:
            return
        # read-only or full disk: write_atomic says False, and the run goes on uncached
        userfiles.write_atomic(str(path), json.dumps(verdict.to_json()).encode("utf-8"), PRIVATE)
