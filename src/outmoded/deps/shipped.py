"""Which members of a wheel or sdist are the library code a user's program imports.

Only these count against a dependency: a removed API in its test suite, docs or build scripts
never runs in the user's program.

- A wheel installs its members as they are: every ``.py`` file outside ``*.dist-info/``, and
  those under ``*.data/purelib/`` and ``*.data/platlib/``; ``*.data/scripts`` and headers are
  not library code.  A wheel's C and Cython sources are not counted: its compiled extension,
  which the tags judge, is what runs.
- An sdist would install its packages: below the one top directory (``name-1.0/``), or below
  ``src/`` when there is one, each top-level directory holding an ``__init__.py`` or named like
  the project, and each top-level module except build scripts (``setup.py``, ``conftest.py``,
  ``noxfile.py`` ...; the helpers only ``setup.py`` imports: ``setuphelpers``).  Its C, C++ and Cython sources count wherever they are (outside tests
  and docs): pip compiles them.  A ``setup.py`` may install its packages from another directory
  (``package_dir={"": ...}``), picked by the running Python: PyYAML 3.12 and 5.3.1 ship ``lib/yaml``
  for Python 2 and ``lib3/yaml`` for 3 (``{2: 'lib', 3: 'lib3'}[sys.version_info[0]]``).  The
  packages one level below a top-level directory that is no package (``source_roots``) are read
  too, and kept only when the ``setup.py`` names that directory on the target
  (``packagedir.root_on``), at the paths they install to (``display``).
- A module's top-level ``if __name__ == "__main__":`` block runs when the module is run as a
  script, never when a program imports it (pygments 2.20's ``lexers/_sourcemod_builtins.py``
  regenerates itself there with ``urllib.request.FancyURLopener``): its lines are not library
  code (``script_lines``), but in a ``__main__.py``, which ``python -m`` runs.
- In both, directories named ``tests``, ``test``, ``testing``, ``testsuite`` (``check``'s test
  directories), ``docs``, ``doc``, ``examples``, ``benchmarks`` (at any depth) and files named
  ``test_*.py``, ``*_test.py``, ``conftest.py``, ``test.py`` or ``tests.py`` are tests and docs,
  not library code: a module named like a test directory is one (django-environ 0.4.5's
  ``environ/test.py``, its unittest suite, which nothing in ``environ`` imports, calls
  ``unittest.makeSuite``; a Django app's ``tests.py``), and so are the helpers a package ships
  for test suites: keyring 25.7.0's ``keyring/testing/util.py`` puts ``ImportKiller``, a finder
  with ``find_module`` alone, on ``sys.meta_path``, which kills no import from 3.12 on (the real
  3.13: ``import json`` under it succeeds); its other modules import on the real 3.13-3.15 (but
  the macOS backend, and ``devpi_client`` without pluggy), and it was ``breaks``, with no release
  ready, for every project pinning it.
- A ``.py`` file below a directory whose name is no Python identifier (``python3.6``,
  ``site-packages``, ``{{cookiecutter.name}}``) has no dotted name to import it by, and
  setuptools' ``find_packages`` skips such a directory: graphene-federation 0.1.0's sdist ships a
  virtual environment, ``graphene_federation/venv/lib/python3.6/site-packages/``, whose 50
  removed names (bleach's vendored html5lib: ``collections.Mapping``...) were its whole verdict.
"""

from __future__ import annotations

import re

from outmoded.deps.archive import wanted_suffix
from outmoded.testenv import TEST_DIRECTORIES

# the test directories ``check`` knows (``testenv``: test, tests, testing, testsuite), docs, examples
NOT_LIBRARY_DIRS = TEST_DIRECTORIES | frozenset({"docs", "doc", "examples", "example", "benchmarks", "benchmark",
                                                 "__pycache__"})
BUILD_SCRIPTS = frozenset({"setup.py", "conftest.py", "noxfile.py", "fabfile.py", "tasks.py",
                           "pavement.py", "ez_setup.py", "distribute_setup.py", "bootstrap.py",
                           "runtests.py", "run_tests.py", "versioneer.py", "build.py", "make.py"})
TEST_FILE_RE = re.compile(r"^(test_.*|.*_test|conftest|tests?)\.py$")
NATIVE_SUFFIXES = (".pyx", ".pxd", ".pxi", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh")
WHEEL_DATA_RE = re.compile(r"^[^/]+\.data/(purelib|platlib)/(.+)$")


def is_test_or_doc(path: str) -> bool:
    parts = path.split("/")
    return any(p.lower() in NOT_LIBRARY_DIRS for p in parts[:-1]) or bool(TEST_FILE_RE.match(parts[-1]))


def unimportable(path: str) -> bool:
    """Is the Python file at ``path`` (as installed: below site-packages, or below the root an
    sdist's build installs from: ``src/``, a ``package_dir`` such as ``lib-py3/``, whose own name
    need not be one) below a directory no dotted name can name?"""
    return path.endswith(".py") and not all(part.isidentifier() for part in path.split("/")[:-1])


def installed_path(wheel_member: str) -> str | None:
    """Where a wheel member lands in site-packages, or None when it is no library code."""
    top = wheel_member.split("/", 1)[0]
    data = WHEEL_DATA_RE.match(wheel_member)
    if data:
        return data.group(2)
    if top.endswith((".dist-info", ".data")):
        return None
    return wheel_member


def wheel_library(names: list) -> set:
    """Members of a wheel that are library Python code (see the module docstring)."""
    chosen = set()
    for name in names:
        path = installed_path(name)
        if path and path.endswith(".py") and not is_test_or_doc(path) and not unimportable(path):
            chosen.add(name)
    return chosen


def sdist_library(names: list, project: str = "") -> set:
    """Members of an sdist that its build would install or compile (see the module docstring)."""
    top = {n.split("/", 1)[0] for n in names if "/" in n}
    prefix = f"{top.pop()}/" if len(top) == 1 else ""
    inner = [n[len(prefix):] for n in names if n.startswith(prefix)]
    root = "src/" if any(n.startswith("src/") and n.endswith(".py") for n in inner) else ""
    packages = {n[len(root):].split("/", 1)[0] for n in inner
                if n.startswith(root) and n[len(root):].count("/") == 1 and n.endswith("/__init__.py")}
    packages.add(re.sub(r"[-.]+", "_", project.lower()))
    roots = source_roots(names)
    chosen = set()
    for name in inner:
        if not wanted_suffix(name) or is_test_or_doc(name):
            continue
        below = name[len(root):] if name.startswith(root) else None
        if name.endswith(NATIVE_SUFFIXES) or below is not None and "/" in below and below.split("/", 1)[0] in packages and not unimportable(below) or below is not None and "/" not in below and below not in BUILD_SCRIPTS:
            chosen.add(prefix + name)
        elif name.count("/") >= 2 and name.split("/", 1)[0] in roots and not unimportable(name.split("/", 1)[1]):
            chosen.add(prefix + name)  # kept if setup.py installs from there (``in_root``), a name below it
    return chosen


def source_roots(names: list) -> frozenset:
    """The top-level directories of an sdist (below its one top directory) that are no package but
    hold one: where a ``setup.py``'s ``package_dir`` may install from (PyYAML 3.12's ``lib``
    and ``lib3``); never ``src``, tests or docs."""
    top = {n.split("/", 1)[0] for n in names if "/" in n}
    prefix = f"{top.pop()}/" if len(top) == 1 else ""
    inner = [n[len(prefix):] for n in names if n.startswith(prefix)]
    packages = {n.split("/", 1)[0] for n in inner if n.count("/") == 1 and n.endswith("/__init__.py")}
    return frozenset(parts[0] for parts in (n.split("/") for n in inner)
                     if len(parts) == 3 and parts[2] == "__init__.py" and parts[0] not in packages
                     and parts[0] != "src" and parts[0].lower() not in NOT_LIBRARY_DIRS)


def in_root(member: str, roots: frozenset, root: str | None) -> bool:
    """Is sdist ``member`` outside every ``source_roots`` directory but ``root`` (the one its
    ``setup.py`` installs from on the target, or None)?"""
    parts = member.split("/")
    return len(parts) < 3 or parts[1] not in roots or parts[1] == root


# what a compiler compiles: headers and Cython declarations (.h, .hpp, .pxd, .pxi) alone are data,
# as pycparser 2.19's utils/fake_libc_include/*.h (C headers it parses, never compiles)
HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".pxd", ".pxi")
COMPILED_SUFFIXES = tuple(s for s in NATIVE_SUFFIXES if s not in HEADER_SUFFIXES) + (
    ".rs", ".f", ".f90", ".f95", ".for", ".go", ".zig")
BUILD_DESCRIPTIONS = frozenset({"Cargo.toml", "CMakeLists.txt", "meson.build"})


def compiles(names: list) -> bool:
    """Does building this sdist compile anything: C, C++, Cython, Rust, Fortran... sources (not
    headers alone), or a Cargo, CMake or Meson build, outside its tests and docs?  Without, it is
    pure Python, and pip builds it anywhere without a compiler."""
    return any((name.endswith(COMPILED_SUFFIXES) or name.rsplit("/", 1)[-1] in BUILD_DESCRIPTIONS)
               and not is_test_or_doc(name) for name in names)


def chooser(filename: str, project: str = ""):
    """``choose(names) -> set`` for ``archive.read_*``: the library code of this file, its
    metadata (``requires.is_metadata``: what it requires) and an sdist's ``setup.py`` and the
    build scripts beside it (``setupbuild``: what its build runs)."""
    from outmoded.deps.requires import is_metadata
    from outmoded.deps.setupbuild import is_build_script

    library = wheel_library if filename.endswith(".whl") else lambda names: sdist_library(names, project)
    return lambda names: library(names) | {n for n in names if is_metadata(filename, n)
                                           or is_build_script(filename, n)}


def display(filename: str, member: str, root: str | None = None) -> str:
    """The path a finding shows: where the file is installed (``nose/importer.py``; an sdist's
    member below ``root``, its ``setup.py``'s ``package_dir`` on the target, without it)."""
    if filename.endswith(".whl"):
        return installed_path(member) or member
    parts = member.split("/", 1)
    inner = parts[1] if len(parts) == 2 else member
    if root and inner.startswith(root + "/"):
        return inner[len(root) + 1:]
    return inner.removeprefix("src/")



def script_lines(member: str, blocks: list) -> list:
    """(first, last) lines of the body of each top-level ``if __name__ == "__main__":`` block of
    the module, of ``blocks`` (``branches.main_blocks`` of the tree its check parsed: none for a
    module the parser cannot read): none for a ``__main__.py``, which ``python -m`` runs."""
    return [] if member.rsplit("/", 1)[-1] == "__main__.py" else blocks
