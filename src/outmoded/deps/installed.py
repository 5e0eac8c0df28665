"""``outmoded deps --installed [ENV]``: judge every distribution installed in an environment,
offline, from its files on disk.

Where: with no ENV, this interpreter's ``sys.path``; ENV may be a virtual environment, a
``site-packages`` directory, or an interpreter (``.venv/bin/python``).  For an environment or an
interpreter the ``site-packages`` directories are found on disk (``lib/python3.*/site-packages``,
``Lib/site-packages``, ``lib/python3/dist-packages``); only when none is found is the
interpreter asked for its ``sys.path`` (``python -I -c 'import sys; print(...)'``): nothing else
of that environment is run.

What: each distribution's files come from its ``RECORD`` (``importlib.metadata``, which reads
``*.dist-info`` as data); the library ones (``shipped``'s rules: ``.py`` files, not tests or docs,
nothing outside site-packages) are read as bytes and checked like a downloaded wheel's, never
imported.  ``Requires-Python`` from the metadata and the tags in the ``WHEEL`` file matter
too: a compiled build for another Python cannot be judged offline (whether a build for the
target exists is the index's to say), so it "could not be checked".
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.tags import parse_tag

from outmoded.cli import UsageError
from outmoded.deps import code, failing, readiness, shipped
from outmoded.deps.archive import MAX_MEMBER_BYTES
from outmoded.deps.model import BREAKS, INCOMPATIBLE, OK, UNKNOWN, Dependency, Result
from outmoded.deps.platforms import compatible_tags
from outmoded.specifiers import specifier_set

INSTALLED_BUILD = "installed-build"  # reason: a compiled build for another Python
SITE_GLOBS = ("lib/python3*/site-packages", "lib64/python3*/site-packages", "Lib/site-packages",
              "lib/python3*/dist-packages", "lib/python3/dist-packages",
              "lib/pypy3*/site-packages")


def site_directories(where: str | None) -> list:
    """The directories whose ``*.dist-info`` are read."""
    import sys

    if where is None:
        return [p for p in sys.path if p and os.path.isdir(p)]
    path = Path(where).expanduser()
    if path.is_dir() and any(path.glob("*.dist-info")):
        return [str(path)]  # a site-packages directory itself
    root = path if path.is_dir() else _root_of(path)
    found = [str(p) for pattern in SITE_GLOBS for p in sorted(root.glob(pattern)) if p.is_dir()]
    if found:
        return found
    if path.is_file() and os.access(path, os.X_OK):
        return _ask(path)
    raise UsageError(f"{where}: no site-packages found (name a virtual environment, its "
                     f"interpreter or a site-packages directory)")


def _root_of(path: Path) -> Path:
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    # .venv/bin/python -> .venv ; C:\venv\Scripts\python.exe -> C:\venv
    return path.absolute().parent.parent


def _ask(interpreter: Path) -> list:
    """Last resort: the interpreter's ``sys.path`` (isolated mode: no PYTHON* variables, no
    user site, and nothing of the project is imported)."""
    try:
        answer = subprocess.run([str(interpreter), "-I", "-c", "import sys, json; print(json.dumps(sys.path))"],
                                capture_output=True, text=True, timeout=30, check=True)
        paths = json.loads(answer.stdout)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        raise UsageError(f"{interpreter}: cannot ask it for its sys.path: {exc}") from None
    return [p for p in paths if isinstance(p, str) and os.path.isdir(p) and "site-packages" in p
            or isinstance(p, str) and p.endswith("dist-packages")]


def distributions(directories: list) -> list:
    """One ``Distribution`` per name (the first on the path wins, as at import time)."""
    seen, found = set(), []
    for dist in metadata.distributions(path=directories):
        name = (dist.metadata["Name"] or "").strip()
        key = name.lower().replace("_", "-").replace(".", "-")
        if name and key not in seen:
            seen.add(key)
            found.append(dist)
    return sorted(found, key=lambda d: d.metadata["Name"].lower())


def library_files(dist) -> list:
    """(shown path, bytes) of the distribution's library code, read from disk."""
    pairs = []
    base = Path(dist.locate_file("")).resolve()
    for entry in dist.files or ():
        relative = str(entry).replace("\\", "/")
        if ".." in relative.split("/") or relative.startswith("/"):
            continue  # scripts in ../../bin, and anything outside site-packages
        if not shipped.wheel_library([relative]):
            continue
        path = (base / relative)
        try:
            if path.stat().st_size > MAX_MEMBER_BYTES:
                continue
            pairs.append((relative, path.read_bytes()))
        except OSError:
            continue  # listed in RECORD but removed since: nothing to run
    return pairs


def wheel_tags(dist) -> frozenset:
    text = dist.read_text("WHEEL") or ""
    tags = set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "tag" and value.strip():
            try:
                tags |= parse_tag(value.strip())
            except ValueError:
                continue
    return frozenset(tags)


def judge(dist, version: tuple, platforms: tuple, label: str, cache=None) -> Result:
    name, release = dist.metadata["Name"], dist.version
    try:
        requirement = Requirement(f"{name}=={release}")
    except InvalidRequirement:
        requirement = None
    dep = Dependency(name, requirement, label, None, platforms=platforms)
    result = Result(dep, version=release)
    build = readiness.Build(version)
    requires = _requires_python(dist)
    tags = wheel_tags(dist)
    if not readiness.python_allows(requires, version):
        result.status, result.message = INCOMPATIBLE, f"{release}: requires-python {requires} excludes Python {build.label}"
        return result
    accepted = frozenset().union(*(compatible_tags(version, p, False) for p in platforms)) if platforms else frozenset()
    verdict = _verdict(dist, version, f"{name}-{release} (installed)", cache)
    result.code = verdict
    known = None if verdict.breaks else failing.failure(name, release, version)
    if verdict.breaks:
        result.status, result.message = BREAKS, f"{release}: {verdict.summary()}"
    elif known is not None:
        result.status, result.message, result.known_failure = BREAKS, f"{release}: {known.message(build.label)}", known
    elif tags and not (tags & accepted) and not any(t.platform == "any" for t in tags):
        shown = ", ".join(sorted(str(t) for t in tags)[:2])
        result.status, result.reason = UNKNOWN, INSTALLED_BUILD
        result.message = (f"{release}: the installed build ({shown}) does not load on Python {build.label}; "
                          f"whether a build for it exists is for the index to say (run without --installed)")
    else:
        result.status, result.message = OK, f"{release}: {verdict.checked} library files checked"
    return result


@dataclass(frozen=True)
class _Identity:
    """What the verdict cache keys an installed distribution by: its RECORD, which lists every
    file with its hash, so any change to the installed files is a new key."""

    sha256: str | None
    url: str = ""


def _record_identity(dist) -> _Identity:
    record = dist.read_text("RECORD")
    return _Identity(hashlib.sha256(record.encode()).hexdigest() if record else None)


def _verdict(dist, version: tuple, shown: str, cache):
    identity = _record_identity(dist)
    cached = cache.get(identity, version) if cache and identity.sha256 else None
    if cached is not None:
        return cached
    from outmoded.deps.requires import names

    verdict = code.scan_members(library_files(dist), version, shown, str(Path(dist.locate_file("")).resolve()),
                                provided=names(dist.requires or (), version))
    if cache and identity.sha256:
        cache.put(identity, version, verdict)
    return verdict


def _requires_python(dist) -> SpecifierSet | None:
    text = dist.metadata["Requires-Python"]
    try:
        return specifier_set(text) if text else None
    except InvalidSpecifier:
        return None


_PENDING: list = []  # (dist, target) to scan, set in the parent before forking workers


def _scan(i: int):
    dist, version = _PENDING[i]
    return _verdict(dist, version, f"{dist.metadata['Name']}-{dist.version} (installed)", None)


def _prescan(dists: list, version: tuple, cache) -> None:
    """Scan the uncached distributions in a fork pool (one per core) and fill the cache, so
    ``judge`` finds every verdict there: a whole environment is thousands of files."""
    from outmoded.workers import can_fork

    global _PENDING
    if cache is None or not can_fork() or (os.cpu_count() or 1) < 2:
        return
    _PENDING = [(d, version) for d in dists if _record_identity(d).sha256
                and cache.get(_record_identity(d), version) is None]
    if len(_PENDING) < 4:
        return
    from outmoded.forkpool import Pool

    code.index_for(version)  # built once here, inherited by the workers
    pool = Pool(os.cpu_count())
    try:
        for (dist, _), verdict in zip(_PENDING, pool.map(_scan, list(range(len(_PENDING))), chunksize=4)):
            cache.put(_record_identity(dist), version, verdict)
    finally:
        pool.shutdown()
    _PENDING = []


def check(where: str | None, version: tuple, platforms: tuple, cache=None) -> tuple:
    """(results, label of what was read); ``cache`` a ``code.VerdictCache``."""
    directories = site_directories(where)
    label = where or "this environment"
    dists = distributions(directories)
    _prescan(dists, version, cache)
    return [judge(d, version, platforms, label, cache) for d in dists], label
