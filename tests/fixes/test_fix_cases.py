"""Before/after files for each family of fixes (``cases/NAME.before`` -> ``cases/NAME.after``).

Each case is also run with CRLF newlines and with a UTF-8 BOM: the result must be the same
rewrite in the same encoding and newline style.  A second ``outmoded fix`` must change nothing.
"""

from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
EXTRA_ARGS = {"unsafe_fixes": ["--unsafe-fixes"]}
BOM = b"\xef\xbb\xbf"
VARIANTS = {
    "lf": lambda data: data,
    "crlf": lambda data: data.replace(b"\n", b"\r\n"),
    "bom": lambda data: BOM + data,
}


def _cases():
    return sorted(p.name[:-len(".before")] for p in CASES.glob("*.before"))


def fix(project, *args):
    return project.run("fix", "--no-cache", "--target-version", "3.15", *args)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("case", _cases())
def test_case(project, case, variant):
    convert = VARIANTS[variant]
    before = convert((CASES / f"{case}.before").read_bytes())
    expected = convert((CASES / f"{case}.after").read_bytes())
    path = project.write("mod.py", data=before)
    args = EXTRA_ARGS.get(case, [])
    code, out, err = fix(project, *args, "mod.py")
    assert code == (0 if "All checks passed" in out else 1), out + err  # ruff: 0 when all was fixed
    assert "internal error" not in out + err
    assert path.read_bytes() == expected
    compile(expected.decode("utf-8-sig"), "mod.py", "exec")
    code, out, err = fix(project, *args, "mod.py")
    assert path.read_bytes() == expected, "a second fix changed the file"
    assert "Fixed" not in out


def test_every_case_has_an_expected_result():
    assert _cases(), "no cases found"
    for case in _cases():
        assert (CASES / f"{case}.after").is_file(), case
