"""Is a call the prefilter's ``CallArgument`` finds written through the module whose function it is?

``shlex.split(None)`` is a finding; ``data.split(None, 1)`` on a parameter is not, yet the text
test of the call (``literals.CallArgument``) matches both.  The scanner reports a call of a
module's function only where it resolves the call's receiver to that module (``self.qualify``):
a binding made by an import, an assignment of the module or of another name for it, a module
looked up by its name (``import_module("shlex")``, ``sys.modules["shlex"]``).  Each of those
writes the module's name other than as ``shlex.`` or in a plain ``import shlex`` statement, or
binds the receiver by an import.  So where the module's name is written only so, a call whose
receiver is a name no import binds and not the module's (nor one of its dotted parts), or a
value (a subscript, a call's result, a string), is not the module's function: the needle does not
hold for it (``prefilter.Needle.holds``).  Anything the text cannot tell (a receiver after a
dot, a name aliased or assigned another name, the function called by its bare name) counts as
written through the module.
"""

from __future__ import annotations

from outmoded.importlines import IDENTIFIER_SET, word_positions

BLANKS = b" \t\f\r\n\\"
VALUE_ENDS = frozenset(b")]'\"")  # a receiver that is a value, not a name: x[1].f(, g().f(, "".f(


def through_module(literal, dotted: bytes, data: bytes, aliases: dict) -> bool:
    """May a call ``literal`` (a ``CallArgument``) lets through be a call of the module function
    ``dotted`` (``shlex.split``)?  ``aliases``: the names the file's imports bind
    (``Imports.aliases``)."""
    module = dotted.rpartition(b".")[0]
    if not _written_only_imported(module.rpartition(b".")[2], data):
        return True
    parts = set(module.split(b"."))
    for receiver in receivers(literal, data):
        if receiver is None or receiver in parts or receiver in aliases:
            return True
        if receiver and _assigned_a_name(receiver, data):
            return True
    return False


def receivers(literal, data: bytes) -> set:
    """The receiver of each call of the literal's function that passes it: a name (``data`` of
    ``data.split(None)``), b"" for a value, None where the name is not called right after
    ``receiver.`` (called bare, assigned, in brackets, a receiver after a dot or a blank)."""
    found = set()
    for start, stop in literal.calls(data):
        found.add(_receiver(data, start, stop))
        if None in found:
            break
    return found


def _receiver(data: bytes, start: int, stop: int) -> bytes | None:
    after = stop
    while data[after:after + 1] in (b" ", b"\t"):
        after += 1
    if start < 2 or data[start - 1] != 46 or data[after:after + 1] != b"(":  # receiver.name(
        return None
    last = data[start - 2]
    if last in VALUE_ENDS:
        return b""
    if last not in IDENTIFIER_SET:
        return None
    first = start - 2
    while first and data[first - 1] in IDENTIFIER_SET:
        first -= 1
    if data[first] in b"0123456789":
        return None
    before = first
    while before and data[before - 1] in BLANKS:
        before -= 1
    if before and data[before - 1] == 46:  # a.receiver.name(: an attribute of something else
        return None
    return data[first:start - 1]


def _written_only_imported(word: bytes, data: bytes) -> bool:
    """Is ``word`` (a module's last name) written in ``data`` only before a dot (``shlex.split``)
    or as a module a plain import statement at the start of a line imports (``import shlex``,
    ``import os, shlex``)?  Then no other name is bound to the module in this file."""
    import re

    imported = {match.start(1) for match in re.finditer(
        rb"(?m)^[ \t]*import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*(%s)(?=[ \t]*(?:[,;#]|\r?$|as[ \t]))"
        % re.escape(word), data)}
    size = len(word)
    return all(data[at + size:at + size + 1] == b"." or at in imported for at in word_positions(word, data))


def _assigned_a_name(name: bytes, data: bytes) -> bool:
    """Is ``name`` given another name's value anywhere (``sh = compat``, ``sh := compat``), which may
    be a module re-exporting the function?"""
    import re

    return re.search(rb"(?m)(?<![\w.])%s[ \t]*:?=(?!=)[ \t]*(?!(?:None|True|False)[ \t]*(?:[#;]|\r?$))[A-Za-z_][\w.]*"
                     rb"[ \t]*(?:[#;]|\r?$)" % re.escape(name), data) is not None
