"""The cheap text test that clears files which cannot contain a finding, before any parsing.

Each catalog name gets a ``Needle``: words that must all appear in the file, then what those words
imply and a few regexes or substring tests can confirm — the root module is imported, the dotted
name is reachable through an import binding (``re.template``, ``ET.tostring`` after
``import xml.etree.ElementTree as ET``) or imported by name (``from re import template``), a
literal such as ``'rU'`` appears.  The test must never clear a file the scanner would report on;
where the text is ambiguous (a ``from`` import continued over several lines) it lets the file
through.

Splitting a file into identifiers and intersecting sets runs in C: ``bytes.translate`` turns every
byte that cannot be part of an identifier into a space and ``split`` cuts there, twice as fast as
``re.findall`` and with the same words wherever an identifier can stand in valid code (a name
directly after a digit, ``1if``, is only ever a keyword).  A regular expression with an
alternative per catalog word is an order of magnitude slower (sre tries each one in turn).
"""

from __future__ import annotations

import sys

from outmoded.catalog import Entry
from outmoded.lazyre import LazyPattern
from outmoded.memo import lru_cache  # functools.lru_cache, without importing functools
from outmoded.records import Frozen, Record

BUILTINS = "builtins."
IDENTIFIER_RE = LazyPattern(rb"[A-Za-z_][A-Za-z0-9_]*")  # compiled when used: a cleared file needs no `re`
_IDENTIFIER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"
IDENTIFIER_TABLE = bytes(c if c in _IDENTIFIER_BYTES else 32 for c in range(256))
STATEMENT_RE = LazyPattern(rb"[ \t]*(?:\xef\xbb\xbf)?[ \t]*(?:(?:try|else|if[^:]*):[ \t]*)?"
                          rb"(?:from[ \t]+([\w.]+)[ \t]+import[ \t]*([^#]*)|import[ \t]+([^#]+))")
DYNAMIC_IMPORT_RE = LazyPattern(rb"(?:import_module|__import__)\([ \t]*['\"]([\w.]+)")


class Imports(Record):
    """What a file's import statements bind, read from its text."""

    __slots__ = _fields = ("roots", "modules", "aliases", "names", "open_modules", "compat_layer")

    def __init__(self) -> None:
        self.roots: set[bytes] = set()  # top-level modules imported
        self.modules: set[bytes] = set()  # every module named in an import statement
        self.aliases: dict[bytes, set[bytes]] = {}  # local name -> modules it stands for
        self.names: set[bytes] = set()  # b"module.name" imported with `from`
        self.open_modules: set[bytes] = set()  # `from m import (` continued: names unknown
        self.compat_layer = False  # six is imported: six.moves reaches stdlib modules under other names

    def add_from(self, module: bytes, names: bytes) -> None:
        self.roots.add(module.split(b".")[0])
        self.modules.add(module)
        names = names.strip()
        if names.endswith((b"(", b"\\")) or (b"(" in names and b")" not in names):
            self.open_modules.add(module)
        for part in names.strip(b"()\\").split(b","):
            words = part.split()
            if words:
                self.names.add(module + b"." + words[0])

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
        for local, targets in self.aliases.items():
            for target in targets:
                if module == target or module.startswith(target + b"."):
                    spelled = local + module[len(target):] + b"." + leaf
                    if _written(spelled, data) or _spaced(spelled).search(data):
                        return True
        return False


def _written(dotted: bytes, data: bytes) -> bool:
    """Is ``dotted`` written as such, not inside a longer name (``re.T`` in ``re.TEMPLATE`` or
    ``store.T``: another attribute, another binding)?"""
    position = data.find(dotted)
    while position >= 0:
        end = position + len(dotted)
        if (end == len(data) or data[end] not in _IDENTIFIER_SET) \
                and (not position or data[position - 1] not in _IDENTIFIER_SET):
            return True
        position = data.find(dotted, position + 1)
    return False


_GAP = rb"(?:[ \t\f\r\n\\]|#[^\r\n]*[\r\n])*"  # between tokens inside brackets: spaces, lines, comments
_IDENTIFIER_SET = frozenset(_IDENTIFIER_BYTES)


@lru_cache(maxsize=1024)
def _spaced(dotted: bytes) -> re.Pattern:
    """``a.b.c`` written with gaps around the dots (``(a\n    .b.c)``); only tried when the plain
    spelling is absent."""
    import re

    first, *rest = map(re.escape, dotted.split(b"."))
    # a literal first (sre skips to it), then: not the end of a longer name, nor its start
    return re.compile(first + rb"(?<![A-Za-z0-9_]" + first + rb")" + b"".join(_GAP + rb"\." + _GAP + part for part in rest)
                      + rb"(?![A-Za-z0-9_])")


def scan_imports(data: bytes) -> Imports:
    imports = Imports()
    position = data.find(b"import")
    while position >= 0:  # bytes.find runs in C; a multiline regex would try every byte
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        while end > 0 and (data.endswith(b"\\", start, end) or data.endswith(b"\\\r", start, end)):
            end = data.find(b"\n", end + 1)  # ``import a, b,\`` goes on: ``sys`` on the next line
        end = len(data) if end < 0 else end
        line = data[start:end]
        if b"\\\n" in line or b"\\\r\n" in line:
            line = line.replace(b"\\\r\n", b" ").replace(b"\\\n", b" ")
        for statement in line.split(b";"):
            match = _statement(statement)
            if match and match[0]:
                imports.add_from(match[0], match[1])
            elif match:
                imports.add_import(match[2])
        position = data.find(b"import", end)
    imports.compat_layer = any(m == b"six" or m.endswith(b".six") or b"six.moves" in m for m in imports.modules) \
        or any(b".six." in n or n.startswith(b"six.") or n.endswith(b".six") for n in imports.names)
    if b"import_module" in data or b"__import__" in data:
        for module in DYNAMIC_IMPORT_RE.findall(data):
            imports.roots.add(module.split(b".")[0])
            imports.modules.add(module)
            imports.open_modules.add(module)
    return imports


_DOTTED_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")  # [\w.] in bytes


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
        while module_end < end and text[module_end] in _DOTTED_WORD:
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


class Needle(Frozen):
    """Words that must all appear, then the import, dotted name or literal they imply:
    ``imported``, a top-level module that must be imported (or import_module()-ed); ``dotted``, a
    module attribute that must be reachable (Imports.reaches); ``module``, a module that must be
    imported (Imports.has_module); ``literal``, text that must appear (``.method``, ``keyword=``,
    a mode string)."""

    __slots__ = _fields = ("words", "imported", "dotted", "module", "literal")

    def __init__(self, words: frozenset[bytes], imported: bytes | None = None, dotted: bytes | None = None,
                 module: bytes | None = None, literal: Text | None = None):
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "imported", imported)
        object.__setattr__(self, "dotted", dotted)
        object.__setattr__(self, "module", module)
        object.__setattr__(self, "literal", literal)

    def holds(self, data: bytes, imports: list) -> bool:
        if self.imported is not None:
            if not imports:
                imports.append(scan_imports(data))
            if imports[0].compat_layer:  # names may arrive through six.moves: the words decide
                return self.literal is None or bool(self.literal.search(data))
            if self.imported not in imports[0].roots:
                return False
            if self.dotted is not None and not imports[0].reaches(self.dotted, data):
                return False
            if self.module is not None and not imports[0].has_module(self.module):
                return False
        return self.literal is None or bool(self.literal.search(data))


class ProjectNeedles:
    """The project's own ways through (``textindex.derived_methods``): ``classes``, a removed
    method's name -> the project classes deriving from its stdlib class (both words must
    appear); ``words``, the catalog's needle words, these methods and these classes."""

    __slots__ = ("classes", "words")

    def __init__(self, classes: dict, words: frozenset):
        self.classes = classes
        self.words = words

    @classmethod
    def of(cls, classes: dict, catalog_words: frozenset) -> ProjectNeedles:
        return cls(classes, catalog_words.union(classes, *classes.values()))

    def held(self, found: set) -> set:
        """The methods found with one of their classes.  Only the method words: a finding on
        ``x.method`` is written with the method's name, so the scanner needs no body that names
        only the class (a test module names its test case in every other function)."""
        return {method for method in found.intersection(self.classes)
                if not self.classes[method].isdisjoint(found)}


def identifiers(data: bytes) -> list:
    return data.translate(IDENTIFIER_TABLE).split()


def candidate_words(data: bytes, words: frozenset, by_anchor: dict,
                    project: ProjectNeedles | None = None, held: frozenset | None = None) -> frozenset[str] | None:
    """The words of every needle that holds in the file, or None when none does.  The scanner
    skips function bodies that mention none of these words.  ``held``: what ``screen`` found for
    the same bytes (``Passed``), when known: the catalog's needles are not tested again (which of
    them hold depends only on the catalog's words the file names, the same in both)."""
    found = (project.words if project is not None else words).intersection(identifiers(data))
    if not found:
        return None
    held = _held(data, found, by_anchor) if held is None else set(held)
    if project is not None:
        held |= project.held(found)
    return frozenset(w.decode() for w in held) if held else None


def _held(data: bytes, found: frozenset, by_anchor: dict) -> set[bytes]:
    imports: list = []  # scanned on first need
    held: set[bytes] = set()
    for word in found:
        for needle in by_anchor.get(word, ()):
            if needle.words <= found and not needle.words <= held and needle.holds(data, imports):
                held |= needle.words
    return held


class Passed(frozenset):
    """``screen``'s answer for a file the catalog's needles let through: the words of those that
    hold, which ``candidate_words`` takes for the same bytes instead of testing them again."""

    __slots__ = ()


def screen(data: bytes, words: frozenset, by_anchor: dict, methods: frozenset) -> frozenset:
    """How the file can pass once the project's needles are known: ``Passed`` when the catalog's
    needles let it through, else the words of ``methods`` it names (the project's needles pair
    one of them with a class; none named: the file is cleared).  ``words`` includes ``methods``."""
    found = words.intersection(identifiers(data))
    held = _held(data, found, by_anchor) if found else None
    if held:
        return Passed(held)
    return methods.intersection(found)


def roots_of(cls: str, bases: dict[str, tuple[str, ...]]) -> set[str]:
    """Top-level modules of ``cls`` and of every class the hints say inherits from it."""
    return {member.split(".")[0] for member in family_of(cls, bases)}


def family_of(cls: str, bases: dict[str, tuple[str, ...]]) -> set[str]:
    """``cls`` and every class the hints say inherits from it."""
    changed, family = True, {cls}
    while changed:
        changed = False
        for sub, parents in bases.items():
            if sub not in family and family.intersection(parents):
                family.add(sub)
                changed = True
    return family


def is_instance_attribute(entry: Entry, name: str) -> bool:
    """``gzip.GzipFile.filename``: an attribute read on instances, matched like a method."""
    parts = name.split(".")
    return entry.kind == "attribute" and len(parts) >= 3 and parts[-2][:1].isupper()


def _class_member(name: str) -> bool:
    """``smtplib.SMTP.starttls``: used through instances, so its dotted form need not appear."""
    parts = name.split(".")
    return len(parts) >= 3 and parts[-2][:1].isupper()


def _encoded(words) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words)


def needles(entry: Entry, name: str, bases: dict) -> list[Needle]:
    """The prefilter's conditions for finding ``entry`` in a file; one of them must hold."""
    if entry.kind == "method" or is_instance_attribute(entry, name):
        # found only as an attribute: ``.method`` must be written (``iteritems(d)`` is not one)
        cls, _, method = name.rpartition(".")
        access = Attribute(method)
        if entry.distinctive:  # reported on any receiver
            return [Needle(_encoded([method]), literal=access)]
        if entry.returned_by:  # its receivers come from these functions' results, or the class is named
            return [Needle(_encoded([where.split(".")[0], method, where.rpartition(".")[2]]),
                           where.split(".")[0].encode(), literal=access)
                    for where in sorted({*entry.returned_by, *family_of(cls, bases)})]
        # only reported on receivers tied to the class: its module (or a subclass's) is imported
        return [Needle(_encoded([method]), literal=access) if root == "builtins"
                else Needle(_encoded([root, method]), root.encode(), literal=access)
                for root in roots_of(cls, bases)]
    literal = _literal(entry)
    words = _encoded(needle_words(entry, name))
    if name.startswith(BUILTINS):
        return [Needle(words, literal=literal)]
    root = name.split(".")[0].encode()
    if entry.kind == "module":
        return [Needle(words, root, module=name.encode(), literal=literal)]
    dotted = None if _class_member(name) or "." not in name else name.encode()
    return [Needle(words, root, dotted, literal=literal)]


class Text:
    """A regular expression compiled on its first search: most never run, and compiling them
    all at start-up costs more than a small check."""

    def __init__(self, pattern: bytes):
        self.pattern = pattern
        self.compiled: re.Pattern | None = None

    def __eq__(self, other):
        return type(other) is type(self) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        return self.compiled.search(data) is not None


class Attribute(Text):
    """``.name`` as an attribute access can be written: spaces, line breaks (inside brackets),
    backslash continuations and comments may stand between the dot and the name."""

    def __init__(self, name: str):
        import re

        super().__init__(rb"\." + _GAP + re.escape(name.encode()) + rb"(?![A-Za-z0-9_])")
        self.plain = b"." + name.encode()

    def search(self, data: bytes) -> bool:
        return self.plain in data or super().search(data)


def _literal(entry: Entry) -> Text | None:
    """Text a removed argument leaves: a mode string such as 'rU', or ``keyword=``; text a
    behaviour removal's signature needs (``BEHAVIOUR_TEXT``)."""
    if entry.kind == "behaviour":
        pattern = BEHAVIOUR_TEXT.get(entry.matches if entry.signature == "argument" else entry.signature)
        return Text(pattern) if pattern else None
    if entry.value_contains:  # the values removed so far are file-mode letters
        return ModeString(entry.value_contains.encode())
    if entry.kind == "argument" and entry.position is None:
        return Keyword(entry.argument.encode())
    return None


class Keyword(Text):
    """``name=`` as a call's keyword argument: after ``(`` or ``,``, with only blanks, line
    breaks, backslashes or comments between (``loop = get_event_loop()`` at the start of a
    statement assigns a variable; ``myloop=`` is another keyword).  Searched from the name
    forward (a literal first: sre skips to it), then checked back."""

    BETWEEN = frozenset(b" \t\f\r\n\\")

    def __init__(self, name: bytes):
        import re

        super().__init__(re.escape(name) + rb"[ \t]*=[^=]")

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        for match in self.compiled.finditer(data):
            start = match.start()
            if start and data[start - 1] in _IDENTIFIER_SET:
                continue
            crossed = False
            while start and data[start - 1] in self.BETWEEN:
                start -= 1
                crossed = crossed or data[start] == 10
            if start and data[start - 1] in b"(,":
                return True
            if crossed and b"#" in data[data.rfind(b"\n", 0, start) + 1:start]:
                return True  # the line above may end in a comment: after a comma, perhaps
        return False


# What the scanner's behaviour signatures cannot do without: a global inline flag group written
# out, a call whose string first argument is followed by a keyword (``TypedDict("T", x=int)``,
# under any alias), a main block, a call without arguments subscripted, two subscripted bases.
BEHAVIOUR_TEXT = {
    "misplaced-global-flags": rb"\(\?[aiLmsux]+\)",
    "keywords": rb"\([ \t\r\n]*[rbuRBU]{0,2}(?:'[^'\n]*'|\"[^\"\n]*\")[ \t\r\n]*,[ \t\r\n]*[A-Za-z_]\w*[ \t]*=[^=]",
    "main-block-call": rb"__main__",
    "subscript": rb"\([ \t]*\)[ \t]*\[",  # entry_points()["group"]
    "protocol-parameters": rb"\][ \t\r\n]*,[ \t\r\n]*[\w.]+\[",  # class X(P1[S], Protocol[T]): two subscripted bases
}


class ModeString(Text):
    """A quoted file mode holding ``value`` (``'rU'``), searched from the letter forward and then
    checked back to the quote: a pattern starting with a quote would be tried at every quote."""

    LETTERS = frozenset(b"rwabtxU+")

    def __init__(self, value: bytes):
        import re

        super().__init__(re.escape(value) + rb"[rwabtxU+]*['\"]")

    def search(self, data: bytes) -> bool:
        if self.compiled is None:
            import re

            self.compiled = re.compile(self.pattern)
        for match in self.compiled.finditer(data):
            start = match.start()
            while start and data[start - 1] in self.LETTERS:
                start -= 1
            if start and data[start - 1] in b"'\"":
                return True
        return False


def needle_words(entry: Entry, name: str) -> frozenset[str]:
    parts = name.split(".")
    if entry.kind == "module":
        return frozenset(parts)
    if entry.kind == "argument":
        root = [] if name.startswith(BUILTINS) else [parts[0]]
        # keyword-only: its name is written; one that may be passed by position need not be
        return frozenset(root + [parts[-1]] + ([entry.argument] if entry.position is None else []))
    if name.startswith(BUILTINS):
        return frozenset([parts[-1]])
    return frozenset([parts[0], parts[-1]])
