"""Records passed between the deps modules: a requirement read from a file, and its verdict."""

from __future__ import annotations

from dataclasses import dataclass, field

from packaging.requirements import Requirement

OK, SOURCE_ONLY, INCOMPATIBLE, UNKNOWN = "ok", "source-only", "incompatible", "unknown"
BREAKS = "breaks"  # installs, but its library code uses an API the target lacks

# Why a dependency is ``unknown``: the user acts differently on each (typo vs. network).
NOT_ON_INDEX = "not-on-index"
UNREACHABLE = "index-unreachable"
INDEX_ERROR = "index-error"
NOT_CACHED = "not-cached"
INVALID = "invalid-requirement"


@dataclass
class Dependency:
    """One requirement as written in a file; ``error`` is set when it could not be parsed."""

    name: str
    requirement: Requirement | None
    file: str
    line: int | None
    error: str | None = None
    extra: str = ""  # the optional-dependency group it belongs to, for ``extra == ...`` markers
    platforms: tuple = ()  # platforms its marker selects (all chosen platforms when no marker)
    # Lock files: the direct dependencies that pull this transitive one in (names as written),
    # empty for a direct dependency or when the file records no edges.
    required_by: tuple = ()
    direct: bool = True  # False for a package a lock file lists only because another needs it
    index: str = ""  # the index a lock file records it from, when not the lock's main one
    hashed: bool = False  # a requirements line with ``--hash``: pip installs in hash-checking mode


@dataclass
class Skipped:
    """A line that names no index package for the target (direct URL, path, marker false)."""

    name: str
    file: str
    line: int | None
    reason: str


@dataclass
class Verdict:
    status: str
    message: str
    lacking: list = field(default_factory=list)  # platform names without a usable wheel
    reason: str | None = None  # for ``unknown``: why the code could not be checked
    missing: str = ""  # the wheel the tags lack (``no cp313 wheel (wheels for ...)``), without what building means


@dataclass
class Result:
    dependency: Dependency
    version: str | None = None
    status: str = UNKNOWN
    reason: str | None = None
    message: str = ""
    minimum_ready: str | None = None
    platforms_without_wheels: list = field(default_factory=list)
    per_platform: dict = field(default_factory=dict)  # name -> {status, message, minimum_ready}
    free_threading: str | None = None
    free_threading_minimum_ready: str | None = None
    free_threading_message: str | None = None
    free_threading_platforms_without_wheels: list = field(default_factory=list)
    yanked: bool = False
    code: object = None  # the chosen release's ``verdict.CodeVerdict`` (None: not looked at)
    search_cut_short: bool = False  # the first-ready search hit its download bound
    required: list = field(default_factory=list)  # what it pins that the target cannot install (``pinned``)
    unsearched: bool = False  # made not ready by what it pins: no upgrade searched
    known_failure: object = None  # the ``failing.Failure`` that makes it ``breaks``, if any

    @property
    def ready(self) -> bool:
        return self.status == OK and self.free_threading in (None, OK)

    @property
    def unchecked(self) -> bool:
        """Could not be checked (index or archive trouble): never counted as not ready.

        A malformed requirement or a name the index does not have is an answer, not a failure
        to get one: those count as not ready.
        """
        return not self.ready and self.reason not in (INVALID, NOT_ON_INDEX) \
            and UNKNOWN in (self.status, self.free_threading)
