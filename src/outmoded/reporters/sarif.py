"""SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

- ``tool.driver`` names outmoded and carries one rule per rule code that has a result; a rule's
  ``helpUri`` is the catalog entry's ``doc`` link;
- results have a repo-relative, percent-encoded ``artifactLocation.uri`` (relative to
  ``GITHUB_WORKSPACE`` when set, else the current directory: ``%SRCROOT%``) and a full region;
  columns are 1-based Unicode code points with an exclusive end (``run.columnKind``);
- ``partialFingerprints["outmoded/v1"]`` hashes rule, path, the whitespace-normalised text of the
  line and the occurrence number, so it survives lines moving; the source text itself is never
  written;
- files that could not be checked are ``toolExecutionNotifications``;
- no ``security-severity``: these are compatibility problems, not security alerts.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from outmoded import __version__
from outmoded.catalog import format_version
from outmoded.reporters.github import workspace_path
from outmoded.reporters.snippets import SourceLines

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/outmoded/outmoded"
FINGERPRINT = "outmoded/v1"


def artifact_uri(path: str) -> dict:
    shown = workspace_path(path)
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/", errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _base_uri() -> str:
    base = os.path.abspath(os.environ.get("GITHUB_WORKSPACE") or os.getcwd())
    return Path(base).as_uri().rstrip("/") + "/"


def fingerprints(findings, texts: SourceLines | None = None) -> list[str]:
    texts, seen, out = texts or SourceLines(), Counter(), []
    for f in findings:
        key = "\0".join((f.code, f.api, workspace_path(f.path), texts.normalised(f.path, f.line)))
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        out.append(f"{digest[:32]}:{seen[key]}")
    return out


def _entries() -> dict:
    from outmoded.catalog import CatalogError, default_catalog

    try:
        return default_catalog().by_code
    except CatalogError:
        return {}


FIX_HINTS = {
    "safe": "`outmoded fix` rewrites it.",
    "unsafe": "`outmoded fix --unsafe-fixes` can rewrite it; review the change.",
    "none": "There is no automatic fix; rewrite it by hand.",
}


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _replacement(text: str) -> str:
    return _sentence(text) if " " in text.strip() else f"Use `{text.strip()}` instead."


def rule(code: str, finding, entry) -> dict:
    removed = format_version(entry.removed_in) if entry else finding.removed_in
    name = entry.name if entry else finding.api
    replacement = entry.replacement if entry else finding.replacement
    fix = (entry.fix if entry else finding.fix) or "none"
    status = "scheduled for removal in" if entry and entry.pending else "removed in"
    full = f"`{name}` is {status} Python {removed}. {_sentence(entry.reason) if entry else ''}".strip()
    descriptor = {
        "id": code,
        "name": "removed-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
        "shortDescription": {"text": f"`{name}` {status} Python {removed}"},
        "fullDescription": {"text": full},
        "help": {"text": f"{full} {_replacement(replacement)} {FIX_HINTS.get(fix, '')}".strip()},
        "defaultConfiguration": {"level": "warning" if finding.severity == "warning" else "error"},
        "properties": {"tags": ["compatibility", "removed-api", f"python-{removed}", f"fix-{fix}"]},
    }
    if entry and entry.doc:
        descriptor["helpUri"] = entry.doc
    return descriptor


def _region(f) -> dict:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def result(f, index: int, fingerprint: str) -> dict:
    return {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": "warning" if f.severity == "warning" else "error",
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(f.path), "region": _region(f)}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }


def notification(error) -> dict:
    return {
        "level": "error",
        "message": {"text": f"could not {error.stage} this file: {error.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(error.path)}}],
    }


def document(report, options=None) -> dict:
    entries, rules, index = _entries(), [], {}
    for f in report.findings:
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(rule(f.code, f, entries.get(f.code)))
    prints = fingerprints(report.findings, getattr(options, "sources", None))
    results = [result(f, index[f.code], fp) for f, fp in zip(report.findings, prints)]
    driver = {"name": "outmoded", "version": __version__, "semanticVersion": __version__,
              "informationUri": INFORMATION_URI, "rules": rules}
    invocation = {"executionSuccessful": True,
                  "toolExecutionNotifications": [notification(e) for e in report.errors]}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": _base_uri()}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"targetVersion": report.target_name},
    }]}


def render(report, options) -> str:
    return json.dumps(document(report, options), indent=2) + "\n"
