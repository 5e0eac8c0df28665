"""Reading dependency files: requirements.txt syntax, pyproject.toml, pylock.toml, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from outmoded.cli import UsageError
from outmoded.deps import platforms, sources
from outmoded.deps.requirements import logical_lines

LINUX = (platforms.PLATFORMS["manylinux_x86_64"],)
BOTH = LINUX + (platforms.PLATFORMS["win_amd64"],)


def collect(*paths, version=(3, 13), chosen=LINUX):
    deps, skipped = sources.collect([Path(p) for p in paths], version, chosen)
    return deps, skipped


def test_comments_continuations_hashes_and_options(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        "# pinned by pip-compile\n"
        "--index-url https://example.invalid/simple\n"
        "numpy==1.26.4 \\\n"
        "    --hash=sha256:aaaa \\\n"
        "    --hash=sha256:bbbb\n"
        "\n"
        "requests>=2.31  # http\n"
        "  pandas [performance] == 2.2.2 ; python_version >= '3.9'\n"
        "--only-binary :all:\n"
        "pillow\\\n"
        "==10.4.0\n")
    deps, skipped = collect("requirements.txt")
    found = [(d.name, str(d.requirement.specifier), d.line) for d in deps]
    assert found == [("numpy", "==1.26.4", 3), ("requests", ">=2.31", 7),
                     ("pandas", "==2.2.2", 8), ("pillow", "==10.4.0", 10)]
    assert skipped == []


def test_includes_are_relative_and_read_once(tmp_path):
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements.txt").write_text("-r requirements/base.txt\nflask\n")
    (tmp_path / "requirements" / "base.txt").write_text("--requirement=common.txt\nnumpy\n")
    (tmp_path / "requirements" / "common.txt").write_text("-r base.txt\nrequests\n")  # a cycle
    deps, _ = collect("requirements.txt", "requirements/base.txt")
    assert [(d.name, d.file) for d in deps] == [
        ("requests", "requirements/common.txt"), ("numpy", "requirements/base.txt"),
        ("flask", "requirements.txt")]


def test_markers_are_evaluated_for_target_and_platform(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        'tomli; python_version < "3.11"\n'
        'pywin32; sys_platform == "win32"\n'
        'uvloop; sys_platform != "win32"\n'
        'backport; python_version < "3.14"\n')
    deps, skipped = collect("requirements.txt", version=(3, 13), chosen=BOTH)
    kept = {d.name: [p.name for p in d.platforms] for d in deps}
    assert kept == {"pywin32": ["win_amd64"], "uvloop": ["manylinux_x86_64"],
                    "backport": ["manylinux_x86_64", "win_amd64"]}
    assert [s.name for s in skipped] == ["tomli"]
    assert "marker excludes the target" in skipped[0].reason


def test_direct_references_and_editables_are_skipped(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        "-e .\n"
        "./vendor/thing-1.0-py3-none-any.whl\n"
        "git+https://github.com/psf/requests#egg=requests\n"
        "attrs @ https://example.invalid/attrs-23.1.0.tar.gz\n"
        "-r https://example.invalid/requirements.txt\n"
        "-c constraints.txt\n"
        "six\n")
    deps, skipped = collect("requirements.txt")
    assert [d.name for d in deps] == ["six"]
    assert [s.line for s in skipped] == [1, 2, 3, 4, 5, 6]  # -c: the constraints file is said not judged


def test_malformed_lines_become_dependencies_with_an_error(tmp_path):
    (tmp_path / "requirements.txt").write_text("numpy=1.26\nfoo bar baz\n-r missing.txt\nok-pkg\n")
    deps, _ = collect("requirements.txt")
    errors = [(d.line, d.error is not None) for d in deps]
    assert errors == [(1, True), (2, True), (3, True), (4, False)]
    assert "malformed requirement 'foo bar baz'" in deps[1].error
    assert "not found: missing.txt" in deps[2].error


def test_environment_variables_expand_like_pip(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMPY_VERSION", "1.26.4")
    (tmp_path / "requirements.txt").write_text("numpy==${NUMPY_VERSION}\n")
    deps, _ = collect("requirements.txt")
    assert str(deps[0].requirement.specifier) == "==1.26.4"


def test_logical_lines_keep_url_fragments_and_drop_comments():
    text = "pkg @ https://x.invalid/p.zip#sha256=1 # trailing\n#whole line\nlast \\"
    assert list(logical_lines(text)) == [(1, "pkg @ https://x.invalid/p.zip#sha256=1"), (3, "last")]


def test_pyproject_dependencies_extras_and_groups(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "demo"\n'
        'dependencies = [\n  "numpy>=1.26",\n  \'requests==2.32.3\',\n]\n'
        '[project.optional-dependencies]\n'
        'image = ["pillow==10.4.0"]\n'
        'old = ["importlib-metadata; extra == \'old\' and python_version < \'3.8\'"]\n'
        'win = ["pywin32; extra == \'win\' and sys_platform == \'win32\'"]\n'
        '[dependency-groups]\n'
        'test = ["pytest>=8", {include-group = "lint"}]\n'
        'lint = ["ruff"]\n')
    deps, skipped = collect("pyproject.toml", chosen=BOTH)
    assert [(d.name, d.line) for d in deps] == [
        ("numpy", 4), ("requests", 5), ("pillow", 8), ("pywin32", 10), ("pytest", 12), ("ruff", 13)]
    assert [s.name for s in skipped] == ["importlib-metadata"]


def test_the_project_named_in_its_own_groups_is_no_dependency(tmp_path):
    """pdm's test group holds ``pdm[pytest]``: its pytest extra, read as it is, not pdm from the
    index (nor a package its pdm.lock would hold)."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "Self_Ref"\ndependencies = ["requests"]\n'
        '[project.optional-dependencies]\npytest = ["pytest"]\nall = ["self-ref[pytest]"]\n'
        '[dependency-groups]\ntest = ["self.ref [pytest]", "coverage"]\n')
    deps, skipped = collect("pyproject.toml")
    assert [d.name for d in deps] == ["requests", "pytest", "coverage"]
    assert skipped == []


def test_pylock_packages_are_pinned(tmp_path):
    (tmp_path / "pylock.toml").write_text(
        'lock-version = "1.0"\ncreated-by = "test"\n'
        '[[packages]]\nname = "numpy"\nversion = "1.26.4"\n'
        '[[packages]]\nname = "colorama"\nversion = "0.4.6"\nmarker = "sys_platform == \'win32\'"\n'
        '[[packages]]\nname = "mylib"\n[packages.directory]\npath = "."\n')
    deps, skipped = collect("pylock.toml")
    assert [(d.name, str(d.requirement.specifier), d.line) for d in deps] == [("numpy", "==1.26.4", 4)]
    assert sorted(s.name for s in skipped) == ["colorama", "mylib"]


def test_discovery_finds_the_usual_files(tmp_path):
    for name in ("pyproject.toml", "requirements.txt", "requirements-dev.txt", "requirements/ci.txt",
                 "setup.cfg", "Pipfile", "setup.py", "README.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    assert [p.name for p in sources.files_to_read([])] == [
        "pyproject.toml", "Pipfile", "setup.cfg", "setup.py", "requirements-dev.txt",
        "requirements.txt", "ci.txt"]


def test_discovery_prefers_the_lock_file_and_says_what_it_left(tmp_path):
    for name in ("pyproject.toml", "requirements.txt", "poetry.lock", "uv.lock"):
        (tmp_path / name).write_text("[[package]]\n" if name.endswith(".lock") else "")
    paths, notes = sources.discover(tmp_path)
    assert [p.name for p in paths] == ["uv.lock"]
    assert notes == [("also present, not read: poetry.lock, pyproject.toml, requirements.txt "
                      "(the lock file uv.lock is what gets installed)")]


def test_nothing_to_read_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no lock file, requirements"):
        sources.files_to_read([])
    with pytest.raises(UsageError, match="no such file"):
        sources.files_to_read(["missing.txt"])
    (tmp_path / "pyproject.toml").write_text("[project\n")
    with pytest.raises(UsageError, match="not valid TOML"):
        sources.collect([tmp_path / "pyproject.toml"], (3, 13), LINUX)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_requirements_file_in_the_encoding_its_bom_names_is_read_as_pip_reads_it(tmp_path, deps_json, encoding):
    """Windows PowerShell 5's ``pip freeze > requirements.txt`` writes UTF-16 LE with a BOM, which
    pip reads (``auto_decode``); it was 'not UTF-8 text', exit 2."""
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    (tmp_path / "requirements.txt").write_bytes((bom + "requests==2.32.3\r\n").encode(encoding))
    code, found, _ = deps_json("--target-version", "3.13", str(tmp_path / "requirements.txt"))
    assert code == 0 and found["requests"]["status"] == "ok" and found["requests"]["line"] == 1

