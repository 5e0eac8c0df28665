"""Run the check over many files: discovery, cache, the workers for the files that miss it.

A run whose files all hit the cache imports none of the scanner (``engine`` and what it needs
are imported when a file must be checked).  Small runs stay in-process; large runs fork one
worker per core (``workers``), which inherit the index built here, so the catalog is loaded and
compiled once.  A large run whose files' text rows are not cached (a cold run) goes in two
passes, both over the workers: the first (``firstpass``) reads every file once for the project's
text index and clears the files the catalog's needles clear and the project's cannot let through
(most of them); the second, forked once the project is known, checks the rest, largest first so
the cores finish together; its first task decides the files only the project's needles can let
through (``refine``), and those still needed are added at the end.
"""

from __future__ import annotations

import os

from outmoded import reads, timeline, treeshare, workers
from outmoded.cache import RESULTS, ResultCache, digest
from outmoded.store import Store
from outmoded.catalog.compiled import fingerprint as catalog_fingerprint
from outmoded.config import Settings, cache_root
from outmoded.discover import discover, display_path, say_skipped
from outmoded.findings import FileError, Finding
from outmoded.layout import forget_files
from outmoded.records import Record
from outmoded.refine import LazyProject, decide, project_needles
from outmoded.textindex import build_text_index, scan_stamps, shadowable_names

CACHE_FORMAT = 4  # bump when the record or Finding's fields change: cached fields are positional
PARALLEL_THRESHOLD = workers.PARALLEL_THRESHOLD

class Report(Record):
    """What a run found: findings and unreadable files, and how many files were checked, parsed
    (not cleared by the prefilter) and answered from the cache.  ``free_threaded``: the target is
    the free-threaded build (``3.14t``)."""

    __slots__ = _fields = ("target", "findings", "errors", "files", "parsed", "cached", "free_threaded")

    def __init__(self, target: tuple[int, int], findings: list[Finding] | None = None,
                 errors: list[FileError] | None = None, files: int = 0, parsed: int = 0, cached: int = 0,
                 free_threaded: bool = False):
        self.target = target
        self.free_threaded = free_threaded
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.files = files
        self.parsed = parsed
        self.cached = cached

    @property
    def failed(self) -> bool:
        return bool(self.findings or self.errors)

    @property
    def target_name(self) -> str:
        """The target as the user spells it: ``3.13``, or ``3.14t`` for the free-threaded build."""
        from outmoded.catalog import format_version

        return format_version(self.target) + ("t" if self.free_threaded else "")


def run_check(paths: list[str], settings: Settings, use_cache: bool = True,
              jobs: int | None = None, nested=None, seen: set[str] | None = None,
              gitignore_root: str | None = None) -> Report:
    """``nested``, ``seen``, ``gitignore_root``: for ``discover`` (a project's walk stops at a
    nested project with settings of its own, checked by a run of its own).  What the verdicts
    read is listed for the results cache only: not in a run without one (``reads.KEPT``)."""
    kept, reads.KEPT = reads.KEPT, use_cache
    try:
        return _run_check(paths, settings, use_cache, jobs, nested, seen, gitignore_root)
    finally:
        reads.KEPT = kept
        treeshare.stop()


def _run_check(paths: list[str], settings: Settings, use_cache: bool, jobs: int | None, nested,
               seen: set[str] | None, gitignore_root: str | None) -> Report:
    from outmoded.firstpass import EarlyFirstPass, first_pass

    target = settings.resolved_target()
    report = Report(target, free_threaded=settings.free_threading)
    cwd = os.getcwd()
    workers.NOQA = not settings.ignore_noqa
    # a file's verdict also depends on the project's layout, class graph and version flags
    forget_files()
    workers.INDEX = workers.PROJECT = workers.LATER = None  # ``fix`` reuses this run's: never a previous run's
    # without a cache every Python file goes through the first pass: it starts during the walk
    early = None if use_cache or jobs == 1 else EarlyFirstPass(settings, workers.jobs_count(jobs, PARALLEL_THRESHOLD),
                                                               cwd)
    found = discover(paths, settings.root, settings.exclude + settings.extend_exclude, settings.force_exclude,
                     settings.respect_gitignore, early, nested, seen, gitignore_root)
    timeline.mark("discovered")
    report.errors.extend(FileError(display_path(e.path, cwd), e.message) for e in found.errors)
    say_skipped(found.skipped, cwd)
    report.files = len(found.files)
    store = Store(cache_root(settings)) if use_cache else None
    stamps = scan_stamps(found.files, store)
    timeline.mark("stamps")
    if early is not None and early.started:
        count, two_passes = early.workers, True
        workers.import_checkers(found.files)  # the second pass's workers inherit them; this process waits
        timeline.mark("checkers imported")
        rows, screened, named, passed = early.results()
    else:
        count = workers.jobs_count(jobs, len(stamps.missing))
        two_passes = count > 1 and workers.can_fork()  # cold: each file is read once, by the workers
        if two_passes:
            workers.INDEX = workers.index_for(settings)
            rows, screened, named, passed = first_pass(stamps.missing, count, cwd, found.inside)
        else:
            rows, screened, named, passed = {}, {}, {}, {}
    if two_passes and passed and treeshare.will_ask(passed, workers.INDEX):
        treeshare.begin(_top(next(iter(passed))))  # the files it parses ask about the whole tree: read it on the idle core
    timeline.mark("first pass done")
    text = build_text_index(stamps, rows, store)
    timeline.mark("text index")
    needles = project_needles(text) if workers.INDEX else None
    timeline.mark("needles")
    lazy = LazyProject(target, text, needles) if needles is not None else None
    if needles is not None and any(path in text.headers for path in named):  # the chains may decide them
        needles.outside.made().warm()  # before the second pass forks: its workers need the answers too
        timeline.mark("chains warm")
    cache = ResultCache(cache_root(settings), _results_key(settings, text), store, _family(settings)) \
        if use_cache else None
    if cache:
        cache.load(found.files)
    todo, later = [], []
    inside = found.inside  # a file below a directory named like a stdlib package: its names there
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
            later.append((path, display, None, inside[path]) if inside and path in inside else (path, display))
        else:
            todo.append((path, display, passed.get(path), inside[path]) if inside and path in inside
                        else (path, display, passed.get(path)))

    def took(answer: tuple) -> list:
        """``refine.decide``'s answer: the files the project's needles clear reported as such;
        the others, to check."""
        kept, cleared = answer
        for path, reads in cleared:
            _add(report, cache, path, True, [], [], False, reads)
        return kept

    if todo or later or workers.INDEX is not None:
        workers.INDEX = workers.INDEX or workers.index_for(settings)
        workers.PROJECT = lazy or LazyProject(target, text, project_needles(text))
        if two_passes or len(todo) >= PARALLEL_THRESHOLD:
            workers.PROJECT.model  # noqa: B018 (built before forking: the workers share it)
    timeline.mark("model")
    if todo or later:
        workers.tune_collector()
        treeshare.step_aside()
        if two_passes:  # the files left: few, holding most of the work; the largest first
            todo = workers.largest_first(todo, text.stamps)
            workers.LATER = (later, named, needles, text)  # decided as the workers check the rest
            if len(todo) <= 512 and later:
                results = workers.run_then(workers.work, todo, count, decide, took,
                                           lambda jobs: workers.largest_first(jobs, text.stamps))
            else:
                todo += took(decide()) if later else []
                results = workers.run_jobs(workers.work, todo, count if len(todo) > 1 else 1,
                                           1 if len(todo) <= 512 else None)
        else:
            results = workers.run_jobs(workers.work, todo, workers.jobs_count(jobs, len(todo)))
        for path, readable, findings, errors, parsed, *reads in results:
            _add(report, cache, path, readable, findings, errors, parsed, *reads)
    timeline.mark("second pass done")
    if cache:
        cache.save()
    report.findings = sorted((f for f in report.findings if settings.reports(f, f.path)),
                             key=lambda f: (f.path, f.line, f.column, f.code))
    report.errors.sort(key=lambda e: e.path)
    timeline.mark("report")
    return report


def _top(path: str) -> str:
    """The top of the project a file's whole-tree questions read (``unreached``, ``deadmethods``)."""
    from outmoded.layout import module_of
    from outmoded.projectfiles import project_root

    path = os.path.abspath(path)
    return project_root(os.path.dirname(path)) or module_of(path)[1]


def _results_key(settings: Settings, text) -> str:
    """What every cached result depends on; fixability depends on the versions too."""
    shadowable = shadowable_names() if text.shadowing else frozenset()  # only top-level modules can shadow
    return ResultCache.key(CACHE_FORMAT, catalog_fingerprint(), settings.resolved_target(), settings.pending,
                           settings.resolved_min_version(), settings.declared_floor(), text.fingerprint(shadowable),
                           *(("ignore-noqa",) if settings.ignore_noqa else ()))  # the same key as before without it


def _family(settings: Settings) -> str:
    """The family of result keys whose last ``KEEP_RESULTS`` a cache keeps: a nested project
    checked with its own Python requirement shares the enclosing project's cache directory,
    and keeps its own results there rather than evicting the enclosing project's."""
    if settings.requirement_dir is None:
        return RESULTS
    return f"{RESULTS}:{digest(os.path.realpath(settings.requirement_dir))}"


def _add(report: Report, cache: ResultCache | None, path: str, readable: bool, findings: list, errors: list,
         parsed: bool, reads: tuple | None = ()) -> None:
    report.findings.extend(findings)
    report.errors.extend(errors)
    report.parsed += parsed
    if cache and readable:
        cache.store_result(path, findings, errors, reads)
