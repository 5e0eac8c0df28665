"""Options shared by ``check`` and ``fix``, and how they override ``[tool.outmoded]``.

Names follow ruff's (``--output-format``, ``-o``, ``-n``, ``-e``, ``--force-exclude``,
``--extend-select``, ``--stdin-filename``, ``--color``); ``--format`` stays as an alias of
``--output-format``.
"""

from __future__ import annotations

import os

from outmoded.cli import UsageError
from outmoded.commands.quickargs import BOOLEAN, SUPPRESS
from outmoded.config import ConfigError, Settings, load_settings, parse_min_version
from outmoded.config.parsing import parse_target
from outmoded.records import replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse

FORMAT_ALIASES = {"text": "concise"}  # the one-line-per-finding format was called "text"


def rule_codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.split(",") if code.strip())


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories (default: .); `-` reads the source from stdin")
    parser.add_argument("--target-version", metavar="X.Y",
                        help="the Python the code must run on, 3.14t for its free-threaded build "
                             "(default: highest allowed by requires-python)")
    rules = parser.add_argument_group("rule selection")
    rules.add_argument("--select", type=rule_codes, metavar="CODES", help="comma-separated codes or prefixes to report")
    rules.add_argument("--extend-select", type=rule_codes, metavar="CODES",
                       help="like --select, but added to the selection (e.g. the opt-in OMT1)")
    rules.add_argument("--ignore", type=rule_codes, metavar="CODES", help="comma-separated codes or prefixes to skip")
    rules.add_argument("--pending", action=BOOLEAN, default=None,
                       help="also warn about APIs scheduled for removal after the target")
    rules.add_argument("--free-threading", action=BOOLEAN, default=None,
                       help="also warn about extension modules that re-enable the GIL on free-threaded builds")
    rules.add_argument("--dead-compat", action="store_true", default=None,
                       help="also report compatibility code dead on the target "
                            "(equivalent fallbacks, hasattr branches), code that never runs, and "
                            "removals at or before the oldest Python the project supports")
    rules.add_argument("--ignore-noqa", action="store_true", default=None,
                       help="report (and fix) findings silenced by `# noqa` and `# outmoded: noqa` comments")
    files = parser.add_argument_group("file selection")
    files.add_argument("--exclude", action="append", metavar="PATTERN",
                       help="gitignore-style patterns to skip, replacing the default list")
    files.add_argument("--extend-exclude", action="append", default=[], metavar="PATTERN",
                       help="more gitignore-style patterns to skip")
    files.add_argument("--force-exclude", action=BOOLEAN, default=None,
                       help="apply excludes to files named on the command line too (for pre-commit)")
    files.add_argument("--respect-gitignore", action=BOOLEAN, default=None,
                       help="skip files .gitignore ignores (default; --no-respect-gitignore checks them)")
    out = parser.add_argument_group("output")
    out.add_argument("--output-format", "--format", dest="format", metavar="FORMAT",
                     help="full (default: source line and caret), concise, grouped, json, json-lines, junit, "
                          "github, gitlab or sarif (env: OUTMODED_OUTPUT_FORMAT)")
    out.add_argument("--output-file", "-o", metavar="FILE", help="write the report here instead of stdout")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the report: auto (on a terminal, honouring NO_COLOR/FORCE_COLOR), always, never")
    out.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    out.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    out.add_argument("--silent", "-s", action="store_true", help="print nothing; only the exit status tells")
    out.add_argument("--exit-zero", "-e", action="store_true", help="exit 0 even when there are findings")
    misc = parser.add_argument_group("miscellaneous")
    misc.add_argument("--no-cache", "-n", action="store_true", help="neither read nor write the cache")
    misc.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    misc.add_argument("--cache-dir", metavar="DIR", help="where to keep the cache (env: OUTMODED_CACHE_DIR)")
    misc.add_argument("--config", metavar="FILE|KEY=VALUE", action="append",
                      help="read [tool.outmoded] from this file for every path (default: each path's "
                           "nearest pyproject.toml, setup.cfg or setup.py), or override one setting: "
                           "--config \"fail-on = 'warning'\" (repeatable)")
    misc.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def output_format(args: argparse.Namespace, settings: Settings | None = None) -> str:
    """The chosen format: the option, else the config's ``output-format``, else ``full``."""
    from outmoded import reporters

    chosen = args.format or (settings.output_format if settings else None) \
        or os.environ.get("OUTMODED_OUTPUT_FORMAT") or "full"
    chosen = FORMAT_ALIASES.get(chosen, chosen)
    if chosen not in reporters.FORMATS:
        names = ", ".join(n for n in reporters.FORMATS)
        raise UsageError(f"unknown output format {chosen!r} (choose from {names})")
    return chosen


def config_file(args: argparse.Namespace) -> str | None:
    """The file ``--config`` names (None when it only overrides settings); one at most."""
    files = [c for c in (getattr(args, "config", None) or []) if os.path.exists(c) or "=" not in c]
    if len(files) > 1:
        raise UsageError(f"--config names {len(files)} files; give one (other --config values set keys)")
    return files[0] if files else None


def settings_from(args: argparse.Namespace, start: str | None = None, location=None) -> Settings:
    """Settings from the config file (``--config``, else the project at or above ``start``, else
    the current directory; ``location``: ``start``'s, when known), ``--config KEY=VALUE``
    overrides, then the command line; bad values are usage errors."""
    from outmoded.config import apply_section, parse_overrides

    chosen = config_file(args)
    overrides = [c for c in (getattr(args, "config", None) or []) if c != chosen]
    paths = [p for p in (getattr(args, "paths", None) or []) if p != "-"]
    if start is None and not chosen and paths:
        from outmoded.config import project_start

        start = project_start(paths[0])  # `outmoded fix ../project` uses its project
    try:
        if getattr(args, "isolated", False):
            settings = Settings()
        else:
            settings = load_settings(chosen, start, location)
        if overrides:
            settings = apply_section(settings, parse_overrides(overrides), "--config")
        changes = {}
        _given(args)
        if args.target_version is not None:  # 3.14t: the free-threaded build, as deps reads it
            changes["target"], free = parse_target(args.target_version, "--target-version")
            if free:
                changes["free_threading"] = True
        if getattr(args, "min_version", None) is not None:
            changes["min_version"] = parse_min_version(args.min_version, "--min-version")
        if args.select is not None:
            changes["select"] = args.select
        if getattr(args, "extend_select", None):
            changes["extend_select"] = settings.extend_select + args.extend_select
        if args.ignore is not None:
            changes["ignore"] = settings.ignore + args.ignore
        if getattr(args, "exclude", None):
            changes["exclude"] = tuple(args.exclude)
        if args.extend_exclude:
            changes["extend_exclude"] = settings.extend_exclude + tuple(args.extend_exclude)
        if getattr(args, "force_exclude", None) is not None:
            changes["force_exclude"] = args.force_exclude
        if getattr(args, "respect_gitignore", None) is not None:
            changes["respect_gitignore"] = args.respect_gitignore
        if getattr(args, "ignore_noqa", None):
            changes["ignore_noqa"] = True
        if getattr(args, "cache_dir", None) is not None:
            changes["cache_dir"] = os.path.abspath(args.cache_dir)
        if args.pending is not None:
            changes["pending"] = args.pending
        if getattr(args, "free_threading", None) is not None:
            changes["free_threading"] = args.free_threading or changes.get("free_threading", False)
        if getattr(args, "dead_compat", None) is not None:
            changes["dead_compat"] = args.dead_compat
        if getattr(args, "unsafe_fixes", None) is not None:
            changes["unsafe_fixes"] = args.unsafe_fixes
        if getattr(args, "fail_on", None):
            changes["fail_on"] = args.fail_on
        settings = replace(settings, **changes)
        settings.resolved_target()
        settings.resolved_min_version()
        _floor_under_target(settings)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    args.format = output_format(args, settings)
    return settings


def _given(args: argparse.Namespace) -> None:
    """An option given an empty value is a mistake (an unset shell variable: ``--target-version
    "$PY"``), not the option left out: refused, as ruff refuses ``--select ""``."""
    for option, value in (("--target-version", args.target_version), ("--min-version", getattr(args, "min_version", None)),
                          ("--cache-dir", getattr(args, "cache_dir", None))):
        if value is not None and not value.strip():
            raise UsageError(f"{option} is given an empty value; give "
                             + ("a directory" if option == "--cache-dir" else "a version such as 3.13")
                             + " or leave the option out")
    for option, value in (("--select", args.select), ("--extend-select", getattr(args, "extend_select", None)),
                          ("--ignore", args.ignore)):
        if value is not None and not value:
            raise UsageError(f"{option} is given no rule code; give codes or prefixes (such as OM12) "
                             f"or leave the option out")


def _floor_under_target(settings: Settings) -> None:
    """The oldest Python the project supports newer than the target asks about a Python the code
    does not run on: every removal before the floor counts as already broken, hidden, and the run
    passed.  Given as min-version it is a usage error; read from requires-python (a CI matrix
    entry below it), a warning."""
    floor, target = settings.declared_floor(), settings.resolved_target()
    if not floor or floor <= target:
        return
    from outmoded.catalog import format_version

    said = (f"the oldest Python the project supports ({format_version(floor)}) is newer than the target "
            f"({format_version(target)})")
    if settings.min_version:
        raise ConfigError(f"min-version: {said}: removals before {format_version(floor)} would count as already "
                          f"broken and pass; give a min-version at or below the target")
    import sys

    from outmoded.cli import clean

    origin = settings.requirement_origin()
    where = f"{origin}: " if origin else ""
    print(clean(f"outmoded: warning: {where}{said}, from requires-python {settings.requires_python!r}: what "
                f"was removed before {format_version(floor)} is reported only with --dead-compat"), file=sys.stderr)


def validate_codes(settings: Settings) -> None:
    from outmoded.catalog import CatalogError, default_catalog
    from outmoded.config import check_codes

    per_file = tuple(code for _, codes in settings.per_file_ignores for code in codes)
    if not (settings.select or settings.ignore or settings.extend_select or per_file):
        return
    try:
        known = set(default_catalog().by_code)
    except CatalogError as exc:
        raise UsageError(f"broken catalog: {exc}") from None
    try:
        check_codes(settings.select or (), known, "--select/select")
        check_codes(settings.extend_select, known, "--extend-select/extend-select")
        check_codes(settings.ignore, known, "--ignore/ignore")
        check_codes(per_file, known, "per-file-ignores")
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def check_output_file(output_file: str | None) -> None:
    """Refuse an ``--output-file`` that cannot be written before the run, not after it; a missing
    parent directory is created, as ruff does."""
    if not output_file:
        return
    if os.path.isdir(output_file):
        raise UsageError(f"--output-file {output_file}: is a directory; name a file")
    parent = os.path.dirname(os.path.abspath(output_file))
    blocker = next((d for d in _parents(parent) if os.path.lexists(d) and not os.path.isdir(d)), None)
    if blocker:
        raise UsageError(f"--output-file {output_file}: {blocker} is a file, not a directory")
    try:
        os.makedirs(parent, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--output-file {output_file}: cannot create its directory: {exc.strerror or exc}") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"--output-file {output_file}: directory {parent} is not writable")


def _parents(directory: str) -> list[str]:
    chain = [directory]
    while os.path.dirname(chain[-1]) != chain[-1]:
        chain.append(os.path.dirname(chain[-1]))
    return chain


def emit(text: str, output_file) -> None:
    if not output_file:
        import sys

        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from outmoded.writes import write_bytes_atomic

    try:
        check_output_file(output_file)
        write_bytes_atomic(output_file, text.encode("utf-8", "backslashreplace"))  # undecodable names
    except OSError as exc:
        raise UsageError(f"--output-file {output_file}: cannot write: {exc.strerror or exc}") from None


def add_exit_options(parser) -> None:
    """``fix``'s (and ``check --fix``'s) exit options, as ruff's."""
    parser.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="exit 1 when files were changed, even if nothing remains")
    parser.add_argument("--fix-only", action="store_true",
                        help="fix, and report only what was fixed and what could not be read or written: "
                             "findings that remain are neither shown nor fail the run (implies --fix)")
    parser.add_argument("--hook", action="store_true", help=SUPPRESS)  # outmoded.integrations.precommit fix
