"""A fix offered to a project that still supports Python 2.7 must not write a name 2.7 lacks: every
fixable entry removed after 3.0 whose old name pyenv's 2.7 has (code that runs there too) either
names a replacement 2.7 has as well, or says ``replacement_since`` 3.0 or later, so that the fix
is refused under a Python 2 floor (Twisted 18.9's ``cgi.parse_qs`` was rewritten to
``urllib.parse.parse_qs``, which 2.7 cannot import)."""

import json
import subprocess

import pytest

from outmoded.catalog import default_catalog
from outmoded.catalog.schema import DOTTED_RE
from outmoded.fixability.shapes import shape_of
from realpythons import older_python

pytestmark = pytest.mark.realpython

# code: why its replacement, absent from 2.7's modules and classes, is no Python 3 name
EXEMPT = {
    "OM12061": "gzip.GzipFile.name is an instance attribute on 2.7 too (set in __init__)",
    "OM12043": "packaging.version.Version is a third-party package's, installable on 2.7",
}

PROBE = r"""
import __builtin__, importlib, json, sys
def has(dotted):
    parts = dotted.split(".")
    if len(parts) == 1 and hasattr(__builtin__, dotted):  # dict, open, str
        return True
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except Exception:
            continue
        try:
            for part in parts[i:]:
                obj = getattr(obj, part)
        except AttributeError:
            return False
        return True
    return False
print(json.dumps({code: [any(has(n) for n in names), has(new)] for code, names, new in json.loads(sys.argv[1])}))
"""


def test_a_fix_under_a_python_2_floor_writes_only_names_python_2_has():
    python = older_python("2.7")
    if python is None:
        pytest.skip("pyenv's Python 2.7 not installed")
    rows = [(e.code, list(e.names), e.replacement) for e in default_catalog().entries
            if e.fix != "none" and shape_of(e) is not None and e.removed_in > (3, 0)
            and not (e.replacement_since and e.replacement_since >= (3, 0))
            and DOTTED_RE.fullmatch(e.replacement) and e.code not in EXEMPT]
    assert len(rows) > 30
    answers = json.loads(subprocess.run([python, "-c", PROBE, json.dumps(rows)], capture_output=True, text=True,
                                        check=True).stdout)
    lacking = sorted(code for code, (old, new) in answers.items() if old and not new)
    assert lacking == []
