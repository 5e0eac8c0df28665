"""The first pass of a cold run: every Python file read once, by the workers.

A run without cached text rows needs every file's class headers and version flags (the project's
text index, ``textindex``) before the project's needles are known.  The workers read each file
once for its row and screen it with the catalog's needles (``engine.screen``): most files are
cleared whatever the project; the rest either pass the catalog's needles (the second pass checks
them) or name a method the project's needles decide on (``refine``).  Without a cache the pass
starts during discovery's walk (``EarlyFirstPass``).
"""

from __future__ import annotations

import sys

from outmoded import reads, timeline, treeshare, workers
from outmoded.classheaders import read_headers
from outmoded.discover import display_path
from outmoded.findings import FileError
from outmoded.source import SourceError, read_bytes
from outmoded.textindex import derivable_methods


def screen_work(job: tuple):
    """First pass over a Python file (``job``: path, display path, and the names of
    ``Discovery.inside`` for a file it records): its text row, its result when known without
    the project, else what ``engine.screen`` says the project's needles must decide, and the
    screen's words it names, each between spaces (None: not known)."""
    from outmoded.engine import FileResult, screen

    path, display = job[0], job[1]
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return path, None, (False, [], [FileError(display, str(exc))], False), None
    record = read_headers(data)
    words: list = []
    result = screen(display, data, workers.INDEX, *workers.SCREEN, noqa=workers.NOQA, keep_reads=reads.KEPT,
                    inside=job[2] if len(job) > 2 else None, record=words)
    # one bytes object, the words between spaces: a set of them costs the parent ~2 us a word to
    # unpickle (Django 5.2.8's 2,818 files name 20,238), in the pass it waits on the workers
    words = b" %s " % b" ".join(words[0]) if words else None
    if isinstance(result, FileResult):
        return path, record, (True, result.findings, result.errors, result.parsed, result.reads), words
    return path, record, result, words


def screen_chunk(jobs: list) -> list:
    return [screen_work(job) for job in jobs]


def first_pass(paths: list[str], count: int, cwd: str, inside: dict) -> tuple[dict, dict, dict, dict]:
    """Every file read once by ``count`` workers: (text rows, results known without the project,
    method words the project's needles decide on, the catalog's words held in the files its
    needles let through), each by path.  ``inside``: ``Discovery.inside``."""
    prepare_screen()
    treeshare.prepare()
    jobs = [(p, display_path(p, cwd), *((inside[p],) if p in inside else ())) for p in paths] if inside \
        else [(p, display_path(p, cwd)) for p in paths]
    return screened(workers.run_jobs(screen_work, jobs, count))


def prepare_screen() -> None:
    from outmoded.projectfiles import SETATTR

    methods = derivable_methods(workers.INDEX)
    # and ``setattr``, which no needle holds: the files naming it are where ``restorers`` looks
    # for a name put back by ``setattr(`` (``projectfiles.Tree.naming``)
    workers.SCREEN = (workers.INDEX.words | methods | {SETATTR}, methods)
    workers.tune_collector()


def compile_patterns() -> None:
    """Compile the patterns the first pass reads most files with (``classheaders.read_headers``'
    class headers and version flags, ``importlines``' import statements and dynamic imports):
    called in the parent before it forks the first pass's workers (``workers.import_checker``),
    which then share them; every first-pass worker of a cold check of Django 5.2.8 and of Twisted
    18.9 compiled each of them itself.  And ``masking.TOKEN_RE``, which ``oldsyntax`` masks a file
    naming a Python 2 statement with (both first-pass workers on Twisted, one on Django compiled
    it, 3.3M instructions each): this process compiles it anyway before a second pass
    (``sieve.compile_patterns``)."""
    from outmoded import classheaders, importlines, masking

    for pattern in (classheaders.CLASS_RE, classheaders.FLAG_LINE_RE, importlines.STATEMENT_RE,
                    importlines.DYNAMIC_IMPORT_RE, masking.TOKEN_RE):
        pattern.compiled()


def screened(results) -> tuple[dict, dict, dict, dict]:
    """The first pass's answers (``results``, read as the workers give them) sorted out."""
    from outmoded.prefilter import Passed

    # the catalog index's tables, decoded here while the workers read (~5 ms): what the run asks
    # between the passes (``derived_methods``) and the second pass's workers need them; frozen
    # with the rest of start-up's objects, or every collection until the next fork walks them
    timeline.mark("screened")
    workers.INDEX.methods  # noqa: B018
    workers.tune_collector()
    rows, known, named, passed, words = {}, {}, {}, {}, {}
    answered = False  # the project's questions a finding asks (``treeshare.answer_here``)
    for path, record, result, found in results:
        if record is not None:
            rows[path] = record
        if found is not None:
            words[path] = found
        if isinstance(result, tuple):
            known[path] = result
        elif isinstance(result, Passed):  # the catalog's needles let it through
            passed[path] = result
            if "outmoded.scan" not in sys.modules:  # the second pass parses: its workers will need it
                workers.import_checker(True)  # while the first pass's workers still run
            if not answered and treeshare.will_ask({path: result}, workers.INDEX):  # it will have findings
                treeshare.answer_here(path, workers.INDEX.target)
                answered = True
        else:
            named[path] = result
    from outmoded.projectfiles import first_pass_named  # here: a check of a few files has no first pass

    first_pass_named(words, workers.SCREEN[0])
    return rows, known, named, passed


class EarlyFirstPass:
    """The first pass of a run without a cache, fed by discovery as it walks: once the walk has
    found enough Python files for workers to pay (``PARALLEL_THRESHOLD``), they start reading
    them in chunks while the walk goes on (a walk of Django's sdist is ~0.1 s of one core)."""

    CHUNK = 64
    LAST_CHUNK = 8  # the files found last go in smaller chunks: the workers finish together

    def __init__(self, settings, count: int, cwd: str):
        self.settings, self.workers, self.cwd = settings, count, cwd
        self.pending: list = []
        self.futures: list = []
        self.pool = None
        self.started = False

    def __call__(self, path: str, inside: frozenset) -> None:
        if self.workers < 2 or not path.endswith(".py"):  # .py: what scan_stamps reads, the first pass's files
            return
        self.pending.append((path, display_path(path, self.cwd), inside) if inside
                            else (path, display_path(path, self.cwd)))
        if not self.started:
            if len(self.pending) >= workers.PARALLEL_THRESHOLD:
                self._start()
                if self.started:  # a chunk for each worker at once
                    self._submit(len(self.pending), -(-len(self.pending) // self.workers))
        elif len(self.pending) >= 2 * self.CHUNK:  # a chunk kept back for the end, cut small
            self._submit(self.CHUNK)

    def _start(self) -> None:
        if not workers.can_fork():
            self.workers = 1  # never starts: the run goes as without it
            self.pending = []
            return
        timeline.mark("early start")
        workers.import_checker(False)
        timeline.mark("engine imported")
        workers.INDEX = workers.index_for(self.settings)
        timeline.mark("index")
        prepare_screen()
        timeline.mark("screen prepared")
        treeshare.prepare()
        self.pool = workers.pool(self.workers)
        self.started = True
        timeline.mark("first pass started")

    def _submit(self, count: int, chunk: int = CHUNK) -> None:
        """The first ``count`` files found and not yet given to the workers, ``chunk`` a task."""
        for start in range(0, count, chunk):
            self.futures.append(self.pool.submit(screen_chunk, self.pending[start:min(start + chunk, count)]))
        del self.pending[:count]

    def results(self) -> tuple[dict, dict, dict, dict]:
        self._submit(len(self.pending), self.LAST_CHUNK)
        try:
            return screened(result for future in self.futures for result in future.result())
        finally:
            self.pool.shutdown()
