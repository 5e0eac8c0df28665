"""Start-up: what a check imports, which pays at every pre-commit run.

Each probe runs in a fresh interpreter without ``site`` (so ``.pth`` files of the test
environment import nothing), with site-packages appended for outmoded's own dependencies, and
lists the modules the check itself imported.  No timings: what is imported is what costs.
"""

import json
import os
import site
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
LEGACY = ("import imp\nimport unittest\n\n\nclass T(unittest.TestCase):\n"
          "    def test(self):\n        self.assertEquals(imp.reload(imp), 1)\n")
NEVER = ["dataclasses", "typing", "pathlib", "inspect", "hashlib", "yaml", "tempfile", "shutil",
         "multiprocessing", "outmoded.commands.fix", "outmoded.deps", "libcst"]

PROBE = """
import json, sys
sys.path[:0] = {src!r}
sys.path += {site!r}
before = set(sys.modules)
from outmoded.cli import main
code = main({argv!r})
print(json.dumps([code, sorted(set(sys.modules) - before)]))
"""


def _probe(cwd: Path, argv: list[str], env: dict) -> tuple[int, set[str]]:
    paths = site.getsitepackages() + [site.getusersitepackages()]
    script = PROBE.format(src=[SRC], site=paths, argv=argv)
    run = subprocess.run([sys.executable, "-S", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    code, modules = json.loads(run.stdout.strip().splitlines()[-1])
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
    scanner = ["outmoded.engine", "outmoded.scan", "outmoded.catalog.index", "outmoded.prefilter"]
    assert sorted(m for m in NEVER + scanner if m in modules) == []
    assert "sqlite3" in modules  # the cache answered


def test_the_pre_commit_entry_imports_only_the_command_it_runs(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    env = _env(tmp_path)
    script = PROBE.replace("from outmoded.cli import main", "from outmoded.precommit import main")
    paths = site.getsitepackages() + [site.getusersitepackages()]
    argv = ["check", "--no-cache", "-q", "legacy.py"]
    for _ in range(2):  # the first run compiles the catalog
        run = subprocess.run([sys.executable, "-S", "-c", script.format(src=[SRC], site=paths, argv=argv)],
                             cwd=tmp_path, env=env, capture_output=True, text=True)
    code, modules = json.loads(run.stdout.strip().splitlines()[-1])
    assert code == 1
    assert sorted(m for m in NEVER + ["outmoded.commands.rules", "outmoded.commands.explain"] if m in modules) == []
