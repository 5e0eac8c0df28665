"""Move a ``from`` import to another module, and rename imported modules.

``from collections import Mapping, OrderedDict`` -> ``from collections import OrderedDict`` plus
``from collections.abc import Mapping`` on the next line.  The statement is rewritten where it
stands (inside a ``try``, a function, ...), never hoisted: a move must not change when the import
runs.  A name whose replacement has another leaf name (``encodestring`` -> ``encodebytes``) is
imported under its old name with ``as``, unless the module binds it exactly once, in which case its
uses are renamed (see ``renames``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import libcst as cst

from outmoded.fixes.env import Env
from outmoded.fixes.imports import alias_name, asname_of
from outmoded.fixes.names import dotted, resolve
from outmoded.fixes.plan import Edit


@dataclass(frozen=True)
class Target:
    """Where a from-imported name's replacement comes from."""

    kind: str  # "from": from module import name | "module": the replacement is a module | "builtin"
    module: Optional[str]
    name: str


@dataclass(frozen=True)
class Move:
    target: Target
    binds: Optional[str]  # the name the module goes on using, when not ``target.name``


def alias_target(edit: Edit) -> Optional[Target]:
    """How the replacement can be imported instead, or None (e.g. a method of a class)."""
    resolved = resolve(edit.replacement)
    parts = edit.replacement.split(".")
    if resolved is None:
        return None
    if resolved.module is None:  # ``zip``, ``bytes.maketrans``
        return Target("builtin", None, edit.replacement)
    if resolved.module == edit.replacement:
        return Target("module", resolved.module, parts[-1])
    if resolved.module.split(".") == parts[:-1]:
        return Target("from", resolved.module, parts[-1])
    return None


def plan_move(alias: cst.ImportAlias, original: cst.ImportAlias, edit: Edit, env: Env,
              module: Optional[str] = None) -> Optional[Move]:
    """``module``: the module the statement imports from, as written."""
    target = alias_target(edit)
    if target is None:
        return None
    target = through_six_moves(target, module)
    old, asname = alias_name(alias), asname_of(alias)
    if asname is not None:
        return Move(target, asname)
    if target.kind == "module":  # ``import a.b`` binds ``a``: keep the old name with ``as``
        return Move(target, None if target.module == old else old)
    # other code may use the old name: keep it bound, unless its uses are renamed
    renamed = old == target.name or original in env.renamed_aliases
    return Move(target, None if renamed else old)


def _alias(move: Move, like: Optional[cst.ImportAlias] = None) -> cst.ImportAlias:
    asname = None if move.binds is None else cst.AsName(name=cst.Name(move.binds))
    if like is not None and like.asname is not None and asname is not None:
        asname = like.asname.with_changes(name=cst.Name(move.binds))  # keep its spacing
    if like is None:
        return cst.ImportAlias(name=cst.Name(move.target.name), asname=asname)
    return like.with_changes(name=cst.Name(move.target.name), asname=asname)


def _last_without_comma(aliases: list[cst.ImportAlias], original: cst.ImportFrom) -> list[cst.ImportAlias]:
    had_trailing = original.rpar is not None and not isinstance(original.names[-1].comma, cst.MaybeSentinel)
    if aliases and not had_trailing:
        aliases[-1] = aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return aliases


def _from_statement(module: str, moves: list[Move]) -> cst.ImportFrom:
    aliases = [_alias(m).with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
               for m in moves]
    aliases[-1] = aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return cst.ImportFrom(module=dotted(module), names=aliases)


def _other_statement(move: Move) -> Optional[cst.BaseSmallStatement]:
    if move.target.kind == "module":
        asname = None if move.binds is None else cst.AsName(name=cst.Name(move.binds))
        return cst.Import(names=[cst.ImportAlias(name=dotted(move.target.module), asname=asname)])
    if move.binds is None:
        return None  # a builtin whose uses were renamed: nothing to bind
    return cst.Assign(targets=[cst.AssignTarget(cst.Name(move.binds))], value=dotted(move.target.name))


def split_import(node: cst.ImportFrom, moves: dict[int, Move]) -> tuple[Optional[cst.BaseSmallStatement], list]:
    """The statement with the moved names taken out (or retargeted, or replaced; None: removed),
    and the statements to add after it."""
    groups: dict[str, list[Move]] = {}
    others = []
    for index in sorted(moves):
        move = moves[index]
        if move.target.kind == "from":
            groups.setdefault(move.target.module, []).append(move)
        else:
            others.append(_other_statement(move))
    others = [s for s in others if s is not None]
    kept = [a for i, a in enumerate(node.names) if i not in moves]
    if kept:
        updated = node.with_changes(names=_last_without_comma(kept, node))
        return updated, [_from_statement(m, g) for m, g in groups.items()] + others
    if not groups:
        return (others[0], others[1:]) if others else (None, [])
    first = next(iter(groups))
    # every name moves: the statement itself is retargeted, keeping its layout and comments
    names = [_alias(moves[i], a) for i, a in enumerate(node.names) if moves[i].target.module == first
             and moves[i].target.kind == "from"]
    rest = [_from_statement(m, g) for m, g in groups.items() if m != first] + others
    return node.with_changes(module=dotted(first), names=_last_without_comma(names, node)), rest


def renamed_module(module: str, edit: Edit) -> Optional[str]:
    """``from sre_compile.x import y``: the module's new name, for a removed-module entry."""
    for name in edit.entry.names:
        if module == name or module.startswith(name + "."):
            return edit.replacement + module[len(name):]
    return None


def rename_import_alias(alias: cst.ImportAlias, edit: Edit) -> Optional[cst.ImportAlias]:
    """``import profile`` -> ``import cProfile as profile``: every use keeps working."""
    old = alias_name(alias)
    if old not in edit.entry.names:
        return None
    if alias.asname is None:
        if "." in old:
            return None  # ``import a.b`` is used as ``a.b.x``: no alias can stand for that
        return alias.with_changes(name=dotted(edit.replacement), asname=cst.AsName(name=cst.Name(old)))
    if cst.ensure_type(alias.asname.name, cst.Name).value == edit.replacement:
        return alias.with_changes(name=dotted(edit.replacement), asname=None)  # not `pickle as pickle`
    return alias.with_changes(name=dotted(edit.replacement))


def module_name(node: cst.ImportFrom) -> Optional[str]:
    if node.relative or node.module is None:
        return None
    return cst.Module([]).code_for_node(node.module)


def alias_edits(node: cst.ImportFrom, edits: list[Edit], shape: str = "dotted") -> dict[int, Edit]:
    """Which names of this statement the findings (already known to lie inside it) are about."""
    module = module_name(node)
    if module is None or isinstance(node.names, cst.ImportStar):
        return {}
    found = {}
    for index, alias in enumerate(node.names):
        full = f"{module}.{alias_name(alias)}"
        for edit in edits:
            if edit.shape == shape and edit.api in (full, six_moves(full)):
                found[index] = edit
    return found


def six_moves(name: str) -> str:
    """The name as Python 3 knows it when reached through ``six.moves`` (the scanner's
    ``Index.canonical``): ``six.moves.configparser.SafeConfigParser`` is a finding on
    ``configparser.SafeConfigParser``."""
    if "six.moves." not in name:
        return name
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import canonical

    return canonical(name, default_catalog().aliases)


def through_six_moves(target: Target, written: Optional[str]) -> Target:
    """The replacement imported from the module the statement names: ``from
    six.moves.configparser import SafeConfigParser`` becomes ``from six.moves.configparser import
    ConfigParser as SafeConfigParser``, as ``six.moves.configparser.SafeConfigParser`` becomes
    ``six.moves.configparser.ConfigParser``: the statement still imports through six."""
    if target.kind == "from" and written and written != target.module and six_moves(written) == target.module:
        return Target("from", written, target.name)
    return target
