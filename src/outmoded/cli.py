"""Command-line entry point: ``outmoded <command> ...``.

Each command lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``.
Command modules import heavy libraries (libcst, yaml) lazily, inside ``run``, so that a
pre-commit run on a few cached files starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from outmoded import __version__
from outmoded.catalog import CatalogError

# name -> (module, one-line help)
COMMANDS = {
    "check": ("outmoded.commands.check", "report uses of removed standard-library APIs"),
    "fix": ("outmoded.commands.fix", "rewrite removed APIs to their replacements"),
    "deps": ("outmoded.deps.command", "check that dependencies have releases for the target Python"),
    "rules": ("outmoded.commands.rules", "list the catalog of removals"),
    "explain": ("outmoded.commands.explain", "explain one rule code"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or configuration: printed as one line, exit code 2."""


class Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (and with it zlib, bz2 and lzma):
    argparse builds one for every option it adds, so every run paid for it."""

    def __init__(self, prog, **kwargs):
        kwargs.setdefault("width", _columns() - 2)
        super().__init__(prog, **kwargs)


def _columns() -> int:
    """The terminal's width the way shutil.get_terminal_size finds it."""
    try:
        columns = int(os.environ["COLUMNS"])
        if columns > 0:
            return columns
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outmoded", formatter_class=Formatter,
        description="Find and fix code that breaks on a newer Python because it uses removed "
                    "standard-library APIs.",
        epilog="`outmoded COMMAND --help` describes each command; exit codes: 0 clean, 1 findings, 2 bad usage.")
    parser.add_argument("--version", action="version", version=f"outmoded {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command not built yet
        command = sub.add_parser(name, help=help_text, description=help_text, formatter_class=Formatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"outmoded {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CatalogError as exc:
        print(f"outmoded {args.command}: error: broken catalog: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
