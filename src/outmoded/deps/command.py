"""``outmoded deps [FILES...]``: can the target Python install these dependencies from wheels?

Exit 0 when every dependency is ready, 1 when one is not ready (or the project's own
requires-python excludes the target: ``ownproject``), 3 when none is found not ready
but some could not be checked (index unreachable, archive unreadable, not cached with
``--offline``), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import urlsplit

from outmoded.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from outmoded.deps.upgrade import MAX_DOWNLOADS

EXIT_UNCHECKED = 3  # nothing found not ready, but something could not be checked

DEFAULT_TIMEOUT = 15.0
DEFAULT_RETRIES = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILES",
                        help="requirements*.txt, pyproject.toml, uv.lock, poetry.lock, pdm.lock, "
                             "Pipfile, Pipfile.lock, pylock.toml, setup.cfg, setup.py, the pip "
                             "installs of a Dockerfile, .github/workflows/*.yml, tox.ini, noxfile.py "
                             "or .pre-commit-config.yaml, or directories (default: the current "
                             "directory's lock file, else the files that declare dependencies, and "
                             "what its CI and deployment config installs)")
    parser.add_argument("--target-version", metavar="X.Y",
                        help="Python to check for, 3.14t for its free-threaded build too (default: "
                             "the newest the project's requires-python admits, else the newest the tool knows)")
    parser.add_argument("--free-threading", action="store_true",
                        help="also check the free-threaded build (cp3XXt wheels)")
    parser.add_argument("--platform", action="append", metavar="NAME",
                        help="platform to check, repeatable or comma-separated, e.g. "
                             "manylinux_x86_64, macosx_arm64, win_amd64, ios, android, "
                             "ios_arm64_iphonesimulator, android_arm64_v8a "
                             "(default: manylinux_x86_64 and this machine's)")
    parser.add_argument("--ios-version", metavar="X.Y",
                        help="oldest iOS the app runs on, for --platform ios (default: 13.0, "
                             "what CPython's iOS builds target)")
    parser.add_argument("--android-api-level", metavar="N",
                        help="oldest Android API level the app runs on, for --platform android "
                             "(default: CPython's: 21 for 3.13, 24 from 3.14)")
    parser.add_argument("--index-url", metavar="URL",
                        help="simple-API index (default: $PIP_INDEX_URL or https://pypi.org/simple/)")
    parser.add_argument("--output-format", "--format", dest="format", choices=("text", "json", "github"),
                        help="text (default), json, or github (an annotation per dependency not ready); "
                             "--output-format, as check and ruff spell it, or --format "
                             "(env: OUTMODED_OUTPUT_FORMAT)")
    parser.add_argument("--offline", action="store_true",
                        help="use only the caches (index pages, code verdicts); what is not "
                             "cached is reported as could not be checked")
    parser.add_argument("--installed", nargs="?", const="", metavar="ENV",
                        help="judge every distribution installed in ENV (a virtual environment, "
                             "its interpreter or a site-packages directory; default: this "
                             "Python's), offline, from the files on disk")
    parser.add_argument("--tags-only", action="store_true",
                        help="judge by wheel tags alone, without downloading and checking code")
    parser.add_argument("--max-downloads", type=int, default=MAX_DOWNLOADS, metavar="N",
                        help="releases scanned per dependency when searching for the first "
                             f"ready one (default: {MAX_DOWNLOADS})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"per-request timeout (default: {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--retries", type=int, default=DEFAULT_RETRIES, metavar="N",
                        help=f"retries after a failed request (default: {DEFAULT_RETRIES})")


def run(args: argparse.Namespace) -> int:
    from outmoded.config import ConfigError
    from outmoded.config.parsing import check_free_threaded, free_threaded_spelling
    from outmoded.deps import check, formats, ownproject, platforms, sources, target
    from outmoded.deps.cache import Cache, default_directory
    from outmoded.deps.verdictcache import VerdictCache
    from outmoded.deps.index import PYPI, IndexClient

    args.format = formats.chosen(args.format, sys.stderr)
    text, free = free_threaded_spelling(args.target_version)
    args.free_threading = args.free_threading or free
    version = target.parse_target(text, args.files)
    if args.free_threading:
        try:
            check_free_threaded(version, None)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
    chosen = platforms.select(
        args.platform, version,
        platforms.parse_ios_version(args.ios_version) if args.ios_version else None,
        platforms.parse_api_level(args.android_api_level) if args.android_api_level else None)
    index_url = _index_url(args.index_url or os.environ.get("PIP_INDEX_URL") or PYPI)
    _check_numbers(args)
    if args.installed is not None:
        return _run_installed(args, version, chosen)
    found = sources.gather(args.files, version, chosen)
    own = ownproject.excluded(found.paths, version)
    deps, skipped = found.deps, found.skipped
    client = IndexClient(index_url, Cache(default_directory()), args.timeout, args.retries,
                         args.offline)
    results = check.check(deps, client, version, args.free_threading, sys.stderr,
                          code=not args.tags_only,
                          verdicts=VerdictCache(default_directory() / "verdicts"),
                          limit=args.max_downloads, locked=frozenset(found.locked), together=found.together)
    context = {"target_version": f"{version[0]}.{version[1]}",
               "free_threading_checked": args.free_threading,
               "platforms": [p.name for p in chosen], "index_url": client.shown_url,
               "files_read": found.read, "notes": found.notes, "project_excludes_target": own,
               # what they require in turn was not judged: no lock file records it
               "requirements_not_judged": found.unlocked,
               "minimums": {p.name: p.minimum for p in chosen if p.mobile},
               "downloaded_bytes": client.downloaded}
    write = _writer(args.format)
    write(results, skipped, context if args.format != "text" else {**context, "chosen": chosen},
          sys.stdout)
    return EXIT_FINDINGS if own else exit_status(results)


def _run_installed(args: argparse.Namespace, version: tuple, chosen: tuple) -> int:
    from outmoded.deps import installed
    from outmoded.deps.cache import default_directory
    from outmoded.deps.verdictcache import VerdictCache

    if args.files:
        raise UsageError("--installed reads an environment, not dependency files: name one or the other")
    results, label = installed.check(args.installed or None, version, chosen,
                                     VerdictCache(default_directory() / "verdicts"))
    context = {"target_version": f"{version[0]}.{version[1]}", "free_threading_checked": False,
               "platforms": [p.name for p in chosen], "index_url": None, "installed": label,
               "files_read": [], "notes": []}
    _writer(args.format)(results, [], context, sys.stdout)
    return exit_status(results)


def _writer(name: str):
    from outmoded.deps import formats, report

    return {"json": report.write_json, "github": formats.write_github}.get(name, report.write_text)


def exit_status(results: list) -> int:
    if any(not r.ready and not r.unchecked for r in results):
        return EXIT_FINDINGS
    return EXIT_UNCHECKED if any(r.unchecked for r in results) else EXIT_OK


def _index_url(url: str) -> str:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise UsageError(f"--index-url must be an http(s) URL, not {url!r}")
    return url


def _check_numbers(args: argparse.Namespace) -> None:
    if not args.timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if args.max_downloads < 2:
        raise UsageError("--max-downloads must be at least 2 (the newest and the requested release)")
    if not 0 <= args.retries <= 10:
        raise UsageError("--retries must be between 0 and 10")
