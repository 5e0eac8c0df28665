"""``outmoded check``: report every use of an API that does not exist on the target Python.

Exit codes: 0 nothing found, 1 findings or unreadable files, 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse

from outmoded.commands.options import add_common, emit, settings_from, validate_codes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--fix", action="store_true", help="same as `outmoded fix`")
    parser.add_argument("--diff", action="store_true", help="with --fix: print a diff, write nothing")
    parser.add_argument("--unsafe-fixes", action="store_true", default=None, help="with --fix: apply unsafe fixes too")
    parser.add_argument("--min-version", metavar="X.Y", help="with --fix: the oldest Python the code supports")


def run(args: argparse.Namespace) -> int:
    if args.fix:
        from outmoded.commands import fix

        return fix.run(args)
    from outmoded import reporters
    from outmoded.runner import run_check

    settings = settings_from(args)
    validate_codes(settings)
    report = run_check(args.paths or ["."], settings, use_cache=not args.no_cache, jobs=args.jobs)
    emit(reporters.render(args.format, report, args), args.output_file)
    if args.exit_zero:
        return 0
    return 1 if report.failed else 0
