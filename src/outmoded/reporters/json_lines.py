"""One JSON object per line (``--output-format json-lines``), for tools that stream reports:
each finding as in the ``json`` format plus ``"type": "finding"``, each file that could not be
checked as ``{"type": "file-error", "path", "message"}``.  ``json.dumps`` escapes every control
character, so a line of the report is always one record."""

from __future__ import annotations

import json

from outmoded.pathquote import utf8_name


def render(report, options) -> str:
    records = [{"type": "finding", **f.to_json(), "path": utf8_name(f.path)} for f in report.findings]
    records += [{"type": "file-error", **e.to_json(), "path": utf8_name(e.path)} for e in report.errors]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
