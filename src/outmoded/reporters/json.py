"""Machine-readable output: ``{"target_version", "findings": [...], "errors": [...]}``."""

from __future__ import annotations

from outmoded.quickjson import dumps_indented


def document(report) -> dict:
    return {
        "target_version": report.target_name,
        "findings": [f.to_json() for f in report.findings],
        "errors": [e.to_json() for e in report.errors],
        "stats": {"files": report.files, "parsed": report.parsed, "cached": report.cached},
    }


def render(report, options) -> str:
    return dumps_indented(document(report)) + "\n"  # json.dumps(..., indent=2, ensure_ascii=False)
