"""Every way a run can go wrong ends with one line saying what to do and an exit status that
means what the README says (0 clean, 1 findings or nothing checked, 2 bad usage, 141 pipe
closed); never a traceback, never a false success."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import environment, one_line

IMP = "import imp\n"


def test_a_named_file_is_checked_even_when_ignored_unless_force_exclude(sh):
    sh.write(".gitignore", "build/\n")
    sh.write("build/a.py", IMP)
    result = sh.run("check", "--no-cache", "build/a.py")
    assert result.returncode == 1 and "build/a.py:1:8: OM12001" in result.stdout
    result = sh.run("check", "--no-cache", "--force-exclude", "build/a.py")
    assert result.returncode == 0 and result.stdout == ""
    assert "excluded" in one_line(result.stderr)


@pytest.mark.parametrize("layout", ["empty", "no-python"])
def test_no_python_files_is_a_warning_and_not_a_success(sh, layout):
    (sh.root / "src").mkdir()
    if layout == "no-python":
        sh.write("src/README.md", "# hi\n")
    result = sh.run("check", "--no-cache", "src")
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line(result.stderr) == ("outmoded check: warning: no Python files found under src "
                                       "(nothing was checked)")


def test_a_missing_path_is_reported_and_fails(sh):
    result = sh.run("check", "--no-cache", "nope.py")
    assert result.returncode == 1 and "nope.py: error: no such file or directory" in result.stdout


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("command", [["rules", "--format", "json"], ["check", "--no-cache", "."]])
def test_a_closed_pipe_is_not_a_success_nor_a_traceback(sh, command, unbuffered):
    """`outmoded rules --format json | head -2`: the reader goes away before the output (more than a
    pipe buffer) is written; the status says it was cut.  Under PYTHONUNBUFFERED=1 CPython's
    unbuffered stdout took the partial write the closed pipe allowed as complete: exit 0."""
    for n in range(300):
        sh.write(f"m{n}.py", IMP * 3)
    for _ in range(3):  # the race the issue saw: it must hold every time
        process = subprocess.Popen([sys.executable, "-m", "outmoded", *command], cwd=sh.root,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=environment(PYTHONUNBUFFERED=unbuffered))
        process.stdout.readline()
        process.stdout.close()  # like head after its lines
        err = process.stderr.read().decode()
        assert process.wait(timeout=120) == 141
        assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err


def test_deps_piped_into_head(sh):
    """The issue's own case: `outmoded deps | head -2` (offline: every package unknown, a failing
    status when the whole table is read; 141 when the reader leaves first)."""
    sh.write("requirements.txt", "".join(f"package{n}==1.0\n" for n in range(3000)))
    env = environment(OUTMODED_CACHE_DIR=str(sh.root / "http-cache"), PIP_INDEX_URL="http://127.0.0.1:9/simple/")
    process = subprocess.Popen([sys.executable, "-m", "outmoded", "deps", "--offline", "requirements.txt"],
                               cwd=sh.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    process.stdout.readline()
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err and "Exception ignored" not in err
    whole = subprocess.run([sys.executable, "-m", "outmoded", "deps", "--offline", "requirements.txt"], cwd=sh.root,
                           capture_output=True, text=True, env=env, timeout=120)
    assert whole.returncode in (1, 3) and whole.stdout.count("package") >= 3000  # deps: 3 = could not check


@pytest.mark.parametrize("version, words", [
    ("3.99", "newer than the newest Python outmoded knows (3.15)"),
    ("3.16", "newer than the newest Python outmoded knows"),
    ("2.7", "Python 3"),
    ("banana", "must look like 3.13 (or py313)"),
    ("3.1", "older than the oldest Python outmoded checks for (3.7)"),  # "3.10" or "3.13" mistyped
    ("3.6", "give the Python the code must run on, 3.7 to 3.15"),
])
def test_target_versions_outmoded_cannot_check_are_refused(sh, version, words):
    sh.write("a.py", IMP)
    for command in (["check", "."], ["rules"]):
        result = sh.run(*command, "--target-version", version)
        assert result.returncode == 2 and words in one_line(result.stderr)
    sh.write("pyproject.toml", f'[tool.outmoded]\ntarget-version = "{version}"\n')
    result = sh.run("check", ".")
    assert result.returncode == 2 and "pyproject.toml" in one_line(result.stderr)


@pytest.mark.parametrize("file, text", [
    ("pyproject.toml", '[project]\nname = "old"\nrequires-python = ">=3.5,<3.7"\n'),
    ("pyproject.toml", '[project]\nname = "py2"\nrequires-python = "<3"\n'),
    ("setup.cfg", "[options]\npython_requires = >=2.7, <3.6\n"),
])
def test_a_requires_python_allowing_no_target_is_refused_as_the_target_is(sh, file, text):
    """A project capped below 3.7 was checked for its newest Python (3.6: every file passed, exit
    0) or, capped below 3, for the newest release: refused like --target-version 3.6, naming the
    file and the requirement; a target given still checks it."""
    sh.write("a.py", IMP)
    sh.write(file, text)
    for command in (["check", "."], ["fix", "."], ["check", "-", "--stdin-filename", "a.py"]):
        refused = sh.run(*command, stdin=IMP)
        assert refused.returncode == 2, refused.stdout
        message = one_line(refused.stderr)
        assert file in message and "allows no Python outmoded checks for (3.7 to 3.15)" in message
        assert "target-version" in message and "Traceback" not in refused.stderr
    assert sh.run("check", "--target-version", "3.13", ".").returncode == 1
    assert (sh.root / "a.py").read_text() == IMP  # fix refused before touching anything


def test_min_version_2_7_is_accepted_and_older_ones_refused_with_the_real_reason(sh):
    sh.write("a.py", "import imp\nimp.reload(imp)\n")
    accepted = sh.run("check", "--diff", "--min-version", "2.7", "a.py")
    assert accepted.returncode in (0, 1) and "outmoded check: error" not in accepted.stderr
    refused = sh.run("check", "--diff", "--min-version", "2.5", "a.py")
    assert refused.returncode == 2
    assert one_line(refused.stderr) == ("outmoded check: error: --min-version 2.5: the oldest Python "
                                        "outmoded's fixes know is 2.6")


def test_a_floor_above_the_target_is_refused_or_warned_about_not_passed(sh):
    """--min-version 3.14 with --target-version 3.13 asks about a Python the code does not run
    on: every removal before 3.14 counted as already broken, hidden, and the run passed (exit 0)
    on a file importing imp.  Given as min-version it is refused; read from requires-python (a CI
    matrix entry below it) the run warns, naming the file."""
    sh.write("a.py", "import imp\nimport asynchat\n")
    refused = sh.run("check", "--no-cache", "--target-version", "3.13", "--min-version", "3.14", "a.py")
    assert refused.returncode == 2 and refused.stdout == ""
    assert one_line(refused.stderr) == (
        "outmoded check: error: min-version: the oldest Python the project supports (3.14) is newer than the "
        "target (3.13): removals before 3.14 would count as already broken and pass; give a min-version at "
        "or below the target")
    same = sh.run("check", "--no-cache", "--target-version", "3.14", "--min-version", "3.14", "a.py")
    assert same.returncode == 0 and same.stderr == ""  # a floor at the target is a question the run answers
    sh.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.14"\n')
    warned = sh.run("check", "--no-cache", "--target-version", "3.13", "a.py")
    assert warned.returncode == 0  # what the project's own floor says: already broken
    message = one_line(warned.stderr)
    assert message.startswith(f"outmoded: warning: {sh.root / 'pyproject.toml'}: the oldest Python the project")
    assert "from requires-python '>=3.14'" in message and "--dead-compat" in message


def test_fix_of_stdin_is_a_usage_error_not_a_missing_file(sh):
    """`outmoded fix -` looked for a file named "-" and reported it missing (exit 1), as if the
    user had mistyped a path; fix rewrites files, and says so."""
    sh.write("a.py", IMP)
    result = sh.run("fix", "--target-version", "3.13", "-", stdin=IMP)
    assert result.returncode == 2 and result.stdout == ""
    assert one_line(result.stderr) == ("outmoded fix: error: fix rewrites files: `-` (stdin) is not one; name the "
                                       "file (`outmoded check -` checks stdin)")


def test_a_fifo_among_a_projects_files_does_not_hang_the_run(sh):
    """The project files read beside the checked ones (an sdist's PKG-INFO, a test requirements
    file) were opened whatever they were: a FIFO so named blocked the run for ever, waiting
    for a writer.  What is not a regular file is not read."""
    sh.write("setup.py", 'from setuptools import setup\nsetup(name="p", python_requires=">=3.8")\n')
    sh.write("a.py", IMP)
    os.mkfifo(sh.root / "PKG-INFO")
    os.mkfifo(sh.root / "requirements-test.txt")
    result = sh.run("check", "--no-cache", "--output-format", "concise", "a.py")  # timeout: 120 s
    assert result.returncode == 1 and result.stdout.startswith("a.py:1:8: OM12001"), result.stderr


@pytest.mark.parametrize("name", ["setup.cfg", "pyproject.toml", "tox.ini", "setup.py", "meson.build",
                                  "conftest.py", "pkg/helpers.py"])
def test_a_fifo_named_like_a_project_file_does_not_hang_a_whole_check(sh, name):
    """Checking the whole tree reads more than the checked files: pytest's addopts in setup.cfg
    and tox.ini, the build backend in pyproject.toml, every module of the project for what imports
    what.  Each read of a FIFO so named blocked for ever.  Every such read opens regular files only:
    a FIFO the walk finds among the files it checks (modules, tox.ini) is the one file that could
    not be checked; the rest is checked."""
    sh.write("pkg/__init__.py", "")
    sh.write("pkg/a.py", IMP)
    os.mkfifo(sh.root / name)
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise", ".")
    assert result.stdout.startswith("pkg/a.py:1:8: OM12001"), result.stderr
    checked = name.endswith(".py") or name == "tox.ini"
    assert result.returncode == 1
    assert (f"{name}: error: not a regular file" in result.stdout) == checked, result.stdout
    assert ("could not be checked" in result.stdout) == checked


def test_output_file_problems_are_one_line(sh):
    sh.write("a.py", IMP)
    (sh.root / "out").mkdir()
    result = sh.run("check", "--output-file", "out", ".")
    assert result.returncode == 2 and "is a directory" in one_line(result.stderr)
    result = sh.run("check", "--output-file", "a.py/sub/report.txt", ".")
    assert result.returncode == 2 and one_line(result.stderr).endswith("a.py is a file, not a directory")
    result = sh.run("check", "-o", "new/dir/report.json", "--output-format", "json", ".")
    assert result.returncode == 1 and (sh.root / "new/dir/report.json").is_file()  # created, as ruff does


def test_an_output_file_that_is_a_pipe_is_written_to_not_replaced(sh):
    """--output-file /dev/stdout (a CI step's pipe) or a FIFO another process reads: the report
    was written to a temporary file renamed over the path, which replaced a device node with a
    regular file (as root: /dev/full became one) and failed on /dev/stdout ("No such file")."""
    import stat
    import threading

    sh.write("a.py", IMP)
    piped = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise",
                   "--output-file", "/dev/stdout", "a.py")
    assert piped.returncode == 1, piped.stderr
    assert piped.stdout.startswith("a.py:1:8: OM12001") and piped.stderr == ""
    fifo = sh.root / "report.fifo"
    os.mkfifo(fifo)
    read = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_text()))
    reader.start()
    result = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise",
                    "--output-file", str(fifo), "a.py")
    reader.join(60)
    assert result.returncode == 1 and result.stderr == "" and result.stdout == ""
    assert read and read[0].startswith("a.py:1:8: OM12001")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a file put in its place


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_output_file_in_a_read_only_directory(sh):
    sh.write("a.py", IMP)
    locked = sh.root / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = sh.run("check", "--output-file", "locked/r.txt", ".")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2 and "not writable" in one_line(result.stderr)


def test_options_that_need_fix_are_honoured_or_refused(sh):
    sh.write("a.py", "import imp\nimp.reload(imp)\n")
    diff = sh.run("check", "--diff", "a.py")  # ruff: --diff implies fixing, writes nothing
    assert diff.returncode == 1 and "+import importlib" in diff.stdout
    assert (sh.root / "a.py").read_text() == "import imp\nimp.reload(imp)\n"
    # the oldest supported Python decides which fixes check promises: python 2 names get none
    # (under a declared Python 3 floor, cPickle is already broken there: reported only with
    # --dead-compat, and left alone by fix)
    sh.write("c.py", "import cPickle\n")
    assert "[*]" in sh.run("check", "--no-cache", "c.py").stdout
    assert "[*]" not in sh.run("check", "--no-cache", "--min-version", "3.9", "--dead-compat", "c.py").stdout
    assert "[*]" not in sh.run("check", "--no-cache", "--min-version", "2.7", "c.py").stdout
    sh.write("b.py", "import time\ntime.clock()\n")  # an unsafe fix
    plain = sh.run("check", "--no-cache", "--output-format", "concise", "b.py").stdout
    unsafe = sh.run("check", "--no-cache", "--output-format", "concise", "--unsafe-fixes", "b.py").stdout
    assert "[*]" not in plain.splitlines()[0] and "[*]" in unsafe.splitlines()[0]
    assert "1 fixable with `outmoded fix --unsafe-fixes`" in unsafe


def test_rules_filters_reject_unknown_values(sh):
    result = sh.run("rules", "--kind", "foo")
    assert result.returncode == 2 and "usage: outmoded rules" in result.stderr
    assert "invalid choice: 'foo'" in result.stderr
    result = sh.run("rules", "--select", "XYZ")
    assert result.returncode == 2 and "no rule code starts with 'XYZ'" in one_line(result.stderr)
    # as check reads it: an empty --select is refused (it listed every rule), a list is a list
    result = sh.run("rules", "--select", "")
    assert result.returncode == 2 and "no rule code starts with ''" in one_line(result.stderr)
    assert sh.run("check", "--select", "", "--no-cache", ".").returncode == 2
    listed = sh.run("rules", "--select", "OM12,", "--output-format", "json")
    assert listed.returncode == 0 and {r["code"][:4] for r in json.loads(listed.stdout)} == {"OM12"}
    both = json.loads(sh.run("rules", "--select", "om12, OMC", "--output-format", "json").stdout)
    assert {r["code"][:3] for r in both} == {"OM1", "OMC"}
    result = sh.run("rules", "--removed-in", "3.1")
    assert result.returncode == 2 and "no removal in that version" in one_line(result.stderr)


@pytest.mark.parametrize("command", ["check", "fix", "rules", "explain", "deps"])
def test_unknown_options_print_the_commands_usage(sh, command):
    result = sh.run(command, *(["OM12002"] if command == "explain" else []), "--frobnicate")
    assert result.returncode == 2
    assert result.stderr.startswith(f"usage: outmoded {command}")
    assert f"outmoded {command}: error: unrecognized arguments: --frobnicate" in result.stderr


def test_stdin_misuse(sh):
    result = sh.run("check", "--stdin-filename", "a.py", ".")
    assert result.returncode == 2 and "needs `-`" in one_line(result.stderr)
    result = sh.run("check", "-", "a.py", stdin="")
    assert result.returncode == 2 and "cannot be combined" in one_line(result.stderr)


def test_bad_baseline_files(sh):
    sh.write("a.py", IMP)
    result = sh.run("check", "--baseline", "missing.json", ".")
    assert result.returncode == 2 and "create it with --write-baseline" in one_line(result.stderr)
    sh.write("bogus.json", "[1, 2]")
    result = sh.run("check", "--baseline", "bogus.json", ".")
    assert result.returncode == 2 and "not an outmoded baseline" in one_line(result.stderr)


def test_python_m_in_a_directory_with_a_stdlib_named_module_neither_runs_it_nor_fails(sh):
    """`cd Lib && python -m outmoded check .`: -m puts the current directory first on sys.path, so
    outmoded's own `import ast` ran the project's ast.py (scanned code) and the check failed."""
    module = "ast"
    sh.write(f"{module}.py", "import imp\nopen('ran', 'w').close()\nraise SystemExit('the project ran')\n")
    sh.write("a.py", IMP)
    result = sh.run("check", "--no-cache", ".")
    assert result.returncode == 1, result.stderr
    assert "a.py:1:8: OM12001" in result.stdout and f"{module}.py:1:8: OM12001" in result.stdout
    assert not (sh.root / "ran").exists() and "the project ran" not in result.stderr


def test_an_internal_error_is_one_line(sh, tmp_path):
    """A bug must still end in one line and status 2 (OUTMODED_DEBUG=1 shows the traceback)."""
    plugin = tmp_path / "plug"
    plugin.mkdir()
    (plugin / "sitecustomize.py").write_text(
        "import outmoded.commands.rules as r\n"
        "def boom(args):\n    raise RuntimeError('boom')\n"
        "r.run = boom\n")
    env = environment()
    env["PYTHONPATH"] = f"{plugin}{os.pathsep}{env['PYTHONPATH']}"
    result = subprocess.run([sys.executable, "-m", "outmoded", "rules"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith("outmoded rules: internal error: RuntimeError: boom")


def test_show_files_and_show_settings(sh):
    sh.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.9,<3.13"\n'
                               '[tool.outmoded]\nextend-exclude = ["gen/"]\n')
    sh.write("src/a.py", "import imp\n")
    sh.write("gen/b.py", "import imp\n")
    files = sh.run("check", "--show-files")
    assert files.returncode == 0 and files.stdout.splitlines() == ["src/a.py"]
    settings = sh.run("check", "--show-settings", "src")
    assert settings.returncode == 0 and "target-version = '3.12'" in settings.stdout
    assert "extend-exclude = ('gen/',)" in settings.stdout


def test_config_key_value_overrides_and_negations(sh):
    sh.write("pyproject.toml", '[tool.outmoded]\nforce-exclude = true\nextend-exclude = ["legacy/"]\n')
    sh.write("legacy/a.py", "try:\n    import cgi\nexcept ImportError:\n    cgi = None\n")
    assert sh.run("check", "--no-cache", "legacy/a.py").stdout == ""  # excluded by the config
    named = sh.run("check", "--no-cache", "--no-force-exclude", "legacy/a.py")
    assert named.returncode == 0 and "legacy/a.py:2:12" in named.stdout
    gated = sh.run("check", "--no-cache", "--no-force-exclude", "--config", "fail-on = 'warning'", "legacy/a.py")
    assert gated.returncode == 1
    bad = sh.run("check", "--config", "fail-on = ", "legacy/a.py")
    assert bad.returncode == 2 and "neither a file nor a TOML" in one_line(bad.stderr)
    unknown = sh.run("check", "--config", "colour = 'red'", "legacy/a.py")
    assert unknown.returncode == 2 and "unknown key 'colour'" in one_line(unknown.stderr)


def test_cache_dir_option(sh):
    sh.write("a.py", IMP)
    result = sh.run("check", "--cache-dir", "elsewhere/cache", "a.py")
    assert result.returncode == 1 and (sh.root / "elsewhere/cache").is_dir()
    assert not (sh.root / ".outmoded_cache").exists()


def test_cache_dir_in_the_config_is_one_path(sh):
    """cache-dir is one path: an empty list was an internal error (IndexError), a list of two
    silently used the first, a number was said to need "a list of strings"."""
    sh.write("a.py", IMP)
    for value in ("[]", '["one", "two"]', "5", '""'):
        result = sh.run("check", "--config", f"cache-dir = {value}", "a.py")
        assert result.returncode == 2, value
        assert one_line(result.stderr).endswith('[tool.outmoded] cache-dir must be a path, as a string '
                                                '(such as ".outmoded_cache")'), value
    assert not (sh.root / "one").exists()
    named = sh.run("check", "--config", "cache-dir = 'kept'", "a.py")
    assert named.returncode == 1 and (sh.root / "kept").is_dir()


def test_stdin_filename_alone_reads_stdin(sh):
    result = sh.run("check", "--output-format", "concise", "--stdin-filename", "x.py", stdin="import imp\n")
    assert result.returncode == 1 and result.stdout.startswith("x.py:1:8: OM12001")


def test_deps_refuses_a_future_target_too(sh):
    sh.write("requirements.txt", "requests\n")
    result = sh.run("deps", "--offline", "--target-version", "3.99", "requirements.txt",
                    env=environment(OUTMODED_CACHE_DIR=str(sh.root / "c")))
    assert result.returncode == 2 and "newer than the newest Python outmoded knows" in one_line(result.stderr)


HOSTILE_ARG = "x\x1b[31m\n::warning::forged\u202e%0A<b>"


def _harmless(line: str) -> None:
    assert "\x1b" not in line and "\u202e" not in line
    assert "x\\x1b[31m\\x0a::warning::forged\\u202e%0A<b>" in line or repr(HOSTILE_ARG) in line


@pytest.mark.parametrize("args", [
    ["check", "--config", HOSTILE_ARG], ["check", "--target-version", HOSTILE_ARG], ["rules", "--select", HOSTILE_ARG],
    ["deps", HOSTILE_ARG], ["check", "--baseline", HOSTILE_ARG, "."], [f"--frobnicate={HOSTILE_ARG}", "check"],
])
def test_an_error_quoting_what_was_typed_is_one_harmless_line(sh, args):
    """A message quoting a file name or value (a config path, an unknown option) prints it with
    its control characters escaped: it can neither repaint the terminal nor start a line a CI
    runner reads as a command."""
    sh.write("a.py", "x = 1\n")
    result = sh.run(*args)
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]  # argparse prints the usage first
    assert "::warning::" not in "".join(line[:11] for line in result.stderr.splitlines())
    _harmless(last)


def test_an_internal_error_quoting_a_hostile_name_is_one_harmless_line(sh, tmp_path):
    plugin = tmp_path / "plug"
    plugin.mkdir()
    (plugin / "sitecustomize.py").write_text(
        "import outmoded.commands.rules as r\n"
        f"def boom(args):\n    raise OSError({HOSTILE_ARG!r})\n"
        "r.run = boom\n")
    env = environment()
    env["PYTHONPATH"] = f"{plugin}{os.pathsep}{env['PYTHONPATH']}"
    result = subprocess.run([sys.executable, "-m", "outmoded", "rules"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    _harmless(one_line(result.stderr))


def test_bidirectional_overrides_in_names_and_source_are_shown_escaped(sh):
    """Trojan Source: U+202E in a file name or a source line reorders what the terminal shows."""
    sh.write("evil\u202eyp.py", "import imp  # \u2066x\u2069\n")
    for style in ("full", "concise", "grouped"):
        result = sh.run("check", "--no-cache", "--output-format", style, ".")
        assert result.returncode == 1 and "evil\\u202eyp.py" in result.stdout
        assert not any(c in result.stdout for c in "\u202e\u2066\u2069")
    junit = sh.run("check", "--no-cache", "--output-format", "junit", ".").stdout
    assert "\u202e" not in junit and "evil\\u202eyp.py" in junit


@pytest.mark.parametrize("key", ["target-version", "min-version"])
def test_a_version_written_as_a_toml_number_is_refused(sh, key):
    """TOML reads target-version = 3.10 as the number 3.1: every file passed for 'Python 3.1'."""
    sh.write("a.py", "import imp\n")
    sh.write("pyproject.toml", f"[tool.outmoded]\n{key} = 3.10\n")
    result = sh.run("check", ".")
    assert result.returncode == 2
    assert 'must be a string, such as "3.13"' in one_line(result.stderr)
    sh.write("pyproject.toml", f'[tool.outmoded]\n{key} = "3.10"\n')
    assert sh.run("check", ".").returncode in (0, 1)


def test_a_new_report_file_gets_the_permissions_open_would_give_it(sh):
    """--output-file wrote through a private temporary file and kept its mode: a SARIF report a
    CI container wrote as root (0600) could not be read by the step uploading it."""
    sh.write("a.py", IMP)
    env = environment()
    for umask in (0o022, 0o077):
        report = sh.root / f"report-{umask:o}.sarif"
        result = subprocess.run(["sh", "-c", f'umask {umask:o} && exec "$0" -m outmoded "$@"', sys.executable,
                                 "check", "--output-format", "sarif", "-o", str(report), "."],
                                cwd=sh.root, env=env, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        assert report.stat().st_mode & 0o777 == 0o666 & ~umask
    report.chmod(0o640)  # an existing file keeps its own
    sh.run("check", "--output-format", "sarif", "-o", str(report), ".")
    assert report.stat().st_mode & 0o777 == 0o640
