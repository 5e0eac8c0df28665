"""Settings: ``[tool.outmoded]`` in pyproject.toml, overridden by command-line options.

Keys (kebab-case, as ruff's; snake_case is accepted too):

    target-version = "3.13"     # the Python the code must run on (default: from requires-python)
    min-version = "3.9"         # oldest Python supported, for fixes (default: from requires-python)
    select = ["OM12", ...]      # codes or prefixes to report (default: all)
    ignore = ["OM12003"]
    exclude = ["build/", "*_pb2.py"]   # gitignore-style patterns, relative to the project root
    extend-exclude = [...]
    pending = false             # also warn about deprecations scheduled for removal later
    free-threading = false      # also warn about borrowed-reference C-API calls (OMT1xx), unsafe on 3.13t,
                                # and free-threaded interpreters in CI/deployment files (OMF003)
    dead-compat = false         # also report compatibility code that is dead on the target (a try/except
                                # whose fallback is equivalent, a hasattr() branch that never runs)
    unsafe-fixes = false
    cache-dir = ".outmoded_cache"
    extend-select = ["OMT1"]    # added to select (or to the default selection)
    per-file-ignores = {"tests/*" = ["OM12003"]}   # glob -> codes or prefixes
    fail-on = "error"           # error | warning | never: which findings make the exit status 1
    force-exclude = false       # apply exclude to files named on the command line too
    output-format = "full"      # full | concise | grouped | json | json-lines | junit | github | gitlab | sarif

Each checked path uses its nearest project upward (a directory with ``pyproject.toml``,
``setup.cfg`` or ``setup.py``, as ruff finds its configuration): ``[tool.outmoded]`` from its
pyproject.toml, and ``requires-python`` (``[project]``), ``python_requires`` (setup.cfg's
``[options]``, or a literal ``setup(python_requires=...)`` read with ``ast``, never executed).
"""

from __future__ import annotations

import os
import re
import sys

from outmoded.catalog import LATEST_RELEASE
from outmoded.findings import DEAD_COMPAT_CONTEXTS
from outmoded.records import Record, replace

VERSION_RE = re.compile(r"^(?:py)?3\.?(\d{1,2})$")
PY2_RE = re.compile(r"^(?:py)?2\.?\d{0,2}$")
PROJECT_FILES = ("pyproject.toml", "setup.cfg", "setup.py")
FAIL_ON = ("error", "warning", "never")
FREE_THREADING_CODES = ("OMT",)  # free-threading readiness: only with --free-threading or selected by name
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", ".tox/", ".nox/", ".venv/", "venv/", "__pypackages__/",
                   "node_modules/", ".mypy_cache/", ".outmoded_cache/", "build/", "dist/", "site-packages/")


class ConfigError(Exception):
    """A broken setting; the message names the file and key."""


class Settings(Record):
    """One project's settings.  ``root``: the directory of the configuration file used (default:
    the current directory); ``config_file``: that file; ``per_file_ignores``: (glob, code
    prefixes) pairs; the others are the keys above (``target``/``min_version`` as (3, 13))."""

    __slots__ = _fields = (
        "root", "config_file", "target", "min_version", "requires_python", "select", "ignore", "exclude",
        "extend_exclude", "pending", "free_threading", "dead_compat", "unsafe_fixes", "cache_dir", "extend_select",
        "per_file_ignores", "fail_on", "force_exclude", "output_format",
    )

    def __init__(self, root: str | None = None, config_file: str | None = None, target: tuple[int, int] | None = None,
                 min_version: tuple[int, int] | None = None, requires_python: str | None = None,
                 select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 extend_exclude: tuple[str, ...] = (), pending: bool = False, free_threading: bool = False,
                 dead_compat: bool = False, unsafe_fixes: bool = False, cache_dir: str | None = None,
                 extend_select: tuple[str, ...] = (), per_file_ignores: tuple = (), fail_on: str = "error",
                 force_exclude: bool = False, output_format: str | None = None):
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

    def resolved_target(self) -> tuple[int, int]:
        if self.target:
            return self.target
        if self.requires_python:
            highest = _bound(self.requires_python, highest=True)
            if highest:
                return highest
        return LATEST_RELEASE

    def resolved_min_version(self) -> tuple[int, int]:
        return self.declared_floor() or (3, 9)

    def declared_floor(self) -> tuple[int, int] | None:
        """The oldest Python the project says it supports (``--min-version``, else the lower
        bound of ``requires-python``), or None when it says nothing."""
        if self.min_version:
            return self.min_version
        return _bound(self.requires_python, highest=False) if self.requires_python else None

    def reports(self, finding, path: str | None = None) -> bool:
        """Is this finding part of the report: its code is wanted (in ``path``), and it is not dead
        compatibility code (unless asked for)?"""
        return self.wants(finding.code, path) and (self.dead_compat or finding.context not in DEAD_COMPAT_CONTEXTS)

    def wants(self, code: str, path: str | None = None) -> bool:
        """Is ``code`` reported (in the file ``path``, for per-file-ignores)?"""
        if not (any(code.startswith(p) for p in self.extend_select) or self._selected(code)):
            return False
        if any(code.startswith(p) for p in self.ignore):
            return False
        return not (path and self.per_file_ignores and self._ignored_in(code, path))

    def _selected(self, code: str) -> bool:
        if code.startswith(FREE_THREADING_CODES) and not self.free_threading:
            # opt-in: selected by a prefix naming them (borrowed-reference OMT1 only by its own)
            group = "OMT1" if code.startswith("OMT1") else "OMT"
            return any(code.startswith(p) and p.startswith(group) for p in self.select)
        opt_in = _opt_in(code)
        if opt_in and not (opt_in == "free-threading" and self.free_threading):
            # advice (catalog ``opt_in``): selected by a prefix naming its family (OMF, OMF003), not by OM
            return any(code.startswith(p) and p.startswith(code[:3]) for p in self.select)
        return not self.select or any(code.startswith(p) for p in self.select)

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


def parse_version(text: str, what: str = "version") -> tuple[int, int]:
    match = VERSION_RE.match(str(text).strip())
    if match:
        return 3, int(match.group(1))
    if PY2_RE.match(str(text).strip()):
        raise ConfigError(f"{what} {text}: outmoded checks code for Python 3 targets; "
                          f"give a version such as 3.13")
    raise ConfigError(f"{what} must look like 3.13 (or py313), got {text!r}")


def check_target(version: tuple[int, int], what: str = "target-version") -> tuple[int, int]:
    """A target newer than the newest release the catalog knows would pass silently: refuse it."""
    if version > LATEST_RELEASE:
        newest = f"{LATEST_RELEASE[0]}.{LATEST_RELEASE[1]}"
        raise ConfigError(f"{what} {version[0]}.{version[1]} is newer than the newest Python outmoded "
                          f"knows ({newest}); use {newest} (--pending also shows removals scheduled later)")
    return version


def parse_min_version(text: str, what: str = "version") -> tuple[int, int]:
    """Like ``parse_version``, and Python 2 too: a project may still support 2.7."""
    if str(text).strip() in ("2.6", "2.7", "py26", "py27"):
        return 2, int(str(text).strip()[-1])
    if PY2_RE.match(str(text).strip()):
        raise ConfigError(f"{what} {text}: the oldest Python outmoded's fixes know is 2.6")
    return parse_version(text, what)


def _bound(requires_python: str, highest: bool) -> tuple[int, int] | None:
    """The highest (or lowest) 3.N that a requires-python specifier admits; the lowest may be
    2.6 or 2.7 (``python_requires='>=2.7'``).  Remembered between runs (``settings_cache``):
    importing packaging costs more than a small check."""
    from outmoded import settings_cache

    return settings_cache.bound(requires_python, highest, LATEST_RELEASE, _compute_bound)


def _compute_bound(requires_python: str, highest: bool) -> tuple[int, int] | None:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        spec = SpecifierSet(requires_python)
    except InvalidSpecifier:
        raise ConfigError(f"requires-python {requires_python!r} is not a valid specifier") from None
    if not highest:
        for old in ("2.6", "2.7"):
            if any(spec.contains(f"{old}.{micro}", prereleases=True) for micro in (0, 18)):
                return 2, int(old[-1])
    minors = range(LATEST_RELEASE[1], -1, -1) if highest else range(0, LATEST_RELEASE[1] + 1)
    for minor in minors:
        if any(spec.contains(f"3.{minor}.{micro}", prereleases=True) for micro in (0, 99)):
            return 3, minor
    return None


def find_pyproject(start: str) -> str | None:
    """The configuration file of the nearest project at or above the directory ``start`` (an
    absolute path): its pyproject.toml, else its setup.cfg, else its setup.py (a project is a
    directory holding any of them)."""
    directory = start
    while True:
        for name in PROJECT_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def project_start(path: str) -> str:
    """Where the search for ``path``'s project begins, symlinks resolved: the directory itself,
    or a file's folder."""
    absolute = os.path.abspath(path)
    return os.path.realpath(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))


def _setup_cfg_requires(path: str) -> str | None:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {str(exc).splitlines()[0]}") from None
    value = parser.get("options", "python_requires", fallback=None)
    return value.strip() if value and value.strip() else None


def _setup_py_requires(path: str) -> str | None:
    """``python_requires`` of a ``setup(...)`` call when it is a string literal; setup.py is parsed
    with ``ast``, never run."""
    import ast
    import warnings

    from outmoded.setupcall import setup_calls

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # an unreadable setup.py says nothing about the project's Pythons
    for call in setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg == "python_requires" and isinstance(keyword.value, ast.Constant) \
                    and isinstance(keyword.value.value, str):
                return keyword.value.value
    return None


def _load_toml(path: str, data: bytes | None = None) -> dict:
    """The TOML document at ``path`` (``data``: its bytes, when already read)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        if data is None:
            with open(path, "rb") as handle:
                data = handle.read()
        return tomllib.loads(data.decode())  # what tomllib.load does with the handle
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _strings(value, path, key) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be a list of strings")
    return tuple(value)


def _boolean(value, path, key) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be true or false")
    return value


def _per_file_ignores(value, path, key) -> tuple:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be a table of glob = [codes]")
    return tuple((pattern, tuple(s.upper() for s in _strings(codes, path, f"{key}.{pattern!r}")))
                 for pattern, codes in value.items())


def _choice(choices):
    def parse(value, path, key):
        if value not in choices:
            raise ConfigError(f"{path}: [tool.outmoded] {key} must be one of {', '.join(choices)}, got {value!r}")
        return value
    return parse


def output_formats() -> tuple[str, ...]:
    from outmoded.reporters import FORMATS

    return tuple(FORMATS)


KEYS = {
    "target-version": lambda v, p, k: ("target", check_target(parse_version(v, f"{p}: [tool.outmoded] {k}"),
                                                              f"{p}: [tool.outmoded] {k}")),
    "min-version": lambda v, p, k: ("min_version", parse_min_version(v, f"{p}: [tool.outmoded] {k}")),
    "select": lambda v, p, k: ("select", tuple(s.upper() for s in _strings(v, p, k))),
    "ignore": lambda v, p, k: ("ignore", tuple(s.upper() for s in _strings(v, p, k))),
    "exclude": lambda v, p, k: ("exclude", _strings(v, p, k)),
    "extend-exclude": lambda v, p, k: ("extend_exclude", _strings(v, p, k)),
    "pending": lambda v, p, k: ("pending", _boolean(v, p, k)),
    "free-threading": lambda v, p, k: ("free_threading", _boolean(v, p, k)),
    "dead-compat": lambda v, p, k: ("dead_compat", _boolean(v, p, k)),
    "unsafe-fixes": lambda v, p, k: ("unsafe_fixes", _boolean(v, p, k)),
    "cache-dir": lambda v, p, k: ("cache_dir", _strings(v, p, k)[0]),
    "extend-select": lambda v, p, k: ("extend_select", tuple(s.upper() for s in _strings(v, p, k))),
    "per-file-ignores": lambda v, p, k: ("per_file_ignores", _per_file_ignores(v, p, k)),
    "fail-on": lambda v, p, k: ("fail_on", _choice(FAIL_ON)(v, p, k)),
    "force-exclude": lambda v, p, k: ("force_exclude", _boolean(v, p, k)),
    "output-format": lambda v, p, k: ("output_format", _choice(output_formats())(v, p, k)),
}


def _as_written(path: str) -> str:
    """A path as pathlib shows it: no empty or ``.`` components (``./pyproject.toml`` is
    ``pyproject.toml``); kept for the messages that name it."""
    parts = [part for part in path.split(os.sep) if part not in ("", ".")]
    shown = os.sep.join(parts)
    return (os.sep + shown) if path.startswith(os.sep) else (shown or ".")


def load_settings(config: str | None = None, start: str | None = None) -> Settings:
    """Settings from ``config`` (a pyproject.toml) or the nearest project at or above ``start``."""
    path = _as_written(config) if config else find_pyproject(os.path.realpath(start or os.getcwd()))
    if path is None:
        return Settings()
    if config and not os.path.isfile(path):
        raise ConfigError(f"{path}: no such file")
    directory = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if os.path.basename(path) in ("setup.cfg", "setup.py") and not config:
        return Settings(root=directory, config_file=path, requires_python=setup_python_requires(directory))
    from outmoded import settings_cache

    data = settings_cache.pyproject(path, _load_toml)  # what outmoded reads of it, remembered
    requires = (data.get("project") or {}).get("requires-python")
    if requires is not None and not isinstance(requires, str):
        raise ConfigError(f"{path}: [project] requires-python must be a string")
    if requires is None:  # a pyproject.toml beside setup.cfg/setup.py that says nothing
        requires = setup_python_requires(directory)
    settings = Settings(root=directory, config_file=path, requires_python=requires)
    section = (data.get("tool") or {}).get("outmoded") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.outmoded] must be a table")
    return apply_section(settings, section, path)


def apply_section(settings: Settings, section: dict, where) -> Settings:
    """``settings`` with the keys of a ``[tool.outmoded]`` table applied; ``where`` names its origin."""
    changes = {}
    for raw_key, value in section.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            raise ConfigError(f"{where}: [tool.outmoded] unknown key {raw_key!r} "
                              f"(known: {', '.join(sorted(KEYS))})")
        attribute, parsed = KEYS[key](value, where, raw_key)
        changes[attribute] = parsed
    return replace(settings, **changes)


def parse_overrides(pairs: list[str]) -> dict:
    """``--config "fail-on = 'warning'"`` (ruff's inline form): TOML ``key = value`` lines."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    table = {}
    for pair in pairs:
        try:
            table.update(tomllib.loads(pair))
        except ValueError as exc:
            raise ConfigError(f"--config {pair!r}: neither a file nor a TOML `key = value` ({exc})") from None
    return table


def setup_python_requires(directory: str) -> str | None:
    """``python_requires`` of a setuptools project in ``directory``: setup.cfg's ``[options]``,
    else a literal in setup.py (parsed, never run)."""
    for name, reader in (("setup.cfg", _setup_cfg_requires), ("setup.py", _setup_py_requires)):
        if os.path.isfile(os.path.join(directory, name)):
            found = reader(os.path.join(directory, name))
            if found:
                return found
    return None


def check_codes(codes, known: set[str], what: str) -> None:
    """Unknown rule codes or prefixes in select/ignore are a usage error, as in ruff."""
    for code in codes:
        if not any(k.startswith(code) for k in known):
            raise ConfigError(f"{what}: unknown rule code or prefix {code!r}")


def cache_root(settings: Settings) -> str:
    configured = settings.cache_dir or os.environ.get("OUTMODED_CACHE_DIR")
    if configured:
        return os.path.realpath(os.path.join(settings.root, configured))
    return os.path.join(settings.root, ".outmoded_cache")
