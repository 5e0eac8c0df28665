"""Bad files become per-file errors; every other file is still checked."""

import os
import subprocess

import pytest


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
    assert '"evil\\nfake.py:1:1: OM00000 forged.py":1:8: OM12001' in out  # quoted as git quotes it


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


def test_an_expression_the_parser_gives_up_on_is_that_files_error_and_the_run_goes_on(tmp_path):
    """A generated module with a huge flat sum or a long chain of unary minus makes CPython's
    parser raise RecursionError / MemoryError (3.11: at about 3,000 terms / 7,000 signs): the
    file is reported with the Python that tried, every other file is still checked, and the run
    fails (exit 1), through the cache too."""
    import json
    import sys
    from pathlib import Path

    root = tmp_path / "project"
    root.mkdir()
    (root / "good.py").write_text("import imp\n")
    (root / "sum.py").write_text("import imp\nx = " + "1" + " + 1" * 200_000 + "\n")
    (root / "signs.py").write_text("import imp\nx = " + "-" * 300_000 + "1\n")
    (root / "deep_call.py").write_text("import imp\nimp.reload(" + "f(" * 180 + ")" * 180 + ")\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"),
               XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    running = "Python {}.{}.{}".format(*sys.version_info[:3])
    for cache in (["--no-cache"], [], []):  # without the cache, then cold and warm through it
        run = subprocess.run([sys.executable, "-m", "outmoded", "check", "--format", "json", "--target-version",
                              "3.13", *cache, "."], cwd=root, env=env, capture_output=True, text=True,
                             check=False)
        assert run.returncode == 1, run.stderr
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr
        doc = json.loads(run.stdout)
        errors = {e["path"]: e["message"] for e in doc["errors"]}
        assert set(errors) == {"sum.py", "signs.py"}, errors
        for message in errors.values():
            assert message.startswith("cannot parse: nested too deeply or too large for " + running), message
        assert "good.py" in {f["path"] for f in doc["findings"]}


def test_a_systemerror_from_the_interpreter_is_that_files_error_and_not_cached():
    """CPython 3.11 before 3.11.8 keeps the AST constructor's recursion depth per interpreter: a
    parse in another thread while this one builds its tree (the gap a garbage collection's
    callbacks open) raises 'SystemError: AST constructor recursion depth mismatch' for a correct
    file.  The engine reports it as that file's error, naming the Python, and marks the verdict
    as not to be cached (``reads`` is None), instead of failing the whole run."""
    import gc
    import sys
    import threading
    import time

    import pytest

    if not (3, 11) <= sys.version_info[:3] < (3, 11, 8):
        pytest.skip("the race exists on CPython 3.11 before 3.11.8")
    from outmoded.catalog.index import index_for
    from outmoded.engine import check_source

    index = index_for((3, 13))
    source = ("import imp\n\n\ndef f():\n" + "".join(f"    x{i} = [a.b.c(d, (e, [f, g])) for q in r if s]\n"
                                                    for i in range(2000))).encode()
    stop, failures, results = False, [], []

    def other():
        while not stop:
            try:
                results.append(check_source("other.py", b"import imp\ndef g():\n" + b"    y = [[[[imp]]]]\n" * 50, index))
            except BaseException as exc:  # noqa: BLE001 (the assertion below says which)
                failures.append(exc)

    def yield_the_gil(phase, info):
        time.sleep(0)

    gc.callbacks.append(yield_the_gil)
    threshold = gc.get_threshold()
    gc.set_threshold(50)
    thread = threading.Thread(target=other)
    thread.start()
    try:
        for _ in range(40):
            results.append(check_source("big.py", source, index))
            if any(r.reads is None for r in results):
                break
    finally:
        stop = True
        thread.join()
        gc.callbacks.remove(yield_the_gil)
        gc.set_threshold(*threshold)
    assert failures == []
    hit = [r for r in results if r.reads is None]
    if not hit:
        pytest.skip("the race did not happen in 40 tries")
    (error,) = hit[0].errors
    running = "Python {}.{}.{}".format(*sys.version_info[:3])
    assert error.message.startswith(f"cannot parse: {running} failed on it (SystemError: AST constructor"), error
    assert all(r.errors == [] and r.findings for r in results if r.reads is not None)


def test_a_deep_but_valid_expression_is_checked_like_any_other(project):
    """A 500-term or 2,000-term ``a + b + ...`` chain (generated code) is valid, and the running
    Python compiles it; the analysis walking its 500-deep tree exceeded the default recursion
    limit, so the file was reported as one it gave up on and what follows went unchecked."""
    for terms in (500, 2000):
        chain = "+".join(f"a{i}" for i in range(terms))
        compile(chain, "chain", "eval")  # valid here, as on the target
        project.write("chain.py", f"import imp\nx = {chain}\nimp.reload(x)\n")
        doc = project.check_json("chain.py")
        assert doc["errors"] == [], terms
        assert [(f["line"], f["api"]) for f in doc["findings"]] == [(1, "imp"), (3, "imp.reload")], terms


def test_files_read_whole_and_only_regular_ones(tmp_path):
    """read_regular and read_bytes read with os.read into a buffer of the size fstat gives: every
    byte of an empty, a small and a large file (more than one read's worth), and an error, never a
    wait, for a FIFO or a directory."""
    from outmoded.source import SourceError, read_bytes, read_regular

    for name, data in (("empty.py", b""), ("small.py", b"import imp\r\n\0x"), ("large.py", bytes(range(256)) * 5000)):
        (tmp_path / name).write_bytes(data)
        assert read_regular(str(tmp_path / name)) == data
        assert read_bytes(str(tmp_path / name)) == data
    os.mkfifo(tmp_path / "pipe.py")
    for path in (tmp_path / "pipe.py", tmp_path):
        with pytest.raises(OSError):
            read_regular(str(path))
        with pytest.raises(SourceError):
            read_bytes(str(path))


def test_a_fifo_named_like_a_module_is_reported_not_waited_on(tmp_path):
    """A FIFO named x.py (a pipe left by a tool): the text index opened it and the run waited
    for a writer for ever; now it is that file's error, in a small run and a parallel one."""
    import json
    import sys
    from pathlib import Path

    root = tmp_path / "project"
    root.mkdir()
    os.mkfifo(root / "pipe.py")
    (root / "a.py").write_text("import imp\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"),
               XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    for extra in ([], ["--no-cache"]):
        for n in (0, 150):  # 150 more files: the workers' first pass
            for i in range(n):
                (root / f"m{i}.py").write_text(f"x = {i}\n")
            run = subprocess.run([sys.executable, "-m", "outmoded", "check", "--format", "json", "--jobs", "2",
                                  *extra, "."], cwd=root, env=env, capture_output=True, text=True, timeout=120)
            assert run.returncode == 1, run.stderr
            doc = json.loads(run.stdout)
            assert doc["errors"] == [{"path": "pipe.py", "message": "not a regular file"}]
            assert [f["path"] for f in doc["findings"]] == ["a.py"]


def test_symlinks_a_walk_does_not_check_are_said_and_a_named_one_is_checked(tmp_path):
    """A walk met a symlink to a device (``zero.py -> /dev/zero``), to a file or a directory
    outside the tree, and passed over all three without a word (exit 0).  Now the device is that
    file's error, as a FIFO in the tree is (exit 1), and the two outside are named on stderr; a
    symlink to a directory named on the command line is walked (it was 'is a directory', exit 1,
    nothing checked).  Real files, a real process."""
    import json
    import sys
    from pathlib import Path

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.py").write_text("import imp\n")
    root = tmp_path / "project"
    root.mkdir()
    (root / "ok.py").write_text("import importlib\n")
    os.symlink(outside / "far.py", root / "far_link.py")
    os.symlink(outside, root / "linked_dir")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"),
               XDG_CACHE_HOME=str(tmp_path / "user-cache"))

    def check(*args):
        run = subprocess.run([sys.executable, "-m", "outmoded", "check", "--no-cache", "--format", "json",
                              "--target-version", "3.13", *args], cwd=root, env=env, capture_output=True, text=True,
                             timeout=120)
        return run.returncode, json.loads(run.stdout), run.stderr

    code, doc, err = check(".")
    assert (code, doc["findings"], doc["errors"]) == (0, [], [])  # links out of the tree: not checked here...
    assert f"far_link.py: not checked: a symlink to {outside / 'far.py'}, outside the tree" in err  # ...but said
    assert f"linked_dir: not checked: a symlink to the directory {outside}, outside the tree" in err
    os.symlink("/dev/zero", root / "zero.py")
    code, doc, err = check(".")
    assert code == 1
    assert doc["errors"] == [{"path": "zero.py", "message": "not a regular file: a symlink to /dev/zero"}]
    code, doc, err = check("linked_dir")
    assert code == 1 and doc["errors"] == []
    assert [(f["path"], f["api"]) for f in doc["findings"]] == [(os.path.join("linked_dir", "far.py"), "imp")]


# heads of files: each decoded by outmoded.source.decode and by what tokenize.detect_encoding
# answers (its encoding, or its SyntaxError), in this interpreter and in each real one
AS_TOKENIZE_READS = r'''
import codecs, io, itertools, tokenize
from outmoded.source import SourceError, decode

COOKIES = [b"# -*- coding: utf-8 -*-", b"# coding=latin-1", b"#coding:ascii", b"# vim: set fileencoding=UTF_8 :",
           b"# coding: latin1", b"# coding: utf8", b"# coding: utf-8-sig", b"# coding: ISO_LATIN_1-x",
           b"# coding: us-ascii", b"# coding: klingon", b"# coding: utf-16", b"# coding: cp1252", b"# coding: euc-jp",
           b"\t\f # x coding:\tiso-8859-1", b"# coding : utf-8", b"# coding: \xc3\xa9", b"x = 1  # coding: latin-1",
           b"# encoding: Latin-1 here", b"#\rcoding: latin-1", b"# coding: utf-8\r", b"# coding:",
           b"# codingcoding=ascii"]
OTHERS = [b"", b"# a comment", b"   ", b"\t\f", b"#!/usr/bin/env python", b"x = 1", b"# caf\xc3\xa9", b"# caf\xe9",
          b"\r", b"'coding: utf-8'"]
BODIES = [b"", b"import imp\n", b"name = '\xc3\xa9'\n", b"name = '\xe9'\n", b"x = 1\r\ny = 2"]


def heads():
    lines = COOKIES + OTHERS
    for bom, first, second, body in itertools.product((b"", codecs.BOM_UTF8), lines, lines, BODIES):
        yield bom + first + b"\n" + second + b"\n" + body
        yield bom + first + (b"\n" + second if second else b"")
    yield codecs.BOM_UTF8
    yield b""


def as_tokenize_reads(data):
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError as exc:
        return "bad encoding declaration: " + exc.msg
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        return "not valid %s: byte %d (%s)" % (encoding, exc.start, exc.reason)
    return text[1:] if encoding == "utf-8-sig" and text.startswith("\ufeff") else text, encoding


def decoded(data):
    try:
        source = decode(data, newline=False)
    except SourceError as exc:
        return str(exc)
    return source.text, source.encoding


cases = list(heads())
print([data for data in cases if b"\0" not in data and decoded(data) != as_tokenize_reads(data)][:5], len(cases))
'''


@pytest.mark.parametrize("version", [None, "3.13", "3.14", "3.15"])
def test_encodings_are_read_as_tokenize_reads_them(version):
    """Cookies (utf-8, latin-1, ascii, spelled as the interpreter reads them; others, unknown ones,
    a non-ASCII line, a BOM with or without one), on the first line or the second after a blank
    or comment line, decode to the text and encoding tokenize.detect_encoding answers, or fail
    with its message; in this interpreter and on the real 3.13 to 3.15 (3.14's tokenize reads a
    line's bytes, where 3.13's decodes it first)."""
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    if version is None:
        python = sys.executable
    else:
        from realpythons import real_python

        python = real_python(version)
        if python is None:
            pytest.skip(f"no real python{version}")
    run = subprocess.run([python, "-c", AS_TOKENIZE_READS], env=dict(os.environ, PYTHONPATH=src),
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["[]", "20482"]
