"""Decide, before transforming, which from-imported names get their uses renamed.

``from base64 import encodestring`` becomes ``from base64 import encodebytes`` with every
``encodestring`` in the module renamed (``from itertools import izip``: the import goes and every
``izip`` becomes ``zip``) -- but only when the module binds that name exactly once (so every use
means the import), the new name is not used anywhere (a builtin may be: it means the same), and
the old name is not exported through ``__all__``.  Otherwise the import keeps the old name: ``import encodebytes as
encodestring``.  The uses are found by LibCST's scope analysis, so a rename never touches an
attribute or keyword of the same spelling.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, ScopeProvider

from outmoded.fixes.env import Env
from outmoded.fixes.imports import alias_name, asname_of
from outmoded.fixes.moves import alias_edits, alias_target
from outmoded.fixes.plan import Edit
from outmoded.fixes.templates import arity_fits, placeholders


def _uses(scopes, statement: cst.ImportFrom, name: str) -> Optional[list[cst.Name]]:
    scope = scopes.get(statement)
    if scope is None:
        return None
    nodes = [r.node for a in scope.assignments[name] if a.node is statement for r in a.references]
    # a use inside a string annotation cannot be renamed as a Name: keep the old name then
    return nodes if all(isinstance(n, cst.Name) for n in nodes) else None


def plan_renames(wrapper: MetadataWrapper, statements: list[tuple[cst.ImportFrom, list[Edit]]], env: Env) -> None:
    """Fill ``env.renames`` / ``env.renamed_aliases`` for the statements (with their edits)."""
    scopes = None
    for statement, edits in statements:
        for index, edit in alias_edits(statement, edits).items():
            alias, target = statement.names[index], alias_target(edit)
            old = alias_name(alias)
            if target is None or target.kind == "module" or alias.asname is not None or target.name == old \
                    or "." in target.name:
                continue
            if old in env.mentioned or not env.bindings.renamable(old, target.name,
                                                                  builtin=target.kind == "builtin"):
                continue  # a string annotation set aside would keep the old name
            scopes = scopes or wrapper.resolve(ScopeProvider)
            uses = _uses(scopes, statement, old)
            if uses is not None:
                env.renamed_aliases.add(alias)
                env.renames.update(dict.fromkeys(uses, target.name))


def _calls(wrapper: MetadataWrapper, uses: list[cst.Name], entry) -> Optional[list[cst.Call]]:
    parents = wrapper.resolve(ParentNodeProvider)
    calls = [parents.get(use) for use in uses]
    if all(isinstance(c, cst.Call) and c.func is u and arity_fits(c, entry) for c, u in zip(calls, uses)):
        return calls
    return None


def plan_call_rewrites(wrapper: MetadataWrapper, statements: list[tuple[cst.ImportFrom, list[Edit]]],
                       env: Env) -> None:
    """``from unittest import makeSuite`` ... ``makeSuite(T)``: the scanner reports the import;
    when the name is bound once and every use is a call the template fits, the calls are
    rewritten (``env.call_rewrites``) and the import, then unused, goes."""
    scopes = None
    for statement, edits in statements:
        for index, edit in alias_edits(statement, edits, shape="template").items():
            alias = statement.names[index]
            name = asname_of(alias) or alias_name(alias)
            if "receiver" in placeholders(edit.replacement) or not env.bindings.bound_once(name):
                continue
            scopes = scopes or wrapper.resolve(ScopeProvider)
            uses = _uses(scopes, statement, name)
            calls = _calls(wrapper, uses, edit.entry) if uses else None
            if calls:
                env.call_rewrites.update(dict.fromkeys(calls, edit))
