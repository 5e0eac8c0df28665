"""``outmoded explain CODE|NAME``: what was removed, since when, why, and what to use instead.

A rule is named by its code (``OM12002``, any case) or by an API it covers, as users write it
(``imp.reload``, ``dict.iteritems``, ``unittest.TestCase.assertEquals``)."""

from __future__ import annotations

import argparse

from outmoded.catalog import Entry, format_version, opt_in_family
from outmoded.cli import UsageError
from outmoded.findings import names_line, shown_name, shown_names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="CODE|NAME", help="a rule code such as OM12002, or an API such as imp.reload")


def find(entries, query: str) -> list[Entry]:
    """Entries whose code is ``query``, else whose names are ``query`` (with or without
    ``builtins.``), else whose names end with ``.query`` (``assertEquals``)."""
    text = query.strip()
    by_code = [e for e in entries if e.code == text.upper()]
    if by_code:
        return by_code
    exact = [e for e in entries if any(text in (n, shown_name(n)) for n in e.names) or text in shown_names(e)]
    if exact:
        return exact
    return [e for e in entries if any(n.endswith("." + text) for n in e.names)]


def _node_fields(entry: Entry, query: str | None) -> list[str]:
    """What a ``node-fields`` entry's table says of the class ``query`` names (``ast.comprehension``,
    ``comprehension``): its fields, those it requires, and its position attributes."""
    from outmoded.catalog.models import node_parameters

    rows = dict(entry.node_fields)
    name = next((n for n in rows if query in (n, n.rpartition(".")[2])), None) if query else None
    if name is None:
        return []
    positional, keywords, required, _, _ = node_parameters(rows[name])
    attributes = sorted(keywords - set(positional), key=rows[name].split().index)
    return [f"{name}({', '.join(positional)}): requires {', '.join(f for f in positional if f in required) or 'none'}"
            f"; keywords besides its fields: {', '.join(attributes) or 'none'}"]


def describe(entry: Entry, query: str | None = None) -> list[str]:
    if entry.check not in (None, "removed"):
        status = "concerns"  # free-threading and runtime-flag rules: nothing was removed
    else:
        status = "scheduled for removal in" if entry.pending else (
            "removed from the limited C API in" if entry.limited_api else "removed in")
    lines = [
        f"{entry.code}: {names_line(entry)} ({entry.kind})",
        "",
        f"{status[0].upper()}{status[1:]} Python {format_version(entry.removed_in)}"
        + (f", deprecated since {format_version(entry.deprecated_in)}." if entry.deprecated_in else "."),
        f"Why: {entry.reason}",
        f"Instead: {shown_name(entry.replacement)}"
        + (f" (available since Python {format_version(entry.replacement_since)})" if entry.replacement_since else ""),
        f"Fix: {entry.fix}" + (f" — {entry.fix_reason}" if entry.fix_reason else ""),
    ]
    if entry.opt_in:
        by_name = f"selected by name (--select {opt_in_family(entry.code)} or {entry.code})"
        lines.append("Opt-in: reported with --free-threading (free-threading = true), or when " + by_name
                     if entry.opt_in == "free-threading" else "Opt-in: reported only when " + by_name)
    if entry.backport_requirement:
        lines.append(f"Backport: the {entry.backport} package on the index provides it again; add"
                     f" `{entry.backport_requirement}` to the requirements")
    if entry.example:
        lines += ["", "Example:", entry.example.rstrip()]
    if entry.node_fields:
        lines += ["", *_node_fields(entry, query)] if _node_fields(entry, query) else []
    return lines + ["", f"More: {entry.doc}"]


def run(args: argparse.Namespace) -> int:
    import difflib

    from outmoded.catalog import default_catalog

    entries = default_catalog().entries
    found = find(entries, args.rule)
    if not found:
        names = sorted({n for e in entries for n in shown_names(e)})
        close = difflib.get_close_matches(args.rule, names, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see `outmoded rules`)"
        raise UsageError(f"no rule has the code or API name {args.rule!r}{hint}")
    print("\n\n".join("\n".join(describe(e, args.rule.strip())) for e in found))
    return 0
