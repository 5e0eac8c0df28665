"""What a C file's tokens and directives say about the file itself: the functions it declares or
defines (``declared_names``: shims of removed names, or redeclarations of symbols libpython still
exports) and whether, and to which version, it defines ``Py_LIMITED_API``."""

from __future__ import annotations

from typing import Iterable

from outmoded.native.ctokens import Token

NOT_A_TYPE = frozenset({"return", "else", "do", "case", "goto", "sizeof", "defined", "typedef"})
DECLARATION_MACROS = frozenset({"PyAPI_FUNC", "PyAPI_DATA", "PyMODINIT_FUNC"})
TYPE_WORDS = frozenset({"static", "extern", "inline", "const", "void", "int", "char", "long", "short",
                        "unsigned", "signed", "float", "double", "struct", "Py_ssize_t", "Py_hash_t",
                        "Py_UCS4", "PyObject", "size_t"}) | DECLARATION_MACROS


def _looks_like_type(prefix: list) -> bool:
    """Does the statement so far name a type?  (``Py_BEGIN_ALLOW_THREADS f(x);`` does not: a
    statement-like macro without a semicolon must not turn the call after it into a declaration.)"""
    return any(t.text in TYPE_WORDS or t.text == "*" or t.text.endswith(("_t", "Object", "Config"))
               for t in prefix[:-1])


def declared_names(tokens: Iterable[Token]) -> set:
    """Functions the file declares or defines itself: an identifier followed by ``(`` whose
    statement so far is only a type (identifiers, ``*``, ``PyAPI_FUNC(type)``), as in
    ``PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *a, PyObject *b);`` or
    ``static inline PyObject* PyBytes_Join(...) {``.  A call is preceded by ``return``, ``=``, an
    open bracket or an operator, so it never looks like this."""
    names: set = set()
    prefix: list = []  # tokens of the current statement; None once it cannot be a declaration
    depth = 0  # brackets inside PyAPI_FUNC(...)
    for token in tokens:
        text = token.text
        if prefix is None:
            if text in (";", "{", "}"):
                prefix = []
            continue
        if depth:
            depth += {"(": 1, ")": -1}.get(text, 0)
            prefix.append(token)
            continue
        if text in (";", "{", "}"):
            prefix = []
        elif text == "(":
            previous = prefix[-1] if prefix else None
            if previous is not None and previous.text in DECLARATION_MACROS:
                depth = 1
                prefix.append(token)
            elif previous is not None and previous.kind == "ident" and _looks_like_type(prefix):
                names.add(previous.text)
                prefix = None
            else:
                prefix = None
        elif (token.kind == "ident" and text not in NOT_A_TYPE) or text == "*":
            prefix.append(token)
        else:
            prefix = None
    return names


def defines_limited_api(directives: list) -> bool:
    """Does the file ``#define Py_LIMITED_API`` on a line that may be compiled for the target?"""
    return any(name == "define" and rest and rest[0].text == "Py_LIMITED_API" for name, rest in directives)


def limited_api_version(directives: list) -> int | None:
    """The value of the file's first live ``#define Py_LIMITED_API`` (``0x030b0000``; 0 when empty,
    as the headers' ``Py_LIMITED_API+0`` reads it), or None: not defined, or not a number."""
    for name, rest in directives:
        if name == "define" and rest and rest[0].text == "Py_LIMITED_API":
            if len(rest) == 1:
                return 0
            if len(rest) == 2 and rest[1].kind == "number":
                try:
                    return int(rest[1].text.rstrip("uUlL"), 0)
                except ValueError:
                    return None
            return None
    return None
