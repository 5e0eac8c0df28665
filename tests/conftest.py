import json
import os
import textwrap
from pathlib import Path

import pytest

from outmoded.cli import main


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

    def findings(self, source: str, target: str = "3.13", name: str = "mod.py") -> list[tuple]:
        """(line, api, severity) for each finding in one module."""
        self.write(name, source)
        doc = self.check_json(name, target=target)
        assert doc["errors"] == []
        return [(f["line"], f["api"], f["severity"]) for f in doc["findings"]]


@pytest.fixture
def project(tmp_path, capsys):
    return Project(tmp_path, capsys)

