"""GitHub Actions workflows (``.github/workflows/*.yml``): what the steps' ``run:`` scripts install.

The file is composed with PyYAML as ``native.workflows`` composes it, so each script is read on
its source text and a pin is reported at its own line of the file. A requirements file a script
names is read from the step's ``working-directory`` (the job's or the workflow's
``defaults.run.working-directory``), relative to the repository the workflow belongs to.
"""

from __future__ import annotations

from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps.cipins import Installs, read_shell
from outmoded.native.workflows import mapping_value


def _scalar(node):
    import yaml

    return node.value if isinstance(node, yaml.ScalarNode) else None


def _working_directory(*owners) -> str | None:
    for owner in owners:
        where = _scalar(mapping_value(owner, "working-directory")) or \
            _scalar(mapping_value(mapping_value(mapping_value(owner, "defaults"), "run"), "working-directory"))
        if where:
            return where
    return None


def read(path: Path, label) -> Installs:
    import yaml

    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise UsageError(f"{label(path)}: cannot parse YAML: {getattr(exc, 'problem', None) or exc}{where}") from None
    except RecursionError:
        raise UsageError(f"{label(path)}: cannot parse YAML: nested too deeply") from None
    root_dir = path.parent.parent.parent if path.parent.parent.name == ".github" else path.parent
    found = Installs()
    for root in documents:
        jobs = mapping_value(root, "jobs")
        if not isinstance(jobs, yaml.MappingNode):
            continue
        for _name, job in jobs.value:
            steps = mapping_value(job, "steps")
            for step in steps.value if isinstance(steps, yaml.SequenceNode) else ():
                script = mapping_value(step, "run")
                if not isinstance(script, yaml.ScalarNode) or not script.value.strip():
                    continue
                directory = _working_directory(step, job, root)
                base = root_dir / directory if directory and "$" not in directory else root_dir
                _read_script(text, script, label(path), found, base)
    return found


def _read_script(text: str, node, file: str, found: Installs, base: Path) -> None:
    """A literal block (``run: |``) line by line, on its source text; a folded or a quoted
    scalar is one line of shell, read from its value at its first line."""
    line = node.start_mark.line + 1
    if node.style == "|" and node.end_mark.index > node.start_mark.index:
        raw = text[node.start_mark.index:node.end_mark.index]
        read_shell(raw.partition("\n")[2], file, found, base, line + 1)  # after the | line
    else:
        read_shell(node.value, file, found, base, line + (node.style == ">"))
