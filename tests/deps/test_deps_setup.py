"""An sdist's setup.py, judged as pip's build runs it on the target (``deps.setupbuild``).

The sdists are built in ``release_files.py`` (``setup_scripts``) and served by the test index; the
last test builds the same files with the real pip on the real 3.13 and checks that exactly those
judged not to build fail there.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from realpythons import real_python
from release_files import sdist, setup_scripts
from test_deps_code import check

BREAKS_AT = {  # version -> the first offending line the message names
    "1.0": "setup.py:1 imp",
    "1.1": "setup.py:2 distutils.util.run_2to3",
    "1.2": "setup.py:1 pkg_resources",
    "1.3": "setup.py:2 setup(use_2to3=...)",
    "1.4": "setup.py:2 Python 2 syntax",
    "1.5": "setup.py:5 imp",
    "1.6": "setup.py:5 ssl.wrap_socket",
    "1.7": "setup.py:1 six",
    "1.8": "ez_setup.py:2 Python 2 syntax",
    "1.9": "versioneer.py:13 configparser.SafeConfigParser",  # in get_version(), which setup.py calls
    "1.10": "setup.py:6 distutils.command.build_py.build_py_2to3",  # its except ImportError: exits
    "1.11": "setup.py:1 six",  # setup_requires names it, but setup.py's top level runs before pip installs it
}


@pytest.mark.parametrize("version", sorted(BREAKS_AT))
def test_a_pure_sdist_whose_setup_py_fails_on_the_target_is_not_ready(tmp_path, deps_json, version):
    code, found, _ = check(tmp_path, deps_json, [f"setupbreaks=={version}"])
    dep = found["setupbreaks"]
    assert (code, dep["status"]) == (1, "breaks"), dep
    assert f"pip cannot build it: its setup.py fails on the target at {BREAKS_AT[version]}" in dep["message"]
    assert dep["code"]["findings"] == [] and dep["code"]["build"][0]["path"] == BREAKS_AT[version].split(":")[0]
    assert dep["code"]["backports"] == []  # the isolated build gets none of the user's requirements
    assert dep["minimum_ready"] == "2.0"


def test_what_the_build_does_not_run_or_has_is_no_reason(tmp_path, deps_json):
    """2.0: distutils names setuptools' copy keeps, ``wheel`` (it vendors it), the sdist's own
    package, ``imp`` in a function nobody calls (in setup.py, and in a helper beside it whose other
    function setup.py calls) and in a test command's ``run``, ``pkg_resources`` in a try catching ImportError, ``use_2to3=False``; 2.1:
    ``import imp`` in a setup.py hatchling never runs; 2.2: ``pkg_resources`` under a build that
    pins a setuptools which still ships it; 2.3: ``import __builtin__`` in the handler of ``try: import
    builtins`` (netifaces 0.10.9), which never runs; 2.4: ``import commands`` of its own module, in
    a folder setup.py puts on ``sys.path`` (grpcio 1.85.4), not Python 2's; 2.5: ``import six`` in
    a command's method, with ``setup_requires=['six']``, which pip installs before the build runs
    the command (kiwisolver 1.3.2's ``build_ext`` importing ``cppy``); 2.6: a function importing
    ``bdist_msi`` called only under ``if sys.platform == 'win32':`` (pycurl 7.44.1); 2.7: ``import
    Cython`` in a command's method under an ``if`` of a flag the build never sets (uvloop 0.14.0's
    ``need_cythonize``)."""
    for version in ("2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"):
        code, found, _ = check(tmp_path, deps_json, [f"setupbreaks=={version}"])
        dep = found["setupbreaks"]
        assert (code, dep["status"], dep["code"]["build"]) == (0, "ok", []), (version, dep)


def test_a_release_with_wheels_for_older_pythons_whose_setup_py_fails_breaks(tmp_path, deps_json):
    """pandas 1.1.5 ships wheels up to cp39; pip on the target builds its sdist, whose setup.py imports
    pkg_resources, which the build's setuptools no longer has: no compiler helps, so not "pip would
    build it from source". A setup.py that goes on without it still needs the compiler."""
    code, found, _ = check(tmp_path, deps_json, ["cp39build==1.0"])
    dep = found["cp39build"]
    assert (code, dep["status"]) == (1, "breaks"), dep
    assert dep["message"].startswith("1.0: no cp313 wheel (wheels for cp39): pip cannot build it: its setup.py "
                                     "fails on the target at setup.py:1 pkg_resources"), dep["message"]
    code, found, _ = check(tmp_path, deps_json, ["cp39build==1.1"])
    dep = found["cp39build"]
    assert (code, dep["status"]) == (1, "source-only") and "pip would build it from source" in dep["message"], dep


def test_a_release_with_wheels_for_older_pythons_whose_shipped_c_the_target_cannot_compile_breaks(tmp_path, deps_json):
    """uvloop 0.14.0 (wheels up to cp38): pip on the target compiles its loop.c, 6.9 MB of C that
    Cython 0.29.13 generated, which fails there (pyenv's 3.13.0: ``longintrepr.h: No such file or
    directory``); its build_ext's ``import Cython`` runs only when the .c is missing. The reason
    is the C, named by its first line, read past the bound of a member."""
    code, found, _ = check(tmp_path, deps_json, ["cp39build==1.2"])
    dep = found["cp39build"]
    assert (code, dep["status"], dep["code"]["build"]) == (1, "breaks", []), dep
    assert dep["message"].startswith("1.2: no cp313 wheel (wheels for cp39): its code uses APIs the target lacks: "
                                     "cp39build/_c.c:1 Cython 0.29.13"), dep["message"]
    assert "which Python 3.13 and later cannot compile" in dep["code"]["findings"][0]["message"]
    # 1.3's build requires Cython>=3, which regenerates the C; C or Python findings alone prove no
    # failed build (numpy 1.26.4, wheels up to cp312: its meson build installs no numpy/distutils on 3.12+)
    for version in ("1.3", "1.4"):  # 1.4: src/ layout, its C generated from a .py (gevent 20.5.2)
        code, found, _ = check(tmp_path, deps_json, [f"cp39build=={version}"])
        assert (code, found["cp39build"]["status"]) == (1, "source-only"), found["cp39build"]
    code, found, _ = check(tmp_path, deps_json, ["yamlext==1.1"])  # its C uses Py_TRASHCAN_SAFE_BEGIN
    assert (code, found["yamlext"]["status"]) == (1, "source-only"), found["yamlext"]


def test_the_text_table_names_the_setup_py_line(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("setupbreaks==1.0\n")
    code, out, _ = deps("--platform", "manylinux_x86_64", "--target-version", "3.13")
    row = next(line for line in out.splitlines() if line.startswith("setupbreaks"))
    assert code == 1 and row.split()[3:6] == ["breaks", "(setup.py:1", "imp)"]


@pytest.mark.network
def test_the_real_pip_on_the_real_313_fails_to_build_exactly_those(tmp_path):
    """pip 26.3 (installed for 3.13 with --target) builds each sdist on the real 3.13, in its
    isolated environment with the setuptools the index has: the 1.x fail, the 2.x build."""
    python = real_python("3.13")
    if python is None:
        pytest.skip("no real python3.13 (../shared/tools/real-pythons)")
    pip = tmp_path / "pip"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(pip), "--python-version",
                                "3.13", "--only-binary", ":all:", "pip"], capture_output=True, text=True)
    if installed.returncode:
        pytest.skip(f"pip for 3.13 could not be installed: {installed.stderr[-300:]}")
    built = {}
    for version, files in setup_scripts().items():
        archive = tmp_path / f"setupbreaks-{version}.tar.gz"
        archive.write_bytes(sdist("setupbreaks", version, files))
        run = subprocess.run([python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-cache-dir", "-w",
                              str(tmp_path / "wheels"), str(archive)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(pip)}, timeout=600)
        if "Could not find a version" in run.stderr or "NewConnectionError" in run.stderr:
            pytest.skip("the index is not reachable for the build requirements")
        built[version] = run.returncode == 0
    assert built == {version: version not in BREAKS_AT for version in setup_scripts()}, built


def test_a_setup_py_is_read_never_run(tmp_path):
    """The judgement parses setup.py: a setup.py that would leave a trace leaves none."""
    from outmoded.deps import setupbuild

    trace = tmp_path / "ran"
    setup = f"import pathlib\npathlib.Path({str(trace)!r}).write_text('ran')\nimport imp\n"
    members = [("x-1.0/setup.py", setup.encode())]
    assert [f.api for f in setupbuild.judge("x-1.0.tar.gz", members, (3, 13))] == ["imp"]
    assert not trace.exists()
    assert setupbuild.judge("x-1.0.tar.gz", [("x-1.0/setup.py", b"\xff\xfe(((")], (3, 13)) == []


def test_a_setup_py_refusing_the_target_is_incompatible_at_its_line(tmp_path, deps_json):
    # numba 0.61.2: no cp314 wheel, and its setup.py's _guard_py_ver() raises RuntimeError there:
    # pip fails whatever a compiler could build, so not source-only but incompatible
    (tmp_path / "requirements.txt").write_text("pyguard==1.0\npyguard==2.0\n")
    _code, _found, document = deps_json("--platform", "linux", "--target-version", "3.13")
    first, second = document["dependencies"]
    assert first["status"] == second["status"] == "incompatible"
    assert first["message"] == ("1.0: its setup.py refuses Python 3.13: setup.py:31 raises RuntimeError: Cannot "
                                "install on Python version {}; only versions >={},<{} are supported.; no release is ready for "
                                "Python 3.13 yet")
    assert first["minimum_ready"] is None  # 3.0's sdist compiles: source-only, not ready
    (tmp_path / "requirements.txt").write_text("pyguard==1.0\n")
    _code, found, _document = deps_json("--platform", "linux", "--target-version", "3.12")
    assert found["pyguard"]["status"] == "ok"  # its cp312 wheel: setup.py never runs
    (tmp_path / "requirements.txt").write_text("pyguard==3.0\n")
    _code, found, _document = deps_json("--platform", "linux", "--target-version", "3.13")
    assert found["pyguard"]["status"] == "source-only"  # 3.0 admits 3.13: a compiler builds it
