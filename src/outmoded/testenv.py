"""What the project's declared test environment installs: a test file runs there.

A project that lists a removed module's backport among its test requirements runs its tests with
it installed, and the backport provides the module there: setuptools installs
``distutils-precedence.pth``, so ``from distutils import ccompiler`` works on 3.12+ in every
interpreter that has setuptools (mypy 2.4's ``mypyc/test/test_external.py`` under its
``test-requirements.txt``: ``setuptools==84.0.0``; Cython 3.3's ``runtests.py`` under its
``test-requirements.txt``: ``setuptools``).

A test file is one under a directory named ``test``, ``tests``, ``testing`` or ``testsuite`` (any
case: modulegraph2 2.3's and pycodestyle's tests live in ``testsuite/``) below the project's top,
or named ``test_*.py``, ``*_test.py``, ``conftest.py`` or ``runtests.py``.  The test
requirements are, at the project's top: ``test-requirements.txt``, ``requirements-test.txt`` and
their spellings (``tests``, ``testing``, ``_``), ``requirements/test*.txt``, and pyproject.toml's
``[project.optional-dependencies]`` and ``[dependency-groups]`` named ``test``, ``tests`` or
``testing``, and tox.ini's ``[testenv] deps``.  Every file of a project, test or not, runs with what the project installs with
itself (``install_requirements``): pyproject.toml's ``[project] dependencies`` (setuptools-scm
10.3's ``testing_scm/test_integration.py`` does ``from distutils.command.build_py import
build_py``, and setuptools-scm depends on setuptools), setup.py's literal ``install_requires`` and
setup.cfg's, and the files they are read from: ``[tool.setuptools.dynamic] dependencies = {file =
[...]}``, a pbr project's ``requirements.txt`` (``setup(..., pbr=True)``: every OpenStack project),
and an sdist's ``PKG-INFO`` (its ``Requires-Dist:`` lines, what the release installs: pbr 7.1.3
requires setuptools, so its ``import distutils.errors`` works on 3.12+) or, from before those
lines, its ``*.egg-info/requires.txt`` (modulegraph 0.19.7 requires setuptools).  A requirement counts when
it names the backport's distribution and its environment marker, if any, holds on the target.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.catalog.backports import PROVIDES_FROM, brought
from outmoded.projectfiles import memo, project_root
from outmoded.source import open_regular

TEST_DIRECTORIES = frozenset({"test", "tests", "testing", "testsuite"})
TEST_NAMES = frozenset({"conftest", "runtests"})
GROUPS = ("test", "tests", "testing")
REQUIREMENT_FILES = tuple(f"{a}{sep}{b}.txt" for word in GROUPS for sep in "-_"
                          for a, b in ((word, "requirements"), ("requirements", word)))
NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
OPTION_RE = re.compile(r"\s+--?[A-Za-z]")


def is_test_file(path: str, top: str, suffixes: tuple = (".py",)) -> bool:
    """Is the file at ``path`` (absolute) one of the project's tests (see the module's docstring)?
    ``suffixes``: the kinds of file asked about (``freethreading``'s C and Cython test modules)."""
    stem, suffix = os.path.splitext(os.path.basename(path))
    if suffix not in suffixes:
        return False
    if stem.startswith("test_") or stem.endswith("_test") or stem in TEST_NAMES:
        return True
    parts = os.path.relpath(os.path.dirname(path), top).split(os.sep)
    return any(part.lower() in TEST_DIRECTORIES for part in parts if part not in (".", ".."))


# what environment markers see on the platform a catalog entry's module existed on only
PLATFORMS = {"win32": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
             "darwin": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"}}


def tests_install(path: str, backport: str, target: tuple[int, int], platform: str | None = None) -> bool:
    """Is ``path`` a file of a project that installs ``backport`` (a distribution name, or
    ``Entry.provider``'s ``setuptools<82``: a release below 82, ``installed_names``) with
    itself on the target (``install_requirements``), or a test file of one whose test
    requirements install it (also of a project whose tests hold the file's project)?  ``platform``: the only one the removed module existed on (the
    catalog's ``platform``), where the markers are evaluated (cx_Freeze 8.7.3 requires
    ``python-msilib>=0.4.1 ;sys_platform == 'win32' and python_version >= '3.13'``)."""
    absolute_path = os.path.abspath(path)
    top = project_root(os.path.dirname(absolute_path))
    backport = _canonical_provider(backport)
    while top is not None:
        if backport in install_requirements(top, target, platform):
            return True
        if is_test_file(absolute_path, top) and backport in test_requirements(top, target, platform):
            return True
        # a project inside another's tests is their data, run in their environment (pbr 7.1.3's
        # pbr/tests/testpackage/, whose setup hook does from distutils.command import build_py)
        outer = project_root(os.path.dirname(top)) if os.path.dirname(top) != top else None
        top = outer if outer is not None and is_test_file(absolute_path, outer) else None
    return False


@memo
def install_requirements(top: str, target: tuple[int, int], platform: str | None = None) -> frozenset:
    """The canonical names of the distributions installed with the project at ``top`` on the
    target: its ``setup.py``'s literal ``install_requires`` (read with ``ast``, never run) and its
    ``setup.cfg``'s ``[options] install_requires`` (WebOb 1.8.11's setup.py requires
    ``legacy-cgi>=2.6; python_version>='3.13'``, so its ``from cgi import parse_header`` works
    there) and pyproject.toml's ``[project] dependencies``."""
    document = _pyproject(os.path.join(top, "pyproject.toml"))
    dependencies = (document.get("project") or {}).get("dependencies")
    lines = [item for item in dependencies if isinstance(item, str)] if isinstance(dependencies, list) else []
    lines += [line for name in _dynamic_files(document) for line in _requirement_lines(os.path.join(top, name))]
    setup_py = os.path.join(top, "setup.py")
    if reads.read(setup_py):  # read through open_regular: a FIFO so named cannot hang the run
        requires, pbr = _setup_py_requires(setup_py)
        lines += requires + (_requirement_lines(os.path.join(top, "requirements.txt")) if pbr else [])
    lines += _requires_dist(os.path.join(top, "PKG-INFO")) + _egg_info_requires(top)
    setup_cfg = os.path.join(top, "setup.cfg")
    if reads.read(setup_cfg) and os.path.isfile(setup_cfg):
        import configparser

        parser = configparser.RawConfigParser()
        try:
            parser.read(setup_cfg, encoding="utf-8")
            lines += parser.get("options", "install_requires", fallback="").splitlines()
        except (configparser.Error, UnicodeDecodeError):
            pass
    return brought(name for line in lines if line.strip() for name in installed_names(line.strip(), target, platform))


def _setup_py_requires(path: str) -> tuple[list[str], bool]:
    """setup()'s literal ``install_requires``, and whether it passes ``pbr=True`` (pbr then reads
    them from ``requirements.txt``)."""
    import ast

    from outmoded.setupcall import setup_calls

    try:
        with open_regular(path) as handle:
            data = handle.read()
        if b"install_requires" not in data and b"pbr" not in data:
            return [], False
        tree = ast.parse(data)
    except (OSError, SyntaxError, ValueError):
        return [], False
    found: list[str] = []
    pbr = False
    for call in setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg == "install_requires" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                found += [e.value for e in keyword.value.elts
                          if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            pbr |= keyword.arg == "pbr" and isinstance(keyword.value, ast.Constant) and keyword.value.value is True
    return found, pbr


def _dynamic_files(document: dict) -> list[str]:
    """The files ``[tool.setuptools.dynamic] dependencies = {file = ...}`` reads them from."""
    dynamic = ((document.get("tool") or {}).get("setuptools") or {}).get("dynamic")
    table = dynamic.get("dependencies") if isinstance(dynamic, dict) else None
    files = table.get("file") if isinstance(table, dict) else None
    files = [files] if isinstance(files, str) else files
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def _text(path: str) -> str:
    reads.read(path)
    try:
        with open_regular(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _requirement_lines(path: str) -> list[str]:
    """The lines of a requirements file that may name a requirement: no comment, option (``-r``,
    ``--hash``) or blank line."""
    lines = []
    for line in _text(path).replace("\\\n", " ").splitlines():
        line = re.split(r"(?:^|\s)#", line, 1)[0].strip()
        if line and not line.startswith("-"):
            lines.append(line)
    return lines


def _requires_dist(path: str) -> list[str]:
    """The ``Requires-Dist:`` of a ``PKG-INFO``'s headers (before the description)."""
    headers = _text(path).split("\n\n", 1)[0]
    return [line[len("Requires-Dist:"):].strip() for line in headers.splitlines() if line.startswith("Requires-Dist:")]


def _egg_info_requires(top: str) -> list[str]:
    """What an sdist's ``*.egg-info/requires.txt`` (at the top or under ``src/``) says it installs
    (``egg_requires``): setuptools wrote the requirements there, not in ``PKG-INFO``, before
    Metadata-Version 2.1's ``Requires-Dist`` (modulegraph 0.19.7: altgraph, setuptools; its
    setup.py reads them from a ``requires-dist`` key of its own in setup.cfg)."""
    lines: list[str] = []
    for folder in (top, os.path.join(top, "src")):
        reads.read(folder)  # an egg-info created or deleted there moves the verdict
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".egg-info"))
        except OSError:
            continue
        for name in names:
            lines += egg_requires(_text(os.path.join(folder, name, "requires.txt")).encode())
    return lines


def egg_requires(data: bytes) -> list[str]:
    """The requirement lines of an egg-info ``requires.txt`` installed with no extra: those before
    the first section, and a ``[:marker]`` section's, each given the section's marker."""
    lines, marker = [], ""
    for raw in data.decode("utf-8", "replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            extra, _, condition = line.strip("[]").partition(":")
            marker = None if extra.strip() else condition.strip() or ""
            continue
        if marker is None:  # an extra's section
            continue
        if marker:
            requirement, _, own = line.partition(";")
            line = f"{requirement.strip()}; ({marker})" + (f" and ({own.strip()})" if own.strip() else "")
        lines.append(line)
    return lines


@memo
def test_requirements(top: str, target: tuple[int, int], platform: str | None = None) -> frozenset:
    """The canonical names of the distributions the project at ``top`` declares for its tests,
    those whose markers exclude the target left out."""
    lines: list[str] = []
    candidates = [os.path.join(top, name) for name in REQUIREMENT_FILES]
    folder = os.path.join(top, "requirements")
    reads.read(folder)
    if os.path.isdir(folder):
        try:
            candidates += [os.path.join(folder, n) for n in sorted(os.listdir(folder))
                           if n.endswith(".txt") and n.lower().startswith(GROUPS)]
        except OSError:
            pass
    for candidate in candidates:
        lines += _requirement_lines(candidate)
    document = _pyproject(os.path.join(top, "pyproject.toml"))
    for table in ((document.get("project") or {}).get("optional-dependencies") or {},
                  document.get("dependency-groups") or {}):
        if isinstance(table, dict):
            for group in GROUPS:
                lines += [item for item in table.get(group) or () if isinstance(item, str)]
    lines += _tox_deps(os.path.join(top, "tox.ini"))
    names = set()
    for line in lines:
        line = re.split(r"(?:^|\s)#", line, 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        names.update(installed_names(line, target, platform))
    return brought(names)


def _tox_deps(path: str) -> list[str]:
    """The ``deps`` of tox.ini's ``[testenv]``, which every environment not naming its own
    inherits (modulegraph2 2.3's lists setuptools, and its testsuite/test_virtualenv_support.py
    does ``import distutils``), and the requirements files it names with ``-r`` (rdiff-backup
    2.2.7's ``-r{toxinidir}/requs/base.txt``, which lists setuptools<70, and its
    testing/rdiffbackupdeletetest.py does ``from distutils import spawn``); a line only some factors
    install (``py313: x``) or another substitution (``{[base]deps}``) is not read."""
    if not reads.read(path) or not os.path.isfile(path):
        return []
    import configparser

    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read_string(_text(path))
        deps = parser.get("testenv", "deps", fallback="")
    except configparser.Error:
        return []
    lines = []
    for line in (d.strip() for d in deps.splitlines()):
        named = re.match(r"-r\s*(?:\{toxinidir\}[/\\])?([^\s{}]+)$", line)
        if named:  # relative to tox.ini's directory, as tox reads it
            lines += _requirement_lines(os.path.join(os.path.dirname(path), *named[1].split("/")))
        elif line and not re.match(r"[\w,{}!-]+\s*:", line) and "{" not in line:
            lines.append(line)
    return lines


def _pyproject(pyproject: str) -> dict:
    """pyproject.toml's document, or {} (absent, unreadable, or naming no requirement table)."""
    reads.read(pyproject)
    try:
        with open_regular(pyproject) as handle:
            data = handle.read()
    except OSError:
        return {}
    if not any(word.encode() in data for word in GROUPS + ("dependencies",)):
        return {}
    from outmoded.tomldata import loads

    return loads(data)


def installed_name(line: str, target: tuple[int, int], platform: str | None = None) -> str | None:
    """The canonical name a requirement line installs on the target (its marker holding there,
    on ``platform`` when given, no extra asked for), or None.  A distribution whose modules come
    only from a later release (``backports.PROVIDES_FROM``: setuptools' distutils from 66.1) is
    left out when the line's versions exclude those releases (``setuptools==35.0.2``)."""
    match = NAME_RE.match(line)
    if match is None:
        return None
    name = _canonical(match[1])
    line = OPTION_RE.split(line, 1)[0]  # a requirements file's per-line options: --hash=...
    if ";" not in line and (name not in PROVIDES_FROM or not line[match.end():].strip()):
        return name
    from packaging.markers import InvalidMarker, UndefinedComparison, UndefinedEnvironmentName
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(line)
        version = f"{target[0]}.{target[1]}"
        holds = requirement.marker is None or requirement.marker.evaluate(
            {"python_version": version, "python_full_version": f"{version}.0", **PLATFORMS.get(platform, {})})
    except (InvalidRequirement, InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return None
    first = PROVIDES_FROM.get(name)
    if holds and first is not None and requirement.specifier:
        holds = _allows_from(requirement.specifier, first)
    return _canonical(requirement.name) if holds else None


def installed_names(line: str, target: tuple[int, int], platform: str | None = None) -> tuple:
    """What a requirement line installs on the target (``installed_name``), and, where its versions
    all lie below the first release of a backport that no longer provides a module the catalog
    credits to it (``backport_before``), that bound too, as ``Entry.provider`` spells it:
    ``setuptools>=39.2,<82`` -> ``("setuptools", "setuptools<82")``, which brings ``pkg_resources``;
    ``setuptools==54.1.1`` -> ``("setuptools<82",)`` (no distutils before 66.1).  An unpinned
    ``setuptools`` installs 84.2.1 on the real 3.13, which has no ``pkg_resources``."""
    name = installed_name(line, target, platform)
    match = NAME_RE.match(line)
    bounds = _provision_bounds().get(_canonical(match[1])) if match else None
    if not bounds:
        return (name,) if name else ()
    from packaging.markers import InvalidMarker, UndefinedComparison, UndefinedEnvironmentName
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(OPTION_RE.split(line, 1)[0])
        version = f"{target[0]}.{target[1]}"
        if requirement.marker is not None and not requirement.marker.evaluate(
                {"python_version": version, "python_full_version": f"{version}.0", **PLATFORMS.get(platform, {})}):
            return ()
    except (InvalidRequirement, InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return (name,) if name else ()
    specifier = requirement.specifier
    below = tuple(f"{_canonical(match[1])}<{bound}" for bound in bounds if specifier and not _allows_from(
        specifier, tuple(int(part) for part in (bound.split(".") + ["0"])[:2])))
    return ((name,) if name else ()) + below


_BOUNDS: dict = {}


def _provision_bounds() -> dict:
    """Canonical backport name -> the ``backport_before`` bounds of the catalog's entries."""
    if not _BOUNDS:
        from outmoded.catalog import default_catalog

        for entry in default_catalog().entries:
            if entry.backport_before:
                _BOUNDS.setdefault(_canonical(entry.backport), []).append(entry.backport_before)
        _BOUNDS.setdefault("", [])  # asked once
    return _BOUNDS


def _canonical_provider(provider: str) -> str:
    """``Entry.provider`` with its distribution name canonical: ``Setuptools<82`` -> ``setuptools<82``."""
    name, bound, version = provider.partition("<")
    return _canonical(name) + bound + version


def _allows_from(specifier, first: tuple[int, int]) -> bool:
    """Does ``specifier`` allow a release from ``first`` on: a version it names itself from there
    (``==84.2.1``), or the first and last minor of some major version from there (``>=18``)?"""
    from packaging.version import InvalidVersion, Version

    candidates = [f"{major}.{minor}" for major in range(first[0], first[0] + 100)
                  for minor in ((first[1], 99) if major == first[0] else (0, 99))]
    for spec in specifier:
        try:
            if Version(spec.version.rstrip(".*")).release[:2] >= first:
                candidates.append(spec.version.rstrip(".*"))
        except InvalidVersion:
            continue
    return any(specifier.contains(version, prereleases=True) for version in candidates)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
