"""JUnit XML (``--output-format junit``), as CI systems (Jenkins, GitLab, Azure) read test results,
laid out like ruff's: one ``<testsuite>`` per file, one failing ``<testcase>`` per finding, a file
that could not be checked as a ``<testcase>`` with an ``<error>``; a clean run is one passing
test case.

The document is built with ``xml.etree`` (which escapes markup); characters XML 1.0 cannot hold
at all (control characters, lone surrogates) are written as ``\\xNN``; file names as
``pathquote.utf8_name`` writes them (an undecodable name quoted as git quotes it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from outmoded.pathquote import utf8_name

ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # reorder what a viewer shows


def xml_text(text: str) -> str:
    text = ILLEGAL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))
    return BIDI_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _classname(path: str) -> str:
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    return xml_text(utf8_name(stem.replace("/", ".")))


def render(report, options) -> str:
    findings, errors = report.findings, report.errors
    total = len(findings) + len(errors)
    root = ET.Element("testsuites", name="outmoded", tests=str(max(total, 1)),
                      failures=str(len(findings)), errors=str(len(errors)), skipped="0")
    if not total:
        suite = ET.SubElement(root, "testsuite", name="outmoded", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name="No findings", classname="outmoded")
    for path, group in groupby(findings, key=lambda f: f.path):
        group = list(group)
        suite = ET.SubElement(root, "testsuite", name=xml_text(utf8_name(path)), tests=str(len(group)),
                              failures=str(len(group)), errors="0", skipped="0")
        for f in group:
            case = ET.SubElement(suite, "testcase", name=f"outmoded.{f.code}", classname=_classname(f.path),
                                 file=xml_text(utf8_name(f.path)), line=str(f.line), column=str(f.column))
            properties = ET.SubElement(case, "properties")
            for name, value in (("severity", f.severity), ("api", f.api), ("fix", f.fix or "none")):
                ET.SubElement(properties, "property", name=name, value=xml_text(value))
            failure = ET.SubElement(case, "failure", message=xml_text(f.message), type=f.severity)
            failure.text = xml_text(f"line {f.line}, col {f.column}, {f.message}")
    for e in errors:
        suite = ET.SubElement(root, "testsuite", name=xml_text(utf8_name(e.path)), tests="1", failures="0", errors="1",
                              skipped="0")
        case = ET.SubElement(suite, "testcase", name=f"outmoded.file-not-{e.stage}ed", classname=_classname(e.path),
                             file=xml_text(utf8_name(e.path)))
        error = ET.SubElement(case, "error", message=xml_text(f"could not {e.stage} this file: {e.message}"))
        error.text = xml_text(e.message)
    ET.indent(root, space="    ") if hasattr(ET, "indent") else None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
