"""The per-platform part of the text report: for each OS family checked (iOS, Android, ...),
which dependencies block it, on which of its platforms, and the release that fixes that.

Printed when a mobile platform is among those checked, where "installs on Linux" says nothing
about "installs in my iOS app"; the JSON report carries the same verdicts per dependency under
``per_platform``.
"""

from __future__ import annotations

from outmoded.deps.model import OK, SOURCE_ONLY

CROSS = "needs cross-compiling (BeeWare- or Chaquopy-style toolchains build it)"


def wanted(platforms: tuple) -> bool:
    return any(p.mobile for p in platforms)


def write(results: list, platforms: tuple, stream) -> None:
    families = {}
    for platform in platforms:
        families.setdefault(platform.family, []).append(platform)
    minimums = ", ".join(dict.fromkeys(p.minimum for p in platforms if p.mobile))
    stream.write(f"\nBy platform ({minimums}):\n")
    for family, members in families.items():
        blocked = [(r, _blocks(r, members)) for r in results if r.per_platform]
        blocked = [(r, lines) for r, lines in blocked if lines]
        names = ", ".join(p.name for p in members)
        if not blocked:
            judged = "every dependency installs" if any(r.per_platform for r in results) else "nothing judged"
            stream.write(f"  {family} ({names}): {judged}\n")
            continue
        stream.write(f"  {family} ({names}): blocked by "
                     f"{', '.join(r.dependency.name for r, _ in blocked)}\n")
        for result, lines in blocked:
            for line in lines:
                stream.write(f"    {result.dependency.name} {result.version or ''}".rstrip() + f": {line}\n")
        fine = [r.dependency.name for r in results if r.per_platform and not _blocks(r, members)]
        if fine:
            stream.write(f"    installs everywhere here: {', '.join(fine)}\n")
    unjudged = [r.dependency.name for r in results if not r.per_platform]
    if unjudged:
        stream.write(f"  not judged per platform (see above): {', '.join(unjudged)}\n")


def _blocks(result, members: list) -> list:
    """One line per distinct verdict on this family's platforms, platforms named."""
    grouped = {}
    for platform in members:
        verdict = result.per_platform.get(platform.name)
        if verdict is None or verdict["status"] == OK:
            continue
        key = (verdict["status"], verdict["minimum_ready"], bool(verdict.get("too_new")))
        grouped.setdefault(key, []).append((platform, verdict.get("too_new") or []))
    return [_line(status, minimum, found) for (status, minimum, _), found in grouped.items()]


def _line(status: str, minimum, found: list) -> str:
    platforms = [p for p, _ in found]
    where = ", ".join(p.name for p in platforms)
    what = f"no wheel for {where}" + (
        ", sdist only: " + (CROSS if platforms[0].mobile else "pip would build it from source")
        if status == SOURCE_ONLY else " and no sdist")
    too_new = sorted({tag for _, tags in found for tag in tags})
    if too_new:
        option = "--ios-version" if platforms[0].family == "iOS" else "--android-api-level"
        what += (f" (its {', '.join(too_new)} wheels need a newer OS than {platforms[0].minimum}: "
                 f"see {option})")
    upgrade = f"first release with one: {minimum}" if minimum else "no release ships one yet"
    return f"{what}; {upgrade}"
