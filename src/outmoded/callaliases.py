"""The other names a file gives the functions whose calls the catalog checks (removed arguments,
behaviour calls: ``Index.call_leaves``), read from its bytes (no parsing): ``from hmac import new
as h`` or ``h = hmac.new``, then ``def sign(k): return h(k)``.  The engine adds them to the file's
words, so the sieve keeps a function body calling ``h`` and the scanner checks the call there.
"""

from __future__ import annotations

from outmoded.importlines import IDENTIFIER_SET, word_positions

_CHAIN_BYTES = IDENTIFIER_SET | frozenset(b". \t(\\\r\n")  # what may stand between ``=`` and the function's name
_ASSIGNED_REACH = 200  # bytes looked back from the function's name for the ``=`` of its assignment
_BLANKS = frozenset(b" \t")
_LINE_END = frozenset(b"\r\n#")


def call_aliases(data: bytes, leaves) -> frozenset[str]:
    """The other names a file gives the functions of ``leaves`` (``Index.call_leaves``), whose
    calls the scanner checks through them: ``from hmac import new as h`` (also inside brackets
    over lines), and a name assigned the function, written last in the statement (``h =
    hmac.new``, ``h: object = (hmac.new)``, over a backslash).  Each leaf is found as a word
    (``importlines.word_positions``, ``bytes.find``) and what follows it read: blanks and
    ``as``, or the end of its line (a regex per leaf cost more to compile than all the searches
    of a run).  A name too many only costs a function body read, so any such spelling counts."""
    found, size = set(), len(data)
    for leaf in leaves:
        word = leaf.encode()
        for at in word_positions(word, data):
            after = end = at + len(word)
            while after < size and data[after] in _BLANKS:
                after += 1
            if after > end and data.startswith(b"as", after) and data[after + 2:after + 3] in (b" ", b"\t"):
                start = after + 3
                while start < size and data[start] in _BLANKS:
                    start += 1
                stop = start
                while stop < size and data[stop] in IDENTIFIER_SET:
                    stop += 1
                if stop > start:
                    found.add(data[start:stop].decode())
            else:
                while after < size and data[after] in _BLANKS or data[after:after + 1] == b")":
                    after += 1
                if after == size or data[after] in _LINE_END:
                    name = _assigned_to(data, at)
                    if name:
                        found.add(name)
    return frozenset(found)


def _assigned_to(data: bytes, end: int) -> str | None:
    """The name a statement assigns where what it assigns ends at ``end`` with a dotted name
    (``alias = hmac.new``, ``alias: object = (\n    hmac.new``, over a backslash), else None:
    a line break between them ends the statement unless a backslash or ``(`` is before it."""
    if end and data[end - 1] in IDENTIFIER_SET:
        return None
    at, floor = end, max(0, end - _ASSIGNED_REACH)
    while at > floor and data[at - 1] in _CHAIN_BYTES:
        at -= 1
        if data[at] == 10:  # a line break: the statement goes on only after a backslash or an open bracket
            before = at - 1 if at and data[at - 1] == 13 else at
            if not before or data[before - 1] not in b"\\(":
                return None
    if at <= floor or data[at - 1] != 61 or (at > 1 and data[at - 2] in b"=!<>"):  # 61: "="
        return None
    line = data.rfind(b"\n", 0, at - 1) + 1
    name = data[line:at - 1].partition(b":")[0].strip().decode("latin-1")
    return name if name.isidentifier() else None
