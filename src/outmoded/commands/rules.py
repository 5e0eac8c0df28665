"""``outmoded rules``: the catalog as a table (or JSON), sorted by version then code, filterable
by version, code prefix and kind; a filter value that matches nothing the catalog has is an error.
Opt-in rules (catalog ``opt_in``) are marked: ``(opt-in)`` in the table, ``"opt_in"`` in JSON
(``"free-threading"`` or ``"select"``, ``null`` for the rules a plain check reports)."""

from __future__ import annotations

import argparse
import json
from itertools import groupby

from outmoded.catalog import KINDS, Entry, format_version
from outmoded.cli import UsageError
from outmoded.commands.options import rule_codes
from outmoded.config import ConfigError, parse_version
from outmoded.config.parsing import parse_target
from outmoded.findings import names_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--removed-in", metavar="X.Y", help="only removals made in this version")
    parser.add_argument("--target-version", metavar="X.Y", help="only removals that break on this version")
    parser.add_argument("--select", metavar="PREFIXES",
                        help="only codes starting with one of these comma-separated prefixes (OM13, OMC), as check's")
    parser.add_argument("--kind", choices=sorted(KINDS), help="only this kind of API")
    parser.add_argument("--output-format", "--format", dest="format", choices=["text", "json"], default="text")


def entry_json(entry: Entry) -> dict:
    return {
        "code": entry.code, "names": list(entry.names), "kind": entry.kind,
        "removed_in": format_version(entry.removed_in),
        "deprecated_in": format_version(entry.deprecated_in) if entry.deprecated_in else None,
        "pending": entry.pending, "replacement": entry.replacement, "fix": entry.fix_safety,
        "backport": entry.backport_requirement, "opt_in": entry.opt_in,
        "fix_reason": entry.fix_reason, "reason": entry.reason, "doc": entry.doc,
    }


def _filter(entries, args) -> list[Entry]:
    try:
        removed = parse_version(args.removed_in, "--removed-in") if args.removed_in else None
        # 3.14t: the removals are the same in the free-threaded build (3.12t is none: refused, as by check)
        target = parse_target(args.target_version, "--target-version")[0] if args.target_version else None
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    # as check reads --select (``options.rule_codes``): a comma-separated list; an empty one is
    # refused, as there (it listed every rule, where check and fix refuse it)
    prefixes = rule_codes(args.select) if args.select is not None else None
    for prefix in prefixes or ([""] if prefixes is not None else []):
        if not prefix or not any(e.code.startswith(prefix) for e in entries):
            raise UsageError(f"--select {args.select!r}: no rule code starts with {prefix!r} (codes look like OM12002, "
                             f"OMC13004)")
    if removed and not any(e.removed_in == removed for e in entries):
        known = sorted({e.removed_in for e in entries})
        raise UsageError(f"--removed-in {args.removed_in}: the catalog has no removal in that version "
                         f"(it has {format_version(known[0])} to {format_version(known[-1])})")
    chosen = [e for e in entries
              if (removed is None or e.removed_in == removed)
              and (target is None or e.removed_in <= target)
              and (prefixes is None or e.code.startswith(prefixes))
              and (not args.kind or e.kind == args.kind)]
    return sorted(chosen, key=lambda e: (e.removed_in, e.code))


def _header(version, entries: list[Entry]) -> str:
    status = "Scheduled for removal in Python" if entries[0].pending else "Python"
    count = f"{len(entries)} rule" + ("" if len(entries) == 1 else "s")
    return f"{status} {format_version(version)} ({count})"


def run(args: argparse.Namespace) -> int:
    from outmoded.catalog import default_catalog

    entries = _filter(default_catalog().entries, args)
    if args.format == "json":
        print(json.dumps([entry_json(e) for e in entries], indent=2))
        return 0
    lines = []
    for version, group in groupby(entries, key=lambda e: e.removed_in):
        group = list(group)
        lines += ["" if lines else None, _header(version, group)]
        for e in group:
            fix = {"safe": "[*]", "unsafe": "[!]"}.get(e.fix, "   ")
            opt_in = " (opt-in)" if e.opt_in else ""
            lines.append(f"  {e.code:<9} {fix} {e.kind:<9} {names_line(e)} -> {e.replacement}{opt_in}")
    total = f"{len(entries)} rule" + ("" if len(entries) == 1 else "s")
    legend = f"{total}. [*] safe fix, [!] unsafe fix (--unsafe-fixes)."
    if any(e.opt_in for e in entries):
        legend += " (opt-in): reported only when asked for (outmoded explain CODE says how)."
    lines += ["" if entries else None, legend]
    print("\n".join(line for line in lines if line is not None))
    return 0
