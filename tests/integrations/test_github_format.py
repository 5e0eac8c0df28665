"""``--format github``: workflow-command annotations, escaped exactly as the runner unescapes."""

from __future__ import annotations

import os

import pytest

from ghrunner import parse_commands
from outmoded.findings import Finding
from outmoded.reporters import github

HOSTILE = ["we,ird:%name.py", "evil\n::error file=x::pwned.py", "cr\r::warning::x.py", "%0A.py"]


def finding(code="OM12001", severity="error", line=1, removed="3.12", path="a.py", end_line=None):
    return Finding(path=path, line=line, column=1, end_line=end_line or line, end_column=4, code=code,
                   api="imp", removed_in=removed, deprecated_in=None, severity=severity,
                   message="m", replacement="importlib", fix=None)


def test_escaping_is_exactly_what_the_runner_expects():
    assert github.escape_data("100%\r\n:,") == "100%25%0D%0A:,"
    assert github.escape_property("100%\r\n:,") == "100%25%0D%0A%3A%2C"
    assert github.escape_property("%3A") == "%253A"  # an escape in a file name stays literal


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_names_cannot_inject_commands(project, name):
    project.write(name, "import imp\n")
    code, out, _ = project.run("check", "--format", "github", "--no-cache", "--target-version", "3.13", name)
    assert code == 1
    commands = parse_commands(out)
    assert [(c.name, c.properties["file"]) for c in commands] == [("error", name)]
    assert len(out.splitlines()) == 1
    assert out.startswith("::error file=")


def test_annotation_has_full_position_title_and_fix_hint(project):
    project.write("a.py", "import imp\nimp.reload(x)\n")
    code, out, _ = project.run("check", "--format", "github", "--no-cache", "--target-version", "3.13", "a.py")
    first, second = parse_commands(out)
    assert first.properties == {"file": "a.py", "line": "1", "endLine": "1", "col": "8", "endColumn": "11",
                                "title": "outmoded OM12001"}
    assert "`imp` was removed in Python 3.12" in first.message
    assert second.message.endswith("Fixable with `outmoded fix`.")


def test_columns_only_for_single_line_spans():
    command = parse_commands(github.annotation(finding(line=2, end_line=4)))[0]
    assert command.properties["line"] == "2" and command.properties["endLine"] == "4"
    assert "col" not in command.properties and "endColumn" not in command.properties


def test_order_errors_first_and_one_per_rule_before_repeats():
    findings = [finding("OM13001", "error", line=n, removed="3.13") for n in range(1, 4)]
    findings += [finding("OM12001", "error", line=n) for n in range(1, 4)]
    findings += [finding("OM12002", "warning", line=1), finding("OM12003", "error", line=9)]
    ordered = github.order(findings)
    assert [(f.code, f.line) for f in ordered[:4]] == [("OM12001", 1), ("OM12003", 9), ("OM13001", 1),
                                                        ("OM12001", 2)]
    assert ordered[-1].severity == "warning"
    assert sorted(ordered, key=id) == sorted(findings, key=id)


def test_file_errors_come_first(project):
    project.write("bad.py", "import imp\ndef (:\n")
    project.write("a.py", "import imp\n")
    code, out, _ = project.run("check", "--format", "github", "--no-cache", "--target-version", "3.13", ".")
    commands = parse_commands(out)
    assert commands[0].properties["file"] == "bad.py"
    assert commands[0].properties["title"] == "outmoded: file not checked"
    assert commands[1].properties["file"] == "a.py"


def test_paths_are_relative_to_the_workspace(project, monkeypatch):
    project.write("pkg/a.py", "import imp\n")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project.root))
    old = os.getcwd()
    os.chdir(project.root / "pkg")
    try:
        from outmoded.cli import main

        project.capsys.readouterr()
        main(["check", "--format", "github", "--no-cache", "--target-version", "3.13", "a.py"])
        out = project.capsys.readouterr().out
    finally:
        os.chdir(old)
    assert parse_commands(out)[0].properties["file"] == "pkg/a.py"
