"""Helpers for the tests of outmoded.native (C, Cython, configuration) checks: data files and real Python headers."""

import glob
import os
import re
import shutil
import sysconfig
from pathlib import Path
from typing import Optional

import pytest

DATA = Path(__file__).parent / "data"


def python_includes() -> dict:
    """(3, N) -> include directory of a real CPython 3.N, for every one this machine has.

    Sources: the running interpreter, ``$OUTMODED_PYTHON_INCLUDES`` (os.pathsep-separated
    directories holding Python.h, e.g. extracted from Debian's libpython3.N-dev) and pyenv.
    """
    candidates = [sysconfig.get_paths()["include"]]
    candidates += [p for p in os.environ.get("OUTMODED_PYTHON_INCLUDES", "").split(os.pathsep) if p]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/include/python3.*")))
    found = {}
    for directory in candidates:
        patchlevel = Path(directory) / "patchlevel.h"
        if not patchlevel.is_file():
            continue
        text = patchlevel.read_text(errors="replace")
        major = re.search(r"#define\s+PY_MAJOR_VERSION\s+(\d+)", text)
        minor = re.search(r"#define\s+PY_MINOR_VERSION\s+(\d+)", text)
        if major and minor:
            found.setdefault((int(major[1]), int(minor[1])), directory)
    return found


def python2_include() -> Optional[str]:
    """The include directory of a real CPython 2.7 (pyenv), whose API the Python 3.0 entries removed."""
    for directory in sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/include/python2.7"))):
        if (Path(directory) / "Python.h").is_file():
            return directory
    return None


def include_flags(directory: str) -> list:
    # Debian's headers include "x86_64-linux-gnu/python3.N/pyconfig.h" relative to /usr/include
    return [f"-I{directory}", f"-I{os.path.dirname(directory)}"]


def need_gcc() -> str:
    path = shutil.which("gcc")
    if path is None:
        pytest.skip("gcc is not installed")
    return path


def copy_data(name: str, destination: Path, as_name: Optional[str] = None) -> Path:
    """Copy a file of tests/native/data into a scratch tree."""
    target = destination / (as_name or name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / name, target)
    return target
