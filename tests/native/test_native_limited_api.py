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


def errors(project, name, target):
    doc = project.check_json(name, target=target)
    assert doc["errors"] == []
    return {f["api"] for f in doc["findings"] if f["severity"] == "error"}


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
def test_limited_api_removals_need_py_limited_api(project, target, variant, expected):
    project.write("ext.c", SOURCE.format(define=DEFINES[variant]))
    assert errors(project, "ext.c", target) == expected


def test_the_message_says_limited_api(project):
    project.write("ext.c", SOURCE.format(define=DEFINES["limited-3.13"]))
    doc = project.check_json("ext.c", target="3.13")
    assert [f["message"].split(";")[0] for f in doc["findings"]] == [
        "`PY_TIMEOUT_MAX` was removed from the limited C API in Python 3.13"]


def test_a_define_in_a_dead_branch_does_not_count(project):
    text = SOURCE.format(define="#if PY_VERSION_HEX < 0x030D0000\n#define Py_LIMITED_API 0x03080000\n#endif")
    project.write("ext.c", text)
    assert errors(project, "ext.c", "3.14") == set()


MISSING = re.compile(r"implicit declaration of function [‘'](\w+)[’']|[‘'](\w+)[’'] undeclared")


def test_gcc_on_real_headers_agrees(project):
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
            assert missing == errors(project, source.name, f"3.{version[1]}"), (variant, version, result.stderr)


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
