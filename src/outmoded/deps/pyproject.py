"""Reading ``pyproject.toml`` (PEP 621 dependencies, extras, PEP 735 groups) and ``pylock.toml``.

TOML parsers give no line numbers, so each requirement's line is found by searching the text
for the quoted string: good enough to point an editor at it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps.lockfiles.graph import format_major, packages
from outmoded.deps.lockfiles.poetry import requirements as poetry_requirements
from outmoded.deps.model import Dependency, Skipped
from outmoded.deps.requirements import NoDependencyTable, parse_requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the tomli backport is a dependency on 3.9 and 3.10
    import tomli as tomllib


def load(path: Path) -> tuple:
    """(parsed TOML, text) or UsageError: a broken project file is bad input, not a crash."""
    try:
        text = path.read_bytes().decode("utf-8")
        return tomllib.loads(text), text
    except ValueError as exc:  # UnicodeDecodeError, TOMLDecodeError, an int past Python's digit limit
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # arrays or tables nested past the parser's limit
        raise UsageError(f"{path}: not valid TOML: nested too deeply to read") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_pyproject(path: Path, label) -> tuple:
    """Dependencies and skipped entries; each carries the extra that gates it, for markers.

    Reads PEP 621 ``[project]`` dependencies and extras, PEP 735 ``[dependency-groups]``,
    Poetry's ``[tool.poetry]`` dependency tables, PDM's ``[tool.pdm.dev-dependencies]`` and uv's
    legacy ``[tool.uv] dev-dependencies``.
    A file with none of them raises ``NoDependencyTable``: "no dependencies" would be a lie.
    """
    data, text = load(path)
    project = _dict(data.get("project"))
    tool = _dict(data.get("tool"))
    poetry, pdm, uv = _dict(tool.get("poetry")), _dict(tool.get("pdm")), _dict(tool.get("uv"))
    entries, tables = [("", r) for r in _strings(project.get("dependencies"))], []
    if "dependencies" in project and not _all_strings(project["dependencies"]):
        raise UsageError(f"{label(path)}: [project] dependencies must be a list of requirement strings")
    for extra, items in _tables(project.get("optional-dependencies")):
        if not _all_strings(items):  # an entry dropped unread would be a dependency nobody checks
            raise UsageError(f"{label(path)}: [project.optional-dependencies] {extra} must be a list of "
                             f"requirement strings")
    dynamic = "dependencies" in (project.get("dynamic") or [])
    # A static [project] table without a dependencies key declares none: an answer, not a gap.
    tables += ["[project] dependencies"] if "dependencies" in project or (project and not dynamic) else []
    for extra, items in _tables(project.get("optional-dependencies")):
        entries += [(extra, r) for r in _strings(items)]
    groups = _tables(data.get("dependency-groups")) + _tables(pdm.get("dev-dependencies"))
    for _group, items in groups + [("dev", uv.get("dev-dependencies"))]:
        entries += [("", r) for r in _strings(items)]  # {include-group = ...} tables are skipped
    tables += [name for name, value in (("[project.optional-dependencies]", project.get("optional-dependencies")),
                                        ("[dependency-groups]", data.get("dependency-groups")),
                                        ("[tool.pdm.dev-dependencies]", pdm.get("dev-dependencies")))
               if isinstance(value, dict)] + (["[tool.uv] dev-dependencies"] if "dev-dependencies" in uv else [])
    poetry_tables = [poetry.get("dependencies"), poetry.get("dev-dependencies")] + [
        _dict(group).get("dependencies") for _name, group in _tables(poetry.get("group"))]
    skipped = []
    for table in (t for t in poetry_tables if isinstance(t, dict)):
        tables.append("[tool.poetry] dependencies")
        for found in poetry_requirements(table):
            if isinstance(found, tuple):
                skipped.append(Skipped(found[0], label(path), _key_line(text, found[0]), found[1]))
            else:
                entries.append(("", found))
    entries = _not_itself(entries, project.get("name") or poetry.get("name"))
    if not tables:
        raise NoDependencyTable(
            f"{label(path)}: " + ("its dependencies are dynamic (computed by the build backend); "
                                  "name the file they come from" if dynamic else
                                  "no dependency table outmoded reads ([project] dependencies, "
                                  "[dependency-groups], [tool.poetry.dependencies])"))
    deps, passed = parse_entries(entries, label(path), lambda r: _line_of(text, r) or _key_line(text, r))
    return deps, skipped + passed


def read_pylock(path: Path, label) -> tuple:
    """Each locked package as ``name==version`` with its marker; non-index sources skipped.  A
    file without PEP 751's ``lock-version`` and ``[[packages]]``, or of a major version other than
    1 (which the PEP says a tool must refuse), is a usage error: it was 'No dependencies to
    check', exit 0, or read as 1.0."""
    data, text = load(path)
    deps, skipped = [], []
    version, items = data.get("lock-version"), data.get("packages")
    if not isinstance(version, str) or not isinstance(items, list):
        raise UsageError(f"{label(path)}: not a pylock file (no `lock-version` and [[packages]] tables)")
    if format_major(version) != "1":
        raise UsageError(f"{label(path)}: lock-version {version!r} is not 1.x, the one PEP 751 defines and "
                         f"outmoded reads")
    for package, _name, line in packages(items, text, deps, label(path), "[[packages]]"):
        if any(key in package for key in ("vcs", "directory", "archive")) or "version" not in package:
            skipped.append(Skipped(package["name"], label(path), line, "not from an index"))
            continue
        spec = f'{package["name"]}=={package["version"]}'
        spec += f'; {package["marker"]}' if package.get("marker") else ""
        found = parse_requirement(spec, label(path), line)
        (deps if isinstance(found, Dependency) else skipped).append(found)
    return deps, skipped


def _not_itself(entries: list, name) -> list:
    """The entries but those naming the project itself: ``pdm[pytest]`` in pdm's own ``test``
    group (PEP 735 and pip read it as the project with those extras, whose requirements are read
    here as they are) is no dependency from the index, and no lock holds it: pdm's pyproject.toml
    of 2026-08 beside its pdm.lock made the row 'pdm: required by the project but not in
    pdm.lock: the lock is out of date'."""
    from packaging.utils import canonicalize_name

    if not isinstance(name, str) or not name.strip():
        return entries
    own = canonicalize_name(name)
    return [(extra, requirement) for extra, requirement in entries
            if canonicalize_name(re.match(r"\s*([A-Za-z0-9._-]*)", requirement).group(1)) != own]


def parse_entries(entries: list, file: str, line_of) -> tuple:
    """(extra, requirement text) pairs as Dependencies (extra recorded) and Skipped entries."""
    deps, skipped = [], []
    for extra, requirement in entries:
        found = parse_requirement(requirement, file, line_of(requirement))
        if isinstance(found, Dependency):
            found.extra = extra
            deps.append(found)
        else:
            skipped.append(found)
    return deps, skipped


def _strings(value) -> list:
    return [v.strip() for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _all_strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _key_line(text: str, requirement: str):
    """Line of the TOML key naming the package a Poetry requirement is for."""
    name = re.match(r"[A-Za-z0-9._-]*", requirement).group()
    match = re.search(r'^\s*["\']?' + re.escape(name) + r'["\']?\s*=', text, re.MULTILINE) if name else None
    return text.count("\n", 0, match.start()) + 1 if match else None


def _tables(value) -> list:
    return list(value.items()) if isinstance(value, dict) else []


def _line_of(text: str, needle: str):
    """Line number of the first quoted occurrence of ``needle``, or None."""
    bare = needle.strip('"')
    pattern = re.compile(r"([\"'])" + re.escape(bare) + r"\1")
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
