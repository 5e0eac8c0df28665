"""Real CPython interpreters from ../shared/tools/real-pythons, for tests that prove behaviour."""

import shutil
from pathlib import Path

REAL_PYTHONS_BIN = Path.home() / ".cache" / "real-pythons" / "bin"


def real_python(version: str):
    """The path of a real ``python<version>``, or None when it has not been built here."""
    return shutil.which(f"python{version}", path=str(REAL_PYTHONS_BIN))


def older_python(version: str):
    """A CPython ``version`` (e.g. "3.9") installed by pyenv, for probing releases before 3.11; or None."""
    import glob

    found = sorted(glob.glob(str(Path.home() / ".pyenv" / "versions" / f"{version}.*" / "bin" / "python")))
    return found[-1] if found else None
