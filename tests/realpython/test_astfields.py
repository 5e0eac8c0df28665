"""OMB15014 (AST node constructors, 3.15): the catalog's table of node classes is what the real 3.15
says, and the calls the scanner reports are exactly those that raise TypeError there and ran on
the real 3.14 (a DeprecationWarning at most)."""

import subprocess
from pathlib import Path

import pytest

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.catalog.models import node_parameters
from outmoded.engine import check_source
from realpythons import real_python

pytestmark = pytest.mark.realpython

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "astfields.py"
ENTRY = next(e for e in default_catalog().entries if e.signature == "node-fields")


def _python(version: str) -> str:
    exe = real_python(version)
    if exe is None:
        pytest.skip(f"python{version} not built here (see ../shared/tools/real-pythons)")
    return exe


def test_the_table_is_what_the_real_315_prints():
    out = subprocess.run([_python("3.15"), "-I", str(SCRIPT)], capture_output=True, text=True, check=True).stdout
    real = dict(line.strip().split(": ", 1) for line in out.splitlines())
    assert {name: f'"{row}"' for name, row in ENTRY.node_fields} == real


def _calls() -> list[str]:
    """For every class of the table: every field given (None is a value), each required field
    left out, a keyword it has no field for, each position attribute by keyword, and one
    positional argument past its fields (a TypeError before 3.13 too: not reported)."""
    calls = []
    for name, row in ENTRY.node_fields:
        positional, keywords, required, _, _ = node_parameters(row)
        calls.append(f"{name}({', '.join('None' for _ in positional)})")
        calls.append(f"{name}({', '.join(f + '=None' for f in positional)})")
        for field in sorted(required):
            calls.append(f"{name}({', '.join(f + '=None' for f in positional if f != field)})")
        calls.append(f"{name}({', '.join([*(f'{f}=None' for f in sorted(required)), 'bogus=1'])})")
        for attribute in sorted(keywords - set(positional)):
            calls.append(f"{name}({', '.join([*(f'{f}=None' for f in sorted(required)), attribute + '=1'])})")
        calls.append(f"{name}({', '.join('None' for _ in range(len(positional) + 1))})")
    return calls


PROBE = """
import ast, sys, warnings
warnings.simplefilter("ignore")
for number, call in enumerate(sys.stdin.read().splitlines(), 1):
    try:
        eval(call)
    except TypeError:
        print(number)
"""


def _raising(version: str, calls: list[str]) -> set[int]:
    run = subprocess.run([_python(version), "-I", "-c", PROBE], input="\n".join(calls), capture_output=True,
                         text=True, check=True)
    return {int(n) for n in run.stdout.split()}


def test_what_is_reported_raises_on_the_real_315_and_ran_on_314():
    calls = _calls()
    on_315, on_314 = _raising("3.15", calls), _raising("3.14", calls)
    source = "import ast\n" + "".join(f"{call}\n" for call in calls)
    index = build_index(default_catalog(), (3, 15))
    reported = {f.line - 1 for f in check_source("calls.py", source.encode(), index).findings if f.code == ENTRY.code}
    assert len(calls) > 500 and on_315 - on_314
    assert reported == on_315 - on_314, sorted(calls[n - 1] for n in reported ^ (on_315 - on_314))
