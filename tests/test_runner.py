"""The runner: a large cold run goes through the workers in two passes (text index and screening,
then the files the project's needles let through) and must give what one process gives."""

import json

BASE = "import unittest\n\nclass ServiceTestCase(unittest.TestCase):\n    service = None\n"
FILES = {
    "pkg/__init__.py": "",
    "pkg/testing/__init__.py": "",
    "pkg/testing/base.py": BASE,
    # passes the prefilter only through the project's needles: no `import unittest` here
    "pkg/tests/__init__.py": "",
    "pkg/tests/test_abs.py": "from pkg.testing.base import ServiceTestCase\n\n"
                             "class DescribeTest(ServiceTestCase):\n"
                             "    def test_describe(self):\n        self.assertEquals(self.service, None)\n",
    # a mixin, reported through the class that combines it
    "pkg/mixins.py": "class GzipBaseTest(object):\n    def test_gzip(self):\n        self.assertEquals(1, 1)\n",
    "pkg/tests/test_mix.py": "from pkg.mixins import GzipBaseTest\nfrom pkg.testing.base import ServiceTestCase\n\n"
                             "class GzipTest(GzipBaseTest, ServiceTestCase):\n    pass\n",
    # the class through a module attribute: the parent's byte search for the paired classes finds it
    "pkg/tests/test_attr.py": "from pkg.testing import base\n\n"
                              "class AttrTest(base.ServiceTestCase):\n"
                              "    def test_attr(self):\n        self.assertEquals(1, 2)\n",
    # names a method the project's needles pair, but none of the classes: cleared
    "pkg/named_only.py": "def f(x):\n    return x.assertEquals\n",
    # a version flag from the project's compat module
    "pkg/compat.py": "import sys\nPY3 = sys.version_info[0] == 3\n",
    "pkg/uses_flag.py": "from .compat import PY3\nif not PY3:\n    import imp\n",
    "pkg/unguarded.py": "import imp\n",
    "pkg/native.c": "#include <Python.h>\nstatic void f(void) { PyEval_InitThreads(); }\n",
}


def _write_all(project) -> None:
    for name, text in FILES.items():
        project.write(name, text)
    project.write("pkg/latin.py", data=b"x = '\xe9'\n")  # not UTF-8, no cookie: an error
    for n in range(90):
        project.write(f"pkg/filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")


def test_a_large_cold_run_in_two_passes_is_what_one_process_finds(project):
    _write_all(project)
    one = project.check_json("--jobs", "1", ".")
    two = project.check_json("--jobs", "2", ".")
    assert two == one
    found = {(f["path"], f["api"]) for f in two["findings"]}
    assert ("pkg/tests/test_abs.py", "unittest.TestCase.assertEquals") in found
    assert ("pkg/mixins.py", "unittest.TestCase.assertEquals") in found
    assert ("pkg/tests/test_attr.py", "unittest.TestCase.assertEquals") in found
    assert ("pkg/unguarded.py", "imp") in found
    assert not any(path in ("pkg/uses_flag.py", "pkg/named_only.py") for path, _ in found)
    assert [e["path"] for e in two["errors"]] == ["pkg/latin.py"]


def test_a_file_the_catalog_lets_through_names_the_projects_classes_in_the_second_pass(project):
    # the first pass hands the second the catalog's words a passed file names, not its
    # identifiers: one also naming a method the project's needles pair, and their class, is split
    # again (the class words are the project's, known only after the first pass)
    _write_all(project)
    project.write("pkg/tests/test_both.py", "import imp\nfrom pkg.testing.base import ServiceTestCase\n\n"
                                            "class BothTest(ServiceTestCase):\n"
                                            "    def test_it(self):\n        self.assertEquals(imp, None)\n")
    project.write("pkg/tests/test_py2.py", "import imp\n\ndef f(x):\n    print x\n")
    one = project.check_json("--jobs", "1", ".")
    two = project.check_json("--jobs", "2", ".")
    assert two == one
    found = {(f["path"], f["api"]) for f in two["findings"]}
    assert {("pkg/tests/test_both.py", "imp"), ("pkg/tests/test_both.py", "unittest.TestCase.assertEquals")} <= found
    assert "pkg/tests/test_py2.py" in [e["path"] for e in two["errors"]]


def test_a_file_the_projects_needles_clear_must_still_parse(project):
    # nose 1.3.7's nose/failure.py: class Failure(unittest.TestCase) names a method the project's
    # needles pair (at 3.14+), none of their classes, and holds Python 2's raise E, V: with --jobs 2
    # at 3.14 and 3.15 the second pass cleared it unread and it was neither checked nor reported
    _write_all(project)
    project.write("pkg/named_py2.py", "def f(x):\n    x.assertEquals\n    raise ValueError, x\n")
    project.write("pkg/named_print.py", "def f(x):\n    x.assertEquals\n    print x\n")
    for target in ("3.13", "3.15"):
        one = project.check_json("--jobs", "1", ".", target=target)
        two = project.check_json("--jobs", "2", ".", target=target)
        assert two == one
        assert [e["path"] for e in two["errors"]] == ["pkg/latin.py", "pkg/named_print.py", "pkg/named_py2.py"]


def test_a_large_run_with_the_cache_gives_the_same_cold_and_warm(project):
    _write_all(project)
    cold = project.check_json("--jobs", "1", ".")
    code, out, err = project.run("check", "--format", "json", "--jobs", "2", "--target-version", "3.13", ".")
    first = json.loads(out)
    code, out, err = project.run("check", "--format", "json", "--jobs", "2", "--target-version", "3.13", ".")
    second = json.loads(out)
    assert first["findings"] == second["findings"] == cold["findings"]
    assert first["errors"] == second["errors"] == cold["errors"]
    assert second["stats"]["cached"] > 0


# Classes named like a stdlib class whose removed methods they call: the first pass pairs them by
# name; the imports that bind their bases tell which ones can be reported.
PAIRED = {
    "shop/__init__.py": "",
    # a test case of the project's own: it defines the removed aliases itself (trial's _Assertions)
    "shop/testing.py": "import unittest\n\n"
                       "class _Assertions(unittest.TestCase):\n"
                       "    def assertEqual(self, a, b):\n        pass\n"
                       "    failUnlessEqual = assertEquals = assertEqual\n\n"
                       "class TestCase(_Assertions):\n    pass\n",
    "shop/tests/__init__.py": "",
    "shop/tests/test_own.py": "from shop import testing\n\n"
                              "class OwnTests(testing.TestCase):\n"
                              "    def test_it(self):\n        self.assertEquals(1, 1)\n",
    # the stdlib's test case, re-exported by a project module: still reported
    "shop/compat.py": "from unittest import TestCase\n",
    "shop/tests/test_std.py": "from shop.compat import TestCase\n\n"
                              "class StdTests(TestCase):\n"
                              "    def test_it(self):\n        self.assertEquals(1, 1)\n",
    # the import in parentheses, a comment holding one
    "shop/tests/test_paren.py": "from shop.compat import (  # the stdlib's (re-exported)\n"
                                "    TestCase,\n)\n\n"
                                "class ParenTests(TestCase):\n"
                                "    def test_it(self):\n        self.assertEquals(1, 1)\n",
    # a Request of the project's own (its base is the project's), and one deriving from
    # urllib.request.Request through an import
    "shop/web.py": "class Resource(object):\n    pass\n\n"
                   "class Request(Resource):\n    pass\n\n"
                   "class PostRequest(Request):\n"
                   "    def body(self):\n        return self.get_data()\n",
    "shop/client.py": "from urllib.request import Request\n\n"
                      "class ApiRequest(Request):\n"
                      "    def body(self):\n        return self.get_data()\n",
}


def _paired_project(project, files: dict) -> tuple[dict, dict]:
    for name, text in files.items():
        project.write(name, text)
    for n in range(70):
        project.write(f"shop/filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")
    return project.check_json("--jobs", "1", "."), project.check_json("--jobs", "2", ".")


def test_classes_named_like_a_stdlib_class_are_paired_through_their_imports(project):
    one, two = _paired_project(project, PAIRED)
    assert two["findings"] == one["findings"]
    found = {(f["path"], f["line"], f["api"]) for f in two["findings"]}
    assert {("shop/tests/test_std.py", 5, "unittest.TestCase.assertEquals"),
            ("shop/tests/test_paren.py", 7, "unittest.TestCase.assertEquals"),
            ("shop/client.py", 5, "urllib.request.Request.get_data")} <= found
    assert not any(path in ("shop/tests/test_own.py", "shop/web.py") for path, _, _ in found)
    # the cold run's first pass leaves shop/testing.py, shop/tests/test_own.py and shop/web.py
    # unparsed (the one-process run pairs by name): their classes are the project's own, and
    # the one deriving from unittest.TestCase defines the aliases
    assert two["stats"]["parsed"] == one["stats"]["parsed"] - 3


def test_a_base_resolved_to_a_project_class_follows_its_aliased_base(project):
    # ``Request`` here is the project's, but its base is urllib's under another name, re-exported
    # by a project module: ApiRequest is still a urllib Request
    one, two = _paired_project(project, {
        "shop/__init__.py": "",
        "shop/http.py": "from urllib.request import Request\n",
        "shop/client.py": "from shop.http import Request as BaseRequest\n\n"
                          "class Request(BaseRequest):\n    pass\n\n"
                          "class ApiRequest(Request):\n"
                          "    def body(self):\n        return self.get_data()\n",
    })
    assert two["findings"] == one["findings"]
    assert [(f["path"], f["line"], f["api"]) for f in two["findings"]] == [
        ("shop/client.py", 8, "urllib.request.Request.get_data")]


def test_bases_the_text_cannot_tell_are_paired_by_name(project):
    # a star import, a name assigned, a base in a call: the by-name pairing decides
    files = {name: text for name, text in PAIRED.items() if name.startswith("shop/testing") or name == "shop/__init__.py"}
    files.update({
        "shop/tests/__init__.py": "",
        "shop/tests/test_star.py": "from shop.testing import TestCase\nfrom unittest import *\n\n"
                                   "class StarTests(TestCase):\n"
                                   "    def test_it(self):\n        self.assertEquals(1, 1)\n",
        "shop/tests/test_assigned.py": "import unittest\nfrom shop.testing import TestCase\n"
                                       "TestCase = unittest.TestCase\n\n"
                                       "class AssignedTests(TestCase):\n"
                                       "    def test_it(self):\n        self.assertEquals(1, 1)\n",
        "shop/tests/test_call.py": "import unittest\n\ndef base():\n    return unittest.TestCase\n\n"
                                   "class CallTests(base()):\n"
                                   "    def test_it(self):\n        self.assertEquals(1, 1)\n",
    })
    one, two = _paired_project(project, files)
    assert two["findings"] == one["findings"]
    assert two["stats"]["parsed"] == one["stats"]["parsed"]


def test_a_class_defining_the_method_still_reaches_its_bases_through_super(project):
    one, two = _paired_project(project, {
        "shop/__init__.py": "",
        "shop/compat.py": "from unittest import TestCase\n",
        "shop/testing.py": "from shop.compat import TestCase\n\n"
                           "class _Assertions(TestCase):\n"
                           "    def assertEquals(self, a, b):\n"
                           "        return super().assertEquals(a, b)\n",
        # a caller: a method no file calls, which the target's TestCase lacks, is dead (deadmethods)
        "shop/tests/__init__.py": "",
        "shop/tests/test_it.py": "from shop.testing import _Assertions\n\n\nclass ItTests(_Assertions):\n"
                                 "    def test_it(self):\n        self.assertEquals(1, 1)\n",
    })
    assert two["findings"] == one["findings"]
    assert [(f["path"], f["line"], f["api"]) for f in two["findings"]] == [
        ("shop/testing.py", 5, "unittest.TestCase.assertEquals")]


def test_a_file_cleared_by_its_bases_imports_is_checked_again_when_they_change(project):
    files = {name: text for name, text in PAIRED.items() if name in (
        "shop/__init__.py", "shop/testing.py", "shop/tests/__init__.py", "shop/tests/test_own.py")}
    files["shop/tests/test_std.py"] = PAIRED["shop/tests/test_std.py"]
    files["shop/compat.py"] = "from shop.testing import TestCase\n"  # the project's own, for now
    for name, text in files.items():
        project.write(name, text)
    for n in range(70):
        project.write(f"shop/filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")

    def found():
        code, out, err = project.run("check", "--format", "json", "--jobs", "2", "--target-version", "3.13", ".")
        return [(f["path"], f["api"]) for f in json.loads(out)["findings"]]

    assert found() == []
    project.write("shop/compat.py", "from unittest import TestCase\n")  # now the stdlib's
    assert found() == [("shop/tests/test_std.py", "unittest.TestCase.assertEquals")]


WINDOWS_EVENTS = "from . import events\n\n\nclass WindowsSelectorEventLoopPolicy(events.BaseDefaultEventLoopPolicy):\n    pass\n"


def test_a_relative_import_in_a_walked_package_named_like_the_stdlibs(project):
    """CPython 3.13's Lib checked at 3.15: asyncio/windows_events.py names asyncio.events through
    ``from . import events``; discovery tells which files lie below such a directory, in a run of
    one process, a cold run whose first pass starts during the walk, and a run with a cache."""
    project.write("Lib/asyncio/__init__.py", "")
    project.write("Lib/asyncio/events.py", "")
    project.write("Lib/asyncio/windows_events.py", WINDOWS_EVENTS)
    project.write("Lib/mypkg/__init__.py", "")
    project.write("Lib/mypkg/windows_events.py", WINDOWS_EVENTS)
    for n in range(90):
        project.write(f"Lib/asyncio/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")
    expected = [("Lib/asyncio/windows_events.py", 4, "asyncio.events.BaseDefaultEventLoopPolicy")]
    for args in (("--jobs", "1", "Lib"), ("--jobs", "2", "Lib"), ("--jobs", "2", "Lib/asyncio")):
        found = project.check_json(*args, target="3.14")["findings"]
        assert [(f["path"], f["line"], f["api"]) for f in found] == expected, args
    code, out, err = project.run("check", "--format", "json", "--jobs", "2", "--target-version", "3.14", "Lib")
    assert [(f["path"], f["line"], f["api"]) for f in json.loads(out)["findings"]] == expected
