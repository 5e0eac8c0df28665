"""Which files to check: walk the given paths for ``*.py``/``*.pyi``, skipping what is excluded.

- ``exclude``/``extend-exclude`` settings and ``.gitignore`` files use gitignore syntax (pathspec);
  as in ruff, a file named on the command line is checked even when excluded, unless
  ``force_exclude`` (``--force-exclude``, which the pre-commit hooks pass: pre-commit names every
  file); a ``.gitignore`` counts only inside a git work tree (like git and ruff): one shipped
  in an unpacked sdist, with no repository around it, hides nothing; ``respect_gitignore``
  (``--no-respect-gitignore``, ``respect-gitignore = false``) turns .gitignore files off;
- directory symlinks are never followed (no loops, no escaping the tree); file symlinks are
  followed only when they point inside the tree being walked;
- what cannot be walked is returned as an error for that path, never raised;
- a file below a directory named like a standard-library package a relative import can reach
  removed names in (``STDLIB_PACKAGES``) is recorded with those names (``Discovery.inside``):
  told once per directory, so the prefilter asks more only of those files (``relativeneedles``).
"""

from __future__ import annotations

import os

from outmoded.filetypes import wanted
from outmoded.findings import FileError
from outmoded.pathquote import quoted_name
from outmoded.source import open_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Iterator  # importing collections costs every run


# the top-level packages of the catalog's dotted names of three parts or more, at any target
# (``catalog.index``'s relative_roots; a test keeps them equal): in a directory so named,
# ``from . import events`` may bind ``asyncio.events`` (``relativeneedles``)
STDLIB_PACKAGES = frozenset(("argparse", "asyncio", "collections", "concurrent", "distutils", "email", "html", "http",
                             "importlib", "multiprocessing", "os", "sqlite3", "sys", "typing", "unittest", "urllib",
                             "wsgiref", "xml"))
_NONE: frozenset = frozenset()


class Discovery:
    """The files to check (absolute paths, in the order found), what could not be walked,
    ``skipped``: what a walk passed over that the user should learn of (a symlink out of the
    tree: path, why), and ``inside``: the files below a directory named like one of
    ``STDLIB_PACKAGES`` -> those names."""

    __slots__ = ("files", "errors", "skipped", "inside")

    def __init__(self) -> None:
        self.files: list[str] = []
        self.errors: list[FileError] = []
        self.skipped: list[tuple[str, str]] = []
        self.inside: dict[str, frozenset] = {}


def display_path(path: str, cwd: str) -> str:
    """Relative to the current directory when under it, as ruff shows paths."""
    absolute = path if os.path.isabs(path) else os.path.abspath(path)
    if absolute.startswith(cwd + os.sep):
        return absolute[len(cwd) + 1:]
    return "." if absolute == cwd else absolute


def say_skipped(skipped: list[tuple[str, str]], cwd: str) -> None:
    """Tell the user, on stderr, of each path a walk passed over (``Discovery.skipped``).  Nothing
    is imported for none: a one-file check imports no ``re`` (tests/test_startup.py)."""
    if not skipped:
        return
    import sys

    from outmoded.reporters.text import clean

    for path, why in skipped:
        print(clean(f"outmoded: warning: {quoted_name(display_path(path, cwd))}: not checked: {why}"), file=sys.stderr)


class Ignorer:
    """gitignore-style matching of exclude settings and .gitignore files.

    Plain names ("build/", "*_pb2.py") are matched against each path component without pathspec,
    which keeps a walk of thousands of files cheap; patterns with a slash inside, and .gitignore
    files, go through pathspec.
    """

    def __init__(self, root: str, patterns: tuple[str, ...], respect_gitignore: bool = True,
                 gitignore_root: str | None = None):
        self.root = str(root)
        # .gitignore files are read from each walked path up to here (a nested project's walk:
        # up to the enclosing project's root, whose walk would have read them)
        self.gitignore_root = self.root if gitignore_root is None else str(gitignore_root)
        self.respect_gitignore = respect_gitignore
        simple = [p for p in patterns if "/" not in p.rstrip("/") and not p.startswith("!")]
        self.dir_names = _Names([p.rstrip("/") for p in simple])
        self.file_names = _Names([p for p in simple if not p.endswith("/")])
        self.spec = _spec([p for p in patterns if p not in simple])
        self.gitignores: dict[str, object] = {}  # directory -> spec of its .gitignore, or None
        self.git_dirs: dict[str, bool] = {}  # directory -> inside a git work tree

    def add_gitignore(self, directory: str) -> None:
        if not (self.respect_gitignore and self.in_git_work_tree(directory)):
            return
        try:
            with open_regular(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                self.gitignores[directory] = _spec(handle.read().splitlines())
        except OSError:
            pass

    def in_git_work_tree(self, directory: str) -> bool:
        """Is there a ``.git`` (directory, or file of a linked work tree) here or above?"""
        if directory not in self.git_dirs:
            parent = os.path.dirname(directory)
            self.git_dirs[directory] = os.path.exists(os.path.join(directory, ".git")) or (
                parent != directory and self.in_git_work_tree(parent))
        return self.git_dirs[directory]

    def ignored(self, path: str, is_dir: bool, name: str | None = None) -> bool:
        """``name``: the path's last component, when the caller has it (a walk's entry)."""
        name = os.path.basename(path) if name is None else name
        if (self.dir_names if is_dir else self.file_names).match(name):
            return True
        suffix = "/" if is_dir else ""
        if self.spec is not None and path.startswith(self.root + os.sep):
            if self.spec.match_file(path[len(self.root) + 1:] + suffix):
                return True
        for directory, spec in self.gitignores.items():
            if spec is not None and path.startswith(directory + os.sep) \
                    and spec.match_file(path[len(directory) + 1:] + suffix):
                return True
        return False


class _Names:
    """Whole-name matching: literal names (``.git``, ``build``) by set membership, glob patterns
    (``*_pb2.py``) by one regex; the default list is all literals, so no regex is compiled."""

    def __init__(self, patterns: list[str]):
        self.literal = frozenset(p for p in patterns if not any(c in p for c in "*?[\\"))
        globs = [p for p in patterns if p not in self.literal]
        self.regex = None
        if globs:
            import fnmatch
            import re

            self.regex = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in globs))

    def match(self, name: str) -> bool:
        return name in self.literal or (self.regex is not None and self.regex.match(name) is not None)


def _spec(lines):
    lines = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


_PROJECT_FILES = frozenset(("pyproject.toml", "setup.cfg", "setup.py"))  # config.discovery's PROJECT_FILES


def _walk(top: str, ignorer: Ignorer, found: Discovery, nested=None, inside: dict | None = None) -> Iterator[str]:
    """``inside``: filled with the files below a directory named like ``STDLIB_PACKAGES``'s;
    ``found``: its ``errors`` and ``skipped`` filled with what the walk could not check."""
    errors = found.errors
    real_top = os.path.realpath(top)
    for directory in _ancestors(top, ignorer.gitignore_root):
        ignorer.add_gitignore(directory)
    # (directory, the names of STDLIB_PACKAGES on its path): told once per directory, as walked
    stack = [(top, STDLIB_PACKAGES.intersection(top.split(os.sep)))]
    while stack:
        directory, packages = stack.pop()
        try:
            entries = list(os.scandir(directory))  # unsorted: reports are sorted at the end
        except OSError as exc:
            errors.append(FileError(directory, f"cannot list directory: {exc.strerror or exc}"))
            continue
        if directory != top:
            names = [e.name for e in entries]
            if nested is not None and not _PROJECT_FILES.isdisjoint(names) and nested(directory):
                continue  # a project with settings of its own: walked with them
            if ".gitignore" in names:
                ignorer.add_gitignore(directory)
        subdirectories = []
        for entry in entries:
            path, name = entry.path, entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_link and not wanted(path, name) and not ignorer.ignored(path, True, name):
                _linked_directory(path, real_top, found.skipped)
                continue
            if is_dir:
                if not ignorer.ignored(path, True, name):  # which hashed the name: a set asks it at no cost
                    subdirectories.append((path, packages | {name} if name in STDLIB_PACKAGES else packages))
                continue
            if not wanted(path, name) or ignorer.ignored(path, False, name):
                continue
            if is_link and not _link_inside(path, real_top, found):
                continue
            if packages and inside is not None:
                inside[path] = packages
            yield path
        stack.extend(reversed(subdirectories))


def _explicit_ignored(path: str, ignorer: Ignorer) -> bool:
    """A named file is skipped when it, or a directory it is in below the root, is excluded."""
    parents = _ancestors(os.path.dirname(path), ignorer.root)
    return ignorer.ignored(path, False) or any(ignorer.ignored(d, True) for d in parents if d != ignorer.root)


def _ancestors(path: str, root: str) -> list[str]:
    """``path`` and its parents up to ``root`` (just ``path`` when it is outside root)."""
    chain = [path]
    while chain[-1] != root and chain[-1].startswith(root + os.sep):
        chain.append(os.path.dirname(chain[-1]))
    return chain


def _link_inside(path: str, real_top: str, found: Discovery) -> bool:
    """Is the file a walk met as the symlink at ``path`` checked there?  Not a dangling link or a
    loop (an error), nor one to a device, FIFO or socket (an error, as such a file in the tree
    is: reading it could block or never end), nor one to a file outside the tree (skipped, and
    said: named on the command line it is checked), nor one to a directory (walked where it is
    in the tree, said where it is outside)."""
    import stat

    try:
        mode = os.stat(path).st_mode  # raises for dangling links and loops
        target = os.path.realpath(path)
    except OSError as exc:
        reason = "symlink loop" if "loop" in str(exc).lower() else "dangling symlink"
        found.errors.append(FileError(path, f"cannot read: {reason}"))
        return False
    if stat.S_ISDIR(mode):
        _linked_directory(path, real_top, found.skipped)
        return False
    if not stat.S_ISREG(mode):
        found.errors.append(FileError(path, f"not a regular file: a symlink to {quoted_name(target)}"))
        return False
    if target != real_top and not target.startswith(real_top + os.sep):
        found.skipped.append((path, f"a symlink to {quoted_name(target)}, {_OUTSIDE}"))
        return False
    return True


_OUTSIDE = "outside the tree checked (name it to check it)"


def _linked_directory(path: str, real_top: str, skipped: list) -> None:
    """A symlink a walk does not follow: said when it is a directory out of the tree (its files
    are checked nowhere), silent when it is one inside (checked where it is) or not a directory."""
    try:
        if not os.path.isdir(path):
            return
        target = os.path.realpath(path)
    except OSError:
        return
    if target != real_top and not target.startswith(real_top + os.sep):
        skipped.append((path, f"a symlink to the directory {quoted_name(target)}, {_OUTSIDE}"))


def discover(paths: list[str], root: str, exclude: tuple[str, ...], force_exclude: bool = False,
             respect_gitignore: bool = True, on_file=None, nested=None, seen: set[str] | None = None,
             gitignore_root: str | None = None) -> Discovery:
    """``on_file``: called with each file as it is found (a cold run starts reading them), and
    the names ``Discovery.inside`` records for it (empty for most);
    ``nested``: asked about each directory below a walked path that holds a project file, True
    when it is a project with settings of its own, which is then not walked (its files are
    checked with its settings); ``seen``: files already found (by another project's walk), not
    found again."""
    found = Discovery()
    ignorer = Ignorer(root, exclude, respect_gitignore, gitignore_root)
    seen = set() if seen is None else seen
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):  # a symlink to a directory too: named, it is walked
            candidates = _walk(path, ignorer, found, nested, found.inside)
        elif os.path.lexists(path) and not force_exclude:
            candidates = [path]
        elif os.path.lexists(path):
            for directory in _ancestors(os.path.dirname(path), ignorer.root):
                if directory not in ignorer.gitignores:
                    ignorer.add_gitignore(directory)
            candidates = [] if _explicit_ignored(path, ignorer) else [path]
        else:
            found.errors.append(FileError(raw, "no such file or directory"))
            continue
        if not os.path.isdir(path):  # a file named: the directories on its path
            packages = STDLIB_PACKAGES.intersection(os.path.dirname(path).split(os.sep))
            if packages:
                found.inside[path] = packages
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                found.files.append(candidate)
                if on_file is not None:
                    on_file(candidate, found.inside.get(candidate, _NONE) if found.inside else _NONE)
    return found

