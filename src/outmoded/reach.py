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
- no file of that test tree names it on an import line, nor names ``<name>.py`` on a line that
  runs something (``subprocess``, ``runpy``, ``exec``, ``sys.executable``).

Only files with findings are asked, so a tree without any pays nothing; the tree's Python files
are read once per process (bytes kept, up to ``MAX_TREE_BYTES``), and only the lines of files
that hold the name are matched (a regex, no parsing).  ``importers_provide`` asks the same
question about a module's importers and parses those that name it.
"""

from __future__ import annotations

import os
import re
from functools import wraps

from outmoded import reads
from outmoded.layout import absolute, is_package, module_of

TEST_DIRECTORIES = frozenset({"test", "tests", "testing"})
PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "tox.ini", ".git")
NOT_DATA_NAMES = frozenset({"conftest", "setup", "__init__", "__main__"})
MAIN_RE = re.compile(r"""^if\s+__name__\s*==\s*['"]__main__['"]""", re.M)
IMPORT_LINE_RE = re.compile(rb"^[ \t]*(?:from|import)\b([^\n#]*)", re.M)
RUN_RE = re.compile(rb"\b(?:subprocess|run_path|run_module|exec|execfile|sys\.executable|Popen|check_call|"
                    rb"check_output|spawn)\b")
DYNAMIC_IMPORT_RE = re.compile(rb"""(?:__import__|import_module)\(\s*[rbu]?['"]([\w.]+)""")



def _memo(func):
    """Memoized for the run, and each answer keeps the files it read: counted again for every
    verdict that asks (``reads``), so a cached result is dropped when one of them changes."""
    answers: dict = {}

    @wraps(func)
    def memo(*args):
        answer = answers.get(args)
        if answer is None:
            with reads.recording() as read:
                value = func(*args)
            answer = answers[args] = (value, read)
        else:
            reads.extend(answer[1])
        return answer[0]

    memo.cache_clear = answers.clear
    return memo


def file_context(path: str, text: str, target: tuple[int, int]) -> str | None:
    """"refused" when a package the file at ``path`` (as checked) is in cannot be imported on the
    target, "not-installed" when the build installs its directory only for other Pythons,
    "test-data" when the file is a test's data file, else None."""
    if not path.endswith(".py"):
        return None
    if refused_by_package(path, target):
        return "refused"
    if not_installed(path, target):
        return "not-installed"
    parts = path.replace("\\", "/").split("/")
    stem = parts[-1][:-3]
    if "test" in stem.lower() or stem in NOT_DATA_NAMES:
        return None
    directory = os.path.dirname(os.path.abspath(path))
    top = _project_root(directory)
    if top is not None:  # only directories inside the project count, wherever it was checked from
        parts = [top] + os.path.relpath(os.path.abspath(path), top).split(os.sep)
    tops = [i for i, part in enumerate(parts[:-1]) if part in TEST_DIRECTORIES and (i or top is None)]
    reads.read(os.path.join(directory, "__init__.py"))
    if not tops or MAIN_RE.search(text) or is_package(directory) or (text.startswith("#!") and _executable(path)):
        return None
    if _named(os.path.abspath(os.path.join(*parts[:tops[0] + 1]) or os.sep), stem):
        return None
    return "test-data"


def refused_by_package(path: str, target: tuple[int, int]) -> bool:
    """Does the ``__init__.py`` of a package above the file refuse the target at its top level
    (``if sys.version_info >= (3, 12): raise ImportError(...)``, or a raise with no condition)?
    Importing any module of the package imports those first, so nothing in it runs there.  (The
    file's own top level stops at such a raise while it is scanned: ``contexts.block``.)"""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "__init__.py":
        directory = os.path.dirname(directory)
    while reads.read(os.path.join(directory, "__init__.py")) and is_package(directory):
        if _refuses(os.path.join(directory, "__init__.py"), target):
            return True
        directory = os.path.dirname(directory)
    return False


@_memo
def _refuses(init: str, target: tuple[int, int]) -> bool:
    reads.read(init)
    try:
        with open(init, "rb") as handle:
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
                bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
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


MESON_PYTHON_RE = re.compile(rb"(\w+)[ \t]*=[ \t]*import\([ \t]*'python'[ \t]*\)[ \t]*\.[ \t]*find_installation\b")
MESON_IF_RE = re.compile(rb"^[ \t]*if[ \t]+(\w+)\.version\(\)\.version_compare\([ \t]*'(<|<=|>|>=|==|!=)[ \t]*"
                         rb"(\d+)\.(\d+)'[ \t]*\)[ \t]*$(.*?)^[ \t]*(?:endif|else|elif)\b", re.M | re.S)
NAME_LITERAL_RE = re.compile(rb"'([\w.-]+)'")
_VERSION_OPS = {b"<": "__lt__", b"<=": "__le__", b">": "__gt__", b">=": "__ge__", b"==": "__eq__", b"!=": "__ne__"}


def not_installed(path: str, target: tuple[int, int]) -> bool:
    """Does the project's build (meson-python: its ``meson.build`` files) install a directory
    above the file only for Pythons other than the target?  numpy 2.3's ``numpy/meson.build``:
    ``if py.version().version_compare('<3.12')`` / ``pure_subdirs += 'distutils'`` / ``endif``,
    so ``numpy/distutils`` is not installed on 3.12+ (its wheels for 3.12+ hold no
    ``numpy/distutils``).  The condition must test the Python that ``import('python')
    .find_installation`` gives, and the name must appear nowhere else in that ``meson.build``."""
    directory = os.path.dirname(os.path.abspath(path))
    top = _project_root(directory)
    if top is None or not _built_by_meson(top):
        return False
    while directory != top and directory.startswith(top + os.sep):
        parent = os.path.dirname(directory)
        condition = _meson_conditions(os.path.join(parent, "meson.build"), top).get(os.path.basename(directory))
        if condition is not None and not getattr(target, _VERSION_OPS[condition[0]])(condition[1]):
            return True
        directory = parent
    return False


@_memo
def _built_by_meson(top: str) -> bool:
    reads.read(os.path.join(top, "pyproject.toml"))
    try:
        with open(os.path.join(top, "pyproject.toml"), "rb") as handle:
            backend = BACKEND_RE.search(handle.read())
    except OSError:
        return False
    return backend is not None and backend[1] == b"mesonpy"


@_memo
def _meson_conditions(build_file: str, top: str) -> dict:
    """Names installed only under a Python version condition in ``build_file``: name ->
    (operator, (major, minor))."""
    reads.read(build_file)
    try:
        with open(build_file, "rb") as handle:
            data = handle.read()
    except OSError:
        return {}
    if b"version_compare" not in data:
        return {}
    pythons = set()
    for candidate in {build_file, os.path.join(top, "meson.build")}:
        reads.read(candidate)
        try:
            with open(candidate, "rb") as handle:
                pythons.update(MESON_PYTHON_RE.findall(handle.read()))
        except OSError:
            continue
    found = {}
    for match in MESON_IF_RE.finditer(data):
        if match[1] not in pythons:
            continue
        for name in NAME_LITERAL_RE.findall(match[5]):
            if data.count(b"'" + name + b"'") == match[5].count(b"'" + name + b"'"):
                found[name.decode("ascii", "replace")] = (match[2], (int(match[3]), int(match[4])))
    return found


def _executable(path: str) -> bool:
    try:
        return bool(os.stat(path).st_mode & 0o111)
    except OSError:
        return True


@_memo
def _project_root(directory: str) -> str | None:
    """The nearest directory at or above ``directory`` that marks a project's top (a
    ``pyproject.toml``, ``setup.py``, ``setup.cfg``, ``tox.ini`` or ``.git``), or None."""
    if any(reads.read(os.path.join(directory, marker)) for marker in PROJECT_MARKERS):
        return directory
    parent = os.path.dirname(directory)
    return None if parent == directory else _project_root(parent)


MAX_TREE_BYTES = 64 << 20  # a tree larger than this is not read: no file of it is called unreached


@_memo
def _sources(root: str) -> tuple | None:
    """(path, bytes) of the Python files under ``root``, or None when there are too many to keep."""
    found, total = [], 0
    for directory, subdirectories, files in os.walk(root):
        reads.read(directory)  # a file added or removed changes the directory's stamp
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                reads.read(path)
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                except OSError:
                    continue
                total += len(data)
                if total > MAX_TREE_BYTES:
                    return None
                found.append((path, data))
    return tuple(found)


def _mentions(root: str, word: str) -> list[tuple[str, bytes]] | None:
    """The files under ``root`` whose bytes hold ``word`` (None: the tree is too large to tell)."""
    sources = _sources(root)
    if sources is None:
        return None
    needle = word.encode()
    return [(path, data) for path, data in sources if needle in data]


def _named(root: str, stem: str) -> bool:
    """Does a file under ``root`` import module ``stem`` (on an import line, or in an
    ``__import__``/``import_module`` string), or name ``stem.py`` on a line that runs something?"""
    files = _mentions(root, stem)
    if files is None:
        return True
    word = re.compile(rb"\b%s\b" % re.escape(stem.encode()))
    script = (stem + ".py").encode()
    for _, data in files:
        if any(word.search(m[1]) for m in IMPORT_LINE_RE.finditer(data)) or any(
                word.search(m[1]) for m in DYNAMIC_IMPORT_RE.finditer(data)):
            return True
        at = data.find(script)
        while at >= 0:  # only the lines naming the file are matched against what runs one
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            if RUN_RE.search(data[start:end if end >= 0 else len(data)]):
                return True
            at = data.find(script, at + 1)
    return False


@_memo
def importers_provide(path: str, backport: str) -> bool:
    """Does every module of the project that imports the module at ``path`` import ``backport``
    (a top-level module) unconditionally before the statement that imports it, with at least one
    such importer and no dynamic import of its name?  grpcio 1.85's ``_spawn_patch.py`` does ``from
    distutils import ccompiler``; only its ``setup.py`` imports it, after ``import setuptools``,
    which provides distutils.  A module that is also a script (``if __name__ == "__main__":``)
    runs without them: no.  A ``setup.py`` is run by build frontends through setuptools' backend,
    which imports setuptools first, unless a ``pyproject.toml`` beside it names another backend
    (Cython 3.3's ``Demos/setup.py``: ``from distutils.core import setup``)."""
    absolute_path = os.path.abspath(path)
    if backport == "setuptools" and os.path.basename(path) == "setup.py" and _built_by_setuptools(absolute_path):
        return True
    module, import_root, _ = module_of(absolute_path)
    if not module or not path.endswith(".py"):
        return False
    leaf = module.rpartition(".")[2]
    top = _project_root(os.path.dirname(absolute_path)) or import_root
    if _is_script(absolute_path):
        return False
    files = _mentions(top, leaf)
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


BACKEND_RE = re.compile(rb"""^[ \t]*build-backend[ \t]*=[ \t]*['"]([^'"]*)['"]""", re.M)


def _built_by_setuptools(setup_py: str) -> bool:
    """Does a build frontend run this ``setup.py`` through setuptools' backend: no
    ``pyproject.toml`` beside it, or one naming no backend or setuptools'?"""
    reads.read(os.path.join(os.path.dirname(setup_py), "pyproject.toml"))
    try:
        with open(os.path.join(os.path.dirname(setup_py), "pyproject.toml"), "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    backend = BACKEND_RE.search(data)
    return backend is None or backend[1].decode("ascii", "replace").startswith("setuptools.build_meta")


def _is_script(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return MAIN_RE.search(handle.read().decode("utf-8", "replace")) is not None
    except OSError:
        return True


@_memo
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


def forget() -> None:
    """Drop what was read (a long-lived process starting a new run)."""
    _sources.cache_clear()
    _refuses.cache_clear()
    _meson_conditions.cache_clear()
    _built_by_meson.cache_clear()
    _imports_after.cache_clear()
    importers_provide.cache_clear()
    _project_root.cache_clear()
