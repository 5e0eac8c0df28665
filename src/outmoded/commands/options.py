"""Options shared by ``check`` and ``fix``, and how they override ``[tool.outmoded]``."""

from __future__ import annotations

import argparse
from dataclasses import replace

from outmoded.cli import UsageError
from outmoded.config import ConfigError, Settings, load_settings, parse_min_version, parse_version


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.split(",") if code.strip())


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    parser.add_argument("--target-version", metavar="X.Y",
                        help="the Python the code must run on (default: highest allowed by requires-python)")
    parser.add_argument("--select", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to report")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--extend-exclude", action="append", default=[], metavar="PATTERN",
                        help="more gitignore-style patterns to skip")
    parser.add_argument("--format", default="text", help="text, json, github or sarif")
    parser.add_argument("--output-file", metavar="FILE", help="write the report here instead of stdout")
    parser.add_argument("--pending", action="store_true", default=None,
                        help="also warn about APIs scheduled for removal after the target")
    parser.add_argument("--free-threading", action="store_true", default=None,
                        help="also warn about borrowed-reference C-API calls unsafe on free-threaded builds")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    parser.add_argument("--config", metavar="PYPROJECT", help="read [tool.outmoded] from this file")


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the config file, then the command line; bad values are usage errors."""
    from outmoded import reporters

    if args.format not in reporters.available():
        raise UsageError(f"unknown format {args.format!r} (choose from {', '.join(reporters.available())})")
    try:
        settings = load_settings(args.config)
        changes = {}
        if args.target_version:
            changes["target"] = parse_version(args.target_version, "--target-version")
        if getattr(args, "min_version", None):
            changes["min_version"] = parse_min_version(args.min_version, "--min-version")
        if args.select is not None:
            changes["select"] = args.select
        if args.ignore is not None:
            changes["ignore"] = settings.ignore + args.ignore
        if args.extend_exclude:
            changes["extend_exclude"] = settings.extend_exclude + tuple(args.extend_exclude)
        if args.pending is not None:
            changes["pending"] = args.pending
        if getattr(args, "free_threading", None) is not None:
            changes["free_threading"] = args.free_threading
        if getattr(args, "unsafe_fixes", None):
            changes["unsafe_fixes"] = True
        settings = replace(settings, **changes)
        settings.resolved_target()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return settings


def validate_codes(settings: Settings) -> None:
    from outmoded.catalog import CatalogError, default_catalog
    from outmoded.config import check_codes

    if not settings.select and not settings.ignore:
        return
    try:
        known = set(default_catalog().by_code)
    except CatalogError as exc:
        raise UsageError(f"broken catalog: {exc}") from None
    try:
        check_codes(settings.select, known, "--select/select")
        check_codes(settings.ignore, known, "--ignore/ignore")
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def emit(text: str, output_file) -> None:
    if output_file:
        from outmoded.writes import write_text_atomic

        write_text_atomic(output_file, text)
    else:
        import sys

        sys.stdout.write(text)
        sys.stdout.flush()
