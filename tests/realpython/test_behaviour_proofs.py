"""Each behaviour removal's ``proof`` (and any other entry's, where introspection cannot tell: a module's
``__cached__``) works on every real Python before ``removed_in`` and fails from it on: the catalog's
claim that the code stops working, checked where it happens."""

import subprocess

import pytest

from outmoded.catalog import default_catalog, format_version
from realpythons import older_python, real_python

pytestmark = pytest.mark.realpython

BEHAVIOURS = [e for e in default_catalog().entries if e.kind == "behaviour"]
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
