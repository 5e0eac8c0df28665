"""The platforms a dependency is judged for: wheel platform tags and marker values of each.

Names follow wheel tags with the OS version left out (``manylinux_x86_64``, ``macosx_arm64``,
``win_amd64``): a user names the machine, not the glibc or macOS release, so every manylinux
glibc level and every macOS version counts as a match.

Mobile platforms (PEP 730 iOS, PEP 738 Android) are different: an app declares the oldest OS it
runs on, and only wheels built for that version or older install into it. Their names are the
tag families (``ios_arm64_iphoneos``, ``ios_arm64_iphonesimulator``,
``ios_x86_64_iphonesimulator``, ``android_arm64_v8a``, ``android_x86_64``, ...; ``ios`` and
``android`` name the usual sets), judged for a minimum iOS version / Android API level that
defaults to what CPython's own builds target: iOS 13.0 (PEP 730), Android API 21 for 3.13
(PEP 738) and 24 from 3.14 (``Android/android-env.sh`` in CPython).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from packaging import tags

from outmoded.cli import UsageError

DEFAULT = "manylinux_x86_64"
ABI3T_SINCE = (3, 15)  # PEP 803; packaging >= 26.1 generates abi3t tags for free-threaded builds


@dataclass(frozen=True)
class Platform:
    name: str
    wheel_platforms: tuple  # wheel platform tags installable there, most specific first
    markers: tuple  # (sys_platform, platform_system, os_name, platform_machine)
    minimum: str = ""  # mobile: the oldest OS the app runs on, e.g. "iOS 13.0", "Android API 24"

    @property
    def mobile(self) -> bool:
        return bool(self.minimum)

    @property
    def family(self) -> str:
        """``iOS``, ``Android``, ``Linux``, ``macOS`` or ``Windows``: how reports group platforms."""
        return self.markers[1].replace("Darwin", "macOS")


IOS_DEFAULT = (13, 0)
# multiarch -> platform_machine
IOS = {"ios_arm64_iphoneos": "arm64", "ios_arm64_iphonesimulator": "arm64",
       "ios_x86_64_iphonesimulator": "x86_64"}
ANDROID = {"android_arm64_v8a": "aarch64", "android_x86_64": "x86_64",
           "android_armeabi_v7a": "armv7l", "android_x86": "i686"}
GROUPS = {"ios": tuple(IOS), "android": ("android_arm64_v8a", "android_x86_64")}
GROUPS["mobile"] = GROUPS["ios"] + GROUPS["android"]


def android_default(version: tuple) -> int:
    return 21 if version <= (3, 13) else 24


def mobile_platform(name: str, ios_version: tuple, api_level: int) -> Platform:
    if name in IOS:
        multiarch = name.removeprefix("ios_")
        return Platform(name, tuple(tags.ios_platforms(ios_version, multiarch)),
                        ("ios", "iOS", "posix", IOS[name]), f"iOS {ios_version[0]}.{ios_version[1]}")
    abi = name.removeprefix("android_")
    return Platform(name, tuple(tags.android_platforms(api_level, abi)),
                    ("android", "Android", "posix", ANDROID[name]), f"Android API {api_level}")


def _manylinux(arch: str) -> tuple:
    # Legacy aliases name the same glibc levels as manylinux_2_17 / 2_12 / 2_5 (PEP 600).
    legacy = [f"manylinux{alias}_{arch}" for alias in ("2014", "2010", "1")]
    return tuple([f"manylinux_2_{n}_{arch}" for n in range(40, 4, -1)] + legacy + [f"linux_{arch}"])


def _musllinux(arch: str) -> tuple:
    return tuple([f"musllinux_1_{n}_{arch}" for n in range(9, -1, -1)] + [f"linux_{arch}"])


def _macos(arch: str) -> tuple:
    return tuple(tags.mac_platforms((26, 0), arch))


def _linux(name: str, arch: str, tag_list: tuple) -> Platform:
    return Platform(name, tag_list, ("linux", "Linux", "posix", arch))


PLATFORMS = {p.name: p for p in [
    _linux("manylinux_x86_64", "x86_64", _manylinux("x86_64")),
    _linux("manylinux_aarch64", "aarch64", _manylinux("aarch64")),
    _linux("musllinux_x86_64", "x86_64", _musllinux("x86_64")),
    _linux("musllinux_aarch64", "aarch64", _musllinux("aarch64")),
    Platform("macosx_arm64", _macos("arm64"), ("darwin", "Darwin", "posix", "arm64")),
    Platform("macosx_x86_64", _macos("x86_64"), ("darwin", "Darwin", "posix", "x86_64")),
    Platform("win_amd64", ("win_amd64",), ("win32", "Windows", "nt", "AMD64")),
    Platform("win32", ("win32",), ("win32", "Windows", "nt", "x86")),
    Platform("win_arm64", ("win_arm64",), ("win32", "Windows", "nt", "ARM64")),
]}

ALIASES = {
    "linux": "manylinux_x86_64", "manylinux": "manylinux_x86_64", "linux_x86_64": "manylinux_x86_64",
    "linux_aarch64": "manylinux_aarch64", "linux_arm64": "manylinux_aarch64",
    "manylinux_arm64": "manylinux_aarch64", "musllinux": "musllinux_x86_64", "alpine": "musllinux_x86_64",
    "macos": "macosx_arm64", "macosx": "macosx_arm64", "darwin": "macosx_arm64",
    "macos_arm64": "macosx_arm64", "macos_x86_64": "macosx_x86_64", "macos_intel": "macosx_x86_64",
    "windows": "win_amd64", "win": "win_amd64", "windows_amd64": "win_amd64", "win_x86_64": "win_amd64",
    "windows_x86": "win32", "windows_arm64": "win_arm64",
}


LEVELED = re.compile(r"(manylinux|musllinux)_(\d+)_(\d+)_(x86_64|aarch64)$")
LEGACY_LEVELS = {"manylinux2014": (2, 17), "manylinux2010": (2, 12), "manylinux1": (2, 5)}
# The glibc a Linux machine is taken to have when the user names none: manylinux_2_28, what uv
# resolves for a plain ``linux`` machine (its x86_64-unknown-linux-gnu; measured with uv 0.13.9:
# ``uv pip compile --python-platform linux --only-binary :all:`` takes numpy 2.3.4's cp314
# manylinux_2_27/2_28 wheel and refuses orjson 3.13.0's cp315 manylinux_2_39 one), and the glibc
# of the oldest maintained distributions (RHEL 8's 2.28; CentOS 7's 2.17 went with manylinux2014).
COMMON_GLIBC = (2, 28)


def level(wheel_platform: str):
    """The C library a wheel platform tag needs, (major, minor): ``manylinux_2_39_x86_64`` ->
    (2, 39), ``manylinux2014_x86_64`` -> (2, 17), ``musllinux_1_2_x86_64`` -> (1, 2); None for
    the others."""
    legacy = next((found for alias, found in LEGACY_LEVELS.items() if wheel_platform.startswith(alias + "_")), None)
    match = LEVELED.match(wheel_platform)
    return legacy or ((int(match.group(2)), int(match.group(3))) if match else None)


def leveled(name: str) -> Platform | None:
    """``manylinux_2_28_x86_64``: a Linux machine whose glibc is 2.28 (``musllinux_1_1_x86_64``:
    musl 1.1), where only wheels built for that level or older install; ``manylinux_x86_64`` is
    any glibc."""
    match = LEVELED.match(name)
    if match is None:
        return None
    family, major, minor, arch = match.groups()
    base = PLATFORMS[f"{family}_{arch}"]
    kept = tuple(p for p in base.wheel_platforms if (level(p) or (0, 0)) <= (int(major), int(minor)))
    return Platform(name, kept, base.markers)


def lookup(name: str, ios_version: tuple = IOS_DEFAULT, api_level: int = 24) -> list:
    """The platforms a ``--platform`` value names (``ios`` and ``android`` name several)."""
    key = name.strip().lower().replace("-", "_")
    if key in GROUPS or key in IOS or key in ANDROID:
        return [mobile_platform(n, ios_version, api_level) for n in GROUPS.get(key, (key,))]
    platform = PLATFORMS.get(ALIASES.get(key, key)) or leveled(key)
    if platform is None:
        raise UsageError(f"unknown platform {name!r}; choose from {', '.join(PLATFORMS)}, "
                         f"{', '.join(IOS)}, {', '.join(ANDROID)} (or linux, macos, windows, "
                         f"ios, android; manylinux_2_28_x86_64 names a glibc)")
    return [platform]


def select(values: list | None, version: tuple = (3, 13), ios_version: tuple | None = None,
           api_level: int | None = None) -> tuple:
    """Platforms named by ``--platform`` (repeatable, comma-separated); default: see module.

    ``ios_version`` and ``api_level`` are the mobile minimums (None: CPython's for ``version``).
    """
    ios_version = ios_version or IOS_DEFAULT
    api_level = api_level or android_default(version)
    names = [n for value in values or [] for n in value.split(",") if n.strip()]
    chosen = [p for n in names for p in lookup(n, ios_version, api_level)] if names \
        else [PLATFORMS[DEFAULT], running()]
    return tuple(dict.fromkeys(p for p in chosen if p is not None))  # keep order, drop repeats


def parse_ios_version(text: str) -> tuple:
    """``--ios-version 13.0`` -> (13, 0); wheels exist for iOS 12.0 and later only."""
    try:
        major, _, minor = text.strip().partition(".")
        version = (int(major), int(minor or 0))
    except ValueError:
        raise UsageError(f"--ios-version must look like 13.0, not {text!r}") from None
    if version < (12, 0):
        raise UsageError("--ios-version must be 12.0 or later (no iOS wheel targets older)")
    return version


def parse_api_level(text: str) -> int:
    if not text.strip().isdigit() or not 16 <= int(text) <= 99:
        raise UsageError(f"--android-api-level must be a number from 16 to 99, not {text!r}")
    return int(text)


def running() -> Platform | None:
    """The platform of this machine, or None when it is none of the known ones."""
    first = next(iter(tags.platform_tags()), "")
    match = re.match(r"(manylinux|musllinux|macosx|linux)_(?:\d+_\d+_)?(.+)$", first)
    if match:
        family, arch = match.groups()
        family = "manylinux" if family == "linux" else family
        arch = "arm64" if family == "macosx" and arch == "universal2" else arch
        return PLATFORMS.get(f"{family}_{arch}")
    return PLATFORMS.get(first)


@cache
def compatible_tags(version: tuple, platform: Platform, free_threading: bool) -> frozenset:
    """Every wheel tag CPython ``version`` (its free-threaded build if asked) installs on ``platform``."""
    interpreter = f"cp{version[0]}{version[1]}"
    abi = interpreter + ("t" if free_threading else "")
    found = set(tags.cpython_tags(version, abis=[abi], platforms=platform.wheel_platforms))
    found |= set(tags.compatible_tags(version, interpreter, platform.wheel_platforms))
    if free_threading:
        # The stable ABI (abi3) does not load on the free-threaded build; older packaging
        # releases still offer it there.  PEP 803's abi3t (also spelt abi3.abi3t in a file
        # name, which packaging expands to both tags) loads from 3.15 on, not on 3.13t/3.14t.
        found = {t for t in found if t.abi != "abi3" and (t.abi != "abi3t" or version >= ABI3T_SINCE)}
    return frozenset(found)
