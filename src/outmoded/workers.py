"""The worker processes of a run: what they inherit, the jobs they run, the pools that fork them.

Workers are forked, never spawned: they inherit this module's state, set in the parent before
forking (the catalog's ``INDEX`` compiled once, the ``PROJECT`` model, the first pass's
``SCREEN``), so nothing of it is pickled.  A job is a file's path (with its display path); a
result is what the parent needs to report and cache it, never the file's bytes.  Small runs stay
in-process: starting workers costs more than checking a handful of files.
"""

from __future__ import annotations

import os

from outmoded import reads, timeline
from outmoded.findings import FileError
from outmoded.source import SourceError, read_bytes

PARALLEL_THRESHOLD = 64  # below this many uncached files, one process is faster
INDEX = None  # the run's catalog index (``catalog.index.Index``): set in the parent before forking
PROJECT = None  # the project model (``refine.LazyProject``), likewise
SCREEN = None  # (needle words, derivable method words) for the first pass of a cold run
NOQA = True  # are noqa comments read (not with --ignore-noqa): set before forking, as INDEX
LATER = None  # (jobs, named, needles, text index) of the files ``refine.decide`` decides, likewise


def work(job: tuple):
    """Check a file: ``job`` is (path, display path), and in a cold run's second pass the words
    the first pass found the catalog's needles holding on (``prefilter.Passed``) or None, then
    for a file ``Discovery.inside`` records, its names there."""
    from outmoded.engine import check_source

    path, display = job[0], job[1]
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return path, False, [], [FileError(display, str(exc))], False
    # without a results cache no reads: a few hundred (path, stamp) pairs for each file asking a
    # question of the whole tree (5.8 MB pickled, sent and unpickled for Twisted 18.9's second pass)
    result = check_source(display, data, INDEX, PROJECT, NOQA, job[2] if len(job) > 2 else None, reads.KEPT,
                          job[3] if len(job) > 3 else None)
    # not the bytes: no pickling back; reads: the other files the verdict read, for the cache
    return path, True, result.findings, result.errors, result.parsed, result.reads


def jobs_count(jobs: int | None, pending: int) -> int:
    if pending < PARALLEL_THRESHOLD:
        return 1
    return max(1, jobs or os.cpu_count() or 1)


def can_fork() -> bool:
    """Can workers be forked here (not on Windows)?"""
    return hasattr(os, "fork")


def pool(workers: int):
    """A pool of ``workers`` forked processes (``forkpool``)."""
    from outmoded.forkpool import Pool

    if timeline.DIRECTORY is not None:
        timeline.mark(f"pool of {workers}")
    return Pool(workers)


def run_jobs(function, jobs: list, workers: int, chunk: int | None = None):
    if workers == 1 or not can_fork():
        return map(function, jobs)
    import_checker(function is work, jobs)
    chunk = chunk or max(1, min(64, len(jobs) // (workers * 8)))
    started = pool(workers)
    return drain(started, started.map(function, jobs, chunksize=chunk))


def run_then(function, jobs: list, workers: int, more, took, merge=None):
    """``function`` over ``jobs`` in forked workers, one job at a time, then over the jobs
    ``took(more(None))`` returns: ``more`` runs as the first task, in a worker, while the others
    start on ``jobs``; ``took`` gets its answer in this process as soon as it is in.  With
    ``merge`` (the order of a list of jobs: ``largest_first``), the last third of ``jobs`` (the
    short ones, when they come largest first) is held back and given with ``took``'s jobs, in
    ``merge``'s order, so that those do not all come last (a 30 KB module ``refine.decide`` kept
    on Twisted 18.9 was checked after every 1 KB one, one worker busy with it while the other had
    nothing left); given earlier, with the answer still out, when the workers are about to run
    out of jobs."""
    if workers == 1 or not can_fork():
        return map(function, jobs + took(more(None)))
    if not jobs:
        jobs = took(more(None))
        return run_jobs(function, jobs, workers if len(jobs) > 1 else 1, 1)
    import_checker(function is work, jobs)
    held = jobs[len(jobs) - len(jobs) // 3:] if merge is not None and len(jobs) >= HELD_FROM else []
    jobs = jobs[:len(jobs) - len(held)]
    started = pool(workers)
    try:
        decided = started.submit(more, None)
        futures = [started.submit(function, job) for job in jobs]
        while not decided.done:
            if held and sum(not future.done for future in futures) < workers:
                futures += [started.submit(function, job) for job in held]  # the workers would wait
                held = []
            started.wait()
        answer = decided.result()
        timeline.mark("decided")
        later = took(answer)
        futures += [started.submit(function, job) for job in (merge(later + held) if held else later)]
    except BaseException:
        started.shutdown(cancel_futures=True)
        raise
    return drain(started, (future.result() for future in futures))


HELD_FROM = 12  # ``run_then`` holds back no job of a shorter list


def import_checker(scanning: bool, jobs=()) -> None:
    """Import here, before forking, what every worker would otherwise import for itself: the
    engine, for a pass that parses (``work``) the scanner with ``ast`` (``engine`` imports it
    only once a file passes the prefilter: ~27 ms of each worker's CPU on Django's second pass),
    the sieve that reduces a file before it is parsed, its patterns compiled
    (``sieve.compile_patterns``), and the interpreters' listings that a ``try`` or ``hasattr()``
    asks (``present``: both imported by every worker of Django's and Twisted's second passes), and
    the checkers of the other file types among ``jobs`` (``filetypes``: ``native``'s C and Cython
    checkers, ~30 ms of each worker's CPU in Twisted's second pass).  Before either pass: the
    classes of the needles' literals (``literals``: the compiled index decodes an anchor's needles
    in the worker whose file asks for them, and every worker of both passes on Django 5.2.8 and
    Twisted 18.9 did) and the reading of old syntax (``masking``, with ``oldsyntax``: every
    first-pass worker of both asks ``oldsyntax``, and this process imports both anyway with the
    sieve before a second pass)."""
    import outmoded.engine
    import outmoded.literals
    import outmoded.masking  # noqa: F401

    if scanning:
        import outmoded.present
        import outmoded.scan  # noqa: F401
        from outmoded.sieve import compile_patterns

        compile_patterns()  # every worker's sieve reads each file with them
    else:  # the first pass (``firstpass.screen_work``)
        from outmoded.firstpass import compile_patterns

        compile_patterns()
    import_checkers(job[0] if isinstance(job, tuple) else job for job in jobs)


def import_checkers(paths) -> None:
    """Import the checkers of the files of ``paths`` that are not Python (``filetypes``)."""
    from outmoded.filetypes import PYTHON_SUFFIXES, checker_for

    seen = set()
    for path in paths:
        if not path.endswith(PYTHON_SUFFIXES):
            kind = os.path.splitext(path)[1] or os.path.basename(path)
            if kind not in seen:
                seen.add(kind)
                checker_for(path)


def drain(started, results):
    try:
        yield from results
    finally:
        started.shutdown()


def size(stamps: dict, path: str) -> int:
    stamp = stamps.get(path)
    return int(stamp.partition(":")[0]) if stamp else 0


def largest_first(todo: list, stamps: dict) -> list:
    """Jobs by decreasing size (from the text index's stamps), so the last ones are short; first
    the files the text index has no stamp for (C, Cython and the other file types), whose cost
    their size does not tell: Twisted 18.9's ``_sendmsg.c`` (16 KB) costs what a 70 KB module
    does, and sorted as size 0 it came among the last jobs, one worker checking it while the
    other had nothing left."""
    return sorted(todo, key=lambda job: size(stamps, job[0]) if job[0] in stamps else UNKNOWN_COST, reverse=True)


UNKNOWN_COST = float("inf")  # ``largest_first``'s key for a job the stamps do not size


def tune_collector() -> None:
    """Parsing allocates millions of AST nodes, freed by reference counting when a file is done;
    the cyclic collector would otherwise run a pass every 700 of them and rescan everything alive
    since start-up.  Freeze what start-up built (modules, catalog, index: forked workers share
    those pages too) and collect the young generation rarely."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def index_for(settings):
    """The catalog's index for the run's settings (what ``INDEX`` holds)."""
    from outmoded.catalog.index import index_for as made

    return made(settings.resolved_target(), pending=settings.pending, min_version=settings.resolved_min_version(),
                floor=settings.declared_floor())
