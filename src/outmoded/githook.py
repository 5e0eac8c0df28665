"""The plain git pre-commit hook (``hooks/pre-commit``): check what is staged, block on errors.

It checks the staged contents (the index), not the work tree, of the staged files outmoded
checks (``*.py``, ``*.pyi``): they are exported to a temporary directory with the work tree's
``pyproject.toml`` beside them, so ``[tool.outmoded]`` applies, exclude patterns included.
Errors and files that cannot be checked block the commit (exit 1); warnings are only shown.
Arguments are options for ``outmoded check`` (``--target-version 3.13``, ``--select ...``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from outmoded.filetypes import wanted


def git(*args: str, cwd: str | None = None, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=True).stdout


def staged(top: str) -> list[str]:
    out = git("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", cwd=top)
    return [name for name in os.fsdecode(out).split("\0") if name and wanted(name)]


def export(names: list[str], top: str, directory: str) -> list[str]:
    """Write the staged blobs of ``names`` under ``directory``; the names that are plain files."""
    git("checkout-index", f"--prefix={directory}{os.sep}", "-z", "--stdin", cwd=top,
        data=b"\0".join(os.fsencode(name) for name in names))
    config = os.path.join(top, "pyproject.toml")
    if os.path.isfile(config):
        shutil.copyfile(config, os.path.join(directory, "pyproject.toml"))
    return [name for name in names if os.path.isfile(os.path.join(directory, name))
            and not os.path.islink(os.path.join(directory, name))]


def check_staged(options: list[str], top: str):
    from outmoded.action import engine

    names = staged(top)
    if not names:
        return None
    with tempfile.TemporaryDirectory(prefix="outmoded-staged-") as directory:
        names = export(names, top, directory)
        here = os.getcwd()
        os.chdir(directory)
        try:
            return engine.check(options, names) if names else None
        finally:
            os.chdir(here)


def main(argv: list[str] | None = None) -> int:
    from outmoded.action.engine import EngineError
    from outmoded.action.outputs import counts
    from outmoded.reporters import text

    try:
        top = os.fsdecode(git("rev-parse", "--show-toplevel").rstrip(b"\n"))
        report = check_staged(sys.argv[1:] if argv is None else argv, top)
    except (EngineError, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", None) or str(exc)
        print(f"outmoded pre-commit hook: error: {text.clean(os.fsdecode(detail).strip())}", file=sys.stderr)
        return 2
    if report is None:
        return 0
    sys.stdout.write(text.render(report, argparse.Namespace(quiet=False, statistics=False)))
    if counts(report)["errors"]:
        print("Commit blocked by outmoded: fix the errors above (`outmoded fix FILES` rewrites the "
              "safe ones; then `git add` them), or skip this check once with `git commit --no-verify`.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
