"""The prefilter's needles built from the catalog: for each removed name, the words that must all
appear in a file and the import, dotted name or literal they imply (``prefilter.Needle``, whose
text tests are ``literals.Text`` and its kinds).

Built with the per-target index (``catalog.index.build_index``), once per target and stored
compiled with it, so a check never imports this module; ``prefilter`` holds what a check runs.
"""

from __future__ import annotations

from outmoded.awaitedcontexts import AWAITED_WITH_TEXT
from outmoded.catalog import Entry
from outmoded.gaps import GAP
from outmoded.importtime import RunsAtImport
from outmoded.literals import Attribute, CallArgument, ModeString, Text, TruthTested
from outmoded.prefilter import Needle, RelativeNeedle

BUILTINS = "builtins."


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


MODULE_TYPE = "types.ModuleType"  # its members are read on any module's name too (``check_module_member``)


def receiver_words(cls: str, bases: dict, returns: dict, seen: frozenset = frozenset()) -> set[str]:
    """The names one of which a file must write for the scanner to tie a receiver to ``cls``
    (``receivers``): the last part of the name of ``cls`` or of a class the hints say derives
    from it (called: an instance; a base: ``self`` in a subclass), or of a function or method
    the hints say returns one (``threading.current_thread()``, ``conn.cursor()``); what
    ``X.__enter__`` returns is bound by ``with``, on an instance of ``X`` made so.  A class of the
    project deriving from one elsewhere is the project's needles' (``prefilter.ProjectNeedles``)."""
    family = family_of(cls, bases)
    words = {member.rpartition(".")[2] for member in family}
    for function, returned in returns.items():
        if returned in family:
            owner, _, leaf = function.rpartition(".")
            if leaf != "__enter__":
                words.add(leaf)
            elif owner not in family and owner not in seen:
                words |= receiver_words(owner, bases, returns, seen | {cls})
    return words


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


def needles(entry: Entry, name: str, bases: dict, returns: dict | None = None) -> list[Needle]:
    """The prefilter's conditions for finding ``entry`` in a file; one of them must hold.
    ``bases`` and ``returns``: the catalog's class hints."""
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
        roots = roots_of(cls, bases)
        if len(roots) == 1 and "builtins" not in roots and cls != MODULE_TYPE:
            # and the file writes a name such a receiver is made with (``receiver_words``)
            root = next(iter(roots))
            words = receiver_words(cls, bases, returns or {})
            if entry.narrowed_by_isinstance:  # a visitor's visit_Constant(self, node) (narrowing.parameter_narrowings)
                words.add("visit_" + cls.rpartition(".")[2])
            return [Needle(_encoded([root, method, word]), root.encode(), literal=access)
                    for word in sorted(words)]
        return [Needle(_encoded([method]), literal=access) if root == "builtins"
                else Needle(_encoded([root, method]), root.encode(), literal=access)
                for root in roots]
    if entry.kind == "behaviour" and entry.signature == "awaited-context":
        # with await lock: in a method that need not name the lock's class (self._cond bound in
        # __init__): the keyword is a word of the needle, so the bodies writing it are read
        literal, root = Text(BEHAVIOUR_TEXT["awaited-context"]), name.split(".")[0]
        return [Needle(_encoded([root, name.rpartition(".")[2], keyword]), root.encode(), literal=literal)
                for keyword in ("await", "yield")]
    if entry.kind == "behaviour" and entry.signature == "namespace-annotations":
        # the key written as a string: ns.get("__annotations__"), cls.__dict__["__annotations__"]
        return [Needle(frozenset([b"__annotations__"]), literal=Text(rb"[\"']__annotations__[\"']"))]
    if entry.kind == "behaviour" and entry.signature == "union-attribute":
        # the attribute set on a Union the module binds, or a loop over __all__ (it may reach an imported one)
        literal = Text(BEHAVIOUR_TEXT["union-attribute"])
        return [Needle(frozenset([b"__module__", word]), literal=literal) for word in (b"Union", b"Optional")] + [
            Needle(frozenset([b"__module__", b"__all__"]), literal=Text(rb"__all__(?:(?<=[ \t]in[ \t]__all__)|(?<=[ \t]in[ \t]{2}__all__)|(?<=[ \t]in[ \t]{3}__all__))[ \t]*:"))]
            # for name in __all__: (one to three blanks after in; a lookbehind has one width), the word first
    literal = _literal(entry, name)
    words = _encoded(needle_words(entry, name))
    if name.startswith(BUILTINS):
        return [Needle(words, literal=literal)]
    root = name.split(".")[0].encode()
    if entry.kind == "module":
        return [Needle(words, root, module=name.encode(), literal=literal)]
    dotted = None if _class_member(name) or "." not in name else name.encode()
    found = [Needle(words, root, dotted, literal=literal)]
    parts = name.split(".")
    if dotted is not None and len(parts) >= 3:
        # inside a package named like the stdlib's, ``from . import events`` binds asyncio.events:
        # the import names one of the parts between, never the top-level one
        found += [RelativeNeedle(words.difference([root]).union([part.encode()]), dotted=dotted, literal=literal)
                  for part in sorted(set(parts[1:-1]))]
    return found


def _literal(entry: Entry, name: str) -> Text | None:
    """Text a removed argument leaves: a mode string such as 'rU', or a call of its function
    passing it (``keyword=``, or enough arguments for one that may be passed by position); text a
    behaviour removal's signature needs (``BEHAVIOUR_TEXT``, a value passed: ``CALL_VALUES``)."""
    if entry.kind == "behaviour":
        if entry.signature == "keywords":
            return Text(_any_keyword(entry.unless))
        if entry.signature == "truth-value":
            return TruthTested(name.rpartition(".")[2])
        if entry.signature == "argument" and entry.matches in CALL_VALUES:
            # a literal the value must be: in a call of the function, where the argument goes
            return CallArgument(name.rpartition(".")[2].encode(), entry.argument_positions, entry.matches)
        pattern = BEHAVIOUR_TEXT.get(entry.matches if entry.signature == "argument" else entry.signature)
        if entry.signature == "main-block-call":
            return RunsAtImport(pattern, name.rpartition(".")[2].encode())
        return Text(pattern) if pattern else None
    if entry.value_contains:  # the values removed so far are file-mode letters
        return ModeString(entry.value_contains.encode())
    if entry.kind == "argument":  # passed to a call of the function: by keyword, or by position
        return CallArgument(name.rpartition(".")[2].encode(), ((entry.argument, entry.position),),
                            assignable=not name.startswith(BUILTINS))
    return None


# What the scanner's behaviour signatures cannot do without: a global inline flag group written
# out, a main block, a call without arguments subscripted, two subscripted bases (``keywords``:
# ``_any_keyword``).
BEHAVIOUR_TEXT = {
    "misplaced-global-flags": rb"\(\?[aiLmsux]+\)",
    # a main block, or a loop run by a statement at column 0: a script's top level (behaviours.script_top_level);
    # not a method's self.loop.run_forever() (Twisted 18.9's asyncioreactor.py: parsed for nothing, +0.35%)
    # or what runs at every import: importtime.RunsAtImport, not any call of a plain name at
    # column 0 (Django 5.2.8's tests/asgi/tests.py, TEST_STATIC_ROOT = Path(__file__)..., was parsed for
    # nothing: callgrind of a check of that file, 347.3M -> 426.4M instructions)
    "main-block-call": rb"__main__|(?m:^[A-Za-z_][^\n]*\.run_(?:until_complete|forever)[ \t]*\()",
    "subscript": rb"\([ \t]*\)[ \t]*\[",  # entry_points()["group"]
    "main-block-callable": rb"__main__",  # pool.map(work) of a def in the main block
    "protocol-parameters": rb"\][ \t\r\n]*,[ \t\r\n]*[\w.]+\[",  # class X(P1[S], Protocol[T]): two subscripted bases
    "sequence-for-named": rb"[\"'][^\"'\n]*[^\w:]:[A-Za-z_]",  # execute("... :name", (1,)): a named placeholder
    "sequences-for-named": rb"[\"'][^\"'\n]*[^\w:]:[A-Za-z_]",  # executemany("... :name", [(1,)]): the same
    "coroutines": rb"wait[ \t]*\([ \t\r\n]*(?:fs[ \t]*=[ \t]*)?[\[\({]",  # asyncio.wait([...]): a display right there
    "class-attribute": rb"\n[ \t]+\w+[ \t]*=[ \t]*[\w.]*partial[ \t]*\(",  # f = functools.partial(...) in a class body
    # @classmethod over @property: two decorator lines, comments and blank lines between them
    "decorator-stack": rb"@[ \t]*[\w.]*classmethod\b[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*@[ \t]*[\w.]*property\b",
    # X.__module__ = ..., setattr(X, "__module__", ...): the attribute set (aliasattributes.ATTRIBUTES),
    # the word first (sre skips to it)
    "union-attribute": rb"__module__(?:(?<=\.__module__)[ \t]*=(?!=)|(?<=[\"']__module__)[\"'])",
    # class X(A, B): a class statement with two bases or more (a comma before the header's first
    # parenthesis closes); the word first, as above (a leading \b leaves sre no literal to skip to:
    # 17x the time over Twisted 18.9's 117 files naming timeout)
    "duplicate-base": rb"class(?<!\wclass)[ \t]+\w+[ \t]*\([^()]*,",
    "root-base": rb"class(?<!\wclass)[ \t]+\w+[ \t]*\([^()]*\b_root[ \t]*=",  # class TypeVar(typing.TypeVar, _root=True)
    "option-strings": rb"[\"']-[^-\"'\s][^\"'\s]+[\"']",  # add_argument('-f', '-foo'): a single-dash long option
    "awaited-context": AWAITED_WITH_TEXT,  # with await lock:, with (yield from self._cond):
}


# The argument matches whose value is a literal (``behaviours.Behaviours._matches``): its text is
# looked for where the argument is passed (``literals.CallArgument``)
CALL_VALUES = frozenset({"None", "float", "container"})


# A word a behaviour removal's signature cannot do without, needed as well as the name's: a word
# costs nothing where a text search costs a pass over the file
BEHAVIOUR_WORDS = {
    "trunc-only": "__trunc__",  # int(x) of a class the project defines __trunc__ on
    "itertools-iterator": "itertools",  # copy.copy(itertools.count()): imported from there
}


def _any_keyword(unless) -> bytes:
    """A keyword argument of any call whose name is not one of ``unless``: the ``keywords``
    signature (``TypedDict("T", x=int)``) reports any other keyword of the call, whatever its first
    argument, the call's name (an alias) or the spaces, lines and comments around the name (``GAP``)."""
    import re

    allowed = b"|".join(re.escape(name.encode()) for name in sorted(unless))
    skip = rb"(?!(?:" + allowed + rb")" + GAP + rb"=)" if allowed else b""
    return rb"[(,]" + GAP + skip + rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*" + GAP + rb"=(?!=)"


def needle_words(entry: Entry, name: str) -> frozenset[str]:
    parts = name.split(".")
    if entry.kind == "module":
        return frozenset(parts)
    if entry.kind == "argument":
        root = [] if name.startswith(BUILTINS) else [parts[0]]
        # keyword-only: its name is written; one that may be passed by position need not be
        return frozenset(root + [parts[-1]] + ([entry.argument] if entry.position is None else []))
    needed = BEHAVIOUR_WORDS.get(entry.matches if entry.signature == "argument" else entry.signature)
    if needed is not None:
        return frozenset([needed, parts[-1]] + ([] if name.startswith(BUILTINS) else [parts[0]]))
    if name.startswith(BUILTINS):
        return frozenset([parts[-1]])
    if _class_member(name) and entry.kind != "behaviour":  # re.RegexFlag.T: reported only as written through its class, so named
        return frozenset([parts[0], parts[-2], parts[-1]])
    # a behaviour on a method (sqlite3.Connection.execute) is judged on receivers typed through what
    # functions return (conn = sqlite3.connect(db)): the class name need not be written
    return frozenset([parts[0], parts[-1]])
