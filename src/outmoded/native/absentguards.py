"""Include guards of headers the project does not have: ``#ifdef`` of one is never taken.

pythran 0.19.0's ``pythonic/python/exception_handler.hpp`` translates each exception type whose
header the generated module included, under ``#ifdef PYTHONIC_BUILTIN_<NAME>_HPP``, the include
guard of ``pythonic/builtins/<Name>.hpp``.  One of them, ``#ifdef PYTHONIC_BUILTIN_STANDARDERROR_HPP``
(``PyExc_StandardError``, gone since Python 3.0), names the guard of a header pythran no longer
ships: nothing defines it, so the branch is never compiled.

A name tested by the file's ``#if``/``#ifdef``/``#elif`` lines is such a guard (``absent``) when
it is shaped like one (``SPAM_EGGS_H``, ``_HPP``, ``_HH``, ``_HXX``, a trailing ``_`` or
``_INCLUDED`` allowed) and the project's own (no prefix of CPython, pyconfig.h, autoconf, the system
or the compiler: ``cpp.FOREIGN_PREFIXES``, where ``PYTHONIC_`` is a project's); the file never ``#define``s it; no other file of the project (a header, a build file
passing ``-D``, any file) holds it; and another file of the project ``#define``s a name with the
same prefix and suffix (``PYTHONIC_BUILTIN_STOPITERATION_HPP``): the guards are the project's own
naming scheme, not a macro some other library or the compiler's command line provides.  A tree
too large to read (``orphans.MAX_FILES``, ``MAX_BYTES``) decides nothing.
"""

from __future__ import annotations

import os
import re

from outmoded.native.cpp import FOREIGN_PREFIXES
from outmoded.native.includes import project_root

CONDITION_RE = re.compile(r"^[ \t]*#[ \t]*(?:if|ifdef|ifndef|elif|elifdef|elifndef)\b([^\n]*)", re.M)
# CPython's, pyconfig.h's, autoconf's (HAVE_SYS_TIME_H), the system's and the compiler's names;
# ``PY`` alone would take a project's own prefix (``PYTHONIC_``) for CPython's
NOT_OWN = tuple(p for p in FOREIGN_PREFIXES if p != "PY") + ("PY_",)
GUARD_RE = re.compile(r"\b([A-Z][A-Z0-9_]*?_)([A-Z0-9]+)(_(?:H|HPP|HH|HXX)(?:_INCLUDED)?_*)\b")


def absent(path: str, text: str) -> frozenset:
    """The include guards ``path``'s conditions test that no file of the project defines."""
    candidates = {}
    for line in CONDITION_RE.finditer(text):
        for match in GUARD_RE.finditer(line.group(1)):
            name = match.group(0)
            if not name.startswith(NOT_OWN) and not re.search(r"^[ \t]*#[ \t]*define[ \t]+%s\b" % name, text, re.M):
                candidates[name] = (match.group(1), match.group(3))
    if not candidates:
        return frozenset()
    from outmoded.orphans import other_files

    path = os.path.abspath(path)
    siblings = {name: re.compile(rb"^[ \t]*#[ \t]*define[ \t]+%s\w+%s\b" % (prefix.encode(), suffix.encode()), re.M)
                for name, (prefix, suffix) in candidates.items()}
    named, family = set(), set()
    for data in other_files(project_root(path), path):
        if data is None:
            return frozenset()
        for name in candidates:
            if name.encode() in data:
                named.add(name)
            elif name not in family and siblings[name].search(data):
                family.add(name)
    return frozenset(family - named)
