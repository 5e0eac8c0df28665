"""Files the target never compiles: headers included only in dead branches, fragments that are no
translation unit; and the macros Python.h defines, as preprocessor tests see them."""

import subprocess

import pytest
from native_helpers import include_flags, need_gcc, python_includes

from outmoded.native import pythonh

OLD = "static PyObject *f(PyObject *u) { return PyUnicode_FromUnicode(PyUnicode_AS_UNICODE(u), 1); }\n"
BACKEND = """\
#include <Python.h>
#ifdef PyUnicode_KIND     /* Python >= 3.3 */
# include "helper_3.h"
#else
# include "helper.h"
#endif
"""


def apis(project, *paths, target="3.13"):
    doc = project.check_json(*paths or ".", target=target)
    assert doc["errors"] == []
    return sorted((f["path"], f["api"]) for f in doc["findings"])


def test_header_included_only_where_python_h_lacks_a_macro(project):
    # cffi 2.1's _cffi_backend.c picks wchar_helper.h only where PyUnicode_KIND is undefined
    project.write("pyproject.toml", "")
    project.write("src/c/backend.c", BACKEND)
    project.write("src/c/helper.h", OLD)
    project.write("src/c/helper_3.h", "static void g(void) { PyEval_CallObject(0, 0); }\n")
    assert apis(project) == [("src/c/helper_3.h", "PyEval_CallObject")]
    assert apis(project, "src/c/helper.h") == []  # the project is found from the file checked


def test_header_included_on_a_live_line_elsewhere_is_checked(project):
    project.write("setup.py", "")
    project.write("backend.c", BACKEND)
    project.write("helper.h", OLD)
    project.write("helper_3.h", "")
    project.write("other/use.c", '#include <Python.h>\n#include "../helper.h"\n')
    assert apis(project) == [("helper.h", "PyUnicode_AS_UNICODE"), ("helper.h", "PyUnicode_FromUnicode")]


def test_header_named_by_cython_is_checked(project):
    project.write("setup.py", "")
    project.write("backend.c", BACKEND)
    project.write("helper.h", OLD)
    project.write("helper_3.h", "")
    project.write("wrap.pyx", 'cdef extern from "helper.h":\n    object f(object)\n')
    assert [api for _, api in apis(project)] == ["PyUnicode_AS_UNICODE", "PyUnicode_FromUnicode"]


@pytest.mark.parametrize("prefix, reported", [
    ("#include <Python.h>\n", False),
    ('#include "project.h"\n', False),  # may include Python.h
    ("#include <string.h>\n", True),  # cannot: PyUnicode_KIND is not known to be defined yet
    ("#define Py_LIMITED_API 0x030d0000\n#include <Python.h>\n", True),  # not in the limited API
    ("#include <Python.h>\n#undef PyUnicode_KIND\n", True),
    ("#ifdef X\n#include <Python.h>\n#endif\n", True),  # maybe not included
])
def test_python_h_macros_are_known_after_it_may_be_included(project, prefix, reported):
    project.write("setup.py", "")
    project.write("project.h", "")
    project.write("mod.c", prefix + "#ifndef PyUnicode_KIND\n" + OLD + '#endif\n#include "project.h"\n')
    assert bool(apis(project)) == reported


def test_fragments_are_not_translation_units(project):
    project.write("pyproject.toml", "")
    # Cython's Utility/*.c templates: only system headers, included by nothing
    project.write("Utility/StringTools.c", "#include <string.h>\n#include <string_view>\n"
                  "#define __Pyx_PyUnicode_FromUnicode(u) PyUnicode_FromUnicode(u, 1)\n")
    # CPython's Lib/test/clinic.test.c: no include at all
    project.write("test/clinic.test.c", "static PyObject *f(PyObject *m) { return PyEval_CallObject(m, 0); }\n")
    # a source that can see Python's API, and a header nobody includes here (others may): checked
    project.write("src/mod.c", '#include "Python.h"\n' + OLD)
    project.write("include/public.h", "#define SPAM(o) PyEval_CallObject(o, 0)\n")
    assert apis(project) == [("include/public.h", "PyEval_CallObject"), ("src/mod.c", "PyUnicode_AS_UNICODE"),
                             ("src/mod.c", "PyUnicode_FromUnicode")]


def test_fragment_included_by_a_source_is_checked_there(project):
    project.write("setup.py", "")
    project.write("part.c", "#include <stdlib.h>\n" + OLD)
    project.write("all.c", '#include <Python.h>\n#include "part.c"\n')
    assert [path for path, _ in apis(project)] == ["part.c", "part.c"]


@pytest.mark.parametrize("target", [(3, 13), (3, 14), (3, 15)])
def test_python_h_defines_these_macros(tmp_path, target):
    """pythonh's lists against real headers: each macro is defined, with and without the limited API."""
    need_gcc()
    include = python_includes().get(target)
    if include is None:
        pytest.skip(f"no Python {target[0]}.{target[1]} headers here")
    probe = tmp_path / "probe.c"
    own = f"-DPy_LIMITED_API={0x03000000 | target[1] << 16:#x}"  # the target's: Py_INCREF is a function
    for names, flags in [(pythonh.FULL, []), (pythonh.LIMITED, ["-DPy_LIMITED_API=3"]), (pythonh.LIMITED, [own]),
                         (pythonh.FULL, ["-DPy_DEBUG"])]:
        probe.write_text("#include <Python.h>\n" + "".join(
            f"#ifndef {name}\n#error {name}\n#endif\n" for name in sorted(names)))
        run = subprocess.run(["gcc", "-fsyntax-only", *include_flags(include), *flags, str(probe)],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[:2000]


def test_header_included_only_by_cython_output(project):
    # gevent 26.9's src/gevent/_generated_include/*.h, included by the .c files Cython generated
    project.write("setup.py", "")
    project.write("gen/dict_versions.h", "#define GET_VERSION(d) (((PyDictObject*)(d))->ma_version_tag)\n")
    project.write("mod.c", '/* Generated by Cython 3.3.1 */\n#include <Python.h>\n#include "gen/dict_versions.h"\n')
    assert apis(project, target="3.14") == []
    project.write("other.c", '#include <Python.h>\n#include "gen/dict_versions.h"\n')
    assert apis(project, target="3.14") == [("gen/dict_versions.h", "ma_version_tag")]


def test_macros_of_the_projects_headers_are_known(project):
    # greenlet 3.5: TPythonState.cpp includes TGreenlet.hpp, which includes the header defining
    # GREENLET_PY314 from PY_VERSION_HEX; the 3.12-3.13 branch is dead on 3.14+
    project.write("setup.py", "")
    project.write("src/compat.hpp", "#ifndef COMPAT_H\n#define COMPAT_H\n#if PY_VERSION_HEX >= 0x30E0000\n"
                  "#  define MY_PY314 1\n#else\n#  define MY_PY314 0\n#endif\n#endif\n")
    project.write("src/types.hpp", '#include <Python.h>\n#include "compat.hpp"\n')
    project.write("src/state.cpp", '#include <Python.h>\n#include "types.hpp"\nint f(PyThreadState *t) {\n'
                  "#if MY_PY314\n  return 0;\n#else\n  return Py_C_RECURSION_LIMIT - t->c_recursion_remaining;\n"
                  "#endif\n}\n")
    assert apis(project, target="3.14") == []
    project.write("src/maybe.cpp", '#include <Python.h>\n#ifdef X\n#include "compat.hpp"\n#endif\n'
                  "#if !MY_PY314\nint g(void) { return Py_C_RECURSION_LIMIT; }\n#endif\n")
    assert apis(project, target="3.14") == [("src/maybe.cpp", "Py_C_RECURSION_LIMIT")]


COMPAT = """\
#include <Python.h>
static inline int equal(PyObject *a, PyObject *b)
{
#if PY_VERSION_HEX >= 0x030d0000 && !defined(PYPY_VERSION) && !defined(Py_LIMITED_API)
    return PyUnicode_Compare(a, b) == 0;
#elif !defined(PYPY_VERSION) && !defined(%s)
    return _PyUnicode_EQ(a, b);
#else
    return PyObject_RichCompareBool(a, b, Py_EQ);
#endif
}
"""


def test_elif_dead_whatever_an_unknown_macro_is(project, tmp_path):
    # multidict 7.2's vendored pythoncapi_compat.h: the #elif is reached only when Py_LIMITED_API
    # is defined, and then it is false
    project.write("setup.py", "")
    project.write("compat.c", COMPAT % "Py_LIMITED_API")
    project.write("other.c", COMPAT % "OTHER")  # reached with OTHER undefined: may be compiled
    assert apis(project) == [("other.c", "_PyUnicode_EQ")]
    gcc_agrees(project, "0x030d0000", "_PyUnicode_EQ")


def gcc_agrees(project, limited: str, removed: str) -> None:
    """gcc against the real 3.13 headers compiles compat.c with and without the limited API
    (``limited``), and other.c with it fails on ``removed``."""
    include = python_includes().get((3, 13))
    if include is None or not need_gcc():
        return
    for flags in ([], [f"-DPy_LIMITED_API={limited}"]):
        run = subprocess.run(["gcc", "-fsyntax-only", "-Werror=implicit-function-declaration", *flags,
                              *include_flags(include), str(project.root / "compat.c")], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    run = subprocess.run(["gcc", "-fsyntax-only", "-Werror=implicit-function-declaration", f"-DPy_LIMITED_API={limited}",
                          *include_flags(include), str(project.root / "other.c")], capture_output=True, text=True)
    assert removed in run.stderr


NESTED = """\
#include <Python.h>
#if (PY_VERSION_HEX < 0x030d0000 \\
     || (defined(Py_LIMITED_API) && Py_LIMITED_API+0 < 0x030d0000))
static inline int my_as_int(PyObject *obj)
{
#if PY_VERSION_HEX >= 0x03070000 && !defined(PYPY_VERSION) && !defined(%s)
    return _PyLong_AsInt(obj);
#else
    return (int)PyLong_AsLong(obj);
#endif
}
#endif
"""


def test_nested_branch_dead_where_its_enclosing_branch_is_compiled(project):
    # bitarray 3.12.3's vendored pythoncapi_compat.h (PyLong_AsInt, PyObject_GetOptionalAttr): on
    # 3.13 the outer branch is compiled only when Py_LIMITED_API is defined, and then the inner
    # one is not
    project.write("setup.py", "")
    project.write("compat.c", NESTED % "Py_LIMITED_API")
    project.write("other.c", NESTED % "OTHER")  # with Py_LIMITED_API and OTHER undefined: compiled
    assert apis(project) == [("other.c", "_PyLong_AsInt")]
    gcc_agrees(project, "0x030c0000", "_PyLong_AsInt")


GREET2 = """\
#include <Python.h>
static PyMethodDef GreetMethods[] = {{NULL, NULL, 0, NULL}};
PyMODINIT_FUNC initgreet(void) {
  (void) Py_InitModule("greet", GreetMethods);
}
"""
GREET3 = """\
#include <Python.h>
static struct PyModuleDef greet = {PyModuleDef_HEAD_INIT, "greet", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_greet(void) { return PyModule_Create(&greet); }
"""


def test_python2_variant_beside_its_python3_twin_is_not_compiled(project):
    # virtualenv 21's tests build f"greet{sys.version_info[0]}.c": greet2.c only on Python 2
    project.write("setup.py", "")
    project.write("greet/greet2.c", GREET2)
    assert apis(project) == [("greet/greet2.c", "Py_InitModule")]  # alone, it is the extension
    project.write("greet/greet3.c", GREET3)
    assert apis(project) == []
    project.write("greet/greet3.c", GREET3.replace("PyInit_greet", "PyInit_other"))  # another module's
    assert apis(project) == [("greet/greet2.c", "Py_InitModule")]


def test_headers_found_in_the_projects_include_directories(project):
    # psycopg2 2.9 builds with -I. : psycopg/conn.c includes "psycopg/psycopg.h", which includes
    # "psycopg/python.h", whose #define PyInt_FromLong PyLong_FromLong is the shim
    project.write("setup.py", "")
    project.write("psycopg/python.h", "#define PyInt_FromLong PyLong_FromLong\n")
    project.write("psycopg/psycopg.h", '#include <Python.h>\n#include "psycopg/python.h"\n')
    project.write("psycopg/conn.c", '#include "psycopg/psycopg.h"\n'
                  "static PyObject *f(void) { return PyInt_FromLong(1); }\n")
    assert apis(project) == []
    # a nearer header of that name is the one the compiler finds
    project.write("psycopg/psycopg/python.h", "/* no shims */\n")
    assert apis(project) == [("psycopg/conn.c", "PyInt_FromLong")]


def test_a_source_included_by_another_sees_its_shims(project):
    # psycopg2 2.9's typecast.c includes psycopg.h (its shims), then typecast_binary.c
    project.write("setup.py", "")
    project.write("python.h", "#include <Python.h>\n#define PyString_FromFormat PyUnicode_FromFormat\n")
    project.write("binary.h", "#include <Python.h>\n")
    project.write("binary.c", '#include "binary.h"\nstatic PyObject *r(void) { return PyString_FromFormat("x"); }\n')
    project.write("typecast.c", '#include "python.h"\n#include "binary.c"\n')
    assert apis(project) == []
    project.write("typecast.c", '#include <Python.h>\n#include "binary.c"\n')
    assert apis(project) == [("binary.c", "PyString_FromFormat")]


UNITY_COMMON = """\
#ifndef COMMON_H
#define COMMON_H
#include <Python.h>
#if PY_MAJOR_VERSION >= 3
#define PY3K
#endif
#endif
"""
UNITY_PART = """\
static int is_text(PyObject *o) {
#if defined(PY3K)
    return PyUnicode_Check(o);
#else
    return PyString_Check(o);
#endif
}
"""


def test_a_source_compiled_inside_another_sees_the_macros_defined_before_it(project):
    # pyahocorasick 2.3.1: setup.py compiles src/pyahocorasick.c alone, which includes common.h
    # (#if PY_MAJOR_VERSION >= 3 / #define PY3K), then utils.c and allsources.c, which includes
    # custompickle/pyhelpers.c: their #else branches (PyString_Check) are Python 2's
    project.write("setup.py", "")
    project.write("src/common.h", UNITY_COMMON)
    project.write("src/utils.c", UNITY_PART)
    project.write("src/pickle/helpers.c", UNITY_PART.replace("is_text", "is_text2"))
    project.write("src/all.c", '#include "pickle/helpers.c"\n')
    project.write("src/main.c", '#include "common.h"\n#include "utils.c"\n#include "all.c"\n')
    assert apis(project) == []
    # included before the header defining the flag: Python 2's branch may be compiled
    project.write("src/main.c", '#include "utils.c"\n#include "common.h"\n#include "all.c"\n')
    assert apis(project) == [("src/utils.c", "PyString_Check")]
    # included by nothing: compiled on its own, where PY3K is the build's to define
    project.write("src/main.c", '#include "common.h"\n#include "all.c"\n')
    project.write("src/utils.c", "#include <Python.h>\n" + UNITY_PART)
    assert apis(project) == [("src/utils.c", "PyString_Check")]



def test_a_unity_part_sees_a_flag_its_includer_defines_only_with_another(project):
    # pyahocorasick 2.3.1: common.h defines PEP393_UNICODE exactly when AHOCORASICK_UNICODE (the
    # build's, from the environment) is defined; utils.c's branch for AHOCORASICK_UNICODE without
    # PEP393_UNICODE (PyUnicode_AS_UNICODE) is never compiled on Python 3 (gcc -E with 3.13's headers)
    common = UNITY_COMMON.replace("#define PY3K\n", "#define PY3K\n#ifdef AHOCORASICK_UNICODE\n#define PEP393_UNICODE\n#endif\n")
    project.write("setup.py", "")
    project.write("src/common.h", common)
    project.write("src/utils.c", "static Py_ssize_t n(PyObject *o) {\n#if defined PEP393_UNICODE\n"
                  "    return PyUnicode_GET_LENGTH(o);\n#elif defined PY3K\n#ifdef AHOCORASICK_UNICODE\n"
                  "    return PyUnicode_GET_SIZE(o);\n#endif\n#endif\n    return 0;\n}\n")
    project.write("src/main.c", '#include "common.h"\n#include "utils.c"\n')
    assert apis(project) == []
    project.write("src/common.h", UNITY_COMMON)  # PEP393_UNICODE defined by nothing here: the build's to define
    assert apis(project) == [("src/utils.c", "PyUnicode_GET_SIZE")]
CLINIC_SOURCE = """\
#ifndef Py_BUILD_CORE_BUILTIN
#  define Py_BUILD_CORE_MODULE 1
#endif
#include "Python.h"
#include "clinic/compressor.c.h"
"""
CLINIC_OUTPUT = """\
static PyObject *new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    #if defined(Py_BUILD_CORE) && !defined(Py_BUILD_CORE_MODULE)
    static struct {
        PyGC_Head _this_is_not_used;
        PyObject_VAR_HEAD
    } _kwtuple;
    #endif
    return NULL;
}
"""


def test_argument_clinic_output_sees_the_macros_of_the_source_including_it(project):
    # backports-zstd 1.8.0 copies CPython's _zstd: compressor.c defines Py_BUILD_CORE_MODULE (a
    # build frontend never passes -DPy_BUILD_CORE_BUILTIN, which only CPython's own build does),
    # then includes clinic/compressor.c.h, whose Py_BUILD_CORE-only branch names PyGC_Head
    project.write("setup.py", "")
    project.write("src/compressor.c", CLINIC_SOURCE)
    project.write("src/clinic/compressor.c.h", CLINIC_OUTPUT)
    assert apis(project) == []
    include = python_includes().get((3, 13))
    if include is not None and need_gcc():  # the real 3.13 headers never compile the branch
        run = subprocess.run(["gcc", "-fsyntax-only", "-I", include, "src/compressor.c"], cwd=project.root,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    # a source defining nothing first: the branch is CPython's core build, where it may compile
    project.write("src/compressor.c", CLINIC_SOURCE.replace("#ifndef Py_BUILD_CORE_BUILTIN", "#ifdef BUILT_IN"))
    assert apis(project) == [("src/clinic/compressor.c.h", "PyGC_Head")]
    # the file defines Py_BUILD_CORE_BUILTIN itself: compiled as CPython's builtin module would be
    project.write("src/compressor.c", "#define Py_BUILD_CORE_BUILTIN 1\n" + CLINIC_SOURCE)
    assert apis(project) == [("src/clinic/compressor.c.h", "PyGC_Head")]
    # a plain header of the same text, included by the same source: judged alone, as before
    project.write("src/compressor.c", CLINIC_SOURCE.replace("clinic/compressor.c.h", "clinic/compressor.h"))
    project.write("src/clinic/compressor.h", CLINIC_OUTPUT)
    (project.root / "src/clinic/compressor.c.h").unlink()
    assert apis(project) == [("src/clinic/compressor.h", "PyGC_Head")]


def test_header_included_only_from_cython_has_its_python_2_shims(project):
    # msgpack 0.5.6: _unpacker.pyx has cdef extern from "unpack.h", which calls PyInt_FromLong;
    # Cython's C #defines it as PyLong_FromLong before including the header
    project.write("setup.py", "")
    project.write("unpack.h", "static PyObject *u(long d) { return PyInt_FromLong(d); }\n"
                  "static int r(PyObject *o) { return PyObject_AsReadBuffer(o, 0, 0); }\n")
    project.write("_unpacker.pyx", 'cdef extern from "unpack.h":\n    pass\n')
    assert apis(project, "unpack.h") == [("unpack.h", "PyObject_AsReadBuffer")]
    project.write("other.c", '#include <Python.h>\n#include "unpack.h"\n')
    assert apis(project, "unpack.h") == [("unpack.h", "PyInt_FromLong"), ("unpack.h", "PyObject_AsReadBuffer")]


FLAGS = """\
#include <Python.h>
#if PY_MAJOR_VERSION == 2 && PY_MINOR_VERSION < 7
#define %s
#endif
#if PY_MAJOR_VERSION == 3 && PY_MINOR_VERSION < 2
#define %s
#endif
"""
PROFILER = """\
#include "flags.h"
#ifdef %s
int PyFrame_GetLineNumber(PyFrameObject *frame) { return PyCode_Addr2Line(frame->f_code, frame->f_lasti); }
#endif
"""


@pytest.mark.parametrize("name, reported", [
    ("HAS_NOT_GETLINE", False),  # the project's own flag, written only where the target never compiles
    ("Py_HAS_NOT_GETLINE", True),  # CPython's namespace: Python.h may define it
    ("HAVE_GETLINE", True),  # pyconfig.h's namespace
    ("_PY2", False),  # fastcache 1.1.0's #if PY_MAJOR_VERSION == 2 / #define _PY2: a version flag
    ("_PY26_GETLINE", False),
    ("_PY_HAS_NOT_GETLINE", True),  # CPython's own _PY_ namespace (_PY_NSMALLPOSINTS)
    ("_HAS_NOT_GETLINE", True),  # the compiler's and the system's (_WIN32, _GNU_SOURCE)
])
def test_own_flag_defined_only_in_dead_branches_is_undefined(project, name, reported):
    # uwsgi 2.0.31: uwsgi_python.h #defines HAS_NOT_PyFrame_GetLineNumber only under
    # #if PY_MAJOR_VERSION == 2 && PY_MINOR_VERSION < 7 (and 3.0/3.1); profiler.c's #ifdef of it
    # reads PyFrameObject's members, which gcc against the real 3.13 headers never sees
    project.write("setup.py", "")
    project.write("flags.h", FLAGS % (name, name))
    project.write("profiler.c", PROFILER % name)
    assert bool(apis(project)) == reported
    project.write("flags.h", FLAGS.replace("PY_MAJOR_VERSION == 3", "defined(OTHER) ||") % (name, name))
    assert apis(project)  # defined where OTHER is: may be compiled
    include = python_includes().get((3, 13))
    if include is not None and not reported and need_gcc():
        project.write("flags.h", FLAGS % (name, name))
        run = subprocess.run(["gcc", "-fsyntax-only", *include_flags(include), str(project.root / "profiler.c")],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


COMPAT_H = """\
#ifndef MY_COMPAT_H
#define MY_COMPAT_H
#ifndef Py_SET_TYPE
#define Py_SET_TYPE(obj, type) do { Py_TYPE((obj)) = (type); } while (0)
#endif
#endif
"""


@pytest.mark.parametrize("includer, reported", [
    ('#include <Python.h>\n#import "compat.h"\n', False),  # Objective-C's #import is an #include
    ('#import "api.h"\n', False),  # through a header that includes Python.h first
    ('#import "compat.h"\n#include <Python.h>\n', True),  # before Python.h: Py_SET_TYPE not yet defined
    ('#define Py_LIMITED_API 0x030d0000\n#include <Python.h>\n#import "compat.h"\n', True),  # no such macro
])
def test_header_judged_by_its_includers(project, includer, reported):
    # pyobjc-core 13.0's pyobjc-compat.h includes nothing; pyobjc.h #imports it after #include
    # <Python.h>, which defines Py_SET_TYPE on every 3.9+ target (not with the limited API from 3.11)
    project.write("setup.py", "")
    project.write("compat.h", COMPAT_H)
    project.write("api.h", '#include <Python.h>\n#include "compat.h"\n')
    project.write("module.m", includer)
    assert bool(apis(project, "compat.h")) == reported
    project.write("other.c", '#include "compat.h"\n')  # another includer without Python.h
    assert apis(project, "compat.h")


def test_limited_api_from_3_11_has_no_py_set_type_macro(tmp_path):
    """What the test above relies on, with gcc and the real 3.13 headers."""
    include = python_includes().get((3, 13))
    if include is None or not need_gcc():
        pytest.skip("no Python 3.13 headers or gcc here")
    source = tmp_path / "use.c"
    for flags, fails in [([], False), (["-DPy_LIMITED_API=0x030d0000"], True), (["-DPy_LIMITED_API=0x03090000"], False)]:
        source.write_text("#include <Python.h>\n" + COMPAT_H + "void f(PyObject *o, PyTypeObject *t) { Py_SET_TYPE(o, t); }\n")
        run = subprocess.run(["gcc", "-fsyntax-only", *include_flags(include), *flags, str(source)],
                             capture_output=True, text=True)
        assert (run.returncode != 0) == fails, run.stderr


HANDLER = """\
#include <Python.h>
#ifdef MYLIB_BUILTIN_STOPITERATION_HPP
static void stop(void) { PyErr_SetString(PyExc_StopIteration, "stop"); }
#endif
#ifdef %s
static void standard(void) { PyErr_SetString(PyExc_StandardError, "old"); }
#endif
"""
GUARDED = "#ifndef MYLIB_BUILTIN_STOPITERATION_HPP\n#define MYLIB_BUILTIN_STOPITERATION_HPP\nstruct stop_iteration;\n#endif\n"


@pytest.mark.parametrize("name, elsewhere, reported", [
    ("MYLIB_BUILTIN_STANDARDERROR_HPP", None, False),  # the guard of a header the project does not have
    ("MYLIB_BUILTIN_STANDARDERROR_HPP", ("setup.py", "define_macros=[('MYLIB_BUILTIN_STANDARDERROR_HPP', 1)]"),
     True),  # the build passes -D: some file names it
    ("MYLIB_BUILTIN_STANDARDERROR_HPP", ("builtins/StandardError.hpp",
                                         "#ifndef MYLIB_BUILTIN_STANDARDERROR_HPP\n"
                                         "#define MYLIB_BUILTIN_STANDARDERROR_HPP\n#endif\n"), True),  # shipped
    ("OTHER_BUILTIN_STANDARDERROR_HPP", None, True),  # not the project's naming scheme: another library's
    ("HAVE_SYS_STANDARDERROR_H", None, True),  # autoconf's namespace
    ("MYLIB_BUILTIN_STANDARDERROR", None, True),  # not shaped like an include guard
])
def test_ifdef_of_an_include_guard_no_file_defines(project, name, elsewhere, reported):
    # pythran 0.19.0's exception_handler.hpp: #ifdef PYTHONIC_BUILTIN_STANDARDERROR_HPP (no
    # builtins/StandardError.hpp, no file names it) beside PYTHONIC_BUILTIN_STOPITERATION_HPP,
    # the guard of builtins/StopIteration.hpp
    project.write("setup.py", "")
    project.write("builtins/StopIteration.hpp", GUARDED)
    project.write("handler.hpp", HANDLER % name)
    if elsewhere is not None:
        project.write(*elsewhere)
    assert bool(apis(project)) == reported
    include = python_includes().get((3, 13))
    if include is not None and not reported and need_gcc():
        run = subprocess.run(["gcc", "-fsyntax-only", "-x", "c", *include_flags(include),
                              str(project.root / "handler.hpp")], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
