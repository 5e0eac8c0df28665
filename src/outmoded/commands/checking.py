"""The steps of ``outmoded check`` between parsing its options and printing: finding each path's
project and settings, and the projects nested in the folders walked (each checked with its own,
``check_projects``, which ``fix`` and the integrations use too), checking stdin, subtracting a baseline, adding ``# noqa`` comments."""

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
    """(settings, paths) per project of the paths named: each path's settings are those of its
    directory (``config.locate``: the nearest ``[tool.outmoded]`` above it and the nearest Python
    requirement), as ruff finds configuration; ``--config`` and ``--isolated`` apply one to all.
    The projects nested in a walked folder are found by the walk (``check_projects``)."""
    from outmoded.config import ConfigError, locate, project_start

    if config_file(args) or args.isolated:
        settings = settings_from(args)
        validate_codes(settings)
        return [(settings, paths)]
    groups: dict[tuple, tuple] = {}  # location -> (location, paths)
    memo: dict = {}  # what each directory on the way up says, asked once for all the paths
    for path in paths:
        start = project_start(path)
        try:
            location = locate(start, memo)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        groups.setdefault(location.key(), (location, []))[1].append(path)
    out: list[tuple[object, list[str]]] = []
    for location, members in groups.values():
        settings = settings_from(args, project_start(members[0]), location)
        validate_codes(settings)
        same = next((group for group in out if group[0] == settings), None)
        if same is not None:
            same[1].extend(members)
        else:
            out.append((settings, members))
    return out


def check_projects(args: argparse.Namespace, paths: list[str], then=None, run=None) -> list[tuple[object, list[str], object]]:
    """(settings, paths, report) per project: those of the paths named, then those nested in the
    folders walked, each checked with its own settings (``nested_settings``), as ruff uses each
    file's closest configuration; an enclosing project's excludes still prune the walk.  ``then``:
    called with each (settings, paths, report) as it is done, before the next run replaces the
    index and project model it leaves (``fix`` fixes there).  ``run``: what is done with each
    project instead of ``runner.run_check`` (same arguments; ``--show-files`` only walks)."""
    if run is None:
        from outmoded.runner import run_check as run

    queue = [[settings, members, None] for settings, members in projects(args, paths)]
    hierarchical = not (config_file(args) or args.isolated)
    seen: set[str] = set()  # a file is checked once, by the first project whose walk finds it
    done = []
    while queue:
        settings, members, gitignore_root = queue.pop(0)
        found: list[tuple[object, str]] = []
        unread: list = []  # the nested projects whose settings cannot be read: not walked

        def nested(directory: str, settings=settings, found=found, unread=unread) -> bool:
            try:
                inner = nested_settings(args, settings, directory)
            except UnreadableProject as exc:
                unread.append(exc.error)
                return True
            if inner is not None:
                found.append((inner, directory))
            return inner is not None

        report = run(members, settings, use_cache=not args.no_cache, jobs=args.jobs,
                           nested=nested if hierarchical else None, seen=seen, gitignore_root=gitignore_root)
        if unread:
            report.errors.extend(unread)
            report.errors.sort(key=lambda e: e.path)
        if then is not None:
            then(settings, members, report)
        done.append((settings, members, report))
        for inner, directory in found:
            waiting = next((group for group in queue if group[0] == inner), None)
            if waiting is not None:
                waiting[1].append(directory)
            else:
                queue.append([inner, [directory], _gitignore_root(directory, members, gitignore_root or settings.root)])
    return done


def _gitignore_root(directory: str, tops: list[str], root: str) -> str:
    """Up to where the walk of a nested project reads .gitignore files: the enclosing project's
    root, or the walked path holding the nested project when that is outside it."""
    if directory.startswith(root + os.sep):
        return root
    return next((top for top in map(os.path.abspath, tops) if directory.startswith(top + os.sep)), directory)


class UnreadableProject(Exception):
    """A nested project whose settings cannot be read (a test fixture's or a template's
    pyproject.toml that is not TOML, a requirement that is not a specifier) in files that say
    nothing of outmoded: ``error`` names the file and says why, and its folder is not checked."""

    def __init__(self, error):
        super().__init__(error.message)
        self.error = error


def nested_settings(args: argparse.Namespace, outer, directory: str):
    """The settings of the project in ``directory``, met by the walk of the enclosing project
    checked with ``outer``, when they differ from ``outer``: it has a ``[tool.outmoded]`` of its
    own (as ruff counts a nested pyproject.toml with ``[tool.ruff]``), or declares a Python
    requirement that gives other Pythons (a monorepo's packages, an sdist inside the folder).
    Else None: a project saying nothing outmoded reads (a vendored package's bare setup.py, a
    test fixture, a pyproject.toml for the build only) is part of the enclosing one.  Its settings
    are those ``outmoded check DIRECTORY`` gives (``settings_from``), so a file's verdict does not
    depend on which folder above it was named.

    Settings that cannot be read are a usage error when its pyproject.toml names outmoded (its
    configuration is wrong, as ruff stops at a broken nested ``[tool.ruff]``); else the project
    is ``UnreadableProject``: the enclosing walk skips its folder and the report lists the file
    as not checked (exit 1), as a ruff user who excludes such a folder for ruff expects the
    rest to be checked (build, poetry-core and cement exclude theirs in ``[tool.ruff]``)."""
    from outmoded.config import ConfigError, declared_requirement, own_config

    try:
        configured = own_config(directory) is not None
        if not configured:
            requires = declared_requirement(directory)
            if requires is None or requires == outer.requires_python:
                return None
    except ConfigError as exc:
        raise _unreadable(directory, str(exc)) from None
    try:
        inner = settings_from(args, directory)
    except UsageError as exc:
        if configured:
            raise
        raise _unreadable(directory, str(exc)) from None
    validate_codes(inner)
    if not configured and _same_pythons(inner, outer):
        return None
    return inner


def _unreadable(directory: str, message: str) -> Exception:
    """What a nested project whose settings cannot be read is: a usage error when its
    pyproject.toml names outmoded, else an ``UnreadableProject`` naming the file."""
    from outmoded.config.discovery import project_file
    from outmoded.discover import display_path
    from outmoded.findings import FileError

    pyproject = os.path.join(directory, "pyproject.toml")
    try:
        with open(pyproject, "rb") as handle:
            mentions = b"outmoded" in handle.read()
    except OSError:
        mentions = False
    if mentions:
        return UsageError(f"{message} (a project inside the folder checked: exclude its folder if it is test data)")
    named = next((path for path in (pyproject, os.path.join(directory, "setup.cfg"), os.path.join(directory, "setup.py"))
                  if message.startswith(path + ": ")), None)
    path = named or project_file(directory) or directory
    reason = message[len(named) + 2:] if named else message
    folder = display_path(directory, os.getcwd())
    return UnreadableProject(FileError(display_path(path, os.getcwd()), f"{reason}; the project in {folder} was not "
                                       f"checked (exclude its folder if it is not to be: test data, a template)"))


def _same_pythons(inner, outer) -> bool:
    """Are two settings read from the same configuration the same for every verdict: the
    Pythons they check for and from (a target and min-version from the command line make
    the requirements moot)?"""
    return (inner.resolved_target(), inner.resolved_min_version(), inner.declared_floor()) == \
        (outer.resolved_target(), outer.resolved_min_version(), outer.declared_floor()) and \
        replace(inner, requires_python=None, requirement_dir=None, root=None, config_file=None) == \
        replace(outer, requires_python=None, requirement_dir=None, root=None, config_file=None)


def check_paths(args: argparse.Namespace):
    from outmoded.discover import display_path

    # args.sources: made when a report or baseline reads lines
    done = check_projects(args, args.paths or ["."])
    reports = [report for _, _, report in done]
    report = reports[0]
    if len(reports) > 1:
        checked = [(paths, r) for _, paths, r in done if r.files or r.errors]
        if len({r.target_name for _, r in checked}) > 1 and not args.quiet:
            from outmoded.cli import clean

            cwd = os.getcwd()
            shown = ", ".join(f"{' '.join(display_path(os.path.abspath(p), cwd) for p in paths)}: Python "
                              f"{r.target_name}" for paths, r in checked)
            print(clean(f"outmoded check: note: projects are checked for different targets ({shown})"),
                  file=sys.stderr)
        report = merged(reports)
    return done[0][0], report


def merged(reports: list):
    """One report of several projects' runs (the first one's target)."""
    if len(reports) == 1:
        return reports[0]
    return replace(reports[0],
                   findings=sorted((f for r in reports for f in r.findings), key=lambda f: (f.path, f.line, f.column, f.code)),
                   errors=sorted((e for r in reports for e in r.errors), key=lambda e: e.path),
                   files=sum(r.files for r in reports), parsed=sum(r.parsed for r in reports),
                   cached=sum(r.cached for r in reports))


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
    from outmoded.relativeneedles import packages_on

    result = check_source(display, data, index, project, noqa=not settings.ignore_noqa,
                          inside=packages_on(name) or None if name else None)
    try:
        sources(args).add(display, decode(data).text)
    except SourceError:
        pass
    findings = [f for f in result.findings if settings.reports(f, display)]
    return settings, Report(settings.resolved_target(), findings, list(result.errors), files=1,
                            parsed=int(result.parsed), free_threaded=settings.free_threading)


def _stdin_project(name: str, data: bytes, index, target: tuple[int, int]):
    """The project model a check of the file ``name`` gets (``refine``'s needles and chains), the
    file's text index row read from ``data``: ``class T(Base)`` whose ``Base`` derives
    ``unittest.TestCase`` in another module is followed there too (an editor sends the buffer,
    not the saved file)."""
    from outmoded import workers
    from outmoded.refine import LazyProject, project_needles
    from outmoded.classheaders import read_headers
    from outmoded.textindex import TextIndex

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
    """``--show-files``: what would be checked, one path a line, as ruff prints it (quoted as
    ``pathquote.quoted_name`` quotes it)."""
    from outmoded.discover import display_path, say_skipped
    from outmoded.pathquote import quoted_name
    from outmoded.reporters.text import clean

    cwd, shown, failed = os.getcwd(), set(), False
    for _, _, found in check_projects(args, args.paths or ["."], run=_walk_only):
        shown.update(display_path(path, cwd) for path in found.files)
        for error in found.errors:
            print(clean(f"{quoted_name(error.path)}: error: {error.message}"), file=sys.stderr)
            failed = True
        say_skipped(found.skipped, cwd)

    sys.stdout.write("".join(f"{clean(quoted_name(path))}\n" for path in sorted(shown)))
    return EXIT_FINDINGS if failed else EXIT_OK


def _walk_only(paths, settings, use_cache=True, jobs=None, nested=None, seen=None, gitignore_root=None):
    """A project's files, as ``run_check`` would find them (``check_projects``' ``run``)."""
    from outmoded.discover import discover

    return discover(paths, settings.root, settings.exclude + settings.extend_exclude, settings.force_exclude,
                    settings.respect_gitignore, None, nested, seen, gitignore_root)


def show_settings(args: argparse.Namespace) -> int:
    """``--show-settings``: the settings each project's paths are checked with (the projects
    nested in the folders named too)."""
    from outmoded.catalog import format_version
    from outmoded.discover import display_path
    from outmoded.records import fields

    from outmoded.reporters.text import clean

    blocks, cwd, failed = [], os.getcwd(), False
    for settings, paths, found in check_projects(args, args.paths or ["."], run=_walk_only):
        for error in found.errors:  # a nested project whose settings cannot be read, an unlistable folder
            print(clean(f"{error.path}: error: {error.message}"), file=sys.stderr)
            failed = True
        shown = " ".join(display_path(os.path.abspath(p), cwd) for p in paths)
        lines = [f"# {shown}", f"config-file = {str(settings.config_file or '(none)')!r}",
                 f"root = {str(settings.root)!r}",
                 f"target-version = {format_version(settings.resolved_target())!r}",
                 f"min-version = {format_version(settings.resolved_min_version())!r}"]
        for name in fields(settings):
            if name not in ("root", "config_file", "target", "min_version"):
                lines.append(f"{name.replace('_', '-')} = {getattr(settings, name)!r}")
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    return EXIT_FINDINGS if failed else EXIT_OK


def all_named_files(paths: list[str]) -> bool:
    return all(os.path.lexists(p) and not os.path.isdir(p) for p in paths)


def render(report, args: argparse.Namespace) -> str:
    from outmoded import reporters

    return reporters.render(args.format, report, args)


