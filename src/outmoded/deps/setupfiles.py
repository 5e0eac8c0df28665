"""setuptools' ``setup.cfg`` and ``setup.py``, read without running anything.

``setup.cfg``: ``[options] install_requires`` and ``[options.extras_require]`` through
``configparser`` (a dangling list, one requirement a line, or ``;``-separated on one line, and
``file:`` directives naming requirement files beside it), as setuptools reads them.
``setup.py``: only literal ``install_requires=[...]`` / ``extras_require={...}`` arguments of a
``setup(...)`` call, or a module-level name bound to such a literal, read with ``ast``. A setup.py
that computes them says so: outmoded never executes it.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

from outmoded.deps.pyproject import parse_entries
from outmoded.deps.requirements import NoDependencyTable, _read_text
from outmoded.setupcall import setup_calls


def read_setup_cfg(path: Path, label) -> tuple:
    text = _read_text(path)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise NoDependencyTable(f"{label(path)}: not a readable setup.cfg: {str(exc).splitlines()[0]}") from None
    entries = []
    if parser.has_option("options", "install_requires"):
        entries += [("", r) for r in _list(parser.get("options", "install_requires"), path)]
    if parser.has_section("options.extras_require"):
        for extra, value in parser.items("options.extras_require"):
            entries += [(extra, r) for r in _list(value, path)]
    if not parser.has_option("options", "install_requires") and not parser.has_section("options.extras_require"):
        raise NoDependencyTable(f"{label(path)}: no [options] install_requires or [options.extras_require]")
    lines = text.splitlines()
    return parse_entries(entries, label(path), lambda r: next(
        (n for n, line in enumerate(lines, 1) if line.strip().startswith(r)), None))


def _list(value: str, path: Path) -> list:
    value = value.strip()
    if value.startswith("file:"):
        value = "\n".join(_included(path.parent, name.strip()) for name in value[5:].split(","))
    items = value.splitlines() if "\n" in value else value.split(";")
    return [item.strip() for item in items if item.strip() and not item.strip().startswith("#")]


def _included(root: Path, name: str) -> str:
    target = (root / name).resolve()
    if root.resolve() not in target.parents or not target.is_file():
        raise NoDependencyTable(f"{root / name}: the file setup.cfg names is missing or outside the project")
    return "\n".join(line.split(" #")[0] for line in _read_text(target).splitlines())


def read_setup_py(path: Path, label) -> tuple:
    try:
        tree = ast.parse(_read_text(path), filename=str(path))
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise NoDependencyTable(f"{label(path)}: cannot parse: {str(exc) or 'nested too deeply'}") from None
    call = next(setup_calls(tree), None)
    if call is None:
        raise NoDependencyTable(f"{label(path)}: no setup(...) call")
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if "install_requires" not in keywords and "extras_require" not in keywords:
        raise NoDependencyTable(f"{label(path)}: setup(...) has no literal install_requires "
                                f"(outmoded never runs setup.py)")
    try:
        entries = _entries(tree, keywords, path, label)
    except RecursionError:
        raise _computed(path, label, "install_requires") from None
    lines = {text: line for _extra, (text, line) in entries}
    return parse_entries([(extra, text) for extra, (text, _line) in entries], label(path), lines.get)


def _entries(tree, keywords: dict, path, label) -> list:
    entries = []
    if "install_requires" in keywords:
        entries += [("", item) for item in _strings(_literal(tree, keywords["install_requires"], path, label))]
    if "extras_require" in keywords:
        extras = _literal(tree, keywords["extras_require"], path, label)
        if not isinstance(extras, dict):
            raise _computed(path, label, "extras_require")
        for extra, items in extras.items():
            entries += [(str(extra), item) for item in _strings(items)]
    return entries


def _literal(tree: ast.Module, node, path, label):
    """The literal value of ``node`` with each string's line: strings become (text, line)."""
    if isinstance(node, ast.Name):
        bound = [s.value for s in tree.body if isinstance(s, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)]
        if len(bound) != 1:
            raise _computed(path, label, node.id)
        node = bound[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value, node.lineno)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_literal(tree, item, path, label) for item in node.elts]
    if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
        return {k.value: _literal(tree, v, path, label) for k, v in zip(node.keys, node.values)}
    raise _computed(path, label, "install_requires")


def _computed(path, label, what: str) -> NoDependencyTable:
    return NoDependencyTable(f"{label(path)}: {what} is not a literal list of strings, and outmoded "
                             f"never runs setup.py to compute it; name a requirements file instead")


def _strings(value) -> list:
    if isinstance(value, tuple):  # a single string: setuptools splits it into lines
        text, line = value
        return [(item.strip(), line) for item in text.splitlines() if item.strip()]
    return [item for v in value for item in _strings(v)] if isinstance(value, list) else []
