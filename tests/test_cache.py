"""The per-file results cache and the compiled catalog, as concurrent real runs use them."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from outmoded.store import Store
from outmoded.catalog import compiled, load_catalog

SRC = str(Path(__file__).resolve().parents[1] / "src")
IMP = "import imp\nimp.reload(imp)\n"


def _env(tmp_path, **extra):
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    env.update(extra)
    return env


def _check(root, env, *args):
    return subprocess.Popen([sys.executable, "-m", "outmoded", "check", "--format", "json",
                             "--target-version", "3.13", *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_runs_at_once_share_the_cache(tmp_path):
    """Two pre-commit hooks at once, on overlapping files: both right, and every result kept."""
    root = tmp_path / "project"
    root.mkdir()
    for n in range(300):
        (root / f"m{n}.py").write_text(IMP if n % 3 == 0 else f"x = {n}\n")
    env = _env(tmp_path)
    first = [f"m{n}.py" for n in range(0, 200)]
    second = [f"m{n}.py" for n in range(100, 300)]
    for _ in range(3):  # three rounds: the second and third start with a cache being rewritten
        shutil.rmtree(root / ".outmoded_cache", ignore_errors=True)
        runs = [_check(root, env, "--jobs", "1", *first), _check(root, env, "--jobs", "1", *second)]
        outputs = [run.communicate(timeout=120) for run in runs]
        for run, (out, err), files in zip(runs, outputs, (first, second)):
            assert run.returncode == 1, err
            doc = json.loads(out)
            assert doc["errors"] == []
            assert sorted({f["path"] for f in doc["findings"]}) == sorted(f for f in files if int(f[1:-3]) % 3 == 0)
    warm = _check(root, env, ".")
    out, err = warm.communicate(timeout=120)
    doc = json.loads(out)
    assert doc["stats"]["cached"] == 300, err
    assert len({f["path"] for f in doc["findings"]}) == 100


def test_store_keeps_values_by_namespace_and_key(tmp_path):
    store = Store(tmp_path / "c")
    assert store.get_many("model", ["k"]) == {}
    assert not (tmp_path / "c").exists()  # a read creates nothing
    store.put_many("model", [("k", "v1", {"classes": ["A"]}), ("j", "v1", [1, 2])])
    store.put_many("other", [("k", "x", None)])
    again = Store(tmp_path / "c")
    assert again.get_many("model", ["k", "j", "missing"]) == {"k": ("v1", {"classes": ["A"]}), "j": ("v1", [1, 2])}
    assert again.get_many("other", ["k"]) == {"k": ("x", None)}
    again.put_many("model", [("k", "v2", "new")])
    assert Store(tmp_path / "c").get_many("model", ["k"]) == {"k": ("v2", "new")}


def test_compiled_catalog_is_the_loaded_catalog(tmp_path):
    first = compiled.load(str(tmp_path))
    assert len(list(tmp_path.glob("catalog-*.marshal"))) == 1
    second = compiled.load(str(tmp_path))  # from the compiled file
    assert first == second == load_catalog()
    assert [type(e) for e in second.entries] == [type(e) for e in first.entries]
    assert hash(second.entries[0]) == hash(first.entries[0])


@pytest.mark.parametrize("target,pending", [((3, 11), False), ((3, 13), False), ((3, 13), True), ((3, 15), False)])
def test_the_derivable_methods_a_first_pass_screens_for_are_the_indexs_methods(target, pending):
    # read from the index's up-front fields before a cold run's first pass forks; its methods
    # table (decoded later) must say the same: removed methods a project class can inherit
    from outmoded.catalog.index import index_for
    from outmoded.textindex import derivable_methods

    index = index_for(target, pending=pending)
    words = derivable_methods(index)
    assert words == {name.encode() for name, methods in index.methods.items()
                     if any(not m.entry.distinctive and not m.cls.startswith("builtins.") for m in methods)}
    assert b"getchildren" in words  # ElementTree's, removed in 3.9
    assert (b"assertEquals" in words) == (target >= (3, 12))


def test_a_broken_compiled_catalog_is_compiled_again(tmp_path):
    compiled.load(str(tmp_path))
    stored = next(tmp_path.glob("catalog-*.marshal"))
    for damage in (b"", stored.read_bytes()[:100], b"\xff" * 64):
        stored.write_bytes(damage)
        assert compiled.load(str(tmp_path)) == load_catalog()
    assert stored.read_bytes()[:100] != b"\xff" * 64


def test_editing_the_yaml_changes_the_key(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(compiled._DATA, data)
    before = compiled._fingerprint(str(data))
    target = next(data.glob("removed_3_12.yaml"))
    target.write_text(target.read_text() + "\n# edited\n")
    assert compiled._fingerprint(str(data)) != before


def test_a_check_imports_yaml_only_when_the_catalog_changed(tmp_path):
    (tmp_path / "a.py").write_text(IMP)
    probe = ("import sys; from outmoded.cli import main; code = main(['check', '--no-cache', '-q', 'a.py']); "
             "print('yaml' in sys.modules, code)")
    env = _env(tmp_path)
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
            for _ in range(2)]
    assert [r.stdout.split()[-2:] for r in runs] == [["True", "1"], ["False", "1"]], [r.stderr for r in runs]


def test_a_check_imports_only_what_it_needs(tmp_path):
    """A pre-commit run pays for start-up every time: no other command, no archive modules."""
    (tmp_path / "a.py").write_text(IMP)
    heavy = ["outmoded.commands.fix", "outmoded.deps", "libcst", "yaml", "shutil", "bz2", "lzma", "tempfile",
             "sqlite3", "multiprocessing", "configparser", "outmoded.reporters.sarif"]
    probe = ("import sys; before = set(sys.modules)\n"  # not what site-packages' .pth files import
             "from outmoded.cli import main; code = main(['check', '--no-cache', '-q', 'a.py'])\n"
             f"print(sorted(m for m in {heavy!r} if m in sys.modules and m not in before), code)")
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True)  # compiles the catalog
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.stdout.split("\n")[-2] == "[] 1", run.stderr


def _same_index(one, other) -> None:
    from outmoded.records import fields

    for name in fields(other):
        assert getattr(one, name) == getattr(other, name), name


def test_the_compiled_index_is_the_built_index(tmp_path):
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import build_index

    catalog = default_catalog()
    for target, pending in (((3, 11), False), ((3, 13), True), ((3, 15), False)):
        built = build_index(catalog, target, pending=pending)
        first = compiled.load_index(target, pending, str(tmp_path))  # builds and stores
        second = compiled.load_index(target, pending, str(tmp_path))  # decodes, needles on demand
        word = next(iter(built.by_anchor))
        assert "prefilter" not in vars(second) and dict.__len__(second.by_anchor) == 0
        assert second.by_anchor.get(word) == built.by_anchor[word] and dict.__len__(second.by_anchor) == 1
        _same_index(first, built)
        _same_index(second, built)
        code = next(iter(second.entries))
        assert second.entries[code] is catalog.by_code[code]  # the catalog's own entries, not copies
        # the relative needles, anchored on b"/" + a package, are asked apart (``relativeneedles``)
        anchored = [n for anchor, group in second.by_anchor.items() if anchor[:1] != b"/" for n in group]
        assert {id(n) for n in anchored} == {id(n) for n in second.prefilter}  # shared, as built
    assert len(list(tmp_path.glob("index-*.marshal"))) == 3


def test_threads_sharing_a_compiled_index_decode_its_tables_once(tmp_path):
    # a caller checking files from threads (tests/test_bad_input.py's SystemError race did): the
    # threads that ask while the first decodes wait for its tables instead of finding none
    import threading
    import time

    compiled.load_index((3, 13), False, str(tmp_path))  # builds and stores
    index = compiled.load_index((3, 13), False, str(tmp_path))
    tables, calls, seen, errors = vars(index)["_tables"], [], [], []

    def slow():
        calls.append(1)
        time.sleep(0.3)
        return tables()

    vars(index)["_tables"] = slow

    def ask():
        try:
            seen.append(len(index.fallback_imports))
        except AttributeError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and calls == [1] and len(seen) == 4 and "_tables" not in vars(index)


def test_a_broken_compiled_index_is_compiled_again(tmp_path):
    from outmoded.catalog import default_catalog
    from outmoded.catalog.index import build_index

    built = build_index(default_catalog(), (3, 13))
    compiled.load_index((3, 13), False, str(tmp_path))
    stored = next(tmp_path.glob("index-*.marshal"))
    good = stored.read_bytes()
    import marshal

    foreign = marshal.dumps({"__class__": "os:system", "__id__": 0, "__nested__": ()})
    checked = good[:4] + bytes(16)  # the header of a compiled index, with another digest
    for damage in (b"", good[:100], good[:-7], b"\xff" * 64, marshal.dumps([1, 2]), foreign, checked + good[20:],
                   good[:-1] + bytes([good[-1] ^ 1])):
        stored.write_bytes(damage)
        _same_index(compiled.load_index((3, 13), False, str(tmp_path)), built)
        assert stored.read_bytes() == good  # written again


def test_a_file_the_prefilter_clears_is_checked_without_decoding_the_catalog(tmp_path):
    """The compiled index decodes its tables (and the catalog with them) only for a file the
    prefilter lets through; the answers are the same either way."""
    (tmp_path / "clean.py").write_text("import os\n\n\nclass Base(object):\n    pass\n")
    (tmp_path / "legacy.py").write_text(IMP)
    probe = ("import json, sys; from outmoded.cli import main; from outmoded.catalog import default_catalog\n"
             "code = main(['check', '--no-cache', '-q', '--target-version', '3.13', sys.argv[1]])\n"
             "print(json.dumps([code, default_catalog.cache_info().currsize]))")
    env = _env(tmp_path)
    runs = {}
    for name in ("legacy.py", "clean.py", "legacy.py"):  # the first run compiles catalog and index
        run = subprocess.run([sys.executable, "-c", probe, name], cwd=tmp_path, env=env, capture_output=True,
                             text=True)
        runs[name] = json.loads(run.stdout.strip().splitlines()[-1])
    assert runs == {"clean.py": [0, 0], "legacy.py": [1, 1]}


def test_a_warm_run_on_cached_files_decodes_no_catalog(tmp_path):
    """Every report filters findings by the opt-in rules: a run whose files are all cached reads
    them from the catalog's summary, and reports what the first run reported."""
    (tmp_path / "legacy.py").write_text(IMP)
    (tmp_path / "parser.py").write_text("x = 1\n")  # a top-level module named like a removed one
    probe = ("import json, sys; from outmoded.cli import main; from outmoded.catalog import default_catalog\n"
             "code = main(['check', '--format', 'json', '--target-version', '3.13', 'legacy.py', 'parser.py'])\n"
             "print(json.dumps([code, default_catalog.cache_info().currsize]))")
    env = _env(tmp_path)
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
            for _ in range(3)]
    docs = [json.loads(run.stdout.strip().rpartition("\n")[0]) for run in runs]
    assert [json.loads(run.stdout.strip().splitlines()[-1]) for run in runs[1:]] == [[1, 0], [1, 0]]
    assert docs[0]["findings"] == docs[2]["findings"] and docs[0]["findings"]
    assert docs[2]["stats"]["cached"] == 2


def test_an_index_file_names_the_installed_files_it_was_compiled_from(tmp_path):
    """The catalog's key follows each file's size and modification time: a file written again
    (an edit, a reinstall) compiles the catalog and the index again."""
    data = tmp_path / "data"
    shutil.copytree(compiled._DATA, data)
    before = compiled._fingerprint(str(data))
    assert compiled._fingerprint(str(data)) == before
    target = next(data.glob("removed_3_12.yaml"))
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert compiled._fingerprint(str(data)) != before


def test_a_check_through_a_damaged_index_reports_the_same(tmp_path):
    (tmp_path / "a.py").write_text(IMP + "import unittest\nclass T(unittest.TestCase):\n"
                                         "    def test(self):\n        self.assertEquals(1, 1)\n")
    env = _env(tmp_path)
    first = _check(tmp_path, env, "--no-cache", "a.py").communicate(timeout=120)[0]
    for stored in (tmp_path / "user-cache" / "outmoded" / "catalog").glob("index-*.marshal"):
        stored.write_bytes(stored.read_bytes()[:1000])
    second = _check(tmp_path, env, "--no-cache", "a.py").communicate(timeout=120)[0]
    assert json.loads(first)["findings"] and first == second


def _findings(root, env, *args):
    run = _check(root, env, *args)
    out, err = run.communicate()
    assert run.returncode in (0, 1), err
    doc = json.loads(out)
    return sorted((f["path"], f["line"], f["api"], f["severity"]) for f in doc["findings"]), \
        sorted((e["path"], e["message"]) for e in doc["errors"])


def _stale_after_edit(tmp_path, files: dict, edit: dict, *args):
    """Check ``args`` (through the cache), edit files the checked ones depend on, check again
    warm: (before, warm after, cold after)."""
    root = tmp_path / "project"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    env = _env(tmp_path)
    before = _findings(root, env, *args)
    assert before == _findings(root, env, *args)  # a warm run, unchanged
    for name, text in edit.items():
        (root / name).write_text(text)
    return before, _findings(root, env, *args), _findings(root, env, "--no-cache", *args)


def test_a_helper_module_that_stops_importing_setuptools_invalidates_the_verdict(tmp_path):
    # gevent's _setupares.py: `from _setuputils import Extension`; distutils is setuptools' shim
    # only while _setuputils.py imports setuptools at its top level
    before, warm, cold = _stale_after_edit(tmp_path, {
        "_setuputils.py": "from setuptools import Extension as _Extension\nExtension = _Extension\n",
        "_setupares.py": "from _setuputils import Extension\nimport distutils.sysconfig\n",
    }, {"_setuputils.py": "class Extension:\n    pass\n"}, ".")
    assert before == ([], [])
    assert cold[0] == [("_setupares.py", 2, "distutils.sysconfig", "error")]
    assert warm == cold


def test_a_pxd_that_stops_defining_a_shim_invalidates_the_pyx_verdict(tmp_path):
    pxd = 'cdef extern from "Python.h":\n    """\n    #define PyUnicode_GET_DATA_SIZE(s)  (0)\n    """\n' \
          '    cdef Py_ssize_t PyUnicode_GET_DATA_SIZE(object ustring)\n'
    before, warm, cold = _stale_after_edit(tmp_path, {
        "lxml/python.pxd": pxd,
        "lxml/parser.pyx": "cdef int f(utext):\n    return python.PyUnicode_GET_DATA_SIZE(utext)\n",
    }, {"lxml/python.pxd": pxd.replace("#define", "#undef")}, ".")
    assert before == ([], [])
    assert [api for _, _, api, _ in cold[0]] == ["PyUnicode_GET_DATA_SIZE"]
    assert warm == cold


def test_a_pxd_created_beside_the_pyx_invalidates_its_verdict(tmp_path):
    pyx = "cdef int f(utext):\n    return python.PyUnicode_GET_DATA_SIZE(utext)\n"
    before, warm, cold = _stale_after_edit(tmp_path, {"lxml/parser.pyx": pyx}, {
        "lxml/python.pxd": 'cdef extern from "Python.h":\n    """\n    #define PyUnicode_GET_DATA_SIZE(s)  (0)\n    """\n'},
        "lxml/parser.pyx")
    assert [api for _, _, api, _ in before[0]] == ["PyUnicode_GET_DATA_SIZE"]
    assert cold == ([], [])
    assert warm == cold


def test_a_single_file_run_sees_an_edit_to_the_compat_module_it_imports_a_flag_from(tmp_path):
    # a pre-commit run on mod.py only: pkg/compat.py is read for PY2, but not checked
    before, warm, cold = _stale_after_edit(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/compat.py": "import sys\nPY2 = sys.version_info[0] == 2\n",
        "pkg/mod.py": "from .compat import PY2\nif PY2:\n    import imp\n",
    }, {"pkg/compat.py": "import sys\nPY2 = sys.version_info[0] == 3  # an edit that is wrong, but an edit\n"},
        "pkg/mod.py")
    assert before == ([], [])
    assert [(p, api) for p, _, api, _ in cold[0]] == [("pkg/mod.py", "imp")]
    assert warm == cold


def test_a_single_file_run_sees_an_edit_to_the_base_class_it_derives_from(tmp_path):
    # a mixin first in the bases that defines assertEquals itself after the edit: that stops the match
    before, warm, cold = _stale_after_edit(tmp_path, {
        "tests/__init__.py": "",
        "tests/base.py": "class Base(object):\n    pass\n",
        "tests/test_x.py": "import unittest\n\nfrom .base import Base\n\n\nclass T(Base, unittest.TestCase):\n"
                           "    def test(self):\n        self.assertEquals(1, 1)\n",
    }, {"tests/base.py": "class Base(object):\n    def assertEquals(self, a, b):\n        assert a == b\n"},
        "tests/test_x.py")
    assert [(p, api) for p, _, api, _ in before[0]] == [("tests/test_x.py", "unittest.TestCase.assertEquals")]
    assert cold == ([], [])
    assert warm == cold


def test_results_of_keys_no_longer_used_are_pruned_when_results_are_written(tmp_path):
    """Each flag a compat module starts defining changes the results key: the rows of the old
    keys go, the last few keys' rows stay (hooks for two targets keep theirs)."""
    import sqlite3

    from outmoded.cache import KEEP_RESULTS

    root = tmp_path / "project"
    root.mkdir()
    (root / "mod.py").write_text(IMP)
    env = _env(tmp_path)

    def namespaces():
        db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
        try:
            return {ns for (ns,) in db.execute("SELECT DISTINCT ns FROM rows") if ns.startswith("results-")}
        finally:
            db.close()

    seen = []
    for n in range(KEEP_RESULTS + 3):
        (root / "compat.py").write_text(f"import sys\nPY2_{n} = sys.version_info[0] == 2\n")
        assert _findings(root, env, ".")[0] == [("mod.py", 1, "imp", "error"), ("mod.py", 2, "imp.reload", "error")]
        seen.append(namespaces())
    assert [len(s) for s in seen] == [min(n + 1, KEEP_RESULTS) for n in range(KEEP_RESULTS + 3)]
    assert seen[-1] < seen[-2] | seen[-1] and not seen[0] & seen[-1]  # the oldest went, the latest stayed
    warm = _check(root, env, "--target-version", "3.13", ".")  # unchanged: a warm run, nothing written
    warm.communicate()
    assert namespaces() == seen[-1]


def test_results_an_outmoded_without_pruning_wrote_go_at_the_next_pruned_write(tmp_path):
    store = Store(tmp_path)
    store.put_many("results-legacy", [("a.py", "1:2", [[], [], []])])
    store.put_many("project-text-2", [("a.py", "1:2", [[], []])])
    store.put_many("results-new", [("a.py", "1:3", [[], [], []])], keep=4)
    assert store.get_many("results-legacy", ["a.py"]) == {}
    assert store.get_many("results-new", ["a.py"]) == {"a.py": ("1:3", [[], [], []])}
    assert store.get_many("project-text-2", ["a.py"]) == {"a.py": ("1:2", [[], []])}  # other families stay
    store.put_many("results-legacy", [("a.py", "1:2", [[], [], []])])  # an older outmoded, writing again
    store.put_many("results-new", [("b.py", "1:3", [[], [], []])], keep=4)
    assert store.get_many("results-legacy", ["a.py"]) == {}
    assert store.get_many("results-new", ["a.py", "b.py"]).keys() == {"a.py", "b.py"}
    store.close()


def test_a_build_file_that_declares_free_threading_invalidates_the_pyx_verdict(tmp_path):
    # Cython modules re-enable the GIL unless the module or a build file declares them compatible
    before, warm, cold = _stale_after_edit(tmp_path, {
        "pyproject.toml": "[tool.outmoded]\nextend-select = [\"OMT0\"]\n",
        "src/fast.pyx": "def f(int x):\n    return x + 1\n",
    }, {"src/setup.py": "from Cython.Build import cythonize\n"
                        "cythonize('fast.pyx', compiler_directives={'freethreading_compatible': True})\n"}, ".")
    assert [(p, code) for p, _, code, _ in before[0]] == [("src/fast.pyx", "fast")]
    assert cold == ([], [])
    assert warm == cold


def test_a_c_file_whose_expected_output_appears_beside_it_is_no_longer_reported(tmp_path):
    # Pygments keeps test inputs (ceval.c) beside their expected output (ceval.c.output)
    c = "#include <Python.h>\nstatic void f(PyObject *a) { PyEval_CallObject(a, NULL); }\n"
    before, warm, cold = _stale_after_edit(tmp_path, {"c/ceval.c": c}, {"c/ceval.c.output": "'#include' Comment\n"}, ".")
    assert [api for _, _, api, _ in before[0]] == ["PyEval_CallObject"]
    assert cold == ([], [])
    assert warm == cold


def test_a_single_file_run_sees_a_module_created_that_shadows_the_removed_one(tmp_path):
    # pyasyncore vendored as asyncore.py at the project's top: `import asyncore` imports it
    before, warm, cold = _stale_after_edit(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/mod.py": "import asyncore\n",
    }, {"asyncore.py": "class dispatcher:\n    pass\n"}, "pkg/mod.py")
    assert [(p, api) for p, _, api, _ in before[0]] == [("pkg/mod.py", "asyncore")]
    assert cold == ([], [])
    assert warm == cold


def test_what_a_verdict_read_is_kept_per_thread(tmp_path):
    """outmoded deps judges releases in threads: one thread's reads never count for another's verdict."""
    import threading

    from outmoded import reads

    (tmp_path / "a.py").write_text("a = 1\n")
    barrier, seen = threading.Barrier(2), {}

    def verdict(name):
        with reads.recording() as read:
            barrier.wait()  # both recordings open at once
            reads.read(str(tmp_path / name))
            barrier.wait()
        seen[name] = sorted(read)

    threads = [threading.Thread(target=verdict, args=(name,)) for name in ("a.py", "missing.py")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"a.py": [str(tmp_path / "a.py")], "missing.py": [str(tmp_path / "missing.py")]}


def test_a_single_file_run_sees_the_base_class_module_created_after_it(tmp_path):
    # `from .base import Base` found nothing: created, it defines assertEquals, which stops the match
    before, warm, cold = _stale_after_edit(tmp_path, {
        "tests/__init__.py": "",
        "tests/test_x.py": "import unittest\n\nfrom .base import Base\n\n\nclass T(Base, unittest.TestCase):\n"
                           "    def test(self):\n        self.assertEquals(1, 1)\n",
    }, {"tests/base.py": "class Base(object):\n    def assertEquals(self, a, b):\n        assert a == b\n"},
        "tests/test_x.py")
    assert [(p, api) for p, _, api, _ in before[0]] == [("tests/test_x.py", "unittest.TestCase.assertEquals")]
    assert cold == ([], [])
    assert warm == cold


def test_a_single_file_run_sees_the_flag_package_created_after_it(tmp_path):
    # `from .compat import PY2` found nothing; then pkg/compat/__init__.py defines the flag
    (tmp_path / "project" / "pkg" / "compat").mkdir(parents=True)
    before, warm, cold = _stale_after_edit(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/mod.py": "from .compat import PY2\nif PY2:\n    import imp\n",
    }, {"pkg/compat/__init__.py": "import sys\nPY2 = sys.version_info[0] == 2\n"}, "pkg/mod.py")
    assert before != cold and cold == ([], [])
    assert warm == cold


def test_an_edit_to_a_flag_or_base_class_module_rechecks_only_the_files_that_read_it(tmp_path):
    """Editing a compat module or a test base class kept the results of no file of the tree (its
    size and mtime were part of every result's key); the files whose verdict read it are rechecked,
    and see the edit."""
    root = tmp_path / "project"
    files = {"pkg/__init__.py": "", "pkg/compat.py": "import sys\nPY2 = sys.version_info[0] == 2\n",
             "pkg/mod.py": "from .compat import PY2\nif PY2:\n    import imp\n",
             "tests/__init__.py": "", "tests/base.py": "class Base(object):\n    pass\n",
             "tests/test_x.py": "import unittest\n\nfrom .base import Base\n\n\nclass T(Base, unittest.TestCase):\n"
                                "    def test(self):\n        self.assertEquals(1, 1)\n"}
    files.update({f"other{n}.py": IMP for n in range(10)})
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    env = _env(tmp_path)

    def run():
        proc = _check(root, env, ".")
        out, err = proc.communicate(timeout=120)
        doc = json.loads(out)
        return doc["stats"]["cached"], sorted((f["path"], f["api"]) for f in doc["findings"])

    cold = run()
    assert cold[0] == 0 and ("tests/test_x.py", "unittest.TestCase.assertEquals") in cold[1]
    (root / "pkg/compat.py").write_text("import sys\n\nPY2 = sys.version_info[0] == 2  # a comment\n")
    (root / "tests/base.py").write_text("class Base(object):\n    x = 1\n")
    assert run() == (len(files) - 4, cold[1])  # the two edited files and their two readers rechecked
    (root / "pkg/compat.py").write_text("import sys\nPY2 = sys.version_info[0] == 3\n")
    (root / "tests/base.py").write_text("class Base(object):\n    def assertEquals(self, a, b):\n        pass\n")
    cached, findings = run()
    assert cached == len(files) - 4
    assert ("pkg/mod.py", "imp") in findings and ("tests/test_x.py", "unittest.TestCase.assertEquals") not in findings


def _outmoded_copy(site: Path) -> Path:
    package = site / "outmoded"
    shutil.copytree(Path(SRC) / "outmoded", package, ignore=shutil.ignore_patterns("__pycache__"))
    return package


def _parse_error(root, env) -> str:
    proc = subprocess.run([sys.executable, "-m", "outmoded", "check", "--format", "json", "bad.py"], cwd=root,
                          env=env, capture_output=True, text=True)
    return json.loads(proc.stdout)["errors"][0]["message"].split(":")[0]


def _edit_the_parse_error(package: Path) -> None:
    engine = package / "engine.py"
    text = engine.read_text()
    assert 'f"cannot parse: {exc.msg}' in text
    engine.write_text(text.replace('f"cannot parse: {exc.msg}', 'f"unparsable: {exc.msg}'))


def test_results_follow_an_edit_to_outmodeds_own_code(tmp_path):
    """A developer's checkout (or any copy not installed from a wheel): editing outmoded's code,
    its version unchanged, no longer leaves the results of the old code cached."""
    package = _outmoded_copy(tmp_path / "site")
    root = tmp_path / "project"
    root.mkdir()
    (root / "bad.py").write_text("import imp\ndef f(:\n")
    env = _env(tmp_path, PYTHONPATH=str(tmp_path / "site"))
    assert _parse_error(root, env) == _parse_error(root, env) == "cannot parse"
    _edit_the_parse_error(package)
    assert _parse_error(root, env) == "unparsable"


def test_results_follow_a_reinstall_that_keeps_the_version(tmp_path):
    """Installed from a wheel, the installation's RECORD stands for its files: an installer
    rewrites it with them."""
    from outmoded import __version__

    package = _outmoded_copy(tmp_path / "site")
    record = tmp_path / "site" / f"outmoded-{__version__}.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("outmoded/__init__.py,,\n")
    root = tmp_path / "project"
    root.mkdir()
    (root / "bad.py").write_text("import imp\ndef f(:\n")
    env = _env(tmp_path, PYTHONPATH=str(tmp_path / "site"))
    assert _parse_error(root, env) == _parse_error(root, env) == "cannot parse"
    _edit_the_parse_error(package)
    record.write_text("outmoded/__init__.py,,\noutmoded/engine.py,,\n")
    assert _parse_error(root, env) == "unparsable"


def test_a_single_file_run_sees_the_init_file_that_moves_its_import_root(tmp_path):
    # tools/ without __init__.py is its own import root: tools/asyncore.py shadows `import asyncore`;
    # once tools/__init__.py exists it is the module tools.asyncore, and the stdlib's is imported
    before, warm, cold = _stale_after_edit(tmp_path, {
        "tools/mod.py": "import asyncore\n",
        "tools/asyncore.py": "class dispatcher:\n    pass\n",
    }, {"tools/__init__.py": ""}, "tools/mod.py")
    assert before == ([], [])
    assert [(p, api) for p, _, api, _ in cold[0]] == [("tools/mod.py", "asyncore")]
    assert warm == cold


def test_a_python3_twin_created_beside_a_python2_source_invalidates_its_verdict(tmp_path):
    # greet2.c is compiled only where no source beside it defines PyInit_greet (virtualenv 21's tests)
    greet2 = "#include <Python.h>\nPyMODINIT_FUNC initgreet(void) { Py_InitModule(\"greet\", NULL); }\n"
    before, warm, cold = _stale_after_edit(tmp_path, {"greet/greet2.c": greet2}, {
        "greet/greet3.c": "#include <Python.h>\nPyMODINIT_FUNC PyInit_greet(void) { return NULL; }\n"},
        "greet/greet2.c")
    assert [api for _, _, api, _ in before[0]] == ["Py_InitModule"]
    assert cold == ([], [])
    assert warm == cold


def test_a_file_name_that_is_not_utf8_is_checked_and_cached(tmp_path):
    """A file whose name is not UTF-8 (surrogate escapes in Python) is reported, and cached like
    the others: SQLite cannot store such text, and the read and the write of the cache raised
    UnicodeEncodeError, a traceback instead of the findings."""
    root = tmp_path / "project"
    root.mkdir()
    (root / os.fsdecode(b"caf\xe9.py")).write_text(IMP)
    (root / "ok.py").write_text(IMP)
    env = _env(tmp_path)
    for run in range(2):
        out, err = _check(root, env, ".").communicate(timeout=120)
        doc = json.loads(out)
        # named as git names it (pathquote): JSON cannot carry the byte, a lone surrogate it refuses
        assert sorted(f["path"] for f in doc["findings"]) == ['"caf\\351.py"'] * 2 + ["ok.py"] * 2, err
        assert doc["stats"]["cached"] == 2 * run
        assert err == ""


def test_a_cache_that_cannot_be_written_is_a_warning_once_not_a_crash_nor_silence(tmp_path):
    """A cache directory whose path runs through a file (a typo in --cache-dir or cache-dir; a
    failure even for root) cannot be made: the check reports its findings with its usual exit
    code, and says once, naming the directory, that the cache was not written; before, nothing
    said why every run started cold."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "old.py").write_text(IMP)
    (root / "new.py").write_text(IMP)
    (root / "blocker").write_text("a file where a directory would be\n")
    env = _env(tmp_path)
    command = [sys.executable, "-m", "outmoded", "check", "--target-version", "3.13", "."]
    plain = subprocess.run([*command, "--no-cache"], cwd=root, env=env, capture_output=True, text=True)
    assert plain.returncode == 1 and plain.stderr == "", plain.stderr
    blocked = subprocess.run([*command, "--cache-dir", "blocker/cache"], cwd=root, env=env,
                             capture_output=True, text=True)
    assert (blocked.returncode, blocked.stdout) == (plain.returncode, plain.stdout)
    assert blocked.stderr.splitlines() == [
        f"outmoded: warning: the cache in {root / 'blocker' / 'cache'} was not written (Not a directory); "
        "the results are complete, the next run analyses these files again (--no-cache runs without one)"]
    assert (root / "blocker").read_text() == "a file where a directory would be\n"


def test_a_row_nested_past_the_decoders_limit_is_replaced_not_warned_about(tmp_path):
    """A results row no JSON decoder can read (nested past the recursion limit: planted, or
    damaged) is a miss when read.  Rewriting it failed with RecursionError, first as a traceback,
    then as a warning that the cache was not written, at every run: the row was never replaced.
    The write reads it as the damaged row it is: the check reports its findings with its usual
    exit code and no warning, and the next run is served from the cache."""
    import sqlite3

    root = tmp_path / "project"
    root.mkdir()
    (root / "old.py").write_text(IMP)
    env = _env(tmp_path)
    command = [sys.executable, "-m", "outmoded", "check", "--target-version", "3.13", "."]
    first = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert first.returncode == 1, first.stderr
    db = sqlite3.connect(root / ".outmoded_cache" / "cache.sqlite3")
    with db:
        planted = db.execute("UPDATE rows SET value = ? WHERE ns LIKE 'results-%' AND key LIKE '%old.py'",
                             ("[" * 100_000 + "]" * 100_000,)).rowcount
    db.close()
    assert planted == 1
    again = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert again.returncode == first.returncode
    assert again.stdout == first.stdout
    assert again.stderr == ""
    last = subprocess.run(command + ["--format", "json"], cwd=root, env=env, capture_output=True, text=True)
    assert last.returncode == 1 and last.stderr == ""
    assert json.loads(last.stdout)["stats"]["cached"] == 1
