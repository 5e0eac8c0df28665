"""Findings one module away: class chains the checked files' headers cannot follow.

The prefilter pairs a removed method with the project classes deriving from its stdlib class by
*name*, over the class headers of the checked files (``textindex.derived_methods``).  That is
wider than the truth, except where a chain leaves what those headers say:

- a base defined in a project module that is not checked: a pre-commit hook, the action's changed
  files or ``check tests/test_x.py`` name a few files, and ``class T(Base)`` with ``Base`` from
  ``tests/base.py`` deriving ``unittest.TestCase`` pairs with nothing;
- a class imported under another name (``from shop.http import Request as BaseRequest``), which
  no header spells.

A base word is *open* when its last component names no checked class, no class of the catalog's
families, and it is neither a builtin nor an attribute of a standard-library module.  A class is
open when one of its bases is, when it derives by name from an open class, or when it is mixed
into one (an ancestor, by name, of such a class).  For a file defining an open class and naming a
removed method that the catalog's and the by-name needles leave out, the method is let through when
one of those classes can have the method's class among its ancestors (``pairing.Refiner``: every
base resolved through the import binding it, reading the text of only the modules on the chain; a
module is parsed only to see whether a class defines the method itself), or is mixed into a checked
class that can.  What the text cannot tell lets the file through; the scanner decides.  Every file
read counts for the verdict (``outmoded.reads``): editing ``tests/base.py`` rechecks
``tests/test_x.py``.

Not covered: a mixin whose only users are in modules outside the checked files (finding them means
reading the tree); a checked class named like the unchecked one a base really binds.
"""

from __future__ import annotations

import os

from outmoded.stdnames import BUILTIN_NAMES, STDLIB

MIXED_LIMIT = 200  # at most this many users of a mixin are followed, as the scanner's ``mixed_into``


class Chains:
    """The project needles' way through for open chains (``ProjectNeedles.outside``): called with
    a checked file's path, bytes and the words found in it that nothing let through."""

    def __init__(self, text, index, members=None):
        """``text``: the checked files' ``textindex.TextIndex``; ``members``: as ``pairing.Refiner``'s."""
        self.text, self.index, self.members = text, index, members
        self._open: frozenset | None = None
        self._users: dict = {}  # a base's last component -> [(absolute path, class name)] listing it
        self._checked: dict | None = None  # absolute path -> the text index's key
        self._methods: dict | None = None  # removed method word -> its classes' family
        self._refiner = None

    def __call__(self, path: str, data: bytes, words) -> set:
        """The words of ``words`` (bytes) that are removed methods reportable on an open class of
        the file at ``path`` (a checked file, as given to the engine)."""
        classes = self.open_classes(path)
        if not classes:
            return set()
        methods = self.methods()
        held = set()
        for word in words:
            family = methods.get(word)
            if family is not None and self.reported(_absolute(path), classes, family, word.decode(), data):
                held.add(word)
        return held

    def verdict(self, path: str, methods) -> tuple | None:
        """For a file the runner's first pass left to the project (it names ``methods``): None when
        an open chain lets it through, else ((path, stamp), ...) of the other files read to tell."""
        from outmoded.reads import recording
        from outmoded.source import SourceError, read_bytes

        try:
            data = read_bytes(path)
        except SourceError:
            return None  # the second pass reports it
        with recording() as read:
            held = self(path, data, methods)
        own = _absolute(path)
        return None if held else tuple(sorted(item for item in read.items() if item[0] != own))

    def open_classes(self, path: str) -> set:
        """Names of the open classes the checked file at ``path`` defines."""
        if self._checked is None:
            self._checked = {_absolute(p): p for p in self.text.headers}
        original = self._checked.get(_absolute(path))
        if original is None:
            return set()
        names = self.open_names()
        return {name for name, _ in self.text.headers[original] if name in names}

    def open_names(self) -> frozenset:
        """Names of the checked files' open classes (by name, over their headers)."""
        if self._open is None:
            defined = {name for classes in self.text.headers.values() for name, _ in classes}
            leaves = {c.rpartition(".")[2] for family in self.index.families.values() for c in family}
            users: dict = {}  # leaf -> names listing it
            parents: dict = {}  # name -> leaves it lists that are checked classes
            seeds = set()
            for original, classes in self.text.headers.items():
                path = _absolute(original)
                for name, bases in classes:
                    for word in bases:
                        leaf = word.rpartition(".")[2]
                        users.setdefault(leaf, set()).add(name)
                        self._users.setdefault(leaf, []).append((path, name))
                        if leaf in defined:
                            parents.setdefault(name, set()).add(leaf)
                        elif leaf not in leaves and not _closed(word):
                            seeds.add(name)
            derived, todo = set(), list(seeds)
            while todo:  # what derives from an open class
                current = todo.pop()
                if current not in derived:
                    derived.add(current)
                    todo.extend(users.get(current, ()))
            found, todo = set(), list(derived)
            while todo:  # and what is mixed into it, at any depth
                current = todo.pop()
                if current not in found:
                    found.add(current)
                    todo.extend(parents.get(current, ()))
            self._open = frozenset(found)
        return self._open

    def methods(self) -> dict:
        """Removed method word (bytes) -> the family of its classes (those ``derived_methods`` pairs)."""
        if self._methods is None:
            self._methods = {}
            for name, candidates in self.index.methods.items():
                classes = [m.cls for m in candidates if not m.entry.distinctive and not m.cls.startswith("builtins.")]
                if classes:
                    self._methods[name.encode()] = frozenset().union(*(self.index.family(c) for c in classes))
        return self._methods

    def refiner(self):
        if self._refiner is None:
            from outmoded.pairing import Refiner

            self._refiner = Refiner(self.text, self.index, self.members)
        return self._refiner

    def reported(self, path: str, classes: set, family: frozenset, method: str, data: bytes) -> bool:
        """Can ``method`` be reported on one of ``classes`` (open, of the file at ``path``): one of
        them derives from ``family``, or is mixed (at any depth) into a checked class that does?"""
        refiner = self.refiner()
        for name in sorted(classes):
            if refiner.derives(path, name, family, method):
                return True
        todo, seen = [(path, name) for name in sorted(classes)], set()
        while todo and len(seen) < MIXED_LIMIT:
            _, current = todo.pop()
            for user in self._users.get(current, ()):
                if user in seen:
                    continue
                seen.add(user)
                if refiner.derives(*user, family, method):
                    return True
                if not refiner._stops(*user, method):
                    todo.append(user)
        return False


def _closed(word: str) -> bool:
    """Is a base word a builtin (``Exception``) or a standard-library module's attribute
    (``threading.Thread``): never a project class under another name?"""
    root, dot, _ = word.partition(".")
    return root in STDLIB if dot else word in BUILTIN_NAMES


def _absolute(path: str) -> str:
    return path if os.path.isabs(path) else os.path.abspath(path)
