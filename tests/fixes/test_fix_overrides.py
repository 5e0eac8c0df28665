"""A safe rename of a method must call what the old name called.  unittest's removed aliases were
bound to ``TestCase``'s own methods (``failUnless = _deprecate(assertTrue)``), so where a class of
the project defines the replacement (``assertTrue``) itself, ``self.failUnless(x)`` did not run it
and ``self.assertTrue(x)`` does: the rename is offered as unsafe only."""

import subprocess

import pytest

from tests.realpythons import older_python

BASE = '''\
import unittest


class Base(unittest.TestCase):
    def assertTrue(self, expr, msg=None):
        raise AssertionError("this project forbids assertTrue")


'''
DIRECT = BASE + '''\
class T(Base):
    def test_it(self):
        self.failUnless(True)


if __name__ == "__main__":
    unittest.main()
'''
# the override in a class deriving from the one calling the old name
SUBCLASS = '''\
import unittest


class A(unittest.TestCase):
    def test_it(self):
        self.assertEquals(1, 1)


class C(A):
    def assertEqual(self, first, second, msg=None):
        raise AssertionError("C compares otherwise")


if __name__ == "__main__":
    unittest.main()
'''
ARGS = ("--no-cache", "--target-version", "3.15", "--min-version", "3.8")


@pytest.mark.parametrize("source, old, new", [(DIRECT, "failUnless", "assertTrue"),
                                              (SUBCLASS, "assertEquals", "assertEqual")], ids=["base", "subclass"])
def test_a_project_class_defining_the_replacement_makes_the_rename_unsafe(project, source, old, new):
    path = project.write("test_mod.py", source)
    code, out, err = project.run("fix", *ARGS, "test_mod.py")
    assert path.read_text() == source
    assert "unsafe fix: a class of the project defines the replacement method itself" in out
    project.run("fix", *ARGS, "--unsafe-fixes", "test_mod.py")
    assert path.read_text() == source.replace(f"self.{old}(", f"self.{new}(")


def test_without_such_a_class_the_rename_stays_safe(project):
    source = DIRECT.replace("def assertTrue(", "def assertFalse(")
    path = project.write("test_mod.py", source)
    project.run("fix", *ARGS, "test_mod.py")
    assert path.read_text() == source.replace("self.failUnless(", "self.assertTrue(")


@pytest.mark.parametrize("source, old, new", [(DIRECT, "failUnless", "assertTrue"),
                                              (SUBCLASS, "assertEquals", "assertEqual")], ids=["base", "subclass"])
def test_on_the_floor_the_renamed_tests_fail_where_the_old_names_passed(tmp_path, source, old, new):
    python = older_python("3.8")
    if python is None:
        pytest.skip("no Python 3.8 here")
    results = []
    for text in (source, source.replace(f"self.{old}(", f"self.{new}(")):
        path = tmp_path / "test_mod.py"
        path.write_text(text)
        run = subprocess.run([python, str(path)], capture_output=True, text=True, timeout=60)
        results.append(run.returncode)
    assert results == [0, 1]


# threading.Thread.isAlive returned self.is_alive() on 3.7 and 3.8 (the catalog's
# calls_replacement_since); on 3.6 it was the alias isAlive = is_alive, bound to Thread's own
THREAD = '''\
import threading


class Worker(threading.Thread):
    def is_alive(self):
        return "mine"

    def check(self):
        return self.isAlive()


print(Worker().check())
'''


@pytest.mark.parametrize("floor, fixed", [("3.7", True), ("3.6", False)])
def test_a_rename_whose_old_method_called_the_new_through_self_is_safe_from_that_floor(project, floor, fixed):
    path = project.write("mod.py", THREAD)
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--min-version", floor, "mod.py")
    assert path.read_text() == (THREAD.replace("self.isAlive(", "self.is_alive(") if fixed else THREAD)
    if not fixed:
        assert "unsafe fix: a class of the project defines the replacement method itself, which the renamed call" \
               " runs" in out


@pytest.mark.parametrize("version, before", [("3.6", "False"), ("3.7", "mine"), ("3.8", "mine")])
def test_the_old_method_ran_the_projects_replacement_from_37(tmp_path, version, before):
    python = older_python(version)
    if python is None:
        pytest.skip(f"no Python {version} here")
    outputs = []
    for text in (THREAD, THREAD.replace("self.isAlive(", "self.is_alive(")):
        path = tmp_path / "mod.py"
        path.write_text(text)
        outputs.append(subprocess.run([python, "-W", "ignore", str(path)], capture_output=True, text=True,
                                      timeout=60).stdout.strip())
    assert outputs == [before, "mine"]
