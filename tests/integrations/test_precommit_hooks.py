"""The hooks in .pre-commit-hooks.yaml, through the real pre-commit, on a scratch repository.

pre-commit installs the hook repository (a throwaway clone of this checkout as it is now,
uncommitted files included) into a virtualenv from the package registry: hence ``network``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ghrunner import REPO, git

pytestmark = pytest.mark.network
BAD = "import imp\nimp.reload(x)\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A git repository with this checkout's files, committed, as pre-commit needs a revision."""
    dest = tmp_path_factory.mktemp("outmoded-hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, os.fsdecode(listed).split("\0")):
        source = REPO / name
        if source.is_file() and not name.startswith(("tests/", ".git/")):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot")
    return dest, git(dest, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


class Scratch:
    def __init__(self, path, hook_repo, home):
        self.path, self.home = path, home
        self.repo, self.rev = hook_repo

    def write(self, name, text):
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        return target

    def configure(self, extra=""):
        self.write(".pre-commit-config.yaml",
                   f"repos:\n- repo: {self.repo}\n  rev: {self.rev}\n  hooks:\n"
                   f"  - id: outmoded\n{extra}  - id: outmoded-fix\n")
        git(self.path, "add", "-A")

    def pre_commit(self, *args):
        env = dict(os.environ, PRE_COMMIT_HOME=str(self.home), PRE_COMMIT_COLOR="never")
        proc = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=self.path, env=env,
                              capture_output=True, text=True, timeout=900)
        return proc.returncode, proc.stdout + proc.stderr


@pytest.fixture
def scratch(tmp_path, hook_repo, pre_commit_home):
    git(tmp_path, "init", "-q", "-b", "main")
    project = Scratch(tmp_path, hook_repo, pre_commit_home)
    project.write("pyproject.toml", '[project]\nname = "demo"\nrequires-python = ">=3.9"\n'
                                    '[tool.outmoded]\nextend-exclude = ["legacy/"]\n')
    project.configure()
    return project


def test_check_hook_fails_on_removed_apis_and_passes_clean_files(scratch):
    scratch.write("bad.py", BAD)
    scratch.write("clean.py", "import importlib\n")
    scratch.write("stub.pyi", "import imp\n")
    git(scratch.path, "add", "-A")
    code, out = scratch.pre_commit("run", "outmoded", "--files", "bad.py", "stub.pyi")
    assert code == 1, out
    assert "bad.py:1:8: OM12001" in out and "stub.pyi:1:8: OM12001" in out
    code, out = scratch.pre_commit("run", "outmoded", "--files", "clean.py")
    assert code == 0, out


def test_exclude_applies_to_files_pre_commit_names(scratch):
    scratch.write("legacy/old.py", BAD)
    git(scratch.path, "add", "-A")
    code, out = scratch.pre_commit("run", "outmoded", "--files", "legacy/old.py")
    assert code == 0, out
    assert "Passed" in out


def test_an_empty_file_list_checks_nothing(scratch):
    """With always_run and no matching file pre-commit passes no names: the hook must not check '.'."""
    scratch.write("bad.py", BAD)
    scratch.configure(extra="    always_run: true\n    files: ^no-such-file$\n")
    code, out = scratch.pre_commit("run", "outmoded", "--all-files")
    assert code == 0, out
    assert "OM12001" not in out


def test_fix_hook_rewrites_then_passes(scratch):
    scratch.write("bad.py", BAD)
    scratch.write("clean.py", "import importlib\n")
    git(scratch.path, "add", "-A")
    code, out = scratch.pre_commit("run", "outmoded-fix", "--files", "bad.py", "clean.py")
    assert code == 1, out
    assert (scratch.path / "bad.py").read_text() == "import importlib\nimportlib.reload(x)\n", out
    assert (scratch.path / "clean.py").read_text() == "import importlib\n"
    code, out = scratch.pre_commit("run", "outmoded-fix", "--files", "bad.py", "clean.py")
    assert code == 0, out


def test_fix_hook_on_clean_files_passes(scratch):
    scratch.write("clean.py", "import importlib\n")
    git(scratch.path, "add", "-A")
    code, out = scratch.pre_commit("run", "outmoded-fix", "--files", "clean.py")
    assert code == 0, out


def test_blocks_a_commit_once_installed(scratch):
    code, out = scratch.pre_commit("install")
    assert code == 0, out
    scratch.write("bad.py", BAD)
    git(scratch.path, "add", "bad.py")
    env = dict(os.environ, PRE_COMMIT_HOME=str(scratch.home), GIT_AUTHOR_NAME="t", GIT_COMMITTER_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_EMAIL="t@example.invalid")
    proc = subprocess.run(["git", "commit", "-q", "-m", "bad"], cwd=scratch.path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "OM12001" in proc.stdout + proc.stderr


def test_try_repo(scratch, hook_repo):
    scratch.write("bad.py", BAD)
    git(scratch.path, "add", "-A")
    code, out = scratch.pre_commit("try-repo", str(hook_repo[0]), "outmoded", "--files", "bad.py")
    assert code == 1 and "OM12001" in out, out
