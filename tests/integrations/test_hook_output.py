"""What the hooks print names files as the text reporter does: control characters escaped.

A file name is untrusted text (a pull request chooses it): printed raw, ``\\x1b[31m`` repaints
the terminal and a newline forges a line of its own ("clean.py: fixed 0 finding(s)").  The
pre-commit hooks run ``python -m outmoded.integrations.precommit`` exactly as pre-commit does, on a file
named with both.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")
HOSTILE = "bad\x1b[31m\nforged.py: fixed 9 finding(s)\x07.py"


def _hook(root, *args):
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(root / "user-cache"))
    return subprocess.run([sys.executable, "-m", "outmoded.integrations.precommit", *args], cwd=root, env=env,
                          capture_output=True, text=True, errors="surrogateescape", check=False)


def _assert_escaped(output: str):
    assert "\x1b" not in output and "\x07" not in output
    # quoted as git quotes it, by every output (pathquote): the reports, --show-files, fix's lines
    assert '"bad\\033[31m\\nforged.py: fixed 9 finding(s)\\007.py"' in output
    assert not any(line.startswith("forged.py") for line in output.splitlines())


def test_fix_hook_escapes_control_characters_in_the_names_it_prints(tmp_path):
    (tmp_path / HOSTILE).write_text("import imp\nimp.reload(imp)\n")
    run = _hook(tmp_path, "fix", "--target-version", "3.13", HOSTILE)
    assert run.returncode == 0, run.stderr
    assert "fixed 1 finding(s)" in run.stdout or "fixed 2 finding(s)" in run.stdout
    _assert_escaped(run.stdout + run.stderr)


def test_check_hook_escapes_control_characters_in_the_names_it_prints(tmp_path):
    (tmp_path / HOSTILE).write_text("import imp\nimp.reload(imp)\n")
    run = _hook(tmp_path, "check", "--target-version", "3.13", HOSTILE)
    assert run.returncode == 1, run.stderr
    _assert_escaped(run.stdout + run.stderr)


def test_show_files_escapes_the_names_it_lists(tmp_path):
    os.symlink("missing.py", tmp_path / HOSTILE)
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    run = subprocess.run([sys.executable, "-m", "outmoded", "check", "--show-files", HOSTILE], cwd=tmp_path, env=env,
                         capture_output=True, text=True, errors="surrogateescape", check=False)
    _assert_escaped(run.stdout + run.stderr)


def test_fix_diff_quotes_such_names_as_git_does_and_git_applies_it(tmp_path):
    import shutil

    if shutil.which("git") is None:
        import pytest

        pytest.skip("no git")
    (tmp_path / HOSTILE).write_text("import imp\nimp.reload(imp)\n")
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    run = subprocess.run([sys.executable, "-m", "outmoded", "fix", "--diff", "--no-cache", "--target-version", "3.13",
                          HOSTILE], cwd=tmp_path, env=env, capture_output=True, text=True, errors="surrogateescape",
                         check=False)
    assert run.returncode == 1, run.stderr
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert not any(line.startswith("forged.py") for line in run.stdout.splitlines())
    assert '--- "a/bad\\033[31m\\nforged.py: fixed 9 finding(s)\\007.py"' in run.stdout
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    applied = subprocess.run(["git", "apply", "--check", "-"], cwd=tmp_path, input=run.stdout, text=True,
                             errors="surrogateescape", capture_output=True, check=False)
    assert applied.returncode == 0, applied.stderr


def test_fix_hook_fails_naming_the_files_it_could_not_read(tmp_path):
    """The fix hook prints what it fixed, not the findings left; a file it could not read or
    parse was left out too, so a hook configured alone passed a commit of Python 2 code, a
    dangling symlink or a FIFO (exit 0, nothing printed)."""
    (tmp_path / "a.py").write_text("import imp\nimp.reload(x)\n")
    (tmp_path / "py2.py").write_text('print "x"\n')
    os.symlink("gone.py", tmp_path / "dangling.py")
    os.mkfifo(tmp_path / "fifo.py")
    run = _hook(tmp_path, "fix", "--target-version", "3.13", "a.py", "py2.py", "dangling.py", "fifo.py")
    assert run.returncode == 1, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "a.py: fixed 2 finding(s)"
    assert [line.split(":")[0] for line in lines[1:]] == ["dangling.py", "fifo.py", "py2.py"]
    assert "cannot parse" in lines[3] and "importlib.reload" in (tmp_path / "a.py").read_text()
    alone = _hook(tmp_path, "fix", "--target-version", "3.13", "py2.py")
    assert alone.returncode == 1 and alone.stdout.startswith("py2.py: error: cannot parse")


def test_fix_names_a_file_as_check_does_in_every_mode_and_its_diff_applies(tmp_path):
    """A file name holding a byte that is not UTF-8 and a newline is written as git writes it,
    ``"bad\\377\\nname.py"``, by ``check`` and by every output of ``fix``: its per-file lines
    (``--fix-only``, the pre-commit hook) wrote ``bad\\udcff\\x0aname.py``, and its diff's headers
    the raw byte; the diff still applies with ``git apply`` and GNU ``patch -p1``."""
    import shutil

    name = os.fsdecode(b"bad\xff\nname.py")
    source = "import unittest\nclass T(unittest.TestCase):\n    def test(self):\n        self.assertEquals(1, 1)\n"
    quoted = '"bad\\377\\nname.py"'
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(tmp_path / "user-cache"))

    def run(*args, module="outmoded"):
        (tmp_path / name).write_text(source)  # each run starts from the unfixed file
        return subprocess.run([sys.executable, "-m", module, *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, errors="surrogateescape", check=False)

    checked = run("check", "--no-cache", "--target-version", "3.13", ".")
    assert checked.stdout.startswith(quoted + ":4:9: OM12003 [*]"), checked.stdout
    assert run("fix", "--no-cache", "--fix-only", "--target-version", "3.13", ".").stdout.splitlines()[0] \
        == quoted + ": fixed 1 finding(s)"
    assert run("fix", "--target-version", "3.13", name, module="outmoded.integrations.precommit").stdout \
        == quoted + ": fixed 1 finding(s)\n"
    diff = run("fix", "--no-cache", "--diff", "--target-version", "3.13", ".")
    assert diff.stdout.splitlines()[:2] == ["--- \"a/bad\\377\\nname.py\"", "+++ \"b/bad\\377\\nname.py\""]
    for tool in (["git", "apply", "-"], ["patch", "-p1"]):
        if shutil.which(tool[0]) is None:
            continue
        if tool[0] == "git":
            subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        (tmp_path / name).write_text(source)
        applied = subprocess.run(tool, cwd=tmp_path, input=diff.stdout, text=True, errors="surrogateescape",
                                 capture_output=True, check=False)
        assert applied.returncode == 0, applied.stdout + applied.stderr
        assert (tmp_path / name).read_text() == source.replace("assertEquals", "assertEqual")
