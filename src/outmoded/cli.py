"""Command-line entry point: ``outmoded <command> ...``.

Each command lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``.
Command modules import heavy libraries (libcst, yaml) lazily, inside ``run``, so that a
pre-commit run on a few cached files starts fast; a plain command line (``outmoded check -q
a.py``) is read without importing argparse (``commands.quickargs``), anything else by argparse.

Every way a run can end is mapped here to one line and an exit status: 0 clean, 1 findings or
something that could not be checked, 2 bad usage, configuration or an internal error (as ruff),
141 when the reader of the output went away (``outmoded deps | head -2``), 130 on Ctrl-C.
"""

from __future__ import annotations

import os
import sys

from outmoded import __version__, timeline
from outmoded.catalog import CatalogError
from outmoded.commands import quickargs

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse

# name -> (module, one-line help)
COMMANDS = {
    "check": ("outmoded.commands.check", "report uses of removed standard-library APIs"),
    "fix": ("outmoded.commands.fix", "rewrite removed APIs to their replacements"),
    "deps": ("outmoded.deps.command", "check that dependencies have releases for the target Python"),
    "rules": ("outmoded.commands.rules", "list the catalog of removals"),
    "explain": ("outmoded.commands.explain", "explain a rule, by code (OM12002) or API name (imp.reload)"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a process killed by SIGPIPE
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad usage or configuration: printed as one line, exit code 2."""


def import_module(name: str):
    """``importlib.import_module`` for an absolute name, without importing importlib (and
    warnings with it): what naming a command or a format needs."""
    __import__(name)
    return sys.modules[name]


_FORMATTER: list = []  # argparse's formatter class, once built


def _formatter() -> type:
    if _FORMATTER:
        return _FORMATTER[0]
    import argparse

    class Formatter(argparse.HelpFormatter):
        """argparse's formatter, sized without importing shutil (and with it zlib, bz2 and lzma):
        argparse builds one for every option it adds, so every run paid for it (and the width is
        asked of the terminal once)."""

        def __init__(self, prog, **kwargs):
            kwargs.setdefault("width", _columns() - 2)
            super().__init__(prog, **kwargs)

    _FORMATTER.append(Formatter)
    return Formatter


_COLUMNS: list[int] = []  # the terminal's width, once asked


def _columns() -> int:
    if not _COLUMNS:
        _COLUMNS.append(_terminal_columns())
    return _COLUMNS[0]


def _terminal_columns() -> int:
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that command's module is imported and given its options,
    and the others are left out (they only appear in the top-level help, which is built without
    ``only``): a check does not import fix, deps, rules, nor build their parsers."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse's parser, its error line escaped: it quotes what was typed, which may be a
        file name (``outmoded check --config $'x\\e[31m\\n::error::y'``)."""

        def error(self, message):
            super().error(clean(message))

    Formatter = _formatter()
    parser = Parser(
        prog="outmoded", formatter_class=Formatter,
        description="Find and fix code that breaks on a newer Python because it uses removed "
                    "standard-library APIs.",
        epilog="`outmoded COMMAND --help` describes each command; exit codes: 0 clean, 1 findings, 2 bad usage.")
    parser.add_argument("--version", action="version", version=f"outmoded {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if only in COMMANDS and name != only:
            continue  # the others are listed only in the top-level help, which parses without ``only``
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command not built yet
        command = sub.add_parser(name, help=help_text, description=help_text, formatter_class=Formatter)
        command.register("action", quickargs.BOOLEAN, argparse.BooleanOptionalAction)
        module.add_arguments(command)
        for action in command._actions:  # quickargs.SUPPRESS equals argparse's, which argparse tests with `is`
            if action.help == quickargs.SUPPRESS:
                action.help = argparse.SUPPRESS
        command.set_defaults(run=module.run, parser=command)
    return parser


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """``parser.parse_args``, except that an unknown option is reported with the usage of the
    command it was given to (``outmoded check --frobnicate``), not the top-level usage."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        owner = getattr(args, "parser", None) or parser
        owner.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _reliable_streams() -> None:
    """Under ``PYTHONUNBUFFERED=1`` (or ``python -u``) stdout and stderr write straight to the file
    descriptor, and a large write to a pipe that takes only part of it silently drops the rest: a
    report cut short with exit status 0, and no BrokenPipeError when the reader has gone.  Put a
    buffered writer back (it retries partial writes), line-buffered so output still appears as it
    is written.  Undecodable file names (surrogate escapes) are written as ``\\udcxx``, not a crash."""
    import io

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        buffer = getattr(stream, "buffer", None)
        if isinstance(buffer, io.RawIOBase):
            setattr(sys, name, io.TextIOWrapper(io.BufferedWriter(buffer), encoding=stream.encoding,
                                                errors="backslashreplace", line_buffering=True))
        elif hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, io.UnsupportedOperation):
                pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush of what is
    still buffered does not raise again (and print "Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def command_of(argv: list[str]) -> str | None:
    """The command an argument list names (its first word that is not an option); None when
    top-level help is asked for before it (``outmoded --help check`` lists every command)."""
    for arg in argv:
        if arg in ("-h", "--help"):
            return None
        if not arg.startswith("-"):
            return arg
    return None


def parse(argv: list[str]):
    """(parser, namespace) for ``argv``: a plain command line read by ``quickargs`` (the parser
    is then None: built only if something asks for ``args.parser``), anything else by argparse."""
    args = quickargs.parse(argv, COMMANDS)
    if args is not None:
        module = sys.modules[COMMANDS[args.command][0]]
        args.run, args.parser = module.run, _LazyParser(args.command)
        return None, args
    parser = build_parser(only=command_of(argv))
    return parser, parse_args(parser, argv)


class _LazyParser:
    """``args.parser`` of a line ``quickargs`` read: the command's argparse parser, built on first use."""

    def __init__(self, command: str):
        self._command = command

    def __getattr__(self, name: str):
        top = build_parser(only=self._command)
        parser = top._subparsers._group_actions[0].choices[self._command]
        self.__dict__.update(_parser=parser)
        return getattr(parser, name)


def main(argv: list[str] | None = None) -> int:
    _reliable_streams()
    argv = sys.argv[1:] if argv is None else argv
    parser, args = parse(argv)
    return execute(parser, args)


def entry() -> None:
    """The ``outmoded`` script and ``python -m outmoded``: ``main``, then out of the process."""
    timeline.mark("main")
    leave(main())


def leave(code: int) -> None:
    """End the process with ``code`` once the output is out, without tearing the heap down: a run
    leaves the catalog, its index and the project's model, and the interpreter's finalization
    frees them object by object (~20 M instructions after a check of Twisted 18.9, ~5 ms the user
    waits for).  The exit handlers still run; with another thread alive, or output that does not
    flush, the interpreter ends as usual (and reports what it must)."""
    threading = sys.modules.get("threading")
    if threading is None or threading.active_count() == 1:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001 - the usual ending reports it
            raise SystemExit(code) from None
        import atexit

        timeline.mark("exit")
        atexit._run_exitfuncs()
        os._exit(code)
    raise SystemExit(code)


def execute(parser: argparse.ArgumentParser | None, args: argparse.Namespace) -> int:
    """Run the parsed command; every way it can end becomes an exit status (module docstring)."""
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    name = f"outmoded {args.command}"
    try:
        code = args.run(args)
        sys.stdout.flush()  # inside the try: a closed pipe must not pass for success
        return code
    except UsageError as exc:
        print(f"{name}: error: {clean(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except CatalogError as exc:
        print(f"{name}: error: broken catalog: {clean(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        if os.environ.get("OUTMODED_DEBUG"):
            raise
        print(f"{name}: internal error: {type(exc).__name__}: {clean(str(exc))} "
              f"(set OUTMODED_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return EXIT_USAGE


def clean(message: str) -> str:
    """A message quoting what was typed or read (a file name, a config value) on one line that
    cannot drive the terminal: control characters written as ``\\xNN`` (``reporters.text``)."""
    from outmoded.reporters.text import clean as escape

    return escape(message)


if __name__ == "__main__":
    raise SystemExit(main())
