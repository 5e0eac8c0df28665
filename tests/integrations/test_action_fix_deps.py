"""The action's ``fix`` and ``deps`` inputs, and output it does not control shown inertly."""

from __future__ import annotations


from ghrunner import run_action

HOSTILE = "evil\n::error file=x::pwned.py"


def test_fix_rewrites_and_reports_what_remains(workspace, tmp_path):
    (workspace / "a.py").write_text("import imp\nimp.reload(x)\n")
    (workspace / HOSTILE).write_text("import imp\nimp.reload(y)\n")
    result = run_action(workspace, tmp_path / "runner", inputs={"fix": "true"})
    assert "importlib.reload(x)" in (workspace / "a.py").read_text()
    assert "importlib.reload(y)" in (workspace / HOSTILE).read_text()
    assert result.outputs["fixed"] == "true" and result.outputs["fixable"] == "0"
    notices = [c.message for c in result.commands if c.name == "notice"]
    assert any("rewrote 2 file(s)" in message for message in notices)
    assert "::group::outmoded fix" in result.stdout  # its own output, shown in a group ...
    files = {c.properties.get("file") for c in result.commands if c.name == "error"}
    assert files <= {"a.py", HOSTILE}  # ... and never run as commands


def test_fix_with_nothing_to_fix(workspace, tmp_path):
    (workspace / "a.py").write_text("import importlib\n")
    result = run_action(workspace, tmp_path / "runner", inputs={"fix": "true"})
    assert result.code == 0 and result.outputs["fixed"] == "false"


def test_fix_with_findings_left_but_nothing_fixable(workspace, tmp_path):
    (workspace / "a.py").write_text("import imp\n")
    result = run_action(workspace, tmp_path / "runner", inputs={"fix": "true"})
    assert result.code == 1 and result.outputs["fixed"] == "false"
    assert (workspace / "a.py").read_text() == "import imp\n"


def test_deps_runs_and_its_output_is_inert(workspace, tmp_path):
    (workspace / "requirements.txt").write_text("attrs>=20\n")
    result = run_action(workspace, tmp_path / "runner",
                        inputs={"deps": "true", "deps-args": "--offline", "target-version": "3.13"},
                        env_extra={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert "::group::outmoded deps" in result.stdout and "attrs" in result.stdout
    assert result.code == 1  # not in the cache while offline: not known to be ready, no pass
    assert [c.message for c in result.commands if c.name == "error"] == []
    warnings = [c.message for c in result.commands if c.name == "warning"]
    assert warnings == [("some dependencies could not be checked (index unreachable or archive "
                         "unreadable; see the 'outmoded deps' log group)")]


def test_deps_table_in_the_log_and_the_job_summary(workspace, tmp_path):
    (workspace / "requirements.txt").write_text("attrs>=20\nbad|name\n")
    result = run_action(workspace, tmp_path / "runner",
                        inputs={"deps": "true", "deps-args": "--offline", "target-version": "3.13"},
                        env_extra={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.code == 1
    log = result.stdout[result.stdout.index("::group::outmoded deps"):]
    # the malformed line is not ready, attrs could not be checked offline: in that order, twice
    assert log.index("bad|name") < log.index("attrs")
    assert "1 of 2 dependencies are not ready for Python 3.13. 1 of 2 dependencies could not be checked" in log
    summary = result.summary[result.summary.index("## outmoded deps"):]
    assert "1 of 2 dependencies could not be checked \\(not counted as not ready\\)" in summary
    rows = [line for line in summary.splitlines()
            if line.startswith("| ") and "Package" not in line and not line.startswith("| ---")]
    assert rows[0].startswith("| bad\\|name |") and rows[1].startswith("| attrs |")
    assert "unknown" in rows[1]


def test_deps_usage_error_fails_even_with_fail_on_never(workspace, tmp_path):
    result = run_action(workspace, tmp_path / "runner",
                        inputs={"deps": "true", "deps-args": "--retries 99", "fail-on": "never"})
    assert result.code == 2


def test_deps_names_in_the_log_are_escaped(workspace, tmp_path):
    """A requirement line with an escape sequence (or a bidirectional override) is shown escaped in
    the log group: commands are off there, but the log renders colours and cursor moves."""
    (workspace / "requirements.txt").write_text("\x1b[31mevil\u202e==1.0\n")
    result = run_action(workspace, tmp_path / "runner",
                        inputs={"deps": "true", "deps-args": "--offline", "target-version": "3.13"},
                        env_extra={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    log = result.stdout[result.stdout.index("::group::outmoded deps"):]
    assert "\\x1b[31mevil\\u202e" in log and "\x1b" not in log and "\u202e" not in log
