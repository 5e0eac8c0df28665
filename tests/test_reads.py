"""What a verdict read, recorded for the results cache: a whole tree or an answer's reads over
the project count as one entry per verdict, however large the tree, and still invalidate."""

import pickle
import time

from outmoded import projectfiles, reads, treestamps
from outmoded.cache import ResultCache


def _tree(root, copies: int) -> None:
    for copy in range(copies):
        for n in range(25):
            path = root / f"copy{copy}" / "pkg" / f"m{n}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"import os\nX = {n}\n")


def _verdicts_reading_the_tree(root, verdicts: int) -> list:
    """What ``verdicts`` verdicts asking about the whole tree (``unreached``'s question) record."""
    kept, reads.KEPT = reads.KEPT, True
    projectfiles.forget()
    try:
        recorded = []
        for _ in range(verdicts):
            with reads.recording() as read:
                assert projectfiles.sources(str(root)) is not None
            recorded.append(read)
        return recorded
    finally:
        reads.KEPT = kept
        projectfiles.forget()


def test_what_each_verdict_asking_about_the_tree_records_does_not_grow_with_the_tree(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    _tree(small, 1)
    _tree(large, 16)  # 400 files
    assert [len(read) for read in _verdicts_reading_the_tree(small, 3)] == [1, 1, 1]
    assert [len(read) for read in _verdicts_reading_the_tree(large, 3)] == [1, 1, 1]


def test_the_trees_stamp_follows_a_file_edited_added_or_removed(tmp_path):
    _tree(tmp_path, 2)
    (tmp_path / ".hidden").mkdir()
    [read] = _verdicts_reading_the_tree(tmp_path, 1)
    [(key, before)] = read.items()
    assert key == treestamps.key("py", str(tmp_path)) and reads.stamp(key) == before
    (tmp_path / ".hidden" / "x.py").write_text("x = 1\n")  # not walked
    assert reads.stamp(key) == before
    stamps = [reads.stamp(key)]
    time.sleep(0.01)
    (tmp_path / "copy1" / "pkg" / "m3.py").write_text("import os\nX = 33\n")  # edited
    stamps.append(reads.stamp(key))
    (tmp_path / "copy1" / "pkg" / "sub").mkdir()
    (tmp_path / "copy1" / "pkg" / "sub" / "new.py").write_text("")  # added, deeper
    stamps.append(reads.stamp(key))
    (tmp_path / "copy0" / "pkg" / "m0.py").unlink()  # removed
    stamps.append(reads.stamp(key))
    assert len(set(stamps)) == 4


def _answer(root, files: int) -> dict:
    paths = []
    for n in range(files):
        path = root / f"m{n}.py"
        path.write_text(f"x = {n}\n")
        paths.append(str(path))
    with reads.recording() as read:
        for path in paths:
            reads.read(path)
    return read


def test_an_answer_read_over_many_files_is_sent_and_kept_once_for_the_verdicts_replaying_it(tmp_path):
    """Many verdicts replaying one memoized answer (the class chains resolved for the run) list it
    by reference: what a worker sends back for each after the first stays small, and the results
    cache stores it once, still dropping every verdict when one of its files is edited."""
    answer = _answer(tmp_path, 300)
    verdicts = []
    for n in range(20):
        with reads.recording() as read:
            reads.read(str(tmp_path / f"m{n}.py"))
            reads.extend(answer)
        verdicts.append(tuple(sorted(read.items())))
    assert {len(verdict) for verdict in verdicts} == {2}
    first, second = (len(pickle.dumps(verdict)) for verdict in verdicts[:2])
    assert second * 20 < first  # the answer's 300 pairs went with the first only
    arrived = pickle.loads(pickle.dumps(verdicts[5]))
    assert next(pair[1] for pair in arrived if type(pair[1]) is not str).pairs() == sorted(answer.items())

    (tmp_path / "checked").mkdir()
    checked = [tmp_path / "checked" / f"c{n}.py" for n in range(20)]
    for path in checked:
        path.write_text("x = 1\n")
    cache = ResultCache(tmp_path / "cache", "key")
    for path, verdict in zip(checked, verdicts):
        cache.store_result(str(path), [], [], verdict)
    cache.save()

    def hits() -> int:
        warm = ResultCache(tmp_path / "cache", "key")
        warm.load([str(path) for path in checked])
        found = sum(warm.lookup(str(path), path.name) is not None for path in checked)
        warm.store.close()
        return found

    assert hits() == 20
    time.sleep(0.01)
    (tmp_path / "m250.py").write_text("x = 'edited'\n")  # read by the answer only
    assert hits() == 0


def test_a_verdict_whose_shared_reads_never_arrived_is_not_cached(tmp_path):
    path = tmp_path / "c.py"
    path.write_text("x = 1\n")
    lost = reads._received(reads.SHARED + "gone.1", None)  # sent by key, its reads never came
    cache = ResultCache(tmp_path / "cache", "key")
    cache.store_result(str(path), [], [], ((lost.key, lost),))
    cache.save()
    warm = ResultCache(tmp_path / "cache", "key")
    warm.load([str(path)])
    assert warm.lookup(str(path), "c.py") is None
