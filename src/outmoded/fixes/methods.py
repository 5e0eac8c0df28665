"""Rename a method or attribute: ``thread.isAlive()`` -> ``thread.is_alive()``,
``error.filename`` -> ``error.source``.

Applies when the replacement lives on the same class (or module) as the removed name: then only
the attribute changes, and the receiver -- an instance, a class, a module alias -- stays as written.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from outmoded.fixes.plan import Edit


def rename_attribute(node: cst.Attribute, edit: Edit) -> Optional[cst.Attribute]:
    owner, _, old_leaf = edit.api.rpartition(".")
    new_owner, _, new_leaf = edit.replacement.rpartition(".")
    if owner != new_owner or node.attr.value != old_leaf:
        return None
    return node.with_changes(attr=node.attr.with_changes(value=new_leaf))
