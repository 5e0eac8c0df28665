"""Run the check over many files: discovery, cache, a process pool for the files that miss it.

A run whose files all hit the cache imports none of the scanner (``engine`` and what it needs
are imported when a file must be checked).  Small runs (a pre-commit hook on a few files) stay
in-process: starting workers costs more than checking a handful of files.  Large runs fork one
worker per core; workers inherit the index built here, so the catalog is loaded and compiled
once.  A large run whose files' text rows are not cached (a cold run) goes in two passes, both
over the workers: the first reads every file once for the project's text index and clears the
files the catalog's needles clear and the project's cannot let through (most of them); the
second, forked once the project is known, checks the rest, largest first so the cores finish
together; meanwhile this process decides the files only the project's needles can let through
(most name no paired class; the few the by-name pairing keeps, ``pairing``), and adds those still
needed at the end.
"""

from __future__ import annotations

import os
import sys

from outmoded.cache import ResultCache, Store
from outmoded.catalog.compiled import fingerprint as catalog_fingerprint
from outmoded.config import Settings, cache_root
from outmoded.discover import discover, display_path
from outmoded.findings import FileError, Finding
from outmoded.layout import forget_files
from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools
from outmoded.records import Record
from outmoded.source import SourceError, read_bytes
from outmoded.textindex import build_text_index, derivable_methods, derived_methods, read_headers, scan_stamps, \
    shadowable_names

CACHE_FORMAT = 4  # bump when the record or Finding's fields change: cached fields are positional
PARALLEL_THRESHOLD = 64  # below this many uncached files, one process is faster
_INDEX = None  # set in the parent before forking; workers read it
_PROJECT = None  # the project model, likewise
_SCREEN = None  # (needle words, derivable method words) for the first pass of a cold run
_NOQA = True  # are noqa comments read (not with --ignore-noqa): set before forking, as _INDEX


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


def _work(job: tuple):
    """Check a file: ``job`` is (path, display path), and in a cold run's second pass the words
    the first pass found the catalog's needles holding on (``prefilter.Passed``) or None."""
    from outmoded.engine import check_source

    path, display = job[0], job[1]
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return path, False, [], [FileError(display, str(exc))], False
    result = check_source(display, data, _INDEX, _PROJECT, _NOQA, job[2] if len(job) > 2 else None)
    # not the bytes: no pickling back; reads: the other files the verdict read, for the cache
    return path, True, result.findings, result.errors, result.parsed, result.reads


def _screen_work(job: tuple[str, str]):
    """First pass over a Python file: its text row, and its result when known without the
    project, else what ``engine.screen`` says the project's needles must decide."""
    from outmoded.engine import FileResult, screen

    path, display = job
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return path, None, (False, [], [FileError(display, str(exc))], False)
    record = read_headers(data)
    result = screen(display, data, _INDEX, *_SCREEN, noqa=_NOQA)
    if isinstance(result, FileResult):
        return path, record, (True, result.findings, result.errors, result.parsed, result.reads)
    return path, record, result


def _jobs_count(jobs: int | None, pending: int) -> int:
    if pending < PARALLEL_THRESHOLD:
        return 1
    return max(1, jobs or os.cpu_count() or 1)


@lru_cache(maxsize=1)
def _can_fork() -> bool:
    """Can workers be forked here?  Asked once per process (a parallel run asks in each pass)."""
    import multiprocessing  # only here: importing it costs a pre-commit run on one file ~10 ms

    return "fork" in multiprocessing.get_all_start_methods()


def _run_jobs(function, jobs: list, workers: int, chunk: int | None = None):
    if workers == 1 or not _can_fork():
        return map(function, jobs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _import_checker(function is _work)
    chunk = chunk or max(1, min(64, len(jobs) // (workers * 8)))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return _drain(pool, pool.map(function, jobs, chunksize=chunk))


def _run_then(function, jobs: list, workers: int, more):
    """``function`` over ``jobs`` in forked workers, one job at a time, then over the jobs
    ``more()`` returns: called in this process once the workers have started on ``jobs``."""
    if workers == 1 or not _can_fork():
        return map(function, jobs + more())
    if not jobs:
        jobs = more()
        return _run_jobs(function, jobs, workers if len(jobs) > 1 else 1, 1)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _import_checker(function is _work)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        futures = [pool.submit(function, job) for job in jobs]
        futures += [pool.submit(function, job) for job in more()]
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return _drain(pool, (future.result() for future in futures))


def _import_checker(scanning: bool) -> None:
    """Import here, before forking, what every worker would otherwise import for itself: the
    engine, and for a pass that parses (``_work``) the scanner with ``ast`` (``engine`` imports it
    only once a file passes the prefilter: ~27 ms of each worker's CPU on Django's second pass)."""
    import outmoded.engine

    if scanning:
        import outmoded.scan  # noqa: F401


def _drain(pool, results):
    try:
        yield from results
    finally:
        pool.shutdown()


def _size(stamps: dict, path: str) -> int:
    stamp = stamps.get(path)
    return int(stamp.partition(":")[0]) if stamp else 0


def _largest_first(todo: list, stamps: dict) -> list:
    """Jobs by decreasing size (from the text index's stamps), so the last ones are short."""
    return sorted(todo, key=lambda job: _size(stamps, job[0]), reverse=True)


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
    global _INDEX, _PROJECT, _NOQA
    target = settings.resolved_target()
    report = Report(target)
    cwd = os.getcwd()
    _NOQA = not settings.ignore_noqa
    # a file's verdict also depends on the project's layout, class graph and version flags
    forget_files()
    _INDEX = _PROJECT = None  # ``fix`` reuses this run's: never a previous run's
    # without a cache every Python file goes through the first pass: it starts during the walk
    early = None if use_cache or jobs == 1 else _EarlyFirstPass(settings, _jobs_count(jobs, PARALLEL_THRESHOLD), cwd)
    found = discover(paths, settings.root, settings.exclude + settings.extend_exclude, settings.force_exclude,
                     settings.respect_gitignore, early)
    report.errors.extend(FileError(display_path(e.path, cwd), e.message) for e in found.errors)
    report.files = len(found.files)
    store = Store(cache_root(settings)) if use_cache else None
    stamps = scan_stamps(found.files, store)
    if early is not None and early.started:
        workers, two_passes = early.workers, True
        rows, screened, named, passed = early.results()
    else:
        workers = _jobs_count(jobs, len(stamps.missing))
        two_passes = workers > 1 and _can_fork()  # cold: each file is read once, by the workers
        if two_passes:
            _INDEX = _index_for(settings)
            rows, screened, named, passed = _first_pass(stamps.missing, workers, cwd)
        else:
            rows, screened, named, passed = {}, {}, {}, {}
    text = build_text_index(stamps, rows, store)
    needles = _project_needles(text) if _INDEX else None
    lazy = _LazyProject(target, text, needles) if needles is not None else None
    # the files naming a method the project's needles may pair are decided (most cleared at once,
    # the few the by-name pairing lets through by the imports of their classes' bases) while the
    # workers check the rest; those defining a class whose chain leaves what the checked files'
    # headers say are decided by the chains (``chains``)
    opened = {path for path in named if needles.outside.open_classes(path)} if named else set()
    if needles is not None and needles.outside.chains is not None:
        needles.outside.chains.warm()  # before the second pass forks: its workers need the answers too
    cache = ResultCache(cache_root(settings), _results_key(settings, text), store) if use_cache else None
    if cache:
        cache.load(found.files)
    todo, later = [], []
    for path in found.files:
        display = display_path(path, cwd)
        hit = cache.lookup(path, display) if cache else None
        if hit is not None:
            report.cached += 1
            report.findings.extend(hit[0])
            report.errors.extend(hit[1])
        elif path in screened:
            _add(report, cache, path, *screened[path])
        elif path in named:
            later.append((path, display))
        else:
            todo.append((path, display, passed.get(path)))

    def refine() -> list:
        """The files naming such methods that the by-name pairing, then the bases' imports, clear,
        reported as such; the others, to check."""
        kept, weights = [], {}
        for job in later:
            if not _cleared_by_project(job[0], named[job[0]], needles.classes):
                for method in named[job[0]].intersection(needles.classes):
                    weights[method] = weights.get(method, 0) + _size(text.stamps, job[0])
            elif job[0] not in opened:
                _add(report, cache, job[0], True, [], [], False)
                continue
            kept.append(job)
        refined, reads = _refined_classes(text, weights) if weights else ({}, ())
        classes = dict(needles.classes)
        classes.update(refined)
        for job in list(kept):
            if _cleared_by_project(job[0], named[job[0]], classes):
                outside = needles.outside.made().verdict(job[0], named[job[0]]) if job[0] in opened else ()
                if outside is None:
                    continue  # a class whose chain leaves the checked files' headers lets it through
                # the verdict read the files holding the bases: a later run rechecks when one changes
                _add(report, cache, job[0], True, [], [], False, tuple(sorted({**dict(reads), **dict(outside)}.items())))
                kept.remove(job)
        return _largest_first(kept, text.stamps)

    if todo or later or _INDEX is not None:
        _INDEX = _INDEX or _index_for(settings)
        _PROJECT = lazy or _LazyProject(target, text, _project_needles(text))
        if two_passes or len(todo) >= PARALLEL_THRESHOLD:
            _PROJECT.model  # noqa: B018 (built before forking: the workers share it)
    if todo or later:
        _tune_collector()
        if two_passes:  # the files left: few, holding most of the work; the largest first
            todo = _largest_first(todo, text.stamps)
            if len(todo) <= 512 and later:
                results = _run_then(_work, todo, workers, refine)
            else:
                todo += refine() if later else []
                results = _run_jobs(_work, todo, workers if len(todo) > 1 else 1, 1 if len(todo) <= 512 else None)
        else:
            results = _run_jobs(_work, todo, _jobs_count(jobs, len(todo)))
        for path, readable, findings, errors, parsed, *reads in results:
            _add(report, cache, path, readable, findings, errors, parsed, *reads)
    if cache:
        cache.save()
    report.findings = sorted((f for f in report.findings if settings.reports(f, f.path)),
                             key=lambda f: (f.path, f.line, f.column, f.code))
    report.errors.sort(key=lambda e: e.path)
    return report


def _results_key(settings: Settings, text) -> str:
    """What every cached result depends on; fixability depends on the versions too."""
    shadowable = shadowable_names() if text.shadowing else frozenset()  # only top-level modules can shadow
    return ResultCache.key(CACHE_FORMAT, catalog_fingerprint(), settings.resolved_target(), settings.pending,
                           settings.resolved_min_version(), settings.declared_floor(), text.fingerprint(shadowable),
                           *(("ignore-noqa",) if settings.ignore_noqa else ()))  # the same key as before without it


def _first_pass(paths: list[str], workers: int, cwd: str) -> tuple[dict, dict, dict, dict]:
    """Every file read once by the workers: (text rows, results known without the project,
    method words the project's needles decide on, the catalog's words held in the files its
    needles let through), each by path."""
    _prepare_screen()
    return _screened(_run_jobs(_screen_work, [(p, display_path(p, cwd)) for p in paths], workers))


def _prepare_screen() -> None:
    global _SCREEN
    methods = derivable_methods(_INDEX)
    _SCREEN = (_INDEX.words | methods, methods)
    _tune_collector()


def _screened(results) -> tuple[dict, dict, dict, dict]:
    from outmoded.prefilter import Passed

    rows, screened, named, passed = {}, {}, {}, {}
    for path, record, result in results:
        if record is not None:
            rows[path] = record
        if isinstance(result, tuple):
            screened[path] = result
        elif isinstance(result, Passed):  # the catalog's needles let it through
            passed[path] = result
            if "outmoded.scan" not in sys.modules:  # the second pass parses: its workers will need it
                _import_checker(True)  # while the first pass's workers still run
        else:
            named[path] = result
    return rows, screened, named, passed


def _screen_chunk(jobs: list) -> list:
    return [_screen_work(job) for job in jobs]


class _EarlyFirstPass:
    """The first pass of a run without a cache, fed by discovery as it walks: once the walk has
    found enough Python files for workers to pay (``PARALLEL_THRESHOLD``), they start reading
    them in chunks while the walk goes on (a walk of Django's sdist is ~0.1 s of one core)."""

    CHUNK = 64

    def __init__(self, settings: Settings, workers: int, cwd: str):
        self.settings, self.workers, self.cwd = settings, workers, cwd
        self.pending: list = []
        self.futures: list = []
        self.pool = None
        self.started = False

    def __call__(self, path: str) -> None:
        if self.workers < 2 or not path.endswith(".py"):  # .py: what scan_stamps reads, the first pass's files
            return
        self.pending.append((path, display_path(path, self.cwd)))
        if len(self.pending) >= (self.CHUNK if self.started else PARALLEL_THRESHOLD):
            if not self.started:
                self._start()
            if self.started:
                self._submit()

    def _start(self) -> None:
        global _INDEX
        if not _can_fork():
            self.workers = 1  # never starts: the run goes as without it
            self.pending = []
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _import_checker(False)
        _INDEX = _index_for(self.settings)
        _prepare_screen()
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        self.started = True

    def _submit(self) -> None:
        for start in range(0, len(self.pending), self.CHUNK):
            self.futures.append(self.pool.submit(_screen_chunk, self.pending[start:start + self.CHUNK]))
        self.pending = []

    def results(self) -> tuple[dict, dict, dict, dict]:
        self._submit()
        try:
            return _screened(result for future in self.futures for result in future.result())
        finally:
            self.pool.shutdown()


PAIRED_CLASSES_READ = 32  # more class words than this are looked for among the identifiers, not as substrings


def _cleared_by_project(path: str, methods: frozenset, classes: dict) -> bool:
    """Is a file the catalog's needles cleared, naming ``methods``, also cleared by the project's
    needles (``classes``: method -> project class words)?  Yes when no named method is paired
    with a class, or when none of the paired classes appears in the file's bytes (not even as a
    substring: then it is not one of its identifiers, which is all ``candidate_words`` asks).
    Read here, in the parent, while the workers check the files the catalog's needles let
    through."""
    paired = methods.intersection(classes)
    if not paired:
        return True
    words = set().union(*(classes[m] for m in paired))
    try:
        data = read_bytes(path)
    except SourceError:
        return False  # the second pass reports it
    if len(words) > PAIRED_CLASSES_READ:
        from outmoded.prefilter import identifiers

        return words.isdisjoint(identifiers(data))
    return not any(word in data for word in words)


def _members(path: str, name: str):
    """The names a project class defines itself (``ClassInfo.members``, its module parsed by the
    run's project model), or None."""
    info = _PROJECT.model.local_class(path, name)
    return info.members if info is not None else None


def _refined_classes(text, weights: dict) -> tuple[dict, tuple]:
    """``pairing.Refiner``'s classes for the methods of ``weights``, and ((path, stamp), ...) of
    the files it read (``outmoded.reads``); a class's own members come from the project model
    (``_members``), which parses the few modules asked about."""
    from outmoded.pairing import Refiner

    refiner = Refiner(text, _INDEX, _members)
    classes = refiner.classes(weights)
    return classes, refiner.reads()


class _LazyProject:
    """The project model (``project.Project``) as the engine sees it: its ``needles`` at once, the
    model itself built on the scan's first question, so a small run whose files the prefilter
    clears imports neither ``outmoded.project`` nor ``ast``."""

    def __init__(self, target: tuple[int, int], text, needles):
        self.needles = needles
        self._model = None
        self._source = (target, text)

    @property
    def model(self):
        if self._model is None:
            from outmoded.project import Project

            self._model = Project(*self._source)
            self._model.needles = self.needles
        return self._model

    def __getattr__(self, name: str):
        if name.startswith("_"):  # its own, not set yet (unpickling): never the model's private state
            raise AttributeError(name)
        return getattr(self.model, name)


def _project_needles(text):
    from outmoded.prefilter import ProjectNeedles

    return ProjectNeedles.of(derived_methods(text, _INDEX), _INDEX.words, _Outside(text))


class _Outside:
    """``chains.Chains`` for the run, made when a file defining classes and naming a removed method
    they can inherit first asks (a check of other files imports none of it)."""

    def __init__(self, text):
        self.text, self.chains = text, None

    def __call__(self, path: str, data: bytes, words) -> set:
        words = [word for word in words if _INDEX.derivable_method(word)] if b"class" in data else ()
        return self.made()(path, data, words) if words else set()

    def open_classes(self, path: str) -> set:
        return self.made().open_classes(path) if path in self.text.headers else set()

    def made(self):
        if self.chains is None:
            from outmoded.chains import Chains

            self.chains = Chains(self.text, _INDEX, _members)
        return self.chains


def _add(report: Report, cache: ResultCache | None, path: str, readable: bool, findings: list, errors: list,
         parsed: bool, reads: tuple | None = ()) -> None:
    report.findings.extend(findings)
    report.errors.extend(errors)
    report.parsed += parsed
    if cache and readable:
        cache.store_result(path, findings, errors, reads)
