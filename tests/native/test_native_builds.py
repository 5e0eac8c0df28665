"""Sources the project's build never compiles on the target: a setup.py that declares an extension
only for other Pythons, Cython's test runner leaving a test out there.  Their findings are dead
compatibility code (context ``not-built``), reported only with ``--dead-compat``."""

import json

PY2_MODULE = """\
#include <Python.h>
static PyMethodDef methods[] = {{NULL, NULL, 0, NULL}};
PyMODINIT_FUNC init_legacy(void) { Py_InitModule3("_legacy", methods, "doc"); }
"""
RAISER = "#include <Python.h>\nstatic PyObject *f(PyObject *o) { return PyCObject_FromVoidPtr(o, NULL); }\n"
# Twisted 18.9's src/twisted/python/_setup.py, which its setup.py reads and exec()s
TWISTED_SETUP = """\
import sys
from setuptools import Extension

if sys.version_info < (3, 0):
    _PY3 = False
else:
    _PY3 = True
_isCPython = sys.implementation.name == "cpython"


class ConditionalExtension(Extension, object):
    def __init__(self, *args, **kwargs):
        self.condition = kwargs.pop("condition", lambda builder: True)
        Extension.__init__(self, *args, **kwargs)


_EXTENSIONS = [
    ConditionalExtension(
        "pkg.raiser",
        sources=["src/pkg/raiser.c"],
        condition=lambda _: _isCPython),

    ConditionalExtension(
        "pkg._legacy",
        sources=["src/pkg/_legacy.c"],
        condition=lambda _: not _PY3 and sys.platform != "win32"),
    ]
"""
TWISTED_SETUP_PY = """\
import setuptools
_setup = {}
with open('src/pkg/_setup.py') as f:
    exec(f.read(), _setup)
setuptools.setup(ext_modules=_setup["_EXTENSIONS"])
"""


def check(project, *args, target="3.13"):
    doc = project.check_json(*args, ".", target=target)
    assert doc["errors"] == []
    return sorted((f["path"], f["api"], f["severity"], f["context"]) for f in doc["findings"])


def twisted_like(project):
    project.write("setup.py", TWISTED_SETUP_PY)
    project.write("src/pkg/_setup.py", TWISTED_SETUP)
    project.write("src/pkg/_legacy.c", PY2_MODULE)
    project.write("src/pkg/raiser.c", RAISER)


def test_an_extension_declared_with_a_condition_false_on_python_3(project):
    twisted_like(project)
    assert check(project) == [("src/pkg/raiser.c", "PyCObject_FromVoidPtr", "error", None)]
    shown = project.check_json("--dead-compat", "src/pkg/_legacy.c")["findings"]
    assert [(f["api"], f["severity"], f["context"]) for f in shown] == [("Py_InitModule3", "warning", "not-built")]
    assert "not built on 3.13 (src/pkg/_setup.py:26)" in shown[0]["message"]
    assert shown[0]["fix"] is None


def test_an_extension_declared_without_a_condition_stays_reported(project):
    twisted_like(project)
    project.write("src/pkg/_setup.py", TWISTED_SETUP.replace("condition=lambda _: not _PY3 and", "condition=lambda _:"))
    assert ("src/pkg/_legacy.c", "Py_InitModule3", "error", None) in check(project)
    # an extension written for Python 2 and declared with no condition: what breaks on Python 3
    project.write("src/pkg/_setup.py", TWISTED_SETUP.replace(
        "condition=lambda _: not _PY3 and sys.platform != \"win32\"", "libraries=[]"))
    assert ("src/pkg/_legacy.c", "Py_InitModule3", "error", None) in check(project)


def test_no_build_declaration_keeps_it_reported(project):
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("src/pkg/_legacy.c", PY2_MODULE)
    assert check(project) == [("src/pkg/_legacy.c", "Py_InitModule3", "error", None)]


def test_an_extension_appended_only_under_a_python_2_flag(project):
    # simplejson-style setup.py, but the speedups only for Python 2
    project.write("setup.py", """\
        import sys
        from setuptools import setup, Extension
        PY3 = sys.version_info[0] == 3
        ext_modules = []
        if not PY3:
            ext_modules.append(Extension("pkg._legacy", ["pkg/_legacy.c"]))
        setup(name="pkg", ext_modules=ext_modules)
        """)
    project.write("pkg/_legacy.c", PY2_MODULE)
    assert check(project) == []
    assert check(project, "--dead-compat") == [("pkg/_legacy.c", "Py_InitModule3", "warning", "not-built")]
    assert check(project, target="3.7") == []  # no Python 3 builds it
    # named on a line that runs on the target too: built there
    project.write("setup.py", project.root.joinpath("setup.py").read_text() + "DEPENDS = ['pkg/_legacy.c']\n")
    assert check(project) == [("pkg/_legacy.c", "Py_InitModule3", "error", None)]


def test_a_python_2_extension_in_an_undecided_branch_stays_reported(project):
    project.write("setup.py", """\
        import os
        from setuptools import setup, Extension
        ext = [Extension("pkg._legacy", ["pkg/_legacy.c"])] if os.environ.get("SPEEDUPS") else []
        setup(name="pkg", ext_modules=ext)
        """)
    project.write("pkg/_legacy.c", PY2_MODULE)
    assert check(project) == [("pkg/_legacy.c", "Py_InitModule3", "error", None)]


CST = """\
cdef extern from "parsetok.h":
    ctypedef struct perrdetail:
        pass
    void PyParser_SetError(perrdetail *err) except *

def fail():
    cdef perrdetail err
    PyParser_SetError(&err)
"""
# Cython 3.3's setup.py: Cython.Parser.ConcreteSyntaxTree is compiled only when pgen is found
PGEN_SETUP = """\
import os
from setuptools import setup, Extension

def compile_modules():
    compiled_modules = ["pkg.fast"]
    from shutil import which
    pgen = which('pgen', path=os.environ['PATH'])
    if not pgen:
        print("Unable to find pgen, not compiling formal grammar.")
    else:
        compiled_modules.extend([
                "pkg.Parser.ConcreteSyntaxTree",
            ])
    return [Extension(m, sources=[m.replace('.', '/') + '.pyx']) for m in compiled_modules]

setup(name="pkg", ext_modules=compile_modules())
"""


def test_a_module_compiled_only_when_a_tool_cpython_no_longer_ships_is_found(project):
    project.write("setup.py", PGEN_SETUP)
    project.write("pkg/Parser/ConcreteSyntaxTree.pyx", CST)
    project.write("pkg/fast.pyx", CST)
    assert check(project) == [("pkg/fast.pyx", "PyParser_SetError", "error", None)]
    assert ("pkg/Parser/ConcreteSyntaxTree.pyx", "PyParser_SetError", "warning", "not-built") in \
        check(project, "--dead-compat")
    # another tool: may be found on the target
    project.write("setup.py", PGEN_SETUP.replace("which('pgen'", "which('bison'"))
    assert ("pkg/Parser/ConcreteSyntaxTree.pyx", "PyParser_SetError", "error", None) in check(project)


FRAME = """\
# mode: run
cdef extern from "frameobject.h":
    ctypedef struct PyFrameObject:
        PyObject *f_locals

cdef int trace(PyObject* _traceobj, PyFrameObject* _frame, int what, PyObject* arg) except -1:
    if _frame.f_locals:
        return 1
    return 0
"""
# Cython 3.3's runtests.py
RUNTESTS = """\
import operator

VER_DEP_MODULES = {
    (3,11): (operator.lt, lambda x: x in [
        'run.test_except_star',
    ]),
    (3,12): (operator.ge, lambda x: x in [
        'run.py_unicode_strings',  # Py_UNICODE was removed
        'run.line_trace',  # test implementation broken by sys.monitoring
    ]),
}
"""


def test_a_test_the_runner_leaves_out_on_the_target(project):
    project.write("setup.py", "")
    project.write("runtests.py", RUNTESTS)
    project.write("tests/run/line_trace.pyx", FRAME)
    project.write("tests/run/other_trace.pyx", FRAME)
    assert [f[0] for f in check(project)] == ["tests/run/other_trace.pyx"]
    shown = project.check_json("--dead-compat", "tests/run/line_trace.pyx")["findings"]
    assert shown[0]["context"] == "not-built" and "(runtests.py:9)" in shown[0]["message"]
    assert [f[0] for f in check(project, target="3.11")] == ["tests/run/line_trace.pyx", "tests/run/other_trace.pyx"]
    # excluded only below 3.11: run on 3.13
    project.write("tests/run/test_except_star.pyx", FRAME)
    assert "tests/run/test_except_star.pyx" in [f[0] for f in check(project)]


def test_a_cached_verdict_follows_the_build_file(project):
    twisted_like(project)

    def paths():
        code, out, err = project.run("check", "--format", "json", "--cache-dir", str(project.root / ".cache"),
                                     "--target-version", "3.13", ".")
        assert code in (0, 1), err
        return sorted(f["path"] for f in json.loads(out)["findings"])

    assert paths() == ["src/pkg/raiser.c"]
    assert paths() == ["src/pkg/raiser.c"]  # warm
    project.write("src/pkg/_setup.py", TWISTED_SETUP.replace("condition=lambda _: not _PY3 and", "condition=lambda _:"))
    assert paths() == ["src/pkg/_legacy.c", "src/pkg/raiser.c"]


def test_a_header_or_pxi_only_unbuilt_sources_include(project):
    # compiled only as part of the sources including it: not built where none of them is
    twisted_like(project)
    project.write("src/pkg/_legacy.c", '#include "legacy.h"\n' + PY2_MODULE)
    project.write("src/pkg/inner.h", RAISER)
    project.write("src/pkg/legacy.h", '#include "inner.h"\n' + RAISER)
    assert check(project) == [("src/pkg/raiser.c", "PyCObject_FromVoidPtr", "error", None)]
    shown = project.check_json("--dead-compat", "src/pkg/inner.h")["findings"]
    assert [(f["severity"], f["context"]) for f in shown] == [("warning", "not-built")]
    assert "(included by legacy.h, included by _legacy.c, src/pkg/_setup.py:26)" in shown[0]["message"]
    # also included by a source that is built: what breaks
    project.write("src/pkg/raiser.c", '#include "inner.h"\n' + RAISER)
    assert ("src/pkg/inner.h", "PyCObject_FromVoidPtr", "error", None) in check(project)
    # Cython: a .pxi only a test the runner leaves out includes
    project.write("runtests.py", RUNTESTS)
    project.write("tests/run/line_trace.pyx", 'include "frames.pxi"\n')
    project.write("tests/run/frames.pxi", FRAME)
    assert "tests/run/frames.pxi" not in [f[0] for f in check(project)]
    assert "tests/run/frames.pxi" in [f[0] for f in check(project, target="3.11")]
    project.write("tests/run/other.pyx", 'include "frames.pxi"\n')
    assert "tests/run/frames.pxi" in [f[0] for f in check(project)]


FASTAVRO_SETUP = """\
from setuptools import setup, Extension
try:
    import Cython
except ImportError:
    ext = ".c"
else:
    ext = ".pyx"
setup(name="pkg", ext_modules=[Extension("pkg._read", ["pkg/_read" + ext])])
"""
GENERATED = "/* Generated by Cython 0.29.21 */\n#include <Python.h>\n"


def test_generated_c_no_file_names_is_never_built(project):
    # fastavro 1.13.1: fastavro/_six.c, Cython 0.29.21's C with no _six.pyx, named by no file
    # of the project but fastavro.egg-info/SOURCES.txt; setup.py builds the other extensions
    project.write("setup.py", FASTAVRO_SETUP)
    project.write("pkg/_read.pyx", "def read(): pass\n")
    project.write("pkg/_read.c", GENERATED)
    project.write("pkg/_six.c", GENERATED)
    project.write("pkg.egg-info/SOURCES.txt", "pkg/_read.c\npkg/_six.c\nsetup.py\n")
    assert check(project) == [("pkg/_read.c", "Cython 0.29.21", "error", None)]
    shown = project.check_json("--dead-compat", "pkg/_six.c")["findings"]
    assert [(f["severity"], f["context"]) for f in shown] == [("warning", "not-built")]
    assert "no file of the project names it" in shown[0]["message"]
    six = ("pkg/_six.c", "Cython 0.29.21", "error", None)
    # anything that may compile it keeps it reported
    for where, text in (("Setup", "_six pkg/_six.c\n"),  # pygame's Setup lists
                        ("pkg/all.c", '#include "_six.c"\n'),
                        ("setup.py", FASTAVRO_SETUP + "NAMES = ['six']\n"),  # "pkg/_" + name
                        ("setup.py", FASTAVRO_SETUP + "import glob\nSOURCES = glob.glob('pkg/*.c')\n"),
                        ("pkg/_six.pyx", "def f(): pass\n")):
        before = project.root.joinpath(where).read_text() if project.root.joinpath(where).exists() else None
        project.write(where, text)
        assert six in check(project), where
        if before is None:
            project.root.joinpath(where).unlink()
        else:
            project.write(where, before)
    assert six not in check(project)
    project.root.joinpath("setup.py").unlink()  # no setup.py: nothing says what is built
    assert six in check(project)


FROZENDICT_SETUP = """\
import sys
from pathlib import Path
import setuptools

pyversion = sys.version_info
c_src_path = Path(__file__).parent / "c_src" / f"{pyversion[0]}_{pyversion[1]}"
sources = [str(c_src_path / "dictobject.c")]
if c_src_path.exists():
    setuptools.setup(ext_modules=[setuptools.Extension("pkg._d", sources=sources)])
else:
    setuptools.setup()
"""


def test_a_source_directory_named_for_the_version_the_build_picks(project):
    # frozendict 2.5.1: c_src/3_6 ... c_src/3_10 hold copies of that version's dictobject.c; its
    # setup.py builds c_src/f"{pyversion[0]}_{pyversion[1]}" (pyversion = sys.version_info) when
    # that directory exists, the pure-Python package otherwise
    project.write("setup.py", FROZENDICT_SETUP)
    for version in ("3_10", "3_13"):
        project.write(f"c_src/{version}/dictobject.c", RAISER)
        project.write(f"c_src/{version}/Include/dict.h", "#include <Python.h>\n#define CO(o) PyCObject_FromVoidPtr(o, 0)\n")
    ok = check(project, target="3.13")
    assert ok == [("c_src/3_13/Include/dict.h", "PyCObject_FromVoidPtr", "error", None),
                  ("c_src/3_13/dictobject.c", "PyCObject_FromVoidPtr", "error", None)]
    shown = project.check_json("--dead-compat", "c_src/3_10")["findings"]
    assert {(f["severity"], f["context"]) for f in shown} == {("warning", "not-built")}
    assert "not built on 3.13 (setup.py:6)" in shown[0]["message"]
    # the same name on 3.10 (and sys.version_info written out) is the directory 3.10 builds
    project.write("setup.py", FROZENDICT_SETUP.replace("pyversion[0]}_{pyversion[1]", "sys.version_info.major}_{sys.version_info.minor"))
    assert ("c_src/3_10/dictobject.c", "PyCObject_FromVoidPtr", "error", None) in check(project, target="3.10")
    assert ("c_src/3_10/dictobject.c", "PyCObject_FromVoidPtr", "error", None) not in check(project)
    # a directory the build names as it is, or a name it does not build from the version: reported
    for setup in (FROZENDICT_SETUP + "LEGACY = 'c_src/3_10/dictobject.c'\n",
                  FROZENDICT_SETUP.replace('f"{pyversion[0]}_{pyversion[1]}"', 'f"{pyversion[0]}_10"')):
        project.write("setup.py", setup)
        assert ("c_src/3_10/dictobject.c", "PyCObject_FromVoidPtr", "error", None) in check(project)


def test_sources_kept_in_a_directory_named_for_one_python(project):
    # multiprocess 0.70.19 ships CPython's _multiprocessing sources for each Python in
    # py3.9/Modules/ ... py3.15/Modules/ (its setup.py compiles the running one's): the Argument
    # Clinic output of py3.10/ calls _PyLong_AsInt (gone in 3.13), which 3.10 still has
    project.write("setup.py", "")
    source = "#include <Python.h>\nstatic int f(PyObject *o) { return _PyLong_AsInt(o); }\n"
    for directory in ("py3.10", "pypy3.10", "py3.13", "v3.10"):
        project.write(f"{directory}/Modules/m.c", source)
    project.write("py3.10/Modules/old.c", "#include <Python.h>\nstatic PyGC_Head *g;\n")  # gone in 3.9
    assert check(project) == [("py3.10/Modules/old.c", "PyGC_Head", "error", None),
                              ("py3.13/Modules/m.c", "_PyLong_AsInt", "error", None),
                              ("v3.10/Modules/m.c", "_PyLong_AsInt", "error", None)]


MATURIN = '[build-system]\nrequires = ["maturin>=1.0,<2.0"]\nbuild-backend = "maturin"\n\n[tool.maturin]\nbindings = "bin"\n'


def test_generated_c_in_a_maturin_project_is_never_built(project):
    # py-spy 0.4.3: ci/testdata/cython_test.c (Cython 0.28.5, its .pyx beside it) is text its Rust
    # tests read with include_str!; no setup.py, maturin builds, and its build.rs compiles no C
    project.write("pyproject.toml", MATURIN)
    project.write("build.rs", 'fn main() { println!("cargo:rustc-cfg=unwind") }\n')
    project.write("src/cython.rs", 'const C: &str = include_str!("../ci/testdata/cython_test.c");\n')
    project.write("ci/testdata/cython_test.pyx", "def f(): pass\n")
    project.write("ci/testdata/cython_test.c", GENERATED)
    assert check(project) == []
    shown = project.check_json("--dead-compat", "ci/testdata/cython_test.c")["findings"]
    assert [(f["severity"], f["context"]) for f in shown] == [("warning", "not-built")]
    assert "builds with maturin" in shown[0]["message"]
    reported = [("ci/testdata/cython_test.c", "Cython 0.29.21", "error", None)]
    # a build script that compiles C keeps it reported
    project.write("build.rs", 'fn main() { cc::Build::new().file("ci/testdata/cython_test.c").compile("t"); }\n')
    assert check(project) == reported
    project.write("build.rs", "fn main() {}\n")
    assert check(project) == []
    # another backend, or a setup.py, may compile it
    project.write("pyproject.toml", MATURIN.replace('"maturin"', '"setuptools.build_meta"'))
    assert check(project) == reported
