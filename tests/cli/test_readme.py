"""The README's quick start works as pasted."""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_start_run_command_works_as_pasted(sh):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text[text.index("## Quick start"):text.index("\n## ", text.index("## Quick start") + 1)]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1)
    commands = [line for line in block.splitlines() if line.startswith("outmoded ")]
    assert commands, block
    for command in commands:
        result = sh.run(*shlex.split(command)[1:], cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "All checks passed for Python 3.13" in result.stdout
