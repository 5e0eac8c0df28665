"""Start-up: what a check imports, which pays at every pre-commit run.

Each probe runs in a fresh interpreter without ``site`` (so ``.pth`` files of the test
environment import nothing), with site-packages appended for outmoded's own dependencies, and
lists the modules the check itself imported.  No timings: what is imported is what costs.
"""

import ast
import os
import site
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
LEGACY = ("import imp\nimport unittest\n\n\nclass T(unittest.TestCase):\n"
          "    def test(self):\n        self.assertEquals(imp.reload(imp), 1)\n")
NEVER = ["dataclasses", "typing", "pathlib", "inspect", "hashlib", "yaml", "tempfile", "shutil",
         "multiprocessing", "outmoded.commands.fix", "outmoded.deps", "libcst", "argparse", "gettext", "locale"]

# the probe itself imports nothing (not json: a check must be seen importing it, or not)
PROBE = """
import sys
sys.path[:0] = {src!r}
sys.path += {site!r}
before = set(sys.modules)
from outmoded.cli import main
code = main({argv!r})
print(repr([code, sorted(set(sys.modules) - before)]))
"""


def _probe(cwd: Path, argv: list[str], env: dict) -> tuple[int, set[str]]:
    paths = site.getsitepackages() + [site.getusersitepackages()]
    script = PROBE.format(src=[SRC], site=paths, argv=argv)
    run = subprocess.run([sys.executable, "-S", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    code, modules = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    return code, set(modules)


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    return env


def test_checking_one_file_imports_no_dataclasses_typing_or_pathlib(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "clean.py").write_text("x = 1\n")
    env = _env(tmp_path)
    _probe(tmp_path, ["check", "--no-cache", "-q", "legacy.py"], env)  # compiles the catalog and index
    for name, expected in (("legacy.py", 1), ("clean.py", 0)):
        code, modules = _probe(tmp_path, ["check", "--no-cache", "-q", "--format", "json", name], env)
        assert code == expected
        assert sorted(m for m in NEVER + ["sqlite3"] if m in modules) == [], name
        scanner = ["ast", "outmoded.scan", "outmoded.project", "outmoded.guards"]
        assert sorted(m for m in scanner if m in modules) == ([] if name == "clean.py" else sorted(scanner)), name
    # a file the prefilter clears, reported as JSON: no regular expression, no json module
    assert sorted(m for m in CLEARED_NEVER if m in modules) == []


# what a check of a file the prefilter clears does without: re (with enum) and json (which
# imports re) are a third of its instructions; importlib
CLEARED_NEVER = ["re", "enum", "json", "importlib"]


def test_a_project_check_of_a_cleared_file_imports_no_re_or_json(tmp_path):
    """In a project with a pyproject.toml (remembered as JSON)."""
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.10"\n[tool.outmoded]\nselect = ["OM"]\n')
    (tmp_path / "clean.py").write_text("x = 1\n")
    env = _env(tmp_path)
    for _ in range(2):  # the first run compiles the catalog and remembers the settings
        code, modules = _probe(tmp_path, ["check", "--no-cache", "--target-version", "3.13", "--format", "json",
                                          "clean.py"], env)
    assert code == 0
    assert sorted(m for m in NEVER + CLEARED_NEVER if m in modules) == []


def test_checking_a_file_with_a_coding_cookie_imports_no_tokenize(tmp_path):
    """A utf-8, latin-1 or ascii cookie is read as tokenize reads it, without importing tokenize
    (~5.5M instructions: each first-pass worker of Twisted 18.9 paid it for its four files saying
    coding: utf-8); one it alone can judge still imports it."""
    env = _env(tmp_path)
    for cookie, imported in ((b"# -*- coding: utf-8 -*-", False), (b"#!/usr/bin/env python\n# coding=latin-1", False),
                             (b"# vim: set fileencoding=ascii :", False), (b"# coding: cp1252", True)):
        (tmp_path / "cookie.py").write_bytes(cookie + b"\n" + LEGACY.encode())
        code, modules = _probe(tmp_path, ["check", "--no-cache", "-q", "cookie.py"], env)
        assert (code, "tokenize" in modules) == (1, imported), cookie


def test_a_warm_run_on_cached_files_imports_no_scanner(tmp_path):
    """A pre-commit run whose files are all cached: no catalog index, no parser, no scanner."""
    project = tmp_path / "project"
    (project / "pkg").mkdir(parents=True)
    (project / "pkg" / "__init__.py").write_text("")
    (project / "pkg" / "legacy.py").write_text(LEGACY)
    (project / "pkg" / "clean.py").write_text("x = 1\n")
    env = _env(tmp_path)
    files = ["pkg/legacy.py", "pkg/clean.py"]
    first, _ = _probe(project, ["check", "-q", *files], env)
    code, modules = _probe(project, ["check", "-q", *files], env)
    assert first == code == 1
    scanner = ["outmoded.engine", "outmoded.scan", "outmoded.catalog.index", "outmoded.prefilter", "outmoded.project",
               "outmoded.scopes", "ast"]
    assert sorted(m for m in NEVER + scanner if m in modules) == []
    assert "_sqlite3" in modules and "sqlite3" not in modules  # the cache answered, without sqlite3.dbapi2


def test_the_pre_commit_entry_imports_only_the_command_it_runs(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    env = _env(tmp_path)
    script = PROBE.replace("from outmoded.cli import main", "from outmoded.integrations.precommit import main")
    paths = site.getsitepackages() + [site.getusersitepackages()]
    argv = ["check", "--no-cache", "-q", "legacy.py"]
    for _ in range(2):  # the first run compiles the catalog
        run = subprocess.run([sys.executable, "-S", "-c", script.format(src=[SRC], site=paths, argv=argv)],
                             cwd=tmp_path, env=env, capture_output=True, text=True)
    code, modules = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    assert code == 1
    assert sorted(m for m in NEVER + ["outmoded.commands.rules", "outmoded.commands.explain"] if m in modules) == []


def test_pyproject_and_bounds_are_remembered_as_json_and_follow_edits(tmp_path, monkeypatch):
    from outmoded import settings_cache
    from outmoded.config import ConfigError, load_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(settings_cache, "_BOUNDS", {})
    project = tmp_path / "project"
    project.mkdir()
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[project]\nrequires-python = ">=3.9,<3.12"\n[tool.outmoded]\nselect = ["OM12"]\n')
    first = load_settings(start=str(project))
    assert (first.requires_python, first.select, first.resolved_target()) == (">=3.9,<3.12", ("OM12",), (3, 11))
    stored = sorted(p.name.split("-")[0] for p in (tmp_path / "user-cache" / "outmoded" / "settings").iterdir())
    assert stored == ["bound", "pyproject"]
    parsed = []
    monkeypatch.setattr("outmoded.config._load_toml", lambda path, data=None: parsed.append(path) or {})
    assert load_settings(start=str(project)).select == ("OM12",)  # from the cache: not parsed
    assert parsed == []
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    pyproject.write_text('[project]\nrequires-python = ">=3.9,<3.12"\n[tool.outmoded]\nselect = ["OM11"]\n')
    assert load_settings(start=str(project)).select == ("OM11",)  # same size, same second: the bytes differ
    for damaged in (tmp_path / "user-cache" / "outmoded" / "settings").iterdir():
        damaged.write_bytes(b"\x80 not json")
    settings_cache._BOUNDS.clear()
    again = load_settings(start=str(project))
    assert (again.select, again.resolved_target(), again.resolved_min_version()) == (("OM11",), (3, 11), (3, 9))
    pyproject.write_text('[project]\nrequires-python = "not a specifier"\n')
    from outmoded.catalog import LATEST_RELEASE
    from outmoded.config.settings import InvalidRequirement, _bound

    for _ in range(2):  # an error is never remembered
        try:
            _bound("not a specifier", highest=True)
        except InvalidRequirement as exc:
            assert "not a valid specifier" in str(exc)
        else:
            raise AssertionError("a bad specifier passed")
    ignored = load_settings(start=str(project))  # ignored, as pip ignores it (with a warning)
    assert (ignored.resolved_target(), ignored.declared_floor()) == (LATEST_RELEASE, None)
    pyproject.write_text('[tool.outmoded]\nwhen = 1979-05-27\n')  # a TOML date: not JSON, never kept
    for _ in range(2):
        try:
            load_settings(start=str(project))
        except ConfigError as exc:
            assert "unknown key 'when'" in str(exc)
        else:
            raise AssertionError("an unknown key passed")


def test_a_check_in_a_project_imports_neither_tomllib_nor_packaging_once_remembered(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.10"\n')
    (tmp_path / "clean.py").write_text("x = 1\n")
    env = _env(tmp_path)
    _probe(tmp_path, ["check", "--no-cache", "-q", "clean.py"], env)
    code, modules = _probe(tmp_path, ["check", "--no-cache", "-q", "clean.py"], env)
    assert code == 0
    assert sorted(m for m in NEVER + ["tomllib", "tomli", "packaging", "datetime"] if m in modules) == []


def test_a_setuptools_projects_python_requires_is_remembered_and_follows_edits(tmp_path):
    """setup.cfg (configparser) and setup.py (ast) are read once; an edit of either is read again."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "setup.cfg").write_text("[metadata]\nname = p\n")
    (project / "setup.py").write_text("from setuptools import setup\nsetup(python_requires='>=3.9,<3.12')\n")
    (project / "legacy.py").write_text(LEGACY)
    env = _env(tmp_path)
    argv = ["check", "--no-cache", "-q", "--show-settings", "legacy.py"]
    runs = [_probe(project, argv, env) for _ in range(2)]
    assert [code for code, _ in runs] == [0, 0]
    assert {"ast", "configparser"} <= runs[0][1] and not {"ast", "configparser"} & runs[1][1]
    shown = subprocess.run([sys.executable, "-m", "outmoded", *argv], cwd=project, capture_output=True, text=True,
                           env=dict(env, PYTHONPATH=SRC)).stdout
    assert "target-version = '3.11'" in shown
    (project / "setup.py").write_text("from setuptools import setup\nsetup(python_requires='>=3.9,<3.11')\n")
    shown = subprocess.run([sys.executable, "-m", "outmoded", *argv], cwd=project, capture_output=True, text=True,
                           env=dict(env, PYTHONPATH=SRC)).stdout
    assert "target-version = '3.10'" in shown


def _corpus_files():
    import glob

    roots = [str(Path(SRC) / "outmoded"), os.path.dirname(os.__file__)]
    return [p for root in roots for p in glob.glob(os.path.join(root, "**", "*.py"), recursive=True)][:3000]


HEADER_CASES = [b"class A(B)", b"classclass A(B)", b"class  A (B", b"class\tA\t(B)\nclass C(D)", b"class A:",
                b"class (A)", b"xclass A(B)", b"class A(B(C))", b"class A()", b"class\nA(B)", b"class 1(B)",
                b"class A(\n B,\n C)", b"class A(B)class C(D)", b"class class A(B)", b"class A", b"class A(",
                b"class", b"class ", b"class A\r\n(B)", b"class \xffA(B)", b"class A.B(C)", b"class A\n(B)",
                b"class A(B, metaclass=M)", b"class A(x=1, y = 2, C)", b"class A(1B, .C, D.E1)", b"class A:",
                b"class A :", b"class A\t:x", b"class A(:", b"class A:class B:", b"class A:(B)", b"class A;:"]
BASES_CASES = [b"a=1", b"a = 1, b", b"x, metaclass=M", b"a==b", b"1a=2", b"a.b=c,d", b"=x", b"a b=c", b",a=,",
               b"\xff=1", b"a\t=1,b\t = 2", b"", b"abc", b"a,=b", b"1a.2b, .5x, 12, _q"]
FLAG_CASES = [b"PYPY3 = PY2PY3 = PY", b"PY3 = True", b"  PY2=1", b"x == 1", b"x =", b"x =\n", b"\tversion\t= (3,)",
              b"= 1", b"a b = 1", b"1x = 2", b"x=", b"x==", b"x=y", b"Y", b"PY", b"YPY2", b"PPY3Y", b"PY2",
              b"xPY3", b"PYY3", b"YY2PY", b"PY2PY3PY2"]  # ``PY2``/``PY3`` found by their ``Y``


def _written_at(data: bytes, word: bytes) -> list[int]:
    found, position = [], data.find(word)
    while position >= 0:
        found.append(position)
        position = data.find(word, position + 1)
    return found


def test_class_headers_and_flags_read_without_re_as_the_regexes_read_them():
    """classheaders reads class headers and flag lines with bytes methods until re is imported: the
    same matches as CLASS_RE, WORD_RE, KEYWORD_RE and FLAG_LINE_RE, on generated text and on
    every module of outmoded and of the standard library."""
    from outmoded import classheaders as t

    texts = HEADER_CASES + [Path(p).read_bytes() for p in _corpus_files()]
    for data in texts:
        expected = [(m.start(), m[1], m[2]) for m in t.CLASS_RE.finditer(data)]
        assert t._class_headers_found(data) == expected
        assert t._class_headers(data) == expected  # re imported here: each ``class`` found, CLASS_RE matched there
        assert t._flag_words(data) == tuple(_written_at(data, word) for word in t.FLAG_WORDS)
        for _, _, between in (e for e in expected if e[2] is not None):  # None: `class Name:`
            assert t._dotted_words(between) == t.WORD_RE.findall(between)
            assert t._without_keywords(between) == t.KEYWORD_RE.sub(b"", between)
    for text in BASES_CASES:
        assert t._dotted_words(text) == t.WORD_RE.findall(text), text
        assert t._without_keywords(text) == t.KEYWORD_RE.sub(b"", text), text
    for data in FLAG_CASES + texts[len(HEADER_CASES):][:500]:
        assert t._flag_words(data) == tuple(_written_at(data, word) for word in t.FLAG_WORDS)
        for line in [0] + [i + 1 for i, byte in enumerate(data) if byte == 10]:
            match = t.FLAG_LINE_RE.match(data, line)
            assert t._assigned_name(data, line) == (match[1] if match else None), (data[line:line + 40])


def test_a_check_of_a_file_with_classes_and_flags_imports_no_re(tmp_path):
    (tmp_path / "clean.py").write_text("import sys\nPY3 = sys.version_info[0] == 3\n\n\n"
                                       "class Base(object):\n    pass\n\n\nclass Point(Base, metaclass=type):\n"
                                       "    x = 1\n")
    env = _env(tmp_path)
    for _ in range(2):
        code, modules = _probe(tmp_path, ["check", "--no-cache", "--target-version", "3.13", "--format", "json",
                                          "clean.py"], env)
    assert code == 0
    assert sorted(m for m in NEVER + CLEARED_NEVER if m in modules) == []


STATEMENT_PIECES = [b"", b" ", b"\t", b"  ", b"try", b"else", b"if x", b":", b"from", b"import", b"a", b"a.b", b"#",
                    b"c", b",", b"\xef\xbb\xbf", b"("]


def test_import_statements_read_without_re_as_the_regex_reads_them():
    """The prefilter reads import statements with bytes methods until re is imported: the groups
    STATEMENT_RE gives, on every statement of four generated pieces and on every import line of
    outmoded and of the standard library."""
    import itertools

    from outmoded import importlines

    def regex(statement):
        match = importlines.STATEMENT_RE.match(statement)
        return (match[1], match[2], match[3]) if match else None

    statements = [b"".join(p) for k in range(1, 5) for p in itertools.product(STATEMENT_PIECES, repeat=k)]
    for path in _corpus_files():
        statements += [s for line in Path(path).read_bytes().split(b"\n") if b"import" in line for s in line.split(b";")]
    for statement in statements:
        assert importlines._statement_read(statement) == regex(statement), statement


COMMA_PIECES = [b"", b" ", b"\t", b"e", b"a.b", b",", b"(", b")", b"\n", b"\r", b":", b"1", b"#"]


def test_python2_comma_forms_read_without_re_as_the_patterns_read_them():
    """oldsyntax.comma_form reads what follows ``raise`` / ``except`` with bytes methods until re
    is imported (``_comma_after``), then with COMMA_TAILS matched there: the same answer after
    every tail of four generated pieces and after each of those words in outmoded and in the
    standard library (CPython 2.7's too, where there is one)."""
    import glob
    import itertools

    from outmoded import oldsyntax

    tails = [b"".join(p) for k in range(1, 5) for p in itertools.product(COMMA_PIECES, repeat=k)]
    texts = [word + tail for word in (b"raise", b"except") for tail in tails]
    old = glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/lib/python2.7/*.py"))
    texts += [Path(p).read_bytes() for p in _corpus_files()[:1500] + old[:300]]
    compared = 0
    for data in texts:
        for word in (b"raise", b"except"):
            at = data.find(word)
            while at >= 0:
                end = at + len(word)
                compared += 1
                assert oldsyntax._comma_after(data, end, word) == bool(
                    oldsyntax.COMMA_TAILS[word].match(data, end)), data[at:end + 40]
                at = data.find(word, end)
    assert compared > 10000

def test_a_check_of_a_file_whose_imports_the_prefilter_reads_imports_no_re(tmp_path):
    """A file naming catalog words, so the prefilter reads its imports, and cleared."""
    (tmp_path / "clean.py").write_text("from __future__ import print_function\nfrom zope.interface import Interface\n"
                                       "import os, sys  # the thread is long gone\n\n\nclass IWorker(Interface):\n"
                                       "    def do(task):\n        'Perform the task in a thread.'\n")
    env = _env(tmp_path)
    for _ in range(2):
        code, modules = _probe(tmp_path, ["check", "--no-cache", "--target-version", "3.13", "--format", "json",
                                          "clean.py"], env)
    assert code == 0
    assert sorted(m for m in NEVER + CLEARED_NEVER if m in modules) == []


def test_the_git_hook_imports_no_parser_of_other_commands_nor_tempfile(tmp_path):
    """hooks/pre-commit runs at every commit: the staged files are checked as `outmoded check`
    reads its line, only the check command imported."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    (repo / "legacy.py").write_text(LEGACY)
    subprocess.run(["git", "add", "legacy.py"], cwd=repo, check=True)
    env = _env(tmp_path)
    script = PROBE.replace("from outmoded.cli import main", "from outmoded.integrations.githook import main")
    paths = site.getsitepackages() + [site.getusersitepackages()]
    for _ in range(2):  # the first run compiles the catalog
        run = subprocess.run([sys.executable, "-S", "-c", script.format(src=[SRC], site=paths, argv=["--no-cache"])],
                             cwd=repo, env=env, capture_output=True, text=True)
    code, modules = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    assert code == 1 and "legacy.py:1:8: OM12001" in run.stdout
    never = [m for m in NEVER if m != "locale"]  # subprocess imports locale: the hook runs git
    assert sorted(m for m in never + ["secrets", "outmoded.commands.rules"] if m in modules) == []


def test_a_check_of_a_c_file_or_a_workflow_imports_no_python_scanner(tmp_path):
    """The C checkers and the workflow checker split lines with the newlines the scanner counts:
    they imported them from ``outmoded.scan``, the Python scanner (and its parser and contexts).
    A finding's fix verdict (``fixability``) read the builtin and stdlib names from
    ``outmoded.scopes``, the scanner's scopes, with its guards."""
    (tmp_path / "ext.c").write_text('#include <Python.h>\nstatic PyObject *f(void) { return PyInt_FromLong(1); }\n')
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      PYTHON_GIL: 0\n    steps:\n"
        "      - run: python -c pass\n")
    env = _env(tmp_path)
    for name, checker in (("ext.c", "outmoded.native.capi"), (".github/workflows/ci.yml", "outmoded.native.workflows")):
        code, modules = _probe(tmp_path, ["check", "--no-cache", "-q", name], env)
        assert code in (0, 1) and checker in modules, name  # its checker ran
        scanner = ("outmoded.scan", "outmoded.contexts", "outmoded.behaviours", "outmoded.scopes", "outmoded.guards")
        assert sorted(m for m in scanner if m in modules) == [], name
        # the C checkers' tables are records: dataclasses imports inspect (a cold run imports the
        # checkers of its C files in the parent, while the first pass's workers read)
        assert sorted(m for m in ("dataclasses", "inspect") if m in modules) == [], name


def test_a_parallel_check_imports_no_python_pickler(tmp_path):
    """The workers' tasks and answers go through the C pickler (``_pickle``): importing
    ``pickle.py`` (its Python pickler, its probe for Jython's ``org.python.core``) cost a
    parallel run's serial start-up 4.2M instructions.  The run finds what it found before."""
    for number in range(80):  # above the threshold for workers: a first pass, then a second
        (tmp_path / f"m{number}.py").write_text("x = 1\n")
    (tmp_path / "legacy.py").write_text(LEGACY)
    env = _env(tmp_path)
    code, modules = _probe(tmp_path, ["check", "--no-cache", "-q", "--jobs", "2", "--target-version", "3.13", "."], env)
    assert code == 1  # legacy.py's imp and assertEquals, from the workers
    assert "outmoded.forkpool" in modules
    assert sorted(m for m in ("pickle", "org") if m in modules) == []
