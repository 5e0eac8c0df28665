"""``noxfile.py``: what its sessions install, read with ``ast`` (never run).

In a function decorated with ``@nox.session`` (or ``@session``), calls on its first parameter:
``session.install("numpy==1.26.4", "-r", "requirements.txt")`` and
``session.run("python", "-m", "pip", "install", ...)`` (``run_install`` too) are read as the
install commands they make. A string argument is read as written; a name bound once at the
module's top level to a list or tuple of strings (``DEPS = ["pytest==8.3.3"]``,
``session.install(*DEPS)``) stands for its strings; anything else is computed and reported
as skipped.
"""

from __future__ import annotations

import ast
from pathlib import Path

from outmoded.deps.cipins import Installs, install_arguments, read_arguments
from outmoded.deps.model import Skipped


def _is_session(decorator) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(target, ast.Attribute) and target.attr == "session") or \
        (isinstance(target, ast.Name) and target.id == "session")


def _constants(tree: ast.Module) -> dict:
    """Top-level names bound once to a list or tuple of strings."""
    bound, counts = {}, {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    counts[target.id] = counts.get(target.id, 0) + 1
                    value = node.value
                    if isinstance(value, (ast.List, ast.Tuple)) and all(
                            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts):
                        bound[target.id] = [e.value for e in value.elts]
    return {name: value for name, value in bound.items() if counts[name] == 1}


def _words(call: ast.Call, constants: dict) -> tuple:
    """The call's arguments as words, and the source of those that cannot be read."""
    words, computed = [], []
    for argument in call.args:
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            words.append(argument.value)
        elif isinstance(argument, ast.Starred) and isinstance(argument.value, ast.Name) \
                and argument.value.id in constants:
            words.extend(constants[argument.value.id])
        else:
            computed.append(ast.unparse(argument))
    return words, computed


def read(path: Path, label) -> Installs:
    file, found = label(path), Installs()
    try:
        tree = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        found.skipped.append(Skipped("noxfile.py", file, None, "not valid Python: not read"))
        return found
    constants = _constants(tree)
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or \
                not any(_is_session(d) for d in function.decorator_list) or not function.args.args:
            continue
        session = function.args.args[0].arg
        for call in ast.walk(function):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Name) and call.func.value.id == session):
                continue
            method = call.func.attr
            if method not in ("install", "run", "run_install", "run_always"):
                continue
            words, computed = _words(call, constants)
            arguments = words if method == "install" else install_arguments(words)
            if arguments is None:
                continue
            read_arguments(arguments, file, call.lineno, found, path.parent)
            found.skipped += [Skipped(c, file, call.lineno, "computed in the noxfile: not read") for c in computed]
    return found
