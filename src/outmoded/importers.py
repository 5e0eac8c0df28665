"""Who imports a module in the project, and what they have imported before it.

A removed module's backport that every importer of a project module imports first provides the
name there too (``importers_provide``): found by a text pass over the project's import lines,
asked only for a finding that would otherwise be reported, parsing only the files that name the
module on an import line.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.builds import built_by_setuptools
from outmoded.layout import absolute, module_of
from outmoded.projectfiles import DYNAMIC_IMPORT_RE, MAIN_RE, memo, mentions, project_root


@memo
def importers_provide(path: str, backport: str) -> bool:
    """Does every module of the project that imports the module at ``path`` import ``backport``
    (a top-level module) unconditionally before the statement that imports it, with at least one
    such importer and no dynamic import of its name?  grpcio 1.85's ``_spawn_patch.py`` does ``from
    distutils import ccompiler``; only its ``setup.py`` imports it, after ``import setuptools``,
    which provides distutils.  A module that is also a script (``if __name__ == "__main__":``)
    runs without them: no.  A ``setup.py`` is run by build frontends through setuptools' backend,
    which imports setuptools first, unless a ``pyproject.toml`` beside it names another backend
    (Cython 3.3's ``Demos/setup.py``: ``from distutils.core import setup``)."""
    if not backport.isidentifier():
        return False  # a distribution installing the removed module itself (standard-crypt): not imported by name
    absolute_path = os.path.abspath(path)
    if backport == "setuptools" and os.path.basename(path) == "setup.py" and built_by_setuptools(absolute_path):
        return True
    module, import_root, _ = module_of(absolute_path)
    if not module or not path.endswith(".py"):
        return False
    leaf = module.rpartition(".")[2]
    top = project_root(os.path.dirname(absolute_path)) or import_root
    if _is_script(absolute_path):
        return False
    files = mentions(top, leaf)
    word = re.escape(leaf.encode())
    if files is None or any(re.search(rb"\b%s\b" % word, m[1]) for _, data in files
                            for m in DYNAMIC_IMPORT_RE.finditer(data)):
        return False
    # a top-level module is reached by ``import m`` or ``from m import``; a package's, also by
    # ``from package import m`` and relative imports
    naming = re.compile(rb"^[ \t]*(?:import[ \t][^\n]*\b%s\b|from[ \t]+%s\b)" % (word, word) if "." not in module
                        else rb"^[ \t]*(?:import|from)[ \t][^\n]*\b%s\b" % word, re.M)
    found = False
    for importer, data in files:
        if importer == absolute_path or not naming.search(data):
            continue
        verdict = _imports_after(importer, module, backport)
        if verdict is False:
            return False
        found = found or verdict is True
    return found


def _is_script(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return MAIN_RE.search(handle.read().decode("utf-8", "replace")) is not None
    except OSError:
        return True


@memo
def _imports_after(importer: str, module: str, backport: str) -> bool | None:
    """True when ``importer`` imports ``module`` and imports ``backport`` unconditionally, at its
    top level, before each statement that does; False when it imports ``module`` otherwise;
    None when it does not import it (another module of the same name)."""
    reads.read(importer)
    import ast
    import warnings

    try:
        with open(importer, "rb") as handle:
            data = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data, filename=importer)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return False  # cannot tell what it does
    top_level = "." not in module
    seen, provided = False, set()
    for stmt in tree.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Import):
                named = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = absolute(importer, node.level, node.module) if node.level else node.module
                named = [base] + [f"{base}.{a.name}" for a in node.names] if base else []
            else:
                continue
            if any(n == module or n.startswith(module + ".") for n in named if n) or (
                    top_level and any(n and n.split(".")[0] == module for n in named)):
                if backport not in provided:
                    return False
                seen = True
        if isinstance(stmt, ast.Import):
            provided.update(a.name.split(".")[0] for a in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            provided.add(stmt.module.split(".")[0])
    return True if seen else None
