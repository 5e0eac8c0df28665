"""``.pre-commit-config.yaml``: the ``additional_dependencies`` of its hooks, which pre-commit
installs with pip into the hook's environment on the interpreter it runs with.

A hook whose ``language`` is given and is not Python (``node``, ``golang``...) installs with
another tool and is left out, as is an entry that is not a Python requirement
(``eslint@8.56.0``, ``@types/node``). The hook repository's own package comes from git, not
from the index, and is not looked up.
"""

from __future__ import annotations

from pathlib import Path

from outmoded.cli import UsageError
from outmoded.deps import requirements
from outmoded.deps.cipins import Installs
from outmoded.deps.model import Dependency
from outmoded.native.workflows import mapping_value

PYTHON_LANGUAGES = {"python", "python_venv"}


def read(path: Path, label) -> Installs:
    import yaml

    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise UsageError(f"{label(path)}: cannot parse YAML{where}") from None
    file, found = label(path), Installs()
    repos = mapping_value(root, "repos")
    for repo in repos.value if isinstance(repos, yaml.SequenceNode) else ():
        hooks = mapping_value(repo, "hooks")
        for hook in hooks.value if isinstance(hooks, yaml.SequenceNode) else ():
            language = mapping_value(hook, "language")
            if isinstance(language, yaml.ScalarNode) and language.value not in PYTHON_LANGUAGES:
                continue
            extra = mapping_value(hook, "additional_dependencies")
            for entry in extra.value if isinstance(extra, yaml.SequenceNode) else ():
                if not isinstance(entry, yaml.ScalarNode) or entry.value.startswith("@"):
                    continue
                read_entry = requirements.parse_requirement(entry.value.strip(), file, entry.start_mark.line + 1)
                if isinstance(read_entry, Dependency) and read_entry.error is None:
                    found.deps.append(read_entry)
    return found
