"""ruff's options that outmoded's users reach for: --ignore-noqa, check --fix-only, --no-respect-gitignore."""

import json

LEGACY = "import imp\nimport imp  # noqa: OM12\nimport asynchat  # noqa: OM12001\nfrom base64 import encodestring\n"


def codes_by_line(result) -> list:
    return [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]


def test_ignore_noqa_reports_what_the_comments_silence_and_the_cache_keeps_them_apart(sh):
    sh.write("a.py", LEGACY)
    sh.write("b.py", "# outmoded: noqa\nimport imp\n")
    check = ("check", "--output-format", "json", "--target-version", "3.13", ".")
    plain = sh.run(*check)
    assert plain.returncode == 1 and codes_by_line(plain) == [(1, "OM12001"), (3, "OM12034"), (4, "OM09023")]
    ignoring = sh.run(*check, "--ignore-noqa")  # the cache of the plain run holds the silenced results
    assert ignoring.returncode == 1
    found = [(f["path"], f["line"]) for f in json.loads(ignoring.stdout)["findings"]]
    assert found == [("a.py", 1), ("a.py", 2), ("a.py", 3), ("a.py", 4), ("b.py", 2)]
    assert codes_by_line(sh.run(*check)) == codes_by_line(plain)  # and the next run reads the comments again


def test_ignore_noqa_does_not_outlive_its_run_in_one_process(project):
    project.write("a.py", "import imp  # noqa: OM12001\n")
    assert project.check_json("--ignore-noqa", "a.py")["findings"][0]["line"] == 1
    assert project.check_json("a.py")["findings"] == []


def test_ignore_noqa_reaches_every_file_type_and_stdin(project):
    # checkers of C sources apply suppressions themselves; stdin is checked outside the runner
    project.write("ext.c", "#include <Python.h>\nstatic void f(PyObject *a) { PyEval_CallObject(a, NULL); }  // noqa: OMC13004\n")
    project.write("a.py", "import imp  # noqa: OM12001\n")
    assert project.check_json("ext.c", "a.py")["findings"] == []
    assert [f["path"] for f in project.check_json("--ignore-noqa", "ext.c", "a.py")["findings"]] == ["a.py", "ext.c"]
    import io
    import sys

    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(b"import imp  # noqa: OM12001\n"))
    try:
        assert [f["line"] for f in project.check_json("--ignore-noqa", "-")["findings"]] == [1]
    finally:
        sys.stdin = stdin


def test_fix_only_fixes_and_neither_shows_nor_fails_on_what_remains(sh):
    legacy = sh.write("a.py", LEGACY + "x = encodestring(b'a')\n")
    diff = sh.run("check", "--fix-only", "--diff", "--target-version", "3.13", ".")
    assert diff.returncode == 1 and "+from base64 import encodebytes" in diff.stdout  # would change: as --diff
    assert "Would fix 1 finding(s) in 1 file(s)." in diff.stderr and "encodestring" in legacy.read_text()
    fixed = sh.run("check", "--fix-only", "--target-version", "3.13", ".")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr  # imp and asynchat remain, unreported
    assert fixed.stdout == "a.py: fixed 1 finding(s)\nFixed 1 finding(s) in 1 file(s).\n"
    assert "encodebytes(b'a')" in legacy.read_text() and "OM12001" not in fixed.stdout + fixed.stderr
    again = sh.run("check", "--fix-only", "--exit-non-zero-on-fix", "--target-version", "3.13", ".")
    assert again.returncode == 0  # nothing changed this time
    legacy.write_text(LEGACY)
    assert sh.run("check", "--fix-only", "--exit-non-zero-on-fix", "--target-version", "3.13", ".").returncode == 1
    assert sh.run("check", "--target-version", "3.13", ".").returncode == 1  # check still reports them


def test_fix_only_fails_on_a_file_it_could_not_read(sh):
    sh.write("a.py", "from base64 import encodestring\n")
    (sh.root / "latin.py").write_bytes(b"# -*- coding: utf-8 -*-\nname = '\xe9'\n")
    result = sh.run("check", "--fix-only", "--target-version", "3.13", ".")
    assert result.returncode == 1
    assert "a.py: fixed 1 finding(s)" in result.stdout and "latin.py: error:" in result.stdout


def test_fix_only_refuses_what_only_checking_does(sh):
    sh.write("a.py", "import imp\n")
    for extra in (["--baseline", "b.json"], ["--add-noqa"], ["--show-fixes"]):
        result = sh.run("check", "--fix-only", *extra, ".")
        assert result.returncode == 2 and "--fix" in result.stderr, result.stderr


def test_no_respect_gitignore_checks_what_gitignore_hides(sh):
    (sh.root / ".git").mkdir()  # a git work tree: its .gitignore counts
    sh.write(".gitignore", "generated/\n")
    sh.write("generated/old.py", "import imp\n")
    sh.write("ok.py", "import importlib\n")
    files = ("check", "--show-files", ".")
    assert sh.run(*files).stdout == "ok.py\n"
    assert sh.run(*files, "--no-respect-gitignore").stdout == "generated/old.py\nok.py\n"
    assert sh.run("check", "--target-version", "3.13", ".").returncode == 0
    hidden = sh.run("check", "--target-version", "3.13", "--output-format", "concise", "--no-respect-gitignore", ".")
    assert hidden.returncode == 1 and hidden.stdout.startswith("generated/old.py:1:8: OM12001")
    sh.write("pyproject.toml", "[tool.outmoded]\nrespect-gitignore = false\n")
    assert sh.run(*files).stdout == "generated/old.py\nok.py\n"
    assert sh.run(*files, "--respect-gitignore").stdout == "ok.py\n"  # the command line wins
    sh.write("pyproject.toml", "[tool.outmoded]\nrespect-gitignore = 'no'\n")
    bad = sh.run(*files)
    assert bad.returncode == 2 and "respect-gitignore must be true or false" in bad.stderr


def test_help_shows_the_options_and_no_internal_one(sh):
    for command in ("check", "fix"):
        shown = sh.run(command, "--help").stdout
        assert "--ignore-noqa" in shown and "--no-respect-gitignore" in shown and "--fix-only" in shown
        assert "--hook" not in shown and "SUPPRESS" not in shown  # the pre-commit hook's own flag
