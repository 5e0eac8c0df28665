"""Files that declare dependencies without locking them: ``[tool.poetry]`` (with Poetry's own
constraint syntax), ``Pipfile``, ``setup.cfg`` and ``setup.py`` (read, never run)."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from outmoded.cli import UsageError
from outmoded.deps import platforms, sources
from outmoded.deps.lockfiles.poetry import to_pep440

LINUX = (platforms.PLATFORMS["manylinux_x86_64"],)
BOTH = LINUX + (platforms.PLATFORMS["win_amd64"],)

CONSTRAINTS = ["^1.2.3", "^1.2", "^1", "^0.2.3", "^0.0.3", "^0.0", "^0", "~1.2.3", "~1.2", "~1",
               "~=1.2", "~=1.2.3", "1.2.*", "1.2.3", "==1.2.3", ">=1.2,<2", ">= 1.2 < 2.0", ">=1.2, <1.9",
               "!=1.2.3", ">1.0", "<=2.0", "*", "^2.0.0b1", "==2.*"]
VERSIONS = ["0", "0.0.1", "0.0.3", "0.0.4", "0.0.9", "0.1.0", "0.2.2", "0.2.3", "0.2.9", "0.3.0", "0.9",
            "1.0", "1.1.9", "1.2", "1.2.0", "1.2.2", "1.2.3", "1.2.4", "1.2.99", "1.3.0", "1.8.5",
            "1.9", "1.99", "2.0", "2.0.0b1", "2.0.0", "2.0.1", "2.1", "2.9.9", "3.0"]


@pytest.mark.parametrize("constraint", CONSTRAINTS)
def test_poetry_constraints_admit_what_poetry_admits(constraint):
    """Checked against poetry-core itself, version by version."""
    core = pytest.importorskip("poetry.core.constraints.version")
    theirs = core.parse_constraint(constraint)
    ours = SpecifierSet(to_pep440(constraint))
    for version in VERSIONS:
        assert ours.contains(version, prereleases=True) == theirs.allows(core.Version.parse(version)), \
            (constraint, to_pep440(constraint), version)


def test_poetry_union_keeps_the_newest_alternative():
    assert to_pep440("^1.0 || ^2.0") == ">=2.0,<3.0.0"
    assert to_pep440(">=1.0,<1.5 | >=2.0") == ">=2.0"


def collect(path, chosen=LINUX):
    return sources.collect([Path(path)], (3, 13), chosen)


def test_tool_poetry_dependencies_groups_and_sources(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.poetry]\nname = "demo"\n'
        '[tool.poetry.dependencies]\n'
        'python = "^3.9"\n'
        'requests = {version = "^2.31", extras = ["socks"]}\n'
        'numpy = [\n  {version = "<2", python = "<3.10"},\n  {version = "^2.1", python = ">=3.10"},\n]\n'
        'pywin32 = {version = "*", markers = "sys_platform == \'win32\'"}\n'
        'mylib = {path = "../mylib", develop = true}\n'
        '[tool.poetry.group.test.dependencies]\n'
        'pytest = "~8.1"\n'
        '[tool.poetry.dev-dependencies]\n'
        'black = "24.1.0"\n')
    deps, skipped = collect(tmp_path / "pyproject.toml", BOTH)
    got = {d.name: (str(d.requirement.specifier), d.line, [p.name for p in d.platforms]) for d in deps}
    assert got == {
        "requests": ("<3.0.0,>=2.31", 5, ["manylinux_x86_64", "win_amd64"]),
        "numpy": ("<3.0.0,>=2.1", 6, ["manylinux_x86_64", "win_amd64"]),  # the 3.13 alternative
        "pywin32": ("", 10, ["win_amd64"]),
        "pytest": ("<8.2.0,>=8.1", 13, ["manylinux_x86_64", "win_amd64"]),
        "black": ("==24.1.0", 15, ["manylinux_x86_64", "win_amd64"]),
    }
    reasons = {s.name: s.reason for s in skipped}
    assert reasons["mylib"] == "not from an index (path ../mylib)"
    assert 'python_full_version < "3.10"' in reasons["numpy"]


def test_pipfile_packages_dev_packages_and_marker_keys(tmp_path):
    (tmp_path / "Pipfile").write_text(
        '[[source]]\nurl = "https://pypi.org/simple"\nname = "pypi"\n'
        '[packages]\n'
        'requests = "*"\n'
        'django = "==4.2.1"\n'
        'flask = {version = ">=3", extras = ["async"]}\n'
        'pywin32 = {version = "*", sys_platform = "== \'win32\'"}\n'
        'mypkg = {path = ".", editable = true}\n'
        '[dev-packages]\n'
        '"pytest-cov" = "4.1"\n'
        '[requires]\npython_version = "3.13"\n')
    deps, skipped = collect(tmp_path / "Pipfile", BOTH)
    got = {d.name: (str(d.requirement.specifier), d.line, len(d.platforms)) for d in deps}
    assert got == {"requests": ("", 5, 2), "django": ("==4.2.1", 6, 2), "flask": (">=3", 7, 2),
                   "pywin32": ("", 8, 1), "pytest-cov": ("==4.1", 11, 2)}
    assert [s.name for s in skipped] == ["mypkg"]


def test_setup_cfg_install_requires_extras_and_file_directive(tmp_path):
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nname = demo\n\n"
        "[options]\ninstall_requires =\n    requests>=2.31\n    # a comment\n"
        "    tomli; python_version < '3.11'\n    numpy==1.26.4\n"
        "[options.extras_require]\ntest = pytest>=8; coverage\n"
        "docs = file: docs-requirements.txt\n")
    (tmp_path / "docs-requirements.txt").write_text("sphinx>=7  # docs\n")
    deps, skipped = collect(tmp_path / "setup.cfg")
    assert [(d.name, d.line, d.extra) for d in deps] == [
        ("requests", 6, ""), ("numpy", 9, ""), ("pytest", None, "test"), ("coverage", None, "test"),
        ("sphinx", None, "docs")]
    assert [s.name for s in skipped] == ["tomli"]


def test_setup_py_literals_are_read_and_the_file_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "setup.py").write_text(
        "import pathlib\n"
        f"pathlib.Path({str(marker)!r}).write_text('setup.py was executed')\n"
        "from setuptools import setup\n"
        "REQUIRES = [\n    'requests>=2.31',\n    \"click~=8.1\",\n]\n"
        "setup(\n    name='demo',\n    install_requires=REQUIRES,\n"
        "    extras_require={'yaml': ['pyyaml>=6']},\n)\n")
    deps, _ = collect(tmp_path / "setup.py")
    assert [(d.name, str(d.requirement.specifier), d.line, d.extra) for d in deps] == [
        ("requests", ">=2.31", 5, ""), ("click", "~=8.1", 6, ""), ("pyyaml", ">=6", 11, "yaml")]
    assert not marker.exists()


@pytest.mark.parametrize("source, message", [
    ("from setuptools import setup\nsetup(install_requires=open('r.txt').read().split())\n",
     "install_requires is not a literal list of strings"),
    ("from setuptools import setup\nsetup(name='x')\n", "no literal install_requires"),
    ("print('hello')\n", "no setup(...) call"),
    ("def broken(:\n", "cannot parse"),
])
def test_setup_py_that_computes_its_requirements_says_so(tmp_path, source, message):
    (tmp_path / "setup.py").write_text(source)
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        collect(tmp_path / "setup.py")


def test_pdm_and_uv_development_tables(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pdm.dev-dependencies]\nlint = ["ruff>=0.4"]\n'
        '[tool.uv]\ndev-dependencies = ["pytest>=8", "coverage"]\n')
    deps, _ = collect(tmp_path / "pyproject.toml")
    assert [(d.name, d.line) for d in deps] == [("ruff", 2), ("pytest", 4), ("coverage", 4)]


def test_pathological_setup_py_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "setup.py").write_text("setup(install_requires=" + "[" * 5000 + "]" * 5000 + ")\n")
    with pytest.raises(UsageError):
        collect(tmp_path / "setup.py")
