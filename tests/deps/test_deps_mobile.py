"""``--platform ios`` / ``android`` (issue 15): wheel tags of PEP 730 / PEP 738, the minimum OS
version an app supports, and a report that says which dependencies block a mobile build."""

from __future__ import annotations

import pytest

from outmoded.cli import UsageError
from outmoded.deps import platforms

REQUIREMENTS = "requests==2.32.3\nlinuxonly==1.0\nmobilekit==1.0\nabi3mobile\nnewios\nlinuxwheels\n"
IOS = ["ios_arm64_iphoneos", "ios_arm64_iphonesimulator", "ios_x86_64_iphonesimulator"]
ANDROID = ["android_arm64_v8a", "android_x86_64"]


def verdicts(found, name):
    return {p: (v["status"], v["minimum_ready"]) for p, v in found[name]["per_platform"].items()}


def test_per_platform_verdicts_for_ios_and_android(tmp_path, deps_json):
    (tmp_path / "requirements.txt").write_text(REQUIREMENTS)
    code, found, document = deps_json("--platform", "ios", "--platform", "android",
                                      "--target-version", "3.13")
    assert code == 1
    assert document["platforms"] == IOS + ANDROID
    assert document["minimums"] == {**dict.fromkeys(IOS, "iOS 13.0"), **dict.fromkeys(ANDROID, "Android API 21")}
    # A pure wheel installs everywhere.
    assert set(verdicts(found, "requests").values()) == {("ok", None)}
    # Linux wheels and an sdist: every mobile platform needs a cross-build.
    assert set(verdicts(found, "linuxonly").values()) == {("source-only", None)}
    assert "needs cross-compiling for Android and iOS" in found["linuxonly"]["message"]
    # iOS device wheel but no simulator wheel in 1.0; simulators from 2.0, Android (API 21) from 3.0.
    assert verdicts(found, "mobilekit") == {
        "ios_arm64_iphoneos": ("ok", None), "ios_arm64_iphonesimulator": ("source-only", "2.0"),
        "ios_x86_64_iphonesimulator": ("source-only", "2.0"),
        "android_arm64_v8a": ("source-only", "3.0"), "android_x86_64": ("source-only", "3.0")}
    assert found["mobilekit"]["upgrade"] == ">=3.0"
    # abi3 wheels for iOS install on 3.13; its Android wheels need API 24.
    assert verdicts(found, "abi3mobile")["ios_arm64_iphonesimulator"] == ("ok", None)
    assert verdicts(found, "abi3mobile")["android_x86_64"] == ("incompatible", None)
    assert found["abi3mobile"]["per_platform"]["android_x86_64"]["too_new"] == ["android_24_x86_64"]
    # Linux wheels without an sdist: nothing to build from.
    assert set(verdicts(found, "linuxwheels").values()) == {("incompatible", None)}


def test_minimum_os_options_change_what_installs(tmp_path, deps_json):
    (tmp_path / "requirements.txt").write_text("abi3mobile\nnewios\n")
    _, found, document = deps_json("--platform", "android_x86_64,ios_arm64_iphoneos",
                                   "--android-api-level", "24", "--ios-version", "15.0",
                                   "--target-version", "3.13")
    assert document["minimums"] == {"android_x86_64": "Android API 24", "ios_arm64_iphoneos": "iOS 15.0"}
    assert found["abi3mobile"]["status"] == "ok"
    assert found["newios"]["per_platform"]["ios_arm64_iphoneos"]["status"] == "ok"


def test_android_default_follows_cpython_builds():
    assert {p.minimum for p in platforms.select(["android"], (3, 13))} == {"Android API 21"}
    assert {p.minimum for p in platforms.select(["android"], (3, 14))} == {"Android API 24"}
    assert [p.name for p in platforms.select(["mobile"], (3, 14))] == IOS + ANDROID
    ios = platforms.select(["ios"], (3, 13))[0]
    assert ios.markers[:2] == ("ios", "iOS") and ios.wheel_platforms[0] == "ios_13_0_arm64_iphoneos"


def test_text_report_groups_the_blockers_per_os(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text(REQUIREMENTS)
    _code, out, _err = deps("--platform", "ios", "--platform", "android", "--target-version", "3.13")
    section = out[out.index("By platform (iOS 13.0, Android API 21):"):]
    lines = section.splitlines()
    ios = next(line for line in lines if line.startswith("  iOS "))
    assert ios.endswith("blocked by linuxonly, mobilekit, newios, linuxwheels")
    android = next(line for line in lines if line.startswith("  Android "))
    assert android.endswith("blocked by linuxonly, mobilekit, abi3mobile, newios, linuxwheels")
    assert ("    mobilekit 1.0: no wheel for ios_arm64_iphonesimulator, ios_x86_64_iphonesimulator, "
            "sdist only: needs cross-compiling (BeeWare- or Chaquopy-style toolchains build it); "
            "first release with one: 2.0") in lines
    assert any("its ios_15_0_arm64_iphoneos wheels need a newer OS than iOS 13.0: see --ios-version"
               in line for line in lines)
    assert "    installs everywhere here: requests, abi3mobile" in lines  # on iOS


def test_desktop_reports_have_no_platform_section(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests\n")
    _code, out, _err = deps("--platform", "linux", "--target-version", "3.13")
    assert "By platform" not in out


@pytest.mark.parametrize("args, message", [
    (["--ios-version", "11.0"], "--ios-version must be 12.0 or later"),
    (["--ios-version", "thirteen"], "--ios-version must look like 13.0"),
    (["--android-api-level", "9"], "--android-api-level must be a number from 16 to 99"),
    (["--platform", "windows_phone"], "unknown platform 'windows_phone'"),
])
def test_bad_mobile_options_exit_2(tmp_path, deps, args, message):
    (tmp_path / "requirements.txt").write_text("requests\n")
    code, _out, err = deps(*args)
    assert code == 2 and message in err


def test_marker_environment_of_mobile_platforms(tmp_path):
    from pathlib import Path

    from outmoded.deps import sources
    (tmp_path / "requirements.txt").write_text(
        "rubicon-objc; sys_platform == 'ios'\npyjnius; sys_platform == 'android'\n"
        "pywin32; sys_platform == 'win32'\n")
    chosen = platforms.select(["ios_arm64_iphoneos", "android_arm64_v8a"], (3, 13))
    deps, skipped = sources.collect([Path(tmp_path / "requirements.txt")], (3, 13), chosen)
    assert {d.name: [p.name for p in d.platforms] for d in deps} == {
        "rubicon-objc": ["ios_arm64_iphoneos"], "pyjnius": ["android_arm64_v8a"]}
    assert [s.name for s in skipped] == ["pywin32"]
    with pytest.raises(UsageError):
        platforms.parse_api_level("x")


def test_text_report_names_what_installs_too(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests==2.32.3\nabi3mobile\n")
    _code, out, _err = deps("--platform", "ios,android", "--target-version", "3.13")
    section = out[out.index("By platform"):].splitlines()
    assert section[1].startswith("  iOS (") and section[1].endswith("every dependency installs")
    assert section[2].startswith("  Android (") and section[2].endswith("blocked by abi3mobile")
    assert section[4] == "    installs everywhere here: requests"


def test_dependencies_not_judged_are_named_not_hidden(tmp_path, deps):
    (tmp_path / "requirements.txt").write_text("requests\nno-such-project\n")
    _code, out, _err = deps("--platform", "ios", "--target-version", "3.13")
    section = out[out.index("By platform"):].splitlines()
    assert "  not judged per platform (see above): no-such-project" in section
