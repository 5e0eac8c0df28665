"""Imports of removed modules: ``fix`` drops ``import imp`` (and retires ``import typing.io`` to
``import typing``) exactly when every use of it is rewritten; the planner promises exactly that.

The same rule as ``fixes.imports`` applies after rewriting: the name is read nowhere else, bound
by this import alone, named in no string (an annotation, ``__all__``) or ``global``, imported from
this module by no other module of the project (``importedfrom``), and the import is not inside a
``try`` (there it is the code's own probe).  The promise is as safe as the least
safe of the uses' fixes.
"""

from __future__ import annotations

import ast

from outmoded.catalog import Entry
from outmoded.fixability.notes import DROP_NOTE, with_note, without_refusal, without_unsafe_note
from outmoded.fixability.shapes import drops_import, shape_of, written_names
from outmoded.fixability.spots import Spots
from outmoded.records import replace

def retirements(findings: list, calls: Spots, entries) -> list:
    """An import of a removed module goes (``import typing.io`` becomes ``import typing`` or is
    dropped; ``import imp`` is dropped) exactly when every read of it is the start of a chain
    whose own finding is fixed: its fix is the least safe of theirs."""
    if not any(f.code in entries and entries[f.code].kind == "module" for f in findings):
        return findings
    # a module's own findings (its import, a bare read such as x = typing.re) are never a rewritten use
    levels = {(f.line, f.column - 1): f.fix for f in findings
              if not (f.code in entries and entries[f.code].kind == "module")}
    # what a fixed chain ``imp.x`` leaves of ``imp``: nothing, unless its replacement writes it
    releases = {(f.line, f.column - 1): (f.fix, _written_root(entries[f.code]))
                for f in findings if f.fix and f.code in entries}
    result = []
    for finding in findings:
        entry = entries.get(finding.code)
        if entry is not None and drops_import(entry) and "." in finding.api and finding.fix:
            fix, why = _retirement(finding, calls, levels)
            finding = replace(finding, fix=fix) if fix else with_note(finding, None, f"no automatic fix: {why}", entry)
        elif entry is not None and entry.kind == "module" and "." not in finding.api:
            # whatever the module's own fix (none; a rename the project's oldest Python lacks), an
            # import all of whose uses are rewritten goes: ``fixes.imports`` drops it
            fix = dropped(finding, calls, releases)
            if fix:
                message = without_unsafe_note(without_refusal(finding.message), entry)
                finding = replace(finding, fix=fix, message=f"{message} ({DROP_NOTE})")
        result.append(finding)
    return result


def names_in(text: str, name: str) -> bool:
    """Does this string, read as an expression (a string annotation, an ``__all__`` entry),
    use ``name``?"""
    if name not in text:
        return False
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree))


def _written_root(entry: Entry) -> set[str]:
    """The first names a fix of ``entry`` writes (``aifc`` for ``aifc.openfp`` -> ``aifc.open``)."""
    if shape_of(entry) in ("dotted", "module"):
        return {entry.replacement.split(".")[0]}
    return {root for root, _ in written_names(entry)}


def dropped(finding, calls: Spots, releases: dict) -> str | None:
    """The fix of ``import imp`` that ``fixes.imports`` drops once its uses are rewritten: every
    read of ``imp`` starts a chain whose finding is fixed (and there is one), ``imp`` is bound by
    this import alone, named in no string (an annotation, ``__all__``) and no ``global``; an
    import inside a ``try`` is the code's own probe and stays.  None when it stays."""
    statement = next((n for n in calls.statements() if n.lineno <= finding.line <= n.end_lineno), None)
    if not isinstance(statement, ast.Import) or calls.in_try(statement) or not any(
            a.name == finding.api and a.asname is None for a in statement.names):
        return None
    name, found, binders = finding.api, [], 0
    for node in calls.naming(name):
        if isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Store):
                return None
            fix, written = releases.get((node.lineno, node.col_offset), (None, ()))
            found.append(None if name in written else fix)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            binders += sum((a.asname or a.name.split(".")[0]) == name for a in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and names_in(node.value, name) or isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return None
    if binders != 1 or not found or None in found:
        return None
    from outmoded.importedfrom import defines_all, imported_from

    if imported_from(finding.path, (name,), star=not defines_all(calls.tree)):
        return None  # another module reads it from this one (``from .core import *``): it stays
    return "unsafe" if "unsafe" in found else "safe"


def _retirement(finding, calls: Spots, levels: dict) -> tuple[str | None, str | None]:
    statement = next((n for n in calls.statements() if n.lineno <= finding.line <= n.end_lineno), None)
    if not isinstance(statement, ast.Import) or not any(a.name == finding.api and a.asname is None
                                                        for a in statement.names):
        return None, f"only `import {finding.api}` is rewritten"
    parent, _, child = finding.api.rpartition(".")
    found = []
    for node in calls.naming(parent):
        if isinstance(node, ast.Attribute) and node.attr == child and isinstance(node.value, ast.Name) \
                and node.value.id == parent and "." not in parent:
            found.append(levels.get((node.lineno, node.col_offset)))
    if None in found:
        return None, f"`{finding.api}` is also used in a way that is not rewritten"
    return ("unsafe" if "unsafe" in found else "safe"), None
