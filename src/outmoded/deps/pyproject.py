"""Reading ``pyproject.toml`` (PEP 621 dependencies, extras, PEP 735 groups) and ``pylock.toml``.

TOML parsers give no line numbers, so each requirement's line is found by searching the text
for the quoted string: good enough to point an editor at it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps.model import Dependency, Skipped
from outmoded.deps.requirements import parse_requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the tomli backport is a dependency on 3.9 and 3.10
    import tomli as tomllib


def load(path: Path) -> tuple:
    """(parsed TOML, text) or UsageError: a broken project file is bad input, not a crash."""
    try:
        text = path.read_bytes().decode("utf-8")
        return tomllib.loads(text), text
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_pyproject(path: Path, label) -> tuple:
    """Dependencies and skipped entries; each carries the extra that gates it, for markers."""
    data, text = load(path)
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    entries = [("", r) for r in _strings(project.get("dependencies"))]
    for extra, items in _tables(project.get("optional-dependencies")):
        entries += [(extra, r) for r in _strings(items)]
    for _group, items in _tables(data.get("dependency-groups")):
        entries += [("", r) for r in _strings(items)]  # {include-group = ...} tables are skipped
    return _parse(entries, text, label(path))


def read_pylock(path: Path, label) -> tuple:
    """Each locked package as ``name==version`` with its marker; non-index sources skipped."""
    data, text = load(path)
    deps, skipped = [], []
    for package in data.get("packages") or []:
        if not isinstance(package, dict) or not isinstance(package.get("name"), str):
            continue
        line = _line_of(text, f'"{package["name"]}"')
        if any(key in package for key in ("vcs", "directory", "archive")) or "version" not in package:
            skipped.append(Skipped(package["name"], label(path), line, "not from an index"))
            continue
        spec = f'{package["name"]}=={package["version"]}'
        spec += f'; {package["marker"]}' if package.get("marker") else ""
        found = parse_requirement(spec, label(path), line)
        (deps if isinstance(found, Dependency) else skipped).append(found)
    return deps, skipped


def _parse(entries: list, text: str, file: str) -> tuple:
    deps, skipped = [], []
    for extra, requirement in entries:
        found = parse_requirement(requirement, file, _line_of(text, requirement))
        if isinstance(found, Dependency):
            found.extra = extra
            deps.append(found)
        else:
            skipped.append(found)
    return deps, skipped


def _strings(value) -> list:
    return [v.strip() for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _tables(value) -> list:
    return list(value.items()) if isinstance(value, dict) else []


def _line_of(text: str, needle: str):
    """Line number of the first quoted occurrence of ``needle``, or None."""
    bare = needle.strip('"')
    pattern = re.compile(r"([\"'])" + re.escape(bare) + r"\1")
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
