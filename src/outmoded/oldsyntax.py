"""Syntax the target no longer parses, in files the prefilter would clear.

A file that names nothing of the catalog is cleared without parsing.  But a Python 2 statement
(``print "x"``, ``exec code``) or ``async`` /
``await`` used as a name (``asyncio.async(...)``, ``f(async=True)``: keywords since 3.7) makes the
whole module fail at import on the target, whatever it names.  ``may_fail`` is the cheap text test
run on every cleared file: where it holds, the file is parsed, and a syntax error is reported as
the file's error (``engine.parse``), said to be such syntax where ``described`` recognises it.
The test lets through a few files that parse (the statement words at the start of a docstring's
line): those are parsed and cleared, as before.

It runs only on files naming ``print``, ``exec``, ``async`` or ``await`` (``prefilter.SYNTAX_WORDS``,
found in the prefilter's own pass over the file's words, at no cost).  ``except`` and ``raise``
stand in every file: a cleared file whose only Python 2 syntax is ``except X, e:`` or ``raise E, V``
is not parsed (searching every file for them would cost a few percent of a cold check; Python 2
modules nearly always print).  In a file that is parsed, the sieve looks for all of them
(``sieve._python2``), and ``described`` names them in its error.

Each pattern starts with a literal word, so the search skips straight to it; what stands before a
match is checked in Python.  The sieve looks for the same statements in the text it has masked
(``sieve.PYTHON2_STATEMENTS``), to parse a file holding one whole.
"""

from __future__ import annotations

from outmoded.lazyre import LazyPattern

# a statement at the start of its line (checked): print and exec statements.  What may follow
# ``print `` in Python 3 (an operator, a bracket, a comment) is left out.  One pattern per word:
# each starts with its literal, which sre skips to (an alternation is tried at every position)
_STATEMENT_TAIL = r"[ \t]+[^ \t\r\n(=.,:;)\]}+*/%&|^<>!#-]"
STATEMENTS = {word: LazyPattern(word + _STATEMENT_TAIL) for word in ("print", "exec")}
# async / await as a name: an attribute, a keyword argument or an assignment target, a function's name
KEYWORD_NAMES = {word: LazyPattern(word + r"[ \t]*(?:=[^=]|\()") for word in ("async", "await")}
_NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_SAYS = (
    (LazyPattern(r"^[ \t]*print" + _STATEMENT_TAIL), "a Python 2 print statement", "3.0"),
    (LazyPattern(r"^[ \t]*exec" + _STATEMENT_TAIL), "a Python 2 exec statement", "3.0"),
    (LazyPattern(r"^[ \t]*except[ \t]+[A-Za-z0-9_.]+[ \t]*,"), "Python 2's except X, e:", "3.0"),
    (LazyPattern(r"^[ \t]*raise[ \t]+[A-Za-z0-9_.]+[ \t]*,"), "Python 2's raise E, V", "3.0"),
    (LazyPattern(r"(?<![A-Za-z0-9_])(?:async|await)(?:[ \t]*=[^=]|[ \t]*\()"),
     "async or await used as a name", "3.7"),
)


def may_fail(text: str) -> bool:
    """Does the text hold, at the start of a line, a print or exec statement, or ``async`` /
    ``await`` where a name stands?  (Strings and comments are not told apart: a hit is parsed.)"""
    for word, pattern in STATEMENTS.items():
        if word in text:
            for match in pattern.finditer(text):
                start = match.start()
                if not text[text.rfind("\n", 0, start) + 1:start].strip(" \t"):
                    return True
    return keyword_as_name(text)


def keyword_as_name(text: str) -> bool:
    """Does the text use ``async`` or ``await`` as a name (``asyncio.async(...)``, ``f(async=1)``,
    ``def async(...)``)?"""
    for word, pattern in KEYWORD_NAMES.items():
        if word not in text:
            continue
        for match in pattern.finditer(text):
            start = match.start()
            before = text[start - 1:start]
            if before not in _NAME_CHARACTERS:  # the text's start too
                if not match.group().endswith("("):
                    return True  # async=..., f(async=True)
                if before == "." or text[max(0, start - 5):start].rstrip(" \t").endswith("def"):
                    return True  # .async(...), def async(...)
    return False


def described(line: str | None) -> str | None:
    """What the line holds that the target cannot parse, and since which version, if known."""
    if not line:
        return None
    for pattern, what, version in _SAYS:
        if pattern.search(line):
            return f"{what}, which Python {version} and later cannot parse"
    return None
