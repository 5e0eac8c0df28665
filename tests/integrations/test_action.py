"""``hooks/github-action`` run as a subprocess with the environment a runner sets."""

from __future__ import annotations

import json

import jsonschema
import pytest

from ghrunner import run_action, sarif_schema

BAD = "import imp\nimp.reload(x)\n"
WARNING_ONLY = "try:\n    import imp\nexcept ImportError:\n    imp = None\n"
HOSTILE = ["we,ird:%name.py", "evil\n::error file=x::pwned.py", "pct%0Aname.py", "a|b<script>[x](y).py"]


def write(workspace, name, text):
    path = workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def action(workspace, tmp_path, **kwargs):
    return run_action(workspace, tmp_path / "runner", **kwargs)


def test_annotates_summarises_outputs_and_fails(workspace, tmp_path):
    write(workspace, "src/a.py", BAD)
    write(workspace, "src/clean.py", "import importlib\n")
    result = action(workspace, tmp_path, inputs={"target-version": "3.13"})
    assert result.code == 1, result.stderr
    notes = result.annotations()
    assert [(c.name, c.properties["file"], c.properties["line"]) for c in notes] == [
        ("error", "src/a.py", "1"), ("error", "src/a.py", "2")]
    # import imp goes with its one use: both are promised
    assert result.outputs == {"findings": "2", "errors": "2", "fixable": "2", "sarif": "", "fixed": "false"}
    assert "## outmoded: 2 finding(s) for Python 3.13" in result.summary
    assert "| OM12002 |" in result.summary and "### By Python version" in result.summary
    assert "outmoded fix --target-version 3.13 ." in result.summary
    assert "import imp" not in result.stdout  # never the source line


def test_clean_workspace_passes(workspace, tmp_path):
    write(workspace, "a.py", "import importlib\n")
    result = action(workspace, tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert result.annotations() == []
    assert result.outputs["findings"] == "0" and "no removed standard-library APIs" in result.summary


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_names(workspace, tmp_path, name):
    write(workspace, name, "import imp\n")
    result = action(workspace, tmp_path, inputs={"sarif": "out.sarif"})
    assert result.code == 1
    assert [(c.name, c.properties["file"]) for c in result.commands] == [("error", name)]
    assert not any(line.startswith("::") and "pwned" in line and not line.startswith("::error file=evil%0A")
                   for line in result.stdout.splitlines())
    jsonschema.Draft4Validator(sarif_schema()).validate(json.loads((workspace / "out.sarif").read_text()))
    for raw in ("<script>", "](y)", "\n::error"):
        assert raw not in result.summary


def test_an_undecodable_file_name_in_annotations_sarif_and_summary(workspace, tmp_path):
    """A file name that is not UTF-8 (``bad\\xffname.py``): the annotation, the SARIF file and the
    step summary are valid UTF-8 and name it as git does (the summary was written with a lone
    surrogate's bytes, which GitHub's UTF-8 reader refuses)."""
    import os

    workspace.mkdir(parents=True, exist_ok=True)
    with open(os.path.join(os.fsencode(workspace), b"bad\xffname.py"), "wb") as handle:
        handle.write(b"import imp\n")
    result = action(workspace, tmp_path, inputs={"sarif": "out.sarif"})  # reads the summary as strict UTF-8
    assert result.code == 1, result.stderr
    assert [(c.name, c.properties["file"]) for c in result.commands] == [("error", '"bad\\377name.py"')]
    assert '| \\"bad\\\\377name\\.py\\"\\:1\\:8 | OM12001 |' in result.summary  # "bad\377name.py":1:8, markdown-escaped
    sarif = json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "bad%FFname.py"


@pytest.mark.parametrize("fail_on, text, code", [
    ("error", BAD, 1), ("error", WARNING_ONLY, 0), ("warning", WARNING_ONLY, 1),
    ("never", BAD, 0), ("warning", "import importlib\n", 0), ("NEVER", BAD, 0),
])
def test_fail_on(workspace, tmp_path, fail_on, text, code):
    write(workspace, "a.py", text)
    result = action(workspace, tmp_path, inputs={"fail-on": fail_on})
    assert result.code == code, result.stdout + result.stderr


def test_warning_annotations(workspace, tmp_path):
    write(workspace, "a.py", WARNING_ONLY)
    result = action(workspace, tmp_path)
    assert [c.name for c in result.annotations()] == ["warning"]
    assert result.outputs["errors"] == "0" and result.outputs["findings"] == "1"


def test_sarif_input_writes_a_valid_file(workspace, tmp_path):
    write(workspace, "a.py", BAD)
    result = action(workspace, tmp_path, inputs={"sarif": "reports/outmoded.sarif"})
    assert result.outputs["sarif"] == "reports/outmoded.sarif"
    path = workspace / "reports" / "outmoded.sarif"
    doc = json.loads(path.read_text())
    jsonschema.Draft4Validator(sarif_schema()).validate(doc)
    assert len(doc["runs"][0]["results"]) == 2
    assert path.stat().st_mode & 0o444 == 0o444


def test_hyphenated_inputs_and_args(workspace, tmp_path):
    write(workspace, "a.py", BAD)
    write(workspace, "legacy/old.py", BAD)
    assert action(workspace, tmp_path, inputs={"target-version": "3.11"}).code == 0  # imp exists in 3.11
    result = action(workspace, tmp_path, inputs={"args": "--select OM12002 --extend-exclude 'legacy/'"})
    assert [(c.properties["file"], c.properties["title"]) for c in result.annotations()] == [
        ("a.py", "outmoded OM12002")]


def test_paths_input(workspace, tmp_path):
    write(workspace, "a.py", BAD)
    write(workspace, "dir with space/b.py", "import imp\n")
    result = action(workspace, tmp_path, inputs={"paths": "'dir with space'\n"})
    assert {c.properties["file"] for c in result.annotations()} == {"dir with space/b.py"}


def test_container_arguments_as_args(workspace, tmp_path):
    """``uses: docker://IMAGE`` passes ``with: args:`` as the container's arguments."""
    write(workspace, "a.py", BAD)
    result = action(workspace, tmp_path, argv=["--select", "OM12001"])
    assert [c.properties["title"] for c in result.annotations()] == ["outmoded OM12001"]


@pytest.mark.parametrize("inputs, fragment", [
    ({"fail-on": "sometimes"}, "fail-on"), ({"changed-only": "maybe"}, "changed-only"),
    ({"args": "--select 'OM12"}, "args"), ({"target-version": "2.7"}, "target-version"),
    ({"args": "--select NOPE99"}, "NOPE99"), ({"args": "--no-such-option"}, "no-such-option"),
])
def test_bad_inputs_are_usage_errors(workspace, tmp_path, inputs, fragment):
    write(workspace, "a.py", BAD)
    result = action(workspace, tmp_path, inputs=inputs)
    assert result.code == 2
    errors = [c for c in result.commands if c.name == "error"]
    assert len(errors) == 1 and fragment in errors[0].message, result.stdout


def test_many_findings_notice_and_capped_summary(workspace, tmp_path):
    for n in range(30):
        write(workspace, f"m{n:02}.py", "import imp\n" * 60)
    result = action(workspace, tmp_path)
    assert result.outputs["findings"] == "1800"
    notices = [c for c in result.commands if c.name == "notice"]
    assert len(notices) == 1 and "1790 more finding(s)" in notices[0].message
    assert len(result.summary.encode()) < 512 * 1024
    assert "more finding(s) not listed here" in result.summary
    assert "| OM12001 | imp | 3\\.12 | 1800 |" in result.summary


def test_summary_escapes_markdown_and_html(workspace, tmp_path):
    name = "x<img src=y onerror=alert(1)>|**b**`c`[l](http://e).py"
    write(workspace, name, "import imp\n")
    summary = action(workspace, tmp_path).summary
    assert "<img" not in summary and "](http" not in summary and "**b**" not in summary
    assert "&lt;img src\\=y onerror\\=alert\\(1\\)&gt;\\|\\*\\*b\\*\\*\\`c\\`\\[l\\]" in summary


def test_workspace_output_files_appended_not_replaced(workspace, tmp_path):
    write(workspace, "a.py", BAD)
    runner = tmp_path / "runner"
    runner.mkdir()
    (runner / "summary").write_text("earlier step\n")
    (runner / "output").write_text("earlier=1\n")
    result = run_action(workspace, runner)
    assert result.summary.startswith("earlier step\n## outmoded: 2 finding(s)")
    assert result.outputs["earlier"] == "1" and result.outputs["findings"] == "2"


def test_unwritable_runner_file_is_a_warning(workspace, tmp_path):
    write(workspace, "a.py", BAD)
    result = action(workspace, tmp_path, env_extra={"GITHUB_OUTPUT": str(tmp_path / "missing" / "out")})
    assert result.code == 1
    warnings = [c.message for c in result.commands if c.name == "warning"]
    assert len(warnings) == 1 and "cannot write $GITHUB_OUTPUT" in warnings[0]


@pytest.mark.parametrize(("sarif", "said"), [(".", "is a directory; name a file"),
                                             ("src/a.py/out.sarif", "src/a.py is a file, not a directory")])
def test_a_sarif_input_that_cannot_be_written_is_refused_before_the_run(workspace, tmp_path, sarif, said):
    """It was found only after the whole check (and fix): the step then failed with a raw
    ``[Errno 21] Is a directory`` after annotating every finding, with no outputs and no job
    summary.  Refused first, as ``--output-file`` is, nothing is checked or fixed."""
    write(workspace, "src/a.py", BAD)
    result = action(workspace, tmp_path, inputs={"sarif": sarif, "fix": "true"})
    assert result.code == 2, result.stdout + result.stderr
    said = said.replace("src/a.py is", f"{workspace}/src/a.py is")
    assert [(c.name, c.message) for c in result.commands] == [("error", f"input 'sarif': {workspace}/{sarif}: {said}")]
    assert (workspace / "src/a.py").read_text() == BAD and result.outputs == {}
