"""Checks for files that are not Python: extension sources, deployment and CI configuration.

- ``capi``: C, C++ and Cython sources (``*.c``, ``*.h``, ``*.cc``, ``*.cpp``, included fragments ``*.inc``, ``*.inl``; ``*.pyx``, ``*.pxd``):
  removed C-API names (catalog ``capi_3_N.yaml``) and, for ``--free-threading``, borrowed-reference
  APIs; lexing in ``ctokens``, ``#if PY_VERSION_HEX ...`` evaluation in ``cpp`` (with the macros
  ``Python.h`` defines, ``pythonh``), files the target never compiles in ``includes``, the catalog's
  names and the loop finding them in ``apinames``, what a file declares and defines in
  ``directives``, the project's own definitions of removed names in ``shims``;
- ``freethreading``: extension modules that re-enable the GIL on a free-threaded build;
- ``flags``: ``PYTHON_JIT=1``, ``-X jit``, ``PYTHON_GIL=0``, ``-X gil=0`` and free-threaded
  interpreters in Dockerfiles, shell scripts, Makefiles, ``tox.ini``, ``Procfile`` and ``*.service``;
- ``workflows``: the same in GitHub Actions workflows (parsed with PyYAML, positions kept), plus
  CI matrices that never test the target version.

Each check is a function ``(display_path, data, index) -> engine.FileResult`` registered in
``outmoded.filetypes.CHECKERS``.  Rules are catalog entries of kind ``capi`` (the ``check`` key says
which check uses them), so ``--select``/``--ignore``, ``noqa`` and ``outmoded explain`` work on
their codes as on any other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from outmoded.catalog import Entry, default_catalog, format_version
from outmoded.findings import CONTEXTS, ERROR, WARNING, FileError, Finding, replacement_phrase

Span = tuple[int, int, int, int]  # line, column, end line, end column (1-based, end exclusive)


@lru_cache(maxsize=1)
def rules() -> dict[str, Entry]:
    """Catalog entries of kind ``capi`` by code (loaded once per process)."""
    return {e.code: e for e in default_catalog().entries if e.kind == "capi"}


def decode_text(data: bytes) -> Optional[str]:
    """UTF-8 text (BOM dropped, undecodable bytes replaced); None for binary data."""
    if b"\0" in data[:8192]:
        return None
    text = data.decode("utf-8", "replace")
    return text[1:] if text.startswith("\ufeff") else text


def start(path: str, data: bytes):
    """(an empty FileResult, the file's text); the text is None, with an error recorded, for binary data."""
    from outmoded.engine import FileResult

    result = FileResult(path)
    text = decode_text(data)
    if text is None:
        result.errors.append(FileError(path, "contains NUL bytes (binary file?)"))
    return result, text


def rule_message(entry: Entry, api: str, subject: Optional[str] = None) -> str:
    """``subject reason; replacement`` for rules that are not removals."""
    return f"{subject or f'`{api}`'} {entry.reason}; {replacement_phrase(entry.replacement)}"


def make(path: str, span: Span, entry: Entry, api: str, severity: str, message: str) -> Finding:
    line, column, end_line, end_column = span
    return Finding(
        path=path, line=line, column=column, end_line=end_line, end_column=end_column,
        code=entry.code, api=api, removed_in=format_version(entry.removed_in),
        deprecated_in=format_version(entry.deprecated_in) if entry.deprecated_in else None,
        severity=severity, message=message, replacement=entry.replacement, fix=None,
    )


def at_floor(findings: list[Finding], floor: Optional[tuple[int, int]], target: tuple[int, int]) -> list[Finding]:
    """The findings of names removed at or before the oldest Python the project declares
    (``index.floor``: ``requires-python``) move to the dead-compat context ``broken-at-floor``, as
    the Python checks' do (``guardnotes``): such a line fails to compile on every Python the
    project supports, so the upgrade changes nothing there.  pyqt5-sip 12.20.1's sip.h keeps
    ``#define sipClassName(w) PyString_FromString(Py_TYPE(w)->tp_name)`` (gone with 3.0) under
    ``requires-python = ">=3.10"``."""
    def broken(f: Finding) -> bool:
        return f.severity == ERROR and not f.context and bool(f.removed_in) and _version(f.removed_in) <= floor

    if not floor or not any(broken(f) for f in findings):
        return findings
    reason = CONTEXTS["broken-at-floor"].format(target=format_version(target))
    return [f if not broken(f) else
            Finding(path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                    code=f.code, api=f.api, removed_in=f.removed_in, deprecated_in=f.deprecated_in,
                    severity=WARNING, message=f"{f.message} [{reason}]", replacement=f.replacement,
                    fix=None, context="broken-at-floor")
            for f in findings]


def not_built(findings: list[Finding], path: str, target: tuple[int, int]) -> list[Finding]:
    """The findings of a source the project's build never compiles on the target
    (``builds.not_built``) move to the dead-compat context ``not-built``: warnings that say where
    the build says so, reported only with ``--dead-compat``; the others as they are.  A source under
    a directory named for Python 3.N (``layout.version_directory``) is compiled by 3.N, which still
    has what later releases removed: those findings go, as they do for Python files."""
    if not findings:
        return findings
    from outmoded.layout import version_directory

    written_for = version_directory(path)
    if written_for is not None:  # a copy for an older Python (multiprocess 0.70.19's py3.10/Modules/)
        findings = [f for f in findings if not f.removed_in or _version(f.removed_in) <= written_for]
        if not findings:
            return findings
    from outmoded.builds import not_built as where

    declared = where(path, target)
    if declared is None:
        return findings
    reason = CONTEXTS["not-built"].format(target=format_version(target))
    return [Finding(path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                    code=f.code, api=f.api, removed_in=f.removed_in, deprecated_in=f.deprecated_in,
                    severity=WARNING, message=f"{f.message} [{reason} ({declared})]", replacement=f.replacement,
                    fix=None, context="not-built")
            for f in findings]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
