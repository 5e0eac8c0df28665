"""The project's files as whole-file questions read them (``reach``, ``importers``, ``builds``).

Where the project's top is (the nearest directory with a project marker), and the bytes of the
Python files under a directory, read once per run and kept (up to ``MAX_TREE_BYTES``) joined in one
text, where the files naming a word are found by one search (``mentions``), and a file's syntax
tree (``parsed``) for the questions that must parse one.  Answers
are memoized for the run (``memo``) and keep the files they read, replayed into the verdict being
made (``outmoded.reads``): a cached result is dropped when one of them changes.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from functools import wraps

from outmoded import reads, treeshare, treestamps
from outmoded.lazyre import LazyPattern
from outmoded.source import read_regular

PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "tox.ini", ".git")
# ``^if`` (re.M) written as the literal, then a look-behind: sre skips to each ``if`` instead of
# trying a line start at every position
MAIN_RE = re.compile(r"""if(?<![^\n]if)\s+__name__\s*==\s*['"]__main__['"]""")
IMPORT_LINE_RE = re.compile(rb"^[ \t]*(?:from|import)\b([^\n#]*)", re.M)
DYNAMIC_IMPORT_RE = re.compile(rb"""(?:__import__|import_module)\(\s*[rbu]?['"]([\w.]+)""")
_MEMOS: list = []


def memo(func):
    """Memoized for the run, and each answer keeps the files it read: counted again for every
    verdict that asks (``reads``), so a cached result is dropped when one of them changes."""
    answers: dict = {}

    @wraps(func)
    def memo(*args):
        return reads.once(answers, args, func, *args)

    memo.cache_clear = answers.clear
    _MEMOS.append(memo)
    return memo


def forget() -> None:
    """Drop every memoized answer, and the first pass's words (a long-lived process starting a
    new run)."""
    for memoized in _MEMOS:
        memoized.cache_clear()
    first_pass_named({}, frozenset())


@memo
def project_root(directory: str) -> str | None:
    """The nearest directory at or above ``directory`` that marks a project's top (a
    ``pyproject.toml``, ``setup.py``, ``setup.cfg``, ``tox.ini`` or ``.git``), or None."""
    if any(reads.read(os.path.join(directory, marker)) for marker in PROJECT_MARKERS):
        return directory
    parent = os.path.dirname(directory)
    return None if parent == directory else project_root(parent)


MAX_TREE_BYTES = 64 << 20  # a tree larger than this is not read: no file of it is called unreached
# what a cold run's first pass found, for ``Tree.naming``: the words of ``VOCABULARY`` (the
# catalog's and the methods a project class can inherit) each file it read names, by absolute
# path, as one bytes object holding each word between spaces (``b" join split "``)
NAMED: dict = {}
VOCABULARY: frozenset = frozenset()
SETATTR = b"setattr"  # a word of ``VOCABULARY`` no needle holds: where ``restorers`` looks for ``setattr(``


def first_pass_named(named: dict, vocabulary: frozenset) -> None:
    """Keep the first pass's words (``named``: path -> the words of ``vocabulary`` the file names,
    each between spaces)."""
    global NAMED, VOCABULARY
    NAMED = {path if os.path.isabs(path) else os.path.abspath(path): words for path, words in named.items()}
    VOCABULARY = vocabulary


class Tree:
    """The Python files under a directory, read: their bytes in walk order in one text, each
    followed by a NUL (in no name a question asks for), so that the files naming a word are found
    by searching that text (``holding``), not each file in turn.  The text is built as the files
    are read (a bytearray: no second copy of the tree made by joining them)."""

    __slots__ = ("paths", "size", "starts", "text", "_held", "_view", "_naming")

    def __init__(self, paths: list | None = None, starts: list | None = None, text=None, size: int = 0) -> None:
        """Empty, to ``add`` files to; or the files of ``paths``, starting at ``starts`` in ``text``
        (bytes-like, with ``find``: the helper's shared memory, ``treeshare``) of which the
        first ``size`` bytes are used."""
        self.paths: list = [] if paths is None else paths
        self.starts: list = [] if starts is None else starts  # where each file's bytes start in ``text``
        self.text = bytearray() if text is None else text
        self.size = size
        self._view = None
        self._held: dict = {}  # (needle, searched in ``naming``'s spans) -> [indices found, the search going on]
        self._naming: tuple | None = None  # ``naming``'s index: (word -> indices of the files naming it, unread files)

    def add(self, path: str, data: bytes) -> None:
        self.paths.append(path)
        self.starts.append(self.size)
        self.text += data
        self.text += b"\0"
        self.size = len(self.text)

    def data(self, index: int) -> bytes:
        if self._view is None:  # made once every file is in: a bytearray viewed cannot grow
            self._view = memoryview(self.text)
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.size
        return bytes(self._view[self.starts[index]:end - 1])

    def files(self):
        """(path, bytes) of each file, in walk order."""
        return ((path, self.data(index)) for index, path in enumerate(self.paths))

    def naming(self, *words: bytes) -> list[tuple[int, int]] | None:
        """The spans of ``text`` (start, end) holding the files that may name every one of
        ``words`` as a whole word, each run of such files one span; None: any file may (none of
        ``words`` is among the words the first pass looked for, or there was none; a word not
        among them narrows nothing).  A file the first pass read and found not naming one is
        left out (``NAMED``): a search for a catalog word's assignment (``restorers``) reads the
        few files naming it, not the whole tree (a ``find`` costs ~1.5 ns a byte: ~20 ms for
        Twisted 18.9's 12 MB, asked ~20 times by each worker of a cold run)."""
        known = [word for word in words if word in VOCABULARY] if NAMED else ()
        if not known:
            return None
        if self._naming is None:
            self._naming = self._words_index()
        by_word, unread = self._naming
        indices = by_word.get(known[0], ())
        for word in known[1:]:
            indices = sorted(set(indices).intersection(by_word.get(word, ())))
        if unread:
            indices = sorted({*indices, *unread})
        spans: list = []
        starts, size, last = self.starts, self.size, len(self.starts) - 1
        for index in indices:
            start = starts[index]
            end = starts[index + 1] if index < last else size
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return spans

    def _words_index(self) -> tuple[dict, list]:
        """(each word of ``NAMED`` -> the indices of the files naming it, in walk order; the
        indices of the files the first pass did not read, which may name any), made once: a
        question then costs the files naming its word, not a look at every file's words (~0.8 ms
        a question on Twisted 18.9's 852 files, ~25 questions a worker)."""
        by_word: dict = {}
        unread = []
        named = NAMED
        for index, path in enumerate(self.paths):
            words = named.get(path)
            if words is None:
                unread.append(index)
                continue
            for word in words.split():
                found = by_word.get(word)
                if found is None:
                    by_word[word] = [index]
                else:
                    found.append(index)
        return by_word, unread

    def holding(self, needle: bytes, alone: bool = False):
        """(path, bytes) of the files whose bytes hold ``needle``, in walk order, found as asked.
        What a search found is kept for the run: several questions ask for the same word, and a
        search of the whole text costs 3-8 ms.  ``alone``: a caller reading only the files that
        name ``needle`` as a whole word may be given only those (``naming``)."""
        if b"\0" in needle:  # could span two files in ``text``
            yield from ((path, data) for path, data in self.files() if needle in data)
            return
        spans = self.naming(needle) if alone else None
        key = (needle, spans is not None)
        found = self._held.get(key)
        if found is None:
            found = self._held[key] = [[], self._indices(needle, ((0, self.size),) if spans is None else spans)]
        indices, done = found[0], 0
        while True:
            if done < len(indices):  # found by this search or an earlier one
                index = indices[done]
                done += 1
                yield self.paths[index], self.data(index)
                continue
            index = next(found[1], None)
            if index is None:
                return
            indices.append(index)

    def _indices(self, needle: bytes, spans):
        """The indices of the files whose bytes hold ``needle``, in walk order, searched in
        ``spans`` of the text (whole files), each file once, as the caller asks for the next."""
        text, starts = self.text, self.starts
        if not starts:
            return
        for start, end in spans:
            at = text.find(needle, start, end)
            while at >= 0:
                index = bisect_right(starts, at) - 1
                yield index
                if index + 1 >= len(starts):
                    return
                at = text.find(needle, starts[index + 1], end)  # the next file's first byte


@memo
def sources(root: str) -> Tree | None:
    """The Python files under ``root``, or None when there are too many bytes to keep.  The walk
    counts for the verdict asking as one read (``treestamps``: every file and directory of it), in
    a run with a results cache (``reads.KEPT``): without one, their stamps (a ``stat`` each, a
    fifth of the walk's time) would be taken for nothing.  In a cold run's second pass, read once
    for the workers by the helper the gap between the passes leaves a core to (``treeshare``)."""
    shared = treeshare.answer("sources", root)
    if shared is not None:
        reads.extend(shared[1])  # what reading it read, as if read here
        return shared[0]
    tree, total = Tree(), 0
    stamps = treestamps.Walk("py", root) if reads.KEPT else None
    for directory, paths in treestamps.walk("py", root):
        if stamps is not None:
            stamps.add(directory)  # a file added or removed changes the directory's stamp
        elif tree is None:
            break
        for path in paths:
            if stamps is not None:
                stamps.add(path)  # past the limit too: the answer (None) depends on every file
            if tree is None:
                continue
            try:
                data = read_regular(path)
            except OSError:
                continue
            total += len(data)
            if total > MAX_TREE_BYTES:
                tree = None
            else:
                tree.add(path, data)
    if stamps is not None:
        stamps.record()
    return tree


# an import statement at column 0 (``top_level_words``), its parenthesized names over lines;
# compiled where first used: this module is imported before a cold run forks its first workers
TOP_IMPORT_RE = LazyPattern(rb"(?:from|import)[ \t][^\n(]*(?:\([^)]*\))?[^\n]*")


@memo
def top_level_imports(root: str) -> tuple | None:
    """(the words of the import statements at column 0 of the Python files under ``root``, those
    statements joined by newlines, each file's followed by a NUL, in the walk's order: ``sources``'
    paths): one pass over the tree for the run, instead of a search of every file per module asked
    (``unreached``); None when the tree is too large to keep.  In a cold run's second pass, found
    once for the workers by the helper (``treeshare``), which imports nothing more for it (here, not
    in ``unreached``, whose imports cost the helper ~3 ms of its CPU on Twisted 18.9).  Searched
    where the tree's text holds each file, each file's statements ending with its bytes."""
    shared = treeshare.answer("words", root)
    if shared is not None:
        reads.extend(shared[1])
        return shared[0]
    found = sources(root)
    if found is None:
        return None
    from outmoded.prefilter import identifiers  # the engine's: imported before any helper is forked

    text, starts = found.text, found.starts
    find, match = text.find, TOP_IMPORT_RE.match
    statements: list = []  # their words are read at once, from the statements joined by newlines
    for start, end in zip(starts, [*starts[1:], found.size]):
        end -= 1  # the NUL after the file's bytes
        for keyword, after in ((b"from", b"\nfrom"), (b"import", b"\nimport")):
            at = start if find(keyword, start, start + len(keyword)) == start else find(after, start, end)
            while at >= 0:
                statement = match(text, at + (text[at] == NEWLINE), end)
                if statement:
                    statements.append(statement[0])
                at = find(after, at + 1, end)
        statements.append(b"\0")  # in no word: the file a statement is in is the count of those before it
    joined = b"\n".join(statements)
    return frozenset(identifiers(joined)), joined  # the runs of rb"\w" (letters, digits, _)


def top_level_words(root: str) -> frozenset | None:
    """``top_level_imports``' words."""
    found = top_level_imports(root)
    return None if found is None else found[0]


def top_level_outside(root: str, word: str, directory: str) -> bool:
    """Does a Python file under ``root`` but not under ``directory`` (ending with a separator) name
    ``word`` in an import statement at column 0 (one of ``top_level_words``)?  True when it cannot
    be told (the tree too large, a statement holding a NUL).  Asked by ``unreached`` of a package
    whose name is among those words, its own modules' imports not counting: a search of the
    statements' text (~2% of the tree's), each file found among the NULs ending them
    (``_statement_ends``, found once: counting them at each question cost ~24M instructions over
    Twisted 18.9's 13 package verdicts)."""
    found, tree, ends = top_level_imports(root), sources(root), _statement_ends(root)
    if found is None or tree is None or ends is None:
        return True
    from outmoded.prefilter import IDENTIFIER_TABLE  # a byte of no word: a space

    text, paths = found[1], tree.paths
    if len(ends) != len(paths):
        return True
    needle = word.encode()
    size, last = len(needle), len(text) - 1
    at = text.find(needle)
    while at >= 0:
        end = at + size
        if (not at or IDENTIFIER_TABLE[text[at - 1]] == SPACE) and (end > last or IDENTIFIER_TABLE[text[end]] == SPACE):
            if not paths[bisect_right(ends, at)].startswith(directory):  # the NULs before: the files before
                return True
        at = text.find(needle, end)
    return False


@memo
def _statement_ends(root: str) -> list | None:
    """Where each file's statements end in ``top_level_imports``' text: its NULs, in order."""
    found = top_level_imports(root)
    if found is None:
        return None
    text, ends = found[1], []
    at = text.find(b"\0")
    while at >= 0:
        ends.append(at)
        at = text.find(b"\0", at + 1)
    return ends


NEWLINE = ord("\n")
SPACE = ord(" ")


def mentions(root: str, word: str) -> list[tuple[str, bytes]] | None:
    """The files under ``root`` whose bytes hold ``word`` (None: the tree is too large to tell):
    one search of the tree's joined text, not one per file."""
    found = mentioning(root, word)
    return None if found is None else list(found)


def mentioning(root: str, word: str, alone: bool = False):
    """``mentions``, found as the caller asks for the next: a question that stops at the first
    file (does any other file name it?) searches the tree only so far.  What it read is the whole
    tree's, as for ``mentions``.  ``alone``: as for ``Tree.holding``."""
    found = sources(root)
    return None if found is None else found.holding(word.encode(), alone)


@memo
def defines(root: str, name: str) -> bool:
    """Does a Python file under ``root`` define a function or method called ``name`` (salt 3008's
    ``salt/modules/cmdmod.py``: ``def has_exec(cmd)``, called on its loader's ``cmdmod`` in its
    tests), or set it on an instance (kitchen 1.2.6's translations, deriving from
    ``gettext.NullTranslations``: ``self.lgettext = self._lgettext`` in a method, so
    ``translations.lgettext`` works on 3.13)?  False when the tree is too large to tell.  The
    tree is searched up to the first file that does."""
    found = mentioning(root, name, alone=True)
    if found is None:
        return False
    word = re.escape(name.encode())
    definition = re.compile(rb"^[ \t]*(?:async[ \t]+)?def[ \t]+%s\b|\bself\.%s[ \t]*=(?!=)" % (word, word), re.M)
    return any(definition.search(data) for _, data in found)


@memo
def parsed(path: str):
    """The syntax tree of the project file at ``path``, once a run; None when it cannot be read or parsed."""
    reads.read(path)
    import ast
    import warnings

    try:
        data = read_regular(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(data, filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
