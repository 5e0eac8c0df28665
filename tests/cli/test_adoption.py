"""Adopting outmoded on a project with findings: a baseline, # noqa added for you, stdin for
editors, per-file-ignores and extend-select, explain and rules as a reference."""

import json

from .conftest import one_line

LEGACY = """\
import imp
from collections import Mapping

def load(name):
    return imp.reload(name)
"""


def concise(sh, *args):
    return sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise", *args)


def test_baseline_round_trip(sh):
    sh.write("pkg/a.py", LEGACY)
    sh.write("pkg/b.py", "import asyncore\n")
    written = sh.run("check", "--no-cache", "--write-baseline", "ci/outmoded-baseline.json", "pkg")
    assert written.returncode == 0 and "Wrote 4 finding(s)" in written.stderr
    document = json.loads((sh.root / "ci/outmoded-baseline.json").read_text())
    assert {e["path"] for e in document["findings"]} == {"../pkg/a.py", "../pkg/b.py"}
    assert "imp.reload" not in json.dumps([e.get("line_digest") for e in document["findings"]])  # no source text

    clean = concise(sh, "--baseline", "ci/outmoded-baseline.json", "pkg")
    assert clean.returncode == 0 and "All checks passed" in clean.stdout
    assert "4 finding(s) recorded in the baseline" in clean.stderr

    # lines move: new code above, indentation changes; still matched
    sh.write("pkg/a.py", "# header\n\n\nimport os\n" + LEGACY.replace("    return", "        return"))
    moved = concise(sh, "--baseline", "ci/outmoded-baseline.json", "pkg")
    assert moved.returncode == 0, moved.stdout

    # editing a finding's line, and a second copy of a known line, are new findings
    sh.write("pkg/a.py", LEGACY.replace("imp.reload(name)", "imp.reload(name or 'x')") + "import asyncore\n")
    sh.write("pkg/b.py", "import asyncore\nimport asyncore\n")
    edited = concise(sh, "--baseline", "ci/outmoded-baseline.json", "pkg")
    assert edited.returncode == 1
    reported = [line.split(": ", 1)[0] for line in edited.stdout.splitlines() if ": OM" in line]
    assert reported == ["pkg/a.py:5:12", "pkg/a.py:6:8", "pkg/b.py:2:8"], edited.stdout

    # from another directory the same baseline still applies (paths are relative to it)
    sh.write("pkg/a.py", LEGACY)
    sh.write("pkg/b.py", "import asyncore\n")
    elsewhere = sh.run("check", "--no-cache", "--target-version", "3.13", "--baseline",
                       "../ci/outmoded-baseline.json", ".", cwd=sh.root / "pkg")
    assert elsewhere.returncode == 0, elsewhere.stdout


def test_add_noqa_silences_each_finding_and_keeps_the_file(sh):
    path = sh.write("a.py", LEGACY + 'TEXT = """\nimport imp\n"""\n'
                    'import asyncore  # noqa: OM13\nimport telnetlib  # noqa\n')
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # CRLF must survive
    path.chmod(0o640)
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--add-noqa", "a.py")
    assert result.returncode == 0 and "Added 5 noqa directive(s) to 1 file(s)." in result.stderr
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert oct(path.stat().st_mode & 0o777) == "0o640"
    text = data.decode().replace("\r\n", "\n")
    assert "import imp  # noqa: OM12001\n" in text
    assert "from collections import Mapping  # noqa: OM" in text
    assert "import asyncore  # noqa: OM13, OM12" in text
    assert "import telnetlib  # noqa  # noqa: OM13" in text  # the other linters' bare noqa stays theirs
    assert 'TEXT = """\nimport imp\n"""\n' in text  # a line inside a string is not touched
    assert concise(sh, "a.py").returncode == 0
    again = sh.run("check", "--no-cache", "--target-version", "3.13", "--add-noqa", "a.py")
    assert "Added 0 noqa directive(s)" in again.stderr and path.read_bytes() == data


def test_stdin_with_a_file_name(sh):
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.13"\n'
                               'per-file-ignores = {"tests/*" = ["OM12001"]}\n')
    result = sh.run("check", "--output-format", "concise", "--stdin-filename", "src/mod.py", "-", stdin=LEGACY)
    assert result.returncode == 1
    assert result.stdout.startswith("src/mod.py:1:8: OM12001 ")
    full = sh.run("check", "--stdin-filename", "src/mod.py", "-", stdin=LEGACY).stdout
    assert "1 | import imp" in full  # the snippet comes from stdin, not from disk
    ignored = sh.run("check", "--output-format", "json", "--stdin-filename", "tests/t.py", "-", stdin="import imp\n")
    assert ignored.returncode == 0 and json.loads(ignored.stdout)["findings"] == []
    anonymous = sh.run("check", "--output-format", "json", "-", stdin="import imp\n")
    assert json.loads(anonymous.stdout)["findings"][0]["path"] == "-"


def test_stdin_with_a_file_name_follows_its_classes_into_the_project(sh):
    """``class T(Base)`` with ``Base`` deriving unittest.TestCase in another module: a check of the
    file reports assertEquals; the same source from stdin under its name passed (no project model)."""
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.13"\n')
    sh.write("tests/__init__.py")
    sh.write("tests/base.py", "import unittest\n\n\nclass Base(unittest.TestCase):\n    pass\n")
    source = ("from tests.base import Base\n\n\nclass T(Base):\n    def test(self):\n"
              "        self.assertEquals(1, 1)\n")
    sh.write("tests/test_x.py", source)
    checked = sh.run("check", "--no-cache", "--output-format", "concise", "tests/test_x.py")
    assert checked.returncode == 1 and "tests/test_x.py:6:9: OM12003 " in checked.stdout
    piped = sh.run("check", "--output-format", "concise", "--stdin-filename", "tests/test_x.py", "-", stdin=source)
    assert (piped.returncode, piped.stdout) == (checked.returncode, checked.stdout)
    # the buffer, not the saved file: a class of the same name that derives nothing of the family
    unsaved = source.replace("from tests.base import Base", "class Base:\n    pass")
    piped = sh.run("check", "--output-format", "concise", "--stdin-filename", "tests/test_x.py", "-", stdin=unsaved)
    assert piped.returncode == 0, piped.stdout


def test_stdin_with_a_file_name_reads_its_imports_from_the_piped_text(sh):
    """The saved file imports ``Base`` from a module where it derives nothing; the buffer piped
    under its name imports the ``Base`` deriving unittest.TestCase: the pairing read the import
    lines of the saved file, cleared the buffer, and its assertEquals was not reported."""
    sh.write("pyproject.toml", '[tool.outmoded]\ntarget-version = "3.13"\n')
    sh.write("tests/__init__.py")
    sh.write("tests/base.py", "import unittest\n\n\nclass Base(unittest.TestCase):\n    pass\n")
    sh.write("tests/other.py", "class Base(object):\n    pass\n")
    source = ("from tests.base import Base\n\n\nclass T(Base):\n    def test(self):\n"
              "        self.assertEquals(1, 1)\n")
    sh.write("tests/test_x.py", source.replace("tests.base", "tests.other"))
    saved = sh.run("check", "--no-cache", "--output-format", "concise", "tests/test_x.py")
    assert saved.returncode == 0, saved.stdout
    piped = sh.run("check", "--output-format", "concise", "--stdin-filename", "tests/test_x.py", "-", stdin=source)
    assert piped.returncode == 1 and "tests/test_x.py:6:9: OM12003 " in piped.stdout, piped.stdout
    # and the other way round: the buffer's import of the plain Base, the saved file's of the TestCase
    sh.write("tests/test_x.py", source)
    piped = sh.run("check", "--output-format", "concise", "--stdin-filename", "tests/test_x.py", "-",
                   stdin=source.replace("tests.base", "tests.other"))
    assert piped.returncode == 0, piped.stdout


def test_per_file_ignores_and_extend_select(sh):
    sh.write("pyproject.toml", """\
        [tool.outmoded]
        target-version = "3.13"
        per-file-ignores = {"tests/*" = ["OM12"], "legacy_*.py" = ["OM"]}
        """)
    sh.write("tests/test_a.py", "import imp\nimport telnetlib\n")
    sh.write("legacy_x.py", "import imp\n")
    sh.write("src/a.py", "import imp\n")
    doc = json.loads(sh.run("check", "--no-cache", "--output-format", "json", ".").stdout)
    found = sorted((f["path"], f["api"]) for f in doc["findings"])
    assert found == [("src/a.py", "imp"), ("tests/test_a.py", "telnetlib")]
    sh.write("ext.c", "#include <Python.h>\nstatic PyObject *f(PyObject *l) { return PyList_GetItem(l, 0); }\n")
    plain = json.loads(sh.run("check", "--no-cache", "--output-format", "json", "ext.c").stdout)
    extended = json.loads(sh.run("check", "--no-cache", "--output-format", "json", "--extend-select", "OMT1",
                                 "ext.c").stdout)
    assert not any(f["code"].startswith("OMT1") for f in plain["findings"])
    assert any(f["code"].startswith("OMT1") for f in extended["findings"])
    sh.write("pyproject.toml", '[tool.outmoded]\nper-file-ignores = {"tests/*" = ["XX9"]}\n')
    bad = sh.run("check", ".")
    assert bad.returncode == 2 and "per-file-ignores: unknown rule code or prefix 'XX9'" in one_line(bad.stderr)


def test_explain_by_code_or_api_name(sh):
    by_name = sh.run("explain", "imp.reload")
    assert by_name.returncode == 0 and by_name.stdout == sh.run("explain", "om12002").stdout
    method = sh.run("explain", "dict.iteritems")
    assert method.returncode == 0 and method.stdout.startswith("OM") and "dict.iteritems (method)" in method.stdout
    assert "builtins." not in method.stdout.splitlines()[0]
    unknown = sh.run("explain", "imp.relaod")
    assert unknown.returncode == 2 and "did you mean imp.reload" in one_line(unknown.stderr)


def test_explain_an_ast_node_class_says_its_fields_on_315(sh):
    """OMB15014 covers the constructors of every ast node class: explain names them as such, not
    one by one, and a class asked by name gets the fields it requires and the keywords it takes."""
    out = sh.run("explain", "OMB15014").stdout
    assert out.startswith("OMB15014: the constructors of 117 ast node classes (behaviour)")
    assert "ast.comprehension(target, iter, [])" in out  # the example
    by_class = sh.run("explain", "ast.comprehension").stdout
    assert "ast.comprehension(target, iter, ifs, is_async): requires target, iter, is_async; keywords besides its " \
           "fields: none" in by_class
    assert "ast.Name(id, ctx): requires id; keywords besides its fields: lineno, col_offset, end_lineno, " \
           "end_col_offset" in sh.run("explain", "ast.Name").stdout


def test_rules_heads_the_ast_node_constructors_as_explain_does(sh):
    """`outmoded rules` listed OMB15014's 117 class names on one row of 1,600 characters; its row
    now says what it covers, as explain's head does, and the JSON keeps every name."""
    rows = [line for line in sh.run("rules", "--select", "OMB15014").stdout.splitlines() if "OMB15014" in line]
    assert len(rows) == 1 and "the constructors of 117 ast node classes -> pass every field" in rows[0]
    assert "ast.Add" not in rows[0] and len(rows[0]) < 250
    data = json.loads(sh.run("rules", "--select", "OMB15014", "--output-format", "json").stdout)
    assert len(data) == 1 and len(data[0]["names"]) == 117 and "ast.comprehension" in data[0]["names"]


def test_explain_and_rules_name_a_struct_member_with_its_struct(sh):
    """A removed C struct member is reported as PyThreadState.frame: explain and rules said
    `frame` alone, which names nothing."""
    out = sh.run("explain", "OMC11016").stdout
    assert out.startswith("OMC11016: PyThreadState.frame (capi)")
    assert sh.run("explain", "PyThreadState.frame").stdout == out
    assert " PyThreadState.frame -> use `PyThreadState_GetFrame`" in sh.run("rules", "--target-version", "3.13").stdout


def test_rules_sorted_by_version_then_code_with_headers(sh):
    blocks, current = [], None
    for line in sh.run("rules").stdout.splitlines():
        if line.startswith(("Python ", "Scheduled for removal in Python ")):
            version = tuple(int(p) for p in line.split(" (")[0].split()[-1].split("."))
            current = (version, [])
            blocks.append(current)
        elif line.startswith("  "):
            current[1].append(line.split()[0])
    versions = [v for v, _ in blocks]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    assert versions.index((3, 2)) < versions.index((3, 10))  # as numbers, not text
    assert all(codes == sorted(codes) for _, codes in blocks)
    assert blocks[0][0] == (3, 0) and not blocks[0][1][0].startswith("OMC")


def test_explain_shows_replacements_as_users_write_them(sh):
    out = sh.run("explain", "dict.iteritems").stdout
    assert "Instead: dict.items" in out and "builtins." not in out


def test_add_noqa_and_an_output_file_write_through_a_symlink(sh):
    """A symlinked module (a shared file linked into the tree) was replaced by a copy holding the
    directives, the real file left as it was; a report through a symlink likewise."""
    real = sh.write("shared/a.py", "import imp\n")
    (sh.root / "a.py").symlink_to("shared/a.py")
    report = sh.write("reports/out.json", "")
    (sh.root / "out.json").symlink_to("reports/out.json")
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--add-noqa", "a.py")
    assert result.returncode == 0, result.stderr
    assert (sh.root / "a.py").is_symlink() and real.read_text() == "import imp  # noqa: OM12001\n"
    sh.write("b.py", "import imp\n")
    sh.run("check", "--no-cache", "--output-format", "json", "-o", "out.json", "b.py")
    assert (sh.root / "out.json").is_symlink() and '"findings"' in report.read_text()
