"""Which dependency files to read, and the dependencies they name for the target.

With no files named, the project in the current directory is searched: a lock file when there is
one (it names every package that gets installed, transitive ones included), else the files that
declare dependencies (``pyproject.toml``, ``Pipfile``, ``setup.cfg``, ``setup.py``, requirements
files). What the project's CI and deployment config installs is read besides, whether or not
there is a lock (``cipins``: Dockerfiles, GitHub workflows, ``tox.ini``, ``noxfile.py``,
``.pre-commit-config.yaml``): those installs are not in the lock, and they run on the new Python
first. A pin found there that the files read before already name alike is not repeated. A named
directory is searched the same way. A file of a kind this tool does not read is a usage error,
never a table of junk rows.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps import pyproject, requirements, setupfiles
from outmoded.deps.cipins import dockerfile, nox, precommit, tox, workflows
from outmoded.deps.lockfiles import graph, pdm, pipfile, poetry, uv
from outmoded.deps.model import Dependency, Skipped
from outmoded.deps.requirements import NoDependencyTable
from outmoded.deps.target import selected_platforms

# Preferred first: the tools' own locks record who requires what; a pylock.toml beside one is
# usually exported from it.
LOCKS = ("uv.lock", "poetry.lock", "pdm.lock", "pylock.toml", "Pipfile.lock", "pylock.*.toml")
MANIFESTS = ("pyproject.toml", "Pipfile", "setup.cfg", "setup.py")
REQUIREMENTS = ("requirements*.txt", "requirements/*.txt")
# CI and deployment config: read besides the lock or the declaring files
CONFIG = ("Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile", "Containerfile.*",
          "docker/Dockerfile*", "docker/*/Dockerfile*", ".github/workflows/*.yml", ".github/workflows/*.yaml",
          "tox.ini", "noxfile.py", ".pre-commit-config.yaml", ".pre-commit-config.yml")
KNOWN = "requirements*.txt, pyproject.toml, uv.lock, poetry.lock, pdm.lock, Pipfile(.lock), " \
        "pylock.toml, setup.cfg, setup.py, Dockerfile, Containerfile, .github/workflows/*.yml, tox.ini, " \
        "noxfile.py or .pre-commit-config.yaml"


@dataclass
class Collected:
    deps: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    read: list = field(default_factory=list)  # what was read, e.g. "poetry.lock (roots from pyproject.toml)"
    notes: list = field(default_factory=list)  # files found but not read, and why
    paths: list = field(default_factory=list)  # the files read
    quiet: list = field(default_factory=list)  # CI and deployment files that install nothing from the index
    # files whose dependencies come without theirs (no lock records what they require in turn)
    unlocked: list = field(default_factory=list)
    locked: set = field(default_factory=set)  # the files of the dependencies a lock file listed
    # a file -> the files whose dependencies are installed with its own (``beside``): a lock, each
    # of its files alone; a requirements file (pip install -r), itself and those it includes
    together: dict = field(default_factory=dict)


def _glob(directory: Path, patterns) -> list:
    return [p for pattern in patterns for p in sorted(directory.glob(pattern)) if p.is_file()]


def discover(directory: Path) -> tuple:
    """(files to read, notes): the lock file when there is one, else every declaring file; then
    the CI and deployment config."""
    locks = _glob(directory, LOCKS)
    empty = [p for p in locks if not _locks_packages(p)]
    locks = [p for p in locks if p not in empty]
    others = _glob(directory, MANIFESTS + REQUIREMENTS)
    config = list(dict.fromkeys(p for p in _glob(directory, CONFIG) if config_kind(p)))
    notes = [f"not read: {label(p)}: it locks no package" for p in empty]
    if locks:
        also = [label(p) for p in locks[1:] + others]
        note = (f"also present, not read: {', '.join(also)} (the lock file "
                f"{label(locks[0])} is what gets installed)")
        return [locks[0]] + config, notes + ([note] if also else [])
    if not others and not config:
        raise UsageError(f"no lock file, requirements*.txt, pyproject.toml, Pipfile, setup.cfg, "
                         f"setup.py, Dockerfile, workflow, tox.ini, noxfile.py or "
                         f".pre-commit-config.yaml in {directory}; name the files to check")
    return others + config, notes


def _locks_packages(path: Path) -> bool:
    """Does the TOML lock at ``path`` hold a package table?  Textual's uv.lock of 2026-03 to 2026-06
    holds its header alone (52 bytes: version, revision, requires-python) beside the poetry.lock
    that locks its 282 KB of packages: preferred first, it made ``outmoded deps`` in that checkout
    exit 2 ('not a uv lock file')."""
    if path.name == "Pipfile.lock":
        return True
    try:
        text = path.read_bytes()
    except OSError:
        return True  # read as named: its error says why
    return re.search(rb"^\s*\[\[\s*packages?\s*\]\]", text, re.MULTILINE) is not None


def config_kind(path: Path) -> str | None:
    """Which CI or deployment config ``path`` is, by its name (None: none of them)."""
    name = path.name
    if name in ("Dockerfile", "Containerfile") or name.startswith(("Dockerfile.", "Containerfile.")) \
            or name.endswith((".Dockerfile", ".dockerfile")):
        return "dockerfile"
    if path.suffix in (".yml", ".yaml") and path.parent.name == "workflows" and path.parent.parent.name == ".github":
        return "workflow"
    if name in (".pre-commit-config.yaml", ".pre-commit-config.yml"):
        return "pre-commit"
    return {"tox.ini": "tox", "noxfile.py": "nox"}.get(name)


def read_config(path: Path, kind: str, seen: set, version: tuple, includes: dict | None = None) -> tuple:
    """(deps, skipped, what was read) for CI and deployment config: the pins its install commands
    name, then the requirements files they install (each read once; ``includes`` as for
    ``requirements.read``)."""
    if kind == "tox":
        installs = tox.read(path, label, version)
    else:
        installs = {"dockerfile": dockerfile.read, "workflow": workflows.read, "pre-commit": precommit.read,
                    "nox": nox.read}[kind](path, label)
    deps, skipped, named = installs.deps, installs.skipped, []
    for written, included, line in installs.files:
        if included is None:
            skipped.append(Skipped(f"-r {written}", label(path), line,
                                   "requirements file not found in the project: not read"))
        elif included.resolve() not in seen:
            more, more_skipped = requirements.read(included, label, seen, includes)
            deps, skipped = deps + more, skipped + more_skipped
            named.append(label(included))
    return deps, skipped, label(path) + (f" (installs {', '.join(named)})" if named else "")


def files_to_read(names: list) -> list:
    return _files(names)[0]


def _files(names: list) -> tuple:
    """(paths, notes, whether they were discovered rather than named)."""
    if not names:
        return (*discover(Path.cwd()), True)
    paths, notes, searched = [], [], False
    for name in names:
        path = Path(name)
        if path.is_dir():
            found, more = discover(path)
            paths, notes, searched = paths + found, notes + more, True
        elif path.is_file():
            paths.append(path)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return paths, notes, searched


def label(path: Path) -> str:
    """The file name reported: relative to the current directory when inside it."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    return str(path) if relative.startswith("..") else relative


def _roots(path: Path, manifest: str, reader) -> tuple:
    """Root edges from the manifest beside a lock file, and what was read for them."""
    beside = path.parent / manifest
    if not beside.is_file():
        return None, ""
    try:
        deps, _ = reader(beside, label)
    except NoDependencyTable:
        return None, ""
    return graph.roots_from_dependencies(deps), f" (direct dependencies from {label(beside)})"


def read_lock(path: Path, version: tuple, platforms: tuple):
    """(deps, skipped, what was read) for a lock file, or None when ``path`` is not one."""
    name, load = path.name, pyproject.load
    if name == "uv.lock":
        return (*graph.walk(uv.read(path, label, load), version, platforms), label(path))
    if name in ("poetry.lock", "pdm.lock"):
        lock = (poetry if name == "poetry.lock" else pdm).read(path, label, load)
        roots, how = _roots(path, "pyproject.toml", pyproject.read_pyproject)
        unlocked = []
        if roots is not None and name == "pdm.lock":
            roots, unlocked = pdm.locked_roots(lock, roots)
        lock.roots = roots if roots is not None else graph.roots_without_parents(lock)
        deps, skipped = graph.walk(lock, version, platforms)
        return deps, unlocked + skipped, label(path) + how
    if name == "Pipfile.lock":
        deps, skipped = graph.walk(pipfile.read_lock(path, label), version, platforms)
        roots, how = _roots(path, "Pipfile", lambda p, lb: pipfile.read_pipfile(p, lb, load))
        if roots is not None:
            direct = {edge.name for edge in roots}
            for dep in deps:
                dep.direct = graph.canonicalize_name(dep.name) in direct
        return deps, skipped, label(path) + how
    return None


def read_file(path: Path, seen: set, version: tuple = (3, 13), platforms: tuple = (),
              includes: dict | None = None) -> tuple:
    """(deps, skipped, what was read). Lock files are walked for ``version`` and ``platforms``.
    ``includes`` gets what each requirements file read includes (``requirements.read``)."""
    name = path.name
    kind = config_kind(path)
    if kind:
        return read_config(path, kind, seen, version, includes)
    locked = read_lock(path, version, platforms)
    if locked is not None:
        return locked
    if name == "pyproject.toml":
        return (*pyproject.read_pyproject(path, label), label(path))
    if name.startswith("pylock.") and name.endswith(".toml"):
        return (*pyproject.read_pylock(path, label), label(path))
    if name == "Pipfile":
        return (*pipfile.read_pipfile(path, label, pyproject.load), label(path))
    if name == "setup.cfg":
        return (*setupfiles.read_setup_cfg(path, label), label(path))
    if name == "setup.py":
        return (*setupfiles.read_setup_py(path, label), label(path))
    if path.resolve() in seen:
        return [], [], label(path)  # already read through another file's -r include
    return (*_requirements_file(path, seen, includes), label(path))


def _requirements_file(path: Path, seen: set, includes: dict | None = None) -> tuple:
    """A requirements file. One named like one is read as one (a bad line is reported on its
    row); another ``.txt`` must have a requirement on some line, a file of any other kind on
    every line, or it is not a requirements file (exit 2)."""
    deps, skipped = requirements.read(path, label, seen, includes)
    named_like_one = path.name.startswith("requirements") or path.parent.name == "requirements" \
        or path.suffix == ".in"
    some_good = any(d.error is None for d in deps) or bool(skipped)
    if named_like_one or (path.suffix == ".txt" and (some_good or not deps)) or \
            (deps and all(d.error is None for d in deps)):
        return deps, skipped
    raise UsageError(f"{label(path)}: not a dependency file outmoded deps reads (it reads {KNOWN})")


def gather(names: list, version: tuple, platforms: tuple) -> Collected:
    """Every dependency to check, markers evaluated, and which files were read."""
    paths, notes, searched = _files(names)
    found, seen, includes = Collected(notes=list(notes)), set(), {}
    for path in paths:
        try:
            deps, skipped, what = read_file(path, seen, version, platforms, includes)
        except NoDependencyTable as exc:
            if not searched:
                raise
            found.notes.append(f"not read: {exc}")
            continue
        if config_kind(path):
            deps = _new_pins(deps, found.deps)
            if searched and not deps and not skipped:
                found.quiet.append(what)
                continue
        found.read.append(what)
        found.paths.append(path)
        found.skipped += skipped
        before = len(found.deps)
        for dep in deps:
            _place(dep, version, platforms, found)
        if _is_lock(path):
            found.locked.update(dep.file for dep in found.deps[before:])
        elif requirements.complete(deps, skipped, path):  # hash-checking mode, a resolver's output: the whole set
            found.locked.update(dep.file for dep in deps)
        elif len(found.deps) > before:
            found.unlocked.append(label(path))
    found.together = {file: frozenset({file}) for file in found.locked} | together(includes)
    if found.quiet:
        found.notes.append(f"no install from the index in {', '.join(found.quiet)}")
        found.read = found.read or found.quiet
    if not found.read:
        raise UsageError("; ".join(n.removeprefix("not read: ") for n in found.notes)
                         or "no dependency file to read")
    return found


def together(includes: dict) -> dict:
    """Each requirements file read (a key of ``includes``, ``requirements.read``'s) -> itself and the
    files it includes, directly or not: ``pip install -r`` installs the lines of all of them into one
    environment, so a backport named in any is there for the dependencies of each."""
    found = {}
    for file in includes:
        reached, todo = {file}, [file]
        while todo:
            for included in includes.get(todo.pop(), ()):
                if included not in reached:
                    reached.add(included)
                    todo.append(included)
        found[file] = frozenset(reached)
    return found


def _is_lock(path: Path) -> bool:
    return any(path.match(pattern) for pattern in LOCKS)


def _same(dep: Dependency) -> tuple:
    requirement = dep.requirement
    return (graph.canonicalize_name(dep.name), str(requirement.specifier), str(requirement.marker),
            tuple(sorted(requirement.extras))) if requirement is not None else (dep.name, dep.file, dep.line)


def _new_pins(deps: list, before: list) -> list:
    """The pins of CI and deployment config not already read alike (same name, specifier,
    marker and extras) from the files before or earlier in the same file."""
    known, new = {_same(d) for d in before}, []
    for dep in deps:
        if _same(dep) not in known:
            known.add(_same(dep))
            new.append(dep)
    return new


def _place(dep: Dependency, version: tuple, platforms: tuple, found: Collected) -> None:
    if dep.requirement is None or dep.platforms:  # lock files decided their platforms already
        found.deps.append(dep)
        return
    dep.platforms = selected_platforms(dep.requirement, version, platforms, dep.extra)
    if dep.platforms:
        found.deps.append(dep)
    else:
        found.skipped.append(Skipped(dep.name, dep.file, dep.line,
                                     f"marker excludes the target: {dep.requirement.marker}"))


def collect(paths: list, version: tuple, platforms: tuple) -> tuple:
    """Dependencies to check and entries skipped, over ``paths``, markers evaluated."""
    found = gather([str(p) for p in paths], version, platforms)
    return found.deps, found.skipped
