import json
import os
import textwrap
from pathlib import Path

import pytest

from outmoded.cli import main


# Counts the opens of a file (%r) made from a module of outmoded (its path ending with %r) in a
# real check run at a target (%r), then prints the count after the run's own output.
OPENS_PROBE = """
import os, sys
target, by, opened = os.path.abspath(%r), os.path.normpath(%r), []

def hook(event, args):
    if event == "open" and isinstance(args[0], str) and os.path.abspath(args[0]) == target:
        frame = sys._getframe(1)
        while frame is not None and not frame.f_code.co_filename.endswith(by):
            frame = frame.f_back
        if frame is not None:
            opened.append(args[0])

sys.addaudithook(hook)
from outmoded.cli import main
code = main(["check", "--no-cache", "--jobs", "1", "--format", "json", "--target-version", %r, "."])
print(code, len(opened))
"""


class Project:
    """A scratch project directory with helpers to write files and run the CLI in it."""

    def __init__(self, root: Path, capsys):
        self.root = root
        self.capsys = capsys

    def write(self, name: str, text: str = "", data: bytes = None) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def run(self, *args: str):
        old = os.getcwd()
        os.chdir(self.root)
        try:
            self.capsys.readouterr()
            code = main(list(args))
            out, err = self.capsys.readouterr()
        finally:
            os.chdir(old)
        return code, out, err

    def check_json(self, *args: str, target: str = "3.13") -> dict:
        code, out, err = self.run("check", "--format", "json", "--no-cache", "--target-version", target, *args)
        assert code in (0, 1), err
        return json.loads(out)

    def opened(self, name: str, by: str, target: str = "3.13") -> tuple[dict, int]:
        """(the JSON report, the number of opens of the file ``name`` made from the module whose
        path ends with ``by``) of a real check of the project, in a process of its own (an audit
        hook sees every open, os.open's too), with ``--jobs 1``."""
        import subprocess
        import sys

        src = os.path.join(os.path.dirname(__file__), os.pardir, "src")
        env = dict(os.environ, PYTHONPATH=os.path.abspath(src), XDG_CACHE_HOME=str(self.root / "cache"))
        probe = OPENS_PROBE % (name, by, target)
        run = subprocess.run([sys.executable, "-c", probe], cwd=self.root, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        report, opened = run.stdout.rsplit("\n", 2)[0], run.stdout.split()[-1]
        return json.loads(report), int(opened)

    def findings(self, source: str, target: str = "3.13", name: str = "mod.py") -> list[tuple]:
        """(line, api, severity) for each finding in one module."""
        self.write(name, source)
        doc = self.check_json(name, target=target)
        assert doc["errors"] == []
        return [(f["line"], f["api"], f["severity"]) for f in doc["findings"]]


@pytest.fixture
def project(tmp_path, capsys):
    return Project(tmp_path, capsys)

