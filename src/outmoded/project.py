"""The project model: the checked tree's modules and classes, seen from any one file.

A file's verdict can depend on other modules of its project: ``self.assertEquals`` breaks only if
``self``'s class derives from ``unittest.TestCase``, and that base may be defined in another
module or package, imported relatively (``from .base import ServiceTestCase``); a mixin that
derives from ``object`` breaks in the classes that combine it with a test case; ``if not PY3:``
is a version check when ``PY3`` comes from the project's ``compat`` module.

Two levels keep this cheap:

- ``TextIndex``: a regex pass over every checked file (class headers and module-level version
  flags, read as text, no parsing), cached per file by size and mtime.  It says which classes are
  used as bases elsewhere (``users``: for mixins) and gives a fingerprint of everything a verdict
  can depend on for the results cache.
- ``Project``: modules are found on disk the way Python's import system would (a package is a
  directory with ``__init__.py``; a file outside packages is found beside it), and a module is
  parsed (``ast``, once per process) only when a class or flag the scan needs lives there.
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from functools import lru_cache

from outmoded import guards
from outmoded.records import Record
from outmoded.scopes import BUILTIN_NAMES, STDLIB


CLASS_RE = re.compile(rb"class[ \t]+(\w+)[ \t]*\(([^)]*)\)")  # a literal first: sre finds it fast
FLAG_WORDS = (b"version", b"PY2", b"PY3")  # version_info, hexversion, python_version, sys.version, six.PY3
FLAG_LINE_RE = re.compile(rb"(\w+)[ \t]*=[^=]")
WORD_RE = re.compile(rb"[A-Za-z_][\w.]*")


@lru_cache(maxsize=8192)
def _is_package(directory: str) -> bool:
    return os.path.isfile(os.path.join(directory, "__init__.py"))


@lru_cache(maxsize=8192)
def _is_file(path: str) -> bool:
    return os.path.isfile(path)


@lru_cache(maxsize=8192)
def module_of(path: str) -> tuple[str, str, bool]:
    """(dotted module name, import root directory, is a package) of a source file: parent
    directories with ``__init__.py`` are packages; the first one without is on ``sys.path``."""
    path = os.path.abspath(path)
    directory, filename = os.path.split(path)
    stem = filename.rpartition(".")[0] or filename
    parts = [] if stem == "__init__" else [stem]
    package = stem == "__init__"
    while _is_package(directory):
        directory, name = os.path.split(directory)
        parts.insert(0, name)
    return ".".join(parts), directory, package


def absolute(path: str, level: int, module: str | None) -> str | None:
    """The absolute name ``from <level dots><module> import`` stands for in the file at ``path``."""
    name, _, package = module_of(path)
    parts = name.split(".") if name else []
    if not package:
        parts = parts[:-1]
    if level - 1 > len(parts):
        return None
    parts = parts[:len(parts) - (level - 1)]
    if module:
        parts.append(module)
    return ".".join(parts) or None


def find_module(dotted: str, from_path: str) -> str | None:
    """The project file ``import dotted`` finds from ``from_path``: under the importing file's import
    root (its ``sys.path`` entry) or a directory above it within the current one (the project's
    top, on ``sys.path`` when run from there), else beside it (where Python 2 code meant it:
    enough to find the class a base name stands for)."""
    relative = dotted.replace(".", os.sep)
    for base in dict.fromkeys(_import_roots(from_path) + [os.path.dirname(os.path.abspath(from_path))]):
        for candidate in (os.path.join(base, relative + ".py"), os.path.join(base, relative, "__init__.py")):
            if _is_file(candidate):
                return candidate
    return None


def _import_roots(from_path: str) -> list[str]:
    """The file's import root and the directories above it within the current one."""
    directory = module_of(from_path)[1]
    found, top = [directory], os.getcwd()
    while directory != top and directory.startswith(top + os.sep):
        directory = os.path.dirname(directory)
        found.append(directory)
    return found


def forget_files() -> None:
    """Drop what was learnt about the file system (a long-lived process starting a new run)."""
    for cached in (_is_package, _is_file, module_of):
        cached.cache_clear()


def shadows_stdlib(path: str, name: str) -> bool:
    """Is top-level module ``name`` one of the project's, found before the standard library when
    ``path`` imports it?  Only modules at the file's import root, or in a directory above it
    within the current one (run from there, it is on ``sys.path``), can be: under absolute imports
    a subpackage ``pkg/carrier/asyncore/`` cannot shadow ``import asyncore``."""
    return any(_is_file(os.path.join(d, name + ".py")) or _is_package(os.path.join(d, name))
               for d in _import_roots(path))


class ClassInfo(Record):
    """A class defined at module level in a project file: ``path`` is the file that defines it
    (its bases are resolved from there), ``bases`` the qualified names as that module resolves
    them (None: unknown)."""

    __slots__ = _fields = ("name", "path", "bases", "members")

    def __init__(self, name: str, path: str, bases: tuple, members: frozenset):
        self.name = name
        self.path = path
        self.bases = bases
        self.members = members


class Summary(Record):
    """What a module defines at its top level: classes, import bindings (local name -> qualified
    name), version flags (name -> value on the target)."""

    __slots__ = _fields = ("classes", "imports", "flags")

    def __init__(self) -> None:
        self.classes: dict = {}
        self.imports: dict = {}
        self.flags: dict = {}


def class_members(node: ast.ClassDef) -> set[str]:
    members = {s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    members |= {t.id for s in node.body if isinstance(s, ast.Assign) for t in s.targets if isinstance(t, ast.Name)}
    return members


class _Summarizer:
    def __init__(self, path: str, target: tuple[int, int]):
        self.path, self.target = path, target
        self.module = module_of(path)[0]
        self.summary = Summary()
        self.local: dict = {}  # other top-level bindings: shadow imports

    def lookup(self, node: ast.AST):
        if isinstance(node, ast.Name):
            s = self.summary
            if node.id in s.flags:
                return s.flags[node.id]
            if node.id in s.classes:
                return f"{self.module}.{node.id}"
            if node.id in self.local:
                return None
            return s.imports.get(node.id, f"builtins.{node.id}" if node.id in BUILTIN_NAMES else None)
        if isinstance(node, ast.Attribute):
            base = self.lookup(node.value)
            return f"{base}.{node.attr}" if isinstance(base, str) else None
        return None

    def block(self, body: list) -> None:
        for stmt in body:
            if isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    if alias.asname:
                        self.summary.imports[alias.asname] = alias.name
                    else:
                        root = alias.name.split(".")[0]
                        self.summary.imports[root] = root
            elif isinstance(stmt, ast.ImportFrom):
                module = absolute(self.path, stmt.level, stmt.module) if stmt.level else stmt.module
                for alias in stmt.names:
                    if module and alias.name != "*":
                        self.summary.imports[alias.asname or alias.name] = f"{module}.{alias.name}"
            elif isinstance(stmt, ast.ClassDef):
                bases = tuple(v if isinstance(v, str) else None for v in map(self.lookup, stmt.bases))
                self.summary.classes[stmt.name] = ClassInfo(stmt.name, self.path, bases,
                                                            frozenset(class_members(stmt)))
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                value = guards.evaluate(stmt.value, self.target, self.lookup) \
                    if isinstance(stmt.value, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Attribute)) \
                    else None
                if value is None:
                    self.local[name] = True
                    self.summary.flags.pop(name, None)
                else:
                    self.summary.flags[name] = value
            elif isinstance(stmt, ast.If):
                verdict = guards.evaluate(stmt.test, self.target, self.lookup)
                if verdict is not False:
                    self.block(stmt.body)
                if verdict is not True:
                    self.block(stmt.orelse)
            elif isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                self.block(stmt.body)
                self.block(stmt.orelse)
                before = dict(self.summary.imports)
                for handler in stmt.handlers:  # `except ImportError: import unittest`: the stdlib
                    self.block(handler.body)  # module is what the target gets
                for name, value in list(self.summary.imports.items()):
                    if name in before and before[name] != value and value.split(".")[0] not in STDLIB:
                        self.summary.imports[name] = before[name]


class Project:
    """Classes and flags of the project, resolved on demand from the files on disk."""

    def __init__(self, target: tuple[int, int], text: TextIndex | None = None):
        self.target = target
        # class name -> [(path, class name)] of the headers listing it as a base (mixins)
        self.users = text.users() if text else {}
        # files defining version flags at module level; None: any file may (no text index)
        self.flag_files = {os.path.abspath(p) for p in text.flags} if text else None
        self._summaries: dict[str, Summary | None] = {}
        self._resolved: dict[tuple, object] = {}

    def summary(self, path: str) -> Summary | None:
        path = os.path.abspath(path)
        if path not in self._summaries:
            self._summaries[path] = None  # also guards against cycles while parsing
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    tree = ast.parse(data, filename=path)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
                return None
            summarizer = _Summarizer(path, self.target)
            try:
                summarizer.block(tree.body)
            except RecursionError:
                return None
            self._summaries[path] = summarizer.summary
        return self._summaries[path]

    def flag(self, qualified: str, from_path: str) -> bool | None:
        """The target's value of a version flag another module defines (``compat.PY3``)."""
        module = qualified.rpartition(".")[0]
        path = find_module(module, from_path) if module else None
        if path is None or (self.flag_files is not None and path not in self.flag_files
                            and not path.endswith("__init__.py")):
            return None
        value = self.resolve(qualified, from_path)
        return value if isinstance(value, bool) else None

    def resolve(self, qualified: str, from_path: str, depth: int = 0):
        """Memoized ``_resolve``: typed receivers ask for the same names again and again."""
        key = (qualified, module_of(from_path)[1], os.path.dirname(os.path.abspath(from_path)))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(qualified, from_path, depth)
        return self._resolved[key]

    def _resolve(self, qualified: str, from_path: str, depth: int = 0):
        """What a qualified name stands for in the project: a ClassInfo, a flag value, the
        qualified name outside the project it is imported from (``tests.unit.unittest.TestCase``
        is ``unittest.TestCase`` when ``tests/unit`` imports ``unittest``), or None."""
        parts = qualified.split(".")
        if len(parts) < 2 or depth > 8:
            return None
        for cut in range(len(parts) - 1, 0, -1):  # the longest prefix that is a project module
            path = find_module(".".join(parts[:cut]), from_path)
            if path is None:
                continue
            summary = self.summary(path)
            if summary is None:
                return None
            name, rest = parts[cut], parts[cut + 1:]
            if not rest and name in summary.classes:
                return summary.classes[name]
            if not rest and name in summary.flags:
                return summary.flags[name]
            if name in summary.imports:  # re-exported: ``from .base import TestCase`` in __init__.py
                target = ".".join([summary.imports[name]] + rest)
                found = self.resolve(target, path, depth + 1)
                return target if found is None and not find_module(target.split(".")[0], path) else found
            return None
        return None

    def local_class(self, path: str, name: str) -> ClassInfo | None:
        summary = self.summary(path)
        return summary.classes.get(name) if summary else None

    def users_of(self, info: ClassInfo) -> list[ClassInfo]:
        """Project classes that list ``info`` among their bases (they mix it in)."""
        found = []
        for path, name in self.users.get(info.name, ()):
            user = self.local_class(path, name)
            if user is None:
                continue
            for base in user.bases:
                if base is None:
                    continue
                if base == f"{module_of(path)[0]}.{info.name}" and path == info.path:
                    found.append(user)
                    break
                if self.resolve(base, path) is info:
                    found.append(user)
                    break
        return found


class TextIndex(Record):
    """Class headers and version flags of every checked file, read as text."""

    __slots__ = _fields = ("headers", "flags", "stamps", "shadowing")

    def __init__(self) -> None:
        self.headers: dict = {}  # path -> [(class name, base words)]
        self.flags: dict = {}  # path -> flag names defined at module level
        self.stamps: dict = {}  # path -> "size:mtime" of every file read
        self.shadowing: list = []  # top-level modules (parser.py may shadow the stdlib's)

    def users(self) -> dict:
        """Base word (last component) -> [(path, class name)] of classes listing it as a base."""
        table: dict = {}
        for path, classes in self.headers.items():
            for name, bases in classes:
                for base in bases:
                    table.setdefault(base.rpartition(".")[2], []).append((path, name))
        return table

    def fingerprint(self, shadowable: frozenset = frozenset()) -> str:
        """Digest of what another file's verdict may depend on: project modules named like a
        (removed) stdlib module in ``shadowable``, the inheritance edges between project classes,
        and the version (size, mtime) of every file defining flags or classes others derive from
        (their members stop matches).  Files that are neither do not count, so checking a subset
        of a project (a pre-commit run) mostly keeps the key of the whole."""
        from outmoded.cache import hasher

        h = hasher(12)
        for path in sorted(self.shadowing):
            if module_of(path)[0] in shadowable:
                h.update(path.encode() + b"\0")
        defined = {name for classes in self.headers.values() for name, _ in classes}
        used = set()
        for path in sorted(self.headers):
            for name, bases in self.headers[path]:
                internal = [b for b in bases if b.rpartition(".")[2] in defined]
                if internal:
                    used.update(b.rpartition(".")[2] for b in internal)
                    h.update(repr((path, name, bases)).encode())
        for path in sorted(set(self.headers) | set(self.flags)):
            if self.flags.get(path) or any(n in used for n, _ in self.headers.get(path, ())):
                h.update(f"{path}\0{self.stamps.get(path, '')}\0{self.flags.get(path)}".encode())
        return h.hexdigest()


def shadowable_names() -> frozenset:
    """Top-level names a project module can shadow: the standard library's, and the removed
    modules' (``parser``, ``imp``, ``cPickle``)."""
    from outmoded.catalog import default_catalog

    removed = {name.split(".")[0] for entry in default_catalog().entries if entry.kind == "module"
               for name in entry.names}
    return STDLIB | frozenset(removed)


def read_headers(data: bytes) -> tuple[list, list]:
    """(class headers, flag names) of one file's text."""
    headers = []
    for match in CLASS_RE.finditer(data):
        line = data.rfind(b"\n", 0, match.start()) + 1
        if data[line:match.start()].strip(b" \t"):
            continue  # not a class statement ("subclass(", a string)
        text = re.sub(rb"\w+[ \t]*=[^,]*", b"", match[2]) if b"=" in match[2] else match[2]
        bases = [w.decode() for w in WORD_RE.findall(text)]
        headers.append((match[1].decode(), tuple(b for b in bases if b != "object")))
    flags, lines = [], set()
    for word in FLAG_WORDS:  # bytes.find runs in C; an alternation regex tries every position
        position = data.find(word)
        while position >= 0:
            line = data.rfind(b"\n", 0, position) + 1
            if line not in lines:
                lines.add(line)
                assignment = FLAG_LINE_RE.match(data, line, position)
                if assignment:  # at the start of a line: module level
                    flags.append(assignment[1].decode())
            position = data.find(word, position + 1)
    return headers, flags


def _valid_record(value) -> tuple[list, list] | None:
    """A cached [headers, flags] row, or None when it does not have that shape (edited by hand)."""
    try:
        headers, flags = value
        headers = [(name, tuple(bases)) for name, bases in headers]
    except (TypeError, ValueError):
        return None
    strings = [n for n, _ in headers] + [b for _, bases in headers for b in bases] + list(flags)
    return (headers, list(flags)) if all(isinstance(x, str) for x in strings) else None


TEXT_NAMESPACE = "project-text-1"  # bump when read_headers changes what it records


def text_index(files: list[str], store=None) -> TextIndex:
    """Read every Python file's class headers and flags; with a ``cache.Store``, a file whose size
    and mtime are unchanged is not read again."""
    index = TextIndex()
    stats = {}
    for path in files:
        if path.endswith(".py"):
            try:
                st = os.stat(path)
            except OSError:
                continue
            stats[path] = f"{st.st_size}:{st.st_mtime_ns}"
    cached = store.get_many(TEXT_NAMESPACE, list(stats)) if store is not None else {}
    fresh = []
    for path, stamp in stats.items():
        index.stamps[path] = stamp
        if "." not in module_of(path)[0]:  # a top-level module: may shadow a stdlib one
            index.shadowing.append(path)
        hit = cached.get(path)
        record = _valid_record(hit[1]) if hit is not None and hit[0] == stamp else None
        if record is not None:
            headers, flags = record
        else:
            try:
                with open(path, "rb") as handle:
                    headers, flags = read_headers(handle.read())
            except OSError:
                continue
            fresh.append((path, stamp, [headers, flags]))
        if headers:
            index.headers[path] = headers
        if flags:
            index.flags[path] = flags
    if store is not None:
        store.put_many(TEXT_NAMESPACE, fresh)
    return index


def derived_method_words(text: TextIndex, index) -> set[frozenset]:
    """Word pairs the prefilter must let through: a removed method's name with the name of a
    project class deriving from its stdlib class (directly, through other project classes, or
    mixed into one).  Such a file need not import the stdlib module under its name (boto's
    ``from tests.compat import unittest``), but it names the class: its definition, or its
    base.  Builtin classes need none: their needles are words only."""
    users: dict = {}  # base leaf -> names of project classes listing it
    headers: dict = {}  # class name -> base leaves (over every definition of the name)
    for classes in text.headers.values():
        for name, bases in classes:
            leaves = {b.rpartition(".")[2] for b in bases}
            headers.setdefault(name, set()).update(leaves)
            for leaf in leaves:
                users.setdefault(leaf, set()).add(name)
    pairs, families = set(), {}
    for name, candidates in index.methods.items():
        for method in candidates:
            if method.entry.distinctive or method.cls.startswith("builtins."):
                continue
            if method.cls not in families:
                family = index.family(method.cls)  # with the compiled index: computed once per catalog
                families[method.cls] = _derived({c.rpartition(".")[2] for c in family}, users, headers)
            pairs.update(frozenset((name, cls)) for cls in families[method.cls])
    return pairs


def _derived(leaves: set, users: dict, headers: dict) -> set[str]:
    """Project classes deriving from classes named ``leaves``, and the project classes mixed in."""
    todo = [u for leaf in leaves for u in users.get(leaf, ())]
    derived = set()
    while todo:
        current = todo.pop()
        if current not in derived:
            derived.add(current)
            todo.extend(users.get(current, ()))
    mixed = {b for name in derived for b in headers.get(name, ()) if b in headers} - derived
    return derived | mixed
