"""What a dependency read from plain requirements pins itself: transformers 2.5.1 is a pure wheel,
but requires tokenizers==0.5.2, whose wheels stop at cp38 (``deps/pinned.py``).  The index is the
real HTTP server of conftest; the wheels' METADATA are real archives (release_files.py)."""

from __future__ import annotations

import pytest

LINUX = ("--platform", "linux", "--target-version", "3.13")


def check(tmp_path, deps_json, lines, *args):
    (tmp_path / "requirements.txt").write_text("\n".join(lines) + "\n")
    return deps_json(*LINUX, *args)


def test_an_exact_pin_without_a_wheel_for_the_target_makes_the_parent_source_only(tmp_path, deps, deps_json):
    code, found, _ = check(tmp_path, deps_json, ["pinsold==1.0"])
    dep = found["pinsold"]
    assert (code, dep["status"], dep["upgrade"]) == (1, "source-only", None)
    assert dep["message"] == ("1.0: requires oldcore==0.5: oldcore 0.5 has no cp313 wheel (wheels for cp38): "
                              "pip would build it from source (its own files: has wheels for Python 3.13); "
                              "a newer pinsold may require other versions: not searched")
    assert dep["requires_not_installable"] == [{"status": "source-only", "message": dep["message"][5:].split(" (its own")[0]}]
    _, out, _ = deps(*LINUX)
    assert "pinsold  ==1.0      1.0      source-only  not searched" in out


def test_a_release_that_breaks_by_its_code_keeps_its_verdict_and_names_the_pin(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["pinsbroken==1.0"])
    dep = found["pinsbroken"]
    assert (dep["status"], dep["upgrade"]) == ("breaks", "none yet")
    assert dep["message"].endswith("; besides, it requires oldcore==0.5: oldcore 0.5 has no cp313 wheel "
                                   "(wheels for cp38): pip would build it from source")


def test_a_compatible_release_pin_judges_the_release_pip_picks(tmp_path, deps_json):
    # ~=0.5 is >=0.5, ==0.*: 0.5, whose wheels stop at cp38; <2 lets pip take 1.0, which has cp313
    _, found, _ = check(tmp_path, deps_json, ["pinscompat==1.0", "pinsrange==1.0", "pinsfloor==1.0"])
    assert found["pinscompat"]["status"] == "source-only"
    assert "requires oldcore~=0.5: oldcore 0.5 has no cp313 wheel" in found["pinscompat"]["message"]
    assert (found["pinsrange"]["status"], found["pinsrange"]["requires_not_installable"]) == ("ok", [])
    assert found["pinsfloor"]["status"] == "ok"  # no upper bound: not judged


def test_a_pinned_release_with_only_a_pure_python_sdist_installs(tmp_path, deps_json):
    # flask-admin 1.5.4 (apache-airflow 1.10.10's pin) ships only a pure sdist: pip builds it anywhere
    _, found, _ = check(tmp_path, deps_json, ["pinspure==1.0", "pinsbuilt==1.0"])
    assert (found["pinspure"]["status"], found["pinspure"]["requires_not_installable"]) == ("ok", [])
    assert found["pinsbuilt"]["status"] == "source-only"
    assert "requires builtonly==1.0: builtonly 1.0 has no cp313 wheel (no wheels at all)" in found["pinsbuilt"]["message"]


def test_a_pin_with_neither_wheel_nor_sdist_for_the_target_is_incompatible(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["pinsbinary==1.0"])
    assert found["pinsbinary"]["status"] == "incompatible"
    assert "requires binonly<2: binonly 1.0 has no cp313 wheel (wheels for cp38) and no sdist" \
        in found["pinsbinary"]["message"]


def test_the_pins_are_read_with_the_code_and_cached_with_its_verdict(tmp_path, deps_json, index):
    check(tmp_path, deps_json, ["pinsold==1.0"])
    assert len(index.downloads("pinsold")) == 1  # the wheel (its tail is all of it), once
    _, found, _ = check(tmp_path, deps_json, ["pinsold==1.0"])
    assert found["pinsold"]["status"] == "source-only" and len(index.downloads("pinsold")) == 1
    _, found, _ = check(tmp_path, deps_json, ["pinsold==1.0"], "--tags-only")  # reads no metadata
    assert found["pinsold"]["status"] == "ok"


def test_a_pin_whose_marker_does_not_hold_on_the_target_is_not_judged(tmp_path, deps_json):
    _, found, _ = check(tmp_path, deps_json, ["pinswindows==1.0", "pinsextra==1.0"])
    assert (found["pinswindows"]["status"], found["pinsextra"]["status"]) == ("ok", "ok")
    _, found, _ = deps_json("--platform", "windows", "--target-version", "3.13")
    assert found["pinswindows"]["status"] == "source-only"


def test_a_lock_files_entries_are_not_judged_by_their_pins(tmp_path, deps_json):
    # the lock lists what gets installed with them, each on its own row
    (tmp_path / "pylock.toml").write_text('lock-version = "1.0"\ncreated-by = "test"\n\n'
                                          '[[packages]]\nname = "pinsold"\nversion = "1.0"\n')
    _, found, document = deps_json(*LINUX, "pylock.toml")
    assert found["pinsold"]["status"] == "ok" and not document["requirements_not_judged"]


def test_a_hashed_requirements_file_is_a_lock(tmp_path, deps, deps_json):
    """pip-compile's --generate-hashes output (and uv pip compile's): a --hash on any line puts pip
    in hash-checking mode, which installs nothing the files do not list, so what pinsold pins is
    the file's own row, not said unjudged (warehouse's requirements/main.txt, 116-149 hashed pins)."""
    hashes = " \\\n    --hash=sha256:" + "0" * 64
    (tmp_path / "base.txt").write_text(f"oldcore==0.5{hashes}\n    # via pinsold\n")
    (tmp_path / "requirements.txt").write_text(f"# autogenerated by pip-compile\n-r base.txt\npinsold==1.0{hashes}\n")
    code, found, document = deps_json(*LINUX)
    assert (code, found["pinsold"]["status"], found["oldcore"]["status"]) == (1, "ok", "source-only"), found
    assert document["requirements_not_judged"] == []
    _, out, _ = deps(*LINUX)
    assert "Not judged" not in out
    (tmp_path / "requirements.txt").write_text("-r base.txt\npinsold==1.0\n")  # the hashes are in base.txt
    assert deps_json(*LINUX)[2]["requirements_not_judged"] == []
    (tmp_path / "base.txt").write_text("oldcore==0.5\n")
    _, found, document = deps_json(*LINUX)
    assert found["pinsold"]["status"] == "source-only" and document["requirements_not_judged"] == ["requirements.txt"]


@pytest.mark.parametrize(("header", "whole"), [
    ("#\n# This file is autogenerated by pip-compile with Python 3.11\n# by the following command:\n#\n"
     "#    pip-compile requirements.in\n#\n", True),
    ("# This file was autogenerated by uv via the following command:\n#    uv pip compile requirements.in\n", True),
    ("# This file was autogenerated by uv via the following command:\n#    uv pip compile --no-deps x.in\n", False),
    ("# pinned by hand\n", False),
], ids=["pip-compile", "uv", "uv-no-deps", "by-hand"])
def test_a_resolvers_output_without_hashes_is_the_whole_set(tmp_path, deps, deps_json, header, whole):
    """pip-tools 7's pip-compile of requests==2.32.3 pins certifi, charset-normalizer, idna and
    urllib3 beside it (# via requests), hashes or not: the note telling its user to name a lock
    file "(uv lock, pip-compile)" named the file given; uv pip compile --no-deps resolves nothing."""
    (tmp_path / "requirements.txt").write_text(f"{header}oldcore==0.5\n    # via pinsold\npinsold==1.0\n")
    _, found, document = deps_json(*LINUX, "requirements.txt")
    assert found["oldcore"]["status"] == "source-only"  # judged on its own row, and so pinsold's pin of it:
    assert found["pinsold"]["status"] == ("ok" if whole else "source-only")
    assert document["requirements_not_judged"] == ([] if whole else ["requirements.txt"])
    assert ("Not judged" in deps(*LINUX, "requirements.txt")[1]) is not whole


def test_a_hashed_requirements_file_with_a_constraints_file_is_not_the_whole_set(tmp_path, deps, deps_json):
    """kuma's requirements/default.txt of 2019-05: hashed pins and -c constraints.txt, which holds
    the hashed pins of what they pull in (kombu 3.0.37 for celery 3.1.25): pip installs from it
    what the requirements need, so the file alone is not the whole set, and is not said to be."""
    hashes = " \
    --hash=sha256:" + "0" * 64
    (tmp_path / "constraints.txt").write_text(f"oldcore==0.5{hashes}\n")
    (tmp_path / "requirements.txt").write_text(f"-c constraints.txt\npinsold==1.0{hashes}\n")
    code, found, document = deps_json(*LINUX, "requirements.txt")
    assert list(found) == ["pinsold"] and document["requirements_not_judged"] == ["requirements.txt"]
    _, out, _ = deps(*LINUX, "requirements.txt")
    assert "skipped -c constraints.txt (requirements.txt:1): constraints file" in out and "Not judged" in out
