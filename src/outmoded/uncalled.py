"""Functions of a module (at its top level, or private ones in its ``if`` blocks) that only code never
running on the target calls (``uncalled``): their bodies are compatibility code for older
Pythons, whatever they use.

pip 26.3's ``_looks_like_red_hat_scheme()`` is called only past ``if _USE_SYSCONFIG: return new``,
true on every CPython.  The scanner itself walks the module (``notewalkers``' ``Names``, reporting
nothing) to note where each candidate is named outside dead code, so every guard it understands
counts and nothing else does; only the function and class bodies whose lines name a candidate are
walked (``naming_lines``, shared with ``deadmethods``).  ``unreached`` asks the same of whole
modules.
"""

from __future__ import annotations

import os
from bisect import bisect_left

from outmoded.layout import module_of
from outmoded.lazyre import quoted, word_starts, words_in
from outmoded.notewalkers import walker as walker_class
from outmoded.projectfiles import mentioning, project_root
from outmoded.statementblocks import statements


def uncalled(scanner) -> frozenset:
    """The names of the module's top-level functions (undecorated or wrapped by ``functools``)
    that only code never running on the target names: pip 26.3's ``_looks_like_red_hat_scheme()``
    (``from distutils.command.install import install``) is called only in ``get_scheme`` past ``if
    _USE_SYSCONFIG: return new``, true on every CPython.  A name another project file holds, or
    one written in quotes in the module (``__all__``), is not told.  A public one (no ``_``) counts
    only outside a package's ``__init__`` and when the module does call it, in such code: compatibility
    code, not an API left for others (numpy 2.5's vendored meson, ``python_info.py``: its
    ``get_distutils_paths()`` is called only past ``if sys.version_info >= (3, 10, 3):``'s else)."""
    import ast

    # a call to one may be in a body the sieve left out: the whole tree is read, but its candidates
    # are among the reduced tree's (the same top-level functions, and more definitions in the
    # bodies can only rule one out), so it is parsed only when the reduced tree has some
    written: dict = {}  # what the text says of a name, the same for both trees
    if scanner.reduced and not _candidates(scanner, scanner._body, written):
        return frozenset()
    body = scanner.whole_body()
    candidates = _candidates(scanner, body, written) if body is not None else None
    if not candidates:
        return frozenset()
    # a function or class body without any of the names cannot name one: not walked
    walker = walker_class("names")(scanner.index, scanner.path, scanner.text, frozenset(candidates), scanner.project)
    walker.wanted, walker.named = candidates, []
    walker.word_lines = naming_lines(scanner.text, candidates)
    try:
        walker.run(ast.Module(body=body, type_ignores=[]))
    except RecursionError:
        return frozenset()

    def caller(line: int) -> str | None:
        return next((n for n, s in candidates.items() if s.lineno <= line <= (s.end_lineno or s.lineno)), None)

    calls = [(caller(line), name) for line, name in walker.named]
    live = {name for by, name in calls if by is None}
    path = os.path.abspath(scanner.path)
    top = project_root(os.path.dirname(path)) or module_of(path)[1]
    while True:
        more = {name for by, name in calls if by in live} - live
        if more:
            live |= more
            continue
        # another project file naming one may call it (and what it calls): asked only for the
        # functions still dead here, rarely any
        more = {name for name in set(candidates) - live
                if (others := mentioning(top, name)) is None or any(other != path for other, _ in others)}
        if not more:
            return frozenset(candidates) - live
        live |= more


def may_name(scanner, names) -> bool:
    """Can ``uncalled``'s answer hold one of ``names`` (the functions a finding sits in)?  Its
    answer is among the candidates of the whole tree, which are the tree's when the sieve left
    nothing out; else a private one is among the reduced tree's (more definitions in the bodies
    left out can only rule one out), but a public one may be read only in a body left out.  No:
    the whole text is neither parsed nor walked for a question whose answer cannot matter."""
    if scanner.reduced and any(not name.startswith("_") for name in names):
        return True
    return bool(_candidates(scanner, scanner._body, {}, names))


def _candidates(scanner, body: list, written: dict, only=None) -> dict:
    """Name -> definition of the module's functions that may be uncalled (top-level ones, and
    private ones in its ``if`` blocks: ``_module_level``): defined once,
    plain or wrapped by ``functools``, never written in quotes; a public one only outside a
    package's ``__init__`` and where the module's code (not only its text: a docstring) names it
    outside its own definition (``uncalled``).  ``written``: name -> (is it written as a word at
    least twice, is it written in quotes), read from the text once for the reduced and the whole
    tree.  ``only``: given, the candidates among those names only."""
    import ast

    defined: dict = {}
    for stmt in statements(body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.setdefault(stmt.name, []).append(stmt)
    candidates = {}
    package = os.path.basename(scanner.path) == "__init__.py"
    named: dict = {}  # id of a top-level statement -> the names its code reads, made as asked
    top = set(map(id, body))
    for stmt in _module_level(body):
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) or len(defined[stmt.name]) > 1 or (
                only is not None and stmt.name not in only):
            continue
        if id(stmt) not in top and not stmt.name.startswith("_"):
            continue  # a public one in a block: the other branch may bind the same API (``f = typing.f``)
        name = stmt.name
        if name.endswith("__") or not all(_harmless(scanner, d) for d in stmt.decorator_list):
            continue
        said = written.get(name)
        if said is None:
            said = written[name] = [None, None, False]
        if not name.startswith("_"):
            if said[0] is None:
                said[0] = words_in(name, scanner.text, 2) >= 2
            if package or not said[0]:  # the package's API, or left for others
                continue
            if said[2] is False:
                said[2] = _word_lines(name, scanner.text)
            if not _read_elsewhere(name, stmt, body, said[2], named):
                continue
        if said[1] is None:
            said[1] = quoted(name, scanner.text)
        if said[1]:
            continue
        candidates[name] = stmt
    return candidates


def _word_lines(name: str, text: str) -> list | None:
    """The numbers (from 1) of the lines writing ``name`` as a word, in order, when the text's
    lines are its ``\n``s and a name is spelled as written (ASCII); else None."""
    if not text.isascii() or text.count("\r") != text.count("\r\n"):
        return None
    lines, line, at = [], 1, 0
    for start in word_starts(name, text):
        line += text.count("\n", at, start)
        at = start
        lines.append(line)
    return lines


def _read_elsewhere(name: str, stmt, body: list, lines: list | None, named: dict) -> bool:
    """Does a top-level statement of ``body`` other than ``stmt`` read ``name`` in its code (an
    ``ast.Name`` read, ``_reads``)?  A store is no read: ``if sys.version_info < (3,): reload_it =
    None`` leaves a public ``def reload_it`` the API it is, called by others on the target (its
    ``imp.reload`` raises ModuleNotFoundError on the real 3.13).  Only the statements (decorators
    included) spanning one of ``lines``, those writing the name as a word (``_word_lines``), are
    looked into; all of them when None.  ``named``: each walked statement's names read, by id, for
    the run."""
    import ast

    for other in body:
        if other is stmt:
            continue
        if lines is not None:
            if _names_on(other, name, lines):
                return True
            continue
        names = named.get(id(other))
        if names is None:
            names = named[id(other)] = set(map(_reads, ast.walk(other)))
        if name in names:
            return True
    return False


def _reads(node) -> str | None:
    """The name ``node`` reads: an ``ast.Name`` loaded, or the target of an augmented assignment
    (``f += g`` reads ``f``); None for anything else (a store, a ``del``)."""
    import ast

    if node.__class__ is ast.Name:
        return node.id if node.ctx.__class__ is ast.Load else None
    if node.__class__ is ast.AugAssign and node.target.__class__ is ast.Name:
        return node.target.id
    return None


def _names_on(node, name: str, lines: list) -> bool:
    """Does ``node`` read the name ``name`` (``_reads``), written on one of ``lines`` (numbered
    from 1, in order: every line writing the name as a word, so every such ``Name``'s)?  Only the
    nodes statements spanning one of them are looked into (a decorator's lines before its
    definition's count; an expression's own position is not asked: inside an f-string it may not
    be where the text writes it): a large class naming it once is not walked whole."""
    import ast

    todo = [node]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.stmt):
            first = node.lineno
            decorators = getattr(node, "decorator_list", None)
            if decorators:
                first = min(first, *(d.lineno for d in decorators))
            at = bisect_left(lines, first)
            if at == len(lines) or lines[at] > (node.end_lineno or node.lineno):
                continue
        if _reads(node) == name:
            return True
        todo.extend(ast.iter_child_nodes(node))
    return False


def naming_lines(text: str, names) -> list | None:
    """The lines (from 0) writing one of ``names`` as a word (``bodies.lines_naming``), which a
    scanner walking ``text`` for them (``Scanner.word_lines``) asks instead of searching each
    body's text for each name; None when the text has a carriage return (its lines are not the
    ``\n``-separated ones ``lines_naming`` counts)."""
    if "\r" in text:
        return None
    from outmoded.bodies import lines_naming

    return lines_naming(text, names)


def _module_level(body: list):
    """The statements of a module's ``body`` and of the ``if`` blocks in it (either branch, however
    deep): where a module defines the functions one version or another needs.  typing_extensions
    4.16.0 defines ``_clean_optional`` in the else of ``if hasattr(typing, "ReadOnly")``, called
    only under ``if sys.version_info < (3, 11):``.  Not a ``try``'s: its handler's function is the
    fallback a missing import leaves (Twisted 18.9's web/http.py defines ``_parseHeader`` under
    ``except ImportError:``), called where it runs, and asking about it parsed the whole text
    (~25 ms of a worker for http.py)."""
    import ast

    todo = list(reversed(body))
    while todo:
        stmt = todo.pop()
        yield stmt
        if isinstance(stmt, ast.If):
            todo.extend(reversed(stmt.orelse))
            todo.extend(reversed(stmt.body))


def _harmless(scanner, decorator) -> bool:
    """A decorator that only wraps the function (``functools.cache``), registering it nowhere."""
    import ast

    name = scanner.qualify(decorator.func if isinstance(decorator, ast.Call) else decorator)
    return isinstance(name, str) and name.startswith("functools.")
