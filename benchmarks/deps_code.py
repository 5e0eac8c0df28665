"""Benchmark ``outmoded deps`` code verdicts on a real 30-pin requirements file.

    python benchmarks/deps_code.py [--runs 3] [--index-url URL]

Interleaved rounds, each: a cold run (empty cache directory: every index page fetched and every
chosen release's library code fetched by range requests and scanned) and a warm run (same cache,
primed by that cold run).  Reports medians of wall time and of CPU time (user + system of the
run: the machine may be shared), and the bytes of release files
downloaded (the JSON's ``downloaded_bytes``) against the full size of the files judged (the
sizes the index lists, PEP 700) — what a tool downloading whole wheels would fetch.  Nothing
asserts timings; it measures.  The outmoded package is compiled to bytecode first.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PINS = """requests==2.32.3
urllib3==2.2.3
certifi==2024.8.30
idna==3.10
charset-normalizer==3.4.0
six==1.16.0
python-dateutil==2.9.0.post0
pytz==2024.2
PyYAML==6.0.2
Jinja2==3.1.4
MarkupSafe==3.0.2
click==8.1.7
Flask==3.0.3
Werkzeug==3.0.6
itsdangerous==2.2.0
attrs==24.2.0
packaging==24.1
pyparsing==3.2.0
numpy==2.1.3
pandas==2.2.3
SQLAlchemy==2.0.36
psycopg2-binary==2.9.10
redis==5.2.0
celery==5.4.0
kombu==5.4.2
botocore==1.35.54
jmespath==1.0.1
django==4.2.16
nose==1.3.7
xlrd==1.2.0
"""
ARGS = ["--target-version", "3.13", "--platform", "manylinux_x86_64", "--format", "json",
        "--timeout", "60"]


def run(requirements: Path, cache: Path, index_url: str) -> tuple:
    env = {**os.environ, "OUTMODED_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start, before = time.perf_counter(), os.times()
    done = subprocess.run([sys.executable, "-m", "outmoded", "deps", str(requirements), "--index-url",
                           index_url, *ARGS], capture_output=True, text=True, env=env, check=False)
    elapsed, after = time.perf_counter() - start, os.times()
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"outmoded deps failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return (elapsed, cpu), json.loads(done.stdout)


def full_sizes(document: dict, index_url: str) -> tuple:
    """(bytes of the files whose code was judged, how many) from the index's PEP 700 sizes."""
    total, count = 0, 0
    for dep in document["dependencies"]:
        code = dep.get("code") or {}
        filename = code.get("file")
        if not filename:
            continue
        request = urllib.request.Request(index_url.rstrip("/") + f"/{dep['name'].lower()}/",
                                         headers={"Accept": "application/vnd.pypi.simple.v1+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            files = json.load(response)["files"]
        size = next((f.get("size") for f in files if f["filename"] == filename), None)
        if size:
            total, count = total + size, count + 1
    return total, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--index-url", default=os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/"))
    args = parser.parse_args()
    import outmoded

    compileall.compile_dir(os.path.dirname(outmoded.__file__), quiet=1)
    scratch = Path(tempfile.mkdtemp(prefix="outmoded-deps-bench-"))
    requirements = scratch / "requirements.txt"
    requirements.write_text(PINS)
    cold, warm, downloaded = [], [], []
    try:
        for round_ in range(args.runs):
            cache = scratch / f"cache-{round_}"
            seconds, document = run(requirements, cache, args.index_url)
            cold.append(seconds)
            downloaded.append(document["downloaded_bytes"])
            seconds, again = run(requirements, cache, args.index_url)
            warm.append(seconds)
            assert again["downloaded_bytes"] == 0, "a warm run downloaded release files"
            shutil.rmtree(cache, ignore_errors=True)
        full, judged = full_sizes(document, args.index_url)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    statuses = {}
    for dep in document["dependencies"]:
        statuses.setdefault(dep["status"], []).append(dep["name"])
    median_bytes = statistics.median(downloaded)
    print("| run | median wall s | median CPU s | runs |\n| --- | ---: | ---: | ---: |")
    for label, times in (("cold (empty cache)", cold), ("warm (cache primed)", warm)):
        print(f"| {label} | {statistics.median(t[0] for t in times):.2f} | "
              f"{statistics.median(t[1] for t in times):.2f} | {len(times)} |")
    print()
    print(f"release files judged: {judged}; their full size {full / 1e6:.1f} MB; "
          f"downloaded cold (median) {median_bytes / 1e6:.1f} MB "
          f"({median_bytes / full:.0%} of the files judged, first-ready searches included)")
    for status, names in sorted(statuses.items()):
        print(f"- {status}: {', '.join(names)}")


if __name__ == "__main__":
    main()
