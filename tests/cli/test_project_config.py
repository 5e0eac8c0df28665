"""Config like ruff: each checked path uses its nearest project's settings (pyproject.toml,
setup.cfg, setup.py read statically); --config overrides; requires-python gives the target."""

import json

import pytest

from .conftest import one_line


def doc(result):
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_project_named_from_elsewhere_uses_its_own_pyproject(sh):
    sh.write("project/pyproject.toml", """\
        [project]
        name = "p"
        requires-python = ">=3.8,<3.12"
        [tool.outmoded]
        extend-exclude = ["vendored/"]
        """)
    sh.write("project/a.py", "import imp\nimport asyncore\n")
    sh.write("project/vendored/v.py", "import imp\n")
    (sh.root / "elsewhere").mkdir()
    result = doc(sh.run("check", "--no-cache", "--output-format", "json", "../project", cwd=sh.root / "elsewhere"))
    assert result["target_version"] == "3.11"  # from requires-python: imp (3.12) is not reported
    assert result["findings"] == []
    assert (sh.root / "project/.outmoded_cache").exists() is False  # --no-cache


def test_two_projects_in_one_run(sh):
    sh.write("old/pyproject.toml", '[project]\nname = "o"\nrequires-python = "<3.12"\n')
    sh.write("old/a.py", "import imp\n")
    sh.write("new/pyproject.toml", '[tool.outmoded]\ntarget-version = "3.13"\nignore = ["OM13"]\n')
    sh.write("new/a.py", "import imp\nimport telnetlib\n")
    result = sh.run("check", "--no-cache", "--output-format", "json", "old", "new")
    findings = doc(result)["findings"]
    assert [(f["path"], f["api"]) for f in findings] == [("new/a.py", "imp")]
    assert "different targets" in one_line(result.stderr)


def test_setup_cfg_python_requires(sh):
    sh.write("lib/setup.cfg", "[metadata]\nname = lib\n[options]\npython_requires = >=3.6, <3.12\n")
    sh.write("lib/m.py", "import imp\n")
    assert doc(sh.run("check", "--no-cache", "--output-format", "json", "lib"))["target_version"] == "3.11"


def test_setup_py_is_read_not_run(sh):
    marker = sh.root / "executed"
    sh.write("lib/setup.py", f"""\
        from setuptools import setup
        open({str(marker)!r}, "w").close()
        setup(name="lib", python_requires=">=3.7,<3.10")
        """)
    sh.write("lib/m.py", "import imp\n")
    result = doc(sh.run("check", "--no-cache", "--output-format", "json", "lib/m.py"))
    assert result["target_version"] == "3.9"
    assert not marker.exists()


def test_an_sdists_pkg_info_says_what_a_computed_python_requires_declared(sh):
    # grpcio 1.85's setup.py: python_requires=f">={python_version.MIN_PYTHON_VERSION}", and its
    # pyproject.toml lists requires-python as dynamic; the sdist's PKG-INFO has Requires-Python
    sh.write("lib/pyproject.toml", '[project]\nname = "lib"\ndynamic = ["requires-python"]\n')
    sh.write("lib/setup.py", 'from setuptools import setup\nsetup(python_requires=f">={MIN}")\n')
    sh.write("lib/m.py", "import imp\n")
    assert doc(sh.run("check", "--no-cache", "--output-format", "json", "lib"))["target_version"] == "3.15"
    sh.write("lib/PKG-INFO", "Metadata-Version: 2.1\nName: lib\nRequires-Python: >=3.9, <3.12\n\n"
                             "Requires-Python: >=3.14\n")  # the description does not count
    assert doc(sh.run("check", "--no-cache", "--output-format", "json", "lib"))["target_version"] == "3.11"
    # remembered between runs, and follows the file
    sh.write("lib/PKG-INFO", "Metadata-Version: 2.1\nName: lib\nRequires-Python: >=3.9, <3.11\n")
    assert doc(sh.run("check", "--output-format", "json", "lib"))["target_version"] == "3.10"
    sh.write("lib/setup.py", 'from setuptools import setup\nsetup(python_requires=">=3.9,<3.13")\n')
    assert doc(sh.run("check", "--output-format", "json", "lib"))["target_version"] == "3.12"  # setup.py first


def test_an_sdists_python_3_classifiers_give_its_floor(sh):
    # buildbot 4.3.0: no python_requires anywhere, PKG-INFO classifies it Python 3, 3.9 ... 3.13,
    # so its contrib/post_build_request.py's import httplib fails on every Python it supports
    sh.write("lib/setup.py", "from setuptools import setup\nsetup(**setup_args)\n")
    sh.write("lib/m.py", "import asyncore\nimport httplib\n")
    header = ("Metadata-Version: 2.1\nName: lib\nClassifier: Programming Language :: Python :: 3\n"
              "Classifier: Programming Language :: Python :: 3.13\nClassifier: Programming Language :: Python :: 3.9\n")
    sh.write("lib/PKG-INFO", header + "\nClassifier: Programming Language :: Python :: 3.4\n")
    result = doc(sh.run("check", "--output-format", "json", "lib"))
    assert (result["target_version"], [f["api"] for f in result["findings"]]) == ("3.15", ["asyncore"])
    fallback = doc(sh.run("check", "--output-format", "json", "--dead-compat", "lib"))["findings"][1]
    assert (fallback["api"], fallback["context"]) == ("httplib", "broken-at-floor")
    sh.write("lib/PKG-INFO", header + "Classifier: Programming Language :: Python :: 2.7\n")  # 2.7 is the floor
    assert [f["api"] for f in doc(sh.run("check", "--output-format", "json", "lib"))["findings"]] == [
        "asyncore", "httplib"]


def test_an_sdists_python_2_classifiers_keep_fixes_working_there(sh):
    # tornado 4.5.3: no python_requires, PKG-INFO classifies it 2.7 and 3.3 to 3.6; fix wrote
    # assertRaisesRegex (3.2+) into tests 2.7 still runs, as it refuses to where python_requires says 2.7
    sh.write("lib/setup.py", "from setuptools import setup\nsetup(name='lib')\n")
    sh.write("lib/PKG-INFO", "Metadata-Version: 2.1\nName: lib\nClassifier: Programming Language :: Python :: 2\n"
             "Classifier: Programming Language :: Python :: 2.7\nClassifier: Programming Language :: Python :: 3.6\n")
    sh.write("lib/test_m.py", "import unittest\n\n\nclass T(unittest.TestCase):\n    def test(self):\n"
             "        self.assertEquals(1, 1)\n        self.assertRaisesRegexp(ValueError, 'x', int, 'x')\n")
    found = doc(sh.run("check", "--no-cache", "--output-format", "json", "--target-version", "3.13", "lib"))
    assert [(f["api"].rpartition(".")[2], f["fix"]) for f in found["findings"]] == [
        ("assertEquals", "safe"), ("assertRaisesRegexp", None)]
    sh.run("fix", "--no-cache", "--target-version", "3.13", "lib")
    assert (sh.root / "lib/test_m.py").read_text().count("Regexp(") == 1


def test_config_overrides_every_project(sh):
    sh.write("project/pyproject.toml", '[tool.outmoded]\ntarget-version = "3.11"\n')
    sh.write("project/a.py", "import imp\n")
    sh.write("other.toml", '[tool.outmoded]\ntarget-version = "3.13"\n')
    result = doc(sh.run("check", "--no-cache", "--output-format", "json", "--config", "other.toml", "project"))
    assert result["target_version"] == "3.13" and result["findings"]
    isolated = doc(sh.run("check", "--no-cache", "--output-format", "json", "--isolated", "project"))
    assert isolated["target_version"] == "3.15"


def test_requires_python_is_the_fix_floor(sh):
    sh.write("project/pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.2"\n')
    sh.write("project/a.py", "import imp\nimp.reload(imp)\n")  # importlib.reload exists since 3.4
    result = sh.run("fix", "--no-cache", "--diff", "a.py", cwd=sh.root / "project")
    assert "+import importlib" not in result.stdout
    sh.write("project/setup.cfg", "[options]\npython_requires = >=3.9\n")
    sh.write("project/pyproject.toml", '[project]\nname = "p"\n')  # says nothing: setup.cfg does
    result = sh.run("fix", "--no-cache", "--diff", "a.py", cwd=sh.root / "project")
    assert "+import importlib" in result.stdout


def test_a_path_outside_any_project_gets_the_defaults_not_the_current_directorys(sh, tmp_path_factory):
    loose = tmp_path_factory.mktemp("loose")
    (loose / "a.py").write_text("import imp\n")
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.11"\n')
    result = doc(sh.run("check", "--no-cache", "--output-format", "json", str(loose)))
    assert result["target_version"] == "3.15" and result["findings"]


def test_fix_uses_the_named_projects_config(sh):
    sh.write("project/pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.2"\n')
    sh.write("project/a.py", "import imp\nimp.reload(imp)\n")
    (sh.root / "elsewhere").mkdir()
    result = sh.run("fix", "--no-cache", "--diff", "../project/a.py", cwd=sh.root / "elsewhere")
    assert "+import importlib" not in result.stdout  # the floor 3.2 from project/, not the defaults
    assert "OM12002" in result.stderr


def test_unsafe_fixes_from_the_config_and_its_negation(sh):
    sh.write("pyproject.toml", "[tool.outmoded]\nunsafe-fixes = true\n")
    sh.write("b.py", "import time\ntime.clock()\n")
    marked = sh.run("check", "--no-cache", "--output-format", "concise", "b.py").stdout
    plain = sh.run("check", "--no-cache", "--output-format", "concise", "--no-unsafe-fixes", "b.py").stdout
    assert "[*]" in marked.splitlines()[0] and "[*]" not in plain.splitlines()[0]


def test_versions_read_without_the_regex_read_as_the_regex_reads_them():
    """parse_version reads the plain spelling (3.13) without compiling VERSION_RE: the same answer."""
    import re

    from outmoded.config import ConfigError, parse_min_version, parse_version

    version_re = re.compile(r"^(?:py)?3\.?(\d{1,2})$")
    for text in ["3.13", "3.9", "3.09", "3.1", " 3.12 ", "3.", "3.123", "3.1a", "3.١٣", "py313", "313", "3..13",
                 "2.7", "py27", "4.0", "3.13\n", "3.-1", "3.+1", "3. 1", "3.1_2"]:
        match = version_re.match(text.strip())
        expected = (3, int(match.group(1))) if match else None
        try:
            got = parse_version(text)
        except ConfigError:
            got = None
        assert got == expected, text
    assert parse_min_version("2.7") == (2, 7) and parse_min_version("3.9") == (3, 9)


def test_a_requires_python_that_is_not_a_specifier_is_ignored_with_a_warning(sh):
    """pyzmq 17.1.2 declares ``>=2.7,!=3.0*`` (no dot before the star), which packaging refuses:
    the run stopped with exit 2, even with --target-version given.  pip ignores such a
    requirement with a warning; so does outmoded, naming the file and the value, and it checks."""
    sh.write("pyzmq/setup.py", 'from setuptools import setup\nsetup(name="pyzmq", python_requires=">=2.7,!=3.0*")\n')
    sh.write("pyzmq/zmq/old.py", "import imp\n")
    given = sh.run("check", "--no-cache", "--output-format", "json", "--target-version", "3.13", "pyzmq")
    assert given.returncode == 1, given.stderr
    assert [f["api"] for f in doc(given)["findings"]] == ["imp"]
    warning = one_line(given.stderr)
    assert warning.startswith("outmoded: warning: ") and "'>=2.7,!=3.0*'" in warning
    assert str(sh.root / "pyzmq" / "setup.py") in warning and "ignored" in warning
    # no target left: the newest Python is checked, and the run says so
    sh.write("pyzmq/pyproject.toml", '[project]\nname = "pyzmq"\nrequires-python = ">=2.7,!=3.0*"\n')
    alone = sh.run("check", "--no-cache", "--output-format", "json", "pyzmq")
    assert alone.returncode == 1, alone.stderr
    from outmoded.catalog import LATEST_RELEASE

    newest = f"{LATEST_RELEASE[0]}.{LATEST_RELEASE[1]}"
    assert doc(alone)["target_version"] == newest
    first, second = alone.stderr.splitlines()
    assert str(sh.root / "pyzmq" / "pyproject.toml") in first and "'>=2.7,!=3.0*'" in first
    assert f"checking for Python {newest}" in second and "--target-version" in second


def test_a_requires_python_past_pythons_digit_limit_is_ignored_with_a_warning_not_an_internal_error(sh):
    """packaging reads ``>=3.`` followed by 5,000 digits as a specifier, then raises ValueError
    (Python's limit on an int's digits) when it compares with it: check, fix and deps stopped
    with an internal error.  It is a requirement no one can read, ignored with a warning as the
    pyzmq one above."""
    from .conftest import environment

    sh.write("pyproject.toml", f'[project]\nname = "p"\nrequires-python = ">=3.{"1" + "0" * 5000}"\n'
                               'dependencies = ["six"]\n')
    sh.write("a.py", "import imp\n")
    for command in ("check", "fix"):
        result = sh.run(command, "--no-cache", "--output-format", "json", "--target-version", "3.13", ".")
        assert result.returncode == 1 and "internal error" not in result.stderr, result.stderr
        assert [f["api"] for f in doc(result)["findings"]] == ["imp"]
        assert "is not a valid version specifier; ignored" in result.stderr
        assert "(5005 characters)" in result.stderr and len(result.stderr) < 1000  # not the 5,000 digits
    deps = sh.run("deps", "--offline", env=environment(OUTMODED_CACHE_DIR=str(sh.root / "cache")))
    assert "internal error" not in deps.stderr and "six" in deps.stdout, deps.stderr


def test_an_empty_select_selects_nothing_as_in_ruff(sh):
    sh.write("pyproject.toml", "[tool.outmoded]\nselect = []\n")
    sh.write("a.py", "import imp\nimport telnetlib\n")
    result = sh.run("check", "--no-cache", "--output-format", "json", ".")
    assert result.returncode == 0 and doc(result)["findings"] == []
    sh.write("pyproject.toml", '[tool.outmoded]\nselect = []\nextend-select = ["OM13"]\n')
    assert [f["api"] for f in doc(sh.run("check", "--no-cache", "--output-format", "json", "."))["findings"]] \
        == ["telnetlib"]
    for option in ("--select", "--extend-select", "--ignore"):  # ruff: unknown rule selector ``
        refused = sh.run("check", "--no-cache", option, "", ".")
        assert refused.returncode == 2 and f"{option} is given no rule code" in one_line(refused.stderr)


@pytest.mark.parametrize(("table", "said"), [
    ('[tool.outmoded]\nignore = [""]\n', "--ignore/ignore: unknown rule code or prefix ''"),
    ('[tool.outmoded.per-file-ignores]\n"*.py" = [""]\n', "per-file-ignores: unknown rule code or prefix ''"),
    ('[tool.outmoded]\nselect = [""]\n', "--select/select: unknown rule code or prefix ''"),
], ids=["ignore", "per-file-ignores", "select"])
def test_an_empty_code_in_the_config_is_refused_not_a_prefix_of_every_code(sh, table, said):
    """Every code starts with "": ``ignore = [""]`` (a list a template left empty) ignored every
    rule, and check and fix said all checks passed, exit 0, on a file that fails on the target."""
    sh.write("pyproject.toml", table)
    sh.write("a.py", "import imp\nimp.reload(m)\n")
    for command in ("check", "fix"):
        result = sh.run(command, "--no-cache", "--target-version", "3.13", ".")
        assert result.returncode == 2 and one_line(result.stderr).endswith(said), (command, result.stderr)
    assert (sh.root / "a.py").read_text() == "import imp\nimp.reload(m)\n"


def test_a_key_spelled_both_ways_in_one_table_is_an_error(sh):
    from outmoded.config import KEYS

    sh.write("a.py", "import imp\n")
    for key in KEYS:  # every key has its underscore alias
        alias = key.replace("-", "_")
        if alias == key:
            continue
        sh.write("pyproject.toml", f"[tool.outmoded]\n{alias} = 1\n{key} = 2\n")
        result = sh.run("check", "--no-cache", ".")
        assert result.returncode == 2, key
        assert f"'{alias}' and '{key}' are the same key given twice" in one_line(result.stderr)
    sh.write("pyproject.toml", "")
    result = sh.run("check", "--no-cache", "--config", "min_version = '3.9'\nmin-version = '3.10'", ".")
    assert result.returncode == 2 and "are the same key given twice" in one_line(result.stderr)
    # two --config values: the later one overrides the earlier, however spelled
    result = sh.run("check", "--no-cache", "--show-settings", "--config", "min_version = '3.9'",
                    "--config", "min-version = '3.10'", ".")
    assert result.returncode == 0 and "min-version = '3.10'" in result.stdout


def test_an_empty_option_value_is_a_usage_error(sh):
    sh.write("a.py", "import imp\n")
    for option, said in (("--target-version", "a version"), ("--min-version", "a version"),
                         ("--cache-dir", "a directory")):
        result = sh.run("check", option, "", ".")
        assert result.returncode == 2
        assert one_line(result.stderr).endswith(f"{option} is given an empty value; give {said} "
                                                f"such as 3.13 or leave the option out" if said == "a version"
                                                else f"{option} is given an empty value; give {said} or leave "
                                                     f"the option out")
    result = sh.run("deps", "--target-version", "", "--offline")
    assert result.returncode == 2 and "--target-version" in one_line(result.stderr)
