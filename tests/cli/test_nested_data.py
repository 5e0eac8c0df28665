"""Data nested past the decoder's recursion limit (a planted or damaged file) is bad input like
any other: a cache file so damaged is treated as absent, a project or lock file so written is a
one-line error naming it; never an internal error."""

import pytest

from .conftest import environment, one_line

DEEP = 100_000  # far past the recursion limit of the JSON decoder and of tomllib


def test_a_settings_cache_file_nested_too_deeply_is_treated_as_absent(sh):
    sh.write("project/pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.9,<3.13"\n')
    sh.write("project/a.py", "import imp\n")
    env = environment(XDG_CACHE_HOME=str(sh.root / "user-cache"))
    first = sh.run("check", "--no-cache", "project", env=env)
    assert first.returncode == 1 and "OM12001" in first.stdout, first.stderr
    stored = sorted((sh.root / "user-cache" / "outmoded" / "settings").iterdir())
    assert stored  # the pyproject's parts and the bounds of its requires-python
    for path in stored:
        path.write_text("[" * DEEP + "]" * DEEP)
    again = sh.run("check", "--no-cache", "project", env=env)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    third = sh.run("check", "--no-cache", "project", env=env)  # the files were written again
    assert (third.returncode, third.stdout) == (first.returncode, first.stdout)
    assert all(path.read_text().startswith("{") for path in stored)


def test_a_pyproject_nested_too_deeply_is_a_usage_error_naming_it(sh):
    sh.write("pyproject.toml", "[tool.outmoded]\nselect = " + "[" * DEEP + "]" * DEEP + "\n")
    sh.write("a.py", "import imp\n")
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "a.py")
    assert result.returncode == 2
    assert one_line(result.stderr) == \
        f"outmoded check: error: {sh.root / 'pyproject.toml'}: cannot read: nested too deeply to read"


@pytest.mark.parametrize(("name", "text", "says"), [
    ("uv.lock", "version = 1\nx = " + "[" * DEEP + "]" * DEEP + "\n", "uv.lock: not valid TOML: nested too deeply"),
    ("poetry.lock", "x = " + "[" * DEEP + "]" * DEEP + "\n", "poetry.lock: not valid TOML: nested too deeply"),
    ("Pipfile.lock", '{"_meta": ' + "[" * DEEP + "]" * DEEP + "}", "Pipfile.lock: not a Pipfile.lock (not JSON: nested"),
], ids=["uv.lock", "poetry.lock", "Pipfile.lock"])
def test_a_lock_file_nested_too_deeply_is_a_usage_error_naming_it(sh, name, text, says):
    sh.write(name, text)
    result = sh.run("deps", "--offline", "--target-version", "3.13", name)
    assert result.returncode == 2
    assert says in one_line(result.stderr)


def test_a_baseline_nested_too_deeply_is_a_usage_error_naming_it(sh):
    sh.write("a.py", "import imp\n")
    sh.write("baseline.json", "[" * DEEP + "]" * DEEP)
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--baseline", "baseline.json", "a.py")
    assert result.returncode == 2
    assert "--baseline baseline.json: cannot read: nested too deeply" in one_line(result.stderr)
