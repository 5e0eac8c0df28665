"""Every public standard-library name that a real interpreter has and the next release lacks is in the
catalog, or exempt below with the reason.  The interpreters themselves are the source: What's New
does not list every removal (cProfile.main, tokenize.main, ast.NodeVisitor.visit_Constant...)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from outmoded.catalog import default_catalog, format_version
from realpythons import older_python, real_python

HERE = Path(__file__).resolve().parent
CATALOG = default_catalog()
PROBE = HERE.parents[1] / "src" / "outmoded" / "catalog" / "probe.py"

# Names that vanish between two interpreters but are not removals a user can hit, with the reason.
# Matched as prefixes of the dotted name.
NOT_REMOVALS = {
    "ctypes.macholib": "macOS dylib helpers: Debian's python3.13+ packages leave them out (pyenv's 3.13 has them)",
    "termios.": "C-library constants (NCC, TCGETA...) the real interpreters' newer glibc no longer defines",
    "tty.": "re-exports of termios constants (see termios.)",
    "dis.": "opcode names re-exported from opcode: bytecode changes every release, not an API",
    "opcode.oplists": "internal table of the dis module",
    "multiprocessing.reduction.ACKNOWLEDGE": "internal protocol constant",
    "email.utils.Charset": "imported into email.utils for its own use (email.charset.Charset is the API)",
    "logging.handlers.ST_": "stat constants imported into logging.handlers for its own use",
    "pathlib.E": "errno constants imported into pathlib for its own use",
    "collections.heapq": "a module collections imported for its own use",
    "importlib.metadata.Deprecated": "internal helper classes of importlib.metadata",
    "dbm.ndbm": "the real 3.15 is built without the ndbm C library (a build option, not a removal)",
}


def _dump(python):
    out = subprocess.run([python, "-I", str(HERE / "stdlib_names.py")], capture_output=True, text=True,
                         check=True, timeout=600).stdout
    return json.loads(out)


def _absent(python, names):
    payload = [["q", "attribute", name, None] for name in names]
    out = subprocess.run([python, "-I", str(PROBE)], input=json.dumps(payload), capture_output=True, text=True,
                         check=True, timeout=300).stdout
    answers = json.loads(out)
    return [name for name in names if answers[f"q:{name}"] == "absent"]


def _catalogued(name, mro, version):
    """Is ``name`` (or the same member of a base class, or its module) in the catalog by ``version``?"""
    parent, _, member = name.rpartition(".")
    spellings = {name} | {f"{base}.{member}" for base in mro}
    for entry in CATALOG.entries:
        if entry.removed_in > version or entry.kind in ("capi", "argument"):
            continue
        for known in entry.names:
            if known in spellings or entry.kind == "module" and name.startswith(known + "."):
                return True
            # a method as its defining submodule spells the class (unittest.case.TestCase.X)
            if entry.kind in ("method", "attribute") and any(
                    known.rsplit(".", 2)[-2:] == s.rsplit(".", 2)[-2:] for s in spellings):
                return True
    return False


def _candidates(old, new):
    """Names in ``old`` missing from ``new`` that the old interpreter defines itself (not imports)."""
    for name, (kind, origin, *rest) in old.items():
        if name in new or kind == "module" and name.count(".") and name.rsplit(".", 1)[0] in old \
                and old[name.rsplit(".", 1)[0]][0] == "module" and origin != name:
            continue
        parent, _, leaf = name.rpartition(".")
        if parent in old and parent not in new:
            continue  # its module or class went (or no longer imports): reported once, as that
        defined_privately = origin and any(part.startswith("_") for part in origin.split("."))
        if origin and kind in ("class", "function") and origin != parent and not origin.startswith("_") \
                and origin.split(".")[0] != parent.split(".")[0]:
            continue  # imported from another module
        if kind in ("class", "function") and defined_privately and origin != parent:
            continue  # a name from a C accelerator or private module, imported for the module's own use
        yield name


def _mro_of(old, name):
    parent = name.rpartition(".")[0]
    info = old.get(parent)
    return info[2] if info and len(info) > 2 else []


@pytest.fixture(scope="module")
def dumps():
    found = {}
    for version in ("3.12", "3.13", "3.14", "3.15"):
        python = real_python(version) or older_python(version)
        if python:
            found[version] = (python, _dump(python))
    return found


@pytest.mark.realpython
@pytest.mark.parametrize("old,new", [("3.12", "3.13"), ("3.13", "3.14"), ("3.14", "3.15")])
def test_every_name_an_interpreter_loses_is_catalogued(dumps, old, new):
    if old not in dumps or new not in dumps:
        pytest.skip(f"needs python{old} and python{new}")
    version = tuple(int(p) for p in new.split("."))
    candidates = [n for n in _candidates(dumps[old][1], dumps[new][1])
                  if not any(n.startswith(prefix) for prefix in NOT_REMOVALS)]
    gone = _absent(dumps[new][0], candidates)  # dir() hides some names (enum aliases) getattr finds
    missing = [n for n in gone if not _catalogued(n, _mro_of(dumps[old][1], n), version)]
    assert missing == [], f"{len(missing)} names python{old} has and python{new} lacks are not in the catalog " \
                          f"(for {format_version(version)})"
