"""``importlib.util.cache_from_source(path, debug_override)`` (removed in 3.15) rewritten to the
``optimization=`` form gives the same path: the original runs on this interpreter and real 3.13
and 3.14, the rewritten one there and on real 3.15, under ``-O`` and ``-OO`` too, and they print
the same (the interpreter's cache tag aside)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from realpythons import real_python

pytestmark = pytest.mark.realpython

SCRIPT = '''\
import sys
import importlib.util
from importlib.util import cache_from_source

flag, ext, nothing = True, ".py", None


def show(path):
    print(path.replace(sys.implementation.cache_tag, "TAG"))


show(importlib.util.cache_from_source("pkg/mod.py", True))
show(importlib.util.cache_from_source("pkg/mod.py", False))
show(importlib.util.cache_from_source("pkg/mod.py", None))
show(importlib.util.cache_from_source("pkg/mod.py", debug_override=True))
show(cache_from_source("pkg/mod.py", debug_override=False))
show(cache_from_source("pkg/mod.py", ext == ".pyc"))
show(cache_from_source("pkg/mod.py", not flag))
show(cache_from_source("pkg/mod.py", flag))  # unsafe: a None here would mean the optimization level
'''


def _outmoded(*args, cwd):
    src = str(Path(__file__).resolve().parents[2] / "src")  # this checkout's, wherever the test runs
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "outmoded", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _run(python, flags, script):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="ignore")
    run = subprocess.run([python, *flags, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    root = tmp_path_factory.mktemp("cfs")
    (root / "legacy.py").write_text(SCRIPT)
    (root / "fixed.py").write_text(SCRIPT)
    check = _outmoded("check", "--no-cache", "--target-version", "3.15", "--format", "json", "fixed.py", cwd=root)
    assert check.stdout.count('"fix": "safe"') == 7 and check.stdout.count('"fix": "unsafe"') == 1, check.stdout
    run = _outmoded("fix", "--no-cache", "--target-version", "3.15", "--unsafe-fixes", "fixed.py", cwd=root)
    assert "Fixed 8 finding(s)" in run.stdout, run.stdout + run.stderr
    text = (root / "fixed.py").read_text()
    assert "debug_override" not in text and "optimization='')" in text and "optimization=1)" in text
    return root / "legacy.py", root / "fixed.py"


@pytest.mark.parametrize("flags", [[], ["-O"], ["-OO"]], ids=["plain", "O", "OO"])
@pytest.mark.parametrize("version", ["here", "3.13", "3.14", "3.15"])
def test_same_path_before_and_after(scripts, version, flags):
    legacy, fixed = scripts
    python = sys.executable if version == "here" else real_python(version)
    if python is None:
        pytest.skip(f"no real python{version}")
    after = _run(python, flags, fixed)
    if version == "3.15":  # the original no longer runs: compare with the same flags on this interpreter
        before = _run(sys.executable, flags, legacy)
    else:
        before = _run(python, flags, legacy)
    assert after == before
    assert len(after.splitlines()) == 8 and "opt-1" in after


POSITIONAL = '''\
import os, os.path
from os.path import samefile
here = os.path.dirname(os.path.abspath(__file__))
print(int(x="12"), int(x="101", base=2), float(x = "1.5"), bool(x=0), list(sequence="ab"), tuple(sequence=[1]))
print(os.path.basename(p="a/b.py"), os.path.splitext(p="a/b.py"), os.path.join(a="a"), os.path.isabs(s="/a"))
print(os.path.getsize(filename=__file__) > 0, samefile(here, f2=here), os.path.commonprefix(m=["ab", "ac"]))
'''


def test_keywords_made_positional_print_what_they_printed_on_36(tmp_path):
    """int(x=), list(sequence=) ran on 3.6 (TypeError from 3.7), os.path.basename(p=) & co. up to 3.14:
    fixed to positional arguments, the script prints on the real 3.13, 3.14 and 3.15 what it printed
    unfixed on 3.6, and nothing is left to find."""
    from realpythons import older_python

    legacy, fixed = tmp_path / "legacy.py", tmp_path / "fixed.py"
    legacy.write_text(POSITIONAL)
    fixed.write_text(POSITIONAL)
    run = _outmoded("fix", "--no-cache", "--target-version", "3.15", "fixed.py", cwd=tmp_path)
    assert "Fixed 13 finding(s)" in run.stdout and "x=" not in fixed.read_text(), run.stdout + run.stderr
    python36 = older_python("3.6")
    if python36 is None:
        pytest.skip("no python3.6 under ~/.pyenv/versions")
    before = _run(python36, [], legacy).replace(str(legacy), str(fixed))
    ran = 0
    for version in ("3.13", "3.14", "3.15"):
        python = real_python(version)
        if python is not None:
            assert _run(python, [], fixed) == before, version
            ran += 1
    if not ran:
        pytest.skip("no real python3.13-3.15")


RENAMED_KEYWORDS = {
    # readfp(fp, filename=None) -> read_file(f, source=None): the file name a parse error names
    "readfp": ("3.8", '''\
import configparser
import io

parser = configparser.RawConfigParser()
parser.readfp(io.StringIO("[a]\\nb = 1\\n"), filename="first.ini")
parser.readfp(fp=io.StringIO("[c]\\nd = 2\\n"), filename="second.ini")
try:
    parser.readfp(io.StringIO("[e]\\n[e]\\n"), filename="broken.ini")
except configparser.Error as error:
    print(type(error).__name__, error)
print(parser.sections())
'''),
    # the reference renamed without its call: kept only where its calls pass no old keyword, in a
    # function (portage's and navdoon's shapes): a module's name may be called from elsewhere
    "readfp_names": ("3.8", '''\
import configparser
import io

parser = configparser.RawConfigParser()


def load():
    read = parser.readfp
    read(io.StringIO("[a]\\nb = 1\\n"), "first.ini")
    reader = getattr(parser, "read_file", parser.readfp)
    reader(io.StringIO("[c]\\nd = 2\\n"))


load()
print(parser.sections())
'''),
    # the reference renamed with the keywords of its calls, in a function where every call is
    # seen: filename= -> source=, fp= -> f= (also as a lambda's, and once at a call reached
    # through two references; getattr()'s default is never called on a floor that has read_file)
    "readfp_keywords_through_names": ("3.8", '''\
import configparser
import io

parser = configparser.RawConfigParser()


def load(name):
    read = parser.readfp
    try:
        read(io.StringIO("[a]\\n[a]\\n"), filename=name)
    except configparser.Error as error:
        print(type(error).__name__, error)
    reader = getattr(parser, "read_file", parser.readfp)
    reader(io.StringIO("[c]\\nd = 2\\n"), "second.ini")
    read(fp=io.StringIO("[e]\\n"))
    again = lambda text: read(io.StringIO(text), filename="third.ini")  # noqa: E731
    again("[f]\\n")


def load_either(text, flag):
    first = configparser.RawConfigParser()
    second = configparser.RawConfigParser()
    read = first.readfp
    if flag:
        read = second.readfp
    read(io.StringIO(text), filename="either.ini")
    return first.sections(), second.sections()


load("first.ini")
print(parser.sections())
print(load_either("[g]\\n", False), load_either("[h]\\n", True))
'''),
    # platform.popen(cmd, mode="r", bufsize=-1) -> os.popen(cmd, mode="r", buffering=-1)
    "popen": ("3.7", '''\
import platform

print(platform.popen("echo popen", bufsize=-1).read().strip())
print(platform.popen("echo popen", mode="r", bufsize=1).read().strip())
'''),
}


THROUGH_A_NAME = '''\
import configparser
import io

parser = configparser.RawConfigParser()
read = parser.readfp
read(io.StringIO("[a]\\n[a]\\n"), filename="broken.ini")
'''


UNPACKED = '''\
import configparser
import io


def load(options):
    parser = configparser.RawConfigParser()
    read = parser.readfp
    read(io.StringIO("[a]\\n"), **options)
    return parser
'''


@pytest.mark.parametrize("source", [THROUGH_A_NAME, UNPACKED], ids=["module-name", "unpacked"])
def test_a_reference_called_where_its_keywords_cannot_follow_is_not_fixed(tmp_path, source):
    """``read = parser.readfp; read(fp, filename="x.ini")``: renaming the reference alone gives
    ``read_file(fp, filename=...)``, a TypeError on the real 3.13 where the unfixed script's parse
    error named broken.ini on the floor.  The keywords of the calls through the name are renamed
    with it only where all of them are seen and passed by name: not for a module's name (another
    module may call it), nor a call unpacking ``**options`` (which may hold ``filename``).
    Reported without ``[*]``, and ``fix`` leaves it."""
    path = tmp_path / "legacy.py"
    path.write_text(source)
    args = ["--no-cache", "--target-version", "3.13", "--min-version", "3.8"]
    check = _outmoded("check", *args, "legacy.py", cwd=tmp_path).stdout
    assert "OM12057" in check and "[*]" not in check and "would keep its old keywords" in check, check
    _outmoded("fix", *args, "legacy.py", cwd=tmp_path)
    assert path.read_text() == source


SHARED = '''\
import configparser
import io

parser = configparser.RawConfigParser()
read = parser.readfp
read(io.StringIO("[a]\\nb = 1\\n"), "first.ini")
'''
IMPORTER = '''\
import io

from shared import read

try:
    read(io.StringIO("[e]\\n[e]\\n"), filename="broken.ini")
except Exception as error:
    print(type(error).__name__, error)
'''


def test_a_module_name_called_from_another_module_is_not_fixed(tmp_path):
    """``read = parser.readfp`` in a module, called there positionally and from another module with
    ``filename=``: renamed, the other call raised TypeError on the real 3.13 where the unfixed
    one's parse error named broken.ini on the floor (pyenv's 3.8).  check sees one module at a
    time, so a module's name gets no ``[*]``, and ``fix`` leaves it."""
    from realpythons import older_python

    (tmp_path / "shared.py").write_text(SHARED)
    (tmp_path / "importer.py").write_text(IMPORTER)
    args = ["--no-cache", "--target-version", "3.13", "--min-version", "3.8"]
    check = _outmoded("check", *args, ".", cwd=tmp_path).stdout
    assert "OM12057" in check and "[*]" not in check and "would keep its old keywords" in check, check
    _outmoded("fix", *args, ".", cwd=tmp_path)
    assert (tmp_path / "shared.py").read_text() == SHARED
    floor = older_python("3.8")
    if floor is not None:
        run = subprocess.run([floor, "-W", "ignore", "importer.py"], cwd=tmp_path, capture_output=True, text=True)
        assert run.stdout.startswith("DuplicateSectionError") and "broken.ini" in run.stdout, run.stdout + run.stderr


@pytest.mark.parametrize("name", sorted(RENAMED_KEYWORDS))
def test_keywords_the_replacement_spells_differently_are_renamed(tmp_path, name):
    """``parser.readfp(fp, filename="x.ini")`` was fixed to ``parser.read_file(fp, filename=...)``
    and ``platform.popen(cmd, bufsize=-1)`` to ``os.popen(cmd, bufsize=-1)``: a TypeError on every
    3.x (real 3.8, 3.13, 3.15).  Fixed with the replacement's keywords (``f=``, ``source=``,
    ``buffering=``), the script prints on the floor and on real 3.13 and 3.15 what it printed unfixed
    on the floor."""
    from realpythons import older_python

    floor, source = RENAMED_KEYWORDS[name]
    legacy, fixed = tmp_path / "legacy.py", tmp_path / "fixed.py"
    legacy.write_text(source)
    fixed.write_text(source)
    args = ["--no-cache", "--target-version", "3.13", "--min-version", floor]
    run = _outmoded("fix", *args, "fixed.py", cwd=tmp_path)
    assert "Fixed" in run.stdout and "All checks passed" in _outmoded("check", *args, "fixed.py", cwd=tmp_path).stdout
    text = fixed.read_text()
    assert "filename=" not in text and "bufsize=" not in text, text
    python = older_python(floor)
    if python is None:
        pytest.skip(f"no python{floor} under ~/.pyenv/versions")
    before = _run(python, [], legacy)
    assert _run(python, [], fixed) == before
    for version in ("3.13", "3.15"):
        real = real_python(version)
        if real is not None:
            assert _run(real, [], fixed) == before, version


FROMSTRING = '''\
import array

a = array.array("b")
a.fromstring(b"ab")
a.fromstring(b"\\x00" * 2)
a.fromstring(bytearray(b"c"))
a.fromstring(open(__file__, "rb").read(6))
print(a.tolist(), a.tostring())
b = array.array("b")
b.fromstring("d\\xe9")
print(b.tolist())
'''


def test_fromstring_is_fixed_where_its_argument_is_bytes(tmp_path):
    """``array.fromstring`` took a str on Python 3 too (encoded as UTF-8: pyenv's 3.8 gives
    [100, -61, -87] for "dé"), ``frombytes`` raises TypeError on one.  Fixed safe where the argument
    is bytes (a literal, ``bytes * n``, ``bytearray(...)``), unsafe where it is unknown, not at all
    for a str: the bytes part prints on the real 3.13 and 3.15 what it printed unfixed on 3.8."""
    from realpythons import older_python

    legacy, fixed = tmp_path / "legacy.py", tmp_path / "fixed.py"
    legacy.write_text(FROMSTRING)
    fixed.write_text(FROMSTRING)
    args = ["--no-cache", "--target-version", "3.13", "--min-version", "3.8"]
    check = _outmoded("check", *args, "fixed.py", cwd=tmp_path).stdout
    assert check.count("OM09005 [*]") == 3 and "argument is a str" in check and "OM09004 [*]" in check, check
    run = _outmoded("fix", *args, "--unsafe-fixes", "fixed.py", cwd=tmp_path)
    assert "Fixed 5 finding(s)" in run.stdout, run.stdout + run.stderr
    assert fixed.read_text().count("frombytes(") == 4 and 'b.fromstring("d' in fixed.read_text()
    python = older_python("3.8")
    if python is None:
        pytest.skip("no python3.8 under ~/.pyenv/versions")
    before = _run(python, [], legacy)
    assert before.splitlines()[1] == "[100, -61, -87]"
    first = before.splitlines()[0]
    assert _run(python, [], fixed).splitlines()[0] == first
    for version in ("3.13", "3.15"):
        real = real_python(version)
        if real is not None:
            broken = subprocess.run([real, str(fixed)], capture_output=True, text=True, timeout=60)
            assert broken.stdout.splitlines() == [first], version  # the str call is left, and fails
            probe = "import array; array.array('b').frombytes('d')"
            assert "TypeError" in subprocess.run([real, "-c", probe], capture_output=True, text=True).stderr


IMPORTED_CLASS = '''\
from ast import Num, Str as S


def make(number):
    build = Num
    return build(n=number)


print(Num(n=1).value, isinstance(S(s="x"), S), make(2).value, type(Num(n=4)).__name__)
'''
HANDED_ON = '''\
from ast import Num

print([node.value for node in map(Num, [1, 2])])
'''


def test_an_imported_class_is_renamed_with_the_keywords_of_its_calls(tmp_path):
    """``from ast import Num`` then ``Num(n=1)`` is fixed as ``ast.Num(n=1)`` was:
    ``from ast import Constant`` and ``Constant(value=1)`` (``Constant(n=1)`` raises TypeError on
    the real 3.15), also through a name a function binds to it; it was refused ('calls through the
    imported name would keep their old keywords').  The fixed script prints on the real 3.14 and
    3.15 what the unfixed one printed on the floor.  A name handed on (``map(Num, ...)``), whose
    calls are not seen, stays refused."""
    from realpythons import older_python

    legacy, fixed, handed = tmp_path / "legacy.py", tmp_path / "fixed.py", tmp_path / "handed.py"
    legacy.write_text(IMPORTED_CLASS)
    fixed.write_text(IMPORTED_CLASS)
    handed.write_text(HANDED_ON)
    args = ["--no-cache", "--target-version", "3.14", "--min-version", "3.8", "--unsafe-fixes"]
    check = _outmoded("check", *args, "fixed.py", "handed.py", cwd=tmp_path).stdout
    assert check.count("OM14004 [*]") == 2 and "handed.py:1:17: OM14004 `ast.Num`" in check, check
    _outmoded("fix", *args, "fixed.py", "handed.py", cwd=tmp_path)
    assert "All checks passed" in _outmoded("check", *args, "fixed.py", cwd=tmp_path).stdout
    text = fixed.read_text()
    assert "n=" not in text and "s=" not in text and "Constant(value=1)" in text, text
    assert handed.read_text() == HANDED_ON
    python = older_python("3.8")
    if python is None:
        pytest.skip("no python3.8 under ~/.pyenv/versions")
    before = _run(python, [], legacy)
    assert before == "1 True 2 Constant\n"
    assert _run(python, [], fixed) == before
    for version in ("3.14", "3.15"):
        real = real_python(version)
        if real is not None:
            assert _run(real, [], fixed) == before, version
