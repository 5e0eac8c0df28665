"""The code verdict of one release file: does its library code use an API the target lacks?

The members ``shipped`` calls library code are run through the same engine as ``outmoded check``
(``engine.check_source`` on in-memory (path, bytes) pairs: nothing is written or imported).
An sdist's ``setup.py`` is judged as the build runs it (``setupbuild``): what fails there
(``build``) makes the release ``breaks`` too, whatever its library code.
Only unguarded findings (severity ``error``) make a release ``breaks``; guarded fallbacks and
unknown receivers are warnings, as in ``check``.  A file the parser cannot read (Python 2 code
in a py2/py3 wheel, syntax newer than this interpreter) is counted, not held against the release.

Verdicts are cached on disk, one JSON file per (release file's sha256 from the index, catalog
fingerprint, target): a release is downloaded and scanned once, ever.  Failures to fetch or read
are not cached; they are a ``problem`` and the dependency "could not be checked".
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from outmoded import __version__, userfiles
from outmoded.deps.cache import PRIVATE
from outmoded.deps.model import NOT_CACHED
from outmoded.deps.shipped import NATIVE_SUFFIXES
from outmoded.findings import ERROR, Finding

CODE_FORMAT = 20  # 2: backports; 3: the dependency's # noqa comments are not read; 4: its Requires-Dist; 5: compiles; 19: what its backports bring; 20: optional extensions
# 6: egg-info requires.txt; 7: an sdist's setup.py (build); 8: members checked detached from the current directory
# 9: members checked as one project, written to a private directory (``unpacked``); 10: the release's floor; 11: test.py; 12: itself; 13: headers alone; 14: past a try whose handler returns; 15: __main__ blocks
# 16: the functions setup.py calls in its helpers (versioneer.get_version()), handlers that exit
# 17: a setup.py that raises on the target's version (setupguard); 18: its requirement lines (``pinned``)
SHOWN = 3  # findings named in a message; JSON carries up to MAX_KEPT
MAX_KEPT = 50
_INDEX_LOCK = threading.Lock()
# One file scanned at a time: the threads judging releases interleave on the GIL anyway, and
# CPython 3.11 before 3.11.8 keeps the AST validator's recursion depth per interpreter, not per
# thread, so two ast.parse calls in threads at once fail with "SystemError: AST constructor
# recursion depth mismatch" (seen here on 3.11.7).
_SCAN_LOCK = threading.RLock()  # re-entered: judge_file holds it while its members are on disk
UNREADABLE = "archive-unreadable"


@dataclass
class CodeVerdict:
    checked: int = 0  # library files read
    findings: list = field(default_factory=list)  # unguarded findings (Finding), first MAX_KEPT
    total: int = 0  # unguarded findings in all
    unparsed: int = 0  # library files the parser could not read
    notes: list = field(default_factory=list)
    problem: str | None = None  # set when the code could not be checked
    reason: str | None = None  # why, for the JSON: not-cached, index-unreachable, archive-unreadable
    filename: str = ""
    backports: list = field(default_factory=list)  # requirement lines that fix *every* finding
    compiles: bool | None = None  # an sdist: does its build compile anything (None: a wheel, or unknown)
    optional_extensions: bool = False  # an sdist whose setup.py lets its compiled extensions fail (``optionalext``)
    build: list = field(default_factory=list)  # an sdist: what fails in its setup.py when pip builds it (Finding)
    requires: list = field(default_factory=list)  # the requirement lines its metadata declares, markers and all

    @property
    def breaks(self) -> bool:
        return self.problem is None and (self.total > 0 or bool(self.build))

    def first(self, count: int = SHOWN) -> list:
        """``nose/importer.py:12 imp`` for the first findings: the build's when it fails."""
        return [_shown(f) for f in (self.build or self.findings)[:count]]

    def summary(self) -> str:
        if self.build:
            more = f" and {len(self.build) - SHOWN} more" if len(self.build) > SHOWN else ""
            text = f"pip cannot build it: its setup.py fails on the target at {', '.join(self.first())}{more}"
            if self.total:
                rest = f" and {self.total - 1} more" if self.total > 1 else ""
                text += f"; its code uses APIs the target lacks too: {_shown(self.findings[0])}{rest}"
            return text
        more = f" and {self.total - SHOWN} more" if self.total > SHOWN else ""
        text = f"its code uses APIs the target lacks: {', '.join(self.first())}{more}"
        if self.backports:
            lines = " and ".join(f"`{line}`" for line in self.backports)
            text += f"; a backport brings them back: add {lines} to the requirements"
        return text

    def to_json(self) -> dict:
        return {"file": self.filename, "checked_files": self.checked, "unparsed_files": self.unparsed,
                "findings_total": self.total, "findings": [f.to_json() for f in self.findings],
                "notes": self.notes, "problem": self.problem, "backports": self.backports,
                "compiles": self.compiles, "optional_extensions": self.optional_extensions,
                "build": [f.to_json() for f in self.build], "requires": self.requires}

    @classmethod
    def from_json(cls, data: dict) -> CodeVerdict:
        return cls(data["checked_files"], [Finding(**f) for f in data["findings"]],
                   data["findings_total"], data["unparsed_files"], list(data["notes"]),
                   filename=data["file"], backports=list(data.get("backports") or []),
                   compiles=data.get("compiles") if isinstance(data.get("compiles"), bool) else None,
                   optional_extensions=data.get("optional_extensions") is True,
                   build=[Finding(**f) for f in data.get("build") or ()],
                   requires=[line for line in data.get("requires") or () if isinstance(line, str)])


def _shown(finding) -> str:
    return f"{finding.path}:{finding.line} {finding.api}"


def unchecked(problem: str, reason: str, filename: str = "") -> CodeVerdict:
    return CodeVerdict(problem=problem, reason=reason, filename=filename)


@lru_cache(maxsize=8)
def _index(target: tuple):
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import build_index

    return build_index(default_catalog(), target, pending=False)


@lru_cache(maxsize=16)
def _floored(target: tuple, floor: tuple):
    import copy

    index = copy.copy(_index(target))  # the same tables, another floor (``metadata.floor``)
    index.floor = floor
    return index


def index_for(target: tuple, floor: tuple | None = None):
    with _INDEX_LOCK:  # threads judge dependencies concurrently; build each index once
        return _index(target) if floor is None else _floored(target, floor)


# Where an archive's members are said to be when the engine checks them: a directory that does not
# exist, named at random at the file system's root, so its questions about other files (a module
# shadowing the stdlib, an import root, a pyproject.toml beside setup.py) find nothing, as for a
# project holding only the file; the user's own files are never the answer, as they were for a path
# relative to the current directory (a project's imp.py silenced a dependency's import imp).
# Nothing is ever created there.
_DETACHED = ""


def detached(member: str) -> str:
    """The path to check archive member ``member`` (``name-1.0/pkg/mod.py``) at."""
    global _DETACHED
    if not _DETACHED:
        import secrets

        _DETACHED = os.path.join(os.path.abspath(os.sep), f"outmoded-archive-{secrets.token_hex(8)}")
    return os.path.join(_DETACHED, member)


def scan_members(pairs, target: tuple, filename: str = "", root: str | None = None,
                 provided: frozenset = frozenset(), floor: tuple | None = None,
                 optional_native: bool = False) -> CodeVerdict:
    """The verdict over (path shown, bytes) pairs of library code: the in-memory check entry.

    ``provided``: the canonical names of the distributions the dependency requires on the target
    (``requires``): a removed module whose backport is among them is there, not a finding.

    ``optional_native``: the build goes on without its compiled extensions when they fail
    (``optionalext``): the findings of their sources are noted, not counted.

    ``root``: the directory the paths are relative to when the files are also on disk (an
    installed environment, or an archive's members written out by ``unpacked.written``); then the
    engine gets the project model, which resolves version flags and base classes across the
    distribution's modules.  Without one (no private directory could be written) each member is
    checked alone, at a path where nothing exists (``detached``).
    """
    from outmoded.engine import check_source
    from outmoded.records import replace
    from outmoded.relativeneedles import packages_on

    index = index_for(target, floor)
    project = None
    if root is not None:
        from outmoded.project import Project

        project = Project(target)
    verdict, found = CodeVerdict(filename=filename), []
    for path, data in pairs:
        verdict.checked += 1
        scanned = os.path.join(root, path) if root is not None else detached(path)
        scripts: list = []  # its if __name__ == "__main__": bodies, from the tree the check parsed
        with _SCAN_LOCK:  # its # noqa comments were written for its own linters: not read
            result = check_source(scanned, data, index, project, noqa=False,
                                  inside=packages_on(scanned) or None if root is not None else None, scripts=scripts)
        verdict.unparsed += bool(result.errors)
        errors = [f for f in result.findings if f.severity == ERROR and not _backported(f, provided)]
        if errors and optional_native and path.endswith(NATIVE_SUFFIXES):
            verdict.notes.append(f"{path}: {len(errors)} finding(s) in a compiled extension whose failed build "
                                 "setup.py lets through (the pure-Python code is installed without it), not counted")
            errors = []
        if errors:
            errors = _imported(errors, path, scripts, verdict)
        found += [replace(f, path=path) for f in errors]
    found.sort(key=lambda f: (f.path, f.line, f.column))
    verdict.total, verdict.findings = len(found), found[:MAX_KEPT]
    verdict.backports = _backports(found)
    return verdict


def _lets_extensions_fail(filename: str, files: list, target: tuple[int, int]) -> bool:
    """Does the sdist's ``setup.py`` (among ``files``, its (member, bytes) pairs) go on when its
    compiled extensions fail to build on ``target`` (``optionalext``)?"""
    from outmoded.deps.optionalext import lets_extensions_fail
    from outmoded.deps.setupbuild import build_installs, is_setup_script

    setup = next((data for member, data in files if is_setup_script(filename, member)), None)
    return setup is not None and lets_extensions_fail(setup, build_installs(files, target))


def _package_root(filename: str, files: list, target: tuple[int, int]) -> str | None:
    """The directory the sdist's ``setup.py`` installs its packages from on ``target``
    (``package_dir``'s ``""``: PyYAML 3.12's ``lib3``), or None (``packagedir.root_on``)."""
    import ast

    from outmoded.deps.setupbuild import is_setup_script
    from outmoded.packagedir import root_on

    setup = next(((member, data) for member, data in files if is_setup_script(filename, member)), None)
    if setup is None:
        return None
    try:
        tree = ast.parse(setup[1])
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    root = root_on(tree, setup[0], target)
    return root.strip("/").removeprefix("./") or None if root else None


def _imported(findings: list, path: str, scripts: list, verdict: CodeVerdict) -> list:
    """The findings outside the module's ``if __name__ == "__main__":`` blocks (``scripts``: their
    spans, from the check's tree), which importing it never runs (``shipped.script_lines``);
    those inside are noted, not counted."""
    from outmoded.deps.shipped import script_lines

    blocks = script_lines(path, scripts)
    kept = [f for f in findings if not any(first <= f.line <= last for first, last in blocks)]
    if len(kept) < len(findings):
        verdict.notes.append(f"{path}: {len(findings) - len(kept)} finding(s) in its `if __name__ == \"__main__\":` "
                             f"block, which runs only as a script, not counted")
    return kept


def _backported(finding, provided: frozenset) -> bool:
    """Does a distribution the dependency requires bring the finding's removed module back?"""
    if not provided:
        return False
    from packaging.utils import canonicalize_name

    from outmoded.catalog.backports import brought, entry_for

    entry = entry_for(finding)  # standard-aifc brings audioop-lts (``BRINGS``): audioread 3.1.0 requires it
    return bool(entry and entry.backport) and canonicalize_name(entry.backport) in brought(provided)


def _backports(findings: list) -> list:
    """The requirement lines when backports fix every finding (``import cgi`` alone), else []."""
    try:
        from outmoded.catalog.backports import fixed_by_backports
    except ImportError:  # an older catalog without backports
        return []
    return fixed_by_backports(findings) or []


def catalog_key() -> str:
    from outmoded.catalog.compiled import fingerprint

    return _fingerprint(fingerprint())


@lru_cache(maxsize=1)
def _fingerprint(catalog: str) -> str:
    return f"{CODE_FORMAT}-{__version__}-{catalog}-{_engine()}"


def _engine() -> str:
    """The tool's own modules (name, size, modification time), as the catalog's fingerprint stamps
    its files: a verdict rests on the engine as much as on the catalog, and one cached before the
    engine learnt to see a line (a private name reached by a string getattr, a new guard idiom)
    must be judged again, not kept until someone remembers to raise ``CODE_FORMAT``."""
    import outmoded

    root = os.path.dirname(os.path.abspath(outmoded.__file__))
    digest = hashlib.sha256()
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                try:
                    st = os.stat(os.path.join(directory, name))
                except OSError:
                    continue
                digest.update(f"{os.path.relpath(os.path.join(directory, name), root)}:{st.st_size}:"
                              f"{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class VerdictCache:
    """Code verdicts on disk; trouble reading or writing it only means checking again."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self._catalog = catalog_key() if directory else ""

    def _path(self, dist, target: tuple) -> Path | None:
        if self.directory is None:
            return None
        identity = f"sha256:{dist.sha256}" if dist.sha256 else f"url:{dist.url}"
        key = f"{identity}|{self._catalog}|{target[0]}.{target[1]}"
        return self.directory / (hashlib.sha256(key.encode()).hexdigest() + ".json")

    def get(self, dist, target: tuple) -> CodeVerdict | None:
        path = self._path(dist, target)
        try:
            return CodeVerdict.from_json(json.loads(path.read_bytes())) if path else None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):  # damaged: a miss
            return None

    def put(self, dist, target: tuple, verdict: CodeVerdict) -> None:
        path = self._path(dist, target)
        if path is None or verdict.problem:
            return
        # read-only or full disk: write_atomic says False, and the run goes on uncached
        userfiles.write_atomic(str(path), json.dumps(verdict.to_json()).encode("utf-8"), PRIVATE)


def judge_file(client, cache: VerdictCache, dist, project: str, target: tuple) -> CodeVerdict:
    """The code verdict of one release file: from the cache, else fetched and scanned."""
    from packaging.utils import canonicalize_name

    from outmoded.deps import metadata, remote, shipped
    from outmoded.deps.archive import ArchiveError
    from outmoded.deps.index import IndexProblem

    cached = cache.get(dist, target)
    if cached is not None:
        return cached
    if client.offline:
        return unchecked(f"code of {dist.filename} not in the cache (--offline)", NOT_CACHED, dist.filename)
    if not dist.url:
        return unchecked(f"the index gives no URL for {dist.filename}", UNREADABLE, dist.filename)
    try:
        found = remote.members(client, dist, project)
    except ArchiveError as error:
        return unchecked(f"{dist.filename}: {error}", UNREADABLE, dist.filename)
    except IndexProblem as problem:
        return unchecked(f"{dist.filename}: {problem.message}", problem.reason, dist.filename)
    from outmoded.deps import setupbuild
    from outmoded.deps.requires import is_metadata, names, requirement_lines

    from outmoded.deps.unpacked import written

    sdist = not dist.filename.endswith(".whl")
    roots = shipped.source_roots(found.names) if sdist else frozenset()
    root = _package_root(dist.filename, found.files, target) if roots else None
    pairs = [(shipped.display(dist.filename, name, root), data) for name, data in found.files
             if not is_metadata(dist.filename, name) and not setupbuild.is_build_script(dist.filename, name)
             and shipped.in_root(name, roots, root)]
    with _SCAN_LOCK, written(pairs) as root:  # the release's modules as one project (``unpacked``)
        # a release is installed with itself: setuptools' own code importing distutils gets its shim
        declared = requirement_lines(dist.filename, found.files)
        itself = names(declared, target) | {canonicalize_name(project)}
        optional = not dist.filename.endswith(".whl") and _lets_extensions_fail(dist.filename, found.files, target)
        verdict = scan_members(pairs, target, dist.filename, root, itself, metadata.floor(dist.filename, found.files),
                               optional_native=optional)
    verdict.requires = [line for line in declared if isinstance(line, str)]
    verdict.notes = found.notes + verdict.notes
    if not dist.filename.endswith(".whl"):
        verdict.compiles = shipped.compiles(found.names) and not optional  # built anywhere, without them
        verdict.optional_extensions = optional and shipped.compiles(found.names)
        with _SCAN_LOCK:  # it parses and scans setup.py (see _SCAN_LOCK)
            verdict.build = setupbuild.judge(dist.filename, found.files, target, found.names)
        if verdict.build:
            verdict.backports = []  # the build's isolated environment gets none of the user's requirements
    cache.put(dist, target, verdict)
    return verdict
