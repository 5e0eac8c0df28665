"""Results cached per file, so a re-run only analyses what changed.

Rows live in namespaces of ``store.Store`` (one SQLite database).  ``ResultCache`` keeps, per
(outmoded's version and code, catalog contents, target, options), each file's stat signature, its
findings and errors, and the stamps of the other files its verdict read (``outmoded.reads``: a
flag's compat module, a base class's module, a ``.pxd``), those many verdicts read stored once and
listed by id (``outmoded.readsets``); a file whose size and mtime are unchanged, like those of the
files it read, is a hit without being read.  Other analyses (a per-file model keyed by the file's
content) use ``Store`` with a namespace of their own: ``get_many``/``put_many`` by key, the
``stamp`` saying which version of the key's input the value was computed from.  A corrupt,
locked or unwritable cache is treated as empty: the run still gets its results (``store``).
Results are pruned when written (``outmoded.pruning``): only the rows of the ``KEEP_RESULTS`` keys
last written stay, and only the blocks a row lists.
"""

from __future__ import annotations

import os

from outmoded import __version__
from outmoded.findings import FileError, Finding
from outmoded.reads import stamp
from outmoded.store import Store

# results of this many keys (a key: outmoded's version and code, the catalog, target, options,
# project flags and classes) are kept, the last written: two hooks with different targets keep theirs
KEEP_RESULTS = 4
RESULTS = "results"  # the family of a project's result namespaces (``ResultCache``)
BLOCK_PREFIX = "@"  # the key of a block of shared reads (``outmoded.readsets``): never a checked file's path
ROW_FORMAT = 2  # a result row: [findings, errors, own reads, shared reads' ids] (1: [findings, errors, reads])


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


def signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Blocks:
    """The blocks a run loaded, each checked at most once against the files' current stamps."""

    def __init__(self, stored: dict, stamp):
        """``stored``: block key -> (stamp, pairs) as ``Store.get_many`` returns them; ``stamp``:
        path -> its current stamp (memoized by the caller)."""
        self.pairs = {k[len(BLOCK_PREFIX):]: value for k, (_, value) in stored.items()}
        self._stamp = stamp
        self._valid: dict[str, bool] = {}

    def valid(self, block: str) -> bool:
        """Are the files of ``block`` all at the version it holds?  False for a block not loaded
        or not a list of pairs."""
        answer = self._valid.get(block)
        if answer is None:
            answer = self._valid[block] = self._check(block)
        return answer

    def _check(self, block: str) -> bool:
        pairs = self.pairs.get(block)
        if not isinstance(pairs, list):
            return False
        stamp = self._stamp
        try:
            for path, version in pairs:
                if stamp(path) != version:
                    return False
        except (TypeError, ValueError):
            return False
        return True

    def sets(self) -> dict:
        """Block id -> frozenset of its (path, stamp) pairs, for the blocks that fit."""
        found = {}
        for block, pairs in self.pairs.items():
            try:
                found[block] = frozenset((path, version) for path, version in pairs)
            except (TypeError, ValueError):
                continue
        return found


class ResultCache:
    """Findings and errors per path, valid while the file's size and mtime are unchanged, and
    those of the other files its verdict read (``outmoded.reads``), stored once for all the
    verdicts that read them (``outmoded.readsets``)."""

    def __init__(self, directory, key: str, store: Store | None = None, family: str = RESULTS):
        """``family``: the namespace's prefix; the last ``KEEP_RESULTS`` keys of each are kept."""
        self.store = store if store is not None else Store(directory)
        self.namespace = f"{family}-{key}"
        self.records: dict[str, tuple[str, object]] = {}
        self.pending: list[tuple[str, str, list, tuple]] = []
        self._versions: dict[str, str] = {}  # other files' stamps, each taken once per run
        self.blocks = None  # Blocks: the shared reads the loaded rows list

    @staticmethod
    def key(*parts: object) -> str:
        return digest(__version__, code_stamp(), ROW_FORMAT, *parts)

    def load(self, paths: list[str]) -> None:
        """Read the rows of these paths (only these: a run on 5 files of 50,000 reads 5 rows), and
        the shared reads they list."""
        self.records = self.store.get_many(self.namespace, paths)
        listed: set = set()
        for _, value in self.records.values():
            try:
                listed.update(value[3])
            except (TypeError, IndexError, KeyError):  # an older format's row, a row edited by hand
                continue
        if listed:
            keys = sorted(BLOCK_PREFIX + block for block in listed if type(block) is str)
            self.blocks = Blocks(self.store.get_many(self.namespace, keys), self._stamp_of)

    def _stamp_of(self, path: str) -> str:
        current = self._versions.get(path)
        if current is None:
            current = self._versions[path] = stamp(path)
        return current

    def lookup(self, path: str, display: str):
        """(findings, errors) when cached for this file's current size and mtime, and every other
        file its verdict read (``outmoded.reads``) is still at the version it read, else None."""
        record = self.records.get(path)
        if record is None or record[0] != _stamp(signature(path)):
            return None
        try:
            findings, errors, own, listed = record[1]
            versions = self._versions
            for other, version in own:
                current = versions.get(other)
                if current is None:
                    current = versions[other] = stamp(other)
                if current != version:
                    return None
            if listed:
                valid = self.blocks.valid
                for block in listed:
                    if not valid(block):
                        return None
            return ([Finding(display, *f) for f in findings], [FileError(display, str(e)) for e in errors])
        except (TypeError, ValueError, AttributeError):  # a record that does not fit (an older format,
            return None  # edited by hand): analyse the file again

    def store_result(self, path: str, findings: list[Finding], errors: list[FileError],
                     others: tuple | None = ()) -> None:
        """Keep a file's result; ``others``: ((path, stamp), ...) of the other files its verdict
        read, None when it is not to be kept."""
        sig = signature(path)
        if sig is None or others is None:
            return
        findings_data = [list(f.to_json().values())[1:] for f in findings]
        if others and type(others[0]) is not tuple:
            others = tuple(tuple(pair) for pair in others)  # hashable: readsets groups the pairs
        self.pending.append((path, _stamp(sig), [findings_data, [e.message for e in errors]], others))

    def save(self) -> None:
        if self.pending:
            from outmoded import readsets

            pending, held = [], {}  # the rows to write; Shared key -> (block id, pairs) of those they list
            for path, sig, value, others in self.pending:
                apart = _apart(others, held)
                if apart is not None:  # else a shared read set never arrived: not cached
                    pending.append((path, sig, value, *apart))
            loaded = self.blocks.sets() if self.blocks is not None and any(p[3] for p in pending) else {}
            split, blocks = readsets.split([p[3] for p in pending], loaded, _block_digest)
            blocks.update(held.values())
            rows = [(path, sig, [*value, own, sorted({*listed, *also}) if also else listed])
                    for (path, sig, value, _, also), (own, listed) in zip(pending, split)]
            shared = sorted({block for _, listed in split for block in listed})
            # new blocks replace a row of that id (one damaged or planted); reused ones are put back if gone
            rows += [(readsets.key(block), "", pairs) for block, pairs in sorted(blocks.items())]
            kept = [(readsets.key(block), "", sorted(loaded[block])) for block in shared if block not in blocks]
            self.store.put_many(self.namespace, rows, keep=KEEP_RESULTS, shared=kept, refs=readsets.mentions)
        self.pending = []
        self.store.close()


def _block_digest(pairs: list) -> str:
    return digest(*pairs, size=10)


def _apart(others: tuple, held: dict) -> tuple | None:
    """(the (path, stamp) pairs of ``others``, the block ids of the read sets it lists by
    reference: ``reads.Shared``), or None when one's reads never arrived.  ``held``: the Shared
    key -> (block id, pairs) of those met so far, each digested once."""
    if all(type(version) is str for _, version in others):
        return others, ()
    pairs, ids = [], []
    for pair in others:
        shared = pair[1]
        if type(shared) is str:
            pairs.append(pair)
            continue
        found = held.get(shared.key)
        if found is None:
            listed = shared.pairs()
            if listed is None:
                return None
            found = held[shared.key] = (_block_digest(listed), listed)
        ids.append(found[0])
    return tuple(pairs), ids


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
