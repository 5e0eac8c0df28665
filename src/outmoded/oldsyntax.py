"""Syntax the target no longer parses, in files the prefilter would clear.

A file that names nothing of the catalog is cleared without parsing.  But a Python 2 statement
(``print "x"``, ``exec code``) or ``async`` /
``await`` used as a name (``asyncio.async(...)``, ``f(async=True)``, ``from kombu.async import
Hub``: keywords since 3.7) makes the
whole module fail at import on the target, whatever it names.  ``may_fail`` is the cheap text test
run on every cleared file: where it holds, the file is parsed, and a syntax error is reported as
the file's error (``engine.parse``), said to be such syntax where ``described`` recognises it.
A hit inside a string or comment is none: where one is found, the text is read from its start by
``masking.Literals`` (as far as the hit), and only a hit outside the strings and comments it
vouches for has the file parsed (Twisted 18.9's amp.py, itrial.py and failure.py print or raise
in docstrings and strings: parsed for nothing).

It runs only on files naming ``print``, ``exec``, ``async`` or ``await`` (``prefilter.SYNTAX_WORDS``,
found in the prefilter's own pass over the file's words, at no cost); ``ur_string`` only on files
naming ``ur`` (a ``ur'...'`` string's prefix is a word there).  ``except`` and ``raise``
stand in every file: ``comma_form`` looks for ``except X, e:`` and ``raise E, V`` in every cleared
file with ``bytes.find`` (a Python 2 library module need not print).  In a file that is parsed,
the sieve looks for all of them (``masking.python2``), and ``described`` names them in its error.

Each pattern starts with a literal word, so the search skips straight to it; what stands before a
match is checked in Python.  The sieve looks for the same statements in the text it has masked
(``masking.PYTHON2_STATEMENTS``), to parse a file holding one whole.
"""

from __future__ import annotations

import sys

from outmoded.lazyre import LazyPattern

# a statement at the start of its line (checked): print and exec statements.  What may follow
# ``print `` in Python 3 (an operator, a bracket, a comment) is left out.  One pattern per word:
# each starts with its literal, which sre skips to (an alternation is tried at every position)
_STATEMENT_TAIL = r"[ \t]+[^ \t\r\n(=.,:;)\]}+*/%&|^<>!#-]"
STATEMENTS = {word: LazyPattern(word + _STATEMENT_TAIL) for word in ("print", "exec")}
# async / await as a name: an attribute, a keyword argument or an assignment target, a function's name
# ... or a part of a dotted name (kombu 3.0's kombu/async/, which celery 3.1's worker imports:
# from kombu.async import Hub; from .async import hub; an attribute: the match ends with the
# word).  One pattern per word, starting with it: sre skips to each occurrence, and a second
# pattern would be a second pass over the text.  A top-level module named async is not looked
# for: "from async contexts" in a comment would have Django 5.2's db/utils.py parsed for nothing
KEYWORD_NAMES = {word: LazyPattern(word + r"(?:[ \t]*(?:=[^=]|[(,)])|(?![A-Za-z0-9_])(?<=\.%s))" % word)
                 for word in ("async", "await")}
_NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_SAYS = (
    (LazyPattern(r"^[ \t]*print" + _STATEMENT_TAIL), "a Python 2 print statement, which Python 3.0 and later cannot parse"),
    (LazyPattern(r"^[ \t]*exec" + _STATEMENT_TAIL), "a Python 2 exec statement, which Python 3.0 and later cannot parse"),
    (LazyPattern(r"^[ \t]*except(?:[ \t]+[A-Za-z0-9_.]+|[ \t]*\([^()]*\))[ \t]*,"),
     "Python 2's except X, e:, which Python 3.0 to 3.13 cannot parse (3.14 and later read it as catching "
     "X or e, and fail when it catches)" + ("" if sys.version_info >= (3, 14) else
     f"; or 3.14's except A, B:, which outmoded cannot read on the Python {sys.version_info[0]}."
     f"{sys.version_info[1]} it runs on here: run it on 3.14 or later for such a file")),
    (LazyPattern(r"^[ \t]*raise[ \t]+[A-Za-z0-9_.]+[ \t]*,"), "Python 2's raise E, V, which Python 3.0 and later cannot parse"),
    (LazyPattern(r"[uU](?<![A-Za-z0-9_][uU])[rR]['\"]"), "Python 2's ur'...' string, which Python 3.0 and later cannot parse"),
    (LazyPattern(r"(?<![A-Za-z0-9_])(?:async|await)(?:[ \t]*=[^=]|[ \t]*[(,)])|\.(?:async|await)(?![A-Za-z0-9_])"),
     "async or await used as a name, which Python 3.7 and later cannot parse"),
)
KEYWORD_NAME = _SAYS[-1][1]
# what stands for async / await where a name does, to parse the text as Python 3.6 read it: as long
# as the word, so every other error keeps its line and column
_AS_NAMES = {"async": "_sync", "await": "_wait"}


def may_fail(text: str, words=None) -> bool:
    """Does the text hold, at the start of a line, a print or exec statement, or ``async`` /
    ``await`` where a name stands, outside the strings and comments ``masking.Literals`` vouches
    for (a hit there is not one: Twisted 18.9's amp.py prints in its docstring)?  ``words``: those
    of print, exec, async and await the text names as a word (the prefilter's ``SyntaxOnly``),
    the only ones looked for (each hit holds its word on its own); None: all."""
    literals = _Lazy(text)
    for word, pattern in STATEMENTS.items():
        if (word in words) if words is not None else (word in text):
            for match in pattern.finditer(text):
                start = match.start()
                if not text[text.rfind("\n", 0, start) + 1:start].strip(" \t") and not literals.covers(start):
                    return True
    return keyword_as_name(text, words, literals)


_BLANKS = frozenset(b" \t")
_DOTTED_NAME_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")


def comma_form(data: bytes, target: tuple[int, int]) -> bool:
    """Does the file hold, at the start of a line, Python 2's ``raise E, V`` or (before 3.14,
    which reads ``except A, B:`` as two types, PEP 758) ``except X, e:`` / ``except (A, B), e:``?
    Looked for in every cleared file, whatever words it names (nearly every file says ``except``
    and ``raise``), with ``bytes.find``: no regular expression, so a check the prefilter clears
    whole still imports no ``re``.  A hit inside a string ``masking.Literals`` vouches for is not
    one (Twisted 18.9's failure.py: exec("... raise self.type, self.value, self.tb"))."""
    regex = "re" in sys.modules  # a large run has imported it: each word's tail is matched in C
    literals = _Lazy(data)
    for word in (b"raise", b"except") if target < (3, 14) else (b"raise",):
        tail = COMMA_TAILS[word].match if regex else None
        at = data.find(word)
        while at >= 0:
            end = at + len(word)
            if (tail(data, end) if regex else _comma_after(data, end, word)) \
                    and not data[data.rfind(b"\n", 0, at) + 1:at].strip(b" \t") and not literals.covers(at):
                return True
            at = data.find(word, end)
    return False


# ``_comma_after``'s answer as a pattern matched where the word ends (tests/test_startup.py
# compares both): a dotted name, or for ``except`` a bracketed list closed on its line, then a comma
COMMA_TAILS = {b"raise": LazyPattern(rb"[ \t]+[A-Za-z0-9_.]+[ \t]*,"),
               b"except": LazyPattern(rb"[ \t]*\([^()\n]*\)[ \t]*,|[ \t]+[A-Za-z0-9_.]+[ \t]*,")}


# a prefix stands after none of these: after a name's letter it is the name's tail, after a quote
# the end of a string ('ur', Django's LANGUAGES: ("ur", gettext_noop("Urdu")))
_BEFORE_NO_PREFIX = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'\"")


def ur_string(data: bytes, words=(b"ur", b"uR", b"Ur", b"UR")) -> bool:
    """Does the file hold Python 2's ``ur'...'`` string prefix (any case), which no Python 3
    parses (3.3 brought back ``u''``, never ``ur''``)?  Sphinx 1's generated docs/conf.py (amqp
    1.4.9, billiard 3.3.0.23: ``latex_documents = [('index', 'x.tex', ur'X Documentation',
    ...)]``) names nothing else.  Asked only of a file naming ``ur`` as a word (``prefilter.UR_WORDS``,
    found in the prefilter's intersection at no cost), so a file without one is never searched;
    ``words``: the spellings it names (a prefix is one of them), each searched with its quotes;
    a hit inside a string or comment ``masking.Literals`` vouches for is not one."""
    literals = _Lazy(data)
    for prefix in (word + quote for word in words for quote in (b"'", b'"')):  # "ur" alone: return, your...
        at = data.find(prefix)
        while at >= 0:
            if (at == 0 or data[at - 1] not in _BEFORE_NO_PREFIX) and not literals.covers(at):
                return True
            at = data.find(prefix, at + 3)
    return False



def _comma_after(data: bytes, at: int, word: bytes) -> bool:
    """Does a (dotted) name, or for ``except`` a parenthesized list on the line, then a comma
    follow the statement word ending at ``at``?"""
    size = len(data)
    if word == b"except" and data[at:at + 1] == b"(":
        closing, line_end = data.find(b")", at), data.find(b"\n", at)
        if closing < 0 or 0 <= line_end < closing or b"(" in data[at + 1:closing]:
            return False
        at = closing + 1
    else:
        if at >= size or data[at] not in _BLANKS:
            return False  # raise(E), exceptions, ...: not the statement
        while at < size and data[at] in _BLANKS:
            at += 1
        if word == b"except" and data[at:at + 1] == b"(":
            return _comma_after(data, at, word)
        start = at
        while at < size and data[at] in _DOTTED_NAME_BYTES:
            at += 1
        if at == start:
            return False
    while at < size and data[at] in _BLANKS:
        at += 1
    return data[at:at + 1] == b","


def keyword_as_name(text: str, words=None, literals=None) -> bool:
    """Does the text use ``async`` or ``await`` as a name (``asyncio.async(...)``, ``f(async=1)``,
    ``def async(...)``, ``from kombu.async import Hub``)?  ``words``: as ``may_fail``'s;
    ``literals``: given (``may_fail``'s), a hit in a string or comment it covers is not one."""
    for word, pattern in KEYWORD_NAMES.items():
        if (word not in words) if words is not None else (word not in text):
            continue
        for match in pattern.finditer(text):
            if _names_it(text, match, word) and (literals is None or not literals.covers(match.start())):
                return True
    return False


def as_names(text: str) -> str | None:
    """The text with each ``async`` / ``await`` that stands where a name does spelt as a plain name
    of its length: what Python 3.6, which read both words as names, parsed.  A word is kept as the
    keyword where the keyword may stand: ``async`` before ``def``, ``for`` or ``with``, ``await``
    before an operand (not after a ``.`` or ``def``); every other one is a name (``if async:``,
    ``f(async=1)``, ``asyncio.async(c)``).  None where the text cannot be tokenized.
    ``engine.parse`` parses the answer to tell whether the words are all that fails (kazoo
    2.4.0's ``def _children_watcher(self, async, event):``) or the file parses on no Python (ruff
    0.17.5's test input ``(async)`` then ``(x async x in iter)``)."""
    import io
    import tokenize

    lines = text.splitlines(keepends=True)
    try:
        tokens = [token for token in tokenize.generate_tokens(io.StringIO(text).readline)
                  if token.type not in (tokenize.COMMENT, tokenize.NL)]
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    for at, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in _AS_NAMES:
            continue
        before = tokens[at - 1].string if at else ""
        after = tokens[at + 1] if at + 1 < len(tokens) else None
        if before not in (".", "def") and after is not None and (
                after.string in ("def", "for", "with") if token.string == "async" else _operand(after)):
            continue  # the keyword
        row, column = token.start
        line = lines[row - 1]
        lines[row - 1] = line[:column] + _AS_NAMES[token.string] + line[column + 5:]
    return "".join(lines)


def _operand(token) -> bool:
    """Can ``token`` start the operand of the ``await`` keyword before it?"""
    import keyword
    import tokenize

    if token.type in (tokenize.NUMBER, tokenize.STRING) or token.string in ("(", "[", "{", "-", "+", "~"):
        return True
    return token.type == tokenize.NAME and (not keyword.iskeyword(token.string)
                                            or token.string in ("None", "True", "False", "await", "lambda"))


def _names_it(text: str, match, word: str) -> bool:
    """Does ``KEYWORD_NAMES``' ``match`` of ``word`` stand where a name does?"""
    start = match.start()
    if match.end() == start + len(word):
        return True  # a part of a dotted name: from kombu.async import Hub
    before = text[start - 1:start]
    if before in _NAME_CHARACTERS:  # the text's start is not
        return False
    tail = match.group()[len(word):].lstrip(" \t")
    if tail[0] == "=":
        return True  # async=..., f(async=True)
    if tail != "(":  # a parameter or an argument: def f(self, async):, f(x, async)
        # not "(async/await)" in a comment (Twisted 18.9's defer.py)
        return text[max(0, start - 80):start].rstrip(" \t\r\n\\")[-1:] in ("(", ",")
    return before == "." or text[max(0, start - 5):start].rstrip(" \t").endswith("def")  # .async(...), def async(...)


class _Lazy:
    """``masking.Literals`` of a text, read only when a hit asks (most files have none)."""

    __slots__ = ("text", "literals")

    def __init__(self, text: str | bytes):
        self.text, self.literals = text, None

    def covers(self, at: int) -> bool:
        if self.literals is None:
            from outmoded.masking import Literals  # here: masking imports this module

            self.literals = Literals(self.text)
        return self.literals.covers(at)


# what ast says of Python 2's octal literal (os.open(path, flags, 0600)), which only that message tells
# apart from another syntax error on a line holding digits
OCTAL_MESSAGE = "leading zeros in decimal integer literals are not permitted"
OCTAL = "Python 2's octal literal (0600), which Python 3.0 and later cannot parse (0o600)"


# Python 2's long literal (1L << k, 0xFFL): ast says "invalid decimal literal" (or hexadecimal,
# octal, binary) of the digits before the L
LONG_MESSAGES = ("invalid decimal literal", "invalid hexadecimal literal", "invalid octal literal",
                 "invalid binary literal")
LONG_LITERAL = LazyPattern(r"(?<![A-Za-z0-9_.])(?:0[xX][0-9a-fA-F]+|0[oObB]?[0-7]+|[0-9]+)[lL](?![A-Za-z0-9_])")
LONG = "Python 2's long integer literal (10L), which Python 3.0 and later cannot parse (10)"
# indentation mixing tabs and spaces in a way only Python 2's tab stops (every 8 columns) read
TABS_MESSAGE = "inconsistent use of tabs and spaces in indentation"
TABS = "indentation mixing tabs and spaces, which Python 2 read (a tab to the next multiple of 8) and Python 3.0 and later cannot parse"


def described(line: str | None, message: str = "") -> str | None:
    """What the line holds that the target cannot parse, and since which version, if known
    (``message``: the parser's own, when there is one)."""
    if message.startswith(OCTAL_MESSAGE):
        return OCTAL  # multiprocess 0.70.19's pypy3.10/module/_multiprocess/interp_semaphore.py
    if message.startswith(TABS_MESSAGE):
        return TABS  # boto 2.49.0's tests/mturk/cleanup_tests.py
    if not line:
        return None
    if message.startswith(LONG_MESSAGES) and LONG_LITERAL.search(line):
        return LONG  # pycrypto 2.6.1's Crypto/Random/random.py: mask = (1L << k) - 1
    for pattern, what in _SAYS:
        if pattern.search(line):
            return what
    return None
