"""Is a C file compiled for the target at all?  Answered from the project's ``#include`` lines.

Three cases say no, for a file whose findings would otherwise be reported:

- every ``#include`` of it in the project sits in a branch the target cannot compile: cffi 2.1's
  ``_cffi_backend.c`` has ``#ifdef PyUnicode_KIND / # include "wchar_helper_3.h" / #else /
  # include "wchar_helper.h"``, and ``PyUnicode_KIND`` is defined by every supported
  ``Python.h``, so ``wchar_helper.h`` (the Python 2 / 3.2 strings) is never compiled;
- a source (``.c``, ``.cc``, ``.cpp``, ``.cxx``) that nothing in the project includes and that
  itself includes only system headers (``cpp.system_header``), or nothing: it cannot see a
  declaration of the C API it names, so it is no translation unit of its own, but a fragment that
  some tool pastes elsewhere (Cython's ``Cython/Utility/*.c`` templates, whose text is emitted into
  generated modules under conditions set up by other templates) or data (CPython's
  ``Lib/test/clinic.test.c``, Argument Clinic's test input).  Its conditions cannot be decided
  without the text around it, so no line of it is promised to break;
- a source whose module init is Python 2's only (``initgreet``, no ``PyInit_``) beside a source
  defining Python 3's for the same module (``PyInit_greet``): the build picks one per Python major
  (virtualenv 21's test extension: greet2.c and greet3.c, ``f"greet{sys.version_info[0]}.c"``).

A header included only by files Cython generated is part of that output (gevent 26.9's
``_generated_include/PyDictVersioning_proto_*.h``), which is checked through its ``.pyx`` source.
A header that nothing in the project includes is checked as it is (another project may include
it), and so is a file the project includes from Cython (``cdef extern from "spam.h"``) or on a line
that may be compiled.  The project is the files under the outermost directory upward holding
``pyproject.toml``, ``setup.py``, ``setup.cfg``, ``meson.build``, ``PKG-INFO`` or ``.git`` (else
the file's own directory), read only when a file has something to report; past ``MAX_FILES`` files
nothing is concluded.  An include names the file when the path written resolves to it from the
including file's directory, or when the file's path ends with it (a ``-I`` directory).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Optional

from outmoded.native.cpp import live_tokens, python_h_macros, system_header
from outmoded.native.ctokens import c_tokens, token_tuple
from outmoded.reads import read
from outmoded.source import open_regular

MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "meson.build", "PKG-INFO", ".git")
C_SUFFIXES = (".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".inc", ".inl")
OBJC_SUFFIXES = (".m", ".mm")  # Objective-C sources: read for what they #import, not checked
CYTHON_SUFFIXES = (".pyx", ".pxd", ".pxi")
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx")
MAX_FILES = 20000
MAX_SIBLING = 4_000_000  # bytes of a source beside it read for its module init
INCLUDE_RE = re.compile(rb'^[ \t]*#[ \t]*(?:include|import)[ \t]*[<"]([^>"\r\n]+)[>"]', re.MULTILINE)
EXTERN_RE = re.compile(rb'\bextern[ \t]+from[ \t]+[\'"]([^\'"\r\n]+)[\'"]')
PXI_RE = re.compile(rb'^[ \t]*include[ \t]+[\'"]([^\'"\r\n]+)[\'"]', re.MULTILINE)  # Cython's textual include
ANY_INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*(?:include|import)\b[ \t]*(.*)$', re.MULTILINE)


def project_root(path: str) -> str:
    """The outermost directory above ``path`` holding a project marker (numpy has a meson.build in
    each subpackage, and one subpackage includes another's headers); else the file's directory."""
    directory = found = os.path.dirname(os.path.abspath(path))
    while True:
        if any(os.path.exists(os.path.join(directory, marker)) for marker in MARKERS):
            found = directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return found
        directory = parent


@lru_cache(maxsize=8)
def _includes(root: str) -> Optional[dict]:
    """basename -> [(including file, written path, from Cython)] for the project at ``root``;
    None when it has too many files to read."""
    found: dict = {}
    count = 0
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.endswith(C_SUFFIXES + OBJC_SUFFIXES + CYTHON_SUFFIXES):
                continue
            count += 1
            if count > MAX_FILES:
                return None
            path = os.path.join(directory, name)
            try:
                with open_regular(path) as handle:
                    data = handle.read()
            except OSError:
                continue
            cython = name.endswith(CYTHON_SUFFIXES)
            for pattern in (EXTERN_RE, PXI_RE) if cython else (INCLUDE_RE,):
                for match in pattern.finditer(data):
                    written = match.group(1).decode("utf-8", "replace").strip()
                    found.setdefault(os.path.basename(written), []).append((path, written, cython))
    return found


def forget() -> None:
    """Drop what was read of the projects' files (a long-lived process starting a new run)."""
    import sys

    for cached in (_includes, _known_before, _header_tokens, getattr(sys.modules.get("outmoded.native.shims"), "_defines_in", None),
                   getattr(sys.modules.get("outmoded.native.headers"), "_shipped", None)):
        if cached is not None:
            cached.cache_clear()
    freethreading = sys.modules.get("outmoded.native.freethreading")
    if freethreading is not None:
        freethreading._BUILD_SET.clear()
        freethreading._ROOTS.clear()


def _names(path: str, including: str, written: str) -> bool:
    if os.path.normpath(os.path.join(os.path.dirname(including), written)) == path:
        return True
    written = os.path.normpath(written)
    return not written.startswith("..") and path.endswith(os.sep + written)


def _live_includes(path: str, target: tuple, gone: frozenset) -> frozenset:
    """Lines of ``path``'s ``#include`` (or ``#import``) directives that may be compiled on the target."""
    return frozenset(_known_before(path, target, gone))


@lru_cache(maxsize=64)
def _known_before(path: str, target: tuple, gone: frozenset) -> dict:
    """Line of each ``#include`` (or ``#import``) of ``path`` that may be compiled on the target ->
    are ``Python.h``'s macros known before it (``cpp.live_tokens``' ``known``)."""
    text = text_of(path)
    known: list = []
    for _ in live_tokens(token_tuple(text), target, gone.__contains__, None, python_h_macros(text),
                         project_headers(path, text), known=known):
        pass
    return dict(known)


def _includers_of(path: str) -> Optional[list]:
    """(including file, written path, from Cython) for each project file naming ``path`` (absolute)
    in an include; None when the project is too large to read."""
    graph = _includes(project_root(path))
    if graph is None:
        return None
    return [(p, w, c) for p, w, c in graph.get(os.path.basename(path), ()) if p != path and _names(path, p, w)]


def _included_by(path: str) -> Optional[list]:
    """(including file, its bytes) for each C file of the project including ``path`` (absolute);
    None when that cannot be told: too large a project, an includer that is Cython's (``cdef
    extern from``) or cannot be read."""
    found = _includers_of(path)
    if found is None:
        return None
    included = []
    for including, written, cython in found:
        read(including)
        if cython:
            return None
        try:
            with open_regular(including) as handle:
                included.append((including, handle.read()))
        except OSError:
            return None
    return included


def _lines_including(data: bytes, path: str) -> set:
    """The lines of ``data`` whose ``#include`` (or ``#import``) names a file called like ``path``."""
    name = os.path.basename(path)
    return {_line_of(data, m.start()) for m in INCLUDE_RE.finditer(data)
            if os.path.basename(m.group(1).decode("utf-8", "replace").strip()) == name}


QUOTED_RE = re.compile(r'[ \t]*#[ \t]*(?:include|import)[ \t]*"([^"\r\n]+)"')
MAX_DEPTH = 8


@lru_cache(maxsize=256)
def _header_tokens(path: str) -> Optional[tuple]:
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    text = data.decode("utf-8", "replace")
    return text, tuple(c_tokens(text))


def project_headers(path: str, text: str, seen: Optional[set] = None, depth: int = 0, root: Optional[str] = None,
                    written: Optional[list] = None, upward: bool = True):
    """A ``cpp.live_tokens`` follow for the file at ``path``: an ``#include "name"`` gives the tokens
    of the project file it names, each file once.  The compiler looks beside the including file
    first, then in the ``-I`` directories; those of a project are directories above its sources
    (psycopg2 2.9 builds with ``-I.``, and psycopg/connection_int.c includes "psycopg/psycopg.h",
    which includes "psycopg/python.h", whose ``#define PyInt_FromLong PyLong_FromLong`` is the
    shim), so the directories from the file's up to the project root are tried in turn.  Each place
    looked at counts for the verdict (``outmoded.reads``): creating a nearer header changes it.
    ``written`` (when given) receives the path written in each live ``#include "..."`` followed or not;
    without ``upward`` only the file's own directory is looked in (cheaper: the headers of a large
    project's include directories are many)."""
    seen = {os.path.abspath(path)} if seen is None else seen
    directory = os.path.dirname(os.path.abspath(path))
    if root is None:
        root = project_root(path) if upward else directory

    def follow(hash_token):
        match = QUOTED_RE.match(text, hash_token.offset)
        if match is not None and written is not None:
            written.append(match.group(1))
        if match is None or depth >= MAX_DEPTH:
            return None
        header = resolve(match.group(1), directory, root if upward else directory)
        if header is None or header in seen:
            return None
        seen.add(header)
        read = _header_tokens(header)
        if read is None:
            return None
        return list(read[1]), project_headers(header, read[0], seen, depth + 1, root, written, upward)

    return follow


def resolve(written: str, directory: str, root: str) -> Optional[str]:
    """The project file an ``#include "written"`` in ``directory`` names: beside it, else under the
    nearest directory above it (up to ``root``) where it exists."""
    written = os.path.normpath(written)
    if os.path.isabs(written):
        return None
    while True:
        header = os.path.normpath(os.path.join(directory, written))
        if read(header) and os.path.isfile(header):
            return header
        if directory == root or not directory.startswith(root + os.sep):
            return None
        directory = os.path.dirname(directory)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def not_compiled(path: str, text: str, target: tuple, gone: frozenset) -> bool:
    """Is the C file at ``path`` (its ``text``) proven not compiled for ``target``?  (See above.)"""
    path = os.path.abspath(path)
    if python2_variant(path, text):
        return True
    included = _included_by(path)
    if included is None:
        return False
    if not included:
        return path.endswith(SOURCE_SUFFIXES) and _only_system_includes(text)
    for including, data in included:
        if b"Generated by Cython" in data[:500]:
            continue  # Cython's output, checked through its .pyx source like the file itself
        if _lines_including(data, path) & _live_includes(including, target, gone):
            return False
    return True


def python_h_before(path: str, target: tuple, gone: frozenset, depth: int = 0) -> bool:
    """Has every project file that includes the header at ``path`` on a line that may be compiled
    certainly included a header that may be ``Python.h`` before that line (or is it a header of
    which this holds in turn)?  Then the header is compiled with ``Python.h``'s macros defined,
    though it includes none itself: pyobjc-core 13.0's pyobjc-compat.h, #imported by pyobjc.h after
    its #include <Python.h>, has ``#ifndef Py_SET_TYPE`` / ``Py_TYPE((obj)) = (type)``, which no
    3.9+ build compiles outside the limited API.  False when nothing in the project includes it
    (another project may), or an includer is Cython's (a ``cdef extern from``), or past
    ``MAX_DEPTH`` headers."""
    path = os.path.abspath(path)
    included = _included_by(path) if depth < MAX_DEPTH else None
    if not included:
        return False
    for including, data in included:
        known = _known_before(including, target, gone)
        for line in _lines_including(data, path):
            if known.get(line) is False and (including.endswith(SOURCE_SUFFIXES + OBJC_SUFFIXES)
                                             or not python_h_before(including, target, gone, depth + 1)):
                return False  # None: a line never compiled
    return True


def includer_shims(path: str, target: tuple, gone: frozenset, shims_of) -> frozenset:
    """The names the project's C files including the file at ``path`` (``#include "typecast_binary.c"``)
    give it: a file compiled only as part of another sees what that file defined before (psycopg2
    2.9's typecast.c includes psycopg/psycopg.h, whose python.h ``#define``s PyString_FromFormat,
    then typecast_binary.c, which names it).  ``shims_of(path, text)`` gives a file's own; the
    includers' whole text counts, not only what precedes the line (an approximation that only ever
    clears).  Cython's output is left to its ``.pyx``."""
    names: set = set()
    for including, written, cython in _includers_of(os.path.abspath(path)) or ():
        if cython:
            continue
        read(including)
        text = text_of(including)
        if text and "Generated by Cython" not in text[:500]:
            names |= shims_of(including, text)
    return frozenset(names)


def text_of(path: str) -> str:
    """The text of a project file (empty when it cannot be read)."""
    try:
        with open_regular(path) as handle:
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def includers(path: str) -> list:
    """The project files whose ``#include`` (C), ``cdef extern from`` or ``include`` (Cython) names
    the file at ``path``; empty when none does or the project is too large to read."""
    found = sorted({p for p, w, c in _includers_of(os.path.abspath(path)) or ()})
    for including in found:
        read(including)
    return found


def included_only_from_cython(path: str) -> bool:
    """Is the header at ``path`` included, and only by Cython sources (``cdef extern from``) or the C
    Cython wrote from them?"""
    found = includers(path)
    for including in found:
        if including.endswith(CYTHON_SUFFIXES):
            continue
        try:
            with open_regular(including) as handle:
                if b"Generated by Cython" not in handle.read(500):
                    return False
        except OSError:
            return False
    return bool(found)


PY2_INIT_RE = re.compile(r"^[ \t]*(?:PyMODINIT_FUNC|void)[ \t\r\n]+init(\w+)[ \t]*\([ \t]*(?:void)?[ \t]*\)", re.MULTILINE)


def python2_variant(path: str, text: str) -> bool:
    """Does the source at ``path`` define only Python 2's init of a module whose Python 3 init
    (``PyInit_<name>``) a source beside it defines?"""
    if "PyInit_" in text or not path.endswith(SOURCE_SUFFIXES):
        return False
    names = set(PY2_INIT_RE.findall(text))
    if not names:
        return False
    directory = os.path.dirname(path)
    read(directory)  # a source added beside it, or removed, changes the verdict (``outmoded.reads``)
    try:
        siblings = sorted(os.listdir(directory))
    except OSError:
        return False
    wanted = [f"PyInit_{name}".encode() for name in names]
    for name in siblings:
        sibling = os.path.join(directory, name)
        if sibling == path or not name.endswith(SOURCE_SUFFIXES):
            continue
        read(sibling)
        try:
            with open_regular(sibling) as handle:
                data = handle.read(MAX_SIBLING)
        except OSError:
            continue
        if any(word in data for word in wanted):
            return True
    return False


def _only_system_includes(text: str) -> bool:
    for match in ANY_INCLUDE_RE.finditer(text):
        written = match.group(1).split("//")[0].split("/*")[0].strip()
        if not (written.startswith("<") and written.endswith(">")):
            return False
        tokens = [t for t in c_tokens("#include " + written) if t.text not in ("#", "include")]
        if not system_header(tokens):
            return False
    return True
