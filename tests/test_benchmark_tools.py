"""The benchmark scripts' own failure modes: a wrong path is a usage error naming it, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def same_output(*args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_output.py"), *args],
                          cwd=cwd, capture_output=True, text=True, timeout=60)


def test_same_output_names_a_missing_corpus_or_checkout(tmp_path):
    missing = tmp_path / "gone"
    for args, message in (
            ([str(ROOT), str(ROOT), "--corpus", f"lib={missing}"], f"corpus directory not found: lib={missing}"),
            ([str(ROOT), str(ROOT), "--corpus", "lib"], "--corpus 'lib': give NAME=DIR"),
            ([str(ROOT), str(missing), "--corpus", f"lib={tmp_path}"], f"after {missing}: not an outmoded checkout")):
        run = same_output(*args, "--out", str(tmp_path / "out"), cwd=tmp_path)
        assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert not (tmp_path / "out").exists()  # nothing ran


def test_noise_names_a_checkout_that_is_not_one(tmp_path):
    missing = tmp_path / "gone"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "noise.py"), "--before", str(missing),
                          "--work", str(tmp_path / "work")], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and f"--before {missing}: not an outmoded checkout" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "work").exists()  # nothing downloaded


def test_same_output_checks_cpython_lib_where_the_real_pythons_tool_builds_it(tmp_path):
    """The default CPython Lib is ``$REAL_PYTHONS_ROOT/sys/lib/python3.13`` (the guide's path, the
    root by default under ``~/.cache``), and ``--help`` says where it is looked for."""
    import os

    root = tmp_path / "real-pythons"
    lib = root / "sys" / "lib" / "python3.13"
    lib.mkdir(parents=True)
    (lib / "old.py").write_text("import imp\n")
    env = dict(os.environ, HOME=str(tmp_path / "home"), REAL_PYTHONS_ROOT=str(root),  # no django, no twisted
               COLUMNS="1000")  # --help on one line
    shown = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_output.py"), "--help"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and f"cpython-lib ({lib}:" in shown.stdout
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_output.py"), str(ROOT), str(ROOT),
                          "--config", "3.13", "--out", str(tmp_path / "out")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[:3] == ["cpython-lib", "3.13", "same"] and "(1 findings" in run.stdout


def test_same_output_checks_only_the_named_corpora_when_asked(tmp_path):
    import os

    root = tmp_path / "real-pythons"  # a default corpus that is there, and must not be checked
    (root / "sys" / "lib" / "python3.13").mkdir(parents=True)
    (root / "sys" / "lib" / "python3.13" / "old.py").write_text("import imp\n")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.py").write_text("import asynchat\nimport asyncore\n")
    env = dict(os.environ, HOME=str(tmp_path / "home"), REAL_PYTHONS_ROOT=str(root))
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_output.py"), str(ROOT), str(ROOT),
                          "--config", "3.13", "--corpus", f"mine={mine}", "--no-default-corpora",
                          "--out", str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["mine         3.13          same (2 findings, parsed 1 -> 1)"]
    run = same_output(str(ROOT), str(ROOT), "--no-default-corpora", "--out", str(tmp_path / "out2"), cwd=tmp_path)
    assert run.returncode == 2 and "no corpus: no --corpus NAME=DIR was given" in run.stderr


def test_realimports_names_a_missing_interpreter(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "realimports.py"), "--target", "3.99",
                          "--only", "six==1.10.0", "--work", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "no python3.99 on PATH" in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_rescue_promise_loads_each_fixed_file_in_a_process_of_its_own(tmp_path):
    """``rescue.py --promise`` counts a fixed file broken when it no longer compiles, or no longer
    imports where it did: each is compiled and imported alone (a src layout from ``src/``), and
    what failed is said."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("rescue", ROOT / "benchmarks" / "rescue.py")
    rescue = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rescue)
    package = tmp_path / "src" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "good.py").write_text("from pkg import __name__ as name\n")
    (package / "gone.py").write_text("import no_such_module_here\n")
    (package / "bad.py").write_text("def f(:\n")
    assert rescue.module_of(Path("src/pkg/__init__.py")) == "pkg"
    states = {name: rescue.load_one(sys.executable, tmp_path, Path("src/pkg") / f"{name}.py")
              for name in ("good", "gone", "bad")}
    assert states["good"] == ("imported", "")
    assert states["gone"][0] == "compiled" and "no_such_module_here" in states["gone"][1]
    assert states["bad"][0] == "failed" and "SyntaxError" in states["bad"][1]


def test_realimports_credits_a_name_a_dead_import_hook_was_to_serve(tmp_path):
    """setuptools 44.1.1: ``from pkg_resources.extern import six`` fails with "cannot import name
    'six' from 'pkg_resources.extern'" on 3.12 and later, because ``extern/__init__.py``'s
    VendorImporter (find_module only, OMB12002) is skipped; that finding is the failure's cause."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from realimports import served_by_dead_importer
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    hook = tmp_path / "pkg_resources" / "extern" / "__init__.py"
    hook.parent.mkdir(parents=True)
    hook.write_text("")
    at = {(str(hook.resolve()), 69): [{"code": "OMB12002"}]}
    failure = {"missing": "pkg_resources.extern",
               "message": "cannot import name 'six' from 'pkg_resources.extern' (/x/pkg_resources/extern/__init__.py)"}
    assert served_by_dead_importer(failure, tmp_path, at) == "pkg_resources/extern/__init__.py:69"
    assert served_by_dead_importer(dict(failure, message="No module named 'pkg_resources.extern'"), tmp_path, at) is None


def test_realimports_excludes_a_failure_raised_in_a_module_put_back(tmp_path):
    """pylint 2.4.4 at 3.14 with 3.11's removed modules put back: astroid 2.3.3's ``import imp``
    runs the copied imp.py, which fails on 3.14 (cannot import name '_ERR_MSG' from
    'importlib._bootstrap'); that is the benchmark's scaffolding failing, not a miss of pylint's."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from realimports import raised_by_put_back
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    put_back = tmp_path / "putback"
    failure = {"raised_in": str(put_back / "imp.py"), "type": "ImportError"}
    assert raised_by_put_back(failure, put_back)
    assert not raised_by_put_back(failure, None)
    assert not raised_by_put_back(dict(failure, raised_in=str(tmp_path / "astroid" / "spec.py")), put_back)


def test_realimports_excludes_a_fallback_failing_after_a_module_the_build_left_out():
    """easygui 0.98.3 on an interpreter built without tkinter: ``from .text_box import ...`` fails on
    the missing ``_tkinter`` and the ``except ImportError:`` fallback fails in turn ("No module named
    'global_state'"); the build left the module out, nothing was removed.  A fallback after a removed
    module (pydub's ``audioop``) is still a removal's."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from realimports import handling_unbuilt
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert handling_unbuilt([{"frames": [], "missing": "_tkinter"}], frozenset({"_tkinter", "tkinter"}))
    assert not handling_unbuilt([{"frames": [], "missing": "audioop"}], frozenset({"_tkinter", "tkinter"}))
    assert not handling_unbuilt([{"frames": [], "missing": None}], frozenset({"_tkinter"}))


def test_realimports_credits_a_finding_on_another_line_of_the_failing_statement(tmp_path):
    """xonsh 0.9.27's ast.py: the real 3.15's traceback names line 7, ``from ast import (``, and the
    finding stands on line 9, ``Num,``; a line of another statement, or inside a function a frame's
    ``def`` line heads, is not the failure's."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from realimports import reported_at
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    module = tmp_path / "ast_nodes.py"
    module.write_text("import sys\nfrom ast import (\n    Module,\n    Num,\n)\ndef f():\n    return Num\n")
    at = {(str(module.resolve()), 4): [{"code": "OM14004"}], (str(module.resolve()), 7): [{"code": "OM14004"}]}
    assert reported_at([[str(module), 2]], at)
    assert not reported_at([[str(module), 1]], at)
    assert not reported_at([[str(module), 6]], {(str(module.resolve()), 7): [{"code": "OM14004"}]})


def test_noise_fetches_any_spelling_and_goes_on_past_a_release_it_cannot_fetch(tmp_path):
    """``rescue.fetch`` asks the index for the canonical name and takes the release's file under
    any spelling (``jaraco.classes-3.4.0.tar.gz`` for ``jaraco-classes==3.4.0``); a release the
    index does not have is a row saying so, the run goes on, and the exit code says one was not
    run.  The index is a local one, served the way the JSON simple API answers."""
    import http.server
    import io
    import json
    import tarfile
    import threading

    served = tmp_path / "index"
    (served / "files").mkdir(parents=True)
    source = b"import imp\n"
    with tarfile.open(served / "files" / "jaraco.classes-3.4.0.tar.gz", "w:gz") as archive:
        member = tarfile.TarInfo("jaraco.classes-3.4.0/jaraco/classes.py")
        member.size = len(source)
        archive.addfile(member, io.BytesIO(source))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(served)))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    (served / "jaraco-classes").mkdir()
    (served / "jaraco-classes" / "index.html").write_text(json.dumps({"files": [
        {"filename": "jaraco.classes-3.4.0.tar.gz", "url": f"{url}/files/jaraco.classes-3.4.0.tar.gz"}]}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        env = dict(__import__("os").environ, PIP_INDEX_URL=url)
        run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "noise.py"), "--cache", str(tmp_path / "cache"),
                              "--work", str(tmp_path / "work"), "--only", "no-such-project==1.0", "--only",
                              "jaraco-classes==3.4.0", "--only", "jaraco.classes==3.4.0"],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stdout.splitlines()[2:] == ["| no-such-project==1.0 | not run: no project no-such-project on the index |",
                                           "| jaraco-classes==3.4.0 | 1 / 0 / 0 |",
                                           "| jaraco.classes==3.4.0 | 1 / 0 / 0 |"], run.stdout
    assert run.returncode == 1 and "1 of 3 releases not run" in run.stderr, run.stderr
