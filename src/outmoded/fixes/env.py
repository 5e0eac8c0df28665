"""What the fix helpers share while one module is transformed."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from outmoded.fixes.bindings import Bindings
from outmoded.fixes.imports import ImportChanges


@dataclass
class Env:
    module: cst.Module  # the module being fixed: its newline and indent are used to print nodes
    bindings: Bindings
    imports: ImportChanges = field(default_factory=ImportChanges)
    renames: dict = field(default_factory=dict)  # original Name node -> new identifier
    renamed_aliases: set = field(default_factory=set)  # original ImportAlias nodes whose uses are renamed
    call_rewrites: dict = field(default_factory=dict)  # original Call of a from-imported function -> Edit
    wrapped: dict = field(default_factory=dict)  # id -> expression put in parentheses by a template
    mentioned: set = field(default_factory=set)  # names also used in strings of statements set aside

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)
