"""Bad files become per-file errors; every other file is still checked."""

import os
import subprocess


def test_bad_input_tree(project):
    p = project
    p.write("good.py", "import imp\n")
    p.write("py2.py", "import imp\nprint 'x'\n")
    p.write("latin.py", data=b"# no cookie\nimport imp\nname = '\xe9'\n")
    p.write("cookie.py", data=b"# -*- coding: latin-1 -*-\nimport imp\nname = '\xe9'\n")
    p.write("bom.py", data=b"\xef\xbb\xbfimport imp\n")
    p.write("crlf.py", data=b"import os\r\nimport imp\r\n")
    p.write("nul.py", data=b"import imp\x00\n")
    p.write("empty.py", data=b"")
    p.write("deep.py", "import imp\nx = " + "(" * 300 + "1" + ")" * 300 + "\n")
    p.write("wide.py", "import imp\nx = [" + "1," * 200_000 + "]\n")
    p.write("badcookie.py", data=b"# -*- coding: klingon -*-\nimport imp\n")
    (p.root / "dir.py").mkdir()
    p.write("dir.py/inner.py", "import imp\n")
    os.symlink("missing.py", p.root / "dangling.py")
    os.symlink("loop.py", p.root / "loop.py")
    code, out, err = p.run("check", "--no-cache", "--format", "json", "--target-version", "3.13", ".")
    assert code == 1, err
    import json

    doc = json.loads(out)
    errors = {e["path"]: e["message"] for e in doc["errors"]}
    assert "cannot parse" in errors["py2.py"]
    assert "utf-8" in errors["latin.py"]
    assert "NUL" in errors["nul.py"]
    assert "klingon" in errors["badcookie.py"]
    assert "dangling" in errors["dangling.py"]
    assert "loop" in errors["loop.py"]
    assert "deep.py" in errors or any(f["path"] == "deep.py" for f in doc["findings"])
    found = {f["path"] for f in doc["findings"]}
    assert {"good.py", "cookie.py", "bom.py", "crlf.py", "wide.py", "dir.py/inner.py"} <= found
    assert "empty.py" not in errors
    bom = next(f for f in doc["findings"] if f["path"] == "bom.py")
    assert (bom["line"], bom["column"]) == (1, 8)


def test_unreadable_file(project):
    if os.geteuid() == 0:
        import pytest

        pytest.skip("root reads every file")
    path = project.write("secret.py", "import imp\n")
    path.chmod(0)
    code, out, _ = project.run("check", "--no-cache", ".")
    assert code == 1 and "secret.py: error: cannot read" in out


def test_missing_path(project):
    code, out, _ = project.run("check", "--no-cache", "nope.py")
    assert code == 1 and "nope.py: error: no such file" in out


def test_hostile_file_name_cannot_forge_output_lines(project):
    project.write("evil\nfake.py:1:1: OM00000 forged.py", "import imp\n")
    code, out, _ = project.run("check", "--no-cache", ".")
    assert code == 1
    assert not any(line.startswith("fake.py") for line in out.splitlines())
    assert "evil\\x0afake.py" in out


def test_gitignore_exclude_and_symlinks(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "far.py").write_text("import imp\n")
    subprocess.run(["git", "init", "-q", str(project.root)], check=True)
    project.write(".gitignore", "generated/\n*_pb2.py\n")
    project.write("generated/a.py", "import imp\n")
    project.write("x_pb2.py", "import imp\n")
    project.write("real.py", "import imp\n")
    os.symlink(outside / "far.py", project.root / "far_link.py")
    os.symlink(outside, project.root / "linked_dir")
    os.symlink(project.root, project.root / "self_loop")
    doc = project.check_json(".")
    assert [f["path"] for f in doc["findings"]] == ["real.py"]
    assert doc["errors"] == []


def test_gitignore_outside_a_git_work_tree_hides_nothing(project):
    # an unpacked sdist ships the project's .gitignore, but no repository: its lib/ is real code
    project.write("pkg-1.0/.gitignore", "lib/\n")
    project.write("pkg-1.0/pkg/lib/a.py", "import imp\n")
    assert [f["path"] for f in project.check_json(".")["findings"]] == ["pkg-1.0/pkg/lib/a.py"]
    subprocess.run(["git", "init", "-q", str(project.root / "pkg-1.0")], check=True)
    assert project.check_json(".")["findings"] == []


def test_excluded_files_are_checked_when_named_unless_force_exclude(project):
    """ruff's semantics: naming a file checks it; --force-exclude (the pre-commit hooks) does not."""
    project.write("pyproject.toml", "[tool.outmoded]\nexclude = ['legacy/']\n")
    project.write("legacy/a.py", "import imp\n")
    subprocess.run(["git", "init", "-q", str(project.root)], check=True)
    project.write(".gitignore", "build/\n")
    project.write("build/b.py", "import imp\n")
    assert [f["api"] for f in project.check_json("legacy/a.py", "build/b.py")["findings"]] == ["imp", "imp"]
    assert project.check_json("--force-exclude", "legacy/a.py", "build/b.py")["findings"] == []


def test_syntax_the_running_python_cannot_read_says_which_python_reads_it(project):
    import sys

    # (it names a removed module, so the prefilter lets it through to the parser)
    body = "type Alias = list[int]\n" if sys.version_info < (3, 12) else "def f(:\n    pass\n"
    project.write("new.py", "import imp\n" + body)
    doc = project.check_json("new.py")
    (error,) = doc["errors"]
    assert error["message"].startswith("cannot parse")
    if sys.version_info < (3, 15):
        assert f"outmoded runs on Python {sys.version_info[0]}.{sys.version_info[1]} here" in error["message"]
