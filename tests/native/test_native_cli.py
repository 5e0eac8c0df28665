"""The issue's acceptance: a tree with an extension module, a Cython file, a Dockerfile and a
workflow, checked for 3.13, reports the removed C-API uses with replacements, the modules that
re-enable the GIL on 3.13t and the experimental flags, each once, in every output format."""

import json
import re

import pytest
from native_helpers import copy_data

from outmoded import reporters

DOCKERFILE = """\
FROM python:3.13t-slim AS threaded
RUN python -m pytest
FROM python:3.13-slim
# ENV PYTHON_GIL=0
ENV PYTHON_JIT=1
CMD ["python", "-X", "gil=0", "-m", "app"]
"""  # a default build runs the app: -X gil=0 aborts it (in the free-threaded stage it would not be reported)
WORKFLOW = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.11", "3.12"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
          freethreaded: true
  smoke:  # a default build: PYTHON_GIL=0 makes it abort (in the free-threaded job above it would not be reported)
    runs-on: ubuntu-latest
    steps:
      - run: PYTHON_GIL=0 python -m pytest  # run the tests without the GIL
"""

EXPECTED = {
    ("src/spam.c", "OMC13016", "PyEval_ThreadsInitialized"),
    ("src/spam.c", "OMC13004", "PyEval_CallObject"),
    ("src/spam.c", "OMC13005", "PyEval_CallObjectWithKeywords"),
    ("src/spam.c", "OMC12001", "PyUnicode_AS_UNICODE"),
    ("src/spam.c", "OMC12006", "PyUnicode_GET_SIZE"),
    ("src/spam.c", "OMC13002", "PyObject_AsReadBuffer"),
    ("src/spam.c", "OMT002", "PyModule_Create"),
    ("src/fast.pyx", "OMT003", "fast"),
    ("src/fast.pyx", "OMC12006", "PyUnicode_GET_SIZE"),
    ("src/fast.pyx", "OMC13004", "PyEval_CallObject"),
    ("Dockerfile", "OMF003", "python:3.13t"),
    ("Dockerfile", "OMF001", "PYTHON_JIT=1"),
    ("Dockerfile", "OMF002", "-X gil=0"),
    (".github/workflows/ci.yml", "OMF004", "python-version"),
    (".github/workflows/ci.yml", "OMF003", "freethreaded: true"),
    (".github/workflows/ci.yml", "OMF002", "PYTHON_GIL=0"),
}


@pytest.fixture
def tree(project):
    copy_data("spam_old.c", project.root, "src/spam.c")
    copy_data("fast.pyx", project.root, "src/fast.pyx")
    project.write("Dockerfile", DOCKERFILE)
    project.write(".github/workflows/ci.yml", WORKFLOW)
    project.write("src/app.py", "import json\n")
    # free-threading readiness notes and runtime-flag advice are opt-in; this project asks for them
    # (not the borrowed-reference ones)
    project.write("pyproject.toml", '[tool.outmoded]\nextend-select = ["OMT0", "OMF"]\n')
    return project


def test_json(tree):
    doc = tree.check_json(".", target="3.13")
    got = [(f["path"], f["code"], f["api"]) for f in doc["findings"]]
    assert sorted(got) == sorted(EXPECTED)  # each exactly once
    for finding in doc["findings"]:
        assert finding["replacement"]
        if finding["code"].startswith("OMC"):
            assert finding["severity"] == "error" and "removed in Python" in finding["message"]
        else:
            assert finding["severity"] == "warning"
    gil = [f["message"] for f in doc["findings"] if f["code"] in ("OMT002", "OMT003")]
    assert len(gil) == 2 and all("re-enables the GIL" in m and "3.13t" in m for m in gil)


def test_text(tree):
    code, out, _ = tree.run("check", "--no-cache", "--target-version", "3.13", ".")
    assert code == 1
    lines = [line for line in out.splitlines() if re.match(r"\S+:\d+:\d+: OM", line)]
    got = {(line.split(":")[0], line.split()[1]) for line in lines}
    assert len(lines) == len(EXPECTED) and got == {(path, code) for path, code, _ in EXPECTED}
    assert "src/spam.c:20:12: OMC13004 `PyEval_CallObject` was removed in Python 3.13" in out
    assert "use `PyObject_CallObject`" in out
    assert "Found 16 findings for Python 3.13 (8 errors, 8 warnings) in 4 files." in out


@pytest.mark.skipif("github" not in reporters.available(), reason="no github reporter")
def test_github(tree):
    code, out, _ = tree.run("check", "--no-cache", "--target-version", "3.13", "--format", "github", ".")
    assert code == 1
    annotations = re.findall(r"^::(error|warning) file=([^,]+),line=(\d+).*?title=outmoded (\w+)::", out, re.M)
    assert len(annotations) == len(EXPECTED)
    assert {(path, code) for _, path, _, code in annotations} == {(path, code) for path, code, _ in EXPECTED}
    assert {kind for kind, _, _, code in annotations if code.startswith("OMC")} == {"error"}


@pytest.mark.skipif("sarif" not in reporters.available(), reason="no sarif reporter")
def test_sarif(tree):
    code, out, _ = tree.run("check", "--no-cache", "--target-version", "3.13", "--format", "sarif", ".")
    assert code == 1
    run = json.loads(out)["runs"][0]
    results = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]) for r in run["results"]]
    assert sorted(results) == sorted((path, code) for path, code, _ in EXPECTED)
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["OMT003"]["helpUri"].startswith("https://")


def test_cache_and_free_threading_toggle(tree):
    """Borrowed-reference warnings are computed once and cached; the option only filters them."""
    def run(*extra):
        _, out, _ = tree.run("check", "--format", "json", "--target-version", "3.13", ".", *extra)
        return sorted((f["path"], f["code"], f["line"]) for f in json.loads(out)["findings"])

    cold = run()
    assert run() == cold  # from the cache
    with_ft = run("--extend-select", "OMT1")
    extra = [f for f in with_ft if f not in cold]
    assert {code for _, code, _ in extra} == {"OMT101", "OMT105", "OMT108"}
    assert run() == cold


def test_advice_is_opt_in(tree):
    """A plain check reports breakage only: OMF002 (a default build aborts), not the JIT (OMF001),
    free-threaded interpreters (OMF003: not with --free-threading either, which asks whether the
    project is ready for them), borrowed references (OMT1) or CI matrices (OMF004)."""
    tree.write("pyproject.toml", "")

    def codes(*extra):
        doc = tree.check_json(".", *extra, target="3.13")
        return {f["code"] for f in doc["findings"] if f["code"].startswith(("OMF", "OMT"))}

    assert codes() == {"OMF002"}
    assert codes("--free-threading") == {"OMF002", "OMT002", "OMT003"}
    assert codes("--target-version", "3.14t") == {"OMF002", "OMT002", "OMT003"}
    assert codes("--select", "OMF") == {"OMF001", "OMF002", "OMF003", "OMF004"}
    assert codes("--select", "OMF004") == {"OMF004"}
    assert codes("--extend-select", "OMF001") == {"OMF001", "OMF002"}
    assert codes("--select", "OM") == {"OMF002"}  # the whole tool is not a name for advice
    assert codes("--extend-select", "OM") == {"OMF002"}  # nor when it extends the selection
    assert codes("--extend-select", "OMT") == {"OMF002", "OMT002", "OMT003"}  # OMT1 only by its own name


def test_select_and_ignore_accept_native_codes(tree):
    code, out, err = tree.run("check", "--no-cache", "--target-version", "3.13", "--select", "OMF,OMT", "--quiet",
                              "--output-format", "concise", "--fail-on", "warning", ".")
    assert code == 1 and err == ""
    codes = {line.split()[1] for line in out.splitlines()}
    assert codes == {"OMF001", "OMF002", "OMF003", "OMF004", "OMT002", "OMT003"}
    code, out, _ = tree.run("check", "--no-cache", "--target-version", "3.13", "--ignore", "OMC,OMF,OMT", ".")
    assert code == 0 and "All checks passed" in out


def test_explain_and_rules_know_native_codes(tree):
    code, out, _ = tree.run("explain", "OMC13004")
    assert code == 0 and "PyEval_CallObject" in out and "PyObject_CallObject" in out and "Opt-in" not in out
    code, out, _ = tree.run("explain", "OMF003")
    assert code == 0 and "Opt-in: reported only when selected by name" in out and "(--select OMF or OMF003)" in out
    code, out, _ = tree.run("explain", "OMT101")  # borrowed references: OMT alone does not select them
    assert code == 0 and "Opt-in: reported only when selected by name" in out and "(--select OMT1 or OMT101)" in out
    code, out, _ = tree.run("explain", "OMF004")
    assert code == 0 and "Opt-in: reported only when selected by name" in out
    code, out, _ = tree.run("rules", "--kind", "capi", "--format", "json")
    codes = {rule["code"] for rule in json.loads(out)}
    assert {"OMC12001", "OMC15004", "OMT001", "OMT101", "OMF001", "OMF004"} <= codes
    opt_in = {rule["code"]: rule["opt_in"] for rule in json.loads(out)}
    assert (opt_in["OMC12001"], opt_in["OMF002"]) == (None, None)  # reported by a plain check
    assert (opt_in["OMF001"], opt_in["OMF003"], opt_in["OMT101"]) == ("select", "select", "select")
    assert opt_in["OMT001"] == "free-threading"
    code, out, _ = tree.run("rules", "--select", "OMF")
    marked = {line.split()[0]: line.endswith("(opt-in)") for line in out.splitlines() if line.startswith("  ")}
    assert marked == {"OMF001": True, "OMF002": False, "OMF003": True, "OMF004": True}
    assert "(opt-in): reported only when asked for" in out
