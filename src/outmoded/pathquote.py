"""File names as every output writes them: as they are, or quoted as git quotes them.

A name read from the file system may hold bytes that are not UTF-8 (Python gives them as lone
surrogates, ``\\udcff``), which no JSON, SARIF, XML or terminal output can carry as they are, and
control characters that would forge a line of the report.  Such a name is written in double
quotes with C escapes, as ``git status`` writes it: each undecodable byte and control character
in octal (``"bad\\377name.py"``), a quote, a backslash, a tab, a newline and a carriage return
escaped.  A name holding a quote or a backslash itself is quoted too, so a name written with a
leading quote is always a quoted one and the reading is unambiguous (git's ``core.quotePath``
quotes the same characters; other characters stay as they are, UTF-8 letters included, as git
with ``core.quotePath=false`` and ruff show them).  On Windows, where the backslash is the path
separator and no name can hold one, it is not quoted.  That is how the text outputs write names
(``quoted_name``); the formats that escape what they carry themselves (JSON, XML, GitHub's
workflow commands) write a name as it is unless UTF-8 cannot carry it or it starts with a quote
(``utf8_name``), and SARIF gives each byte of a name in its URI (``%FF``).
"""

from __future__ import annotations

import os

_NAMED = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_SEPARATOR = "\\" if os.sep == "\\" else ""  # a backslash that is the separator is not quoted


def quoted_name(name: str) -> str:
    """``name`` as outputs write it: itself, or quoted as git quotes it (see the module's docstring)."""
    if name.isascii() and name.isprintable() and '"' not in name and ("\\" not in name or _SEPARATOR):
        return name  # the common case, told in C
    if not any(_quoted(c) for c in name):
        return name
    return '"' + "".join(_escaped(c) if _quoted(c) else c for c in name) + '"'


def _quoted(c: str) -> bool:
    return c < " " or c == "\x7f" or c == '"' or "\ud800" <= c <= "\udfff" or (c == "\\" and not _SEPARATOR)


def _escaped(c: str) -> str:
    named = _NAMED.get(c)
    if named is not None:
        return named
    if "\udc80" <= c <= "\udcff":  # an undecodable byte (surrogateescape)
        return f"\\{ord(c) - 0xdc00:03o}"
    # a control character, or a lone surrogate of a Windows name (its bytes as CPython spells them)
    return "".join(f"\\{b:03o}" for b in c.encode("utf-8", "surrogatepass"))


def utf8_name(name: str) -> str:
    """``name`` for a format that escapes what it carries itself (JSON, XML, a GitHub
    annotation's ``file``) and must name the file as the repository does: itself, unless UTF-8
    cannot write it (undecodable bytes) or it starts with a quote, then quoted (``quoted_name``),
    so a value starting with a quote is always a quoted name."""
    if name.startswith('"'):
        return quoted_name(name)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return quoted_name(name)
    return name
