"""Benchmark outmoded against ruff and pylint on real code.

    python benchmarks/run.py [--runs 5] [--corpora DIR]

Downloads pinned source distributions from the package index (``pip download --no-deps
--no-binary :all:``) into a cache directory, then times, interleaved, the median of several runs:

- ``outmoded check`` cold (``--no-cache``), warm (cache primed), and on a single file;
- ``outmoded fix --diff`` on the legacy corpus;
- ``ruff check --select UP --target-version py313 --no-cache --isolated``;
- ``pylint`` with only its deprecated-* checks.

Prints a markdown table with ratios to ruff, peak memory, files per second and how many files
the prefilter cleared.  Nothing here asserts timings; it measures.
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
from pathlib import Path

CORPORA = {
    "django": ("django==5.2.8", "."),  # large, modern: should give no findings at 3.13
    "twisted": ("twisted==18.9.0", "src"),  # large, legacy: many removed APIs
}
PYLINT_CHECKS = "deprecated-module,deprecated-method,deprecated-argument,deprecated-class,deprecated-decorator"


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


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS in KiB of the process tree's largest member, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss, out.decode("utf-8", "replace")


def outmoded(*args: str) -> list[str]:
    return [sys.executable, "-m", "outmoded", *args]


def commands(corpus: str, tree: Path, single: str, cache_dir: str) -> dict[str, list[str]]:
    common = ["--target-version", "3.13", "--exit-zero", "--format", "json"]
    cmds = {
        "outmoded cold": outmoded("check", "--no-cache", *common, "."),
        "outmoded warm": ["env", f"OUTMODED_CACHE_DIR={cache_dir}", *outmoded("check", *common, ".")],
        "outmoded 1 file": outmoded("check", "--no-cache", *common, single),
        "ruff UP": ["ruff", "check", "--select", "UP", "--target-version", "py313", "--no-cache",
                    "--isolated", "--exit-zero", "-q", "."],
    }
    if corpus == "twisted":
        cmds["outmoded fix --diff"] = outmoded("fix", "--diff", "--no-cache", "--target-version", "3.13", ".")
    if shutil.which("pylint"):
        cmds["pylint deprecated-*"] = ["pylint", "--disable=all", f"--enable={PYLINT_CHECKS}", "-j", "0",
                                       "--exit-zero", "-sn", "--recursive=y", "."]
    return cmds


def bench(corpus: str, tree: Path, runs: int, pylint_runs: int) -> list[dict]:
    files = sum(1 for _ in tree.rglob("*.py"))
    single = str(next(tree.rglob("*.py")).relative_to(tree))
    cache_dir = tempfile.mkdtemp(prefix="outmoded-bench-cache-")
    cmds = commands(corpus, tree, single, cache_dir)
    timed(cmds["outmoded warm"], tree)  # prime the cache
    samples = {name: [] for name in cmds}
    stats = {}
    for run in range(runs):  # interleaved: every tool sees the same machine state
        for name, command in cmds.items():
            if name.startswith("pylint") and run >= pylint_runs:
                continue
            seconds, rss, out = timed(command, tree)
            samples[name].append((seconds, rss))
            if name == "outmoded cold" and not stats:
                doc = json.loads(out)
                stats = {"findings": len(doc["findings"]), "errors": len(doc["errors"]), **doc.get("stats", {})}
    shutil.rmtree(cache_dir, ignore_errors=True)
    ruff = statistics.median(s for s, _ in samples["ruff UP"])
    rows = []
    for name, values in samples.items():
        if not values:
            continue
        median = statistics.median(s for s, _ in values)
        count = 1 if name == "outmoded 1 file" else files
        rows.append({"corpus": corpus, "tool": name, "seconds": median, "vs_ruff": median / ruff,
                     "peak_mib": max(r for _, r in values) / 1024, "files_per_s": count / median,
                     "runs": len(values)})
    rows.append({"corpus": corpus, "files": files, **stats})
    return rows


def scaling(tree: Path, sizes=(100, 1000, None), runs: int = 3) -> list[str]:
    """Cold-check time and peak memory against the number of files: should grow linearly."""
    files = sorted(str(p.relative_to(tree)) for p in tree.rglob("*.py"))
    lines = ["| files | median s | ms/file | peak MiB |", "|---:|---:|---:|---:|"]
    for size in sizes:
        chosen = files[:size] if size else files
        command = outmoded("check", "--no-cache", "--target-version", "3.13", "--exit-zero", "-q", *chosen)
        samples = [timed(command, tree)[:2] for _ in range(runs)]
        median = statistics.median(s for s, _ in samples)
        lines.append(f"| {len(chosen)} | {median:.3f} | {1000 * median / len(chosen):.2f} | "
                     f"{max(r for _, r in samples) / 1024:.0f} |")
    return lines


def table(rows: list[dict]) -> str:
    lines = ["| corpus | tool | median s | vs ruff | peak MiB | files/s | runs |",
             "|---|---|---:|---:|---:|---:|---:|"]
    notes = []
    for row in rows:
        if "tool" in row:
            lines.append(f"| {row['corpus']} | {row['tool']} | {row['seconds']:.3f} | {row['vs_ruff']:.2f}x | "
                         f"{row['peak_mib']:.0f} | {row['files_per_s']:.0f} | {row['runs']} |")
        else:
            cleared = row.get("files", 0) - row.get("parsed", 0)
            notes.append(f"- {row['corpus']}: {row['files']} files, prefilter cleared {cleared} "
                         f"(parsed {row.get('parsed', '?')}); {row.get('findings', '?')} findings, "
                         f"{row.get('errors', '?')} unreadable at target 3.13")
    return "\n".join(lines + [""] + notes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pylint-runs", type=int, default=1, help="pylint is slow: fewer runs")
    parser.add_argument("--corpora", type=Path, default=Path.home() / ".cache" / "outmoded-benchmarks",
                        help="where corpora are unpacked (outside any project whose .gitignore would hide them)")
    parser.add_argument("--only", choices=sorted(CORPORA))
    args = parser.parse_args()
    rows, trees = [], {}
    for corpus, (spec, subdir) in CORPORA.items():
        if args.only and corpus != args.only:
            continue
        trees[corpus] = fetch(spec, args.corpora) / subdir
        rows += bench(corpus, trees[corpus], args.runs, args.pylint_runs)
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    print(table(rows))
    if "django" in trees:
        print("\nHow cost grows (django, cold):\n")
        print("\n".join(scaling(trees["django"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
