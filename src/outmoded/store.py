"""The cache's storage: ``Store`` keeps ``namespace -> key -> (stamp, JSON value)`` rows in one
SQLite database (the standard library's ``sqlite3``, write-ahead log): a run reads only the rows
of the files it checks and writes only the rows that changed, in one short transaction, and
concurrent runs (two pre-commit hooks at once) wait for each other's commit instead of
overwriting it.  Values are JSON text, never pickle: the cache lives in the checked-out tree, and
loading a pickle a pull request slipped in would run it.  A database that holds anything but the
one table this module creates (a trigger or view a crafted file could carry) is discarded
unread, and ``trusted_schema`` is off.

A corrupt, locked or unwritable cache is treated as empty: the run still gets its results.  A
cache directory that cannot be made or written (its path runs through a file, a read-only tree),
and any failure of a write but SQLite's own, is a warning, never a crash: the run's results are
complete without the cache, and the user learns why every run starts cold.  A key SQLite cannot store as text (a path
that is not UTF-8: surrogate escapes) is stored as NUL and its bytes in hex, which no path holds.

What is stored, and when it is valid, is ``outmoded.cache``'s.
"""

from __future__ import annotations

import os

from outmoded import quickjson

DB_NAME = "cache.sqlite3"
SCHEMA = "CREATE TABLE IF NOT EXISTS rows (ns TEXT, key TEXT, stamp TEXT, value TEXT, PRIMARY KEY (ns, key))"
BUSY_MS = 10_000  # how long a run waits for another run's write to commit
CHUNK = 500  # keys per SELECT: below SQLite's limit on bound parameters


def _sqlite():
    """The SQLite driver: ``sqlite3``'s C module itself, without ``sqlite3.dbapi2``, which imports
    ``datetime`` to register adapters this cache never uses (~5 ms of a warm pre-commit run)."""
    try:
        import _sqlite3 as driver

        driver.connect, driver.Error  # noqa: B018 (both there on every CPython since 3.0)
    except (ImportError, AttributeError):  # pragma: no cover - another implementation
        import sqlite3 as driver
    return driver


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
                try:
                    _prepare(self.directory)
                except OSError as exc:  # a path through a file, a read-only tree: never written, said so
                    _unwritten(self.directory, exc.strerror or str(exc))
                    raise
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
        try:
            stored = {_db_key(key): key for key in keys}
            keys = list(stored)
            for start in range(0, len(keys), CHUNK):
                chunk = keys[start:start + CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, stamp, value in db.execute(
                        f"SELECT key, stamp, value FROM rows WHERE ns = ? AND key IN ({marks})", (namespace, *chunk)):
                    try:
                        found[stored[key]] = (stamp, quickjson.loads(value))
                    except (TypeError, ValueError, RecursionError, KeyError):  # not JSON text, not ours: a miss
                        continue
        except Exception:  # noqa: BLE001 - a cache that cannot be read is empty: never a crash
            return {}
        return found

    def put_many(self, namespace: str, items: list[tuple[str, str, object]], keep: int = 0,
                 shared: list[tuple[str, str, object]] = (), refs=None) -> None:
        """Store ``(key, stamp, value)`` rows in one transaction; a database SQLite cannot write
        (locked, read-only, corrupt) is left as it is, any other failure is warned about.  ``keep``:
        the namespace is one of a family named ``<prefix>-<key>`` (``results-...``) of which only
        the ``keep`` last written are kept; the rows of older ones are deleted in the same write.
        ``shared``: rows named by their contents (``outmoded.readsets``' blocks), written unless
        there.  ``refs``: a row's value -> {key of a shared row it lists: the text that lists it};
        the shared rows the replaced rows listed that no row lists any more are deleted."""
        if not items and not shared:
            return
        db = self._connect(create=True)
        if db is None:
            return
        Error = _sqlite().Error

        import json  # only when writing: a run whose files all hit the cache reads with quickjson

        from outmoded import pruning

        try:
            rows = [(namespace, _db_key(key), stamp, json.dumps(value, separators=(",", ":")))
                    for key, stamp, value in items]
            kept = [(namespace, key, stamp, json.dumps(value, separators=(",", ":"))) for key, stamp, value in shared]
            db.execute("BEGIN IMMEDIATE")  # take the write lock now: waits for a concurrent run's commit
            listed = pruning.listed(db, namespace, [row[1] for row in rows], refs) if refs is not None else {}
            db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)", rows)
            db.executemany("INSERT OR IGNORE INTO rows VALUES (?, ?, ?, ?)", kept)
            if listed:
                for _, _, value in items:
                    for key in refs(value):
                        listed.pop(key, None)
                pruning.drop_unmentioned(db, namespace, listed)
            if keep:
                pruning.prune(db, namespace, keep)
            db.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - a cache write never crashes a check
            try:
                db.execute("ROLLBACK")
            except Error:
                pass
            if not isinstance(exc, Error):  # SQLite's own (locked, read-only, corrupt): as if empty
                _unwritten(self.directory, f"{type(exc).__name__}: {exc}")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._opened = None, False


def _db_key(key: str) -> str:
    """``key`` as SQLite stores it: itself, or for text UTF-8 cannot encode (a path's surrogate
    escapes) NUL and its bytes in hex."""
    if not key.isascii():
        try:
            key.encode("utf-8")
        except UnicodeEncodeError:
            return "\0" + key.encode("utf-8", "surrogatepass").hex()
    return key


_WARNED: set = set()  # the cache directories this process said it could not write


def _unwritten(directory: str, reason: str) -> None:
    """Say, once per run, that the cache in ``directory`` was not written: the results are
    complete, only the next run pays."""
    if directory in _WARNED:
        return
    _WARNED.add(directory)
    import sys

    from outmoded.cli import clean

    print(clean(f"outmoded: warning: the cache in {directory} was not written ({reason}); the results are "
                f"complete, the next run analyses these files again (--no-cache runs without one)"), file=sys.stderr)


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
