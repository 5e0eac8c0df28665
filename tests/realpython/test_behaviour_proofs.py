"""Each behaviour removal's ``proof`` (and any other entry's, where introspection cannot tell: a module's
``__cached__``) works on every real Python before ``removed_in`` and fails from it on: the catalog's
claim that the code stops working, checked where it happens.  A proof ``outmoded fix`` rewrites
prints, fixed, what it printed unfixed on the Pythons before ``removed_in``, on every Python."""

import subprocess

import pytest

from outmoded.catalog import default_catalog, format_version
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.fixes import Policy, fix_source
from realpythons import older_python, real_python

pytestmark = pytest.mark.realpython

CATALOG = default_catalog()
BEHAVIOURS = [e for e in CATALOG.entries if e.kind == "behaviour"]
PROVEN = [e for e in default_catalog().entries if e.proof]
VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]


def interpreter(version: str):
    return real_python(version) or older_python(version)


@pytest.mark.parametrize("entry", PROVEN, ids=lambda e: e.code)
def test_proof_fails_exactly_from_removed_in(entry):
    ran = {}
    for version in VERSIONS:
        exe = interpreter(version)
        if exe is None or entry.added_in and tuple(map(int, version.split("."))) < entry.added_in:
            continue  # not there yet: @classmethod over @property is a 3.9 feature
        proc = subprocess.run([exe, "-W", "ignore", "-c", entry.proof], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=60)
        ran[version] = proc.returncode == 0
    removed = format_version(entry.removed_in)
    if not any(v == removed or tuple(map(int, v.split("."))) > entry.removed_in for v in ran):
        pytest.skip(f"no real Python {removed} or later here")
    expected = {v: tuple(map(int, v.split("."))) < entry.removed_in for v in ran}
    assert ran == expected


FIXED = [e for e in BEHAVIOURS if e.fix != "none"]


@pytest.mark.parametrize("entry", FIXED, ids=lambda e: e.code)
def test_fixed_proof_does_what_it_did(entry):
    """``hmac.new(key, msg)`` fixed to ``digestmod="md5"`` gives the digest it gave on 3.7."""
    index = build_index(CATALOG, (3, 15), min_version=(3, 6))
    data = entry.proof.encode()

    def scan(new):
        return check_source("proof.py", new, index).findings

    result = fix_source("proof.py", data, scan(data), Policy(CATALOG.by_code, (3, 6)), scan)
    assert result.fixed and not result.errors and not scan(result.new), result.new.decode()
    before = [v for v in ("3.6", "3.7", *VERSIONS) if tuple(map(int, v.split("."))) < entry.removed_in]
    printed = {}
    for version in (*before, *VERSIONS):
        exe = interpreter(version)
        if exe is None:
            continue
        for name, code in (("fixed", result.new.decode()), ("unfixed", entry.proof))[:2 if version in before else 1]:
            warnings = "ignore" if name == "unfixed" else "error"  # the fixed code warns nowhere
            proc = subprocess.run([exe, "-W", warnings, "-c", code], stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, timeout=60)
            assert proc.returncode == 0, (version, name, proc.stderr)
            printed[version, name] = proc.stdout
    if not any(name == "unfixed" for _, name in printed) or not any(
            tuple(map(int, v.split("."))) >= entry.removed_in for v, _ in printed):
        pytest.skip("no real Python before and after the removal here")
    assert printed[next(iter(printed))].strip(), "the proof prints nothing to compare"
    assert len(set(printed.values())) == 1, printed


SHAPE = r"""
import importlib, inspect, json, sys
def resolve(name):
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj, len(parts) - cut
name = sys.argv[1]
obj, depth = resolve(name)
try:
    params = list(inspect.signature(obj).parameters.values())
except (TypeError, ValueError):
    print("null"); sys.exit()
if depth == 2 and not inspect.isclass(obj):  # Class.method as the class holds it: drop self
    params = params[1:]
P = inspect.Parameter
print(json.dumps([
    [p.name for p in params if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)],
    sorted(p.name for p in params if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)),
    sorted(p.name for p in params if p.default is P.empty and p.kind not in (P.VAR_POSITIONAL, P.VAR_KEYWORD)),
    any(p.kind == P.VAR_POSITIONAL for p in params), any(p.kind == P.VAR_KEYWORD for p in params)]))
"""


@pytest.mark.parametrize("entry", [e for e in BEHAVIOURS if e.accepts], ids=lambda e: e.code)
def test_accepts_is_the_real_parameter_list(entry):
    """A ``parameters`` entry's ``accepts`` is what the real interpreter of ``removed_in`` says, where
    it can say (``inspect.signature``; C functions without a text signature cannot)."""
    import json

    from outmoded.catalog.models import parameters

    exe = interpreter(format_version(entry.removed_in))
    if exe is None:
        pytest.skip(f"no real Python {format_version(entry.removed_in)} here")
    positional, keyword, required, var_positional, var_keyword = parameters(entry.accepts)
    compared = 0
    for name in entry.names:
        out = subprocess.run([exe, "-I", "-c", SHAPE, name], capture_output=True, text=True, check=True,
                             timeout=60).stdout
        real = json.loads(out)
        if real is None:
            continue
        compared += 1
        assert real == [list(positional), sorted(keyword), sorted(required), var_positional, var_keyword], name
    if not compared:
        pytest.skip("no introspectable signature: the proof script is the evidence")
