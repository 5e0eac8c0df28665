"""``outmoded explain CODE``: what was removed, since when, why, and what to use instead."""

from __future__ import annotations

import argparse

from outmoded.catalog import format_version
from outmoded.cli import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code such as OM12001")


def run(args: argparse.Namespace) -> int:
    from outmoded.catalog import default_catalog

    entry = default_catalog().by_code.get(args.code.upper())
    if entry is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `outmoded rules`)")
    if entry.check not in (None, "removed"):
        status = "concerns"  # free-threading and runtime-flag rules: nothing was removed
    else:
        status = "scheduled for removal in" if entry.pending else "removed in"
    lines = [
        f"{entry.code}: {', '.join(entry.names)} ({entry.kind})",
        "",
        f"{status.capitalize()} Python {format_version(entry.removed_in)}"
        + (f", deprecated since {format_version(entry.deprecated_in)}." if entry.deprecated_in else "."),
        f"Why: {entry.reason}",
        f"Instead: {entry.replacement}"
        + (f" (available since Python {format_version(entry.replacement_since)})" if entry.replacement_since else ""),
        f"Fix: {entry.fix}" + (f" — {entry.fix_reason}" if entry.fix_reason else ""),
    ]
    if entry.backport_requirement:
        lines.append(f"Backport: the {entry.backport} package on the index provides it again; add"
                     f" `{entry.backport_requirement}` to the requirements")
    if entry.example:
        lines += ["", "Example:", entry.example.rstrip()]
    lines += ["", f"More: {entry.doc}"]
    print("\n".join(lines))
    return 0
