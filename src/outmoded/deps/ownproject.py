"""The checked project's own Python requirement against the target: a ``requires-python`` (or
setuptools ``python_requires``) that excludes the target means pip and uv refuse to install the
project itself there (uv: "The requested interpreter resolved to Python 3.15.x, which is
incompatible with the project's Python requirement"), whatever its dependencies say.

The project is the one around each dependency file read (the nearest ``pyproject.toml``,
``setup.cfg`` or ``setup.py`` declaring a requirement, as ``check`` finds it); read as data, never
run. A ``uv.lock`` says it itself, in its top-level ``requires-python``, read instead: uv writes
there what the workspace's members require together, which a workspace root's ``pyproject.toml``
need not declare (the full-stack-fastapi-template's root has ``[tool.uv.workspace] members =
["backend"]``, whose ``requires-python = ">=3.14,<4.0"`` the lock holds). uv 0.13.10's ``uv sync
--frozen`` on 3.13 refuses that lock ("incompatible with the project's Python requirement"),
which read "All 75 dependencies are ready for Python 3.13", exit 0.
"""

from __future__ import annotations

import os
import re

from outmoded.cli import UsageError

_KEY = re.compile(r"^\s*(requires-python|python_requires|Requires-Python)\s*[=:]")


def excluded(paths: list, version: tuple) -> list:
    """One entry per project around ``paths`` whose Python requirement excludes ``version``:
    ``{"file", "line", "requires_python", "message"}``."""
    from outmoded.config import ConfigError, load_settings, project_start
    from outmoded.config.settings import InvalidRequirement, admits, excluded_message

    found, seen = [], set()
    for path in paths:
        try:
            settings = load_settings(start=project_start(str(path)))
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        requires, origin = settings.requires_python, settings.requirement_origin()
        if os.path.basename(str(path)) == "uv.lock" and (locked := _locked_requirement(str(path))):
            requires, origin = locked, os.path.abspath(str(path))  # every member's, as uv enforces it
        if not requires or origin in seen:
            continue
        seen.add(origin)
        try:
            if admits(requires, version):
                continue
        except InvalidRequirement:
            continue  # not a specifier: pip ignores it
        shown = os.path.relpath(origin) if origin else None
        line = _line(origin, requires)
        where = f"{shown}:{line}" if shown and line else shown
        found.append({"file": shown, "line": line, "requires_python": requires,
                      "message": excluded_message(requires, version, where)})
    return found


def _locked_requirement(path: str) -> str | None:
    """A uv.lock's top-level ``requires-python`` (its keys come before its first table)."""
    from outmoded.tomldata import loads

    head = []
    try:
        with open(path, "rb") as handle:
            for text in handle:
                if text.lstrip().startswith(b"["):
                    break
                head.append(text)
    except OSError:
        return None
    value = loads(b"".join(head)).get("requires-python")
    return value if isinstance(value, str) and value.strip() else None


def _line(path: str | None, requires: str) -> int | None:
    """The line of ``path`` declaring the requirement (its key, with the value on it)."""
    if not path:
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, 1):
                if _KEY.match(text) and requires in text:
                    return number
    except OSError:
        pass
    return None
