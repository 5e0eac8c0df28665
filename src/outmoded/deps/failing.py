"""Releases known to fail on a target for a reason no static scan of their code proves.

Some releases install on a target and fail there through a change of private or implicit
behaviour: pydantic 1.10.8 hands ``typing.ForwardRef._evaluate`` its ``recursive_guard`` in the
position 3.13 made keyword-only (``_evaluate`` is too common a name, on an untyped receiver, to
report without noise); SQLAlchemy 2.0.15's ``TypingOnly`` asserts the keys of a class's
``__dict__``, to which 3.13 adds ``__static_attributes__``.  Nor does a release's metadata say so:
its classifiers and ``Requires-Python`` upper bound are the same for releases that run on the
target (requests 2.28.1 names no 3.13 and runs there) as for these.  So each such failure is a
data entry of ``data/failing_releases.yaml``, written once the releases it names were run on the
real interpreter of each target it names; the entry makes those releases ``breaks`` there, and
the upgrade search starts past them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "failing_releases.yaml")
FIELDS = ("package", "versions", "fixed_in", "targets", "error", "when", "cause", "proof")


class FailingReleasesError(ValueError):
    """``failing_releases.yaml`` is malformed: names the entry and the field."""


@dataclass(frozen=True)
class Failure:
    package: str  # canonical name
    versions: SpecifierSet
    fixed_in: Version
    targets: frozenset  # (major, minor) pairs
    error: str
    when: str

    def message(self, label: str) -> str:
        return (f"fails on the real Python {label} ({self.when}): {self.error} "
                f"(releases {self.versions} fail there; {self.fixed_in} runs)")

    def to_json(self) -> dict:
        return {"versions": str(self.versions), "fixed_in": str(self.fixed_in), "error": self.error,
                "when": self.when, "targets": [f"{m}.{n}" for m, n in sorted(self.targets)]}


def failure(name: str, version, target: tuple):
    """The ``Failure`` of release ``version`` of ``name`` on the target ``(major, minor)``
    (either build of it), or None."""
    if version is None:
        return None
    try:
        version = Version(str(version))
    except InvalidVersion:
        return None
    for entry in _entries().get(canonicalize_name(name), ()):
        if tuple(target[:2]) in entry.targets and entry.versions.contains(version):  # a pre-release only if named
            return entry
    return None


@cache
def _entries(path: str = PATH) -> dict:
    import yaml  # only deps reads this file, once a run

    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    entries = {}
    for number, item in enumerate(raw or (), 1):
        entry = _entry(item, number)
        entries.setdefault(entry.package, []).append(entry)
    return entries


def _entry(item, number: int) -> Failure:
    where = f"failing_releases.yaml entry {number}"
    if not isinstance(item, dict) or set(item) != set(FIELDS) or not all(
            isinstance(item[key], str) and item[key].strip() for key in FIELDS if key != "targets"):
        raise FailingReleasesError(f"{where}: needs exactly {', '.join(FIELDS)} (strings; targets a list)")
    try:
        versions, fixed_in = SpecifierSet(item["versions"]), Version(item["fixed_in"])
    except (InvalidSpecifier, InvalidVersion) as error:
        raise FailingReleasesError(f"{where}: {error}") from None
    if versions.contains(fixed_in, prereleases=True):
        raise FailingReleasesError(f"{where}: fixed_in {fixed_in} is one of the failing versions {versions}")
    targets = item["targets"]
    if not isinstance(targets, list) or not targets or not all(
            isinstance(t, str) and t.count(".") == 1 and all(p.isdigit() for p in t.split(".")) for t in targets):
        raise FailingReleasesError(f"{where}: targets must be a list of versions like \"3.13\"")
    return Failure(canonicalize_name(item["package"]), versions, fixed_in,
                   frozenset(tuple(int(p) for p in t.split(".")) for t in targets),
                   item["error"].strip(), item["when"].strip())
