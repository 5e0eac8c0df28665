"""Which files to check: walk the given paths for ``*.py``/``*.pyi``, skipping what is excluded.

- ``exclude``/``extend-exclude`` settings and ``.gitignore`` files use gitignore syntax (pathspec);
  they apply to files named on the command line too, because pre-commit passes every file
  explicitly;
- directory symlinks are never followed (no loops, no escaping the tree); file symlinks are
  followed only when they point inside the tree being walked;
- what cannot be walked is returned as an error for that path, never raised.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from outmoded.filetypes import wanted
from outmoded.findings import FileError


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)


def display_path(path: str, cwd: str) -> str:
    """Relative to the current directory when under it, as ruff shows paths."""
    absolute = os.path.abspath(path)
    if absolute == cwd or absolute.startswith(cwd + os.sep):
        return os.path.relpath(absolute, cwd)
    return absolute


class Ignorer:
    """gitignore-style matching of exclude settings and .gitignore files."""

    def __init__(self, root: Path, patterns: tuple[str, ...]):
        self.root = str(root)
        self.specs: dict[str, object] = {}  # directory -> spec from its .gitignore (None: none)
        self.exclude = self._spec(patterns)

    @staticmethod
    def _spec(lines):
        lines = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not lines:
            return None
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(lines)

    def _gitignore(self, directory: str):
        if directory not in self.specs:
            try:
                with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                    self.specs[directory] = self._spec(handle.read().splitlines())
            except OSError:
                self.specs[directory] = None
        return self.specs[directory]

    def ignored(self, path: str, is_dir: bool) -> bool:
        suffix = "/" if is_dir else ""
        relative = os.path.relpath(path, self.root)
        if self.exclude and not relative.startswith("..") and self.exclude.match_file(relative + suffix):
            return True
        if self.exclude and self.exclude.match_file(os.path.basename(path) + suffix):
            return True
        directory = os.path.dirname(path)
        while True:  # .gitignore files from the file's directory up to the root
            spec = self._gitignore(directory)
            if spec is not None and spec.match_file(os.path.relpath(path, directory) + suffix):
                return True
            if directory == self.root or len(directory) <= len(self.root) or os.path.dirname(directory) == directory:
                return False
            directory = os.path.dirname(directory)


def _walk(top: str, ignorer: Ignorer, errors: list[FileError]) -> Iterator[str]:
    real_top = os.path.realpath(top)
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            errors.append(FileError(directory, f"cannot list directory: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = entry.path
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if not ignorer.ignored(path, True):
                    stack.append(path)
                continue
            if not wanted(path) or ignorer.ignored(path, False):
                continue
            if is_link and not _link_inside(path, real_top, errors):
                continue
            yield path


def _link_inside(path: str, real_top: str, errors: list[FileError]) -> bool:
    try:
        os.stat(path)  # raises for dangling links and loops
        target = os.path.realpath(path)
    except OSError as exc:
        reason = "symlink loop" if "loop" in str(exc).lower() else "dangling symlink"
        errors.append(FileError(path, f"cannot read: {reason}"))
        return False
    if target != real_top and not target.startswith(real_top + os.sep):
        return False  # points out of the tree
    if os.path.isdir(target):
        return False
    return True


def discover(paths: list[str], root: Path, exclude: tuple[str, ...]) -> Discovery:
    found = Discovery()
    ignorer = Ignorer(root, exclude)
    seen: set[str] = set()
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path) and not os.path.islink(path):
            candidates = _walk(path, ignorer, found.errors)
        elif os.path.lexists(path):
            candidates = [] if ignorer.ignored(path, False) else [path]
        else:
            found.errors.append(FileError(raw, "no such file or directory"))
            continue
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                found.files.append(candidate)
    return found


def nearest_root(paths: list[str]) -> Optional[Path]:
    return Path(os.path.commonpath([os.path.abspath(p) for p in paths])) if paths else None
