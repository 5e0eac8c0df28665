"""The catalog's private standard-library names that a release drops (``removed_private.yaml``),
generated from the real interpreters' listings, never written by hand::

    python -m outmoded.catalog.privatenames python3.6 python3.7 ... python3.15

(rewrites ``data/removed_private.yaml``).

``from dataclasses import _is_type`` fails at once on 3.15 (ansible-core 2.21.5's
``ansible.constants``), as ``dataclasses._create_fn`` does on 3.13: a private name is no API, but
code that reaches it breaks as surely as code using a documented removal (``re._pattern_type`` on
3.7, ``sysconfig._get_default_scheme`` on 3.10: virtualenv 16.0's).  The candidates come
from ``data/stdlib_names.txt`` (``outmoded.present``: every module's ``dir()`` on 3.6-3.15): a
name starting with one underscore (no dunder) that a listed version has and a later one lacks
while the module is still there, never to come back.  Left out, because the listings cannot tell
them: the modules and names whose contents depend on the platform (``present.PLATFORM_MODULES``,
``PLATFORM_NAMES``), modules whose whole removal the catalog reports, names the catalog already
has.  A module with a ``__getattr__`` is asked by ``getattr``, as the code that breaks asks it.

Each candidate is then asked of every interpreter given, each module imported alone in a fresh
child process (isolated, no site-packages): a name the module binds only at run time, or that
another module's import puts there, is not in a fresh import and is left out, as is a module
(a submodule, ``import pkg._sub`` still works; or one it imported for its own use, ``hmac._hashlib``:
code imports that module itself, reported if it went) and the name ``_`` (a loop's leftover).  The entry's ``removed_in`` is the first version without the
name after the last with it; ``added_in`` the first version that has it, when an earlier one given
lacks it or its module; ``kind`` what it is on the last version with it.  Entries are default
findings (the line fails on the target), in their own group ``OMP`` (``--ignore OMP``): codes
``OMP<minor><nnn>``, numbered in module and name order within their version.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from outmoded import present

OUTPUT = Path(__file__).resolve().parent / "data" / "removed_private.yaml"

# Run by each interpreter, once per module: what each name is in a fresh import, or "absent".
ASK = r"""
import importlib, json, sys, types, warnings
warnings.simplefilter("ignore")
module, names = sys.argv[1], sys.argv[2].split(",")
try:
    m = importlib.import_module(module)
except BaseException:
    print(json.dumps(None)); raise SystemExit
def kind(v):
    if isinstance(v, types.ModuleType):
        return "submodule" if v.__name__ == module + "." + n else "module"
    if isinstance(v, type):
        return "class"
    if isinstance(v, (types.FunctionType, types.BuiltinFunctionType)) or callable(v) and not isinstance(v, type):
        return "function"
    return "constant"
out = {}
for n in names:
    try:
        out[n] = kind(getattr(m, n))  # through a module __getattr__ too
    except BaseException:
        out[n] = "absent"
print(json.dumps(out))
"""


def other_entries() -> list:
    """The catalog's entries but this file's (which may be half written)."""
    from outmoded.catalog import loader, schema

    return [e for path in sorted(Path(loader.DATA_DIR).glob("removed_*.yaml")) if path.name != OUTPUT.name
            for e in schema.file_entries(loader._read_yaml(path), path.name)]


def candidates(catalog_entries: list) -> dict[str, dict[str, tuple[int, int]]]:
    """module -> {private name -> removed_in}, from the listings, before asking any interpreter."""
    listings = present._load()
    versions = present._versions
    removed_modules = {n for e in catalog_entries if e.kind == "module" for n in e.names}
    known = {n for e in catalog_entries for n in e.names}
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for module in sorted(listings):
        if module.split(".")[0] in present.PLATFORM_MODULES or module in present.PLATFORM_MODULES \
                or module in present.PLATFORM_NAMES:
            continue
        if any(module == r or module.startswith(r + ".") for r in removed_modules):
            continue
        line = present._line(listings, versions, module, versions[0])[0]  # parsed, as present caches it
        module_mask = line[""]
        for name, mask in line.items():
            if not name.startswith("_") or name.startswith("__") or not name.strip("_") \
                    or f"{module}.{name}" in known:
                continue
            last = max(i for i in range(len(versions)) if mask >> i & 1)
            gone = last + 1
            if gone == len(versions) or not module_mask >> gone & 1:
                continue  # still there, or its module went
            found.setdefault(module, {})[name] = versions[gone]
    return found


def ask(interpreter: str, module: str, names: list[str]) -> dict | None:
    """What each name is in ``module`` freshly imported by ``interpreter``, None if it cannot import it."""
    run = subprocess.run([interpreter, "-I", "-S", "-c", ASK, module, ",".join(names)], capture_output=True,
                         text=True, stdin=subprocess.DEVNULL, timeout=120)
    try:
        return json.loads(run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def version_of(interpreter: str) -> tuple[int, int]:
    out = subprocess.run([interpreter, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    return tuple(int(p) for p in out.split("."))


def entries(interpreters: list[str]) -> list[dict]:
    """The proven entries: each name present on every interpreter given from its first one through
    the last before ``removed_in``, absent from ``removed_in`` on."""
    pythons = sorted((version_of(i), i) for i in interpreters)
    proven = []
    for module, names in candidates(other_entries()).items():
        answers = {version: ask(python, module, sorted(names)) for version, python in pythons}
        for name, removed in sorted(names.items()):
            seen = [(v, a[name]) for v, a in answers.items() if a is not None]
            before = [k for v, k in seen if v < removed]
            after = [k for v, k in seen if v >= removed]
            if not before or before[-1] in ("absent", "submodule", "module") or any(k != "absent" for k in after) \
                    or not after:
                continue
            first = next(i for i, k in enumerate(before) if k != "absent")
            if any(k == "absent" for k in before[first:]):
                continue  # comes and goes (enum._or_: 3.6, then 3.11 and 3.12): not one removal
            proven.append({"module": module, "name": name, "kind": before[-1], "removed_in": removed,
                           "added_in": seen[first][0] if seen[first][0] > pythons[0][0] else None})
    return proven


def _v(version: tuple[int, int]) -> str:
    return "%d.%d" % version


def render(proven: list[dict], versions: list[tuple[int, int]]) -> str:
    """The YAML file's text."""
    out = ["# GENERATED by `python -m outmoded.catalog.privatenames " + " ".join("python" + _v(v) for v in versions)
           + "`",
           "# do not edit (outmoded/catalog/privatenames.py says how the names are chosen and proven).",
           "# Private standard-library names a release dropped while their module stayed: each is in a",
           "# fresh import of its module on the real interpreters up to removed_in, and absent from there on."]
    numbers: dict[tuple[int, int], int] = {}
    for item in sorted(proven, key=lambda p: (p["removed_in"], p["module"], p["name"])):
        removed = item["removed_in"]
        numbers[removed] = numbers.get(removed, 0) + 1
        kind = item["kind"]
        out += [f"- code: OMP{removed[1]}{numbers[removed]:03d}",
                f"  name: {item['module']}.{item['name']}",
                f"  kind: {kind}",
                f'  removed_in: "{_v(removed)}"',
                "  deprecated_in: null",
                "  replacement: no replacement (a private name of the module, never an API)",
                "  fix: none",
                f"  reason: private name of {item['module']}, gone on the real {_v(removed)}"]
        if item["added_in"]:
            out.append(f'  added_in: "{_v(item["added_in"])}"')
        out.append(f"  doc: https://docs.python.org/{_v(removed)}/library/{item['module'].split('.')[0]}.html")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    text = render(entries(sys.argv[1:]), sorted(version_of(i) for i in sys.argv[1:]))
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {text.count('- code:')} entries")
