"""Names removed from the limited C API only: they break sources that define Py_LIMITED_API, no others."""

import re
import subprocess

import pytest
from native_helpers import include_flags, need_gcc, python_includes

from outmoded.catalog import default_catalog

SOURCE = """\
{define}
#include <Python.h>

static long long bound(void) {{ return PY_TIMEOUT_MAX; }}

static PyObject *first(PyObject *self, PyObject *seq) {{
    PyObject *fast = PySequence_Fast(seq, "need a sequence");
    if (fast == NULL) return NULL;
    PyObject *item = PySequence_Fast_GET_ITEM(fast, 0);
#if !defined(Py_LIMITED_API)
    PyObject **items = PySequence_Fast_ITEMS(fast);
    (void)items;
#endif
#if defined(Py_LIMITED_API) && Py_LIMITED_API >= 0x030e0000
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    (void)n;
#endif
    Py_XINCREF(item);
    Py_DECREF(fast);
    return item;
}}
"""
DEFINES = {"full": "", "limited-3.13": "#define Py_LIMITED_API 0x030d0000",
           "limited-3.14": "#define Py_LIMITED_API 0x030e0000"}


@pytest.mark.parametrize("target, variant, expected", [
    ("3.12", "limited-3.13", set()),
    ("3.13", "full", set()),
    ("3.13", "limited-3.13", {"PY_TIMEOUT_MAX"}),
    ("3.14", "full", set()),
    ("3.14", "limited-3.13", {"PY_TIMEOUT_MAX", "PySequence_Fast_GET_ITEM"}),
    # the define's value decides `Py_LIMITED_API >= 0x030e0000`; `!defined(Py_LIMITED_API)` is dead in both
    ("3.14", "limited-3.14", {"PY_TIMEOUT_MAX", "PySequence_Fast_GET_ITEM", "PySequence_Fast_GET_SIZE"}),
    ("3.15", "limited-3.14", {"PY_TIMEOUT_MAX", "PySequence_Fast_GET_ITEM", "PySequence_Fast_GET_SIZE"}),
])
def test_limited_api_removals_need_py_limited_api(project, target, variant, expected, errors):
    project.write("ext.c", SOURCE.format(define=DEFINES[variant]))
    assert errors("ext.c", target) == expected


def test_the_message_says_limited_api(project):
    project.write("ext.c", SOURCE.format(define=DEFINES["limited-3.13"]))
    doc = project.check_json("ext.c", target="3.13")
    assert [f["message"].split(";")[0] for f in doc["findings"]] == [
        "`PY_TIMEOUT_MAX` was removed from the limited C API in Python 3.13"]


def test_a_define_in_a_dead_branch_does_not_count(project, errors):
    text = SOURCE.format(define="#if PY_VERSION_HEX < 0x030D0000\n#define Py_LIMITED_API 0x03080000\n#endif")
    project.write("ext.c", text)
    assert errors("ext.c", "3.14") == set()


MISSING = re.compile(r"implicit declaration of function [‘'](\w+)[’']|[‘'](\w+)[’'] undeclared")


def test_gcc_on_real_headers_agrees(project, errors):
    """For each CPython 3.12+ whose headers are here (pyenv, $OUTMODED_PYTHON_INCLUDES), the catalogued
    names gcc cannot find in each variant are exactly the tool's errors for that target."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 12)}
    if not any(v >= (3, 13) for v in includes):
        pytest.skip("needs the headers of CPython 3.13 or later")
    catalogued = {n for e in default_catalog().entries if e.kind == "capi" and e.check in (None, "removed")
                  for n in e.names}
    for variant, define in DEFINES.items():
        source = project.write(f"{variant}.c", SOURCE.format(define=define))
        for version, include in sorted(includes.items()):
            result = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)],
                                    capture_output=True, text=True)
            missing = {a or b for a, b in MISSING.findall(result.stderr)} & catalogued
            assert missing == errors(source.name, f"3.{version[1]}"), (variant, version, result.stderr)


def test_limited_api_is_validated(tmp_path):
    from outmoded.catalog import CatalogError, load_catalog

    (tmp_path / "removed_3_13.yaml").write_text(
        "- code: OM13001\n  name: cgi\n  kind: module\n  removed_in: '3.13'\n  replacement: x\n  fix: none\n"
        "  reason: x\n  doc: https://docs.python.org\n  limited_api: true\n")
    with pytest.raises(CatalogError, match=r"entry 1 \(OM13001\): limited_api needs kind 'capi'"):
        load_catalog(tmp_path)


def test_explain_says_limited_api(project):
    code, out, _ = project.run("explain", "OMC13045")
    assert code == 0 and "Removed from the limited C API in Python 3.13." in out


MEMCPY = """\
{define}
#include <Python.h>
#include <string.h>

static void copy(char *dst, const char *src, size_t n) {{ Py_MEMCPY(dst, src, n); }}
"""


@pytest.mark.parametrize("define, expected", [
    ("", set()),
    ("#define Py_LIMITED_API 0x03080000", set()),  # pyport.h: Py_LIMITED_API+0 < 0x030b0000 keeps it
    ("#define Py_LIMITED_API 0x030b0000", {"Py_MEMCPY"}),
    ("#define Py_LIMITED_API 0x030d0000UL", {"Py_MEMCPY"}),
    ("#define Py_LIMITED_API", set()),  # empty: Py_LIMITED_API+0 is 0
    ("#define Py_LIMITED_API SOME_VERSION", set()),  # a value the file does not say: not judged
])
def test_limited_since_respects_the_value(project, define, expected, errors):
    project.write("ext.c", MEMCPY.format(define=define))
    assert errors("ext.c", "3.13") == expected


def test_gcc_agrees_on_limited_since(project, errors):
    gcc = need_gcc()
    include = python_includes().get((3, 13))
    if include is None:
        pytest.skip("needs the headers of CPython 3.13")
    for define in ("", "#define Py_LIMITED_API 0x030a0000", "#define Py_LIMITED_API 0x030b0000"):
        source = project.write("memcpy.c", MEMCPY.format(define=define))
        result = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)],
                                capture_output=True, text=True)
        missing = {a or b for a, b in MISSING.findall(result.stderr)}
        assert missing == errors("memcpy.c", "3.13"), (define, result.stderr)


MARSHAL = """\
{define}
#include <Python.h>
#include <marshal.h>

static PyObject *dump(PyObject *self, PyObject *obj) {{
    return PyMarshal_WriteObjectToString(obj, Py_MARSHAL_VERSION);
}}
static PyObject *load(PyObject *self, PyObject *data) {{
    return PyMarshal_ReadObjectFromString(PyBytes_AsString(data), PyBytes_Size(data));
}}
static void save(FILE *f, PyObject *obj) {{
    PyMarshal_WriteObjectToFile(obj, f, Py_MARSHAL_VERSION);
    PyMarshal_WriteLongToFile(1L, f, Py_MARSHAL_VERSION);
}}
"""
MARSHAL_NAMES = {"PyMarshal_WriteObjectToString", "PyMarshal_ReadObjectFromString", "PyMarshal_WriteObjectToFile",
                 "PyMarshal_WriteLongToFile", "Py_MARSHAL_VERSION"}


@pytest.mark.parametrize("target, define, expected", [
    ("3.10", "#define Py_LIMITED_API 0x03060000", set()),
    ("3.11", "#define Py_LIMITED_API 0x03060000", MARSHAL_NAMES),
    ("3.13", "#define Py_LIMITED_API 0x030a0000", MARSHAL_NAMES),
    ("3.15", "#define Py_LIMITED_API 0x030f0000", MARSHAL_NAMES),
    ("3.15", "", set()),  # the full API still declares them
])
def test_marshal_is_gone_from_the_limited_api(project, target, define, expected, errors):
    project.write("ext.c", MARSHAL.format(define=define))
    assert errors("ext.c", target) == expected


def test_gcc_agrees_on_marshal(project, errors):
    """gcc on the real headers of 3.10 and later: what a limited-API source calling the marshal C API misses."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 10)}
    if not any(v >= (3, 11) for v in includes) or (3, 10) not in includes:
        pytest.skip("needs the headers of CPython 3.10 and of a later one")
    for define in ("", "#define Py_LIMITED_API 0x03060000"):
        source = project.write("marshal_ext.c", MARSHAL.format(define=define))
        for version, include in sorted(includes.items()):
            result = subprocess.run([gcc, "-fsyntax-only", *include_flags(include), str(source)],
                                    capture_output=True, text=True)
            missing = {a or b for a, b in MISSING.findall(result.stderr)}
            assert missing == errors("marshal_ext.c", f"3.{version[1]}"), (define, version, result.stderr)
            assert missing == (MARSHAL_NAMES if define and version >= (3, 11) else set())


def _visible(gcc, include, define) -> frozenset:
    """Every name Python.h declares or #defines for this Py_LIMITED_API value (None: the full API)."""
    args = [gcc, "-E", "-dD", *include_flags(include), "-x", "c", "-"]
    if define is not None:
        args.insert(1, f"-DPy_LIMITED_API={define:#010x}")
    # marshal.h is the one header of a limited API name that Python.h does not include
    out = subprocess.run(args, input="#include <Python.h>\n#include <marshal.h>\n", capture_output=True, text=True,
                         check=True).stdout
    words = set()
    for line in out.splitlines():
        if line.startswith("#define"):
            words.add(line.split()[1].split("(")[0])
        elif line.startswith("#undef"):
            words.discard(line.split()[1])
        elif not line.startswith("#"):
            words.update(re.findall(r"[A-Za-z_]\w*", line))
    return frozenset(words)


def test_limited_api_removals_are_true_against_real_headers():
    """gcc -E: each name is visible to limited-API builds of the release before its removal and to
    none since (those of ``limited_since`` and later, for such entries), and stays visible to full-API
    builds unless a later entry removes it outright."""
    gcc = need_gcc()
    includes = python_includes()
    entries = [e for e in default_catalog().entries if e.kind == "capi" and e.limited_api]
    full = {n: e.removed_in for e in default_catalog().entries
            if e.kind == "capi" and e.check in (None, "removed") and not e.limited_api for n in e.names}
    cache = {}

    def visible(version, define):
        if (version, define) not in cache:
            cache[version, define] = _visible(gcc, includes[version], define)
        return cache[version, define]

    checked, wrong = 0, []
    for entry in entries:
        since = entry.limited_since or (3, 2)
        hidden = since[0] << 24 | since[1] << 16
        before = (entry.removed_in[0], entry.removed_in[1] - 1)
        for name in entry.names:
            for version in sorted(includes):
                if version < before:
                    continue
                checked += 1
                if version == before:
                    if name not in visible(version, hidden):
                        wrong.append(f"{entry.code} {name}: not visible to limited builds of {version}")
                    continue
                if name in visible(version, hidden):
                    wrong.append(f"{entry.code} {name}: visible to Py_LIMITED_API={hidden:#x} builds of {version}")
                if entry.limited_since and name not in visible(version, hidden - 0x10000):
                    wrong.append(f"{entry.code} {name}: hidden from Py_LIMITED_API={hidden - 0x10000:#x} of {version}")
                if name not in visible(version, None) and full.get(name, (9, 9)) > version:
                    wrong.append(f"{entry.code} {name}: gone from full-API builds of {version} too")
    if not checked:
        pytest.skip("no CPython headers on this machine")
    assert wrong == []


def test_limited_since_is_validated(tmp_path):
    from outmoded.catalog import CatalogError, load_catalog

    entry = ("- code: OMC11028\n  name: Py_MEMCPY\n  kind: capi\n{limited}  limited_since: '3.11'\n"
             "  removed_in: '3.11'\n  replacement: memcpy\n  fix: none\n  reason: x\n  doc: https://docs.python.org\n")
    (tmp_path / "capi_3_11.yaml").write_text(entry.format(limited=""))
    with pytest.raises(CatalogError, match=r"entry 1 \(OMC11028\): limited_since needs limited_api: true"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_11.yaml").write_text(entry.format(limited="  limited_api: true\n"))
    assert load_catalog(tmp_path).entries[0].limited_since == (3, 11)


SETUP = 'from setuptools import setup, Extension\n{before}setup(name="m", ext_modules=[Extension("m", {sources}{keywords})])\n'
LIMITED_3_13 = {"PY_TIMEOUT_MAX", "PySequence_Fast_GET_ITEM"}


@pytest.mark.parametrize("before, sources, keywords, expected", [
    ("", 'sources=["ext.c"]', ', define_macros=[("Py_LIMITED_API", "0x030d0000")]', LIMITED_3_13),
    ("", '["ext.c"]', ', define_macros=[("Py_LIMITED_API", "0x030d0000")]', LIMITED_3_13),
    # the value decides `Py_LIMITED_API >= 0x030e0000` as a #define's does
    ('MACROS = [("Py_LIMITED_API", "0x030e0000")]\nSOURCES = ["ext.c"]\n', "sources=SOURCES",
     ", define_macros=MACROS", LIMITED_3_13 | {"PySequence_Fast_GET_SIZE"}),
    ("", 'sources=["ext.c"]', ', extra_compile_args=["-O2", "-DPy_LIMITED_API=0x030d0000"]', LIMITED_3_13),
    # setuptools only names the built module .abi3: the source compiles with the full C API
    ("", 'sources=["ext.c"]', ", py_limited_api=True", set()),
    # not on every build: bound twice, or changed after
    ('import os\nMACROS = []\nif os.environ.get("LIMITED"):\n    MACROS = [("Py_LIMITED_API", "0x030d0000")]\n',
     'sources=["ext.c"]', ", define_macros=MACROS", set()),
    ('import os\nMACROS = [("Py_LIMITED_API", "0x030d0000")]\nif os.environ.get("FULL"):\n    MACROS.clear()\n',
     'sources=["ext.c"]', ", define_macros=MACROS", set()),
    ("", 'sources=["other.c"]', ', define_macros=[("Py_LIMITED_API", "0x030d0000")]', set()),
])
def test_setup_py_defining_py_limited_api(project, before, sources, keywords, expected, errors):
    project.write("ext.c", SOURCE.format(define=""))
    project.write("setup.py", SETUP.format(before=before, sources=sources, keywords=keywords))
    assert errors("ext.c", "3.14") == expected


def test_gcc_agrees_on_setup_py_macros(project, errors):
    """What gcc -DPy_LIMITED_API=V (as setuptools passes define_macros) cannot find in the source is
    exactly what the tool reports for a setup.py defining it so."""
    gcc = need_gcc()
    includes = {v: d for v, d in python_includes().items() if v >= (3, 13)}
    if not includes:
        pytest.skip("needs the headers of CPython 3.13 or later")
    source = project.write("ext.c", SOURCE.format(define=""))
    catalogued = {n for e in default_catalog().entries if e.kind == "capi" and e.check in (None, "removed")
                  for n in e.names}
    for value in ("0x030d0000", "0x030e0000"):
        project.write("setup.py", SETUP.format(before="", sources='sources=["ext.c"]',
                                               keywords=f', define_macros=[("Py_LIMITED_API", "{value}")]'))
        for version, include in sorted(includes.items()):
            result = subprocess.run([gcc, "-fsyntax-only", f"-DPy_LIMITED_API={value}", *include_flags(include),
                                     str(source)], capture_output=True, text=True)
            missing = {a or b for a, b in MISSING.findall(result.stderr)} & catalogued
            assert missing == errors("ext.c", f"3.{version[1]}"), (value, version, result.stderr)
