"""Checking every dependency: fetch each project once, concurrently, then judge each line."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from packaging.utils import canonicalize_name

from outmoded.deps import readiness
from outmoded.deps.index import IndexClient, IndexProblem
from outmoded.deps.model import (
    INCOMPATIBLE,
    INDEX_ERROR,
    INVALID,
    OK,
    UNKNOWN,
    Result,
    Verdict,
)
from outmoded.deps.progress import Progress
from outmoded.deps.readiness import Build
from outmoded.deps.simple import PageError, parse_page

WORKERS = 8  # small: polite to the index, and plenty for a requirements file


def fetch_all(names: list, client: IndexClient, stream=None) -> dict:
    """canonical name -> release files, or the ``IndexProblem`` that stopped us."""
    unique = list(dict.fromkeys(canonicalize_name(n) for n in names))
    if not unique:
        return {}
    progress = Progress(len(unique), stream)
    try:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(unique))) as pool:
            answers = list(pool.map(lambda name: _load(client, name, progress), unique))
    finally:
        progress.close()
    return dict(zip(unique, answers))


def _load(client: IndexClient, name: str, progress: Progress):
    try:
        page = client.fetch(name)
        return parse_page(page.body, page.content_type, name)
    except IndexProblem as problem:
        return problem
    except PageError as error:
        return IndexProblem(INDEX_ERROR, str(error))
    finally:
        progress.advance()


def assess(dep, answer, version: tuple, free_threading: bool) -> Result:
    result = Result(dep)
    if dep.error:
        result.reason, result.message = INVALID, dep.error
    elif isinstance(answer, IndexProblem):
        result.reason, result.message = answer.reason, answer.message
    else:
        _judge(result, readiness.by_version(answer), version, free_threading)
        return result
    result.free_threading = UNKNOWN if free_threading else None
    return result


def _judge(result: Result, releases: dict, version: tuple, free_threading: bool) -> None:
    dep = result.dependency
    chosen, files = readiness.choose(dep.requirement.specifier, releases, Build(version))
    pre = bool(chosen and chosen.is_prerelease)  # a pre-release pin may upgrade to one too
    builds = [Build(version)] + ([Build(version, True)] if free_threading else [])
    verdicts = []
    for build in builds:
        verdict = _verdict(chosen, files, build, dep, bool(releases))
        minimum = readiness.minimum_ready(releases, build, dep.platforms, pre)
        verdicts.append((build, verdict, str(minimum) if minimum else None))
    result.version = str(chosen) if chosen else None
    result.yanked = bool(files) and all(f.yanked for f in files)
    _record(result, verdicts)


def _verdict(chosen, files: list, build: Build, dep, any_release: bool) -> Verdict:
    if chosen is None:
        spec = dep.requirement.specifier
        what = (f"no release matches {spec}" if spec else "every release is yanked") \
            if any_release else "no release files on the index"
        return Verdict(INCOMPATIBLE, what)
    return readiness.judge(files, build, dep.platforms)


def _record(result: Result, verdicts: list) -> None:
    (build, verdict, minimum), *rest = verdicts
    result.status, result.minimum_ready = verdict.status, minimum
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
    if verdict.status == OK:
        return text
    upgrade = f"first ready release {minimum}" if minimum else \
        f"no release is ready for Python {build.label} yet"
    return f"{text}; {upgrade}"


def check(deps: list, client: IndexClient, version: tuple, free_threading: bool,
          stream=None) -> list:
    """A ``Result`` per dependency, in input order; ``stream`` shows progress if a terminal."""
    names = [d.name for d in deps if d.requirement is not None]
    answers = fetch_all(names, client, stream)
    return [assess(d, answers.get(canonicalize_name(d.name)), version, free_threading) for d in deps]
