"""Where a reference that is not called where it stands ends up called.

A rename reaches further than its spot when the old callable is handed on: ``f = parser.readfp``
then ``f(fp, filename=...)`` keeps ``filename=`` at a call the fixer never sees (``read_file``
takes ``source=``), and ``getspec = inspect.getargspec`` then ``a, b, c, d = getspec(func)``
unpacks four names from what is now ``getfullargspec``'s seven.  The planner follows such a
reference only as far as it can see every call of it: nowhere where nothing calls it (a
comparison's operand, the class ``isinstance``/``issubclass`` tests, an ``except`` clause's), and
through the one name it is assigned to in a function (also as ``getattr(p, 'read_file',
p.readfp)``'s default: navdoon's and portage's shapes) when every read of that name in the
function is a call of it.  A rename whose keywords follow it (the catalog's ``rename_keywords``)
renames them at each such call too (``renamed_keywords``: ``f(fp, source=...)``), which the planner
promises and the fixer does from the same answer; so does a name a from-import binds once
(``imported_keywords``: ``from ast import Num`` then ``Num(n=1)``).  Anything else (an argument, an attribute read such as
``ArgSpec._make``, a base class, a name of a module or class, which another module may import and
call with the old keywords) hands it where the planner does not look.
"""

from __future__ import annotations

import ast

from outmoded.fixability.spots import Spots, scope_of


def calls_through(node: ast.AST, calls: Spots, present: str | None = None) -> list[ast.Call] | None:
    """The calls that can call what ``node``, a reference not called where it stands, refers to;
    None when it is handed on where they cannot all be seen.  ``present``: the replacement's own
    name, which the fix's floor has: ``getattr(x, present, node)`` never falls back to ``node``
    there, so nothing calls it (PasteDeploy 2.0.1's class attribute ``read_file =
    getattr(ConfigParser, 'read_file', ConfigParser.readfp)``, read as ``self.parser.read_file``)."""
    parents = calls.parents()
    parent = parents.get(id(node))
    if isinstance(parent, ast.Tuple):
        node, parent = parent, parents.get(id(parent))
    if isinstance(parent, (ast.Compare, ast.ExceptHandler)):
        return []
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and len(parent.args) >= 2 \
            and parent.args[-1] is node and not parent.keywords:
        if parent.func.id in ("isinstance", "issubclass") and len(parent.args) == 2:
            return []
        if parent.func.id == "getattr" and len(parent.args) == 3:
            name = parent.args[1]
            if present is not None and isinstance(name, ast.Constant) and name.value == present:
                return []
            node, parent = parent, parents.get(id(parent))
    if not (isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)):
        return None
    name, scope = parent.targets[0].id, scope_of(parent, parents, calls.tree)
    if isinstance(scope, ast.Module):
        return None  # a module's (or a class's) name: another module may import it and call it
    found = []
    for read in ast.walk(scope):
        if isinstance(read, (ast.Global, ast.Nonlocal)) and name in read.names:
            return None  # bound for the module or an enclosing function, whose other readers are not seen
        if isinstance(read, ast.Name) and read.id == name and isinstance(read.ctx, ast.Load):
            call = parents.get(id(read))
            if not (isinstance(call, ast.Call) and call.func is read):
                return None
            found.append(call)
    return found


def renamed_keywords(node: ast.AST, calls: Spots, renames: dict, present: str | None = None) -> list[ast.keyword] | None:
    """The keywords to rename (``renames``: old -> new) at the calls through ``node``, a reference
    not called where it stands, so that they fit the replacement (``f = parser.readfp`` then
    ``f(fp, filename=name)`` -> ``f(fp, source=name)``); None where a call cannot be rewritten so:
    not every call is seen (``calls_through``), one unpacks ``**kwargs`` (it may hold an old
    name), or one already passes a new name.  The planner promises the fix only where this is
    not None; the fixer renames exactly these (``fixes.keywords.through_edits``)."""
    return _keywords(calls_through(node, calls, present), renames)


def calls_of_import(name: str, calls: Spots) -> list[ast.Call] | None:
    """The calls that can call what ``name``, bound once in the module by a from-import, refers
    to: each read of it is a call of it, or a reference ``calls_through`` follows; None where one
    hands it on where its calls cannot all be seen."""
    parents, found, seen = calls.parents(), [], set()
    for read in calls.naming(name):
        if read.__class__ is not ast.Name or read.id != name or read.ctx.__class__ is not ast.Load:
            continue
        call = parents.get(id(read))
        through = [call] if isinstance(call, ast.Call) and call.func is read else calls_through(read, calls)
        if through is None:
            return None
        found += [c for c in through if id(c) not in seen and not seen.add(id(c))]
    return found


def imported_keywords(name: str, calls: Spots, renames: dict) -> list[ast.keyword] | None:
    """``renamed_keywords`` for a name a from-import binds: ``from ast import Num`` then
    ``Num(n=1)`` -> ``from ast import Constant as Num`` and ``Num(value=1)``, as ``ast.Num(n=1)``
    -> ``ast.Constant(value=1)``."""
    return _keywords(calls_of_import(name, calls), renames)


def _keywords(through: list[ast.Call] | None, renames: dict) -> list[ast.keyword] | None:
    """The keywords of ``through`` that ``renames`` renames; None where the calls are not all
    known, or one unpacks ``**kwargs``, already passes a new name or passes one the replacement
    has no parameter for (``ctx=``, renamed to None: only a call of the renamed reference itself
    drops it, ``fixes.transformer``)."""
    if through is None:
        return None
    found = []
    for call in through:
        given = {k.arg for k in call.keywords}
        if None in given or any(k.arg in renames and renames[k.arg] in (None, *given) for k in call.keywords):
            return None
        found += [k for k in call.keywords if k.arg in renames]
    return found
