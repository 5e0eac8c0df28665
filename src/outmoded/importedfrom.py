"""Names a module's imports bind that another module of the project imports from it, so ``fix``
keeps the import that binds them even where this module's own uses are all rewritten.

pex 2.105.2's vendored pyparsing (``packaging_21_3/pyparsing``): ``core.py`` does ``import
sre_constants`` (removed in 3.15), and ``helpers.py`` reads ``sre_constants.error`` after ``from
.core import *``.  Dropping the import once ``core.py``'s own ``sre_constants.error`` became
``re.error`` left ``helpers.py``'s handler raising NameError on every Python the project supports;
``from pkg.core import sre_constants`` elsewhere fails at import, and so does
``pkg.core.sre_constants`` after ``import pkg.core``.  Looked for: ``from <module> import name``
(any alias, relative or absolute), ``<module>.name`` through an import of the module (``import
pkg.core``, ``from pkg import core``, an alias) and, where the module defines no ``__all__``,
``from <module> import *`` in a file reading the name.  Only the files naming the word are parsed
(``projectfiles.mentioning``); a tree too large to read keeps every import.
"""

from __future__ import annotations

import os


def imported_from(path: str, names, star: bool = True) -> set:
    """The names among ``names`` that another project file imports from the module at ``path``
    (``star``: a star import of it binds them, the module defining no ``__all__``)."""
    from outmoded.layout import module_of
    from outmoded.projectfiles import mentioning, parsed, project_root

    path = os.path.abspath(path)
    dotted, root, _ = module_of(path)
    if not names or not dotted:
        return set()
    top = project_root(os.path.dirname(path)) or root
    leaf = dotted.rpartition(".")[2].encode()
    found = set()
    for name in names:
        others = mentioning(top, name, alone=True)
        if others is None:  # too large to tell
            found.add(name)
            continue
        for other, data in others:
            if other == path or leaf not in data:
                continue
            tree = parsed(other)
            if tree is not None and _imports(tree, other, dotted, name, star):
                found.add(name)
                break
    return found


def defines_all(tree) -> bool:
    """Does the module bind ``__all__`` at its top level (then a star import binds only what it lists)?"""
    import ast

    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(
            stmt, (ast.AugAssign, ast.AnnAssign)) else ()
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return True
    return False


def _imports(tree, path: str, dotted: str, name: str, star: bool) -> bool:
    import ast

    from outmoded.fixability.spots import chain_of
    from outmoded.layout import absolute

    starred = False
    spellings = set()  # what names the module itself there: ``pkg.compat``, ``compat``, an alias
    for node in ast.walk(tree):
        if node.__class__ is ast.Import:
            spellings.update(a.asname or a.name for a in node.names if a.name == dotted)
            continue
        if node.__class__ is not ast.ImportFrom:
            continue
        module = absolute(path, node.level, node.module) if node.level else node.module
        if module is not None and module != dotted:
            spellings.update(a.asname or a.name for a in node.names if f"{module}.{a.name}" == dotted)
        if module != dotted:
            continue
        for alias in node.names:
            if alias.name == name:
                return True
            starred = starred or (star and alias.name == "*")
    if spellings and any(n.__class__ is ast.Attribute and n.attr == name
                         and ".".join(chain_of(n.value) or ()) in spellings for n in ast.walk(tree)):
        return True  # ``import pkg.compat`` then ``pkg.compat.sre_constants``
    return starred and any(n.__class__ is ast.Name and n.id == name and n.ctx.__class__ is ast.Load
                           for n in ast.walk(tree))

