"""Every catalog entry whose data describes a mechanical fix gets one, in every form it is
commonly written in: a generated use of each name is fixed with no internal error, the finding
is gone, and the result compiles.

The uses are generated from the catalog itself, so entries added later are covered too.
"""

import re

import pytest

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.fixes import Policy, fix_source
from outmoded.fixes.names import resolve
from outmoded.fixability import shape_of
from outmoded.fixes.templates import is_statement

CATALOG = default_catalog()
PLACEHOLDER = re.compile(r"\{(receiver|args|arg(\d+))\}")
INSTANCES = {"builtins.dict": "dict()", "builtins.str": "str()", "builtins.bytes": "bytes()"}


def _arguments(entry) -> str:
    if not entry.rewrite or entry.rewrite == "drop":
        return "a0"
    numbers = [int(m.group(2)) for m in PLACEHOLDER.finditer(entry.rewrite) if m.group(2)]
    count = max(numbers) + 1 if numbers else int("{args}" in entry.rewrite)
    return ", ".join(f"a{i}" for i in range(count))


def _module_of(name: str) -> str:
    resolved = resolve(name)
    return resolved.module if resolved and resolved.module else name.split(".")[0]


def _method_uses(entry, name):
    owner, _, method = name.rpartition(".")
    call = f"{method}({_arguments(entry) if shape_of(entry) == 'template' else ''})"
    head = "" if owner.startswith("builtins.") else f"import {_module_of(owner)}\n"
    statement = shape_of(entry) == "template" and is_statement(entry.rewrite)
    same_owner = entry.rewrite or owner == entry.replacement.rpartition(".")[0]
    if not same_owner:  # moved elsewhere: only the static spelling has one meaning
        return [f"{head}x = {owner}.{call}\n"]
    receiver = INSTANCES.get(owner, owner.replace("builtins.", "") + "()")
    return [f"{head}obj = {receiver}\n{'' if statement else 'x = '}obj.{call}\n"]


def _argument_uses(entry, name):
    head = "" if name.startswith("builtins.") else f"import {_module_of(name)}\n"
    func = name.replace("builtins.", "")
    if entry.position is not None:
        return [f"{head}{func}({', '.join(['a'] * (entry.position + 1))})\n"]
    return [f"{head}{func}(a, {entry.argument}=1)\n"]


def _name_uses(entry, name):
    parts = name.split(".")
    use = f"{name}({_arguments(entry)})" if shape_of(entry) == "template" else name
    forms = [f"import {_module_of(name)}\nx = {use}\n"]
    if shape_of(entry) == "dotted" and entry.kind in ("function", "class", "constant"):
        module, leaf = ".".join(parts[:-1]), parts[-1]
        forms.append(f"from {module} import {leaf}\nx = {leaf}\n")
        forms.append(f"from {module} import {leaf} as alias, other\nx = alias\n{leaf} = 1\n")
    return forms


def uses(entry, name) -> list[str]:
    if entry.kind == "module":
        if "." in name:  # ``import a.b`` is used as ``a.b.x``: only the from-import is rewritten
            return [f"from {name} import thing\nthing()\n"]
        return [f"import {name}\n{name}.thing()\n", f"import {name} as alias\n", f"from {name} import thing\n"]
    if entry.kind == "argument":
        return _argument_uses(entry, name)
    if entry.kind == "method":
        return _method_uses(entry, name)
    return _name_uses(entry, name)


def _cases():
    for entry in CATALOG.entries:
        if entry.fix != "none" and entry.kind != "capi" and shape_of(entry):
            for name in entry.names:
                for source in uses(entry, name):
                    yield entry, source


def _fix(entry, source, index, policy):
    data = source.encode()

    def scan(new):
        return check_source("m.py", new, index).findings

    found = [f for f in scan(data) if f.code == entry.code]
    if not found:
        return None  # not detected in this form: the scanner's business, tested elsewhere
    return fix_source("m.py", data, scan(data), policy, scan)


def test_every_fixable_entry_is_fixed_in_its_usual_forms():
    """...and what ``check`` promises for each generated use is exactly what ``fix`` changes."""
    index = build_index(CATALOG, (3, 15), pending=True, min_version=(3, 15))
    policy = Policy(CATALOG.by_code, (3, 15), unsafe=True)
    failures, fixed = [], 0
    for entry, source in _cases():
        result = _fix(entry, source, index, policy)
        if result is None:
            continue
        promised = [f for f in check_source("m.py", source.encode(), index).findings if f.fix]
        left = [f for f in result.findings if f.code == entry.code]
        text = result.new.decode()
        if not promised:
            if result.changed:
                failures.append(f"{entry.code} {source!r}: no fix promised, but fixed to {text!r}")
            continue
        if left or result.errors or result.fixed < len(promised):  # more: a replacement was itself pending
            failures.append(f"{entry.code} {source!r} -> {text!r}: {[e.message for e in result.errors]}")
            continue
        compile(text, "m.py", "exec")
        fixed += 1
    assert not failures, "\n".join(failures)
    assert fixed >= 300


@pytest.mark.parametrize("code", ["OM12002", "OM10021", "OM09023", "OM09014", "OM09004", "OM12056", "OM12057",
                                  "OM09015", "OM09027", "OM13041", "OM12073", "OM13047", "OM12003"])
def test_the_families_named_in_the_issue_have_safe_fixes(code):
    entry = CATALOG.by_code[code]
    assert entry.fix == "safe" and shape_of(entry), code
