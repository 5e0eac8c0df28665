"""Benchmark outmoded against ruff (and pylint, when installed) on real code.

    python benchmarks/run.py [--runs 5] [--install NAME=PROJECT_DIR ...] [--tree-files 50000]

Downloads pinned source distributions from the package index (``pip download --no-deps
--no-binary :all:``) into a cache directory, then times, interleaved (every command once per
round, so each sees the same machine state), the median of several runs of:

- ``outmoded check`` cold (``--no-cache``), warm (cache primed), and on a single small file;
- five named files inside a generated 50,000-file tree (hard links to the corpora's files in a
  scratch directory), warm (the tree's cache primed by one full run) and cold, as a pre-commit
  hook runs it;
- ``outmoded fix --diff`` on the legacy corpus (``--fix``), and on the files it fixes against
  ``pyupgrade --py3-plus`` (on a fresh copy each run: it rewrites in place) and
  ``ruff check --fix --diff --select UP`` on the same files, plus the slowest file's own fix time;
- ``ruff check --select UP --target-version py313 --no-cache --isolated``;
- ``pylint`` with only its deprecated-* checks, when it is installed.

Each ``--install NAME=DIR`` builds a fresh virtual environment with a normal (non-editable,
bytecode-compiled) install of that project checkout (pip upgraded first, as a user's would be)
and benchmarks its ``outmoded`` script, what users and hooks run, as ``outmoded[NAME]``;
two of them (``before=`` and ``after=``) compare versions in the same interleaved run.  Without
``--install``, the ``outmoded`` importable by this interpreter is used.

Prints markdown tables with wall-clock and CPU medians (CPU: user + system, what a shared
machine's load disturbs least) and their ratios to ruff, peak memory (largest RSS of the process), files per
second and how many files the prefilter cleared.  Nothing here asserts timings; it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
from pathlib import Path

CORPORA = {
    "django": ("django==5.2.8", "."),  # large, modern: should give no findings at 3.13
    "twisted": ("twisted==18.9.0", "src"),  # large, legacy: many removed APIs
}
PYLINT_CHECKS = "deprecated-module,deprecated-method,deprecated-argument,deprecated-class,deprecated-decorator"
RUFF = ["--select", "UP", "--target-version", "py313", "--no-cache", "--isolated", "--exit-zero", "-q"]
COMMON = ["--target-version", "3.13", "--exit-zero", "--format", "json"]


def fetch(spec: str, cache: Path) -> Path:
    """Download and unpack one sdist; reuse it when already there."""
    name = spec.split("==")[0]
    marker = cache / f"{spec}.dir"
    if marker.exists():
        return Path(marker.read_text())
    cache.mkdir(parents=True, exist_ok=True)
    download = Path(tempfile.mkdtemp(dir=cache))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "-q", "-d", str(download), spec], check=True)
    archive = next(download.iterdir())
    with tarfile.open(archive) as tar:
        tar.extractall(download, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(download)
    root = next(p for p in download.iterdir() if p.is_dir() and p.name.lower().startswith(name.lower()))
    marker.write_text(str(root))
    return root


def install(name: str, project: Path, cache: Path) -> str:
    """A fresh virtual environment with a normal install of ``project``: its python.  pip is
    upgraded first: the ``outmoded`` script is written by the installer, and the pip bundled with
    older Pythons writes one that imports ``re`` (pip 25.0 and uv write none)."""
    env_dir = cache / f"venv-{name}"
    shutil.rmtree(env_dir, ignore_errors=True)
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / "bin" / "python")
    upgraded = subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"])
    if upgraded.returncode:
        print(f"note: pip could not be upgraded in {env_dir}; its scripts may import re", file=sys.stderr)
    subprocess.run([python, "-m", "pip", "install", "-q", str(project)], check=True)
    site = subprocess.run([python, "-c", "import outmoded, os; print(os.path.dirname(outmoded.__file__))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", site], check=True)  # whatever pip left uncompiled
    return python


TIME = shutil.which("time") or "/usr/bin/time"


def timed(command: list[str], cwd: Path) -> tuple[float, int, str, float]:
    """(seconds, peak RSS in KiB, stdout, CPU seconds).  The peak comes from GNU time wrapped
    around the command when it is there: a forked child's own maxrss starts at this (large)
    process's size.  CPU is user + system time of the command and every process it waited for
    (a fix's pool workers included): what others measuring on the same machine disturb least."""
    report = None
    if os.path.exists(TIME):
        handle, report = tempfile.mkstemp(prefix="outmoded-bench-rss-")
        os.close(handle)
        command = [TIME, "-f", "%M", "-o", report, *command]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = 0
    peak = usage.ru_maxrss
    if report:
        try:
            peak = int(Path(report).read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.remove(report)
    return seconds, peak, out.decode("utf-8", "replace"), usage.ru_utime + usage.ru_stime


def small_file(tree: Path) -> str:
    """A small module (a pre-commit run on one file): the first .py between 1 and 4 KiB."""
    files = sorted(tree.rglob("*.py"))
    return str(next((p for p in files if 1024 <= p.stat().st_size <= 4096), files[0]).relative_to(tree))


def entry(python: str) -> list[str]:
    """What a user runs: the ``outmoded`` script installed beside ``python`` (a pre-commit hook
    or ``outmoded check`` in a shell); ``python -m outmoded`` without one (``runpy`` imports
    importlib.util, contextlib, collections and functools before outmoded starts)."""
    script = os.path.join(os.path.dirname(python), "outmoded")
    return [script] if os.path.exists(script) and python != sys.executable else [python, "-m", "outmoded"]


def commands(corpus: str, tree: Path, pythons: dict[str, str], cache_dir: str, fix: bool) -> dict[str, list[str]]:
    single = small_file(tree)
    cmds = {}
    for label, python in pythons.items():
        tool = entry(python)
        cache = ["env", f"OUTMODED_CACHE_DIR={cache_dir}/{label}"]
        cmds[f"{label} cold"] = [*tool, "check", "--no-cache", *COMMON, "."]
        cmds[f"{label} warm"] = [*cache, *tool, "check", *COMMON, "."]
        cmds[f"{label} 1 file"] = [*tool, "check", "--no-cache", *COMMON, single]
        if corpus == "twisted" and fix:
            cmds[f"{label} fix --diff"] = [*tool, "fix", "--diff", "--no-cache", "--target-version", "3.13", "."]
    cmds["ruff UP"] = ["ruff", "check", *RUFF, "."]
    cmds["ruff UP 1 file"] = ["ruff", "check", *RUFF, single]
    if shutil.which("pylint"):
        cmds["pylint deprecated-*"] = ["pylint", "--disable=all", f"--enable={PYLINT_CHECKS}", "-j", "0",
                                       "--exit-zero", "-sn", "--recursive=y", "."]
    return cmds


def measure(cmds: dict[str, list[str]], cwd: Path, runs: int, slow_runs: int) -> dict[str, list]:
    samples = {name: [] for name in cmds}
    for run in range(runs):  # interleaved: every command sees the same machine state
        for name, command in cmds.items():
            if name.startswith("pylint") and run >= slow_runs:
                continue
            samples[name].append(timed(command, cwd))
    return samples


def rows_for(corpus: str, samples: dict[str, list], files: int, ruff_key: str = "ruff UP") -> list[dict]:
    rows = []
    for name, values in samples.items():
        if not values:
            continue
        median = statistics.median(s for s, *_ in values)
        cpu = statistics.median(c for *_, c in values)
        reference = samples["ruff UP 1 file"] if "1 file" in name and "ruff UP 1 file" in samples else samples[ruff_key]
        base = statistics.median(s for s, *_ in reference)
        base_cpu = statistics.median(c for *_, c in reference)
        count = 1 if "1 file" in name else files
        rows.append({"corpus": corpus, "tool": name, "seconds": median, "vs_ruff": median / base,
                     "peak_mib": max(r for _, r, *_ in values) / 1024, "files_per_s": count / median,
                     "runs": len(values), "cpu": cpu, "cpu_vs_ruff": cpu / base_cpu if base_cpu else float("inf")})
    return rows


def bench(corpus: str, tree: Path, pythons: dict[str, str], runs: int, slow_runs: int, fix: bool) -> list[dict]:
    files = sum(1 for _ in tree.rglob("*.py"))
    cache_dir = tempfile.mkdtemp(prefix="outmoded-bench-cache-")
    cmds = commands(corpus, tree, pythons, cache_dir, fix)
    for label in pythons:
        timed(cmds[f"{label} warm"], tree)  # prime the cache
    samples = measure(cmds, tree, runs, slow_runs)
    shutil.rmtree(cache_dir, ignore_errors=True)
    rows = rows_for(corpus, samples, files)
    for label in pythons:
        doc = json.loads(samples[f"{label} cold"][0][2])
        rows.append({"corpus": corpus, "label": label, "files": files, "findings": len(doc["findings"]),
                     "errors": len(doc["errors"]), **doc.get("stats", {})})
    return rows


FIX_TIMER = """
import json, sys, time
from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.fixes import Policy, fix_source
import outmoded.fixes.apply  # LibCST's import is not the first file's fix
catalog = default_catalog()
index = build_index(catalog, (3, 13))
policy = Policy(catalog.by_code, (3, 9))
times = {}
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    scan = lambda new, path=path: check_source(path, new, index).findings
    found = scan(data)  # the command starts from the check's findings
    start = time.process_time()
    fix_source(path, data, found, policy, scan)
    times[path] = time.process_time() - start
print(json.dumps(times))
"""


def fixable_files(tree: Path, python: str) -> list[str]:
    """The files ``check`` promises a safe fix in."""
    out = subprocess.run([python, "-m", "outmoded", "check", "--no-cache", "--target-version", "3.13",
                          "--format", "json", "."], cwd=tree, capture_output=True, text=True).stdout
    return sorted({f["path"] for f in json.loads(out)["findings"] if f["fix"] == "safe"})


def bench_fix(tree: Path, pythons: dict[str, str], runs: int) -> tuple[list[dict], list[str]]:
    """outmoded fix --diff (each install) against pyupgrade and ruff --fix --diff on the files
    the last install promises a safe fix in, interleaved, each on a fresh copy of the tree."""
    files = fixable_files(tree, list(pythons.values())[-1])
    copy = Path(tempfile.mkdtemp(prefix="outmoded-bench-fix-"))
    cmds = {f"{label} fix --diff": [*entry(python), "fix", "--diff", "--no-cache", "--target-version",
                                    "3.13", *files] for label, python in pythons.items()}
    cmds["ruff UP --fix --diff"] = ["ruff", "check", *RUFF, "--fix", "--diff", *files]
    if shutil.which("pyupgrade"):
        cmds["pyupgrade --py3-plus"] = ["pyupgrade", "--py3-plus", *files]
    samples = {name: [] for name in cmds}
    for _ in range(runs):
        for name, command in cmds.items():
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(tree, copy, ignore=shutil.ignore_patterns(".outmoded_cache"))
            samples[name].append(timed(command, copy))
    shutil.rmtree(copy, ignore_errors=True)
    rows = rows_for("twisted fix", samples, len(files), ruff_key="ruff UP --fix --diff")
    compiled = dict(os.environ, PYTHONDONTWRITEBYTECODE="")
    notes = [f"- {len(files)} files with a promised safe fix"]
    for label, python in pythons.items():
        times = json.loads(subprocess.run([python, "-c", FIX_TIMER, *files], cwd=tree, capture_output=True,
                                          text=True, env=compiled).stdout or "{}")
        slowest = max(times.items(), key=lambda item: item[1]) if times else ("-", 0.0)
        notes.append(f"- {label}: in-process fix CPU per file (after the check's scan): slowest {slowest[0]} "
                     f"{slowest[1]:.3f} s; all files {sum(times.values()):.3f} s")
    return rows, notes


def fix_table(rows: list[dict]) -> str:
    lines = ["| tool | median CPU s | median wall s | CPU vs pyupgrade | peak MiB | runs |",
             "|---|---:|---:|---:|---:|---:|"]
    pyupgrade = next((r["cpu"] for r in rows if r["tool"].startswith("pyupgrade")), None)
    for row in rows:
        ratio = f"{row['cpu'] / pyupgrade:.2f}x" if pyupgrade else "-"
        lines.append(f"| {row['tool']} | {row['cpu']:.3f} | {row['seconds']:.3f} | {ratio} | "
                     f"{row['peak_mib']:.0f} | {row['runs']} |")
    return "\n".join(lines)


def big_tree(sources: dict[str, Path], scratch: Path, size: int) -> tuple[Path, list[str]]:
    """``size`` .py files made of hard links to the corpora's files (no extra disk), and the five
    files a pre-commit run names: three with removed APIs, two without."""
    root = scratch / f"tree-{size}"
    originals = [(name, source, path) for name, source in sources.items() for path in sorted(source.rglob("*.py"))]
    if not (root / ".complete").exists():
        shutil.rmtree(root, ignore_errors=True)
        for count in range(size):
            name, source, path = originals[count % len(originals)]
            target = root / f"copy{count // len(originals)}" / name / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        (root / ".complete").write_text(str(size))
    chosen = sorted(root.glob("copy0/**/*.py"))
    legacy = [p for p in chosen if b".iteritems(" in p.read_bytes() or b"assertEquals(" in p.read_bytes()][:3]
    modern = [p for p in chosen if "django" in p.parts and p.name == "models.py"][:5 - len(legacy)]
    return root, [str(p.relative_to(root)) for p in legacy + modern]


def bench_tree(root: Path, named: list[str], pythons: dict[str, str], runs: int) -> list[dict]:
    cmds = {}
    for label, python in pythons.items():
        tool = [*entry(python), "check", *COMMON]
        cache = ["env", f"OUTMODED_CACHE_DIR=.outmoded_cache/{label}"]
        cmds[f"{label} 5 files warm"] = [*cache, *tool, *named]
        cmds[f"{label} 5 files cold"] = [*tool, "--no-cache", *named]
        timed([*cache, *tool, "."], root)  # a full run leaves every file's row in the cache
    cmds["ruff UP"] = ["ruff", "check", *RUFF, *named]
    samples = measure(cmds, root, runs, 0)
    return rows_for(f"{len(list(root.glob('copy*/**/*.py')))}-file tree", samples, len(named))


def table(rows: list[dict]) -> str:
    """Wall-clock and CPU medians: on a shared machine, CPU (user + system of the command and the
    processes it waited for) is what others' load disturbs least."""
    lines = ["| corpus | tool | median s | median CPU s | vs ruff | CPU vs ruff | peak MiB | files/s | runs |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    notes = []
    for row in rows:
        if "tool" in row:
            lines.append(f"| {row['corpus']} | {row['tool']} | {row['seconds']:.3f} | {row['cpu']:.3f} | "
                         f"{row['vs_ruff']:.2f}x | {row['cpu_vs_ruff']:.2f}x | {row['peak_mib']:.0f} | "
                         f"{row['files_per_s']:.0f} | {row['runs']} |")
        else:
            cleared = row.get("files", 0) - row.get("parsed", 0)
            notes.append(f"- {row['corpus']} ({row['label']}): {row['files']} files, prefilter cleared {cleared} "
                         f"(parsed {row.get('parsed', '?')}); {row.get('findings', '?')} findings, "
                         f"{row.get('errors', '?')} unreadable at target 3.13")
    return "\n".join(lines + [""] + notes)


def scaling(tree: Path, python: str, sizes=(100, 1000, None), runs: int = 3) -> list[str]:
    """Cold-check time and peak memory against the number of files: should grow linearly."""
    files = sorted(str(p.relative_to(tree)) for p in tree.rglob("*.py"))
    lines = ["| files | median s | ms/file | peak MiB |", "|---:|---:|---:|---:|"]
    for size in sizes:
        chosen = files[:size] if size else files
        command = [*entry(python), "check", "--no-cache", "--target-version", "3.13", "--exit-zero",
                   "-q", *chosen]
        samples = [timed(command, tree)[:2] for _ in range(runs)]
        median = statistics.median(s for s, _ in samples)
        lines.append(f"| {len(chosen)} | {median:.3f} | {1000 * median / len(chosen):.2f} | "
                     f"{max(r for _, r in samples) / 1024:.0f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pylint-runs", type=int, default=1, help="pylint is slow: fewer runs")
    parser.add_argument("--corpora", type=Path, default=Path.home() / ".cache" / "outmoded-benchmarks",
                        help="where corpora, environments and the big tree go (outside any project)")
    parser.add_argument("--only", choices=sorted(CORPORA))
    parser.add_argument("--install", action="append", default=[], metavar="NAME=DIR",
                        help="benchmark a normal install of this checkout in a fresh virtualenv (repeatable)")
    parser.add_argument("--tree-files", type=int, default=50_000, help="size of the generated tree (0: skip)")
    parser.add_argument("--fix", action="store_true", help="also time outmoded fix --diff on the legacy corpus")
    parser.add_argument("--scaling", action="store_true", help="also time cold runs on 100, 1000, all files")
    args = parser.parse_args()
    if not shutil.which("ruff"):
        parser.error("ruff is not on PATH (pip install ruff)")
    pythons = {}
    for spec in args.install:
        name, _, project = spec.partition("=")
        pythons[f"outmoded[{name}]"] = install(name, Path(project).resolve(), args.corpora)
    pythons = pythons or {"outmoded": sys.executable}
    rows, trees = [], {}
    for corpus, (spec, subdir) in CORPORA.items():
        if args.only and corpus != args.only:
            continue
        trees[corpus] = fetch(spec, args.corpora) / subdir
        rows += bench(corpus, trees[corpus], pythons, args.runs, args.pylint_runs, args.fix)
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, ruff "
          f"{subprocess.run(['ruff', '--version'], capture_output=True, text=True).stdout.split()[-1]}")
    print(table(rows))
    if args.fix and "twisted" in trees:
        fix_rows, notes = bench_fix(trees["twisted"], pythons, args.runs)
        print("\nFix on the files outmoded fixes (twisted), against pyupgrade and ruff on the same files "
              "(CPU: user + system of the command and its workers):\n")
        print(fix_table(fix_rows))
        print("\n".join(notes))
    if args.tree_files and trees:
        root, named = big_tree(trees, args.corpora, args.tree_files)
        print(f"\nFive named files in a {args.tree_files}-file tree ({', '.join(named)}):\n")
        print(table(bench_tree(root, named, pythons, args.runs)))
    if args.scaling and "django" in trees:
        print("\nHow cost grows (django, cold):\n")
        print("\n".join(scaling(trees["django"], next(iter(pythons.values())))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
