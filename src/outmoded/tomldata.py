"""TOML read as data about a project outmoded checks (its pyproject.toml's dependencies, build
requirements, pytest options): what is not UTF-8 TOML, or nests past the parser's limit, is an
empty document, never an error.  The user's own configuration is read strictly instead, its
errors named (``config.parsing``), as are the files ``outmoded deps`` is asked to read
(``deps.pyproject``)."""

from __future__ import annotations

import sys


def loads(data: bytes) -> dict:
    """The TOML document ``data`` holds, or {}."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and TOMLDecodeError are ValueErrors
        return {}
