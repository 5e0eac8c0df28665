"""What a class attribute read through ``self`` can be: the classes the bodies of the class, of its
bases and of the project's classes deriving from it bind it to.

pyftpdlib 2.2.0's tests read ``if hasattr(self.client_class, "ssl_version"): conn =
ssl.wrap_socket(conn)`` in ``TestFtpStoreData``, whose body binds ``client_class = ftplib.FTP``;
``test_functional_ssl.py`` derives ``TestFtpStoreDataTLSMixin(TLSTestMixin, TestFtpStoreData)``,
where ``TLSTestMixin`` binds ``client_class = FTPSClient``, an ``ftplib.FTP_TLS`` of its own.
From 3.12 neither class has ``ssl_version`` (FTP_TLS's was removed), so the probe is false and
its body never runs there, whichever class runs the test.  ``lacking`` answers that: every class
the attribute can be, in every class of the hierarchy that can give it to ``self``, lacks the
name on the target (a stdlib class by its real interpreter's members listing, a project class by
its body and its bases).  Unknown, so no answer, wherever anything is not told: a value other
than a class's name, a base outside the project and the listings, a class nested in a function,
an attribute a file of the hierarchy assigns elsewhere (``self.client_class = ...``).
"""

from __future__ import annotations

import ast

from outmoded import guards
from outmoded.stdnames import STDLIB
from outmoded.summaries import ClassInfo

LIMIT = 200  # classes visited before giving up
_TYPE_NAMES = frozenset(dir(type))


def lacking(project, path: str, class_name: str, line: int | None, attr: str, name: str,
            target: tuple[int, int], removed) -> bool:
    """Is ``hasattr(self.<attr>, name)`` false on ``target`` in a method of ``class_name``, the
    module-level class of ``path`` whose statement is on ``line``?  ``removed``: the catalog's
    removed names on the target."""
    if name in _TYPE_NAMES:
        return False  # a class has what its metaclass has (mro)
    info = project.local_class(path, class_name)
    if not isinstance(info, ClassInfo):
        return False
    node = project.class_def(info)
    if node is None or (line is not None and node.lineno != line):
        return False  # a class of that name nested elsewhere in the module
    # The class itself is one of the hierarchy: what its own file and body tell decides first,
    # before the project's other classes are read (Twisted 18.9's pop3.py, factory = None).
    own = _body_values(project, info, attr) if _unassigned(info.path, attr) else None
    if own is None or not all(_lacks(project, value, name, target, removed, 0) for value in own):
        return False
    hierarchy = _hierarchy(project, info, attr, target)
    if hierarchy is None:
        return False
    values = []  # the other classes' (the own ones lack the name)
    for cls in hierarchy:
        if cls is info:
            continue
        if not _unassigned(cls.path, attr):
            return False
        found = _body_values(project, cls, attr)
        if found is None:
            return False
        values += found
    return bool(own or values) and all(_lacks(project, value, name, target, removed, 0) for value in values)


def _hierarchy(project, info: ClassInfo, attr: str, target: tuple[int, int]) -> list[ClassInfo] | None:
    """``info``, the project classes deriving from it (at any depth) and the ancestors of each:
    every class whose body can bind an attribute ``self`` reads in ``info``'s methods.  None when
    an ancestor is neither a project class nor a stdlib class whose members listing lacks
    ``attr`` (what it gives is not told)."""
    from outmoded.present import has_member

    descendants, todo = [info], [info]
    while todo and len(descendants) < LIMIT:
        for user in project.users_of(todo.pop()):
            if all(user is not d for d in descendants):
                descendants.append(user)
                todo.append(user)
    if todo:
        return None
    found: list[ClassInfo] = []
    todo = list(descendants)
    while todo:
        current = todo.pop()
        if any(current is f for f in found):
            continue
        found.append(current)
        if len(found) > LIMIT:
            return None
        for base in current.bases:
            resolved = project.resolve(base, current.path) if isinstance(base, str) else None
            if isinstance(resolved, ClassInfo):
                todo.append(resolved)
            elif not isinstance(base, str) or isinstance(resolved, (bool, guards.VersionValue)):
                return None
            elif (resolved or base) != "builtins.object" and has_member(resolved or base, attr, target) is not False:
                return None
    return found


def _unassigned(path: str, attr: str) -> bool:
    """Does the file assign ``attr`` only in class bodies (no ``x.attr = ``, no ``setattr``)?"""
    import os
    import re  # only here: importing it costs a one-file check (outmoded.lazyre)

    from outmoded import reads

    path = os.path.abspath(path)
    reads.read(path)  # the verdict depends on this file's version
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(rf"\.{re.escape(attr)}\s*(?:=[^=]|:[^\n=]*=[^=])|setattr\(", text) is None


def _body_values(project, info: ClassInfo, attr: str) -> list | None:
    """What ``info``'s body binds ``attr`` to (qualified names, ClassInfo), [] when it does not
    bind it; None when it binds it otherwise than by a plain assignment of a name."""
    if attr not in info.members:
        return []
    node = project.class_def(info)
    if node is None:
        return None
    values = []
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Name) for t in stmt.targets):
            if any(t.id == attr for t in stmt.targets):
                value = _qualified(project, info.path, stmt.value)
                if value is None:
                    return None
                values.append(value)
        elif attr in _bound_by(stmt):
            return None
    return values or None


def _bound_by(stmt: ast.stmt) -> set[str]:
    """The names a class body statement other than a plain assignment may bind."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)} | {
        (a.asname or a.name).split(".")[0] for n in ast.walk(stmt) if isinstance(n, (ast.Import, ast.ImportFrom))
        for a in n.names}


def _qualified(project, path: str, node: ast.expr):
    """A class body's value, ``ftplib.FTP`` or ``FTPSClient``, as its module binds the name:
    a qualified name or the project's ClassInfo; None otherwise."""
    from outmoded.fixability.spots import chain_of

    parts = chain_of(node)
    summary = project.summary(path) if parts else None
    if summary is None:
        return None
    if len(parts) == 1 and parts[0] in summary.classes:
        return summary.classes[parts[0]]
    module = summary.imports.get(parts[0])
    if not module:
        return None
    qualified = ".".join([module] + parts[1:])
    resolved = project.resolve(qualified, path) if qualified.split(".")[0] not in STDLIB else None
    return resolved if isinstance(resolved, ClassInfo) else qualified


def _lacks(project, value, name: str, target: tuple[int, int], removed, depth: int) -> bool:
    """Does the class ``value`` (a qualified name or ClassInfo) certainly lack ``name`` on
    ``target``: a stdlib class whose members listing there lacks it (or whose member the catalog
    removed), a project class that binds no such name and whose bases all lack it?"""
    from outmoded.present import has_member

    if depth > 8:
        return False
    if isinstance(value, str):
        if value == "builtins.object":
            return not (name.startswith("__") and name.endswith("__"))
        return value.split(".")[0] in STDLIB and (f"{value}.{name}" in removed or has_member(value, name, target) is False)
    if name in value.members:
        return False
    for base in value.bases:
        if not isinstance(base, str):
            return False
        resolved = project.resolve(base, value.path)
        if not _lacks(project, resolved if isinstance(resolved, (ClassInfo, str)) else base, name,
                      target, removed, depth + 1):
            return False
    return True
