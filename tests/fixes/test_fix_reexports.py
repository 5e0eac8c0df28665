"""An import another module of the project reads through the module's own name stays, though
every use of it here is rewritten: ``import pkg.compat`` then ``pkg.compat.sre_constants`` elsewhere
fails with AttributeError, on every Python, once ``pkg/compat.py`` no longer imports it.  (``from
pkg.compat import sre_constants`` and star imports: tests/fixes/test_fix_command.py.)"""

import os
import subprocess

import pytest

from tests.realpythons import older_python, real_python

COMPAT = '''\
import sre_constants


def bad(pattern):
    import re
    try:
        re.compile(pattern)
    except sre_constants.error:
        return "bad"
    return "good"
'''
FIXED = COMPAT.replace("import sre_constants\n", "import sre_constants\nimport re\n", 1).replace(
    "except sre_constants.error", "except re.error")
ARGS = ("--no-cache", "--target-version", "3.15", "--min-version", "3.8")
READERS = {
    "dotted": "import pkg.compat\nprint(pkg.compat.bad('('), pkg.compat.sre_constants.MAXREPEAT > 0)\n",
    "from-package": "from pkg import compat\nprint(compat.bad('('), compat.sre_constants.MAXREPEAT > 0)\n",
    "alias": "import pkg.compat as c\nprint(c.bad('('), c.sre_constants.MAXREPEAT > 0)\n",
}


def _write(project, reader):
    project.write("pkg/__init__.py", "")
    path = project.write("pkg/compat.py", COMPAT)
    project.write("mod.py", READERS[reader])
    return path


@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_import_read_through_the_module_elsewhere_stays(project, reader):
    path = _write(project, reader)
    code, out, err = project.run("check", *ARGS, ".")
    assert "OM15011" in out and "the fix drops this import" not in out
    project.run("fix", *ARGS, ".")
    assert path.read_text() == FIXED


def test_another_attribute_of_the_module_does_not_keep_it(project):
    path = _write(project, "dotted")
    project.write("mod.py", "import pkg.compat\nprint(pkg.compat.bad('('))\n")
    project.run("fix", *ARGS, ".")
    assert "import sre_constants" not in path.read_text()


@pytest.mark.parametrize("version", ["3.8", "3.13"])
def test_the_reader_runs_after_the_fix_where_it_ran_before(project, version):
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"no Python {version} here")
    _write(project, "dotted")

    def run():
        env = dict(os.environ, PYTHONPATH=str(project.root), PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run([python, "-W", "ignore", "mod.py"], cwd=project.root, env=env, capture_output=True,
                              text=True, timeout=60)

    before = run()
    project.run("fix", *ARGS, ".")
    after = run()
    assert (before.returncode, before.stdout) == (0, "bad True\n"), before.stderr
    assert (after.returncode, after.stdout) == (0, "bad True\n"), after.stderr
