"""Experimental runtime flags in deployment and CI configuration, and CI matrices."""

import shutil

import pytest
from native_helpers import DATA

# every spelling in tests/native/data/config, where it is: (file, line, code, api)
EXPECTED = {
    ("Dockerfile", 3, "OMF003", "python:3.13t"),
    ("Dockerfile", 4, "OMF001", "PYTHON_JIT=1"),
    ("Dockerfile", 8, "OMF003", "--disable-gil"),
    ("Dockerfile", 9, "OMF003", "3.13t"),
    ("Dockerfile", 10, "OMF003", "python3.13t"),
    # not lines 5 (ENV PYTHON_GIL 0) and 10 (-X gil=0): the stage's python:3.13t-slim is free-threaded
    ("Dockerfile", 10, "OMF001", "-X jit"),
    ("run.sh", 3, "OMF002", "PYTHON_GIL=0"),
    ("run.sh", 4, "OMF001", "PYTHON_JIT=1"),
    ("run.sh", 4, "OMF002", "-X gil=0"),  # -Xgil=0
    ("run.sh", 7, "OMF003", "python3.14t"),
    ("Makefile", 1, "OMF001", "PYTHON_JIT=1"),  # export PYTHON_JIT := 1
    ("Makefile", 5, "OMF002", "PYTHON_GIL=0"),  # in a recipe
    ("tox.ini", 3, "OMF002", "PYTHON_GIL=0"),  # setenv = NAME = value
    ("tox.ini", 6, "OMF001", "-X jit"),
    ("Procfile", 1, "OMF001", "PYTHON_JIT=1"),
    ("Procfile", 2, "OMF003", "python3.13t"),
    ("app.service", 5, "OMF002", "PYTHON_GIL=0"),  # Environment="..."
    ("app.service", 8, "OMF001", "-X jit"),
    (".github/workflows/ci.yml", 4, "OMF002", "PYTHON_GIL=0"),  # env: mapping
    (".github/workflows/ci.yml", 8, "OMF003", "python:3.14t"),  # container image
    (".github/workflows/ci.yml", 11, "OMF003", "3.13t"),  # matrix value
    (".github/workflows/ci.yml", 15, "OMF003", "3.13t"),  # setup-python python-version
    (".github/workflows/ci.yml", 16, "OMF003", "freethreaded: true"),  # setup-python input
    (".github/workflows/ci.yml", 20, "OMF001", "PYTHON_JIT=1"),  # in a run: script
}


@pytest.fixture
def configured(project):
    shutil.copytree(DATA / "config", project.root, dirs_exist_ok=True)
    project.write("pyproject.toml", OPT_IN)
    return project


OPT_IN = '[tool.outmoded]\nextend-select = ["OMF"]\n'  # OMF001, OMF003 and OMF004 are advice: opt-in


def found(project, *args, target="3.13"):
    doc = project.check_json(*args, target=target)
    assert doc["errors"] == []
    return {(f["path"].replace("\\", "/"), f["line"], f["code"], f["api"]) for f in doc["findings"]}


def test_every_flag_spelling_once(configured):
    """Comments (#, ;, YAML), PYTHON_GIL=1, PYTHON_JIT=0, -X jit=0 and $variables are not findings."""
    doc = configured.check_json(".", "--extend-exclude", ".github/workflows/dev.yml")
    got = [(f["path"], f["line"], f["code"], f["api"]) for f in doc["findings"]]
    assert len(got) == len(set(got))
    assert set(got) == EXPECTED
    assert {f["severity"] for f in doc["findings"]} == {"warning"}


def test_columns_point_at_the_flag(configured):
    def bare(text):
        return "".join(ch for ch in text if ch not in "\"', =:")

    doc = configured.check_json(".")
    for finding in doc["findings"]:
        assert finding["line"] == finding["end_line"]
        line = (configured.root / finding["path"]).read_text().splitlines()[finding["line"] - 1]
        assert bare(line[finding["column"] - 1:finding["end_column"] - 1]) == bare(finding["api"]), finding


def test_an_excluded_dev_workflow_is_not_reported(configured):
    assert any(path.endswith("dev.yml") for path, *_ in found(configured, "."))
    configured.write("pyproject.toml", OPT_IN + 'extend-exclude = [".github/workflows/dev.yml"]\n')
    assert not any(path.endswith("dev.yml") for path, *_ in found(configured, "."))
    # named explicitly with --force-exclude (as the pre-commit hook does) it stays excluded
    assert found(configured, "--force-exclude", ".github/workflows/dev.yml") == set()


def test_each_rule_can_be_turned_off(configured):
    configured.write("pyproject.toml", OPT_IN + 'ignore = ["OMF001", "OMF003"]\n')
    assert {code for _, _, code, _ in found(configured, ".")} == {"OMF002"}
    configured.write("pyproject.toml", '[tool.outmoded]\nselect = ["OMF003"]\n')
    assert {code for _, _, code, _ in found(configured, ".")} == {"OMF003"}


def test_only_gil_off_is_reported_by_default(configured):
    configured.write("pyproject.toml", "")
    assert {code for _, _, code, _ in found(configured, ".")} == {"OMF002"}
    # asked whether the project is ready for the free-threaded build, running one is no finding
    assert {code for _, _, code, _ in found(configured, "--free-threading", ".")} == {"OMF002"}


def test_flags_do_not_concern_older_targets(configured):
    assert found(configured, ".", target="3.12") == set()


def test_noqa_on_configuration_lines(project):
    project.write("run.sh", "PYTHON_GIL=0 python app.py  # noqa: OMF002\nPYTHON_GIL=0 python app.py\n")
    assert found(project, "run.sh") == {("run.sh", 2, "OMF002", "PYTHON_GIL=0")}


def test_other_file_names(project):
    project.write("docker/Dockerfile.prod", "ENV PYTHON_GIL=0\n")
    project.write("api.dockerfile", "FROM python:3.14t\n")
    project.write("deploy/start.sh", "python -X gil=0 app.py\n")
    project.write(".github/workflows/ci.yaml", "jobs:\n  a:\n    steps:\n      - run: python -X jit x.py\n")
    project.write("docs/notes.txt", "PYTHON_GIL=0\n")  # not a configuration file
    assert {(path, code) for path, _, code, _ in found(project, "--select", "OMF", ".")} == {
        ("docker/Dockerfile.prod", "OMF002"), ("api.dockerfile", "OMF003"),
        ("deploy/start.sh", "OMF002"), (".github/workflows/ci.yaml", "OMF001")}


def test_broken_workflow_is_an_error(project):
    project.write(".github/workflows/bad.yml", "jobs: [unclosed\n")
    doc = project.check_json(".")
    assert [e["path"] for e in doc["errors"]] == [".github/workflows/bad.yml"]
    assert "cannot parse YAML" in doc["errors"][0]["message"]


def test_a_jinja_template_of_a_workflow_is_no_workflow(project):
    # tblib 3.2.2's ci/templates/.github/workflows/github-actions.yml, rendered by ci/bootstrap.py
    project.write("ci/templates/.github/workflows/ci.yml",
                  "jobs:\n  test:\n    name: {{ '${{ matrix.name }}' }}\n    strategy:\n      matrix:\n"
                  "        include:\n{% for env in tox_environments %}\n          - python: '{{ env }}'\n"
                  "{% endfor %}\n    steps:\n      - run: PYTHON_GIL=0 tox\n")
    doc = project.check_json(".")
    assert doc["errors"] == [] and doc["findings"] == []
    # a broken workflow naming {% in a string is still one
    project.write(".github/workflows/bad.yml", "jobs: [unclosed\n  - run: echo '{% raw %}'\n")
    assert [e["path"] for e in project.check_json(".")["errors"]] == [".github/workflows/bad.yml"]


WORKFLOW = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
        {key}: {values}
{include}
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.{key} }}}}
"""


@pytest.mark.parametrize("key, values, include, target, reported", [
    ("python-version", '["3.10", "3.11", "3.12"]', "", "3.13", True),
    ("python-version", '["3.11", "3.12", "3.13"]', "", "3.13", False),
    ("python-version", "[3.12, 3.13t]", "", "3.13", False),
    ("python", '["3.11", "3.12"]', '        include:\n          - python: "3.13"\n            os: macos-latest',
     "3.13", False),
    ("python", '["3.11", "3.12"]', '        include:\n          - python: "3.13"', "3.14", True),
    ("py", '["3.x"]', "", "3.15", False),
    ("python-version", "${{ fromJSON(needs.setup.outputs.versions) }}", "", "3.13", False),
    ("python-version", '["pypy-3.10", "pypy-3.11"]', "", "3.13", False),  # not a CPython axis
    ("python-version", '["3.10", "3.11"]', "", "3.12", True),  # any target, not only 3.13+
])
def test_ci_matrix_never_testing_the_target(project, key, values, include, target, reported):
    project.write(".github/workflows/ci.yml", WORKFLOW.format(key=key, values=values, include=include))
    doc = project.check_json("--select", "OMF004", ".", target=target)
    matrix = [f for f in doc["findings"] if f["code"] == "OMF004"]
    assert [(f["line"], f["api"], f["severity"]) for f in matrix] == ([(8, key, "warning")] if reported else [])
    if reported:
        assert f"never tests Python {target}" in matrix[0]["message"] and "information" in matrix[0]["message"]


def test_yaml_aliases_are_followed_once(project):
    project.write(".github/workflows/a.yml", "x: &x\n  self: *x\n  run: PYTHON_GIL=0 python\njobs: *x\n")
    assert found(project, ".") == {(".github/workflows/a.yml", 3, "OMF002", "PYTHON_GIL=0")}


def test_gil_off_where_only_free_threaded_builds_run(project):
    """SQLAlchemy's tox.ini: `{py313t,py314t}: PYTHON_GIL=0` applies to free-threaded environments only."""
    project.write("tox.ini", """\
[testenv]
setenv =
    {py313t,py314t}: PYTHON_GIL=0    # when running with 313t, 314t, go for broke
    py314t-cext: PYTHON_GIL=0
    {py313,py313t}: PYTHON_GIL=0
    cext: PYTHON_GIL=0
    PYTHON_GIL=0
""")
    assert sorted(line for _, line, _, _ in found(project, "tox.ini")) == [5, 6, 7]


def test_gil_off_in_a_tox_section_for_a_free_threaded_environment(project):
    """elementpath 5.1.4's tox.ini: [testenv:py314t] runs `python -Xgil=0 -m unittest`, on the
    free-threaded 3.14 tox picks for that environment."""
    project.write("tox.ini", """\
[testenv:py314t]
commands = python -Xgil=0 -m unittest
[testenv:{py313t,py314t}-cext]
setenv = PYTHON_GIL=0
[testenv:py314]
commands = python -Xgil=0 -m unittest
[testenv]
commands = python -X gil=0 -m unittest
""")
    assert sorted(line for _, line, _, _ in found(project, "tox.ini")) == [6, 8]


FREE_THREADED_JOBS = """\
on: push
jobs:
  nogil:
    strategy:
      matrix:
        python-version: ["3.13t", "3.14t"]
    env:
      PYTHON_GIL: 0
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
  flagged:
    env:
      PYTHON_GIL: 0
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.14"
          freethreaded: true
  mixed:
    strategy:
      matrix:
        python-version: ["3.13", "3.13t"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: PYTHON_GIL=0 python -m pytest
  unknown:
    steps:
      - run: PYTHON_GIL=0 python -m pytest
"""


def test_gil_off_in_free_threaded_jobs(project):
    project.write(".github/workflows/ci.yml", FREE_THREADED_JOBS)
    assert sorted(line for _, line, code, _ in found(project, ".") if code == "OMF002") == [29, 32]


def test_gil_off_in_a_job_whose_container_is_a_free_threaded_build(project):
    # pikepdf 10.18.0's tsan.yml: container image ghcr.io/nascheme/cpython-tsan:3.14t, no setup
    # step, a step doing echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
    project.write(".github/workflows/tsan.yml", """\
on: push
jobs:
  tsan:
    container:
      image: ghcr.io/nascheme/cpython-tsan:3.14t
    steps:
      - run: echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
  slim:
    container: example.org:5000/python:3.13t-slim
    steps:
      - run: PYTHON_GIL=0 python -m pytest
  default:
    container:
      image: python:3.14
    steps:
      - run: PYTHON_GIL=0 python -m pytest
  installs:
    container: ghcr.io/nascheme/cpython-tsan:3.14t
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.14"
      - run: PYTHON_GIL=0 python -m pytest
""")
    assert sorted(line for _, line, code, _ in found(project, ".") if code == "OMF002") == [16, 23]


def test_gil_off_in_a_matrix_entry_for_a_free_threaded_build(project):
    # astropy 8.0.2's ci_cron_weekly.yml: an include: entry with python: '3.14t' sets PYTHON_GIL:
    # 0, which the job's step reads as ${{ matrix.PYTHON_GIL }}
    project.write(".github/workflows/cron.yml", """\
on: push
jobs:
  tests:
    strategy:
      matrix:
        include:
          - name: default build
            python: '3.14'
          - name: free-threading
            python: '3.14t'
            PYTHON_GIL: 0
          - name: default build, GIL off
            python: '3.14'
            PYTHON_GIL: 0
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
      - run: tox
        env:
          PYTHON_GIL: ${{ matrix.PYTHON_GIL }}
""")
    assert sorted(line for _, line, code, _ in found(project, ".github") if code == "OMF002") == [14]


def test_gil_off_in_a_step_run_only_for_free_threaded_builds(project):
    # humanize 4.17.0's test.yml: a matrix of 3.11 ... 3.16 and 3.14t ... 3.16t, and a step
    # "Set PYTHON_GIL" with if: endsWith(matrix.python-version, 't') writing PYTHON_GIL=0 to
    # $GITHUB_ENV; negated, or with || another case, the step runs on default builds too
    step = """\
      - name: Set PYTHON_GIL
        if: {condition}
        run: |
          echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
"""
    conditions = ["endsWith(matrix.python-version, 't')", "${{ endsWith(matrix.python-version, 't') && runner.os != 'Windows' }}",
                  "!endsWith(matrix.python-version, 't')", "endsWith(matrix.python-version, 't') || github.event_name == 'push'",
                  "endsWith(matrix.os, 't')", "${{ !(endsWith(matrix.python-version, 't')) }}"]
    project.write(".github/workflows/test.yml", """\
on: push
jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.13", "3.14t"]
        os: [ubuntu-latest]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
""" + "".join(step.format(condition=c if c.startswith("$") else f'"{c}"') for c in conditions))
    assert sorted(line for _, line, code, _ in found(project, ".github") if code == "OMF002") == [23, 27, 31, 35]


def test_gil_off_in_a_step_whose_condition_holds_on_free_threaded_combinations_only(project):
    # uproot 5.7.7's build-test.yml: python-version: ['3.10', '3.14', 3.14 python-freethreading]
    # (conda-forge's free-threading build) and a step if: contains(matrix.python-version,
    # 'python-freethreading'); pyzmq 27.3.0's test.yml: if: ${{ matrix.free_threading }}, set in
    # one include: entry, whose setup-python step gets freethreaded: ${{ matrix.free_threading ==
    # 'free_threading' }}.  A condition also true on a default build keeps the finding.
    project.write(".github/workflows/conda.yml", """\
on: push
jobs:
  build:
    strategy:
      matrix:
        platform: [windows-latest, ubuntu-latest]
        python-version: ['3.10', '3.14', 3.14 python-freethreading]
        exclude:
          - platform: ubuntu-latest
            python-version: '3.10'
        include:
          - platform: ubuntu-latest
            python-version: '3.10'
            root-version: '6.32'
    steps:
      - name: Set PYTHON_GIL=0 for free-threaded builds
        if: contains(matrix.python-version, 'python-freethreading')
        run: echo "PYTHON_GIL=0" >> $GITHUB_ENV
      - if: contains(matrix.python-version, '3.14')
        run: echo "PYTHON_GIL=0" >> $GITHUB_ENV
      - if: contains(matrix.python-version, 'python-freethreading') || runner.os == 'Linux'
        run: echo "PYTHON_GIL=0" >> $GITHUB_ENV
      - if: runner.os == 'Linux' && contains(matrix.python-version, 'freethreading')
        run: echo "PYTHON_GIL=0" >> $GITHUB_ENV
""")
    project.write(".github/workflows/test.yml", """\
on: push
jobs:
  test:
    strategy:
      matrix:
        include:
          - python: "3.13"
          - python: "3.14"
            free_threading: free_threading
          - python: "3.14"
            gil_off: true
    steps:
      - uses: actions/setup-python@v6
        with:
          python-version: ${{ matrix.python }}
          freethreaded: ${{ matrix.free_threading == 'free_threading' }}
      - name: setup free threading
        if: ${{ matrix.free_threading }}
        run: echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
      - if: ${{ matrix.gil_off }}
        run: echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
      - if: matrix.python == '3.14'
        run: echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
  two:
    steps:
      - uses: actions/setup-python@v6
        with:
          python-version: "3.13t"
      - uses: actions/setup-python@v6
        with:
          python-version: "3.13"
      - if: runner.os == 'Linux'
        run: echo "PYTHON_GIL=0" >> "$GITHUB_ENV"
""")
    assert sorted((path, line) for path, line, code, _ in found(project, ".github") if code == "OMF002") == [
        (".github/workflows/conda.yml", 20), (".github/workflows/conda.yml", 22),
        (".github/workflows/test.yml", 21), (".github/workflows/test.yml", 23), (".github/workflows/test.yml", 33)]


def test_gil_off_in_a_shell_branch_for_free_threaded_versions(project):
    # matplotlib 3.11's tests.yml: the run script switches the GIL off for the 3.13t entry only
    project.write(".github/workflows/tests.yml", """\
on: push
jobs:
  test:
    steps:
      - name: Run pytest
        run: |
          if [[ "${{ matrix.python-version }}" == '3.13t' ]]; then
            export PYTHON_GIL=0
          fi
          if [[ "${{ matrix.python-version }}" != '3.13t' ]]; then
            export PYTHON_GIL=0
          fi
          export PYTHON_GIL=0
""")
    # Cython 3.3's Tools/ci-run.sh: if [[ $PYTHON_VERSION == *"t" ]]; then export PYTHON_GIL=0
    project.write("ci.sh", 'if [ "$PY" = "3.14t" ]; then PYTHON_GIL=0 pytest; fi\nPYTHON_GIL=0 pytest\n'
                           'if [[ $PYTHON_VERSION == *"t" ]]; then\n  export PYTHON_GIL=0\nfi\n')
    assert sorted(line for path, line, code, _ in found(project, ".github") if code == "OMF002") == [11, 13]
    assert sorted(line for path, line, _, _ in found(project, "ci.sh")) == [2]


def test_gil_off_in_a_dockerfile_stage_whose_interpreter_is_free_threaded(project):
    # schemathesis 4.32.5's Dockerfile: CPython configured with --disable-gil in a builder stage,
    # copied into an alpine runtime stage that sets PYTHON_GIL=0; a default build aborts with it
    project.write("Dockerfile", """\
FROM alpine:3.24 AS python-builder
RUN ./configure --prefix=/opt/python --disable-gil && make install
FROM alpine:3.24 AS app-builder
COPY --from=python-builder /opt/python /opt/python
ENV PYTHON_GIL=0
FROM alpine:3.24
COPY --from=app-builder /opt/python /opt/python
ENV PYTHON_GIL 0
FROM python:3.14t-slim AS tested
CMD ["python", "-X", "gil=0", "-m", "pytest"]
FROM tested
ENV PYTHON_GIL=0
FROM python:3.13-slim
COPY --from=python-builder /opt/python /opt/python
ENV PYTHON_GIL 0
""")
    assert sorted((line, api) for _, line, code, api in found(project, "Dockerfile") if code == "OMF002") == [
        (15, "PYTHON_GIL=0")]


def test_gil_off_in_a_dockerfile_stage_copying_only_app_files_from_a_free_threaded_one(project):
    # a no-Python stage that copies the application (not the interpreter) from a python:3.14t stage
    # and installs its distribution's python3: a default build, which aborts with PYTHON_GIL=0
    # ("Fatal Python error: config_read_gil" on the real 3.13-3.15); one copying the interpreter's
    # prefix, its binary, a path not written out or a continued COPY of /usr/local does not
    project.write("Dockerfile", """\
FROM python:3.14t-slim AS build
RUN pip wheel --wheel-dir /wheels . && ./configure --prefix=/srv/cpython
FROM debian:trixie-slim
COPY --from=build /wheels/*.whl /tmp/
COPY --from=build --chown=app ["app/", "/srv/app"]
RUN apt-get update && apt-get install -y python3 python3-pip
ENV PYTHON_GIL=0
FROM debian:trixie-slim
COPY --from=build /app /app
COPY --from=build /usr/local /usr/local
ENV PYTHON_GIL=0
FROM debian:trixie-slim
COPY --from=build ["/usr/local/bin/python3.14t", "/usr/local/bin/"]
ENV PYTHON_GIL=0
FROM debian:trixie-slim
ARG PREFIX=/usr/local
COPY --from=build $PREFIX $PREFIX
ENV PYTHON_GIL=0
FROM debian:trixie-slim
COPY --from=build \\
    /usr/local /usr/local
ENV PYTHON_GIL=0
FROM debian:trixie-slim
COPY --from=build /srv/cpython /srv/cpython
ENV PYTHON_GIL=0
""")
    assert sorted(line for _, line, code, _ in found(project, "Dockerfile") if code == "OMF002") == [7]


def test_gil_off_in_a_file_named_for_free_threaded_runs(project):
    # fastavro 1.13.1: freethreading-run-tests.sh (beside run-tests.sh, which does not set it) runs
    # PYTHON_GIL=0 python -m pytest; a default build aborts with it, a free-threaded one runs
    script = "PYTHON_GIL=0 python -m pytest\nPYTHON_JIT=1 python -m pytest\n"
    for name in ("freethreading-run-tests.sh", "free_threaded.sh", "ci/nogil-tests.sh", "run-tests.sh"):
        project.write(name, script)
    assert sorted((path, code) for path, _, code, _ in found(project, "--select", "OMF", ".")) == [
        ("ci/nogil-tests.sh", "OMF001"), ("free_threaded.sh", "OMF001"), ("freethreading-run-tests.sh", "OMF001"),
        ("run-tests.sh", "OMF001"), ("run-tests.sh", "OMF002")]
