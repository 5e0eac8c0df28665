"""outmoded itself on the Pythons its users run it with (the GitHub Action's image is 3.15):
the dependencies' wheels for that interpreter are installed from the package index into a
temporary directory, and every before/after fix case must come out the same as on this one."""

import json
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


NEWER_SYNTAX = {  # each file uses a removed module, in syntax older parsers cannot read
    "generic.py": "import imp\ndef first[T](items: list[T]) -> T:\n    return imp.reload(items[0])\n",
    "fstring.py": "import asyncore\nnames = ['a']\nshown = f\"{\", \".join(names)}\"\nasyncore.loop()\n",
    "tstring.py": "import cgi\nname = 'x'\ngreeting = t'hello {name}'\n",
    "excepts.py": "import telnetlib\ntry:\n    telnetlib.Telnet()\nexcept ValueError, TypeError:\n    pass\n",
}


def test_newer_syntax_is_read_where_the_running_python_has_it(interpreter, tmp_path):
    """Why the Action's image runs the newest Python: the files are read and their findings
    reported there; on an older Python each is a file that could not be checked, never a pass."""
    python, env = interpreter
    for name, text in NEWER_SYNTAX.items():
        (tmp_path / name).write_text(text)
    args = ["-m", "outmoded", "check", "--no-cache", "--target-version", "3.15", "--output-format", "json", "."]
    newest = subprocess.run([python, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    here = subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    version = subprocess.run([python, "-c", "import sys; print(sys.version_info >= (3, 14))"],
                             capture_output=True, text=True, timeout=60).stdout.strip()
    readable = set(NEWER_SYNTAX) if version == "True" else {"generic.py", "fstring.py"}
    for run, can_read in ((newest, readable), (here, {n for n in readable if sys.version_info >= (3, 12)})):
        report = json.loads(run.stdout)
        assert run.returncode == 1, run.stderr
        assert {f["path"] for f in report["findings"]} == can_read
        assert {e["path"] for e in report["errors"]} == set(NEWER_SYNTAX) - can_read
        assert all(e["message"].startswith("cannot parse") for e in report["errors"])
