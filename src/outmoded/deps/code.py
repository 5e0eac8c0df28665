"""The code verdict of one release file: does its library code use an API the target lacks?

The members ``shipped`` calls library code are run through the same engine as ``outmoded check``
(``engine.check_source`` on in-memory (path, bytes) pairs: nothing is written or imported).
An sdist's ``setup.py`` is judged as the build runs it (``setupbuild``): what fails there
(``build``) makes the release ``breaks`` too, whatever its library code.
Only unguarded findings (severity ``error``) make a release ``breaks``; guarded fallbacks and
unknown receivers are warnings, as in ``check``.  A file the parser cannot read (Python 2 code
in a py2/py3 wheel, syntax newer than this interpreter) is counted, not held against the release.

The verdict is a ``verdict.CodeVerdict``, cached on disk by ``verdictcache``: a release is
downloaded and scanned once.  Failures to fetch or read are not cached; they are a ``problem``
and the dependency "could not be checked".
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

from outmoded.deps.model import NOT_CACHED
from outmoded.deps.shipped import NATIVE_SUFFIXES
from outmoded.deps.verdict import MAX_KEPT, UNREADABLE, CodeVerdict, unchecked
from outmoded.deps.verdictcache import VerdictCache
from outmoded.findings import ERROR

_INDEX_LOCK = threading.Lock()
# One file scanned at a time: the threads judging releases interleave on the GIL anyway, and
# CPython 3.11 before 3.11.8 keeps the AST validator's recursion depth per interpreter, not per
# thread, so two ast.parse calls in threads at once fail with "SystemError: AST constructor
# recursion depth mismatch" (seen here on 3.11.7).
_SCAN_LOCK = threading.RLock()  # re-entered: judge_file holds it while its members are on disk


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
    from outmoded.catalog.backports import brings_back, fixed_by_backports
    from outmoded.engine import check_source
    from outmoded.records import replace
    from outmoded.relativeneedles import packages_on

    index = index_for(target, floor)
    project = None
    if root is not None:
        from outmoded.project import Project

        project = Project(target)
    verdict, found, sources = CodeVerdict(filename=filename), [], {}
    for path, data in pairs:
        verdict.checked += 1
        sources[path] = data
        scanned = os.path.join(root, path) if root is not None else detached(path)
        scripts: list = []  # its if __name__ == "__main__": bodies, from the tree the check parsed
        with _SCAN_LOCK:  # its # noqa comments were written for its own linters: not read
            result = check_source(scanned, data, index, project, noqa=False,
                                  inside=packages_on(scanned) or None if root is not None else None, scripts=scripts)
        verdict.unparsed += bool(result.errors)
        errors = [f for f in result.findings if f.severity == ERROR and not brings_back(f, provided)]
        if errors and optional_native and path.endswith(NATIVE_SUFFIXES):
            verdict.notes.append(f"{path}: {len(errors)} finding(s) in a compiled extension whose failed build "
                                 "setup.py lets through (the pure-Python code is installed without it), not counted")
            errors = []
        if errors:
            errors = _imported(errors, path, scripts, verdict)
        found += [replace(f, path=path) for f in errors]
    found.sort(key=lambda f: (f.path, f.line, f.column))
    verdict.total, verdict.findings = len(found), found[:MAX_KEPT]
    verdict.backports = fixed_by_backports(found) or []
    if found:
        from outmoded.deps.infunctions import locate

        functions, verdict.imports = locate(found, sources)
        verdict.functions = {key: name for key, name in functions.items()
                             if key in {f"{f.path}:{f.line}" for f in verdict.findings}}
    return verdict


def _lets_extensions_fail(filename: str, files: list, target: tuple[int, int]) -> bool:
    """Does the sdist's ``setup.py`` (among ``files``, its (member, bytes) pairs) go on when its
    compiled extensions fail to build on ``target`` (``optionalext``)?"""
    from outmoded.deps.optionalext import foreign, lets_extensions_fail
    from outmoded.deps.setupbuild import build_requires, is_setup_script

    setup = next((data for member, data in files if is_setup_script(filename, member)), None)
    return setup is not None and lets_extensions_fail(setup, foreign(build_requires(files), target))


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


def _regenerated_c(verdict: CodeVerdict, filename: str, files: list, target: tuple[int, int]) -> None:
    """Drop the findings of C an old Cython generated when the sdist's build installs a Cython 3
    that regenerates it from the source beside it (its ``[build-system] requires`` or
    ``setup_requires``): ``native.cythonc`` asks the checkout's build files, which the members
    written for the check do not include."""
    import ast

    from outmoded.deps.setupbuild import _backend, _pyproject, is_setup_script
    from outmoded.native.cythonc import build_regenerates, is_generated_finding
    from outmoded.setupcall import setup_requires

    generated = [f for f in verdict.findings if is_generated_finding(f)]
    if not generated:
        return
    written = list(_backend(_pyproject(files))[1])
    setup = next((data for member, data in files if is_setup_script(filename, member)), None)
    try:
        written += setup_requires(ast.parse(setup)) if setup else []
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
    if not build_regenerates(written, target):
        return
    names = [name for name, _ in files]  # the shown path is below the sdist's top, src/ or a package_dir root
    kept = [f for f in verdict.findings if not (is_generated_finding(f) and any(
        name.endswith(f"/{os.path.splitext(f.path)[0]}{suffix}") for name in names for suffix in (".pyx", ".py")))]
    verdict.total -= len(verdict.findings) - len(kept)
    verdict.findings = kept


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
    from outmoded.deps.setuphelpers import build_helpers

    from outmoded.deps.unpacked import written

    sdist = not dist.filename.endswith(".whl")
    roots = shipped.source_roots(found.names) if sdist else frozenset()
    root = _package_root(dist.filename, found.files, target) if roots else None
    helpers = build_helpers(dist.filename, found.files, project) if sdist else frozenset()
    pairs = [(shipped.display(dist.filename, name, root), data) for name, data in found.files
             if not is_metadata(dist.filename, name) and not setupbuild.is_build_script(dist.filename, name)
             and name not in helpers and shipped.in_root(name, roots, root)]
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
            _regenerated_c(verdict, dist.filename, found.files, target)
        if verdict.build:
            verdict.backports = []  # the build's isolated environment gets none of the user's requirements
    cache.put(dist, target, verdict)
    return verdict
