"""The GitHub Action, and the thin entry points of the other integrations.

``hooks/github-action`` (the container's entry point) calls ``main``.  Modules, one concern each:

- ``inputs``: the step's inputs from ``INPUT_*`` variables, validated;
- ``engine``: run ``check``/``fix``/``deps`` through the command-line interface's own parser;
- ``changed``: which lines a pull request changed (``git diff`` against the base);
- ``workflow``: workflow commands (annotations, stop-commands around untrusted output);
- ``summary``: the job summary markdown; ``outputs``: ``GITHUB_OUTPUT``;
- ``ownership``: dropping root for the workspace owner, restoring file owners after a fix;
- ``run``: ties them together;
- ``precommit`` and ``githook``: entry points of the pre-commit hooks and of ``hooks/pre-commit``.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from outmoded.integrations.action.run import main as run_main

    return run_main(argv)
