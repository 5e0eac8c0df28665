"""Verdicts from wheel tags and requires-python, against the test index (see conftest.py)."""

from __future__ import annotations

LINUX = ("--platform", "manylinux_x86_64")


def check(tmp_path, deps_json, lines, *args):
    (tmp_path / "requirements.txt").write_text("\n".join(lines) + "\n")
    return deps_json(*LINUX, *args)


def test_the_issue_example(tmp_path, deps_json):
    lines = ["numpy==1.26.4", "pandas==2.2.2", "pillow==10.4.0", "requests==2.32.3"]
    code, found, document = check(tmp_path, deps_json, lines, "--target-version", "3.13",
                                  "--free-threading")
    assert code == 1
    assert document["target_version"] == "3.13"
    numpy = found["numpy"]
    assert (numpy["requested"], numpy["version"], numpy["file"], numpy["line"]) == \
        ("==1.26.4", "1.26.4", "requirements.txt", 1)
    assert (numpy["status"], numpy["minimum_ready"]) == ("source-only", "2.1.0")
    assert (numpy["free_threading"], numpy["free_threading_minimum_ready"]) == ("source-only", "2.1.0")
    assert "no cp313 wheel (wheels for cp310, cp311, cp312)" in numpy["message"]
    assert (found["pandas"]["status"], found["pandas"]["minimum_ready"]) == ("source-only", "2.2.3")
    pillow = found["pillow"]
    assert (pillow["status"], pillow["free_threading"]) == ("ok", "source-only")
    assert pillow["free_threading_minimum_ready"] == "11.0.0"
    assert pillow["upgrade"] == ">=11.0.0"
    assert (found["requests"]["status"], found["requests"]["free_threading"]) == ("ok", "ok")
    assert document["not_ready"] == 3


def test_ready_dependencies_exit_zero(tmp_path, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["numpy>=2", "pillow"], "--target-version", "3.13",
                           "--free-threading")
    assert code == 0
    assert found["numpy"]["version"] == "2.1.0"  # the newest final release, not 2.2.0rc1
    assert found["pillow"]["version"] == "11.0.0"
    assert {d["status"] for d in found.values()} == {"ok"}


def test_without_free_threading_its_keys_are_null(tmp_path, deps_json):
    code, found, document = check(tmp_path, deps_json, ["pillow==10.4.0"], "--target-version", "3.13")
    assert code == 0
    assert document["free_threading_checked"] is False
    assert found["pillow"]["free_threading"] is None
    assert found["pillow"]["free_threading_minimum_ready"] is None


def test_abi3_counts_when_its_base_is_old_enough(tmp_path, deps_json):
    _code, found, _ = check(tmp_path, deps_json, ["cryptography", "futureabi"], "--target-version", "3.13")
    assert found["cryptography"]["status"] == "ok"
    assert found["futureabi"]["status"] == "source-only"
    assert found["futureabi"]["minimum_ready"] is None
    assert "no release is ready for Python 3.13 yet" in found["futureabi"]["message"]
    _, found, _ = check(tmp_path, deps_json, ["futureabi"], "--target-version", "3.14")
    assert found["futureabi"]["status"] == "ok"


def test_abi3_does_not_count_for_the_free_threaded_build(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["cryptography"], "--target-version", "3.13",
                        "--free-threading")
    assert (found["cryptography"]["status"], found["cryptography"]["free_threading"]) == \
        ("ok", "source-only")


def test_pure_wheels_are_ready_everywhere(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["requests==2.32.3"], "--target-version", "3.15",
                        "--free-threading")
    assert (found["requests"]["status"], found["requests"]["free_threading"]) == ("ok", "ok")
    assert found["requests"]["free_threading_minimum_ready"] == "2.32.3"


def test_sdist_only(tmp_path, deps_json):
    # the index's generated sdists are one pure-Python module: pip builds them without a compiler
    # (one that compiles stays source-only: test_deps_code)
    code, found, _ = check(tmp_path, deps_json, ["sdistonly"], "--target-version", "3.13")
    assert code == 0
    assert (found["sdistonly"]["status"], found["sdistonly"]["version"]) == ("ok", "2.0")
    assert "no wheels at all): its sdist is pure Python" in found["sdistonly"]["message"]


def test_requires_python_excluding_the_target_is_incompatible(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["oldpy"], "--target-version", "3.13")
    assert found["oldpy"]["status"] == "incompatible"
    assert "requires-python <3.13,>=3.6 excludes Python 3.13" in found["oldpy"]["message"]
    _, found, _ = check(tmp_path, deps_json, ["oldpy"], "--target-version", "3.12")
    assert found["oldpy"]["status"] == "ok"


def test_unpinned_picks_the_newest_release_the_target_can_install(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["dropper", "pinned-dropper"], "--target-version", "3.13")
    assert (found["dropper"]["version"], found["dropper"]["status"]) == ("1.0", "ok")
    _, found, _ = check(tmp_path, deps_json, ["dropper==2.0"], "--target-version", "3.13")
    assert found["dropper"]["status"] == "incompatible"


def test_yanked_files_count_only_when_pinned(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["yanky"], "--target-version", "3.13")
    assert (found["yanky"]["version"], found["yanky"]["yanked"]) == ("1.0", False)
    _, found, _ = check(tmp_path, deps_json, ["yanky==1.1"], "--target-version", "3.13")
    assert (found["yanky"]["version"], found["yanky"]["yanked"]) == ("1.1", True)
    assert "yanked" in found["yanky"]["message"]
    _, found, _ = check(tmp_path, deps_json, ["yankfix==1.0"], "--target-version", "3.13")
    assert found["yankfix"]["minimum_ready"] == "1.2"  # 1.1's wheels are yanked


def test_missing_wheels_are_reported_per_platform(tmp_path, deps_json):
    (tmp_path / "requirements.txt").write_text("linuxonly\nwinonly\n")
    _code, found, document = deps_json("--target-version", "3.13", "--platform", "linux",
                                      "--platform", "windows")
    assert document["platforms"] == ["manylinux_x86_64", "win_amd64"]
    assert found["linuxonly"]["status"] == "source-only"
    assert found["linuxonly"]["platforms_without_wheels"] == ["win_amd64"]
    assert "no cp313 wheel for win_amd64" in found["linuxonly"]["message"]
    assert found["winonly"]["status"] == "incompatible"
    assert found["winonly"]["platforms_without_wheels"] == ["manylinux_x86_64"]
    assert "and no sdist" in found["winonly"]["message"]
    assert "(wheels for cp313; cp313 only for manylinux_2_17_x86_64)" \
        in found["linuxonly"]["message"]
    # on Linux alone: its cp313 wheels are elsewhere, and the message names where it lacks one and
    # where the cp313 wheels are (pycairo's were Windows-only: "wheels for ..., cp313" read as a
    # contradiction)
    _code, found, _ = deps_json("--target-version", "3.13", "--platform", "linux")
    assert found["winonly"]["message"].startswith(
        "1.0: no cp313 wheel for manylinux_x86_64 (wheels for cp313; cp313 only for win_amd64) and no sdist")


def test_version_not_on_the_index(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["numpy==9.9.9", "pandas>=99"], "--target-version", "3.13")
    assert found["numpy"]["status"] == "incompatible"
    assert "no release matches ==9.9.9" in found["numpy"]["message"]
    assert found["numpy"]["minimum_ready"] == "2.1.0"
    assert found["pandas"]["status"] == "incompatible"


def test_pyproject_and_markers_against_the_index(tmp_path, deps_json):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "demo"\ndependencies = ["numpy==1.26.4", "tomli; python_version < \'3.11\'"]\n'
        '[project.optional-dependencies]\nimage = ["pillow==11.0.0"]\n')
    _code, found, document = deps_json(*LINUX, "--target-version", "3.13")
    assert set(found) == {"numpy", "pillow"}
    assert (found["numpy"]["file"], found["numpy"]["line"]) == ("pyproject.toml", 3)
    assert [s["name"] for s in document["skipped"]] == ["tomli"]


def test_pep803_abi3t_loads_on_free_threaded_315_and_plain_abi3_does_not(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["stableft", "threadabi", "cryptography"],
                        "--target-version", "3.15", "--free-threading")
    assert (found["stableft"]["status"], found["stableft"]["free_threading"]) == ("ok", "ok")
    assert (found["threadabi"]["status"], found["threadabi"]["free_threading"]) == ("source-only", "ok")
    assert (found["cryptography"]["status"], found["cryptography"]["free_threading"]) == ("ok", "source-only")


def test_abi3t_does_not_load_before_315(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["threadabi"], "--target-version", "3.14", "--free-threading")
    assert found["threadabi"]["free_threading"] == "source-only"


def test_a_wheel_needing_a_newer_glibc_is_said_and_a_machine_naming_its_glibc_is_judged_by_it(tmp_path, deps_json):
    """deps judges the target machine, not this one: ``manylinux_x86_64`` is any glibc, so a
    release whose only wheel for the target needs glibc 2.39 is ready there with the floor said;
    a machine named with its glibc (Debian 12's 2.36) cannot install it, and pip would build it.
    A wheel for glibc 2.28, which uv takes for a plain ``linux`` machine and every maintained
    distribution has, says nothing more (numpy 2.3.4's cp314 wheels)."""
    _, found, _ = check(tmp_path, deps_json, ["glibcfloor==1.0"], "--target-version", "3.15")
    assert found["glibcfloor"]["status"] == "ok"
    assert found["glibcfloor"]["message"] == \
        "1.0: has wheels for Python 3.15 (on manylinux_x86_64 only with glibc 2.39 or newer)"
    _, found, _ = check(tmp_path, deps_json, ["glibcfloor==1.0"], "--target-version", "3.14")
    assert found["glibcfloor"]["message"] == "1.0: has wheels for Python 3.14"
    (tmp_path / "requirements.txt").write_text("glibcfloor==1.0\n")
    for machine, status in (("manylinux_2_36_x86_64", "source-only"), ("manylinux_2_39_x86_64", "ok")):
        _, out, document = deps_json("--platform", machine, "--target-version", "3.15")
        assert (out["glibcfloor"]["status"], document["platforms"]) == (status, [machine])
