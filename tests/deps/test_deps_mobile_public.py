"""Issue 15's "done when" against the real public index (``network``; skipped offline): Pillow
ships iOS wheels from 11.3.0 and none for Android, charset-normalizer ships iOS and Android
wheels (and a pure one), numpy ships neither."""

from __future__ import annotations

import json

import pytest

from outmoded.cli import main

PYPI = "https://pypi.org/simple/"

IOS = ["ios_arm64_iphoneos", "ios_arm64_iphonesimulator", "ios_x86_64_iphonesimulator"]
ANDROID = ["android_arm64_v8a", "android_x86_64"]


@pytest.mark.network
def test_ios_and_android_verdicts_on_the_public_index(tmp_path, capsys, public_index):
    (tmp_path / "requirements.txt").write_text("pillow==10.4.0\ncharset-normalizer==3.5.3\nnumpy==2.1.0\n")
    code = main(["deps", "--index-url", PYPI, "--platform", "ios", "--platform", "android",
                 "--target-version", "3.13", "--tags-only", "--format", "json", "--timeout", "30",
                 "requirements.txt"])
    found = {d["name"]: d for d in json.loads(capsys.readouterr().out)["dependencies"]}
    if any(d["reason"] == "index-unreachable" for d in found.values()):
        pytest.skip("public index became unreachable during the run")
    assert code == 1

    def verdicts(name):
        return {p: (v["status"], v["minimum_ready"]) for p, v in found[name]["per_platform"].items()}

    assert verdicts("pillow") == {**dict.fromkeys(IOS, ("source-only", "11.3.0")),
                                  **dict.fromkeys(ANDROID, ("source-only", None))}
    assert "needs cross-compiling for Android and iOS" in found["pillow"]["message"]
    assert set(verdicts("charset-normalizer").values()) == {("ok", None)}
    assert set(verdicts("numpy").values()) == {("source-only", None)}
