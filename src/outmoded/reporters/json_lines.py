"""One JSON object per line (``--output-format json-lines``), for tools that stream reports:
each finding as in the ``json`` format plus ``"type": "finding"``, each file that could not be
checked as ``{"type": "file-error", "path", "message"}``.  ``json.dumps`` escapes every control
character, so a line of the report is always one record."""

from __future__ import annotations

import json


def render(report, options) -> str:
    records = [{"type": "finding", **f.to_json()} for f in report.findings]
    records += [{"type": "file-error", **e.to_json()} for e in report.errors]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
