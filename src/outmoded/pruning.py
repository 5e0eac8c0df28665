"""What a write to the cache deletes: the rows of namespaces no longer written, and the shared
rows (``outmoded.readsets``' blocks) no row lists any more.  Imported only by a run that writes."""

from __future__ import annotations

from outmoded import quickjson
from outmoded.store import CHUNK

WRITTEN = "written"  # the namespace of rows saying when each pruned family's namespace was last written


# the namespaces of a family, in order, by one index seek each rather than a scan of every row
FAMILY_SQL = """WITH RECURSIVE family(ns) AS (
    SELECT MIN(ns) FROM rows WHERE ns >= :prefix
    UNION ALL SELECT (SELECT MIN(ns) FROM rows WHERE ns > family.ns) FROM family
    WHERE substr(family.ns, 1, length(:prefix)) = :prefix)
SELECT ns FROM family WHERE substr(ns, 1, length(:prefix)) = :prefix"""


def prune(db, namespace: str, keep: int) -> None:
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


def listed(db, namespace: str, keys: list[str], refs) -> dict[str, str]:
    """What the rows of ``keys`` list now, as ``refs`` reads their values (inside the write: the
    rows a concurrent run wrote since this one read them count)."""
    found: dict[str, str] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for (value,) in db.execute(f"SELECT value FROM rows WHERE ns = ? AND key IN ({marks})", (namespace, *chunk)):
            if type(value) is not str or value.endswith(",[]]"):  # not ours (a planted blob), or lists nothing
                continue
            try:
                found.update(refs(quickjson.loads(value)))
            except (TypeError, ValueError, RecursionError):  # damaged (nested past the decoder's limit): replaced
                continue
    return found


def drop_unmentioned(db, namespace: str, orphans: dict[str, str]) -> None:
    """Delete the rows of ``orphans``' keys whose text no value of the namespace holds: one pass
    over the namespace's values per 100 keys, in SQLite (no value decoded here)."""
    keys = sorted(orphans)
    for start in range(0, len(keys), 100):  # 100 terms: far below SQLite's limit on an expression's depth
        chunk = keys[start:start + 100]
        tokens = [orphans[key] for key in chunk]
        mentioned = " OR ".join("instr(value, ?) > 0" for _ in tokens)
        found = [value for (value,) in db.execute(
            f"SELECT value FROM rows WHERE ns = ? AND ({mentioned})", (namespace, *tokens)) if type(value) is str]
        for key, token in zip(chunk, tokens):
            if not any(token in value for value in found):
                db.execute("DELETE FROM rows WHERE ns = ? AND key = ?", (namespace, key))
