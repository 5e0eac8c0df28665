"""Extension modules that re-enable the GIL on a free-threaded build (3.13t)."""

import json
import os

import pytest

# single-phase init, no PyUnstable_Module_SetGIL: OMT002
SINGLE_PHASE = ('#include "Python.h"\nstatic PyModuleDef mod_def = {PyModuleDef_HEAD_INIT, "ext", NULL, 0};\n'
                "PyObject* PyInit_ext(void)\n{\n\treturn PyModule_Create(&mod_def);\n}\n")
MULTI_PHASE = """\
#include <Python.h>
static int exec_module(PyObject *m) {{ return 0; }}
static PyModuleDef_Slot spam_slots[] = {{
    {{Py_mod_exec, exec_module}},
{slot}
    {{0, NULL}}
}};
static struct PyModuleDef spam_module = {{PyModuleDef_HEAD_INIT, "spam", NULL, 0, NULL, spam_slots}};
PyMODINIT_FUNC PyInit_spam(void) {{ return PyModuleDef_Init(&spam_module); }}
"""


def gil_findings(project, name="spam.c", target="3.13"):
    doc = project.check_json("--free-threading", name, target=target)
    assert doc["errors"] == []
    return [(f["code"], f["api"], f["line"], f["severity"]) for f in doc["findings"] if f["code"].startswith("OMT")]


@pytest.mark.parametrize("slot, reported", [
    ("", True),
    ("    {Py_mod_gil, Py_MOD_GIL_NOT_USED},", False),
    ("#ifdef Py_GIL_DISABLED\n    {Py_mod_gil, Py_MOD_GIL_NOT_USED},\n#endif", False),
    ("#if PY_VERSION_HEX >= 0x030D0000\n    {Py_mod_gil, Py_MOD_GIL_NOT_USED},\n#endif", False),
    ("    {Py_mod_gil, Py_MOD_GIL_USED},   /* a deliberate choice */", False),
    ("#if PY_VERSION_HEX >= 0x030E0000\n    {Py_mod_gil, Py_MOD_GIL_NOT_USED},\n#endif", True),  # not on 3.13
    ("    /* {Py_mod_gil, Py_MOD_GIL_NOT_USED}, */", True),
])
def test_multi_phase_slots(project, slot, reported):
    project.write("spam.c", MULTI_PHASE.format(slot=slot))
    expected = [("OMT001", "spam_slots", 3, "warning")] if reported else []
    assert gil_findings(project) == expected


def test_message_says_how(project):
    project.write("spam.c", MULTI_PHASE.format(slot=""))
    doc = project.check_json("--free-threading", "spam.c")
    message = doc["findings"][0]["message"]
    assert "re-enables the GIL" in message and "{Py_mod_gil, Py_MOD_GIL_NOT_USED}" in message


def test_single_phase(project):
    body = """\
        #include <Python.h>
        static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "spam", NULL, -1, NULL};
        PyMODINIT_FUNC PyInit_spam(void) {
            PyObject *m = PyModule_Create(&def);
        %s
            return m;
        }
        """
    project.write("spam.c", body % "")
    assert gil_findings(project) == [("OMT002", "PyModule_Create", 4, "warning")]
    assert gil_findings(project, target="3.12") == []
    declared = "#ifdef Py_GIL_DISABLED\n    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);\n#endif"
    project.write("spam.c", body % declared)
    assert gil_findings(project) == []


def test_pybind11(project):
    project.write("ext.cpp", '#include <pybind11/pybind11.h>\nPYBIND11_MODULE(fastmath, m) {\n m.def("f", &f);\n}\n')
    assert gil_findings(project, "ext.cpp") == [("OMT004", "fastmath", 2, "warning")]
    project.write("ext.cpp", "PYBIND11_MODULE(fastmath, m, py::mod_gil_not_used()) {}\n")
    assert gil_findings(project, "ext.cpp") == []


@pytest.mark.parametrize("condition", [
    "#if PYBIND11_VERSION_HEX >= 0x020D00F0  // pybind11 2.13.0",  # optree 0.20.0's src/optree.cpp
    "#if (PYBIND11_VERSION_MAJOR == 2 && PYBIND11_VERSION_MINOR >= 13) || \\\n    PYBIND11_VERSION_MAJOR >= 3",
    "#ifdef Py_GIL_DISABLED",
])
def test_pybind11_declared_in_the_other_branch(project, condition):
    """The #else for a pybind11 before 2.13 (no mod_gil_not_used, no free-threaded support) of a
    module the file declares in its branch for a newer one (optree 0.20.0, spglib 2.8.0): was OMT004."""
    body = ("#include <pybind11/pybind11.h>\n" + condition + "\n"
            "PYBIND11_MODULE(_C, mod, py::mod_gil_not_used())\n#else\nPYBIND11_MODULE(_C, mod)\n#endif\n"
            "{\n    build(mod);\n}\n")
    project.write("ext.cpp", body)
    assert gil_findings(project, "ext.cpp", target="3.14") == []
    # another module's declaration says nothing of this one
    project.write("ext.cpp", body.replace("PYBIND11_MODULE(_C, mod)\n#endif", "PYBIND11_MODULE(_D, mod)\n#endif"))
    assert gil_findings(project, "ext.cpp", target="3.14") == [("OMT004", "_D", body.count("\n", 0, body.index("#else")) + 2, "warning")]


def test_not_a_slot_array(project):
    project.write("x.c", "void f(PyModuleDef_Slot *slots);\nextern PyModuleDef_Slot table[];\n")
    assert gil_findings(project, "x.c") == []


@pytest.mark.parametrize("spelling", ["3.14t", "py314t", "cp314t"])
def test_target_spelled_for_the_free_threaded_build(project, spelling):
    """`check --target-version 3.14t`, as `deps`, uv and the interpreter's name spell it, is 3.14
    with --free-threading (it was refused: must look like 3.13)."""
    project.write("spam.c", MULTI_PHASE.format(slot=""))
    doc = project.check_json("spam.c", target=spelling)
    assert doc["target_version"] == "3.14t"
    assert [(f["code"], f["api"]) for f in doc["findings"]] == [("OMT001", "spam_slots")]
    plain = project.check_json("spam.c", target="3.14")
    assert plain["findings"] == [] and plain["target_version"] == "3.14"


def test_reports_name_the_free_threaded_target(project):
    """The summary, SARIF and the Action's job summary say which build was checked: 3.14t, not
    3.14 (they said "Python 3.14" for a free-threaded target)."""
    project.write("spam.c", MULTI_PHASE.format(slot=""))
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.14t", "spam.c")
    assert "Found 1 finding for Python 3.14t (0 errors, 1 warning) in 1 file" in out
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.14t", "--output-format", "sarif",
                               "spam.c")
    assert json.loads(out)["runs"][0]["properties"]["targetVersion"] == "3.14t"
    project.write("ok.c", "int x;\n")
    code, out, _ = project.run("check", "--no-cache", "--free-threading", "--target-version", "3.13", "ok.c")
    assert code == 0 and "All checks passed for Python 3.13t (1 file)." in out


def test_target_spelled_for_the_free_threaded_build_in_pyproject(project):
    """``target-version = "3.14t"`` in [tool.outmoded] means what --target-version 3.14t does; an
    explicit ``free-threading = false`` beside it wins; ``rules`` takes the spelling too."""
    project.write("spam.c", MULTI_PHASE.format(slot=""))
    project.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.14t"\n')
    code, out, err = project.run("check", "--output-format", "json", "spam.c")
    doc = json.loads(out)
    assert doc["target_version"] == "3.14t" and [f["code"] for f in doc["findings"]] == ["OMT001"], out + err
    project.write("pyproject.toml", '[tool.outmoded]\nfree-threading = false\ntarget-version = "3.14t"\n')
    assert json.loads(project.run("check", "--output-format", "json", "spam.c")[1])["findings"] == []
    project.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.12t"\n')
    code, _, err = project.run("check", "spam.c")
    assert code == 2 and "target-version: there is no free-threaded build of Python 3.12" in err
    code, out, _ = project.run("rules", "--target-version", "3.14t")
    assert code == 0 and out == project.run("rules", "--target-version", "3.14")[1]
    code, _, err = project.run("rules", "--target-version", "3.12t")  # it listed 3.12's rules
    assert code == 2 and "--target-version: there is no free-threaded build of Python 3.12" in err


def test_no_free_threaded_build_before_3_13(project):
    project.write("spam.c", MULTI_PHASE.format(slot=""))
    code, _, err = project.run("check", "--target-version", "3.12t", "spam.c")
    assert code == 2 and "no free-threaded build of Python 3.12" in err


def cython_modules(project, target="3.14"):
    doc = project.check_json("--free-threading", ".", target=target)
    return sorted(f["path"] for f in doc["findings"] if f["code"] == "OMT003")


def test_included_pyx_is_part_of_its_includer(project):
    """uvloop 0.23.0's loop.pyx (freethreading_compatible=True) includes handles/handle.pyx and 20
    more; msgpack 1.2.4's _cmsgpack.pyx its _packer.pyx: one module, whose directive decides (the
    C they ship declares Py_MOD_GIL_NOT_USED)."""
    project.write("pyproject.toml", "[project]\nname = 'uv'\n")
    project.write("uv/loop.pyx", '# cython: language_level=3, freethreading_compatible=True\ninclude "handles/handle.pyx"\n'
                                 'include "lru.pyx"\n')
    project.write("uv/handles/handle.pyx", "cdef class UVHandle:\n    pass\n")
    project.write("uv/lru.pyx", "cdef class LruCache:\n    pass\n")
    project.write("uv/other.pyx", "def f():\n    pass\n")  # a module of its own, without the directive
    assert cython_modules(project) == [os.path.join("uv", "other.pyx")]


@pytest.mark.parametrize("name, text, declared", [
    # httptools 0.9.0: the macro the generated C reads (Py_MOD_GIL_NOT_USED when it is 1)
    ("setup.py", "CFLAGS = ['-O2', '-DCYTHON_FREETHREADING_COMPATIBLE=1']\n", True),
    ("setup.py", "ext = Extension('p', ['p.pyx'], define_macros=[('CYTHON_FREETHREADING_COMPATIBLE', '1')])\n", True),
    ("setup.py", "CFLAGS = ['-DCYTHON_FREETHREADING_COMPATIBLE=0']\n", False),
    # aiohttp 3.14.5's Makefile runs cython -X freethreading_compatible=True
    ("Makefile", "%.c: %.pyx\n\tcython -3 -X freethreading_compatible=True -o $@ $<\n", True),
    ("Makefile", "%.c: %.pyx\n\tcython -3 -o $@ $<\n", False),
])
def test_directive_in_build_files(project, name, text, declared):
    project.write(name, text)
    project.write("p.pyx", "def f():\n    pass\n")
    assert cython_modules(project) == ([] if declared else ["p.pyx"])


def test_directive_in_a_module_setup_py_imports(project):
    """h5py 3.16.0: setup.py imports setup_build, whose build_ext sets
    compiler_directives["freethreading_compatible"] = True for Cython 3.1+."""
    project.write("setup.py", "from setuptools import setup\nimport setup_build, setup_configure\nsetup()\n")
    project.write("setup_configure.py", "X = 1\n")
    project.write("setup_build.py", 'compiler_directives = {}\nif ok:\n'
                                    '    compiler_directives["freethreading_compatible"] = True\n')
    project.write("h5py/h5a.pyx", "def f():\n    pass\n")
    assert cython_modules(project) == []
    project.write("setup.py", "from setuptools import setup\nsetup()\n")  # not imported: not the build's
    assert cython_modules(project) == [os.path.join("h5py", "h5a.pyx")]


def test_setup_py_is_read_once_for_the_directive_and_its_imports(project):
    """The free-threading check reads setup.py once for both questions it asks of it: does it set
    the directive, and which of its sibling modules does it import (h5py 3.16's setup_build)."""
    project.write("setup.py", "from setuptools import setup\nimport setup_build\nsetup()\n")
    project.write("setup_build.py", "X = 1\n")
    for name in ("a", "b", "c"):
        project.write(f"pkg/{name}.pyx", "def f():\n    pass\n")
    report, opened = project.opened("setup.py", os.path.join("native", "freethreading.py"), "3.14t")
    assert sorted(f["path"] for f in report["findings"]) == [os.path.join("pkg", f"{n}.pyx") for n in "abc"]
    assert opened == 1


def test_a_test_module_is_told_before_a_build_file_is_read(project):
    """Twisted 18.9's test/raiser.pyx: a test module is never reported, so the build files up to
    the project's root (setup.py, and the modules it imports) are not read for it; the same
    module outside the tests still is judged by them."""
    project.write("setup.py", "from setuptools import setup\nsetup()\n")
    project.write("pkg/test/raiser.pyx", "def f():\n    pass\n")
    report, opened = project.opened("setup.py", os.path.join("native", "freethreading.py"), "3.14t")
    assert report["findings"] == [] and opened == 0
    project.write("pkg/raiser.pyx", "def f():\n    pass\n")
    assert cython_modules(project) == [os.path.join("pkg", "raiser.pyx")]


def test_single_phase_module_made_through_a_header(project):
    """greenlet 3.5.6: greenlet_refs.hpp's CreatedModule wraps PyModule_Create; greenlet.cpp,
    which includes it, calls PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED)."""
    project.write("pyproject.toml", "[project]\nname = 'g'\n")
    project.write("src/refs.hpp", "#include <Python.h>\nclass CreatedModule {\n public:\n"
                                  "  CreatedModule(PyModuleDef& d) : p(PyModule_Create(&d)) {}\n  PyObject* p;\n};\n")
    project.write("src/greenlet.cpp", '#include <Python.h>\n#include "refs.hpp"\nPyMODINIT_FUNC PyInit__greenlet(void) {\n'
                                      "  CreatedModule m(def);\n#ifdef Py_GIL_DISABLED\n"
                                      "  PyUnstable_Module_SetGIL(m.p, Py_MOD_GIL_NOT_USED);\n#endif\n  return m.p;\n}\n")
    doc = project.check_json("--free-threading", ".", target="3.14")
    assert [f for f in doc["findings"] if f["code"] == "OMT002"] == []
    project.write("src/greenlet.cpp", '#include <Python.h>\n#include "refs.hpp"\nPyMODINIT_FUNC PyInit__greenlet(void) {\n'
                                      "  CreatedModule m(def);\n  return m.p;\n}\n")
    doc = project.check_json("--free-threading", ".", target="3.14")
    assert [(f["path"], f["line"]) for f in doc["findings"] if f["code"] == "OMT002"] == [(os.path.join("src", "refs.hpp"), 4)]


def test_samples_built_by_hand_are_not_reported(project):
    """mpi4py 4.1.2's demo/ (wrap-c/helloworld.c, cython/helloworld.pyx ...: each built by its own
    makefile, by hand; the root's setup.py, meson.build and pyproject.toml name no demo/) and
    Cython 3.3.1's Demos/: nothing installs them.  A sample directory a root build file names, or
    one below the package, is built like the rest."""
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("setup.py", "from setuptools import setup, Extension\n"
                              "setup(ext_modules=[Extension('p.fast', ['p/fast.pyx'])])\n")
    project.write("demo/wrap-c/helloworld.c", SINGLE_PHASE)
    project.write("demo/cython/helloworld.pyx", "def f():\n    pass\n")
    project.write("Demos/primes.pyx", "def f():\n    pass\n")
    project.write("p/examples/ext.c", SINGLE_PHASE)
    project.write("p/fast.pyx", "def f():\n    pass\n")
    doc = project.check_json("--free-threading", ".", target="3.14")
    assert sorted((f["path"], f["code"]) for f in doc["findings"]) == [
        (os.path.join("p", "examples", "ext.c"), "OMT002"), (os.path.join("p", "fast.pyx"), "OMT003")]
    project.write("setup.py", "from setuptools import setup, Extension\n"
                              "setup(ext_modules=[Extension('hello', ['demo/wrap-c/helloworld.c'])])\n")
    doc = project.check_json("--free-threading", "--no-cache", ".", target="3.14")
    assert sorted((f["path"], f["code"]) for f in doc["findings"]) == [
        (os.path.join("demo", "cython", "helloworld.pyx"), "OMT003"),
        (os.path.join("demo", "wrap-c", "helloworld.c"), "OMT002"),
        (os.path.join("p", "examples", "ext.c"), "OMT002"), (os.path.join("p", "fast.pyx"), "OMT003")]


def test_test_modules_are_not_reported(project):
    """Cython 3.3.1's tests/run/*.pyx and numpy 2.5.5's vendored pythoncapi-compat
    tests/test_pythoncapi_compat_cext.c and modulegraph2 2.3's testsuite/ fixtures are built for the
    project's test run, never installed: the GIL they give back there fails no line.  The same sources as the package's are reported."""
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("tests/run/closure.pyx", "def f():\n    pass\n")
    # numpy 2.5.5's tests/examples/limited_api: a test extension with its own setup.py and meson.build
    project.write("p/tests/examples/limited/setup.py", "from setuptools import setup\nsetup()\n")
    project.write("p/tests/examples/limited/limited.c", MULTI_PHASE.format(slot=""))
    project.write("compat/test_cext.c", MULTI_PHASE.format(slot=""))
    # modulegraph2 2.3's testsuite/nodebuilder-tree/init.c: a fixture its tests build (setup.py build_ext)
    project.write("testsuite/nodebuilder-tree/init.c", SINGLE_PHASE)
    project.write("p/fast.pyx", "def f():\n    pass\n")
    project.write("p/spam.c", MULTI_PHASE.format(slot=""))
    doc = project.check_json("--free-threading", ".", target="3.14")
    assert sorted((f["path"], f["code"]) for f in doc["findings"]) == [
        (os.path.join("p", "fast.pyx"), "OMT003"), (os.path.join("p", "spam.c"), "OMT001")]
