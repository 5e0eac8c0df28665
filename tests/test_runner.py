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
