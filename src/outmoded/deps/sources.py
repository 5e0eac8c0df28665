"""Which dependency files to read, and the dependencies they name for the target.

With no files named, the project in the current directory is searched for the usual ones.
A named directory is searched the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps import pyproject, requirements
from outmoded.deps.model import Skipped
from outmoded.deps.target import selected_platforms

PATTERNS = ("pyproject.toml", "requirements*.txt", "requirements/*.txt", "pylock.toml", "pylock.*.toml")


def discover(directory: Path) -> list:
    found = [p for pattern in PATTERNS for p in sorted(directory.glob(pattern)) if p.is_file()]
    if not found:
        raise UsageError(f"no requirements*.txt, pyproject.toml or pylock.toml in {directory}; "
                         f"name the files to check")
    return found


def files_to_read(names: list) -> list:
    if not names:
        return discover(Path.cwd())
    paths = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            paths += discover(path)
        elif path.is_file():
            paths.append(path)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return paths


def label(path: Path) -> str:
    """The file name reported: relative to the current directory when inside it."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    return str(path) if relative.startswith("..") else relative


def read_file(path: Path, seen: set) -> tuple:
    name = path.name
    if name == "pyproject.toml":
        return pyproject.read_pyproject(path, label)
    if name.startswith("pylock.") and name.endswith(".toml"):
        return pyproject.read_pylock(path, label)
    if path.resolve() in seen:
        return [], []  # already read through another file's -r include
    return requirements.read(path, label, seen)


def collect(paths: list, version: tuple, platforms: tuple) -> tuple:
    """Dependencies to check and entries skipped, over all files, markers evaluated."""
    deps, skipped, seen = [], [], set()
    for path in paths:
        found, passed = read_file(path, seen)
        skipped += passed
        for dep in found:
            if dep.requirement is None:
                deps.append(dep)
                continue
            dep.platforms = selected_platforms(dep.requirement, version, platforms, dep.extra)
            if dep.platforms:
                deps.append(dep)
            else:
                skipped.append(Skipped(dep.name, dep.file, dep.line,
                                       f"marker excludes the target: {dep.requirement.marker}"))
    return deps, skipped
