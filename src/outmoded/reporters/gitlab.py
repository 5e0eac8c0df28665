"""GitLab code quality (``--output-format gitlab``): a JSON array of issues as GitLab's
``artifacts:reports:codequality`` reads them: ``description``, ``check_name``, ``fingerprint``
(unique per issue, stable when lines move: the SARIF fingerprint), ``severity`` (``major`` for
errors, ``minor`` for warnings, ``critical`` for a file that could not be checked) and
``location.path`` (relative to ``CI_PROJECT_DIR`` when set, else the current directory) with
``location.lines.begin``/``end``."""

from __future__ import annotations

import hashlib
import json
import os

from outmoded.pathquote import utf8_name
from outmoded.reporters.github import workspace_path

SEVERITY = {"error": "major", "warning": "minor"}


def project_path(path: str) -> str:
    """``path`` relative to GitLab's checkout (``CI_PROJECT_DIR``, else the current directory)."""
    return workspace_path(path, os.environ.get("CI_PROJECT_DIR") or os.getcwd())


def _text(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # undecodable names


def render(report, options) -> str:
    from outmoded.reporters.sarif import fingerprints

    issues = []
    for f, fingerprint in zip(report.findings, fingerprints(report.findings, getattr(options, "sources", None))):
        issues.append({
            "type": "issue",
            "check_name": f.code,
            "description": _text(f"{f.code}: {f.message}"),
            "categories": ["Compatibility"],
            "severity": SEVERITY.get(f.severity, "minor"),
            "fingerprint": fingerprint.split(":")[0],
            "location": {"path": utf8_name(project_path(f.path)), "lines": {"begin": f.line, "end": f.end_line}},
        })
    for e in report.errors:
        digest = hashlib.sha256(f"file-error\0{e.path}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        issues.append({
            "type": "issue",
            "check_name": "outmoded/file-not-checked",
            "description": _text(f"could not {e.stage} this file: {e.message}"),
            "categories": ["Bug Risk"],
            "severity": "critical",
            "fingerprint": digest,
            "location": {"path": utf8_name(project_path(e.path)), "lines": {"begin": 1, "end": 1}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
