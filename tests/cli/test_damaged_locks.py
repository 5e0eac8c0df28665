"""A dependency file with an entry no reader can read (a [[package]] without a name, a Pipfile.lock
entry that is not a table) is damaged: what it locks there is a dependency that cannot be
checked, reported as such, and the run does not pass.  Such entries were skipped: a lock of
only damaged entries said "No dependencies to check." and exited 0."""

import json

import pytest

from .conftest import environment, one_line

LOCKS = {
    "uv.lock": ('version = 1\n[[package]]\nname = 5\nversion = "1.0"\n', "[[package]] #1"),
    "poetry.lock": ('[metadata]\nlock-version = "2.0"\n[[package]]\nversion = "1.0"\n', "[[package]] #1"),
    "pdm.lock": ('[metadata]\nlock_version = "4.4"\n[[package]]\nname = ""\nversion = "1.0"\n', "[[package]] #1"),
    "pylock.toml": ('lock-version = "1.0"\n[[packages]]\nversion = "1.0"\n', "[[packages]] #1"),
    "Pipfile.lock": ('{"_meta": {}, "default": {"six": "==1.16.0"}}', "six"),
    # a category that is not a table: pipenv sync reads its items; it was skipped, "No dependencies
    # to check", exit 0
    "Pipfile.lock category": ('{"_meta": {}, "default": ["six"]}', "[default]"),
}


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_a_damaged_lock_entry_cannot_be_checked_and_the_run_does_not_pass(sh, name):
    text, shown = LOCKS[name]
    name = name.split()[0]
    sh.write(name, text)
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", "--format", "json", name, env=env)
    assert result.returncode == 1, (result.stdout, result.stderr)
    found = {d["name"]: d for d in json.loads(result.stdout)["dependencies"]}
    assert list(found) == [shown]
    assert "the lock is damaged" in found[shown]["message"]
    text_report = sh.run("deps", "--offline", "--target-version", "3.13", name, env=env)
    assert text_report.returncode == 1 and "No dependencies to check" not in text_report.stdout


@pytest.mark.parametrize(("text", "says"), [
    ('[project]\nname = "p"\ndependencies = [5, "six"]\n', "[project] dependencies must be a list of requirement strings"),
    ('[project]\nname = "p"\ndependencies = []\n[project.optional-dependencies]\ntest = ["six", 3]\n',
     "[project.optional-dependencies] test must be a list of requirement strings"),
], ids=["dependencies", "optional-dependencies"])
def test_a_pyproject_requirement_that_is_not_a_string_is_a_usage_error(sh, text, says):
    """PEP 621 lists requirement strings; an entry that is not one was dropped unread, and a
    run whose other entries were ready passed without it."""
    sh.write("pyproject.toml", text)
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", "pyproject.toml", env=env)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"outmoded deps: error: pyproject.toml: {says}"


FIVE_THOUSAND_DIGITS = "1" + "0" * 5000


@pytest.mark.parametrize(("name", "text", "says"), [
    ("uv.lock", f'version = 1\n[[package]]\nname = "six"\nversion = "{FIVE_THOUSAND_DIGITS}"\n',
     "cannot be read: Exceeds the limit (4300 digits)"),
    ("uv.lock", 'version = 1\n[[package]]\nname = "six"\nversion = "abc!!"\n', "'abc!!' is not a version"),
    ("requirements.txt", f"six=={FIVE_THOUSAND_DIGITS}\n", "malformed requirement: version '1000"),
], ids=["uv-huge-version", "uv-not-a-version", "requirements-huge-pin"])
def test_a_version_no_one_can_read_is_that_entrys_error_not_an_internal_error(sh, name, text, says):
    """A locked or pinned version packaging cannot make a Version of (past Python's limit on an
    int's digits, or no version at all) was an internal error that checked nothing."""
    sh.write(name, text)
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", name, env=env)
    assert result.returncode == 1 and "internal error" not in result.stderr, result.stderr
    assert says in result.stdout and f"six ({name}:" in result.stdout
    assert "5001 characters" in result.stdout or FIVE_THOUSAND_DIGITS not in text


def test_a_toml_number_past_pythons_digit_limit_is_bad_input_not_an_internal_error(sh):
    sh.write("pylock.toml", f'lock-version = "1.0"\n[[packages]]\nname = "six"\nversion = "1.16.0"\nx = {FIVE_THOUSAND_DIGITS}\n')
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", "pylock.toml", env=env)
    assert result.returncode == 2 and result.stdout == ""
    assert one_line(result.stderr).startswith("outmoded deps: error: pylock.toml: not valid TOML: Exceeds the limit")


@pytest.mark.parametrize("version", [3, "1.16.0"], ids=["int", "no-operator"])
def test_a_pipfile_lock_version_that_is_no_pin_is_a_damaged_entry(sh, version):
    """pipenv 2026.10.3's pipenv sync refuses an entry whose version is 3 (``Invalid type for field
    version``) and fails installing ``six1.16.0`` from ``"1.16.0"``; the entry was read as
    unpinned and judged on the newest release, "ready"."""
    text = json.dumps({"_meta": {"pipfile-spec": 6}, "default": {
        "six": {"version": version}, "idna": {"version": "==3.10"}}}, indent=4)
    sh.write("Pipfile.lock", text)
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", "--format", "json", "Pipfile.lock", env=env)
    assert result.returncode == 1, (result.stdout, result.stderr)
    six = {d["name"]: d for d in json.loads(result.stdout)["dependencies"]}["six"]
    assert six["line"] == text.splitlines().index('        "six": {') + 1 and six["version"] is None
    assert f"its version in [default] is {version!r}, not a pin" in six["message"]
    assert "the lock is damaged" in six["message"]


@pytest.mark.parametrize("indent", [None, 4], ids=["one-line", "indented"])
def test_a_pipfile_lock_damaged_entry_names_its_line(sh, indent):
    """A damaged entry's line was found only for ``"name": {`` at a line's start: an entry that
    is not a table, and every entry of a lock written on one line, had none (``WHERE`` showed
    ``Pipfile.lock``).  Each entry now has the line of its key in its own category."""
    data = {"_meta": {"pipfile-spec": 6}, "default": {"six": "==1.16.0", "idna": {"version": 3}},
            "develop": {"idna": {"version": "==3.10"}, "attrs": ["==23.1.0"]}}
    text = json.dumps(data, indent=indent)
    sh.write("Pipfile.lock", text)
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "cache"))
    result = sh.run("deps", "--offline", "--target-version", "3.13", "--format", "json", "Pipfile.lock", env=env)
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = {(d["name"], d["message"].split(" in [")[1].split("]")[0]): d["line"]
             for d in json.loads(result.stdout)["dependencies"] if "the lock is damaged" in d["message"]}
    rows = text.splitlines()
    def line_of(key, after=0):
        return 1 if indent is None else next(n for n, row in enumerate(rows, 1) if n > after and f'"{key}":' in row)
    assert lines == {("six", "default"): line_of("six"), ("idna", "default"): line_of("idna"),
                     ("attrs", "develop"): line_of("attrs")}
