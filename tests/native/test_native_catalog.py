"""The C-API catalog (capi_*.yaml) is valid, and true against the headers of real CPythons."""

import os
import re
from functools import lru_cache

import pytest
from native_helpers import python2_include, python_includes

from outmoded.catalog import CatalogError, default_catalog, format_version, load_catalog
from outmoded.native import rules
from outmoded.native.capi import table

CAPI = [e for e in default_catalog().entries if e.kind == "capi"]
REMOVED = [e for e in CAPI if e.check in (None, "removed")]


def test_every_version_has_its_removals():
    for version in [(3, 0), (3, 2), (3, 5), (3, 7), (3, 8), (3, 9), (3, 10), (3, 11), (3, 12), (3, 13), (3, 14), (3, 15)]:
        entries = [e for e in REMOVED if e.removed_in == version]
        assert entries, version
        assert all(e.code.startswith(f"OMC{version[1]:02d}") for e in entries)
        assert all(e.source == f"capi_{version[0]}_{version[1]}.yaml" for e in entries)


def test_issue_examples_are_catalogued():
    names = {n for e in REMOVED for n in e.names}
    assert {"PyUnicode_AS_UNICODE", "PyEval_CallObject", "PyEval_CallObjectWithKeywords", "PyCFunction_Call",
            "PyEval_AcquireLock", "PyObject_AsReadBuffer", "PySys_SetPath", "_PyObject_FastCall",
            "PyWeakref_GetObject", "Py_GetPath", "ma_version_tag"} <= names
    # the Python 2 era (removed in 3.0) and 3.8's removals
    assert {"PyString_FromString", "PyInt_AsLong", "Py_InitModule4", "Py_TPFLAGS_HAVE_ITER", "PyCObject_FromVoidPtr",
            "PyEval_ReInitThreads", "_PyObject_FastCallKeywords"} <= names


def test_codes_and_checks():
    by_check = {}
    for entry in CAPI:
        by_check.setdefault(entry.check or "removed", []).append(entry.code)
        assert entry.fix == "none"
    assert all(re.fullmatch(r"OMC\d{5}", c) for c in by_check["removed"])
    assert all(re.fullmatch(r"OMT1\d\d", c) for c in by_check["borrowed-ref"])
    assert sorted(by_check["module-gil"]) == ["OMT001", "OMT002", "OMT003", "OMT004"]
    assert sorted(by_check["runtime-flag"] + by_check["ci-matrix"]) == ["OMF001", "OMF002", "OMF003", "OMF004"]
    assert set(rules()) == {e.code for e in CAPI}
    assert set(table().borrowed) >= {"PyList_GetItem", "PyDict_GetItem", "PyDict_GetItemString",
                                     "PyWeakref_GetObject", "PyImport_AddModule"}


def test_capi_entries_stay_out_of_the_python_index():
    from outmoded.catalog.index import build_index

    index = build_index(default_catalog(), (3, 15))
    assert "PyEval_CallObject" not in index.names and "PYTHON_JIT" not in index.names


def test_check_key_is_validated(tmp_path):
    entry = ("- code: OMC13001\n  name: PyFoo\n  kind: {kind}\n  check: {check}\n  removed_in: '3.13'\n"
             "  replacement: PyBar\n  fix: none\n  reason: x\n  doc: https://docs.python.org\n")
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(kind="capi", check="sometimes"))
    with pytest.raises(CatalogError, match=r"capi_3_13.yaml: entry 1 \(OMC13001\): check needs kind 'capi'"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(kind="function", check="removed"))
    with pytest.raises(CatalogError, match="check needs kind 'capi'"):
        load_catalog(tmp_path)
    (tmp_path / "capi_3_13.yaml").write_text(entry.format(kind="capi", check="borrowed-ref"))
    assert load_catalog(tmp_path).entries[0].check == "borrowed-ref"


def test_opt_in_key_is_validated(tmp_path):
    entry = ("- code: OMF001\n  name: X\n  kind: capi\n  check: runtime-flag\n  removed_in: '3.13'\n"
             "  replacement: y\n  fix: none\n  reason: x\n  doc: https://docs.python.org\n  opt_in: {opt_in}\n")
    (tmp_path / "capi_runtime_flags.yaml").write_text(entry.format(opt_in="sometimes"))
    with pytest.raises(CatalogError, match=r"opt_in must be one of \['free-threading', 'select'\]"):
        load_catalog(tmp_path)
    (tmp_path / "capi_runtime_flags.yaml").write_text(entry.format(opt_in="select"))
    assert load_catalog(tmp_path).entries[0].opt_in == "select"


def test_advice_is_opt_in_and_breakage_is_not():
    assert {e.code: e.opt_in for e in CAPI if e.opt_in and not e.code.startswith("OMT")} == {
        "OMF001": "select", "OMF003": "select", "OMF004": "select"}
    # free-threading readiness is opt-in, decided by the catalog like the rest: the modules that
    # re-enable the GIL with --free-threading, borrowed references only when selected
    assert {e.opt_in for e in CAPI if e.code.startswith("OMT0")} == {"free-threading"}
    assert {e.opt_in for e in CAPI if e.code.startswith("OMT1")} == {"select"}


@lru_cache(maxsize=None)
def _declared(include: str) -> frozenset:
    """Every identifier in a CPython's public headers (Include/ minus internal/)."""
    words = set()
    for directory, subdirs, files in os.walk(include):
        subdirs[:] = [d for d in subdirs if d != "internal"]
        for name in files:
            if name.endswith(".h"):
                with open(os.path.join(directory, name), errors="replace") as handle:
                    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", handle.read(), flags=re.S)
                words.update(re.findall(r"[A-Za-z_]\w*", text))
    return frozenset(words)


def test_removed_names_are_true_against_real_headers():
    """Declared in the last release before the removal, gone from every release since.  For the
    removals of 3.0 to 3.5 (no headers of 3.0-3.5 here) the release before is 2.7, the Python 2 the
    extensions still using them were written for."""
    includes = python_includes()
    if python2_include():
        includes[2, 7] = python2_include()
    checked = 0
    wrong = []
    for entry in REMOVED:
        if entry.member_of:
            continue  # a member's name is a word of later headers too: test_native_members compiles them
        before = (entry.removed_in[0], entry.removed_in[1] - 1)
        if before not in includes and entry.removed_in <= (3, 5):
            before = (2, 7)
        for name in entry.names:
            if before in includes:
                checked += 1
                if name not in _declared(includes[before]):
                    wrong.append(f"{entry.code} {name}: not in the {format_version(before)} headers")
            for version, include in includes.items():
                # limited-API-only removals stay declared for full-API builds: test_native_limited_api
                # compiles them with and without Py_LIMITED_API instead
                if version >= entry.removed_in and not entry.limited_api:
                    checked += 1
                    if name in _declared(include):
                        wrong.append(f"{entry.code} {name}: still in the {format_version(version)} headers")
    if not checked:
        pytest.skip("no CPython headers on this machine")
    assert wrong == []


def test_borrowed_reference_replacements_exist_in_313():
    include = python_includes().get((3, 13))
    if include is None:
        pytest.skip("no CPython 3.13 headers on this machine")
    for entry in rules().values():
        if entry.check == "borrowed-ref":
            for name in re.findall(r"`(\w+)`", entry.replacement):
                assert name in _declared(include), (entry.code, name)
