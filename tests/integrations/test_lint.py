"""Lint what the integrations ship: action.yml, the Dockerfile, workflows, hooks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from ghrunner import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml")) + sorted(
    (REPO / "tests" / "integrations" / "workflows").glob("*.y*ml"))


def tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def run(*argv) -> subprocess.CompletedProcess:
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_action_yml_matches_the_schema():
    run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", "action.yml")


def test_workflows_match_the_schema():
    run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))


def test_dockerfile_passes_hadolint():
    run(tool("hadolint"), "Dockerfile")


def test_zizmor_finds_nothing():
    run(tool("zizmor"), "--offline", "action.yml", *map(str, WORKFLOWS))


def test_pre_commit_manifest_is_valid():
    run(sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml")


def test_git_hook_passes_shellcheck():
    run(tool("shellcheck"), "hooks/pre-commit")


def test_hooks_are_executable_and_thin():
    for name in ("github-action", "pre-commit"):
        path = REPO / "hooks" / name
        assert path.stat().st_mode & 0o111 == 0o111
        assert len(path.read_text().splitlines()) <= 25


def test_image_has_what_the_entry_point_needs():
    text = (REPO / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.15-slim" in text
    assert re.search(r"apt-get install [^\n]*--no-install-recommends git\b", text)  # changed-only runs git
    assert 'ENTRYPOINT ["/usr/local/bin/outmoded-github-action"]' in text
    assert "hooks/github-action /usr/local/bin/outmoded-github-action" in text
    assert "\nUSER " not in text  # see the Dockerfile's comment: the entry point drops root itself
