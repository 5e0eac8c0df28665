"""Each machine format, read back by its reference parser or checked against its schema, with a
hostile file name (markup, quotes, control characters) that must come through escaped."""

import json
import xml.etree.ElementTree as ET

import pytest

HOSTILE = "evil<&>\"'\x1b[31m.py"

# GitLab code quality report: the fields GitLab reads (docs: "Code Quality report format")
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1},
                                             "end": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


@pytest.fixture
def tree(sh):
    sh.write("a.py", "import imp\nimp.reload(imp)\ntry:\n    import cgi\nexcept ImportError:\n    cgi = None\n")
    sh.write(HOSTILE, "import asyncore\n")
    sh.write("broken.py", "import imp\ndef (:\n")
    return sh


def fmt(sh, name, *extra):
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", name, *extra, ".")
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_json_lines(tree):
    out = fmt(tree, "json-lines")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(out.splitlines()) == 5
    findings = [r for r in records if r["type"] == "finding"]
    assert {r["path"] for r in findings} == {"a.py", HOSTILE}
    assert [r["path"] for r in records if r["type"] == "file-error"] == ["broken.py"]
    assert "\x1b" not in out  # escaped by JSON
    doc = json.loads(fmt(tree, "json"))  # the same findings as the json format
    assert [{k: v for k, v in r.items() if k != "type"} for r in findings] == doc["findings"]


def test_junit_parses_and_counts(tree):
    out = fmt(tree, "junit")
    root = ET.fromstring(out.encode())
    assert root.tag == "testsuites" and root.get("failures") == "4" and root.get("errors") == "1"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 5
    names = {suite.get("name") for suite in root.findall("testsuite")}
    assert "evil<&>\"'\\x1b[31m.py" in names  # markup escaped by XML; the control character as \x1b
    failure = next(c for c in cases if c.get("name") == "outmoded.OM12002").find("failure")
    assert "imp.reload" in failure.get("message") and failure.text.startswith("line 2, col 1, ")
    assert next(c for c in cases if c.find("error") is not None).get("file") == "broken.py"


def test_junit_with_the_reference_parser(tree):
    junitparser = pytest.importorskip("junitparser")
    path = tree.root / "report.xml"
    fmt(tree, "junit", "-o", str(path))
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert sum(suite.tests for suite in suites) == 5
    assert sum(suite.failures for suite in suites) == 4 and sum(suite.errors for suite in suites) == 1


def test_junit_clean_run_is_one_passing_case(sh):
    sh.write("ok.py", "import importlib\n")
    result = sh.run("check", "--no-cache", "--output-format", "junit", ".")
    root = ET.fromstring(result.stdout)
    assert result.returncode == 0 and root.get("failures") == "0" and len(root.findall(".//testcase")) == 1


def test_gitlab_code_quality(tree, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    issues = json.loads(fmt(tree, "gitlab"))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len(issues) == 5
    assert len({i["fingerprint"] for i in issues}) == 5  # GitLab needs them unique
    by_path = {}
    for issue in issues:
        by_path.setdefault(issue["location"]["path"], []).append(issue)
    assert {i["severity"] for i in by_path["a.py"]} == {"major", "minor"}  # error, warning
    assert by_path[HOSTILE][0]["check_name"].startswith("OM12")  # asyncore
    assert by_path["broken.py"][0]["severity"] == "critical"


def test_gitlab_fingerprints_survive_moved_lines(tree):
    before = {i["check_name"]: i["fingerprint"] for i in json.loads(fmt(tree, "gitlab"))
              if i["location"]["path"] == "a.py"}
    text = (tree.root / "a.py").read_text()
    tree.write("a.py", "# a new first line\n\n" + text)
    after = {i["check_name"]: i["fingerprint"] for i in json.loads(fmt(tree, "gitlab"))
             if i["location"]["path"] == "a.py"}
    assert before == after


def test_github_and_sarif_still_escape(tree):
    github = fmt(tree, "github")
    assert all(line.startswith("::") for line in github.splitlines())
    assert "\x1b" not in github  # the log viewer would colour the log with it
    assert "file=evil<&>\"'\\x1b[31m.py," in github
    sarif = json.loads(fmt(tree, "sarif"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "evil%3C%26%3E%22%27%1B%5B31m.py" in uris


UNDECODABLE = b"bad\xffname.py"  # not UTF-8: Python reads it as "bad\udcffname.py"
QUOTED = '"bad\\377name.py"'  # as git status writes it
LITERAL = '"bad\\377name.py'  # a file really named with a quote and a backslash: quoted too


def test_an_undecodable_file_name_is_valid_and_unambiguous_in_every_format(sh):
    """A file name that is not UTF-8 came out as a lone surrogate (``\\udcff`` in JSON, which strict
    parsers refuse, U+FFFD in GitLab's report, ``\\xdcff`` in JUnit's): now every output is valid
    UTF-8 and names it as git does, ``"bad\\377name.py"``, apart from a file really named
    ``"bad\\377name.py`` (quoted too), and SARIF gives its byte in the URI.  Real files, a real
    process."""
    import os

    os.makedirs(sh.root, exist_ok=True)
    with open(os.path.join(os.fsencode(sh.root), UNDECODABLE), "wb") as handle:
        handle.write(b"import imp\n")
    sh.write(LITERAL, "import asyncore\n")
    outputs = {}
    for name in ("full", "concise", "grouped", "json", "json-lines", "junit", "github", "gitlab", "sarif"):
        run = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", name, ".", text=False)
        assert run.returncode == 1, run.stderr
        outputs[name] = run.stdout.decode("utf-8")  # strict: no surrogate, no stray byte
    for name in ("full", "concise"):
        assert f"{QUOTED}:1:8: OM12001" in outputs[name]
        assert '"\\"bad\\\\377name.py":1:8: OM12' in outputs[name]
    assert f"{QUOTED}:\n" in outputs["grouped"]
    paths = {f["path"] for f in json.loads(outputs["json"])["findings"]}
    assert paths == {QUOTED, '"\\"bad\\\\377name.py"'}
    assert {json.loads(line)["path"] for line in outputs["json-lines"].splitlines()} == paths
    assert {i["location"]["path"] for i in json.loads(outputs["gitlab"])} == paths
    root = ET.fromstring(outputs["junit"].encode())
    assert {case.get("file") for case in root.iter("testcase")} == paths
    assert f"::error file={QUOTED}," in outputs["github"]
    sarif = json.loads(outputs["sarif"])
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"bad%FFname.py", "%22bad%5C377name.py"}
