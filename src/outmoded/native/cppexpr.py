"""One ``#if``/``#elif`` expression (or ``#ifdef`` name) of the C preprocessor, evaluated for the target.

Conditions are evaluated with three values (true, false, unknown) by ``Condition``, each term an
interval of the values it can take on the target.  ``PY_VERSION_HEX`` on a 3.N target is any hex
version from 3.N.0 final to the last 3.N release, so only comparisons that come out the same for
all of them are decided; ``PY_MAJOR_VERSION``/``PY_MINOR_VERSION``, ``Py_PACK_VERSION(3, N)``,
``Py_PACK_FULL_VERSION(...)`` (and their private spellings ``_Py_PACK_VERSION``...), integer literals and arithmetic on them are known too, and so are
the object-like macros the caller knows (``macros``: name -> tokens, None when its value is
unknown).  ``defined(NAME)`` (``_defined``) is false for a C-API name the target removed
(``is_removed``) and for the macros only other interpreters define (``NOT_CPYTHON``), or only SWIG
writes into the wrappers it generates (``SWIG_WRITTEN``), or only CPython's own build passes
(``CPYTHON_BUILD_ONLY``), unless the file defines them, true for a known macro or one ``Python.h`` defines (``header``).  ``_MSC_VER`` is
either undefined (another compiler) or 1900 or more (the Visual C++ of Visual Studio 2015 or later,
which every Python 3.5+ on Windows needs): a condition naming it is decided when both worlds agree
(PyYAML 6.0's ``#if _MSC_VER == 1200``, Visual C++ 6.0, is dead).  ``cpp`` walks the branches with it.
"""

from __future__ import annotations

import operator
from typing import Callable, Optional

from outmoded.native.ctokens import Token

# Py_PACK_VERSION and its private spellings, which CPython 3.14+'s own headers define and use
# (patchlevel.h's _Py_PACK_FULL_VERSION, modsupport.h's _Py_PACK_VERSION) and pythoncapi_compat.h
# defines the same way under #ifndef for older Pythons (bitarray 3.12.3: #if PY_VERSION_HEX <
# _Py_PACK_VERSION(3, 9) ...)
PACK = {"Py_PACK_VERSION": "Py_PACK_VERSION", "_Py_PACK_VERSION": "Py_PACK_VERSION",
        "Py_PACK_FULL_VERSION": "Py_PACK_FULL_VERSION", "_Py_PACK_FULL_VERSION": "Py_PACK_FULL_VERSION"}
NOT_CPYTHON = frozenset({"PYPY_VERSION", "PYPY_VERSION_NUM", "GRAALVM_PYTHON"})  # never defined by CPython
# SWIG writes ``#define SWIGPYTHON_BUILTIN`` at the top of the wrapper it generates with -builtin
# (Source/Modules/python.cxx), and only then puts in the code its branches hold (builtin.swg): a
# wrapper generated without -builtin never has it (cvxpy 1.9.3's cvxcore_wrap.cxx, SWIG 4.2.1:
# ``#ifdef SWIGPYTHON_BUILTIN`` ... ``PyWeakref_GET_OBJECT(pyobj)``, never compiled)
SWIG_WRITTEN = frozenset({"SWIGPYTHON_BUILTIN"})
# CPython's own build passes -DPy_BUILD_CORE_BUILTIN for the modules it links into the interpreter
# (Makefile.pre.in's PY_BUILTIN_MODULE_CFLAGS); an extension a build frontend compiles never gets it
# (backports-zstd 1.8.0 copies CPython's _zstd sources: #ifndef Py_BUILD_CORE_BUILTIN / #define
# Py_BUILD_CORE_MODULE 1, then Argument Clinic's #if defined(Py_BUILD_CORE) &&
# !defined(Py_BUILD_CORE_MODULE) in the .c.h files they include is dead)
CPYTHON_BUILD_ONLY = frozenset({"Py_BUILD_CORE_BUILTIN"})
UNDEFINED_UNLESS_WRITTEN = NOT_CPYTHON | SWIG_WRITTEN | CPYTHON_BUILD_ONLY  # undefined unless the file (or what it includes) defines them
MSVC, MSVC_SINCE = "_MSC_VER", ((3, 5), 1900)  # CPython 3.5+ builds with Visual Studio 2015 (_MSC_VER 1900) or later
# The value of a macro the project #defines only in branches the target never compiles (uwsgi
# 2.0.31's uwsgi_python.h: #if PY_MAJOR_VERSION == 2 && PY_MINOR_VERSION < 7 / #define
# HAS_NOT_PyFrame_GetLineNumber): undefined there, so ``#ifdef`` of it is false (``cpp.own_flag``)
DEAD = ("dead",)
Interval = Optional[tuple[int, int]]  # the values a term can take on the target; None: unknown


class FunctionMacro:
    """A function-like macro the file ``#define``s on a line certainly compiled: its parameters and
    body, expanded where an ``#if`` calls it (dbus-python 1.5.1's ``#define
    DBUSPY_PY_VERSION_AT_LEAST(x, y, z, w) (PY_VERSION_HEX >= ((x * 0x01000000) + ...))``, then
    ``#if !DBUSPY_PY_VERSION_AT_LEAST(3, 13, 0, 0xc0)`` around its ``PyWeakref_GetObject``
    backport).  Stringizing (``#``, ``##``) and variadic macros are not expanded (unknown)."""

    __slots__ = ("params", "body")

    def __init__(self, params: tuple, body: list):
        self.params = params
        self.body = body

    @classmethod
    def parse(cls, rest: list) -> Optional["FunctionMacro"]:
        """From a ``#define``'s tokens after ``define`` (``NAME ( params ) body``), or None."""
        texts = [t.text for t in rest]
        try:
            close = texts.index(")", 2)
        except ValueError:
            return None
        params = tuple(texts[2:close:2])
        if any(s != "," for s in texts[3:close:2]) or not all(p.isidentifier() for p in params) \
                or "#" in texts[close + 1:] or "##" in texts[close + 1:]:
            return None
        return cls(params, rest[close + 1:])

    def expand(self, arguments: list) -> Optional[list]:
        """The body's token texts with each parameter replaced by its argument's texts."""
        if len(arguments) != len(self.params):
            return None
        given = dict(zip(self.params, arguments))
        expanded: list = []
        for token in self.body:
            expanded.extend(["("] + given[token.text] + [")"] if token.text in given else [token.text])
        return expanded


def _int(text: str) -> Optional[int]:
    body = text.rstrip("uUlL").replace("'", "")
    try:
        if body.lower().startswith("0x"):
            return int(body, 16)
        if body.lower().startswith("0b"):
            return int(body, 2)
        if len(body) > 1 and body.startswith("0"):
            return int(body, 8)
        return int(body)
    except ValueError:
        return None


class Condition:
    """Recursive-descent evaluation of one ``#if``/``#elif`` expression."""

    BINARY = [
        ("||", None), ("&&", None),
        ("|", operator.or_), ("^", operator.xor), ("&", operator.and_),
        ("==", operator.eq), ("!=", operator.ne),
        ("<", operator.lt), ("<=", operator.le), (">", operator.gt), (">=", operator.ge),
        ("<<", operator.lshift), (">>", operator.rshift),
        ("+", operator.add), ("-", operator.sub), ("*", operator.mul),
    ]
    LEVELS = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="],
              ["<<", ">>"], ["+", "-"], ["*"]]

    def __init__(self, tokens: list[Token], target: tuple[int, int], is_removed: Callable[[str], bool],
                 macros: Optional[dict] = None, depth: int = 0, header: frozenset = frozenset()):
        self.tokens = [t.text for t in tokens]
        self.pos = 0
        self.target = target
        self.is_removed = is_removed
        self.macros = macros or {}
        self.depth = depth
        self.header = header  # macros Python.h defines, once the file has included it
        self.msvc: Optional[bool] = None  # the world evaluated: compiled by Visual C++ or not (None: not split)
        base = (target[0] << 24) | (target[1] << 16)
        self.names: dict[str, Interval] = {
            "PY_VERSION_HEX": (base | 0xF0, base | 0xFFFF),  # 3.N.0 final .. last 3.N release
            "PY_MAJOR_VERSION": (target[0], target[0]),
            "PY_MINOR_VERSION": (target[1], target[1]),
        }

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def take(self) -> str:
        text = self.peek()
        self.pos += 1
        return text

    def evaluate(self) -> Optional[bool]:
        if MSVC not in self.tokens or MSVC in self.macros or self.target < MSVC_SINCE[0]:
            return self._evaluate()
        # two worlds: another compiler (_MSC_VER undefined, so 0), or a Visual C++ that builds the target
        outcomes = set()
        for self.msvc in (False, True):
            self.names[MSVC] = (MSVC_SINCE[1], 1 << 31) if self.msvc else (0, 0)
            self.pos = 0
            outcomes.add(self._evaluate())
        self.msvc = None
        return outcomes.pop() if len(outcomes) == 1 else None

    def _evaluate(self) -> Optional[bool]:
        try:
            value = self.binary(0)
        except (IndexError, ValueError, ZeroDivisionError, OverflowError):
            return None
        if self.pos != len(self.tokens):
            return None
        return self.truth(value)

    def binary(self, level: int) -> Interval:
        if level == len(self.LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in self.LEVELS[level]:
            op = self.take()
            right = self.binary(level + 1)
            left = self.combine(op, left, right)
        return left

    @staticmethod
    def truth(value: Interval) -> Optional[bool]:
        if value is None:
            return None
        low, high = value
        if low == high:
            return low != 0
        return True if low > 0 or high < 0 else None

    def combine(self, op: str, left: Interval, right: Interval) -> Interval:
        if op in ("||", "&&"):
            a, b = self.truth(left), self.truth(right)
            if op == "||":
                result = True if True in (a, b) else (None if None in (a, b) else False)
            else:
                result = False if False in (a, b) else (None if None in (a, b) else True)
            return None if result is None else (int(result), int(result))
        if left is None or right is None:
            return None
        function = dict(self.BINARY)[op]
        if op in ("<", "<=", ">", ">=", "==", "!="):
            outcomes = {function(x, y) for x in left for y in right}
            if op in ("==", "!=") and (left[0] != left[1] or right[0] != right[1]):
                overlap = left[0] <= right[1] and right[0] <= left[1]
                if not overlap:
                    outcomes = {op == "!="}
                else:
                    return None
            return (int(outcomes.pop()),) * 2 if len(outcomes) == 1 else None
        if left[0] != left[1] or right[0] != right[1]:
            return None
        value = function(left[0], right[0])
        return value, value

    def unary(self) -> Interval:
        text = self.take()
        if text == "!":
            value = self.truth(self.unary())
            return None if value is None else (int(not value),) * 2
        if text == "-":
            value = self.unary()
            return None if value is None or value[0] != value[1] else (-value[0], -value[0])
        if text == "+":
            return self.unary()
        if text == "~":
            value = self.unary()
            return None if value is None or value[0] != value[1] else (~value[0], ~value[0])
        if text == "(":
            value = self.binary(0)
            if self.take() != ")":
                raise ValueError("unbalanced")
            return value
        if text == "defined":
            paren = self.peek() == "("
            if paren:
                self.take()
            name = self.take()
            if paren and self.take() != ")":
                raise ValueError("unbalanced")
            if name == MSVC and self.msvc is not None:
                return (int(self.msvc),) * 2
            return _defined(name, self.is_removed, self.macros, self.header)
        if text in PACK and self.peek() == "(":
            return self.pack(PACK[text])
        if text and (text[0].isdigit() or text[0] == "."):
            number = _int(text)
            return None if number is None else (number, number)
        if text in self.names:
            return self.names[text]
        if text in UNDEFINED_UNLESS_WRITTEN and text not in self.macros:
            return 0, 0
        if self.macros.get(text) is DEAD:
            return 0, 0
        if isinstance(self.macros.get(text), FunctionMacro) and self.peek() == "(" and self.depth < 8:
            return self.call(self.macros[text])
        if text in self.macros and self.depth < 8:  # `#define IS_PY313 (PY_VERSION_HEX >= ...)`
            if self.macros[text] is None or isinstance(self.macros[text], FunctionMacro):
                return None
            body = Condition(self.macros[text], self.target, self.is_removed, self.macros, self.depth + 1,
                             self.header)
            value = body.binary(0)
            return value if body.pos == len(body.tokens) else None
        if text and (text[0].isalpha() or text[0] == "_"):
            if self.peek() == "(":  # an unknown function-like macro: skip its arguments
                self.skip_call()
            return None
        raise ValueError(f"unexpected {text!r}")

    def call(self, macro: FunctionMacro) -> Interval:
        """The value of a call of the file's function-like macro: its arguments (split at the commas
        outside parentheses) put in its body, evaluated there."""
        self.take()  # "("
        arguments: list = [[]]
        depth = 0
        while True:
            text = self.take()
            if not text:
                raise ValueError("unbalanced")
            if text == ")" and depth == 0:
                break
            depth += {"(": 1, ")": -1}.get(text, 0)
            if text == "," and depth == 0:
                arguments.append([])
            else:
                arguments[-1].append(text)
        if arguments == [[]]:
            arguments = []
        expanded = macro.expand(arguments)
        if expanded is None:
            return None
        body = Condition([], self.target, self.is_removed, self.macros, self.depth + 1, self.header)
        body.tokens = expanded
        if self.msvc is not None:
            body.names[MSVC] = self.names[MSVC]
        value = body.binary(0)
        return value if body.pos == len(body.tokens) else None

    def skip_call(self) -> None:
        depth = 0
        while True:
            text = self.take()
            if not text:
                raise ValueError("unbalanced")
            depth += {"(": 1, ")": -1}.get(text, 0)
            if depth == 0:
                return

    def pack(self, name: str) -> Interval:
        self.take()  # "("
        parts = [self.binary(2)]
        while self.peek() == ",":
            self.take()
            parts.append(self.binary(2))
        if self.take() != ")" or any(p is None or p[0] != p[1] for p in parts):
            return None
        values = [p[0] for p in parts] + [0, 0, 0]
        if name == "Py_PACK_VERSION":
            values = values[:2] + [0, 0, 0]
        x, y, z, level, serial = values[:5]
        packed = (x << 24) | (y << 16) | (z << 8) | (level << 4) | serial
        return packed, packed


def _defined(name: str, is_removed: Callable[[str], bool], macros: dict, header: frozenset = frozenset()) -> Interval:
    if is_removed(name) or (name in UNDEFINED_UNLESS_WRITTEN and name not in macros) or macros.get(name) is DEAD:
        return 0, 0
    if name not in macros and name in header:
        return 1, 1
    return (1, 1) if macros.get(name) is not None else None  # None: defined under an uncertain branch


def _ifdef(directive: str, rest: list[Token], is_removed: Callable[[str], bool], macros: dict,
           header: frozenset = frozenset()) -> Optional[bool]:
    """``#ifdef``/``#ifndef`` (and ``#elifdef``/``#elifndef``) of ``rest[0]``: True, False or unknown."""
    known = _defined(rest[0].text, is_removed, macros, header) if rest else None
    if known is None:
        return None
    return bool(known[0]) == directive.endswith("ifdef")
