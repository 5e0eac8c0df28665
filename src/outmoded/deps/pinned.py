"""What a dependency itself pins: a release ready by its own files is not ready when its metadata
requires an exact version, or a range below an upper bound, that does not install on the target.

transformers 2.5.1 has a pure wheel, but its ``Requires-Dist`` says ``tokenizers==0.5.2``, whose
wheels stop at cp38: pip on 3.14 builds tokenizers from source (Rust) before transformers can
install.  Asked only of dependencies read from plain requirements (a lock file lists every
package already, each judged on its own row).

One level deep: the requirement lines of the file the target installs, as its code verdict read
them (a wheel's ``METADATA``, an sdist's ``PKG-INFO`` or egg-info: ``requires``; the file is
fetched once, the lines cached with the verdict, nothing run), each requirement whose marker holds on
the target with no extra, and whose specifier bounds it from above (``==``, ``===``, ``~=``,
``<``, ``<=``).  The version pip would pick for it (``readiness.choose``) is judged by its tags
alone, as a direct dependency's files are (``readiness.judge``): its code, what it requires in
turn and the setup.py refusals are not looked at.  The parent's status becomes the worse of its
own and the required one's (``source-only``, ``incompatible``), with no upgrade searched; a
parent whose own verdict is as bad keeps it and its upgrade, the pins named beside.
"""

from __future__ import annotations

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from outmoded.deps import readiness
from outmoded.deps.index import IndexProblem
from outmoded.deps.model import BREAKS, INCOMPATIBLE, OK, SOURCE_ONLY
from outmoded.deps.readiness import Build
from outmoded.deps.target import selected_platforms

UPPER = ("==", "===", "~=", "<", "<=")  # operators that keep the newest releases out
SHOWN = 3  # requirements named in the message; JSON lists them all
RANK = {OK: 0, SOURCE_ONLY: 1, BREAKS: 2, INCOMPATIBLE: 3}
INSTALLS = (OK, SOURCE_ONLY, BREAKS)  # verdicts of a release pip installs, whose pins matter


def requires_dist(code, dist, project: str) -> list | None:
    """The requirement lines ``dist`` declares, as its code verdict read them from its metadata
    (``code.judge_file``: the file is fetched once for both); None when it was not read."""
    checked = code.of(dist, project) if dist is not None and code is not None else None
    return checked.requires if checked is not None and not checked.problem else None


def bounded(lines: list, version: tuple, platforms: tuple) -> list:
    """(Requirement, platforms its marker selects) of each line bounded from above on the target."""
    found = []
    for line in lines:
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue  # pip refuses the release then; not ours to judge here
        if not any(spec.operator in UPPER for spec in requirement.specifier):
            continue
        selected = selected_platforms(requirement, version, platforms)
        if selected:
            found.append((requirement, selected))
    return found


def judge_required(requirement: Requirement, answer, build: Build, platforms: tuple, code=None):
    """(status, sentence) of what ``requirement`` installs on the target, by the chosen release's
    tags; None when it installs or the index could not say.  A release with no wheel at all is
    source-only only when its sdist is known to compile something (``code``: ``check.Code``,
    which reads it, as a direct dependency's): flask-admin 1.5.4 is pure Python."""
    if isinstance(answer, IndexProblem) or answer is None:
        return None
    releases = readiness.by_version(answer)
    chosen, files = readiness.choose(requirement.specifier, releases, build)
    if chosen is None:
        return INCOMPATIBLE, f"requires {requirement}, and no release of {requirement.name} matches"
    verdict = readiness.judge(files, build, platforms)
    if verdict.status == OK or (verdict.status == SOURCE_ONLY and not _compiles(files, requirement, build, code)):
        return None
    said = f"has {verdict.message}" if verdict.message.startswith("no ") else verdict.message
    return verdict.status, f"requires {_shown(requirement)}: {requirement.name} {chosen} {said}"


def _compiles(files: list, requirement: Requirement, build: Build, code) -> bool:
    """Does building the release need a compiler: it ships platform wheels, or its sdist (at most
    ``check.SMALL_SDIST``) has something to compile?  False when unknown (tags only, too big)."""
    from outmoded.deps.check import small_sdist

    if any(f.kind == "wheel" and not any(t.platform == "any" for t in f.tags) for f in files):
        return True
    sdist = small_sdist(files, build)
    checked = code.of(sdist, requirement.name) if sdist and code is not None else None
    return checked is not None and not checked.problem and checked.compiles is True


def _shown(requirement: Requirement) -> str:
    return f"{requirement.name}{requirement.specifier}"


def judge(results: list, answers: dict, version: tuple, fetch, code) -> None:
    """Lower each installable result (``ok``, ``source-only``, ``breaks``) whose release requires a
    bounded version that does not install on the target, or name it beside a worse verdict.
    ``answers``: canonical name -> the results' release files; ``fetch(names)`` fetches the
    required projects' whole pages (``check.fetch_all``: the answers may start at a pinned floor,
    and transformers 2.5.1 beside a pin of sentence-transformers 0.2.5 that wants 2.3.0 is no
    reason to say 2.3.0 does not exist); ``code``: the run's ``check.Code``."""
    from outmoded.deps.check import installed_file

    build = Build(version)
    wanted = []
    for result in results:
        if result.status not in INSTALLS or result.version is None or isinstance(answers.get(_key(result)), IndexProblem):
            continue
        files = readiness.by_version(answers.get(_key(result)) or []).get(_version(result), [])
        dist = installed_file(files, build, result.dependency.platforms)
        lines = requires_dist(code, dist, result.dependency.name)
        if lines:
            wanted.append((result, bounded(lines, version, result.dependency.platforms)))
    names = list(dict.fromkeys(canonicalize_name(r.name) for _, found in wanted for r, _ in found))
    pages = fetch(names) if names else {}
    for result, found in wanted:
        verdicts = [v for requirement, platforms in found
                    if (v := judge_required(requirement, pages.get(canonicalize_name(requirement.name)),
                                            build, platforms, code))]
        if verdicts:
            _lower(result, verdicts)


def _key(result) -> str:
    return canonicalize_name(result.dependency.name)


def _version(result):
    from packaging.version import Version

    return Version(result.version)


def _lower(result, verdicts: list) -> None:
    result.required = [{"status": s, "message": m} for s, m in verdicts]
    more = f"; and {len(verdicts) - SHOWN} more" if len(verdicts) > SHOWN else ""
    said = f"{'; '.join(m for _, m in verdicts[:SHOWN])}{more}"
    status = max((s for s, _ in verdicts), key=RANK.__getitem__)
    if RANK[status] <= RANK[result.status]:  # its own verdict is as bad: the pins are said beside it
        result.message += f"; besides, it {said}"
        return
    result.status, result.minimum_ready, result.unsearched = status, None, True
    if result.free_threading is not None and RANK.get(result.free_threading, -1) < RANK[status]:
        # what is pinned installs from the same files on the free-threaded build: no better there
        result.free_threading, result.free_threading_minimum_ready = status, None
    result.message = (f"{result.version}: {said} (its own files: {result.message.partition(': ')[2]}); a newer "
                      f"{result.dependency.name} may require other versions: not searched")
