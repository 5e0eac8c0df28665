"""The check command as a user runs it: formats, exit codes, config, suppression, cache."""

import json

IMP = "import imp\n"


def test_text_output_and_exit_code(project):
    project.write("src/a.py", "import imp\nimp.reload(imp)\n")
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise", "src")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("src/a.py:1:8: OM")
    assert "`imp` was removed in Python 3.12" in lines[0]
    assert "[*]" in lines[1] and "importlib.reload" in lines[1]
    assert "Found 2 findings for Python 3.13 (2 errors, 0 warnings) in 1 file." in out


def test_clean_tree_exits_zero(project):
    project.write("ok.py", "import importlib\n")
    code, out, _ = project.run("check", "--no-cache", ".")
    assert code == 0
    assert "All checks passed" in out


def test_exit_zero(project):
    project.write("a.py", IMP)
    assert project.run("check", "--no-cache", "--exit-zero", ".")[0] == 0


def test_json_shape(project):
    project.write("a.py", "import json\njson.loads('1', encoding='utf-8')\n")
    doc = project.check_json(".")
    assert doc["target_version"] == "3.13"
    finding = doc["findings"][0]
    assert set(finding) >= {"path", "line", "column", "end_line", "end_column", "code", "api", "removed_in",
                            "deprecated_in", "severity", "message", "replacement", "fix"}
    assert (finding["path"], finding["line"], finding["column"]) == ("a.py", 2, 17)  # at `encoding=`
    assert finding["removed_in"] == "3.9" and finding["fix"] == "safe"
    assert doc["errors"] == []


def test_columns_count_characters_not_bytes(project):
    project.write("a.py", "x = 'ééé'; import imp\n")
    finding = project.check_json(".")["findings"][0]
    assert (finding["column"], finding["end_column"]) == (19, 22)


def test_target_from_requires_python(project):
    project.write("pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.8,<3.12"\n')
    project.write("a.py", IMP)
    code, out, _ = project.run("check", "--no-cache", ".")
    assert code == 0 and "Python 3.11" in out
    project.write("pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.9"\n')
    code, out, _ = project.run("check", "--no-cache", ".")
    assert code == 1 and "Python 3.15" in out


def test_config_section(project):
    project.write("pyproject.toml", """\
        [tool.outmoded]
        target-version = "3.12"
        extend-exclude = ["vendored/"]
        ignore = ["OM12"]
        """)
    project.write("a.py", "import imp\nimport asyncore\nimport telnetlib\n")
    project.write("vendored/b.py", "import asyncore\n")
    doc = json.loads(project.run("check", "--no-cache", "--format", "json", ".")[1])
    assert doc["target_version"] == "3.12"
    assert doc["findings"] == []


def test_broken_config_is_a_usage_error(project):
    project.write("pyproject.toml", "[tool.outmoded]\ntarget_versoin = '3.13'\n")
    project.write("a.py", IMP)
    code, _, err = project.run("check", ".")
    assert code == 2 and "target_versoin" in err
    project.write("pyproject.toml", "[tool.outmoded\n")
    code, _, err = project.run("check", ".")
    assert code == 2 and "pyproject.toml" in err


def test_unknown_rule_code_is_a_usage_error(project):
    project.write("a.py", IMP)
    code, _, err = project.run("check", "--select", "XYZ1", ".")
    assert code == 2 and "XYZ1" in err
    assert project.run("check", "--target-version", "banana", ".")[0] == 2
    assert project.run("check", "--format", "yaml", ".")[0] == 2


def test_select_by_prefix(project):
    project.write("a.py", "import imp\nimport telnetlib\n")
    doc = project.check_json("--select", "OM13", ".")
    assert [f["api"] for f in doc["findings"]] == ["telnetlib"]


def test_noqa(project):
    project.write("a.py", """\
        import imp  # noqa: OM12001
        import asyncore  # noqa: OM13001
        import asynchat  # NOQA:OM12
        import telnetlib  # outmoded: ignore[OM13]
        import smtpd
        import cgi  # outmoded: ignore
        """)
    doc = project.check_json(".")
    assert [f["api"] for f in doc["findings"]] == ["asyncore", "smtpd"]
    project.write("b.py", "# outmoded: noqa\nimport imp\n")
    assert project.check_json("b.py")["findings"] == []


def test_noqa_in_any_case_on_any_newline(project):
    """A directive in capitals silences as in lower case, on lines a CRLF or a lone CR ends as on LF
    lines (a finding's line is counted at the parser's newlines)."""
    lines = ["import imp  # NOQA: OM12", "import asyncore", "import telnetlib  # OUTMODED: IGNORE[OM13]", "import smtpd"]
    for newline in ("\n", "\r\n", "\r"):
        project.write("a.py", data=newline.join(lines).encode())
        assert [(f["line"], f["api"]) for f in project.check_json("a.py")["findings"]] == [
            (2, "asyncore"), (4, "smtpd")], repr(newline)
        project.write("a.py", data=newline.join(["# OUTMODED: NOQA", *lines]).encode())
        assert project.check_json("a.py")["findings"] == [], repr(newline)


def test_noqa_in_a_file_beyond_ascii(project):
    """Text beyond ASCII around a directive (accents, a Kelvin sign, a dotted capital I, which
    lower to k and i) silences as in an ASCII file."""
    project.write("a.py", data="# caf\u00e9 \u212a \u0130\nimport imp  # NoQa: OM12\nimport asyncore  # \u00e9t\u00e9\n"
                  "import telnetlib  # OutModed: ignore[OM13] \u00e9\n".encode())
    assert [f["api"] for f in project.check_json("a.py")["findings"]] == ["asyncore"]
    project.write("b.py", data="# \u00e9\n# OUTMODED: NOQA\nimport imp\n".encode())
    assert project.check_json("b.py")["findings"] == []


def test_a_noqa_written_for_other_linters_does_not_hide_what_breaks(project):
    """A bare ``# noqa``, or one naming only other tools' codes, was written for a linter: the line
    still fails on the target (celery 3.1's ``from imp import reload  # noqa``), so it is reported.
    outmoded's own codes in the same comment, or a second directive on the line, still count."""
    project.write("a.py", """\
        from imp import reload  # noqa
        import asyncore  # NOQA: E402, F401
        import asynchat  # noqa:E402,OM12
        import telnetlib  # noqa  # noqa: OM13
        import smtpd  # noqa  # outmoded: ignore
        import cgi  # noqa: OM
        """)
    doc = project.check_json("a.py")
    assert [(f["line"], f["api"]) for f in doc["findings"]] == [(1, "imp.reload"), (2, "asyncore"), (6, "cgi")]


def test_statistics_and_quiet(project):
    project.write("a.py", "import imp\nimport imp as i\n")
    code, out, _ = project.run("check", "--no-cache", "--statistics", "-q", ".")
    assert out.split() == ["2", project.check_json(".")["findings"][0]["code"], "imp"]


def test_cache_reuses_and_invalidates(project):
    project.write("a.py", IMP)
    first = json.loads(project.run("check", "--format", "json", ".")[1])
    assert (project.root / ".outmoded_cache").is_dir()
    second = json.loads(project.run("check", "--format", "json", ".")[1])
    assert second["findings"] == first["findings"] and first["findings"]
    assert second["stats"]["cached"] == 1
    project.write("a.py", "import importlib\n")
    assert json.loads(project.run("check", "--format", "json", ".")[1])["findings"] == []


def test_many_files_use_the_process_pool(project):
    for n in range(100):
        project.write(f"pkg/m{n}.py", IMP if n % 10 == 0 else "x = 1\n")
    doc = project.check_json("--jobs", "2", "pkg")
    assert len(doc["findings"]) == 10


def test_rules_and_explain(project):
    code, out, _ = project.run("rules", "--removed-in", "3.12", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and rules and all(r["removed_in"] == "3.12" for r in rules)
    imp = next(r for r in rules if r["names"] == ["imp"])
    code, out, _ = project.run("explain", imp["code"].lower())
    assert code == 0 and "Removed in Python 3.12" in out and "importlib" in out
    assert project.run("explain", "OM99999")[0] == 2


def test_a_planted_cache_file_is_data_not_code(project, tmp_path):
    """The cache lives in the checked-out tree: a crafted file must not be executed or crash."""
    import sqlite3

    project.write("a.py", IMP)
    project.run("check", "--format", "json", ".")
    cache_file = project.root / ".outmoded_cache" / "cache.sqlite3"
    assert cache_file.is_file()
    marker = tmp_path / "pwned"
    # a pickle that runs `touch marker` when loaded with pickle.load
    cache_file.write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    code, out, _ = project.run("check", "--format", "json", ".")
    assert not marker.exists()
    assert code == 1 and json.loads(out)["findings"][0]["api"] == "imp"
    # rows that do not fit: bogus findings, a value that is not JSON
    with sqlite3.connect(cache_file) as db:
        db.execute("UPDATE rows SET value = ?", ('[[["bogus"]], []]',))
    assert json.loads(project.run("check", "--format", "json", ".")[1])["findings"][0]["api"] == "imp"
    with sqlite3.connect(cache_file) as db:
        db.execute("UPDATE rows SET value = ?", (b"\x80\x04K\x01.",))
    assert json.loads(project.run("check", "--format", "json", ".")[1])["findings"][0]["api"] == "imp"
    # a database carrying a trigger (SQL run on our writes) and a view is discarded unread
    with sqlite3.connect(cache_file) as db:
        db.execute("CREATE TABLE log (x)")
        db.execute("CREATE TRIGGER t AFTER INSERT ON rows BEGIN INSERT INTO log VALUES (1); END")
        db.execute("CREATE VIEW v AS SELECT 1")
    project.write("a.py", IMP + "\n")
    assert json.loads(project.run("check", "--format", "json", ".")[1])["findings"][0]["api"] == "imp"
    with sqlite3.connect(cache_file) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert names == {"rows", "sqlite_autoindex_rows_1"}


def test_a_target_the_projects_requires_python_excludes_is_said(project):
    # pip and uv refuse to install the project there: checking its code for that Python passes,
    # and the warning says why the upgrade still fails
    project.write("pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.10,<3.15"\n')
    project.write("a.py", "import os\n")
    code, out, err = project.run("check", "--no-cache", "--target-version", "3.15", ".")
    assert code == 0 and "All checks passed for Python 3.15" in out
    assert "warning: the project's Python requirement '>=3.10,<3.15' (" in err
    assert "pyproject.toml) excludes Python 3.15, the target: pip and uv refuse to install the project there; " \
           "widen it to admit 3.15" in err
    for admitted in ("3.14", "3.10"):
        assert "excludes" not in project.run("check", "--no-cache", "--target-version", admitted, ".")[2]
    project.write("pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.9,<3.15"\n'
                                    '[tool.outmoded]\ntarget-version = "3.15"\n')  # said once a run: another value
    assert "excludes Python 3.15, the target" in project.run("check", "--no-cache", ".")[2]
    # a floor above the target has its own warning (tests/cli/test_failure_modes.py)
    project.write("pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.14"\n')
    assert "excludes" not in project.run("check", "--no-cache", "--target-version", "3.13", ".")[2]
