"""The project's part of a run: its model, its needles, and the files only they can let through.

The catalog's needles clear most files; a file naming a removed method a project class may
inherit (``unittest.TestCase.assertEquals`` on a project's own test base) is let through only
by the project's needles (``prefilter.ProjectNeedles``).  A cold run's first pass leaves such
files here: most are cleared by the by-name pairing of methods with project classes; the few it
keeps are decided by the imports of their classes' bases (``pairing.Refiner``) or, for a class
whose chain leaves what the checked files' headers say, by the chains (``chains``).  This runs
in a worker, the second pass's first task, while the others check the files the catalog's
needles let through (``decide``).
"""

from __future__ import annotations

from outmoded import reads, workers
from outmoded.source import SourceError, read_bytes
from outmoded.textindex import derived_methods

PAIRED_CLASSES_READ = 32  # more class words than this are looked for among the identifiers, not as substrings


def refine(later: list, named: dict, opened: set, needles, text, clear) -> list:
    """The jobs of ``later`` (files naming methods, ``named``: path -> method words) the by-name
    pairing, then the bases' imports, clear, given to ``clear(path, reads)``; the others, to
    check, largest first.  ``opened``: the files defining a class whose chain leaves the
    checked files' headers (the chains decide them)."""
    kept, weights = [], {}
    for job in later:
        if not cleared_by_project(job[0], named[job[0]], needles.classes):
            for method in named[job[0]].intersection(needles.classes):
                weights[method] = weights.get(method, 0) + workers.size(text.stamps, job[0])
        elif job[0] not in opened:
            clear(job[0], needles.outside.closed_by.get(job[0], ()))
            continue
        kept.append(job)
    refined, read = refined_classes(text, weights) if weights else ({}, ())
    classes = dict(needles.classes)
    classes.update(refined)
    for job in list(kept):
        if cleared_by_project(job[0], named[job[0]], classes):
            outside = needles.outside.made().verdict(job[0], named[job[0]]) if job[0] in opened else ()
            if outside is None:
                continue  # a class whose chain leaves the checked files' headers lets it through
            # the verdict read the files holding the bases: a later run rechecks when one changes
            clear(job[0], tuple(sorted({**dict(read), **dict(outside)}.items())) if reads.KEPT else ())
            kept.remove(job)
    return workers.largest_first(kept, text.stamps)


def decide(_=None) -> tuple[list, list]:
    """``refine`` over the files of ``workers.LATER`` (jobs, named, needles, text index): (the jobs
    to check, largest first; (path, reads) of the files cleared).  The second pass's first task:
    a worker decides while the others start on the files the catalog's needles let through (in
    this process it would take a third of the cores' time from them, and they would wait for it
    when those files are few).  Those defining a class whose chain leaves what the checked
    files' headers say are decided by the chains (``chains``)."""
    later, named, needles, text = workers.LATER
    opened = {path for path in named if needles.outside.open_classes(path)}
    cleared: list = []
    kept = refine(later, named, opened, needles, text, lambda path, read: cleared.append((path, read)))
    return kept, cleared


def cleared_by_project(path: str, methods: frozenset, classes: dict) -> bool:
    """Is a file the catalog's needles cleared, naming ``methods``, also cleared by the project's
    needles (``classes``: method -> project class words)?  Yes when no named method is paired
    with a class, or when none of the paired classes appears in the file's bytes (not even as a
    substring: then it is not one of its identifiers, which is all ``candidate_words`` asks)."""
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


def members(path: str, name: str):
    """The names a project class defines itself (``ClassInfo.members``, its module parsed by the
    run's project model), or None."""
    info = workers.PROJECT.model.local_class(path, name)
    return info.members if info is not None else None


def refined_classes(text, weights: dict) -> tuple[dict, tuple]:
    """``pairing.Refiner``'s classes for the methods of ``weights``, and ((path, stamp), ...) of
    the files it read (``outmoded.reads``), the places ``find_module`` found empty too (a module
    created there later changes what a base binds); a class's own members come from the project
    model (``members``), which parses the few modules asked about."""
    from outmoded.pairing import Refiner

    refiner = Refiner(text, workers.INDEX, members)
    if not reads.KEPT:  # nothing listed: a run without a results cache
        return refiner.classes(weights), ()
    with reads.recording() as read:
        classes = refiner.classes(weights)
    # listed with every file it clears: by reference when many (``reads.compact``)
    return classes, tuple(sorted(reads.compact({**read, **dict(refiner.reads())}).items()))


class LazyProject:
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


def project_needles(text):
    from outmoded.prefilter import ProjectNeedles

    return ProjectNeedles.of(derived_methods(text, workers.INDEX), workers.INDEX.words, Outside(text))


class Outside:
    """``chains.Chains`` for the run, made when a file defining classes and naming a removed method
    they can inherit first asks (a check of other files imports none of it)."""

    def __init__(self, text):
        self.text, self.chains = text, None
        self.closed_by: dict = {}  # path -> ((path, stamp), ...) telling its classes are not open read

    def __call__(self, path: str, data: bytes, words) -> set:
        words = [word for word in words if workers.INDEX.derivable_method(word)] if b"class" in data else ()
        return self.made()(path, data, words) if words else set()

    def open_classes(self, path: str) -> set:
        """The file's open classes (``Chains.open_classes``); what telling read (``Chains.misbound``:
        where its imports look for a base named like a checked class) kept for its verdict, in a
        run with a results cache (``reads.KEPT``)."""
        if path not in self.text.headers:
            return set()
        if not reads.KEPT:
            return self.made().open_classes(path)
        with reads.recording() as read:
            found = self.made().open_classes(path)
        self.closed_by[path] = tuple(sorted(read.items()))
        return found

    def made(self):
        if self.chains is None:
            from outmoded.chains import Chains

            self.chains = Chains(self.text, workers.INDEX, members)
        return self.chains
