"""Each behaviour removal's ``proof`` works on every real Python before ``removed_in`` and fails
from it on: the catalog's claim that the code stops working, checked where it happens."""

import subprocess

import pytest

from outmoded.catalog import default_catalog, format_version
from realpythons import older_python, real_python

pytestmark = pytest.mark.realpython

BEHAVIOURS = [e for e in default_catalog().entries if e.kind == "behaviour"]
VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]


def interpreter(version: str):
    return real_python(version) or older_python(version)


@pytest.mark.parametrize("entry", BEHAVIOURS, ids=lambda e: e.code)
def test_proof_fails_exactly_from_removed_in(entry):
    ran = {}
    for version in VERSIONS:
        exe = interpreter(version)
        if exe is None:
            continue
        proc = subprocess.run([exe, "-W", "ignore", "-c", entry.proof], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=60)
        ran[version] = proc.returncode == 0
    removed = format_version(entry.removed_in)
    if not any(v == removed or tuple(map(int, v.split("."))) > entry.removed_in for v in ran):
        pytest.skip(f"no real Python {removed} or later here")
    expected = {v: tuple(map(int, v.split("."))) < entry.removed_in for v in ran}
    assert ran == expected
