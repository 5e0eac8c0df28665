"""Code that never runs at all: a test's data files, a function deleted before anything calls it."""

E, W = "error", "warning"

PY2_CASE = "import asyncio\n\n@asyncio.coroutine\ndef f():\n    yield\n"


def test_a_tests_data_file_is_not_code_that_runs(project):
    # black's tests/data/cases/function.py: input for the formatter, read as text by its tests
    project.write("pyproject.toml", "[project]\nname = 'fmt'\n")
    project.write("tests/__init__.py")
    project.write("tests/test_format.py", "from pathlib import Path\nDATA = Path(__file__).parent / 'data'\n")
    project.write("tests/data/cases/function.py", data=b"#!/usr/bin/env python3\n" + PY2_CASE.encode())
    assert project.check_json("tests")["findings"] == []
    # asked for dead code, it is there, with the reason
    shown = project.check_json("--dead-compat", "tests")["findings"]
    assert [(f["path"], f["line"], f["severity"], f["context"]) for f in shown] == [
        ("tests/data/cases/function.py", 4, W, "test-data")]


def test_a_testsuite_directory_holds_tests_and_their_input_as_tests_does(project):
    # pycodestyle 2.5.0 / pep8 1.7.1 keep their checker's input files beside test_*.py in testsuite/
    # (a package there, so code); without an __init__.py, a module its tests never import is input
    project.write("pyproject.toml", "[project]\nname = 'style'\n")
    project.write("testsuite/test_all.py", "import os\nHERE = os.path.dirname(__file__)\n")
    project.write("testsuite/W60.py", PY2_CASE)
    assert project.check_json("testsuite")["findings"] == []
    shown = project.check_json("--dead-compat", "testsuite")["findings"]
    assert [(f["path"], f["context"]) for f in shown] == [("testsuite/W60.py", "test-data")]


def test_fix_leaves_a_tests_data_file_as_it_is(project):
    """A parser's or formatter's test compares what it makes of its data file with what it
    expects: asked for dead code, check showed [*] there and fix rewrote the test's input."""
    project.write("pyproject.toml", "[project]\nname = 'fmt'\n")
    project.write("tests/test_format.py", "from pathlib import Path\nDATA = Path(__file__).parent / 'data'\n")
    case = project.write("tests/data/cases/legacy.py", "import base64\n\nbase64.decodestring(b'')\n")
    shown = project.check_json("--dead-compat", "tests")["findings"]
    assert [(f["context"], f["fix"]) for f in shown] == [("test-data", None)]
    assert "a test's data file is input the test reads" in shown[0]["message"]
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--dead-compat", "tests")
    assert case.read_text() == "import base64\n\nbase64.decodestring(b'')\n", (out, err)


def test_a_file_under_tests_that_runs_is_reported(project):
    project.write("pyproject.toml", "[project]\nname = 'fmt'\n")
    body = PY2_CASE
    # collected by a test runner
    project.write("tests/data/test_old.py", body)
    # a module of a package
    project.write("tests/pkg/__init__.py")
    project.write("tests/pkg/helper.py", body)
    # a script
    project.write("tests/data/tool.py", data=b"#!/usr/bin/env python\n" + body.encode()).chmod(0o755)
    project.write("tests/scripts/main.py", data=(body + "if __name__ == '__main__':\n    f()\n").encode())
    # imported by a test that puts its directory on sys.path
    project.write("tests/data/support.py", body)
    project.write("tests/test_support.py", "import sys\nsys.path.insert(0, 'tests/data')\nimport support\n")
    # run by a test through a subprocess
    project.write("tests/data/child.py", body)
    project.write("tests/test_child.py",
                  "import subprocess, sys\nsubprocess.run([sys.executable, 'tests/data/child.py'])\n")
    # loaded by pytest as a plugin
    project.write("tests/data/fixtures.py", body)
    project.write("tests/conftest.py", "pytest_plugins = [\n    'data.fixtures',\n]\n")
    # not under a test directory at all
    project.write("examples/old.py", body)
    found = {(f["path"], f["severity"]) for f in project.check_json(".")["findings"]}
    assert found == {(p, E) for p in ("tests/data/test_old.py", "tests/pkg/helper.py", "tests/data/tool.py",
                                      "tests/scripts/main.py", "tests/data/support.py", "tests/data/child.py",
                                      "tests/data/fixtures.py", "examples/old.py")}


def test_a_script_kept_as_input_in_a_tests_data_directory(project):
    # fissix 24.4.24's fissix/tests/data/py3_test_grammar.py (CPython's test_grammar.py, ending in
    # ``if __name__ == '__main__': test_main()``, assertEquals x32 and assert_ x16): the parser's
    # tests read it, no runner collects its name; pydoclint 0.12.0 keeps the same file in
    # tests/test_data/lib2to3_test_cases/
    project.write("pyproject.toml", "[project]\nname = 'fixers'\n")
    project.write("fissix/__init__.py")
    project.write("fissix/tests/__init__.py")
    project.write("fissix/tests/test_parser.py", "import os\nDATA = os.path.join(os.path.dirname(__file__), 'data')\n")
    grammar = ("import unittest\n\nclass TokenTests(unittest.TestCase):\n    def test_plain(self):\n"
               "        self.assertEquals(0xff, 255)\n\nif __name__ == '__main__':\n    unittest.main()\n")
    project.write("fissix/tests/data/py3_test_grammar.py", grammar)
    # collected by pytest where it lies, or not in a data directory: reported
    project.write("fissix/tests/data/test_grammar.py", grammar)
    project.write("fissix/tests/scripts/py3_test_grammar.py", grammar)
    found = {(f["path"], f["line"]) for f in project.check_json(".")["findings"]}
    assert found == {("fissix/tests/data/test_grammar.py", 5), ("fissix/tests/scripts/py3_test_grammar.py", 5)}
    shown = project.check_json("--dead-compat", ".")["findings"]
    assert [f["context"] for f in shown if f["path"] == "fissix/tests/data/py3_test_grammar.py"] == ["test-data"]


def test_a_function_deleted_before_anything_calls_it(project):
    # lxml 6.1's tests/selftest.py, kept from ElementTree's, taken out of its doctests
    assert project.findings("""\
        import sys

        def error(xml):
            '''
            >>> error("foo").position
            '''
            try:
                parse(xml)
            except SyntaxError:
                return sys.exc_value

        # doesn't work with lxml.etree
        del error

        def used():
            return sys.exc_value
        used()
        del used

        def decorated():
            return sys.exc_value
        REGISTRY = [decorated]
        del decorated
        """) == [(16, "sys.exc_value", E), (21, "sys.exc_value", E)]


def test_a_function_its_module_replaces_on_the_target_before_anything_calls_it(project):
    # aiohttp 3.7.4's helpers.py: def all_tasks(...): ... asyncio.Task.all_tasks(loop), then
    # if PY_37: all_tasks = getattr(asyncio, "all_tasks"): from 3.7 on the def never runs (the real
    # 3.13 imports helpers.all_tasks as asyncio.all_tasks).  Named in between, wrapped by its new
    # value, or replaced only where the target does not run: it may run
    assert project.findings("""\
        import asyncio
        import sys

        PY_37 = sys.version_info >= (3, 7)

        def all_tasks(loop=None):
            return asyncio.Task.all_tasks(loop)

        if PY_37:
            all_tasks = getattr(asyncio, "all_tasks")

        def current(loop=None):
            return asyncio.Task.current_task(loop)

        if sys.version_info < (3, 7):
            current = asyncio.current_task

        def wrapped(loop=None):
            return asyncio.Task.all_tasks(loop)

        wrapped = staticmethod(wrapped)

        def used(loop=None):
            return asyncio.Task.all_tasks(loop)

        TASKS = used()
        used = asyncio.all_tasks
        HANDLERS = [current, wrapped]
        """) == [(13, "asyncio.Task.current_task", E), (19, "asyncio.Task.all_tasks", E),
                 (24, "asyncio.Task.all_tasks", E)]
    assert [(f["line"], f["context"], f["fix"]) for f in project.check_json(".", "--dead-compat")["findings"]
            if f["line"] == 7] == [(7, "rebound", None)]


HELPER = "from distutils import ccompiler\n"


def test_a_module_only_imported_after_setuptools_gets_its_distutils(project):
    # grpcio 1.85: setup.py does `import setuptools`, later `import _spawn_patch`, whose
    # `from distutils import ccompiler` then gets setuptools' copy
    project.write("setup.py", "import setuptools\nimport sys\nsys.path.insert(0, 'src')\nimport _spawn_patch\n")
    project.write("src/_spawn_patch.py", HELPER)
    project.write("pkg/__init__.py")
    project.write("pkg/build.py", "import setuptools\n\ndef run():\n    from . import helper\n")
    project.write("pkg/helper.py", HELPER)
    assert project.check_json(".")["findings"] == []


PLUGIN = "import distutils.command.build\nimport distutils.command.install\n\n\nclass build(distutils.command.build.build):\n    pass\n"


def test_a_setuptools_plugin_the_project_registers_gets_setuptools_distutils(project):
    # Nuitka 4.3.5: setup.py registers nuitka/distutils/DistutilsCommands.py under distutils.commands
    # (a continued string) and distutils.setup_keywords, with a group given by a name beside them;
    # setuptools loads it (get_command_class("build_nuitka") on the real 3.13 and 3.15), distutils its copy
    project.write("setup.py", "from setuptools import setup\nconsole_scripts = ['n = nuitka.main:main']\n"
                  "setup(name='nuitka', entry_points={\n"
                  "    'distutils.commands': ['build_nuitka = \\\n        nuitka.distutils.DistutilsCommands:build'],\n"
                  "    'distutils.setup_keywords': ['build_with_nuitka = nuitka.distutils.Keywords:setup'],\n"
                  "    'console_scripts': console_scripts,\n})\n")
    for name in ("nuitka/__init__.py", "nuitka/distutils/__init__.py", "plug/__init__.py"):
        project.write(name)
    project.write("nuitka/distutils/DistutilsCommands.py", PLUGIN)
    project.write("nuitka/distutils/Keywords.py", PLUGIN)
    project.write("nuitka/distutils/Other.py", PLUGIN)  # not registered: imported by anything
    project.write("nuitka/main.py", PLUGIN)  # a console script: run without setuptools
    found = {f["path"] for f in project.check_json(".")["findings"]}
    assert found == {"nuitka/distutils/Other.py", "nuitka/main.py"}


def test_a_setuptools_plugin_registered_in_pyproject_gets_setuptools_distutils(project):
    project.write("pyproject.toml", "[project]\nname = 'plug'\n\n[project.entry-points.'distutils.commands']\n"
                  "build_plug = 'plug.commands:build'\n\n[project.entry-points.'console_scripts']\n"
                  "plug = 'plug.main:main'\n")
    project.write("plug/__init__.py")
    project.write("plug/commands.py", PLUGIN)
    project.write("plug/main.py", PLUGIN)
    assert {f["path"] for f in project.check_json(".")["findings"]} == {"plug/main.py"}


def test_a_module_some_importer_reaches_without_setuptools_is_reported(project):
    # (make.py, run by hand: a setup.py is run through setuptools' backend, which imports setuptools first)
    project.write("make.py", "import _first\nimport setuptools\nimport sys\nimport _second\n")
    project.write("_first.py", HELPER)  # imported before setuptools
    project.write("_second.py", HELPER)  # also imported by a module without setuptools
    project.write("tools/run.py", "import _second\n")
    project.write("_script.py", HELPER + "if __name__ == '__main__':\n    pass\n")  # run as a script too
    project.write("build.py", "import setuptools\nimport _script\n")
    project.write("_alone.py", HELPER)  # imported by nothing
    project.write("_dynamic.py", HELPER)  # imported by name too
    project.write("other.py", "import setuptools\nimport _dynamic\nimport importlib\nimportlib.import_module('_dynamic')\n")
    found = {f["path"] for f in project.check_json(".")["findings"]}
    assert found == {"_first.py", "_second.py", "_script.py", "_alone.py", "_dynamic.py"}


def test_a_dynamic_import_of_another_module_of_the_same_name_leaves_the_importers_setuptools(project):
    # scikit-build-core 1.1.2: _compat/setuptools/errors.py falls back to distutils.errors; its two
    # importers import setuptools first; _variants.py's importlib.import_module("variantlib.errors")
    # imports another module named errors
    project.write("pkg/__init__.py")
    project.write("pkg/errors.py", HELPER)
    project.write("pkg/build.py", "import setuptools\nfrom .errors import ccompiler\n")
    project.write("pkg/variants.py", "import importlib\nvariantlib_errors = importlib.import_module('variantlib.errors')\n")
    assert project.check_json(".")["findings"] == []
    for call in ("importlib.import_module('pkg.errors')", "importlib.import_module('.errors', 'pkg')",
                 "__import__('pkg.errors.x')", "importlib.import_module('pkg.errors' + suffix)"):
        project.write("pkg/variants.py", f"import importlib\nsuffix = ''\nimported = {call}\n")
        found = [(f["path"], f["line"]) for f in project.check_json(".")["findings"]]
        assert found == [("pkg/errors.py", 1)], call


def test_a_script_gets_its_importers_setuptools_where_its_script_run_never_goes(project):
    # ecdsa 0.19.2's versioneer.py: get_cmdclass(), called only by setup.py after `from setuptools
    # import setup`, does `from distutils.core import Command`; run as a script (python
    # versioneer.py setup) it calls do_setup(), which reaches neither get_cmdclass nor cmd_helper
    project.write("setup.py", "from setuptools import setup\nimport versioneer\nsetup(cmdclass=versioneer.get_cmdclass())\n")
    project.write("versioneer.py", """\
        import sys


        def get_cmdclass():
            from distutils.core import Command
            return {"version": Command, "helper": cmd_helper()}


        def cmd_helper():
            from distutils.command.build_py import build_py
            return build_py


        def do_setup():
            return write_config()


        def write_config():
            from distutils import log
            return 0


        if __name__ == "__main__":
            if sys.argv[1] == "setup":
                errors = do_setup()
        """)
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("versioneer.py", 19)]


def test_a_module_setup_py_loads_from_its_file_gets_setuptools(project):
    # ndindex 1.10.1's setup.py: from setuptools import ...; then versioneer.py loaded by
    # importlib.util.spec_from_file_location, whose get_cmdclass() does from distutils.core import
    # Command (on the real 3.13 it works after import setuptools; without it, No module named 'distutils')
    project.write("versioneer.py", "def get_cmdclass():\n    from distutils.core import Command\n    return Command\n")
    loader = ("import importlib.util, os\nfrom setuptools import setup\n"
              "spec = importlib.util.spec_from_file_location('versioneer', os.path.join(os.path.dirname(__file__), {}))\n"
              "versioneer = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(versioneer)\n"
              "setup(cmdclass=versioneer.get_cmdclass())\n")
    project.write("setup.py", loader.format("'versioneer.py'"))
    assert project.check_json(".")["findings"] == []
    # another file's name, or the name with no loader call: nothing shows the module is loaded there
    project.write("setup.py", loader.format("'other_versioneer.py'"))
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("versioneer.py", 2)]
    project.write("setup.py", "from setuptools import setup\nsetup(data_files=['versioneer.py'])\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("versioneer.py", 2)]
    # a pyproject naming another backend: setup.py is not run by setuptools'
    project.write("setup.py", loader.format("'versioneer.py'"))
    project.write("pyproject.toml", "[build-system]\nrequires = ['flit_core']\nbuild-backend = 'flit_core.buildapi'\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("versioneer.py", 2)]


def test_tests_run_where_the_projects_test_requirements_are_installed(project):
    # mypy 2.4's mypyc/test/test_external.py: from distutils import ccompiler, sysconfig, under a
    # test-requirements.txt pinning setuptools==84.0.0 (its distutils-precedence.pth provides distutils)
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("mypkg/test/test_external.py", "from distutils import ccompiler\n")
    project.write("runtests.py", "import distutils.core\n")
    project.write("mypkg/build.py", "from distutils import ccompiler\n")
    project.write("tests/test_web.py", "import cgi\n")
    everything = [("mypkg/build.py", 1), ("mypkg/test/test_external.py", 1), ("runtests.py", 1),
                  ("tests/test_web.py", 1)]
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("test-requirements.txt", "pytest\nsetuptools==84.0.0 \\\n    --hash=sha256:00  # via -r x\n")
    found = [(f["path"], f["line"]) for f in project.check_json(".")["findings"]]
    assert found == [("mypkg/build.py", 1), ("tests/test_web.py", 1)]  # not a test: it runs anywhere
    # a marker that leaves the target out installs nothing there
    project.write("test-requirements.txt", "setuptools; python_version < '3.12'\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # pyproject's test extra or dependency group; the backport named as a distribution (legacy-cgi)
    project.write("test-requirements.txt", "pytest\n")
    project.write("pyproject.toml", "[project]\nname = 'p'\n[project.optional-dependencies]\n"
                                    "test = ['legacy_cgi; python_version >= \"3.13\"']\n"
                                    "[dependency-groups]\ntests = ['setuptools']\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("mypkg/build.py", 1)]
    # the project's own dependencies: every file of it runs with them installed, tests or not
    # (setuptools-scm 10.3; setuptools' distutils-precedence.pth provides distutils to build.py too)
    project.write("pyproject.toml", "[project]\nname = 'p'\ndependencies = ['setuptools', 'packaging']\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("tests/test_web.py", 1)]


def test_a_project_runs_with_what_its_setup_files_install(project):
    # WebOb 1.8.11: setup.py's install_requires has "legacy-cgi>=2.6; python_version>='3.13'", and
    # src/webob/compat.py does from cgi import parse_header (on the real 3.13 with legacy-cgi: imports)
    project.write("src/webob/compat.py", "from cgi import parse_header\nimport imp\n")
    project.write("tests/test_request.py", "import cgi\n")
    setup = "from setuptools import setup\nsetup(name='WebOb', install_requires=[{}])\n"
    project.write("setup.py", setup.format(""))
    everything = [("src/webob/compat.py", 1), ("src/webob/compat.py", 2), ("tests/test_request.py", 1)]
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("setup.py", setup.format("\"legacy-cgi>=2.6; python_version>='3.13'\""))
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("src/webob/compat.py", 2)]
    assert [(f["path"], f["line"]) for f in project.check_json(".", target="3.12")["findings"]] == [
        ("src/webob/compat.py", 2)]  # imp is gone on 3.12 already; cgi is still there
    project.write("setup.py", setup.format("\"legacy-cgi; python_version<'3.13'\""))
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # setup.cfg's [options] install_requires
    project.write("setup.py", "from setuptools import setup\nsetup()\n")
    project.write("setup.cfg", "[metadata]\nname = WebOb\n[options]\ninstall_requires =\n    legacy-cgi\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("src/webob/compat.py", 2)]


def test_a_backport_brings_the_backports_it_requires(project):
    # audioread 3.1.0 requires standard-aifc and standard-sunau from 3.13, whose wheels require
    # audioop-lts (and standard-chunk) there: its rawread.py's import aifc, audioop, sunau all work on
    # the real 3.13 with what pip installs; asynchat and asyncore from standard-smtpd's requirements
    project.write("audioread/rawread.py", "import aifc\nimport audioop\nimport sunau\nimport chunk\nimport asyncore\n")
    project.write("pyproject.toml", "[project]\nname = 'audioread'\ndependencies = [{}]\n")
    found = lambda: [(f["path"], f["line"]) for f in project.check_json(".")["findings"]]
    project.write("pyproject.toml", "[project]\nname = 'audioread'\ndependencies = []\n")
    assert found() == [("audioread/rawread.py", line) for line in (1, 2, 3, 4, 5)]
    project.write("pyproject.toml", "[project]\nname = 'audioread'\ndependencies = ["
                                    "'standard-aifc; python_version >= \"3.13\"']\n")
    assert found() == [("audioread/rawread.py", 3), ("audioread/rawread.py", 5)]  # sunau, asyncore: not brought
    project.write("pyproject.toml", "[project]\nname = 'audioread'\ndependencies = ['standard-sunau', 'standard-smtpd']\n")
    assert found() == [("audioread/rawread.py", 1), ("audioread/rawread.py", 4)]  # aifc and chunk are not


def test_requirements_an_sdists_egg_info_says_it_installs(project):
    # modulegraph 0.19.7 (sdist): its PKG-INFO (Metadata-Version 2.1) has no Requires-Dist, its
    # setup.py reads them from a key of its own in setup.cfg, and setuptools wrote them to
    # modulegraph.egg-info/requires.txt: altgraph, setuptools.  Its tests' import
    # distutils.sysconfig, distutils.ccompiler and from distutils.spawn import find_executable work
    # on the real 3.13 with the wheels of modulegraph and its requirements installed (setuptools'
    # distutils-precedence.pth), and fail there without setuptools
    project.write("setup.py", "from setuptools import setup\nsetup()\n")
    project.write("PKG-INFO", "Metadata-Version: 2.1\nName: modulegraph\nVersion: 0.19.7\n")
    project.write("modulegraph_tests/test_imports.py", "import distutils.sysconfig\n"
                                                       "from distutils.spawn import find_executable\n")
    everything = [("modulegraph_tests/test_imports.py", 1), ("modulegraph_tests/test_imports.py", 2)]
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # only in an extra, or under a marker the target does not meet: not installed there
    project.write("modulegraph.egg-info/requires.txt", "altgraph>=0.17\n\n[:python_version < \"3.12\"]\n"
                                                       "setuptools\n\n[docs]\nsetuptools\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("modulegraph.egg-info/requires.txt", "altgraph>=0.17\nsetuptools\n")
    assert project.check_json(".")["findings"] == []
    project.write("modulegraph.egg-info/requires.txt", "altgraph\n\n[:python_version >= \"3.12\"]\nsetuptools\n")
    assert project.check_json(".")["findings"] == []


def test_test_requirements_tox_installs(project):
    # modulegraph2 2.3's tox.ini: [testenv] deps = coverage, setuptools, ...; its
    # testsuite/test_virtualenv_support.py does import distutils (setuptools' distutils on the
    # real 3.13, as modulegraph's tests above)
    project.write("pyproject.toml", "[project]\nname = 'modulegraph2'\nrequires-python = '>=3.10'\n")
    project.write("testsuite/test_virtualenv_support.py", "import distutils\n")
    project.write("modulegraph2/build.py", "import distutils\n")
    project.write("tox.ini", "[tox]\nenvlist = py313\n\n[testenv]\ncommands = python -m unittest\ndeps =\n"
                             "   coverage\n   py312: setuptools\n   {[base]deps}\n\n[testenv:docs]\ndeps = setuptools\n")
    everything = [("modulegraph2/build.py", 1), ("testsuite/test_virtualenv_support.py", 1)]
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("tox.ini", "[tox]\nenvlist = py313\n\n[testenv]\ndeps =\n   coverage\n   setuptools\n")
    # the tests run with it; the package's own module does not
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything[:1]
    # coverage 4.5.4's tox.ini pins setuptools==35.0.2, which has no distutils of its own: from 66.1.0
    # on the real 3.13 (docker 5.0.3's test-requirements.txt: setuptools==54.1.1, ModuleNotFoundError)
    project.write("tox.ini", "[tox]\nenvlist = py313\n\n[testenv]\ndeps =\n   # comment\n   -rrequirements.pip\n"
                             "   setuptools==35.0.2\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("tox.ini", "[tox]\nenvlist = py313\n\n[testenv]\ndeps =\n   setuptools>=35, <70\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything[:1]
    project.write("tox.ini", "[tox]\nenvlist = py313\n\n[testenv]\ndeps =\n   setuptools~=65.5\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # rdiff-backup 2.2.7's deps = -r{toxinidir}/requs/base.txt (setuptools<70; its
    # testing/rdiffbackupdeletetest.py does from distutils import spawn): the files the deps name
    # with -r are read, relative to tox.ini's directory; one pinning setuptools==54.1.1, or not
    # there, provides nothing
    project.write("requs/base.txt", "#--- mandatory ---\n\nsetuptools<70\nPyYAML  # for rdiff-backup >= 2.1\n")
    project.write("requs/old.txt", "setuptools==54.1.1\n")
    for deps, found in (("-r{toxinidir}/requs/old.txt", everything), ("-r{toxinidir}/requs/base.txt", everything[:1]),
                        ("-r requs/base.txt", everything[:1]), ("-rrequs/base.txt", everything[:1])):
        project.write("tox.ini", f"[tox]\nenvlist = py313\n\n[testenv]\ndeps = {deps}\n"
                                 "       -r{toxinidir}/requs/optional.txt\n")
        assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == found, deps


def test_requirements_read_from_files_the_build_names(project):
    # pbr 7.1.3 (sdist): import distutils.errors in pbr/git.py fails on the real 3.13 unless
    # setuptools is installed (its distutils-precedence.pth), which PKG-INFO's Requires-Dist says
    # the release installs; OpenStack's setup(setup_requires=['pbr'], pbr=True) takes them from
    # requirements.txt, setuptools' [tool.setuptools.dynamic] from the files it names
    project.write("pkg/git.py", "import distutils.errors\n")
    project.write("pkg/tests/fixture/setup.py", "import setuptools\nsetuptools.setup(pbr=True)\n")
    project.write("pkg/tests/fixture/hooks.py", "from distutils.command import build_py\n")
    project.write("pyproject.toml", "[project]\nname = 'p'\ndynamic = ['dependencies']\n")
    everything = [("pkg/git.py", 1), ("pkg/tests/fixture/hooks.py", 1)]
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # the description after the headers is not read; nor a requirement whose marker excludes the target
    project.write("PKG-INFO", "Metadata-Version: 2.1\nName: p\nRequires-Dist: setuptools; python_version < '3.12'\n"
                              "\nRequires-Dist: setuptools\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    # the fixture project inside the tests runs in the outer project's environment
    project.write("PKG-INFO", "Metadata-Version: 2.1\nName: p\nRequires-Dist: setuptools\n")
    assert project.check_json(".")["findings"] == []
    (project.root / "PKG-INFO").unlink()
    project.write("pyproject.toml", "[project]\nname = 'p'\ndynamic = ['dependencies']\n"
                                    "[tool.setuptools.dynamic]\ndependencies = {file = ['requirements/base.in']}\n")
    project.write("requirements/base.in", "# the runtime\nsetuptools>=64  # distutils\n")
    assert project.check_json(".")["findings"] == []
    (project.root / "pyproject.toml").unlink()
    project.write("setup.py", "import setuptools\nsetuptools.setup(setup_requires=['pbr>=2.0.0'], pbr=True)\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == everything
    project.write("requirements.txt", "-r extra.txt\nsetuptools\n")
    assert project.check_json(".")["findings"] == []


def test_a_windows_only_modules_backport_required_on_windows(project):
    # cx_Freeze 8.7.3's pyproject.toml: "python-msilib>=0.4.1 ;sys_platform == 'win32' and
    # python_version >= '3.13'"; cx_Freeze/command/_pydialog.py does from msilib import Control,
    # Dialog (msilib existed only on Windows; python-msilib 0.7.3's Windows wheels ship it)
    project.write("cx/_pydialog.py", "from msilib import Control, Dialog\nimport cgi\n")
    pyproject = "[project]\nname = 'cx'\nversion = '1'\ndependencies = [{}]\n"
    project.write("pyproject.toml", pyproject.format(
        "\"python-msilib>=0.4.1 ;sys_platform == 'win32' and python_version >= '3.13'\""))
    assert [(f["line"], f["api"]) for f in project.check_json(".")["findings"]] == [(2, "cgi")]
    project.write("pyproject.toml", pyproject.format("\"python-msilib; sys_platform == 'linux'\""))
    assert [(f["line"], f["api"]) for f in project.check_json(".")["findings"]] == [(1, "msilib"), (2, "cgi")]


BUILD_EXT = """\
import sys
from distutils import log
_module = sys.modules.get('setuptools.command.build_ext')
if _module is None:
    try:
        import distutils.command.build_ext as _module
    except ImportError:
        try:
            import setuptools.command.build_ext as _module
        except ImportError:
            raise ImportError("'distutils' cannot be imported. Please install setuptools.")
_base = getattr(_module, 'build_ext', None)
if _base is None:
    from distutils.command.build_ext import build_ext as _base

def newer(a, b):
    from distutils.dep_util import newer
    return newer(a, b)
"""


def test_a_package_whose_init_imports_the_backport_itself(project):
    # py2app 0.28.10's __init__.py: import setuptools at its top ("makes the py2app command work"),
    # so py2app/util.py's from distutils import log runs only where setuptools imported (on the real
    # 3.13 without setuptools: import py2app.util fails in __init__, with it: imports)
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("pkg/__init__.py", '"""doc"""\nimport setuptools  # noqa: F401\n\n__version__ = "1"\n')
    project.write("pkg/util.py", "import os\nfrom distutils import log\n")
    project.write("pkg/sub/__init__.py", "from setuptools import Command\n")
    project.write("pkg/sub/cmd.py", "import distutils.errors\n")
    assert project.check_json(".")["findings"] == []
    # a test module importing the package first gets it too (py2app 0.28.10's py2app_tests/
    # test_basic_app.py: import py2app, then from distutils.sysconfig import get_config_var)
    project.write("tests/test_app.py", "import sys\nimport pkg\nfrom distutils.sysconfig import get_config_var\n")
    project.write("tests/test_other.py", "import sys\nimport other\nfrom distutils.sysconfig import get_config_var\n")
    project.write("other.py", "import os\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [("tests/test_other.py", 3)]
    (project.root / "tests" / "test_other.py").unlink()
    # under a try whose handler goes on, it may not have run
    project.write("pkg/__init__.py", "")
    project.write("pkg/sub/__init__.py", "try:\n    import setuptools\nexcept ImportError:\n    pass\n")
    assert [(f["path"], f["line"]) for f in project.check_json(".")["findings"]] == [
        ("pkg/sub/cmd.py", 1), ("pkg/util.py", 2), ("tests/test_app.py", 3)]


def test_a_module_that_has_its_backport_on_every_path_past_a_point(project):
    # Cython 3.3's Distutils/build_ext.py and the package importing it first: on the real 3.13,
    # without setuptools the package raises its own ImportError, and with setuptools (even only on
    # PYTHONPATH) every module of it imports
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("pkg/Distutils/__init__.py", "from pkg.Distutils.build_ext import build_ext\n"
                                               "from pkg.Distutils.extension import Extension\n")
    project.write("pkg/Distutils/build_ext.py", BUILD_EXT)
    project.write("pkg/Distutils/extension.py", "import distutils.extension as _Extension\n")
    project.write("pkg/Distutils/old.py", "from distutils import sysconfig\n")
    project.write("pkg/__init__.py")
    found = project.check_json("pkg", "--dead-compat")["findings"]
    # before the setuptools fallback: reported; the try's own import is the fallback's other side
    assert [(f["path"], f["line"], f["context"]) for f in found] == [
        ("pkg/Distutils/build_ext.py", 2, None), ("pkg/Distutils/build_ext.py", 6, "fallback")]
    # the __init__ imports a module of its own before the one that provides: that one runs first
    project.write("pkg/Distutils/__init__.py", "from pkg.Distutils.extension import Extension\n"
                                               "from pkg.Distutils.build_ext import build_ext\n")
    assert [(f["path"], f["line"]) for f in project.check_json("pkg")["findings"]] == [
        ("pkg/Distutils/build_ext.py", 2), ("pkg/Distutils/extension.py", 1)]
    # a plain import of the removed module is what breaks, and so is more of it after
    project.write("plain.py", "import distutils.core\nfrom distutils.errors import DistutilsError\n"
                              "def f():\n    from distutils import log\n")
    assert [f["line"] for f in project.check_json("plain.py")["findings"]] == [1, 2, 4]
    # both sides must provide: a handler that only passes leaves the module running without it
    project.write("half.py", "try:\n    import setuptools\nexcept ImportError:\n    pass\n"
                             "from distutils.errors import DistutilsError\n")
    assert [f["line"] for f in project.check_json("half.py")["findings"]] == [5]
    # an import of the backport in a function provides nothing at the top level
    project.write("late.py", "try:\n    import distutils.core\nexcept ImportError:\n    raise\n"
                             "def f():\n    import setuptools\nfrom distutils.errors import DistutilsError\n")
    assert [f["line"] for f in project.check_json("late.py")["findings"]] == [2, 7]


def test_a_package_whose_init_refuses_the_target_is_not_reached(project):
    # the way a package is kept for older Pythons only: importing any of its modules raises first
    project.write("legacy/__init__.py", """\
        import sys
        if sys.version_info >= (3, 14):
            raise ImportError("legacy is not available from Python 3.14 onwards")
        """)
    project.write("legacy/loader.py", "import imp\n")
    project.write("legacy/sub/__init__.py")
    project.write("legacy/sub/more.py", "import imp\n")
    project.write("py2only/__init__.py", "import sys\nPY3 = sys.version_info[0] == 3\nif PY3:\n    sys.exit('Python 2 only')\n")
    project.write("py2only/mod.py", "import imp\n")
    project.write("fine/__init__.py", "import sys\nif sys.version_info < (3, 9):\n    raise ImportError('too old')\n")
    project.write("fine/mod.py", "import imp\n")
    on_313 = {f["path"] for f in project.check_json(".", target="3.13")["findings"]}
    assert on_313 == {"legacy/loader.py", "legacy/sub/more.py", "fine/mod.py"}  # legacy still imports on 3.13
    on_314 = {f["path"] for f in project.check_json(".", target="3.14")["findings"]}
    assert on_314 == {"fine/mod.py"}
    shown = project.check_json("--dead-compat", ".", target="3.14")["findings"]
    assert {(f["path"], f["context"]) for f in shown} == {
        ("legacy/loader.py", "refused"), ("legacy/sub/more.py", "refused"), ("py2only/mod.py", "refused"),
        ("fine/mod.py", None)}


def test_a_setup_py_is_run_through_setuptools_backend(project):
    # Cython 3.3's Demos/setup.py: `from distutils.core import setup`; pip runs a setup.py through
    # setuptools.build_meta(:__legacy__), which imports setuptools (and its distutils) first
    setup = "from distutils.core import setup\nsetup(name='demo')\n"
    project.write("demo/setup.py", setup)
    project.write("legacy/setup.py", setup)
    project.write("legacy/pyproject.toml", '[build-system]\nrequires = ["setuptools"]\n'
                                           'build-backend = "setuptools.build_meta"\n')
    project.write("meson/setup.py", setup)  # another backend: not run through setuptools'
    project.write("meson/pyproject.toml", '[build-system]\nbuild-backend = "custom"\n')
    project.write("demo/Setup.py", setup)  # run by hand
    found = {f["path"] for f in project.check_json(".")["findings"]}
    assert found == {"meson/setup.py", "demo/Setup.py"}


def test_a_setup_py_beside_a_backend_that_never_runs_one_is_dead(project):
    # arrow 1.4.0's sdist: "setup.py generated by flit for tools that don't yet use PEP 517" does
    # `from distutils.core import setup`, beside a pyproject.toml naming flit_core.buildapi: no
    # build frontend runs it (pip builds with flit_core), only a hand-run would
    setup = "from distutils.core import setup\nsetup(name='demo')\n"
    project.write("setup.py", setup)
    project.write("pyproject.toml", '[build-system]\nrequires = ["flit_core >=3.2,<4"]\n'
                                    'build-backend = "flit_core.buildapi"\n')
    assert project.check_json(".")["findings"] == []
    shown = project.check_json("--dead-compat", ".")["findings"]
    assert [(f["path"], f["context"], f["fix"]) for f in shown] == [("setup.py", "not-run", None)]
    # a backend from the project's own tree may wrap setuptools' and run it (Pillow's "backend")
    project.write("pyproject.toml", '[build-system]\nbuild-backend = "flit_core.buildapi"\nbackend-path = ["_b"]\n')
    assert [f["path"] for f in project.check_json(".")["findings"]] == ["setup.py"]


def test_a_module_a_setup_py_imports_gets_setuptools_from_its_backend(project):
    # pycryptodomex 3.24.2: setup.py imports setuptools in a try whose fallback imports distutils,
    # then compiler_opt.py, which imports distutils; pip runs setup.py through setuptools.build_meta,
    # which imported setuptools (and installed its distutils) first
    setup = ("try:\n    from setuptools import setup\nexcept ImportError:\n    from distutils.core import setup\n"
             "from compiler_opt import flags\n")
    project.write("setup.py", setup)
    project.write("compiler_opt.py", HELPER + "flags = []\n")
    assert project.check_json(".")["findings"] == []
    project.write("pyproject.toml", '[build-system]\nbuild-backend = "mesonpy"\n')  # not run by setuptools
    assert {f["path"] for f in project.check_json(".")["findings"]} == {"compiler_opt.py"}
    project.write("pyproject.toml", '[build-system]\nbuild-backend = "setuptools.build_meta"\n')
    project.write("tools/run.py", "import compiler_opt\n")  # imported without setuptools too
    assert {f["path"] for f in project.check_json(".")["findings"]} == {"compiler_opt.py"}


def test_a_module_a_setup_py_imports_gets_setuptools_its_build_installs(project):
    # mpi4py 4.1.2: an in-tree backend (conf/builder.py) whose pyproject.toml requires setuptools
    # >= 42; setup.py imports conf/mpidistutils.py (from distutils import log, sysconfig) inside its
    # functions.  The build installs setuptools, whose distutils-precedence.pth serves distutils:
    # on the real 3.13 with setuptools 84.2.1's wheel added as a site dir, mpidistutils imports
    project.write("setup.py", "import os, sys\nsys.path.insert(0, 'conf')\n\ndef extensions():\n"
                              "    import mpidistutils\n    return []\n")
    project.write("conf/mpidistutils.py", "from distutils import log, sysconfig\nlog.info('x')\n")
    build = '[build-system]\nrequires = [{}"build"]\nbuild-backend = "builder"\nbackend-path = ["conf"]\n'
    project.write("pyproject.toml", build.format('"setuptools >= 42", '))
    assert project.check_json(".")["findings"] == []
    # setuptools not installed by the build, or only in versions without distutils (before 66.1)
    for requires in ("", '"setuptools < 60", ', '"setuptools >= 42; python_version < \'3.12\'", '):
        project.write("pyproject.toml", build.format(requires))
        assert {f["path"] for f in project.check_json(".")["findings"]} == {"conf/mpidistutils.py"}, requires


def test_a_module_imported_only_by_modules_imported_after_setuptools(project):
    # xmlsec 1.3.17: setup.py imports setuptools, then build_support/build_ext.py (setuptools'
    # build_ext first), which imports static_build.py (`from distutils.errors import ...`), which
    # imports releases.py (`from distutils import log`): each runs with setuptools' distutils
    project.write("setup.py", "from setuptools import setup\nfrom build_support.build_ext import build_ext\n")
    project.write("build_support/__init__.py")
    project.write("build_support/build_ext.py", "from setuptools.command.build_ext import build_ext as b\n"
                                                "from .static_build import Helper\n")
    project.write("build_support/static_build.py", HELPER + "from .releases import latest\nclass Helper: pass\n")
    project.write("build_support/releases.py", HELPER + "def latest(): pass\n")
    assert project.check_json(".")["findings"] == []
    # the chain imported once without setuptools first: each module below it may run without it
    project.write("tools/list.py", "import build_support.static_build\n")
    assert {f["path"] for f in project.check_json(".")["findings"]} == {
        "build_support/static_build.py", "build_support/releases.py"}
    project.write("tools/list.py", "")
    # two modules importing each other: a chain coming back to a module being asked proves nothing
    project.write("build_support/build_ext.py", "from .static_build import Helper\n")
    project.write("build_support/static_build.py", HELPER + "from .releases import latest\nfrom . import build_ext\n"
                                                   "class Helper: pass\n")
    assert {f["path"] for f in project.check_json(".")["findings"]} == {
        "build_support/static_build.py", "build_support/releases.py"}


MESON_PKG = """\
    pure_subdirs = ['core', 'both']
    if py.version().version_compare('<3.12')
      pure_subdirs += 'legacy'
      pure_subdirs += 'both'
    endif
    foreach subdir: pure_subdirs
      install_subdir(subdir, install_dir: py.get_install_dir() / 'pkg')
    endforeach
    """


def test_a_directory_the_build_installs_only_for_older_pythons(project):
    # numpy 2.3's numpy/meson.build installs numpy/distutils only for Python < 3.12: its cp313
    # wheel holds no numpy/distutils
    project.write("pyproject.toml", '[build-system]\nbuild-backend = "mesonpy"\nrequires = ["meson-python"]\n')
    project.write("meson.build", "project('pkg', 'c')\npy = import('python').find_installation(pure: false)\n"
                                 "subdir('pkg')\n")
    project.write("pkg/meson.build", MESON_PKG)
    for name in ("core", "legacy", "both"):
        project.write(f"pkg/{name}/__init__.py")
        project.write(f"pkg/{name}/mod.py", "import imp\n")
    project.write("pkg/legacy/sub/__init__.py")
    project.write("pkg/legacy/sub/deep.py", "import imp\n")
    found = {f["path"] for f in project.check_json(".", target="3.12")["findings"]}
    assert found == {"pkg/core/mod.py", "pkg/both/mod.py"}  # both: installed outside the condition too
    shown = project.check_json("--dead-compat", ".", target="3.12")["findings"]
    assert {f["path"] for f in shown if f["context"] == "not-installed"} == {"pkg/legacy/mod.py",
                                                                            "pkg/legacy/sub/deep.py"}
    # built by another backend, meson.build is not what installs it
    project.write("pyproject.toml", '[build-system]\nbuild-backend = "setuptools.build_meta"\n')
    assert len(project.check_json(".", target="3.12")["findings"]) == 4


def test_a_source_root_setup_py_picks_for_python_2(project):
    # httplib2 0.12.0's setup.py: pkgdir = {"": "python%s" % sys.version_info[0]}; its python2/
    # (import httplib) is never installed on a Python 3, its python3/ imports on the real 3.13
    setup = """\
        import sys
        import setuptools
        pkgdir = {"": "python%s" % sys.version_info[0]}
        setuptools.setup(name="pkg", package_dir=pkgdir, packages=["pkg"])
        """
    project.write("setup.py", setup)
    project.write("python2/pkg/__init__.py", "import httplib\n")
    project.write("python3/pkg/__init__.py", "import http.client\nimport imp\n")
    assert {f["path"] for f in project.check_json(".")["findings"]} == {"python3/pkg/__init__.py"}
    shown = project.check_json("--dead-compat", ".")["findings"]
    assert [(f["path"], f["context"]) for f in shown if f["context"]] == [("python2/pkg/__init__.py", "not-installed")]
    for spelled in ('f"python{sys.version_info.major}"', '"python" + str(sys.version_info[0])',
                    '"python2" if sys.version_info < (3,) else "python3"',
                    # PyYAML 3.12's setup.py: package_dir={'': {2: 'lib', 3: 'lib3'}[sys.version_info[0]]}
                    "{2: 'python2', 3: 'python3'}[sys.version_info[0]]"):
        project.write("setup.py", setup.replace('"python%s" % sys.version_info[0]', spelled))
        assert {f["path"] for f in project.check_json(".")["findings"]} == {"python3/pkg/__init__.py"}, spelled
    # one root for every Python: what it holds is installed; so is a root picked by a key not written
    project.write("setup.py", setup.replace('"python%s" % sys.version_info[0]', "{2: 'python2'}[sys.version_info[0]]"))
    assert len(project.check_json(".")["findings"]) == 2
    project.write("setup.py", setup.replace('"python%s" % sys.version_info[0]', '"python2"'))
    assert {f["path"] for f in project.check_json(".")["findings"]} == {"python2/pkg/__init__.py",
                                                                       "python3/pkg/__init__.py"}


def test_a_cached_verdict_is_dropped_when_a_file_it_read_changes(project):
    import json
    import time

    def findings():
        code, out, err = project.run("check", "--format", "json", "--cache-dir", str(project.root / ".cache"),
                                     "--target-version", "3.13", ".")
        assert code in (0, 1), err
        return sorted(f["path"] for f in json.loads(out)["findings"])

    project.write("pyproject.toml", "[project]\nname = 'fmt'\n")
    project.write("tests/data/cases/function.py", data=PY2_CASE.encode())
    project.write("tests/test_format.py", "import os\n")
    project.write("setup.py", "import setuptools\nimport _patch\n")
    project.write("_patch.py", HELPER)
    project.write("legacy/__init__.py", "import sys\nif sys.version_info >= (3, 12):\n    raise ImportError('old')\n")
    project.write("legacy/mod.py", "import imp\n")
    assert findings() == [] and findings() == []  # cold, then warm
    time.sleep(0.01)
    project.write("tests/test_format.py", "import os\nimport sys\nsys.path.insert(0, 'data/cases')\nimport function\n")
    project.write("tools.py", "import _patch\n")  # a new importer without setuptools
    project.write("legacy/__init__.py", "import sys\n")
    assert findings() == ["_patch.py", "legacy/mod.py", "tests/data/cases/function.py"]


DEAD_FOR_FIX = {
    "pyproject.toml": "[project]\nname = 'pkg'\nrequires-python = '>=3.8'\n"
                      "[build-system]\nbuild-backend = 'mesonpy'\nrequires = ['meson-python']\n",
    "meson.build": "project('pkg', 'c')\npy = import('python').find_installation(pure: false)\nsubdir('lib')\n",
    "lib/meson.build": "if py.version().version_compare('<3.12')\n"
                       "  install_subdir('old', install_dir: py.get_install_dir() / 'lib')\nendif\n",
    "lib/old/__init__.py": "",
    "lib/old/mod.py": "import base64\nbase64.decodestring(b'')\n",
    "legacy/__init__.py": "import sys\nif sys.version_info >= (3, 9):\n    raise ImportError('old only')\n",
    "legacy/mod.py": "import base64\nbase64.decodestring(b'')\n",
    "pkg/__init__.py": "from pkg import _facade\n",
    "pkg/_facade.py": "import base64\nimport sys\nif sys.version_info >= (3, 6):\n    from pkg._new import f\n"
                      "else:\n    from pkg._old import f\n\n\ndef _legacy():\n    return base64.decodestring(b'')\n\n\n"
                      "def g():\n    if sys.version_info < (3, 6):\n        return _legacy()\n    return 1\n",
    "pkg/_new.py": "def f():\n    pass\n",
    "pkg/_old.py": "import base64\n\n\ndef f():\n    return base64.decodestring(b'')\n",
    "tests/test_old.py": "import base64\nimport sys\nimport unittest\n\n\nclass T(unittest.TestCase):\n"
                         "    @unittest.skipIf(sys.version_info >= (3, 9), 'old only')\n    def test_skipped(self):\n"
                         "        base64.decodestring(b'')\n\n    def test_expected(self):\n"
                         "        with self.assertRaises(AttributeError):\n            base64.decodestring(b'')\n",
    "tools/gone.py": "import base64\n\n\ndef gone():\n    return base64.decodestring(b'')\n\n\ndel gone\n",
}


def test_fix_leaves_code_that_runs_only_on_older_pythons_or_expects_the_failure(project):
    """Asked for dead code, check showed [*] and fix rewrote code that runs only on the other
    Pythons the project supports (a package refusing the target, a directory the build installs
    only before 3.12, a module imported or a private
    function called only before 3.6, a test skipped from 3.9) and the call a test expects to fail
    (the test then failed).  A function deleted before anything calls it never runs anywhere:
    its fix changes nothing, and is kept."""
    for name, text in DEAD_FOR_FIX.items():
        project.write(name, text)
    shown = project.check_json("--dead-compat", ".")["findings"]
    assert sorted((f["path"], f["context"], f["fix"]) for f in shown) == [
        ("legacy/mod.py", "refused", None), ("lib/old/mod.py", "not-installed", None),
        ("pkg/_facade.py", "uncalled", None),
        ("pkg/_old.py", "unreached", None), ("tests/test_old.py", "expected", None),
        ("tests/test_old.py", "skipped", None), ("tools/gone.py", "deleted", "safe")]
    assert all("(no automatic fix: " in f["message"] for f in shown if f["fix"] is None)
    code, out, err = project.run("check", "--no-cache", "--target-version", "3.13", "--dead-compat", ".")
    assert out.count("[*]") == 2, out  # the deleted function's finding, and the summary
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--dead-compat", ".")
    for name, text in DEAD_FOR_FIX.items():
        now = (project.root / name).read_text()
        assert now == (text.replace("decodestring", "decodebytes") if name == "tools/gone.py" else text), (name, err)


def test_a_directory_pytest_is_told_to_ignore(project):
    # httplib2 0.32's setup.cfg: addopts = --ignore=tests/_TODO_legacy/ (its Python 2 tests)
    project.write("setup.cfg", "[tool:pytest]\naddopts =\n\t--ignore=tests/legacy/\n\t--strict-markers\n")
    project.write("tests/__init__.py")
    project.write("tests/legacy/__init__.py")
    project.write("tests/legacy/miniserver.py", "import ssl\n\ndef serve(s):\n    return ssl.wrap_socket(s)\n")
    project.write("tests/legacy/test_old.py", "import unittest\nfrom tests.legacy import miniserver\n\n"
                                              "class T(unittest.TestCase):\n    def test(self):\n"
                                              "        self.assertEquals(1, 1)\n")
    project.write("tests/legacy/run_old.py", "import imp\n\nif __name__ == '__main__':\n    pass\n")

    def found():
        return sorted((f["path"], f["context"]) for f in project.check_json(".", "--dead-compat")["findings"])

    assert found() == [("tests/legacy/miniserver.py", "test-data"), ("tests/legacy/run_old.py", None),
                       ("tests/legacy/test_old.py", "test-data")]
    # imported from a test pytest collects: it runs
    project.write("tests/test_new.py", "from tests.legacy.miniserver import serve\n")
    assert found() == [("tests/legacy/miniserver.py", None), ("tests/legacy/run_old.py", None),
                       ("tests/legacy/test_old.py", "test-data")]
    # pyproject's ini_options (a list), which pytest reads before setup.cfg
    project.write("tests/test_new.py", "")
    project.write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = ['--ignore', 'tests/legacy']\n")
    project.write("setup.cfg", "")
    assert found() == [("tests/legacy/miniserver.py", "test-data"), ("tests/legacy/run_old.py", None),
                       ("tests/legacy/test_old.py", "test-data")]
    project.write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = '-ra'\n")
    assert found() == [("tests/legacy/miniserver.py", None), ("tests/legacy/run_old.py", None),
                       ("tests/legacy/test_old.py", None)]
