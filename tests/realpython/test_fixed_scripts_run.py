"""Legacy scripts, fixed by ``outmoded fix``, run with unchanged behaviour on every Python.

Each ``scripts/NAME.legacy`` exercises removed APIs and prints what they return; NAME.migrated
is the same script migrated by hand.  The legacy script is fixed in a scratch copy, then both run
on this interpreter and on real CPython 3.13, 3.14 and 3.15 (``~/.cache/real-pythons/bin``,
built by ../shared/tools/real-pythons; those runs skip when it is absent): same output, no
exception, no warning.  The fix also keeps every comment and is idempotent.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from outmoded.fixes.verify import comments

SCRIPTS = Path(__file__).parent / "scripts"
REAL_PYTHONS_BIN = Path.home() / ".cache" / "real-pythons" / "bin"
NAMES = sorted(p.stem for p in SCRIPTS.glob("*.legacy"))
EXTRA_ARGS = {"legacy_unsafe": ["--unsafe-fixes"]}
REAL = ["3.13", "3.14", "3.15"]


def real_python(version: str):
    path = str(REAL_PYTHONS_BIN) + os.pathsep + os.environ.get("PATH", "")
    return shutil.which(f"python{version}", path=path)


def outmoded(*args, cwd):
    return subprocess.run([sys.executable, "-m", "outmoded", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    """NAME -> (fixed script, hand-migrated script), fixed once for the whole module."""
    root = tmp_path_factory.mktemp("scripts")
    scripts = {}
    for name in NAMES:
        target = root / f"{name}.py"
        shutil.copy(SCRIPTS / f"{name}.legacy", target)
        shutil.copy(SCRIPTS / f"{name}.migrated", root / f"{name}_migrated.py")
        args = ["fix", "--no-cache", "--target-version", "3.15", *EXTRA_ARGS.get(name, []), target.name]
        first = outmoded(*args, cwd=root)
        assert first.returncode == 0 and "Fixed" in first.stdout, first.stdout + first.stderr  # ruff: 0 when all was fixed
        assert "All checks passed" in first.stdout, first.stdout  # nothing left to migrate by hand
        after_first = target.read_bytes()
        second = outmoded(*args, cwd=root)
        assert second.returncode == 0 and target.read_bytes() == after_first, second.stdout
        scripts[name] = target, root / f"{name}_migrated.py"
    return scripts


def run(python: str, script: Path):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="default")
    return subprocess.run([python, str(script)], cwd=script.parent, capture_output=True, text=True, env=env,
                          timeout=120)


def compare(python: str, fixed_script: Path, migrated: Path) -> None:
    ours, theirs = run(python, fixed_script), run(python, migrated)
    assert theirs.returncode == 0 and theirs.stderr == "", theirs.stderr
    assert ours.returncode == 0, ours.stderr
    assert ours.stderr == "", ours.stderr  # no warning either: nothing deprecated is left
    assert ours.stdout == theirs.stdout and ours.stdout.strip()


@pytest.mark.parametrize("name", NAMES)
def test_every_comment_survives(fixed, name):
    legacy = comments((SCRIPTS / f"{name}.legacy").read_text())
    after = comments(fixed[name][0].read_text())
    assert not legacy - after


@pytest.mark.parametrize("name", NAMES)
def test_fixed_script_runs_here(fixed, name):
    compare(sys.executable, *fixed[name])


@pytest.mark.realpython
@pytest.mark.parametrize("version", REAL)
@pytest.mark.parametrize("name", NAMES)
def test_fixed_script_runs_on_real_python(fixed, name, version):
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not built here (see ../shared/tools/real-pythons)")
    compare(python, *fixed[name])


@pytest.mark.realpython
@pytest.mark.parametrize("name", NAMES)
def test_legacy_script_really_breaks_on_315(tmp_path, name):
    """The scripts exercise APIs that are gone: unfixed, they fail on real 3.15."""
    python = real_python("3.15")
    if python is None:
        pytest.skip("python3.15 not built here (see ../shared/tools/real-pythons)")
    script = tmp_path / f"{name}.py"
    shutil.copy(SCRIPTS / f"{name}.legacy", script)
    result = run(python, script)
    assert result.returncode != 0 and ("Error" in result.stderr), result.stderr
