"""The project's modules that only setuptools loads: its plugins, named under setuptools' own
entry-point groups.

A module the project registers under ``distutils.commands`` or ``distutils.setup_keywords`` (and
setuptools' other plugin groups) is imported by setuptools, when a build asks for that command or
keyword: by then ``setuptools`` is imported, and ``distutils`` is its copy (``_distutils_hack``).
Nuitka 4.3.5's ``nuitka/distutils/DistutilsCommands.py`` (``import distutils.command.build``,
registered in its setup.py as ``build_nuitka = nuitka.distutils.DistutilsCommands:build``) loads
through ``setuptools.dist.Distribution().get_command_class("build_nuitka")`` on the real 3.13 and
3.15, and fails only when imported with no setuptools at all, which nothing does.

The groups are read from the project's ``setup.py`` (its ``setup(entry_points=...)`` dict, a
literal or a name bound once to one; never run) and ``pyproject.toml``'s
``[project.entry-points."distutils.commands"]``; both count for the verdict asking, present or
absent (``outmoded.reads``).
"""

from __future__ import annotations

import os

from outmoded import reads
from outmoded.projectfiles import memo, project_root

# the entry-point groups setuptools itself loads (setuptools.dist, setuptools.command.egg_info,
# setuptools.discovery); a module named there runs inside setuptools
SETUPTOOLS_GROUPS = frozenset(("distutils.commands", "distutils.setup_keywords", "egg_info.writers",
                               "setuptools.finalize_distribution_options", "setuptools.file_finders"))


def loaded_by_setuptools(path: str, module: str) -> bool:
    """Is ``module`` (the dotted name of the file at ``path``) named under one of
    ``SETUPTOOLS_GROUPS`` by the project the file is in?"""
    top = project_root(os.path.dirname(os.path.abspath(path)))
    return top is not None and module in plugins(top)


@memo
def plugins(top: str) -> frozenset:
    """The modules the project at ``top`` registers under ``SETUPTOOLS_GROUPS``."""
    found: set = set()
    for group, values in (*_setup_py(os.path.join(top, "setup.py")), *_pyproject(os.path.join(top, "pyproject.toml"))):
        if group in SETUPTOOLS_GROUPS:
            for value in values:
                module = value.partition("=")[2].partition(":")[0].strip() if "=" in value else ""
                if module:
                    found.add(module)
    return frozenset(found)


def _setup_py(path: str) -> list:
    """(group, [entry, ...]) of the ``entry_points`` a setup.py passes to ``setup()``."""
    if not reads.read(path):
        return []
    from outmoded.builds import parse_build_file
    from outmoded.setupcall import keyword_dicts

    tree = parse_build_file(path)
    if tree is None:
        return []
    found = []
    for node in keyword_dicts(tree, "entry_points"):
        for key, entries in zip(node.keys, node.values):  # a group given by a name is not read
            group, value = _constant(key), _constant(entries)
            if isinstance(group, str) and isinstance(value, (str, list, tuple)):
                found.append((group, [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]))
    return found


def _constant(node):
    """The value of a literal of constants, else None."""
    import ast

    try:
        return ast.literal_eval(node) if node is not None else None
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _pyproject(path: str) -> list:
    """(group, [entry, ...]) of ``[project.entry-points.<group>]`` tables."""
    if not reads.read(path):
        return []
    from outmoded.source import SourceError, read_bytes
    from outmoded.tomldata import loads

    try:
        data = loads(read_bytes(path))
    except (SourceError, ValueError):
        return []
    project = data.get("project") if isinstance(data, dict) else None
    groups = project.get("entry-points") if isinstance(project, dict) else None
    if not isinstance(groups, dict):
        return []
    return [(group, [f"{name} = {value}" for name, value in table.items() if isinstance(value, str)])
            for group, table in groups.items() if isinstance(table, dict)]
