"""The class members listing (``data/stdlib_members.txt``), which decides that a ``try`` naming
``self.assertRaisesRegex`` cannot fail, is what the real interpreters list: regenerated here on
the real 3.13, 3.14 and 3.15, every class's members agree with the file's for that version."""

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
