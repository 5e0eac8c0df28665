"""Fixes inside an f-string's replacement field: what ``fix`` writes there must compile on every
Python the project supports, where the field cannot hold its f-string's quote before 3.12."""

import subprocess

import pytest

from tests.realpythons import older_python, real_python

SOURCE = '''\
import hmac


def sign(key, msg):
    return f"sig={hmac.new(key, msg).hexdigest()}" + f\'\'\'{hmac.new(key, msg, None).hexdigest()}\'\'\'


print(sign(b"k", b"m"))
'''
FIXED = '''\
import hmac


def sign(key, msg):
    return f"sig={hmac.new(key, msg, digestmod='md5').hexdigest()}" + f\'\'\'{hmac.new(key, msg, "md5").hexdigest()}\'\'\'


print(sign(b"k", b"m"))
'''
PRINTED = "sig=ed7e724d3a91554aaa2043041d9c5305ed7e724d3a91554aaa2043041d9c5305\n"


def test_a_string_written_in_an_f_string_takes_the_quote_the_f_string_does_not_use(project):
    path = project.write("mod.py", SOURCE)
    args = ("--no-cache", "--target-version", "3.15", "--min-version", "3.7")
    code, out, err = project.run("check", *args, "mod.py")
    assert out.count("OMB08001 [*]") == 2
    code, out, err = project.run("fix", *args, "mod.py")
    assert "internal error" not in out + err
    assert code == 0 and "Fixed 2 finding(s)" in out, out + err
    assert path.read_text() == FIXED


@pytest.mark.parametrize("version", ["3.7", "3.8", "3.11", "3.13", "3.15"])
def test_the_fixed_f_string_runs_from_the_floor_to_the_target(version, tmp_path):
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"no Python {version} here")
    path = tmp_path / "mod.py"
    path.write_text(FIXED)
    run = subprocess.run([python, str(path)], capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (0, PRINTED), run.stderr


DEBUG = '''\
import base64
import collections

print(f"{base64.encodestring(b'x')=}", f"{collections.Mapping.__name__ = !s}", f"{base64.encodestring(b'y')}")
'''


def test_a_self_documenting_field_keeps_its_text_and_the_others_are_fixed(project):
    """On the real 3.8 the first line prints ``base64.encodestring(b'x')=b'eA==\\n'``: renamed,
    the printed text would change on every Python the project supports."""
    path = project.write("mod.py", DEBUG)
    args = ("--no-cache", "--target-version", "3.15", "--min-version", "3.8")
    code, out, err = project.run("check", *args, "mod.py")
    assert out.count("no automatic fix: the f-string's `=` prints this expression's text") == 2
    assert out.count("[*]") == 2  # the last field's finding, and the summary line
    code, out, err = project.run("fix", *args, "mod.py")
    assert path.read_text() == DEBUG.replace("encodestring(b'y')", "encodebytes(b'y')")
    # a form feed on a line of its own (a page break, as old sources have) starts no line for
    # Python: the field is still found on its own line
    paged = DEBUG.replace("import collections\n", "import collections\n\x0c\n")
    path = project.write("mod.py", paged)
    code, out, err = project.run("check", *args, "mod.py")
    assert out.count("no automatic fix: the f-string's `=` prints this expression's text") == 2


NESTED = '''\
import hmac

k, m = b"k", b"m"
print(f"{len(f'{hmac.new(k, m).hexdigest()}')}")
print(f"""{len(f'{hmac.new(k, m).hexdigest()}')}""")
'''
NESTED_FIXED = NESTED.replace('''f"""{len(f'{hmac.new(k, m)''', '''f"""{len(f'{hmac.new(k, m, digestmod="md5")''')


def test_nested_f_strings_taking_both_quotes_get_no_fix_and_a_triple_quoted_one_does(project):
    """Before 3.12 a field of ``f"..."`` holding one of ``f'...'`` can hold no string at all; a
    field of ``f\"\"\"...\"\"\"`` can hold a ``"`` string: the second line is fixed."""
    path = project.write("mod.py", NESTED)
    args = ("--no-cache", "--target-version", "3.8", "--min-version", "3.6")
    code, out, err = project.run("check", *args, "mod.py")
    assert "4:17: OMB08001 `hmac.new" in out and "5:19: OMB08001 [*]" in out
    assert "no automatic fix: the f-strings around it take both quotes, and before Python 3.12 the string the" \
           " fix writes can take neither" in out
    code, out, err = project.run("fix", *args, "mod.py")
    assert "Fixed 1 finding(s)" in out and path.read_text() == NESTED_FIXED


@pytest.mark.parametrize("version", ["3.6", "3.8", "3.11", "3.13"])
def test_a_string_in_a_triple_quoted_f_string_keeps_its_quote_on_every_python(version, tmp_path):
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"no Python {version} here")
    path = tmp_path / "mod.py"
    path.write_text(NESTED_FIXED.splitlines(keepends=True)[4].replace("print(", "x = ("))
    run = subprocess.run([python, "-c", "import hmac; k, m = b'k', b'm'\n" + path.read_text() + "print(x)"],
                         capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (0, "32\n"), run.stderr
