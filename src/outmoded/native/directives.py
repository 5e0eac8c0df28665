"""What a C file's tokens and directives say about the file itself: the functions it declares or
defines (``declared_names``: shims of removed names, or redeclarations of symbols libpython still
exports), the types it defines in their place (``own_types``) and whether, and to which version, it defines ``Py_LIMITED_API``."""

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


def own_types(tokens: Iterable[Token]) -> set:
    """Type names the file defines itself, which no file compiled with CPython's headers can: a
    C++ ``class NAME`` with a base or a body (``class PyStringObject : public PyVarObject {``), and
    a ``typedef`` of a function or function pointer type (``typedef PyObject* (PyInt_FromLong)(long);``,
    ``typedef int (*PyEval_ThreadsInitialized)();``).  debugpy 1.8.22's pydevd attaches to a running
    Python through its own ``common/python.h`` (the structs of each version) and such typedefs for
    what it looks up with ``dlsym``: it never includes ``Python.h``.  A typedef naming a struct
    (``typedef struct _frame PyFrameObject;``) is left out: that one may be CPython's own.  The
    enumerators of an ``enum`` it defines are its own names too: xdis 6.3.0's maynard-tool/opcode33.h,
    a copy of CPython 3.3's opcode.h for a stand-alone C program (no ``Python.h``), has ``enum cmp_op
    {PyCmp_LT=Py_LT, ...}``, the enum 3.9 removed from the headers."""
    names: set = set()
    tokens = list(tokens)
    start = True  # at the start of a statement
    for i, token in enumerate(tokens):
        text = token.text
        if start and text == "class" and i + 2 < len(tokens) and tokens[i + 1].kind == "ident" \
                and tokens[i + 2].text in (":", "{"):
            names.add(tokens[i + 1].text)
        elif start and text == "typedef":
            names.update(_function_typedef(tokens, i + 1))
        if text == "enum":
            names.update(_enumerators(tokens, i + 1))
        start = text in (";", "{", "}") or (start and text in ("public", "private", "protected", ":"))
    return names


def _enumerators(tokens: list, at: int) -> set:
    """The names an ``enum`` whose tag (if any) ends at ``at`` defines: ``enum [TAG] { A [= value],
    B, ... }`` (C++'s ``enum class TAG : type {`` too); none for a mere ``enum TAG x;``."""
    i = at
    while i < len(tokens) and (tokens[i].kind == "ident" or tokens[i].text == ":"):
        i += 1
    if i >= len(tokens) or tokens[i].text != "{":
        return set()
    names, depth, expecting = set(), 0, True  # expecting an enumerator: after "{" or a "," at depth 1
    for token in tokens[i:]:
        text = token.text
        if text in ("{", "(", "["):
            depth += 1
            if depth == 1:
                continue  # the enum's own brace: its first enumerator follows
        elif text in ("}", ")", "]"):
            depth -= 1
            if depth == 0:
                break
        elif depth == 1 and text == ",":
            expecting = True
            continue
        elif depth == 1 and expecting and token.kind == "ident":
            names.add(text)
        expecting = False
    return names


def _function_typedef(tokens: list, at: int) -> set:
    """The name a ``typedef`` starting at ``at`` gives a function type: ``R (NAME)(...)``,
    ``R (*NAME)(...)`` or ``R NAME(...)``, the return type made of names and ``*`` only."""
    i = at
    while i < len(tokens) and (tokens[i].kind == "ident" or tokens[i].text == "*"):
        i += 1
    if i == at or i >= len(tokens) or tokens[i].text != "(":
        return set()
    if tokens[i - 1].kind == "ident" and i - 1 > at:  # R NAME(...)
        return {tokens[i - 1].text}
    j = i + 1
    if j < len(tokens) and tokens[j].text == "*":
        j += 1
    if j + 2 < len(tokens) and tokens[j].kind == "ident" and tokens[j + 1].text == ")" and tokens[j + 2].text == "(":
        return {tokens[j].text}
    return set()


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
