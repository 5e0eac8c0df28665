"""The run's timeline ($OUTMODED_TIMELINE): every process of a cold parallel run marks its steps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked")


def _project(tmp_path: Path) -> Path:
    tree = tmp_path / "project"
    (tree / "pkg").mkdir(parents=True)
    (tree / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    (tree / "pkg" / "__init__.py").write_text("")
    for number in range(80):  # enough for the workers (PARALLEL_THRESHOLD)
        (tree / "pkg" / f"m{number}.py").write_text(f"import imp\n\nX = imp.reload({number})\n" if number % 10 == 0
                                                     else f"x = {number}\n")
    return tree


def _check(tree: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outmoded", "check", "--no-cache", "--jobs", "2", "--target-version",
                           "3.13", "--exit-zero", "-q", "."], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=120)


def test_each_process_of_a_cold_run_marks_its_steps(tmp_path):
    tree = _project(tmp_path)
    marks = tmp_path / "marks"
    marks.mkdir()
    env = dict(os.environ, PYTHONPATH=SRC, OUTMODED_TIMELINE=str(marks))
    traced = _check(tree, env)
    env.pop("OUTMODED_TIMELINE")
    assert traced.stdout == _check(tree, env).stdout and traced.returncode == 0
    processes = {}
    for name in os.listdir(marks):
        lines = [line.split(" ", 3) for line in (marks / name).read_text().splitlines()]
        assert all(int(wall) > 0 and int(cpu) >= 0 and int(parent) > 0 for wall, cpu, parent, _ in lines)
        processes[int(name)] = [label for *_, label in lines]
    parents = [pid for pid, labels in processes.items() if labels[0] == "main"]
    assert len(parents) == 1
    steps = processes[parents[0]]
    for step in ("discovered", "first pass done", "text index", "second pass done", "report", "exit"):
        assert step in steps
    assert steps.index("discovered") < steps.index("first pass done") < steps.index("second pass done")
    workers = [labels for pid, labels in processes.items() if labels[0] == "worker"]
    assert len(workers) == 4  # two for each pass
    assert all(labels[-1] == "end" and any(label.startswith("task ") for label in labels) for labels in workers)


def test_the_drawing_summarises_a_run(tmp_path):
    tree = _project(tmp_path)
    drawn = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "timeline.py"), str(tree), "--", sys.executable,
                            "-m", "outmoded", "check", "--no-cache", "--jobs", "2", "--exit-zero", "-q", "."],
                           env=dict(os.environ, PYTHONPATH=SRC), capture_output=True, text=True, timeout=120)
    assert drawn.returncode == 0, drawn.stderr
    assert "first pass done" in drawn.stdout and "parent alone" in drawn.stdout
