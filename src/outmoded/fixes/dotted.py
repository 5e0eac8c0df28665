"""Replace a dotted name: ``collections.Mapping`` -> ``collections.abc.Mapping``.

When the replacement lives in the same module (or class) the user already reaches through a
plain ``import`` -- ``ast.Constant.n`` -> ``ast.Constant.value``, ``asyncio.events.X`` ->
``asyncio.X`` -- the user's own spelling of that prefix is kept.  Otherwise the full replacement is
written and its module imported, and the import the old spelling went through is released.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from outmoded.fixes.env import Env
from outmoded.fixes.names import chain_parts, chain_prefix, dotted, extend, resolve
from outmoded.fixes.plan import Edit


def _common(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _reuse(node: cst.Attribute, chain: list[str], old: list[str], new: list[str], env: Env):
    offset = len(old) - len(chain)  # chain[i] stands for old[offset + i]
    resolved = resolve(".".join(new))
    if resolved is None or resolved.module is None:
        return None
    if not env.bindings.is_plain_import(chain[0], ".".join(old[:offset + 1])):
        return None
    common = _common(old, new)
    if common < max(offset + 1, len(resolved.module.split("."))):
        return None
    return extend(chain_prefix(node, common - offset), new[common:])


def static_chain(node: cst.Attribute, api: str, env: Env) -> Optional[list[str]]:
    """The user's ``a.b.c`` when it names ``api`` through imports alone; None for anything else,
    such as a method reached through an instance (``task.current_task``)."""
    chain = chain_parts(node)
    old = api.split(".")
    if chain is None or len(chain) > len(old) or old[len(old) - len(chain) + 1:] != chain[1:]:
        return None
    if not env.bindings.means(chain[0], ".".join(old[:len(old) - len(chain) + 1])):
        return None
    return chain


def _retire_submodule_imports(root: str, edit: Edit, env: Env) -> None:
    """``typing.io.IO`` -> ``typing.IO`` through ``import typing.io``: that import fails on the
    target, so once nothing reads ``typing.io.`` any more it becomes ``import typing``."""
    for b in env.bindings.imports_of(root):
        if b.kind == "import" and b.asname is None and "." in b.module and edit.api.startswith(b.module + ".") \
                and not edit.replacement.startswith(b.module + "."):
            env.imports.retire.add(b.module)


def replace_dotted(node: cst.Attribute, edit: Edit, env: Env) -> Optional[cst.BaseExpression]:
    chain = static_chain(node, edit.api, env)
    if chain is None:
        return None
    old, new = edit.api.split("."), edit.replacement.split(".")
    result = _reuse(node, chain, old, new, env)
    if result is not None:
        _retire_submodule_imports(chain[0], edit, env)
    else:
        resolved = resolve(edit.replacement)
        if resolved is None or not env.bindings.writable(resolved.root, resolved.module):
            return None
        env.imports.need(resolved)
        env.imports.release(chain[0], env.bindings)
        result = dotted(edit.replacement)
    return result.with_changes(lpar=node.lpar, rpar=node.rpar)
