"""``outmoded check``: report every use of an API that does not exist on the target Python.

Each file is checked with the settings of its own project (the nearest ``[tool.outmoded]`` above
it, the nearest Python requirement: ``config.locate``), nested projects in a checked folder
included, unless ``--config`` or ``--isolated`` says otherwise.

Exit codes: 0 nothing found (at the ``--fail-on`` level), 1 findings or files that could not be
checked or no file to check, 2 bad usage or configuration (with ``--fix``: as ``outmoded fix``).
"""

from __future__ import annotations

import sys

from outmoded.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from outmoded.commands.quickargs import BOOLEAN
from outmoded.commands.options import add_common, add_exit_options, check_output_file, emit
from outmoded.config import FAIL_ON

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name of the source read from stdin (`-`), for messages and per-file-ignores")
    parser.add_argument("--show-fixes", action="store_true", help="list what `outmoded fix` would change, per rule")
    parser.add_argument("--show-files", action="store_true", help="list the files that would be checked, and exit")
    parser.add_argument("--show-settings", action="store_true",
                        help="print the settings each path is checked with, and exit")
    fixing = parser.add_argument_group("fixing (same as `outmoded fix`)")
    fixing.add_argument("--fix", action="store_true", help="rewrite what can be fixed, like `outmoded fix`")
    fixing.add_argument("--diff", action="store_true", help="print the diff --fix would apply, write nothing "
                                                            "(implies --fix, as in ruff)")
    fixing.add_argument("--unsafe-fixes", action=BOOLEAN, default=None,
                        help="apply unsafe fixes too (with --fix); without --fix, mark them [*] as fixable")
    fixing.add_argument("--min-version", metavar="X.Y",
                        help="the oldest Python the code supports: which fixes are offered, and so marked [*] "
                             "(default: from requires-python)")
    add_exit_options(fixing)
    adopt = parser.add_argument_group("gating and adoption")
    adopt.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="exit 1 on errors (default), on any finding (warning), or never; files that "
                            "could not be checked fail unless never")
    adopt.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    adopt.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    adopt.add_argument("--add-noqa", action="store_true",
                       help="add `# noqa: CODE` to every line with a finding, then exit 0")


def _refuse_idle_options(args: argparse.Namespace) -> None:
    if args.stdin_filename and not args.paths:
        args.paths = ["-"]  # as ruff: a name for stdin means the source comes from stdin
    paths = args.paths or []
    if "-" in paths:
        if len(paths) > 1:
            raise UsageError("`-` (stdin) cannot be combined with other paths")
        for flag, value in (("--fix", args.fix), ("--diff", args.diff), ("--fix-only", args.fix_only),
                            ("--add-noqa", args.add_noqa),
                            ("--write-baseline", args.write_baseline)):
            if value:
                raise UsageError(f"{flag} cannot be used with `-` (stdin); name the file instead")
    elif args.stdin_filename:
        raise UsageError("--stdin-filename needs `-` as the path to read the source from stdin")
    if args.show_fixes and (args.fix or args.diff or args.fix_only):
        raise UsageError("--show-fixes lists what a fix would change; with --fix/--diff the fix itself says")
    if args.add_noqa and (args.fix or args.diff or args.fix_only):
        raise UsageError("--add-noqa cannot be combined with --fix/--diff/--fix-only")
    if args.write_baseline and args.baseline:
        raise UsageError("--write-baseline records every finding; do not combine it with --baseline")


def run(args: argparse.Namespace) -> int:
    if args.fix or args.diff or args.fix_only:
        _refuse_idle_options(args)
        if args.fail_on or args.baseline or args.write_baseline:
            raise UsageError("--fail-on, --baseline and --write-baseline apply to checking, not to --fix"
                             + ("-only" if args.fix_only and not (args.fix or args.diff) else ""))
        from outmoded.commands import fix

        return fix.run(args)
    _refuse_idle_options(args)
    from outmoded.commands import checking

    if args.show_settings:
        return checking.show_settings(args)
    if args.show_files:
        return checking.show_files(args)
    check_output_file(args.output_file)

    if args.paths == ["-"]:
        settings, report = checking.check_stdin(args)
    else:
        settings, report = checking.check_paths(args)
    args.unsafe_fixes = settings.unsafe_fixes  # `unsafe-fixes = true` in the config marks them [*] too
    if args.write_baseline:
        from outmoded.baseline import BaselineError, write

        try:
            count = write(args.write_baseline, report.findings, checking.sources(args))
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        print(f"Wrote {count} finding(s) to the baseline {args.write_baseline}.", file=sys.stderr)
        return EXIT_FINDINGS if report.errors else EXIT_OK
    if args.baseline:
        report = checking.apply_baseline(report, args)
    if args.add_noqa:
        return checking.add_noqa(report)
    if not report.files and not report.errors and args.paths != ["-"]:
        if checking.all_named_files(args.paths or ["."]):  # --force-exclude excluded them (pre-commit)
            if args.format in ("full", "concise", "grouped"):
                if not (args.quiet or args.silent):
                    print("outmoded check: every file named is excluded (--force-exclude); nothing to check",
                          file=sys.stderr)
            else:
                emit(checking.render(report, args), args.output_file)
            return EXIT_OK
        from outmoded.reporters.text import clean

        shown = clean(" ".join(args.paths or ["."]))  # named paths are untrusted text
        print(f"outmoded check: warning: no Python files found under {shown} (nothing was checked)",
              file=sys.stderr)
        if args.format not in ("full", "concise", "grouped"):
            emit(checking.render(report, args), args.output_file)
        return EXIT_FINDINGS
    emit(checking.render(report, args), args.output_file)
    return exit_status(report, "never" if args.exit_zero else settings.fail_on)


def exit_status(report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    if report.errors:
        return EXIT_FINDINGS
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    return EXIT_FINDINGS if any(f.severity in levels for f in report.findings) else EXIT_OK
