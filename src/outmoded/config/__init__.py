"""Settings: ``[tool.outmoded]`` in pyproject.toml, overridden by command-line options.

Keys (kebab-case, as ruff's; snake_case is accepted too):

    target-version = "3.13"     # the Python the code must run on (default: from requires-python)
    min-version = "3.9"         # oldest Python supported, for fixes and as the floor under which a
                                # removal is already broken (default: from requires-python)
    select = ["OM12", ...]      # codes or prefixes to report (default: all; [] none, as in ruff)
    ignore = ["OM12003"]
    exclude = ["build/", "*_pb2.py"]   # gitignore-style patterns, relative to the project root
    extend-exclude = [...]
    pending = false             # also warn about deprecations scheduled for removal later
    free-threading = false      # also warn about extension modules that re-enable the GIL on 3.13t+ (OMT0;
                                # a target spelled 3.14t says the same)
    dead-compat = false         # also report compatibility code that is dead on the target (a try/except
                                # whose fallback is equivalent, a hasattr() branch that never runs),
                                # code that never runs, and removals at or before the floor
    unsafe-fixes = false
    cache-dir = ".outmoded_cache"
    extend-select = ["OMT1"]    # added to select (or to the default selection)
    per-file-ignores = {"tests/*" = ["OM12003"]}   # glob -> codes or prefixes
    fail-on = "error"           # error | warning | never: which findings make the exit status 1
    force-exclude = false       # apply exclude to files named on the command line too
    respect-gitignore = true    # skip what .gitignore files ignore (inside a git work tree), as ruff
    output-format = "full"      # full | concise | grouped | json | json-lines | junit | github | gitlab | sarif

Each file uses its directory's settings (``discovery.locate``), as ruff finds configuration: the
nearest pyproject.toml above with a ``[tool.outmoded]`` table, and the nearest Python requirement
on the way, ``requires-python`` (``[project]``), ``python_requires`` (setup.cfg's ``[options]``, or
a literal ``setup(python_requires=...)`` read with ``ast``, never executed) or an sdist's
``PKG-INFO``; a project nested in a checked folder is met by the walk (``commands.checking``).
A key given twice in one table, spelled both ways (``min_version``, ``min-version``), is an error.

``outmoded.config.discovery`` finds the project, ``outmoded.config.parsing`` reads and validates
the keys, ``outmoded.config.settings`` holds the result and its defaults; ``load_settings`` here
puts them together.  Every name is importable from ``outmoded.config``.
"""

from __future__ import annotations

import os

from outmoded.config.discovery import (
    PROJECT_FILES,
    Location,
    declared_requirement,
    locate,
    own_config,
    project_file,
    project_start,
    setup_python_requires,
)
from outmoded.config.parsing import (
    KEYS,
    PY2_RE,
    VERSION_RE,
    _load_toml,
    apply_section,
    check_codes,
    check_target,
    output_formats,
    parse_min_version,
    parse_overrides,
    parse_version,
)
from outmoded.config.settings import (
    DEFAULT_EXCLUDE,
    FAIL_ON,
    ConfigError,
    Settings,
    cache_root,
)
from outmoded.records import replace

__all__ = [
    "DEFAULT_EXCLUDE", "FAIL_ON", "KEYS", "PROJECT_FILES", "Location", "declared_requirement", "locate",
    "own_config", "project_file", "settings_at", "PY2_RE", "VERSION_RE", "ConfigError",
    "Settings", "apply_section", "cache_root", "check_codes", "check_target", "load_settings",
    "output_formats", "parse_min_version", "parse_overrides", "parse_version", "project_start",
    "setup_python_requires",
]


def _as_written(path: str) -> str:
    """A path as pathlib shows it: no empty or ``.`` components (``./pyproject.toml`` is
    ``pyproject.toml``); kept for the messages that name it."""
    parts = [part for part in path.split(os.sep) if part not in ("", ".")]
    shown = os.sep.join(parts)
    return (os.sep + shown) if path.startswith(os.sep) else (shown or ".")


def load_settings(config: str | None = None, start: str | None = None, location: Location | None = None) -> Settings:
    """Settings from ``config`` (a pyproject.toml), else those of the files in the directory
    ``start`` (``locate``, unless its ``location`` is known): the nearest ``[tool.outmoded]``
    above it, with the nearest Python requirement on the way; without either, the nearest
    project's (its root, its defaults)."""
    if config:
        path = _as_written(config)
        if not os.path.isfile(path):
            raise ConfigError(f"{path}: no such file")
        return _from_pyproject(path, given=True)
    return settings_at(location or locate(os.path.realpath(start or os.getcwd())))


def settings_at(location: Location) -> Settings:
    """The settings a ``Location`` gives (``load_settings``, and a nested project met by the walk)."""
    if location.config is not None:
        settings = _from_pyproject(location.config)
    elif location.requirement is not None or location.nearest is not None:
        directory = location.requirement or os.path.dirname(location.nearest)
        return Settings(root=directory, config_file=project_file(directory),
                        requires_python=declared_requirement(directory))
    else:
        return Settings()
    if location.requirement is None:
        return settings
    # the nearer project's requirement is its oldest Python too: the configuration's min-version
    # was said of the project around it (--min-version still applies to every file)
    return replace(settings, requires_python=declared_requirement(location.requirement), min_version=None,
                   requirement_dir=location.requirement)


def _from_pyproject(path: str, given: bool = False) -> Settings:
    """The settings of one pyproject.toml (its ``[tool.outmoded]`` and requirement), its
    directory the root (``given``: named by ``--config``, read as TOML whatever its name)."""
    directory = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if os.path.basename(path) in ("setup.cfg", "setup.py") and not given:
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
