"""Machine-readable output: ``{"target_version", "findings": [...], "errors": [...]}``; paths as
``pathquote.utf8_name`` writes them."""

from __future__ import annotations

from outmoded.pathquote import utf8_name
from outmoded.quickjson import dumps_indented


def document(report) -> dict:
    return {
        "target_version": report.target_name,
        "findings": [{**f.to_json(), "path": utf8_name(f.path)} for f in report.findings],
        "errors": [{**e.to_json(), "path": utf8_name(e.path)} for e in report.errors],
        "stats": {"files": report.files, "parsed": report.parsed, "cached": report.cached},
    }


def render(report, options) -> str:
    return dumps_indented(document(report)) + "\n"  # json.dumps(..., indent=2, ensure_ascii=False)
