"""outmoded itself on the Pythons its users run it with (the GitHub Action's image is 3.13):
the dependencies' wheels for that interpreter are installed from the package index into a
temporary directory, and every before/after fix case must come out the same as on this one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from realpythons import real_python

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "fixes" / "cases"
UNSAFE = {"unsafe_fixes"}

pytestmark = [pytest.mark.realpython, pytest.mark.network]


@pytest.fixture(scope="module", params=["3.13", "3.15"])
def interpreter(request, tmp_path_factory):
    python = real_python(request.param)
    if python is None:
        pytest.skip(f"python{request.param} not available (run ../shared/tools/real-pythons)")
    target = tmp_path_factory.mktemp(f"site-{request.param}")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--target", str(target), "--python-version",
         request.param, "--only-binary", ":all:", "libcst", "pyyaml", "packaging", "pathspec"],
        capture_output=True, text=True, timeout=600)
    if install.returncode != 0:
        pytest.skip(f"cannot install wheels for {request.param}: {install.stderr.strip()[-300:]}")
    env = dict(os.environ, PYTHONPATH=f"{target}{os.pathsep}{ROOT / 'src'}")
    return python, env


@pytest.mark.parametrize("case", sorted(p.name[:-len(".before")] for p in CASES.glob("*.before")))
def test_fix_cases_come_out_the_same(interpreter, case, tmp_path):
    python, env = interpreter
    path = tmp_path / "mod.py"
    path.write_bytes((CASES / f"{case}.before").read_bytes())
    args = ["--unsafe-fixes"] if case in UNSAFE else []
    result = subprocess.run([python, "-m", "outmoded", "fix", "--no-cache", "--target-version", "3.15", *args,
                             "mod.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    # as ruff's --fix: 0 when everything found was fixed, 1 when findings remain
    assert result.returncode == (0 if "All checks passed" in result.stdout else 1), result.stdout + result.stderr
    assert path.read_bytes() == (CASES / f"{case}.after").read_bytes()
