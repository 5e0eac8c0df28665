"""Names 3.13 moved from the public headers to the internal ones (gh-106320): a source that includes
the internal header declaring them (``Py_BUILD_CORE`` defined, as the header demands) still
compiles, so they are not reported there (catalog ``internal_header``)."""

import re
import subprocess

import pytest
from native_helpers import include_flags, need_gcc, python_includes

from outmoded.catalog import CatalogError, default_catalog, load_catalog

# numba 0.68.1's numba/_typeof.cpp, cut down
NUMBA = """\
#include <Python.h>

#if (PY_MAJOR_VERSION >= 3) && ((PY_MINOR_VERSION == 13) || (PY_MINOR_VERSION == 14) || (PY_MINOR_VERSION == 15))
    #ifndef Py_BUILD_CORE
        #define Py_BUILD_CORE 1
    #endif
    {include}
#endif

int first(PyObject *val, PyObject **item) {{
    Py_hash_t h;
    Py_ssize_t pos = 0;
    return _PySet_NextEntry(val, &pos, item, &h);
}}
"""
INCLUDES = {"quoted": '#include "internal/pycore_setobject.h"  // _PySet_NextEntry()',
            "angled": "#include <internal/pycore_setobject.h>",
            "none": "",
            "another": '#include "internal/pycore_list.h"'}


@pytest.mark.parametrize("include, target, expected", [
    ("quoted", "3.13", set()),
    ("angled", "3.15", set()),
    ("none", "3.13", {"_PySet_NextEntry"}),
    ("another", "3.14", {"_PySet_NextEntry"}),
    ("quoted, 3.13 only", "3.14", {"_PySet_NextEntry"}),  # the include is on a line 3.14 does not compile
])
def test_a_name_its_internal_header_declares(project, include, target, expected, errors):
    text = NUMBA.format(include=INCLUDES[include.split(",")[0]])
    if include.endswith("3.13 only"):
        text = text.replace(" || (PY_MINOR_VERSION == 14) || (PY_MINOR_VERSION == 15)", "")
    project.write("_typeof.cpp", text)
    assert errors("_typeof.cpp", target) == expected


def test_through_a_project_header(project, errors):
    project.write("compat.h", '#define Py_BUILD_CORE 1\n#include "internal/pycore_dict.h"\n')
    project.write("ext.c", '#include <Python.h>\n#include "compat.h"\n'
                  "int f(PyObject *d, PyObject *k, PyObject *v, Py_hash_t h) {\n"
                  "    return _PyDict_SetItem_KnownHash(d, k, v, h);\n}\n")
    assert errors("ext.c", "3.13") == set()


def test_until_the_internal_header_lost_it_too(project, errors):
    # 3.14's internal/pycore_import.h no longer declares _PyImport_GetModuleAttrString
    project.write("ext.c", '#define Py_BUILD_CORE 1\n#include <Python.h>\n#include "internal/pycore_import.h"\n'
                  'PyObject *f(void) { return _PyImport_GetModuleAttrString("os", "sep"); }\n')
    assert errors("ext.c", "3.13") == set()
    assert errors("ext.c", "3.14") == {"_PyImport_GetModuleAttrString"}


def test_gcc_agrees_on_numba(project, errors):
    """The cut-down numba source compiles against each real 3.13+ header set with the internal
    include and fails without it, as the tool says."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 13)}
    if not includes:
        pytest.skip("needs the headers of CPython 3.13 or later")
    for variant in ("quoted", "none"):
        source = project.write(f"{variant}.cpp", NUMBA.format(include=INCLUDES[variant]))
        for version, include in sorted(includes.items()):
            result = subprocess.run([gcc, "-x", "c", "-fsyntax-only", "-Werror=implicit-function-declaration",
                                     *include_flags(include), str(source)], capture_output=True, text=True)
            reported = errors(source.name, f"3.{version[1]}")
            assert (result.returncode != 0) == bool(reported), (variant, version, result.stderr[-800:])


PROBES = ("#ifndef {name}\nvoid *probe_{i} = (void *)&{name};\n#endif", "typedef {name} probe_{i};")


def _declared(gcc, include, header, names) -> set:
    """The names gcc finds once ``header`` is included (Py_BUILD_CORE defined): a macro, or a
    function or variable whose address can be taken, or a type."""
    found = set()
    for probe in PROBES:
        lines = ["#define Py_BUILD_CORE 1", "#include <Python.h>", f'#include "{header}"']
        starts = []
        for i, name in enumerate(names):
            starts.append(len(lines) + 1)
            lines.extend(probe.format(name=name, i=i).split("\n"))
        result = subprocess.run([gcc, "-std=c11", "-fsyntax-only", "-fmax-errors=0", *include_flags(include),
                                 "-x", "c", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True)
        failed = {int(n) for n in re.findall(r"^<stdin>:(\d+):\d+: error", result.stderr, re.MULTILINE)}
        ends = starts[1:] + [len(lines) + 1]
        found |= {name for name, start, end in zip(names, starts, ends) if not failed & set(range(start, end))}
    return found


def test_internal_headers_declare_them_on_real_headers():
    """Each entry's internal header declares each of its names on every real 3.13+ before
    ``internal_until``, and (from ``internal_until`` on) no longer does."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 13)}
    entries = [e for e in default_catalog().entries if e.kind == "capi" and e.internal_header]
    assert {e.code for e in entries} >= {"OMC13033"}  # _PySet_NextEntry
    if not includes:
        pytest.skip("needs the headers of CPython 3.13 or later")
    wrong = []
    for version, include in sorted(includes.items()):
        by_header = {}
        for entry in entries:
            by_header.setdefault(entry.internal_header, []).append(entry)
        for header, group in by_header.items():
            names = [n for e in group for n in e.names]
            declared = _declared(gcc, include, header, names)
            for entry in group:
                there = entry.internal_until is None or version < entry.internal_until
                for name in entry.names:
                    if (name in declared) != there:
                        wrong.append(f"{entry.code} {name}: {header} of {version} "
                                     f"{'lacks' if there else 'still declares'} it")
    assert wrong == []


def test_internal_header_is_validated(tmp_path):
    entry = ("- code: OMC13001\n  name: _PyFoo\n  kind: capi\n  removed_in: '3.13'\n  replacement: x\n"
             "  fix: none\n  reason: x\n  doc: https://docs.python.org\n  {extra}\n")
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(extra="internal_header: pycore_foo.h"))
    with pytest.raises(CatalogError, match=r"internal_header needs kind 'capi' \(a removed name\) and internal/"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(extra="internal_until: '3.14'"))
    with pytest.raises(CatalogError, match="internal_until needs internal_header"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(extra="internal_header: internal/pycore_foo.h"))
    assert load_catalog(tmp_path).entries[0].internal_header == "internal/pycore_foo.h"


# how an extension uses a name: a function or variable (behind a macro of its name too), a type, a macro
USES = ("#undef {name}\nvoid *probe_use = (void *)&{name};", "size_t probe_use = sizeof({name});",
        "#ifndef {name}\n#error not declared\n#endif\nint probe_use = 1;")
MODULE = """\
#define Py_BUILD_CORE 1
#include <Python.h>
#include "{header}"
{use}
static struct PyModuleDef def = {{PyModuleDef_HEAD_INIT, "probe", NULL, -1, NULL}};
PyMODINIT_FUNC PyInit_probe(void) {{ return PyModule_Create(&def); }}
"""
# declared by an internal header, but extern, not PyAPI_FUNC: the interpreter does not export them
UNEXPORTED = {"_PyErr_ChainExceptions": "internal/pycore_pyerrors.h", "_PyDict_GetItemWithError": "internal/pycore_dict.h",
              "_PyDict_Next": "internal/pycore_dict.h", "_PyDict_Contains_KnownHash": "internal/pycore_dict.h",
              "_PyArg_NoKwnames": "internal/pycore_modsupport.h", "_PyArg_UnpackStack": "internal/pycore_modsupport.h",
              "_PyUnicode_AsASCIIString": "internal/pycore_unicodeobject.h", "_PyEval_SetTrace": "internal/pycore_ceval.h",
              "_PyErr_SetHandledException": "internal/pycore_pyerrors.h", "_PyUnicode_EQ": "internal/pycore_unicodeobject.h",
              "_PyObject_GC_TRACK": "internal/pycore_object.h", "_PyGC_CollectNoFail": "internal/pycore_gc.h"}


def _import_error(gcc, include, python, header, name, directory):
    """Build an extension using ``name`` from ``header`` and import it in the real interpreter:
    the import's error, "" when it imports, None when no use of the name builds."""
    for use in USES:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "probe.c").write_text(MODULE.format(header=header, use=use.format(name=name)))
        built = subprocess.run([gcc, "-shared", "-fPIC", "-O0", "-w", *include_flags(include), "probe.c", "-o", "probe.so"],
                               cwd=directory, capture_output=True, text=True)
        if built.returncode == 0:
            run = subprocess.run([python, "-c", "import probe"], cwd=directory, capture_output=True, text=True)
            return run.stderr.strip().splitlines()[-1] if run.returncode else ""
    return None


def _interpreters():
    from realpythons import real_python

    found = {v: (d, real_python(f"3.{v[1]}")) for v, d in python_includes().items() if v >= (3, 13)}
    found = {v: pair for v, pair in found.items() if pair[1]}
    if not found:
        pytest.skip("needs a real CPython 3.13 or later and its headers")
    return found


def test_internal_names_work_in_the_real_interpreters(tmp_path):
    """A source including the internal header does not only compile: the interpreter exports what
    it links to, so the extension imports (each entry's names, before internal_until)."""
    gcc = need_gcc()
    wrong = []
    for version, (include, python) in sorted(_interpreters().items()):
        for entry in (e for e in default_catalog().entries if e.kind == "capi" and e.internal_header):
            if entry.internal_until is not None and version >= entry.internal_until:
                continue
            for name in entry.names:
                error = _import_error(gcc, include, python, entry.internal_header, name, tmp_path / f"{version[1]}-{name}")
                if error != "":
                    wrong.append(f"{entry.code} {name} on 3.{version[1]}: {error or 'no use of it builds'}")
    assert wrong == []


def test_unexported_names_break_at_import(tmp_path, project, errors):
    """The internal headers declare these, yet an extension using them fails at import (undefined
    symbol): the catalog gives them no internal header, so a source including it is still told."""
    gcc = need_gcc()
    interpreters = _interpreters()
    by_name = {n: e for e in default_catalog().entries if e.kind == "capi" for n in e.names}
    for name, header in UNEXPORTED.items():
        assert by_name[name].internal_header is None, name
        for version, (include, python) in sorted(interpreters.items()):
            error = _import_error(gcc, include, python, header, name, tmp_path / f"{version[1]}-{name}")
            assert error is None or "undefined symbol" in error, (name, version, error)
    project.write("ext.c", '#define Py_BUILD_CORE 1\n#include <Python.h>\n#include "internal/pycore_dict.h"\n'
                  "int f(PyObject *d, Py_ssize_t *p, PyObject **k, PyObject **v, Py_hash_t *h) {\n"
                  "    return _PyDict_Next(d, p, k, v, h);\n}\n")
    assert errors("ext.c", "3.13") == {"_PyDict_Next"}


@pytest.mark.parametrize("include, expected", [
    ('#include "internal/pycore_gc.h"', set()),
    ("", {"PyGC_Head", "_PyObject_GC_IS_TRACKED"}),
])
def test_names_39_moved_to_the_internal_headers(project, errors, include, expected):
    # PyGC_Head and _PyObject_GC_IS_TRACKED left the public headers in 3.9 (bpo-40241); 3.13-3.15's
    # internal/pycore_gc.h still has them, and what they use is exported
    project.write("gc.c", f"#define Py_BUILD_CORE 1\n#include <Python.h>\n{include}\n"
                  "size_t head(void) { return sizeof(PyGC_Head); }\n"
                  "int tracked(PyObject *o) { return _PyObject_GC_IS_TRACKED(o); }\n")
    assert errors("gc.c", "3.13") == expected


# guppy3 3.1.7's src/heapy/hv_cli_prod.c, cut down: internal/pycore_object.h includes pycore_gc.h,
# which declares PyGC_Head (its own _PyObject_GC_TRACK reads one), on every version since 3.9
GUPPY = """\
#include <Python.h>
#if PY_MAJOR_VERSION >= 3 && PY_MINOR_VERSION >= 11
# define Py_BUILD_CORE
#  include <internal/{header}>
# undef Py_BUILD_CORE
#endif
static Py_ssize_t sizeof_PyGC_Head(void) {{ return sizeof(PyGC_Head); }}
"""


@pytest.mark.parametrize("header, expected", [
    ("pycore_object.h", set()),
    ("pycore_interp.h", set()),
    ("pycore_gc.h", set()),
    ("pycore_list.h", {"PyGC_Head"}),
])
def test_a_name_an_internal_header_it_includes_declares(project, errors, header, expected):
    project.write("prod.c", GUPPY.format(header=header))
    assert errors("prod.c", "3.13") == expected
    assert errors("prod.c", "3.15") == expected


def test_gcc_agrees_on_guppy(project, errors):
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 13)}
    if not includes:
        pytest.skip("needs the headers of CPython 3.13 or later")
    for header in ("pycore_object.h", "pycore_list.h"):
        source = project.write(f"{header[:-2]}.c", GUPPY.format(header=header))
        for version, include in sorted(includes.items()):
            result = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)],
                                    capture_output=True, text=True)
            assert (result.returncode != 0) == bool(errors(source.name, f"3.{version[1]}")), (header, result.stderr[-800:])
