"""What a terminal user reads: colour only on a terminal (NO_COLOR, FORCE_COLOR, --color), the
source line with a caret, ruff's full/concise/grouped styles, counts per severity, plurals."""

import os
import pty
import subprocess
import sys

from .conftest import environment

ESC = "\x1b["


def run_in_terminal(sh, *args, **env) -> tuple[int, str]:
    """The CLI with its stdout on a pseudo-terminal, as in an interactive shell."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "outmoded", *args], cwd=sh.root, stdout=slave,
                               stderr=subprocess.PIPE, env=environment(TERM="xterm", **env))
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    code = process.wait(timeout=120)
    assert b"Traceback" not in process.stderr.read()
    return code, b"".join(chunks).decode().replace("\r\n", "\n")


def test_colour_on_a_terminal_and_not_in_a_pipe(sh):
    sh.write("a.py", "import imp\n")
    code, out = run_in_terminal(sh, "check", "--no-cache", "a.py")
    assert code == 1 and ESC in out
    assert f"{ESC}1;31mOM12001{ESC}0m" in out  # the code of an error in red
    piped = sh.run("check", "--no-cache", "a.py")
    assert piped.returncode == 1 and ESC not in piped.stdout


def test_no_color_and_force_color(sh):
    sh.write("a.py", "import imp\n")
    code, out = run_in_terminal(sh, "check", "--no-cache", "a.py", NO_COLOR="1")
    assert code == 1 and ESC not in out and "a.py:1:8: OM12001" in out
    forced = sh.run("check", "--no-cache", "a.py", env=environment(FORCE_COLOR="1"))
    assert ESC in forced.stdout
    assert ESC not in sh.run("check", "--no-cache", "--color", "never", "a.py",
                             env=environment(FORCE_COLOR="1")).stdout
    assert ESC in sh.run("check", "--no-cache", "--color", "always", "a.py").stdout
    # machine formats are never coloured
    assert ESC not in sh.run("check", "--no-cache", "--output-format", "json", "a.py",
                             env=environment(FORCE_COLOR="1")).stdout


def test_full_format_shows_the_line_with_a_caret(sh):
    sh.write("a.py", "import os\nx = 1;\timp_mod = __import__('x'); import imp as legacy\n")
    out = sh.run("check", "--no-cache", "--target-version", "3.13", "a.py").stdout
    lines = out.splitlines()
    header = lines.index(next(line for line in lines if line.startswith("a.py:2:")))
    source, caret = lines[header + 2], lines[header + 3]
    assert source.startswith("2 | x = 1;    imp_mod")  # the tab shown as spaces
    assert caret.index("^") == source.index("imp as legacy")
    assert caret.count("^") == len("imp as legacy")  # the finding's span


def test_full_format_shows_each_findings_own_line_whatever_the_newlines(sh):
    # \r\n, \r and \n as Python counts lines; two findings in a file, the last line unterminated
    (sh.root / "a.py").write_bytes(b"import os\r\nimport imp\rx = 1\nimport asyncore\r\n\ny = 2\nimport cgi")
    (sh.root / "b.py").write_bytes(b"\n" * 40 + b"import imp\n" + b"z = 3\n" * 40)
    out = sh.run("check", "--no-cache", "--target-version", "3.13", "--select", "OM", "a.py", "b.py").stdout
    shown = [line for line in out.splitlines() if " | " in line and not line.strip().startswith("|")]
    assert shown == ["2 | import imp", "4 | import asyncore", "7 | import cgi", "41 | import imp"], out


def test_concise_and_grouped(sh):
    sh.write("a.py", "import imp\nimport asyncore\n")
    sh.write("b.py", "import imp\n")
    concise = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise", ".").stdout
    lines = concise.splitlines()
    assert [line.split(" `")[0][:-3] for line in lines[:3]] == ["a.py:1:8: OM12", "a.py:2:8: OM12", "b.py:1:8: OM12"]
    assert lines[3].startswith("Found 3 findings") and len(lines) == 4
    grouped = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "grouped", ".").stdout
    lines = grouped.splitlines()
    assert lines[0] == "a.py:" and lines[1].startswith("  1:8 OM12001 ") and lines[2].startswith("  2:8 ")
    assert lines[3] == "" and lines[4] == "b.py:"
    old = sh.run("check", "--no-cache", "--target-version", "3.13", "--format", "text", ".").stdout
    assert old == concise  # --format text: the old name of concise


def test_summary_counts_severities_and_fixes(sh):
    sh.write("a.py", """\
        import imp
        imp.reload(imp)
        try:
            import cgi
        except ImportError:
            cgi = None
        """)
    out = sh.run("check", "--no-cache", "--target-version", "3.13", "--output-format", "concise",
                 "--fail-on", "warning", "a.py")
    assert out.returncode == 1
    assert "Found 3 findings for Python 3.13 (2 errors, 1 warning) in 1 file." in out.stdout
    assert "[*] 1 fixable with `outmoded fix`." in out.stdout
    sh.write("ok.py", "import importlib\n")
    clean = sh.run("check", "--no-cache", "ok.py")
    assert clean.returncode == 0 and "All checks passed for Python 3.15 (1 file)." in clean.stdout


def test_show_fixes_lists_what_fix_would_do(sh):
    sh.write("a.py", "import imp\nimp.reload(imp)\nimp.reload(imp)\n")
    out = sh.run("check", "--no-cache", "--output-format", "concise", "--show-fixes", "a.py").stdout
    assert "Fixes `outmoded fix` would apply:" in out
    assert "2 x OM12002 `imp.reload` -> importlib.reload (safe)" in out


def test_fail_on_levels(sh):
    sh.write("a.py", "try:\n    import cgi\nexcept ImportError:\n    cgi = None\n")
    assert sh.run("check", "--no-cache", "a.py").returncode == 0  # a warning alone passes by default
    assert sh.run("check", "--no-cache", "--fail-on", "warning", "a.py").returncode == 1
    sh.write("b.py", "import imp\n")
    assert sh.run("check", "--no-cache", "--fail-on", "never", "b.py").returncode == 0
    assert sh.run("check", "--no-cache", "--exit-zero", "b.py").returncode == 0
    sh.write("pyproject.toml", '[tool.outmoded]\nfail-on = "warning"\n')
    assert sh.run("check", "--no-cache", "a.py").returncode == 1
    assert sh.run("check", "--no-cache", "--fail-on", "error", "a.py").returncode == 0  # the CLI wins
    sh.write("pyproject.toml", '[tool.outmoded]\nfail-on = "sometimes"\n')
    bad = sh.run("check", "a.py")
    assert bad.returncode == 2 and "fail-on must be one of error, warning, never" in bad.stderr


def test_messages_use_the_names_users_write(sh):
    sh.write("a.py", "d = {}\nfor k, v in d.iteritems():\n    pass\n")
    out = sh.run("check", "--no-cache", "--output-format", "concise", "a.py").stdout
    assert "`dict.iteritems` was removed" in out and "builtins." not in out


def test_silent_prints_nothing(sh):
    sh.write("a.py", "import imp\n")
    result = sh.run("check", "--no-cache", "--silent", "a.py")
    assert result.returncode == 1 and result.stdout == ""


LEAVING = """
import atexit, sys, threading, time
sys.path[:0] = [{src!r}]
from outmoded.cli import leave
atexit.register(lambda: sys.stdout.write(" exit handler"))
sys.stdout.write("buffered output")
sys.stderr.write("a warning")
if {thread}:
    threading.Thread(target=lambda: (time.sleep(0.2), print(" thread done"))).start()
leave(3)
"""


def test_the_process_ends_with_its_output_exit_handlers_and_status():
    """The ``outmoded`` script ends its process without tearing the heap down (``cli.leave``):
    what is still buffered is written, the exit handlers run, the status is the command's; with
    another thread alive, the interpreter waits for it as usual."""
    src = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "src")
    for thread, expected in ((False, "buffered output exit handler"),
                             (True, "buffered output thread done\n exit handler")):
        run = subprocess.run([sys.executable, "-c", LEAVING.format(src=src, thread=thread)],
                             capture_output=True, text=True)
        assert (run.returncode, run.stdout, run.stderr) == (3, expected, "a warning")
