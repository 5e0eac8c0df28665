"""Dump the public names of every standard-library module and of its classes (run under any CPython 3.6+).

Standalone (no third-party imports), so tests can run it under real interpreters:
``python3.15 -I stdlib_names.py > names.json``.  Output: ``{"module.name": [kind, defined_in]}`` for
module-level names, ``{"module.Class.name": [kind, null]}`` for class-level ones and
``{"module.Class": ["class", defined_in, [mro...]]}``; ``kind`` is module, class, function or
constant, ``defined_in`` the ``__module__`` of a class or function (None for other values).
"""

import contextlib
import importlib
import inspect
import io
import json
import os
import pkgutil
import sys
import sysconfig
import types
import warnings

# Modules with side effects on import, the test suite, and GUI/tooling packages that are not APIs.
SKIP = {"antigravity", "this", "idlelib", "test", "tkinter", "turtledemo", "turtle", "lib2to3", "__main__",
        "__phello__", "__hello__", "ensurepip", "venv", "pydoc_data", "distutils", "xxlimited", "xxsubtype",
        "xxlimited_35"}


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    return "function" if callable(value) else "constant"


def _top_modules():
    stdlib = sysconfig.get_paths()["stdlib"]
    names = set(sys.builtin_module_names)
    for path in (stdlib, os.path.join(stdlib, "lib-dynload")):
        names.update(m.name for m in pkgutil.iter_modules([path]))
    return sorted(n for n in names if n not in SKIP and not n.startswith("_"))


def _dump(out, modname, module):
    for name in dir(module):
        if name.startswith("_"):
            continue
        try:
            value = getattr(module, name)
        except Exception:
            continue
        kind = _kind(value)
        origin = getattr(value, "__module__", None) if kind in ("class", "function") else None
        if kind == "module":
            origin = value.__name__
        out[f"{modname}.{name}"] = [kind, origin]
        # a class the module defines, or one a C accelerator or private module defines for it
        # (sqlite3.Connection is _sqlite3's, importlib.machinery.SourceFileLoader _frozen_importlib_external's)
        if kind == "class" and (origin in (modname, None) or (origin or "").split(".")[0].startswith("_")):
            mro = [f"{c.__module__}.{c.__qualname__}" for c in inspect.getmro(value)]
            out[f"{modname}.{name}"].append(mro)
            for member in dir(value):
                if member.startswith("_"):
                    continue
                try:
                    out[f"{modname}.{name}.{member}"] = [_kind(getattr(value, member)), None]
                except Exception:
                    continue


def main():
    warnings.simplefilter("ignore")
    out, seen = {}, set()

    def visit(modname):
        if modname in seen:
            return
        seen.add(modname)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                module = importlib.import_module(modname)
        except BaseException:
            return
        out[modname] = ["module", modname]
        _dump(out, modname, module)
        for sub in pkgutil.iter_modules(getattr(module, "__path__", None) or []):
            if not sub.name.startswith("_") and sub.name not in ("test", "tests", "__main__", "idle_test"):
                visit(f"{modname}.{sub.name}")

    for name in _top_modules():
        visit(name)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
