"""Lock files written by the real tools (``data/locks``, see its README for the versions), read
the way an installer would for the target: the transitive set, which direct dependency pulls
each package in, forks and markers decided per platform."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outmoded.deps import platforms, sources

LOCKS = Path(__file__).parent / "data" / "locks"
LINUX = platforms.PLATFORMS["manylinux_x86_64"]
WINDOWS = platforms.PLATFORMS["win_amd64"]


def read(path, version=(3, 13), chosen=(LINUX, WINDOWS)):
    found = sources.gather([str(path)], version, chosen)
    deps = {d.name.lower(): d for d in found.deps}
    return found, deps


def summary(deps) -> dict:
    """name -> (version, direct, required_by, platforms) for easy comparison."""
    return {name: (str(d.requirement.specifier)[2:], d.direct, d.required_by,
                   tuple(p.name for p in d.platforms)) for name, d in deps.items()}


BOTH = ("manylinux_x86_64", "win_amd64")
WIN = ("win_amd64",)


def test_uv_lock_follows_the_fork_for_the_target_and_records_edges():
    found, deps = read(LOCKS / "uv" / "uv.lock")
    assert summary(deps) == {
        "click": ("8.5.1", True, (), BOTH), "requests": ("2.34.2", True, (), BOTH),
        "pytest": ("9.2.0", True, (), BOTH),
        "urllib3": ("2.8.0", False, ("requests",), BOTH),  # the fork's edge names the version
        "idna": ("3.20", False, ("requests",), BOTH),
        "charset-normalizer": ("3.5.3", False, ("requests",), BOTH),
        "certifi": ("2026.10.19.post1", False, ("requests",), BOTH),
        "pysocks": ("1.7.1", False, ("requests",), BOTH),  # through the project's socks extra
        "pygments": ("2.21.0", False, ("pytest",), BOTH), "pluggy": ("1.7.0", False, ("pytest",), BOTH),
        "packaging": ("26.4", False, ("pytest",), BOTH), "iniconfig": ("2.3.1", False, ("pytest",), BOTH),
        "colorama": ("0.4.6", False, ("pytest",), WIN),  # sys_platform == 'win32' on the edge
    }
    assert {s.name for s in found.skipped} == {"exceptiongroup", "tomli", "typing-extensions"}
    assert deps["click"].file.endswith("uv.lock") and deps["click"].line == 212  # the 8.5.1 table
    assert found.read == [str(LOCKS / "uv" / "uv.lock")]


def test_uv_lock_on_an_older_target_takes_the_other_fork():
    _, deps = read(LOCKS / "uv" / "uv.lock", version=(3, 9), chosen=(LINUX,))
    got = summary(deps)
    assert got["click"][0] == "8.1.8" and got["requests"][0] == "2.32.5" and got["urllib3"][0] == "2.6.3"
    assert got["exceptiongroup"] == ("1.3.2", False, ("pytest",), ("manylinux_x86_64",))
    assert got["tomli"][2] == ("pytest",)


def test_pylock_from_uv_installs_the_same_set_as_its_uv_lock():
    """PEP 751 records a marker per package and no edges: the same packages, none "via"."""
    _, locked = read(LOCKS / "uv" / "uv.lock")
    _, exported = read(LOCKS / "uv" / "pylock.toml")
    assert {n: v[0] for n, v in summary(exported).items()} == {n: v[0] for n, v in summary(locked).items()}
    assert exported["colorama"].platforms == (WINDOWS,)
    assert all(d.required_by == () for d in exported.values())


def test_poetry_lock_takes_direct_dependencies_from_tool_poetry():
    found, deps = read(LOCKS / "poetry" / "poetry.lock")
    got = summary(deps)
    assert {n for n, v in got.items() if v[1]} == {"requests", "click", "colorama", "pytest"}
    assert got["pysocks"] == ("1.7.1", False, ("requests",), BOTH)  # optional, activated by [socks]
    assert got["colorama"] == ("0.4.6", True, (), WIN)  # a direct dependency with markers
    assert got["urllib3"] == ("2.6.3", False, ("requests",), BOTH)
    assert got["iniconfig"][2] == ("pytest",)
    assert found.read[0].endswith("poetry.lock (direct dependencies from "
                                  f"{LOCKS / 'poetry' / 'pyproject.toml'})")


def test_pdm_lock_merges_the_extras_entry_into_the_package():
    _, deps = read(LOCKS / "pdm" / "pdm.lock")
    got = summary(deps)
    assert got["pysocks"] == ("1.7.1", False, ("requests",), BOTH)
    assert got["colorama"] == ("0.4.6", False, ("click", "pytest"), WIN)
    assert {n for n, v in got.items() if v[1]} == {"requests", "click", "pytest"}
    assert "exceptiongroup" not in got


def test_pipfile_lock_entries_with_direct_ones_from_the_pipfile():
    _, deps = read(LOCKS / "pipenv" / "Pipfile.lock")
    got = summary(deps)
    assert {n for n, v in got.items() if v[1]} == {"requests", "click", "colorama", "pytest"}
    assert got["urllib3"] == ("2.8.0", False, (), BOTH)  # Pipfile.lock records no edges
    assert got["colorama"][3] == WIN


def test_lock_without_its_manifest_takes_unrequired_packages_as_direct(tmp_path):
    shutil.copy(LOCKS / "poetry" / "poetry.lock", tmp_path)
    _, deps = read(tmp_path / "poetry.lock")
    direct = {n for n, d in deps.items() if d.direct}
    assert direct == {"requests", "click", "pytest"}  # nothing in the lock requires these


def test_stale_lock_reports_the_missing_direct_dependency(tmp_path):
    shutil.copy(LOCKS / "pdm" / "pdm.lock", tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "d"\nversion = "1"\n'
                                             'dependencies = ["requests", "attrs>=23"]\n')
    _, deps = read(tmp_path / "pdm.lock")
    assert "not in pdm.lock: the lock is out of date" in deps["attrs"].error
    assert deps["requests"].error is None


def test_an_extra_pdm_did_not_lock_is_said_so_not_a_stale_lock(tmp_path):
    """pdm's own pdm.lock locks the groups [metadata] groups names; its extras copier and
    cookiecutter are not among them, and pdm lock --check says the lock is up to date."""
    shutil.copy(LOCKS / "pdm" / "pdm.lock", tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        (LOCKS / "pdm" / "pyproject.toml").read_text().replace('socks = ["requests[socks]"]',
                                                                 'socks = ["requests[socks]"]\nyaml = ["pyyaml"]'))
    found, deps = read(tmp_path / "pdm.lock")
    assert "pyyaml" not in deps and deps["pysocks"].error is None
    assert [(s.name, s.reason) for s in found.skipped if s.name == "pyyaml"] == [
        ("pyyaml", "in the extra yaml, which pdm.lock does not lock (its groups: default, socks, test)")]


def test_cli_says_which_file_it_read_and_who_pulls_what_in(tmp_path, deps):
    for name in ("uv.lock", "pyproject.toml"):
        shutil.copy(LOCKS / "uv" / name, tmp_path)
    (tmp_path / "requirements.txt").write_text("flask\n")
    _code, out, err = deps("--platform", "linux", "--target-version", "3.13")
    assert "Traceback" not in err
    assert "Read uv.lock\n" in out
    assert "note: also present, not read: pyproject.toml, requirements.txt" in out
    urllib3 = next(line for line in out.splitlines() if line.startswith("urllib3 "))
    assert "uv.lock:559 (via requests)" in urllib3
    assert "flask" not in out


@pytest.mark.parametrize("name, content, message", [
    ("uv.lock", 'version = "x"\n', "not a uv lock file"),
    ("poetry.lock", "[[package]]\nname = 'a'\n", "not a poetry lock file"),
    ("pdm.lock", "[metadata]\n", "not a pdm lock file"),
    ("Pipfile.lock", "{\"default\": {}}", "not a Pipfile.lock (no _meta section)"),
    ("Pipfile.lock", "[packages]", "not a Pipfile.lock (not JSON"),
    ("uv.lock", 'version = 1\nrevision = 3\nrequires-python = ">=3.11"\n', "a uv lock file that locks no package"),
    ("uv.lock", 'version = 2\n[[package]]\nname = "six"\nversion = "1.17.0"\n',
     "lock schema version 2; uv reads only version 1"),
    ("uv.lock", 'version = "1"\n[[package]]\nname = "six"\nversion = "1.17.0"\n',
     "its `version` is '1', not the integer uv writes"),
    ("pylock.toml", 'lock-version = "1.0"\ncreated-by = "x"\npackages = 3\n', "not a pylock file"),
    ("pylock.toml", 'created-by = "x"\n[[packages]]\nname = "a"\nversion = "1.0"\n', "not a pylock file"),
    ("pylock.toml", 'lock-version = "2.0"\ncreated-by = "x"\n[[packages]]\nname = "a"\nversion = "1.0"\n',
     "lock-version '2.0' is not 1.x"),
    ("package.json", '{"dependencies": {"left-pad": "1.0"}}', "not a dependency file outmoded deps reads"),
    ("notes.txt", "Remember to buy milk.\nAnd eggs!\n", "not a dependency file outmoded deps reads"),
    ("pyproject.toml", "[tool.black]\nline-length = 100\n", "no dependency table outmoded reads"),
    ("pyproject.toml", '[project]\nname = "x"\ndynamic = ["dependencies"]\n', "dependencies are dynamic"),
])
def test_files_it_does_not_understand_exit_2(tmp_path, deps, name, content, message):
    (tmp_path / name).write_text(content)
    code, out, err = deps(name)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


POETRY_LOCK = '[[package]]\nname = "requests"\nversion = "2.32.3"\n\n[metadata]\n{}python-versions = "^3.9"\n'
PDM_LOCK = '[metadata]\ngroups = ["default"]\nlock_version = {}\n\n[[package]]\nname = "requests"\nversion = "2.32.3"\n'


@pytest.mark.parametrize(("name", "content", "says"), [
    ("poetry.lock", POETRY_LOCK.format('lock-version = "3.0"\n'), "lock-version '3.0' in [metadata]; Poetry reads only 1.x and 2.x"),
    ("poetry.lock", POETRY_LOCK.format('lock-version = 2\n'), "lock-version 2 in [metadata]; Poetry reads only"),
    ("poetry.lock", POETRY_LOCK.format(""), "no lock-version in [metadata]; Poetry reads only"),
    ("pdm.lock", PDM_LOCK.format('"5.0"'), "lock_version '5.0'; pdm reads only 4.x"),
    ("pdm.lock", PDM_LOCK.format('"3.1"'), "lock_version '3.1'; pdm reads only 4.x"),
    ("pdm.lock", PDM_LOCK.format('"4.6.0"'), "lock_version '4.6.0'; pdm reads only 4.x up to 4.5"),
    ("pdm.lock", PDM_LOCK.format('"4.x"'), "lock_version '4.x'; pdm reads only 4.x up to 4.5"),
], ids=["poetry-3.0", "poetry-int", "poetry-none", "pdm-5.0", "pdm-3.1", "pdm-4.6.0", "pdm-4.x"])
def test_a_lock_format_its_tool_refuses_is_a_usage_error_not_ready(tmp_path, deps, name, content, says):
    """Poetry 2.x reads lock-version majors 1 and 2 (its locker's ``_READ_VERSION_RANGE = ">=1,<3"``)
    and raises "The lock file is not compatible with the current version of Poetry" on any other
    or none; pdm (lock format 4.5.1) finds another major, or a newer minor (4.6.0), "not
    compatible with PDM" and ``pdm install`` locks anew instead of installing the file.  Both were read as they stood: requests
    2.32.3 "ok", exit 0, for a file neither tool installs."""
    (tmp_path / name).write_text(content)
    code, out, err = deps("--target-version", "3.13", name)
    assert code == 2 and out == ""
    assert says in err and "Traceback" not in err


@pytest.mark.parametrize(("name", "content"), [
    ("poetry.lock", POETRY_LOCK.format('lock-version = "1.1"\n')),
    ("poetry.lock", POETRY_LOCK.format('lock-version = "2.1"\n')),
    ("pdm.lock", PDM_LOCK.format('"4.5.0"')),
    ("pdm.lock", PDM_LOCK.format('"4.5.7"')),  # a newer micro: pdm warns and reads it
    ("pdm.lock", PDM_LOCK.format('"4.1"')),
], ids=["poetry-1.1", "poetry-2.1", "pdm-4.5.0", "pdm-4.5.7", "pdm-4.1"])
def test_a_lock_format_its_tool_reads_is_judged(tmp_path, deps_json, name, content):
    (tmp_path / name).write_text(content)
    code, found, _ = deps_json("--target-version", "3.13", name)
    assert code == 0 and found["requests"]["status"] == "ok"


def test_a_lock_holding_no_package_is_not_the_one_discovered(tmp_path):
    """Textual's checkout of 2026-06: a uv.lock of its header alone beside the poetry.lock that
    locks its packages; uv.lock, preferred first, made the run exit 2."""
    from outmoded.deps.sources import discover

    (tmp_path / "uv.lock").write_text('version = 1\nrevision = 3\nrequires-python = ">=3.11"\n')
    (tmp_path / "poetry.lock").write_text('[[package]]\nname = "requests"\nversion = "2.32.3"\n\n'
                                          '[metadata]\nlock-version = "2.0"\n')
    files, notes = discover(tmp_path)
    assert [f.name for f in files] == ["poetry.lock"]
    assert notes[0].endswith("uv.lock: it locks no package")


def test_pyproject_without_a_table_is_noted_when_discovered(tmp_path, deps_json):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    (tmp_path / "requirements.txt").write_text("requests\n")
    code, found, document = deps_json("--platform", "linux", "--target-version", "3.13")
    assert code == 0 and list(found) == ["requests"]
    assert document["files_read"] == ["requirements.txt"]
    assert document["notes"][0].startswith("not read: pyproject.toml: no dependency table")


def test_requirements_named_like_one_keeps_bad_lines_as_rows(tmp_path, deps_json):
    (tmp_path / "requirements-dev.in").write_text("pytest>=8\n")
    (tmp_path / "dev.txt").write_text("requests\nnot a requirement at all\n")
    code, found, _ = deps_json("--platform", "linux", "--target-version", "3.13",
                               "requirements-dev.in", "dev.txt")
    assert found["not a requirement at all"]["reason"] == "invalid-requirement"
    assert found["requests"]["status"] == "ok" and code == 1


def test_uv_edge_without_a_version_takes_the_fork_locked_for_the_target(tmp_path):
    (tmp_path / "uv.lock").write_text(
        'version = 1\nrequires-python = ">=3.9"\n'
        '[[package]]\nname = "app"\nversion = "0"\nsource = { virtual = "." }\n'
        'dependencies = [{ name = "lib" }]\n'
        '[[package]]\nname = "lib"\nversion = "1.0"\nsource = { registry = "https://pypi.org/simple" }\n'
        'resolution-markers = ["python_full_version < \'3.10\'"]\n'
        '[[package]]\nname = "lib"\nversion = "2.0"\nsource = { registry = "https://pypi.org/simple" }\n'
        'resolution-markers = ["python_full_version >= \'3.10\'"]\n')
    assert str(read(tmp_path / "uv.lock")[1]["lib"].requirement) == "lib==2.0"
    assert str(read(tmp_path / "uv.lock", version=(3, 9))[1]["lib"].requirement) == "lib==1.0"


def test_uv_workspace_members_are_roots_and_non_index_sources_are_skipped(tmp_path):
    (tmp_path / "uv.lock").write_text(
        'version = 1\nrevision = 3\nrequires-python = ">=3.12"\n'
        '[manifest]\nmembers = ["app", "core"]\n'
        '[[package]]\nname = "app"\nversion = "0.1"\nsource = { editable = "." }\n'
        'dependencies = [{ name = "core" }, { name = "vendored" }]\n'
        '[[package]]\nname = "core"\nversion = "0.1"\nsource = { editable = "packages/core" }\n'
        'dependencies = [{ name = "six" }]\n'
        '[[package]]\nname = "vendored"\nversion = "1.0"\nsource = { git = "https://example.invalid/v.git#abc" }\n'
        '[[package]]\nname = "six"\nversion = "1.17.0"\nsource = { registry = "https://pypi.org/simple" }\n')
    found, deps = read(tmp_path / "uv.lock")
    assert summary(deps) == {"six": ("1.17.0", True, (), BOTH)}  # a workspace member's own need
    reasons = {s.name: s.reason for s in found.skipped}
    assert reasons == {"core": "the project itself",
                       "vendored": "not from an index (git https://example.invalid/v.git#abc)"}


def test_a_static_project_without_dependencies_declares_none(tmp_path, deps):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "leaf"\nversion = "1.0"\n')
    code, out, _err = deps("--platform", "linux", "--target-version", "3.13")
    assert code == 0 and "Read pyproject.toml" in out and "No dependencies to check." in out


def test_pylock_lines_point_at_each_version_and_uv_lock_is_preferred(tmp_path):
    _, deps = read(LOCKS / "uv" / "pylock.toml")
    text = (LOCKS / "uv" / "pylock.toml").read_text().splitlines()
    assert text[deps["click"].line - 1] == 'name = "click"' and text[deps["click"].line] == 'version = "8.5.1"'
    for name in ("pylock.toml", "uv.lock", "pyproject.toml"):
        shutil.copy(LOCKS / "uv" / name, tmp_path)
    assert [p.name for p in sources.discover(tmp_path)[0]] == ["uv.lock"]


TORCH_INDEX = "https://download.pytorch.org/whl/cpu"


def two_index_uv_lock(main: str, other: str) -> str:
    """uv's lock of a project pinning legacyimp to a second index (``[[tool.uv.index]]``,
    ``explicit = true``: torch from PyTorch's CPU index is the common case)."""
    return ('version = 1\nrevision = 3\nrequires-python = ">=3.11"\n'
            '[[package]]\nname = "app"\nversion = "0.1"\nsource = { virtual = "." }\n'
            'dependencies = [{ name = "legacyimp" }, { name = "numpy" }, { name = "requests" }]\n'
            f'[[package]]\nname = "legacyimp"\nversion = "1.0"\nsource = {{ registry = "{other}" }}\n'
            f'[[package]]\nname = "numpy"\nversion = "2.1.0"\nsource = {{ registry = "{main}" }}\n'
            f'[[package]]\nname = "requests"\nversion = "2.32.3"\nsource = {{ registry = "{main}" }}\n')


def test_a_package_locked_from_another_index_is_judged_on_that_index(tmp_path, index, second_index, deps_json):
    """uv and Poetry install a package the lock records from another index (torch 2.5.1+cpu from
    PyTorch's CPU index) from there: it is judged on that index, which the message names; it was
    'unknown' ('locked from another index ... run again with --index-url'), and asked of the run's
    index it was another release or none. The run's index is not asked for it, nor the other for
    the rest; an index that cannot be reached leaves it unknown, naming it."""
    other = second_index.url.rstrip("/")
    (tmp_path / "uv.lock").write_text(two_index_uv_lock(index.url.rstrip("/"), other))
    code, found, _ = deps_json("--platform", "linux", "--target-version", "3.13")
    legacy = found["legacyimp"]
    assert (code, legacy["status"]) == (1, "breaks"), legacy
    assert "legacyimp/loader.py:1 imp" in legacy["message"] and legacy["minimum_ready"] == "2.0"
    assert f"(judged on {other}, the index the lock records it from)" in legacy["message"]
    assert found["requests"]["status"] == "ok"
    assert second_index.requests_for("legacyimp") and not index.requests_for("legacyimp")
    assert second_index.downloads("legacyimp") and not index.downloads("legacyimp")
    assert not second_index.requests_for("requests")
    second_index.close()  # unreachable now
    (tmp_path / "cache").rename(tmp_path / "old-cache")
    code, found, _ = deps_json("--platform", "linux", "--target-version", "3.13")
    legacy = found["legacyimp"]
    assert (code, legacy["status"], legacy["reason"]) == (3, "unknown", "index-unreachable"), legacy
    assert f"judged on {other}" in legacy["message"]


def test_poetry_lock_records_a_legacy_source_as_another_index(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.poetry]\nname = "app"\nversion = "0.1"\n[tool.poetry.dependencies]\npython = "^3.11"\n'
        'torch = { version = "2.5.1+cpu", source = "pytorch" }\nsix = "1.17.0"\n')
    (tmp_path / "poetry.lock").write_text(
        '[[package]]\nname = "six"\nversion = "1.17.0"\noptional = false\npython-versions = "*"\nfiles = []\n\n'
        '[[package]]\nname = "torch"\nversion = "2.5.1+cpu"\noptional = false\npython-versions = ">=3.8"\nfiles = []\n\n'
        f'[package.source]\ntype = "legacy"\nurl = "{TORCH_INDEX}/"\nreference = "pytorch"\n\n'
        '[metadata]\nlock-version = "2.1"\npython-versions = "^3.11"\ncontent-hash = "0"\n')
    _, deps = read(tmp_path / "poetry.lock")
    assert (deps["torch"].index, deps["six"].index) == (TORCH_INDEX, "")
