"""Run the check over many files: discovery, cache, a process pool for the files that miss it.

A run whose files all hit the cache imports none of the scanner (``engine`` and what it needs
are imported when a file must be checked).  Small runs (a pre-commit hook on a few files) stay in-process: starting workers costs more than
checking a handful of files.  Large runs fork one worker per core; workers inherit the index
built here, so the catalog is loaded and compiled once.
"""

from __future__ import annotations

import os

from outmoded.cache import ResultCache, Store
from outmoded.catalog.compiled import fingerprint as catalog_fingerprint
from outmoded.config import Settings, cache_root
from outmoded.discover import discover, display_path
from outmoded.findings import FileError, Finding
from outmoded.project import forget_files, shadowable_names, text_index
from outmoded.records import Record
from outmoded.source import SourceError, read_bytes

CACHE_FORMAT = 4  # bump when the record or Finding's fields change: cached fields are positional
PARALLEL_THRESHOLD = 64  # below this many uncached files, one process is faster
_INDEX = None  # set in the parent before forking; workers read it
_PROJECT = None  # the project model, likewise


class Report(Record):
    """What a run found: findings and unreadable files, and how many files were checked, parsed
    (not cleared by the prefilter) and answered from the cache."""

    __slots__ = _fields = ("target", "findings", "errors", "files", "parsed", "cached")

    def __init__(self, target: tuple[int, int], findings: list[Finding] | None = None,
                 errors: list[FileError] | None = None, files: int = 0, parsed: int = 0, cached: int = 0):
        self.target = target
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.files = files
        self.parsed = parsed
        self.cached = cached

    @property
    def failed(self) -> bool:
        return bool(self.findings or self.errors)


def _work(job: tuple[str, str]):
    from outmoded.engine import check_source

    path, display = job
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return path, False, [], [FileError(display, str(exc))], False
    result = check_source(display, data, _INDEX, _PROJECT)
    return path, True, result.findings, result.errors, result.parsed  # not the bytes: no pickling back


def _jobs_count(jobs: int | None, pending: int) -> int:
    if pending < PARALLEL_THRESHOLD:
        return 1
    return max(1, jobs or os.cpu_count() or 1)


def _run_jobs(jobs: list[tuple[str, str]], workers: int):
    if workers == 1:
        return map(_work, jobs)
    import multiprocessing  # only here: importing it costs a pre-commit run on one file ~10 ms
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return map(_work, jobs)
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return _drain(pool, pool.map(_work, jobs, chunksize=chunk))


def _drain(pool, results):
    try:
        yield from results
    finally:
        pool.shutdown()


def _index_for(settings: Settings):
    from outmoded.catalog.index import index_for

    return index_for(settings.resolved_target(), pending=settings.pending, min_version=settings.resolved_min_version(),
                     floor=settings.declared_floor())


def _tune_collector() -> None:
    """Parsing allocates millions of AST nodes, freed by reference counting when a file is done;
    the cyclic collector would otherwise run a pass every 700 of them and rescan everything alive
    since start-up.  Freeze what start-up built (modules, catalog, index: forked workers share
    those pages too) and collect the young generation rarely."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def run_check(paths: list[str], settings: Settings, use_cache: bool = True,
              jobs: int | None = None) -> Report:
    global _INDEX, _PROJECT
    target = settings.resolved_target()
    report = Report(target)
    cwd = os.getcwd()
    found = discover(paths, settings.root, settings.exclude + settings.extend_exclude, settings.force_exclude)
    report.errors.extend(FileError(display_path(e.path, cwd), e.message) for e in found.errors)
    report.files = len(found.files)
    # a file's verdict also depends on the project's layout, class graph and version flags
    forget_files()
    store = Store(cache_root(settings)) if use_cache else None
    text = text_index(found.files, store)
    shadowable = shadowable_names() if text.shadowing else frozenset()  # only top-level modules can shadow
    key = ResultCache.key(CACHE_FORMAT, catalog_fingerprint(), target, settings.pending,
                          settings.resolved_min_version(), settings.declared_floor(), text.fingerprint(shadowable))  # fixability depends on it
    cache = ResultCache(cache_root(settings), key, store) if use_cache else None
    if cache:
        cache.load(found.files)
    todo = []
    for path in found.files:
        display = display_path(path, cwd)
        hit = cache.lookup(path, display) if cache else None
        if hit is None:
            todo.append((path, display))
        else:
            report.cached += 1
            report.findings.extend(hit[0])
            report.errors.extend(hit[1])
    if todo:
        from outmoded.prefilter import Needle
        from outmoded.project import Project, derived_method_words

        _INDEX = _index_for(settings)
        _PROJECT = Project(target, text)
        _INDEX.add_needles([Needle(frozenset(w.encode() for w in pair)) for pair in derived_method_words(text, _INDEX)])
        _tune_collector()
        for path, readable, findings, errors, parsed in _run_jobs(todo, _jobs_count(jobs, len(todo))):
            report.findings.extend(findings)
            report.errors.extend(errors)
            report.parsed += parsed
            if cache and readable:
                cache.store_result(path, findings, errors)
    if cache:
        cache.save()
    report.findings = sorted((f for f in report.findings if settings.reports(f, f.path)),
                             key=lambda f: (f.path, f.line, f.column, f.code))
    report.errors.sort(key=lambda e: e.path)
    return report
