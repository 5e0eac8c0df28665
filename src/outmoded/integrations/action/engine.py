"""Run outmoded's commands for the integrations through the command line's own parser, so every
option means exactly what it means on the command line."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse


class EngineError(Exception):
    """Bad options or configuration: a one-line message, exit code 2."""


def parse(command: str, options: list[str], paths: list[str]) -> argparse.Namespace:
    """The command line's own reading of ``outmoded COMMAND OPTIONS -- PATHS`` (``cli.parse``:
    a plain line without argparse, and only that command's parser otherwise)."""
    from outmoded.cli import parse as parse_line

    captured = io.StringIO()
    try:
        with redirect_stdout(captured), redirect_stderr(captured):
            # integrations name files mechanically (changed files, staged files): excludes apply
            force = ["--force-exclude"] if command in ("check", "fix") else []
            return parse_line([command, *force, *options, "--", *paths])[1]
    except SystemExit:
        lines = captured.getvalue().strip().splitlines()
        raise EngineError(lines[-1] if lines else f"bad options for outmoded {command}") from None


def check(options: list[str], paths: list[str], use_cache: bool = False):
    """The ``Report`` that ``outmoded check OPTIONS -- PATHS`` would print."""
    from outmoded.cli import UsageError
    from outmoded.commands.checking import check_projects, merged

    args = parse("check", options, paths)
    args.no_cache = args.no_cache or not use_cache
    try:  # each file with its own project's settings, as the command line checks it
        return merged([report for _, _, report in check_projects(args, args.paths or ["."])])
    except UsageError as exc:
        raise EngineError(str(exc)) from None


def command(argv: list[str]) -> int:
    """``outmoded ARGV``, in this process, with its exit code."""
    from outmoded.cli import main

    try:
        return main(argv)
    except SystemExit as exc:  # argparse errors and --help
        return exc.code if isinstance(exc.code, int) else 2
