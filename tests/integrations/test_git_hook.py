"""``hooks/pre-commit``: the plain git hook, installed in a scratch repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ghrunner import REPO, git

BAD = "import imp\nimp.reload(x)\n"
WARNING_ONLY = "try:\n    import imp\nexcept ImportError:\n    imp = None\n"


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    hook = tmp_path / ".git" / "hooks" / "pre-commit"
    shutil.copy2(REPO / "hooks" / "pre-commit", hook)
    (tmp_path / "pyproject.toml").write_text('[tool.outmoded]\ntarget-version = "3.13"\nextend-exclude = ["legacy/"]\n')
    git(tmp_path, "add", "pyproject.toml")
    return tmp_path


def commit(repo, env_extra=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", OUTMODED_PYTHON=sys.executable)
    env.update(env_extra or {})
    proc = subprocess.run(["git", "commit", "-q", "-m", "change"], cwd=repo, env=env, capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def write(repo, name, text, stage=True):
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    if stage:
        git(repo, "add", "--", name)


def test_blocks_errors_in_staged_files(repo):
    write(repo, "bad.py", BAD)
    code, out = commit(repo)
    assert code == 1 and "bad.py:1:8: OM12001" in out and "Commit blocked" in out
    assert git(repo, "rev-list", "--all") == ""


def test_allows_clean_and_warning_only_commits(repo):
    write(repo, "clean.py", "import importlib\n")
    write(repo, "guarded.py", WARNING_ONLY)
    write(repo, "notes.txt", "import imp\n")
    code, out = commit(repo)
    assert code == 0, out
    assert "warning" in out


def test_checks_the_staged_content_not_the_work_tree(repo):
    write(repo, "a.py", "import importlib\n")
    write(repo, "a.py", BAD, stage=False)  # only the work tree is bad
    assert commit(repo)[0] == 0
    write(repo, "b.py", BAD)
    write(repo, "b.py", "import importlib\n", stage=False)  # only the index is bad
    code, out = commit(repo)
    assert code == 1 and "b.py" in out


def test_exclude_and_odd_names(repo):
    write(repo, "legacy/old.py", BAD)
    write(repo, "sp ace\nnew-line.py", "import importlib\n")
    code, out = commit(repo)
    assert code == 0, out
    write(repo, "-dash.py", BAD)
    code, out = commit(repo)
    assert code == 1 and "-dash.py" in out


def test_only_deleted_files_staged(repo):
    write(repo, "bad.py", BAD)
    assert commit(repo, {"OUTMODED_PYTHON": sys.executable})[0] == 1
    git(repo, "rm", "-q", "--cached", "bad.py")
    assert commit(repo)[0] == 0  # only pyproject.toml


def test_finds_outmoded_without_configuration(repo):
    write(repo, "bad.py", BAD)
    bin_dir = os.path.dirname(sys.executable)
    code, out = commit(repo, {"OUTMODED_PYTHON": "", "PATH": bin_dir + os.pathsep + os.environ["PATH"]})
    assert code == 1 and "OM12001" in out


def test_says_so_when_outmoded_is_missing(repo):
    write(repo, "bad.py", BAD)
    code, out = commit(repo, {"OUTMODED_PYTHON": "/bin/false", "PATH": "/usr/bin:/bin", "PYTHONPATH": ""})
    if subprocess.run(["/usr/bin/env", "python3", "-c", "import outmoded"], env={"PATH": "/usr/bin:/bin"},
                      capture_output=True).returncode == 0:
        pytest.skip("a system python3 has outmoded installed")
    assert code == 1 and "cannot find a Python with outmoded" in out


def test_runs_the_outmoded_githook_script_without_any_python_on_path(repo, tmp_path):
    """The script pip writes for ``outmoded-githook`` (pyproject's [project.scripts]) is what the
    hook runs when it is on PATH: no probe, no ``python -m`` (runpy at every commit)."""
    assert '\noutmoded-githook = "outmoded.integrations.githook:main"' in (REPO / "pyproject.toml").read_text()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "outmoded-githook"  # as pip writes a console script
    script.write_text(f"#!{sys.executable}\nimport sys\nfrom outmoded.integrations.githook import main\n"
                      "if __name__ == '__main__':\n    sys.exit(main())\n")
    script.chmod(0o755)
    (bin_dir / "git").symlink_to(shutil.which("git"))
    write(repo, "bad.py", BAD)
    code, out = commit(repo, {"OUTMODED_PYTHON": "", "PATH": str(bin_dir)})
    assert code == 1 and "bad.py:1:8: OM12001" in out and "Commit blocked" in out


def test_a_hook_copied_before_the_integrations_moved_still_works(repo):
    """Repositories hold copies of hooks/pre-commit that import ``outmoded.githook``."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    old = hook.read_text().replace("outmoded.integrations.githook", "outmoded.githook")
    assert "from outmoded.githook import main" in old
    hook.write_text(old)
    write(repo, "bad.py", BAD)
    code, out = commit(repo)
    assert code == 1 and "bad.py:1:8: OM12001" in out and "Commit blocked" in out
