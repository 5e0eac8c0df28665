"""LibCST sees only the statements that change (``fixes/chunks.py``): blocks of any compound
statement are reduced to the statements that matter, and the file comes back whole."""

import ast

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.fixes import Policy, chunks, fix_source
from outmoded.fixes.plan import edits_for

CATALOG = default_catalog()
INDEX = build_index(CATALOG, (3, 13))
POLICY = Policy(CATALOG.by_code, (3, 9))

SOURCE = '''\
"""Module."""
import base64
import os


def encode(value, flag):
    if flag:
        prefix = os.sep
        other = 1
    elif value:
        return base64.encodestring(value)  # old
    else:
        other = 2
    try:
        result = os.getcwd()
    except OSError:
        result = base64.decodestring(value)
    finally:
        other = 3
    return result, other


class Old(dict if base64.encodestring else object):
    first = 1
    second = 2
'''

EXPECTED = SOURCE.replace("encodestring", "encodebytes").replace("decodestring", "decodebytes")


def _fix(source: str) -> bytes:
    data = source.encode()

    def scan(new: bytes):
        return check_source("mod.py", new, INDEX).findings

    result = fix_source("mod.py", data, scan(data), POLICY, scan)
    assert not result.errors, result.errors
    return result.new


def test_compound_blocks_are_reduced_and_the_file_comes_back_whole():
    assert _fix(SOURCE).decode() == EXPECTED


def test_reduced_module_holds_the_edited_statements_not_their_neighbours():
    tree = ast.parse(SOURCE)
    found = check_source("mod.py", SOURCE.encode(), INDEX).findings
    reduced = chunks.reduce(SOURCE, tree, edits_for(found, POLICY))
    assert "base64.encodestring(value)" in reduced.text and "base64.decodestring(value)" in reduced.text
    assert "other = 1" not in reduced.text and "result = os.getcwd()" in reduced.text
    # a block without an edit keeps its first statement, so it stays a block
    assert "prefix = os.sep" in reduced.text
    # the class's edit is in its header: its body keeps one statement
    assert "first = 1" in reduced.text and "second = 2" not in reduced.text
    ast.parse(reduced.text)
    assert reduced.expand(reduced.text) == SOURCE


def test_plain_attribute_renames_need_no_libcst():
    """A file whose every fix renames an attribute's last part is fixed as text: LibCST is not
    imported (a fresh interpreter, so nothing else imported it first)."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from outmoded.catalog import default_catalog\n"
            "from outmoded.catalog.index import build_index\n"
            "from outmoded.engine import check_source\n"
            "from outmoded.fixes import Policy, fix_source\n"
            "catalog = default_catalog(); index = build_index(catalog, (3, 13))\n"
            "data = b'import base64, array\\nx = base64.encodestring(b\"\")\\ny = array.array(\"b\").tostring()\\n'\n"
            "scan = lambda new: check_source('m.py', new, index).findings\n"
            "result = fix_source('m.py', data, scan(data), Policy(catalog.by_code, (3, 9)), scan)\n"
            "print(result.fixed, result.new.decode().count('encodebytes'), result.new.decode().count('tobytes'),"
            " 'libcst' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "1", "1", "False"]


def test_a_last_statement_set_aside_leaves_no_comment_at_the_modules_end():
    """LibCST drops a whitespace-only line between comments at a module's end, and a statement set
    aside is a comment line: boto 2.49's tests/db/test_password.py (a line holding a space after
    its class, an ``if __name__`` block last) had its hmac.new fix promised and dropped."""
    source = ("import hmac\n\n\nclass T:\n    def test(self):\n        return hmac.new(b'k', b'm')\n"
              " \n\nif __name__ == '__main__':\n    T().test()\n")
    assert _fix(source).decode() == source.replace("b'm')", "b'm', digestmod=\"md5\")")
    found = check_source("mod.py", source.encode(), INDEX).findings
    reduced = chunks.reduce(source, ast.parse(source), edits_for(found, POLICY))
    assert reduced.text.endswith("\npass\n") and reduced.expand(reduced.text) == source
