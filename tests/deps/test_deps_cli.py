"""The ``deps`` command line: text report, exit codes, usage errors, progress, no tracebacks."""

from __future__ import annotations

import json

import os
import select
import subprocess
import sys

import pytest

from outmoded.deps.progress import Progress

ISSUE = "numpy==1.26.4\npandas==2.2.2\npillow==10.4.0\nrequests==2.32.3\n"


def test_text_report_puts_problems_first_with_the_upgrade(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests==2.32.3\nnumpy==1.26.4\npillow==10.4.0\n")
    code, out, err = deps("--platform", "linux", "--target-version", "3.13", "--free-threading")
    assert code == 1
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("PACKAGE"))
    assert lines[header].split() == ["PACKAGE", "REQUESTED", "VERSION", "STATUS", "UPGRADE", "TO",
                                     "FREE-THREADED", "FT", "UPGRADE", "TO", "WHERE"]
    rows = [line.split() for line in lines[header + 1:header + 4]]
    assert rows == [  # the regular and the free-threaded upgrade side by side
        ["numpy", "==1.26.4", "1.26.4", "source-only", ">=2.1.0", "source-only", ">=2.1.0", "requirements.txt:2"],
        ["pillow", "==10.4.0", "10.4.0", "ok", "-", "source-only", ">=11.0.0", "requirements.txt:3"],
        ["requests", "==2.32.3", "2.32.3", "ok", "-", "ok", "-", "requirements.txt:1"]]
    assert "numpy (requirements.txt:2): 1.26.4: no cp313 wheel" in out
    assert out.rstrip().endswith("2 of 3 dependencies are not ready for Python 3.13 and its "
                                 "free-threaded build 3.13t.")
    assert err == ""  # no progress line: stderr is not a terminal


def test_all_ready_exits_zero(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests\n-e .\n")
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 0
    assert "All 1 dependencies are ready for Python 3.13." in out
    assert "skipped -e . (requirements.txt:2): editable install" in out


def test_output_format_is_spelled_as_check_and_ruff_spell_it(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests\n")
    for spelling in ("--output-format", "--format"):
        code, out, err = deps("--platform", "linux", "--target-version", "3.13", spelling, "json")
        assert code == 0 and json.loads(out)["dependencies"][0]["name"] == "requests", (spelling, err)


def test_github_format_annotates_each_dependency_not_ready_at_its_line(tmp_path, deps, monkeypatch):
    # OUTMODED_OUTPUT_FORMAT=github made check annotate and deps print its table, where a CI job sets it once
    (tmp_path / "requirements.txt").write_text("requests==2.32.3\nnumpy==1.26.4\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "1.0"\n'
                                             'requires-python = ">=3.10,<3.13"\n')
    expected = [
        "::error file=requirements.txt,line=2,title=outmoded deps%3A numpy::numpy 1.26.4 is not ready for "
        "Python 3.13 (source-only): no cp313 wheel",
        "::error file=pyproject.toml,line=4,title=outmoded deps%3A the project itself::The project itself is not "
        "ready: the project's Python requirement '>=3.10,<3.13' (pyproject.toml:4) excludes Python 3.13"]
    code, out, err = deps("--platform", "linux", "--target-version", "3.13", "--format", "github",
                          "requirements.txt")
    lines = out.splitlines()
    assert code == 1 and err == "" and len(lines) == 2, out
    assert all(line.startswith(start) for line, start in zip(lines, expected)), out
    assert lines[0].endswith(". Upgrade to numpy>=2.1.0")
    monkeypatch.setenv("OUTMODED_OUTPUT_FORMAT", "github")
    assert deps("--platform", "linux", "--target-version", "3.13", "requirements.txt") == (code, out, err)
    # the option wins; check's human formats are deps' text; a format only check writes is said and text written
    for value, option, shown in (("github", ["--format", "json"], '"dependencies"'), ("concise", [], "PACKAGE"),
                                 ("sarif", [], "PACKAGE")):
        monkeypatch.setenv("OUTMODED_OUTPUT_FORMAT", value)
        code, out, err = deps("--platform", "linux", "--target-version", "3.13", *option, "requirements.txt")
        assert code == 1 and shown in out
        assert err == ("note: OUTMODED_OUTPUT_FORMAT=sarif is a format of outmoded check; deps writes text, "
                       "json, github: writing text\n" if value == "sarif" else "")
    monkeypatch.setenv("OUTMODED_OUTPUT_FORMAT", "yaml")
    code, out, err = deps("--platform", "linux", "--target-version", "3.13", "requirements.txt")
    assert code == 2 and "unknown output format 'yaml' in OUTMODED_OUTPUT_FORMAT" in err


def test_default_target_is_the_newest_known(tmp_path, deps_json):
    (tmp_path / "requirements.txt").write_text("numpy==2.1.0\n")
    _code, found, document = deps_json("--platform", "linux")
    assert document["target_version"] == "3.15"
    assert found["numpy"]["status"] == "source-only"


def test_malformed_lines_do_not_stop_the_rest(tmp_path, deps_json):
    (tmp_path / "requirements.txt").write_text("numpy=1.26\nrequests\n")
    code, found, _ = deps_json("--platform", "linux", "--target-version", "3.13")
    assert code == 1
    bad = found["numpy=1.26"]
    assert (bad["status"], bad["reason"], bad["line"]) == ("unknown", "invalid-requirement", 1)
    assert found["requests"]["status"] == "ok"


@pytest.mark.parametrize("args, message", [
    (["--target-version", "3"], "--target-version must look like 3.13"),
    (["--target-version", "3.12", "--free-threading"], "no free-threaded build of Python 3.12"),
    (["--platform", "amiga"], "unknown platform 'amiga'"),
    (["--index-url", "ftp://example.invalid/"], "--index-url must be an http(s) URL"),
    (["--timeout", "0"], "--timeout must be a positive"),
    (["missing.txt"], "missing.txt: no such file or directory"),
])
def test_bad_usage_exits_2(tmp_path, deps, args, message):
    (tmp_path / "requirements.txt").write_text("requests\n")
    code, out, err = deps(*args)
    assert code == 2
    assert message in err
    assert out == ""


def test_no_files_found_exits_2(deps):
    code, _, err = deps()
    assert code == 2
    assert "no lock file, requirements*.txt, pyproject.toml" in err


def test_no_traceback_for_hostile_input(tmp_path, index):
    (tmp_path / "requirements.txt").write_bytes(
        b"numpy==1.26.4\n\xff\xfe garbage\n")
    result = subprocess.run(
        [sys.executable, "-m", "outmoded", "deps", "--index-url", index.url, "--timeout", "0.5"],
        capture_output=True, text=True, check=False, cwd=tmp_path, env={**os.environ, "PYTHONUTF8": "1"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr


def test_many_problems_in_one_run_exit_cleanly(tmp_path, index):
    (tmp_path / "requirements.txt").write_text(
        ISSUE + "hangs\nbroken\nloginpage\nno-such-thing\nfoo bar\n-r nowhere.txt\n")
    result = subprocess.run(
        [sys.executable, "-m", "outmoded", "deps", "--index-url", index.url, "--timeout", "0.5",
         "--retries", "1", "--platform", "linux", "--target-version", "3.13"],
        capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "unknown (index-unreachable)" in result.stdout
    assert "unknown (not-on-index)" in result.stdout
    # requests and pillow are fine; the unreachable, failing and login-page indexes are not an
    # answer: those three could not be checked and are not counted as not ready
    assert "5 of 10 dependencies are not ready" in result.stdout
    assert "3 of 10 dependencies could not be checked (not counted as not ready)" in result.stdout


def test_progress_shows_only_on_a_terminal(tmp_path):
    primary, secondary = os.openpty()
    with open(secondary, "w") as terminal, open(tmp_path / "log", "w") as plain:
        for stream in (terminal, plain):
            progress = Progress(3, stream)
            for _ in range(3):
                progress.advance()
            progress.close()
        shown = b""
        while select.select([primary], [], [], 0.2)[0]:  # read before the terminal closes
            shown += os.read(primary, 1000)
    os.close(primary)
    assert (tmp_path / "log").read_text() == ""
    assert "checking dependencies: 3/3" in shown.decode()


def test_text_output_escapes_control_characters(tmp_path):
    """A requirement line carrying a terminal escape sequence must not reach the terminal raw."""
    req = tmp_path / "requirements.txt"
    req.write_bytes(b"\x1b[31mevil\x1b[0m==1.0\n")
    result = subprocess.run([sys.executable, "-m", "outmoded", "deps", "--offline", "--target-version", "3.13",
                             str(req)], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "OUTMODED_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\\x1b[31mevil" in result.stdout


def test_default_target_is_the_named_files_projects_as_check_gives_it(tmp_path, deps, deps_json):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "root"\nrequires-python = ">=3.9,<3.14"\n')
    app = tmp_path / "packages" / "app"
    app.mkdir(parents=True)
    (app / "pyproject.toml").write_text('[project]\nname = "app"\nrequires-python = ">=3.9,<3.12"\n')
    (app / "requirements.txt").write_text("numpy==2.1.0\n")
    (tmp_path / "requirements.txt").write_text("numpy==2.1.0\n")
    assert deps_json("--platform", "linux", "packages/app/requirements.txt")[2]["target_version"] == "3.11"
    assert deps_json("--platform", "linux", "requirements.txt")[2]["target_version"] == "3.13"
    code, _, err = deps("--platform", "linux", "requirements.txt", "packages/app/requirements.txt")
    assert code == 2 and "projects checked for different targets (.: 3.13, packages/app: 3.11)" in err


def test_the_projects_own_requires_python_excluding_the_target_is_not_ready(tmp_path, deps, deps_json):
    # pip and uv refuse to install the project itself on a Python its requires-python excludes
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "1.0"\n'
                                             'requires-python = ">=3.10,<3.15"\ndependencies = ["requests"]\n')
    code, out, _ = deps("--platform", "linux", "--target-version", "3.15")
    assert code == 1
    assert "All 1 dependencies are ready for Python 3.15." in out
    assert out.rstrip().endswith(
        "The project itself is not ready: the project's Python requirement '>=3.10,<3.15' (pyproject.toml:4) "
        "excludes Python 3.15, the target: pip and uv refuse to install the project there; widen it to admit 3.15.")
    code, found, document = deps_json("--platform", "linux", "--target-version", "3.15")
    assert code == 1 and found["requests"]["status"] == "ok"
    assert [(e["file"], e["line"], e["requires_python"]) for e in document["project_excludes_target"]] \
        == [("pyproject.toml", 4, ">=3.10,<3.15")]
    code, out, _ = deps("--platform", "linux", "--target-version", "3.14")
    assert code == 0 and "The project itself" not in out
    code, out, _ = deps("--platform", "linux")  # the default target is the newest it admits
    assert code == 0 and "Python 3.14" in out and "The project itself" not in out


def test_a_uv_lock_s_requires_python_excluding_the_target_is_the_project_not_ready(tmp_path, deps, deps_json):
    # the full-stack-fastapi-template: a workspace root with no requires-python, its member's '>=3.14,<4.0'
    # in the uv.lock; uv 0.13.10's uv sync --frozen on 3.13 refuses it, and deps said all were ready (exit 0)
    (tmp_path / "pyproject.toml").write_text('[tool.uv.workspace]\nmembers = ["backend"]\n')
    (tmp_path / "uv.lock").write_text('version = 1\nrevision = 3\nrequires-python = ">=3.14, <4.0"\n\n'
                                      '[[package]]\nname = "requests"\nversion = "2.32.3"\n'
                                      'source = { registry = "https://pypi.org/simple" }\n')
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13", "uv.lock")
    assert code == 1 and "All 1 dependencies are ready for Python 3.13." in out
    assert out.rstrip().endswith("The project itself is not ready: the project's Python requirement '>=3.14, <4.0' "
                                 "(uv.lock:3) excludes Python 3.13, the target: pip and uv refuse to install the "
                                 "project there; widen it to admit 3.13.")
    code, found, document = deps_json("--platform", "linux", "--target-version", "3.14", "uv.lock")
    assert code == 0 and document["project_excludes_target"] == []


def test_a_setup_cfg_python_requires_excluding_the_target_is_said_for_the_requirements_beside_it(tmp_path, deps):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = app\n\n[options]\npython_requires = >=3.8, <3.13\n")
    (tmp_path / "requirements.txt").write_text("requests==2.32.3\n")
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13", "requirements.txt")
    assert code == 1
    assert "Python requirement '>=3.8, <3.13' (setup.cfg:5) excludes Python 3.13" in out
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = app\n\n[options]\npython_requires = >=3.8\n")
    assert deps("--platform", "linux", "--target-version", "3.13", "requirements.txt")[0] == 0


def test_a_target_spelled_with_t_checks_its_free_threaded_build_too(tmp_path, deps, deps_json):
    # uv and the interpreter's name spell the free-threaded build 3.14t
    (tmp_path / "requirements.txt").write_text("pillow==10.4.0\n")
    for spelling in ("3.13t", "py313t", "cp313t"):
        code, found, document = deps_json("--platform", "linux", "--target-version", spelling)
        assert code == 1 and document["target_version"] == "3.13" and document["free_threading_checked"]
        assert (found["pillow"]["status"], found["pillow"]["free_threading"]) == ("ok", "source-only")
    code, _, err = deps("--platform", "linux", "--target-version", "3.12t")
    assert code == 2 and "there is no free-threaded build of Python 3.12" in err


def test_what_requirements_without_a_lock_require_in_turn_is_said_not_judged(tmp_path, deps, deps_json):
    # what a dependency pins is judged (test_deps_pinned); what it requires beyond is said unjudged
    (tmp_path / "requirements.txt").write_text("requests==2.32.3\n")
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 0
    assert "\nNot judged: what the dependencies from requirements.txt require in turn beyond the versions " \
           "they pin (==, <, ~=: judged by their wheels), which pip resolves at install time; a lock file " \
           "records it (uv lock, pip-compile): name the lock to judge the whole set.\n\nAll 1 dependencies are ready for Python 3.13." in out
    assert deps_json("--platform", "linux", "--target-version", "3.13")[2]["requirements_not_judged"] \
        == ["requirements.txt"]
    (tmp_path / "uv.lock").write_text('version = 1\nrequires-python = ">=3.9"\n\n[[package]]\nname = "requests"\n'
                                      'version = "2.32.3"\nsource = { registry = "https://pypi.org/simple" }\n')
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 0 and "Not judged" not in out
    assert deps_json("--platform", "linux", "--target-version", "3.13")[2]["requirements_not_judged"] == []
