"""A name's import bindings read from the statements holding it, as from the file's whole table."""

from outmoded.bindinglines import STARRED, bound, import_statements, read_bindings

SOURCES = [
    b"import os\nfrom a.b import (C,\n    D as E)  # E\nimport x.y.z, q as r\n",
    b"try:\n    from .base import Base\nexcept ImportError:\n    Base = object\n",
    b"from m import \\\n    Name\nx = 'import Name'\n",
    b"# import * from nothing\nfrom n import Other\n",
    b"from pkg import *\nfrom pkg.sub import Thing as Name\n",
    b"s = \"\"\"text import (Name,\n\"\"\"\nfrom real import Name\n",
    b"import a; from b import Name; import Name.sub\n",
]


def _table(data: bytes) -> tuple[dict, bool]:
    """What textresolve read before: every statement's names, a table by local name."""
    table, star = {}, False
    for local, target in read_bindings(data):
        if local == STARRED:
            star = True
        else:
            table.setdefault(local, []).append(target)
    return table, star


def test_the_statements_holding_a_name_bind_it_as_the_whole_table_does():
    for data in SOURCES:
        table, star = _table(data)
        statements, starred = import_statements(data)
        assert starred == star, data
        for name in ("os", "C", "D", "E", "x", "q", "r", "Base", "Name", "Other", "Thing", "a", "b", "missing"):
            assert bound(data, statements, name) == table.get(name, []), (data, name)


def test_a_star_import_or_text_read_as_one_binds_any_name():
    assert import_statements(b"from pkg import *\n")[1]
    assert import_statements(b"# import * here\n")[1]
    assert not import_statements(b"from pkg import a  # *\nimport b\n")[1]


def test_each_statement_where_it_starts_and_ends_whatever_its_shape():
    """A statement alone on its line is read in one match; the others (after ``;``, with a
    comment, brackets or a backslash, a continued line before) as the general reading does: the
    same (module, names start, end) either way, CRLF and a last line without a newline too."""
    shapes = {
        b"from.m import x\r\nfrom . import y\nimport a.b as c, d": [(".m", 13, 16), (".", 30, 32), (None, 39, 51)],
        b"x = 1; import os\n  from os import path  # c\nfrom a import b \\\n, c\n":
            [(None, 13, 16), ("os", 33, 43), ("a", 57, 65)],
        b"fromx import y\n  from\tp.q  import  r,s \r\n\x0cimport t\n": [("x", 12, 14), ("p.q", 33, 40), (None, 48, 50)],
        b"import u\\\nimport v\n": [(None, 6, 18)],
        b"from w import (\n a)\nimport z # *\n": [("w", 13, 19), (None, 26, 32)],
    }
    for data, statements in shapes.items():
        assert import_statements(data) == (statements, False), data


def test_a_comment_above_a_one_line_parenthesised_import_leaves_the_next_imports_read():
    # a licence header's "#" before ``from a import (b, c)`` read its ``)`` as inside a comment:
    # the statement ran to the next ")" of the file and the imports between were never read
    data = b"# c\nfrom a import (b, c)\nfrom d import e\nx = f(1)\n"
    statements, _ = import_statements(data)
    assert [module for module, _, _ in statements] == ["a", "d"]
    assert bound(data, statements, "e") == _table(data)[0]["e"]
