"""The modules many verdicts read, stored once: still every verdict that read a module is checked
again when it is edited, created or removed, through runs at once and databases an older
outmoded wrote."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from outmoded.cache import ResultCache
from outmoded.store import Store
from outmoded.findings import Finding

SRC = str(Path(__file__).resolve().parents[1] / "src")
ASSERT = "unittest.TestCase.assertEquals"
MID = "import unittest\n\nclass Mid(unittest.TestCase):\n    pass\n"
STOPS = MID + "\n    def assertEquals(self, a, b):\n        pass\n"  # defines it itself: nothing to report
TEST = "from tests.base import Base\n\nclass T(Base):\n    def test_a(self):\n        self.assertEquals(1, 1)\n"


def _project(root: Path, tests: int, fillers: int = 0) -> list[str]:
    """``tests`` test modules whose class derives from tests/base.py's, which derives from
    tests/mid.py's: the two modules are not checked, every test module's verdict reads them."""
    files = {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.9"\n', "tests/__init__.py": "",
             "tests/base.py": "from tests.mid import Mid\n\nclass Base(Mid):\n    pass\n", "tests/mid.py": MID}
    files.update({f"tests/test_{n}.py": TEST for n in range(tests)})
    files.update({f"filler/m{n}.py": "import os\n\ndef f():\n    return os.sep\n" for n in range(fillers)})
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return [f"tests/test_{n}.py" for n in range(tests)] + (["filler"] if fillers else [])


def _run(root: Path, *args: str, jobs: str = "1", cache: bool = True) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(root.parent / "user-cache"))
    return subprocess.Popen([sys.executable, "-m", "outmoded", "check", "--format", "json", "--target-version", "3.13",
                             "--jobs", jobs, *([] if cache else ["--no-cache"]), *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check(root: Path, *args: str, jobs: str = "1", cache: bool = True) -> tuple[int, list]:
    """(files answered from the cache, (path, api) of each finding)."""
    out, err = _run(root, *args, jobs=jobs, cache=cache).communicate(timeout=300)
    doc = json.loads(out)
    assert doc["errors"] == [], err
    return doc["stats"]["cached"], sorted((f["path"], f["api"]) for f in doc["findings"])


def _rows(root: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
    try:
        return db.execute("SELECT key, value FROM rows WHERE ns LIKE 'results-%'").fetchall()
    finally:
        db.close()


def _listed_and_stored(root: Path) -> tuple[set, set]:
    """(ids of the blocks the rows list, ids of the blocks stored)."""
    listed, stored = set(), set()
    for key, value in _rows(root):
        if key.startswith("@"):
            stored.add(key[1:])
        else:
            listed.update(json.loads(value)[3])
    return listed, stored


def test_the_modules_every_verdict_read_are_stored_once(tmp_path):
    root = tmp_path / "project"
    paths = _project(root, 12)
    cold = _check(root, *paths)
    assert cold == (0, [(p, ASSERT) for p in sorted(paths)])
    holding = [key for key, value in _rows(root) if str(root / "tests" / "mid.py") in value]
    assert len(holding) == 1 and holding[0].startswith("@")  # one block, listed by the twelve rows
    listed, stored = _listed_and_stored(root)
    assert listed == stored and len(stored) >= 1
    assert _check(root, *paths) == (12, cold[1])


def test_an_edit_to_a_module_the_verdicts_share_rechecks_each_of_them_both_ways(tmp_path):
    """Edited, removed and created again, in one process and over workers, with the cache primed
    in either state: each warm run's findings are the cold run's, and only the readers are
    checked again."""
    root = tmp_path / "project"
    for jobs, fillers in (("1", 0), ("2", 70)):
        paths = _project(root, 6, fillers)
        checked = 6 + fillers
        for first, second in ((MID, STOPS), (STOPS, MID)):
            (root / ".outmoded_cache").exists() and _drop_cache(root)
            (root / "tests" / "mid.py").write_text(first)
            primed = _check(root, *paths, jobs=jobs)
            assert primed == (0, _check(root, *paths, jobs=jobs, cache=False)[1])
            assert _check(root, *paths, jobs=jobs) == (checked, primed[1])
            for step in ("edit", "remove", "create", "back"):
                mid = root / "tests" / "mid.py"
                if step == "edit":
                    mid.write_text(second)
                elif step == "remove":
                    mid.unlink()
                else:
                    mid.write_text(second if step == "create" else first)
                cold = _check(root, *paths, jobs=jobs, cache=False)[1]
                assert _check(root, *paths, jobs=jobs) == (checked - 6, cold), (jobs, first == MID, step)
                assert _check(root, *paths, jobs=jobs) == (checked, cold), (jobs, first == MID, step)
            assert cold == primed[1]
            listed, stored = _listed_and_stored(root)
            assert listed == stored  # the blocks of the stamps edited away were deleted with them


def _drop_cache(root: Path) -> None:
    import shutil

    shutil.rmtree(root / ".outmoded_cache")


def test_runs_at_once_sharing_blocks_keep_every_listed_block(tmp_path):
    """Two pre-commit hooks at once on overlapping test modules, the shared module edited between
    rounds: each gets the cold run's findings, no row lists a block that is gone, and a warm run
    then answers every file from the cache."""
    root = tmp_path / "project"
    paths = _project(root, 40)
    first, second = paths[:30], paths[10:]
    for n, text in enumerate((MID, STOPS, MID, STOPS)):
        (root / "tests" / "mid.py").write_text(text)
        expected = [] if text == STOPS else [(p, ASSERT) for p in sorted(paths)]
        runs = [_run(root, *first), _run(root, *second)]
        for run, files in zip(runs, (first, second)):
            out, err = run.communicate(timeout=300)
            assert run.returncode == (0 if text == STOPS else 1), err
            assert sorted((f["path"], f["api"]) for f in json.loads(out)["findings"]) == \
                [f for f in expected if f[0] in files], n
        listed, stored = _listed_and_stored(root)
        assert listed <= stored, n
        assert _check(root, *paths) == (40, expected)


def test_a_row_an_older_outmoded_wrote_is_checked_again(tmp_path):
    """A row of the earlier layout ([findings, errors, reads], every read copied into it) under
    the key being read is a miss, and is written again in the new layout."""
    checked, other = tmp_path / "a.py", tmp_path / "base.py"
    checked.write_text("import imp\n")
    other.write_text("class Base:\n    pass\n")
    store = Store(tmp_path / "cache")
    cache = ResultCache(None, "k", store)
    store.put_many(cache.namespace, [(str(checked), _stamp(checked), [[], [], [[str(other), _stamp(other)]]])])
    cache.load([str(checked)])
    assert cache.lookup(str(checked), "a.py") is None
    finding = Finding("a.py", 1, 1, 1, 11, "OM12001", "imp", "3.12", "3.4", "error", "removed", "importlib", None)
    cache.store_result(str(checked), [finding], [], ((str(other), _stamp(other)),))
    cache.save()
    again = ResultCache(None, "k", Store(tmp_path / "cache"))
    again.load([str(checked)])
    assert again.lookup(str(checked), "a.py") == ([finding], [])
    other.write_text("class Base:\n    x = 1\n")
    newer = ResultCache(None, "k", Store(tmp_path / "cache"))
    newer.load([str(checked)])
    assert newer.lookup(str(checked), "a.py") is None


def test_a_database_an_older_outmoded_wrote_gives_the_same_findings(tmp_path):
    """The rows of the earlier layout, under the key of the same run but for the layout, are
    neither read nor kept: the next write prunes them."""
    root = tmp_path / "project"
    paths = _project(root, 4)
    cold = _check(root, *paths)
    db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
    (namespace,) = db.execute("SELECT DISTINCT ns FROM rows WHERE ns LIKE 'results-%'").fetchone()
    old = namespace + "-layout-1"  # what an older outmoded wrote: its own key, its own layout
    for key, stamp, value in db.execute("SELECT key, stamp, value FROM rows WHERE ns = ?", (namespace,)).fetchall():
        if not key.startswith("@"):
            db.execute("INSERT INTO rows VALUES (?, ?, ?, ?)", (old, key, stamp, json.dumps([[], [], []])))
    db.execute("DELETE FROM rows WHERE ns = ?", (namespace,))
    db.commit()
    db.close()
    assert _check(root, *paths) == (0, cold[1])
    assert _check(root, *paths) == (4, cold[1])
    db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM rows WHERE ns = ?", (old,)).fetchone() == (0,)
    db.close()


def _stamp(path: Path) -> str:
    return f"{path.stat().st_size}:{path.stat().st_mtime_ns}"


def _cache(directory: Path, checked: list) -> ResultCache:
    cache = ResultCache(None, "k", Store(directory))
    cache.load([str(p) for p in checked])
    return cache


def test_a_block_a_concurrent_run_deleted_is_put_back_by_the_run_reusing_it(tmp_path):
    """Run A loads rows listing a block; run B rewrites those rows with other reads, which orphans
    the block, and deletes it; A then writes a verdict whose reads are the block's: the block is
    written back, and the verdict is a hit for the next run."""
    c1, c2, o1, o2 = (tmp_path / name for name in ("c1.py", "c2.py", "o1.py", "o2.py"))
    for path in (c1, c2, o1, o2):
        path.write_text(f"# {path.name}\n")
    both = tuple(sorted((str(p), _stamp(p)) for p in (o1, o2)))
    first = _cache(tmp_path / "cache", [c1, c2])
    for path in (c1, c2):
        first.store_result(str(path), [], [], both)
    first.save()
    a, b = _cache(tmp_path / "cache", [c1, c2]), _cache(tmp_path / "cache", [c1, c2])
    for path in (c1, c2):
        b.store_result(str(path), [], [], ((str(o1), _stamp(o1)),))
    b.save()
    a.store_result(str(c1), [], [], both)
    a.save()
    after = _cache(tmp_path / "cache", [c1, c2])
    assert after.lookup(str(c1), "c1.py") == ([], [])
    assert after.lookup(str(c2), "c2.py") == ([], [])
    o2.write_text("# edited\n")
    assert _cache(tmp_path / "cache", [c1, c2]).lookup(str(c1), "c1.py") is None
    assert _cache(tmp_path / "cache", [c1, c2]).lookup(str(c2), "c2.py") == ([], [])


def test_blocks_that_do_not_fit_make_their_readers_misses(tmp_path):
    """A block planted or damaged in the checked-out tree's cache (a blob, JSON that is not pairs):
    every verdict listing it is checked again, nothing crashes, and the next write repairs it."""
    root = tmp_path / "project"
    paths = _project(root, 3)
    cold = _check(root, *paths)
    for damage in (b"\x80\x04K\x01.", '{"a": 1}', "[[1]]"):
        db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
        with db:
            db.execute("UPDATE rows SET value = ? WHERE key LIKE '@%'", (damage,))
        db.close()
        assert _check(root, *paths) == (0, cold[1])
        assert _check(root, *paths) == (3, cold[1])
