"""pkg_resources (OM12102): setuptools' module, which a new environment of 3.12+ lacks (venv and
ensurepip install no setuptools there) and setuptools dropped in 82.0.0, so only a requirement
pinning setuptools below 82 brings it back.  On the real 3.13.18, pygal 2.4.0's ``import
pkg_resources`` fails with nothing else installed, and with setuptools 84.2.1; it works with 81.0.0.
Opt-in for now (``opt_in: select``): selected by name, ``--extend-select OM12102``, as these tests do."""

import pytest

from outmoded.catalog import default_catalog

UNGUARDED = "import pkg_resources\n\nVERSION = pkg_resources.get_distribution('pkg').version\n"


SELECT = ("--extend-select", "OM12102")


def _apis(project, *args, target="3.13"):
    return [(f["path"], f["api"], f["severity"]) for f in project.check_json(*args, *SELECT, target=target)["findings"]]


def test_an_unguarded_import_is_an_error_from_312_and_says_which_pin_brings_it_back(project):
    project.write("pkg/__init__.py", UNGUARDED)
    assert project.check_json(".")["findings"] == []  # opt-in: a plain check leaves it out
    doc = project.check_json(".", *SELECT)
    [finding] = doc["findings"]
    assert (finding["code"], finding["api"], finding["severity"]) == ("OM12102", "pkg_resources", "error")
    assert finding["message"].startswith("`pkg_resources` is missing from Python 3.12 on (a setuptools module")
    assert finding["message"].endswith("or add `setuptools<82; python_version >= '3.12'` to the requirements")
    assert finding["fix"] is None
    assert _apis(project, ".", target="3.11") == []  # 3.11's venv installs setuptools 65.5.0


def test_a_guarded_fallback_for_old_pythons_is_not_reported(project):
    project.write("pkg/__init__.py", "try:\n    from importlib.metadata import version\nexcept ImportError:\n"
                                     "    from pkg_resources import get_distribution\n")
    assert _apis(project, ".") == []


def test_a_fallback_without_it_is_how_the_code_was_written_to_run(project):
    # babel 2.19.0's plugins: try: from pkg_resources import working_set / except ImportError: pass;
    # pytz 2026.6: except ImportError: resource_stream = None, then opens the file itself
    project.write("pkg/__init__.py", "try:\n    from pkg_resources import working_set\nexcept ImportError:\n"
                                     "    working_set = None\n")
    assert _apis(project, ".") == []
    assert [(f["api"], f["context"]) for f in project.check_json(".", "--dead-compat", *SELECT)["findings"]] == [
        ("pkg_resources", "optional")]


@pytest.mark.parametrize("requirement, reported", [
    ("setuptools<82", False),
    ("setuptools>=39.2,<82", False),  # pytest-cases 3.10.1
    ("setuptools==81.0.0", False),
    ("setuptools==54.1.1", False),  # no distutils (before 66.1), but pkg_resources
    ("setuptools", True),  # 84.2.1: no pkg_resources
    ("setuptools>=75.8.2", True),  # zc.buildout 6.0.1
    ("setuptools<82; python_version < '3.12'", True),
])
def test_only_a_requirement_pinning_setuptools_below_82_brings_it_back(project, requirement, reported):
    project.write("pyproject.toml", f'[project]\nname = "pkg"\nversion = "1"\ndependencies = ["{requirement}"]\n')
    project.write("pkg/__init__.py", UNGUARDED)
    assert bool(_apis(project, ".")) is reported


def test_importing_setuptools_brings_no_pkg_resources(project):
    project.write("pkg/__init__.py", "import setuptools\n" + UNGUARDED)
    assert [a for _, a, _ in _apis(project, ".")] == ["pkg_resources"]


def test_a_setup_py_whose_build_pins_setuptools_below_82(project):
    project.write("setup.py", "import pkg_resources\nfrom setuptools import setup\nsetup(name='pkg')\n")
    assert [a for _, a, _ in _apis(project, ".")] == ["pkg_resources"]  # the build's setuptools is 84.2.1
    project.write("pyproject.toml", '[build-system]\nrequires = ["setuptools<82"]\n'
                                    'build-backend = "setuptools.build_meta"\n')
    assert _apis(project, ".") == []


@pytest.mark.parametrize("requirement, reported", [("setuptools<81", False), ("setuptools", True)])
def test_a_test_file_under_test_requirements_pinning_it(project, requirement, reported):
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("tests/test_it.py", UNGUARDED)
    project.write("requirements-test.txt", f"{requirement}\n")
    assert bool(_apis(project, ".")) is reported


def test_installed_names_say_the_bound_a_pin_keeps():
    from outmoded.testenv import installed_names

    assert installed_names("setuptools", (3, 13)) == ("setuptools",)
    assert installed_names("setuptools ~= 81.0", (3, 13)) == ("setuptools", "setuptools<82")
    assert installed_names("setuptools==54.1.1", (3, 13)) == ("setuptools<82",)
    assert installed_names("setuptools!=82.0.0", (3, 13)) == ("setuptools",)
    assert installed_names("legacy-cgi>=2.6", (3, 13)) == ("legacy-cgi",)
    entry = default_catalog().by_code["OM12102"]
    assert (entry.provider, entry.backport_requirement) == ("setuptools<82", "setuptools<82; python_version >= '3.12'")


def test_a_dependency_is_ready_only_beside_setuptools_below_82():
    from outmoded.catalog.backports import brings_back

    finding = {"code": "OM12102", "api": "pkg_resources"}
    assert not brings_back(finding, frozenset({"setuptools"}))
    assert brings_back(finding, frozenset({"setuptools", "setuptools<82"}))
    distutils = {"code": "OM12037", "api": "distutils"}
    assert brings_back(distutils, frozenset({"setuptools"}))


def test_a_lock_holding_setuptools_below_82_brings_it_to_every_release():
    # a pip-compile lock with pastescript 3.7.0 and setuptools==81.0.0: import paste.script.command
    # works on the real 3.13.18; with setuptools==84.2.1 it fails
    from packaging.requirements import Requirement

    from outmoded.deps.beside import installed_by
    from outmoded.deps.model import Dependency

    deps = [Dependency(name="setuptools", requirement=Requirement("setuptools==81.0.0"), file="old.txt", line=1),
            Dependency(name="setuptools", requirement=Requirement("setuptools==84.2.1"), file="new.txt", line=1)]
    together = {"old.txt": frozenset({"old.txt"}), "new.txt": frozenset({"new.txt"})}  # two locks
    assert installed_by(deps, together, (3, 13)) == {
        "old.txt": frozenset({"setuptools", "setuptools<82"}), "new.txt": frozenset({"setuptools"})}
