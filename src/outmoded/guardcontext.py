"""What a guard context is: why code at a point might not run, or might be expected to fail.

The ``Context`` record and the exception-name sets the scanner's guard walkers share
(``contexts``, ``guardnotes``, ``fallbacks``, ``branches``, ``expectations``).
"""

from __future__ import annotations

import re

from outmoded.records import Frozen

WORD_RE = re.compile(r"\w+")
DOTTED_RE = re.compile(r"\w+(?:\.\w+)*")  # a dotted name in a replacement's text
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
ATTRIBUTE_ERRORS = frozenset({"AttributeError"})
TYPE_ERRORS = frozenset({"TypeError"})
NAME_ERRORS = frozenset({"NameError"})
# builtins Python 3.0 removed: naming one that nothing binds raises NameError
PY2_BUILTINS = frozenset({"apply", "basestring", "buffer", "cmp", "coerce", "execfile", "file", "intern", "long",
                          "raw_input", "reduce", "reload", "unichr", "unicode", "xrange"})
ANY_ERROR = frozenset({"Exception", "BaseException", "*"})
PROBE_ERRORS = IMPORT_ERRORS | ATTRIBUTE_ERRORS  # a try catching these tests for an API
# builtin types whose call without arguments cannot raise (an empty value)
EMPTY_TYPES = frozenset({"set", "frozenset", "dict", "list", "tuple", "object", "str", "bytes", "bytearray",
                         "int", "float", "complex", "bool"})


class Context(Frozen):
    """Why code at this point might not run (or might be expected to fail) on the target.

    ``kind``: "try" | "hasattr" | "replaced" | "reads" | "retried" | "handler" | "probe" (the handlers of a try catching
    PROBE_ERRORS) | "main" (the module's ``if __name__ == "__main__":`` block) | "expects" (a
    ``with`` block a test expects to raise ``caught``) | "since" (a branch a version check takes only
    from the version in ``names`` on) | "skipped" (a test or test class a skip
    decorator skips on the target) | "dead" (a branch taken only when
    ``hasattr()`` finds a name removed on the target, or ``isinstance()`` answers otherwise there:
    ``names`` holds "hasattr" or "isinstance") | "deleted" (a function ``del`` removes before
    anything calls it) | "rebound" (a function its module binds again on the target before
    anything calls it) | "function" (in the module's top-level function named in ``names``) |
    "method" (in the method ``Class.name`` in ``names`` of a module-level class: ``deadmethods``);
    ``caught``: for "try", the exception names caught; ``names``: for "hasattr",
    the attribute names checked, for "replaced", names that hasattr() found missing here (the else
    of ``if hasattr(base64, "decodebytes"):``), for "reads" (the handlers of a try catching
    AttributeError), the stdlib attributes its body reads that the target has, for "retried" (the
    handlers of a try catching only TypeError), the stdlib functions its body calls with a keyword
    argument (``trycalls._keyword_calls``), for "handler", {"raised"} when the ``try`` body raises
    ImportError itself (not only when an import fails); ``fallback``: for "try", what its handlers do (see
    ``handlers.fallback_kind``)."""

    __slots__ = _fields = ("kind", "caught", "names", "fallback")

    def __init__(self, kind: str, caught: frozenset = frozenset(), names: frozenset = frozenset(),
                 fallback: str | None = None):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "caught", caught)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "fallback", fallback)
