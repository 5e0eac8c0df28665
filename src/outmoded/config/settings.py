"""One project's settings (``Settings``), their defaults, and what they select for the report.

``Settings`` holds the ``[tool.outmoded]`` keys after parsing (``outmoded.config.parsing``), the
project's root and ``requires-python``; it answers which Pythons a run is about
(``resolved_target``, ``resolved_min_version``) and which findings it reports (``wants``).
"""

from __future__ import annotations

import os

from outmoded.catalog import LATEST_RELEASE, opt_in_family
from outmoded.findings import DEAD_COMPAT_CONTEXTS
from outmoded.records import Record

FAIL_ON = ("error", "warning", "never")
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", ".tox/", ".nox/", ".venv/", "venv/", "__pypackages__/",
                   "node_modules/", ".mypy_cache/", ".outmoded_cache/", "build/", "dist/", "site-packages/")


# The oldest target: the catalog's removals are proven on real interpreters from 3.8's on
# (tests/realpython), and not reported at 3.7, the release before (tests/test_catalog_detection.py);
# an older one is a typo far more often than a plan ("3.1" for 3.10 or 3.13)
OLDEST_TARGET = (3, 7)


class ConfigError(Exception):
    """A broken setting; the message names the file and key."""


class InvalidRequirement(ConfigError):
    """A ``requires-python`` (or ``python_requires``) that is not a version specifier."""


_WARNED: set = set()  # the warnings this process printed: each once, however often settings are asked


class Settings(Record):
    """One project's settings.  ``root``: the directory of the configuration file used (default:
    the current directory); ``config_file``: that file; ``select``: None selects every rule that is
    not opt-in, ``()`` none (``select = []``, as in ruff: only ``extend-select`` adds any);
    ``per_file_ignores``: (glob, code prefixes) pairs; the others are the keys of ``outmoded.config`` (``target``/``min_version`` as (3, 13))."""

    __slots__ = _fields = (
        "root", "config_file", "target", "min_version", "requires_python", "select", "ignore", "exclude",
        "extend_exclude", "pending", "free_threading", "dead_compat", "unsafe_fixes", "cache_dir", "extend_select",
        "per_file_ignores", "fail_on", "force_exclude", "output_format", "respect_gitignore", "ignore_noqa",
        "requirement_dir",
    )

    def __init__(self, root: str | None = None, config_file: str | None = None, target: tuple[int, int] | None = None,
                 min_version: tuple[int, int] | None = None, requires_python: str | None = None,
                 select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (), exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 extend_exclude: tuple[str, ...] = (), pending: bool = False, free_threading: bool = False,
                 dead_compat: bool = False, unsafe_fixes: bool = False, cache_dir: str | None = None,
                 extend_select: tuple[str, ...] = (), per_file_ignores: tuple = (), fail_on: str = "error",
                 force_exclude: bool = False, output_format: str | None = None, respect_gitignore: bool = True,
                 ignore_noqa: bool = False, requirement_dir: str | None = None):
        self.root = os.getcwd() if root is None else root
        self.config_file = config_file
        self.target = target
        self.min_version = min_version
        self.requires_python = requires_python
        self.select = select
        self.ignore = ignore
        self.exclude = exclude
        self.extend_exclude = extend_exclude
        self.pending = pending
        self.free_threading = free_threading
        self.dead_compat = dead_compat
        self.unsafe_fixes = unsafe_fixes
        self.cache_dir = cache_dir
        self.extend_select = extend_select
        self.per_file_ignores = per_file_ignores
        self.fail_on = fail_on
        self.force_exclude = force_exclude
        self.output_format = output_format
        self.respect_gitignore = respect_gitignore
        self.ignore_noqa = ignore_noqa  # --ignore-noqa only: a project's files do not decide it
        # the nested project whose Python requirement this is, when not the root's (``locate``)
        self.requirement_dir = requirement_dir

    def resolved_target(self) -> tuple[int, int]:
        """``target-version``, else the newest Python ``requires-python`` allows, else the newest
        release.  A requirement allowing no Python from ``OLDEST_TARGET`` on (``>=3.5,<3.7``,
        ``<3``) is refused as ``--target-version 3.6`` is: checked for 3.6 every file passed, and
        the question the run answers, which Python the code moves to, is the user's."""
        if self.target:
            # a target above what the requirement admits (a floor above it has its own warning)
            if self.requires_python and self._readable_requirement(highest=True) \
                    and (_bound(self.requires_python, highest=True) or self.target) < self.target:
                _warn("outmoded: warning: " + excluded_message(self.requires_python, self.target, self.requirement_origin()))
            return self.target
        if self.requires_python and self._readable_requirement(highest=True):
            highest = _bound(self.requires_python, highest=True)
            if highest and highest >= OLDEST_TARGET:
                return highest
            newest = f"{LATEST_RELEASE[0]}.{LATEST_RELEASE[1]}"
            origin = self.requirement_origin()
            where = f"{origin}: " if origin else ""
            raise ConfigError(
                f"{where}the project's Python requirement {self.requires_python!r} (requires-python or "
                f"python_requires) allows no Python outmoded checks for ({OLDEST_TARGET[0]}.{OLDEST_TARGET[1]} "
                f"to {newest}): give the Python the code must run on, with target-version in [tool.outmoded] "
                f"or --target-version")
        if self.requires_python:  # not a specifier: said by _readable_requirement; the target it leaves
            _warn(f"outmoded: warning: no target-version is given and the project's requires-python is "
                  f"ignored: checking for Python {LATEST_RELEASE[0]}.{LATEST_RELEASE[1]}, the newest outmoded "
                  f"knows (give the Python the code must run on with --target-version or target-version)")
        return LATEST_RELEASE

    def requirement_origin(self) -> str | None:
        """The configuration file of the project declaring ``requires_python``, for messages."""
        if self.requirement_dir is None:
            return self.config_file
        from outmoded.config.discovery import project_file

        return project_file(self.requirement_dir)

    def resolved_min_version(self) -> tuple[int, int]:
        return self.declared_floor() or (3, 9)

    def declared_floor(self) -> tuple[int, int] | None:
        """The oldest Python the project says it supports (``--min-version``, else the lower
        bound of ``requires-python``), or None when it says nothing."""
        if self.min_version:
            return self.min_version
        if not (self.requires_python and self._readable_requirement(highest=False)):
            return None
        return _bound(self.requires_python, highest=False)

    def _readable_requirement(self, highest: bool) -> bool:
        """Is ``requires-python`` a specifier?  (Asked with the bound the caller reads next, which
        is then remembered.)  One that is not (pyzmq 17.1.2's ``>=2.7,!=3.0*``) is ignored, as pip
        ignores it, with a warning naming the file and the value."""
        try:
            _bound(self.requires_python, highest)
        except InvalidRequirement:
            from outmoded.config.discovery import requirement_source
            from outmoded.specifiers import shortened

            where = requirement_source(self.requirement_dir or self.root, self.requirement_origin(),
                                       self.requires_python)
            _warn(f"outmoded: warning: {where + ': ' if where else ''}the project's Python requirement "
                  f"{shortened(self.requires_python)} (requires-python or python_requires) is not a valid version "
                  f"specifier; ignored, as pip ignores it: no oldest supported Python is taken from it")
            return False
        return True

    def reports(self, finding, path: str | None = None) -> bool:
        """Is this finding part of the report: its code is wanted (in ``path``), and it is not dead
        compatibility code (unless asked for)?"""
        return self.wants(finding.code, path) and (self.dead_compat or finding.context not in DEAD_COMPAT_CONTEXTS)

    def wants(self, code: str, path: str | None = None) -> bool:
        """Is ``code`` reported (in the file ``path``, for per-file-ignores)?"""
        opt_in = _opt_in(code)
        if opt_in and not (opt_in == "free-threading" and self.free_threading):
            # opt-in (catalog ``opt_in``): selected, or extended, by a prefix naming its group (OMF,
            # OMT1, OMF003), not by OM
            family = opt_in_family(code)
            if not any(code.startswith(p) and p.startswith(family) for p in (*(self.select or ()), *self.extend_select)):
                return False
        elif not (any(code.startswith(p) for p in self.extend_select)
                  or self.select is None or any(code.startswith(p) for p in self.select)):
            return False
        if any(code.startswith(p) for p in self.ignore):
            return False
        return not (path and self.per_file_ignores and self._ignored_in(code, path))

    def _ignored_in(self, code: str, path: str) -> bool:
        import fnmatch

        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.root).replace(os.sep, "/")
        name = os.path.basename(absolute)
        for pattern, prefixes in self.per_file_ignores:
            if any(code.startswith(p) for p in prefixes) and (
                    fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern)
                    or fnmatch.fnmatchcase(relative, pattern.rstrip("/") + "/*")):
                return True
        return False


def _opt_in(code: str) -> str | None:
    """How the rule ``code`` is asked for when it is opt-in (catalog ``opt_in``), else None."""
    if not code.startswith("OM"):
        return None
    from outmoded.catalog import opt_in_codes

    return opt_in_codes().get(code)


def _bound(requires_python: str, highest: bool) -> tuple[int, int] | None:
    """The highest (or lowest) 3.N that a requires-python specifier admits; the lowest may be
    2.6 or 2.7 (``python_requires='>=2.7'``).  Remembered between runs (``settings_cache``):
    importing packaging costs more than a small check."""
    from outmoded import settings_cache

    return settings_cache.bound(requires_python, highest, LATEST_RELEASE, _compute_bound)


def admits(requires_python: str, version: tuple[int, int]) -> bool:
    """Does a requires-python specifier admit some release of Python ``version``, as pip asks
    before installing the project there?  Read from its bounds (remembered between runs): a hole
    (``!=3.14.*``) between them is not seen."""
    highest, lowest = _bound(requires_python, highest=True), _bound(requires_python, highest=False)
    return highest is not None and lowest is not None and lowest <= version <= highest


def excluded_message(requires_python: str, version: tuple[int, int], where: str | None) -> str:
    """What a target the project's own Python requirement excludes means, in one wording for
    ``check``'s warning and ``deps``' verdict on the project itself (``where``: the file, or the
    file and line, declaring it)."""
    shown = f"{version[0]}.{version[1]}"
    return (f"the project's Python requirement {requires_python!r}{f' ({where})' if where else ''} excludes "
            f"Python {shown}, the target: pip and uv refuse to install the project there; widen it to admit {shown}")


def lowest_python(requires_python: str, python3: bool = False) -> tuple[int, int] | None:
    """The oldest Python (2.6, 2.7 or 3.N; with ``python3``, the oldest 3.N) a requires-python
    specifier admits; None when it admits none this tool knows or is not a specifier (pip ignores
    one it cannot read)."""
    try:
        return _compute_bound(requires_python, highest=False, python2=not python3)
    except InvalidRequirement:
        return None


def _compute_bound(requires_python: str, highest: bool, python2: bool = True) -> tuple[int, int] | None:
    from packaging.specifiers import InvalidSpecifier

    from outmoded.specifiers import specifier_set

    try:
        spec = specifier_set(requires_python)
    except InvalidSpecifier:
        raise InvalidRequirement(f"requires-python {requires_python!r} is not a valid specifier") from None
    if not highest and python2:
        for old in ("2.6", "2.7"):
            if any(spec.contains(f"{old}.{micro}", prereleases=True) for micro in (0, 18)):
                return 2, int(old[-1])
    minors = range(LATEST_RELEASE[1], -1, -1) if highest else range(0, LATEST_RELEASE[1] + 1)
    for minor in minors:
        if any(spec.contains(f"3.{minor}.{micro}", prereleases=True) for micro in (0, 99)):
            return 3, minor
    return None


def _warn(message: str) -> None:
    if message not in _WARNED:
        import sys

        from outmoded.cli import clean

        _WARNED.add(message)
        print(clean(message), file=sys.stderr)


def cache_root(settings: Settings) -> str:
    configured = settings.cache_dir or os.environ.get("OUTMODED_CACHE_DIR")
    if configured:
        return os.path.realpath(os.path.join(settings.root, configured))
    return os.path.join(settings.root, ".outmoded_cache")
