"""Deciding from release files whether a version installs on a target interpreter build.

A file counts only when its ``requires-python`` admits the target; a version is ``ok`` when on
every platform one such wheel has a tag the target accepts (``packaging.tags`` lists them, so
``cp313``, ``abi3`` with a base no newer than the target, and pure ``py3-none-any`` all count).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from packaging.specifiers import SpecifierSet

from outmoded.deps.model import INCOMPATIBLE, OK, SOURCE_ONLY, Verdict
from outmoded.deps.platforms import COMMON_GLIBC, compatible_tags, level


@dataclass(frozen=True)
class Build:
    """One interpreter build: CPython ``version``, free-threaded or not."""

    version: tuple
    free_threading: bool = False

    @property
    def label(self) -> str:
        return f"{self.version[0]}.{self.version[1]}" + ("t" if self.free_threading else "")

    @property
    def abi(self) -> str:
        return f"cp{self.version[0]}{self.version[1]}" + ("t" if self.free_threading else "")


def python_allows(spec: SpecifierSet | None, version: tuple) -> bool:
    # The target is a minor version: any of its micro releases will do (``>=3.13.1`` installs
    # on an up-to-date 3.13), so test both ends of the series.
    if spec is None:
        return True
    return any(spec.contains(f"{version[0]}.{version[1]}.{micro}", prereleases=True)
               for micro in (0, 99))


def by_version(files: list) -> dict:
    grouped = defaultdict(list)
    for f in files:
        grouped[f.version].append(f)
    return dict(grouped)


# ``judge``'s pure_sdist for an sdist whose setup.py lets its compiled extensions fail (``optionalext``)
WITHOUT_EXTENSIONS = "without-extensions"


def judge(files: list, build: Build, platforms: tuple, pure_sdist: bool | str = False) -> Verdict:
    """The release's verdict by its files' tags.  ``pure_sdist``: its sdist is known to build
    without compiling anything (``shipped.compiles``), so pip builds it anywhere, as a pure wheel
    installs (``WITHOUT_EXTENSIONS``: without the extensions its setup.py lets fail)."""
    if not files:
        return Verdict(INCOMPATIBLE, "no release files")
    usable = [f for f in files if python_allows(f.requires_python, build.version)]
    if not usable:
        spec = next(str(f.requires_python) for f in files if f.requires_python is not None)
        return Verdict(INCOMPATIBLE, f"requires-python {spec} excludes Python {build.label}")
    without = [p for p in platforms if not _has_wheel(usable, build, p)]
    lacking = [p.name for p in without]
    if not lacking:
        return Verdict(OK, f"has wheels for Python {build.label}{_glibc_floor(usable, build, platforms)}")
    # the platforms are named when not all lack it, or when the release has the build's own
    # wheels elsewhere (greenlet 3.2.2's only cp314 wheel is for macOS: "no cp314 wheel (wheels
    # for ..., cp314)" read as a contradiction)
    elsewhere = _abi_platforms(usable, build)
    where = "" if len(lacking) == len(platforms) and not any(p.mobile for p in without) \
        and not elsewhere else f" for {', '.join(lacking)}"
    missing = f"no {build.abi} wheel{where}{_offered(usable, elsewhere, build)}"
    if any(f.kind == "sdist" for f in usable):
        if pure_sdist == WITHOUT_EXTENSIONS:
            return Verdict(OK, f"{missing}: pip builds its sdist without a compiler (its setup.py goes on without "
                               "the compiled extensions when they fail to build)", missing=missing)
        if pure_sdist:
            return Verdict(OK, f"{missing}: its sdist is pure Python, which pip builds without a compiler",
                           missing=missing)
        return Verdict(SOURCE_ONLY, f"{missing}: {_from_source(without)}", lacking, missing=missing)
    return Verdict(INCOMPATIBLE, f"{missing} and no sdist", lacking, missing=missing)


def _glibc_floor(files: list, build: Build, platforms: tuple) -> str:
    """`` (on manylinux_x86_64 only with glibc 2.39 or newer)``: a generic manylinux platform
    (any glibc) whose every wheel for the build needs a newer glibc than ``COMMON_GLIBC`` (2.28,
    uv's plain ``linux``), so the target machine's glibc decides (orjson 3.13.0's only cp315
    manylinux wheel is manylinux_2_39: pip on Debian 12, glibc 2.36, cannot install it);
    ``--platform manylinux_2_36_x86_64`` names the machine's.  "" otherwise: numpy 2.3.4's cp314
    manylinux_2_28 wheel, greenlet 3.5.2's manylinux_2_24 one install on any maintained Linux."""
    notes = []
    for platform in platforms:
        if platform.name not in ("manylinux_x86_64", "manylinux_aarch64"):
            continue
        accepted = compatible_tags(build.version, platform, build.free_threading)
        levels = [level(t.platform) or (0, 0) for f in files if f.kind == "wheel" for t in f.tags & accepted]
        floor = min(levels, default=(0, 0))
        if floor > COMMON_GLIBC:
            notes.append(f"on {platform.name} only with glibc {floor[0]}.{floor[1]} or newer")
    return f" ({'; '.join(notes)})" if notes else ""


def _from_source(without: list) -> str:
    """What building the sdist means: pip does it on a desktop; a mobile app needs a cross-build."""
    mobile = sorted({p.family for p in without if p.mobile})
    desktop = "pip would build it from source" if any(not p.mobile for p in without) else ""
    cross = (f"needs cross-compiling for {' and '.join(mobile)} (BeeWare- or Chaquopy-style "
             f"toolchains build it)") if mobile else ""
    return "; ".join(part for part in (desktop, cross) if part)


def per_platform(releases: dict, chosen, files: list, build: Build, platforms: tuple,
                 prereleases: bool = False, pure_sdist: bool = False) -> dict:
    """platform name -> {status, message, minimum_ready}: the tag verdict on each platform alone,
    and the first release at or after ``chosen`` with a wheel (or sdist) that installs there."""
    later = {v: f for v, f in releases.items() if chosen is None or v >= chosen}
    found = {}
    for platform in platforms:
        verdict = judge(files, build, (platform,), pure_sdist) if chosen is not None else \
            Verdict(INCOMPATIBLE, "no release matches")
        minimum = None if verdict.status == OK else \
            minimum_ready(later, build, (platform,), prereleases)
        found[platform.name] = {"status": verdict.status, "message": verdict.message,
                                "minimum_ready": str(minimum) if minimum else None,
                                "too_new": _too_new(files, platform) if verdict.status != OK else []}
    return found


def _too_new(files: list, platform) -> list:
    """Mobile wheel platform tags of this architecture that need a newer OS than the app targets
    (``ios_15_0_arm64_iphoneos`` when the app supports iOS 13.0)."""
    if not platform.mobile:
        return []
    family = platform.name.split("_", 1)  # ("ios", "arm64_iphoneos")
    pattern = re.compile(rf"{family[0]}_\d+(?:_\d+)?_{re.escape(family[1])}$")
    return sorted({t.platform for f in files if f.kind == "wheel" for t in f.tags
                   if pattern.match(t.platform) and t.platform not in platform.wheel_platforms})


def _has_wheel(files: list, build: Build, platform) -> bool:
    accepted = compatible_tags(build.version, platform, build.free_threading)
    return any(f.kind == "wheel" and f.tags & accepted for f in files)


def _abi_platforms(files: list, build: Build) -> list:
    """The platforms of the release's wheels for the build's ABI, one a wheel:
    manylinux_2_17_x86_64, not its manylinux2014_x86_64 alias as well."""
    return sorted({max(t.platform for t in f.tags if t.abi == build.abi)
                   for f in files if f.kind == "wheel" and any(t.abi == build.abi for t in f.tags)})


def _offered(files: list, elsewhere: list, build: Build) -> str:
    """`` (wheels for cp310, cp311, cp312)``: what the release does ship, for the message; where
    it ships the build's own wheels only for other platforms, which those are (pycairo 1.28's
    cp313 wheels are Windows ones: `` (wheels for cp39, ..., cp313; cp313 only for win32,
    win_amd64)``)."""
    abis = {t.abi if t.abi.startswith("cp") else f"{t.interpreter}-{t.abi}"
            for f in files if f.kind == "wheel" for t in f.tags
            if t.interpreter.startswith(("cp", "py"))}  # PyPy builds are noise for CPython
    abis = sorted(abis, key=lambda a: ([int(n) for n in re.findall(r"\d+", a)], a))
    if not abis:
        return " (no wheels at all)"
    if elsewhere:
        shown = ", ".join(elsewhere[:4]) + (f" and {len(elsewhere) - 4} more" if len(elsewhere) > 4 else "")
        return f" (wheels for {', '.join(abis)}; {build.abi} only for {shown})"
    return f" (wheels for {', '.join(abis)})"


def is_pinned(spec: SpecifierSet) -> bool:
    specs = list(spec)
    return len(specs) == 1 and specs[0].operator in ("==", "===") and "*" not in specs[0].version


def choose(spec: SpecifierSet, releases: dict, build: Build) -> tuple:
    """(version, its files) pip would install, or (None, []).

    The pinned version counts yanked files (PEP 592 lets an exact pin install them); otherwise
    the newest allowed release, without yanked files and, like pip, preferring releases whose
    requires-python admits the target.
    """
    if is_pinned(spec):
        version = max((v for v in releases if spec.contains(v, prereleases=True)), default=None)
        return version, releases.get(version, [])
    live = live_releases(releases)
    allowed = list(spec.filter(live))
    runnable = [v for v in allowed
                if any(python_allows(f.requires_python, build.version) for f in live[v])]
    version = max(runnable or allowed, default=None)
    return version, live.get(version, [])


def live_releases(releases: dict) -> dict:
    """Releases without their yanked files; releases left with none are gone."""
    live = {v: [f for f in files if not f.yanked] for v, files in releases.items()}
    return {v: files for v, files in live.items() if files}


def minimum_ready(releases: dict, build: Build, platforms: tuple, prereleases: bool = False):
    """The first release, ascending, that is ``ok`` for ``build``: what to upgrade to."""
    live = live_releases(releases)
    for version in sorted(live):
        if (prereleases or not version.is_prerelease) and \
                judge(live[version], build, platforms).status == OK:
            return version
    return None
