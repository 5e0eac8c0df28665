"""The names every module can use without defining them: the builtins, and the standard library's
top-level modules (``sys.stdlib_module_names``, empty before 3.10).  Apart from the scanner's
scopes so that the project's text index, on every run, does not import ``ast`` for them."""

from __future__ import annotations

import builtins
import sys

BUILTIN_NAMES = frozenset(dir(builtins))
STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))
