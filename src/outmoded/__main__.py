"""``python -m outmoded``.

Under ``-m`` Python puts the current directory first on ``sys.path``, so a project checked from its
own directory whose modules are named like the standard library's (``ast.py``, ``tokenize.py``, a
CPython ``Lib``) would be imported in place of those by outmoded's own imports: the project's code
run, and the check failing.  That entry is taken off before anything else is imported (as black and
ruff do); ``-P`` / ``PYTHONSAFEPATH`` puts none there.
"""

import os
import sys



def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:  # the directory was deleted: -m put "" there
        return ""


if sys.path and not getattr(sys.flags, "safe_path", False) and sys.path[0] in ("", _cwd()):
    del sys.path[0]

from outmoded.cli import entry  # noqa: E402 - after the current directory is off sys.path

entry()
