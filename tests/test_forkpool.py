"""The fork pool a parallel run's passes go through: answers in order, errors raised where asked,
no deadlock on messages larger than a pipe holds, a dead worker reported, not waited for."""

from __future__ import annotations

import os
import time

import pytest

from outmoded.forkpool import BrokenPool, Pool

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def square(x: int) -> int:
    return x * x


def blob(size: int) -> bytes:
    return b"x" * size


def fail(x: int) -> int:
    raise ValueError(f"no {x}")


def die(_: int) -> int:
    os._exit(3)


def pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_map_answers_in_order_from_both_workers():
    pool = Pool(2)
    try:
        assert list(pool.map(square, list(range(500)), 7)) == [x * x for x in range(500)]
        first, second = pool.submit(pid_after, 0.3), pool.submit(pid_after, 0.3)
        assert first.result() != second.result() != os.getpid()
    finally:
        pool.shutdown()


def test_tasks_and_answers_larger_than_a_pipe():
    pool = Pool(2)
    try:
        answers = [pool.submit(blob, 300_000) for _ in range(6)]
        lengths = [pool.submit(len, b"y" * 500_000) for _ in range(6)]
        assert [len(task.result()) for task in answers] == [300_000] * 6
        assert [task.result() for task in lengths] == [500_000] * 6
    finally:
        pool.shutdown()


def test_an_error_is_raised_by_its_result_and_the_pool_goes_on():
    pool = Pool(2)
    try:
        with pytest.raises(ValueError, match="no 4"):
            pool.submit(fail, 4).result()
        assert pool.submit(square, 3).result() == 9
    finally:
        pool.shutdown()


def test_a_dead_worker_breaks_the_pool():
    pool = Pool(2)
    try:
        with pytest.raises(BrokenPool):
            pool.submit(die, 0).result()
    finally:
        pool.shutdown()


def test_cancelled_tasks_are_not_waited_for():
    pool = Pool(2)
    for _ in range(4):
        pool.submit(pid_after, 30)
    started = time.monotonic()
    pool.shutdown(cancel_futures=True)
    assert time.monotonic() - started < 10



def slowly(job: str) -> str:
    time.sleep(0.2)
    return job


def at_once(job: str) -> str:
    return job


def decided(_) -> list:
    return ["055.py", "005.py"]


def decided_late(_) -> list:
    time.sleep(1.0)
    return ["003.py"]


def test_run_then_gives_the_held_short_jobs_with_the_decided_ones_in_order():
    """The jobs a second pass's first task decides are checked among the short ones held back,
    largest first, not after all of them (the worker left with a large one last made the other wait)."""
    from outmoded.workers import run_then

    jobs = [f"{size:03d}.py" for size in range(100, 40, -4)]  # 15 jobs, largest first: the last 5 held back
    took = []
    results = list(run_then(slowly, jobs, 2, decided, lambda answer: took.append(answer) or answer,
                            lambda later: sorted(later, reverse=True)))
    assert took == [["055.py", "005.py"]]
    assert results == jobs[:10] + sorted(jobs[10:] + ["055.py", "005.py"], reverse=True)


def test_run_then_gives_the_held_jobs_when_the_workers_run_out():
    """A first task that takes longer than the other jobs does not keep the held ones waiting:
    every job is checked, the decided ones last."""
    from outmoded.workers import run_then

    jobs = [f"{size:03d}.py" for size in range(12)]
    results = list(run_then(at_once, jobs, 2, decided_late, lambda answer: answer, lambda later: sorted(later)))
    assert results == jobs + ["003.py"]


def test_largest_first_puts_the_files_it_cannot_size_first():
    """A C or Cython file (no text index stamp) costs what its size does not tell: first, not last."""
    from outmoded.workers import largest_first

    stamps = {"a.py": "300:1", "b.py": "20:1"}
    jobs = [("b.py", "b.py"), ("x.c", "x.c"), ("a.py", "a.py"), ("y.pyx", "y.pyx")]
    assert [job[0] for job in largest_first(jobs, stamps)] == ["x.c", "y.pyx", "a.py", "b.py"]
