"""Methods that only code never running on the target calls: a legacy finder's ``find_module``
beside its ``find_spec`` (``legacy_finders``) and the methods of a loader only it creates, and a
test module's helpers (below).

gevent 26.9's ``test__pywsgi.py``: ``HttpsTestCase.urlopen`` calls ``ssl.wrap_socket`` (removed in
3.12); its only callers are ``TestHttps``' tests, defined under ``if hasattr(socket, 'ssl'):``
where ``socket`` is ``gevent.socket``, which lacks it as the stdlib's ``socket`` does (the
catalog's ``mirrors``).  The other ``self.urlopen()`` calls of the module are in classes that
derive from the module's ``TestCase``, which defines its own ``urlopen``, and not from
``HttpsTestCase``.  A method ``M`` of a module-level class ``C`` is uncalled on the target
(context "uncalled", reported with ``--dead-compat``) when all of these hold:

- the module is a test module (``test*.py``, ``*_test.py``): a runner collects it, nobody outside
  the project imports it (a library's public method is there for its users to call); or ``M``'s
  name starts with one underscore (private: not there for the library's users to call), the
  module writes it somewhere else than in its definitions, and every such use sits in a branch
  of an ``if`` the target never takes (a version check; any other use keeps it, whatever its
  receiver: a private method nothing names may be called by a name the module builds,
  ``getattr(self, "_on_" + event)``).  flake8 3.5.0's ``FileProcessor._readlines_py2`` opens
  with ``'rU'`` (removed in 3.11); its only use is ``readlines = self._readlines_py2`` under ``if
  (2, 6) <= sys.version_info < (3, 0):``;
- ``M`` is a plain method (undecorated, or wrapped by ``functools``), not a dunder, not a test
  (``test*``, which runners call), the module defines ``C`` once and ``M`` in it once, and the
  module never writes the name in quotes (``getattr(self, "M")``);
- every use of the name in code the scanner visits outside dead code is an attribute of ``self``,
  ``cls`` or ``super()`` in a method of a module-level class ``X`` that no class of the module
  derives from together with ``C`` (``X``'s instances are never ``C``'s), or is inside such an
  uncalled method itself;
- nothing outside the module can call it: each base on ``C``'s way up that the module does not
  define is a stdlib class without an attribute ``M`` on the target (asked of the running
  interpreter, and of the catalog for what the target lost) or a
  project class whose file does not name ``M``, and no other project file names both ``M`` and
  the module.
"""

from __future__ import annotations

import ast
import os
from bisect import bisect_left

from outmoded.layout import module_of
from outmoded.lazyre import quoted, word_re, words_in
from outmoded.legacyfinders import classes_once, finders, legacy_finders
from outmoded.methodclosure import closure, closure_body
from outmoded.notewalkers import walker as walker_class
from outmoded.projectfiles import mentions, project_root
from outmoded.scopes import STDLIB
from outmoded.source import open_regular
from outmoded.uncalled import naming_lines
from outmoded.values import LocalClass, leaf_name

MAX_DEPTH = 20


def uncalled_methods(scanner, names: frozenset) -> frozenset:
    """``Class.method`` names of the module's methods that only dead code calls (see above), and
    its legacy finders' ``find_module`` (``legacy_finders``): exact for the methods ``names``
    (``Class.method``) asks about, in a test module without a legacy finder, as only those and
    the methods whose text names one are looked at (``methodclosure``)."""
    stem = os.path.basename(scanner.path).rpartition(".")[0]
    test = stem.startswith("test") or stem.endswith("_test")
    # the sieve leaves out function bodies only, never a module-level class's statements: the
    # reduced tree has the whole one's finders and candidate methods (a call may be in a body
    # left out: the whole text is parsed for a finder, the bodies naming the methods asked about
    # for a test module's helpers)
    if finders(scanner, scanner._body):
        body = scanner.whole_body()
        if body is None:
            return frozenset()
        found = legacy_finders(scanner, body)
        return _test_methods(scanner, body) | found if test else found
    return _test_methods(scanner, None, names) if test else frozenset()


def may_name(scanner, names) -> bool:
    """Can ``uncalled_methods``' answer hold one of ``names`` (the ``Class.method`` a finding sits
    in)?  Without a legacy finder it holds only a test module's candidate methods, the same in the
    reduced tree as in the whole one (the sieve keeps a module-level class's statements): no
    need to parse and walk the whole text when none of them is asked about."""
    if finders(scanner, scanner._body):
        return True
    stem = os.path.basename(scanner.path).rpartition(".")[0]
    if not (stem.startswith("test") or stem.endswith("_test")):
        return False
    return any(f"{c}.{m}" in names for m, classes in _candidates(scanner, scanner._body).items() for c in classes)


def private_name(qualified: str) -> bool:
    """Is ``Class.method`` a private method's name (one leading underscore)?"""
    leaf = qualified.rpartition(".")[2]
    return leaf[:1] == "_" and leaf[1:2] != "_"


def uncalled_private_methods(scanner) -> frozenset:
    """``Class.method`` names of a library module's private methods that only dead code names
    (see above), asked only at a finding inside a private method.  Cheaper than a test module's
    question: no scanner walks the module again; a use counts as dead only inside the branch of an
    ``if`` the target never takes (a version check the scanner decides), and every other use,
    whatever its receiver, keeps the method live."""
    stem = os.path.basename(scanner.path).rpartition(".")[0]
    if stem.startswith("test") or stem.endswith("_test"):
        return frozenset()  # uncalled_methods answers for every method of a test module
    named = _candidates(scanner, scanner._body, private=True, read=False)
    lines = _lines_naming(scanner.text, named) if named else []
    if not _under_version_check(scanner.text, lines):
        return frozenset()  # no use could be dead: the whole text is not parsed for nothing
    candidates = _read(scanner, named, True)
    if not candidates:
        return frozenset()
    body = scanner.whole_body()
    if body is None:
        return frozenset()
    live: set = set()
    dead: set = set()
    try:
        for stmt in body:
            _private_uses(scanner, stmt, candidates, False, live, dead, lines)
    except RecursionError:
        return frozenset()
    classes, naming = classes_once(body), []
    return frozenset(f"{c}.{m}" for m in dead - live for c in candidates[m]
                     if _unreachable_from_outside(scanner, classes, (c, m), naming))


def _private_uses(scanner, node: ast.AST, wanted: dict, dead: bool, live: set, dead_uses: set,
                  lines: list) -> None:
    """Notes each name of ``wanted`` written in ``node`` (a name or an attribute) in ``dead_uses``
    when it sits in a branch of an ``if`` the target never takes, else in ``live``; a node on
    none of ``lines`` (those writing one of the names, in order) holds none."""
    first = getattr(node, "lineno", None)
    if first is not None:
        at = bisect_left(lines, first)
        if at == len(lines) or lines[at] > (node.end_lineno or first):
            return
    if isinstance(node, ast.If):
        verdict = None if dead else scanner.evaluate(node.test)
        _private_uses(scanner, node.test, wanted, dead, live, dead_uses, lines)
        for stmt in node.body:
            _private_uses(scanner, stmt, wanted, dead or verdict is False, live, dead_uses, lines)
        for stmt in node.orelse:
            _private_uses(scanner, stmt, wanted, dead or verdict is True, live, dead_uses, lines)
        return
    name = leaf_name(node)
    if name in wanted:
        (dead_uses if dead else live).add(name)
    for child in ast.iter_child_nodes(node):
        _private_uses(scanner, child, wanted, dead, live, dead_uses, lines)


VERSION_WORDS_RE = None


def _under_version_check(text: str, lines: list) -> bool:
    """Is one of ``lines`` (numbered from 1) written, as far as indentation tells, in a block of
    an ``if``/``elif`` (or of the ``else`` after one) whose test names the version (``version_info``,
    ``hexversion``, ``PY2``, ``PY3``, ``py3k``...)?  A cheap test before the module is parsed
    whole: without such a line no use can be dead (Twisted 18.9's web/http.py, 102 kB, has a
    finding in the private ``Request._authorize`` that live code calls)."""
    global VERSION_WORDS_RE
    if not lines:
        return False
    if VERSION_WORDS_RE is None:
        import re

        VERSION_WORDS_RE = re.compile(r"version|PY[23]|py[23]k|hexversion|PYTHON[23]")
    text_lines = text.split("\n")
    for number in lines:
        line = text_lines[number - 1]
        indent = len(line) - len(line.lstrip())
        for above in range(number - 2, -1, -1):
            header = text_lines[above]
            stripped = header.strip()
            if not stripped or stripped.startswith("#"):
                continue
            level = len(header) - len(header.lstrip())
            if level >= indent:
                continue
            if stripped.startswith(("def ", "class ", "async def ")):
                break
            if stripped.startswith(("if ", "elif ")) and VERSION_WORDS_RE.search(stripped):
                return True
            if not stripped.startswith(("else", "elif ")):
                indent = level  # a block inside the branch: look further up
            else:
                indent = level + 1  # an else: its if is above, at the same level
    return False


def _lines_naming(text: str, names) -> list[int]:
    """The numbers (from 1) of the lines writing one of ``names`` as a word, in order (found
    with ``str.find``: a regex per private method of a large module costs more than the rest)."""
    from outmoded.bodies import lines_naming

    return [line + 1 for line in lines_naming(text, names)]


def _candidates(scanner, body: list, classes: dict | None = None, private: bool = False, read: bool = True) -> dict:
    """Method name -> [names of the classes defining it] of the methods that may be uncalled
    (``private``: only those whose name starts with one underscore, in a module not a test's);
    ``read`` False: before the text is searched for them (``_read``)."""
    candidates: dict = {}
    for name, node in (classes_once(body) if classes is None else classes).items():
        defined = [s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and defined.count(stmt.name) == 1 \
                    and (not private or (stmt.name[:1] == "_" and stmt.name[1:2] != "_")) and _plain(scanner, stmt):
                candidates.setdefault(stmt.name, []).append(name)
    return _read(scanner, candidates, private) if read else candidates


def _read(scanner, candidates: dict, private: bool) -> dict:
    """``candidates`` but those the text names in quotes and, ``private``, those it names
    nowhere but in their definitions."""
    return {m: cs for m, cs in candidates.items() if not quoted(m, scanner.text)
            and (not private or words_in(m, scanner.text, len(cs) + 1) > len(cs))}


def _test_methods(scanner, body: list | None, names: frozenset | None = None) -> frozenset:
    """The uncalled methods of a test module: of every candidate, walking ``body`` (the whole
    tree); or, ``body`` None, of the methods named as those ``names`` asks about, walking only
    the statements naming them or a method whose text names one (``methodclosure``), in the sieve's
    tree with the function bodies naming none left out when the scan's tree is reduced
    (``methodclosure``).  What is found of a method name is kept for the module's next question
    (``scanner.dead_methods``): a test module's methods of one name in several classes are asked
    about one by one."""
    candidates = _candidates(scanner, scanner._body if body is None else body)
    if not candidates:
        return frozenset()
    if body is not None:
        return frozenset(f"{c}.{m}" for c, m in _dead(scanner, candidates, set(candidates), body, False))
    known = scanner.dead_methods
    asked = {name.rpartition(".")[2] for name in names}.intersection(candidates)
    todo = asked.difference(known)
    if todo:
        # a text whose lines may not be the parser's (a carriage return): every candidate
        wanted = set(candidates) if "\r" in scanner.text else closure(scanner.text, scanner._body, candidates, todo)
        body, reduced = closure_body(scanner, wanted)
        dead = set() if body is None else _dead(scanner, candidates, wanted, body, reduced)
        for method in wanted:
            known[method] = frozenset(f"{c}.{m}" for c, m in dead if m == method)
    return frozenset().union(*(known[method] for method in asked))


def _dead(scanner, candidates: dict, wanted: set, body: list, reduced: bool) -> set:
    """(class, method) of the candidates named as one of ``wanted`` that only dead code calls,
    walking ``body`` (``reduced``: the sieve's, holding every body that names one of them);
    ``wanted`` holds the name of each candidate whose text names one of them."""
    classes = classes_once(body)
    parents = {name: {b.id for b in node.bases if isinstance(b, ast.Name) and b.id in classes}
               for name, node in classes.items()}
    below = {name: _below(name, parents) for name in classes}  # a class and those deriving from it
    # the other candidates are the walk's roots: a class body naming one is walked for the flags
    # it binds as when every candidate was asked about, a function body naming only them is not
    walker = walker_class("uses")(scanner.index, scanner.path, scanner.text, frozenset(candidates), scanner.project)
    walker.roots = frozenset(candidates).difference(wanted)
    walker.wanted, walker.uses = {m: candidates[m] for m in wanted}, []
    walker.word_lines = naming_lines(scanner.text, wanted)
    if reduced:  # what the scanner reads of a body left out is read in the whole tree, as the scan does
        walker.reduced, walker.whole_of = True, scanner
    try:
        walker.run(ast.Module(body=body, type_ignores=[]))
    except RecursionError:
        return set()
    # the methods' lines: true for every method of ``wanted`` (its body never left out) and each
    # whose body names one of them, the only methods a use of one can sit in
    spans = {(c, s.name): (s.lineno, s.end_lineno or s.lineno) for c, node in classes.items() for s in node.body
             if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name in wanted
             and c in candidates[s.name]}

    def inside(line: int):
        return next((key for key, (first, last) in spans.items() if first <= line <= last), None)

    def reaches(receiver, cls: str) -> bool:
        return receiver is None or receiver not in below or bool(below[receiver] & below[cls])

    uses = [(inside(line), name, receiver) for line, name, receiver in walker.uses]
    dead = set(spans)
    while True:
        live = {(c, m) for c, m in dead if any(by not in dead and m == name and reaches(receiver, c)
                                               for by, name, receiver in uses)}
        if not live:
            break
        dead -= live
    naming: list = []  # the other project files naming the module, found at the first question
    return {key for key in dead if _unreachable_from_outside(scanner, classes, key, naming)}


def _plain(scanner, node) -> bool:
    name = node.name
    if name.startswith("test") or (name.startswith("__") and name.endswith("__")):
        return False
    for decorator in node.decorator_list:
        qualified = scanner.qualify(decorator.func if isinstance(decorator, ast.Call) else decorator)
        if not (isinstance(qualified, str) and qualified.startswith("functools.")):
            return False
    return True


def _below(name: str, parents: dict) -> set:
    found, todo = {name}, [name]
    while todo:
        current = todo.pop()
        for child, bases in parents.items():
            if current in bases and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _unreachable_from_outside(scanner, classes: dict, key: tuple, naming: list) -> bool:
    """No code outside the module can call ``Class.method`` (``key``): see the module docstring.
    ``naming``: [the other project files naming the module, or None when the tree is too large
    to tell], filled by the first question that gets so far: the tree is searched once per module
    for its name (rarely written elsewhere: a test module's), not once per method (each search
    read the whole tree's text to the end when no other file names both)."""
    cls_name, method = key
    module_scope = scanner.scope.module()
    cls = module_scope.bindings.get(cls_name)
    if not isinstance(cls, LocalClass):
        return False
    word = word_re(method.encode())
    if not _ancestry_closed(scanner, cls, method, word, scanner.path, 0):
        return False
    if not naming:
        path = os.path.abspath(scanner.path)
        top = project_root(os.path.dirname(path)) or module_of(path)[1]
        found = mentions(top, os.path.basename(path).rpartition(".")[0])
        naming.append(None if found is None else [data for other, data in found if other != path])
    others = naming[0]
    return others is not None and not any(method.encode() in data for data in others)


def _ancestry_closed(scanner, value, method: str, word, where: str, depth: int) -> bool:
    """Can no base of ``value`` outside the module call ``method`` on its instances?"""
    if depth > MAX_DEPTH or value is None:
        return False
    if isinstance(value, LocalClass):
        return all(_ancestry_closed(scanner, b, method, word, where, depth + 1) for b in value.bases)
    if not isinstance(value, str):
        return False
    if value.startswith("builtins.") or value.split(".")[0] in STDLIB:
        return not _stdlib_has(value, method, scanner.index)
    from outmoded.summaries import ClassInfo

    info = scanner.project.resolve(value, where)
    if isinstance(info, ClassInfo):
        data = _bytes(info.path)
        if data is None or word.search(data):
            return False
        return all(_ancestry_closed(scanner, b, method, word, info.path, depth + 1) for b in info.bases)
    if isinstance(info, str) and info != value:
        return _ancestry_closed(scanner, info, method, word, where, depth + 1)
    return False  # a class the project does not hold: its code may call anything


def _stdlib_has(qualified: str, method: str, index) -> bool:
    """Does the stdlib class ``qualified`` have an attribute ``method`` on the target (True also
    when it cannot be told)?  Asked of the running interpreter, unless the catalog (``index``, the
    target's) says the target lost it (``unittest.TestCase.assertEquals`` at 3.12).  Its hooks
    (``setUp``, ``handle``, ``run``) are its own attributes; names it builds to look methods up
    (``do_GET``, ``visit_Name``) start so."""
    if method.startswith(("do_", "visit_", "handle_", "help_", "complete_", "start_", "end_")):
        return True
    if f"{qualified}.{method}" in index.names or any(m.cls == qualified for m in index.methods.get(method, ())):
        return False  # the running interpreter still has it; the target does not
    module, _, name = qualified.rpartition(".")
    import importlib

    try:
        owner = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - any failure: cannot tell
        return True
    cls = getattr(owner, name, None)
    return not isinstance(cls, type) or hasattr(cls, method)


def _bytes(path: str) -> bytes | None:
    from outmoded.reads import read

    read(path)
    try:
        with open_regular(path) as handle:
            return handle.read()
    except OSError:
        return None
