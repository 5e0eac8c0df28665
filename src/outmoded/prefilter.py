"""The cheap text test that clears files which cannot contain a finding, before any parsing.

Each catalog name gets a ``Needle``: words that must all appear in the file, then what those words
imply and a few regexes or substring tests can confirm — the root module is imported, the dotted
name is reachable through an import binding (``re.template``, ``ET.tostring`` after
``import xml.etree.ElementTree as ET``) or imported by name (``from re import template``), a
literal such as ``'rU'`` appears (built from the catalog in ``catalog.needles``; the literals'
text tests are ``literals``; this module holds what a check runs).  The test must never clear a
file the scanner would report on; where the text is ambiguous (a ``from`` import continued over
several lines) it lets the file through.

Splitting a file into identifiers and intersecting sets runs in C: ``bytes.translate`` turns every
byte that cannot be part of an identifier into a space and ``split`` cuts there, twice as fast as
``re.findall`` and with the same words wherever an identifier can stand in valid code (a name
directly after a digit, ``1if``, is only ever a keyword).  A regular expression with an
alternative per catalog word is an order of magnitude slower (sre tries each one in turn).
"""

from __future__ import annotations

from outmoded.importlines import _written, import_lines, scan_imports, spelled_through
from outmoded.lazyre import LazyPattern
from outmoded.records import Frozen

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from outmoded.literals import Text

IDENTIFIER_RE = LazyPattern(rb"[A-Za-z_][A-Za-z0-9_]*")  # compiled when used: a cleared file needs no `re`
_IDENTIFIER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"
IDENTIFIER_TABLE = bytes(c if c in _IDENTIFIER_BYTES else 32 for c in range(256))
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
        """``imports``: what is known of the file's imports, filled on first need: its import
        lines joined (``importlines.import_lines``), then its ``Imports``.  Every answer needs
        the literal: it is searched once the needle's module is known to be written on those
        lines, before the statements are read and the name followed through them (most literals,
        an inline flag of ``re.match``'s pattern, a mode ``'U'`` of ``io.open``, fail at once)."""
        if self.imported is None:
            return self.literal is None or bool(self.literal.search(data))
        if not imports:
            lines = import_lines(data)
            imports.append(lines)
            imports.append(b"\n".join(lines))
        # a module scan_imports finds is written as a word on those lines, and six, which
        # makes it a compat layer: most needles fail here, with no statement read
        if len(imports) == 2 and not _written(self.imported, imports[1]) and imports[1].find(b"six") < 0:
            return self._chained(data)
        if self.literal is not None and not self.literal.search(data):
            return False
        if len(imports) == 2:
            imports.append(scan_imports(data, imports[0]))
        found = imports[2]
        if found.compat_layer:  # names may arrive through six.moves: the words decide
            return True
        if self.imported not in found.roots:
            return self._chained(data) or self._reexported(found, data)
        if self.dotted is not None and not found.reaches(self.dotted, data):
            return self._chained(data)
        if self.dotted is not None and data.find(b"{" + self.dotted) >= 0:  # L{os.stat_float_times}
            from outmoded.markupnames import only_in_markup

            if only_in_markup(self.dotted, data):
                return self._chained(data)
        if self.dotted is not None and hasattr(self.literal, "pairs"):  # a call's argument: through the module?
            from outmoded.callreceivers import through_module

            if not through_module(self.literal, self.dotted, data, found.aliases):
                return self._chained(data)
        return self.module is None or found.has_module(self.module)

    def _chained(self, data: bytes) -> bool:
        """Does the dotted name, which the file's imports do not reach, hold written after a dot?
        ``events.asyncio.coroutines.CoroWrapper`` may be a chain through a project module that
        imported ``asyncio`` (``Project.through_module`` decides).  Only names of three parts or
        more, written rarely: a search of the whole file for each two-part name whose words a file
        names (``string.join``) cost Twisted 18.9 0.7% and Django 5.2.8 1.3% more instructions."""
        return self.dotted is not None and self.dotted.count(b".") > 1 and data.find(b"." + self.dotted) >= 0 \
            and (self.literal is None or bool(self.literal.search(data)))

    def _reexported(self, found, data: bytes) -> bool:
        """Is the needle's module from-imported from another module (``from sphinx.pycode.ast
        import ast``, ``from .compat import configparser``, Genshi 0.7.9's ``from genshi.compat
        import ast as _ast``), the dotted name then written through its local name (``ast.Str``,
        ``_ast.Expression``)?  A module of the project that imported the standard one re-exports
        it (``Project.through_module`` decides).  Asked only where the module's name is written on
        the import lines and no import of it reaches it: the file's few bindings are looked through."""
        if self.dotted is None:
            return False
        rest = self.dotted[len(self.imported):]
        return any(spelled_through(local, rest, data) for local in found.bound_to_a(self.imported))


class RelativeNeedle(Needle):
    """A removed name reached through a relative import in a package named like the stdlib's
    (``relativeneedles``, which decides): ``dotted``, the name (three parts or more); ``words``:
    its last part and one of the parts between, which the import names (``events``, for
    ``asyncio.events.BaseDefaultEventLoopPolicy``).  Here, so that decoding the index imports
    nothing more: only a file inside such a package asks it."""

    __slots__ = ()

    def holds(self, data: bytes, imports: list) -> bool:
        from outmoded.relativeneedles import holds

        return holds(self, data, imports)


class ProjectNeedles:
    """The project's own ways through (``textindex.derived_methods``): ``classes``, a removed
    method's name -> the project classes deriving from its stdlib class (both words must
    appear); ``words``, the catalog's needle words, these methods and these classes;
    ``outside``, for chains those classes cannot follow (``chains.Chains``): called with the
    file's path, bytes and the words found that nothing let through, it gives those it does."""

    __slots__ = ("classes", "words", "outside")

    def __init__(self, classes: dict, words: frozenset, outside=None):
        self.classes = classes
        self.words = words
        self.outside = outside

    @classmethod
    def of(cls, classes: dict, catalog_words: frozenset, outside=None) -> ProjectNeedles:
        return cls(classes, catalog_words.union(classes, *classes.values()), outside)

    def held(self, found: set) -> set:
        """The methods found with one of their classes.  Only the method words: a finding on
        ``x.method`` is written with the method's name, so the scanner needs no body that names
        only the class (a test module names its test case in every other function)."""
        return {method for method in found.intersection(self.classes)
                if not self.classes[method].isdisjoint(found)}


NAME_CHARACTERS = frozenset(_IDENTIFIER_BYTES.decode())


def written_alone(text: str, start: int, end: int) -> bool:
    """Is the word at ``text[start:end]`` written on its own, not inside a longer name (nor a
    number)?  A character outside ASCII beside it counts as a boundary: the answer may only
    err towards yes.  A needle word in code always stands so (a name directly after a digit,
    ``1if``, is only ever a keyword)."""
    return (not start or text[start - 1] not in NAME_CHARACTERS) and text[end:end + 1] not in NAME_CHARACTERS


def identifiers(data: bytes) -> list:
    return data.translate(IDENTIFIER_TABLE).split()


def candidate_words(data: bytes, words: frozenset, by_anchor: dict,
                    project: ProjectNeedles | None = None, held: frozenset | None = None,
                    path: str | None = None, handed: frozenset = frozenset()) -> frozenset[str] | None:
    """The words of every needle that holds in the file, or None when none does.  ``path``: the
    file's, for the project's chains (``ProjectNeedles.outside``).  The scanner
    skips function bodies that mention none of these words.  ``held``: what ``screen`` found for
    the same bytes (``Passed``), when known: the catalog's needles are not tested again (which of
    them hold depends only on the catalog's words the file names, the same in both); with its
    ``named``, the file's identifiers are not split again, unless it names a method the project's
    needles pair with a class (only then do their class words, which ``named`` leaves out, count)."""
    words = project.words if project is not None else words
    named = getattr(held, "named", None)
    if named is not None and (project is None or project.classes.keys().isdisjoint(named)):
        found, syntax = _carried(named, words)  # the file's words need not be split again
    else:
        found, syntax = _named(data, words)
    if not found:
        return _syntax_only(syntax) if syntax else None
    held = _held(data, found, by_anchor, handed) if held is None else set(held)
    roots = _roots(held, by_anchor) if held else _NONE
    if project is not None:
        own = project.held(found)
        held |= own
        if project.outside is not None and path is not None and len(held) < len(found):
            outside = project.outside(path, data, found - held)
            held |= outside
            own = own.union(outside)
        if roots and own:  # a word the project's needles let through is theirs whole
            roots = roots.difference(own)
    if not held:
        return _syntax_only(syntax) if syntax else None
    return Candidates(held, roots, syntax)


class Candidates(frozenset):
    """``candidate_words``' words (str); ``roots``: those that are the top-level module a needle's
    import needs, never written in its findings (``_roots``); ``syntax``: the words of
    ``SYNTAX_WORDS`` the file names (bytes), found in the same intersection, so the sieve's reading
    of Python 2 syntax (``masking.python2``) looks only for the statements and prefixes the file
    names as words, without searching its text for the others."""

    __slots__ = ("roots", "syntax")

    def __new__(cls, held, roots: frozenset, syntax: frozenset):
        self = super().__new__(cls, (w.decode() for w in held))
        self.roots = frozenset(w.decode() for w in roots) if roots else _NONE
        self.syntax = syntax
        return self


def _roots(held: set, by_anchor: dict) -> frozenset:
    """The words of ``held`` that only stand for the module a needle imports: ``os`` of
    ``os.stat_float_times``, ``types`` of ``types.ClassType``, ``inspect`` of
    ``inspect.getargspec``.  A finding of such a needle writes its leaf (the removed function,
    attribute, method or module, another word of the needle), never only its root: a function body
    naming ``os`` but no such leaf holds none of its findings, and the scanner need not walk it
    (nor the sieve keep it).  A word is a root only when every needle that may hold (its words all
    among ``held``) and names it takes it so: ``copy`` of ``copy.copy`` is a leaf too, and a
    needle without a known leaf (a class member, a builtin, a relative import) keeps its words."""
    roots: dict = {}
    for word in held:
        for needle in by_anchor.get(word, ()):
            if not needle.words <= held:
                continue
            root = needle.imported
            leaf = _leaf(needle) if root is not None else None
            rooted = leaf is not None and leaf != root and leaf in needle.words
            for named in needle.words:
                if not (rooted and named == root):
                    roots[named] = False
                elif named not in roots:
                    roots[named] = True
    return frozenset(word for word, only in roots.items() if only)


def _leaf(needle: Needle) -> bytes | None:
    """The word every finding of ``needle`` writes: the last part of its dotted name or module,
    or the method of an attribute needle (``literals.Attribute``); None when not known."""
    name = needle.dotted or needle.module
    if name is not None:
        return name.rpartition(b".")[2]
    plain = getattr(needle.literal, "plain", None)  # literals.Attribute: ``.method``
    return plain[1:] if plain is not None else None


# the words of syntax the target may not parse (``oldsyntax.may_fail``): a file naming one is
# parsed even when no needle holds (``SyntaxOnly``).  They are looked for in the same intersection
# as the catalog's words, at no cost: the union with each set of words is made once.  Python 2's
# ur'' prefix is a word of its own among the identifiers (``ur'x'`` splits to ``ur`` and ``x``)
UR_WORDS = frozenset((b"ur", b"uR", b"Ur", b"UR"))
SYNTAX_WORDS = frozenset((b"print", b"exec", b"async", b"await")) | UR_WORDS
_UNIONS: dict[int, tuple[frozenset, frozenset]] = {}


class SyntaxOnly(frozenset):
    """What the prefilter says of a file no needle of the catalog lets through that names a word
    of ``SYNTAX_WORDS``: the file must be parsed to know it parses (empty: nothing else; from
    ``screen``, the method words it names, which the project's needles decide on).  ``syntax``:
    the words of ``SYNTAX_WORDS`` it names, the only statements ``oldsyntax.may_fail`` looks for
    and the only prefixes ``oldsyntax.ur_string`` looks for (each holds its word)."""

    __slots__ = ("syntax",)

    def __reduce__(self):
        return _syntax_only, (self.syntax, frozenset(self))


def _syntax_only(syntax: frozenset, named: frozenset | None = None) -> SyntaxOnly:
    said = SyntaxOnly(named or ())
    said.syntax = syntax
    return said


def _with_syntax(words: frozenset) -> frozenset:
    pair = _UNIONS.get(id(words))
    if pair is None or pair[0] is not words:
        pair = _UNIONS[id(words)] = (words, words | SYNTAX_WORDS)
    return pair[1]


def _named(data: bytes, words: frozenset) -> tuple[frozenset, frozenset]:
    """The words of ``words`` the file names, and the words of ``SYNTAX_WORDS`` it names (empty:
    none): both from one intersection with the file's identifiers."""
    found = _with_syntax(words).intersection(identifiers(data))
    if SYNTAX_WORDS.isdisjoint(found):
        return found, _NONE
    syntax = SYNTAX_WORDS.intersection(found)
    return found.difference(syntax.difference(words)), syntax


def _carried(named: frozenset, words: frozenset) -> tuple[frozenset, frozenset]:
    """``_named``'s answer for ``words`` from ``Passed.named``, the file's words of a set holding
    all of ``words`` (and of ``SYNTAX_WORDS``): their intersections, no split of the file."""
    syntax = SYNTAX_WORDS.intersection(named)
    return named.intersection(words), syntax or _NONE


_NONE = frozenset()


def _held(data: bytes, found: frozenset, by_anchor: dict, handed: frozenset = frozenset()) -> set[bytes]:
    """The words of the needles that hold; and of ``handed`` (``Index.handed``), those written as a
    string argument (``outmoded.handedgetattrs``)."""
    imports: list = []  # scanned on first need
    held: set[bytes] = set()
    for word in found:
        for needle in by_anchor.get(word, ()):
            if needle.words <= found and not needle.words <= held and needle.holds(data, imports):
                held |= needle.words
    if handed and not handed.isdisjoint(found):
        from outmoded.handedgetattrs import handed_words

        held |= handed_words(data, handed.intersection(found).difference(held))
    return held


class Passed(frozenset):
    """``screen``'s answer for a file the catalog's needles let through: the words of those that
    hold, which ``candidate_words`` takes for the same bytes instead of testing them again.
    ``named``: every word of ``screen``'s ``words`` (the catalog's and the removed methods a project
    class can inherit, ``textindex.derivable_methods``) and of ``SYNTAX_WORDS`` the file names, or
    None: the project's needles' words are those and the project's class words
    (``ProjectNeedles.of``), so ``candidate_words`` need not split the file again (a few dozen
    words carried to the second pass's worker instead of the ~3,000 identifiers of a 30 KB module
    split and looked up: Twisted 18.9's 99 passed files)."""

    __slots__ = ("named",)

    def __new__(cls, held, named: frozenset | None = None):
        self = super().__new__(cls, held)
        self.named = named
        return self

    def __reduce__(self):  # the slot too (a frozenset pickles its items only)
        return Passed, (frozenset(self), self.named)


def screen(data: bytes, words: frozenset, by_anchor: dict, methods: frozenset,
           handed: frozenset = frozenset(), record: list | None = None) -> frozenset:
    """How the file can pass once the project's needles are known: ``Passed`` when the catalog's
    needles let it through, else the words of ``methods`` it names (the project's needles pair
    one of them with a class; none named: the file is cleared).  ``words`` includes ``methods``.
    ``handed``: ``Index.handed`` (``_held``).  ``record``: given, the words of ``words`` the file
    names are appended to it (the first pass keeps them for the whole-tree questions:
    ``projectfiles.Tree.naming``)."""
    found, syntax = _named(data, words)
    if record is not None:
        record.append(found)
    held = _held(data, found, by_anchor, handed) if found else None
    if held:
        return Passed(held, found.union(syntax) if syntax else found)
    named = methods.intersection(found)
    return _syntax_only(syntax, named) if syntax else named
