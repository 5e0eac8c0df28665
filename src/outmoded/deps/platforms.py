"""The platforms a dependency is judged for: wheel platform tags and marker values of each.

Names follow wheel tags with the OS version left out (``manylinux_x86_64``, ``macosx_arm64``,
``win_amd64``): a user names the machine, not the glibc or macOS release, so every manylinux
glibc level and every macOS version counts as a match.
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


def lookup(name: str) -> Platform:
    key = name.strip().lower().replace("-", "_")
    platform = PLATFORMS.get(ALIASES.get(key, key))
    if platform is None:
        raise UsageError(f"unknown platform {name!r}; choose from {', '.join(PLATFORMS)} "
                         f"(or linux, macos, windows)")
    return platform


def select(values: list | None) -> tuple:
    """Platforms named by ``--platform`` (repeatable, comma-separated); default: see module."""
    names = [n for value in values or [] for n in value.split(",") if n.strip()]
    chosen = [lookup(n) for n in names] if names else [PLATFORMS[DEFAULT], running()]
    return tuple(dict.fromkeys(p for p in chosen if p is not None))  # keep order, drop repeats


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
