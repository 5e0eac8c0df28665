"""Removed names a project puts back: a module whose top-level code assigns the removed attribute
on the standard-library object gives it back to the whole process once it is imported.

psycopg2 2.9's ``tests/testutils.py`` does ``unittest.TestCase.assert_ =
unittest.TestCase.assertTrue`` (and ``failUnless``, ``assertEquals``, ``failUnlessEqual``) when
the running unittest lacks them; every test module imports it (or runs inside the ``tests``
package, whose ``__init__`` imports modules that do), so ``self.assert_(...)`` works on 3.13.
So does a stdlib module's member: pynose 1.5.5's nose/util.py and nose/plugins/manager.py do ``if not
hasattr(inspect, "getargspec"): inspect.getargspec = lambda func: inspect.getfullargspec(func)[:4]``
at their top level, then call ``inspect.getargspec`` in their functions.
``restored(project, path, api)``: does a module that ``path`` imports at its top level (directly,
through other project modules, or through the ``__init__`` of a package it sits in) assign
``api``, a member of a stdlib class (``unittest.TestCase.assert_``) or module (``inspect.getargspec``)?  Project files are found by
a search of the tree's joined text (``projectfiles.sources``) for ``module.name =`` (a module's
member, written on the module's own name: an alias, ``import inspect as i; i.getargspec = ...``,
is not looked for) or ``.name =`` (a class's member), and ``setattr(`` naming it; only those
are summarized; asked only for a finding about to be reported.  The verdict depends on
the files its imports are followed through (each read recorded), not on the text pass over the
tree (every verdict with a finding would depend on every file).  When no file writes the name,
the files the import statements' text reaches count (``_reachable``, no parsing): one of them
edited to put the name back drops the cached verdict; a module nothing reaches cannot matter.

A whole module is put back by ``sys.modules["name"] = ...`` (``module_restored``): zc.buildout
6.0.1's ``zc/buildout/__init__.py`` installs its vendored copy of setuptools 81's
``pkg_resources`` so, before its own ``from pkg_resources import ...`` and those of every module of
the package (``import zc.buildout.buildout`` works on the real 3.13.18 with setuptools 84.2.1,
which has no ``pkg_resources``).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right

from outmoded import reads
from outmoded.layout import absolute, find_module, inits_above, module_of
from outmoded.projectfiles import SETATTR, memo, project_root, sources
from outmoded.source import open_regular

MAX_DEPTH = 4  # import hops followed from the file with the finding


def restored(project, path: str, api: str, in_function: bool = False, target: tuple[int, int] | None = None,
             line: int | None = None) -> bool:
    """Does a project module that ``path`` imports (see the module docstring) assign ``api``?
    Not asked of a member of a module removed on the target (``Scanner.report``: it cannot be
    imported to be assigned on).  With ``target``, also: does ``path`` call a project function
    that assigns it first (``calledrestorers``; ``in_function``: the code is in a function of
    ``path``, which its autouse fixtures run before; else the read is at the top level, on
    ``line``, and only a call before it counts)?"""
    owner, _, leaf = api.rpartition(".")
    if not leaf.isidentifier() or not owner:
        return False  # a module (put back by a module of that name), not a module's or a class's member
    if owner.startswith("builtins."):
        return False  # nothing to put it on: a builtin type's members cannot be set
    absolute_path = os.path.abspath(path)
    top = project_root(os.path.dirname(absolute_path)) or module_of(absolute_path)[1]
    # a module's member written on the module's name (``inspect.getargspec = ...``: a search of
    # the tree for the longer word costs half of one for ``.getargspec``); a class's, on any name
    candidates = _writers(top, leaf, "" if "." in owner else owner)
    if not candidates:  # the answer is no; what would change it is an edit to a module it reaches
        if reads.KEPT:  # they matter to a results cache only: a run without one does not walk them
            _reachable(absolute_path)
        return False
    reached = _imported(project, absolute_path)
    for other in candidates:
        if other in reached:
            summary = project.summary(other)
            if summary is not None and api in summary.assigned:
                return True
    if target is not None:
        from outmoded.calledrestorers import put_back

        return put_back(absolute_path, api, in_function, target, candidates, line)
    return False


def module_restored(path: str, module: str, line: int) -> bool:
    """Does the module at ``path`` assign ``sys.modules["module"]`` (a string literal, either
    quote) on a line before ``line``, or the ``__init__.py`` of a package it sits in (which
    importing it runs first) anywhere?  Read as text, each file read counting for the verdict."""
    first = _sys_modules_line(os.path.abspath(path), module)
    return bool(first and first < line) or any(_sys_modules_line(init, module) for init in inits_above(path))


@memo
def _sys_modules_line(path: str, module: str) -> int:
    """The first line of the file at ``path`` assigning ``sys.modules["module"]``, or 0."""
    reads.read(path)
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except OSError:
        return 0
    if b"sys.modules" not in data:
        return 0
    found = re.search(rb"""\bsys\.modules\[\s*(['"])%s\1\s*\]\s*=(?!=)""" % re.escape(module.encode()), data)
    return data.count(b"\n", 0, found.start()) + 1 if found else 0


def _writers(top: str, leaf: str, module: str = "") -> tuple:
    """The project files whose text assigns an attribute named ``leaf`` (``X.leaf = ...``, not on
    ``self``/``cls``; ``module.leaf = ...`` when ``module`` is given) or names it in a
    ``setattr(``, once per run for each; what the verdict reads of them is their summary's."""
    with reads.unrecorded():  # where the answer can be; what it depends on is what the imports reach
        return _writing(top, leaf, module)


NAMED_RE = re.compile(rb"""['"](\w+)(?=['"])""")  # a quoted name after ``setattr(`` on its line


@memo
def _writing(top: str, leaf: str, module: str) -> tuple:
    """``_writers``, in walk order: each ``module.leaf`` (or ``.leaf``) of the tree's joined text
    (one ``find`` a name: ~8M instructions for ``inspect.getargspec`` on Twisted 18.9's 12 MB,
    ~19M for ``.join``) followed by ``[ \t]*=`` and not ``==``; the files whose ``setattr(``
    names it."""
    tree = sources(top)
    if tree is None:
        return ()
    text, size, starts = tree.text, tree.size, tree.starts
    needle, word = f"{module}.{leaf}".encode(), leaf.encode()
    # the files naming the name, a whole word in both ways of writing it, and the module's name
    # (``string.join =``) or ``setattr``: the first pass's words say which (``Tree.naming``)
    calling = tree.naming(word, SETATTR)
    if calling is None:
        found = set(_setattr_names(top).get(word, ()))
    else:
        found = {index for start, end in calling for index in _setattr_naming(tree, word, start, end)}
    spans = tree.naming(word, module.encode()) if module else tree.naming(word)
    if spans is None:
        spans = ((0, size),)
    for start, end in spans:
        at = text.find(needle, start, end)
        while at >= 0:
            after = at + len(needle)
            while after < size and text[after] in b" \t":
                after += 1
            if after + 1 < size and text[after] == 61 and text[after + 1] != 61:  # ``=`` then not ``=``
                index = bisect_right(starts, at) - 1
                before = text[max(starts[index], at - 4):at]
                if module or (before != b"self" and before[-3:] != b"cls"):
                    found.add(index)
            at = text.find(needle, at + len(needle), end)
    return tuple(tree.paths[index] for index in sorted(found))


@memo
def _setattr_names(top: str) -> dict:
    """The names quoted after ``setattr(`` on its line in the Python files under ``top`` (one
    search of the tree's joined text for every name a run asks about), with the indices of those
    files in ``sources(top)``."""
    tree, found = sources(top), {}
    for index, name in _setattrs(tree, 0, tree.size):
        found.setdefault(name, set()).add(index)
    return found


def _setattr_naming(tree, word: bytes, start: int, end: int) -> set:
    """The indices of the files in ``tree.text[start:end]`` whose ``setattr(`` names ``word``."""
    return {index for index, name in _setattrs(tree, start, end) if name == word}


def _setattrs(tree, start: int, stop: int):
    """(file index, name) of each name quoted after ``setattr(`` on its line in
    ``tree.text[start:stop]`` (whole files)."""
    text, starts, size = tree.text, tree.starts, tree.size
    at = text.find(b"setattr(", start, stop)
    while at >= 0:
        index = bisect_right(starts, at) - 1
        end = starts[index + 1] - 1 if index + 1 < len(starts) else size  # the file's own bytes
        line_end = text.find(b"\n", at, end)
        for name in NAMED_RE.findall(text[at:end if line_end < 0 else line_end]):
            yield index, name
        at = text.find(b"setattr(", at + 8, stop)


@memo
def _imported(project, path: str) -> set:
    """The project files ``path`` imports at its top level, up to ``MAX_DEPTH`` hops away, with
    the ``__init__.py`` of each package they sit in (importing a module runs them first)."""

    def imports(current: str):
        summary = project.summary(current)
        return () if summary is None else set(summary.imports.values())

    return _walk(path, imports, _find)


@memo
def _reachable(path: str) -> set:
    """More than ``_imported(path)``, read from the text of import statements anywhere in each file
    (no parsing): each file read counts for the verdict (``outmoded.reads``).  When no project
    file writes the name, the verdict depends on these: one edited to put it back changes it."""
    return _walk(path, _written_imports, _find_written)


def _written_imports(path: str) -> set:
    """The project modules ``path``'s import statements name, as (dotted name, from-name): the
    module first, the submodule only where the module is a package; standard-library names are
    not looked for in the project."""
    from outmoded.importlines import scan_imports
    from outmoded.stdnames import STDLIB

    reads.read(path)
    try:
        with open_regular(path) as handle:
            found = scan_imports(handle.read())
    except OSError:
        return set()
    names = set()
    for raw, imported in [(m, False) for m in found.modules] + [(n, True) for n in found.names]:
        text = raw.decode("utf-8", "replace")
        level = len(text) - len(text.lstrip("."))
        if not level:
            if text.partition(".")[0] not in STDLIB:
                names.add((text, imported))
            continue
        rest = text[level:]
        up = level - 1 if imported and "." not in rest else level  # "..a": ``from . import a``, looked for as is
        dotted = absolute(path, up, rest or None)
        if dotted:
            names.add((dotted, imported and up == level))
    return names


def _find_written(name: tuple, current: str) -> str | None:
    dotted, imported = name
    if not imported:
        return find_module(dotted, current)
    module = find_module(dotted.rpartition(".")[0], current)  # from module import name
    if module is not None and module.endswith("__init__.py"):
        return find_module(dotted, current) or module
    return module


def _walk(path: str, imports, find) -> set:
    """``path`` and the project files ``imports(file)`` leads to from it (``find(name, file)``), up to
    ``MAX_DEPTH`` hops away, with the ``__init__.py`` of each package they sit in.  Breadth first,
    a package's ``__init__`` at its module's depth (in front of the queue), so each file is taken
    at its fewest hops: depth first, a file first met at the last hop by a long way was not
    followed when a short way reached it too, and which way came first followed the order of a
    set of names, which changes with the hash seed (a finding reported in one run, not the next)."""
    from collections import deque

    seen, todo = set(), deque([(path, 0)])
    found: dict = {}  # (name, directory, stub) -> the file: find_module answers alike from one directory
    while todo:
        current, depth = todo.popleft()
        if current in seen:
            continue
        seen.add(current)
        for init in inits_above(current):  # run first, each looked for recorded
            if init not in seen:
                todo.appendleft((init, depth))
        if depth >= MAX_DEPTH:
            continue
        where = (os.path.dirname(current), current.endswith(".pyi"))
        for qualified in imports(current):
            key = (qualified, *where)
            module = found[key] if key in found else found.setdefault(key, find(qualified, current))
            if module is not None and module not in seen:
                todo.append((module, depth + 1))
    return seen


def _find(qualified: str, current: str) -> str | None:
    module = find_module(qualified, current)
    if module is None and "." in qualified:  # from module import name
        module = find_module(qualified.rpartition(".")[0], current)
    return module
