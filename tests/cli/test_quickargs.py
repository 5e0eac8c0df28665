"""Command lines read without argparse (``commands.quickargs``) give argparse's own namespace,
and every line they do not read exactly is left to argparse."""

import argparse

from hypothesis import given, settings, strategies as st

from outmoded.cli import COMMANDS, build_parser, command_of, parse, parse_args
from outmoded.commands import quickargs

PRE_COMMIT = [
    ["check", "a.py"],
    ["check", "--no-cache", "--target-version", "3.13", "--exit-zero", "--format", "json", "a.py", "b/c.py"],
    ["check", "--force-exclude", "-q", "--output-format=concise", "a.py"],
    ["check", "--select", "OM12,om13", "--extend-exclude", "x", "--extend-exclude=y", "--no-pending", "-"],
    ["check", "--jobs", "2", "--color", "never", "--fail-on", "warning", "a.py"],
    ["check", "--force-exclude", "--target-version", "3.13", "--", "a.py", "-dash.py"],  # the git hook's line
    ["check"],
    ["fix", "a.py"],
]
TOKENS = ["a.py", "b.py", "-", "--no-cache", "-n", "-q", "--quiet", "--format", "--format=json", "json", "concise",
          "--select", "OM12", "--ignore=OM13", "--extend-exclude", "--exclude", "x/", "--pending", "--no-pending",
          "--jobs", "2", "-j", "x", "--color", "never", "purple", "--unsafe-fixes", "--no-unsafe-fixes", "--fix",
          "--fail-on", "warning", "--", "-h", "--help", "--form", "--no-cach", "-qn", "--exit-zero=1",
          "--target-version", "3.13", "-o", "--output-file=out.txt", "--config", "fail-on = 'warning'", "", "-1",
          "--version", "--force-exclude", "--no-force-exclude", "--hook", "--pending=1", "-x"]


def _argparse(argv):
    """argparse's namespace for ``argv``, or the SystemExit status it ends with (help, an error)."""
    parser = build_parser(only=command_of(argv))
    try:
        args = parse_args(parser, argv)
    except SystemExit as exc:
        return exc.code
    return {k: v for k, v in vars(args).items() if k not in ("run", "parser")}


def _quick(argv):
    args = quickargs.parse(argv, COMMANDS)
    return None if args is None else {k: v for k, v in vars(args).items() if k not in ("run", "parser")}


def test_pre_commit_lines_are_read_without_argparse_as_argparse_reads_them(capsys):
    for argv in PRE_COMMIT[:-1]:
        assert _quick(argv) is not None, argv
        assert _quick(argv) == _argparse(argv), argv


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["check", "fix", "rules", "-q", "--version"]), st.lists(st.sampled_from(TOKENS), max_size=7))
def test_any_line_is_read_as_argparse_reads_it_or_left_to_argparse(command, rest):
    argv = [command, *rest]
    quick = _quick(argv)
    if quick is not None:
        assert quick == _argparse(argv), argv


def test_a_line_left_to_argparse_gets_its_messages(capsys):
    for argv in (["check", "--form", "json", "a.py"], ["check", "a.py", "-q", "b.py"], ["check", "-j", "x"]):
        assert _quick(argv) is None
    parser, args = parse(["check", "--form", "json", "a.py"])  # an abbreviation: argparse's
    assert isinstance(parser, argparse.ArgumentParser) and args.format == "json"


def test_a_quickly_read_line_still_has_its_parser():
    parser, args = parse(["check", "a.py"])
    assert parser is None and args.paths == ["a.py"] and args.run.__module__ == "outmoded.commands.check"
    assert "--no-cache" in args.parser.format_usage()
