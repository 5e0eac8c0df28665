"""The catalog's ``fields`` / ``replacement_fields`` (a rename to another named tuple), proven: the
old named tuple has ``fields`` on a Python before the removal, the replacement has
``replacement_fields`` on the real 3.13; each use ``fixability.results`` refuses fails renamed on
3.13, and each use it lets the unsafe fix rename reads the same values there as before."""

import json
import subprocess

import pytest

from outmoded.catalog import default_catalog
from realpythons import older_python, real_python

pytestmark = pytest.mark.realpython


def _run(python, code):
    run = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-600:]
    return json.loads(run.stdout)


def _fields_of(python, names):
    """The ``_fields`` of each dotted name's named tuple: a class's own, a function's result's
    (called with a function, as ``getargspec`` is)."""
    code = ("import importlib, json, sys, warnings\nwarnings.simplefilter('ignore')\nout = {}\n"
            "for name in sys.argv[1:]:\n"
            "    module, _, leaf = name.rpartition('.')\n"
            "    thing = getattr(importlib.import_module(module), leaf)\n"
            "    out[name] = list(thing._fields if isinstance(thing, type) else type(thing(lambda a, *b, **c: 0))._fields)\n"
            "print(json.dumps(out))\n")
    run = subprocess.run([python, "-c", code, *names], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-600:]
    return json.loads(run.stdout)


def _python(version):
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    return python


def test_fields_are_the_named_tuples_of_the_interpreters():
    entries = [e for e in default_catalog().entries if e.fields]
    assert entries  # getargspec and ArgSpec at least: the proof proves something
    for entry in entries:
        before = ".".join(map(str, (entry.removed_in[0], entry.removed_in[1] - 1)))
        assert _fields_of(_python(before), [entry.name]) == {entry.name: list(entry.fields)}
        assert _fields_of(_python("3.13"), [entry.replacement]) == {entry.replacement: list(entry.replacement_fields)}


PROBE = """import inspect, json
def f(a, b=1, *args, **kw): pass
spec = inspect.getfullargspec(f)
args, varargs, keywords, defaults = inspect.getfullargspec(f)[:4]  # the fix of an unpacking
out = {"kept": [spec.args, spec[0], spec.defaults, spec[2], spec.varargs, [args, varargs, keywords, defaults]],
       "refused": {}}
for name, use in [("unpacked", "args, varargs, keywords, defaults = inspect.getfullargspec(f)"),
                  ("keywords", "inspect.getfullargspec(f).keywords"),
                  ("built", "inspect.FullArgSpec([], None, None, None)"),
                  ("made", "inspect.FullArgSpec._make([[], None, None, None])")]:
    try:
        exec(use)
    except Exception as exc:
        out["refused"][name] = type(exc).__name__
out["last"] = inspect.getfullargspec(f)[-1]
print(json.dumps(out))
"""


def test_refused_uses_fail_renamed_and_kept_ones_read_the_same():
    renamed = _run(_python("3.13"), PROBE)
    original = _run(_python("3.10"), PROBE.replace("getfullargspec", "getargspec").replace("FullArgSpec", "ArgSpec")
                    .replace("getargspec(f)[:4]", "getargspec(f)"))
    assert renamed["kept"] == original["kept"] == [["a", "b"], ["a", "b"], [1], "kw", "args",
                                                   [["a", "b"], "args", "kw", [1]]]
    assert renamed["refused"] == {"unpacked": "ValueError", "keywords": "AttributeError", "built": "TypeError",
                                   "made": "TypeError"}
    assert original["refused"] == {}
    assert (renamed["last"], original["last"]) == ({}, [1])  # [-1]: annotations, not defaults
