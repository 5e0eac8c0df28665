"""Findings one module away: checking some of a project's files finds what checking all of it finds
in them, when a class's chain runs through a module that is not checked (a pre-commit hook, the
action's changed files, ``check tests/test_x.py``), or through a name the headers do not spell."""

import json
import os
import shutil
import subprocess
import sys

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")
PYPROJECT = '[project]\nname = "x"\nrequires-python = ">=3.9"\n'
ASSERT = "unittest.TestCase.assertEquals"
FILLERS = 70  # enough files for a run with --jobs 2 to go in two passes over workers


def write(project, files: dict) -> None:
    project.write("pyproject.toml", PYPROJECT)
    for name, text in files.items():
        project.write(name, text)


def fill(project) -> None:
    for n in range(FILLERS):
        project.write(f"filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")


def findings(project, *paths, jobs="1"):
    doc = project.check_json("--jobs", jobs, *paths)
    assert doc["errors"] == []
    return sorted((f["path"], f["line"], f["api"]) for f in doc["findings"])


def checked_alone(project, paths: list, whole: list) -> list:
    """Each of ``paths`` checked on its own, in one process and (with fillers) in two passes over
    workers: each gives what the whole project's check gives for it."""
    found = []
    for path in paths:
        expected = [f for f in whole if f[0] == path]
        assert findings(project, path) == expected, path
        assert findings(project, path, "filler", jobs="2") == expected, path
        found += expected
    return found


TESTS = {
    "tests/__init__.py": "",
    "tests/base.py": "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n",
    "tests/test_x.py": "from tests.base import Base\n\nclass T(Base):\n"
                       "    def test_a(self):\n        self.assertEquals(1, 1)\n",
}


def test_a_base_in_a_module_not_checked(project):
    write(project, TESTS)
    fill(project)
    whole = findings(project, ".")
    assert whole == [("tests/test_x.py", 5, ASSERT)]
    assert checked_alone(project, ["tests/test_x.py"], whole) == whole


def test_chains_through_packages_relative_imports_and_levels(project):
    write(project, {
        "pkg/__init__.py": "",
        "pkg/testing/__init__.py": "from .base import ServiceTestCase\n",  # re-exported by the package
        "pkg/testing/mid.py": "import unittest\n\nclass Mid(unittest.TestCase):\n    pass\n",
        "pkg/testing/base.py": "from .mid import Mid\n\nclass ServiceTestCase(Mid):\n    pass\n",
        "pkg/testing/own.py": "import unittest\n\nclass OwnTestCase(unittest.TestCase):\n"
                              "    def assertEquals(self, a, b):\n        return self.assertEqual(a, b)\n",
        "pkg/tests/__init__.py": "",
        # through the package's __init__, then two levels (base -> mid -> unittest.TestCase)
        "pkg/tests/test_package.py": "from pkg.testing import ServiceTestCase\n\nclass T(ServiceTestCase):\n"
                                     "    def test_a(self):\n        self.assertEquals(1, 1)\n",
        "pkg/tests/test_relative.py": "from ..testing.base import ServiceTestCase as Service\n\nclass T(Service):\n"
                                      "    def test_a(self):\n        self.assertEquals(1, 1)\n",
        "pkg/tests/test_module.py": "from ..testing import mid\n\nclass T(mid.Mid):\n"
                                    "    def test_a(self):\n        self.assertEquals(1, 1)\n",
        # a base defining assertEquals itself stops the chain: nothing to report
        "pkg/tests/test_stop.py": "from ..testing.own import OwnTestCase\n\nclass T(OwnTestCase):\n"
                                  "    def test_a(self):\n        self.assertEquals(1, 1)\n",
        # a mixin of the checked file combined with a test case of a module not checked
        # (a test method: a helper nothing calls would never run, outmoded.deadmethods)
        "pkg/tests/test_mixin.py": "from pkg.testing.base import ServiceTestCase\n\nclass Checks:\n"
                                   "    def test_check(self):\n        self.assertEquals(1, 1)\n\n"
                                   "class T(Checks, ServiceTestCase):\n    pass\n",
    })
    fill(project)
    whole = findings(project, ".")
    assert whole == [("pkg/tests/test_mixin.py", 5, ASSERT), ("pkg/tests/test_module.py", 5, ASSERT),
                     ("pkg/tests/test_package.py", 5, ASSERT), ("pkg/tests/test_relative.py", 5, ASSERT)]
    checked = ["pkg/tests/test_package.py", "pkg/tests/test_relative.py", "pkg/tests/test_module.py",
               "pkg/tests/test_stop.py", "pkg/tests/test_mixin.py"]
    assert checked_alone(project, checked, whole) == sorted(whole, key=lambda f: checked.index(f[0]))
    # with the module in between checked too, the chain still leaves the checked files
    assert findings(project, "pkg/tests/test_package.py", "pkg/testing/base.py") == [
        ("pkg/tests/test_package.py", 5, ASSERT)]


def test_a_stdlib_class_imported_under_another_name_through_a_project_module(project):
    # configparser.RawConfigParser.readfp (removed in 3.12), the class re-exported by shop/config.py
    write(project, {
        "shop/__init__.py": "",
        "shop/config.py": "from configparser import RawConfigParser\n",
        "shop/views.py": "from shop.config import RawConfigParser as BaseParser\n\nclass P(BaseParser):\n"
                         "    def load(self, f):\n        self.readfp(f)\n",
    })
    fill(project)
    whole = findings(project, ".")
    assert whole == [("shop/views.py", 5, "configparser.RawConfigParser.readfp")]
    assert findings(project, ".", jobs="2") == whole
    assert checked_alone(project, ["shop/views.py"], whole) == whole


def cached(project, *paths, jobs="1"):
    code, out, err = project.run("check", "--format", "json", "--jobs", jobs, "--target-version", "3.13", *paths)
    assert code in (0, 1), err
    return [(f["path"], f["api"]) for f in json.loads(out)["findings"]]


def test_the_cached_verdict_follows_the_module_not_checked(project):
    write(project, TESTS)
    fill(project)
    found = [("tests/test_x.py", ASSERT)]
    stops = TESTS["tests/base.py"] + "\n    def assertEquals(self, a, b):\n        pass\n"
    for jobs, paths in (("1", ["tests/test_x.py"]), ("2", ["tests/test_x.py", "filler"])):
        for first, second in ((TESTS["tests/base.py"], stops), (stops, TESTS["tests/base.py"])):
            shutil.rmtree(project.root / ".outmoded_cache", ignore_errors=True)  # a cold run first
            project.write("tests/base.py", first)
            expected = found if first == TESTS["tests/base.py"] else []
            assert cached(project, *paths, jobs=jobs) == expected
            assert cached(project, *paths, jobs=jobs) == expected
            project.write("tests/base.py", second)  # the base defines assertEquals itself, or no longer
            assert cached(project, *paths, jobs=jobs) == (found if expected == [] else [])
            project.write("tests/base.py", first)
            assert cached(project, *paths, jobs=jobs) == expected


def test_the_pre_commit_entry_and_fix_on_one_file(project):
    write(project, TESTS)
    env = dict(os.environ, PYTHONPATH=SRC)
    hook = subprocess.run([sys.executable, "-m", "outmoded.integrations.precommit", "check", "--target-version", "3.13",
                           "--no-cache", "tests/test_x.py"], cwd=project.root, env=env, capture_output=True, text=True)
    assert hook.returncode == 1, hook.stderr
    assert "tests/test_x.py:5:9: OM12003" in hook.stdout
    code, out, err = project.run("fix", "--target-version", "3.13", "--no-cache", "tests/test_x.py")
    assert code == 0, out + err
    assert (project.root / "tests/test_x.py").read_text().endswith("self.assertEqual(1, 1)\n")


def test_a_checked_class_named_like_the_one_not_checked_that_the_import_finds(project):
    """``check tests/``: ``from base import Base`` finds the root's ``base.py`` (not checked,
    deriving unittest.TestCase), not the checked ``tests/base.py`` named alike (deriving object).
    The by-name pairing took the checked one and passed, where checking the file alone or the
    whole project reports the assertEquals; in one process and in two passes over workers."""
    write(project, {
        "base.py": "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n",
        "tests/__init__.py": "",
        "tests/base.py": "class Base(object):\n    pass\n",
        "tests/test_a.py": "from base import Base\n\nclass T(Base):\n"
                           "    def test(self):\n        self.assertEquals(1, 1)\n",
    })
    fill(project)
    expected = [("tests/test_a.py", 5, ASSERT)]
    assert findings(project, ".") == findings(project, "tests/test_a.py") == expected
    assert findings(project, "tests") == expected
    assert findings(project, "tests", "filler", jobs="2") == expected


def test_a_module_created_where_a_refined_base_was_looked_for_drops_the_cached_pass(project):
    """``check tests filler`` (two passes over workers): ``from mylib import TestCase`` finds the
    checked ``tests/mylib.py`` (deriving object), after looking for the root's ``mylib.py``.  The
    refinement cleared the file with the files it read, not the places it found empty: a root
    ``mylib.py`` re-exporting unittest.TestCase, created later, left the cached pass."""
    write(project, {
        "tests/__init__.py": "",
        "tests/mylib.py": "class TestCase(object):\n    pass\n",
        # long enough that resolving its bases reads less than checking it would
        "tests/test_a.py": "from mylib import TestCase\n\nclass T(TestCase):\n    def test(self):\n"
                           "        self.assertEquals(1, 1)\n" + "# a test module's own text\n" * 100,
    })
    fill(project)

    def cached_check():
        code, out, err = project.run("check", "--format", "json", "--target-version", "3.13", "--jobs", "2",
                                     "tests", "filler")
        return sorted((f["path"], f["line"], f["api"]) for f in json.loads(out)["findings"])

    assert cached_check() == []
    project.write("mylib.py", "from unittest import TestCase\n")
    assert cached_check() == [("tests/test_a.py", 5, ASSERT)]
    assert findings(project, "tests", "filler", jobs="2") == [("tests/test_a.py", 5, ASSERT)]


def test_a_module_created_where_a_base_named_like_a_checked_class_was_looked_for(project):
    """``check tests/`` passes while ``from base import Base`` finds the checked ``tests/base.py``;
    a root ``base.py`` deriving unittest.TestCase, created later, is what the import finds: the
    cached pass goes, in one process and in two passes over workers (where the file, cleared by
    the by-name pairing, was stored reading nothing)."""
    write(project, {
        "tests/__init__.py": "",
        "tests/base.py": "class Base(object):\n    pass\n",
        "tests/test_a.py": "from base import Base\n\nclass T(Base):\n"
                           "    def test(self):\n        self.assertEquals(1, 1)\n",
    })
    fill(project)

    def cached_check(*paths):
        code, out, err = project.run("check", "--format", "json", "--target-version", "3.13", "--jobs", "2",
                                     "--cache-dir", f".cache-{len(paths)}", *paths)
        return sorted((f["path"], f["line"], f["api"]) for f in json.loads(out)["findings"])

    runs = [("tests",), ("tests", "filler")]  # each with a cache of its own
    for paths in runs:
        assert cached_check(*paths) == cached_check(*paths) == []
    project.write("base.py", "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n")
    for paths in runs:
        assert cached_check(*paths) == [("tests/test_a.py", 5, ASSERT)], paths


def test_a_resolver_reading_after_another_records_the_same_reads(tmp_path, monkeypatch):
    """The resolvers over one text index share what its files hold (``textresolve.FileReads``): the
    chains' resolver, warmed before the second pass forks, reads the modules that ``refine.decide``'s
    then resolves in a worker.  What decide's pairing answers and the files it records as read (a
    cleared file's cached verdict is dropped when one of them changes) are those of a resolver
    reading alone, whatever the other read first."""
    from outmoded import reads
    from outmoded.catalog.index import index_for
    from outmoded.pairing import Refiner
    from outmoded.textindex import build_text_index, scan_stamps

    files = {
        "tests/__init__.py": "",
        "tests/base.py": "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n",
        "tests/mid.py": "from tests.base import Base as B\nfrom zope.interface import Interface\n\n"
                        "class Mid(B):\n    pass\n\nclass I(Interface):\n    pass\n",
        "tests/test_x.py": "from tests.mid import Mid\n\nclass T(Mid):\n    def test(self):\n"
                           "        self.assertEquals(1, 1)\n",
        "other.py": "from tests.mid import I\nfrom tests import base\n\nclass J(I):\n    pass\n\n"
                    "class K(base.Base):\n    pass\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    paths = sorted(str(tmp_path / name) for name in files)
    index = index_for((3, 13))

    def decided(text) -> tuple:
        refiner = Refiner(text, index)
        with reads.recording() as read:
            classes = refiner.classes({b"assertEquals": 10_000})
        return classes, sorted(read.items()), refiner.reads()

    alone = decided(build_text_index(scan_stamps(paths)))
    text = build_text_index(scan_stamps(paths))
    first = Refiner(text, index, by_name=True)
    for path, classes in text.headers.items():
        for name, _ in classes:
            first.roots(path, name)
    assert first.reads()  # it read the modules the pairing reads
    assert alone[0] and alone[2]
    assert decided(text) == alone
