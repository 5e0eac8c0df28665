"""Template fixes keep the meaning of the arguments they move (operator precedence)."""

import subprocess
import sys

from outmoded.cli import main

CALLS = """\
a, b = 2, 1
print([
    d.has_key(a or b),
    not d.has_key(a if a else 5),
    {}.has_key(b) + 1,
])
"""


def test_moved_arguments_keep_their_grouping(tmp_path, capsys, monkeypatch):
    # what the calls meant: dict.has_key(key) was `key in d`, evaluated here by a stand-in
    legacy = tmp_path / "legacy.py"
    legacy.write_text("class D(dict):\n    def has_key(self, key):\n        return key in self\n\n"
                      "d = D({1: 'x'})\n" + CALLS.replace("{}.has_key", "D().has_key"))
    expected = subprocess.run([sys.executable, str(legacy)], capture_output=True, text=True, check=True).stdout
    assert expected == "[False, True, 1]\n"
    fixed = tmp_path / "fixed.py"
    fixed.write_text("d = {1: 'x'}\n" + CALLS)
    monkeypatch.chdir(tmp_path)
    main(["fix", "--no-cache", "--target-version", "3.13", "fixed.py"])
    capsys.readouterr()
    text = fixed.read_text()
    assert ".has_key(" not in text and "(a or b) in d" in text
    got = subprocess.run([sys.executable, str(fixed)], capture_output=True, text=True, check=True).stdout
    assert got == expected
