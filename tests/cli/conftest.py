"""Run the real ``outmoded`` command in a subprocess, as a user's shell would."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import outmoded

SRC = str(Path(outmoded.__file__).resolve().parent.parent)


def environment(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "OUTMODED_OUTPUT_FORMAT")}
    # no empty entry when PYTHONPATH is unset: one would put the current directory on sys.path
    env["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


class Shell:
    def __init__(self, root: Path):
        self.root = root

    def write(self, name: str, text: str = "") -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def run(self, *args, cwd=None, stdin=None, env=None, text=True):
        """The command's result; ``text=False``: its output as the bytes it wrote."""
        result = subprocess.run([sys.executable, "-m", "outmoded", *map(str, args)], cwd=cwd or self.root,
                                input=stdin, capture_output=True, text=text, env=env or environment(),
                                timeout=120)
        assert ("Traceback" if text else b"Traceback") not in result.stderr, result.stderr
        return result


@pytest.fixture
def sh(tmp_path):
    return Shell(tmp_path)


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]
