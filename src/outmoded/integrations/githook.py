"""The plain git pre-commit hook (``hooks/pre-commit``, which runs the ``outmoded-githook``
script, ``main`` here): check what is staged, block on errors.

It checks the staged contents (the index), not the work tree, of the staged files outmoded
checks (``*.py``, ``*.pyi``): they are exported to a temporary directory with the work tree's
``pyproject.toml`` beside them, so ``[tool.outmoded]`` applies, exclude patterns included.
Errors and files that cannot be checked block the commit (exit 1); warnings are only shown.
Arguments are options for ``outmoded check`` (``--target-version 3.13``, ``--select ...``).
"""

from __future__ import annotations

import os
import subprocess
import sys

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
        with open(config, "rb") as source, open(os.path.join(directory, "pyproject.toml"), "xb") as copy:
            copy.write(source.read())
    return [name for name in names if os.path.isfile(os.path.join(directory, name))
            and not os.path.islink(os.path.join(directory, name))]


def check_staged(options: list[str], top: str):
    from outmoded.integrations.action import engine

    names = staged(top)
    if not names:
        return None
    directory = _private_directory()
    try:
        names = export(names, top, directory)
        here = os.getcwd()
        os.chdir(directory)
        try:
            return engine.check(options, names) if names else None
        finally:
            os.chdir(here)
    finally:
        _remove_tree(directory)


def _private_directory() -> str:
    """A new directory only this user can enter, in the temporary directory: what
    ``tempfile.mkdtemp`` makes, without importing tempfile (with random, hashlib and OpenSSL,
    shutil, weakref: a fifth of the hook's start)."""
    base = os.environ.get("TMPDIR") or "/tmp"
    if not os.path.isdir(base):
        base = os.getcwd()
    while True:
        path = os.path.join(base, f"outmoded-staged-{os.urandom(8).hex()}")
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue


def _remove_tree(directory: str) -> None:
    """``shutil.rmtree``: links removed, never followed."""
    for root, dirs, files in os.walk(directory, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.unlink(path)
            else:
                os.rmdir(path)
    os.rmdir(directory)


class _Plain:
    """The text report's options: full findings, no statistics."""

    quiet = statistics = False


def main(argv: list[str] | None = None) -> int:
    from outmoded.integrations.action.engine import EngineError
    from outmoded.integrations.action.outputs import counts
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
    sys.stdout.write(text.render(report, _Plain()))
    if counts(report)["errors"]:
        print("Commit blocked by outmoded: fix the errors above (`outmoded fix FILES` rewrites the "
              "safe ones; then `git add` them), or skip this check once with `git commit --no-verify`.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
