"""Class bases resolved from the project's text: what a base written in a class header stands for.

``TextResolver`` reads project files on demand (once each, every read recorded for the verdict
asking: ``outmoded.reads``): a file's class headers (the text index's for a checked file,
``classheaders.read_headers`` for another), and the import bindings of a name (``bindinglines``).
A base is resolved the way ``project.Project`` resolves it: the import binding its first name in
the file, through the project modules re-exporting it, to a class of a project module or a
qualified name outside the project.  Whatever the text cannot tell (a name also assigned, a star
import, a cycle) is ``UNKNOWN``.  ``pairing.Refiner`` pairs removed methods with classes over it.
"""

from __future__ import annotations

import os

from outmoded import reads
from outmoded.bindinglines import ASSIGNED, STARRED, bound, import_statements, is_assigned
from outmoded.layout import absolute, find_module
from outmoded.reads import once, stamp
from outmoded.source import SourceError, read_bytes
from outmoded.stdnames import BUILTIN_NAMES, STDLIB
from outmoded.classheaders import read_headers

UNKNOWN = None  # what a base stands for when the text cannot tell


class FileReads:
    """What the files the resolvers over one text index read hold, each file read once for all of
    them: the chains' resolver (``chains``), warmed before the second pass forks, and the one
    ``refine.decide`` makes in a worker read the same modules' imports.  Only what the bytes say
    (bytes and stamp, class headers, import tables); each resolver still records its own reads."""

    __slots__ = ("bindings", "counts", "data", "headers", "imports", "stamps")

    def __init__(self):
        self.data: dict = {}  # absolute path -> its bytes (None: unreadable)
        self.stamps: dict = {}  # absolute path -> its stamp when read (``outmoded.reads``)
        self.headers: dict = {}  # absolute path -> [(class name, [(base word, its last component)])]
        self.counts: dict = {}  # absolute path -> {class name: count of headers}
        self.bindings: dict = {}  # (absolute path, name, assigned) -> its import targets
        self.imports: dict = {}  # absolute path -> ``import_statements``: (its import statements, has a star import)

    @staticmethod
    def of(text) -> FileReads:
        """The text index's, made on first use (an unpickled index has none yet)."""
        found = getattr(text, "_files", None)
        if found is None:
            found = text._files = FileReads()
        return found


class TextResolver:
    """Resolution of the bases of the text index's classes, reading files on demand (once)."""

    def __init__(self, text, index):
        self.text, self.index = text, index
        self.paths = {_absolute(p): p for p in text.stamps}
        files = FileReads.of(text)
        self._headers, self._counts, self._data = files.headers, files.counts, files.data
        self._read, self._bindings, self._imports = files.stamps, files.bindings, files.imports
        self._stamps: dict = {}  # absolute path -> its stamp when read (``outmoded.reads``), by this resolver
        self._resolved: dict = {}
        self._bases_of: dict = {}  # (base word, absolute path) -> (``base``'s answer, what it read)

    # ---- reading ---------------------------------------------------------------------------

    def data(self, path: str) -> bytes | None:
        """The file's bytes (read once; a file checked from stdin: the piped ones); the verdict
        being made depends on them (``outmoded.reads``), however many verdicts ask."""
        if path not in self._stamps:
            if path not in self._data:
                piped = self.text.piped.get(self.paths.get(path, path))
                try:
                    self._data[path] = read_bytes(path) if piped is None else piped
                except SourceError:
                    self._data[path] = None
                self._read[path] = stamp(path) if reads.KEPT else ""  # a run without a results cache lists none
            self._stamps[path] = self._read[path]
        if reads.KEPT:
            reads.extend({path: self._stamps[path]})
        return self._data[path]

    def headers(self, path: str) -> list:
        """[(class name, [(base word, its last component)])] of a project file: a checked file's from
        the text index, another's read as text here (``classheaders.read_headers``), once."""
        found = self._headers.get(path)
        original = self.paths.get(path)
        if original is not None:
            if reads.KEPT:
                reads.extend({path: self.text.stamps.get(original, "")})  # the version the text index read
        elif found is not None:
            self.data(path)  # counts again for this verdict
        if found is None:
            if original is not None:
                rows = self.text.headers.get(original, ())
            else:
                data = self.data(path)
                rows = read_headers(data)[0] if data is not None else ()
            found = self._headers[path] = [(name, [(word, word.rpartition(".")[2]) for word in bases])
                                           for name, bases in rows]
        return found

    def counts(self, path: str) -> dict:
        """Class name -> how many headers of the file define it."""
        found = self._counts.get(path)
        if found is None:
            found = self._counts[path] = {}
            for name, _ in self.headers(path):
                found[name] = found.get(name, 0) + 1
        else:
            self.headers(path)
        return found

    def bindings(self, path: str, name: str, assigned: bool = False) -> list | None:
        """Import targets of ``name`` in a file (``bindinglines.read_bindings``', with its STARRED
        mark, and ASSIGNED if ``assigned``), None if the file cannot be read.  A file's import
        statements are found once for all the names asked about, and the names of only those
        holding the name asked are read (``bindinglines.bound``)."""
        key = (path, name, assigned)
        data = self.data(path)
        found = self._bindings.get(key)
        if found is None and data is not None:
            imports = self._imports.get(path)
            if imports is None:
                imports = self._imports[path] = import_statements(data)
            found = bound(data, imports[0], name)
            if assigned and is_assigned(data, name.encode()):
                found.append(ASSIGNED)
            if imports[1]:
                found.append(STARRED)
            self._bindings[key] = found
        return found

    def reads(self) -> tuple:
        """((path, stamp), ...) of the files read, as ``outmoded.reads`` records them."""
        return tuple(sorted(self._stamps.items()))

    # ---- resolution ------------------------------------------------------------------------

    def base(self, word: str, path: str):
        """What a base written ``word`` in the file at ``path`` (absolute) can stand for: a list of
        ("x", qualified name outside the project) and ("k", (path, class name)) targets, or
        UNKNOWN.  Once per word and file (a test module's classes list ``unittest.TestCase`` a
        dozen times: 1,098 rows of 291 words resolved by ``refine.decide`` on Twisted 18.9), what
        resolving it read replayed for every verdict asking; the list is shared, never changed."""
        return once(self._bases_of, (word, path), self._base, word, path)

    def _base(self, word: str, path: str):
        root, _, rest = word.partition(".")
        bound = self.bindings(path, root, assigned=not rest)
        if bound is None or STARRED in bound or ASSIGNED in bound:
            return UNKNOWN  # an assigned name may hold an instance standing for its class; its attributes none
        targets = []
        if root in self.counts(path):
            if rest:
                return UNKNOWN  # Outer.Inner
            targets.append(("k", (path, root)))
        for target in bound:
            if target == ASSIGNED:
                continue
            qualified = _decode(target, path)
            found = self.qualified(f"{qualified}.{rest}" if rest else qualified, path) if qualified else UNKNOWN
            if found is UNKNOWN:
                return UNKNOWN
            targets.extend(found)
        if not targets and not bound and root in BUILTIN_NAMES and not rest:
            return [("x", f"builtins.{root}")]
        return targets  # a name nothing binds (nor assigns) is None to the scanner: no base

    def qualified(self, name: str, from_path: str, depth: int = 0):
        """Targets of a qualified name as ``Receivers.ancestry`` follows it: outside the project
        when the catalog knows it or it is the standard library's, else through the longest
        prefix that is a project module (its class, or the imports re-exporting the name)."""
        key = (name, os.path.dirname(from_path))
        answer = self._resolved.get(key)
        if answer is None:
            self._resolved[key] = (UNKNOWN, {})  # a cycle: the text cannot tell
            answer = self._resolved[key] = reads.recorded(self._qualified, name, from_path, depth)
        else:
            reads.extend(answer[1])  # the files it read count for every verdict using it
        return answer[0]

    def _qualified(self, name: str, from_path: str, depth: int):
        if depth > 8 or "six" in name.split("."):
            return UNKNOWN  # six.moves names are mapped by the scanner; deep chains are cut there
        parts = name.split(".")
        if name in self.index.bases or parts[0] in STDLIB or parts[0] == "builtins":
            return [("x", name)]
        for cut in range(len(parts) - 1, 0, -1):
            module = find_module(".".join(parts[:cut]), from_path)
            if module is None:
                continue
            leaf, rest = parts[cut], parts[cut + 1:]
            targets = [("x", name)]  # unresolved there, the scanner takes the catalog's word for it
            if not rest and leaf in self.counts(module):
                targets.append(("k", (module, leaf)))
            bound = self.bindings(module, leaf)
            if bound is None:
                return UNKNOWN
            for target in bound:
                if target in (ASSIGNED, STARRED):
                    continue  # Project.summary's imports hold neither: the scanner finds nothing there
                again = _decode(target, module)
                found = self.qualified(".".join([again] + rest), module, depth + 1) if again else UNKNOWN
                if found is UNKNOWN:
                    return UNKNOWN
                targets.extend(found)
            return targets
        return [("x", name)]


_POSIX = os.sep == "/" and os.altsep is None  # there ``os.path.isabs`` is ``startswith("/")``


def _absolute(path: str) -> str:
    """Discovery gives absolute paths already (a relative one from elsewhere is made so); asked
    of every checked file by each resolver and by the chains: told without a call where it can."""
    if _POSIX and path[:1] == "/":
        return path
    return path if os.path.isabs(path) else os.path.abspath(path)


def _decode(target: str, path: str) -> str | None:
    """An import target (``read_bindings``) as an absolute qualified name, from the file at ``path``."""
    if target in (ASSIGNED, STARRED):
        return None
    module, colon, name = target.partition(":")
    if not colon:
        return module
    if module == "?":
        return None
    level = len(module) - len(module.lstrip("."))
    base = absolute(path, level, module[level:] or None) if level else module
    return f"{base}.{name}" if base else None
