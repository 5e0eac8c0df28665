"""The project model: classes, bases, mixins and version flags across modules and packages."""

import json

import pytest

E, W = "error", "warning"

BASE = """\
    import unittest

    class ServiceTestCase(unittest.TestCase):
        service = None
    """

TEST = """\
    {imports}

    class DescribeTest({base}):
        def test_describe(self):
            self.assertEquals(self.service, None)
    """


def layout(project, files: dict) -> None:
    for name, text in files.items():
        project.write(name, text)


def found(project, *paths, target="3.13"):
    doc = project.check_json(*(paths or (".",)), target=target)
    assert doc["errors"] == []
    return sorted((f["path"], f["line"], f["api"], f["severity"], f["fix"]) for f in doc["findings"])


def cached(project, path: str) -> list:
    """The (path, api) of each finding of a cached check of ``path`` at 3.13."""
    code, out, err = project.run("check", "--format", "json", "--target-version", "3.13", path)
    return sorted((f["path"], f["api"]) for f in json.loads(out)["findings"])


ASSERT = ("unittest.TestCase.assertEquals", E, "safe")


def test_base_class_in_another_package(project):
    layout(project, {
        "pkg/__init__.py": "", "pkg/testing/__init__.py": "", "pkg/testing/base.py": BASE,
        "pkg/tests/__init__.py": "",
        # no `import unittest` here: the prefilter must still let the file through
        "pkg/tests/test_abs.py": TEST.format(imports="from pkg.testing.base import ServiceTestCase",
                                             base="ServiceTestCase"),
        "pkg/tests/test_rel.py": TEST.format(imports="from ..testing.base import ServiceTestCase",
                                             base="ServiceTestCase"),
        "pkg/tests/test_mod.py": TEST.format(imports="from ..testing import base", base="base.ServiceTestCase"),
        "pkg/tests/test_dotted.py": TEST.format(imports="import pkg.testing.base",
                                                base="pkg.testing.base.ServiceTestCase"),
    })
    assert found(project) == [
        (f"pkg/tests/test_{name}.py", 5) + ASSERT for name in ("abs", "dotted", "mod", "rel")]


def test_base_re_exported_by_a_package_and_chains_of_bases(project):
    layout(project, {
        "pkg/__init__.py": "", "pkg/testing/base.py": BASE,
        "pkg/testing/__init__.py": "from .base import ServiceTestCase\n",
        "pkg/testing/aws.py": "from . import ServiceTestCase\n\nclass AWSTestCase(ServiceTestCase):\n    pass\n",
        "tests/test_x.py": TEST.format(imports="from pkg.testing.aws import AWSTestCase", base="AWSTestCase"),
    })
    assert found(project) == [("tests/test_x.py", 5) + ASSERT]


def test_script_directories_import_their_siblings(project):
    # tests/ without __init__.py: pytest and `python tests/x.py` put it on sys.path
    layout(project, {
        "tests/helpers.py": BASE,
        "tests/test_x.py": TEST.format(imports="from helpers import ServiceTestCase", base="ServiceTestCase"),
    })
    assert found(project) == [("tests/test_x.py", 5) + ASSERT]


def test_a_project_class_that_defines_the_name_stops_the_match(project):
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/compat.py": """\
            import unittest

            class CompatTestCase(unittest.TestCase):
                def assertEquals(self, a, b):
                    return self.assertEqual(a, b)
            """,
        "pkg/test_x.py": TEST.format(imports="from .compat import CompatTestCase", base="CompatTestCase"),
    })
    assert found(project) == []


def test_unknown_base_in_another_module_is_not_a_finding(project):
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/base.py": "from somewhere import Asserter\n\nclass Base(Asserter):\n    pass\n",
        "pkg/test_x.py": TEST.format(imports="from .base import Base", base="Base"),
    })
    assert found(project) == []


def test_mixins_are_reported_through_the_classes_that_use_them(project):
    # tornado 4.5's test mixins: class GzipBaseTest(object) mixed into AsyncHTTPTestCase subclasses
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/mixins.py": """\
            class GzipBaseTest(object):
                def test_gzip(self):
                    self.assertEquals(self.fetch("/").code, 200)

            class Unused(object):
                def test_other(self):
                    self.assertEquals(1, 1)
            """,
        "pkg/test_gzip.py": """\
            from tornado.testing import AsyncHTTPTestCase
            from .mixins import GzipBaseTest

            class LocalMixin:
                def test_check(self):
                    self.assertEquals(2, 2)

            class GzipTest(GzipBaseTest, LocalMixin, AsyncHTTPTestCase):
                pass
            """,
    })
    assert found(project) == [
        ("pkg/mixins.py", 3) + ASSERT,
        ("pkg/test_gzip.py", 6) + ASSERT,
    ]


def test_a_mixin_without_a_base_list_is_reported_through_the_classes_that_use_it(project):
    # ``class BareMixin:`` (no parentheses) mixed into a test case in another module
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/bare.py": """\
            class BareMixin:
                def test_bare(self):
                    self.assertEquals(1, 1)
            """,
        "pkg/test_bare.py": """\
            import unittest
            from pkg.bare import BareMixin

            class BareTest(BareMixin, unittest.TestCase):
                pass
            """,
    })
    assert found(project) == [("pkg/bare.py", 3) + ASSERT]


def test_mixins_of_mixins_and_users_combined_in_other_modules(project):
    # a mixin's user is itself a mixin, combined with a test case in a third module; and a mixin
    # whose user's user is
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/mixins.py": "class A:\n    def t(self):\n        self.assertEquals(1, 1)\n",
        "pkg/mid.py": "from pkg.mixins import A\n\nclass B(A):\n    pass\n",
        "pkg/test_b.py": "import unittest\nfrom pkg.mid import B\n\nclass T(B, unittest.TestCase):\n    pass\n",
        "pkg/deep/__init__.py": "",
        "pkg/deep/m.py": "class M(object):\n    def u(self):\n        self.assertEquals(2, 2)\n",
        "pkg/deep/u.py": "from .m import M\n\nclass U(M):\n    pass\n",
        "pkg/deep/v.py": "from .u import U\n\nclass V(U):\n    pass\n",
        "pkg/deep/test_v.py": "from unittest import TestCase\nfrom .v import V\n\nclass T(V, TestCase):\n    pass\n",
    })
    expected = [("pkg/deep/m.py", 3) + ASSERT, ("pkg/mixins.py", 3) + ASSERT]
    assert found(project) == expected
    for n in range(70):  # a cold run in two passes over workers
        project.write(f"filler/m{n}.py", "import os\n")
    doc = project.check_json("--jobs", "2", ".")
    assert sorted((f["path"], f["line"], f["api"], f["severity"], f["fix"]) for f in doc["findings"]) == expected


def test_a_mixin_whose_users_define_the_name_is_not_reported(project):
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/mixins.py": "class M(object):\n    def t(self):\n        self.assertEquals(1, 1)\n",
        "pkg/test_m.py": """\
            import unittest
            from .mixins import M

            class Base(unittest.TestCase):
                def assertEquals(self, a, b):
                    pass

            class T(M, Base):
                pass
            """,
    })
    assert found(project) == []


def test_version_flags_re_exported_by_a_star_import(project):
    # aenum 3.1.17: _common.py has pyver = sys.version_info[:2] / PY2 = pyver < (3, ), __init__.py
    # does from ._common import *, and test.py does from aenum import PY2 / if PY2: from operator
    # import div
    layout(project, {
        "aenum/__init__.py": "from ._common import *\nfrom ._other import *\n",
        "aenum/_common.py": "import sys as _sys\npyver = _sys.version_info[:2]\nPY2 = pyver < (3, )\n"
                            "_PY2 = PY2\n",
        "aenum/_other.py": "import os\n",
        "aenum/test.py": """\
            from aenum import PY2, _PY2
            if PY2:
                from operator import div
            if _PY2:
                import imp
            """,
    })
    # a private name is not bound by the star import: the flag is unknown, the branch reported
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("aenum/test.py", 5, "imp")]


def test_version_flags_defined_in_another_module(project):
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/compat.py": """\
            import sys
            PY3 = sys.version_info >= (3,)
            py3k = sys.version_info >= (3, 0, 0)
            PY2 = not PY3
            """,
        "pkg/mod.py": """\
            from .compat import PY3, PY2
            from pkg.compat import py3k
            from pkg import compat

            if not PY3:
                import cPickle
            if PY2:
                import imp
            if py3k:
                pass
            else:
                from cStringIO import StringIO
            if compat.PY3:
                import json
            else:
                import cPickle
            import imp
            """,
    })
    assert [(p, line) for p, line, *_ in found(project)] == [("pkg/mod.py", 17)]


def test_numbers_computed_from_the_version_here_and_in_another_module(project):
    # Nuitka 4.3.5 (runs on 2.6-3.14): nuitka/PythonVersions.py's python_version =
    # _getPythonVersion() (big, major, minor = sys.version_info[0:3]; return big * 256 + major * 16
    # + min(15, minor)), imported everywhere: if python_version < 0x300: operator.div, from types
    # import ClassType, import exceptions, urllib2 ...
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/versions.py": """\
            import sys


            def _getPythonVersion():
                \"\"\"The version as a number.\"\"\"
                big, major, minor = sys.version_info[0:3]

                return big * 256 + major * 16 + min(15, minor)


            python_version = _getPythonVersion()
            PYVER = sys.version_info[0] * 10 + sys.version_info[1]
            if python_version < 0x300:
                import cPickle
            if PYVER >= 30 and python_version >= 0x3D0:
                import imp
            """,
        "pkg/mod.py": """\
            import operator
            from .versions import python_version, PYVER

            if python_version < 0x300:
                div = operator.div
            if PYVER < 30:
                div = operator.idiv
            if python_version < 0x3D5:  # 3.13.5: the micro version decides
                import imp
            if python_version == 0x3D0 or PYVER != 313:
                import imp
            """,
    })
    assert [(p, line) for p, line, *_ in found(project)] == [
        ("pkg/mod.py", 9), ("pkg/mod.py", 11), ("pkg/versions.py", 16)]


def test_flags_of_the_package_itself_under_a_stray_init_and_from_a_src_layout(project):
    # future 1.0: src/__init__.py (for its setup.py) puts the import root above src/, but
    # installed, future and past are top-level; its tests import them from beside src/
    compat = """\
        from future.utils import PY3

        if PY3:
            from queue import Queue
        else:
            from Queue import Queue
        """
    layout(project, {
        "setup.py": "", "src/__init__.py": "",
        "src/future/__init__.py": "", "src/future/utils/__init__.py": "import sys\nPY3 = sys.version_info[0] >= 3\n",
        "src/future/moves/__init__.py": "", "src/future/moves/queue.py": compat,
        "src/past/__init__.py": "", "src/past/misc.py": compat,
        "tests/test_future/__init__.py": "", "tests/test_future/test_queue.py": compat,
        "tests/test_other.py": "from other.utils import PY3\nif PY3:\n    pass\nelse:\n    import cPickle\n",
    })
    # a package the project does not hold stays unknown
    assert [(p, line) for p, line, *_ in found(project)] == [("tests/test_other.py", 5)]


def test_flags_of_a_package_under_lib_reached_as_a_module_attribute(project):
    # SQLAlchemy 0.9.10: setup.py's package_dir={'': 'lib'}; test/base/test_except.py does
    # from sqlalchemy import util / if util.py2k: from exceptions import StandardError, and
    # test/sql/test_operators.py's else of if util.py3k: holds operator.div (both never run on 3.x)
    layout(project, {
        "setup.py": "",
        "lib/pkg/__init__.py": "", "lib/pkg/util/__init__.py": "from .compat import py2k, py3k\n",
        "lib/pkg/util/compat.py": "import sys\npy3k = sys.version_info >= (3, 0)\npy2k = sys.version_info < (3, 0)\n",
        "test/base/__init__.py": "",
        "test/base/test_except.py": """\
            import operator
            from pkg import util
            if util.py2k:
                from exceptions import StandardError
            if util.py3k:
                div = operator.truediv
            else:
                div = operator.div
            import imp
            """,
    })
    assert [(p, line) for p, line, *_ in found(project)] == [("test/base/test_except.py", 9)]


def test_flags_of_a_package_setup_py_installs_from_a_named_directory(project):
    # psycopg2 2.8.6: setup(package_dir={'psycopg2': 'lib'}, packages=['psycopg2']), so lib/compat.py
    # is psycopg2.compat; tests/testutils.py does from psycopg2.compat import PY2 / if PY2: from
    # StringIO import StringIO (never run on Python 3)
    layout(project, {
        "setup.py": "from setuptools import setup\nsetup(package_dir={'psycopg2': 'lib'}, packages=['psycopg2'])\n",
        "lib/__init__.py": "",
        "lib/compat.py": "import sys\nPY2 = sys.version_info[0] == 2\n",
        "tests/__init__.py": "",
        "tests/testutils.py": """\
            from psycopg2.compat import PY2
            if PY2:
                from StringIO import StringIO
            import imp
            """,
    })
    assert [(p, line) for p, line, *_ in found(project)] == [("tests/testutils.py", 4)]


@pytest.mark.parametrize("top", ["ruamel.yaml", "ruamel.yaml-0.15.100"])
def test_flags_of_a_package_kept_at_the_root_of_a_directory_named_by_it(project, top):
    # ruamel.yaml 0.15.100: __init__.py and compat.py at the root of its checkout (and sdist),
    # installed as ruamel.yaml by its setup.py; comments.py does from ruamel.yaml.compat import PY2
    # / if PY2: from collections import MutableSet (the real 3.13 and 3.15 import it so installed)
    layout(project, {
        f"{top}/__init__.py": "",
        f"{top}/compat.py": "import sys\nPY2 = sys.version_info[0] == 2\n",
        f"{top}/comments.py": """\
            from ruamel.yaml.compat import PY2
            if PY2:
                from collections import MutableSet
            else:
                from collections.abc import MutableSet
            from other.compat import PY3
            if not PY3:
                import cPickle
            import imp
            """,
    })
    # a package named otherwise stays unknown
    assert [(p, line) for p, line, *_ in found(project)] == [(f"{top}/comments.py", 8), (f"{top}/comments.py", 9)]


def test_flags_set_to_constants_in_branches_a_version_check_selects(project):
    # twisted.python.compat: `if sys.version_info < (3, 0): _PY3 = False / else: _PY3 = True`
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/compat.py": """\
            import sys
            if sys.version_info < (3, 0):
                _PY3 = False
            else:
                _PY3 = True
            HAS_SSL = True
            """,
        "pkg/mod.py": """\
            from pkg.compat import _PY3, HAS_SSL
            if not _PY3:
                import Queue
            else:
                import queue as Queue
            if HAS_SSL:
                pass
            else:
                import imp
            """,
    })
    # a constant outside a version-selected branch is no version flag: its else still counts
    assert [(p, line) for p, line, *_ in found(project)] == [("pkg/mod.py", 9)]
    # checking the one file (as pre-commit does) reads the flag from the module it imports
    assert [(p, line) for p, line, *_ in found(project, "pkg/mod.py")] == [("pkg/mod.py", 9)]


def test_a_module_choosing_its_imports_by_a_name_bound_to_the_version(project):
    # mock 1.0.1's tests/support.py: info = sys.version_info; if info[:3] >= (3, 2, 0): import
    # unittest as unittest2 / else: import unittest2; its tests subclass unittest2.TestCase
    layout(project, {
        "tests/__init__.py": "",
        "tests/support.py": """\
            import sys
            info = sys.version_info
            if info[:3] >= (3, 2, 0):
                import unittest as unittest2
            else:
                import unittest2
            """,
        "tests/test_mock.py": """\
            from tests.support import unittest2

            class T(unittest2.TestCase):
                def test(self):
                    self.assertRaisesRegexp(ValueError, "x", int, "x")
            """,
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("tests/test_mock.py", 5, "unittest.TestCase.assertRaisesRegexp")]
    assert [(p, line) for p, line, *_ in found(project, "tests/test_mock.py")] == [("tests/test_mock.py", 5)]


def test_a_subpackage_named_like_a_removed_module_shadows_nothing(project):
    layout(project, {
        "pkg/__init__.py": "",
        "pkg/carrier/__init__.py": "",
        "pkg/carrier/asyncore/__init__.py": "",
        "pkg/carrier/client.py": "import asyncore\n",
        "pkg/other.py": "import asyncore\n",
        "tools/asynchat.py": "x = 1\n",
        "tools/run.py": "import asynchat\n",  # a script beside its own asynchat.py: that one is imported
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("pkg/carrier/client.py", 1, "asyncore"), ("pkg/other.py", 1, "asyncore")]


def test_a_script_in_a_package_imports_the_module_beside_it(project):
    # tld 0.13.2's examples/gae/example.py: from parser import ... above its main block; run as a
    # script its directory is first on sys.path (the real 3.13 runs it); imported as the package's
    # module, the stdlib's parser is meant (gone in 3.10)
    layout(project, {
        "examples/__init__.py": "",
        "examples/gae/__init__.py": "",
        "examples/gae/parser.py": "class GAEParser: pass\n",
        "examples/gae/example.py": "from parser import GAEParser\nif __name__ == '__main__':\n    print(GAEParser)\n",
        "examples/gae/helper.py": "from parser import GAEParser\n",
        "examples/other/__init__.py": "",
        "examples/other/example.py": "import parser\nif __name__ == '__main__':\n    print(parser)\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("examples/gae/helper.py", 1, "parser"), ("examples/other/example.py", 1, "parser")]


def test_stub_packages_are_packages_for_stubs(project):
    # typeshed's stdlib stubs as vendored by mypy 2.4 and jedi 0.20: stdlib/distutils/ has an
    # __init__.pyi, and smtpd.pyi's `from asyncore import dispatcher` names stdlib/asyncore.pyi
    layout(project, {
        "typeshed/stdlib/asyncore.pyi": "class dispatcher: ...\n",
        "typeshed/stdlib/smtpd.pyi": "from asyncore import dispatcher\n",
        "typeshed/stdlib/distutils/__init__.pyi": "",
        "typeshed/stdlib/distutils/cmd.pyi": "from distutils.dist import Distribution\n",
        "typeshed/stdlib/distutils/dist.pyi": "class Distribution: ...\n",
        "typeshed/stdlib/uses.py": "import asyncore\n",  # a stub provides nothing at run time
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("typeshed/stdlib/uses.py", 1, "asyncore")]


def test_a_stubs_names_from_a_stub_the_project_ships_are_its_own(project):
    # mypy 2.4.1's typeshed at 3.15: stdlib/sre_parse.pyi does `from sre_constants import
    # _NamedIntConstant as _NIC, error as _Error`, its own stdlib/sre_constants.pyi (sre_constants
    # and its error are gone on the real 3.15); a .py file gets the standard library's
    layout(project, {
        "typeshed/stdlib/sre_constants.pyi": "class error(Exception): ...\n",
        "typeshed/stdlib/sre_parse.pyi": "import sre_constants\nfrom sre_constants import error as _Error\n"
                                         "E = sre_constants.error\n",
        "typeshed/stdlib/uses.py": "from sre_constants import error\n",
        "typeshed/other/alone.pyi": "from sre_constants import error\n",  # no sibling stub
    })
    assert [(p, line, api) for p, line, api, *_ in found(project, target="3.15")] == [
        ("typeshed/other/alone.pyi", 1, "sre_constants.error"), ("typeshed/stdlib/uses.py", 1, "sre_constants.error")]


def test_nothing_runs_a_stub(project):
    # flake8-pyi 26.5.0's tests/calls.pyi, input to its checks: TypedDict("WeirdThirdArg", {...},
    # "who knows?") raises TypeError on the real 3.15, but no interpreter runs a .pyi; what a stub
    # imports is still what a type checker resolves against the target's stdlib
    source = (
        "import typing\nimport asyncore\nimport ast\n"
        "W = typing.TypedDict('W', {'foo': int}, 'who knows?')\n"
        "R = open('f', 'rU')\n"
        "class V(ast.NodeVisitor):\n    def visit_Num(self, node): ...\n")
    layout(project, {"pkg/__init__.py": "", "pkg/calls.pyi": source, "pkg/calls.py": source})
    assert sorted((p, line, api) for p, line, api, *_ in found(project, target="3.15")) == [
        ("pkg/calls.py", 2, "asyncore"), ("pkg/calls.py", 4, "typing.TypedDict()"),
        ("pkg/calls.py", 5, "open(mode=)"), ("pkg/calls.py", 7, "ast.NodeVisitor.visit_Num"),
        ("pkg/calls.pyi", 2, "asyncore")]


def test_type_checking_blocks_never_run(project):
    # mypy 2.4's mypyc/build.py: `if TYPE_CHECKING: ... else: from distutils.core import Extension ...`
    assert project.findings("""\
        import sys
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            if sys.version_info >= (3, 12):
                from setuptools import Extension
            else:
                from distutils.core import Extension as _distutils_Extension
            import imp
        else:
            import imp
        """) == [(10, "imp", "error")]


def test_the_cache_follows_what_a_verdict_depends_on(project):
    layout(project, {
        "pkg/__init__.py": "", "pkg/base.py": BASE,
        "pkg/test_x.py": TEST.format(imports="from .base import ServiceTestCase", base="ServiceTestCase"),
        "uses_parser.py": "import parser\n",
    })

    before = [("pkg/test_x.py", "unittest.TestCase.assertEquals"), ("uses_parser.py", "parser")]
    assert cached(project, ".") == before
    assert cached(project, ".") == before
    project.write("parser.py", "x = 1\n")  # now `import parser` finds the project's module
    assert cached(project, ".") == [("pkg/test_x.py", "unittest.TestCase.assertEquals")]
    project.write("pkg/base.py", BASE + "    def assertEquals(self, a, b):\n            pass\n")
    assert cached(project, ".") == []


def test_a_module_provided_again_by_the_project(project):
    # setuptools: _distutils_hack makes `import distutils` load setuptools._distutils on 3.12+
    layout(project, {
        "_distutils_hack/__init__.py": "",
        "setuptools/__init__.py": "import distutils.core\nfrom distutils.errors import DistutilsError\n"
                                  "distutils.core.setup\n",
        "setuptools/_distutils/__init__.py": "",
        "setuptools/_distutils/util.py": "from distutils.errors import DistutilsPlatformError\n",
    })
    assert found(project) == []
    project.write("other/legacy.py", "import distutils.core\n")  # without the hack: removed
    (project.root / "_distutils_hack" / "__init__.py").unlink()
    (project.root / "_distutils_hack").rmdir()
    assert [p for p, *_ in found(project)] == ["other/legacy.py", "setuptools/__init__.py",
                                               "setuptools/__init__.py", "setuptools/__init__.py",
                                               "setuptools/_distutils/util.py"]


def test_modules_a_script_puts_on_sys_path(project):
    # grpcio 1.85's setup.py: sys.path.insert(0, os.path.abspath(PYTHON_STEM)); import commands
    layout(project, {
        "setup.py": "import os, sys\nPYTHON_STEM = os.path.join('src', 'python', 'grpcio')\n"
                    "sys.path.insert(0, os.path.abspath(PYTHON_STEM))\nimport commands\nimport imp\n",
        "src/python/grpcio/commands.py": "x = 1\n",
        "other.py": "import commands\n",  # no sys.path change here: the removed stdlib module
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("other.py", 1, "commands"), ("setup.py", 5, "imp")]


def test_imports_under_a_context_manager_that_changes_where_imports_look(project):
    # CPython 3.13's Lib/test/test_generated_cases.py imports Tools/cases_generator/parser.py
    layout(project, {
        "test/__init__.py": "",
        "test/test_tools.py": "def imports_under_tool(name): ...\n",
        "test/test_generated_cases.py": "from test import test_tools\n"
                                        "with test_tools.imports_under_tool('cases_generator'):\n"
                                        "    from analyzer import StackItem\n    import parser\n"
                                        "import warnings\nwith warnings.catch_warnings():\n    import imp\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("test/test_generated_cases.py", 7, "imp")]


def test_copies_kept_for_one_python_version(project):
    # gevent 26.9 keeps CPython 3.10's test_asyncore.py in src/greentest/3.10/ for 3.10 runs only
    layout(project, {
        "src/greentest/3.10/test_asyncore.py": "import asyncore\nimport formatter\n",
        "src/greentest/3.13/test_x.py": "import asyncore\n",
        "src/greentest/v3.10/test_y.py": "import asyncore\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("src/greentest/3.10/test_asyncore.py", 2, "formatter"),  # gone in 3.10 itself
        ("src/greentest/3.13/test_x.py", 1, "asyncore"), ("src/greentest/v3.10/test_y.py", 1, "asyncore")]


def test_package_copies_kept_for_one_python_each(project):
    # multiprocess 0.70.19 ships its package for each Python in py3.9/ ... py3.15/ and pypy3.9/ ...
    # (its setup.py installs the running one's): py3.10/multiprocess/util.py calls
    # logging._acquireLock (gone in 3.13), as CPython 3.10's multiprocessing does
    layout(project, {
        "py3.10/multiprocess/__init__.py": "",
        "py3.10/multiprocess/util.py": "import logging\nlogging._acquireLock()\nimport formatter\n",
        "pypy3.10/multiprocess/util.py": "import logging\nlogging._acquireLock()\n",
        "py3.13/multiprocess/util.py": "import logging\nlogging._acquireLock()\n",
        "py2.7/m.py": "import logging\nlogging._acquireLock()\n",
        "cpy3.10/m.py": "import logging\nlogging._acquireLock()\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("cpy3.10/m.py", 2, "logging._acquireLock"), ("py2.7/m.py", 2, "logging._acquireLock"),
        ("py3.10/multiprocess/util.py", 3, "formatter"),  # gone in 3.10 itself
        ("py3.13/multiprocess/util.py", 2, "logging._acquireLock")]


def test_a_backport_imported_by_a_project_module_this_one_imports(project):
    # gevent 26.9's _setupares.py: `from _setuputils import Extension` then `import
    # distutils.sysconfig`; _setuputils.py does `from setuptools import Extension as _Extension`
    layout(project, {
        "_setuputils.py": "import sys\nfrom setuptools import Extension as _Extension\nExtension = _Extension\n",
        "_maybe.py": "try:\n    import setuptools\nexcept ImportError:\n    pass\n",
        "_setupares.py": "from _setuputils import Extension\nimport distutils.sysconfig\n",
        "other.py": "from _maybe import x\nimport distutils.sysconfig\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("other.py", 2, "distutils.sysconfig")]


def test_a_project_module_imports_unconditionally_by_the_scanners_definition(project):
    # what the helper imports inside a `with` block, or in a try whose handler raises, it has
    # imported whenever importing it succeeded: the same rule as for the checked file itself
    layout(project, {
        "_with.py": "import warnings\nwith warnings.catch_warnings():\n    import setuptools\n",
        "_must.py": "try:\n    import setuptools\nexcept ImportError:\n    raise SystemExit('setuptools is required')\n",
        "_maybe.py": "try:\n    import setuptools\nexcept ImportError:\n    setuptools = None\n",
        "a.py": "from _with import x\nimport distutils.sysconfig\n",
        "b.py": "from _must import x\nimport distutils.sysconfig\n",
        "c.py": "from _maybe import x\nimport distutils.sysconfig\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("c.py", 2, "distutils.sysconfig")]


def test_a_removed_name_the_project_puts_back_on_the_stdlib_class(project):
    # psycopg2 2.9's tests/testutils.py; dbapi20.py imports only unittest, but runs inside the
    # tests package, whose __init__ imports test modules that import testutils
    layout(project, {
        "tests/__init__.py": "from . import test_a\nfrom . import dbapi20\n",
        "tests/testutils.py": """\
            import unittest

            if not hasattr(unittest.TestCase, 'assert_'):
                unittest.TestCase.assert_ = unittest.TestCase.assertTrue
            setattr(unittest.TestCase, "failUnless", unittest.TestCase.assertTrue)
            """,
        "tests/test_a.py": """\
            import unittest
            from .testutils import skip_if_old

            class T(unittest.TestCase):
                def test(self):
                    self.assert_(True)
                    self.failUnless(True)
                    self.assertEquals(1, 1)
            """,
        "tests/dbapi20.py": "import unittest\n\nclass T(unittest.TestCase):\n    def test(self):\n        self.assert_(1)\n",
        # not in the tests package and importing nothing that puts it back
        "tools/check.py": "import unittest\n\nclass T(unittest.TestCase):\n    def test(self):\n        self.assert_(1)\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [
        ("tests/test_a.py", 8, "unittest.TestCase.assertEquals"), ("tools/check.py", 5, "unittest.TestCase.assert_")]


def test_a_removed_name_the_project_puts_back_on_the_stdlib_module(project):
    # pynose 1.5.5's nose/util.py: if not hasattr(inspect, "getargspec"): inspect.getargspec = ...
    # at its top level, then inspect.getargspec(func) in its functions; nose/loader.py imports it
    layout(project, {
        "nose/__init__.py": "",
        "nose/util.py": """\
            import inspect

            if not hasattr(inspect, "getargspec"):
                inspect.getargspec = lambda func: inspect.getfullargspec(func)[:4]

            def args(func):
                return inspect.getargspec(func)
            """,
        "nose/loader.py": "import inspect\nfrom nose.util import args\n\ndef f(x):\n    return inspect.getargspec(x)\n",
        # imports nothing that puts it back
        "tools/check.py": "import inspect\n\ndef f(x):\n    return inspect.getargspec(x)\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("tools/check.py", 4, "inspect.getargspec")]


def test_a_removed_name_a_project_function_puts_back_before_the_code_runs(project):
    # kolibri 0.19.5: kolibri/utils/env.py's monkey_patch_pkgutil() assigns pkgutil.find_loader on
    # 3.14+ when pkgutil lacks it; test/test_env_compat.py calls it from an autouse fixture, and its
    # tests' pkgutil.find_loader("kolibri") run on the real 3.14 and 3.15
    env = """\
        import sys


        def monkey_patch_pkgutil():
            if sys.version_info < (3, 14):
                return
            import pkgutil

            if hasattr(pkgutil, "find_loader"):
                return
            import importlib.util

            def find_loader(fullname):
                spec = importlib.util.find_spec(fullname)
                return spec.loader if spec is not None else None

            pkgutil.find_loader = find_loader


        def only_before_3_14():
            if sys.version_info >= (3, 14):
                return
            import pkgutil
            pkgutil.find_loader = None
        """
    layout(project, {
        "pyproject.toml": '[project]\nname = "app"\nversion = "1"\n',
        "app/__init__.py": "",
        "app/env.py": env,
        "test/test_compat.py": """\
            import pkgutil

            import pytest

            from app.env import monkey_patch_pkgutil


            @pytest.fixture(autouse=True)
            def _apply_patches():
                monkey_patch_pkgutil()


            def test_finds():
                assert pkgutil.find_loader("app") is not None
            """,
        # a module calling it at its top level; another whose fixture is not autouse; one calling
        # the function that puts it back only before 3.14
        "tools/top.py": "import pkgutil\nfrom app.env import monkey_patch_pkgutil\n\nmonkey_patch_pkgutil()\n\n"
                        "def f():\n    return pkgutil.find_loader('app')\n",
        "test/test_plain.py": "import pkgutil\nimport pytest\nfrom app.env import monkey_patch_pkgutil\n\n\n"
                              "@pytest.fixture\ndef patched():\n    monkey_patch_pkgutil()\n\n\n"
                              "def test_finds():\n    assert pkgutil.find_loader('app')\n",
        "tools/early.py": "import pkgutil\nfrom app.env import only_before_3_14\n\nonly_before_3_14()\n"
                          "x = pkgutil.find_loader('app')\n",
        # a read at the top level before the call: it runs first (AttributeError on the real 3.14)
        "tools/late.py": "import pkgutil\nfrom app.env import monkey_patch_pkgutil\n\n"
                         "x = pkgutil.find_loader('app')\nmonkey_patch_pkgutil()\n",
    })
    assert [(p, line) for p, line, *_ in found(project, target="3.14")] == [("test/test_plain.py", 12),
                                                                          ("tools/early.py", 5),
                                                                          ("tools/late.py", 4)]


def test_a_name_put_back_in_a_project_checked_in_two_passes(project):
    # a cold run of enough files for workers reads each file once first and keeps the catalog's
    # words each names: the search for the module putting the name back reads only the files naming
    # it, which must still find each way of writing it (psycopg2 2.9's testutils.py, pynose's util.py)
    files = {f"pkg/filler{n}.py": f"import os\n\ndef f{n}():\n    return os.getcwd()\n" for n in range(70)}
    layout(project, {
        **files,
        "pkg/__init__.py": "",
        "pkg/testutils.py": """\
            import unittest
            import inspect

            setattr(unittest.TestCase, "failUnless", unittest.TestCase.assertTrue)
            unittest.TestCase.assert_ = unittest.TestCase.assertTrue
            inspect.getargspec = lambda func: inspect.getfullargspec(func)[:4]
            """,
        "pkg/test_a.py": """\
            import inspect
            import unittest
            from pkg import testutils

            class T(unittest.TestCase):
                def test(self):
                    self.assert_(True)
                    self.failUnless(True)
                    self.assertEquals(inspect.getargspec(len), 1)
            """,
        # names the words only inside longer ones, and puts nothing back: it cannot matter
        "pkg/other.py": "import unittest\nmy_failUnless = unittest_assert_ = 1\n",
        "tools/check.py": "import inspect\nimport unittest\n\nclass T(unittest.TestCase):\n"
                          "    def test(self):\n        self.failUnless(inspect.getargspec(len))\n",
    })
    for jobs in ("1", "2"):
        assert [(p, line, api) for p, line, api, *_ in found(project, "--jobs", jobs, ".")] == [
            ("pkg/test_a.py", 9, "unittest.TestCase.assertEquals"),
            ("tools/check.py", 6, "inspect.getargspec"), ("tools/check.py", 6, "unittest.TestCase.failUnless")]


def test_a_member_put_back_on_a_builtin_type_is_not_put_back(project):
    # ``dict.iteritems = ...`` raises TypeError (cannot set an attribute of an immutable type): the
    # project's try swallows it and ``{}.iteritems()`` still fails; ``types.ClassType = type`` works
    layout(project, {
        "compat.py": """\
            import types

            try:
                dict.iteritems = dict.items
            except TypeError:
                pass
            types.ClassType = type
            """,
        "user.py": "import types\nimport compat\n\n\ndef f():\n    return {}.iteritems(), types.ClassType\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("user.py", 6, "builtins.dict.iteritems")]


def test_a_name_put_back_through_a_package_created_above_follows_it_warm(project):
    """``check tests/unit/test_db.py`` (a pre-commit run) reports ``assert_``; then ``tests/``
    becomes a package whose ``__init__`` imports the module putting it back: the cached verdict
    goes.  The packages above are climbed by ``layout.inits_above``, each ``__init__`` looked for
    recorded, the absent one ending the climb too (restorers' own climb recorded none; the
    verdict followed only because ``find_module`` records the same files on the way)."""
    layout(project, {
        "tests/testutils.py": "import unittest\n\nunittest.TestCase.assert_ = unittest.TestCase.assertTrue\n",
        "tests/unit/__init__.py": "",
        "tests/unit/test_db.py": "import unittest\n\nclass T(unittest.TestCase):\n    def test(self):\n        self.assert_(1)\n",
    })

    assert cached(project, "tests/unit/test_db.py") == cached(project, "tests/unit/test_db.py") == [
        ("tests/unit/test_db.py", "unittest.TestCase.assert_")]
    project.write("tests/__init__.py", "from . import testutils\n")
    assert cached(project, "tests/unit/test_db.py") == []


def test_a_module_the_file_imports_edited_to_put_a_name_back_drops_the_cached_finding(project):
    """``check tests/test_a.py`` reports ``assert_``; then ``tests/helpers.py``, which it imports,
    is edited to put the name back.  When no project file wrote the name, the verdict had read
    nothing (the text pass over the tree is not a dependency): the cached finding stayed."""
    layout(project, {
        "pyproject.toml": "",
        "tests/helpers.py": "import unittest\nSKIP = 1\n",
        "tests/test_a.py": "import unittest\nfrom helpers import SKIP\n\n"
                           "class T(unittest.TestCase):\n    def test(self):\n        self.assert_(1)\n",
    })

    assert cached(project, "tests/test_a.py") == cached(project, "tests/test_a.py") == [
        ("tests/test_a.py", "unittest.TestCase.assert_")]
    project.write("tests/helpers.py", "import unittest\nSKIP = 1\nunittest.TestCase.assert_ = unittest.TestCase.assertTrue\n")
    assert cached(project, "tests/test_a.py") == []


def test_a_name_put_back_two_ways_is_found_whatever_the_hash_seed(project):
    """``test_a`` imports ``c`` (which imports ``d``, putting ``assert_`` back) directly, and through
    a chain that reaches ``c`` at the last hop followed.  Followed depth first, which way came
    first went by the order of a set of names: the finding came and went with the hash seed."""
    import os
    import subprocess
    import sys

    import outmoded

    layout(project, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.9"\n',
        "test_a.py": "import unittest\nimport b1\nimport c\n\n\nclass T(unittest.TestCase):\n"
                     "    def test_it(self):\n        self.assert_(1)\n",
        "b1.py": "import b2\n", "b2.py": "import b3\n", "b3.py": "import c\n", "c.py": "import d\n",
        "d.py": "import unittest\nunittest.TestCase.assert_ = unittest.TestCase.assertTrue\n",
    })
    src = os.path.dirname(os.path.dirname(outmoded.__file__))
    outputs = set()
    for seed in range(8):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=src)
        run = subprocess.run([sys.executable, "-m", "outmoded", "check", "--no-cache", "--output-format", "json",
                              "--target-version", "3.13", "."], cwd=project.root, env=env, capture_output=True,
                             text=True)
        outputs.add((run.returncode, len(json.loads(run.stdout)["findings"])))
    assert outputs == {(0, 0)}


def test_a_base_module_python_3_cannot_parse_defines_nothing_though_its_error_is_in_a_method(project):
    """A module's summary is read from its text with the function bodies left out, but a module
    that does not parse has none, wherever the error is: Python 2's ``except (A, B), e:`` in a
    method makes the base unknown, as when the whole module was parsed."""
    broken = BASE + ("\n        def helper(self):\n            try:\n                pass\n"
                     "            except (ValueError, TypeError), e:\n                pass\n")
    layout(project, {"pkg/__init__.py": "", "pkg/base.py": broken,
                     "pkg/test_x.py": TEST.format(imports="from .base import ServiceTestCase",
                                                  base="ServiceTestCase")})
    doc = project.check_json("pkg/test_x.py")
    assert (doc["findings"], doc["errors"]) == ([], [])
    layout(project, {"pkg/base.py": broken.replace("(ValueError, TypeError), e", "(ValueError, TypeError) as e")})
    assert found(project, "pkg/test_x.py") == [("pkg/test_x.py", 5) + ASSERT]


TROLLIUS_EVENTS = """\
    try:
        import asyncio
    except ImportError:
        asyncio = None
    """


def test_a_stdlib_module_reached_as_an_attribute_of_a_project_module(project):
    # trollius 2.2's coroutines.py: events.asyncio.coroutines.CoroWrapper, its own events.py having
    # imported asyncio (AttributeError at import on the real 3.13); no import of asyncio here
    layout(project, {
        "trollius/__init__.py": "", "trollius/events.py": TROLLIUS_EVENTS,
        "trollius/coroutines.py": """\
            from trollius import events
            from . import events as relative
            import trollius.events
            if events.asyncio is not None:
                TYPES = (events.asyncio.coroutines.CoroWrapper,)
            OTHER = relative.asyncio.coroutines.CoroWrapper
            DOTTED = trollius.events.asyncio.coroutines.CoroWrapper
            """,
        # a name of the project's own, a parameter, a module outside the project: not the stdlib's
        "trollius/own.py": "class _Stub:\n    coroutines = None\nasyncio = _Stub()\n",
        "trollius/user.py": """\
            import elsewhere
            from trollius import own
            A = own.asyncio.coroutines.CoroWrapper
            B = elsewhere.asyncio.coroutines.CoroWrapper
            def f(events):
                return events.asyncio.coroutines.CoroWrapper
            """,
    })
    wrapper = ("asyncio.coroutines.CoroWrapper", E, None)
    assert found(project) == [("trollius/coroutines.py", line) + wrapper for line in (5, 6, 7)]
    assert cached(project, "trollius/coroutines.py") == [("trollius/coroutines.py", "asyncio.coroutines.CoroWrapper")] * 3
    project.write("trollius/events.py", "asyncio = None\n")  # the verdict reads events.py
    assert cached(project, "trollius/coroutines.py") == []


def test_a_stdlib_module_a_project_module_re_exports_under_its_name(project):
    # Sphinx 4.5.0's sphinx/pycode/parser.py: from sphinx.pycode.ast import ast, then
    # isinstance(node.value, ast.Str) (AttributeError on the real 3.14 and 3.15 when a variable is
    # followed by its docstring); sphinx/pycode/ast.py, itself named ast, imports the standard one
    # under a version check. A module of the project's own named ast, and its own name ast, are not
    layout(project, {
        "sphinx/__init__.py": "", "sphinx/pycode/__init__.py": "",
        "sphinx/pycode/ast.py": """\
            import sys
            if sys.version_info > (3, 8):
                import ast
            else:
                try:
                    from typed_ast import ast3 as ast
                except ImportError:
                    import ast
            """,
        "sphinx/pycode/parser.py": """\
            from sphinx.pycode.ast import ast
            def docstring(node):
                return isinstance(node.value, ast.Str)
            """,
        "sphinx/compat.py": "from sphinx.pycode import ast\n",
        "sphinx/own.py": """\
            from sphinx.compat import ast
            def f(node):
                return ast.Str
            """,
    })
    assert found(project, target="3.14") == [("sphinx/pycode/parser.py", 3, "ast.Str", E, "unsafe")]
    assert found(project, target="3.13") == []


def test_a_stdlib_module_a_project_module_re_exports_under_another_name(project):
    # Genshi 0.7.9's genshi/template/eval.py: from genshi.compat import ast as _ast, then
    # _ast.Expression() (TypeError on the real 3.15: missing 'body'; runs on 3.14); genshi/compat.py
    # does try: import ast / except ImportError: import _ast as ast, and ast is there on 3.15. The
    # prefilter cleared the file (the local name is not the module's); a behaviour call was not
    # followed through the project module; the handler's _ast was taken for what compat binds.
    layout(project, {
        "genshi/__init__.py": "",
        "genshi/compat.py": """\
            try:
                import ast
            except ImportError:
                import _ast as ast
            """,
        "genshi/eval.py": """\
            from genshi.compat import ast as _ast
            def build(source):
                node = _ast.Expression()
                node.body = source
                return _ast.Num(1)
            """,
    })
    assert [(p, line, api) for p, line, api, *_ in found(project, target="3.15")] == [
        ("genshi/eval.py", 3, "ast.Expression(body=<missing>)"), ("genshi/eval.py", 5, "ast.Num")]
    assert [(p, line, api) for p, line, api, *_ in found(project, target="3.14")] == [("genshi/eval.py", 5, "ast.Num")]


def test_modules_a_function_puts_on_sys_path(project):
    # the same in a function of a module the sieve reduces (a body naming no needle word left out),
    # where the scanner does not walk the statements naming none (contexts.QUIET): the sys.path
    # change is still read
    filler = "def unrelated(value):\n" + "    value = value * 2 + 1\n" * 40 + "    return value\n"
    layout(project, {
        "setup.py": filler + "import os, sys\n\n\ndef build():\n    sys.path.insert(0, os.path.abspath('src'))\n"
                             "    import commands\n",
        "src/commands.py": "x = 1\n",
        "other.py": "import commands\n",
    })
    assert [(p, line, api) for p, line, api, *_ in found(project)] == [("other.py", 1, "commands")]


FTP_TESTS = """\
    import ftplib
    import ssl
    import unittest

    class TestStore(unittest.TestCase):
        client_class = ftplib.FTP

        def test_stou(self, conn):
            if hasattr(self.client_class, "ssl_version"):
                conn = ssl.wrap_socket(conn)
            return conn
    """

FTP_TLS_TESTS = """\
    import ftplib

    from .test_plain import TestStore

    class FTPSClient(ftplib.FTP_TLS):
        def login(self):
            self.prot_p()

    class TLSMixin:
        client_class = {client}

    class TestStoreTLS(TLSMixin, TestStore):
        pass
    """


def test_a_class_attribute_probed_for_a_name_no_class_of_the_hierarchy_has(project):
    # pyftpdlib 2.2.0's tests: hasattr(self.client_class, "ssl_version") is false from 3.12 for
    # ftplib.FTP (never had it) and for a subclass of ftplib.FTP_TLS (lost it in 3.12), the values
    # the class and a subclass in another module give client_class: its body never runs there
    layout(project, {"tests/__init__.py": "", "tests/test_plain.py": FTP_TESTS,
                     "tests/test_tls.py": FTP_TLS_TESTS.format(client="FTPSClient")})
    assert found(project) == []
    wrap = [("tests/test_plain.py", 10, "ssl.wrap_socket", E, None)]
    # a subclass binding a class of its own that has the name: the body runs for it
    project.write("tests/test_tls.py", FTP_TLS_TESTS.format(client="FTPSClient").replace(
        "def login(self):", "ssl_version = 2\n\n        def login(self):"))
    assert found(project) == wrap
    # a value that is not told (a third-party class), or an attribute assigned outside a class body
    project.write("tests/test_tls.py", FTP_TLS_TESTS.format(client="other.Client").replace(
        "import ftplib", "import ftplib\n    import other"))
    assert found(project) == wrap
    project.write("tests/test_tls.py", FTP_TLS_TESTS.format(client="FTPSClient"))
    project.write("tests/test_plain.py", FTP_TESTS + "\n    TestStore.client_class = ftplib.FTP_TLS\n")
    assert found(project) == wrap


def test_a_module_the_package_puts_into_sys_modules_is_no_finding(project):
    # zc.buildout 6.0.1's zc/buildout/__init__.py installs its vendored copy of setuptools 81's
    # pkg_resources as sys.modules['pkg_resources'] before its own and its modules' imports of it
    # (import zc.buildout.buildout works on the real 3.13.18 with setuptools 84.2.1)
    project.write("zc/buildout/__init__.py", "import sys\nfrom zc.buildout._vendor import pkg_resources as v\n"
                                             "sys.modules['pkg_resources'] = v\nfrom pkg_resources import Requirement\n")
    project.write("zc/buildout/_vendor/__init__.py", "")
    project.write("zc/buildout/_vendor/pkg_resources.py", "class Requirement: pass\n")
    project.write("zc/buildout/buildout.py", "import pkg_resources\nimport imp\n")
    project.write("dev.py", "import pkg_resources\n")  # in no package: nothing put it there
    project.write("early.py", "import imp\nimport sys\nsys.modules[\"imp\"] = object()\n")  # too late
    project.write("late.py", "import sys, fakeimp\nsys.modules[\"imp\"] = fakeimp\nimport imp\n")
    found = [(f["path"], f["line"], f["api"]) for f in project.check_json(".", "--extend-select", "OM12102")["findings"]]
    assert found == [("dev.py", 1, "pkg_resources"), ("early.py", 1, "imp"), ("zc/buildout/buildout.py", 2, "imp")]
