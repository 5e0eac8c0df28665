"""Does a change keep ``outmoded check``'s output identical?  Runs two checkouts on real corpora.

    python benchmarks/same_output.py BEFORE_DIR AFTER_DIR [--corpus NAME=DIR ...] [--no-default-corpora]
                                     [--config NAME ...] [--out DIR]

Each checkout's ``src`` is put on ``PYTHONPATH`` (``-P``: the corpus directory, a CPython ``Lib``
included, is not) and ``outmoded check --no-cache --output-format json``
runs from each corpus directory at targets 3.11, 3.13 and 3.15 and at 3.13 with ``--pending`` and with
``--dead-compat``.
Outputs are kept under ``--out`` (``<label>/<corpus>-<options>.json``); a before output already
there is reused when ``--reuse-before`` is given (the base commit's output does not change).
Compares the target, findings and errors (not the statistics: a sharper prefilter parses fewer
files for the same output; each line shows the parsed count before -> after).  Prints the
configurations whose output differs (with the first differing findings) and exits 1 if any does.
Default corpora: the benchmark's Django and Twisted sdists and CPython 3.13's Lib as the real-pythons
tool builds it (``$REAL_PYTHONS_ROOT/sys/lib/python3.13``, the root by default
``~/.cache/real-pythons``); ``--help`` shows the paths. ``--no-default-corpora``: only the
``--corpus`` ones.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path.home() / ".cache" / "outmoded-benchmarks"
CONFIGS = {"3.11": ["--target-version", "3.11"], "3.13": ["--target-version", "3.13"],
           "3.15": ["--target-version", "3.15"], "3.13-pending": ["--target-version", "3.13", "--pending"],
           "3.13-dead-compat": ["--target-version", "3.13", "--dead-compat"]}


def default_corpora() -> dict[str, Path]:
    found = {}
    for name, spec, sub in (("django", "django==5.2.8", "."), ("twisted", "twisted==18.9.0", "src")):
        marker = BENCH / f"{spec}.dir"
        if marker.exists():
            found[name] = Path(marker.read_text().strip()) / sub
    lib = cpython_lib()
    if lib.is_dir():
        found["cpython-lib"] = lib
    return found


def cpython_lib() -> Path:
    """CPython 3.13's Lib as the real-pythons tool builds it: ``$REAL_PYTHONS_ROOT`` (default
    ``${XDG_CACHE_HOME:-~/.cache}/real-pythons``), ``sys/lib/python3.13`` in it (the guide's path;
    ``sys/lib`` is a link to ``sys/usr/lib``, the interpreter's PYTHONHOME)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    root = Path(os.environ.get("REAL_PYTHONS_ROOT") or cache / "real-pythons")
    return root / "sys" / "lib" / "python3.13"


def run(checkout: Path, corpus: Path, options: list[str]) -> tuple[str, float]:
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-P", "-m", "outmoded", "check", "--no-cache", "--exit-zero",
                           "--output-format", "json", *options, "."], cwd=corpus, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return f"exit {proc.returncode}: {proc.stderr}", 0.0
    return proc.stdout, time.perf_counter() - start


def _compare(before: str, after: str) -> tuple[bool, str]:
    """(whether what a user gets is the same: target, findings and errors, ", parsed A -> B").
    The statistics are not compared: a sharper prefilter parses fewer files for the same output."""
    try:
        a, b = json.loads(before), json.loads(after)
    except ValueError:
        return before == after, ""
    same = all(a.get(key) == b.get(key) for key in ("target_version", "findings", "errors"))
    parsed = [doc.get("stats", {}).get("parsed") for doc in (a, b)]
    return same, f", parsed {parsed[0]} -> {parsed[1]}" if None not in parsed else ""


def first_differences(before: str, after: str, limit: int = 5) -> list[str]:
    try:
        a, b = json.loads(before), json.loads(after)
    except ValueError:
        return [before[:300], after[:300]]
    lines = []
    for key in ("findings", "errors"):
        left = {json.dumps(x, sort_keys=True) for x in a.get(key, [])}
        right = {json.dumps(x, sort_keys=True) for x in b.get(key, [])}
        lines += [f"  - {x}" for x in sorted(left - right)[:limit]]
        lines += [f"  + {x}" for x in sorted(right - left)[:limit]]
    return lines


def _named_corpora(parser: argparse.ArgumentParser, specs: list[str]) -> dict[str, Path]:
    named = {}
    for spec in specs:
        name, sep, directory = spec.partition("=")
        if not (sep and name and directory):
            parser.error(f"--corpus {spec!r}: give NAME=DIR")
        named[name] = Path(directory).expanduser()
    return named


def _check_inputs(parser: argparse.ArgumentParser, args: argparse.Namespace, corpora: dict[str, Path]) -> None:
    """Every checkout and corpus is there before anything runs (a missing one is a usage error
    naming it, not a traceback after the first corpus's minutes)."""
    for label in ("before", "after"):
        checkout = getattr(args, label)
        if not (checkout / "src" / "outmoded").is_dir():
            parser.error(f"{label} {checkout}: not an outmoded checkout (no src/outmoded there)")
    missing = [f"{name}={corpus}" for name, corpus in corpora.items() if not corpus.is_dir()]
    if missing:
        parser.error(f"corpus directory not found: {', '.join(missing)}")
    if not corpora:
        parser.error("no corpus: no --corpus NAME=DIR was given" if args.no_default_corpora else
                     f"no corpus: none of the default ones is fetched under {BENCH} (benchmarks/run.py fetches "
                     "them) and no --corpus NAME=DIR was given")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog=f"default corpora, each when present: django and twisted (the sdists benchmarks/run.py fetches "
               f"under {BENCH}), cpython-lib ({cpython_lib()}: CPython 3.13's Lib as the real-pythons tool "
               f"builds it, under $REAL_PYTHONS_ROOT, default ${{XDG_CACHE_HOME:-~/.cache}}/real-pythons)")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR",
                        help="a corpus to check besides the default ones (a default one's name, cpython-lib=DIR, replaces it)")
    parser.add_argument("--no-default-corpora", action="store_true", help="check only the --corpus ones")
    parser.add_argument("--out", type=Path, default=Path("/tmp/outmoded-same-output"))
    parser.add_argument("--reuse-before", action="store_true")
    parser.add_argument("--config", action="append", choices=sorted(CONFIGS), help="default: all")
    args = parser.parse_args()
    corpora = dict({} if args.no_default_corpora else default_corpora(), **_named_corpora(parser, args.corpus))
    _check_inputs(parser, args, corpora)
    differing = 0
    for name, corpus in corpora.items():
        for config in args.config or CONFIGS:
            outputs = {}
            for label, checkout in (("before", args.before), ("after", args.after)):
                saved = args.out / label / f"{name}-{config}.json"
                if label == "before" and args.reuse_before and saved.exists():
                    outputs[label] = saved.read_text()
                    continue
                outputs[label], seconds = run(checkout.resolve(), corpus, CONFIGS[config])
                saved.parent.mkdir(parents=True, exist_ok=True)
                saved.write_text(outputs[label])
            same, parsed = _compare(outputs["before"], outputs["after"])
            count = outputs["after"].count('"code":')
            print(f"{name:12} {config:13} {'same' if same else 'DIFFERS'} ({count} findings{parsed})", flush=True)
            if not same:
                differing += 1
                print("\n".join(first_differences(outputs["before"], outputs["after"])))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
