"""``outmoded rules``: the catalog as a table (or JSON), filterable by version and code."""

from __future__ import annotations

import argparse
import json

from outmoded.catalog import Entry, format_version
from outmoded.cli import UsageError
from outmoded.config import ConfigError, parse_version


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--removed-in", metavar="X.Y", help="only removals made in this version")
    parser.add_argument("--target-version", metavar="X.Y", help="only removals that break on this version")
    parser.add_argument("--select", metavar="PREFIX", help="only codes starting with this prefix")
    parser.add_argument("--kind", help="only this kind (module, function, method, argument, capi, ...)")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def entry_json(entry: Entry) -> dict:
    return {
        "code": entry.code, "names": list(entry.names), "kind": entry.kind,
        "removed_in": format_version(entry.removed_in),
        "deprecated_in": format_version(entry.deprecated_in) if entry.deprecated_in else None,
        "pending": entry.pending, "replacement": entry.replacement, "fix": entry.fix_safety,
        "backport": entry.backport_requirement,
        "fix_reason": entry.fix_reason, "reason": entry.reason, "doc": entry.doc,
    }


def _filter(entries, args) -> list[Entry]:
    try:
        removed = parse_version(args.removed_in, "--removed-in") if args.removed_in else None
        target = parse_version(args.target_version, "--target-version") if args.target_version else None
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return [e for e in entries
            if (removed is None or e.removed_in == removed)
            and (target is None or e.removed_in <= target)
            and (not args.select or e.code.startswith(args.select.upper()))
            and (not args.kind or e.kind == args.kind)]


def run(args: argparse.Namespace) -> int:
    from outmoded.catalog import default_catalog

    entries = _filter(default_catalog().entries, args)
    if args.format == "json":
        print(json.dumps([entry_json(e) for e in entries], indent=2))
        return 0
    for e in entries:
        fix = {"safe": "[*]", "unsafe": "[!]"}.get(e.fix, "   ")
        print(f"{e.code:<9} {format_version(e.removed_in):>5} {fix} {e.kind:<9} {', '.join(e.names)} -> {e.replacement}")
    print(f"{len(entries)} rule(s). [*] safe fix, [!] unsafe fix (--unsafe-fixes).")
    return 0
