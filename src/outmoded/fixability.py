"""The fix planner's verdict on each finding: will ``outmoded fix`` rewrite it, and how safely.

This is the one place that decides what ``[*]`` promises.  The scanner asks it for every finding
(``verdict``) and then, with the file's tree at hand, for each finding at its spot
(``per_instance``); ``check``, ``--statistics``, JSON, SARIF, the Action and ``fix`` itself all
read the resulting ``Finding.fix``.  ``fix`` applies exactly the findings whose ``fix`` is
``safe`` (plus ``unsafe`` with ``--unsafe-fixes``); a test over the catalog and real projects
asserts that what ``check`` promises is what ``fix`` changes.

A finding gets no fix when:

- its catalog entry describes no mechanical fix (``fix: none``, or data that is no rewrite);
- it sits in code that tests for the API or runs only where the API exists: the body or the
  handlers of a ``try`` that catches ``ImportError``/``AttributeError`` (the import *is* the
  probe), a ``hasattr`` branch; version-guarded branches are not even reported;
- the replacement does not exist on the oldest Python the project supports (``min_version``),
  and every Python 2 name (removed in 3.0) while the project still supports Python 2;
- the fixer cannot rewrite this particular form (``per_instance``).

No ``libcst`` here: ``check`` must not pay for importing it.
"""

from __future__ import annotations

import ast
import re

from outmoded.catalog import Entry, format_version
from outmoded.records import replace
from outmoded.scopes import BUILTIN_NAMES, STDLIB as STDLIB_TOPS

SPECIFIER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
PLACEHOLDER = re.compile(r"\{(receiver|args|arg(\d+))\}")
GUARD_NOTES = {
    "probe": "no automatic fix: it sits in a try/except that tests for the API",
    "hasattr": "no automatic fix: it is guarded by hasattr()",
}


def is_dotted(text: str) -> bool:
    return bool(text) and all(part.isidentifier() for part in text.split("."))


def shape_of(entry: Entry) -> str | None:
    """How an entry is fixed, or None when its catalog data describes no mechanical fix."""
    if entry.kind == "argument":
        if entry.rewrite == "drop":
            return "drop-arg"
        return "replace-arg" if keyword_rewrite(entry) else None
    if entry.kind == "module" and entry.rewrite == "retire":
        return "retire"  # ``import typing.io`` -> ``import typing`` once its uses are rewritten
    if entry.rewrite:
        if entry.kind in ("function", "class", "method"):
            return "template"  # a call is rewritten
        return "expression" if entry.kind in ("attribute", "constant") and "{" not in entry.rewrite else None
    if not is_dotted(entry.replacement):
        return None
    return "module" if entry.kind == "module" else "dotted"


KEYWORD_REWRITE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.+?)\s*$", re.S)


def keyword_rewrite(entry: Entry) -> tuple[str, str] | None:
    """(keyword, expression) of an argument's ``rewrite: "optimization='' if {value} else 1"``:
    the argument becomes that keyword, ``{value}`` standing for its value."""
    match = KEYWORD_REWRITE.match(entry.rewrite or "") if entry.kind == "argument" else None
    return (match.group(1), match.group(2)) if match else None


def argument_replacement(entry: Entry, value: str) -> str | None:
    """The ``keyword=expression`` an argument written ``value`` becomes, or None when the
    argument is to be dropped (it equals one of ``rewrite_defaults``: it meant "not given").
    A literal value is folded: ``'' if True else 1`` is ``''``."""
    keyword, expression = keyword_rewrite(entry)
    try:
        node = ast.parse(value.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        node = None
    ok, literal = _literal(node) if node is not None else (False, None)
    if ok and any(literal == default and type(literal) is type(default) for _, _, default in entry.rewrite_defaults):
        return None
    template = ast.parse(expression.replace("{value}", "__value__"), mode="eval").body
    if ok and isinstance(template, ast.IfExp) and isinstance(template.test, ast.Name) \
            and template.test.id == "__value__":
        chosen = template.body if literal else template.orelse
        return f"{keyword}={ast.get_source_segment(expression.replace('{value}', '__value__'), chosen)}"
    loose = isinstance(node, (ast.IfExp, ast.Lambda, ast.NamedExpr, ast.Yield, ast.YieldFrom))
    return f"{keyword}={expression.replace('{value}', f'({value.strip()})' if loose else value.strip())}"


def _never_none(node: ast.AST) -> bool:
    """Is this argument certainly not None: a literal, a comparison, a ``not``, ``__debug__``?"""
    return isinstance(node, (ast.Constant, ast.Compare)) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)) or (
        isinstance(node, ast.Name) and node.id == "__debug__")


def _argument_verdict(finding, entry: Entry, calls: "_Calls") -> tuple[str | None, str | None]:
    """(an upgraded fix or None, why there is no fix or None) for an argument the catalog
    rewrites into another keyword (``cache_from_source(p, True)`` -> ``optimization=''``)."""
    found = calls.argument(finding)
    if found is None:
        return None, "this argument's form is not rewritten"
    call, node = found
    keyword = keyword_rewrite(entry)[0]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg in (None, keyword) for k in call.keywords):
        return None, f"this call's arguments do not fit the rewrite (unpacked, or {keyword}= given too)"
    return ("safe" if _never_none(node) else None), None


def verdict(entry: Entry, guard: str | None, min_version: tuple[int, int],
            unknown_receiver: bool = False) -> tuple[str | None, str | None]:
    """(``"safe"``/``"unsafe"``/None, a note for the message or None) for a finding of ``entry``.

    ``guard``: the scanner's reason this code tests for the API ("probe", "hasattr"), or None."""
    if entry.fix == "none" or shape_of(entry) is None:
        return None, None
    if guard:
        return None, GUARD_NOTES.get(guard, GUARD_NOTES["probe"])
    if min_version < (3, 0) and entry.removed_in <= (3, 0):
        return None, (f"no fix offered: the project still supports Python {format_version(min_version)}, "
                      "where this is the name to use")
    if entry.replacement_since and entry.replacement_since > min_version:
        since, lowest = format_version(entry.replacement_since), format_version(min_version)
        return None, f"no fix offered: the replacement needs Python {since}, the project supports Python {lowest}"
    if unknown_receiver and entry.fix == "safe":
        # the rename is only right if the receiver really is that class: the user decides
        return "unsafe", "unsafe fix: the receiver's type is unknown"
    return entry.fix, None


def without_unsafe_note(message: str, entry: Entry | None) -> str:
    """The message without its "(unsafe fix: ...)" note (the fix is safe, or there is none)."""
    return message.replace(f" (unsafe fix: {(entry.fix_reason or '').rstrip('.')})", "") if entry else message


def with_note(finding, fix: str | None, note: str | None, entry: Entry | None = None):
    message = without_unsafe_note(finding.message, entry) if fix is None else finding.message
    message = f"{message} ({note})" if note else message
    return replace(finding, fix=fix, message=message)


# ---- per instance: what the fixer can do with this particular spelling -----------------------

def per_instance(findings: list, tree: ast.Module, entries, text: str | None = None) -> list:
    """Findings adjusted for the code at their spot (``entries``: rule code -> Entry; ``text``:
    the module's source, which lets the name table be built per name).

    Only findings that still have a fix are looked at, so a file without any costs nothing."""
    if not any(f.fix for f in findings):
        return findings
    return judge(findings, tree, entries, text)


def written_names(entry: Entry) -> list[tuple[str, bool]]:
    """(root, is_builtin) of every name the fix writes that the module must not bind otherwise:
    ``importlib`` for ``imp.reload`` -> ``importlib.reload``, ``iter`` for ``iter({receiver}.items())``.
    A rename of the last part only (``thread.isAlive`` -> ``thread.is_alive``) writes none."""
    shape = shape_of(entry)
    if shape == "dotted" and entry.kind != "module":
        if entry.names and all(n.rpartition(".")[0] == entry.replacement.rpartition(".")[0] for n in entry.names):
            return []
        texts = [entry.replacement]
    elif shape in ("template", "expression"):
        texts = [entry.rewrite]
    else:
        return []
    roots = []
    for text in texts:
        try:
            tree = ast.parse(PLACEHOLDER.sub(lambda m: f"__outmoded_{m.group(1)}__", text).strip())
        except SyntaxError:
            return []
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not node.id.startswith("__outmoded_"):
                roots.append((node.id, node.id in BUILTIN_NAMES and node.id not in STDLIB_TOPS))
    return roots


def _bound_otherwise(entry: Entry, bindings) -> str | None:
    """A name the fix would write that the module binds to something else (``importlib = None``),
    as the fixer's ``Bindings.writable`` sees it; None when all can be written."""
    for root, builtin in written_names(entry):
        if not bindings.writable(root, None if builtin else root):
            return root
    return None


def wanted_positionals(template: str) -> int | None:
    """How many positional arguments a call template takes (``{arg0}``, ``{arg1}``...); None for
    ``{args}`` (any)."""
    used = {m.group(1) for m in PLACEHOLDER.finditer(template)}
    if "args" in used:
        return None
    numbered = sorted(int(u[3:]) for u in used if u[3:].isdigit())
    return numbered[-1] + 1 if numbered else 0


def _literal(node: ast.AST):
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def droppable_defaults(args: list, keywords: list, entry: Entry) -> tuple[set, set] | None:
    """(positions, keywords) of the arguments equal to the entry's ``rewrite_defaults``, which a
    rewrite may drop; ``args``/``keywords`` as ``(value_ast, ...)``.  Shared by the planner (on
    ``ast``) and the fixer (which parses each argument's code)."""
    positions, names = set(), set()
    for keyword, position, value in entry.rewrite_defaults:
        if position is not None and position == len(args) - 1 and position not in positions:
            ok, found = _literal(args[position])
            if ok and found == value:
                positions.add(position)
        for name, node in keywords:
            ok, found = _literal(node)
            if name == keyword and ok and found == value:
                names.add(name)
    return positions, names


def call_fits(entry: Entry, args: list, keywords: list, starred: bool) -> bool:
    """Can the fixer rewrite a call of ``entry`` with these arguments?"""
    if starred:
        return False
    if entry.rename_keywords:  # the replacement needs its value: ``ast.Ellipsis()`` has none to give
        return bool(args or keywords)
    if shape_of(entry) != "template":
        return True
    wanted = wanted_positionals(entry.rewrite)
    if wanted is None:  # {args}: anything goes
        return True
    positions, names = droppable_defaults(args, keywords, entry)
    kept_keywords = [k for k, _ in keywords if k not in names]
    return len(args) - len(positions) == wanted and not kept_keywords


def _call_parts(call: ast.Call) -> tuple[list, list, bool]:
    starred = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    return list(call.args), [(k.arg, k.value) for k in call.keywords], starred


def proven_safe(entry: Entry, call: ast.Call | None) -> bool:
    """Does this call prove an unsafe fix safe?  ``locale.format("%d", x)``: a literal format with
    exactly one specifier behaves the same with ``format_string`` (the catalog's
    ``safe_with_one_specifier``)."""
    position = entry.safe_with_one_specifier
    if position is None or call is None or call.keywords or len(call.args) <= position or len(call.args) > 4:
        return False
    fmt = call.args[position]
    if not (isinstance(fmt, ast.Constant) and isinstance(fmt.value, str)):
        return False
    return len([m for m in SPECIFIER.findall(fmt.value) if m != "%%"]) == 1


class _Calls:
    """The module's calls by where their function's name starts, and its from-imports; walked
    once, and only when a finding needs them (most findings are renames)."""

    def __init__(self, tree: ast.Module):
        self.tree = tree
        self._calls: dict | None = None
        self._attributes: dict = {}  # (end line, end column) -> the attribute ending there
        self._imports: list = []
        self._all_imports: list | None = None
        self._in_try: set | None = None

    def _walk(self) -> None:
        self._calls = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self._calls[(node.func.lineno, node.func.col_offset)] = node
            elif isinstance(node, ast.Attribute):
                self._attributes[(node.end_lineno, node.end_col_offset)] = node
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                self._imports.append(node)

    def at(self, finding) -> ast.Call | None:
        if self._calls is None:
            self._walk()
        return self._calls.get((finding.line, finding.column - 1))

    def attribute(self, finding) -> ast.Attribute | None:
        """The attribute access spanning the finding (``imp.reload`` in ``imp.reload(m)``)."""
        if self._calls is None:
            self._walk()
        node = self._attributes.get((finding.end_line, finding.end_column - 1))
        return node if node is not None and (node.lineno, node.col_offset) == (finding.line, finding.column - 1) \
            else None

    def imports(self) -> list:
        if self._calls is None:
            self._walk()
        return self._imports

    def statements(self) -> list:
        """Every import statement (``import a.b`` too)."""
        if self._all_imports is None:  # statements only: expressions hold no import
            self._all_imports, todo = [], list(self.tree.body)
            while todo:
                node = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    self._all_imports.append(node)
                for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                    inner = getattr(node, name, None)
                    if isinstance(inner, list):
                        todo += inner
        return self._all_imports

    def in_try(self, statement: ast.stmt) -> bool:
        """Does this import statement sit in a ``try`` statement's body, handlers or else?"""
        if self._in_try is None:
            self._in_try, todo = set(), [(n, False) for n in self.tree.body]
            while todo:
                node, inside = todo.pop()
                if isinstance(node, (ast.Import, ast.ImportFrom)) and inside:
                    self._in_try.add(id(node))
                inner = inside or isinstance(node, ast.Try) or type(node).__name__ == "TryStar"
                for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                    children = getattr(node, name, None)
                    if isinstance(children, list):
                        todo += [(child, inner) for child in children]
        return id(statement) in self._in_try

    def argument(self, finding) -> tuple[ast.Call, ast.AST] | None:
        """(the call, the argument's value) of the argument starting at the finding."""
        where = (finding.line, finding.column - 1)
        for call in self.all():
            if call.func.lineno > finding.line or getattr(call, "end_lineno", finding.line) < finding.line:
                continue
            for arg in call.args:
                if (arg.lineno, arg.col_offset) == where:
                    return call, arg
            for keyword in call.keywords:
                if (keyword.lineno, keyword.col_offset) == where or (keyword.value.lineno, keyword.value.col_offset) == where:
                    return call, keyword.value
        return None

    def all(self):
        if self._calls is None:
            self._walk()
        return self._calls.values()


def _instance_verdict(finding, entry: Entry, calls: _Calls, bindings) -> str | None:
    """Why the fixer cannot rewrite this finding at its spot, or None."""
    call = calls.at(finding)
    if call is not None:
        return None if call_fits(entry, *_call_parts(call)) else "this call's arguments do not fit the rewrite"
    statement = next((n for n in calls.imports() if n.lineno <= finding.line <= n.end_lineno), None)
    if statement is None:
        if shape_of(entry) == "template" and entry.kind in ("function", "class"):
            return "only calls are rewritten"
        return None
    if not entry.rename_keywords and shape_of(entry) != "template":
        return None
    if entry.rename_keywords:
        return "calls through the imported name would keep their old keywords"
    alias = next((a for a in statement.names if f"{statement.module}.{a.name}" == finding.api), None)
    name = alias.asname or alias.name if alias else None
    if name is None or "{receiver}" in entry.rewrite or not bindings.bound_once(name):
        return "only calls are rewritten"
    uses = [n for n in ast.walk(calls.tree) if isinstance(n, ast.Name) and n.id == name]
    called = {id(c.func): c for c in calls.all()}
    if not uses or not all(id(u) in called and call_fits(entry, *_call_parts(called[id(u)])) for u in uses):
        return "only calls are rewritten, and only those whose arguments fit"
    return None


def chain_of(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None for anything that is not a plain dotted chain."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def _chain_verdict(finding, entry: Entry, calls: "_Calls", bindings) -> str | None:
    """Why the fixer cannot replace this dotted name, or None: it rewrites ``imp.reload`` only
    where the chain's first name means the module everywhere in the file (``fixes.dotted``'s
    ``static_chain``); renaming only the last part (``thread.isAlive``) needs nothing of it."""
    node = calls.attribute(finding)
    if node is None:
        return None  # a name brought in by a from-import: its import is what changes
    owner, _, leaf = finding.api.rpartition(".")
    if shape_of(entry) == "dotted" and entry.replacement.rpartition(".")[0] == owner and node.attr == leaf:
        return None
    chain, old = chain_of(node), finding.api.split(".")
    if chain is None or len(chain) > len(old) or old[len(old) - len(chain) + 1:] != chain[1:]:
        return "this spelling is not rewritten"
    if not bindings.means(chain[0], ".".join(old[:len(old) - len(chain) + 1])):
        return f"`{chain[0]}` is bound to something else in this file"
    return None


def _in_import(finding, calls: "_Calls") -> bool:
    return any(n.lineno <= finding.line <= n.end_lineno for n in calls.statements())


def judge(findings: list, tree: ast.Module, entries, text: str | None = None) -> list:
    from outmoded.fixes.bindings import collect

    calls = _Calls(tree)
    bindings = None
    result = []
    for finding in findings:
        entry = entries.get(finding.code)
        if finding.fix and entry is not None and written_names(entry) and not _in_import(finding, calls):
            bindings = bindings or collect(tree, text)
            taken = _bound_otherwise(entry, bindings)
            if taken:
                finding = with_note(finding, None, f"no automatic fix: `{taken}` is bound to something else in "
                                                   "this file", entry)
        if finding.fix and entry is not None and shape_of(entry) in ("dotted", "expression") \
                and entry.kind != "module" and not _in_import(finding, calls):
            bindings = bindings or collect(tree, text)
            why = _chain_verdict(finding, entry, calls, bindings)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        if finding.fix == "unsafe" and entry is not None and entry.fix == "unsafe" \
                and entry.safe_with_one_specifier is not None and proven_safe(entry, calls.at(finding)):
            finding = replace(finding, fix="safe", message=without_unsafe_note(finding.message, entry))
        if finding.fix and entry is not None and shape_of(entry) == "replace-arg":
            upgrade, why = _argument_verdict(finding, entry, calls)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
            elif upgrade == "safe" and finding.fix == "unsafe":
                finding = replace(finding, fix="safe", message=without_unsafe_note(finding.message, entry))
        if finding.fix and entry is not None and (entry.rename_keywords or shape_of(entry) == "template"):
            if bindings is None:
                bindings = collect(tree, text)
            why = _instance_verdict(finding, entry, calls, bindings)
            if why:
                finding = with_note(finding, None, f"no automatic fix: {why}", entry)
        result.append(finding)
    return _retirements(result, calls, entries)


def drops_import(entry: Entry) -> bool:
    """Is a finding of this removed module fixed by dropping its ``import`` once every use of it
    is rewritten (``import imp`` when ``imp.new_module(n)`` became ``types.ModuleType(n)``)?
    True for a module the catalog itself does not rename (``import typing.io`` is retired the
    same way, to ``import typing``)."""
    return entry.kind == "module" and (entry.fix == "none" or shape_of(entry) in (None, "retire"))


def edit_shape(entry: Entry) -> str | None:
    """The shape of the edit ``fix`` makes for a finding of ``entry`` the planner says it fixes."""
    return "retire" if drops_import(entry) else shape_of(entry)


DROP_NOTE = "the fix drops this import: every use of it is rewritten"


def _retirements(findings: list, calls: "_Calls", entries) -> list:
    """An import of a removed module goes (``import typing.io`` becomes ``import typing`` or is
    dropped; ``import imp`` is dropped) exactly when every read of it is the start of a chain
    whose own finding is fixed: its fix is the least safe of theirs."""
    if not any(f.line for f in findings if f.code in entries and drops_import(entries[f.code])):
        return findings
    levels = {(f.line, f.column - 1): f.fix for f in findings}
    # what a fixed chain ``imp.x`` leaves of ``imp``: nothing, unless its replacement writes it
    releases = {(f.line, f.column - 1): (f.fix, _written_root(entries[f.code]))
                for f in findings if f.fix and f.code in entries}
    result = []
    for finding in findings:
        entry = entries.get(finding.code)
        if entry is not None and drops_import(entry) and "." in finding.api and finding.fix:
            fix, why = _retirement(finding, calls, levels)
            finding = replace(finding, fix=fix) if fix else with_note(finding, None, f"no automatic fix: {why}", entry)
        elif entry is not None and drops_import(entry) and "." not in finding.api and finding.fix is None:
            fix = _dropped(finding, calls, releases)
            finding = replace(finding, fix=fix, message=f"{finding.message} ({DROP_NOTE})") if fix else finding
        result.append(finding)
    return result


def names_in(text: str, name: str) -> bool:
    """Does this string, read as an expression (a string annotation, an ``__all__`` entry),
    use ``name``?"""
    if name not in text:
        return False
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree))


def _written_root(entry: Entry) -> set[str]:
    """The first names a fix of ``entry`` writes (``aifc`` for ``aifc.openfp`` -> ``aifc.open``)."""
    if shape_of(entry) in ("dotted", "module"):
        return {entry.replacement.split(".")[0]}
    return {root for root, _ in written_names(entry)}


def _dropped(finding, calls: "_Calls", releases: dict) -> str | None:
    """The fix of ``import imp`` that ``fixes.imports`` drops once its uses are rewritten: every
    read of ``imp`` starts a chain whose finding is fixed (and there is one), ``imp`` is bound by
    this import alone, named in no string (an annotation, ``__all__``) and no ``global``; an
    import inside a ``try`` is the code's own probe and stays.  None when it stays."""
    statement = next((n for n in calls.statements() if n.lineno <= finding.line <= n.end_lineno), None)
    if not isinstance(statement, ast.Import) or calls.in_try(statement) or not any(
            a.name == finding.api and a.asname is None for a in statement.names):
        return None
    name, found, binders = finding.api, [], 0
    for node in ast.walk(calls.tree):
        if isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Store):
                return None
            fix, written = releases.get((node.lineno, node.col_offset), (None, ()))
            found.append(None if name in written else fix)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            binders += sum((a.asname or a.name.split(".")[0]) == name for a in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and names_in(node.value, name):
            return None
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return None
    if binders != 1 or not found or None in found:
        return None
    return "unsafe" if "unsafe" in found else "safe"


def _retirement(finding, calls: "_Calls", levels: dict) -> tuple[str | None, str | None]:
    statement = next((n for n in calls.statements() if n.lineno <= finding.line <= n.end_lineno), None)
    if not isinstance(statement, ast.Import) or not any(a.name == finding.api and a.asname is None
                                                        for a in statement.names):
        return None, f"only `import {finding.api}` is rewritten"
    parent, _, child = finding.api.rpartition(".")
    found = []
    for node in ast.walk(calls.tree):
        if isinstance(node, ast.Attribute) and node.attr == child and isinstance(node.value, ast.Name) \
                and node.value.id == parent and "." not in parent:
            found.append(levels.get((node.lineno, node.col_offset)))
    if None in found:
        return None, f"`{finding.api}` is also used in a way that is not rewritten"
    return ("unsafe" if "unsafe" in found else "safe"), None
