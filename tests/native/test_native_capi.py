"""Removed and borrowed-reference C-API in real C and Cython sources, checked through the CLI."""

import os
import shutil
import re
import subprocess
import sys
import sysconfig
import textwrap

import pytest
from native_helpers import copy_data, include_flags, need_gcc, python2_include, python_includes

OLD_REMOVED = {  # what spam_old.c (written for 3.11) uses that each version removed
    (3, 12): {"PyUnicode_AS_UNICODE", "PyUnicode_GET_SIZE"},
    (3, 13): {"PyEval_ThreadsInitialized", "PyEval_CallObject", "PyEval_CallObjectWithKeywords",
              "PyObject_AsReadBuffer"},
    (3, 15): {"PyWeakref_GetObject"},
}


def removed_until(target):
    return set().union(*(names for version, names in OLD_REMOVED.items() if version <= target))


def findings(project, *paths, target="3.13", extra=()):
    doc = project.check_json(*paths, *extra, target=target)
    assert doc["errors"] == []
    return doc["findings"]


@pytest.mark.parametrize("target", [(3, 11), (3, 12), (3, 13), (3, 14), (3, 15)])
def test_extension_written_for_311(project, target):
    copy_data("spam_old.c", project.root, "src/spam.c")
    version = f"{target[0]}.{target[1]}"
    found = findings(project, "src", target=version, extra=["--extend-select", "OMT0"])
    errors = [f for f in found if f["severity"] == "error"]
    assert {f["api"] for f in errors} == removed_until(target)
    assert len(errors) == len({(f["line"], f["column"]) for f in errors})  # each use once
    gil = [f for f in found if f["code"].startswith("OMT")]
    if target >= (3, 13):  # single-phase init without PyUnstable_Module_SetGIL
        assert [(f["code"], f["api"], f["severity"]) for f in gil] == [("OMT002", "PyModule_Create", "warning")]
    else:
        assert gil == []


def test_messages_name_the_replacement(project):
    copy_data("spam_old.c", project.root, "spam.c")
    by_api = {f["api"]: f for f in findings(project, "spam.c", target="3.15")}
    call = by_api["PyEval_CallObject"]
    assert call["code"] == "OMC13004" and call["removed_in"] == "3.13" and call["deprecated_in"] == "3.9"
    assert "`PyObject_CallObject`" in call["message"]
    assert "PyObject_GetBuffer" in by_api["PyObject_AsReadBuffer"]["replacement"]
    assert "PyWeakref_GetRef" in by_api["PyWeakref_GetObject"]["message"]
    line = (project.root / "spam.c").read_text().splitlines()[call["line"] - 1]
    assert line[call["column"] - 1:call["end_column"] - 1] == "PyEval_CallObject"


def test_fixed_twin_is_clean(project):
    copy_data("spam_fixed.c", project.root, "spam.c")
    for target in ("3.12", "3.13", "3.14", "3.15"):
        assert findings(project, "spam.c", target=target, extra=["--free-threading"]) == []


def test_borrowed_references_only_when_selected(project):
    """A borrowed reference is a risk under concurrent mutation, not a line that fails: not with
    --free-threading either (numpy 2.5.5 had 67 at 3.14t, and ships cp314t wheels), only when
    selected by name (OMT1)."""
    copy_data("spam_old.c", project.root, "spam.c")
    assert not [f for f in findings(project, "spam.c") if f["code"].startswith("OMT1")]
    assert not [f for f in findings(project, "spam.c", extra=["--free-threading"]) if f["code"].startswith("OMT1")]
    borrowed = [f for f in findings(project, "spam.c", extra=["--extend-select", "OMT1"]) if f["code"].startswith("OMT1")]
    assert {(f["api"], f["code"]) for f in borrowed} == {
        ("PyList_GetItem", "OMT101"), ("PyDict_GetItemString", "OMT105"), ("PyWeakref_GetObject", "OMT108")}
    assert all(f["severity"] == "warning" and "Ref" in f["replacement"] for f in borrowed)
    # on 3.15 PyWeakref_GetObject is gone: reported once, as the removal
    at_315 = findings(project, "spam.c", target="3.15", extra=["--extend-select", "OMT1"])
    assert [f["code"] for f in at_315 if f["api"] == "PyWeakref_GetObject"] == ["OMC15004"]
    # before free-threading existed there is nothing to warn about
    assert not [f for f in findings(project, "spam.c", target="3.12", extra=["--free-threading", "--extend-select", "OMT1"])
                if f["code"].startswith("OMT")]


def test_selecting_borrowed_reference_codes_by_name_enables_them(project):
    copy_data("spam_old.c", project.root, "spam.c")
    assert {f["code"] for f in findings(project, "spam.c", extra=["--select", "OMT"])} == {"OMT002"}
    assert {f["code"] for f in findings(project, "spam.c", extra=["--select", "OMT101"])} == {"OMT101"}


def test_free_threading_from_config(project):
    copy_data("spam_old.c", project.root, "spam.c")
    project.write("pyproject.toml", "[tool.outmoded]\nfree-threading = true\n")
    assert {f["code"] for f in findings(project, "spam.c") if f["code"].startswith("OMT")} == {"OMT002"}
    project.write("pyproject.toml", "[tool.outmoded]\nfree-threading = 'yes'\n")
    code, _, err = project.run("check", "spam.c")
    assert code == 2 and "free-threading must be true or false" in err


def test_guarded_code_is_not_reported(project):
    project.write("guards.c", """\
        #include <Python.h>
        #if PY_VERSION_HEX < 0x030D0000
        #  define CALL(f, a) PyEval_CallObject(f, a)
        static void old(void) { PyEval_AcquireLock(); }
        #else
        #  define CALL(f, a) PyObject_CallObject(f, a)
        #endif
        #if 0
        static void dead(void) { PySys_SetPath(L"x"); }
        #endif
        #ifndef PyUnicode_AS_UNICODE
        #  define PyUnicode_AS_UNICODE(op) ((void *)0)   /* a shim: uses below are fine */
        #endif
        #ifdef Py_GIL_DISABLED
        static void unknown(void) { PyEval_ReleaseLock(); }   /* may be compiled: reported */
        #endif
        static void *use(PyObject *o) { return PyUnicode_AS_UNICODE(o); }
        """)
    assert [(f["line"], f["api"]) for f in findings(project, "guards.c")] == [(15, "PyEval_ReleaseLock")]
    # on 3.12 the first branch is compiled, but nothing in it was removed yet
    assert [f["api"] for f in findings(project, "guards.c", target="3.12")] == []


def test_macro_bodies_and_members(project):
    project.write("m.c", """\
        #include <Python.h>
        #define CALL(f) PyEval_CallObject(f, NULL)
        static int version(PyDictObject *d) { return (int)d->ma_version_tag; }
        static int ma_version_tag = 0;   /* a variable, not the member */
        static int other(struct s *p) { return p->PyEval_CallMethod; }  /* a member named like the API */
        #define CLASSIC(O) ((PyClassObject*)(O))
        #define CALL_IT(f) CALL(f)
        static PyObject *call(PyObject *f) { return CALL_IT(f); }
        """)
    assert [(f["line"], f["api"]) for f in findings(project, "m.c", target="3.14")] == [
        (2, "PyEval_CallObject"), (3, "ma_version_tag")]


def test_unused_macro_bodies(project):
    # a macro's body is compiled only where it is used: zope.interface 8.7's CLASSIC is used
    # nowhere, and gcc compiles the file on 3.13; a header's macro is for its includers
    text = """\
        #include <Python.h>
        #define CLASSIC(O) ((PyClassObject*)(O))
        """
    project.write("z.c", text)
    project.write("z.h", text)
    assert findings(project, "z.c") == []
    assert [(f["line"], f["api"]) for f in findings(project, "z.h")] == [(2, "PyClassObject")]


def test_a_macro_undefined_before_its_use(project):
    # ephem 4.2.1's extensions/_libastro.c: #define PyUnicode_GetSize(o) PyUnicode_GET_SIZE(o), then
    # under #elif PY_MINOR_VERSION >= 3 (taken from 3.3) #undef and #define it as PyUnicode_GET_LENGTH,
    # before its one use: the first body is never compiled on 3.12+ (gone there); an #undef on a
    # line that may not be compiled leaves it, and so does a use before the #undef
    text = """\
        #include <Python.h>
        #define GetSize(o) PyUnicode_GET_SIZE(o)
        #if PY_MAJOR_VERSION == 2
        #define X 1
        #elif PY_MINOR_VERSION >= 3
        #undef GetSize
        #define GetSize PyUnicode_GET_LENGTH
        #endif
        static Py_ssize_t size(PyObject *o) { return GetSize(o); }
        """
    project.write("a.c", text)
    assert findings(project, "a.c") == []
    project.write("b.c", text.replace("PY_MINOR_VERSION >= 3", "defined(SOMETHING)"))
    assert [(f["line"], f["api"]) for f in findings(project, "b.c")] == [(2, "PyUnicode_GET_SIZE")]
    project.write("c.c", text.replace("#if PY_MAJOR", "static Py_ssize_t s(PyObject *o) { return GetSize(o); }\n#if PY_MAJOR"))
    assert [(f["line"], f["api"]) for f in findings(project, "c.c")] == [(2, "PyUnicode_GET_SIZE")]


def test_noqa_in_c(project):
    project.write("q.c", """\
        #include <Python.h>
        void a(PyObject *f) { PyEval_CallObject(f, NULL); }  // noqa: OMC13004
        void b(PyObject *f) { PyEval_CallObject(f, NULL); }  /* outmoded: ignore */
        void c(PyObject *f) { PyEval_CallObject(f, NULL); }  // noqa: OMC12
        void d(PyObject *f) { PyEval_CallObject(f, NULL); }  # noqa: OMC13004 (not a C comment)
        void e(PyObject *f) { PyEval_CallObject(f, NULL); }  /* noqa */
        """)
    assert [f["line"] for f in findings(project, "q.c")] == [4, 5, 6]  # a bare noqa is another linter's
    project.write("whole.c", "// outmoded: noqa\nvoid a(PyObject *f) { PyEval_CallObject(f, NULL); }\n")
    assert findings(project, "whole.c") == []


def test_python_noqa_unchanged(project):
    """`// noqa` is C only: in Python it is floor division by a name, not a comment."""
    project.write("p.py", "import imp; noqa = 1; x = 2 // noqa\nimport imp  # noqa: OM12001\n")
    assert [f["line"] for f in findings(project, "p.py")] == [1]


def test_generated_cython_c_is_skipped(project):
    project.write("gen.c", "/* Generated by Cython 3.0.11 */\nvoid f(void) { PyEval_CallObject(0, 0); }\n")
    assert findings(project, "gen.c") == []


def test_headers_and_cpp_files(project):
    project.write("inc/compat.h", "static inline void f(PyObject *o) { PyEval_CallObject(o, NULL); }\n")
    project.write("mod.cpp", '#include <Python.h>\nauto s = R"(PyEval_CallObject)"; void g() { ::PyCFunction_Call(0, 0, 0); }\n')
    assert sorted(f["api"] for f in findings(project, ".")) == ["PyCFunction_Call", "PyEval_CallObject"]


def test_cython_sources(project):
    copy_data("fast.pyx", project.root, "pkg/fast.pyx")
    project.write("pkg/fast.pxd", 'cdef extern from "Python.h":\n    object PyEval_CallObject(object, object)\n')
    found = findings(project, "pkg", extra=["--free-threading", "--extend-select", "OMT1"])
    assert [(f["path"], f["line"], f["code"], f["api"]) for f in found] == [
        (os.path.join("pkg", "fast.pyx"), 1, "OMT003", "fast"),
        (os.path.join("pkg", "fast.pyx"), 14, "OMC12006", "PyUnicode_GET_SIZE"),
        (os.path.join("pkg", "fast.pyx"), 18, "OMT101", "PyList_GetItem"),
        (os.path.join("pkg", "fast.pyx"), 22, "OMC13004", "PyEval_CallObject"),
    ]


def test_python2_names_cython_itself_shims(project):
    # the C that Cython 0.29 and 3.0 generate #defines PyInt_* and PyString_Check for Python 3:
    # a .pyx using them builds; a Python 2 name Cython never shimmed is still an error
    project.write("py2.pyx", """\
        cdef extern from "Python.h":
            long PyInt_AsLong(object)
            bint PyString_Check(object)
            object PyString_FromString(const char *)
        def f(o):
            if PyString_Check(o):
                return PyString_FromString(b"x")
            return PyInt_AsLong(o)
        """)
    assert [(f["line"], f["api"]) for f in findings(project, "py2.pyx")] == [(7, "PyString_FromString")]


def test_cython_names_found_whatever_the_encoding(project):
    """A Cython file declaring another encoding (latin-1, its accents not UTF-8) is searched for
    the catalog's names as the lexer reads it; a name only in a string or a comment is none."""
    source = ("# -*- coding: latin-1 -*-\n# caf\u00e9\ncdef extern from \"Python.h\":\n"
              "    object PyEval_CallObject(object, object)\ndef f(o):\n    return PyEval_CallObject(o, ())\n")
    project.write("a.pyx", data=source.encode("latin-1"))
    project.write("b.pyx", data=b"# PyEval_CallObject(o, ())\ndef f(o):\n    return 'PyEval_CallObject'\n")
    assert [(f["path"], f["line"], f["api"]) for f in findings(project, ".")] == [("a.pyx", 6, "PyEval_CallObject")]


def test_cython_directive(project):
    project.write("a.pyx", "# cython: language_level=3, freethreading_compatible=True\ndef f(): pass\n")
    project.write("b.pyx", "# cython: freethreading_compatible=False\ndef f(): pass\n")  # a decision
    project.write("c.pyx", "def f(): pass\n# cython: freethreading_compatible=True\n")  # too late
    assert findings(project, ".") == []  # free-threading readiness is opt-in
    assert [f["path"] for f in findings(project, ".", extra=["--free-threading"])] == ["c.pyx"]
    assert findings(project, ".", target="3.12", extra=["--free-threading"]) == []


@pytest.mark.parametrize("build_file, text", [
    ("meson.build", "py.extension_module('fast', 'fast.pyx',\n"
                    "  cython_args: ['-X', 'freethreading_compatible=True'])\n"),
    ("setup.py", "cythonize('fast.pyx', compiler_directives={'freethreading_compatible': True})\n"),
])
def test_cython_directive_in_the_build(project, build_file, text):
    project.write("pyproject.toml", "[project]\nname = 'x'\n")
    project.write(build_file, text)
    project.write("src/x/fast.pyx", "def f(): pass\n")
    assert findings(project, "src") == []


def _compile_errors(gcc, source, include):
    result = subprocess.run([gcc, "-fsyntax-only", "-Werror=implicit-function-declaration",
                             *include_flags(include), str(source)], capture_output=True, text=True)
    return set(re.findall(r"implicit declaration of function [‘'](\w+)[’']", result.stderr)), result


def test_real_compilers_agree_with_the_tool(project):
    """For every CPython whose headers are here, gcc's missing functions are the tool's errors."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 11)}
    if len(includes) < 2:
        pytest.skip("needs the headers of at least two CPython versions")
    old = copy_data("spam_old.c", project.root)
    fixed = copy_data("spam_fixed.c", project.root)
    for version, include in sorted(includes.items()):
        missing, _ = _compile_errors(gcc, old, include)
        reported = {f["api"] for f in findings(project, "spam_old.c", target=f"3.{version[1]}")
                    if f["severity"] == "error"}
        assert missing == reported == removed_until(version), version
        missing, result = _compile_errors(gcc, fixed, include)
        assert result.returncode == 0, (version, result.stderr)


def _missing_names(gcc, source, include):
    """The functions gcc declares implicitly and the identifiers it finds undeclared."""
    missing, result = _compile_errors(gcc, source, include)
    return missing | set(re.findall(r"[‘'](\w+)[’'] undeclared", result.stderr)), result


def test_python2_extensions_against_real_headers(project):
    """An extension written for Python 2 compiles against 2.7's headers and on no Python 3: the
    tool's errors are exactly the names gcc misses, at every target whose headers are here.  Its
    dual-version port (PY_MAJOR_VERSION branches, compatibility #defines) compiles everywhere and
    is not reported."""
    gcc = need_gcc()
    python2 = python2_include()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 7)}  # the oldest target
    if python2 is None or not includes:
        pytest.skip("needs the headers of CPython 2.7 and of a Python 3")
    # apart: beside its port's PyInit_spam, spam_py2.c would be the Python 2 variant a build picks
    old = copy_data("spam_py2.c", project.root, "old/spam_py2.c")
    ported = copy_data("spam_py2_py3.c", project.root, "ported/spam_py2_py3.c")
    for source in (old, ported):
        missing, result = _missing_names(gcc, source, python2)
        assert result.returncode == 0 and not missing, result.stderr
    for version, include in sorted(includes.items()):
        missing, result = _missing_names(gcc, old, include)
        reported = [f for f in findings(project, "old/spam_py2.c", target=f"3.{version[1]}")]
        assert all(f["severity"] == "error" for f in reported)
        assert missing == {f["api"] for f in reported} and len(missing) == 13, version
        missing, result = _missing_names(gcc, ported, include)
        assert result.returncode == 0, (version, result.stderr)
        assert findings(project, "ported/spam_py2_py3.c", target=f"3.{version[1]}") == []
    by_api = {f["api"]: f for f in findings(project, "old/spam_py2.c")}
    assert by_api["Py_InitModule3"]["removed_in"] == "3.0" and "PyModule_Create" in by_api["Py_InitModule3"]["message"]
    assert by_api["PyCObject_FromVoidPtr"]["removed_in"] == "3.2" and "PyCapsule" in by_api["PyCObject_FromVoidPtr"]["message"]


def test_fixed_twin_builds_and_imports(tmp_path):
    """Compile the ported module against the running Python's headers and use it."""
    gcc = need_gcc()
    config = sysconfig.get_config_var
    source = copy_data("spam_fixed.c", tmp_path, "spam.c")
    paths = sysconfig.get_paths()  # what `python3-config --includes` prints, for this interpreter
    include = [f"-I{paths['include']}", f"-I{paths['platinclude']}"]
    target = tmp_path / f"spam{config('EXT_SUFFIX')}"
    build = subprocess.run([gcc, "-shared", "-fPIC", "-O1", "-Wall", "-Werror=implicit-function-declaration",
                            *include, str(source), "-o", str(target)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    script = textwrap.dedent("""\
        import gc, weakref, spam
        assert spam.call(lambda *a: sum(a), (1, 2)) == 3
        assert spam.call_kw(lambda **k: k, {"a": 1}) == {"a": 1}
        assert spam.length("h\\u00e9llo") == 5
        assert spam.buffer_size(b"abcd") == 4
        assert spam.first([7, 8]) == 7
        assert spam.lookup({"k": "v"}, "k") == "v" and spam.lookup({}, "k") is None
        class C: pass
        c = C(); r = weakref.ref(c)
        assert spam.deref(r) is c
        del c; gc.collect()
        assert spam.deref(r) is None
        print("ok")
        """)
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert run.stdout.strip() == "ok", run.stderr


def test_unreadable_sources(project):
    project.write("bin.c", data=b"\x7fELF\x00\x00PyEval_CallObject")
    project.write("latin1.c", data=b"#include <Python.h>\n/* caf\xe9 */ void f(void) { PyEval_CallObject(0, 0); }\n")
    doc = project.check_json(".")
    assert [(e["path"], e["message"]) for e in doc["errors"]] == [("bin.c", "contains NUL bytes (binary file?)")]
    assert [(f["path"], f["api"], f["column"]) for f in doc["findings"]] == [("latin1.c", "PyEval_CallObject", 27)]


def test_functions_the_file_declares_itself_are_not_reported(project):
    # pythoncapi_compat.h redeclares private functions the 3.13 headers dropped but libpython exports
    project.write("compat.h", """\
        #include <Python.h>
        static inline int Compat_Equal(PyObject *a, PyObject *b)
        {
        #if PY_VERSION_HEX >= 0x030d0000 && !defined(PYPY_VERSION)
            PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *str1, PyObject *str2);
            return _PyUnicode_Equal(a, b);
        #elif PY_VERSION_HEX >= 0x03060000 && !defined(PYPY_VERSION)
            return _PyUnicode_EQ(a, b);
        #else
            return PyUnicode_Compare(a, b) == 0;
        #endif
        }
        PyAPI_FUNC(const PyConfig*) _Py_GetConfig(void);
        static int get(void) { return _Py_GetConfig() != NULL; }
        static void calls(PyObject *f)
        {
            Py_BEGIN_ALLOW_THREADS
            PyEval_CallObject(f, NULL);   /* a call after a statement-like macro: reported */
            Py_END_ALLOW_THREADS
        }
        """)
    assert [(f["line"], f["api"]) for f in findings(project, "compat.h")] == [(18, "PyEval_CallObject")]
    # a file that only calls them is still reported
    project.write("user.c", "#include <Python.h>\nint f(PyObject *a) { return _PyUnicode_Equal(a, a); }\n")
    assert [f["api"] for f in findings(project, "user.c")] == ["_PyUnicode_Equal"]


def test_names_a_project_header_it_includes_defines_are_not_reported(project):
    # cffi 2.1's _cffi_backend.c: #include "file_emulator.h", which emulates PyFile_Check and
    # PyFile_AsFile (removed in 3.0) for Python 3
    project.write("src/file_emulator.h", """\
        #define PyFile_Check(p)  PyObject_IsInstance(p, PyIOBase_TypeObj)
        static FILE *PyFile_AsFile(PyObject *ob_file)
        {
            return NULL;
        }
        """)
    project.write("src/py2only.h", "#define PyString_FromString PyUnicode_FromString\n")
    project.write("src/backend.c", """\
        #include <Python.h>
        #if PY_MAJOR_VERSION >= 3
        #  include "file_emulator.h"
        #else
        #  include "py2only.h"
        #endif
        static FILE *as_file(PyObject *ob)
        {
            return PyFile_Check(ob) ? PyFile_AsFile(ob) : NULL;
        }
        static PyObject *name(void) { return PyString_FromString("x"); }
        """)
    # the header included only where Python 2 compiles it shims nothing on the target
    assert [(f["line"], f["api"]) for f in findings(project, "src/backend.c")] == [(11, "PyString_FromString")]


def test_version_macros_inside_an_include_guard_are_known(project):
    # greenlet 3.5's greenlet_cpython_compat.hpp: the whole header sits in its include guard
    project.write("compat.hpp", """\
        #ifndef GREENLET_CPYTHON_COMPAT_H
        #define GREENLET_CPYTHON_COMPAT_H
        #include "Python.h"
        #if PY_VERSION_HEX >= 0x30D0000
        #    define GREENLET_PY313 1
        #else
        #    define GREENLET_PY313 0
        #endif
        #if !GREENLET_PY313
        #  define Py_IsFinalizing() _Py_IsFinalizing()
        #endif
        #endif /* GREENLET_CPYTHON_COMPAT_H */
        """)
    assert findings(project, "compat.hpp") == []
    # on 3.12 the shim is compiled, and _Py_IsFinalizing is still there
    assert findings(project, "compat.hpp", target="3.12") == []
    # a conditional that is not a guard (code before it, or no #define of its name) stays unknown
    project.write("other.h", """\
        static int x;
        #ifndef FLAG
        #define FLAG
        #if PY_VERSION_HEX >= 0x30D0000
        #    define PY313 1
        #endif
        #endif
        #if !PY313
        #  define Py_IsFinalizing() _Py_IsFinalizing()
        #endif
        """)
    assert [f["api"] for f in findings(project, "other.h")] == ["_Py_IsFinalizing"]


def test_test_inputs_beside_their_expected_output_are_data(project):
    # Pygments 2.21's tests/examplefiles/c/ceval.c (an old CPython ceval.c) and ceval.c.output
    project.write("examplefiles/c/ceval.c", "#include <Python.h>\nstatic void f(PyObject *a) { PyEval_CallObject(a, NULL); }\n")
    project.write("examplefiles/c/ceval.c.output", "'#include' Comment.Preproc\n")
    project.write("src/ceval.c", "#include <Python.h>\nstatic void f(PyObject *a) { PyEval_CallObject(a, NULL); }\n")
    assert [f["path"].replace("\\", "/") for f in findings(project, ".")] == ["src/ceval.c"]


def test_cython_names_the_projects_pxd_redefines(project):
    # lxml 6.1: parser.pxi calls python.PyUnicode_GET_DATA_SIZE(utext); src/lxml/python.pxd's
    # cdef extern from "Python.h" block redefines it for 3.12+ in verbatim C
    project.write("lxml/python.pxd", '''\
        cdef extern from "Python.h":
            """
            #if PY_VERSION_HEX >= 0x030C0000
              #undef PyUnicode_GET_DATA_SIZE
              #define PyUnicode_GET_DATA_SIZE(s)  (0)
            #endif
            """
            cdef Py_ssize_t PyUnicode_GET_DATA_SIZE(object ustring)
        ''')
    project.write("lxml/parser.pxi", '''\
        cdef int f(utext):
            py_buffer_len = python.PyUnicode_GET_DATA_SIZE(utext)
            return cpython.PyUnicode_AS_DATA(utext)
        ''')
    assert [f["api"] for f in findings(project, "lxml/parser.pxi")] == ["PyUnicode_AS_DATA"]


LVALUES = """\
#include <Python.h>
static PyTypeObject T;
static void f(PyObject *o, PyVarObject *v) {
    Py_TYPE(&T) = &PyType_Type;
    Py_SIZE(v) += 1;
    Py_REFCNT(o)++;
    if (Py_TYPE(o) == &T && Py_SIZE(v) >= 1 && Py_REFCNT(o) != 1) { Py_SET_TYPE(o, &T); }
}
"""


def test_macros_assigned_to(project, tmp_path):
    # psycopg2 2.7.7's psycopgmodule.c: Py_TYPE(&listType) = &PyType_Type; gcc on the real headers
    # rejects Py_REFCNT as an l-value from 3.10, Py_TYPE and Py_SIZE from 3.11
    project.write("lv.c", LVALUES)
    assert [(f["line"], f["api"]) for f in findings(project, "lv.c", target="3.10")] == [(6, "Py_REFCNT")]
    assert [(f["line"], f["api"]) for f in findings(project, "lv.c", target="3.13")] == [
        (4, "Py_TYPE"), (5, "Py_SIZE"), (6, "Py_REFCNT")]
    gcc = shutil.which("gcc")
    if gcc is None:
        return
    source = tmp_path / "lv.c"
    source.write_text(LVALUES)
    for version, include in python_includes().items():
        run = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)], capture_output=True, text=True)
        failing = sorted({int(n) for n in re.findall(r":(\d+):\d+: error", run.stderr)})
        assert failing == ([4, 5, 6] if version >= (3, 11) else [6] if version >= (3, 10) else []), version


def test_cython_shims_in_a_header_it_names(project):
    # pyzmq 18.1's buffers.pxd: cdef extern from "pyversion_compat.h" (in zmq/utils), which
    # #defines PyObject_CheckReadBuffer for Python 3; PyObject_AsReadBuffer it leaves alone
    project.write("setup.py", "")
    project.write("zmq/utils/pyversion_compat.h", "#if PY_VERSION_HEX >= 0x03000000\n"
                  "    #define PyObject_CheckReadBuffer(object) (0)\n#endif\n")
    project.write("zmq/utils/buffers.pxd", 'cdef extern from "pyversion_compat.h":\n    pass\n\n'
                  "cdef inline int check(object ob):\n    return PyObject_CheckReadBuffer(ob)\n\n"
                  "cdef inline int read(object ob):\n    return PyObject_AsReadBuffer(ob, NULL, NULL)\n")
    assert [(f["line"], f["api"]) for f in findings(project, "zmq/utils/buffers.pxd")] == [(8, "PyObject_AsReadBuffer")]


def test_cython_shims_a_header_it_names_defines_as_functions(project):
    # gensim 4.4.0's models/word2vec_inner.pxd: cdef extern from "voidptr.h": void*
    # PyCObject_AsVoidPtr(object obj), which voidptr.h defines as a static function on
    # PyCapsule_GetPointer under #if PY_VERSION_HEX >= 0x03020000; word2vec_inner.pyx calls it. One
    # defined only for Python 2 is CPython's, gone
    project.write("setup.py", "")
    header = ("#include <Python.h>\n#if PY_VERSION_HEX >= 0x03020000\n"
              "static void * PyCObject_AsVoidPtr(PyObject *obj)\n{\n    return PyCapsule_GetPointer(obj, NULL);\n}\n"
              "#endif\n")
    project.write("m/voidptr.h", header)
    project.write("m/inner.pxd", 'cdef extern from "voidptr.h":\n    void* PyCObject_AsVoidPtr(object obj)\n')
    project.write("m/inner.pyx", "import blas\n\ncdef void *p = PyCObject_AsVoidPtr(blas.scopy._cpointer)\n")
    assert findings(project, "m/inner.pyx") == []
    project.write("m/voidptr.h", header.replace(">= 0x03020000", "< 0x03000000"))
    assert [(f["line"], f["api"]) for f in findings(project, "m/inner.pyx")] == [(3, "PyCObject_AsVoidPtr")]


def test_cython_shims_in_the_pxd_of_the_same_name(project):
    # PyYAML 3.12: ext/_yaml.pyx calls PyString_AS_STRING, which ext/_yaml.pxd (included by Cython
    # implicitly, no cimport written) declares in cdef extern from "_yaml.h", and _yaml.h #defines
    # as PyBytes_AS_STRING for Python 3; PyString_AsString it leaves alone
    project.write("setup.py", "")
    project.write("ext/_yaml.h", "#if PY_MAJOR_VERSION >= 3\n#define PyString_AS_STRING PyBytes_AS_STRING\n#endif\n")
    project.write("ext/_yaml.pxd", 'cdef extern from "_yaml.h":\n    char *PyString_AS_STRING(object o)\n'
                  "    char *PyString_AsString(object o)\n")
    code = "import yaml\n\ncdef f(object s):\n    return PyString_AS_STRING(s), PyString_AsString(s)\n"
    project.write("ext/_yaml.pyx", code)
    assert [(f["line"], f["api"]) for f in findings(project, "ext/_yaml.pyx")] == [(4, "PyString_AsString")]
    # another module's .pxd is not included: both are reported there
    project.write("ext/other.pyx", code)
    assert [f["api"] for f in findings(project, "ext/other.pyx")] == ["PyString_AS_STRING", "PyString_AsString"]


FLOAT_FROM_STRING = """\
#include <Python.h>
PyObject *two(PyObject *s) { return PyFloat_FromString(s, NULL); }
PyObject *one(PyObject *s) { return PyFloat_FromString(s); }
PyObject *nested(PyObject *s) { return PyFloat_FromString(PyObject_Str(s)); }
#if PY_MAJOR_VERSION < 3
PyObject *py2(PyObject *s) { return PyFloat_FromString(s, NULL); }
#endif
"""


def test_a_call_with_the_python_2_argument_count(project):
    """``PyFloat_FromString(s, NULL)``: the Python 2 signature, reported where it is compiled."""
    project.write("f.c", FLOAT_FROM_STRING)
    doc = project.check_json("f.c", target="3.13")
    assert [(f["line"], f["api"], f["severity"]) for f in doc["findings"]] == [(2, "PyFloat_FromString", "error")]


def test_gcc_agrees_on_the_argument_count(project):
    """gcc on each real 3.13+ header set fails on exactly the lines reported."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 13)}
    if not includes:
        pytest.skip("needs the headers of CPython 3.13 or later")
    source = project.write("f.c", FLOAT_FROM_STRING)
    for version, include in sorted(includes.items()):
        result = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)],
                                capture_output=True, text=True)
        failed = {int(n) for n in re.findall(r"^[^:\n]*f\.c:(\d+):\d+: error", result.stderr, re.MULTILINE)}
        doc = project.check_json("f.c", target=f"3.{version[1]}")
        assert failed == {f["line"] for f in doc["findings"]}, (version, result.stderr)


def test_arity_needs_arguments(tmp_path):
    from outmoded.catalog import CatalogError, load_catalog

    entry = ("- code: OMC00017\n  name: PyFoo\n  kind: capi\n  check: {check}\n  removed_in: '3.0'\n"
             "  replacement: x\n  fix: none\n  reason: x\n  doc: https://docs.python.org\n{extra}")
    for check, extra in (("arity", ""), ("removed", "  arguments: 2\n"), ("arity", "  arguments: two\n")):
        (tmp_path / "capi_3_0.yaml").write_text(entry.format(check=check, extra=extra))
        with pytest.raises(CatalogError, match="check 'arity' needs arguments"):
            load_catalog(tmp_path)
    (tmp_path / "capi_3_0.yaml").write_text(entry.format(check="arity", extra="  arguments: 2\n"))
    assert load_catalog(tmp_path).entries[0].arguments == 2


MACRO_CHOOSES = """\
#include <Python.h>

#if PY_MAJOR_VERSION >= 3
#define IS_PY3K
#endif

/* helper to switch things like string literal depending on Python version */
#ifdef IS_PY3K
#define PY23(py2, py3) py3
#else
#define PY23(py2, py3) py2
#endif
#define FIRST(a, b) a

PyObject *hexdigest(const char *hexhash)
{
    return PY23(PyString_FromStringAndSize, PyUnicode_FromStringAndSize)(hexhash, 40);
}

PyObject *first(const char *text)
{
    return FIRST(PyString_FromString, PyUnicode_FromString)(text);
}
"""


def test_an_argument_a_live_macro_drops_is_not_compiled(project):
    # mercurial 7.2.4's thirdparty/sha1dc/cext.c: PY23(py2, py3) is py3 under #ifdef IS_PY3K
    project.write("src/cext.c", MACRO_CHOOSES)
    reported = {(f["line"], f["api"]) for f in findings(project, "src", target="3.13") if f["severity"] == "error"}
    assert reported == {(22, "PyString_FromString")}
    gcc = shutil.which("gcc")
    for version, include in sorted(python_includes().items()) if gcc else ():
        missing, _ = _missing_names(gcc, project.root / "src/cext.c", include)
        assert missing == {"PyString_FromString"}, version  # what gcc misses on a real Python 3


def test_an_argument_a_project_header_macro_drops_is_not_compiled(project):
    # bjoern 3.2.2's filewrapper.c: PyFile_IncUseCount((PyFileObject*)file), where its py2py3.h
    # defines PyFile_IncUseCount(file) as NOP under #if PY_MAJOR_VERSION >= 3: the cast is dropped
    project.write("src/py2py3.h", """\
#if PY_MAJOR_VERSION >= 3
#define NOP do{}while(0)
#define PyFile_IncUseCount(file) NOP
#define KEEP(file) ((void)(file))
#endif
#ifdef TRACE_LOG
#define SHOWLOG(a, b) showlog(a, b)
#else
#define SHOWLOG(a, b)
#endif
""")
    project.write("src/filewrapper.c", """\
#include <Python.h>
#include "py2py3.h"

void use(PyObject *file)
{
    PyFile_IncUseCount((PyFileObject*)file);
}

void keep(PyObject *file)
{
    KEEP((PyFileObject*)file);
}

void logged(PyObject *file)
{
    SHOWLOG(0, (PyFileObject*)file);  /* TRACE_LOG may be defined by the build: kept */
}
""")
    reported = {(f["line"], f["api"]) for f in findings(project, "src", target="3.13") if f["severity"] == "error"}
    assert reported == {(11, "PyFileObject"), (16, "PyFileObject")}
    gcc = shutil.which("gcc")
    for version, include in sorted(python_includes().items()) if gcc else ():
        missing, _ = _missing_names(gcc, project.root / "src/filewrapper.c", include)
        assert missing == {"PyFileObject"}, version  # keep()'s, on a real Python 3


def test_a_version_test_through_a_function_like_macro(project):
    # dbus-python 1.5.1's dbus_bindings/dbus_bindings-internal.h backports PyWeakref_GetRef with
    # PyWeakref_GetObject (gone in 3.15) only where its own macro says the Python is older than 3.13
    project.write("src/internal.h", """\
#include <Python.h>
#define DBUSPY_PY_VERSION_AT_LEAST(x, y, z, w) \\
    (PY_VERSION_HEX >= ((x * 0x01000000) + (y * 0x010000) + (z * 0x0100) + w))
#if !DBUSPY_PY_VERSION_AT_LEAST(3, 13, 0, 0xc0)
static inline int backport_PyWeakref_GetRef(PyObject *ref, PyObject **pobj)
{
    PyObject *obj = PyWeakref_GetObject(ref);
    *pobj = obj;
    return obj != NULL;
}
#endif
#if DBUSPY_PY_VERSION_AT_LEAST(3, 15, 0, 0)
static PyObject *still(PyObject *ref) { return PyWeakref_GetObject(ref); }
#endif
""")
    assert [(f["line"], f["api"]) for f in findings(project, "src", target="3.15")] == [(13, "PyWeakref_GetObject")]


def test_a_name_gone_before_the_projects_floor(project):
    # pyqt5-sip 12.20.1's sip.h (requires-python >=3.10): a deprecated public macro calling
    # PyString_FromString, gone with 3.0, fails wherever it is expanded on every Python the project
    # supports; PyEval_CallObject (gone in 3.13) is what the upgrade breaks
    project.write("pyproject.toml", "[project]\nname = 'sip'\nrequires-python = '>=3.10'\n")
    project.write("sip.h", "#include <Python.h>\n#define sipClassName(w) PyString_FromString(Py_TYPE(w)->tp_name)\n"
                           "#define sipCall(f, a) PyEval_CallObject(f, a)\n")
    assert [(f["line"], f["api"], f["severity"]) for f in findings(project, ".")] == [
        (3, "PyEval_CallObject", "error")]
    shown = findings(project, ".", extra=("--dead-compat",))
    assert [(f["line"], f["severity"], f["context"]) for f in shown] == [
        (2, "warning", "broken-at-floor"), (3, "error", None)]
    project.write("pyproject.toml", "[project]\nname = 'sip'\n")  # no floor declared
    assert [(f["line"], f["severity"]) for f in findings(project, ".")] == [(2, "error"), (3, "error")]


def test_swigs_builtin_branches_compile_only_where_swig_wrote_the_macro(project):
    # cvxpy 1.9.3's cvxcore_wrap.cxx (SWIG 4.2.1, run without -builtin): SWIG_Python_GetSwigThis
    # calls PyWeakref_GET_OBJECT (gone in 3.15) under #ifdef SWIGPYTHON_BUILTIN, which SWIG #defines
    # at the top of the wrappers it generates with -builtin only: never compiled there
    body = """\
        #include <Python.h>
        PyObject *this_of(PyObject *pyobj)
        {
        #ifdef SWIGPYTHON_BUILTIN
          if (PyWeakref_CheckProxy(pyobj))
            return PyWeakref_GET_OBJECT(pyobj);
          return NULL;
        #else
          return PyObject_GetAttrString(pyobj, "this");
        #endif
        }
        #if defined(SWIGPYTHON_BUILTIN) && PY_VERSION_HEX >= 0x03000000
        static PyObject *other(PyObject *o) { return PyWeakref_GetObject(o); }
        #endif
        """
    project.write("plain_wrap.cxx", "/* generated by SWIG without -builtin */\n#define SWIGPYTHON\n" + textwrap.dedent(body))
    assert findings(project, "plain_wrap.cxx", target="3.15") == []
    project.write("builtin_wrap.cxx", "#define SWIGPYTHON\n#define SWIGPYTHON_BUILTIN\n" + textwrap.dedent(body))
    assert [(f["line"], f["api"]) for f in findings(project, "builtin_wrap.cxx", target="3.15")] == [
        (8, "PyWeakref_GET_OBJECT"), (15, "PyWeakref_GetObject")]


def test_cython_names_the_file_declares_are_its_own(project):
    # sagemath-standard 10.7's sage/cpython/type.pyx: cdef PyTypeObject* PyInstance_Type = NULL,
    # set from types.InstanceType where Python 2 has it, then `if tp is PyInstance_Type`: a module
    # variable of its own (Cython 3.3 on 3.13.0's headers compiles it; it imports and runs there).
    # The same names used as CPython's, declared in a cdef extern block, are still reported
    project.write("setup.py", "")
    project.write("own.pyx", """\
        from cpython.object cimport Py_TYPE, PyTypeObject
        cdef PyTypeObject* PyInstance_Type = NULL
        cdef:
            object PyClass_Type = None
        cdef inline bint PyInstance_Check(obj, int flags=0):
            return Py_TYPE(obj) is PyInstance_Type
        def f(o):
            return PyInstance_Check(o) or o is PyClass_Type
        """)
    assert findings(project, "own.pyx") == []
    # msgpack 0.5.6's _unpacker.pyx: cdef int PyObject_AsReadBuffer(...) inside its cdef extern block
    project.write("theirs.pyx", """\
        cdef extern from "Python.h":
            bint PyInstance_Check(object)
            cdef int PyObject_AsReadBuffer(object o, const void** buff, Py_ssize_t* buf_len) except -1
        cdef int n = len(PyInstance_Check)
        def f(o, const void* buf, Py_ssize_t size):
            return PyInstance_Check(o), PyObject_AsReadBuffer(o, &buf, &size)
        """)
    assert [(f["line"], f["api"]) for f in findings(project, "theirs.pyx")] == [
        (4, "PyInstance_Check"), (6, "PyInstance_Check"), (6, "PyObject_AsReadBuffer")]
