"""Output formats.  Each module has ``render(report, options) -> str``; ``FORMATS`` names them.

A format's module is imported only when that format is chosen, so a run pays for one.
"""

from __future__ import annotations

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


def use_colour(options) -> bool:
    """``--color``, else FORCE_COLOR / NO_COLOR (https://no-color.org), else whether stdout is a
    terminal (and the report goes there, not to ``--output-file``)."""
    import os
    import sys

    choice = getattr(options, "color", "auto") or "auto"
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or getattr(options, "output_file", None) or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def render(fmt: str, report, options) -> str:
    if getattr(options, "silent", False):
        return ""
    if fmt == "text":  # the old name of concise, for callers that still use it
        fmt = "concise"
    if fmt in HUMAN and getattr(options, "colour", None) is None and hasattr(options, "color"):
        options.colour = use_colour(options)
    from outmoded.cli import import_module

    return import_module(FORMATS[fmt]).render(report, options)
