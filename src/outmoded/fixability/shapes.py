"""How the catalog says an entry is fixed: the shape of its edit, the names that edit writes.

Read from the entry alone (no file at hand): ``shape_of`` for the planner and the fixer,
``edit_shape`` for the edit ``fix`` makes (a removed module the catalog renames nowhere is fixed by
dropping its import), ``written_names`` for the names a fix writes into the module.
"""

from __future__ import annotations

import ast
import re

from outmoded.catalog import Entry
from outmoded.fixability.notes import is_drop
from outmoded.stdnames import BUILTIN_NAMES, STDLIB as STDLIB_TOPS

PLACEHOLDER = re.compile(r"\{(receiver|args|arg(\d+))\}")


def is_dotted(text: str) -> bool:
    return bool(text) and all(part.isidentifier() for part in text.split("."))


def shape_of(entry: Entry) -> str | None:
    """How an entry is fixed, or None when its catalog data describes no mechanical fix."""
    if entry.kind == "argument":
        if entry.rewrite == "drop":
            return "drop-arg"
        if positional_index(entry) is not None:
            return "positional-arg"
        return "replace-arg" if keyword_rewrite(entry) else None
    if entry.kind == "behaviour":
        # an argument that became required, given what it defaulted to (``digestmod="md5"``)
        return "supply-arg" if entry.matches == "missing" and keyword_rewrite(entry) else None
    if entry.kind == "module" and entry.rewrite == "retire":
        return "retire"  # ``import typing.io`` -> ``import typing`` once its uses are rewritten
    if entry.rewrite:
        if entry.kind in ("function", "class", "method"):
            return "template"  # a call is rewritten
        return "expression" if entry.kind in ("attribute", "constant") and "{" not in entry.rewrite else None
    if not is_dotted(entry.replacement):
        return None
    return "module" if entry.kind == "module" else "dotted"


POSITIONAL_REWRITE = re.compile(r"^positional(?: (\d))?$")


def positional_index(entry: Entry) -> int | None:
    """Where a keyword that became positional-only goes (``rewrite: positional``: first,
    ``positional 1``: second): ``int(x=v)`` -> ``int(v)``, ``os.path.samefile(a, f2=b)`` ->
    ``os.path.samefile(a, b)``; None for any other rewrite."""
    match = POSITIONAL_REWRITE.match(entry.rewrite or "") if entry.kind == "argument" else None
    return None if match is None else int(match.group(1) or 0)


KEYWORD_REWRITE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.+?)\s*$", re.DOTALL)


def keyword_rewrite(entry: Entry) -> tuple[str, str] | None:
    """(keyword, expression) of an argument's ``rewrite: "optimization='' if {value} else 1"``:
    the argument becomes that keyword, ``{value}`` standing for its value; of a required
    argument's (``rewrite: 'digestmod="md5"'``), the keyword and value it is given."""
    match = KEYWORD_REWRITE.match(entry.rewrite or "") if entry.kind in ("argument", "behaviour") else None
    return (match.group(1), match.group(2)) if match else None


def drops_import(entry: Entry) -> bool:
    """Is a finding of this removed module fixed by dropping its ``import`` once every use of it
    is rewritten (``import imp`` when ``imp.new_module(n)`` became ``types.ModuleType(n)``)?
    True for a module the catalog itself does not rename (``import typing.io`` is retired the
    same way, to ``import typing``)."""
    return entry.kind == "module" and (entry.fix == "none" or shape_of(entry) in (None, "retire"))


def edit_shape(entry: Entry, finding=None) -> str | None:
    """The shape of the edit ``fix`` makes for a finding of ``entry`` the planner says it fixes:
    "retire" for an import that goes with its uses (``fixability.imports``)."""
    return "retire" if drops_import(entry) or (finding is not None and is_drop(finding)) else shape_of(entry)


def edit_replacement(entry: Entry) -> str:
    """What the edit writes: the catalog's template (``rewrite``), else its replacement."""
    return entry.rewrite if entry.rewrite and entry.rewrite != "drop" else entry.replacement


def plain_rename(shape: str | None, api: str, replacement: str, entry: Entry) -> tuple[str, str] | None:
    """(old last part, new last part) when the edit is a plain rename of the last part, which
    ``fix`` makes without LibCST (``fixes.plain``).  Not one whose call keywords follow it (the
    catalog's ``rename_keywords``: ``parser.readfp(fp, filename=f)`` renamed alone is
    ``read_file(fp, filename=f)``, a TypeError), nor one that may slice the call's result (the
    catalog's ``fields``: ``fixes.transformer.leave_Assign``)."""
    if shape != "dotted" or entry.rename_keywords or entry.fields:
        return None
    old, _, old_leaf = api.rpartition(".")
    new, _, new_leaf = replacement.rpartition(".")
    if not old or old != new or old_leaf == new_leaf:
        return None
    return old_leaf, new_leaf


def written_names(entry: Entry) -> list[tuple[str, bool]]:
    """(root, is_builtin) of every name the fix writes that the module must not bind otherwise:
    ``importlib`` for ``imp.reload`` -> ``importlib.reload``, ``iter`` for ``iter({receiver}.items())``.
    A rename of the last part only (``thread.isAlive`` -> ``thread.is_alive``) writes none."""
    shape = shape_of(entry)
    if shape == "dotted" and entry.kind != "module":
        if entry.names and all(n.rpartition(".")[0] == entry.replacement.rpartition(".")[0] for n in entry.names):
            return []
        texts = [entry.replacement]
    elif shape in ("template", "expression"):
        texts = [entry.rewrite]
    else:
        return []
    roots = []
    for text in texts:
        try:
            tree = ast.parse(PLACEHOLDER.sub(lambda m: f"__outmoded_{m.group(1)}__", text).strip())
        except SyntaxError:
            return []
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not node.id.startswith("__outmoded_"):
                roots.append((node.id, node.id in BUILTIN_NAMES and node.id not in STDLIB_TOPS))
    return roots


def wanted_positionals(template: str) -> int | None:
    """How many positional arguments a call template takes (``{arg0}``, ``{arg1}``...); None for
    ``{args}`` (any)."""
    used = {m.group(1) for m in PLACEHOLDER.finditer(template)}
    if "args" in used:
        return None
    numbered = sorted(int(u[3:]) for u in used if u[3:].isdigit())
    return numbered[-1] + 1 if numbered else 0
