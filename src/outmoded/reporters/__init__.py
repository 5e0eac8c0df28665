"""Output formats.  Each module has ``render(report, options) -> str``; ``FORMATS`` names them."""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "outmoded.reporters.text",
    "json": "outmoded.reporters.json",
    "github": "outmoded.reporters.github",
    "sarif": "outmoded.reporters.sarif",
}


def available() -> list[str]:
    """The format names; a format's module is imported only when it renders (sarif's hashlib,
    github's summary code are not every run's business)."""
    return list(FORMATS)


def render(fmt: str, report, options) -> str:
    return importlib.import_module(FORMATS[fmt]).render(report, options)
