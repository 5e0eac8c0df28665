"""Property test: generated programs with removed-API uses injected at statement boundaries.

``fix`` never raises, never produces code that fails to compile, loses no comment, leaves nothing
it promised to fix (the checker runs on the new text), and a second run changes nothing.  The number of examples is bounded so this runs in well under a minute.
"""

import ast
import re
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.fixes import Policy, fix_source
from outmoded.fixes.verify import comments

hypothesmith = pytest.importorskip("hypothesmith")

NEWLINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
CATALOG = default_catalog()
INDEX = build_index(CATALOG, (3, 15))
POLICY = Policy(CATALOG.by_code, (3, 11), unsafe=True)

SNIPPETS = [
    "import imp  # reload\nimp.reload(imp)\n",
    "from collections import Mapping, OrderedDict  # abcs\n",
    "import collections as co\nseen = isinstance(co, co.Callable)\n",
    "import base64\nencoded = base64.encodestring(b'')\n",
    "from base64 import encodestring\nencoded = encodestring(b'')\n",
    "import json\nloaded = json.loads('{}', encoding='utf-8',)  # old\n",
    "import unittest\nclass OldTest(unittest.TestCase):\n    def test(self):\n        self.assertEquals(1, 1)\n",
    "import unittest\nsuite = unittest.makeSuite(unittest.TestCase)\n",
    "table = dict()\nfound = table.has_key(1) or not table.has_key(2)\n",
    "from itertools import izip, imap as lazy\npairs = izip(lazy(str, []), [])\n",
    "import threading\nworker = threading.Thread()\nalive = worker.isAlive()\n",
    "import xml.etree.ElementTree as ET\nkids = ET.Element('a').getchildren()\n",
    "from typing.io import IO\n",
]


def _fix(source: str) -> bytes:
    data = source.encode()

    def scan(new: bytes):
        return check_source("gen.py", new, INDEX).findings

    result = fix_source("gen.py", data, scan(data), POLICY, scan)
    assert not [e for e in result.errors if "internal error" in e.message], result.errors
    # the checker run on the new text finds nothing the planner promised to fix
    assert not [f for f in result.findings if "not fixed:" in f.message], result.findings
    return result.new


def _encodable(source: str) -> bool:
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file can hold it
        return False
    return True


def _compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "gen.py", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _inject(program: str, snippet: str, choice: int) -> str:
    """Insert ``snippet`` before one of the top-level statements that start a line."""
    lines = NEWLINE.findall(program)  # str.splitlines would also split at \x1c, \x85, ...
    starts = [s.lineno - 1 for s in ast.parse(program).body if s.col_offset == 0] + [len(lines)]
    at = starts[choice % len(starts)]
    if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    return "".join(lines[:at]) + snippet + "".join(lines[at:])


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(program=hypothesmith.from_grammar(auto_target=False),
       snippets=st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=3),
       choices=st.lists(st.integers(0, 50), min_size=3, max_size=3))
def test_fix_is_safe_and_idempotent_on_generated_programs(program, snippets, choices):
    assume(_encodable(program) and _compiles(program))
    source = program
    for snippet, choice in zip(snippets, choices):
        source = _inject(source, snippet, choice)
        assume(_compiles(source))
    first = _fix(source)
    text = first.decode()
    assert _compiles(text), text
    before, after = comments(source), comments(text)
    assert before is None or not (before - after), "a comment was lost"
    assert _fix(text) == first, "a second fix changed the result"
