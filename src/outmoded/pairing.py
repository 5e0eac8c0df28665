"""Sharper project needles: which project classes a removed method can be reported on, with the
bases named like its stdlib class resolved through the imports that bind them.

``textindex.derived_methods`` pairs a removed method with the project classes deriving from its
class by *name*: any project class listing a base named ``TestCase``, ``Request`` or ``Element``
counts, although most of Twisted's list ``twisted.trial.unittest.TestCase`` (whose base class
defines ``assertEquals`` itself, so the scanner reports nothing there) and twisted.web's
``Element`` is not ``xml.etree.ElementTree.Element``.  Here, for the methods the few files only
that pairing lets through name, a base named like one of the method's classes is resolved the way
``project.Project`` resolves it (``textresolve.TextResolver``: the import binding its first name in
the file, through the project modules re-exporting it), from the text of only the files holding such bases; a base
resolved to a project class follows that class's own bases, each resolved; a class defining the
method itself (its module parsed, as the scanner's model does) stops the chain.  Whatever the text
cannot tell (a name also assigned, a star import, a module outside the checked files) is taken by
name, as before, so no class the scanner can report on is left out.
"""

from __future__ import annotations

from outmoded import reads
from outmoded.bindinglines import is_assigned
from outmoded.textresolve import UNKNOWN, TextResolver, _absolute

READ_RATIO = 20  # parsing and scanning a byte costs about this many times reading and resolving one


class Refiner(TextResolver):
    """Which project classes a removed method can be reported on, over the text index's classes
    (their bases resolved by ``TextResolver``)."""

    def __init__(self, text, index, members=None, by_name: bool = False):
        """``members(path, class name)``: the names the class defines itself (``ClassInfo.members``,
        parsed), or None; without it, no class stops a chain.  ``by_name``: a base the text cannot
        tell stands for a class of the family when it is named like one (as the by-name pairing
        takes it), else it counts as one whatever its name."""
        TextResolver.__init__(self, text, index)
        self.members, self.by_name = members, by_name
        self._leaves: dict = {}  # family -> the last components of its classes
        self._order: dict | None = None  # a checked file's path -> its place among the text index's files
        self._split: dict = {}  # a checked file's path -> ``rows`` of its headers listing bases, before ``keep``
        self._own: dict = {}  # method -> names of the classes stopping it whose own body may call super()
        self._roots: dict = {}  # (path, class name) -> ((outside names, unknown leaves), reads)
        self._stopped: dict = {}  # (path, class name, method) -> (answer, reads)

    # ---- pairing ---------------------------------------------------------------------------

    def classes(self, weights: dict) -> dict[bytes, frozenset[bytes]]:
        """method -> names of the project classes it can be reported on, for the methods of
        ``weights`` (method -> bytes of the files waiting on it) whose resolution reads less than
        ``READ_RATIO`` times those bytes (the files with a base named like one of its classes);
        a method left out keeps its by-name pairing."""
        groups: dict = {}  # the method's stdlib classes -> methods removed from them
        for method in weights:
            classes = frozenset(m.cls for m in self.index.methods.get(method.decode(), ())
                                if not m.entry.distinctive and not m.cls.startswith("builtins."))
            if classes:
                groups.setdefault(classes, []).append(method)
        found: dict = {}
        for classes, group in groups.items():
            family = frozenset().union(*(self.index.family(c) for c in classes))
            if self.cost(family) > READ_RATIO * sum(weights[m] for m in group):
                continue  # a test case's family in a project of test cases: the files are cheaper
            for method, names in self._group(family, group).items():
                found[method] = frozenset(n.encode() for n in names)
        return found

    def rows(self, path: str, keep) -> list:
        """[(number, (absolute path, class name, [(base word, its last component)]))] of the
        checked file's class headers listing bases that ``keep(name, leaves)`` takes, numbered
        by their place among all the text index's headers (the order they are resolved in)."""
        return [row for row, _ in self._split_rows(path) if keep(row[1][1], row[1][2])]

    def _split_rows(self, path: str) -> list:
        """[(``rows``' row, the set of its bases' last components)] of a checked file's headers
        listing bases: once per file (``_group`` asks of a file once per family and class name)."""
        split = self._split.get(path)
        if split is None:
            if self._order is None:
                self._order = {original: number for number, original in enumerate(self.text.headers)}
            place, absolute, split = self._order[path], _absolute(path), []
            for number, (name, bases) in enumerate(self.text.headers[path]):
                if bases:
                    leaves = [(word, word.rpartition(".")[2]) for word in bases]
                    split.append((((place, number), (absolute, name, leaves)), {leaf for _, leaf in leaves}))
            self._split[path] = split
        return split

    def cost(self, family: frozenset) -> int:
        """Bytes of the files ``_group`` reads for ``family``: those with a base so named (from the
        text index's class graph: a family too costly to resolve has no row made)."""
        users = self.text.graph()[1]
        paths = {_absolute(path) for leaf in self.leaves(family) for path, _ in users.get(leaf, ())}
        return sum(_size(self.text.stamps.get(self.paths[path], "")) for path in paths)

    def _group(self, family: frozenset, methods: list) -> dict:
        """method -> names of the classes it can be reported on.  Only the rows listing a base
        named like one of the family's classes are resolved; the by-name edges between classes
        are kept (wider), the resolved ones added."""
        defined, graph_users, leaves_of = self.text.graph()  # over the checked files' headers, made once for the run
        leaves = {c.rpartition(".")[2] for c in family}
        # the rows: class headers listing a base so named, in the text index's order
        rows = dict(row for original in {p for leaf in leaves for p, _ in graph_users.get(leaf, ())}
                    for row, listed in self._split_rows(original) if not leaves.isdisjoint(listed))

        named: dict = {}  # class name -> numbers of its rows

        def by_name(name: str) -> list:
            """Numbers of the rows (headers listing bases) of the classes so named, each added to ``rows``."""
            found = named.get(name)
            if found is None:
                found = named[name] = []
                for original in defined.get(name, ()):  # each file once: a file's headers come together
                    for number, row in self.rows(original, lambda other, _: other == name):
                        rows.setdefault(number, row)
                        found.append(number)
            return found

        users = {}  # a base's last component -> names of the classes listing it (by name)
        resolved_rows: dict = {}  # row number -> (names of the classes it lists, lists the family, project classes)
        extra: dict = {}  # class name -> names of the classes a resolved base makes its users
        for number in sorted(rows):
            path, name, bases = rows[number]
            direct, edges, resolved = False, set(), []
            for word, leaf in bases:
                targets = self.base(word, path) if leaf in leaves else [("l", leaf)]
                if targets is UNKNOWN:  # as by name: the stdlib class, or a project class so named
                    direct = True
                    edges.add(leaf)
                    continue
                for kind, target in targets:
                    if kind == "x":
                        direct = direct or self._in_family(target, family)
                    elif kind == "l":
                        edges.add(target)
                    else:
                        edges.add(target[1])
                        resolved.append(target)
            resolved_rows[number] = (edges, direct, resolved)
            for edge in edges:
                extra.setdefault(edge, set()).add(name)
        result = {}
        for method in methods:
            text = method.decode()
            # a base resolved to a project class follows that class's own bases, every one of
            # them resolved (``from shop.http import Request as BaseRequest`` is not seen by name)
            deep: dict = {}
            seeds = {number for number, (_, direct, resolved) in resolved_rows.items()
                     if (direct or any(self._derives(key, family, text, deep) for key in resolved))
                     and not self._stops(rows[number][0], rows[number][1], text)}
            derived, todo = set(), [rows[number][1] for number in seeds]
            while todo:
                current = todo.pop()
                if current not in derived:
                    derived.add(current)
                    if current not in users:
                        users[current] = {user for _, user in graph_users.get(current, ())}
                    todo.extend(users[current])
                    todo.extend(extra.get(current, ()))
            # the project classes a derived class mixes in (``mixed_into``): of the classes so
            # named, only those that are themselves derived, not their namesakes; then what those
            # mix in, at any depth (a mixin of a mixin)
            mixed = set()
            for name in derived:
                for number in by_name(name):
                    edges = resolved_rows[number][0] if number in resolved_rows else \
                        {leaf for _, leaf in rows[number][2]}
                    if number in seeds or not edges.isdisjoint(derived):
                        mixed.update(edge for edge in edges if edge in defined)
            todo = list(mixed - derived)
            while todo:
                for leaf in leaves_of.get(todo.pop(), ()):
                    if leaf in defined and leaf not in mixed and leaf not in derived:
                        mixed.add(leaf)
                        todo.append(leaf)
            result[method] = derived | (mixed - derived) | self._own.get(text, set())
        return result

    def _in_family(self, name: str, family: frozenset) -> bool:
        """Is a qualified name outside the project one of the family's classes, or a call of a
        function returning one (a base written as a call stands for what it returns)?"""
        return name in family or self.index.returns.get(name) in family

    def derives(self, path: str, name: str, family: frozenset, method: str) -> bool:
        """Can ``method`` be reported on the class ``name`` of the project file at ``path``
        (absolute): a class of ``family`` among its ancestors, every base resolved (through
        modules outside the checked files too), and no class on the way defining the method
        itself, but for a ``super().method`` in the body of the class that does?"""
        seen: dict = {}
        if self._derives((path, name), family, method, seen):
            return True
        return name in self._own.get(method, ()) and self.counts(path).get(name) == 1 and (
            self._above(path, name, family, lambda key: self._derives(key, family, method, seen)))

    def reaches(self, path: str, name: str, family: frozenset) -> bool:
        """Can the project class have a class of ``family`` among its ancestors, whatever defines
        the method on the way?  Every base resolved (``roots``); what the text cannot tell counts
        as yes (``by_name``: when named like one of the family's classes)."""
        return self.reached(self.roots(path, name), family)

    def reached(self, roots: tuple, family: frozenset) -> bool:
        """``reaches`` for a class's ``roots`` found before (nothing read: the caller replays
        what finding them read)."""
        outside, unknown = roots
        if any(self._in_family(target, family) for target in outside):
            return True
        return not unknown.isdisjoint(self.leaves(family)) if self.by_name else bool(unknown)

    def roots(self, path: str, name: str) -> tuple:
        """(qualified names outside the project, last components of the bases the text cannot
        tell) among the ancestors of the project class (every definition so named in the file),
        found once for every family; memoized with the files read, replayed for every verdict
        asking.  A cycle adds an unknown "" (no class is named so: by name, a class never derives
        from itself, as in ``class TestCase(TestCase)``)."""
        key = (path, name)
        answer = self._roots.get(key)
        if answer is not None:
            reads.extend(answer[1])
            return answer[0]
        self._roots[key] = ((frozenset(), frozenset({""})), {})  # a cycle: the text cannot tell
        value, read = self._roots[key] = reads.recorded(self._roots_now, path, name)
        return value

    def _roots_now(self, path: str, name: str) -> tuple:
        outside, unknown = set(), set()
        for leaf, targets in self._bases(path, name):
            if targets is UNKNOWN:
                unknown.add(leaf)
                continue
            for kind, target in targets:
                if kind == "x":
                    outside.add(target)
                else:
                    more, unsure = self.roots(*target)
                    outside |= more
                    unknown |= unsure
        return frozenset(outside), frozenset(unknown)

    def _derives(self, key: tuple, family: frozenset, method: str, seen: dict) -> bool:
        """Can the project class ``key`` (path, name) have a class of ``family`` among its
        ancestors, without defining ``method`` itself on the way?  Every base resolved; what the
        text cannot tell counts as yes; a name defined several times in the file, any of them."""
        if key in seen:
            return seen[key]
        seen[key] = True  # a cycle: the text cannot tell
        found = self.reaches(*key, family) and not self._stops(*key, method) and self._above(
            *key, family, lambda target: self._derives(target, family, method, seen))
        seen[key] = found
        return found

    def _above(self, path: str, name: str, family: frozenset, follow) -> bool:
        """Does a base of the class (any definition so named in the file) stand for a class of
        ``family``, for what the text cannot tell, or for a project class ``follow(key)`` says yes to?"""
        for leaf, targets in self._bases(path, name):
            if targets is UNKNOWN:
                if not self.by_name or leaf in self.leaves(family):
                    return True
            elif any(self._in_family(t, family) if kind == "x" else follow(t) for kind, t in targets):
                return True
        return False

    def _bases(self, path: str, name: str):
        """(last component, what it stands for: ``base``'s targets or UNKNOWN) of each base of the
        class, over every definition so named in the file, resolved one at a time as asked."""
        for class_name, bases in self.headers(path):
            if class_name == name:
                for word, leaf in bases:
                    yield leaf, self.base(word, path)

    def leaves(self, family: frozenset) -> frozenset:
        found = self._leaves.get(family)
        if found is None:
            found = self._leaves[family] = frozenset(c.rpartition(".")[2] for c in family)
        return found

    def _stops(self, path: str, name: str, method: str) -> bool:
        """Does the class define ``method`` itself (the scanner then reports nothing on it or its
        subclasses, but for ``super().method`` in its own body)?  Its file's text must show a
        definition or assignment of the name, and the class be the only one so named there; then
        its parsed members decide.  Memoized with the files it read."""
        key = (path, name, method)
        answer = self._stopped.get(key)
        if answer is None:
            with reads.recording() as read:
                value = self._stops_now(path, name, method)
            answer = self._stopped[key] = (value, read)
        else:
            reads.extend(answer[1])
        return answer[0]

    def _stops_now(self, path: str, name: str, method: str) -> bool:
        if self.members is None or self.counts(path).get(name) != 1:
            return False
        data = self.data(path)
        if data is None or method.encode() not in data:
            return False
        if b"def " + method.encode() not in data and not is_assigned(data, method.encode()):
            return False
        members = self.members(self.paths.get(path, path), name)
        if members is None or method not in members:
            return False
        if b"super" in data:  # super().method in its own body reaches its bases: its file stays paired
            self._own.setdefault(method, set()).add(name)
        return True


def _size(stamp: str) -> int:
    """The size in a text index stamp ("size:mtime")."""
    size = stamp.partition(":")[0]
    return int(size) if size.isdigit() else 0
