"""What a file's import statements bind each name to, read from its text (no parsing), for the
project's pairing (``pairing.Refiner``) and the resolvers over the text index (``textresolve``):
[name, target] pairs in any indentation and over parentheses and backslashes, and whether a name is
also assigned (``is_assigned``).  ``importlines`` reads the same statements for the prefilter.
"""

from __future__ import annotations

from outmoded.importlines import DOTTED_WORD, IDENTIFIER_SET
from outmoded.lazyre import LazyPattern

ASSIGNED = "="  # a binding target: the name is also assigned (``Base = make_base()``)
STARRED = "*"  # a binding target: the file has a ``from m import *`` that may bind it
IMPORT_PREFIX_RE = LazyPattern(rb"(?:^|[;:])[ \t\f]*(?:from[ \t\f]*([\w.]+)[ \t\f]*)?$")  # `from.m import`
FROM_RE = LazyPattern(rb"(?:^|[;:])[ \t\f]*from\W")
GAP_RE = LazyPattern(rb"\\\r?\n|#[^\n]*")
# a statement alone on its line, names without brackets, ``*``, ``;``, a comment or a backslash:
# ``IMPORT_PREFIX_RE``'s reading of its head and ``_statement_end``'s end (its line end) in one match
SIMPLE_RE = LazyPattern(rb"[ \t\f]*(?:from[ \t\f]*([\w.]+)[ \t\f]*)?(import)[ \t\f]+[\w.,][\w., \t\f]*\r?(?=\n|\Z)")


def read_bindings(data: bytes, names=None, assigned: bool = True) -> list:
    """What import statements bind ``names`` (all names when None) to, as [name, target] pairs:
    ``module`` (``import module as name``, or ``import name.sub``), ``module:attr`` (``from module
    import attr as name``, a relative module keeping its dots, ``?`` when it cannot be read); a
    star import adds [STARRED, STARRED], or for each of ``names`` [name, STARRED]; for ``names``,
    also [name, ASSIGNED] when the name is assigned anywhere (``name =``, ``name: T =``, ``:=``;
    looked for only when ``assigned``).
    Read from the text wherever ``import`` is written (any indentation, after ``try:``/``else:``/
    ``;``, in parentheses, over backslashes); text that only looks like an import (in a string, a
    comment) adds bindings, which only widens the answer.  ``pairing`` resolves bases with it."""
    statements, star = import_statements(data)
    if names is None:
        found, star = [], False
        for statement in statements:
            pairs, starred = statement_bindings(data, statement)
            found += pairs
            star = star or starred
        return found + [[STARRED, STARRED]] if star else found
    wanted = [name.encode() for name in names]
    found = [pair for statement in statements if any(data.find(word, statement[1], statement[2]) >= 0 for word in wanted)
             for pair in statement_bindings(data, statement)[0] if pair[0] in names]
    for name in sorted(names):
        if assigned and is_assigned(data, name.encode()):
            found.append([name, ASSIGNED])
        if star:
            found.append([name, STARRED])
    return found


def import_statements(data: bytes) -> tuple[list, bool]:
    """The import statements ``read_bindings`` reads, their names not read yet: ([(module, where
    its names start, where it ends)], may one bind any name: a star import, or text read as
    ``import *``).  ``module`` as in the targets: None for ``import``, ``?`` for a from-import
    whose module the text cannot read.  Finding them is about
    half the work; ``bound`` reads the names of only those that can bind a name asked about (a
    base's first name: one or two statements of a module's dozens)."""
    statements: list = []
    star = False
    position = data.find(b"import")
    while position >= 0:
        end = position + 6
        before = data[position - 1] if position else 32
        if before in IDENTIFIER_SET or data[end:end + 1] not in (b" ", b"\t", b"\f", b"(", b"\\"):
            position = data.find(b"import", end)
            continue
        start = data.rfind(b"\n", 0, position) + 1
        continued = start > 1 and (data[start - 2] == 92 or (data[start - 2] == 13 and data[start - 3] == 92))
        simple = None if continued else SIMPLE_RE.match(data, start)
        if simple is not None and simple.start(2) == position:  # most statements: read in one match
            module = simple[1].decode("ascii", "replace") if simple[1] else None
            statements.append((module, end, simple.end()))
            position = data.find(b"import", simple.end())
            continue
        stop = _statement_end(data, end)
        while start > 1 and (data[start - 2] == 92 or (data[start - 2] == 13 and data[start - 3] == 92)):
            start = data.rfind(b"\n", 0, start - 1) + 1  # a continued line: the statement starts above
        head = GAP_RE.sub(b" ", data[start:position])
        head = head[head.rfind(b";") + 1:]
        match = IMPORT_PREFIX_RE.search(head)
        if match is None:
            if not FROM_RE.search(head):  # `import` inside an expression or a string: no statement
                position = data.find(b"import", end)
                continue
            module = "?"  # a from-import whose module the text cannot read: its names stand for anything
        else:
            module = match[1].decode("ascii", "replace") if match[1] else None
        statement = (module, end, stop)
        statements.append(statement)
        if not star and data.find(b"*", end, stop) >= 0:
            pairs, star = statement_bindings(data, statement)
            star = star or any(local == STARRED for local, _ in pairs)
        position = data.find(b"import", max(stop, end))
    return statements, star


def statement_bindings(data: bytes, statement: tuple) -> tuple[list, bool]:
    """([name, target] pairs of one of ``import_statements``' statements, is it a star import)."""
    module, end, stop = statement
    names_text = GAP_RE.sub(b" ", data[end:stop])
    if names_text.lstrip().startswith(b"("):
        names_text = names_text.lstrip()[1:].partition(b")")[0]
    else:
        names_text = names_text.partition(b";")[0]
    found, star = [], False
    for part in names_text.split(b","):
        words = part.split()
        if not words:
            continue
        name = words[0].decode("ascii", "replace")
        alias = words[2].decode("ascii", "replace") if len(words) >= 3 and words[1] == b"as" else None
        if module is not None:
            if name == "*":
                star = True
            else:
                found.append([alias or name, f"{module}:{name}"])
        elif alias:
            found.append([alias, name])
        else:
            found.append([name.partition(".")[0], name.partition(".")[0]])
    return found, star


def bound(data: bytes, statements: list, name: str) -> list:
    """The targets ``import_statements``' ``statements`` bind ``name`` to, in order: only those
    whose text holds the name are read (a name bound is written there, the same bytes)."""
    encoded = name.encode()
    return [target for statement in statements if data.find(encoded, statement[1], statement[2]) >= 0
            for local, target in statement_bindings(data, statement)[0] if local == name]


def _statement_end(data: bytes, position: int) -> int:
    """Where the import statement whose names start at ``position`` ends: after its closing
    parenthesis when the names are in parentheses, else at the first ``;`` or line end not
    continued by a backslash."""
    stop = position
    while data[stop:stop + 1] in (b" ", b"\t", b"\f", b"\\", b"\r") or data[stop - 1:stop + 1] == b"\\\n":
        stop += 1
    if data[stop:stop + 1] == b"(":
        close = data.find(b")", stop)
        while close >= 0 and b"#" in data[max(data.rfind(b"\n", stop, close) + 1, stop):close]:
            close = data.find(b")", data.find(b"\n", close) + 1 or len(data))  # in a comment
        return len(data) if close < 0 else close + 1
    while True:
        newline = data.find(b"\n", stop)
        newline = len(data) if newline < 0 else newline
        semicolon = data.find(b";", stop, newline)
        if semicolon >= 0:
            return semicolon  # the next statement on the line is read on its own
        if newline == len(data) or not data[stop:newline].rstrip(b"\r").endswith(b"\\"):
            return newline
        stop = newline + 1


def is_assigned(data: bytes, name: bytes) -> bool:
    """Is ``name`` written as an assignment's target: followed by ``=`` (not ``==``), ``: T =``
    or ``:=``?  Keyword arguments count too (a wider answer)."""
    position = data.find(name)
    while position >= 0:
        end = position + len(name)
        if not position or data[position - 1] not in DOTTED_WORD:
            while data[end:end + 1] in (b" ", b"\t"):
                end += 1
            follow = data[end:end + 2]
            if follow[:1] == b"=" and follow != b"==":
                return True
            if follow[:1] == b":" and (follow == b":=" or _annotated(data, end)):
                return True
        position = data.find(name, end)
    return False


def _annotated(data: bytes, colon: int) -> bool:
    """Does an ``=`` (not ``==``) follow the colon on its line: ``name: T = value``?"""
    newline = data.find(b"\n", colon)
    line = data[colon:newline if newline >= 0 else len(data)]
    equals = line.find(b"=")
    while equals >= 0:
        if line[equals + 1:equals + 2] != b"=" and line[equals - 1:equals] not in (b"=", b"!", b"<", b">"):
            return True
        equals = line.find(b"=", equals + 2)
    return False
