"""Checking every dependency: fetch each project once, concurrently, then judge each line.

A release ready by its tags is then judged by its code (``code``): the file the target would
install is fetched (only its library members when the server allows ranges) and checked.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from outmoded.deps import failing, metadata, pinned, readiness
from outmoded.deps.beside import beside, installed_by
from outmoded.deps.code import judge_file
from outmoded.deps.index import IndexClient, IndexProblem
from outmoded.deps.model import (
    BREAKS,
    INCOMPATIBLE,
    INDEX_ERROR,
    INVALID,
    OK,
    SOURCE_ONLY,
    UNKNOWN,
    Result,
    Verdict,
)
from outmoded.deps.platforms import compatible_tags
from outmoded.deps.progress import Progress
from outmoded.deps.readiness import Build
from outmoded.deps.simple import PageError, parse_page
from outmoded.deps.upgrade import MAX_DOWNLOADS, Found, first_ready
from outmoded.deps.verdictcache import VerdictCache

WORKERS = 8  # small: polite to the index, and plenty for a requirements file


def fetch_all(names: list, client: IndexClient, stream=None, floors: dict | None = None) -> dict:
    """canonical name -> release files, or the ``IndexProblem`` that stopped us.

    ``floors``: canonical name -> the lowest version that matters (see ``parse_page``)."""
    unique = list(dict.fromkeys(canonicalize_name(n) for n in names))
    if not unique:
        return {}
    floors = floors or {}
    progress = Progress(len(unique), stream)
    try:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(unique))) as pool:
            answers = list(pool.map(lambda name: _load(client, name, progress, floors.get(name)), unique))
    finally:
        progress.close()
    return dict(zip(unique, answers))


def _load(client: IndexClient, name: str, progress: Progress, floor=None):
    try:
        page = client.fetch(name)
        files = parse_page(page.body, page.content_type, name, client.project_url(name), floor)
        if floor is not None and not any(f.version == floor for f in files):
            # the pin names no release: every release may be worth suggesting
            files = parse_page(page.body, page.content_type, name, client.project_url(name))
        return files
    except IndexProblem as problem:
        return problem
    except PageError as error:
        return IndexProblem(INDEX_ERROR, str(error))
    finally:
        progress.advance()


class Code:
    """Code verdicts for one run: each release file judged at most once (``code.judge_file``
    caches on disk too); ``None`` as the client means tags only."""

    def __init__(self, client: IndexClient | None, cache: VerdictCache | None, version: tuple,
                 limit: int = MAX_DOWNLOADS):
        self.client, self.cache, self.version, self.limit = client, cache, version, limit
        self._seen, self._lock = {}, threading.Lock()
        self.declared = {}  # filename -> Requires-Python from its metadata file (or None)
        self.installed = {}  # a file -> what is installed with it on the target (``beside.installed_by``)

    def of(self, dist, project: str, file: str = ""):
        """The code verdict of ``dist``, a release of ``project``, as installed from ``file``: the
        backports a lock or requirements file installs are there for every release in it (``beside``)."""
        if self.client is None:
            return None
        with self._lock:
            event = self._seen.get(dist.filename)
            owner = event is None
            if owner:
                event = self._seen[dist.filename] = [threading.Event(), None]
        if owner:
            event[1] = judge_file(self.client, self.cache, dist, project, self.version)
            event[0].set()
        event[0].wait()
        return beside(event[1], self.installed.get(file, frozenset())) if file else event[1]


def assess(dep, answer, version: tuple, free_threading: bool, code: Code | None = None) -> Result:
    result = Result(dep)
    if dep.error:
        result.reason, result.message = INVALID, dep.error
    elif isinstance(answer, IndexProblem):
        result.reason, result.message = answer.reason, answer.message
    else:
        _judge(result, readiness.by_version(answer), version, free_threading, code or Code(None, None, version))
        return result
    result.free_threading = UNKNOWN if free_threading else None
    return result


def _index_of(dep, client: IndexClient) -> str:
    """The index ``dep`` is judged on: the one its lock records it from (torch 2.5.1+cpu from
    PyTorch's CPU index: uv's ``source = { registry = ... }``, Poetry's ``[[tool.poetry.source]]``)
    when it is not the one the run asks, as uv and Poetry install it from there; else "", the
    run's own."""
    return dep.index if dep.index and dep.index != client.base.rstrip("/") else ""


def _named_index(result: Result) -> Result:
    """Says which index judged a dependency the lock records from another one."""
    result.message += f" (judged on {result.dependency.index}, the index the lock records it from)"
    return result


def _judge(result: Result, releases: dict, version: tuple, free_threading: bool, code: Code) -> None:
    dep = result.dependency
    chosen, files = readiness.choose(dep.requirement.specifier, releases, Build(version))
    pre = bool(chosen and chosen.is_prerelease)  # a pre-release pin may upgrade to one too
    builds = [Build(version)] + ([Build(version, True)] if free_threading else [])
    verdicts = []
    for build in builds:
        verdict, checked = _verdict(chosen, files, build, dep, bool(releases), code)
        verdict = _failing(result, verdict, chosen, build)
        if result.code is None and checked is not None:
            result.code = checked
        found = Found(chosen) if verdict.status == OK else _minimum(releases, chosen, build, dep, pre, code)
        result.search_cut_short |= found.cut_short
        verdicts.append((build, verdict, str(found.version) if found.version else None))
    result.version = str(chosen) if chosen else None
    pure = _pure_sdist(files, result.code) and (readiness.WITHOUT_EXTENSIONS if result.code.optional_extensions else True)
    result.per_platform = readiness.per_platform(releases, chosen, files, Build(version), dep.platforms, pre, pure)
    result.yanked = bool(files) and all(f.yanked for f in files)
    _record(result, verdicts)


def _failing(result: Result, verdict: Verdict, chosen, build: Build) -> Verdict:
    """``breaks`` for a release ready by its tags and code that is known to fail on the target
    (``failing``: pydantic 1.10.8 and SQLAlchemy 2.0.15 on the real 3.13), or that pip would build
    there and whose build is known to fail whatever the compiler (PyYAML 6.0: Cython 3)."""
    known = failing.failure(result.dependency.name, chosen, build.version) \
        if verdict.status in (OK, SOURCE_ONLY) else None
    if known is None:
        return verdict
    result.known_failure = known
    built = f"{verdict.missing}: pip cannot build it: " if verdict.missing else ""  # pip builds its sdist
    return Verdict(BREAKS, built + known.message(build.label), verdict.lacking, missing=verdict.missing)


def _verdict(chosen, files: list, build: Build, dep, any_release: bool, code: Code) -> tuple:
    """(Verdict, the CodeVerdict it rests on or None)."""
    if chosen is None:
        spec = dep.requirement.specifier
        what = (f"no release matches {spec}" if spec else "every release is yanked") \
            if any_release else "no release files on the index"
        return Verdict(INCOMPATIBLE, what), None
    tags = readiness.judge(files, build, dep.platforms)
    no_wheels = not any(f.kind == "wheel" for f in files)
    if tags.status == SOURCE_ONLY and not no_wheels:
        return _refused(tags, files, build, dep, code)
    if tags.status not in (OK, SOURCE_ONLY):
        return tags, None
    dist = installed_file(files, build, dep.platforms)
    declared = _metadata_excludes(code, dist, build)
    if declared is not None:
        return Verdict(INCOMPATIBLE, f"requires-python {declared} (in {dist.filename}'s metadata) "
                                     f"excludes Python {build.label}"), None
    checked = code.of(dist, dep.name, dep.file) if dist else None
    if checked is None:
        return tags, None
    if checked.problem:
        if tags.status != OK:
            tags.message += f" (and its code could not be checked: {checked.problem})"
            return tags, checked
        return Verdict(UNKNOWN, f"{tags.message}, but its code could not be checked: {checked.problem}",
                       reason=checked.reason), checked
    refused = _refusal(checked, build)
    if refused is not None:
        return refused, checked
    if checked.breaks:
        return Verdict(BREAKS, f"{checked.summary()}", tags.lacking), checked
    if tags.status == SOURCE_ONLY and _pure_sdist(files, checked):
        pure = readiness.WITHOUT_EXTENSIONS if checked.optional_extensions else True
        return readiness.judge(files, build, dep.platforms, pure_sdist=pure), checked
    return tags, checked


# read for its setup.py when the target would build it: numba 0.61.2 (2.7 MB), SQLAlchemy 1.3.24
# (6.3 MB), scikit-learn 0.23.2 (7.2 MB), statsmodels 0.12.1 (17.4 MB); once per release file (cached)
SMALL_SDIST = 32 * 1024 * 1024


def _refused(tags, files: list, build: Build, dep, code: Code) -> tuple:
    """A release the target would build from its sdist, for want of a wheel: incompatible when the
    sdist's setup.py refuses the target (numba 0.61.2 at 3.14); judged by its code, as an sdist
    with nothing to compile is, when its setup.py lets the compiled extensions fail (MarkupSafe
    1.1.1, wheels up to cp39: pip on the target builds its pure-Python code; ``optionalext``);
    ``breaks`` when its setup.py fails there whatever the compiler (pandas 1.1.5's ``import
    pkg_resources``: ``setupbuild``), or its shipped C, generated by a Cython whose C the target
    cannot compile, is what the build compiles (uvloop 0.14.0, wheels up to cp38, ships ``loop.c``
    from Cython 0.29.13, which fails on pyenv's 3.13.0 at ``#include "longintrepr.h"``); else as
    its tags say: a name-by-name finding in its C or Python is no proof the build fails, as it
    decides which sources it compiles and installs (numpy 1.26.4's meson build installs no
    ``numpy/distutils`` on 3.12 and later, where those findings were). The sdist is read when the index says
    it is at most ``SMALL_SDIST`` bytes."""
    sdist = small_sdist(files, build)
    checked = code.of(sdist, dep.name, dep.file) if sdist else None
    refused = _refusal(checked, build) if checked is not None else None
    if refused is not None:
        return refused, checked
    if checked is not None and not checked.problem and (checked.build or checked.uncompilable
                                                        and not checked.optional_extensions):
        return Verdict(BREAKS, f"{tags.missing}: {checked.summary()}", tags.lacking), checked
    if checked is not None and not checked.problem and checked.optional_extensions:
        if checked.breaks:
            return Verdict(BREAKS, checked.summary(), tags.lacking), checked
        return readiness.judge(files, build, dep.platforms, pure_sdist=readiness.WITHOUT_EXTENSIONS), checked
    return tags, None


def small_sdist(files: list, build: Build):
    """The release's sdist for ``build`` when the index says it is at most ``SMALL_SDIST`` bytes."""
    return next((f for f in files if f.kind == "sdist" and f.size is not None and f.size <= SMALL_SDIST
                 and readiness.python_allows(f.requires_python, build.version)), None)


def _refusal(checked, build: Build):
    """The verdict of an sdist whose setup.py raises on the target's version (``setupguard``)."""
    from outmoded.deps.setupbuild import REFUSES_CODE

    if checked is None or checked.problem or not checked.build or checked.build[0].code != REFUSES_CODE:
        return None
    refusal = checked.build[0]
    return Verdict(INCOMPATIBLE, f"its setup.py refuses Python {build.label}: {refusal.path}:{refusal.line} raises "
                                 f"{refusal.message.partition(': ')[2]}")


def _pure_sdist(files: list, checked) -> bool:
    """Is the release only an sdist whose build compiles nothing (``shipped.compiles``)?  pip
    builds it on any Python its code runs on: pyftpdlib 2.2.0 ships no wheel."""
    return checked is not None and checked.compiles is False and not any(f.kind == "wheel" for f in files)


def _built_without_extensions(checked) -> bool:
    """Does pip build the release's sdist (``checked``) into working code without a compiler: its
    setup.py goes on without the compiled extensions (``optionalext``), nothing fails the build,
    and its code runs (the verdict ``_refused`` gives it)?"""
    return checked.optional_extensions and not checked.build and not checked.breaks


def _metadata_excludes(code: Code, dist, build: Build):
    """The ``Requires-Python`` of ``dist``'s PEP 658 metadata when the page lacks one and it
    excludes the target, else None."""
    if dist is None or dist.requires_python is not None:
        return None
    if dist.filename not in code.declared:
        code.declared[dist.filename] = metadata.requires_python(code.client, dist)
    declared = code.declared[dist.filename]
    return declared if declared is not None and not readiness.python_allows(declared, build.version) else None


def installed_file(files: list, build: Build, platforms: tuple):
    """The file pip would install for ``build`` on the first platform: a wheel whose tags match
    (pure first, then the most specific tag), else the sdist (a .zip before a tarball)."""
    usable = [f for f in files if readiness.python_allows(f.requires_python, build.version)]
    if platforms:
        accepted = compatible_tags(build.version, platforms[0], build.free_threading)
        wheels = [f for f in usable if f.kind == "wheel" and f.tags & accepted]
        pure = [f for f in wheels if any(t.platform == "any" for t in f.tags)]
        if pure or wheels:
            return (pure or wheels)[0]
    sdists = sorted((f for f in usable if f.kind == "sdist"), key=lambda f: not f.filename.endswith(".zip"))
    return sdists[0] if sdists else None


def _minimum(releases: dict, chosen, build: Build, dep, pre: bool, code: Code):
    """The first release at or after ``chosen`` ready by tags and code (``upgrade``)."""
    live = readiness.live_releases(releases)
    later = [v for v in sorted(live) if (chosen is None or v >= chosen) and (pre or not v.is_prerelease)]
    tags = {v: readiness.judge(live[v], build, dep.platforms).status for v in later}
    # only an sdist: ready if its build compiles nothing (``_pure_sdist``).  The release that a
    # known failure of the requested one says runs (``failing``), with wheels for other Pythons
    # only: ready if its small sdist's build goes on without its compiled extensions
    # (``_built_without_extensions``: PyYAML 5.4.1's 6.0.1 at 3.15, as ``_refused`` judges it); not
    # every such release, whose sdists (numpy's, 20 MB each) the search would download
    sdist_only = {v for v in later if tags[v] == SOURCE_ONLY and not any(f.kind == "wheel" for f in live[v])}
    known = failing.failure(dep.name, chosen, build.version)
    built = {v for v in later if known is not None and v == known.fixed_in and tags[v] == SOURCE_ONLY
             and v not in sdist_only and small_sdist(live[v], build)}
    candidates = [v for v in later if (tags[v] == OK or v in sdist_only or v in built)
                  and failing.failure(dep.name, v, build.version) is None]

    def is_clean(version):
        dist = installed_file(live[version], build, dep.platforms)
        if _metadata_excludes(code, dist, build):
            return False
        checked = code.of(dist, dep.name, dep.file) if dist else None
        if checked is None:
            return version not in sdist_only and version not in built  # tags only: an sdist is not known to be pure
        if checked.problem:
            return None
        if version in built:
            return _built_without_extensions(checked)
        return not checked.breaks and (version not in sdist_only or _pure_sdist(live[version], checked))

    return first_ready(candidates, is_clean, code.limit, frozenset([chosen]))


def _record(result: Result, verdicts: list) -> None:
    (build, verdict, minimum), *rest = verdicts
    result.status, result.minimum_ready = verdict.status, minimum
    result.reason = verdict.reason or result.reason
    result.platforms_without_wheels = verdict.lacking
    result.message = _sentence(result, build, verdict, minimum)
    for build, verdict, minimum in rest:
        result.free_threading, result.free_threading_minimum_ready = verdict.status, minimum
        result.free_threading_platforms_without_wheels = verdict.lacking
        result.free_threading_message = _sentence(result, build, verdict, minimum)
        if verdict.status != OK:
            result.message += f"; free-threaded build {build.label}: " + (
                result.free_threading_message if result.status == OK else _brief(verdict, minimum))


def _brief(verdict, minimum) -> str:
    """The free-threaded verdict without repeating what the main one already said."""
    return f"{verdict.status}, " + (f"first ready release {minimum}" if minimum else "no ready release yet")


def _sentence(result: Result, build: Build, verdict, minimum) -> str:
    text = f"{result.version}: {verdict.message}" if result.version else verdict.message
    if result.yanked:
        text += " (this release is yanked)"
    if verdict.status in (OK, UNKNOWN):
        return text
    upgrade = f"first ready release {minimum}" if minimum else \
        f"no release is ready for Python {build.label} yet"
    if minimum and result.search_cut_short:
        upgrade += " (search cut short: an earlier release may be ready too)"
    return f"{text}; {upgrade}"


def _floors(deps: list) -> dict:
    """Per project, the pinned version when every requirement on it is a pin: nothing older
    is chosen or suggested (``minimum_ready`` looks at or after the requested release)."""
    floors = {}
    for dep in deps:
        if dep.requirement is None:
            continue
        name, spec = canonicalize_name(dep.name), dep.requirement.specifier
        pin = None
        if readiness.is_pinned(spec) and next(iter(spec)).operator == "==":
            try:
                pin = Version(next(iter(spec)).version)
            except InvalidVersion:
                pin = None
        floors[name] = None if pin is None or (name in floors and floors[name] is None) \
            else min(pin, floors.get(name) or pin)
    return floors


def check(deps: list, client: IndexClient, version: tuple, free_threading: bool,
          stream=None, code: bool = True, verdicts: VerdictCache | None = None,
          limit: int = MAX_DOWNLOADS, locked: frozenset = frozenset(), together: dict | None = None) -> list:
    """A ``Result`` per dependency, in input order; ``stream`` shows progress if a terminal.

    ``code``: also judge each release's code (else tags only); ``verdicts`` caches those.
    A dependency read from a file not in ``locked`` is judged by what it pins too (``pinned``).
    ``together``: a file -> the files installed with it (``sources.Collected.together``; by
    default each file in ``locked`` alone): a backport any of them names is there (``beside``).
    """
    clients = {"": client} | {key: client.sibling(key) for d in deps if (key := _index_of(d, client))}
    verdicts = verdicts or VerdictCache(None)
    answers, judges = {}, {}
    installed = installed_by(deps, {file: frozenset({file}) for file in locked} if together is None else together,
                             version)
    for key, asked in clients.items():
        mine = [d for d in deps if _index_of(d, client) == key]
        names = [d.name for d in mine if d.requirement is not None]
        answers[key] = fetch_all(names, asked, stream, _floors(mine))
        judges[key] = Code(asked if code else None, verdicts, version, limit)
        judges[key].installed = installed
    if not deps:
        return []

    def one(dep):
        key = _index_of(dep, client)
        result = assess(dep, answers[key].get(canonicalize_name(dep.name)), version, free_threading, judges[key])
        return _named_index(result) if key else result

    with ThreadPoolExecutor(max_workers=min(WORKERS, len(deps))) as pool:
        results = list(pool.map(one, deps))
    unlocked = [r for r in results if r.dependency.file not in locked]
    if unlocked and code:  # --tags-only downloads nothing, metadata included
        pinned.judge(unlocked, answers[""], version, lambda more: fetch_all(more, client), judges[""])
    return results
