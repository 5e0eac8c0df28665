"""The Python a dependency must install on, and which of a requirement's markers hold there."""

from __future__ import annotations

from packaging.markers import (
    InvalidMarker,
    UndefinedComparison,
    UndefinedEnvironmentName,
)
from packaging.requirements import Requirement

from outmoded.catalog import format_version
from outmoded.cli import UsageError


def parse_target(text: str | None, files: list | None = None) -> tuple:
    """``3.13`` -> (3, 13); by default the same target as ``check`` gives the files named (the
    settings of their folder: requirement, config), else the current directory's."""
    import os

    from outmoded.config import ConfigError, check_target, load_settings, parse_version, project_start

    try:  # a future version would check nothing the index can know about: refused, as check does
        if text is not None:
            return check_target(parse_version(text, "--target-version"), "--target-version")
        starts = dict.fromkeys(project_start(name) for name in files or [] if os.path.exists(name)) or [None]
        targets = {start: load_settings(start=start).resolved_target() for start in starts}
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if len(set(targets.values())) > 1:
        shown = ", ".join(f"{os.path.relpath(start)}: {format_version(version)}" for start, version in targets.items())
        raise UsageError(f"the files named belong to projects checked for different targets ({shown}); "
                         f"give one with --target-version")
    return next(iter(targets.values()))


def environment(version: tuple, platform, extra: str = "") -> dict:
    sys_platform, system, os_name, machine = platform.markers
    full = f"{version[0]}.{version[1]}.0"
    return {
        "python_version": format_version(version), "python_full_version": full,
        "implementation_name": "cpython", "platform_python_implementation": "CPython",
        "implementation_version": full, "sys_platform": sys_platform, "platform_system": system,
        "os_name": os_name, "platform_machine": machine, "extra": extra,
    }


def selected_platforms(requirement: Requirement, version: tuple, platforms: tuple,
                       extra: str = "") -> tuple:
    """The platforms whose marker environment the requirement's marker accepts."""
    if requirement.marker is None:
        return platforms
    return tuple(p for p in platforms if _holds(requirement, version, p, extra))


def _holds(requirement: Requirement, version: tuple, platform, extra: str) -> bool:
    try:
        return requirement.marker.evaluate(environment(version, platform, extra))
    except (InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return True  # a marker we cannot decide: check the dependency rather than drop it
