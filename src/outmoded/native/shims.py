"""Shims: the names a C or Cython file, or a project header or ``.pxd`` it reaches, defines or
declares itself, so that a removed name among them is the project's own, not CPython's.

``c_shims`` also reads the C file's live tokens and directives (``outmoded.native.cpp``), and tells
whether it, or a project header it includes, includes CPython's internal headers on a live line;
``cython_shims`` reads the ``#define``s of a Cython file's verbatim C, of the project's ``.pxd``
modules it names and of the headers it names in ``cdef extern from``; ``CYTHON_PY2_SHIMS`` are the
Python 2 names Cython's own generated C ``#define``s for Python 3.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from outmoded.native import includes, pythonh
from outmoded.native.apinames import removed_now, table
from outmoded.native.cpp import live_tokens, python_h_macros
from outmoded.native.ctokens import Token, by_line, token_tuple
from outmoded.native.directives import declared_names, own_types
from outmoded.reads import read
from outmoded.source import open_regular


def c_shims(path: str, text: str, target: tuple[int, int], gone: frozenset, upward: bool = True,
            predefined: dict | None = None, header_known: bool = False, defined: list | None = None) -> tuple:
    """The live code tokens of the C file at ``path``, its live directives, the names it or a
    project header it includes defines or declares (shims of removed names, and the names the
    internal headers it includes still declare: ``internal_names``), the internal headers it or such
    a header includes on a live line (greenlet 3.5's TGreenlet.cpp, through TGreenlet.hpp's
    ``#include "internal/pycore_frame.h"``: PyFrameObject's members are there), and
    the live code tokens of those headers.  ``predefined``: macros the build defines for it
    (``Py_LIMITED_API``: name -> value tokens, None when unknown); ``header_known``: ``Python.h``
    is included before the file's first line; ``defined`` (when given) receives the live ``#define``s
    of those headers (name and tokens), as ``directives`` the file's own."""
    directives: list = []
    headers: list = []  # the live tokens and directives of the project headers it includes
    written: list = []  # what each live #include "..." of it or them writes
    header = pythonh.LIMITED if predefined and "Py_LIMITED_API" in predefined else python_h_macros(text)
    tokens = list(live_tokens(token_tuple(text), target, gone.__contains__, directives, header,
                              includes.project_headers(path, text, written=written, upward=upward),
                              macros=dict(predefined) if predefined else None, included=headers,
                              header_known=header_known))
    shims = {rest[0].text for name, rest in directives if name == "define" and rest} | declared_names(tokens) \
        | own_types(tokens)
    lines = [line for kind, line in directives if kind == "include"]
    for code, found in headers:
        shims |= {rest[0].text for kind, rest in found if kind == "define" and rest} | declared_names(code) \
            | own_types(code)
        if defined is not None:
            defined.extend(rest for kind, rest in found if kind == "define" and rest)
        lines.extend(line for kind, line in found if kind == "include")
    internal = {os.path.basename(name) for name in written if INTERNAL_RE.search(name)} | \
        {token.text + ".h" for line in lines for token in line if token.kind == "ident" and INTERNAL_RE.match(token.text)}
    shims |= internal_names(internal, target)
    return tokens, directives, frozenset(shims), frozenset(internal), tuple(t for code, _ in headers for t in code)


INTERNAL_RE = re.compile(r"(?:^|/)pycore_\w")


def internal_names(headers: set, target: tuple[int, int]) -> frozenset:
    """The removed names that the internal headers included (``pycore_setobject.h``) still declare
    on the target (catalog ``internal_header``): numba 0.68's _typeof.cpp defines ``Py_BUILD_CORE``
    and includes ``internal/pycore_setobject.h`` for ``_PySet_NextEntry``, which 3.13 took out of
    the public headers (gh-106320)."""
    if not headers:
        return frozenset()
    headers = set(headers).union(*(INTERNAL_INCLUDES.get(header, ()) for header in headers))
    return frozenset(name for header in headers for name, until in table().internal.get(header, ())
                     if until is None or target < until)


# internal headers that include others of the catalog's ``internal_header``s on every version since
# 3.9 (pyenv's 3.9.18 to 3.13.0, and CPython's main), for names their own code uses: guppy3 3.1.7's
# hv_cli_prod.c defines Py_BUILD_CORE, includes internal/pycore_object.h (whose _PyObject_GC_TRACK
# reads a PyGC_Head) and takes sizeof(PyGC_Head)
INTERNAL_INCLUDES = {
    "pycore_object.h": ("pycore_gc.h", "pycore_pystate.h"),
    "pycore_interp.h": ("pycore_gc.h",),
}


DEFINE_RE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", re.MULTILINE)
# Python 2 names the C that Cython 0.29 and 3.0 generate #defines for Python 3 (ModuleSetupCode.c:
# PyInt_* as PyLong_*, PyString_Check as PyUnicode_Check, the Python 2 type flags as 0): a .pyx
# using them still builds with those Cythons, on any Python 3 they support; Cython 3.1 dropped them
CYTHON_PY2_SHIMS = frozenset("""
    PyIntObject PyInt_Type PyInt_Check PyInt_CheckExact PyInt_FromString PyInt_FromUnicode PyInt_FromLong
    PyInt_FromSize_t PyInt_FromSsize_t PyInt_AsLong PyInt_AS_LONG PyInt_AsSsize_t PyInt_AsUnsignedLongMask
    PyInt_AsUnsignedLongLongMask PyBoolObject PyBaseString_Type PyStringObject PyString_Type PyString_Check
    PyString_CheckExact Py_TPFLAGS_CHECKTYPES Py_TPFLAGS_HAVE_INDEX Py_TPFLAGS_HAVE_NEWBUFFER
""".split())


@lru_cache(maxsize=256)
def _defines_in(path: str, version: str = "") -> frozenset:
    return frozenset(DEFINE_RE.findall(_text(path, version)))


@lru_cache(maxsize=64)
def _text(path: str, version: str = "") -> str:
    """The text of the file at ``path`` ("" when it cannot be read), cached by its ``version``."""
    try:
        with open_regular(path) as handle:
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def cython_shims(path: str, text: str, tokens: list[Token], target: tuple[int, int] | None = None) -> frozenset:
    """Names a Cython file's C code ``#define``s itself (verbatim C in a ``cdef extern`` block's
    docstring), or the project's own ``.pxd`` beside it through which it reaches them: lxml 6.1's
    parser.pxi calls ``python.PyUnicode_GET_DATA_SIZE(utext)``, and src/lxml/python.pxd redefines
    it for 3.12+ (``#define PyUnicode_GET_DATA_SIZE(s)  (0)``).  A ``.pyx`` also sees what the
    ``.pxd`` of the same name beside it declares, as Cython includes it implicitly (PyYAML 3.12's
    ext/_yaml.pyx calls ``PyString_AS_STRING``, which ext/_yaml.pxd declares in ``cdef extern from
    "_yaml.h"``, and _yaml.h ``#define``s as ``PyBytes_AS_STRING`` for Python 3).  So are
    ``CYTHON_PY2_SHIMS``.  With the ``target``, so are the functions such a header defines or
    declares on lines compiled there (``c_shims``)."""
    names = set(DEFINE_RE.findall(text)) | CYTHON_PY2_SHIMS
    directory = os.path.dirname(os.path.abspath(path))
    modules = {tokens[i].text for i in range(len(tokens) - 2)
               if tokens[i].kind == "ident" and tokens[i + 1].text == "." and tokens[i + 2].kind == "ident"}
    for module in modules:
        pxd = os.path.join(directory, module + ".pxd")
        # the verdict depends on this .pxd, or on its absence (``outmoded.reads``); read again when it changed
        names |= _defines_in(pxd, read(pxd))
    names |= _extern_defines(path, text, directory, target)
    names |= cython_declared(tokens)
    stem, suffix = os.path.splitext(os.path.abspath(path))
    if suffix == ".pyx":
        companion = stem + ".pxd"
        version = read(companion)
        if version:
            names |= _defines_in(companion, version) | _extern_defines(companion, _text(companion, version), directory,
                                                                       target)
    return frozenset(names)


DECLARING = frozenset({"cdef", "cpdef", "ctypedef"})
STOPS = frozenset({"=", "(", "[", ":"})


def cython_declared(tokens: list[Token]) -> set:
    """The C variables, functions, types and classes a Cython file declares itself, outside ``cdef
    extern`` blocks (``cdef TYPE* NAME = ...``, ``cdef inline TYPE NAME(...)``, ``ctypedef TYPE
    NAME``, ``cdef class NAME``, the lines of a ``cdef:`` block): a removed C-API name among them
    is the module's own (sagemath-standard 10.7's sage/cpython/type.pyx: ``cdef PyTypeObject*
    PyInstance_Type = NULL``, set from ``types.InstanceType`` where Python 2 has it, then ``if tp is
    PyInstance_Type``)."""
    names: set = set()
    block = None  # column of the ``cdef:`` whose indented lines are declarations
    extern = None  # column of the ``cdef extern ...:`` whose lines declare CPython's (or a library's)
    for line in by_line(tokens):
        texts = [t.text for t in line]
        if extern is not None and line[0].column > extern:
            continue
        extern = None
        if block is not None and line[0].column > block:
            names |= _declared_on(line)
            continue
        block = None
        if texts[0] not in DECLARING or len(texts) < 2:
            continue
        if texts[1] == "extern":
            extern = line[0].column if texts[-1] == ":" else None
            continue
        if texts[1:] == [":"]:
            block = line[0].column
            continue
        names |= _declared_on(line[1:])
    return names


def _declared_on(line: list[Token]) -> set:
    """The names one declaration line declares: in each comma-separated part (outside brackets),
    the last identifier before ``=``, ``(``, ``[`` or ``:``; a function's parameters are not."""
    names: set = set()
    last, done, depth = None, False, 0
    for token in line:
        if done:  # past the name: its value, up to the next comma outside brackets
            depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(token.text, 0)
            if token.text == "," and depth <= 0:
                done, depth = False, 0
            continue
        if token.text in STOPS or token.text == ",":
            if last is not None:
                names.add(last)
            if token.text == "(":
                break  # a function (or a class's bases): what follows are its parameters
            last, done = None, token.text != ","
            continue
        if token.kind == "ident":
            last = token.text
    else:
        if last is not None:
            names.add(last)
    return names


def _extern_defines(path: str, text: str, directory: str, target: tuple[int, int] | None = None) -> set:
    """What the project's headers a Cython file names in ``cdef extern from "..."`` ``#define``
    (pyzmq 18.1's buffers.pxd: ``cdef extern from "pyversion_compat.h"``, which #defines
    PyObject_CheckReadBuffer for Python 3), and with the ``target`` what they define or declare on
    lines compiled there (gensim 4.4.0's models/word2vec_inner.pxd: ``cdef extern from
    "voidptr.h": void* PyCObject_AsVoidPtr(object obj)``, a static function voidptr.h defines under
    ``#if PY_VERSION_HEX >= 0x03020000`` on PyCapsule_GetPointer)."""
    names: set = set()
    root = None
    for match in includes.EXTERN_RE.finditer(text.encode("utf-8", "replace")):
        root = root or includes.project_root(path)
        header = includes.resolve(match.group(1).decode("utf-8", "replace"), directory, root)
        if header is not None:
            version = read(header)
            names |= _defines_in(header, version)
            if target is not None and version:
                names |= c_shims(header, _text(header, version), target, removed_now(target), upward=False)[2]
    return names
