"""Per instance: what the fixer can do with the finding's particular spelling.

Adjusts the verdict each finding got from its catalog entry for the code at its spot: a call whose
arguments do not fit the template, a dotted name whose first name means something else in this
file, a name the fix would write that the file binds otherwise, an argument proven safe (or not),
an import that goes with its uses (``imports``).  Mirrors the fixer's own refusals in
``outmoded.fixes``: each rule here names the fixer function it predicts.
"""

from __future__ import annotations

import ast

from outmoded.catalog import Entry
from outmoded.fixability.debugfields import in_debug_field
from outmoded.fixability.fieldquotes import no_quote_left
from outmoded.fixability.arguments import bytes_verdict, call_fits, call_parts, never_none, proven_safe
from outmoded.fixability.imports import retirements
from outmoded.fixability.notes import with_note, without_unsafe_note
from outmoded.fixability.references import imported_keywords, renamed_keywords
from outmoded.fixability.results import broken_use
from outmoded.fixability.libcstgaps import gap
from outmoded.fixability.shapes import (edit_replacement, edit_shape, keyword_rewrite, plain_rename, positional_index,
                                        shape_of, written_names)
from outmoded.fixability.spots import Spots, bound_to, chain_of, scope_of, spanning
from outmoded.records import replace


def _argument_verdict(finding, entry: Entry, calls: Spots) -> tuple[str | None, str | None]:
    """(an upgraded fix or None, why there is no fix or None) for an argument the catalog
    rewrites into another keyword (``cache_from_source(p, True)`` -> ``optimization=''``)."""
    found = calls.argument(finding)
    if found is None:
        return None, "this argument's form is not rewritten"
    call, node = found
    keyword = keyword_rewrite(entry)[0]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg in (None, keyword) for k in call.keywords):
        return None, f"this call's arguments do not fit the rewrite (unpacked, or {keyword}= given too)"
    return ("safe" if never_none(node) else None), None


def _drop_verdict(finding, calls: Spots) -> str | None:
    """Why an argument the catalog drops cannot be dropped here, or None: as ``fixes.arguments``'
    ``_droppable``, a positional argument goes only when it is the last one and no ``*args``
    comes before it (pylint 1.9.5's ``XMLParser('tag', None, None)``: dropping ``html`` would
    hand its place to ``target``)."""
    found = calls.argument(finding)
    if found is None:
        return "this argument's form is not rewritten"
    call, node = found
    positional = next((i for i, a in enumerate(call.args) if a is node), None)
    if positional is None:
        return None  # a keyword: dropped wherever it stands
    if any(isinstance(a, ast.Starred) for a in call.args[:positional + 1]) or positional != len(call.args) - 1:
        return "a positional argument after it would take its place"
    return None


def _positional_verdict(finding, entry: Entry, calls: Spots) -> str | None:
    """Why a keyword cannot become the positional argument it names here, or None: as
    ``fixes.arguments.make_positional``, only the first keyword, right after exactly the positional
    arguments before its place (none unpacked), so nothing is evaluated in another order
    (``int(x=v, base=b)`` -> ``int(v, base=b)``; ``int(base=b, x=v)`` is left)."""
    found = calls.argument(finding)
    if found is None:
        return "this argument's form is not rewritten"
    call, node = found
    first = call.keywords[0] if call.keywords else None
    if first is None or first.value is not node or len(call.args) != positional_index(entry) \
            or any(isinstance(a, ast.Starred) for a in call.args) \
            or any((a.lineno, a.col_offset) > (first.lineno, first.col_offset) for a in call.args):
        return "it is not the first keyword right after the arguments before its place"
    return None


def _bound_otherwise(entry: Entry, bindings) -> str | None:
    """A name the fix would write that the module binds to something else (``importlib = None``),
    as the fixer's ``Bindings.writable`` sees it; None when all can be written."""
    for root, builtin in written_names(entry):
        if not bindings.writable(root, None if builtin else root):
            return root
    return None


def _instance_verdict(finding, entry: Entry, calls: Spots, bindings) -> str | None:
    """Why the fixer cannot rewrite this finding at its spot, or None."""
    call = calls.called(finding)
    if call is not None:
        return None if call_fits(entry, *call_parts(call)) else "this call's arguments do not fit the rewrite"
    statement = calls.import_at(finding.line)
    if statement is None:
        if shape_of(entry) == "template" and entry.kind in ("function", "class"):
            return "only calls are rewritten"
        if entry.rename_keywords and not _keywords_kept(calls.attribute(finding), calls, entry):
            return "a call through another name would keep its old keywords"
        return None
    if not entry.rename_keywords and shape_of(entry) != "template":
        return None
    name = bound_to(statement, finding.api)
    if entry.rename_keywords:
        if name is None or not bindings.bound_once(name) \
                or imported_keywords(name, calls, dict(entry.rename_keywords)) is None:
            return "calls through the imported name would keep their old keywords"
        return None
    if name is None or "{receiver}" in entry.rewrite or not bindings.bound_once(name):
        return "only calls are rewritten"
    uses = [n for n in calls.naming(name) if isinstance(n, ast.Name) and n.id == name]
    called = {id(c.func): c for c in calls.all()}
    if not uses or not all(id(u) in called and call_fits(entry, *call_parts(called[id(u)])) for u in uses):
        return "only calls are rewritten, and only those whose arguments fit"
    return None


def _keywords_kept(node: ast.AST | None, calls: Spots, entry: Entry) -> bool:
    """Can this reference, not itself called, be renamed with the keywords the fixer renames
    (``fixes.transformer``)?  Yes where every call that can reach it is seen and takes the new
    keywords (``references.renamed_keywords``): ``f = parser.readfp; f(fp, filename=...)``
    renamed alone raises TypeError on every 3.x (``read_file`` takes ``source=``), so the fixer
    renames ``filename=`` there too."""
    return node is not None and renamed_keywords(node, calls, dict(entry.rename_keywords),
                                                 entry.replacement.rpartition(".")[2]) is not None


def _one_value(name: ast.Name, calls: Spots) -> ast.AST | None:
    """The value of the one plain assignment (``packed = raw.tostring()``) that binds ``name`` in
    its function (or module), when nothing else there binds it; else None."""
    parents = calls.parents()
    scope = scope_of(name, parents, calls.tree)
    values = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Name) and node.id == name.id and not isinstance(node.ctx, ast.Load):
            parent = parents.get(id(node))
            if not (isinstance(parent, ast.Assign) and parent.targets == [node]):
                return None
            values.append(parent.value)
        elif name.id in (getattr(node, "arg", None), getattr(node, "name", None), getattr(node, "asname", None)) \
                or isinstance(node, (ast.Global, ast.Nonlocal)) and name.id in node.names:
            return None  # a parameter, import, def, class, except ... as, match capture, global
    return values[0] if len(values) == 1 else None


def _chain_verdict(finding, entry: Entry, calls: Spots, bindings) -> str | None:
    """Why the fixer cannot replace this dotted name, or None: it rewrites ``imp.reload`` only
    where the chain's first name means the module everywhere in the file (``fixes.dotted``'s
    ``static_chain``); renaming only the last part (``thread.isAlive``) needs nothing of it."""
    node = calls.attribute(finding)
    if node is None:
        if _in_string(finding, calls):  # tqdm 4.28.1's getattr(sys, 'setcheckinterval')
            return "a name spelled in a string is not rewritten"
        return None  # a name brought in by a from-import: its import is what changes
    owner, _, leaf = finding.api.rpartition(".")
    if shape_of(entry) == "dotted" and entry.replacement.rpartition(".")[0] == owner and node.attr == leaf:
        return None
    chain, old = chain_of(node), finding.api.split(".")
    if chain is None or len(chain) > len(old) or old[len(old) - len(chain) + 1:] != chain[1:]:
        return "this spelling is not rewritten"
    if not bindings.means(chain[0], ".".join(old[:len(old) - len(chain) + 1])):
        return f"`{chain[0]}` is bound to something else in this file"
    return None


def _in_string(finding, calls: Spots) -> bool:
    """Does the finding start at a string literal (``getattr(sys, 'setcheckinterval')``)?"""
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str)
               and (n.lineno, n.col_offset) == (finding.line, finding.column - 1)
               for n in spanning(calls.tree, (finding.line,)))


def _in_import(finding, calls: Spots) -> bool:
    return any(n.lineno <= finding.line <= n.end_lineno for n in calls.statements())


def judge(findings: list, tree: ast.Module, entries, text: str | None = None, asked: set | None = None) -> list:
    from outmoded.fixes.bindings import collect

    calls = Spots(tree, text, asked)
    bindings = None
    result = []
    for finding in findings:
        entry = entries.get(finding.code)
        if finding.fix and entry is not None and written_names(entry) and not _in_import(finding, calls):
            bindings = bindings or collect(tree, text, asked)
            taken = _bound_otherwise(entry, bindings)
            if taken:
                finding = with_note(finding, None, f"no automatic fix: `{taken}` is bound to something else in "
                                                   "this file", entry)
        if finding.fix and in_debug_field(finding, tree, text):
            finding = with_note(finding, None, "no automatic fix: the f-string's `=` prints this expression's "
                                               "text, which the fix would change", entry)
        if finding.fix and entry is not None and no_quote_left(finding, entry.rewrite, tree, text):
            finding = with_note(finding, None, "no automatic fix: the f-strings around it take both quotes, and"
                                               " before Python 3.12 the string the fix writes can take neither", entry)
        if finding.fix and entry is not None and shape_of(entry) in ("dotted", "expression") \
                and entry.kind != "module" and not _in_import(finding, calls):
            bindings = bindings or collect(tree, text, asked)
            why = _chain_verdict(finding, entry, calls, bindings)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        if finding.fix == "unsafe" and entry is not None and entry.fix == "unsafe" \
                and entry.safe_with_one_specifier is not None and proven_safe(entry, calls.called(finding)):
            finding = replace(finding, fix="safe", message=without_unsafe_note(finding.message, entry))
        if finding.fix == "unsafe" and entry is not None and entry.fix == "unsafe" and entry.bytes_argument is not None:
            upgrade, why = bytes_verdict(entry, calls.called(finding), lambda name: _one_value(name, calls))
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
            elif upgrade == "safe":
                finding = replace(finding, fix="safe", message=without_unsafe_note(finding.message, entry))
        if finding.fix and entry is not None and shape_of(entry) == "replace-arg":
            upgrade, why = _argument_verdict(finding, entry, calls)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
            elif upgrade == "safe" and finding.fix == "unsafe":
                finding = replace(finding, fix="safe", message=without_unsafe_note(finding.message, entry))
        if finding.fix and entry is not None and shape_of(entry) == "positional-arg":
            why = _positional_verdict(finding, entry, calls)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        if finding.fix and entry is not None and shape_of(entry) == "drop-arg":
            why = _drop_verdict(finding, calls)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        if finding.fix and entry is not None and (entry.fields or entry.lost_members):
            why = broken_use(finding, entry, calls, tree)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        if finding.fix and entry is not None and (entry.rename_keywords or shape_of(entry) == "template"):
            if bindings is None:
                bindings = collect(tree, text, asked)
            why = _instance_verdict(finding, entry, calls, bindings)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        result.append(finding)
    where = gap(text) if any(_needs_libcst(f, entries) for f in result) else None
    if where is None:
        return retirements(result, calls, entries)
    # before: an import is not dropped for uses left; after: nor is a drop promised
    return _libcst_gap(retirements(_libcst_gap(result, entries, where), calls, entries), entries, where)


def _needs_libcst(finding, entries) -> bool:
    """Does ``fix`` need LibCST for this finding: it has a fix, and not a plain rename?"""
    entry = entries.get(finding.code)
    return bool(finding.fix) and entry is not None and plain_rename(
        edit_shape(entry, finding), finding.api, edit_replacement(entry), entry) is None


def _libcst_gap(findings: list, entries, where: str) -> list:
    """The findings whose fix needs LibCST lose it where LibCST would not reproduce the file
    (``libcstgaps``; ``where`` says where): ``fix`` refuses such a file and makes only its plain
    renames."""
    result = []
    for finding in findings:
        entry = entries.get(finding.code)
        if _needs_libcst(finding, entries):
            finding = with_note(finding, None, f"no automatic fix: LibCST, which this fix needs, would not write "
                                               f"back {where} as it is", entry)
        result.append(finding)
    return result
