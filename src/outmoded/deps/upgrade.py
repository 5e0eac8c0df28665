"""The first release at or after the requested one that is ready by tags *and* code.

Tags are free (the index page lists them); code costs a download.  So: among the releases whose
tags are ready, ask the newest first (if it breaks, assume none is ready yet, without scanning
the rest), then bisect between the requested release and the newest on the assumption that
once fixed, a project stays fixed.  At most ``MAX_DOWNLOADS`` releases are scanned per
dependency and build; when the bound stops the bisection, the clean release found so far is
named and the result says the search was cut short.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DOWNLOADS = 8  # newest, requested, then bisection: enough for ~64 releases


@dataclass
class Found:
    version: object = None  # the first ready release, or None
    cut_short: bool = False  # bound reached: an earlier release may be ready too
    unchecked: bool = False  # a release's code could not be checked: the answer may be wrong


def first_ready(candidates: list, is_clean, limit: int = MAX_DOWNLOADS, known: frozenset = frozenset()) -> Found:
    """``candidates``: ascending versions ready by tags; ``is_clean(version)``: True, False,
    or None when its code could not be checked; ``known``: versions already judged, which cost
    no download (the requested release)."""
    if not candidates:
        return Found()
    probes = 0
    limit = max(2, limit)  # the newest and the requested release are always looked at

    def probe(i):
        nonlocal probes
        probes += candidates[i] not in known
        return is_clean(candidates[i])

    newest = probe(len(candidates) - 1)
    if newest is not True:
        return Found(unchecked=newest is None)
    low, high = -1, len(candidates) - 1  # candidates[low] breaks (or none), candidates[high] is clean
    first = probe(0) if high > 0 else True
    if first is True:
        return Found(candidates[0])
    low = 0 if first is False else low
    while high - low > 1:
        if probes >= limit:
            return Found(candidates[high], cut_short=True)
        middle = (low + high) // 2
        answer = probe(middle)
        if answer is None:
            return Found(candidates[high], cut_short=True, unchecked=True)
        if answer:
            high = middle
        else:
            low = middle
    return Found(candidates[high])
