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
a text pass (``projectfiles.mentions``) and only those that write ``.name =`` or ``setattr(`` with
the name are summarized; asked only for a finding about to be reported.  The verdict depends on
the files its imports are followed through (each read recorded), not on the text pass over the
tree (every verdict with a finding would depend on every file).  When no file writes the name,
the files the import statements' text reaches count (``_reachable``, no parsing): one of them
edited to put the name back drops the cached verdict; a module nothing reaches cannot matter.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.layout import absolute, find_module, inits_above, module_of
from outmoded.projectfiles import memo, mentions, project_root
from outmoded.source import open_regular

MAX_DEPTH = 4  # import hops followed from the file with the finding


def restored(project, path: str, api: str) -> bool:
    """Does a project module that ``path`` imports (see the module docstring) assign ``api``?"""
    leaf = api.rpartition(".")[2]
    if not leaf.isidentifier() or "." not in api:
        return False  # a module (put back by a module of that name), not a module's or a class's member
    absolute_path = os.path.abspath(path)
    top = project_root(os.path.dirname(absolute_path)) or module_of(absolute_path)[1]
    candidates = _writers(top, leaf)
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
    return False


def _writers(top: str, leaf: str) -> tuple:
    """The project files whose text assigns an attribute named ``leaf`` of something other than
    ``self``/``cls`` (``X.leaf = ...``, ``setattr(X, "leaf", ...)``), once per run for each name;
    what the verdict reads of them is their summary's."""
    with reads.unrecorded():  # where the answer can be; what it depends on is what the imports reach
        return _writing(top, leaf)


@memo
def _writing(top: str, leaf: str) -> tuple:
    word = leaf.encode()
    assigned = re.compile(rb"\.%s[ \t]*=[^=]" % word)  # a literal first: sre finds it fast
    named = re.compile(rb"setattr\([^\n]*['\"]%s['\"]" % word)

    def writes(data: bytes) -> bool:
        return any(data[max(0, m.start() - 4):m.start()] != b"self" and data[max(0, m.start() - 3):m.start()] != b"cls"
                   for m in assigned.finditer(data)) or named.search(data) is not None

    return tuple(path for path, data in mentions(top, leaf) or () if writes(data))


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
