"""Settings: ``[tool.outmoded]`` in pyproject.toml, overridden by command-line options.

Keys (kebab-case, as ruff's; snake_case is accepted too):

    target-version = "3.13"     # the Python the code must run on (default: from requires-python)
    min-version = "3.9"         # oldest Python supported, for fixes (default: from requires-python)
    select = ["OM12", ...]      # codes or prefixes to report (default: all)
    ignore = ["OM12003"]
    exclude = ["build/", "*_pb2.py"]   # gitignore-style patterns, relative to the project root
    extend-exclude = [...]
    pending = false             # also warn about deprecations scheduled for removal later
    free-threading = false      # also warn about borrowed-reference C-API calls (OMT1xx), unsafe on 3.13t
    unsafe-fixes = false
    cache-dir = ".outmoded_cache"
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from outmoded.catalog import LATEST_RELEASE

VERSION_RE = re.compile(r"^(?:py)?3\.?(\d{1,2})$")
FREE_THREADING_CODES = ("OMT1",)  # borrowed-reference warnings: only with free-threading or selected by name
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", ".tox/", ".nox/", ".venv/", "venv/", "__pypackages__/",
                   "node_modules/", ".mypy_cache/", ".outmoded_cache/", "build/", "dist/", "site-packages/")


class ConfigError(Exception):
    """A broken setting; the message names the file and key."""


@dataclass
class Settings:
    root: Path = field(default_factory=Path.cwd)  # the directory of the pyproject.toml used
    config_file: Optional[Path] = None
    target: Optional[tuple[int, int]] = None
    min_version: Optional[tuple[int, int]] = None
    requires_python: Optional[str] = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    pending: bool = False
    free_threading: bool = False
    unsafe_fixes: bool = False
    cache_dir: Optional[str] = None

    def resolved_target(self) -> tuple[int, int]:
        if self.target:
            return self.target
        if self.requires_python:
            highest = _bound(self.requires_python, highest=True)
            if highest:
                return highest
        return LATEST_RELEASE

    def resolved_min_version(self) -> tuple[int, int]:
        if self.min_version:
            return self.min_version
        lowest = _bound(self.requires_python, highest=False) if self.requires_python else None
        return lowest or (3, 9)

    def wants(self, code: str) -> bool:
        if code.startswith(FREE_THREADING_CODES) and not self.free_threading \
                and not any(p.startswith(FREE_THREADING_CODES) for p in self.select):  # opt-in rules
            return False
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


def parse_version(text: str, what: str = "version") -> tuple[int, int]:
    match = VERSION_RE.match(str(text).strip())
    if not match:
        raise ConfigError(f"{what} must look like 3.13, got {text!r}")
    return 3, int(match.group(1))


def parse_min_version(text: str, what: str = "version") -> tuple[int, int]:
    """Like ``parse_version``, and Python 2 too: a project may still support 2.7."""
    if str(text).strip() in ("2.6", "2.7", "py26", "py27"):
        return 2, int(str(text).strip()[-1])
    return parse_version(text, what)


def _bound(requires_python: str, highest: bool) -> Optional[tuple[int, int]]:
    """The highest (or lowest) 3.N that a requires-python specifier admits; the lowest may be
    2.6 or 2.7 (``python_requires='>=2.7'``)."""
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


def find_pyproject(start: Path) -> Optional[Path]:
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _load_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
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


KEYS = {
    "target-version": lambda v, p, k: ("target", parse_version(v, f"{p}: [tool.outmoded] {k}")),
    "min-version": lambda v, p, k: ("min_version", parse_min_version(v, f"{p}: [tool.outmoded] {k}")),
    "select": lambda v, p, k: ("select", tuple(s.upper() for s in _strings(v, p, k))),
    "ignore": lambda v, p, k: ("ignore", tuple(s.upper() for s in _strings(v, p, k))),
    "exclude": lambda v, p, k: ("exclude", _strings(v, p, k)),
    "extend-exclude": lambda v, p, k: ("extend_exclude", _strings(v, p, k)),
    "pending": lambda v, p, k: ("pending", _boolean(v, p, k)),
    "free-threading": lambda v, p, k: ("free_threading", _boolean(v, p, k)),
    "unsafe-fixes": lambda v, p, k: ("unsafe_fixes", _boolean(v, p, k)),
    "cache-dir": lambda v, p, k: ("cache_dir", _strings(v, p, k)[0]),
}


def load_settings(config: Optional[str] = None, start: Optional[Path] = None) -> Settings:
    """Settings from ``config`` (a pyproject.toml) or the nearest pyproject.toml above ``start``."""
    path = Path(config) if config else find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        return Settings(requires_python=setup_python_requires((start or Path.cwd()).resolve()))
    if config and not path.is_file():
        raise ConfigError(f"{path}: no such file")
    data = _load_toml(path)
    settings = Settings(root=path.parent.resolve(), config_file=path,
                        requires_python=(data.get("project") or {}).get("requires-python")
                        or setup_python_requires(path.parent.resolve()))
    section = (data.get("tool") or {}).get("outmoded") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.outmoded] must be a table")
    changes = {}
    for raw_key, value in section.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            raise ConfigError(f"{path}: [tool.outmoded] unknown key {raw_key!r} "
                              f"(known: {', '.join(sorted(KEYS))})")
        attribute, parsed = KEYS[key](value, path, raw_key)
        changes[attribute] = parsed
    return replace(settings, **changes)


SETUP_PY_REQUIRES = re.compile(r"""python_requires\s*=\s*(['"])([^'"\n]+)\1""")


def setup_python_requires(directory: Path) -> Optional[str]:
    """``python_requires`` of a setuptools project in ``directory`` (setup.cfg, or a literal in
    setup.py read as text: setup.py is never run)."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(directory / "setup.cfg", encoding="utf-8")
        found = parser.get("options", "python_requires", fallback=None)
        if found:
            return found.strip()
        match = SETUP_PY_REQUIRES.search((directory / "setup.py").read_text(encoding="utf-8", errors="replace"))
    except (OSError, configparser.Error):
        return None
    return match.group(2).strip() if match else None


def check_codes(codes, known: set[str], what: str) -> None:
    """Unknown rule codes or prefixes in select/ignore are a usage error, as in ruff."""
    for code in codes:
        if not any(k.startswith(code) for k in known):
            raise ConfigError(f"{what}: unknown rule code or prefix {code!r}")


def cache_root(settings: Settings) -> Path:
    configured = settings.cache_dir or os.environ.get("OUTMODED_CACHE_DIR")
    if configured:
        return (settings.root / configured).resolve()
    return settings.root / ".outmoded_cache"
