"""Output formats.  Each module has ``render(report, options) -> str``; ``FORMATS`` names them.

A format's module is imported only when that format is chosen, so a run pays for one.
"""

from __future__ import annotations

import importlib

FORMATS = {
    "full": "outmoded.reporters.text",
    "concise": "outmoded.reporters.text",
    "grouped": "outmoded.reporters.text",
    "json": "outmoded.reporters.json",
    "json-lines": "outmoded.reporters.json_lines",
    "junit": "outmoded.reporters.junit",
    "github": "outmoded.reporters.github",
    "gitlab": "outmoded.reporters.gitlab",
    "sarif": "outmoded.reporters.sarif",
}
HUMAN = ("full", "concise", "grouped")


def available() -> list[str]:
    """The format names; a format's module is imported only when it renders (sarif's hashlib,
    github's summary code are not every run's business)."""
    return list(FORMATS)


def render(fmt: str, report, options) -> str:
    if getattr(options, "silent", False):
        return ""
    if fmt == "text":  # the old name of concise, for callers that still use it
        fmt = "concise"
    return importlib.import_module(FORMATS[fmt]).render(report, options)
