"""The steps of ``outmoded check`` between parsing its options and printing: finding each path's
project and settings, checking stdin, subtracting a baseline, adding ``# noqa`` comments."""

from __future__ import annotations

import os
import sys

from outmoded.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from outmoded.commands.options import config_file, settings_from, validate_codes
from outmoded.records import replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse


def sources(args: argparse.Namespace):
    """The source lines a report or the baseline reads (``args.sources``), made on first use: a
    JSON report does not import the snippets module."""
    from outmoded.reporters.snippets import SourceLines

    if getattr(args, "sources", None) is None:
        args.sources = SourceLines()
    return args.sources


def projects(args: argparse.Namespace, paths: list[str]) -> list[tuple[object, list[str]]]:
    """(settings, paths) per project: each path's nearest pyproject.toml / setup.cfg / setup.py
    above it, as ruff finds configuration; ``--config`` and ``--isolated`` apply one to all."""
    from outmoded.config import find_pyproject, project_start

    if config_file(args) or args.isolated:
        settings = settings_from(args)
        validate_codes(settings)
        return [(settings, paths)]
    groups: dict[object, list[str]] = {}
    for path in paths:
        groups.setdefault(find_pyproject(project_start(path)), []).append(path)
    out = []
    for found, members in groups.items():
        # no project above these paths: defaults, not the current directory's project
        settings = settings_from(args, os.path.dirname(found) if found else project_start(members[0]))
        validate_codes(settings)
        out.append((settings, members))
    return out


def check_paths(args: argparse.Namespace):
    from outmoded.catalog import format_version
    from outmoded.runner import run_check

    groups = projects(args, args.paths or ["."])  # args.sources: made when a report or baseline reads lines
    reports = [run_check(paths, settings, use_cache=not args.no_cache, jobs=args.jobs) for settings, paths in groups]
    report = reports[0]
    if len(reports) > 1:
        targets = {r.target for r in reports}
        if len(targets) > 1 and not args.quiet:
            shown = ", ".join(f"{' '.join(p)}: Python {format_version(r.target)}"
                              for (_, p), r in zip(groups, reports))
            print(f"outmoded check: note: projects are checked for different targets ({shown})", file=sys.stderr)
        report = replace(report,
                         findings=sorted((f for r in reports for f in r.findings),
                                         key=lambda f: (f.path, f.line, f.column, f.code)),
                         errors=sorted((e for r in reports for e in r.errors), key=lambda e: e.path),
                         files=sum(r.files for r in reports), parsed=sum(r.parsed for r in reports),
                         cached=sum(r.cached for r in reports))
    return groups[0][0], report


def check_stdin(args: argparse.Namespace):
    """``outmoded check - [--stdin-filename NAME]``: the source comes from stdin."""
    from outmoded.catalog.index import index_for
    from outmoded.config import project_start
    from outmoded.discover import display_path
    from outmoded.engine import check_source
    from outmoded.runner import Report
    from outmoded.source import SourceError, decode

    name = args.stdin_filename
    start = None if (config_file(args) or args.isolated or not name) else project_start(name)
    settings = settings_from(args, start)
    validate_codes(settings)
    display = display_path(os.path.abspath(name), os.getcwd()) if name else "-"
    data = sys.stdin.buffer.read()
    index = index_for(settings.resolved_target(), pending=settings.pending,
                      min_version=settings.resolved_min_version(), floor=settings.declared_floor())
    project = _stdin_project(name, data, index, settings.resolved_target()) if name and name.endswith(".py") else None
    result = check_source(display, data, index, project, noqa=not settings.ignore_noqa)
    try:
        sources(args).add(display, decode(data).text)
    except SourceError:
        pass
    findings = [f for f in result.findings if settings.reports(f, display)]
    return settings, Report(settings.resolved_target(), findings, list(result.errors), files=1,
                            parsed=int(result.parsed))


def _stdin_project(name: str, data: bytes, index, target: tuple[int, int]):
    """The project model a check of the file ``name`` gets (``refine``'s needles and chains), the
    file's text index row read from ``data``: ``class T(Base)`` whose ``Base`` derives
    ``unittest.TestCase`` in another module is followed there too (an editor sends the buffer,
    not the saved file)."""
    from outmoded import workers
    from outmoded.refine import LazyProject, project_needles
    from outmoded.textindex import TextIndex, read_headers

    path = os.path.abspath(name)
    text = TextIndex()
    text.stamps[path] = f"{len(data)}:0"
    text.piped[path] = data  # its import lines too: the buffer's, not the saved file's
    headers, flags = read_headers(data)
    if headers:
        text.headers[path] = headers
    if flags:
        text.flags[path] = flags
    workers.INDEX = index  # what the run's project needles and chains use
    workers.PROJECT = LazyProject(target, text, project_needles(text))
    return workers.PROJECT


def apply_baseline(report, args: argparse.Namespace):
    from outmoded.baseline import BaselineError, load

    try:
        baseline = load(args.baseline)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    fresh, matched = baseline.new(report.findings, sources(args))
    if matched and not (args.quiet or args.silent):
        print(f"outmoded check: {matched} finding(s) recorded in the baseline {args.baseline} not shown",
              file=sys.stderr)
    return replace(report, findings=fresh)


def add_noqa(report) -> int:
    from itertools import groupby

    from outmoded.filetypes import checker_for
    from outmoded.reporters.text import clean  # file names are untrusted text
    from outmoded.source import SourceError
    from outmoded.suppress import add_noqa as add

    added = files = failed = 0
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        if checker_for(path) is not None:
            continue  # C sources and CI files: their comment syntax differs; not rewritten
        try:
            count, skipped = add(path, list(findings))
        except (SourceError, OSError) as exc:
            print(clean(f"{path}: error: cannot add noqa: {getattr(exc, 'strerror', None) or exc}"), file=sys.stderr)
            failed += 1
            continue
        if skipped:
            print(clean(f"{path}: warning: {skipped} finding(s) on lines that cannot take a comment (inside a "
                        f"multi-line string or after a backslash)"), file=sys.stderr)
        added += count
        files += bool(count)
    print(f"Added {added} noqa directive(s) to {files} file(s).", file=sys.stderr)
    return EXIT_FINDINGS if failed or report.errors else EXIT_OK


def show_files(args: argparse.Namespace) -> int:
    """``--show-files``: what would be checked, one path a line, as ruff prints it."""
    from outmoded.discover import discover, display_path
    from outmoded.reporters.text import clean

    cwd, shown, failed = os.getcwd(), set(), False
    for settings, paths in projects(args, args.paths or ["."]):
        found = discover(paths, settings.root, settings.exclude + settings.extend_exclude, settings.force_exclude,
                         settings.respect_gitignore)
        shown.update(display_path(path, cwd) for path in found.files)
        for error in found.errors:
            print(clean(f"{error.path}: error: {error.message}"), file=sys.stderr)
            failed = True

    sys.stdout.write("".join(f"{clean(path)}\n" for path in sorted(shown)))
    return EXIT_FINDINGS if failed else EXIT_OK


def show_settings(args: argparse.Namespace) -> int:
    """``--show-settings``: the settings each project's paths are checked with."""
    from outmoded.catalog import format_version
    from outmoded.records import fields

    blocks = []
    for settings, paths in projects(args, args.paths or ["."]):
        lines = [f"# {' '.join(paths)}", f"config-file = {str(settings.config_file or '(none)')!r}",
                 f"root = {str(settings.root)!r}",
                 f"target-version = {format_version(settings.resolved_target())!r}",
                 f"min-version = {format_version(settings.resolved_min_version())!r}"]
        for name in fields(settings):
            if name not in ("root", "config_file", "target", "min_version"):
                lines.append(f"{name.replace('_', '-')} = {getattr(settings, name)!r}")
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    return EXIT_OK


def all_named_files(paths: list[str]) -> bool:
    return all(os.path.lexists(p) and not os.path.isdir(p) for p in paths)


def render(report, args: argparse.Namespace) -> str:
    from outmoded import reporters

    return reporters.render(args.format, report, args)


