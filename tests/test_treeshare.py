"""The second pass's whole-tree answers, found once by a helper in the gap between the passes."""

import os

import pytest

from outmoded import projectfiles, reads, treeshare, treestamps

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper is forked")

FACADE = "from sys import version_info\nif version_info >= (3, 6):\n    from pkg._new import f\n" \
         "else:\n    from pkg._old import f\n"


def test_the_helper_answers_what_a_worker_would(tmp_path):
    texts = {"setup.py": b"from setuptools import setup\n", "pkg/__init__.py": b"import os\n",
             "pkg/a.py": b"from pkg import (\n    b,\n)\nimport sys\n", "pkg/b.py": b"x = 1\0import nul\n",
             "docs/conf.py": b"  import indented\nfrom . import relative\n"}
    for name, data in texts.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    root = str(tmp_path)
    kept, reads.KEPT = reads.KEPT, True
    try:
        projectfiles.forget()
        with reads.recording() as read_here:
            imports = projectfiles.top_level_imports(root)
        words = imports[0]
        walked = list(projectfiles.sources(root).files())
        projectfiles.forget()
        treeshare.prepare()
        assert treeshare.answer("words", root) is None  # not told the top yet
        treeshare.begin(root)
        treeshare.step_aside()  # stopped, as when the workers start: the first question lets it go on
        shared_words, read_there = treeshare.answer("words", root)
        shared_tree, _ = treeshare.answer("sources", root)
        shared_files = list(shared_tree.files())
        holding = [path for path, _ in shared_tree.holding(b"nul")]
        assert treeshare.answer("words", str(tmp_path / "pkg")) is None  # another top: answered by the asker
        pid = treeshare.SHARED.pid
    finally:
        treeshare.stop()
        reads.KEPT = kept
        projectfiles.forget()
    assert shared_words == imports and {b"pkg", b"b", b"sys", b"setuptools", b"setup", b"relative"} <= words
    assert b"indented" not in words
    tree = treestamps.key("py", root)  # the walk, one read: its stamp taken again is the same
    assert read_there == read_here and read_there[tree] == reads.stamp(tree)
    assert shared_files == walked
    assert holding == [os.path.join(root, "pkg", "b.py")]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # ended and reaped by the run


def test_top_level_imports_are_read_within_each_file(tmp_path):
    # the tree's text holds the files one after the other: a statement at a file's end (its
    # parenthesis never closed, no newline) stops there, and the next file's first line is at
    # column 0 whatever the previous file ended with
    texts = {"a.py": b"import os\nfrom x import (y,", "b.py": b"z)\nimport q", "c.py": b"import last"}
    for name, data in texts.items():
        (tmp_path / name).write_bytes(data)
    projectfiles.forget()
    try:
        words = projectfiles.top_level_words(str(tmp_path))
    finally:
        projectfiles.forget()
    assert words == frozenset({b"import", b"os", b"from", b"x", b"y", b"q", b"last"})


def test_a_word_named_at_column_0_outside_a_directory(tmp_path):
    # unreached's question of a package named among the top-level imports: is it so named by a
    # file outside the package (its own modules' imports run only once it has)?
    texts = {"top.py": b"import a\n", "a/__init__.py": b"from a import b\n", "a/x.py": b"from a.b import y\n",
             "a/b/__init__.py": b"from a.b import c\n", "a/b/c.py": b"import c\n", "a/b/d/e.py": b"import b, c\n",
             "f/g.py": b"import a.b.c\nif 1:\n    import d\n", "f/h/i.py": b"x = 'b'\nfrom a import (\n  x, b)\n",
             "f/j.py": b"import dd, d_x, xd\nfrom d2 import d3"}
    for name, data in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    root = str(tmp_path)
    projectfiles.forget()
    try:
        words = projectfiles.top_level_words(root)
        for directory, expected in (("a", "abcx"), ("a/b", "abcxy"), ("a/b/d", "abcxy"), ("f", "abcy"),
                                    ("f/h", "abcy")):
            inside = os.path.join(root, directory) + os.sep
            assert {word for word in "abcdxy" if projectfiles.top_level_outside(root, word, inside)} == set(expected)
        assert b"d" not in words and projectfiles.top_level_outside(root, "d", os.path.join(root, "a") + os.sep) is False
        # a statement holding a NUL (in a file's bytes) leaves the files uncounted: it may be
        (tmp_path / "f" / "k.py").write_bytes(b"import (\0\n  k)\n")
        projectfiles.forget()
        assert projectfiles.top_level_outside(root, "d", os.path.join(root, "a") + os.sep) is True
    finally:
        projectfiles.forget()


def test_a_large_cold_run_finds_what_one_process_finds_about_the_tree(project):
    # pexpect 4.9's _async.py: pkg/_old.py is imported only for Pythons before 3.6, so it never
    # runs; the second pass answers that from the whole tree, as one process does
    project.write("pyproject.toml", "[project]\nname = 'pkg'\n")
    project.write("pkg/__init__.py", "from pkg import _facade\n")
    project.write("pkg/_facade.py", FACADE)
    project.write("pkg/_new.py", "async def f():\n    pass\n")
    # import imp: a removed module's name, which makes the run start the helper (will_ask)
    project.write("pkg/_old.py", "import asyncio\nimport imp\n\n@asyncio.coroutine\ndef f():\n    yield\n")
    project.write("pkg/_live.py", "import asyncio\n\n@asyncio.coroutine\ndef g():\n    yield\n")
    project.write("pkg/user.py", "from pkg._live import g\n")
    for n in range(80):
        project.write(f"pkg/filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")
    one = project.check_json("--jobs", "1", "--dead-compat", ".")
    two = project.check_json("--jobs", "2", "--dead-compat", ".")
    assert two == one
    assert {(f["path"], f["context"]) for f in two["findings"]} == {("pkg/_old.py", "unreached"),
                                                                     ("pkg/_live.py", None)}


def test_a_helper_never_told_the_top_is_ended(tmp_path):
    treeshare.prepare()
    pid = treeshare.SHARED.pid
    treeshare.step_aside()
    treeshare.stop()
    assert treeshare.SHARED is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def test_the_helper_starts_when_a_removed_modules_name_passes():
    # the second pass asks about the tree at a finding: a removed module's name that the catalog
    # uses for nothing else (imp, cPickle) nearly always is one; Django 5.2.8's words (methods and
    # calls, a module's name also a class's or a function's) are not
    from outmoded.catalog.index import index_for
    from outmoded.prefilter import Passed

    index = index_for((3, 13))
    for words, asks in (({b"has_key"}, False), ({b"hmac", b"new"}, False), ({b"html", b"HTMLParser", b"unescape"}, False),
                        ({b"random", b"sample"}, False), ({b"imp"}, True), ({b"cPickle", b"has_key"}, True)):
        assert treeshare.will_ask({"a.py": Passed({b"has_key"}), "b.py": Passed(words)}, index) is asks, words
    # at 3.11 imp is still there (removed in 3.12)
    assert treeshare.will_ask({"a.py": Passed({b"imp"})}, index_for((3, 11))) is False
    assert treeshare.will_ask({"a.py": Passed({b"cPickle"})}, index_for((3, 11))) is True


# a real check in a process of its own, with --jobs 2: the pid of each process of the run opening
# the project's setup.cfg (an audit hook, inherited by the forked workers, appends it to a file)
OPENERS_PROBE = """
import os, sys
target, log = os.path.abspath("setup.cfg"), os.path.abspath(%r)

def hook(event, args):
    if event == "open" and isinstance(args[0], str) and os.path.abspath(args[0]) == target:
        with open(log, "a") as out:
            out.write("%%d\\n" %% os.getpid())

sys.addaudithook(hook)
from outmoded.cli import main
code = main(["check", "--no-cache", "--jobs", "2", "--format", "json", "--target-version", "3.13", "."])
print(os.getpid(), code)
"""


def test_the_projects_requirements_and_pytest_options_are_read_once_for_the_workers(project, tmp_path_factory):
    """A finding asks what the project installs (a backport providing the module: zombie-imp,
    in setup.cfg's install_requires) and what its pytest configuration ignores (legacy/, its
    addopts): the second pass's workers each read setup.cfg for it, now none does (the run reads
    them while the first pass's workers read: ``treeshare.answer_here``).  The answers are the
    same: imp provided, legacy/ never collected."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    project.write("setup.cfg", "[options]\ninstall_requires =\n    zombie-imp\n\n"
                               "[tool:pytest]\naddopts = --ignore=legacy\n")
    project.write("setup.py", "from setuptools import setup\nsetup(name='pkg')\n")
    for n in range(80):
        project.write(f"pkg/filler/m{n}.py", "import os\n\ndef f():\n    return os.sep\n")
    for n in range(8):
        project.write(f"pkg/old{n}.py", "import imp\nimport cgi\n\n\ndef f(m):\n"
                                        "    return imp.reload(m), cgi.escape('x')\n")
        project.write(f"legacy/test_old{n}.py", "import imp\nimport asyncore\n")
    log = tmp_path_factory.mktemp("log") / "openers"
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PYTHONPATH=src, XDG_CACHE_HOME=str(tmp_path_factory.mktemp("cache")))
    run = subprocess.run([sys.executable, "-c", OPENERS_PROBE % str(log)], cwd=project.root, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    *report, last = run.stdout.splitlines()
    parent, code = last.split()
    found = {(f["path"], f["api"]) for f in json.loads("\n".join(report))["findings"]}
    assert code == "1" and found == {(f"pkg/old{n}.py", api) for n in range(8) for api in ("cgi", "cgi.escape")}
    assert set(log.read_text().split()) == {parent}
