"""What CI and deployment config installs: Dockerfiles, GitHub workflows, tox.ini, noxfile.py and
.pre-commit-config.yaml, read as text (never run), each pin at its own line."""

from __future__ import annotations

import json
from pathlib import Path

from outmoded.deps import platforms, sources

LINUX = (platforms.PLATFORMS["manylinux_x86_64"],)


def pins(names=(), version=(3, 13)):
    found = sources.gather([str(n) for n in names], version, LINUX)
    return ([(d.name, str(d.requirement.specifier), d.file, d.line) for d in found.deps],
            [(s.name, s.file, s.line, s.reason) for s in found.skipped], found)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_dockerfile_run_lines_args_copies_and_exec_form(tmp_path):
    write(tmp_path / "deploy/prod.txt", "django==4.2.11\n")
    write(tmp_path / "Dockerfile",
          "FROM python:3.11-slim\n"
          "ARG NUMPY_VERSION=1.26.4\n"
          "WORKDIR /app\n"
          "COPY deploy/prod.txt ./req.txt\n"
          "# RUN pip install commented==1.0\n"
          "RUN pip install --no-cache-dir -r req.txt \\\n"
          "    # a comment line inside the instruction\n"
          "    && pip install numpy==${NUMPY_VERSION} \"pandas<2.2\" \\\n"
          "    && python3.11 -m pip install -U pip  # latest pip\n"
          "RUN [\"pip\", \"install\", \"gunicorn==21.2.0\"]\n"
          "RUN --mount=type=cache,target=/root/.cache pip install uvicorn==0.30.0 $EXTRA\n"
          "RUN pip install . && pip install -e .[test] ./dist/*.whl\n")
    found, skipped, collected = pins([tmp_path / "Dockerfile"])
    assert found == [("numpy", "==1.26.4", "Dockerfile", 8), ("pandas", "<2.2", "Dockerfile", 8),
                     ("pip", "", "Dockerfile", 9), ("gunicorn", "==21.2.0", "Dockerfile", 10),
                     ("uvicorn", "==0.30.0", "Dockerfile", 11), ("django", "==4.2.11", "deploy/prod.txt", 1)]
    assert skipped == [("$EXTRA", "Dockerfile", 11, "computed by the shell or CI: not read")]
    assert collected.read == ["Dockerfile (installs deploy/prod.txt)"]


def test_dockerfile_requirements_from_a_copied_directory_or_missing(tmp_path):
    write(tmp_path / "requirements.txt", "requests==2.32.3\n")
    write(tmp_path / "Containerfile", "FROM python:3.12\nCOPY . /srv\n"
                                      "RUN pip install -r /srv/requirements.txt -r /srv/generated.txt\n")
    found, skipped, _ = pins([tmp_path / "Containerfile"])
    assert found == [("requests", "==2.32.3", "requirements.txt", 1)]
    assert skipped == [("-r /srv/generated.txt", "Containerfile", 3,
                        "requirements file not found in the project: not read")]


def test_workflow_run_scripts_each_pin_at_its_line(tmp_path):
    write(tmp_path / "ci/requirements.txt", "coverage==7.4.0\n")
    write(tmp_path / ".github/workflows/ci.yml",
          "on: push\n"
          "jobs:\n"
          "  test:\n"
          "    runs-on: ubuntu-latest\n"
          "    steps:\n"
          "      - uses: actions/setup-python@v5\n"
          "        with: {python-version: '3.13'}\n"
          "      - run: pip install tox==4.11.4\n"
          "      - name: deps\n"
          "        working-directory: ci\n"
          "        run: |\n"
          "          # pip install commented==1\n"
          "          python -m pip install --upgrade pip\n"
          "          pip install -r requirements-${{ matrix.deps }}.txt\n"
          "          pip install -r requirements.txt nose==1.3.7 \\\n"
          "            flake8==7.0.0  # lint\n"
          "          uv pip install --system \"flake8-bugbear==24.2.6\" && pipx install black==24.1.0\n"
          "      - run: \"pip install twine==5.0.0\"\n"
          "      - run: echo pip install notreally==1\n")
    found, skipped, _ = pins([tmp_path / ".github/workflows/ci.yml"])
    where = ".github/workflows/ci.yml"
    assert found == [("tox", "==4.11.4", where, 8), ("pip", "", where, 13), ("nose", "==1.3.7", where, 15),
                     ("flake8", "==7.0.0", where, 16), ("flake8-bugbear", "==24.2.6", where, 17),
                     ("black", "==24.1.0", where, 17), ("twine", "==5.0.0", where, 18),
                     ("coverage", "==7.4.0", "ci/requirements.txt", 1)]
    assert skipped == [("-r requirements-${{ matrix.deps }}.txt", where, 14, "computed by the shell or CI: not read")]


def test_tox_deps_with_factors_for_the_target(tmp_path):
    write(tmp_path / "requirements.txt", "requests==2.32.3\n")
    write(tmp_path / "tox.ini",
          "[tox]\nenvlist = py38,py313\nrequires = tox-gh==1.3.1\n\n"
          "[testenv]\n"
          "deps =\n"
          "    pytest==7.4.4  # runner\n"
          "    py38: mock==5.1.0\n"
          "    py312,py313: numpy==1.26.4\n"
          "    !py313: skipme==1.0\n"
          "    -r{toxinidir}/requirements.txt\n"
          "    {[base]deps}\n"
          "commands = pytest\n"
          "[testenv:docs]\ndeps = sphinx==7.2.6\n")
    found, skipped, _ = pins([tmp_path / "tox.ini"])
    assert found == [("pytest", "==7.4.4", "tox.ini", 7), ("numpy", "==1.26.4", "tox.ini", 9),
                     ("sphinx", "==7.2.6", "tox.ini", 15), ("requests", "==2.32.3", "requirements.txt", 1)]
    assert skipped == []
    on_38 = pins([tmp_path / "tox.ini"], (3, 8))[0]
    assert ("mock", "==5.1.0", "tox.ini", 8) in on_38 and ("skipme", "==1.0", "tox.ini", 10) in on_38


def test_pre_commit_additional_dependencies_of_python_hooks(tmp_path):
    write(tmp_path / ".pre-commit-config.yaml",
          "repos:\n"
          "  - repo: https://github.com/pre-commit/mirrors-mypy\n"
          "    rev: v1.8.0\n"
          "    hooks:\n"
          "      - id: mypy\n"
          "        additional_dependencies: [types-requests==2.31.0.20240125, \"pydantic==2.5.3\"]\n"
          "  - repo: https://github.com/pre-commit/mirrors-prettier\n"
          "    rev: v3.1.0\n"
          "    hooks:\n"
          "      - id: prettier\n"
          "        additional_dependencies:\n"
          "          - prettier@3.1.0\n"
          "          - \"@trivago/prettier-plugin-sort-imports@4.3.0\"\n"
          "      - id: eslint\n"
          "        language: node\n"
          "        additional_dependencies: [eslint==8.56.0]\n")
    found, skipped, _ = pins([tmp_path / ".pre-commit-config.yaml"])
    assert found == [("types-requests", "==2.31.0.20240125", ".pre-commit-config.yaml", 6),
                     ("pydantic", "==2.5.3", ".pre-commit-config.yaml", 6)]
    assert skipped == []


def test_noxfile_sessions_read_never_run(tmp_path):
    marker = tmp_path / "ran"
    write(tmp_path / "requirements.txt", "requests==2.32.3\n")
    write(tmp_path / "noxfile.py",
          "import nox, pathlib\n"
          f"pathlib.Path({str(marker)!r}).write_text('ran')\n"
          "LINT = ['flake8==6.1.0', 'flake8-bugbear==23.12.2']\n"
          "@nox.session(python=['3.12', '3.13'])\n"
          "def tests(session):\n"
          "    session.install('pytest==8.0.0', '-r', 'requirements.txt')\n"
          "    session.install(*LINT)\n"
          "    session.run('python', '-m', 'pip', 'install', 'sphinx==7.2.6')\n"
          "    session.run('pytest', 'tox==1.0')\n"
          "    session.install(f'numpy=={session.python}')\n"
          "def helper(session):\n"
          "    session.install('notasession==1.0')\n")
    found, skipped, _ = pins([tmp_path / "noxfile.py"])
    assert found == [("pytest", "==8.0.0", "noxfile.py", 6), ("flake8", "==6.1.0", "noxfile.py", 7),
                     ("flake8-bugbear", "==23.12.2", "noxfile.py", 7), ("sphinx", "==7.2.6", "noxfile.py", 8),
                     ("requests", "==2.32.3", "requirements.txt", 1)]
    assert skipped == [("f'numpy=={session.python}'", "noxfile.py", 10, "computed in the noxfile: not read")]
    assert not marker.exists()


def test_a_project_directory_reads_ci_config_besides_the_lock_and_repeats_no_pin(tmp_path, monkeypatch):
    write(tmp_path / "requirements.txt", "numpy==1.26.4\n")
    write(tmp_path / "Dockerfile", "FROM python:3.11\nCOPY requirements.txt .\n"
                                   "RUN pip install -r requirements.txt && pip install numpy==1.26.4 gunicorn==21.2.0\n")
    write(tmp_path / ".github/workflows/docs.yml", "on: push\njobs:\n  d:\n    steps:\n      - run: make html\n")
    write(tmp_path / ".github/workflows/ci.yml",
          "on: push\njobs:\n  t:\n    steps:\n      - run: pip install gunicorn==21.2.0 nose==1.3.7\n")
    monkeypatch.chdir(tmp_path)
    found, _skipped, collected = pins()
    assert found == [("numpy", "==1.26.4", "requirements.txt", 1), ("gunicorn", "==21.2.0", "Dockerfile", 3),
                     ("nose", "==1.3.7", ".github/workflows/ci.yml", 5)]
    assert collected.read == ["requirements.txt", "Dockerfile", ".github/workflows/ci.yml"]
    assert collected.notes == ["no install from the index in .github/workflows/docs.yml"]


def test_the_table_says_where_each_ci_pin_came_from(tmp_path, deps, deps_json):
    write(tmp_path / "uv.lock", 'version = 1\nrequires-python = ">=3.9"\n\n'
                                '[[package]]\nname = "requests"\nversion = "2.32.3"\n'
                                'source = { registry = "https://pypi.org/simple" }\n')
    write(tmp_path / "Dockerfile", "FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n"
                                   "      numpy==1.26.4 \\\n      pillow==10.4.0\n")
    write(tmp_path / ".github/workflows/ci.yml",
          "on: push\njobs:\n  t:\n    steps:\n      - run: |\n          pip install oldpy==1.0\n")
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 1
    table = out.split("\n\n")[1].splitlines()[1:]
    rows = {line.split()[0]: line.split() for line in table}
    assert rows["numpy"][3:] == ["source-only", ">=2.1.0", "Dockerfile:3"]
    assert rows["pillow"][3:] == ["ok", "-", "Dockerfile:4"]
    assert rows["oldpy"][3] == "incompatible" and rows["oldpy"][-1] == ".github/workflows/ci.yml:6"
    assert rows["requests"][-1].startswith("uv.lock:")
    assert "Read uv.lock, Dockerfile, .github/workflows/ci.yml" in out
    _code, found, document = deps_json("--platform", "linux", "--target-version", "3.13")
    assert (found["numpy"]["file"], found["numpy"]["line"]) == ("Dockerfile", 3)


def test_only_ci_config_in_a_directory_is_enough(tmp_path, deps):
    write(tmp_path / "Dockerfile", "FROM python:3.12\nRUN pip install requests==2.32.3\n")
    code, out, _ = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 0 and "requests  ==2.32.3" in out and "Dockerfile:2" in out


def test_hostile_ci_config_is_a_usage_error_or_nothing_never_a_traceback(tmp_path, deps):
    write(tmp_path / ".github/workflows/bad.yml", "jobs: [\n")
    code, out, err = deps(str(tmp_path / ".github/workflows/bad.yml"))
    assert code == 2 and "cannot parse YAML" in err and "Traceback" not in err
    write(tmp_path / "noxfile.py", "def (:\n")
    write(tmp_path / "Dockerfile", "RUN pip install 'unbalanced==1.0\nRUN [\"pip\", \"install\", 3]\n"
                                   "RUN pip install \\\n")
    write(tmp_path / "tox.ini", "[testenv]\ndeps =\n    {env:DEPS}\n    ???\n")
    for name in ("noxfile.py", "Dockerfile", "tox.ini"):
        code, out, err = deps("--target-version", "3.13", "--tags-only", str(tmp_path / name))
        assert code in (0, 1, 3) and "Traceback" not in err, (name, err)
    assert json.loads(deps("--format", "json", "--target-version", "3.13", "--tags-only",
                           str(tmp_path / "tox.ini"))[1])["skipped"]


def test_what_a_command_installs_from_elsewhere_or_computes_is_not_looked_up(tmp_path):
    # transformers' docker/ images, built with the repository as context, and black's Dockerfile
    write(tmp_path / "requirements_test.txt", "pytest==9.0.3\n")
    write(tmp_path / "docker/Dockerfile.dev",
          "FROM python:3.12\nCOPY requirements_test.txt .\n"
          "RUN uv pip install -r requirements_test.txt\n"
          "RUN uv pip install $(grep -E 'web\\.py==|Babel==' requirements.txt)\n"
          "RUN pip install torch==2.13.0 torchvision==0.28.0 --index-url https://download.pytorch.org/whl/cu130\n"
          "RUN pip install torchcodec==0.14.0 --extra-index-url https://download.pytorch.org/whl/cpu\n"
          "RUN hatch build -t wheel && pip install --no-cache-dir dist/*-cp* && pip install black[d]\n")
    found, skipped, _ = pins([tmp_path / "docker/Dockerfile.dev"])
    assert found == [("torchcodec", "==0.14.0", "docker/Dockerfile.dev", 6), ("black", "", "docker/Dockerfile.dev", 7),
                     ("pytest", "==9.0.3", "requirements_test.txt", 1)]
    other = "installed from another index (https://download.pytorch.org/whl/cu130): not looked up"
    assert skipped == [("$(grep -E 'web\\.py==|Babel==' requirements.txt)", "docker/Dockerfile.dev", 4,
                        "computed by the shell or CI: not read"),
                       ("torch==2.13.0", "docker/Dockerfile.dev", 5, other),
                       ("torchvision==0.28.0", "docker/Dockerfile.dev", 5, other)]


def test_tox_environments_of_another_python_are_left_out(tmp_path):
    # scrapy's tox.ini: [testenv:min] pins the oldest releases it supports, for Python 3.10
    write(tmp_path / "tox.ini",
          "[min]\nbasepython = python3.10\ndeps =\n    Twisted==21.7.0\n\n"
          "[testenv:min]\nbasepython = {[min]basepython}\ndeps =\n    {[min]deps}\n    PyDispatcher==2.0.5\n\n"
          "[testenv:pylint]\nbasepython = python3.14\ndeps =\n    pylint==4.0.6\n\n"
          "[testenv:pypy3]\nbasepython = pypy3\ndeps = pypyonly==1.0\n\n"
          "[testenv:py313-lint]\ndeps = ruff==0.9.0\n\n"
          "[testenv:docs]\nbasepython = python3\ndeps = {[min]deps}\n")
    assert pins([tmp_path / "tox.ini"], (3, 14))[0] == [("pylint", "==4.0.6", "tox.ini", 15),
                                                        ("Twisted", "==21.7.0", "tox.ini", 4)]
    on_310 = [name for name, *_ in pins([tmp_path / "tox.ini"], (3, 10))[0]]
    assert on_310 == ["Twisted", "PyDispatcher"]
