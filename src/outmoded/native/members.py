"""Removed members of CPython's C structs, found only on receivers known to be that struct.

A member name such as ``frame``, ``recursion_depth`` or ``f_back`` says little alone: a project's
own structs, and Python-level attributes in Cython (``frame.f_back``), use the same names.  So a
catalog entry with ``member_of`` (``capi_3_N.yaml``) is reported only where the expression before
``->`` or ``.`` is known to be its struct:

- a variable the file declares with the type (``PyThreadState *tstate``, ``struct _ts *ts``, a
  parameter), or a cast to it (``((PyFrameObject *)op)->f_back``);
- a call of a function the entry's ``returned_by`` names (``PyThreadState_Get()->frame``,
  ``PyEval_GetFrame()->f_code``);
- a member of a known struct that ``returned_by`` names as ``Type.member`` (``tstate->frame->f_back``:
  ``PyThreadState.frame`` holds a ``PyFrameObject``; ``tstate->exc_info->exc_type``).

The ``returned_by`` of every entry of one type count for all of them.  The scope of a declaration
is the file, as for ``capi.declared_names``.
"""

from __future__ import annotations

from functools import lru_cache

from outmoded.findings import ERROR, Finding, make_finding
from outmoded.native import rules
from outmoded.records import Frozen

QUALIFIERS = frozenset({"const", "volatile", "*", "struct"})
AFTER_DECLARED = frozenset({"=", ";", ",", ")", "["})
ARROWS = ("->", ".")
KEYWORDS = frozenset({"return", "sizeof", "if", "while", "switch", "case", "else", "do", "for"})


class Members(Frozen):
    """The tables of catalogued struct members (``members()``), a record as ``apinames.Table``."""

    __slots__ = _fields = ("by_name", "spellings", "calls", "fields", "words")
    by_name: dict  # member name -> entries removing it (from one struct or several)
    spellings: dict  # type spelling (PyThreadState, _ts) -> the entry's first spelling
    calls: dict  # function name -> the type its result points to
    fields: dict  # (type, member) -> the type the member holds
    words: frozenset  # bytes: a file naming none of these cannot reach a catalogued member


@lru_cache(maxsize=1)
def members() -> Members:
    """The tables, from the catalog's ``member_of`` entries, once per process."""
    by_name: dict = {}
    spellings: dict = {}
    reached: list = []
    for entry in rules().values():
        if not entry.member_of:
            continue
        kind = entry.member_of[0]
        spellings.update(dict.fromkeys(entry.member_of, kind))
        for name in entry.names:
            by_name.setdefault(name, []).append(entry)
        reached.extend((kind, how) for how in entry.returned_by)
    calls: dict = {}
    fields: dict = {}
    for kind, how in reached:
        outer, _, member = how.rpartition(".")
        if outer:
            fields[(spellings.get(outer, outer), member)] = kind
        else:
            calls[how] = kind
    words = frozenset(w.encode() for w in [*spellings, *calls])
    return Members({k: tuple(v) for k, v in by_name.items()}, spellings, calls, fields, words)


def declared_types(tokens: list, spellings: dict) -> dict:
    """Variable name -> type, for each ``Type *name`` (qualifiers and stars allowed) in ``tokens``."""
    found: dict = {}
    for i, token in enumerate(tokens):
        kind = spellings.get(token.text) if token.kind == "ident" else None
        if kind is None:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text in QUALIFIERS:
            j += 1
        if j + 1 < len(tokens) and tokens[j].kind == "ident" and tokens[j + 1].text in AFTER_DECLARED:
            found[tokens[j].text] = kind
    return found


def _opening(tokens: list, close: int) -> int:
    """Index of the ``(`` matching the ``)`` at ``close``, or -1."""
    depth = 0
    for k in range(close, -1, -1):
        text = tokens[k].text
        if text == ")":
            depth += 1
        elif text == "(":
            depth -= 1
            if depth == 0:
                return k
    return -1


def receiver_type(tokens: list, arrow: int, declared: dict, tables: Members, depth: int = 0,
                  own: frozenset = frozenset()):
    """The struct type of the expression ending just before ``tokens[arrow]`` (``->`` or ``.``), or
    None.  ``own``: the type names the project defines itself, whose members are its own."""
    if arrow < 1 or depth > 8:
        return None
    last = tokens[arrow - 1]
    if last.kind == "ident":
        if arrow >= 2 and tokens[arrow - 2].text in ARROWS:  # a member of a member: tstate->frame->f_back
            outer = receiver_type(tokens, arrow - 2, declared, tables, depth + 1, own)
            if outer in own:
                return None
            # a member of the project's own struct is known by its declaration (greenlet 0.4's
            # g->exc_state.exc_type, greenlet.h's PyGreenlet holding _PyErr_StackItem exc_state)
            return tables.fields.get((outer, last.text)) if outer else declared.get(last.text)
        return declared.get(last.text)
    if last.text != ")":
        return None
    start = _opening(tokens, arrow - 1)
    if start < 0:
        return None
    before = tokens[start - 1] if start else None
    if before is not None and before.kind == "ident" and before.text not in KEYWORDS:  # a call: PyThreadState_Get()->frame
        return tables.calls.get(before.text)
    inner = tokens[start + 1:arrow - 1]
    if len(inner) == 1 and inner[0].kind == "ident":  # (tstate)->frame
        return declared.get(inner[0].text)
    if len(inner) >= 3 and inner[0].text == "(" and inner[1].text in tables.spellings:  # ((PyThreadState *)p)->frame
        return tables.spellings[inner[1].text]
    if inner and inner[-1].kind == "ident" or inner and inner[-1].text == ")":  # (a->b)->c: the parenthesized expression
        return receiver_type(inner + [tokens[arrow]], len(inner), declared, tables, depth + 1, own)
    return None


# PyFrameObject's members that CPython's internal/pycore_frame.h (struct _frame, with Py_BUILD_CORE)
# still has on 3.11-3.15, by gcc -fsyntax-only of p->member against each release's headers; f_code,
# f_lasti, f_locals... moved to _PyInterpreterFrame and stay gone
INTERNAL_FRAME = ("PyFrameObject", frozenset({"f_back", "f_trace", "f_lineno", "f_trace_lines", "f_trace_opcodes"}))


def member_findings(path: str, tokens: list, target: tuple[int, int], shims: frozenset = frozenset(),
                    internal: bool = False, context: tuple = ()) -> list[Finding]:
    """A finding for each catalogued member read on a receiver known to be its struct; its ``api``
    is ``Type.member`` (``PyThreadState.frame``).  ``internal``: the file's C includes CPython's
    internal frame header, so the members it defines are there (``INTERNAL_FRAME``).  ``context``:
    the code of the project headers it includes, whose declarations (struct fields) count too."""
    tables = members()
    if not tables.by_name:
        return []
    candidates = [i for i, t in enumerate(tokens) if i and t.kind == "ident" and t.text in tables.by_name
                  and tokens[i - 1].text in ARROWS and t.text not in shims]
    if not candidates:
        return []
    declared = {**declared_types(context, tables.spellings), **declared_types(tokens, tables.spellings)}
    found = []
    for i in candidates:
        token = tokens[i]
        kind = receiver_type(tokens, i - 1, declared, tables, own=shims)
        if kind in shims:
            continue  # the project's own struct of that name (``directives.own_types``)
        entry = next((e for e in tables.by_name[token.text] if e.member_of[0] == kind and e.removed_in <= target), None)
        if entry is not None and not (internal and kind == INTERNAL_FRAME[0] and token.text in INTERNAL_FRAME[1]):
            span = (token.line, token.column, token.line, token.column + len(token.text))
            found.append(make_finding(path, span, entry, f"{kind}.{token.text}", target, ERROR))
    return found
