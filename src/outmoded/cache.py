"""Results cached per file, so a re-run only analyses what changed.

``Store`` is per-key storage of JSON-able values in one SQLite database (the standard library's
``sqlite3``, write-ahead log): a run reads only the rows of the files it checks and writes only
the rows that changed, in one short transaction, and concurrent runs (two pre-commit hooks at
once) wait for each other's commit instead of overwriting it.  Values are JSON text, never pickle:
the cache lives in the checked-out tree, and loading a pickle a pull request slipped in would run
it.  A database that holds anything but the one table this module creates (a trigger or view a
crafted file could carry) is discarded unread, and ``trusted_schema`` is off.

Rows live in namespaces: ``ResultCache`` keeps, per (outmoded's version and code, catalog contents,
target, options), each file's stat signature, its findings and errors, and the stamps of the other files
its verdict read (``outmoded.reads``: a flag's compat module, a base class's module, a ``.pxd``);
a file whose size and mtime are unchanged, like those of the files it read, is a hit without
being read.  Other analyses (a per-file model keyed by the file's
content) reuse ``Store`` with a namespace of their own: ``get_many``/``put_many`` by key, the
``stamp`` saying which version of the key's input the value was computed from.
A corrupt, locked or unwritable cache is treated as empty: the run still gets its results.
Results are pruned when written: only the rows of the ``KEEP_RESULTS`` keys last written stay.
"""

from __future__ import annotations

import os

from outmoded import __version__, quickjson
from outmoded.findings import FileError, Finding
from outmoded.reads import stamp

DB_NAME = "cache.sqlite3"
SCHEMA = "CREATE TABLE IF NOT EXISTS rows (ns TEXT, key TEXT, stamp TEXT, value TEXT, PRIMARY KEY (ns, key))"
BUSY_MS = 10_000  # how long a run waits for another run's write to commit
CHUNK = 500  # keys per SELECT: below SQLite's limit on bound parameters
# results of this many keys (a key: outmoded's version and code, the catalog, target, options,
# project flags and classes) are kept, the last written: two hooks with different targets keep theirs
KEEP_RESULTS = 4


def _blake2b():
    try:
        from _blake2 import blake2b  # hashlib itself loads OpenSSL: ~4 ms at every start
    except ImportError:  # pragma: no cover - interpreters built without it
        from hashlib import blake2b
    return blake2b


def hasher(size: int):
    """A BLAKE2b hash object of ``size`` bytes, without importing hashlib."""
    return _blake2b()(digest_size=size)


def digest(*parts: object, size: int = 10) -> str:
    """A short stable hex key for ``parts`` (their ``repr``)."""
    return _blake2b()(repr(parts).encode(), digest_size=size).hexdigest()


def content_digest(data: bytes, size: int = 16) -> str:
    """The key of a file's bytes, for analyses keyed by content rather than by path."""
    return _blake2b()(data, digest_size=size).hexdigest()


def _sqlite():
    """The SQLite driver: ``sqlite3``'s C module itself, without ``sqlite3.dbapi2``, which imports
    ``datetime`` to register adapters this cache never uses (~5 ms of a warm pre-commit run)."""
    try:
        import _sqlite3 as driver

        driver.connect, driver.Error  # noqa: B018 (both there on every CPython since 3.0)
    except (ImportError, AttributeError):  # pragma: no cover - another implementation
        import sqlite3 as driver
    return driver


def signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Store:
    """``namespace -> key -> (stamp, JSON value)`` in ``directory/cache.sqlite3``."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = os.fspath(directory)
        self._db = None  # sqlite3.Connection, opened on first use
        self._opened = False

    def _connect(self, create: bool):
        if self._opened and (self._db is not None or not create):
            return self._db
        sqlite3 = _sqlite()  # here: a run with --no-cache does not pay for it
        path = os.path.join(self.directory, DB_NAME)
        if not create and not os.path.exists(path):
            return None  # nothing cached yet: do not create anything for a read
        self._opened = True
        try:
            if create:
                _prepare(self.directory)
            db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
            db.execute("PRAGMA trusted_schema=OFF")
            if not _is_ours(db):
                db.close()
                os.remove(path)  # a file we did not write: never read it
                if not create:
                    return None
                db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(SCHEMA)
        except (sqlite3.Error, OSError):
            self._db = None
            return None
        self._db = db
        return db

    def get_many(self, namespace: str, keys: list[str]) -> dict[str, tuple[str, object]]:
        """``key -> (stamp, value)`` for the keys that are stored; unreadable rows are left out."""
        db = self._connect(create=False)
        found: dict[str, tuple[str, object]] = {}
        if db is None:
            return found
        Error = _sqlite().Error
        try:
            for start in range(0, len(keys), CHUNK):
                chunk = keys[start:start + CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, stamp, value in db.execute(
                        f"SELECT key, stamp, value FROM rows WHERE ns = ? AND key IN ({marks})", (namespace, *chunk)):
                    try:
                        found[key] = (stamp, quickjson.loads(value))
                    except (TypeError, ValueError):  # not JSON text: treat as a miss
                        continue
        except Error:
            return {}
        return found

    def put_many(self, namespace: str, items: list[tuple[str, str, object]], keep: int = 0) -> None:
        """Store ``(key, stamp, value)`` rows in one transaction; failures are silent.  ``keep``:
        the namespace is one of a family named ``<prefix>-<key>`` (``results-...``) of which only
        the ``keep`` last written are kept; the rows of older ones are deleted in the same write."""
        if not items:
            return
        db = self._connect(create=True)
        if db is None:
            return
        Error = _sqlite().Error

        import json  # only when writing: a run whose files all hit the cache reads with quickjson

        rows = [(namespace, key, stamp, json.dumps(value, separators=(",", ":"))) for key, stamp, value in items]
        try:
            db.execute("BEGIN IMMEDIATE")  # take the write lock now: waits for a concurrent run's commit
            db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)", rows)
            if keep:
                _prune(db, namespace, keep)
            db.execute("COMMIT")
        except Error:
            try:
                db.execute("ROLLBACK")
            except Error:
                pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._opened = None, False


WRITTEN = "written"  # the namespace of rows saying when each pruned family's namespace was last written


# the namespaces of a family, in order, by one index seek each rather than a scan of every row
FAMILY_SQL = """WITH RECURSIVE family(ns) AS (
    SELECT MIN(ns) FROM rows WHERE ns >= :prefix
    UNION ALL SELECT (SELECT MIN(ns) FROM rows WHERE ns > family.ns) FROM family
    WHERE substr(family.ns, 1, length(:prefix)) = :prefix)
SELECT ns FROM family WHERE substr(ns, 1, length(:prefix)) = :prefix"""


def _prune(db, namespace: str, keep: int) -> None:
    """Record that ``namespace`` was written now and delete the rows of its family's namespaces
    written before the ``keep`` latest.  A key changes with outmoded's version and code, the catalog,
    the target and options, and the project's flags and class graph, so without this every such
    change left a whole tree's rows behind for good.  A namespace of the family with no
    record (written by a version before this policy) counts as the oldest."""
    import time

    family = namespace.partition("-")[0] + "-"
    db.execute("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, 'null')", (WRITTEN, namespace, f"{time.time_ns():020d}"))
    recorded = [key for (key,) in db.execute(
        "SELECT key FROM rows WHERE ns = ? AND substr(key, 1, ?) = ? ORDER BY stamp DESC", (WRITTEN, len(family), family))]
    kept = set(recorded[:keep])
    for old in recorded[keep:]:
        db.execute("DELETE FROM rows WHERE ns = ? AND key = ?", (WRITTEN, old))
    for (old,) in db.execute(FAMILY_SQL, {"prefix": family}).fetchall():
        if old not in kept:
            db.execute("DELETE FROM rows WHERE ns = ?", (old,))


def _prepare(directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    gitignore = os.path.join(directory, ".gitignore")
    if not os.path.exists(gitignore):
        with open(gitignore, "w", encoding="utf-8") as handle:
            handle.write("# created by outmoded\n*\n")


def _is_ours(db) -> bool:
    """The database holds nothing but our table (and its primary-key index), or nothing at all."""
    Error = _sqlite().Error

    try:
        objects = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except Error:  # not a database
        return False
    if not objects:
        return True
    expected = {("table", "rows", SCHEMA.replace(" IF NOT EXISTS", "")), ("index", "sqlite_autoindex_rows_1", None)}
    return set(objects) <= expected


class ResultCache:
    """Findings and errors per path, valid while the file's size and mtime are unchanged."""

    def __init__(self, directory, key: str, store: Store | None = None):
        self.store = store if store is not None else Store(directory)
        self.namespace = f"results-{key}"
        self.records: dict[str, tuple[str, object]] = {}
        self.pending: list[tuple[str, str, object]] = []
        self._versions: dict[str, str] = {}  # other files' stamps, each taken once per run

    @staticmethod
    def key(*parts: object) -> str:
        return digest(__version__, code_stamp(), *parts)

    def load(self, paths: list[str]) -> None:
        """Read the rows of these paths (only these: a run on 5 files of 50,000 reads 5 rows)."""
        self.records = self.store.get_many(self.namespace, paths)

    def lookup(self, path: str, display: str):
        """(findings, errors) when cached for this file's current size and mtime, and every other
        file its verdict read (``outmoded.reads``) is still at the version it read, else None."""
        record = self.records.get(path)
        if record is None or record[0] != _stamp(signature(path)):
            return None
        try:
            findings, errors, others = record[1]
            for other, version in others:
                current = self._versions.get(other)
                if current is None:
                    current = self._versions[other] = stamp(other)
                if current != version:
                    return None
            return ([Finding(display, *f) for f in findings], [FileError(display, str(e)) for e in errors])
        except (TypeError, ValueError):  # a record that does not fit (edited by hand): analyse the file again
            return None

    def store_result(self, path: str, findings: list[Finding], errors: list[FileError],
                     others: tuple | None = ()) -> None:
        """Keep a file's result; ``others``: ((path, stamp), ...) of the other files its verdict
        read, None when it is not to be kept."""
        sig = signature(path)
        if sig is None or others is None:
            return
        findings_data = [list(f.to_json().values())[1:] for f in findings]
        self.pending.append((path, _stamp(sig), [findings_data, [e.message for e in errors], others]))

    def save(self) -> None:
        self.store.put_many(self.namespace, self.pending, keep=KEEP_RESULTS)
        self.pending = []
        self.store.close()


_CODE: list[str] = []  # code_stamp's answer, once per process


def code_stamp() -> str:
    """The version of outmoded's own code, as results depend on it, once per run.  ``__version__``
    alone kept the results of the code before an edit (a developer's checkout) or a reinstall
    that kept the version number.  Installed from a wheel: the stamp of the installation's
    ``RECORD`` (one stat: an installer writes it afresh with every file); anywhere else (a
    checkout on ``PYTHONPATH``, an editable install): the name, size and mtime of each of the
    package's Python files (~150 stats, ~3 M instructions)."""
    if not _CODE:
        package = os.path.dirname(os.path.abspath(__file__))
        record = os.path.join(os.path.dirname(package), f"outmoded-{__version__}.dist-info", "RECORD")
        try:
            st = os.stat(record)
            found: list = [record, st.st_size, st.st_mtime_ns]
        except OSError:
            found = []
            _code_files(package, "", found)
            found.sort()
        _CODE.append(digest(package, found, size=12))
    return _CODE[0]


def _code_files(directory: str, prefix: str, found: list) -> None:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if name.endswith(".py"):
                st = entry.stat()
                found.append((prefix + name, st.st_size, st.st_mtime_ns))
            elif entry.is_dir() and name != "__pycache__" and "." not in name:
                _code_files(entry.path, f"{prefix}{name}/", found)
        except OSError:
            found.append((prefix + name, None))


def _stamp(sig: tuple[int, int] | None) -> str:
    return "" if sig is None else f"{sig[0]}:{sig[1]}"
