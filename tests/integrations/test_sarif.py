"""``--format sarif``: SARIF 2.1.0 valid against the official schema, GitHub-ready."""

from __future__ import annotations

import json

import jsonschema
import pytest

from ghrunner import sarif_schema
from outmoded.catalog import default_catalog

SECRET = "SOURCE_TEXT_MARKER_7f3a"


@pytest.fixture(scope="module")
def validator():
    schema = sarif_schema()
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/schema")
    return jsonschema.Draft4Validator(schema)


def sarif(project, *paths, target="3.13"):
    code, out, err = project.run("check", "--format", "sarif", "--no-cache", "--target-version", target, *paths)
    assert code in (0, 1), err
    return json.loads(out)


def test_valid_against_the_official_schema(project, validator):
    project.write("a.py", "import imp\nimp.reload(x)\ntry:\n    import asyncore\nexcept ImportError:\n    pass\n")
    project.write("broken.py", "import imp\ndef (:\n")
    doc = sarif(project, ".")
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, errors[0]
    assert doc["version"] == "2.1.0"
    assert {r["level"] for r in doc["runs"][0]["results"]} == {"error", "warning"}


def test_empty_report_is_valid(project, validator):
    project.write("clean.py", "import importlib\n")
    doc = sarif(project, ".")
    validator.validate(doc)
    assert doc["runs"][0]["results"] == [] and doc["runs"][0]["tool"]["driver"]["rules"] == []


def test_driver_and_one_rule_per_used_rule(project):
    project.write("a.py", "import imp\nimport imp\nimp.reload(x)\n")
    run = sarif(project, "a.py")["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "outmoded" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["OM12001", "OM12002"]
    entries = default_catalog().by_code
    for rule in rules:
        assert rule["helpUri"] == entries[rule["id"]].doc
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and "python-3.12" in rule["properties"]["tags"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_have_a_full_region_and_relative_uri(project):
    project.write("pkg/a.py", 's = "éé"; import imp\n')
    run = sarif(project, "pkg")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "pkg/a.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 18, "endLine": 1, "endColumn": 21}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")


def test_uris_are_percent_encoded(project, validator):
    name = "we ird:%,\n#x.py"
    project.write(name, "import imp\n")
    doc = sarif(project, name)
    validator.validate(doc)
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "we%20ird%3A%25%2C%0A%23x.py"


def test_fingerprints_stable_across_runs_and_moves_never_source(project):
    project.write("a.py", f"import imp  # {SECRET}\nimp.reload(a)\nimp.reload(a)\n")
    first = sarif(project, "a.py")
    again = sarif(project, "a.py")
    prints = [r["partialFingerprints"]["outmoded/v1"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"]["outmoded/v1"] for r in again["runs"][0]["results"]]
    assert len(set(prints)) == len(prints)  # identical lines still differ by occurrence
    project.write("a.py", f"import os\n\nimport imp  # {SECRET}\nimp.reload(a)\nimp.reload(a)\n")
    moved = sarif(project, "a.py")
    assert [r["partialFingerprints"]["outmoded/v1"] for r in moved["runs"][0]["results"]] == prints
    assert SECRET not in json.dumps(moved)


def test_no_security_severity(project):
    project.write("a.py", "import imp\n")
    assert "security-severity" not in json.dumps(sarif(project, "a.py"))


def test_unreadable_files_are_notifications(project, validator):
    project.write("broken.py", "import imp\ndef (:\n")
    doc = sarif(project, "broken.py")
    validator.validate(doc)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["level"] == "error" and "cannot parse" in notes[0]["message"]["text"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.py"
