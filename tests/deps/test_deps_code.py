"""Code verdicts: the release's library code is fetched from the test index and checked.

The wheels and sdists are real archives built in ``release_files.py`` and served by the index
in ``conftest.py`` (range requests honoured, except under ``/norange/``).
"""

from __future__ import annotations

import os

import pytest

TAG = "cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64"

LINUX = ("--platform", "manylinux_x86_64", "--target-version", "3.13")


def check(tmp_path, deps_json, lines, *args):
    (tmp_path / "requirements.txt").write_text("\n".join(lines) + "\n")
    return deps_json(*LINUX, *args)


def test_a_release_importing_imp_breaks_and_names_the_line(tmp_path, deps_json):
    code, found, document = check(tmp_path, deps_json, ["legacyimp==1.0"])
    assert code == 1
    dep = found["legacyimp"]
    assert dep["status"] == "breaks"
    assert "legacyimp/loader.py:1 imp" in dep["message"]
    assert dep["minimum_ready"] == "2.0" and dep["upgrade"] == ">=2.0"
    paths = {f["path"] for f in dep["code"]["findings"]}
    assert paths == {"legacyimp/loader.py"}  # not its tests, not docs/conf.py
    assert {f["api"] for f in dep["code"]["findings"]} >= {"imp", "imp.find_module"}
    assert document["not_ready"] == 1


def test_the_user_s_own_files_do_not_stand_in_for_what_a_release_imports(tmp_path, deps_json):
    # the project deps is run in has a module and a folder named like removed stdlib modules (its
    # own imp.py, a vendored asyncore/): the release's `import imp` still fails where it is installed
    (tmp_path / "imp.py").write_text("def reload(m):\n    return m\n")
    (tmp_path / "legacyimp").mkdir()
    (tmp_path / "legacyimp" / "__init__.py").write_text("")
    (tmp_path / "legacyimp" / "imp.py").write_text("")
    code, found, _ = check(tmp_path, deps_json, ["legacyimp==1.0"])
    assert (code, found["legacyimp"]["status"]) == (1, "breaks")
    assert "legacyimp/loader.py:1 imp" in found["legacyimp"]["message"]


def test_the_clean_release_is_ok(tmp_path, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["legacyimp==2.0"])
    assert code == 0
    assert found["legacyimp"]["status"] == "ok"
    assert found["legacyimp"]["code"]["checked_files"] == 2


def test_a_dependency_s_noqa_does_not_make_it_ready(tmp_path, deps_json):
    # celery 3.1's five.py: the comment silences its linter, the import still fails on 3.13
    code, found, _ = check(tmp_path, deps_json, ["noqaed"])
    assert (code, found["noqaed"]["status"]) == (1, "breaks")
    assert "noqaed/five.py:4 imp" in found["noqaed"]["message"]


def test_a_guarded_import_does_not_break(tmp_path, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["guarded"])
    assert (code, found["guarded"]["status"]) == (0, "ok")


def test_a_compiled_wheel_fetches_only_its_python_members(tmp_path, deps_json, index):
    _, found, _ = check(tmp_path, deps_json, ["compiled==1.0"])
    dep = found["compiled"]
    assert dep["status"] == "breaks" and "compiled/loader.py:1 imp" in dep["message"]
    assert dep["minimum_ready"] == "2.0"
    # each wheel is mostly a 400 kB .so of random bytes: its zip tail and .py members are read
    sizes = sum(len(index.files[f"compiled-{v}-{TAG}.whl"]) for v in ("1.0", "2.0"))
    assert 0 < index.server.sent < sizes / 4
    assert all(headers.get("Range") for path, headers in index.log if path.startswith("/files/"))


def test_a_server_that_ignores_range_still_gets_a_verdict(tmp_path, deps_json, index):
    _, found, _ = check(tmp_path, deps_json, ["norange"])
    assert found["norange"]["status"] == "breaks"
    assert "norange/loader.py:1 imp" in found["norange"]["message"]
    assert len(index.downloads("norange")) == 1  # the whole file once, no second try


def test_a_truncated_archive_could_not_be_checked(tmp_path, deps, deps_json):
    code, found, document = check(tmp_path, deps_json, ["truncated"])
    assert code == 3
    dep = found["truncated"]
    assert (dep["status"], dep["reason"]) == ("unknown", "archive-unreadable")
    assert "could not be checked" in dep["message"]
    assert document["not_ready"] == 0 and document["could_not_be_checked"] == 1
    code, out, err = deps(*LINUX)
    assert code == 3 and "Traceback" not in err
    assert "1 of 1 dependencies could not be checked" in out


def test_a_zip_bomb_member_is_skipped_not_inflated(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["zipbomb"])
    dep = found["zipbomb"]
    assert dep["status"] == "breaks" and "zipbomb/loader.py:1 imp" in dep["message"]
    assert any("zipbomb/huge.py: skipped" in note for note in dep["code"]["notes"])


def test_a_member_climbing_out_of_the_archive_is_refused(tmp_path, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["traversal"])
    dep = found["traversal"]
    assert (code, dep["status"], dep["reason"]) == (3, "unknown", "archive-unreadable")
    assert "unsafe member name '../../evil.py'" in dep["message"]


def test_an_sdist_counts_its_package_not_setup_py_tests_or_docs(tmp_path, deps_json):
    if os.path.exists("/tmp/outmoded-setup-py-ran"):
        os.unlink("/tmp/outmoded-setup-py-ran")
    _, found, _ = check(tmp_path, deps_json, ["sdistimp", "sdistclean"])
    dep = found["sdistimp"]
    assert dep["status"] == "breaks"
    assert {f["path"] for f in dep["code"]["findings"]} == {"sdistimp/loader.py"}
    # src/ layout, clean, nothing to compile: pip builds it on any Python, as a pure wheel installs
    assert found["sdistclean"]["status"] == "ok"
    assert "its sdist is pure Python, which pip builds without a compiler" in found["sdistclean"]["message"]
    assert found["sdistclean"]["code"]["compiles"] is False
    assert found["sdistclean"]["code"]["checked_files"] == 1
    assert not os.path.exists("/tmp/outmoded-setup-py-ran")


def test_an_sdist_with_too_many_members_is_not_read(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["tarbomb"])
    assert found["tarbomb"]["status"] == "source-only"  # not ready anyway: no wheel
    assert "its code could not be checked" in found["tarbomb"]["message"]
    assert "more than 20000 members" in found["tarbomb"]["code"]["problem"]


def test_the_first_ready_release_is_found_by_bisection_within_the_bound(tmp_path, deps_json, index):
    _, found, _ = check(tmp_path, deps_json, ["slowfix==1.0"])
    dep = found["slowfix"]
    assert (dep["status"], dep["minimum_ready"]) == ("breaks", "1.17")
    assert dep["search_cut_short"] is False
    scanned = {path.split("/")[-1] for path in index.downloads("slowfix")}
    assert len(scanned) <= 9  # 1.0 itself (judged anyway) plus at most eight downloads, not thirty


def test_a_search_cut_short_says_so(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["slowfix==1.0"], "--max-downloads", "3")
    dep = found["slowfix"]
    assert dep["search_cut_short"] is True
    assert dep["minimum_ready"] in {f"1.{n}" for n in range(17, 30)}
    assert "search cut short" in dep["message"]


def test_verdicts_are_cached_and_offline_answers_from_the_cache(tmp_path, deps_json, index):
    check(tmp_path, deps_json, ["legacyimp==1.0", "compiled==1.0"])
    before = len(index.downloads())
    code, found, _ = check(tmp_path, deps_json, ["legacyimp==1.0", "compiled==1.0"], "--offline")
    assert len(index.downloads()) == before
    assert (found["legacyimp"]["status"], found["compiled"]["status"]) == ("breaks", "breaks")
    assert found["legacyimp"]["minimum_ready"] == "2.0"
    assert code == 1


def test_offline_without_a_cached_verdict_could_not_be_checked(tmp_path, deps_json):
    check(tmp_path, deps_json, ["legacyimp==2.0"], "--tags-only")  # caches the page only
    code, found, _ = check(tmp_path, deps_json, ["legacyimp==2.0"], "--offline")
    assert (code, found["legacyimp"]["status"], found["legacyimp"]["reason"]) == (3, "unknown", "not-cached")


def test_tags_only_does_not_download(tmp_path, deps_json, index):
    code, found, _ = check(tmp_path, deps_json, ["legacyimp==1.0"], "--tags-only")
    assert (code, found["legacyimp"]["status"]) == (0, "ok")
    assert index.downloads() == []


def test_the_text_table_shows_the_first_offending_line_problems_first(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("legacyimp==2.0\ntruncated\nlegacyimp==1.0\n")
    code, out, _ = deps(*LINUX)
    assert code == 1
    rows = [line for line in out.splitlines() if line.startswith(("legacyimp", "truncated"))]
    assert rows[0].split()[:6] == ["legacyimp", "==1.0", "1.0", "breaks", "(legacyimp/loader.py:1", "imp)"]
    assert rows[0].split()[6] == ">=2.0"
    assert rows[1].startswith("truncated") and "unknown (archive-unreadable)" in rows[1]
    assert rows[2].split()[3] == "ok"
    assert "1 of 3 dependencies are not ready for Python 3.13." in out
    assert "1 of 3 dependencies could not be checked (not counted as not ready)." in out


def test_a_dependency_fixed_by_a_backport_says_which_line_to_add(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["cgiuser", "legacyimp==1.0"])
    dep = found["cgiuser"]
    assert dep["status"] == "breaks"
    assert "add `legacy-cgi; python_version >= '3.13'` to the requirements" in dep["message"]
    assert dep["code"]["backports"] == ["legacy-cgi; python_version >= '3.13'"]
    assert found["legacyimp"]["code"]["backports"] == ["zombie-imp; python_version >= '3.12'"]


HASH = " --hash=sha256:" + "0" * 64


@pytest.mark.parametrize("lines, ready", [
    (["cgiuser==1.0", "legacy-cgi==2.6.2"], True),
    (["distutilsuser==1.0", "setuptools==99.0"], True),
    (["distutilsuser==1.0", "setuptools==60.0"], False),  # setuptools brings distutils from 66.1
    (["cgiuser==1.0", "legacy-cgi==2.6.2; python_version < '3.13'"], False),
])
def test_a_backport_the_lock_installs_is_there_for_every_release_in_it(tmp_path, deps_json, lines, ready):
    """pip in hash-checking mode installs the whole set the file locks (as uv, Poetry, pdm and pipenv
    install theirs): a backport in it brings its module back for every release it holds, whoever
    requires it (on the real 3.13: stdeb 0.10.0's distutils beside setuptools 80.9.0, cgi beside
    legacy-cgi 2.6.2)."""
    code, found, _ = check(tmp_path, deps_json, [line + HASH for line in lines])
    user = found[lines[0].partition("==")[0]]
    assert (code, user["status"]) == ((0, "ok") if ready else (1, "breaks"))
    if not ready:
        assert "a backport brings them back: add `" in user["message"]


@pytest.mark.parametrize("lines, ready", [
    (["cgiuser==1.0", "legacy-cgi"], True),
    (["cgiuser==1.0", "legacy-cgi>=2.6; python_version >= '3.13'"], True),
    (["cgiuser==1.0", "legacy-cgi; python_version < '3.13'"], False),  # not installed on the target
    (["cgiuser==1.0", "legacyimp==2.0"], False),  # another backport (zombie-imp's module) brings no cgi
])
def test_a_backport_a_requirements_file_names_is_there_for_every_line_of_it(tmp_path, deps_json, lines, ready):
    """pip install -r installs every line of the file into one environment, lock or not: on the real
    3.13.18, WebOb 1.8.7 (webob/compat.py: from cgi import FieldStorage) installed from a
    requirements file naming WebOb and legacy-cgi parses a multipart POST.  A backport whose marker
    excludes the target is not installed there: the row stays, with the line to add."""
    code, found, _ = check(tmp_path, deps_json, lines)
    assert (code, found["cgiuser"]["status"]) == ((0, "ok") if ready else (1, "breaks"))
    if not ready:
        assert "a backport brings them back: add `legacy-cgi; python_version >= '3.13'`" in found["cgiuser"]["message"]


@pytest.mark.parametrize("base, dev, ready", [
    (["legacy-cgi==2.6.2"], ["-r requirements.txt", "cgiuser==1.0"], True),
    (["cgiuser==1.0"], ["-r requirements.txt", "legacy-cgi==2.6.2"], False),
])
def test_a_backport_an_included_file_names_is_there_for_the_file_including_it(tmp_path, deps_json, base, dev,
                                                                                ready):
    """requirements-dev.txt's -r requirements.txt installs both files' lines together; requirements.txt
    is installed alone too (in production), without what only the dev file adds."""
    (tmp_path / "requirements.txt").write_text("\n".join(base) + "\n")
    (tmp_path / "requirements-dev.txt").write_text("\n".join(dev) + "\n")
    code, found, _ = deps_json(*LINUX)
    assert (code, found["cgiuser"]["status"]) == ((0, "ok") if ready else (1, "breaks"))


def test_requires_python_from_the_pep658_metadata_file(tmp_path, deps_json, index):
    code, found, _ = check(tmp_path, deps_json, ["metaonly"])
    dep = found["metaonly"]
    assert (code, dep["status"]) == (1, "incompatible")
    assert "requires-python <3.12 (in metaonly-1.0-py3-none-any.whl's metadata)" in dep["message"]
    assert index.downloads("metaonly") == ["/files/metaonly-1.0-py3-none-any.whl.metadata"]


def test_a_backport_the_dependency_requires_itself_makes_it_ready(tmp_path, deps_json):
    """pyftpdlib 2.2.0 imports asynchat and requires ``pyasynchat; python_version >= "3.12"``:
    installed on 3.13, its import works. A requirement whose marker excludes the target, or one
    asked for only by an extra, brings nothing."""
    code, found, _ = check(tmp_path, deps_json, ["backported==1.0"])
    assert (code, found["backported"]["status"]) == (1, "breaks")
    assert "backported/handlers.py:1 asynchat" in found["backported"]["message"]
    assert found["backported"]["minimum_ready"] == "2.0"
    _, found, _ = check(tmp_path, deps_json, ["backported==1.1"])
    assert found["backported"]["status"] == "breaks"
    code, found, _ = check(tmp_path, deps_json, ["backported"])
    assert (code, found["backported"]["status"]) == (0, "ok")
    assert found["backported"]["code"]["checked_files"] == 1 and found["backported"]["code"]["findings"] == []


def test_a_module_the_required_backport_brings_with_it_is_there(tmp_path, deps_json):
    """audioread 3.1.0 requires standard-aifc from 3.13 and imports audioop: standard-aifc requires
    audioop-lts there, so installed on the real 3.13, audioread.rawread imports."""
    code, found, _ = check(tmp_path, deps_json, ["broughtbackport==1.0"])
    assert (code, found["broughtbackport"]["status"]) == (0, "ok"), found["broughtbackport"]


def test_an_sdist_s_pkg_info_or_static_pyproject_requirements_count_too(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["sdistbackported", "tomlbackported"])
    for name in ("sdistbackported", "tomlbackported"):
        dep = found[name]
        assert dep["status"] == "ok", dep  # no wheel, pure Python: built anywhere, its code runs
        assert dep["code"]["checked_files"] == 2 and dep["code"]["findings"] == []


def test_an_old_sdist_s_egg_info_requires_txt_counts_where_pkg_info_has_none(tmp_path, deps_json):
    """An sdist made before metadata 2.1 lists its requirements only in ``*.egg-info/requires.txt``:
    the lines before the first section and a ``[:marker]`` section whose marker holds are installed;
    an ``[extra]`` section's are not, nor a ``[:python_version < "3"]`` one's on the target."""
    for pin, status in (("==1.0", "ok"), ("==1.1", "breaks"), ("==2.0", "ok")):
        _, found, _ = check(tmp_path, deps_json, [f"eggbackported{pin}"])
        dep = found["eggbackported"]
        assert dep["status"] == status, (pin, dep)
        assert dep["code"]["checked_files"] == 2
        if status == "breaks":
            assert "eggbackported/handlers.py:1 asynchat" in dep["message"]


def test_an_sdist_that_compiles_needs_a_wheel_and_a_pure_one_is_an_upgrade(tmp_path, deps_json):
    """Only an sdist: a pure-Python one is ready where its code runs (pip builds it without a
    compiler: pyftpdlib 2.2.0 ships no wheel); one with C, Cython or Rust sources is built by a
    compiler the user may not have, and stays source-only."""
    _, found, _ = check(tmp_path, deps_json, ["sdistnative", "sdistfix==1.0"])
    native = found["sdistnative"]
    assert native["status"] == "source-only" and native["code"]["compiles"] is True
    assert "pip would build it from source" in native["message"]
    fix = found["sdistfix"]
    assert fix["status"] == "breaks" and "sdistfix/loader.py:1 imp" in fix["message"]
    assert fix["minimum_ready"] == "1.2" and fix["upgrade"] == ">=1.2"  # 1.1 is clean but compiles


def test_an_extension_whose_failed_build_setup_py_lets_through_does_not_break(tmp_path, deps_json):
    """pyrsistent 0.17.3's C code no longer compiles on 3.13, but its setup.py's build_ext catches
    the failure: pip on the real 3.13 installs it without the extension, and pvector works.
    MarkupSafe 1.1.1 and SQLAlchemy 1.3.24 retry setup() without it under a top-level if."""
    for version in ("0.7", "0.8", "1.0"):
        _, found, _ = check(tmp_path, deps_json, [f"optionalext=={version}"])
        dep = found["optionalext"]
        assert dep["status"] == "ok" and dep["code"]["compiles"] is False, (version, dep)
        assert dep["code"]["optional_extensions"] is True and "goes on without the compiled extensions" in dep["message"]
        assert any("optionalext/_c.c: 2 finding(s) in a compiled extension" in n for n in dep["code"]["notes"])
    _, found, _ = check(tmp_path, deps_json, ["optionalext==0.9"])  # its handler raises again
    assert found["optionalext"]["status"] == "breaks" and "Py_TRASHCAN_SAFE_BEGIN" in found["optionalext"]["message"]


def test_a_release_with_wheels_for_older_pythons_whose_sdist_goes_on_without_extensions_is_judged_by_its_code(
        tmp_path, deps_json):
    """MarkupSafe 1.1.1 has wheels up to cp39 and an sdist whose setup.py retries without its C
    speed-ups: pip on 3.13 builds the pure-Python package, whose code decides (1.1 imports cgi)."""
    _, found, _ = check(tmp_path, deps_json, ["cp39ext==1.0"])
    dep = found["cp39ext"]
    assert dep["status"] == "ok" and dep["code"]["optional_extensions"] is True, dep
    assert "no cp313 wheel" in dep["message"] and "goes on without the compiled extensions" in dep["message"]
    _, found, _ = check(tmp_path, deps_json, ["cp39ext==1.1"])
    assert found["cp39ext"]["status"] == "breaks" and "cp39ext/__init__.py:1 cgi" in found["cp39ext"]["message"]


def test_an_sdist_whose_build_ext_raises_only_when_asked_installs_its_pure_python_package(tmp_path, deps_json):
    """PyYAML 5.3.1 has wheels up to cp39; its setup.py's build_ext (distutils', imported as
    _build_ext) raises only with --with-libyaml and otherwise falls back to pure Python, from lib3/
    (package_dir {2: 'lib', 3: 'lib3'}): pip 24.2 on 3.13 and 26.3 on the real 3.14 and 3.15 build
    it with CC=false and yaml.safe_load works there. PyYAML 5.4.1 builds with Cython, whose newest
    build_ext its setup.py does not fit; PyYAML 3.12's lib3 uses collections.Hashable."""
    _, found, _ = check(tmp_path, deps_json, ["yamlext==1.0"])
    dep = found["yamlext"]
    assert dep["status"] == "ok" and dep["code"]["optional_extensions"] is True, dep
    assert "goes on without the compiled extensions" in dep["message"]
    assert dep["code"]["checked_files"] == 2  # lib3/yamlext/__init__.py and ext/_yamlext.c; not lib/
    _, found, _ = check(tmp_path, deps_json, ["yamlext==1.1"])
    assert found["yamlext"]["status"] == "source-only", found["yamlext"]
    _, found, _ = check(tmp_path, deps_json, ["yamlext==1.2"])
    dep = found["yamlext"]
    assert dep["status"] == "breaks" and "yamlext/__init__.py:5 collections.Hashable" in dep["message"], dep


def test_an_sdist_whose_extensions_are_optional_where_pip_builds_installs_its_pure_python_package(tmp_path, deps_json):
    """tornado 6.5.4 ships abi3 wheels, none for the free-threaded build, where pip builds its sdist:
    its one Extension has ``optional=os.environ.get("TORNADO_EXTENSION") != "1"``, true with the
    variable unset, and setuptools goes on when an optional extension fails (pip 26.3 on the real
    3.14 builds it with CC=false, without tornado.speedups). ``== "1"`` makes it mandatory: the
    build needs a compiler."""
    (tmp_path / "requirements.txt").write_text("optflag==1.0\n")
    code, found, _ = deps_json("--platform", "manylinux_x86_64", "--target-version", "3.13t")
    dep = found["optflag"]
    assert (code, dep["status"], dep["free_threading"]) == (0, "ok", "ok"), dep
    (tmp_path / "requirements.txt").write_text("optflag==1.1\n")
    code, found, _ = deps_json("--platform", "manylinux_x86_64", "--target-version", "3.13t")
    dep = found["optflag"]
    assert (code, dep["status"], dep["free_threading"]) == (1, "ok", "source-only"), dep


def test_a_large_sdist_pip_would_build_is_read_too(tmp_path, deps_json):
    """SQLAlchemy 1.3.24 has wheels up to cp39 and a 6.3 MB sdist whose setup.py retries without its
    C extensions: pip on the real 3.13 installs it without a compiler and its 167 modules import on
    the real 3.13, 3.14 and 3.15; it was "source-only" while only sdists of at most 4 MiB were read."""
    _, found, _ = check(tmp_path, deps_json, ["cp39ext==1.2"])
    dep = found["cp39ext"]
    assert dep["status"] == "ok" and dep["code"]["optional_extensions"] is True, dep
    assert "goes on without the compiled extensions" in dep["message"]


def test_a_flag_another_module_of_the_release_defines_guards_its_python2_branch(tmp_path, deps_json,
                                                                                tmp_path_factory, monkeypatch):
    # passlib 1.7.4: `from passlib.utils.compat import PY3 / if PY3: ... else: from urllib import quote`;
    # urllib3 1.26: `from ..packages import six / if six.PY2: import Queue`. The release's modules are
    # one project, as where pip installs them: those branches never run on the target
    scratch = tmp_path_factory.mktemp("scratch")  # the temporary directory, outside the current one
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    code, found, _ = check(tmp_path, deps_json, ["compatflag==1.0"])
    assert (code, found["compatflag"]["status"]) == (0, "ok")
    assert found["compatflag"]["code"]["findings"] == []
    assert found["compatflag"]["code"]["checked_files"] == 7
    code, found, _ = check(tmp_path, deps_json, ["compatflag==1.1"])  # the sdist, below src/
    assert (code, found["compatflag"]["status"]) == (0, "ok")
    code, found, _ = check(tmp_path, deps_json, ["compatflag==0.9"])  # the unguarded import still breaks
    assert found["compatflag"]["status"] == "breaks"
    assert "compatflag/totp.py:1 urllib.quote" in found["compatflag"]["message"]
    assert found["compatflag"]["minimum_ready"] == "1.0"
    assert list(scratch.iterdir()) == []  # the members written to check them are gone


def test_members_are_never_written_below_the_current_directory(tmp_path, monkeypatch):
    # there, the directories up to the current one would be import roots: the user's imp.py would
    # answer for the release's import imp. The cache directory is used, else nothing is written
    from outmoded.deps.unpacked import written

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path.parent / f"{tmp_path.name}-cache"))
    with written([("pkg/__init__.py", b"import imp\n")]) as root:
        assert root is not None and not root.startswith(str(tmp_path) + os.sep)
        assert open(os.path.join(root, "pkg", "__init__.py"), "rb").read() == b"import imp\n"
    assert not os.path.exists(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with written([("pkg/__init__.py", b"import imp\n")]) as root:
        assert root is None


def test_what_fails_on_every_python_the_release_declares_does_not_make_it_break(tmp_path, deps_json):
    # dask 2021.8.1 (Requires-Python >=3.7) keeps Python 2's __div__ calling operator.div, which no
    # Python 3 calls: the upgrade changes nothing there. Its classifiers say the same when naming
    # Python 3 only (an sdist's PKG-INFO). A release naming Python 2 as well is judged from the
    # oldest Python 3 it names (mpmath 1.3.0: 2.7 and 3.x, urllib.urlopen in a function): the upgrade
    # goes from one Python 3 to another. Naming no Python 3, or using what a later 3.N removed, breaks
    for version in ("1.0", "1.1", "0.9"):
        code, found, _ = check(tmp_path, deps_json, [f"floored=={version}"])
        assert (version, code, found["floored"]["status"]) == (version, 0, "ok")
    code, found, _ = check(tmp_path, deps_json, ["floored==0.8"])
    assert found["floored"]["status"] == "breaks"
    assert "floored/array.py:6 operator.div" in found["floored"]["message"]
    code, found, _ = check(tmp_path, deps_json, ["floored==0.7"])
    assert found["floored"]["status"] == "breaks"
    assert "floored/loader.py:1 imp" in found["floored"]["message"]
    assert "operator.div" not in found["floored"]["message"]


def test_a_module_named_test_or_tests_is_the_release_s_tests(tmp_path, deps_json):
    """test.py, app/tests.py and the testing/ helpers (keyring 25.7.0's ImportKiller) are tests."""
    code, found, _ = check(tmp_path, deps_json, ["selftested==1.0"])
    assert (code, found["selftested"]["status"]) == (0, "ok")
    assert found["selftested"]["code"]["checked_files"] == 2  # __init__.py and core.py


def test_a_backport_s_own_code_gets_the_module_it_brings_back(tmp_path, deps_json):
    # setuptools 84.2.1's _distutils/compilers/C/base.py: from distutils.debug import DEBUG, where
    # setuptools is installed: its distutils shim answers
    code, found, _ = check(tmp_path, deps_json, ["setuptools==99.0"])
    assert (code, found["setuptools"]["status"]) == (0, "ok")


def test_helpers_only_setup_py_imports_are_no_library_code(tmp_path, deps_json):
    # mysqlclient 1.3.13 was 'breaks (setup_windows.py:2 distutils.msvccompiler)': its setup.py's helper for
    # Windows builds, which nothing installs (its py_modules name _mysql_exceptions)
    code, found, _ = check(tmp_path, deps_json, ["buildhelpers==1.0"])
    assert (code, found["buildhelpers"]["status"]) == (0, "ok")
    assert found["buildhelpers"]["code"]["checked_files"] == 1
    # a helper py_modules installs is library code
    code, found, _ = check(tmp_path, deps_json, ["buildhelpers==1.1"])
    assert found["buildhelpers"]["status"] == "breaks"
    assert "setup_windows.py:1 distutils.msvccompiler" in found["buildhelpers"]["message"]


def test_a_finding_in_a_function_importing_never_runs_is_named_with_it(tmp_path, deps, deps_json):
    # distlib 0.4.0 was 'breaks (distlib/wheel.py:811 sys.meta_path)', "its code uses APIs the target lacks":
    # Wheel.mount()'s finder no import asks from 3.12 on, but every module imports on the real 3.13-3.15
    code, found, _ = check(tmp_path, deps_json, ["mounthook==1.0"])
    assert found["mounthook"]["status"] == "breaks" and found["mounthook"]["code"]["imports"] is True
    assert "importing it runs none of them, but functions of its code use APIs the target lacks: " \
           "mounthook/wheel.py:11 sys.meta_path in Wheel.mount()" in found["mounthook"]["message"]
    assert "breaks (mounthook/wheel.py:11 sys.meta_path in Wheel.mount())" in deps(*LINUX)[1]
    # called at import: nothing is said of importing it
    code, found, _ = check(tmp_path, deps_json, ["mounthook==1.1"])
    assert found["mounthook"]["code"]["imports"] is False
    assert "its code uses APIs the target lacks: mounthook/wheel.py:11 sys.meta_path in Wheel.mount()" \
        in found["mounthook"]["message"]


def test_a_function_only_a_script_block_calls_is_not_run_at_import(tmp_path, deps_json):
    # tornado 6.5.4 was "its code uses APIs the target lacks: tornado/autoreload.py:339 pkgutil.get_loader in
    # main()": its `if __name__ == "__main__": main()` is no import. On the real 3.14 import tornado.web and an
    # application serving a request run; python -m tornado.autoreload -m mod raises AttributeError there
    code, found, _ = check(tmp_path, deps_json, ["scriptmain==1.0"], "--target-version", "3.14")
    assert found["scriptmain"]["status"] == "breaks" and found["scriptmain"]["code"]["imports"] is True
    assert "importing it runs none of them, but functions of its code use APIs the target lacks: " \
           "scriptmain/autoreload.py:5 pkgutil.get_loader in main()" in found["scriptmain"]["message"]
    # a __main__.py's top level is what `python -m scriptmain` runs: nothing is said of importing it
    code, found, _ = check(tmp_path, deps_json, ["scriptmain==1.1"], "--target-version", "3.14")
    assert found["scriptmain"]["status"] == "breaks" and found["scriptmain"]["code"]["imports"] is False


def test_headers_alone_are_not_compiled(tmp_path, deps_json):
    # pycparser 2.19: no wheel, pure Python, with C headers it parses as data (utils/fake_libc_include/)
    code, found, _ = check(tmp_path, deps_json, ["headeronly==1.0"])
    assert (code, found["headeronly"]["status"]) == (0, "ok")
    assert found["headeronly"]["code"]["compiles"] is False


def test_a_module_s_main_block_is_not_what_importing_it_runs(tmp_path, deps_json):
    # pygments 2.20's lexers/_sourcemod_builtins.py regenerates itself under `if __name__ == "__main__":`
    # with FancyURLopener (gone in 3.14; telnetlib here): importing it never runs that. Its else branch does; and
    # a __main__.py is what `python -m` runs
    code, found, _ = check(tmp_path, deps_json, ["mainblock==1.0"])
    assert (code, found["mainblock"]["status"]) == (0, "ok")
    assert any("_builtins.py: 1 finding(s) in its `if __name__" in note for note in found["mainblock"]["code"]["notes"])
    code, found, _ = check(tmp_path, deps_json, ["mainblock==1.1"])
    assert found["mainblock"]["status"] == "breaks" and "mainblock/_builtins.py:9 imp" in found["mainblock"]["message"]
    code, found, _ = check(tmp_path, deps_json, ["mainblock==1.2"])
    assert found["mainblock"]["status"] == "breaks" and "mainblock/__main__.py:2 imp" in found["mainblock"]["message"]
    # the block's lines come from the tree the module's check parsed, with the bodies naming nothing left out
    code, found, _ = check(tmp_path, deps_json, ["mainblock==1.3"])
    assert (code, found["mainblock"]["status"]) == (0, "ok")
    assert any("_builtins.py: 1 finding(s) in its `if __name__" in note for note in found["mainblock"]["code"]["notes"])



def test_python_below_a_directory_no_import_can_name_is_not_library_code(tmp_path, deps_json):
    """graphene-federation 0.1.0's sdist holds a virtual environment below its package
    (``graphene_federation/venv/lib/python3.6/site-packages/``): no dotted name reaches a module
    there, and setuptools' find_packages skips ``python3.6``; its removed names were its verdict."""
    code, found, _ = check(tmp_path, deps_json, ["venvinside==1.0"])
    assert (code, found["venvinside"]["status"]) == (0, "ok"), found["venvinside"]["message"]
    assert found["venvinside"]["code"]["checked_files"] == 1  # venvinside/__init__.py


def test_a_source_root_named_like_no_module_still_installs_its_packages():
    """The identifier test starts below the root setup.py installs from: a ``package_dir`` root
    named ``lib-py3`` installs ``p`` from ``lib-py3/p/``, while a virtual environment inside a
    package (``p2/venv/lib/python3.6/``) stays out."""
    from outmoded.deps.shipped import sdist_library

    members = ["p-1.0/setup.py", "p-1.0/lib-py3/p/__init__.py", "p-1.0/lib-py3/p/core.py",
               "p-1.0/p2/__init__.py", "p-1.0/p2/venv/lib/python3.6/site-packages/six.py"]
    assert sorted(sdist_library(members, "p")) == [
        "p-1.0/lib-py3/p/__init__.py", "p-1.0/lib-py3/p/core.py", "p-1.0/p2/__init__.py"]


def test_a_vendored_copy_only_another_package_names_is_not_library_code(tmp_path, deps_json):
    """setuptools 68.0.0 was ``breaks`` at 3.13-3.15 on ``pkg_resources/_vendor/typing_extensions.py``
    (``class TypeVar(typing.TypeVar, ...)``: ``TypeError: type 'typing.TypeVar' is not an acceptable
    base type`` on the real 3.13.18, 3.14.10 and 3.15.2), which only its vendored platformdirs
    imports, below 3.8: ``setuptools/extern``'s bare 'typing_extensions' (its own _vendor's) made
    it a module that may be loaded by name.  ``import setuptools, pkg_resources`` and every other
    module of the wheel import there.  Named by its own package's extern, it counts."""
    code, found, _ = check(tmp_path, deps_json, ["vendoring==1.0"])
    assert (code, found["vendoring"]["status"]) == (0, "ok")
    code, found, _ = check(tmp_path, deps_json, ["vendoring==1.1"])
    assert (code, found["vendoring"]["status"]) == (1, "breaks")
    assert "vendoring/_vendor/typing_extensions.py:4 class TypeVar(typing.TypeVar" in found["vendoring"]["message"]
