"""The catalog's C-API names and the loop that finds them among a C or Cython file's tokens.

``table`` builds the lookup tables once (removed names, those removed from the limited C API
only, borrowed-reference APIs, macros that can no longer be assigned to) and the words of the C
prefilter; ``api_findings`` is the finding loop ``outmoded.native.capi`` runs on a file's live
tokens: struct members only after ``->`` or ``.``, API names not after them, a file's shims never.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from outmoded.catalog import Entry
from outmoded.findings import ERROR, WARNING, Finding, make_finding
from outmoded.native import make, rule_message, rules
from outmoded.native.ctokens import Token
from outmoded.native.members import members
from outmoded.records import Frozen

API_PREFIXES = ("Py", "_Py", "PY", "_PY")
MODULE_WORDS = frozenset({b"PyModuleDef_Slot", b"PyModule_Create", b"PyModule_Create2", b"PYBIND11_MODULE"})
FREE_THREADED_FROM = (3, 13)


class Table(Frozen):
    """The C-API lookup tables (``table()``): a record, not a dataclass, whose import would pull in
    ``inspect`` before a run's second pass forks."""

    __slots__ = _fields = ("removed", "limited", "borrowed", "lvalue", "arity", "internal", "words", "named")
    removed: dict[str, Entry]  # name -> entry
    limited: dict[str, Entry]  # removed from the limited C API only: name -> entry
    borrowed: dict[str, Entry]
    lvalue: dict[str, Entry]  # assigned to, it breaks: Py_TYPE(o) = t
    arity: dict[str, Entry]  # called with entry.arguments arguments, it breaks: PyFloat_FromString(s, NULL)
    internal: dict[str, tuple]  # internal header (pycore_setobject.h) -> ((removed name it declares, until), ...)
    words: frozenset[bytes]  # a file naming none of these has nothing to report (C prefilter)
    named: frozenset[str]  # the names of the five tables: the only ones ``api_findings`` reports


@lru_cache(maxsize=1)
def table() -> Table:
    """The C-API lookup tables, built from the catalog once per process."""
    removed, limited, borrowed, lvalue, arity, internal = {}, {}, {}, {}, {}, {}
    for entry in rules().values():
        if entry.member_of:
            continue  # members of one struct: outmoded.native.members, on receivers known to be it
        if entry.internal_header:
            internal.setdefault(entry.internal_header.rsplit("/", 1)[-1], []).extend(
                (name, entry.internal_until) for name in entry.names)
        if entry.check in (None, "removed"):
            (limited if entry.limited_api else removed).update(dict.fromkeys(entry.names, entry))
        elif entry.check == "borrowed-ref":
            borrowed.update(dict.fromkeys(entry.names, entry))
        elif entry.check == "lvalue":
            lvalue.update(dict.fromkeys(entry.names, entry))
        elif entry.check == "arity":
            arity.update(dict.fromkeys(entry.names, entry))
    words = frozenset(n.encode() for n in [*removed, *limited, *borrowed, *lvalue, *arity]) | MODULE_WORDS | members().words
    return Table(removed, limited, borrowed, lvalue, arity, {k: tuple(v) for k, v in internal.items()}, words,
                 frozenset([*removed, *limited, *borrowed, *lvalue, *arity]))


# every byte that cannot be part of an identifier (Cython's, C's but for ``$``) as a space
_IDENTIFIER_BYTES = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else 32 for c in range(256))


def names_one(data: bytes) -> bool:
    """Does the source name one of the catalog's C words (``Table.words``) as a whole identifier?
    One pass in C (the non-identifier bytes made spaces, then split): for a file naming none, the
    only question its tokens could answer.  Every identifier the C and Cython lexers
    (``ctokens``) yield stands between such bytes, so none is missed; a word found inside
    something else (a string, a comment) only costs the full check."""
    return not table().words.isdisjoint(data.translate(_IDENTIFIER_BYTES).split())


def is_member(name: str) -> bool:
    """Struct members (``ma_version_tag``) as opposed to functions, macros and types."""
    return not name.startswith(API_PREFIXES)


def api_findings(path: str, tokens: Iterable[Token], target: tuple[int, int], shims: frozenset = frozenset(),
                 api_after_dot: bool = False, limited_api: bool = False,
                 limited_version: int | None = None) -> list[Finding]:
    """Removed and borrowed-reference names among ``tokens`` (one finding per token).

    ``api_after_dot``: API names count after ``.`` too (Cython's ``cpython.PyList_GetItem``).
    ``limited_api``: the file builds against the limited C API, so names removed from it count;
    those removed only from some limited API versions (``limited_since``) count when
    ``limited_version``, the value the file gives ``Py_LIMITED_API``, is one of them.
    """
    lookup = table()
    removed = {**lookup.removed, **lookup.limited} if limited_api else lookup.removed
    named = lookup.named
    found = []
    previous = ""
    tokens = list(tokens)
    for index, token in enumerate(tokens):
        if token.kind != "ident":
            previous = token.text
            continue
        name = token.text
        if name not in named:  # nothing below can find it
            previous = name
            continue
        after_arrow = previous in ("->", ".")
        previous = name
        if name in shims:
            continue
        if is_member(name):
            if not after_arrow:
                continue
        elif after_arrow and not api_after_dot:
            continue
        span = (token.line, token.column, token.line, token.column + len(name))
        entry = removed.get(name)
        if entry is not None and entry.limited_since and not (
                limited_version is not None and limited_version >= version_hex(entry.limited_since)):
            entry = lookup.removed.get(name)  # hidden from later limited API versions only
        if entry is not None and entry.removed_in <= target:
            found.append(make_finding(path, span, entry, name, target, ERROR))
            continue
        entry = lookup.lvalue.get(name)
        if entry is not None and entry.removed_in <= target and assigned(tokens, index):
            found.append(make_finding(path, span, entry, name, target, ERROR))
            continue
        entry = lookup.arity.get(name)
        if entry is not None and entry.removed_in <= target and call_arguments(tokens, index) == entry.arguments:
            found.append(make(path, span, entry, name, ERROR, rule_message(entry, name)))
            continue
        entry = lookup.borrowed.get(name)
        if entry is not None and target >= FREE_THREADED_FROM:
            found.append(make(path, span, entry, name, WARNING, rule_message(entry, name)))
    return found


COMPOUND = frozenset("+-*/%&|^") | {"<<", ">>"}


def call_arguments(tokens: list, index: int) -> int | None:
    """How many arguments the call of the name at ``tokens[index]`` passes (None: not a call, or
    one whose parentheses do not close)."""
    if index + 1 >= len(tokens) or tokens[index + 1].text != "(":
        return None
    depth, count, empty = 0, 1, True
    for token in tokens[index + 1:]:
        text = token.text
        if text in ("(", "[", "{"):
            depth += 1
            if depth == 1:
                continue
        elif text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return 0 if empty else count
        elif text == "," and depth == 1:
            count += 1
        empty = False
    return None


def assigned(tokens: list, index: int) -> bool:
    """Is the call-like macro at ``tokens[index]`` assigned to: ``Py_TYPE(&T) = &PyType_Type``,
    ``Py_SIZE(v) += 1``, ``Py_REFCNT(o)++`` (not ``==``)?"""
    if index + 1 >= len(tokens) or tokens[index + 1].text != "(":
        return False
    depth = 0
    for close in range(index + 1, len(tokens)):
        text = tokens[close].text
        depth += text == "("
        depth -= text == ")"
        if depth == 0:
            break
    else:
        return False
    after = [t.text for t in tokens[close + 1:close + 3]] + ["", ""]
    return (after[0] == "=" and after[1] != "=") or (after[0] in COMPOUND and after[1] == "=") \
        or (after[0] in ("+", "-") and after[1] == after[0])


def removed_now(target: tuple[int, int]) -> frozenset:
    return frozenset(n for n, e in table().removed.items() if e.removed_in <= target)


def version_hex(version: tuple[int, int]) -> int:
    """``PY_VERSION_HEX`` of a release's first version: (3, 11) -> 0x030B0000."""
    return version[0] << 24 | version[1] << 16
