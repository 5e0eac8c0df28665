"""The second pass's whole-tree answers, found once by a helper in the gap between the passes."""

import os

import pytest

from outmoded import projectfiles, reads, treeshare, treestamps
from outmoded.unreached import _top_level_words

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
            words = _top_level_words(root)
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
    assert shared_words == words and {b"pkg", b"b", b"sys", b"setuptools", b"setup", b"relative"} <= words
    assert b"indented" not in words
    tree = treestamps.key("py", root)  # the walk, one read: its stamp taken again is the same
    assert read_there == read_here and read_there[tree] == reads.stamp(tree)
    assert shared_files == walked
    assert holding == [os.path.join(root, "pkg", "b.py")]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # ended and reaped by the run


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
