"""Removed struct members (``tstate->frame``, ``frame->f_back``): found only on receivers known to be
their struct, and true against the headers of real CPythons (gcc)."""

import re
import subprocess

import pytest
from native_helpers import include_flags, need_gcc, python_includes

from outmoded.catalog import default_catalog, format_version

MEMBERS = [e for e in default_catalog().entries if e.kind == "capi" and e.member_of]

USES = """\
#include <Python.h>
#include <frameobject.h>

static int depth(void) {
    PyThreadState *tstate = PyThreadState_Get();
    return tstate->recursion_depth;
}

static PyObject *caller(PyThreadState *ts) {
    PyFrameObject *f = ts->frame;
    if (f == NULL || f->f_back == NULL) return NULL;
    return (PyObject *)ts->frame->f_back->f_code->co_varnames;
}

static int line(PyObject *op) { return ((PyFrameObject *)op)->f_lineno; }

static int tracing(void) { return PyThreadState_GET()->use_tracing + PyThreadState_GET()->cframe->use_tracing; }

static PyObject *handled(PyThreadState *tstate) {
    if (tstate->exc_info->exc_type != NULL) return tstate->exc_info->exc_type;
    return tstate->exc_state.exc_traceback;
}
"""


def test_members_on_known_receivers(project, errors):
    project.write("ext.c", USES)
    assert errors("ext.c", "3.13", lines=True) == [
        (6, "PyThreadState.recursion_depth"),
        (10, "PyThreadState.frame"), (11, "PyFrameObject.f_back"),
        (12, "PyCodeObject.co_varnames"), (12, "PyFrameObject.f_back"), (12, "PyFrameObject.f_code"),
        (12, "PyThreadState.frame"),
        (15, "PyFrameObject.f_lineno"),
        (17, "PyThreadState.cframe"), (17, "PyThreadState.use_tracing"), (17, "_PyCFrame.use_tracing"),
        (20, "_PyErr_StackItem.exc_type"), (20, "_PyErr_StackItem.exc_type"),
        (21, "_PyErr_StackItem.exc_traceback"),
    ]


def test_each_member_from_its_removal(project, errors):
    project.write("ext.c", USES)
    assert errors("ext.c", "3.10") == {"PyThreadState.use_tracing"}
    assert errors("ext.c", "3.12") >= {"_PyCFrame.use_tracing", "PyThreadState.frame"}
    assert "PyThreadState.cframe" not in errors("ext.c", "3.12")


def test_the_message_names_the_struct_and_the_replacement(project):
    project.write("ext.c", USES)
    doc = project.check_json("ext.c", target="3.13")
    frame = next(f for f in doc["findings"] if f["api"] == "PyThreadState.frame")
    assert frame["code"] == "OMC11016" and frame["removed_in"] == "3.11"
    assert "PyThreadState_GetFrame" in frame["message"]


def test_other_receivers_are_not_reported(project, errors):
    project.write("ext.c", """\
        #include <Python.h>
        struct walker { int frame; int recursion_depth; PyObject *f_back; };
        typedef struct { PyObject_HEAD PyObject *f_code; } Tracer;

        static int walk(struct walker *w, Tracer *self) {
            return w->frame + w->recursion_depth + (self->f_code != NULL) + (w->f_back != NULL);
        }
        """)
    project.write("fast.pyx", """\
        import sys

        def caller():
            frame = sys._getframe()
            return frame.f_back.f_code.co_varnames, frame.f_lineno
        """)
    assert errors("ext.c", "3.15", lines=True) == []
    assert errors("fast.pyx", "3.15", lines=True) == []


def test_version_guards_and_cython_declarations(project, errors):
    project.write("ext.c", """\
        #include <Python.h>
        static PyObject *back(PyFrameObject *frame) {
        #if PY_VERSION_HEX >= 0x03090000
            return (PyObject *)PyFrame_GetBack(frame);
        #else
            Py_XINCREF(frame->f_back);
            return (PyObject *)frame->f_back;
        #endif
        }
        """)
    assert errors("ext.c", "3.13", lines=True) == []
    project.write("trace.pyx", """\
        from cpython.pystate cimport PyThreadState, PyThreadState_Get

        cdef int depth():
            cdef PyThreadState* ts = PyThreadState_Get()
            return ts.recursion_depth
        """)
    assert errors("trace.pyx", "3.13", lines=True) == [(5, "PyThreadState.recursion_depth")]


def _compiling(gcc, include, probes, tmp_path, internal=False) -> set:
    """The (type, member) pairs of ``probes`` that compile against ``include``: one source, one
    function a line, gcc's errors read by line; ``internal``: with CPython's internal frame header."""
    source = tmp_path / "probe.c"
    head = ["#include <Python.h>", "#include <frameobject.h>"]
    head += ["#define Py_BUILD_CORE 1", '#include "internal/pycore_frame.h"'] if internal else []
    lines = [f"void probe{i}({kind} *p) {{ (void)&p->{member}; }}" for i, (kind, member) in enumerate(probes)]
    source.write_text("\n".join(head + lines) + "\n")
    result = subprocess.run([gcc, "-fsyntax-only", "-fmax-errors=0", *include_flags(include), str(source)],
                            capture_output=True, text=True)
    failed = {int(n) - len(head) - 1 for n in re.findall(rf"^{re.escape(str(source))}:(\d+):\d+: error", result.stderr, re.M)}
    return {probe for i, probe in enumerate(probes) if i not in failed}


def test_members_are_true_against_real_headers(tmp_path):
    """Each member compiles on the last release before its removal and on none since (gcc)."""
    gcc = need_gcc()
    includes = python_includes()
    probes = sorted({(e.member_of[0], name) for e in MEMBERS for name in e.names})
    compiling = {version: _compiling(gcc, include, probes, tmp_path) for version, include in includes.items()}
    checked, wrong = 0, []
    for entry in MEMBERS:
        kind = entry.member_of[0]
        before = (entry.removed_in[0], entry.removed_in[1] - 1)
        for name in entry.names:
            for version in sorted(compiling):
                if version != before and version < entry.removed_in:
                    continue
                checked += 1
                if ((kind, name) in compiling[version]) != (version == before):
                    state = "missing from" if version == before else "still in"
                    wrong.append(f"{entry.code} {kind}.{name}: {state} the {format_version(version)} headers")
    if not checked:
        pytest.skip("no CPython headers on this machine")
    assert wrong == []


def test_internal_frame_members_against_real_headers(tmp_path):
    """With internal/pycore_frame.h (what Cython 3 and greenlet include on 3.11+), exactly the
    members INTERNAL_FRAME names of the catalogued PyFrameObject ones compile (gcc)."""
    from outmoded.native.members import INTERNAL_FRAME

    gcc = need_gcc()
    probes = sorted({("PyFrameObject", name) for e in MEMBERS if e.member_of[0] == "PyFrameObject" for name in e.names})
    checked = [version for version in python_includes() if version >= (3, 11)]
    if not checked:
        pytest.skip("no CPython 3.11+ headers on this machine")
    for version in checked:
        compiling = _compiling(gcc, python_includes()[version], probes, tmp_path, internal=True)
        assert {name for _, name in compiling} == INTERNAL_FRAME[1], version


def test_members_of_the_projects_own_structs(project, errors):
    # greenlet 0.4.17: greenlet.h's PyGreenlet holds a _PyErr_StackItem exc_state, and greenlet.c
    # reads g->exc_state.exc_type; gcc on real 3.13 headers fails on exactly those lines
    project.write("greenlet.h", "#include <Python.h>\ntypedef struct _greenlet {\n  PyObject_HEAD\n"
                  "  _PyErr_StackItem exc_state;\n  PyObject *weakreflist;\n} PyGreenlet;\n")
    # (a C file naming none of the catalogued structs, calls or removed names is not read at all)
    project.write("greenlet.c", '#include "greenlet.h"\nstatic void clear(PyGreenlet *g) {\n'
                  "  g->exc_state.exc_type = NULL;\n  g->exc_state.exc_value = NULL;\n  g->weakreflist = NULL;\n}\n"
                  "static PyThreadState *ts(void) { return PyThreadState_GET(); }\n")
    assert errors("greenlet.c", "3.13", lines=True) == [(3, "_PyErr_StackItem.exc_type")]
    assert errors("greenlet.c", "3.10", lines=True) == []


def test_cython_frame_members_reached_through_internal_headers(project, errors):
    # Cython 3.3's tests/run/line_trace.pyx: its runner builds it on 3.11, whose C includes
    # internal/pycore_frame.h; f_code is in no PyFrameObject there; the limited API has none
    text = """\
        cdef extern from "frameobject.h":
            ctypedef struct PyFrameObject:
                PyObject *f_trace
                PyObject *f_code

        cdef int trampoline(PyFrameObject* _frame):
            callback = <object>_frame.f_trace
            return <object>_frame.f_code is None
        """
    project.write("line_trace.pyx", text)
    assert errors("line_trace.pyx", "3.11", lines=True) == [(8, "PyFrameObject.f_code")]
    project.write("line_trace.pyx", "# distutils: define_macros=Py_LIMITED_API=0x030b0000\n" + text)
    assert errors("line_trace.pyx", "3.11", lines=True) == [(8, "PyFrameObject.f_trace"), (9, "PyFrameObject.f_code")]


def test_member_of_is_validated(tmp_path):
    from outmoded.catalog import CatalogError, load_catalog

    entry = ("- code: OMC11016\n  name: frame\n  kind: {kind}\n  member_of: {member_of}\n  removed_in: '3.11'\n"
             "  replacement: x\n  fix: none\n  reason: x\n  doc: https://docs.python.org\n")
    for kind, member_of in (("attribute", "[PyThreadState]"), ("capi", "PyThreadState"), ("capi", "['Py State']")):
        (tmp_path / "capi_3_11.yaml").write_text(entry.format(kind=kind, member_of=member_of))
        with pytest.raises(CatalogError, match=r"entry 1 \(OMC11016\): member_of needs kind 'capi'"):
            load_catalog(tmp_path)
    (tmp_path / "capi_3_11.yaml").write_text(entry.format(kind="capi", member_of="[PyThreadState, _ts]")
                                             + "  returned_by: [PyThreadState_Get, PyThreadState.a.b]\n")
    with pytest.raises(CatalogError, match="returned_by of a member needs C function names or Type.member"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_11.yaml").write_text(entry.format(kind="capi", member_of="[PyThreadState, _ts]"))
    assert load_catalog(tmp_path).entries[0].member_of == ("PyThreadState", "_ts")


def test_internal_headers_and_cython_utility_templates(project, errors):
    # mypyc's lib-rt: with internal/pycore_frame.h, PyFrameObject's f_lineno is there again
    project.write("exc_ops.c", """\
        #include <Python.h>
        #if PY_VERSION_HEX >= 0x030B0000
        #define Py_BUILD_CORE
        #include "internal/pycore_frame.h"
        #endif
        static void here(PyThreadState *ts, PyCodeObject *code, int line) {
            PyFrameObject *frame_obj = PyFrame_New(ts, code, PyEval_GetGlobals(), 0);
            frame_obj->f_lineno = line;
        }
        """)
    assert errors("exc_ops.c", "3.13", lines=True) == []
    # greenlet 3.5's TGreenlet.cpp: through its TGreenlet.hpp, live on the target only
    project.write("TGreenlet.hpp", "#include <Python.h>\n#if PY_VERSION_HEX >= 0x030B0000\n"
                  "#define Py_BUILD_CORE\n#include \"internal/pycore_frame.h\"\n#endif\n")
    project.write("TGreenlet.cpp", '#include "TGreenlet.hpp"\n'
                  "static void f(PyFrameObject *frame) { frame->f_back = NULL; }\n")
    assert errors("TGreenlet.cpp", "3.13", lines=True) == []
    project.write("TGreenlet.hpp", "#include <Python.h>\n#if PY_VERSION_HEX < 0x030B0000\n"
                  "#include \"internal/pycore_frame.h\"\n#endif\n")
    assert errors("TGreenlet.cpp", "3.13", lines=True) == [(2, "PyFrameObject.f_back")]
    # Cython's Utility/Exceptions.c: sections copied into generated C, where CYTHON_* come from PY_VERSION_HEX
    project.write("Exceptions.c", """\
        /////////////// SaveResetException.proto ///////////////
        #if CYTHON_FAST_THREAD_STATE
        static void __Pyx__ExceptionSave(PyThreadState *tstate, PyObject **type);
        #endif
        /////////////// SaveResetException ///////////////
        #if CYTHON_FAST_THREAD_STATE
        static void __Pyx__ExceptionSave(PyThreadState *tstate, PyObject **type) {
            *type = tstate->exc_type;
        }
        #endif
        """)
    assert errors("Exceptions.c", "3.13", lines=True) == []
    project.write("plain.c", "#include <Python.h>\n" + (project.root / "Exceptions.c").read_text().replace("///", "// "))
    assert errors("plain.c", "3.13", lines=True) == [(9, "PyThreadState.exc_type")]


OWN_PYTHON_H = """\
#ifndef __PYTHON_H__
#define __PYTHON_H__
class PyObject { public: long ob_refcnt; };
class PyVarObject : public PyObject { public: long ob_size; };
class PyStringObject : public PyVarObject { public: long ob_shash; char ob_sval[1]; };
class PyFrameObject : public PyObject { public: PyObject *f_trace; };
class PyThreadState { };
typedef struct _cframe { int use_tracing; } CFrame;
class PyThreadState_310 : public PyThreadState { public: PyThreadState *next; CFrame *cframe; };
#endif
"""
ATTACH = """\
#include <dlfcn.h>
#include "python.h"
typedef PyObject* (PyInt_FromLong)(long);
typedef int (*PyEval_ThreadsInitialized)();
static void settrace(PyThreadState *tstate, PyFrameObject *frame, void *lib) {
    PyInt_FromLong* intFromLong = (PyInt_FromLong*)dlsym(lib, "PyInt_FromLong");
    PyEval_ThreadsInitialized initialized = (PyEval_ThreadsInitialized)dlsym(lib, "PyEval_ThreadsInitialized");
    PyObject *trace = frame->f_trace;
    ((PyThreadState_310 *)tstate)->cframe->use_tracing = initialized() && intFromLong(1) && trace;
}
"""


def test_a_file_declaring_the_python_types_itself_uses_none_of_cpythons(project, errors):
    # debugpy 1.8.22's pydevd attaches to a running Python of any version through its own
    # common/python.h (class PyStringObject, PyThreadState_310...) and typedefs of the functions it
    # looks up with dlsym (typedef PyObject* (PyInt_FromLong)(long)): it never includes Python.h
    project.write("setup.py", "")
    project.write("attach/python.h", OWN_PYTHON_H)
    project.write("attach/attach.cpp", ATTACH)
    assert errors("attach/attach.cpp", "3.13") == set()
    assert errors("attach/python.h", "3.13") == set()
    # against CPython's headers, the same names are CPython's
    project.write("ext/ext.cpp", "#include <Python.h>\n#include <frameobject.h>\n"
                  "typedef struct _frame PyFrameObject;\n"
                  "static PyObject *f(PyFrameObject *frame) { PyEval_ThreadsInitialized(); return frame->f_code; }\n"
                  "static PyObject *g(long v) { return PyInt_FromLong(v); }\n")
    assert errors("ext/ext.cpp", "3.13") == {"PyEval_ThreadsInitialized", "PyFrameObject.f_code", "PyInt_FromLong"}


def test_the_enumerators_of_an_enum_the_file_defines_are_its_own(project, errors):
    # xdis 6.3.0's maynard-tool/opcode33.h, a copy of CPython 3.3's opcode.h that se33.c (a C
    # program that never includes Python.h: gcc se33.c builds and runs it) includes: enum cmp_op
    # {PyCmp_LT=Py_LT, ...}, the enum 3.9 removed from CPython's headers
    project.write("setup.py", "")
    project.write("tool/opcode33.h", "enum cmp_op {PyCmp_LT=Py_LT, PyCmp_LE=Py_LE,\n"
                  "             PyCmp_IN, PyCmp_NOT_IN, PyCmp_BAD};\n")
    project.write("tool/se33.c", '#include "opcode33.h"\n'
                  "int main(void) { return PyCmp_BAD - PyCmp_IN; }\n")
    assert errors("tool/opcode33.h", "3.13") == set()
    assert errors("tool/se33.c", "3.13") == set()
    # an enum of the file's own whose value reads CPython's names: those are CPython's
    project.write("ext/ext.c", "#include <Python.h>\nenum mine {LESS = PyCmp_LT, MORE};\n"
                  "static int f(void) { return PyCmp_IN + LESS; }\n")
    assert errors("ext/ext.c", "3.13") == {"PyCmp_LT", "PyCmp_IN"}
