"""``Py_LIMITED_API`` as the project's setup.py defines it for an extension's sources.

``Extension("m", sources=["m.c"], define_macros=[("Py_LIMITED_API", "0x03090000")])`` (or
``extra_compile_args=["-DPy_LIMITED_API=0x03090000"]``) compiles ``m.c`` against the limited C API
as a ``#define`` in it would, so the names removed from the limited API only break it too.
setup.py is read with ``ast``, never run, and only what holds on every run counts: the macro
list written in the call, or a name the module binds once, to such a list, and never changes
(tornado 6.6 binds ``define_macros`` in both branches of an ``if``: left alone).  The sources
must be written as strings in the call (or in a list bound the same way), relative to setup.py.

``py_limited_api=True`` alone defines nothing: setuptools (84.2) only gives the built module an
``.abi3`` suffix, and the source compiles with the full C API; it is ignored.
"""

from __future__ import annotations

import ast
import os

from outmoded.builds import SETUP_FILE, build_files, parse_build_file
from outmoded.projectfiles import memo
from outmoded.setupcall import bound_once, extension_calls, literal

MACRO = "Py_LIMITED_API"
Limited = tuple  # (defined, version): version is None when not a number


def limited_api(path: str) -> Limited:
    """(whether setup.py defines ``Py_LIMITED_API`` for the source at ``path``, its value as a
    number, or None when it is written without one that can be read)."""
    path = os.path.abspath(path)
    for build in build_files(os.path.dirname(path)):
        if os.path.basename(build) == SETUP_FILE:
            found = _sources(build).get(path)
            if found is not None:
                return found
    return (False, None)


@memo
def _sources(setup: str) -> dict:
    """Source path -> (True, version) for each source an Extension of ``setup`` compiles with the macro."""
    tree = parse_build_file(setup)
    if tree is None:
        return {}
    bound = bound_once(tree)
    directory, found = os.path.dirname(setup), {}
    for call in extension_calls(tree):
        value = _macro_value(call, bound)
        if value is None:
            continue
        keyword = next((k.value for k in call.keywords if k.arg == "sources"), None)
        sources = literal(keyword if keyword is not None else call.args[1] if len(call.args) > 1 else None, bound)
        for source in sources or ():
            if isinstance(source, str):
                found[os.path.normpath(os.path.join(directory, source))] = (True, value[0])
    return found


def _macro_value(call: ast.Call, bound: dict):
    """(version or None,) when the call defines the macro, else None."""
    for keyword in call.keywords:
        if keyword.arg == "define_macros":
            for macro in literal(keyword.value, bound) or ():
                if isinstance(macro, (list, tuple)) and len(macro) == 2 and macro[0] == MACRO:
                    return (_number(macro[1]),)
        elif keyword.arg == "extra_compile_args":
            for argument in literal(keyword.value, bound) or ():
                if isinstance(argument, str) and argument.startswith("-D" + MACRO):
                    name, equals, text = argument[2:].partition("=")
                    if name == MACRO:
                        return (_number(text) if equals else 1,)
    return None


def _number(value) -> int | None:
    """``"0x03090000"`` -> 0x03090000; ``None`` (``-DPy_LIMITED_API``, defined as 1) -> 1."""
    if value is None:
        return 1
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip().rstrip("uUlL"), 0)
        except ValueError:
            return None
    return None
