"""Releases known to fail on a target (``deps/data/failing_releases.yaml``): each proven on the
real interpreter, ``breaks`` there whatever their code scan says, and skipped by the upgrade
search; on targets the entry does not name they are judged as before."""

from __future__ import annotations

import json

import pytest

from test_deps_installed import NOWHERE, install

from outmoded.cli import main

LINUX = ("--platform", "manylinux_x86_64")


def check(tmp_path, deps_json, lines, *args):
    (tmp_path / "requirements.txt").write_text("\n".join(lines) + "\n")
    return deps_json(*LINUX, *args)


def test_a_release_that_fails_on_the_real_target_breaks_and_upgrades_past_the_failing_ones(tmp_path, deps_json):
    code, found, document = check(tmp_path, deps_json, ["pydantic==1.10.8", "SQLAlchemy==2.0.15"],
                                  "--target-version", "3.13")
    assert code == 1 and document["not_ready"] == 2
    pydantic = found["pydantic"]
    assert (pydantic["status"], pydantic["minimum_ready"], pydantic["upgrade"]) == ("breaks", "1.10.16", ">=1.10.16")
    assert pydantic["message"].startswith("1.10.8: fails on the real Python 3.13 (a model field annotated with a string")
    assert "missing 1 required keyword-only argument: 'recursive_guard'" in pydantic["message"]
    assert pydantic["known_failure"]["fixed_in"] == "1.10.16"
    assert pydantic["code"]["findings"] == []  # its code scan found nothing
    sqlalchemy = found["SQLAlchemy"]
    assert (sqlalchemy["status"], sqlalchemy["minimum_ready"]) == ("breaks", "2.0.31")
    assert "directly inherits TypingOnly" in sqlalchemy["message"]


def test_the_free_threaded_build_of_the_target_fails_alike(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["SQLAlchemy==2.0.15"], "--target-version", "3.13t")
    assert (found["SQLAlchemy"]["status"], found["SQLAlchemy"]["minimum_ready"]) == ("breaks", "2.0.31")


def test_a_target_the_entry_does_not_name_and_the_fixed_release_stay_ready(tmp_path, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["pydantic==1.10.8"], "--target-version", "3.12")
    assert (code, found["pydantic"]["status"], found["pydantic"]["known_failure"]) == (0, "ok", None)
    code, found, _ = check(tmp_path, deps_json, ["pydantic==1.10.16", "pydantic>=1.10,<2"], "--target-version", "3.13")
    assert code == 0 and found["pydantic"]["status"] == "ok" and found["pydantic"]["version"] == "1.10.16"


def test_the_table_says_it_fails_on_the_real_interpreter(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("pydantic==1.10.8\n")
    code, out, _ = deps(*LINUX, "--target-version", "3.13")
    assert code == 1
    row = next(line for line in out.splitlines() if line.startswith("pydantic "))
    assert row.split()[3:7] == ["breaks", "(fails", "on", "the"] and ">=1.10.16" in row


def test_an_installed_release_that_fails_on_the_target_breaks(tmp_path, capsys):
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    install(site, "pydantic", "1.10.8", {"pydantic/__init__.py": "VERSION = '1.10.8'\n"})
    install(site, "pydantic_fixed", "1.10.8", {"pydantic_fixed/__init__.py": ""})
    capsys.readouterr()
    code = main(["deps", "--installed", str(site), "--target-version", "3.13", "--format", "json", *NOWHERE])
    found = {d["name"]: d for d in json.loads(capsys.readouterr().out)["dependencies"]}
    assert code == 1
    assert found["pydantic"]["status"] == "breaks" and "recursive_guard" in found["pydantic"]["message"]
    assert found["pydantic_fixed"]["status"] == "ok"


def test_a_release_pip_would_build_whose_build_is_known_to_fail_cannot_be_built(tmp_path, deps_json):
    """PyYAML 6.0 has wheels up to cp311; pip builds its sdist on 3.13, and the build fails with
    Cython 3 whatever the compiler: not ``source-only`` ("pip would build it"), ``breaks``."""
    code, found, _ = check(tmp_path, deps_json, ["PyYAML==6.0"], "--target-version", "3.13")
    pyyaml = found["PyYAML"]
    assert code == 1 and pyyaml["status"] == "breaks"
    assert pyyaml["message"].startswith("6.0: no cp313 wheel (wheels for cp310, cp311): pip cannot build it: ")
    assert "'build_ext' object has no attribute 'cython_sources'" in pyyaml["message"]
    # 6.0.1, wheels up to cp312, builds into pure Python: pip 26.3 --python on the real 3.13.18
    # (no C headers) falls back so, and yaml 6.0.1 loads there
    assert pyyaml["minimum_ready"] == "6.0.1"


def test_a_release_whose_build_fails_on_3_15_is_not_source_only_there(tmp_path, deps_json):
    """PyYAML 6.0 has no cp315 wheel, and pip 26.3 on the real 3.15.2 fails to build its sdist with Cython 3,
    as on 3.12 to 3.14: not ``source-only`` at 3.15 either."""
    code, found, _ = check(tmp_path, deps_json, ["PyYAML==6.0"], "--target-version", "3.15")
    pyyaml = found["PyYAML"]
    assert code == 1 and pyyaml["status"] == "breaks"
    assert pyyaml["message"].startswith("6.0: no cp315 wheel (wheels for cp310, cp311): pip cannot build it: ")
    assert "fails on the real Python 3.15" in pyyaml["message"]


def test_the_release_said_to_run_is_the_first_ready_one(tmp_path, deps_json):
    """PyYAML 6.0.1 has wheels up to cp312 and requires Cython<3.0 to build: Cython 0.29's build_ext
    is distutils' subclass, so its setup.py's fallback to pure Python holds. pip 26.3 on the real
    3.15.2 builds it with Cython 0.29.37 ("Error compiling module, falling back to pure Python") and
    yaml 6.0.1 loads there: ok, and the first ready release from 5.4.1, which Cython 3 fails to build,
    where deps said "6.0.1 runs" but "first ready release 6.0.4" (the first with a cp315 wheel)."""
    code, found, _ = check(tmp_path, deps_json, ["PyYAML==6.0.1"], "--target-version", "3.15")
    pyyaml = found["PyYAML"]
    assert (code, pyyaml["status"], pyyaml["code"]["optional_extensions"]) == (0, "ok", True), pyyaml
    assert "goes on without the compiled extensions" in pyyaml["message"]
    code, found, _ = check(tmp_path, deps_json, ["PyYAML==5.4.1"], "--target-version", "3.15")
    pyyaml = found["PyYAML"]
    assert (code, pyyaml["status"], pyyaml["minimum_ready"]) == (1, "breaks", "6.0.1"), pyyaml
    assert "6.0.1 runs" in pyyaml["message"] and "first ready release 6.0.1" in pyyaml["message"]


@pytest.mark.parametrize("pin, breaks_on, minimum_ready, raised, runs_on", [
    # typing_extensions 4.10.0 (warehouse's 2024 pin) sets __default__ on 3.13's typing.ParamSpec, read-only
    # there: limits 3.10.0 fails on import beside it on the real 3.13.18; 4.12.0 runs
    ("typing-extensions==4.10.0", ("3.13", "3.14"), "4.12.0",
     "'__default__' of 'typing.ParamSpec' objects is not writable", "3.12"),
    # py 1.5.4 (yui's Pipfile.lock of 2018-06) was 'ok' at 3.13: import py passes, py.path.local('/') raises
    # AttributeError: __spec__ from its vendored apipkg on the real 3.13.18, 3.14.10 and 3.15.2; 1.11.0 runs
    ("py==1.5.4", ("3.13", "3.14", "3.15"), "1.11.0", "AttributeError: __spec__", None),
    # protobuf 4.23.4 (huma-signals' poetry.lock of 2023-09, for web3 6.6.1) was 'ok' at 3.14: its abi3 wheel
    # installs, and importing a message module raises TypeError from its upb extension on the real 3.14.10
    # and 3.15.2; 5.27.0 runs. The real 3.13.18 runs it
    ("protobuf==4.23.4", ("3.14", "3.15"), "5.27.0", "Metaclasses with custom tp_new are not supported", "3.13"),
    # APScheduler 3.6.3 (python-telegram-bot 13.15's requirements.txt) was 'ok' at 3.14: its __init__ imports
    # pkg_resources, which the setuptools pip installs for its `setuptools>=0.7` (84.2.1) no longer ships;
    # import apscheduler raises on the real 3.13.18, 3.14.10 and 3.15.2; 3.10.2 runs
    ("APScheduler==3.6.3", ("3.13", "3.14", "3.15"), "3.10.2", "No module named 'pkg_resources'", None),
])
def test_a_release_known_to_fail_at_run_time(tmp_path, deps_json, pin, breaks_on, minimum_ready, raised, runs_on):
    name = pin.split("==")[0]
    for target in breaks_on:
        _, found, _ = check(tmp_path, deps_json, [pin], "--target-version", target)
        dep = found[name]
        assert (dep["status"], dep["minimum_ready"]) == ("breaks", minimum_ready), dep["message"]
        assert raised in dep["message"]
    if runs_on:
        _, found, _ = check(tmp_path, deps_json, [pin], "--target-version", runs_on)
        assert found[name]["status"] == "ok"
