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
    names = []
    for name, module in FORMATS.items():
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        names.append(name)
    return names


def render(fmt: str, report, options) -> str:
    return importlib.import_module(FORMATS[fmt]).render(report, options)
