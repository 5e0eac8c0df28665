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

A base named like a checked class of another file is taken for it, unless the file's import of it
finds a project module that is not checked (``misbound``: ``check tests/`` with ``from base import
Base`` finding the root's ``base.py``, not ``tests/base.py``); asked of the files naming a removed
method, and only where a place ``find_module`` looks from them holds a module not checked (never in
a check of the whole tree).

Not covered: a mixin whose only users are in modules outside the checked files (finding them means
reading the tree); a class deriving by name from a misbound class of another file; an unchecked
module deeper in a checked package.
"""

from __future__ import annotations

import os

from outmoded import reads
from outmoded.layout import find_module, module_of
from outmoded.stdnames import BUILTIN_NAMES, STDLIB
from outmoded.textresolve import _absolute, _decode

class Chains:
    """The project needles' way through for open chains (``ProjectNeedles.outside``): called with
    a checked file's path, bytes and the words found in it that nothing let through."""

    def __init__(self, text, index, members=None):
        """``text``: the checked files' ``textindex.TextIndex``; ``members``: as ``pairing.Refiner``'s."""
        self.text, self.index, self.members = text, index, members
        self._open: frozenset | None = None
        self._seeds: list = []  # (absolute path, class name) of the classes with an open base
        self._seeded: dict = {}  # absolute path -> names of its classes with an open base
        self._families: dict = {}  # family -> (names deriving from it, names mixed into those, reads)
        self._checked: dict | None = None  # absolute path -> the text index's key
        self._methods: dict | None = None  # removed method word -> its classes' family
        self._refiner = None
        self._misbound: dict = {}  # the text index's key -> (names of its misbound classes, reads)
        self._found: dict = {}  # (module, directory) -> (found there and not checked, reads)
        self._unchecked: dict = {}  # directory (or (directory,): near it) -> holds a module not checked
        self._roots: tuple | None = None  # ([(name, its roots)] of the open seeds, the files read to find them)

    def __call__(self, path: str, data: bytes, words) -> set:
        """The words of ``words`` (bytes) that are removed methods reportable on an open class of
        the file at ``path`` (a checked file, as given to the engine)."""
        classes = self.open_classes(path)
        if not classes:
            return set()
        methods = self.methods()
        absolute = _absolute(path)
        held = set()
        for word in words:
            family = methods.get(word)
            if family is not None and self.reported(absolute, classes, family, word.decode()):
                held.add(word)
        return held

    def verdict(self, path: str, methods) -> tuple | None:
        """For a file the runner's first pass left to the project (it names ``methods``): None when
        an open chain lets it through, else ((path, stamp), ...) of the other files read to tell
        (none listed in a run without a results cache: ``reads.KEPT``)."""
        from outmoded.source import readable

        if not readable(path):
            return None  # the second pass reports it
        with reads.recording() as read:
            held = self(path, b"", methods)  # its bytes are not asked: only its headers and imports
        if held:
            return None
        own = _absolute(path)
        return tuple(sorted(item for item in read.items() if item[0] != own)) if reads.KEPT else ()

    def open_classes(self, path: str) -> set:
        """Names of the open classes the checked file at ``path`` defines."""
        if self._checked is None:
            self._checked = {_absolute(p): p for p in self.text.headers}
        original = self._checked.get(_absolute(path))
        if original is None:
            return set()
        names = self.open_names()
        return {name for name, _ in self.text.headers[original] if name in names} | self.misbound(original)

    def misbound(self, original: str) -> set:
        """Names of the classes of a checked file with a base named like a checked class of another
        file that the file's import binds to a project module not checked (``check tests/``, with
        ``from base import Base`` finding the root's ``base.py``, not ``tests/base.py``): the chain
        leaves what the headers say.  Asked of the files naming a removed method only."""
        answer = self._misbound.get(original)
        if answer is not None:
            reads.extend(answer[1])  # what telling read counts for every verdict asking
            return answer[0]
        found = set()
        with reads.recording() as read:
            path = _absolute(original)
            rows = self.text.headers.get(original, ()) if self._unchecked_near(path) else ()
            defined = self.text.graph()[0] if rows else {}
            for name, bases in rows:
                for word in bases:
                    homes = defined.get(word.rpartition(".")[2], ())
                    if homes and original not in homes and self._elsewhere(word, path):
                        found.add(name)
        self._misbound[original] = (found, read)
        return found

    def _unchecked_near(self, path: str) -> bool:
        """Does a place ``find_module`` looks in from the file (its directory, its import root and
        those above within the current one) hold a module not checked?  Once per directory; when
        none does, the verdict depends on those directories (their stamps: a module created in
        one changes them)."""
        directory = os.path.dirname(path)
        answer = self._unchecked.get((directory,))
        if answer is None:
            root, top = module_of(path)[1], os.getcwd()
            places = [directory, root]
            while root != top and root.startswith(top + os.sep):
                root = os.path.dirname(root)
                places.append(root)
            found = any(map(self._unchecked_in, places))
            answer = self._unchecked[(directory,)] = (found, {} if found else {p: reads.stamp(p) for p in places})
        reads.extend(answer[1])  # their stamps when first asked, as for every answer memoized for the run
        return answer[0]

    def _unchecked_in(self, directory: str) -> bool:
        """Does ``directory`` hold a module or package that is not checked (where ``find_module``
        looks first)?  Not in a check of the whole tree: its bases are then taken by name."""
        answer = self._unchecked.get(directory)
        if answer is None:
            checked = self.refiner().paths
            try:
                entries = os.listdir(directory)
            except OSError:
                entries = []
            answer = self._unchecked[directory] = any(
                os.path.join(directory, entry) not in checked if entry.endswith(".py")
                else os.path.join(directory, entry, "__init__.py") not in checked
                and os.path.isfile(os.path.join(directory, entry, "__init__.py"))
                for entry in entries if entry.endswith(".py") or "." not in entry)
        return answer

    def _elsewhere(self, word: str, path: str) -> bool:
        """Does the file's import of the base's first name find a project module not checked?"""
        refiner = self.refiner()
        root, _, rest = word.partition(".")
        for target in refiner.bindings(path, root) or ():
            qualified = _decode(target, path)
            full = f"{qualified}.{rest}" if qualified and rest else qualified
            if not full or "." not in full or full.partition(".")[0] in STDLIB:
                continue
            key = (full.rpartition(".")[0], os.path.dirname(path))
            found = self._found.get(key)
            if found is None:  # find_module answers alike from one directory
                with reads.recording() as read:
                    module = find_module(key[0], path)
                found = self._found[key] = (module is not None and module not in refiner.paths, read)
            else:
                reads.extend(found[1])
            if found[0]:
                return True
        return False

    def open_names(self) -> frozenset:
        """Names of the checked files' open classes (by name, over their headers)."""
        if self._open is None:
            defined = self.text.graph()[0]
            leaves = {c.rpartition(".")[2] for family in self.index.families.values() for c in family}
            seeds = set()
            opens: dict = {}  # base word -> is it open (a project's classes list the same few words)
            for original, classes in self.text.headers.items():
                path = None
                for name, bases in classes:
                    for word in bases:
                        is_open = opens.get(word)
                        if is_open is None:
                            leaf = word.rpartition(".")[2]
                            is_open = opens[word] = leaf not in defined and leaf not in leaves and not _closed(word)
                        if is_open:
                            path = path or _absolute(original)
                            if (path, name) not in seeds:
                                seeds.add((path, name))
                                self._seeds.append((path, name))
                                self._seeded.setdefault(path, set()).add(name)
            self._open = frozenset(self._mixed(self._derived({name for _, name in seeds})))
        return self._open

    def _derived(self, names: set) -> set:
        """``names`` and the checked classes deriving from them, by name."""
        users = self.text.graph()[1]
        return _closure(names, lambda name: [user for _, user in users.get(name, ())])

    def _mixed(self, names: set) -> set:
        """``names`` and the checked classes they list as bases, at any depth (mixins)."""
        return _closure(names, self._parents)

    def _parents(self, name: str) -> list:
        """The checked classes the class ``name`` lists as bases (by name, over its definitions)."""
        defined, _, leaves = self.text.graph()
        return [leaf for leaf in leaves.get(name, ()) if leaf in defined]

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

            self._refiner = Refiner(self.text, self.index, self.members, by_name=True)
        return self._refiner

    def warm(self) -> None:
        """Resolve every open seed's bases now (a run forking workers: they inherit the answers
        instead of each finding them again)."""
        self.seed_roots()

    def seed_roots(self) -> tuple:
        """([(name, ``Refiner.roots``)] of every open seed, the files read to resolve them): the
        same for every family, so each family's question reads none again."""
        if self._roots is None:
            self.open_names()
            refiner = self.refiner()
            self._roots = reads.recorded(lambda: [(name, refiner.roots(path, name)) for path, name in self._seeds])
        return self._roots

    def paired(self, family: frozenset) -> tuple:
        """(names of the checked classes deriving from ``family`` through an open chain, names of
        the checked classes mixed into those, the files read to tell): the open seeds' bases
        resolved once per family, whatever defines a method on the way."""
        found = self._families.get(family)
        if found is None:
            roots, read = self.seed_roots()
            reads.extend(read)  # every open chain resolved counts, as when resolved for this family
            refiner = self.refiner()
            verdicts: dict = {}  # many seeds share their roots (every zope.interface.Interface): asked once
            reached = set()
            for name, answer in roots:
                verdict = verdicts.get(answer)
                if verdict is None:
                    verdict = verdicts[answer] = refiner.reached(answer, family)
                if verdict:
                    reached.add(name)
            derived = self._derived(reached)
            mixed = self._mixed({parent for name in derived for parent in self._parents(name)})
            found = self._families[family] = (derived, mixed, read)
        return found

    def reported(self, path: str, classes: set, family: frozenset, method: str) -> bool:
        """Can ``method`` be reported on one of ``classes`` (open, of the file at ``path``): one of
        them derives from ``family`` (its bases resolved, a class defining the method on the way
        stopping it), or is mixed into a checked class that derives from it through an open chain?
        The chains of the file's own open bases count for its verdict."""
        derived, mixed, read = self.paired(family)
        refiner = self.refiner()
        if reads.KEPT:  # a run without a results cache lists no reads: nothing to replay
            for name in sorted(self._seeded.get(path, set()) & classes):
                refiner.reaches(path, name, family)  # replays what resolving them read
        misbound = self.misbound(self._checked.get(path, path)) if self._checked else set()
        for name in sorted(classes & (derived | misbound)):
            if refiner.derives(path, name, family, method):
                return True
        if classes.isdisjoint(mixed):
            return False
        reads.extend(read)  # which users derive: every open chain resolved counts
        return True


def _closed(word: str) -> bool:
    """Is a base word a builtin (``Exception``) or a standard-library module's attribute
    (``threading.Thread``): never a project class under another name?"""
    root, dot, _ = word.partition(".")
    return root in STDLIB if dot else word in BUILTIN_NAMES


def _closure(names: set, edges) -> set:
    """``names`` and every name ``edges(name)`` leads to from them, at any depth."""
    found, todo = set(), list(names)
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(edges(current))
    return found
