"""A project module imported only in code that never runs on the target never runs there either."""

import json
import time

OLD = "import asyncio\n\n@asyncio.coroutine\ndef f():\n    yield\n"
FACADE = """\
    from sys import version_info
    if version_info >= (3, 6):
        from pkg._new import f
    else:
        from pkg._old import f
    """


def paths(doc: dict) -> set:
    assert doc["errors"] == []
    return {(f["path"], f["severity"], f["context"]) for f in doc["findings"]}


def test_a_module_imported_only_for_older_pythons(project):
    # pexpect 4.9's _async.py imports _async_pre_await.py (@asyncio.coroutine) only before 3.6
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py", "from pkg import _facade\n")
    project.write("pkg/_facade.py", FACADE)
    project.write("pkg/_new.py", "async def f():\n    pass\n")
    project.write("pkg/_old.py", OLD)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("pkg/_old.py")) == set()  # checked alone, its importers still count
    # asked for dead code, it is there, with the reason
    assert paths(project.check_json("--dead-compat", ".")) == {("pkg/_old.py", "warning", "unreached")}
    # the same guard, the other way round: the module is what runs on the target
    project.write("pkg/_facade.py", FACADE.replace(">=", "<"))
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}


def test_a_dotted_name_spelled_in_a_string_where_it_never_runs(project):
    # passlib 1.7.4's utils/compat/__init__.py: _lazy_attrs['OrderedDict'] =
    # 'passlib.utils.compat._ordered_dict.OrderedDict' under if PY26: (its dummy_thread import)
    project.write("pkg/__init__.py")
    lazy = ("import sys\nPY26 = sys.version_info < (2, 7)\n_lazy = {}\nif PY26:\n"
            "    _lazy['OrderedDict'] = 'pkg._ordered_dict.OrderedDict'\nelse:\n"
            "    _lazy['OrderedDict'] = 'collections.OrderedDict'\n")
    project.write("pkg/compat.py", lazy)
    project.write("pkg/_ordered_dict.py", "try:\n    from thread import get_ident\nexcept ImportError:\n"
                                          "    from dummy_thread import get_ident\n")
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("--dead-compat", ".")) == {("pkg/_ordered_dict.py", "warning", "unreached")}
    # spelled where it runs (or with a colon, as entry points write it): loaded there
    project.write("pkg/compat.py", lazy.replace("if PY26:", "if not PY26:"))
    assert paths(project.check_json(".")) == {("pkg/_ordered_dict.py", "error", None)}
    project.write("pkg/compat.py", "LAZY = 'pkg._ordered_dict:OrderedDict'\n")
    assert paths(project.check_json(".")) == {("pkg/_ordered_dict.py", "error", None)}


def test_handlers_and_returns_the_target_never_reaches(project):
    project.write("pkg/__init__.py")
    project.write("pkg/a.py", "import sys\nPY2 = sys.version_info[0] == 2\nif PY2:\n    from pkg import _old\n")
    project.write("pkg/b.py", "def get():\n    try:\n        import json\n    except ImportError:\n"
                              "        from pkg._old import f\n")
    project.write("pkg/c.py", "import sys\ndef get():\n    if sys.version_info >= (3,):\n        return 1\n"
                              "    from . import _old\n")
    project.write("pkg/_old.py", OLD)
    assert paths(project.check_json(".")) == set()


def test_a_module_some_code_may_still_import_is_reported(project):
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/_facade.py", FACADE)
    project.write("pkg/_new.py", "async def f():\n    pass\n")
    project.write("pkg/_old.py", OLD)
    project.write("pkg/other.py", "import sys\nif sys.platform == 'win32':\n    from pkg import _old\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}  # a guard it cannot tell
    project.write("pkg/other.py", "import importlib\nold = importlib.import_module('pkg._old')\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}  # loaded by name
    project.write("pkg/other.py", "import os\n")
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n[project.scripts]\nold = 'pkg._old:f'\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}  # an entry point
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    assert paths(project.check_json(".")) == set()
    # a script, a test runner's file, a module nothing in the project imports: they run
    project.write("pkg/_old.py", OLD + "if __name__ == '__main__':\n    f()\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}
    project.write("pkg/_old.py", OLD)
    project.write("pkg/_facade.py", "import os\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}
    # another package's module of the same name, imported the same way, is not this one
    project.write("other/__init__.py")
    project.write("other/_old.py", "x = 1\n")
    project.write("other/facade.py", "import sys\nif sys.version_info < (3,):\n    from other import _old\n")
    assert paths(project.check_json(".")) == {("pkg/_old.py", "error", None)}


def test_a_cached_verdict_follows_its_importers(project):
    def findings():
        code, out, err = project.run("check", "--format", "json", "--cache-dir", str(project.root / ".cache"),
                                     "--target-version", "3.13", ".")
        assert code in (0, 1), err
        return sorted(f["path"] for f in json.loads(out)["findings"])

    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/_facade.py", FACADE)
    project.write("pkg/_old.py", OLD)
    assert findings() == [] and findings() == []  # cold, then warm
    time.sleep(0.01)
    project.write("pkg/tools.py", "from pkg._old import f\n")  # a new importer, in code that runs
    assert findings() == ["pkg/_old.py"]


def test_a_handler_of_an_attribute_the_target_has_never_runs(project):
    # simplejson 4.3's __init__.py: its ordered_dict.py (from UserDict import DictMixin) is a
    # fallback for Pythons without collections.OrderedDict
    project.write("pkg/__init__.py", """\
        def _import_OrderedDict():
            import collections
            try:
                return collections.OrderedDict
            except AttributeError:
                from . import ordered_dict
                return ordered_dict.OrderedDict
        OrderedDict = _import_OrderedDict()
        """)
    project.write("pkg/ordered_dict.py", "from UserDict import DictMixin\n")
    assert paths(project.check_json(".")) == set()
    # a name the target's interpreter does not list: the handler runs
    project.write("pkg/__init__.py", "import collections\ntry:\n    D = collections.OrderedDicts\n"
                                     "except AttributeError:\n    from pkg.ordered_dict import D\n")
    assert paths(project.check_json(".")) == {("pkg/ordered_dict.py", "error", None)}


def test_a_stdlib_attribute_added_after_the_target(project):
    # typing.TypeIs arrived in 3.13: on 3.12 the handler is what runs
    source = "import typing\ntry:\n    TypeIs = typing.TypeIs\nexcept AttributeError:\n    import imp\n"
    assert project.findings(source, target="3.12") == [(5, "imp", "error")]
    assert project.findings(source, target="3.13") == []


PIP_LOCATIONS = """\
    import sysconfig

    def _should_use_sysconfig():
        '''A distributor may set sysconfig._PIP_USE_SYSCONFIG; no CPython does.'''
        return bool(getattr(sysconfig, "_PIP_USE_SYSCONFIG", True))

    _USE_SYSCONFIG = _should_use_sysconfig()

    if not _USE_SYSCONFIG:
        from . import _distutils

    def _looks_like_debian_scheme():
        from distutils.command.install import INSTALL_SCHEMES
        return "deb_system" in INSTALL_SCHEMES

    def _looks_like_deb_dist_packages(value):
        if not _looks_like_debian_scheme():
            return False
        return value == "/usr/lib/python3/dist-packages"

    def get_purelib():
        new = sysconfig.get_paths()["purelib"]
        if _USE_SYSCONFIG:
            return new
        from . import _distutils
        old = _distutils.get_purelib()
        if _looks_like_deb_dist_packages(old):
            return old
        return old
    """


def test_a_distributors_switch_no_cpython_has(project):
    # pip 26.3's locations/__init__.py: what it does with distutils runs only where a distributor
    # set sysconfig._PIP_USE_SYSCONFIG = False
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS)
    project.write("pkg/locations/_distutils.py", "from distutils.sysconfig import get_python_lib\n"
                                                 "def get_purelib():\n    return get_python_lib()\n")
    assert paths(project.check_json(".")) == set()
    shown = paths(project.check_json("--dead-compat", "."))
    assert shown == {("pkg/locations/__init__.py", "warning", "uncalled"),
                     ("pkg/locations/_distutils.py", "warning", "unreached")}
    # a name the target's sysconfig has: the switch cannot be told
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS.replace("_PIP_USE_SYSCONFIG", "get_paths"))
    assert {p for p, _, _ in paths(project.check_json("."))} == {"pkg/locations/__init__.py",
                                                                  "pkg/locations/_distutils.py"}


def test_a_distributors_switch_defaulting_to_a_version_flag(project):
    # pip 26.0.1's: getattr(sysconfig, "_PIP_USE_SYSCONFIG", _USE_SYSCONFIG_DEFAULT), where
    # _USE_SYSCONFIG_DEFAULT = sys.version_info >= (3, 10): the default is what every CPython gets
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    flagged = PIP_LOCATIONS.replace("import sysconfig\n", "import sys\n    import sysconfig\n\n"
                                    "    _USE_SYSCONFIG_DEFAULT = sys.version_info >= (3, 10)\n")
    project.write("pkg/locations/__init__.py", flagged.replace('"_PIP_USE_SYSCONFIG", True', '"_PIP_USE_SYSCONFIG", '
                                                                  '_USE_SYSCONFIG_DEFAULT'))
    project.write("pkg/locations/_distutils.py", "from distutils.sysconfig import get_python_lib\n"
                                                 "def get_purelib():\n    return get_python_lib()\n")
    assert paths(project.check_json(".")) == set()
    # a flag the target does not decide: the switch cannot be told
    project.write("pkg/locations/__init__.py", flagged.replace('"_PIP_USE_SYSCONFIG", True', '"_PIP_USE_SYSCONFIG", '
                                                                  'os.environ.get("X") == "1"'))
    assert {p for p, _, _ in paths(project.check_json("."))} == {"pkg/locations/__init__.py",
                                                                  "pkg/locations/_distutils.py"}


def test_a_private_function_some_live_code_calls_is_reported(project):
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    live = PIP_LOCATIONS + "\n    def get_platlib():\n        return _looks_like_deb_dist_packages('x')\n"
    project.write("pkg/locations/__init__.py", live)
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}
    # named by another module of the project, or in quotes, or registered by a decorator
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS)
    project.write("pkg/other.py", "from pkg.locations import _looks_like_debian_scheme\n")
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}
    project.write("pkg/other.py", "x = 1\n")
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS + "\n    CHECKS = ['_looks_like_debian_scheme']\n")
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS.replace(
        "def _looks_like_debian_scheme", "@atexit.register\n    def _looks_like_debian_scheme").replace(
        "import sysconfig\n", "import atexit\n    import sysconfig\n"))
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS.replace(
        "def _looks_like_debian_scheme", "@functools.cache\n    def _looks_like_debian_scheme").replace(
        "import sysconfig\n", "import functools\n    import sysconfig\n"))
    assert paths(project.check_json(".")) == set()
    # a second definition of the name, however deep (a method in a class in a handler), may be
    # the one live code calls: not told
    nested = "\n    try:\n        import _pkg_speedups\n    except ImportError:\n        class Fallback:\n" \
             "            def _looks_like_debian_scheme(self):\n                return False\n"
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS + nested)
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}


TYPING_EXTENSIONS = """\
import sys
import typing

if hasattr(typing, "ReadOnly"):  # 3.13+
    get_type_hints = typing.get_type_hints
else:  # <=3.13
    def get_type_hints(obj, include_extras=False):
        hint = typing.get_type_hints(obj, include_extras=True)
        if sys.version_info < (3, 11):
            _clean_optional(obj, hint)
        return hint

    # < 3.11
    def _clean_optional(obj, hints):
        defaults = typing._get_defaults(obj)  # avoid accessing __annotations___
        return defaults
"""


def test_a_private_function_in_a_module_level_block_only_dead_code_calls(project):
    # typing_extensions 4.16.0 (the latest) at 3.12: ``_clean_optional``, defined in the else of
    # ``if hasattr(typing, "ReadOnly")`` (3.13+), is called only under ``if sys.version_info <
    # (3, 11)``: its ``typing._get_defaults`` (gone from 3.11) never runs on 3.12
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("typing_extensions.py", TYPING_EXTENSIONS)
    assert paths(project.check_json("--target-version", "3.12", ".")) == set()
    assert paths(project.check_json("--target-version", "3.12", "--dead-compat", ".")) == {
        ("typing_extensions.py", "warning", "uncalled")}
    # called where it runs on 3.12: what breaks
    project.write("typing_extensions.py", TYPING_EXTENSIONS.replace("< (3, 11)", "< (3, 13)"))
    assert paths(project.check_json("--target-version", "3.12", ".")) == {("typing_extensions.py", "error", None)}


MESON_PYTHON_INFO = """\
import sys
import sysconfig


def get_distutils_paths(scheme=None):
    import distutils.dist
    distribution = distutils.dist.Distribution()
    return distribution.get_command_obj('install')


def get_install_paths():
    if sys.version_info >= (3, 10, 3):
        scheme = 'deb_system'
    else:
        return get_distutils_paths(scheme='deb_system')
    return sysconfig.get_paths(scheme=scheme)
"""


def test_a_public_function_the_module_calls_only_in_dead_code(project):
    # numpy 2.5.5's vendored meson, mesonbuild/scripts/python_info.py (requires-python >= 3.10)
    project.write("pyproject.toml", "[project]\nname = 'pkg'\nrequires-python = '>=3.10'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/python_info.py", MESON_PYTHON_INFO)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("--dead-compat", ".")) == {("pkg/python_info.py", "warning", "uncalled")}
    # called by live code, by another module, never called here (an API left for others; a
    # docstring naming it is no call: decorator 4.1.2's blocking(); nor is a store or del in dead
    # code, which leaves the def the API on the target), or a package's __init__ (its public names
    # are the package's API): reported
    uncalled_here = MESON_PYTHON_INFO.replace("return get_distutils_paths(scheme='deb_system')", "return None")
    for where, text in (("pkg/python_info.py", MESON_PYTHON_INFO + "PATHS = get_distutils_paths()\n"),
                        ("pkg/python_info.py", uncalled_here),
                        ("pkg/python_info.py", uncalled_here + "if sys.version_info < (3,):\n"
                                                               "    get_distutils_paths = None\n"),
                        ("pkg/python_info.py", uncalled_here + "if sys.version_info < (3,):\n"
                                                               "    del get_distutils_paths\n"),
                        ("pkg/python_info.py", '"""Use get_distutils_paths() for the paths."""\n' + uncalled_here),
                        # a text that is not ASCII, whose statements are walked whole, an augmented
                        # assignment among them
                        ("pkg/python_info.py", "# café\nCOUNT = 0\nCOUNT += 1\n" + uncalled_here
                         + "if sys.version_info < (3,):\n    get_distutils_paths = None\n"),
                        ("pkg/__init__.py", MESON_PYTHON_INFO)):
        project.write("pkg/python_info.py", "x = 1\n")
        project.write("pkg/__init__.py", "")
        project.write(where, text)
        assert {p for p, _, c in paths(project.check_json(".")) if c is None} == {where}, where
    project.write("pkg/python_info.py", MESON_PYTHON_INFO)
    project.write("pkg/__init__.py", "")
    project.write("pkg/cli.py", "from pkg.python_info import get_distutils_paths\n")
    assert {p for p, _, c in paths(project.check_json(".")) if c is None} == {"pkg/python_info.py"}


def test_a_public_function_named_only_by_a_decorator_in_dead_code(project):
    # the only other use is a decorator, on the line above its method's def, in a class the target
    # never defines: read there, so the module does use it, only where it never runs
    project.write("pyproject.toml", "[project]\nname = 'pkg'\nrequires-python = '>=3.10'\n")
    project.write("pkg/__init__.py")
    legacy = "\n\nif sys.version_info < (3, 10, 3):\n    class Legacy:\n        @get_distutils_paths\n" \
             "        def paths(self):\n            return None\n"
    project.write("pkg/python_info.py", MESON_PYTHON_INFO.replace(
        "return get_distutils_paths(scheme='deb_system')", "return None") + legacy)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("--dead-compat", ".")) == {("pkg/python_info.py", "warning", "uncalled")}
    project.write("pkg/python_info.py", MESON_PYTHON_INFO.replace(
        "return get_distutils_paths(scheme='deb_system')", "return None") + legacy.replace("<", ">="))
    assert paths(project.check_json(".")) == {("pkg/python_info.py", "error", None)}


def test_a_top_level_module_is_not_told(project):
    # not in a package: a script or a module whatever puts its directory on sys.path imports
    project.write("facade.py", FACADE.replace("pkg._", "_"))
    project.write("_old.py", OLD)
    assert paths(project.check_json(".")) == {("_old.py", "error", None)}


FILLER = "".join(f"\n    def helper_{n}(values):\n        total = 0\n        for value in values:\n"
                 f"            total += value * {n}\n        return total\n" for n in range(12))


def test_the_sieve_keeps_what_the_dead_code_questions_read(project):
    # a file whose function bodies are mostly without a removed name is scanned with them left out
    # (sieve): the switch's function and a live caller of the private function are still read
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/locations/_distutils.py", "from distutils.sysconfig import get_python_lib\n"
                                                 "def get_purelib():\n    return get_python_lib()\n")
    project.write("pkg/locations/__init__.py", PIP_LOCATIONS + FILLER)
    assert paths(project.check_json(".")) == set()
    live = PIP_LOCATIONS + FILLER + "\n    def get_platlib():\n        return _looks_like_deb_dist_packages('x')\n"
    project.write("pkg/locations/__init__.py", live)
    assert paths(project.check_json(".")) == {("pkg/locations/__init__.py", "error", None)}


PYWSGI = """\
    import ssl
    import unittest
    from gevent import socket


    class TestCase(unittest.TestCase):
        def urlopen(self):
            return None


    class HttpsTestCase(TestCase):
        def urlopen(self):
            with ssl.wrap_socket(None) as sock:
                return sock


    class TestHttps(HttpsTestCase):
        if hasattr(socket, 'ssl'):
            def test_ssl_server(self):
                self.urlopen()


    class TestInput(TestCase):
        def test(self):
            self.urlopen()
    """


def test_a_method_only_dead_code_calls(project):
    # gevent 26.9's test__pywsgi.py: gevent.socket lacks ssl as socket does (the catalog's mirrors),
    # and the live self.urlopen() is TestCase's: TestInput's instances are never HttpsTestCase's
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("tests/test_pywsgi.py", PYWSGI)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json(".", "--dead-compat")) == {("tests/test_pywsgi.py", "warning", "uncalled")}
    # called where it runs: by a class deriving from both, by the base's own code, on an unknown
    # receiver, by name in quotes, or by a base in another module
    for live in ("class Both(TestInput, HttpsTestCase):\n        pass\n",
                 "class Late(TestCase):\n        def test(self):\n            super().urlopen()\n"
                 "    class Both2(Late, HttpsTestCase):\n        pass\n",
                 "def run(case):\n        case.urlopen()\n",
                 "NAMES = ['urlopen']\n"):
        project.write("tests/test_pywsgi.py", PYWSGI + "\n\n    " + live)
        assert paths(project.check_json(".")) == {("tests/test_pywsgi.py", "error", None)}, live
    project.write("tests/test_pywsgi.py", PYWSGI.replace("class TestCase(unittest.TestCase)",
                                                         "from tests.base import Base\n\n\n    class TestCase(Base)"))
    project.write("tests/base.py", "import unittest\n\nclass Base(unittest.TestCase):\n    def setUp(self):\n"
                                   "        self.urlopen()\n")
    assert paths(project.check_json(".")) == {("tests/test_pywsgi.py", "error", None)}
    project.write("tests/base.py", "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n")
    assert paths(project.check_json(".")) == set()
    # a hook the stdlib base calls (setUp), and another module that imports this one and names it
    project.write("tests/test_pywsgi.py", PYWSGI.replace("def urlopen", "def setUp").replace(".urlopen", ".setUp"))
    assert paths(project.check_json(".")) == {("tests/test_pywsgi.py", "error", None)}
    project.write("tests/test_pywsgi.py", PYWSGI)
    project.write("tests/other.py", "from test_pywsgi import HttpsTestCase\nHttpsTestCase().urlopen()\n")
    assert paths(project.check_json(".")) == {("tests/test_pywsgi.py", "error", None)}
    # a name the stdlib module still has: the guarded tests run
    project.write("tests/other.py", "")
    project.write("tests/test_pywsgi.py", PYWSGI.replace("'ssl'", "'socket'"))
    assert paths(project.check_json(".")) == {("tests/test_pywsgi.py", "error", None)}


# helpers calling helpers: check_old only through compare, which only a test Python 3 never
# defines calls; check_new through run_new, which a live test calls
HELPERS_HEAD = """\
    import sys
    import unittest


    class Helpers(unittest.TestCase):
"""
HELPERS_OLD = """\
        def check_old(self, value):
            self.assertEquals(value, 1)

        def compare(self, value):
            self.check_old(value)

"""
HELPERS_NEW = """\
        def check_new(self, value):
            self.assertEquals(value, 2)

        def run_new(self, value):
            return self.check_new(value)

"""
HELPERS_TAIL = """\
        if sys.version_info < (3, 0):
            def test_old(self):
                self.compare(1)

        def test_new(self):
            self.run_new(2)
    """


def test_helpers_only_dead_helpers_call(project):
    # the sieve leaves the callers' bodies out (they name no removed name): the question reads them
    # all the same, at each finding, for the helper it sits in, whichever comes first
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    for middle in (HELPERS_OLD + HELPERS_NEW, HELPERS_NEW + HELPERS_OLD):
        project.write("tests/test_helpers.py", HELPERS_HEAD + middle + HELPERS_TAIL + FILLER)
        assert paths(project.check_json(".")) == {("tests/test_helpers.py", "error", None)}
        assert paths(project.check_json(".", "--dead-compat")) == {("tests/test_helpers.py", "error", None),
                                                                   ("tests/test_helpers.py", "warning", "uncalled")}
    # compare called live too, by a test or by a helper a test calls: both helpers run
    for live in ("    def test_compare(self):\n            self.compare(2)\n",
                 "    def run_all(self):\n            self.compare(2)\n\n        def test_all(self):\n"
                 "            self.run_all()\n"):
        project.write("tests/test_helpers.py", HELPERS_HEAD + HELPERS_OLD + HELPERS_NEW + HELPERS_TAIL + "\n    "
                      + live + FILLER)
        doc = project.check_json(".", "--dead-compat")
        assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
            (7, "error", None), (13, "error", None)], live


# flake8 3.5.0's src/flake8/processor.py: the 'rU' mode (ValueError from 3.11) is only read on Python 2
PROCESSOR = """\
import sys


class FileProcessor(object):
    def _readlines_py2(self):
        with open(self.filename, 'rU') as fd:
            return fd.readlines()

    def _readlines_py3(self):
        with open(self.filename) as fd:
            return fd.readlines()

    def read_lines_from_filename(self):
        if (2, 6) <= sys.version_info < (3, 0):
            readlines = self._readlines_py2
        elif (3, 0) <= sys.version_info < (4, 0):
            readlines = self._readlines_py3
        return readlines()
"""


def test_a_private_method_only_dead_code_names(project):
    """A library module's private method only code dead on the target names never runs there;
    one a live line names, a public one, or one nothing names (it may be called by a name the
    module builds: getattr(self, "_readlines_" + version)) is still reported."""
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py", "")
    project.write("pkg/processor.py", PROCESSOR)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json(".", "--dead-compat")) == {("pkg/processor.py", "warning", "uncalled")}
    live = PROCESSOR.replace("(2, 6) <= sys.version_info < (3, 0)", "sys.platform == 'win32'")
    for text in (live, PROCESSOR.replace("_readlines_py2", "readlines_py2"),
                 PROCESSOR.replace("readlines = self._readlines_py2", "readlines = None")):
        project.write("pkg/processor.py", text)
        assert paths(project.check_json(".")) == {("pkg/processor.py", "error", None)}, text


PY2FIXER = """\
import sys
try:
    from importlib.machinery import PathFinder
except ImportError:
    PathFinder = None


class Py2Fixer(object):
    def find_module(self, fullname, path=None):
        return PathFinder.find_module(fullname, path)

    def find_spec(self, fullname, path=None, target=None):
        return PathFinder.find_spec(fullname, path, target)


sys.meta_path.insert(0, Py2Fixer())
"""


def test_find_module_of_a_finder_that_has_find_spec(project):
    # future 1.0's past/translation/__init__.py: on the real 3.12, importing with a Py2Fixer first on
    # sys.meta_path calls its find_spec and never its find_module
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("past/translation/__init__.py", PY2FIXER)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json(".", "--dead-compat")) == {("past/translation/__init__.py", "warning", "uncalled")}
    assert paths(project.check_json(".", target="3.11")) == set()  # PathFinder.find_module is there
    # called by the project: on self, on an instance, or from a module naming the class
    for live in (PY2FIXER.replace("    def find_spec", "    def load(self, name):\n        return self.find_module(name)\n\n"
                                                   "    def find_spec"),
                 PY2FIXER + "def first(name):\n    return Py2Fixer().find_module(name)\n"):
        project.write("past/translation/__init__.py", live)
        assert paths(project.check_json(".")) == {("past/translation/__init__.py", "error", None)}, live
    project.write("past/translation/__init__.py", PY2FIXER)
    project.write("past/hooks.py", "from past.translation import Py2Fixer\nPy2Fixer().find_module('x')\n")
    assert paths(project.check_json(".")) == {("past/translation/__init__.py", "error", None)}
    # without find_spec the finder itself is what 3.12 stops calling (OMB12002), and its body stays
    project.write("past/hooks.py", "")
    project.write("past/translation/__init__.py", PY2FIXER.replace("def find_spec", "def other"))
    assert ("past/translation/__init__.py", "error", None) in paths(project.check_json("."))


BOOTSTRAP = """\
import os
import sys
from importlib.machinery import SourceFileLoader
from importlib.util import spec_from_loader


class Finder(object):
    def find_spec(self, fullname, path, target=None):
        return spec_from_loader(fullname, SourceFileLoader(fullname, os.path.join(fullname, "__init__.py")))

    def find_module(self, fullname, path=None):
        return Loader()


class Loader(object):
    def load_module(self, fullname):
        import imp
        return imp.load_module(fullname, None, fullname, ("", "", imp.PKG_DIRECTORY))


sys.meta_path.insert(0, Finder())
"""


def test_a_loader_only_an_uncalled_find_module_creates(project):
    # py2app 0.28.10's bootstrap/setup_included_subpackages.py: Finder.find_spec returns a
    # SourceFileLoader's spec; only Finder.find_module, never called from 3.12, returns Loader(),
    # whose load_module does import imp
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/bootstrap.py", BOOTSTRAP)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json(".", "--dead-compat")) == {("pkg/bootstrap.py", "warning", "uncalled")}
    # a loader created elsewhere, in the module or in another file of the project, may run
    project.write("pkg/bootstrap.py", BOOTSTRAP + "DEFAULT = Loader()\n")
    assert paths(project.check_json(".")) == {("pkg/bootstrap.py", "error", None)}
    project.write("pkg/bootstrap.py", BOOTSTRAP)
    project.write("pkg/other.py", "from pkg.bootstrap import Loader\n")
    assert paths(project.check_json(".")) == {("pkg/bootstrap.py", "error", None)}


def test_a_stdlib_base_asked_for_the_method_on_the_target(project):
    # deadmethods asked the running interpreter whether unittest.TestCase has the helper's name: on
    # 3.11 it has assertEquals, which 3.12 removed, so nothing of the stdlib calls it there
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("tests/test_helpers.py", """\
import unittest


class Helper(unittest.TestCase):
    def assertEquals(self, first, second):
        self.assertDictContainsSubset(first, second)


class Other(unittest.TestCase):
    def test(self):
        self.assertEqual(1, 1)
""")
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json(".", "--dead-compat")) == {("tests/test_helpers.py", "warning", "uncalled")}
    assert paths(project.check_json(".", target="3.11")) == set()  # assertDictContainsSubset is there


def test_a_mapping_key_named_like_the_module_does_not_load_it(project):
    # pymongo 3.8.0: ssl_support.py imports pymongo/ssl_context.py (ssl.wrap_socket) only where
    # "from ssl import SSLContext" fails; test/test_pooling.py writes kwargs['ssl_context'] = ...
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/ssl_support.py", "try:\n    from ssl import SSLContext\nexcept ImportError:\n"
                                        "    from pkg.ssl_context import SSLContext\n")
    project.write("pkg/ssl_context.py", "import ssl\n\ndef wrap(sock):\n    return ssl.wrap_socket(sock)\n")
    project.write("test/test_pooling.py", "def options(kwargs, pool):\n    kwargs['ssl_context'] = pool.ssl_context\n")
    assert paths(project.check_json(".")) == set()
    # a list of names is not a key: __all__ = ['ssl_context'] may load it (from pkg import *)
    project.write("pkg/__init__.py", "__all__ = ['ssl_context']\n")
    assert paths(project.check_json(".")) == {("pkg/ssl_context.py", "error", None)}


def test_the_files_naming_a_word_are_those_holding_it(tmp_path):
    # the tree's files are searched as one joined text: a word never spans two files (each here
    # starts with "Up" and ends with "set", whatever the walk's order), and every file holding it
    # is found, the first and the last, in walk order
    from outmoded import projectfiles

    texts = {"a.py": b"Up = 1\nself.set", "b.py": b"", "c.py": b"Up\nsetUp = 2\nset", "d.py": b"Up set",
             "pkg/e.py": b"Up = 'setUp'\nset", "pkg/f.py": b"Up\0set\0Up\nset", "pkg/g.py": b"Upset"}
    for name, data in texts.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    root = str(tmp_path)
    projectfiles.forget()
    walked = list(projectfiles.sources(root).files())
    assert sorted(walked) == sorted((str(tmp_path / n), d) for n, d in texts.items())
    for word, holding in (("setUp", {"c.py", "pkg/e.py"}), ("Up", set(texts) - {"b.py"}), ("tU", {"c.py", "pkg/e.py"}),
                          ("\0", {"pkg/f.py"}), ("t\0U", {"pkg/f.py"}), ("", set(texts)), ("nothing", set())):
        found = projectfiles.mentions(root, word)
        assert found == [(path, data) for path, data in walked if word.encode() in data]
        assert {path[len(root) + 1:] for path, _ in found} == holding
        assert next(projectfiles.mentioning(root, word), None) == (found[0] if found else None)
    # what a search found is kept for the next question about the word: one stopped at the first
    # file, then one going on beside another, finds the same files
    projectfiles.forget()
    for word in ("setUp", "Up", "tU", "t\0U", "", "nothing"):
        expected = [(path, data) for path, data in walked if word.encode() in data]
        assert next(projectfiles.mentioning(root, word), None) == (expected[0] if expected else None)
        first, second = projectfiles.mentioning(root, word), projectfiles.mentioning(root, word)
        assert [next(first, None) for _ in range(2)] == (expected + [None, None])[:2]
        assert list(second) == list(projectfiles.mentioning(root, word)) == expected
        assert list(first) == expected[2:]
    projectfiles.forget()


def test_a_compat_module_named_like_the_stdlib_one_it_backports(project):
    # mitogen 0.3.54's master.py: import pkgutil (the stdlib's) at its top, then if sys.version_info
    # >= (2, 5): from pkgutil import find_loader / else: from mitogen.compat.pkgutil import
    # find_loader; compat/pkgutil.py (imp.find_module & co., gone in 3.12) is imported nowhere else
    project.write("pkg/__init__.py")
    project.write("pkg/compat/__init__.py")
    project.write("pkg/compat/pkgutil.py", "import imp\n\ndef find_loader(name):\n    return imp.find_module(name)\n")
    project.write("pkg/master.py", "import pkgutil\nimport sys\nfrom pkgutil import iter_modules\n"
                                   "if sys.version_info >= (2, 5):\n    from pkgutil import find_loader\n"
                                   "else:\n    from pkg.compat.pkgutil import find_loader\n")
    assert paths(project.check_json(".")) == set()
    # a top-level import that may be the project's module keeps it reached
    for importing in ("from pkg.compat import pkgutil\n", "import pkg.compat.pkgutil\n", "from .compat import pkgutil\n"):
        project.write("pkg/other.py", importing)
        assert paths(project.check_json(".")) == {("pkg/compat/pkgutil.py", "error", None)}, importing


def test_a_finding_outside_the_uncalled_ones_before_one_inside(project):
    # the first finding sits in a function (a test module's method) the question cannot answer for:
    # asked only at the second, inside the private function (the test helper) only dead code calls
    project.write("pyproject.toml", "[project]\nname = 'pkg'\nrequires-python = '>=3.10'\n")
    project.write("pkg/__init__.py")
    project.write("pkg/paths.py", """\
import sys


def live():
    import imp
    return imp


def _legacy_paths():
    import distutils.dist
    return distutils.dist.Distribution()


def get_install_paths():
    if sys.version_info >= (3, 10, 3):
        return None
    return _legacy_paths()
""")
    project.write("tests/test_thread.py", """\
import sys
import unittest


class Helpers(unittest.TestCase):
    def running(self, value):
        self.assertEquals(value, 1)

    def helper(self, value):
        self.assertEquals(value, 2)

    if sys.version_info < (3, 0):
        def test_old(self):
            self.helper(2)

    def test_new(self):
        self.running(1)
""")
    shown = {(f["path"], f["line"], f["context"]) for f in project.check_json("--dead-compat", ".")["findings"]}
    assert shown == {("pkg/paths.py", 5, None), ("pkg/paths.py", 10, "uncalled"), ("pkg/paths.py", 11, "uncalled"),
                     ("tests/test_thread.py", 7, None), ("tests/test_thread.py", 10, "uncalled")}


VENDORED_TYPEVAR = "import typing\n\n\nclass TypeVar(typing.TypeVar, _root=True):\n    pass\n"
PLATFORMDIRS = ("import sys\n\nif sys.version_info >= (3, 8):\n    from typing import Literal\nelse:\n"
                "    from ..typing_extensions import Literal\n")


def test_a_bare_name_in_another_package_does_not_load_the_module(project):
    # setuptools 68.0.0: pkg_resources/_vendor/typing_extensions.py (typing_extensions 4.0.1, whose
    # TypeVar subclass raises TypeError on import from 3.12 on) is imported only by its vendored
    # platformdirs, before 3.8; setuptools/extern/__init__.py names 'typing_extensions' for its
    # VendorImporter, which loads setuptools._vendor.typing_extensions, not this one
    project.write("pkg_resources/__init__.py")
    project.write("pkg_resources/_vendor/__init__.py")
    project.write("pkg_resources/_vendor/typing_extensions.py", VENDORED_TYPEVAR)
    project.write("pkg_resources/_vendor/platformdirs/__init__.py", PLATFORMDIRS)
    project.write("setuptools/__init__.py")
    project.write("setuptools/extern/__init__.py", "names = ('packaging', 'typing_extensions')\n")
    assert paths(project.check_json(".")) == set()
    # the bare name in its own package's files may load it there; so does a string of its dotted name
    for where, text in (("pkg_resources/extern/__init__.py", "names = ('packaging', 'typing_extensions')\n"),
                        ("setuptools/extern/__init__.py", "name = 'pkg_resources._vendor.typing_extensions'\n")):
        project.write(where, text)
        assert paths(project.check_json(".")) == {
            ("pkg_resources/_vendor/typing_extensions.py", "error", None)}, where
        (project.root / where).unlink()


def test_a_vendored_package_imported_only_for_older_pythons(project):
    # metaflow 2.19.39's _vendor/importlib_metadata/__init__.py (its _warn partials, read as methods
    # on 3.14): imported only under `if sys.version_info[:2] >= (3, 8): ... else:`
    project.write("pkg/__init__.py")
    project.write("pkg/_vendor/__init__.py")
    project.write("pkg/_vendor/oldlib/__init__.py", "from ._compat import g\n" + OLD)
    project.write("pkg/_vendor/oldlib/_compat.py", "def g():\n    pass\n")
    ext = ("import sys\nif sys.version_info[:2] >= (3, 8):\n    from importlib import metadata\n"
           "else:\n    from pkg._vendor.oldlib import f\n    from pkg._vendor.oldlib._compat import g\n")
    project.write("pkg/ext.py", ext)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("--dead-compat", ".")) == {
        ("pkg/_vendor/oldlib/__init__.py", "warning", "unreached")}
    # a module of it imported where it runs runs the package first
    project.write("pkg/ext.py", ext + "from pkg._vendor.oldlib._compat import g\n")
    assert paths(project.check_json(".")) == {("pkg/_vendor/oldlib/__init__.py", "error", None)}
    # a package with a __main__ may be run with -m
    project.write("pkg/ext.py", ext)
    project.write("pkg/_vendor/oldlib/__main__.py", "print(1)\n")
    assert paths(project.check_json(".")) == {("pkg/_vendor/oldlib/__init__.py", "error", None)}


def test_modules_only_an_unreached_package_imports(project):
    # metaflow 2.19.39's _vendor/v3_7 (typeguard, typing_extensions): imported only under
    # `elif sys.version_info >= (3, 7):`, and its modules import each other at their top level,
    # relatively and by their whole name
    project.write("pkg/__init__.py")
    project.write("pkg/_vendor/__init__.py")
    project.write("pkg/_vendor/v3_7/__init__.py")
    project.write("pkg/_vendor/v3_7/guard/__init__.py", "from ._hook import hook\nfrom ._memo import memo\n")
    project.write("pkg/_vendor/v3_7/guard/_hook.py", "from pkg._vendor.v3_7 import exts\n" + OLD)
    project.write("pkg/_vendor/v3_7/guard/_memo.py", "from pkg._vendor.v3_7.guard._hook import f\nmemo = f\n")
    project.write("pkg/_vendor/v3_7/exts.py", OLD)
    api = ("import sys\nif sys.version_info >= (3, 8):\n    import json as guard\n"
           "elif sys.version_info >= (3, 7):\n    from pkg._vendor.v3_7 import guard\n")
    project.write("pkg/api.py", api)
    assert paths(project.check_json(".")) == set()
    assert paths(project.check_json("pkg/_vendor/v3_7/exts.py")) == set()  # checked alone
    assert paths(project.check_json("--dead-compat", ".")) == {
        ("pkg/_vendor/v3_7/guard/_hook.py", "warning", "unreached"),
        ("pkg/_vendor/v3_7/exts.py", "warning", "unreached")}
    # a module outside it importing it at its top level, before or after it in the walk's order
    # (a directory's files come first, its subdirectories in the file system's order): it runs
    # (guard, which that module does not import, still never does)
    for user in ("pkg/user.py", "pkg/aa/user.py", "pkg/d/user.py", "pkg/zz/user.py", "zz/user.py"):
        project.write(user, "from pkg._vendor.v3_7 import exts\n")
        assert paths(project.check_json(".")) == {("pkg/_vendor/v3_7/exts.py", "error", None)}, user
        (project.root / user).unlink()
    # cached: the verdict of a module in it follows the package's importers
    def findings():
        code, out, err = project.run("check", "--format", "json", "--cache-dir", str(project.root / ".cache"),
                                     "--target-version", "3.13", ".")
        assert code in (0, 1), err
        return sorted(f["path"] for f in json.loads(out)["findings"])

    assert findings() == [] and findings() == []  # cold, then warm
    time.sleep(0.01)
    project.write("pkg/api.py", api + "from pkg._vendor.v3_7.guard import _memo\n")  # where it runs
    assert findings() == ["pkg/_vendor/v3_7/exts.py", "pkg/_vendor/v3_7/guard/_hook.py"]
    # a script in the package may load it without it being imported
    project.write("pkg/api.py", api)
    project.write("pkg/_vendor/v3_7/tool.py", "from pkg._vendor.v3_7 import exts\n"
                  "if __name__ == '__main__':\n    exts.f()\n")
    assert paths(project.check_json(".")) == {("pkg/_vendor/v3_7/exts.py", "error", None)}


def test_a_test_module_in_an_unreached_package_runs(project):
    # a test runner collects pkg/_vendor/v3_7/test_hook.py and imports the packages it is in, on the
    # target too: its own findings stand (and a check of a few files of a large tree need not read
    # the whole tree's imports to ask whether its packages are reached)
    project.write("pkg/__init__.py")
    project.write("pkg/_vendor/__init__.py")
    project.write("pkg/_vendor/v3_7/__init__.py")
    project.write("pkg/_vendor/v3_7/exts.py", OLD)
    project.write("pkg/_vendor/v3_7/test_hook.py", OLD)
    project.write("pkg/api.py", "import sys\nif sys.version_info < (3, 8):\n    from pkg._vendor.v3_7 import exts\n")
    assert paths(project.check_json(".")) == {("pkg/_vendor/v3_7/test_hook.py", "error", None)}
