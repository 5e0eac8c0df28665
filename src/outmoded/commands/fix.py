"""``outmoded fix``: rewrite uses of removed APIs in place, then report what remains.

Applies every ``safe`` fix whose replacement exists on the oldest Python the project supports
(``--min-version``, default the lower bound of ``requires-python``); ``--unsafe-fixes`` adds the
``unsafe`` ones.  ``--diff`` prints a unified diff and writes nothing; the report then goes to
stderr so the diff can be piped to ``patch``.

Exit codes, as ruff's ``--fix``: 0 when everything found was fixed (or nothing was found), 1
when findings or unreadable files remain, 2 bad usage; ``--exit-non-zero-on-fix`` also exits 1
when files changed, and ``--diff`` exits 1 when it would change files.  The pre-commit fix hook
(``--hook``, see ``outmoded.integrations.precommit``) prints only what it fixed and fails only when fixing
itself failed or a file could not be read: pre-commit fails the hook when it changed files, and
the check hook reports the findings that remain.
"""

from __future__ import annotations

import argparse
import os
import sys

from outmoded.commands.options import add_common, add_exit_options, emit
from outmoded.records import replace

PARALLEL_THRESHOLD = 4  # files to fix before a process pool pays off


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the fixes, write nothing")
    parser.add_argument("--unsafe-fixes", action="store_true", default=None,
                        help="also apply fixes whose replacement behaves slightly differently")
    parser.add_argument("--min-version", metavar="X.Y",
                        help="the oldest Python the code must still run on (default: from requires-python)")
    add_exit_options(parser)



def _policy(settings):
    from outmoded.catalog import default_catalog
    from outmoded.fixes import Policy

    return Policy(default_catalog().by_code, settings.resolved_min_version(), settings.unsafe_fixes)


def _index(settings):
    """The check's own index and project model when it built them (the fix then sees the same
    findings as the check, project classes included), else the target's index."""
    from outmoded import workers

    if workers.INDEX is not None:
        return workers.INDEX, workers.PROJECT
    from outmoded.catalog.index import index_for

    return index_for(settings.resolved_target(), pending=settings.pending,
                     min_version=settings.resolved_min_version(), floor=settings.declared_floor()), None


def _scanner(display: str, model, settings):
    from outmoded.engine import check_source
    from outmoded.source import SourceError

    from outmoded.relativeneedles import packages_on

    index, project = model
    inside = packages_on(display) or None

    def scan(data: bytes):
        result = check_source(display, data, index, project, noqa=not settings.ignore_noqa, inside=inside)
        if result.errors:  # the rewritten file cannot be read: the fix is dropped
            raise SourceError(result.errors[0].message)
        found = result.findings
        return sorted((f for f in found if settings.reports(f, display)), key=lambda f: (f.line, f.column, f.code))
    return scan


def _fix_file(job, policy, model, settings):
    """Fix one file; its first pass starts from the check's findings (no second scan)."""
    from outmoded.fixes import FileFix, fix_source
    from outmoded.findings import FileError
    from outmoded.source import SourceError, read_bytes

    display, findings = job
    try:
        data = read_bytes(os.path.join(os.getcwd(), display))
    except SourceError as exc:
        return FileFix(display, b"", b"", errors=[FileError(display, str(exc))])
    scan = _scanner(display, model, settings)
    return fix_source(display, data, findings, policy, scan)


_WORK = None  # (policy, model, settings): set before forking, read by the workers (never pickled)


def _needs_libcst(findings: list, policy) -> bool:
    """Does fixing these take more than plain renames of attributes (``fixes.plain``)?"""
    from outmoded.fixes.plain import rename
    from outmoded.fixes.plan import edits_for

    return not all(map(rename, edits_for(findings, policy)))


def _fix_job(job):
    return _fix_file(job, *_WORK)


def _fix_all(jobs: list, policy, model, settings, workers) -> list:
    """Fix each file; many files are fixed in parallel, as ``check`` checks them.  LibCST and
    the fixers are imported before forking (unless every fix is a plain rename, which needs no
    LibCST), so the workers share them instead of each importing them again (a quarter of a
    second of CPU each); the index, project model and settings are inherited through the fork,
    and only a file's name and findings go to its worker."""
    global _WORK
    from outmoded.workers import can_fork

    if any(_needs_libcst(findings, policy) for _, findings in jobs):
        import outmoded.fixes.apply  # noqa: F401  (LibCST: imported once, shared by the workers)

    _WORK = (policy, model, settings)
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD or not can_fork():
        return [_fix_job(job) for job in jobs]
    from outmoded.forkpool import Pool

    # the largest files first, so one of them does not start last and finish alone
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i][0]))
    pool = Pool(workers)  # forked: not multiprocessing's, whose imports cost more than a small fix
    try:
        done = dict(zip(order, pool.map(_fix_job, [jobs[i] for i in order])))
    finally:
        pool.shutdown()
    return [done[i] for i in range(len(jobs))]


def _size(display: str) -> int:
    try:
        return os.path.getsize(os.path.join(os.getcwd(), display))
    except OSError:
        return 0


def _write(fix) -> bool:
    """Write the fixed file; False (and the file's error) when it could not be written."""
    from outmoded.findings import FileError
    from outmoded.writes import write_bytes_atomic

    try:
        # through a symlink: the replace must not turn the link into a copy
        write_bytes_atomic(os.path.realpath(os.path.join(os.getcwd(), fix.path)), fix.new, expected=fix.old)
    except OSError as exc:
        fix.errors.append(FileError(fix.path, f"cannot write the fixed file: {exc.strerror or exc}"))
        fix.new = fix.old  # nothing was written
        return False
    return True


def _fix_jobs(report, policy) -> list[tuple[str, list]]:
    """(path, the check's findings in it) for every file holding a fix to apply."""
    from outmoded.filetypes import PYTHON_SUFFIXES
    from outmoded.fixes.plan import refusal

    # other file types (C sources, CI files) have their own checkers and no fixes
    paths = sorted({f.path for f in report.findings
                    if f.path.endswith(PYTHON_SUFFIXES) and refusal(f, policy) is None})
    found = {path: [] for path in paths}
    for finding in report.findings:
        if finding.path in found:
            found[finding.path].append(finding)
    return [(path, sorted(found[path], key=lambda f: (f.line, f.column, f.code))) for path in paths]


def run(args: argparse.Namespace) -> int:
    from outmoded import reporters
    from outmoded.commands.checking import check_projects, merged
    from outmoded.findings import FileError
    from outmoded.fixes.plan import annotate

    if "-" in (args.paths or []):  # it was looked for as a file named "-": "no such file or directory"
        from outmoded.cli import UsageError

        raise UsageError("fix rewrites files: `-` (stdin) is not one; name the file (`outmoded check -` "
                         "checks stdin)")
    groups = []  # (report, policy, fixes) per project: each file is fixed for its own project's floor

    def fix_project(settings, paths, report) -> None:
        jobs = _fix_jobs(report, policy := _policy(settings))
        groups.append((report, policy, _fix_all(jobs, policy, _index(settings), settings, args.jobs) if jobs else []))

    check_projects(args, args.paths or ["."], then=fix_project)
    fixes = sorted((fix for _, _, found in groups for fix in found), key=lambda fix: fix.path)
    unwritten = set()  # files whose fix could not be written: what was found there remains
    if args.diff:
        from outmoded.commands.diffs import unified_diff

        _write_diff(b"".join(unified_diff(f.path, f.old, f.new) for f in fixes if f.changed))
    else:
        unwritten = {fix.path for fix in fixes if fix.changed and not _write(fix)}
    fixed_paths = {f.path for f in fixes} - unwritten
    findings = [f if f.path in unwritten else annotate(f, policy) for report, policy, _ in groups
                for f in report.findings if f.path not in fixed_paths]
    findings += [f for fix in fixes if fix.path not in unwritten for f in fix.findings]
    unreadable = sorted((e for report, _, _ in groups for e in report.errors), key=lambda e: e.path)
    # a file checked whose fix could not be made or written: its findings remain, it was checked
    errors = unreadable + [FileError(e.path, e.message, "fix") for fix in fixes for e in fix.errors]
    remaining = replace(merged([report for report, _, _ in groups]),  # the projects' statistics summed
                        findings=sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code)),
                        errors=sorted(errors, key=lambda e: e.path))
    changed = any(f.changed for f in fixes)
    if getattr(args, "hook", False):
        return _hook_report(args, fixes, unreadable)
    if getattr(args, "fix_only", False):
        return _fix_only_report(args, fixes, unreadable)
    _report(args, reporters.render(args.format, remaining, args), fixes)
    if args.exit_zero:
        return 0
    if changed and (args.diff or getattr(args, "exit_non_zero_on_fix", False)):
        return 1
    return int(remaining.failed)


def _write_diff(data: bytes) -> None:
    """The diff as the files' own bytes (``unified_diff``), not re-encoded by the text stream."""
    sys.stdout.flush()
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:  # a text-only stream (an embedding program's): the bytes read back as written
        sys.stdout.write(data.decode("utf-8", "surrogateescape"))


def _hook_report(args, fixes, unreadable) -> int:
    """The pre-commit fix hook: what it fixed, what went wrong fixing, and the files it could
    not read or parse (nothing was fixed there: a commit of a file in Python 2 syntax passed a
    fix hook configured alone); not the findings that remain (the check hook prints those)."""
    from outmoded.pathquote import quoted_name
    from outmoded.reporters.text import clean  # a file name is untrusted text

    changed = [f for f in fixes if f.changed]
    errors = sorted(unreadable + [e for f in fixes for e in f.errors], key=lambda e: e.path)
    lines = [f"{quoted_name(f.path)}: fixed {f.fixed} finding(s)" for f in changed]
    lines += [f"{quoted_name(e.path)}: error: {e.message}" for e in errors]
    if lines:
        sys.stdout.write("".join(f"{clean(line)}\n" for line in lines))
    return 1 if errors and not args.exit_zero else 0


def _fix_only_report(args, fixes, unreadable) -> int:
    """``--fix-only`` (ruff's): what was fixed and what could not be read or written; findings
    that remain are not shown and do not fail the run.  Exit 1 when a file could not be read or
    written, or (``--diff``, ``--exit-non-zero-on-fix``) when files changed or would.  With
    ``--diff`` the lines go to stderr: stdout holds the diff."""
    from outmoded.pathquote import quoted_name
    from outmoded.reporters.text import clean

    changed = [f for f in fixes if f.changed]
    errors = sorted(unreadable + [e for f in fixes for e in f.errors], key=lambda e: e.path)
    lines = [f"{quoted_name(f.path)}: {'would fix' if args.diff else 'fixed'} {f.fixed} finding(s)" for f in changed]
    lines += [f"{quoted_name(e.path)}: error: {e.message}" for e in errors]
    count = sum(f.fixed for f in changed)
    lines.append(f"{'Would fix' if args.diff else 'Fixed'} {count} finding(s) in {len(changed)} file(s).")
    text = "".join(f"{clean(line)}\n" for line in lines)
    if args.silent:
        pass
    elif args.diff and not args.output_file:
        sys.stderr.write(text)
    else:
        emit(text, args.output_file)
    if args.exit_zero:
        return 0
    return int(bool(errors) or (bool(changed) and (args.diff or args.exit_non_zero_on_fix)))


def _report(args, text: str, fixes) -> None:
    changed = [f for f in fixes if f.changed]
    count = sum(f.fixed for f in changed)
    verb = "Would fix" if args.diff else "Fixed"
    note = f"{verb} {count} finding(s) in {len(changed)} file(s).\n" if changed else ""
    if args.format in ("full", "concise", "grouped") and not args.quiet:
        text += note
        note = ""
    if args.diff and not args.output_file:
        sys.stderr.write(text + note)
        return
    emit(text, args.output_file)
    if note:
        sys.stderr.write(note)
