"""Whether a whole file is code that runs at all: a test's data file never does.

A parser's or formatter's tests keep Python sources as input (black's ``tests/data/cases/``,
parso's ``test/normalizer_issue_files/``, Python 2 code among them): nothing imports them, no test
runner collects them, they are not scripts.  Such a file is test data when all of these hold:

- it is under a test directory (a directory named ``test``, ``tests`` or ``testing`` in its path
  as checked) and its own directory is not a package (no ``__init__.py``: not importable as a
  module of the project);
- its name is not one a test runner collects or a tool runs (no ``test`` in it, not
  ``conftest``/``setup``/``__init__``/``__main__``), and it is not a script (no
  ``if __name__ == "__main__":``, and no ``#!`` line in an executable file: black's cases start
  with one, as input);
- in a data directory below the test directory (``data``, ``testdata``, ``test_data``,
  ``test-data``), only a name the runners collect by default (``test*``, ``*_test``) counts as
  a test, and a main block does not make a script: CPython's ``test_grammar.py`` kept there as a
  parser's input (fissix 24.4's ``tests/data/py3_test_grammar.py``, pydoclint 0.12's
  ``tests/test_data/lib2to3_test_cases/``) ends in one, and its tests read it as text;
- no file of that test tree names it on an import line or in ``pytest_plugins``, nor names
  ``<name>.py`` on a line that runs something (``subprocess``, ``runpy``, ``exec``,
  ``sys.executable``).

Only files with findings are asked, so a tree without any pays nothing; the tree's Python files
are read once per process (bytes kept, up to ``MAX_TREE_BYTES``), and only the lines of files
that hold the name are matched (a regex, no parsing).  ``importers.importers_provide`` asks the same
question about a module's importers and parses those that name it.

Besides test data: a package whose ``__init__`` refuses the target, a directory the build
does not install for the target and a setup.py beside a backend that never runs it (``builds``),
hold nothing that runs there.
"""

from __future__ import annotations

import os
import re

from outmoded import reads
from outmoded.builds import never_run
from outmoded.installs import not_installed
from outmoded.layout import inits_above, is_package
from outmoded.lazyre import word_re
from outmoded.projectfiles import DYNAMIC_IMPORT_RE, IMPORT_LINE_RE, MAIN_RE, memo, mentions, project_root
from outmoded.projectfiles import forget as forget_files
from outmoded.source import open_regular
from outmoded.testenv import TEST_DIRECTORIES

# below a test directory, what these hold is input (fissix 24.4's tests/data/py3_test_grammar.py,
# astroid's tests/testdata/python3/data/noendingnewline.py, pydoclint's tests/test_data/)
DATA_DIRECTORIES = frozenset({"data", "testdata", "test_data", "test-data"})
NOT_DATA_NAMES = frozenset({"conftest", "setup", "__init__", "__main__"})
PLUGINS_RE = re.compile(rb"pytest_plugins[ \t]*=[^\]\n]*(?:\][^\n]*|\n(?:[^\]]*\]))?")  # loaded by pytest by name
RUN_RE = re.compile(rb"\b(?:subprocess|run_path|run_module|exec|execfile|sys\.executable|Popen|check_call|"
                    rb"check_output|spawn)\b")


def file_context(path: str, text: str, target: tuple[int, int]) -> str | None:
    """"refused" when a package the file at ``path`` (as checked) is in cannot be imported on the
    target, "not-installed" when the build installs its directory only for other Pythons,
    "not-run" for a setup.py no build runs (``builds.never_run``), "test-data" when the file is a
    test's data file, else None."""
    if not path.endswith(".py"):
        return None
    if refused_by_package(path, target):
        return "refused"
    if not_installed(path, target):
        return "not-installed"
    if os.path.basename(path) == "setup.py" and never_run(os.path.abspath(path)):
        return "not-run"
    parts = path.replace("\\", "/").split("/")
    stem = parts[-1][:-3]
    if stem in NOT_DATA_NAMES:
        return None
    directory = os.path.dirname(os.path.abspath(path))
    top = project_root(directory)
    ignored = _ignored_here(top, os.path.abspath(path)) if top is not None else None
    if ignored is not None:  # pytest is told not to collect it: a test there runs nowhere either
        if MAIN_RE.search(text) or (text.startswith("#!") and _executable(path)) or _named(top, stem, ignored):
            return None
        return "test-data"
    if top is not None:  # only directories inside the project count, wherever it was checked from
        parts = [top] + os.path.relpath(os.path.abspath(path), top).split(os.sep)
    tops = [i for i, part in enumerate(parts[:-1]) if part in TEST_DIRECTORIES and (i or top is None)]
    data = bool(tops) and any(part in DATA_DIRECTORIES for part in parts[tops[0] + 1:-1])
    if ("test" in stem.lower() and not data) or (data and collected_name(stem)):
        return None
    reads.read(os.path.join(directory, "__init__.py"))
    if not tops or (MAIN_RE.search(text) and not data) or is_package(directory) \
            or (text.startswith("#!") and _executable(path)):
        return None
    if _named(os.path.abspath(os.path.join(*parts[:tops[0] + 1]) or os.sep), stem):
        return None
    return "test-data"


def collected_name(stem: str) -> bool:
    """Is a module of this name one that pytest (``test_*.py``, ``*_test.py``) or unittest's
    discovery (``test*.py``) collects by default?  ``py3_test_grammar`` is not."""
    return stem.startswith("test") or stem.endswith("_test")


def refused_by_package(path: str, target: tuple[int, int]) -> bool:
    """Does the ``__init__.py`` of a package above the file refuse the target at its top level
    (``if sys.version_info >= (3, 12): raise ImportError(...)``, or a raise with no condition)?
    Importing any module of the package imports those first, so nothing in it runs there.  (The
    file's own top level stops at such a raise while it is scanned: ``contexts.block``.)"""
    return any(_refuses(init, target) for init in inits_above(path))


@memo
def _refuses(init: str, target: tuple[int, int]) -> bool:
    reads.read(init)
    try:
        with open_regular(init) as handle:
            data = handle.read()
    except OSError:
        return False
    if b"raise" not in data and b"exit" not in data:
        return False  # most packages: nothing to parse
    import ast
    import warnings

    from outmoded import guards

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data, filename=init)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    bound: dict = {}  # name -> qualified name, version flag or version value

    def lookup(node):
        if isinstance(node, ast.Name):
            return bound.get(node.id, f"builtins.{node.id}" if node.id in ("exit", "quit") else None)
        if isinstance(node, ast.Attribute):
            base = lookup(node.value)
            return f"{base}.{node.attr}" if isinstance(base, str) else None
        return None

    for stmt in tree.body:
        if isinstance(stmt, ast.Raise) or guards.terminates([stmt], lookup):
            return True
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                root = alias.name.split(".")[0]
                bound[alias.asname or root] = alias.name if alias.asname else root
        elif isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            for alias in stmt.names:
                bound[alias.asname or alias.name] = f"{stmt.module}.{alias.name}"
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = guards.evaluate(stmt.value, target, lookup)  # PY2 = sys.version_info[0] == 2
            if value is None:
                value = guards.version_value(stmt.value, target, lookup)  # v = sys.version_info[:2]
            bound[stmt.targets[0].id] = value
        elif isinstance(stmt, ast.If):
            verdict = guards.evaluate(stmt.test, target, lookup)
            taken = stmt.body if verdict is True else stmt.orelse if verdict is False else None
            if taken and guards.terminates(taken, lookup) and not isinstance(taken[-1], (ast.Return, ast.Continue,
                                                                                          ast.Break)):
                return True
    return False


def _executable(path: str) -> bool:
    try:
        return bool(os.stat(path).st_mode & 0o111)
    except OSError:
        return True


def _named(root: str, stem: str, besides: str | None = None) -> bool:
    """Does a file under ``root`` (not under ``besides``) import module ``stem`` (on an import
    line, or in an ``__import__``/``import_module`` string), or name ``stem.py`` on a line that
    runs something?"""
    files = mentions(root, stem)
    if files is None:
        return True
    word = word_re(stem.encode())
    script = (stem + ".py").encode()
    for other, data in files:
        if besides is not None and (other + os.sep).startswith(besides + os.sep):
            continue
        if any(word.search(m[1]) for m in IMPORT_LINE_RE.finditer(data)) or any(
                word.search(m[1]) for m in DYNAMIC_IMPORT_RE.finditer(data)) or any(
                word.search(m[0]) for m in PLUGINS_RE.finditer(data)):
            return True
        at = data.find(script)
        while at >= 0:  # only the lines naming the file are matched against what runs one
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            if RUN_RE.search(data[start:end if end >= 0 else len(data)]):
                return True
            at = data.find(script, at + 1)
    return False


PYTEST_CONFIGS = (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest"))


def _ignored_here(top: str, path: str) -> str | None:
    """The path (absolute) of the directory or file that the project's pytest configuration tells
    pytest to ignore (``--ignore=`` in ``addopts``) and ``path`` lies in, or None: httplib2 0.32's
    ``setup.cfg`` has ``addopts = --ignore=tests/_TODO_legacy/``, its Python 2 tests."""
    for ignored in pytest_ignores(top):
        if (path + os.sep).startswith(ignored + os.sep):
            return ignored
    return None


@memo
def pytest_ignores(top: str) -> tuple:
    """Absolute paths of what the pytest configuration at ``top`` ignores (the first of
    pytest.ini, pyproject.toml, tox.ini, setup.cfg that configures pytest, as pytest picks it)."""
    import shlex

    options = None
    for name, section in PYTEST_CONFIGS[:1] + (("pyproject.toml", None),) + PYTEST_CONFIGS[1:]:
        config = os.path.join(top, name)
        if not reads.read(config):
            continue
        options = _addopts(config, section)
        if options is not None:
            break
    if not options:
        return ()
    try:
        words = shlex.split(options)
    except ValueError:
        return ()
    found = []
    for index, word in enumerate(words):
        value = word[len("--ignore="):] if word.startswith("--ignore=") else (
            words[index + 1] if word == "--ignore" and index + 1 < len(words) else None)
        if value:
            found.append(os.path.normpath(os.path.join(top, value)))
    return tuple(found)


def _addopts(config: str, section: str | None) -> str | None:
    """The ``addopts`` of the pytest section of ``config`` ("" when the section has none), or None
    when the file does not configure pytest."""
    try:
        with open_regular(config) as handle:
            data = handle.read()
    except OSError:
        return None
    if section is None:  # pyproject.toml
        if b"tool.pytest" not in data:
            return None
        from outmoded.tomldata import loads

        try:
            table = loads(data).get("tool", {}).get("pytest", {}).get("ini_options")
        except AttributeError:  # a "tool" or "pytest" that is no table
            return None
        if not isinstance(table, dict):
            return None
        value = table.get("addopts", "")
        return " ".join(map(shlex_quote, value)) if isinstance(value, list) else str(value)
    if f"[{section}]".encode() not in data:
        return None
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(data.decode("utf-8", "replace"))
        return parser.get(section, "addopts", fallback="")
    except configparser.Error:
        return None


def shlex_quote(word: object) -> str:
    import shlex

    return shlex.quote(str(word))


def forget() -> None:
    """Drop what was read (a long-lived process starting a new run)."""
    forget_files()
