"""The class members listing (``data/stdlib_members.txt``), which decides that a ``try`` naming
``self.assertRaisesRegex`` cannot fail, is what the real interpreters list: regenerated here on
the real 3.13, 3.14 and 3.15, every class's members agree with the file's for that version.  The
names listing's ``!`` marks (a package whose ``import`` binds the submodules it lists) are what a
fresh interpreter that imports only that package shows."""

import subprocess

import pytest

from outmoded import present
from realpythons import real_python

pytestmark = pytest.mark.realpython


@pytest.mark.parametrize("version", ["3.13", "3.14", "3.15"])
def test_members_listing_is_the_real_interpreters(version):
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    target = tuple(int(p) for p in version.split("."))
    lines = present.generate([python], members=True).splitlines()[1:]
    assert len(lines) > 30
    for line in lines:
        cls, *names = line.split()
        for name in names:
            assert present.has_member(cls, name, target) is True, (cls, name)
        assert present.has_member(cls, "no_such_member", target) is False
    assert present.has_member("unittest.TestCase", "assertEquals", (3, 12)) is False
    assert present.has_member("unittest.TestCase", "assertEquals", (3, 11)) is True


@pytest.mark.parametrize("version", ["3.13", "3.14", "3.15"])
def test_the_submodules_a_packages_import_binds_are_there_after_importing_it_alone(version):
    # asynctest 0.13.0's selector.py: if hasattr(asyncio, "format_helpers"): ... else:
    # asyncio.events._format_callback never runs its else; importlib.util is bound only once
    # something imports it
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    target = tuple(int(p) for p in version.split("."))
    claimed = {}
    for package in list(present._load()):
        for name in present._line(present._load(), present._versions, package, target)[0]:
            if name.isidentifier() and present.imports_submodule(package, name, target):
                claimed.setdefault(package, []).append(name)
    assert "format_helpers" in claimed["asyncio"] and claimed["xml.dom"] == ["domreg"]
    assert "importlib" not in claimed and not present.imports_submodule("importlib", "util", target)
    for package, names in claimed.items():
        run = subprocess.run([python, "-I", "-S", "-c", "import sys; __import__(sys.argv[1]); m = sys.modules[sys.argv[1]]; "
                              "print(*[n for n in sys.argv[2:] if not hasattr(m, n)])", package, *names],
                             capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert run.returncode == 0 and run.stdout.split() == [], (package, run.stdout, run.stderr[-300:])
