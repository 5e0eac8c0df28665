"""What a file's import statements bind, read from its text (no parsing): the modules imported,
the names imported from them, the aliases, and how a module's dotted name can be written.

The prefilter (``outmoded.prefilter``) asks it whether a needle's module is imported and whether a
removed dotted name can be reached.  Statements are found with ``bytes.find`` wherever ``import``
is written; each is read with bytes methods until ``re`` is imported (a one-file check need not
import it), then with ``STATEMENT_RE``: tests/test_startup.py compares both.

``bindinglines`` reads the same statements for the project's pairing: what each binds a name to.
"""

from __future__ import annotations

import sys

from outmoded.gaps import IDENTIFIER_SET, gapped, written_spaced
from outmoded.lazyre import LazyPattern
from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools
from outmoded.records import Record

STATEMENT_RE = LazyPattern(rb"[ \t]*(?:\xef\xbb\xbf)?[ \t]*(?:(?:try|else|if[^:]*):[ \t]*)?"
                          rb"(?:from[ \t]+([\w.]+)[ \t]+import[ \t]*([^#]*)|import[ \t]+([^#]+))")
DYNAMIC_IMPORT_RE = LazyPattern(rb"(?:import_module|__import__)\([ \t]*['\"]([\w.]+)")


class Imports(Record):
    """What a file's import statements bind, read from its text."""

    _fields = ("roots", "modules", "aliases", "names", "open_modules", "compat_layer")
    __slots__ = (*_fields, "_ending")

    def __init__(self) -> None:
        self.roots: set[bytes] = set()  # top-level modules imported
        self.modules: set[bytes] = set()  # every module named in an import statement
        self.aliases: dict[bytes, set[bytes]] = {}  # local name -> modules it stands for
        self.names: set[bytes] = set()  # b"module.name" imported with `from`
        self.open_modules: set[bytes] = set()  # `from m import (` continued: names unknown
        self.compat_layer = False  # six is imported: six.moves reaches stdlib modules under other names
        self._ending: dict[bytes, list[bytes]] = {}  # ``bound_to_a``'s answers, by module name

    def add_from(self, module: bytes, names: bytes) -> None:
        self.roots.add(module.split(b".")[0])
        self.modules.add(module)
        names = names.strip()
        if names.endswith((b"(", b"\\")) or (names.find(b"(") >= 0 and names.find(b")") < 0):
            self.open_modules.add(module)
        for part in names.strip(b"()\\").split(b","):
            words = part.split()
            if words:
                self.names.add(module + b"." + words[0])
                # the local name stands for it (from asyncio import coroutines, then
                # coroutines._DEBUG: ``reaches`` asyncio.coroutines._DEBUG through it)
                local = words[2] if len(words) >= 3 and words[1] == b"as" else words[0]
                if local != b"*":
                    self.aliases.setdefault(local, set()).add(module + b"." + words[0])

    def add_import(self, names: bytes) -> None:
        for part in names.split(b","):
            words = part.split()
            if not words:
                continue
            module = words[0]
            self.roots.add(module.split(b".")[0])
            self.modules.add(module)
            if len(words) >= 3 and words[1] == b"as":
                self.aliases.setdefault(words[2], set()).add(module)
            else:
                root = module.split(b".")[0]
                self.aliases.setdefault(root, set()).add(root)

    def bound_to_a(self, module: bytes) -> list[bytes]:
        """The local names bound to a module named ``module`` that another module holds (``from
        genshi.compat import ast as _ast``: ``_ast``), asked once per module name."""
        try:
            memo = self._ending
        except AttributeError:  # unpickled (``records._restore`` sets the fields alone)
            memo = self._ending = {}
        found = memo.get(module)
        if found is None:
            tail = b"." + module
            found = memo[module] = [local for local, targets in self.aliases.items()
                                    if any(t.endswith(tail) for t in targets)]
        return found

    def has_module(self, module: bytes) -> bool:
        """Is ``module`` (or a submodule, or ``from parent import module``) imported?"""
        if module in self.names or module.rpartition(b".")[0] in self.open_modules:
            return True
        return any(m == module or m.startswith(module + b".") for m in self.modules)

    def reaches(self, dotted: bytes, data: bytes) -> bool:
        """Can ``module.path.leaf`` be written in this file: imported by name, or spelled
        through a binding (``alias.rest.leaf``) that appears in the text?"""
        module, _, leaf = dotted.rpartition(b".")
        if dotted in self.names or module in self.open_modules:
            return True
        if module + b".*" in self.names and _written(leaf, data):  # from ast import *, then Num(1)
            return True
        for local, targets in self.aliases.items():
            for target in targets:
                if (module == target or module.startswith(target + b".")) \
                        and spelled_through(local, module[len(target):] + b"." + leaf, data):
                    return True
        return self._read_by_name(module, leaf, data)

    def _read_by_name(self, module: bytes, leaf: bytes, data: bytes) -> bool:
        """Is ``leaf`` read from a binding of ``module`` with ``getattr(local, "leaf")``, or written
        as a string assigned alone where the binding is assigned alone too (class attributes a
        project's ``getattr(cls.a, cls.b)`` reads: ``outmoded.getattrs``)?  Asked for each removed
        name a file's imports do not reach (``os.errno`` in a file importing ``os`` and naming
        ``errno``), so no search of the whole file per name: the file's ``getattr(`` are found once
        and read from (``_getattr_reads``), and the quoted leaf is searched for only where the
        binding is assigned alone (``_assigned_alone``, kept by binding).  Searching for it first,
        twice per name (``"leaf"``, ``'leaf'``), scanned 21 MB of Twisted 18.9's 12 MB a check."""
        for local, targets in self.aliases.items():
            if module not in targets:
                continue
            if _getattr_reads(local, leaf, data):
                return True
            if _assigned_alone(local, data) and (data.find(b'"%s"' % leaf) >= 0 or data.find(b"'%s'" % leaf) >= 0):
                import re

                quoted = rb"""(?:"%s"|'%s')""" % (leaf, leaf)
                if re.search(rb"=[ \t]*%s[ \t]*(?:#|\r?$)" % quoted, data, re.M):
                    return True
        return False


_GETATTRS: list = [None, ()]  # the last file asked (its bytes) and where its ``getattr(`` are
SPACE = frozenset(b" \t\n\r\f\v")  # ``\s`` of a bytes pattern


def _getattr_reads(local: bytes, leaf: bytes, data: bytes) -> bool:
    """Is ``getattr(local, "leaf"`` written (what the pattern ``getattr(`` after no name byte, then
    blanks and line ends around ``local`` and its comma, then the leaf in either quote, matches),
    read from each ``getattr(`` of the file, found once a file?"""
    if _GETATTRS[0] is not data:
        _GETATTRS[:] = data, [at + 8 for at in word_positions(b"getattr", data) if data.startswith(b"(", at + 7)]
    size = len(data)
    for at in _GETATTRS[1]:
        while at < size and data[at] in SPACE:
            at += 1
        if not data.startswith(local, at):
            continue
        at += len(local)
        while at < size and data[at] in SPACE:
            at += 1
        if data[at:at + 1] != b",":
            continue
        at += 1
        while at < size and data[at] in SPACE:
            at += 1
        quote = data[at:at + 1]
        if quote in (b'"', b"'") and data.startswith(leaf + quote, at + 1):
            return True
    return False


def spelled_through(local: bytes, rest: bytes, data: bytes) -> bool:
    """Is ``local`` + ``rest`` (``.path.leaf``) written, also with gaps around its dots or
    through a name assigned ``local``?"""
    spelled = local + rest
    if _written(spelled, data) or (gapped(spelled, data) and written_spaced(spelled, data)):
        return True
    # a name assigned the binding is followed by ``rest``: it must be written
    if data.find(rest) >= 0 and _assigned_alone(local, data) and _through_assignment(local, rest, data):
        return True
    # or assigned a module below it (``m = http.client``, then ``m.HTTPSConnection``)
    below = rest.rfind(b".")
    return below > 0 and data.find(rest[below:]) >= 0 and _assigned_alone(local + rest[:below], data) \
        and _through_assignment(local + rest[:below], rest[below:], data)


_ALONE: list = [None, {}]  # the last file asked (its bytes) and its answers, by binding


def _assigned_alone(local: bytes, data: bytes) -> bool:
    """Is ``= local`` written with nothing after it on its line (``c = collections``), found with
    ``bytes.find`` (``= re`` alone is in every ``= result``)?  Asked again for each removed name
    a file's needles reach through the same binding (``string.index``, ``string.split``...), each
    time two searches of the whole file: the last file's answers are kept."""
    if _ALONE[0] is not data:
        _ALONE[:] = data, {}
    known = _ALONE[1].get(local)
    if known is None:
        known = _ALONE[1][local] = _searched_alone(local, data)
    return known


def _searched_alone(local: bytes, data: bytes) -> bool:
    for sep in (b"= ", b"="):
        position = data.find(sep + local)
        while position >= 0:
            end = position + len(sep) + len(local)
            if end == len(data) or data[end] in b" \t\r\n#":
                return True
            position = data.find(sep + local, position + 1)
    return False


def _through_assignment(local: bytes, rest: bytes, data: bytes) -> bool:
    """Is ``rest`` written after a name assigned the binding ``local`` (decorator 4.1.2's ``c =
    collections``, then ``c.Sized``: the scanner follows such names), annotated or not (``m:
    object = math``)?"""
    for match in _assignment(local).finditer(data):
        if _written(match.group(1) + rest, data):
            return True
    return False


@lru_cache(maxsize=256)
def _assignment(local: bytes):
    import re

    return re.compile(rb"(?m)^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\r\n]*)?=[ \t]*" + re.escape(local)
                      + rb"[ \t]*(?:#.*)?\r?$")


def word_positions(word: bytes, data: bytes):
    """Where ``word`` is written in ``data`` as a whole name: no name byte right before or after it
    (the bytes' ``lazyre.word_starts``), found with ``bytes.find``, in order."""
    size, end = len(word), len(data)
    at = data.find(word)
    while at >= 0:
        stop = at + size
        if (not at or data[at - 1] not in IDENTIFIER_SET) and (stop == end or data[stop] not in IDENTIFIER_SET):
            yield at
        at = data.find(word, at + 1)


def _written(dotted: bytes, data: bytes) -> bool:
    """Is ``dotted`` written as such, not inside a longer name (``re.T`` in ``re.TEMPLATE`` or
    ``store.T``: another attribute, another binding)?  ``word_positions``' test, spelled out: asked
    for most needles of every file, where calling the generator cost a cold check of Twisted 18.9
    6,303M -> 6,339M instructions (one callgrind run each)."""
    position = data.find(dotted)
    while position >= 0:
        end = position + len(dotted)
        if (end == len(data) or data[end] not in IDENTIFIER_SET) \
                and (not position or data[position - 1] not in IDENTIFIER_SET):
            return True
        position = data.find(dotted, position + 1)
    return False


def import_lines(data: bytes) -> list[bytes]:
    """The lines where ``import`` is written, each with the lines its backslashes continue it
    on: all ``scan_imports`` reads (every module it finds is written there as a word)."""
    lines = []
    position = data.find(b"import")
    while position >= 0:  # bytes.find runs in C; a multiline regex would try every byte
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        # a byte read, not ``endswith`` (its arguments cost most of a line's reading)
        while end > 0 and (data[end - 1] == 92 or (data[end - 1] == 13 and end - 2 >= start and data[end - 2] == 92)):
            end = data.find(b"\n", end + 1)  # ``import a, b,\`` goes on: ``sys`` on the next line
        end = len(data) if end < 0 else end
        lines.append(data[start:end])
        position = data.find(b"import", end)
    return lines


def scan_imports(data: bytes, lines: list[bytes] | None = None) -> Imports:
    """What the import statements of ``data`` bind; ``lines``: its ``import_lines``, if known.
    ``import_module(`` and ``__import__(`` are written on those lines too: their modules are read
    there, not in the whole text."""
    lines = import_lines(data) if lines is None else lines
    imports = Imports()
    for line in lines:
        if line.find(b"\\\n") >= 0 or line.find(b"\\\r\n") >= 0:
            line = line.replace(b"\\\r\n", b" ").replace(b"\\\n", b" ")
        for statement in line.split(b";"):
            match = _statement(statement)
            if match and match[0]:
                imports.add_from(match[0], match[1])
            elif match:
                imports.add_import(match[2])
    imports.compat_layer = _compat_layer(imports)
    joined = b"\n".join(lines)
    if joined.find(b"import_module") >= 0 or joined.find(b"__import__") >= 0:
        for module in DYNAMIC_IMPORT_RE.findall(joined):
            imports.roots.add(module.split(b".")[0])
            imports.modules.add(module)
            imports.open_modules.add(module)
    return imports


def _compat_layer(imports: Imports) -> bool:
    """Is six imported (``six``, ``x.six``, ``six.moves``...): does any module or imported name
    of ``imports`` say so?  Only asked of the names holding ``six`` at all, found in their joined
    text."""
    if (b"\n".join(imports.modules) + b"\n" + b"\n".join(imports.names)).find(b"six") < 0:
        return False
    return any(m == b"six" or m.endswith(b".six") or m.find(b"six.moves") >= 0 for m in imports.modules) \
        or any(n.find(b".six.") >= 0 or n.startswith(b"six.") or n.endswith(b".six") for n in imports.names)


DOTTED_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")  # [\w.] in bytes


def _statement(statement: bytes) -> tuple | None:
    """``STATEMENT_RE.match(statement)``'s groups: (module, names, None) for ``from module import
    names``, (None, None, names) for ``import names``, else None.  Once ``re`` is imported (a
    large run has imported it to parse) the regex; before, the same groups read with bytes
    methods, so a one-file check need not import re (with enum and functools: a quarter of its
    instructions).  tests/test_startup.py compares both on every import line of the standard
    library and on generated statements."""
    if "re" in sys.modules:
        match = STATEMENT_RE.match(statement)
        return (match[1], match[2], match[3]) if match else None
    return _statement_read(statement)


def _statement_read(statement: bytes) -> tuple | None:
    start = len(statement) - len(statement.lstrip(b" \t"))
    if statement.startswith(b"\xef\xbb\xbf", start):
        start += 3 + len(statement[start + 3:]) - len(statement[start + 3:].lstrip(b" \t"))
    text = statement[start:]
    prefix = None  # the end of `try:`, `else:` or `if ...:`
    if text.startswith((b"try:", b"else:")):
        prefix = text.find(b":") + 1
    elif text.startswith(b"if") and b":" in text:
        prefix = text.find(b":", 2) + 1
    if prefix is not None:
        found = _statement_body(text[prefix:].lstrip(b" \t"))
        if found is not None:
            return found
    return _statement_body(text)  # the regex's try without the optional prefix


def _statement_body(text: bytes) -> tuple | None:
    end = len(text)
    if text.startswith(b"from"):
        module_start = 4 + len(text[4:]) - len(text[4:].lstrip(b" \t"))
        module_end = module_start
        while module_end < end and text[module_end] in DOTTED_WORD:
            module_end += 1
        keyword = module_end + len(text[module_end:]) - len(text[module_end:].lstrip(b" \t"))
        if module_start == 4 or module_end == module_start or keyword == module_end \
                or not text.startswith(b"import", keyword):
            return None
        names = keyword + 6 + len(text[keyword + 6:]) - len(text[keyword + 6:].lstrip(b" \t"))
        comment = text.find(b"#", names)
        return text[module_start:module_end], text[names:end if comment < 0 else comment], None
    if text.startswith(b"import"):
        names = 6 + len(text[6:]) - len(text[6:].lstrip(b" \t"))
        if names == 6:
            return None
        comment = text.find(b"#", names)
        comment = end if comment < 0 else comment
        if comment > names:
            return None, None, text[names:comment]
        if names - 6 >= 2:  # `import  #...`: the regex gives back one blank to ([^#]+)
            return None, None, text[names - 1:names]
    return None
