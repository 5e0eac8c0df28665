"""Extension modules that re-enable the GIL when imported on a free-threaded build (3.13t+).

A free-threaded interpreter turns the GIL back on (with a RuntimeWarning) when it imports a module
that does not declare it can run without it.  Reported, as warnings, for targets from 3.13 on:

- OMT001: a ``PyModuleDef_Slot`` array (multi-phase init) without a ``Py_mod_gil`` slot;
- OMT002: ``PyModule_Create``/``PyModule_Create2`` (single-phase init) in a file that never calls
  ``PyUnstable_Module_SetGIL``, nor, for a header, does a project file including it (greenlet
  3.5.6's ``greenlet_refs.hpp`` wraps the call in a class; ``greenlet.cpp``, which includes it,
  makes the module and declares it);
- OMT003: a Cython ``.pyx`` module without the ``freethreading_compatible`` directive, neither in
  its header comments nor in the build configuration (``setup.py`` and the sibling modules it
  imports, ``pyproject.toml``, ``setup.cfg``, ``meson.build``, ``CMakeLists.txt``, ``Makefile``)
  of its directory or any parent up to the project root, where the C macro
  ``CYTHON_FREETHREADING_COMPATIBLE`` the generated C reads counts too (httptools 0.9.0's
  ``-DCYTHON_FREETHREADING_COMPATIBLE=1``); a ``.pyx`` another Cython file ``include``s is part
  of that module, not one (uvloop 0.23.0's ``loop.pyx`` includes 21 ``.pyx`` files, msgpack
  1.2.4's ``_cmsgpack.pyx`` its ``_packer.pyx`` and ``_unpacker.pyx``: the includer's directive
  decides);
- OMT004: ``PYBIND11_MODULE(name, m)`` without ``py::mod_gil_not_used()``, unless the file's
  other branch declares the same module with it (``#if PYBIND11_VERSION_HEX >= 0x020D00F0``: an
  older pybind11 cannot say it).

A slot ``{Py_mod_gil, Py_MOD_GIL_USED}`` or a directive ``freethreading_compatible=False`` is a
deliberate choice and is not reported.  Nor is a module of the project's tests (``testenv``: under
a ``test``/``tests``/``testing``/``testsuite`` directory, or named ``test_*``): built for the project's own test
run, never installed, it gives that process the GIL back with a RuntimeWarning and fails no line
(Cython 3.3.1's tests/run, tests/compile, tests/errors ...: 1,327 of its 1,536 at 3.14t; numpy
2.5.5's tests/examples/limited_api and its vendored pythoncapi-compat's test extension;
modulegraph2 2.3's testsuite/ fixtures, which its tests build and import, 7 at 3.14t), nor a sample
in a ``demo``/``demos``/``example``/``examples`` directory at the project's root that no build file
there names (``demo/`` in its setup.py ...): its users build it by hand, from its own makefile,
and nothing installs it (mpi4py 4.1.2's demo/wrap-c/helloworld.c, demo/cython/helloworld.pyx ...,
4 at 3.14t; Cython 3.3.1's Demos/).
Slots and calls inside ``#ifdef Py_GIL_DISABLED`` or ``#if PY_VERSION_HEX >= 0x030D0000`` count
(the C tokens given here are the live ones).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Optional

from outmoded.findings import WARNING, Finding
from outmoded.lazyre import LazyPattern
from outmoded.native import make, rule_message, rules
from outmoded.native.ctokens import Comment, Token
from outmoded.reads import once, read
from outmoded.source import open_regular

FREE_THREADED_FROM = (3, 13)
HEADER_SUFFIXES = (".h", ".hpp", ".hh", ".hxx", ".inc", ".inl")
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".pyx") + HEADER_SUFFIXES
DIRECTIVE_RE = LazyPattern(r"^#\s*cython\s*:(?P<body>.*)$", re.IGNORECASE)
BUILD_FILES = ("setup.py", "pyproject.toml", "setup.cfg", "meson.build", "CMakeLists.txt", "Makefile")
ROOT_MARKERS = (".git", "pyproject.toml", "setup.py", "setup.cfg")
# the directive set (``-X freethreading_compatible=True``, ``{"freethreading_compatible": True}``,
# h5py 3.16's ``compiler_directives["freethreading_compatible"] = True``), or the C macro that
# makes Cython's generated module declare ``Py_MOD_GIL_NOT_USED`` (``-DCYTHON_FREETHREADING_COMPATIBLE=1``,
# ``define_macros=[("CYTHON_FREETHREADING_COMPATIBLE", "1")]``)
BUILD_DIRECTIVE_RE = LazyPattern(
    r"freethreading_compatible['\"]?\]?\s*[:=]\s*['\"]?(?:True|true|1)\b"
    r"|-DCYTHON_FREETHREADING_COMPATIBLE(?:=1)?(?![=\w])"
    r"|CYTHON_FREETHREADING_COMPATIBLE['\"]\s*,\s*(?:['\"]1['\"]|(?:1|None)\b)")
# the directories at a project's root holding samples its users build by hand
SAMPLE_DIRECTORIES = frozenset({"demo", "demos", "example", "examples"})
SETUP_IMPORT_RE = LazyPattern(r"^import[ \t]+([\w \t,]+)|^from[ \t]+(\w+)", re.MULTILINE)  # setup.py's siblings


def _closing(tokens: list[Token], start: int, opening: str, closing: str) -> int:
    """Index of the token that closes the bracket at ``start`` (or the last index)."""
    depth = 0
    for index in range(start, len(tokens)):
        text = tokens[index].text
        if text == opening:
            depth += 1
        elif text == closing:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def _span(token: Token) -> tuple[int, int, int, int]:
    return token.line, token.column, token.line, token.column + len(token.text)


def _slot_array(tokens: list[Token], index: int) -> Optional[tuple[Token, int, int]]:
    """For ``PyModuleDef_Slot name[] = {...}`` at ``index``: (name token, body start, body end)."""
    name = None
    position = index + 1
    while position < len(tokens) and tokens[position].text not in ("[", ";", "=", "(", ")", ",", "{"):
        if tokens[position].kind == "ident":
            name = tokens[position]
        position += 1
    if name is None or position >= len(tokens) or tokens[position].text != "[":
        return None  # a pointer, a parameter or a cast, not an array definition
    while position < len(tokens) and tokens[position].text not in ("=", ";"):
        position += 1
    if position + 1 >= len(tokens) or tokens[position].text != "=" or tokens[position + 1].text != "{":
        return None  # a declaration without initializer
    return name, position + 1, _closing(tokens, position + 1, "{", "}")


_ROOTS: dict = {}  # directory -> its outermost project (``includes.project_root``), for the run


def _test_module(path: str) -> bool:
    """Is the C or Cython source at ``path`` one of the project's test modules?  Only a path naming
    a test directory or a test file anywhere asks where the project starts (the outermost one: a
    test extension may have its own setup.py); per directory, once."""
    from outmoded.testenv import TEST_DIRECTORIES, is_test_file

    path = os.path.abspath(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    if not (stem.startswith("test_") or stem.endswith("_test")
            or any(part.lower() in TEST_DIRECTORIES or part.lower() in SAMPLE_DIRECTORIES
                   for part in path.split(os.sep))):
        return False
    directory = os.path.dirname(path)
    top = _ROOTS.get(directory)
    if top is None:
        from outmoded.native.includes import project_root

        top = _ROOTS[directory] = project_root(path)
    return is_test_file(path, top, SOURCE_SUFFIXES) or _sample(path, top)


def _sample(path: str, top: str) -> bool:
    """Is the source at ``path`` (absolute) below a ``SAMPLE_DIRECTORIES`` directory at the root
    ``top`` of its project that no build file at that root names?"""
    first = os.path.relpath(path, top).split(os.sep)[0]
    if first.lower() not in SAMPLE_DIRECTORIES or first == os.path.basename(path):
        return False
    named = re.compile(r"(?<![\w.-])" + re.escape(first) + r"\b")
    for name in BUILD_FILES:
        build = os.path.join(top, name)
        if named.search(_text(build, read(build))):
            return False
    return True


@lru_cache(maxsize=256)
def _text(path: str, version: str) -> str:
    """The text of the build file at ``path`` at this ``version`` (its stamp; "" absent)."""
    if not version:
        return ""
    try:
        with open_regular(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(1_000_000)
    except OSError:
        return ""


def c_findings(path: str, tokens: list[Token], target: tuple[int, int]) -> list[Finding]:
    if target < FREE_THREADED_FROM:
        return []
    table = rules()
    names = {token.text for token in tokens if token.kind == "ident"}
    declared = _pybind11_declared(tokens) if "PYBIND11_MODULE" in names else frozenset()
    findings = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if token.text == "PyModuleDef_Slot":
            array = _slot_array(tokens, index)
            if array is None:
                continue
            name, start, end = array
            if not any(t.text == "Py_mod_gil" for t in tokens[start:end + 1]):
                entry = table["OMT001"]
                message = rule_message(entry, name.text, f"The module with slots `{name.text}`")
                findings.append(make(path, _span(name), entry, name.text, WARNING, message))
        elif token.text in ("PyModule_Create", "PyModule_Create2") and following == "(":
            if "PyUnstable_Module_SetGIL" not in names and not _includer_sets_gil(path):
                entry = table["OMT002"]
                findings.append(make(path, _span(token), entry, token.text, WARNING,
                                     rule_message(entry, token.text)))
        elif token.text == "PYBIND11_MODULE" and following == "(":
            end = _closing(tokens, index + 1, "(", ")")
            arguments = tokens[index + 2:end]
            module = arguments[0].text if arguments else "?"
            if not any(t.text == "mod_gil_not_used" for t in arguments) and module not in declared:
                entry = table["OMT004"]
                message = rule_message(entry, module, f"`PYBIND11_MODULE({module}, ...)`")
                findings.append(make(path, _span(token), entry, module, WARNING, message))
    return [] if findings and _test_module(path) else findings


def _pybind11_declared(tokens: list[Token]) -> frozenset:
    """The modules a ``PYBIND11_MODULE(name, m, py::mod_gil_not_used())`` here declares free of the
    GIL.  Another ``PYBIND11_MODULE`` of the same name is another branch of the file's conditionals
    (a module has one ``PyInit_``): optree 0.20.0's and spglib 2.8.0's ``#else`` of a test of
    pybind11's version, for the pybind11 before 2.13, which has no ``mod_gil_not_used`` and does not
    support a free-threaded interpreter at all."""
    declared = set()
    for index, token in enumerate(tokens):
        if token.text == "PYBIND11_MODULE" and index + 2 < len(tokens) and tokens[index + 1].text == "(":
            arguments = tokens[index + 2:_closing(tokens, index + 1, "(", ")")]
            if arguments and any(t.text == "mod_gil_not_used" for t in arguments):
                declared.add(arguments[0].text)
    return frozenset(declared)


def _includer_sets_gil(path: str) -> bool:
    """Does a project file including the header at ``path`` call ``PyUnstable_Module_SetGIL``?"""
    if not path.endswith(HEADER_SUFFIXES):
        return False
    from outmoded.native import includes

    return any("PyUnstable_Module_SetGIL" in includes.text_of(p) for p in includes.includers(path))


def _declares(comments: list[Comment], tokens: list[Token]) -> bool:
    """A ``# cython: ...freethreading_compatible=...`` comment before the first statement."""
    first_code = tokens[0].line if tokens else float("inf")
    for comment in comments:
        if comment.line >= first_code:
            break
        match = DIRECTIVE_RE.match(comment.text)
        if match and re.search(r"\bfreethreading_compatible\s*=", match["body"]):
            return True
    return False


_BUILD_SET: dict = {}  # directory -> (_build_sets_directive's answer, the build files it looked for)


def _build_sets_directive(directory: str) -> bool:
    """Does a build file here or in a parent (up to the project root) set the directive?  Every
    build file looked for counts for the verdict, present or not (``outmoded.reads``).  The same
    for every module of a directory: answered once per run, the files looked for replayed for
    every verdict asking (sagemath 10.7: 564 ``.pyx`` modules in 99 directories)."""
    return once(_BUILD_SET, directory, _walk_build_files, directory)


def _walk_build_files(directory: str) -> bool:
    while True:
        for name in BUILD_FILES + _setup_modules(directory):
            path = os.path.join(directory, name)
            if _build_file(path, read(path))[0]:
                return True
        parent = os.path.dirname(directory)
        if parent == directory or any(os.path.exists(os.path.join(directory, m)) for m in ROOT_MARKERS):
            return False
        directory = parent


def _setup_modules(directory: str) -> tuple:
    """The modules beside ``setup.py`` that it imports (h5py 3.16's ``import setup_build``, whose
    build_ext sets the directive): part of the build configuration."""
    path = os.path.join(directory, "setup.py")
    names = []
    for name in _build_file(path, read(path))[1]:
        sibling = f"{name}.py"
        if name.isidentifier() and name != "setup" and read(os.path.join(directory, sibling)):
            names.append(sibling)
    return tuple(names)


@lru_cache(maxsize=1024)
def _build_file(path: str, version: str) -> tuple[bool, tuple]:
    """(does the build file at ``path``, at this ``version`` (its stamp; "" absent), set the
    directive, the top-level names it imports when it is a ``setup.py``), from one read of it."""
    text = _text(path, version)
    if not text:
        return False, ()
    imported = ()
    if os.path.basename(path) == "setup.py":
        imported = tuple(dict.fromkeys((name.split() or [""])[0] for listed, source in SETUP_IMPORT_RE.findall(text)
                                       for name in (listed.split(",") if listed else [source])))  # import a as b: a
    return bool(BUILD_DIRECTIVE_RE.search(text)), imported


def cython_findings(path: str, tokens: list[Token], comments: list[Comment],
                    target: tuple[int, int]) -> list[Finding]:
    # the cheapest refuter first: a test module (a look at its path, then at where its project
    # starts, once per directory) before the build files up to the project's root are read
    if target < FREE_THREADED_FROM or _test_module(path) or _declares(comments, tokens):
        return []
    if _build_sets_directive(os.path.dirname(os.path.abspath(path))):
        return []
    from outmoded.native import includes

    if includes.includers(path):  # include "handles/handle.pyx": part of its includer
        return []
    module = os.path.splitext(os.path.basename(path))[0]
    entry = rules()["OMT003"]
    message = rule_message(entry, module, f"The Cython module `{module}`")
    return [make(path, (1, 1, 1, 1), entry, module, WARNING, message)]
