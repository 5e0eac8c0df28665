"""Projects nested in a checked folder: each file uses the settings of its own directory, as ruff
uses each file's closest configuration (``config.locate``), and the walk of the enclosing project
stops where a nested one with settings of its own begins."""

import json

from .conftest import one_line


def findings(result) -> list:
    assert result.returncode in (0, 1), result.stderr
    return sorted((f["path"], f["api"]) for f in json.loads(result.stdout)["findings"])


def check(sh, *args, cwd=None):
    return sh.run("check", "--output-format", "json", *args, cwd=cwd)


def monorepo(sh):
    """A root with [tool.outmoded] and requires-python, and a package declaring older Pythons."""
    sh.write("pyproject.toml", '[project]\nname = "root"\nrequires-python = ">=3.9"\n'
                               '[tool.outmoded]\nignore = ["OM13"]\n')
    sh.write("packages/old/pyproject.toml", '[project]\nname = "old"\nrequires-python = ">=3.8,<3.12"\n')
    for name in ("a.py", "packages/old/b.py", "packages/old/sub/c.py"):
        sh.write(name, "import imp\nimport telnetlib\n")


def test_a_nested_project_with_another_requires_python_gets_its_own_target(sh):
    monorepo(sh)
    result = check(sh, "--no-cache", ".")
    # the root's files at 3.15 (imp, 3.12); the package's at 3.11, where imp still exists; the
    # root's ignore (OM13: telnetlib) applies to both: the package has no [tool.outmoded]
    assert findings(result) == [("a.py", "imp")]
    assert "different targets (.: Python 3.15, packages/old: Python 3.11)" in one_line(result.stderr)
    # what the package's folder gives when named, from anywhere
    named = check(sh, "--no-cache", "../packages/old/sub/c.py", cwd=sh.write("elsewhere/x").parent)
    assert findings(named) == [] and json.loads(named.stdout)["target_version"] == "3.11"
    shown = sh.run("check", "--show-settings", ".").stdout
    assert "# packages/old\n" in shown and "requires-python = '>=3.8,<3.12'" in shown


def test_a_nested_project_saying_nothing_of_python_is_part_of_the_enclosing_one(sh):
    # an sdist's vendored package ships its bare setup.py; a pyproject.toml for the build only
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.11"\n')
    sh.write("src/vendored/setup.py", "from setuptools import setup\nsetup(name='v')\n")
    sh.write("src/vendored/v.py", "import imp\nimport binhex\n")
    sh.write("tools/pyproject.toml", '[build-system]\nrequires = ["setuptools"]\n')
    sh.write("tools/t.py", "import imp\nimport binhex\n")
    expected = [("src/vendored/v.py", "binhex"), ("tools/t.py", "binhex")]  # at 3.11, imp (3.12) stays
    assert findings(check(sh, "--no-cache", ".")) == expected
    assert findings(check(sh, "--no-cache", "src/vendored", "tools/t.py")) == expected  # named: the same


def test_a_nested_tool_outmoded_replaces_the_enclosing_one(sh):
    # as in ruff: the closest [tool.outmoded] applies whole; the enclosing exclude does not reach
    # below it, the nested one's patterns are relative to its own folder
    sh.write("pyproject.toml", '[tool.outmoded]\nextend-exclude = ["*_pb2.py"]\n')
    sh.write("app/pyproject.toml", '[tool.outmoded]\nextend-exclude = ["gen/"]\nignore = ["OM13"]\n')
    for name in ("x_pb2.py", "app/y_pb2.py", "app/gen/g.py", "app/m.py"):
        sh.write(name, "import imp\nimport telnetlib\n")
    assert sh.run("check", "--show-files", ".").stdout.split() == ["app/m.py", "app/y_pb2.py"]
    assert findings(check(sh, "--no-cache", ".")) == [("app/m.py", "imp"), ("app/y_pb2.py", "imp")]


def test_the_enclosing_projects_exclude_prunes_a_nested_project(sh):
    sh.write("pyproject.toml", '[tool.outmoded]\nextend-exclude = ["third_party/"]\n')
    sh.write("third_party/lib/pyproject.toml", '[project]\nname = "lib"\nrequires-python = ">=3.8"\n'
                                               '[tool.outmoded]\ntarget-version = "3.13"\n')
    sh.write("third_party/lib/l.py", "import imp\n")
    sh.write("a.py", "import asyncore\n")
    assert findings(check(sh, "--no-cache", ".")) == [("a.py", "asyncore")]
    assert sh.run("check", "--show-files", ".").stdout.split() == ["a.py"]
    # named, it is checked (with its own settings), as a named excluded folder always was
    assert findings(check(sh, "--no-cache", "third_party/lib")) == [("third_party/lib/l.py", "imp")]


def test_config_and_isolated_apply_one_setting_set_to_every_file(sh):
    monorepo(sh)
    sh.write("other.toml", '[tool.outmoded]\ntarget-version = "3.13"\n')
    everything = [("a.py", "imp"), ("a.py", "telnetlib"), ("packages/old/b.py", "imp"),
                  ("packages/old/b.py", "telnetlib"), ("packages/old/sub/c.py", "imp"),
                  ("packages/old/sub/c.py", "telnetlib")]
    result = check(sh, "--no-cache", "--config", "other.toml", ".")
    assert findings(result) == everything and "different targets" not in result.stderr
    assert findings(check(sh, "--no-cache", "--isolated", "--target-version", "3.13", ".")) == everything
    # an option beats every file: the target is the command line's, the floor still each project's
    overridden = check(sh, "--no-cache", "--target-version", "3.13", ".")
    assert findings(overridden) == [("a.py", "imp"), ("packages/old/b.py", "imp"), ("packages/old/sub/c.py", "imp")]


def test_fix_uses_each_files_own_projects_floor(sh):
    sh.write("pyproject.toml", '[project]\nname = "root"\nrequires-python = ">=3.9"\n')
    sh.write("legacy/pyproject.toml", '[project]\nname = "legacy"\nrequires-python = ">=3.2"\n')
    for name in ("a.py", "legacy/b.py"):
        sh.write(name, "import imp\nimp.reload(imp)\n")  # importlib.reload exists since 3.4
    result = sh.run("fix", "--no-cache", ".")
    assert result.returncode == 1, result.stderr  # legacy/b.py's finding remains
    assert "importlib.reload" in (sh.root / "a.py").read_text()
    assert (sh.root / "legacy/b.py").read_text() == "import imp\nimp.reload(imp)\n"
    assert "legacy/b.py:2:1: OM12002" in result.stdout
    # check --fix is the same fix
    sh.write("a.py", "import imp\nimp.reload(imp)\n")
    assert "+import importlib" in sh.run("check", "--no-cache", "--diff", ".").stdout
    assert "legacy/b.py" not in sh.run("check", "--no-cache", "--diff", ".").stdout


def cached(result) -> int:
    return json.loads(result.stdout)["stats"]["cached"]


def test_a_cached_result_follows_the_nested_projects_requirement(sh):
    monorepo(sh)
    assert findings(check(sh, ".")) == [("a.py", "imp")]
    again = check(sh, ".")
    assert findings(again) == [("a.py", "imp")] and cached(again) == 3
    sh.write("packages/old/pyproject.toml", '[project]\nname = "old"\nrequires-python = ">=3.8"\n')
    edited = check(sh, ".")
    assert findings(edited) == [("a.py", "imp"), ("packages/old/b.py", "imp"), ("packages/old/sub/c.py", "imp")]
    assert cached(edited) == 1  # the root's file only
    # each project keeps its own results in the root's cache: neither evicts the other's
    sh.write("packages/old/pyproject.toml", '[project]\nname = "old"\nrequires-python = ">=3.8,<3.12"\n')
    back = check(sh, ".")
    assert findings(back) == [("a.py", "imp")] and cached(back) == 3
    assert not (sh.root / "packages/old/.outmoded_cache").exists()


def test_a_project_named_twice_is_checked_once(sh):
    monorepo(sh)
    result = check(sh, "--no-cache", "packages/old/b.py", ".", "packages/old")
    assert findings(result) == [("a.py", "imp")]
    assert json.loads(result.stdout)["stats"]["files"] == 3


def test_the_enclosing_target_version_reaches_a_nested_requirement(sh):
    # target-version says where the tree is going; a nested requires-python says what its code
    # runs on: its floor, and the target only where the configuration names none
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.11"\nmin-version = "3.10"\n')
    sh.write("lib/pyproject.toml", '[project]\nname = "lib"\nrequires-python = ">=3.8"\n')
    sh.write("lib/m.py", "import imp\nimport binhex\n")
    result = check(sh, "--no-cache", ".")
    assert findings(result) == [("lib/m.py", "binhex")]
    shown = sh.run("check", "--show-settings", ".").stdout
    assert "# lib\n" in shown and "target-version = '3.11'\nmin-version = '3.8'" in shown


def test_a_nested_projects_walk_honours_the_gitignore_files_above_it(sh):
    (sh.root / ".git").mkdir()  # a git work tree: its .gitignore counts
    sh.write(".gitignore", "generated/\n")
    sh.write("app/pyproject.toml", "[tool.outmoded]\n")
    for name in ("generated/g.py", "app/generated/g.py", "app/m.py"):
        sh.write(name, "import imp\n")
    assert sh.run("check", "--show-files", ".").stdout.split() == ["app/m.py"]
    assert findings(check(sh, "--no-cache", ".")) == [("app/m.py", "imp")]


def test_a_nested_project_whose_pyproject_is_not_toml_is_listed_unchecked_and_the_rest_checked(sh):
    # a test fixture's or a template's pyproject.toml (build's tests/packages/test-bad-syntax,
    # cement's Jinja template): ruff stops there unless the folder is excluded, and these projects
    # exclude it for ruff; here the rest is checked, the folder is not, and the run fails
    sh.write("pyproject.toml", '[project]\nname = "root"\nrequires-python = ">=3.9"\n')
    sh.write("a.py", "import imp\n")
    sh.write("tests/fixtures/bad/pyproject.toml", '[project]\nname = "{{ name }}\n')
    sh.write("tests/fixtures/bad/b.py", "import imp\n")
    sh.write("tests/fixtures/bad/inner/c.py", "import imp\n")
    sh.write("tests/fixtures/typed/pyproject.toml", '[project]\nname = "t"\nrequires-python = 3\n')
    sh.write("tests/fixtures/typed/d.py", "import imp\n")
    sh.write("tests/py2/setup.py", "from distutils.core import setup\nsetup(python_requires='==2.7.*')\n")
    result = check(sh, "--no-cache", "--target-version", "3.13", ".")
    assert result.returncode == 1, result.stderr
    assert findings(result) == [("a.py", "imp")]
    errors = json.loads(result.stdout)["errors"]
    assert [e["path"] for e in errors] == ["tests/fixtures/bad/pyproject.toml", "tests/fixtures/typed/pyproject.toml"]
    assert errors[0]["message"].startswith("cannot read: ") and "tests/fixtures/bad was not checked" in errors[0]["message"]
    assert "requires-python must be a string" in errors[1]["message"]
    # without a target, a Python 2 project's Pythons cannot be checked: listed too
    untargeted = json.loads(check(sh, "--no-cache", ".").stdout)["errors"]
    assert [e["path"] for e in untargeted][2:] == ["tests/py2/setup.py"]
    assert "'==2.7.*'" in untargeted[2]["message"] and "allows no Python" in untargeted[2]["message"]
    text = sh.run("check", "--no-cache", "--target-version", "3.13", ".")
    assert text.returncode == 1 and "1 error" in text.stdout and "2 files could not be checked" in text.stdout
    shown = sh.run("check", "--show-files", ".")
    assert shown.returncode == 1 and shown.stdout.split() == ["a.py"]
    assert "tests/fixtures/bad/pyproject.toml: error: cannot read" in shown.stderr
    assert sh.run("check", "--show-settings", ".").returncode == 1
    # excluded: nothing left unchecked
    excluded = check(sh, "--no-cache", "--target-version", "3.13", "--extend-exclude", "fixtures/", ".")
    assert excluded.returncode == 1 and findings(excluded) == [("a.py", "imp")]
    assert json.loads(excluded.stdout)["errors"] == []
    sh.write("a.py", "import os\n")
    assert sh.run("check", "--no-cache", "--extend-exclude", "tests/", ".").returncode == 0
    assert sh.run("check", "--no-cache", ".").returncode == 1  # never 0 with a project left unchecked


def test_a_broken_nested_pyproject_naming_outmoded_is_a_usage_error_naming_it(sh):
    # its [tool.outmoded] is the user's configuration, and wrong: as ruff stops at a broken [tool.ruff]
    sh.write("a.py", "import imp\n")
    sh.write("app/pyproject.toml", '[tool.outmoded]\nignore = ["OM13"\n')
    result = sh.run("check", "--no-cache", ".")
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "app/pyproject.toml: cannot read" in line and "exclude its folder" in line
    assert sh.run("check", "--no-cache", "--extend-exclude", "app/", ".").returncode == 1
