"""Removed names a project puts back: a module whose top-level code assigns the removed attribute
on the standard-library object gives it back to the whole process once it is imported.

psycopg2 2.9's ``tests/testutils.py`` does ``unittest.TestCase.assert_ =
unittest.TestCase.assertTrue`` (and ``failUnless``, ``assertEquals``, ``failUnlessEqual``) when
the running unittest lacks them; every test module imports it (or runs inside the ``tests``
package, whose ``__init__`` imports modules that do), so ``self.assert_(...)`` works on 3.13.
``restored(project, path, api)``: does a module that ``path`` imports at its top level (directly,
through other project modules, or through the ``__init__`` of a package it sits in) assign
``api``, a member of a stdlib class (``unittest.TestCase.assert_``)?  Project files are found by a text pass (``projectfiles.mentions``) and only those that
write ``.name =`` or ``setattr(`` with the name are summarized; asked only for a finding about to
be reported.  The verdict depends on the files that put the name back and on those its imports
are followed through; not on the text pass over the tree (every verdict with a finding would
depend on every file), so a module made to put a name back is seen by the cached verdicts of
the files whose imports reach it once one of those files changes.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.layout import find_module, inits_above, module_of
from outmoded.projectfiles import memo, mentions, project_root

MAX_DEPTH = 4  # import hops followed from the file with the finding


def restored(project, path: str, api: str) -> bool:
    """Does a project module that ``path`` imports (see the module docstring) assign ``api``?"""
    leaf = api.rpartition(".")[2]
    if not leaf.isidentifier() or api.count(".") < 2:
        return False  # a class's member (a module's own names are put back by a module of that name)
    absolute_path = os.path.abspath(path)
    top = project_root(os.path.dirname(absolute_path)) or module_of(absolute_path)[1]
    candidates = _writers(top, leaf)
    if not candidates:
        return False
    providers = set()
    for other in candidates:
        summary = project.summary(other)
        if summary is not None and api in summary.assigned:
            providers.add(other)
    if not providers:
        return False
    if absolute_path in providers:
        return True
    return bool(_imported(project, absolute_path) & providers)


def _writers(top: str, leaf: str) -> tuple:
    """The project files whose text assigns an attribute named ``leaf`` of something other than
    ``self``/``cls`` (``X.leaf = ...``, ``setattr(X, "leaf", ...)``), once per run for each name;
    what the verdict reads of them is their summary's."""
    with reads.unrecorded():  # a new file that puts a name back is seen once an importer changes
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


def _imported(project, path: str) -> set:
    """The project files ``path`` imports at its top level, up to ``MAX_DEPTH`` hops away, with
    the ``__init__.py`` of each package they sit in (importing a module runs them first)."""
    seen, todo = set(), [(path, 0)]
    while todo:
        current, depth = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for init in inits_above(current):  # run first, each looked for recorded
            if init not in seen:
                todo.append((init, depth))
        if depth >= MAX_DEPTH:
            continue
        summary = project.summary(current)
        if summary is None:
            continue
        for qualified in set(summary.imports.values()):
            module = find_module(qualified, current)
            if module is None and "." in qualified:  # from module import name
                module = find_module(qualified.rpartition(".")[0], current)
            if module is not None and module not in seen:
                todo.append((module, depth + 1))
    return seen
