"""Small pieces of the action: inputs, outputs, inert output, markdown escaping, the shim."""

from __future__ import annotations

import os

import pytest

from ghrunner import parse_commands, parse_outputs
from outmoded.integrations import precommit
from outmoded.integrations.action import inputs, outputs, summary, workflow


def test_inputs_defaults_and_hyphens():
    got = inputs.read_inputs({"INPUT_TARGET-VERSION": " 3.13 ", "INPUT_CHANGED-ONLY": "True",
                              "INPUT_PATHS": "src\n'tests dir'", "INPUT_ARGS": "--select OM12"})
    assert got.paths == ["src", "tests dir"] and got.target_version == "3.13" and got.changed_only
    assert got.options() == ["--target-version", "3.13", "--select", "OM12"]
    assert inputs.read_inputs({}) == inputs.Inputs()


def test_outputs_cannot_be_forged():
    value = "x\nfindings=999\nghadelimiter_\n"
    text = outputs.entry("sarif", value) + outputs.entry("findings", "1")
    parsed = parse_outputs(text)
    assert parsed["findings"] == "1" and parsed["sarif"] == value


def test_untrusted_output_is_never_a_command(capsys):
    workflow.show_untrusted("tool", "::error file=x::injected\n::set-output name=a::b\n")
    out = capsys.readouterr().out
    assert "injected" in out
    assert [c.name for c in parse_commands(out)] == ["group", "endgroup"]


def test_captured_output_is_shown_after_the_run(capsys):
    def noisy():
        print("::error::from stdout")
        import sys
        print("::warning::from stderr", file=sys.stderr)
        return 3

    assert workflow.captured("noisy", noisy) == 3
    captured = capsys.readouterr()
    assert captured.err == ""
    assert [c.name for c in parse_commands(captured.out)] == ["group", "endgroup"]


@pytest.mark.parametrize("raw, shown", [
    ("a|b", "a\\|b"), ("<b>&", "&lt;b&gt;&amp;"), ("[l](u)", "\\[l\\]\\(u\\)"), ("x\ny", "x\\\\x0ay"),
    ("*_`~#", "\\*\\_\\`\\~\\#"), ("@team", "\\@team"),
    ("a\u202eb", "a\\\\u202eb"), ("c1\x9b", "c1\\\\x9b"),  # a bidirectional override, a C1 control
])
def test_markdown_escaping(raw, shown):
    assert summary.md(raw) == shown


def test_fence_outgrows_backticks_in_its_content():
    lines = summary.fenced(["echo '````'"])
    assert lines[0] == "`````sh" and lines[-1] == "`````"


def test_precommit_shim_with_no_files_checks_nothing(tmp_path, capsys):
    (tmp_path / "bad.py").write_text("import imp\n")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert precommit.main(["check", "--no-cache"]) == 0
        assert precommit.main(["check", "--no-cache", "bad.py"]) == 1
    finally:
        os.chdir(old)
    assert "OM12001" in capsys.readouterr().out


def test_precommit_shim_honours_exclude_for_named_files(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.outmoded]\nextend-exclude = ["legacy/", "*_pb2.py"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text("import imp\n")
    (tmp_path / "gen_pb2.py").write_text("import imp\n")
    (tmp_path / "new.py").write_text("import imp\n")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert precommit.main(["check", "--no-cache", "legacy/old.py", "gen_pb2.py"]) == 0
        assert precommit.main(["check", "--no-cache", "legacy/old.py", "new.py"]) == 1
    finally:
        os.chdir(old)
    out = capsys.readouterr().out
    assert "new.py" in out and "old.py" not in out and "gen_pb2" not in out


def test_a_bug_is_reported_without_raw_text(capsys):
    from outmoded.integrations.action.run import guarded

    def broken():
        raise RuntimeError("boom\n::error file=x::injected")

    assert guarded(broken) == 2
    commands = parse_commands(capsys.readouterr().out)
    assert [c.name for c in commands] == ["error", "group", "endgroup"]
    assert commands[0].message == "internal error: RuntimeError: boom\n::error file=x::injected"
