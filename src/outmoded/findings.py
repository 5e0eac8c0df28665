"""What a scan reports: findings (a use of a removed API) and per-file errors.

Both are plain data (picklable, JSON-able) so they cross process boundaries and live in the cache.
"""

from __future__ import annotations

from outmoded.catalog import Entry, format_version
from outmoded.records import Frozen

ERROR, WARNING = "error", "warning"

# Why a finding is only a warning; each is appended to the message.
CONTEXTS = {
    "fallback": "inside a try/except that catches the failure: on {target} this always takes the fallback",
    "lost-feature": "its error is caught, which only disables what this provides: on {target} it silently stops "
                    "working",
    "optional": "its error is caught, and the code runs without a module no Python promised (a third-party "
                "one): the code was written for environments without it",
    "lost-before-floor": "its error is caught, which only disables what this provides, but it is gone on every Python "
                         "the project supports: the upgrade to {target} changes nothing",
    "broken-at-floor": "removed at or before the oldest Python the project supports: this already fails on every "
                       "Python the project supports, the upgrade to {target} changes nothing",
    "after-broken": "after a line that fails on every Python the project supports: it never runs there",
    "expected": "in a block that expects this error (assertRaises, pytest.raises) or a test marked as an expected "
                "failure there: the test checks that it fails",
    "skipped": "in a test that a skip decorator skips on {target}: it never runs",
    "hasattr": "guarded by hasattr(): on {target} this branch never runs",
    "isinstance": "guarded by isinstance(): on {target} what it tests is never of that type, this branch never runs",
    "truthy": "guarded by a truth test of an object that is always true on {target} (its class defines no __bool__"
              " or __len__): this branch never runs",
    "deleted": "in a function deleted (del) before anything calls it: it never runs",
    "rebound": "in a function its module replaces (name = ...) on {target} before anything calls it: it never runs"
               " there",
    "test-data": "in a test's data file (not imported, not collected, not a script): it never runs",
    "refused": "in a package whose __init__ raises on {target}: it cannot be imported there",
    "unreached": "in a module the project imports only in code that never runs on {target}: it never runs there",
    "uncalled": "in a private function or a method that only code never running on {target} calls: it never runs there",
    "not-installed": "in a directory the project's build installs only for other Pythons: not installed on {target}",
    "not-run": "in a setup.py the build backend its pyproject.toml names never runs (kept for tools predating"
               " PEP 517): nothing runs it on {target}",
    "not-built": "in a source the project's build compiles only for other Pythons: not built on {target}",
    "handler": "in an except-branch that only runs when an import above fails",
    "raised-handler": "in an except-branch that runs when the try body above raises ImportError itself",
    "unknown-receiver": "the receiver's type is unknown; reported because the name is distinctive",
    "annotation": "in an annotation not evaluated when the module runs: it breaks where annotations are read"
                  " (typing.get_type_hints, pydantic)",
    "unread-annotation": "in an annotation not evaluated when the module runs, of a function the project only calls:"
                         " nothing reads it",
    "pending": "",
}


# Dead compatibility code, equivalent on the target: reported only when asked (``dead-compat``).
# A lost-feature fallback for a name removed at or before the project's declared floor
# (``lost-before-floor``: setuptools' ``try: import dl`` under requires-python >= 3.9) is one too, and so is
# one for a module no Python promised (``optional``: ``try: import pkg_resources / except ImportError: pass``).
# Any other use of a name removed at or before that floor (``broken-at-floor``: ``import urllib2``
# under requires-python >= 3.9) fails on every Python the project supports: not what the upgrade breaks,
# and neither is what follows it in its block (``after-broken``).
# A use inside ``with self.assertRaises(E):`` that raises E (``expected``) is what the test wants.
# A use in a test a skip decorator skips on the target (``skipped``) never runs.
# Code that never runs at all (``deleted``, ``test-data``, ``refused``, ``not-installed``, ``unreached``,
# ``not-built``: a C or Cython source the build never compiles on the target, ``not-run``: a setup.py
# no build runs, ``unread-annotation``: a deferred annotation of a function the project only calls)
# is reported only then too.
DEAD_COMPAT_CONTEXTS = frozenset({"fallback", "optional", "hasattr", "isinstance", "truthy", "lost-before-floor", "broken-at-floor", "after-broken",
                                  "expected", "skipped", "deleted", "rebound", "test-data", "refused", "not-installed",
                                  "unreached", "uncalled", "not-built", "not-run",
                                  "unread-annotation"})


class Finding(Frozen):
    """One use of a removed API: where (1-based lines and columns), which rule and API, the
    versions as text, ``severity`` (ERROR or WARNING), the message, the replacement, ``fix``
    (safe, unsafe or None) and ``context``: why it is only a warning (a key of CONTEXTS), or None.
    The cache stores the fields after ``path`` by position."""

    __slots__ = _fields = ("path", "line", "column", "end_line", "end_column", "code", "api", "removed_in",
                           "deprecated_in", "severity", "message", "replacement", "fix", "context")

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, code: str, api: str,
                 removed_in: str, deprecated_in: str | None, severity: str, message: str, replacement: str,
                 fix: str | None, context: str | None = None):
        setattr_ = object.__setattr__
        setattr_(self, "path", path)
        setattr_(self, "line", line)
        setattr_(self, "column", column)
        setattr_(self, "end_line", end_line)
        setattr_(self, "end_column", end_column)
        setattr_(self, "code", code)
        setattr_(self, "api", api)
        setattr_(self, "removed_in", removed_in)
        setattr_(self, "deprecated_in", deprecated_in)
        setattr_(self, "severity", severity)
        setattr_(self, "message", message)
        setattr_(self, "replacement", replacement)
        setattr_(self, "fix", fix)
        setattr_(self, "context", context)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self._fields}


class FileError(Frozen):
    """A file that could not be checked, and why; ``stage`` ``"fix"``: a file that was checked but
    whose fix could not be made or written (``outmoded fix``), so its findings remain."""

    __slots__ = _fields = ("path", "message", "stage")

    def __init__(self, path: str, message: str, stage: str = "check"):
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "stage", stage)

    def to_json(self) -> dict:
        out = {"path": self.path, "message": self.message}
        if self.stage != "check":
            out["stage"] = self.stage
        return out


def shown_name(api: str) -> str:
    """A name as users write it: ``dict.iteritems``, not ``builtins.dict.iteritems``."""
    return api[len("builtins."):] if api.startswith("builtins.") and api != "builtins." else api


def shown_names(entry) -> list[str]:
    """An entry's names as users write them and as its findings say them: a C struct's removed
    member with its struct (``PyThreadState.frame``, as ``native.members`` reports it), not
    ``frame`` alone."""
    kind = entry.member_of[0] if getattr(entry, "member_of", ()) else None
    return [f"{kind}.{name}" if kind else shown_name(name) for name in entry.names]


def names_line(entry) -> str:
    """An entry's names on one line, as ``rules`` and ``explain`` head it: a ``node-fields``
    entry (every ast node class, each with its row of fields) by what it covers, not 117 names."""
    if getattr(entry, "node_fields", None):
        return f"the constructors of {len(entry.names)} ast node classes"
    return ", ".join(shown_names(entry))


def describe(entry: Entry, api: str, target: tuple[int, int], context: str | None = None) -> str:
    """The one-line message: what was removed, when, and what to use instead."""
    removed = format_version(entry.removed_in)
    api = shown_name(api)
    if entry.pending:
        head = f"`{api}` is deprecated and scheduled for removal in Python {removed}"
    else:
        head = removal_head(entry, api)
        if entry.kind == "behaviour":
            head += f": {entry.reason}"
    text = f"{head}; {replacement_phrase(shown_name(entry.replacement))}"
    if entry.backport_requirement:
        text += f", or add `{entry.backport_requirement}` to the requirements"
    if context and CONTEXTS.get(context):
        text += f" [{CONTEXTS[context].format(target=format_version(target))}]"
    return text


def removal_head(entry: Entry, api: str) -> str:
    """What a message first says of a removal: "`imp.reload` was removed in Python 3.12 (deprecated since 3.4)"."""
    if getattr(entry, "backport_before", None):  # not the standard library's (pkg_resources): what took it
        return (f"`{api}` is missing from Python {format_version(entry.removed_in)} on (a {entry.backport} module: "
                f"new environments no longer install {entry.backport}, and {entry.backport} {entry.backport_before} dropped it)")
    where = " from the limited C API" if entry.limited_api else ""
    # a behaviour removal: nothing is missing, the code stops working; the reason says how
    verb = "stopped working" if entry.kind == "behaviour" else f"was removed{where}"
    head = f"`{api}` {verb} in Python {format_version(entry.removed_in)}"
    if entry.deprecated_in:
        head += f" (deprecated since {format_version(entry.deprecated_in)})"
    return head


def star_unbound(message: str, entry: Entry, dotted: str) -> str:
    """``message`` of a name only ``from <module> import *`` binds, where from ``star_unbound_since``
    on it binds no such name (NameError, before the module lost it): ``from collections import *``
    then ``Mapping`` fails from 3.7, where ``collections.Mapping`` went in 3.10."""
    module, _, name = dotted.rpartition(".")
    shown = shown_name(dotted)
    deprecated = f", deprecated since {format_version(entry.deprecated_in)}" if entry.deprecated_in else ""
    return message.replace(removal_head(entry, shown), (
        f"`from {module} import *` binds no `{name}` from Python {format_version(entry.star_unbound_since)}"
        f" on: NameError (`{shown}` itself was removed in Python {format_version(entry.removed_in)}{deprecated})"), 1)


def replacement_phrase(replacement: str) -> str:
    """How a replacement reads after a semicolon: a bare name becomes "use `name`"."""
    if " " in replacement or not replacement.replace(".", "").replace("_", "").isalnum():
        return replacement[0].lower() + replacement[1:]
    return f"use `{replacement}`"


def make_finding(path: str, span: tuple[int, int, int, int], entry: Entry, api: str,
                 target: tuple[int, int], severity: str, context: str | None = None,
                 guard: str | None = None, min_version: tuple[int, int] = (3, 9),
                 unsafe: str | None = None) -> Finding:
    """``guard``: why the code tests for the API (``fixability.GUARD_NOTES``); ``min_version``:
    the oldest Python the fixed code must run on; ``unsafe``: why its rename would change what the
    code does, or None.  ``fixability.verdict`` decides ``fix``."""
    from outmoded.fixability import verdict

    line, column, end_line, end_column = span
    message = describe(entry, api, target, context)
    if context == "unknown-receiver":
        unsafe = "the receiver's type is unknown"
    fix, note = verdict(entry, guard, min_version, unsafe=unsafe)
    if fix == "unsafe" and entry.fix == "unsafe" and entry.fix_reason:
        message += f" (unsafe fix: {entry.fix_reason.rstrip('.')})"
    if note:
        message = f"{message} ({note})"
    return Finding(
        path=path, line=line, column=column, end_line=end_line, end_column=end_column,
        code=entry.code, api=api, removed_in=format_version(entry.removed_in),
        deprecated_in=format_version(entry.deprecated_in) if entry.deprecated_in else None,
        severity=severity, message=message, replacement=entry.replacement, fix=fix, context=context,
    )
