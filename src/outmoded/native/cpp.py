"""The C preprocessor's conditionals, evaluated for the target Python.

``live_tokens`` drops the tokens of branches that cannot be compiled on the target, the way the
Python scanner skips ``if sys.version_info < (3, 12):`` blocks:

    #if PY_VERSION_HEX < 0x030C0000        dead on a 3.12+ target
    #elif PY_MINOR_VERSION >= 13           decided as well
    #ifdef Py_GIL_DISABLED                 unknown: both branches are kept
    #if 0                                  dead

Conditions are evaluated with three values (true, false, unknown) by ``cppexpr.Condition``.
``PY_VERSION_HEX`` on a 3.N target is any hex version from 3.N.0 final to the last 3.N release,
so only comparisons that come out the same for all of them are decided; ``PY_MAJOR_VERSION``/``PY_MINOR_VERSION``,
``Py_PACK_VERSION(3, N)``, ``Py_PACK_FULL_VERSION(...)``, integer literals and arithmetic on them
are known too, and so are object-like macros the file defines from them outside uncertain
branches (``#define IS_PY313 (PY_VERSION_HEX >= 0x030D0000)``).  ``defined(NAME)`` is false for a
C-API name the target removed (``is_removed``) and true for a macro the file defines on a line that
is certainly compiled (``#define Py_LIMITED_API 0x030d0000``: ``#ifndef Py_LIMITED_API`` is then
dead, and ``Py_LIMITED_API >= 0x030e0000`` is decided by its value).  The target is CPython, so the
macros only other interpreters define (``PYPY_VERSION``, ``PYPY_VERSION_NUM``, ``GRAALVM_PYTHON``)
are undefined unless the file defines them: ``defined(PYPY_VERSION)`` is false and
``PYPY_VERSION_NUM`` is 0, as the preprocessor takes any undefined name; so is
``SWIGPYTHON_BUILTIN``, which only SWIG writes, into a wrapper it generates with -builtin.  Any other macro is
unknown (it may come from the compiler's command line), except the macros ``Python.h`` defines on
every supported target (``pythonh``: ``#ifdef PyUnicode_KIND`` is taken), known once the file has
certainly included a header that may be ``Python.h`` (anything but the C, C++ and POSIX system
headers in ``SYSTEM_HEADERS``).  An include guard (``#ifndef SPAM_H`` or
``#if !defined(SPAM_H)`` before any code, then ``#define SPAM_H``) is taken: the header's
definitions are what the first inclusion compiles, so macros it defines from the version are known
(greenlet's ``#if PY_VERSION_HEX >= 0x30D0000 / #define GREENLET_PY313 1`` inside its guard).  A
macro of the project's own (``own_flag``) that it ``#define``s only on lines the target never
compiles is undefined (uwsgi's ``#if PY_MAJOR_VERSION == 2 && PY_MINOR_VERSION < 7 / #define
HAS_NOT_PyFrame_GetLineNumber``: its ``#ifdef`` is dead).  Such a flag ``#define``d once, on a
live line under undecided conditions, is defined exactly when they hold (``_implied``):
pyahocorasick 2.3.1's common.h defines ``PEP393_UNICODE`` only inside ``#ifdef
AHOCORASICK_UNICODE`` (on Python 3), so its utils.c's ``#if defined PEP393_UNICODE`` / ``#elif
defined PY3K`` / ``#ifdef AHOCORASICK_UNICODE`` (``PyUnicode_AS_UNICODE``) is never compiled.
Tokens of the directive lines themselves are never returned.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional

from outmoded.native.cppexpr import DEAD, Condition, FunctionMacro, _defined, _ifdef
from outmoded.native.ctokens import Token

SYSTEM_HEADERS = frozenset("""
    assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h math.h
    setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h stdlib.h
    stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h
    unistd.h pthread.h fcntl.h dirent.h dlfcn.h strings.h malloc.h alloca.h windows.h
""".split())  # C11, POSIX and Windows headers that cannot declare Python's API; C++'s have no '.h'


def _directives(tokens: Iterable[Token]):
    """Group tokens: ("code", token) or ("directive", name, [tokens after the name], first token)."""
    current: list[Token] = []
    for token in tokens:
        if token.directive >= 0:
            if current and current[0].directive != token.directive:
                yield ("directive", current)
                current = []
            current.append(token)
            continue
        if current:
            yield ("directive", current)
            current = []
        yield ("code", token)
    if current:
        yield ("directive", current)


class Frame:
    __slots__ = ("certain", "live", "parent_live", "taken", "guard", "unknown", "context")

    def __init__(self, parent_live: bool, value: Optional[bool], guard: Optional[str] = None):
        self.unknown: list = []  # (atoms, evaluate) of the chain's conditions not decided so far
        self.context: list = []  # ((atoms, evaluate), holds) the current branch needs of them
        self.parent_live = parent_live
        self.taken = value  # True: a branch so far is certainly taken; None: maybe; False: none
        self.live = parent_live and value is not False
        self.certain = value is True  # the current branch is certainly the one compiled
        self.guard = guard  # ``#ifndef NAME`` that a ``#define NAME`` may turn into an include guard


MAX_ATOMS = 4  # worlds tried: 2 ** MAX_ATOMS
IMPOSSIBLE = ("impossible",)  # a world in which a flag is defined against the conditions it is defined under


def _implied(name: str) -> tuple:
    """The key under which ``macros`` holds what the project's own flag ``name``, ``#define``d
    once on a live line under undecided conditions, is defined exactly when: the needs
    (``_context``) of the branches around that line."""
    return ("implied", name)


def _chain_condition(name: str, rest: list[Token], target: tuple[int, int], is_removed: Callable[[str], bool],
                     macros: dict, header: frozenset) -> tuple:
    """(names tested with ``defined`` whose answer is unknown, evaluate(world) -> True/False/None)
    for one undecided ``#if``/``#elif``/``#ifdef``... of a chain, with the macros of its line."""
    if name.endswith(("ifdef", "ifndef")):
        names = [rest[0].text] if rest else []
    else:
        texts = [t.text for t in rest]
        names = [texts[i + 2] if texts[i + 1] == "(" and i + 2 < len(texts) else texts[i + 1]
                 for i in range(len(texts) - 1) if texts[i] == "defined"]  # defined(NAME), defined NAME
    atoms = frozenset(n for n in names if _defined(n, is_removed, macros, header) is None)
    implied = {n: macros[_implied(n)] for n in atoms if macros.get(_implied(n))}
    atoms = atoms.union(*(a for needs in implied.values() for (a, _), _ in needs))
    snapshot = dict(macros)

    def evaluate(world: dict):
        for flag, needs in implied.items():  # a world defining a flag against its conditions is none
            held = [evaluate_need(world) for (_, evaluate_need), _ in needs]
            if None not in held and world.get(flag) is not all(h is holds for h, (_, holds) in zip(held, needs)):
                return IMPOSSIBLE
        known = {**snapshot, **{n: ([] if v else None) for n, v in world.items()}}
        gone = (lambda n: is_removed(n) or world.get(n) is False)
        if name.endswith(("ifdef", "ifndef")):
            return _ifdef(name, rest, gone, known, header)
        return Condition(rest, target, gone, known, header=header).evaluate()

    return atoms, evaluate


def _possible(chain: list, current: Optional[tuple], outer: Iterable = ()) -> Optional[bool]:
    """Can the branch after the undecided conditions ``chain`` (at ``current``, an ``#elif``'s own
    condition, or the ``#else``) be compiled?  Each name tested with ``defined`` is either defined
    or not: try every combination; False when none compiles it, None when undecided or too many.
    (pythoncapi_compat.h: ``#if PY_VERSION_HEX >= 0x030d0000 && !defined(Py_LIMITED_API)`` /
    ``#elif !defined(Py_LIMITED_API)``: the ``#elif`` is dead on 3.13.)  ``outer``: what the
    branches enclosing it need (``_context``)."""
    return _satisfiable([*outer, *((c, False) for c in chain), *([(current, True)] if current else [])])


def _satisfiable(needs: list) -> Optional[bool]:
    """False when no combination of the ``defined`` names ``needs`` (pairs of a condition and
    whether it must hold) test makes every condition come out as needed; None otherwise."""
    atoms = sorted(set().union(*(a for (a, _), _ in needs))) if needs else []
    if not atoms or len(atoms) > MAX_ATOMS:
        return None
    for bits in range(2 ** len(atoms)):
        world = {n: bool(bits >> i & 1) for i, n in enumerate(atoms)}
        values = [evaluate(world) for (_, evaluate), _ in needs]
        if IMPOSSIBLE not in values and all(value is not (not holds) for value, (_, holds) in zip(values, needs)):
            return None
    return False


def _context(stack: list) -> list:
    """What the branches being compiled need of their undecided conditions: a nested ``#if`` that
    contradicts them is dead (pythoncapi_compat.h 2025, vendored in bitarray 3.12.3: inside
    ``#if PY_VERSION_HEX < 0x030d0000 || (defined(Py_LIMITED_API) && Py_LIMITED_API+0 < 0x030d0000)``,
    live on 3.13 only with Py_LIMITED_API, the ``#if ... && !defined(Py_LIMITED_API)`` calling
    ``_PyLong_AsInt`` is never compiled there)."""
    return [need for frame in stack for need in frame.context]


def _guard_name(name: str, rest: list[Token]) -> Optional[str]:
    """NAME for ``#ifndef NAME`` and ``#if !defined(NAME)`` / ``#if !defined NAME``."""
    texts = [t.text for t in rest]
    if name == "ifndef" and len(texts) == 1:
        return texts[0]
    if name == "if" and texts[:2] == ["!", "defined"]:
        if len(texts) == 3:
            return texts[2]
        if len(texts) == 5 and texts[2] == "(" and texts[4] == ")":
            return texts[3]
    return None


def system_header(rest: list[Token]) -> bool:
    """Does ``#include`` + ``rest`` name a system header that cannot declare Python's API?
    (A quoted include has no tokens: its string is not one.)"""
    texts = [t.text for t in rest]
    if len(texts) < 3 or texts[0] != "<" or texts[-1] != ">":
        return False
    name = "".join(texts[1:-1])
    return name in SYSTEM_HEADERS or name.startswith("sys/") or name.replace("_", "").isalnum()


def python_h_macros(text: str) -> frozenset:
    """The macros ``Python.h`` certainly defines for a file: fewer when it may use the limited API."""
    from outmoded.native import pythonh

    return pythonh.LIMITED if "Py_LIMITED_API" in text else pythonh.FULL


# A name other headers or the compiler may define: CPython's (a project's #define Py_SET_TYPE under
# #if PY_VERSION_HEX < 0x03090000, which Python.h defines from 3.9), pyconfig.h's, the system's
# and the compiler's (_WIN32, __GNUC__, NDEBUG; GCC's lowercase linux, unix, i386)
FOREIGN_PREFIXES = ("Py", "PY", "_", "HAVE_", "SIZEOF_", "WITH_", "ALIGNOF_", "NDEBUG", "WIN32", "WIN64", "MS_")


def own_flag(name: str) -> bool:
    """Is ``name`` one only the project defines, so that a ``#define`` of it on a line the target
    never compiles, and none on a live line before, leaves it undefined (``cppexpr.DEAD``)?  The
    build may still pass ``-DNAME``; a project that derives the flag from the Python version in
    its own header does not (uwsgi 2.0.31's HAS_NOT_PyFrame_GetLineNumber).  ``_PY`` and a digit
    is a version flag too, for all its reserved-looking underscore (fastcache 1.1.0's ``#if
    PY_MAJOR_VERSION == 2`` / ``#define _PY2``; ddtrace's ``_PY314_AND_LATER``): CPython's own
    macros go on with ``_PY_`` or ``_Py`` (the headers of 3.6 to 3.13 define none so), and no
    compiler or system header defines such a name."""
    if name.startswith("_PY") and name[3:4].isdigit():
        return True
    return not name.startswith(FOREIGN_PREFIXES) and name != name.lower()


Follow = Callable[[Token], Optional[tuple]]  # an include's '#' -> (the file's tokens, its Follow)


def live_tokens(tokens: Iterable[Token], target: tuple[int, int],
                is_removed: Callable[[str], bool] = lambda name: False,
                directives: Optional[list] = None, header: frozenset = frozenset(),
                follow: Optional[Follow] = None, macros: Optional[dict] = None,
                header_known: bool = False, included: Optional[list] = None,
                known: Optional[list] = None) -> Iterator[Token]:
    """The code tokens that may be compiled on ``target``.

    ``directives`` (when given) receives ``(name, tokens)`` for every directive on a live line,
    e.g. ``("define", [NAME, ...])``, so callers can see the macros a file defines; an
    ``#include``'s tokens start with its ``#``; an ``#undef`` on a line that may not be compiled
    is ``"undef?"``.  ``header``: the macros ``Python.h`` defines
    (``pythonh``), known as defined after the first include certainly compiled that may be it
    (or from the start, ``header_known``).  ``follow`` reads a live ``#include`` of the project's
    own header (``project_header``): the macros the header defines are known after it, as when
    greenlet's TPythonState.cpp includes TGreenlet.hpp, which includes the header defining
    ``GREENLET_PY314`` from ``PY_VERSION_HEX``.  ``macros``: those defined before the first token
    (updated in place).  ``included`` (when given) receives, for each project header followed, its
    live code tokens and its directives, as ``directives`` does for the file.  ``known`` (when
    given) receives, for each live ``#include`` (or ``#import``), its line and whether ``Python.h``'s
    macros are known before it.
    """
    pending_header, header = (frozenset(), header) if header_known else (header, frozenset())
    stack: list[Frame] = []
    live = True
    if macros is None:
        macros = {}  # object-like macros on live lines: name -> tokens (None: unknown value)
    seen_code = False  # an include guard opens the file, before any code
    for group in _directives(tokens):
        if group[0] == "code":
            seen_code = True
            if stack:
                stack[-1].guard = None
            if live:
                yield group[1]
            continue
        line = group[1]
        name = line[1].text if len(line) > 1 else ""
        if name == "import":  # Objective-C's #import: an #include read once (pyobjc-core 13.0's pyobjc.h)
            name = "include"
        rest = line[2:]
        if stack and stack[-1].guard is not None:
            frame = stack[-1]
            guard, frame.guard = frame.guard, None
            if name == "define" and len(rest) >= 1 and rest[0].text == guard and frame.live \
                    and all(f.certain for f in stack[:-1]):
                # ``#ifndef SPAM_H`` / ``#define SPAM_H``: the include guard; the first time the
                # header is included (the only time its definitions matter) its body is compiled
                frame.certain, frame.taken = True, True
        if name in ("if", "ifdef", "ifndef"):
            if name == "if":
                value = Condition(rest, target, is_removed, macros, header=header).evaluate() if live else None
            else:
                value = _ifdef(name, rest, is_removed, macros, header) if live else None
            condition = _chain_condition(name, rest, target, is_removed, macros, header) \
                if live and value is None else None
            if condition is not None and stack:
                outer = _context(stack)
                if _satisfiable([*outer, (condition, True)]) is False:
                    value, condition = False, None
                elif _satisfiable([*outer, (condition, False)]) is False:
                    value, condition = True, None
            guard = _guard_name(name, rest) if live and value is None and not seen_code else None
            stack.append(Frame(live, value, guard))
            if condition is not None:
                stack[-1].unknown.append(condition)
                stack[-1].context = [(condition, True)]
        elif name in ("elif", "elifdef", "elifndef") and stack:
            frame = stack[-1]
            if frame.taken is True or not frame.parent_live:
                frame.live = frame.certain = False
            else:
                if name == "elif":
                    value = Condition(rest, target, is_removed, macros, header=header).evaluate()
                else:
                    value = _ifdef(name, rest, is_removed, macros, header)
                before = [(c, False) for c in frame.unknown]
                outer = _context(stack[:-1])
                if (frame.taken is None or outer and value is None) and value is not False:
                    condition = _chain_condition(name, rest, target, is_removed, macros, header)
                    if _possible(frame.unknown, condition, outer) is False:
                        value = False
                    elif value is None:
                        frame.unknown.append(condition)
                elif value is None:
                    frame.unknown.append(_chain_condition(name, rest, target, is_removed, macros, header))
                frame.context = before + ([(frame.unknown[-1], True)] if value is None else [])
                frame.live = value is not False
                frame.certain = value is True and frame.taken is False
                if value is True:
                    frame.taken = True
                elif value is None and frame.taken is False:
                    frame.taken = None
        elif name == "else" and stack:
            frame = stack[-1]
            frame.live = frame.parent_live and frame.taken is not True
            if frame.live and frame.taken is None and _possible(frame.unknown, None, _context(stack[:-1])) is False:
                frame.live = False
            frame.context = [(c, False) for c in frame.unknown]
            frame.certain = frame.taken is False
            frame.taken = True
        elif name == "endif" and stack:
            stack.pop()
        elif not live:
            if name == "define" and rest and own_flag(rest[0].text) and rest[0].text not in macros:
                macros[rest[0].text] = DEAD  # the project's own flag, so far written only where never compiled
        elif live:
            if name in ("define", "undef") and rest:
                flag = rest[0].text
                needs, first = _context(stack), flag not in macros
                macros.pop(_implied(flag), None)
                for frame in stack:  # what the enclosing branches needed of it no longer holds
                    frame.context = [need for need in frame.context if flag not in need[0][0]]
            if name == "define" and rest:
                function_like = len(rest) > 1 and rest[1].text == "(" \
                    and rest[1].offset == rest[0].offset + len(rest[0].text)
                if function_like:  # known where certainly defined (``cppexpr.FunctionMacro``)
                    macro = FunctionMacro.parse(rest) if all(f.certain for f in stack) else None
                    if macro is None:
                        macros.pop(rest[0].text, None)
                    else:
                        macros[rest[0].text] = macro
                else:  # defined under a condition that may not hold: its value is unknown
                    macros[flag] = rest[1:] if all(f.certain for f in stack) else None
                    if first and needs and own_flag(flag) and needs == _context(stack) \
                            and all(f.certain or f.context for f in stack):
                        macros[_implied(flag)] = needs  # defined exactly where the branches around it are compiled
            elif name == "undef" and rest:
                macros.pop(rest[0].text, None)
                header = header - {rest[0].text}
            elif name == "include":
                if known is not None:
                    known.append((line[0].line, bool(header)))
                certain = all(f.certain for f in stack)
                if pending_header and not system_header(rest) and certain:
                    header, pending_header = pending_header, frozenset()
                read = follow(line[0]) if follow is not None else None
                if read is not None:
                    _include(read, target, is_removed, macros, header or pending_header, bool(header),
                             certain, included)
            if directives is not None:
                if name == "undef" and not all(f.certain for f in stack):
                    name = "undef?"  # on a line that may not be compiled: the macro may still be defined
                directives.append((name, line if name == "include" else rest))
        live = stack[-1].live if stack else True


def _include(read: tuple, target: tuple[int, int], is_removed: Callable[[str], bool], macros: dict,
             header: frozenset, header_known: bool, certain: bool, included: Optional[list] = None) -> None:
    """Learn the macros an included header defines (all of them unknown when the include may not be
    compiled); with ``included``, keep its live tokens and directives there."""
    tokens, follow = read
    inner = dict(macros)
    directives: Optional[list] = None if included is None else []
    code = [token for token in live_tokens(tokens, target, is_removed, directives, header, follow, inner,
                                           header_known, included) if included is not None]
    if included is not None:
        included.append((code, directives))
    if certain:
        macros.clear()
        macros.update(inner)
        return
    for name in set(macros) | set(inner):
        if macros.get(name, inner) is not inner.get(name, macros):
            macros[name] = None
