"""The timeline of one run, per process: when each starts, works, waits and ends.

    python benchmarks/timeline.py [--runs N] [--python PY] DIR -- outmoded check --no-cache .

runs the command in DIR with ``$OUTMODED_TIMELINE`` set (``outmoded.timeline``: each process marks
its steps with its wall and CPU clocks) and prints, per process, its marks (ms since the command was
launched, and the CPU the process spent since its previous mark), then where the cores went: the
wall time with every core busy, one core idle, and the parent working alone while every other
process waits or is not yet forked.  With ``--runs N`` the summaries of N runs, and their medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CORES = os.cpu_count() or 1


def run(command: list[str], cwd: str) -> tuple[int, int, dict]:
    """Launch and end time (perf_counter_ns, the clock the marks use) and the marks by pid:
    [(wall, cpu, ppid, label)]."""
    with tempfile.TemporaryDirectory() as marks:
        env = dict(os.environ, OUTMODED_TIMELINE=marks)
        start = time.perf_counter_ns()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=False)
        end = time.perf_counter_ns()
        processes = {}
        for name in os.listdir(marks):
            with open(os.path.join(marks, name), encoding="utf-8") as lines:
                processes[int(name)] = [(int(w), int(c), int(pp), label)
                                        for w, c, pp, label in (line.rstrip("\n").split(" ", 3) for line in lines)]
    return start, end, processes


def busy_intervals(marks: list) -> list[tuple[int, int, float]]:
    """(from, to, share of a core used) between consecutive marks."""
    return [(w0, w1, (c1 - c0) / (w1 - w0) if w1 > w0 else 0.0)
            for (w0, c0, *_), (w1, c1, *_) in zip(marks, marks[1:])]


def summary(start: int, end: int, processes: dict) -> dict:
    """Where the wall time went, in ms: total, the parent alone (every other process of the run
    idle or absent), cores idle (core-ms no process used), CPU of all processes."""
    parent = next(pid for pid, marks in processes.items() if marks[0][3] == "main")
    others = [busy_intervals(marks) for pid, marks in processes.items() if pid != parent]
    mine = busy_intervals(processes[parent])
    # sample the timeline each 0.2 ms: how much of a core each process used then
    step = 200_000
    alone = idle = 0.0
    cpu = 0.0
    t = start
    while t < end:
        used_parent = _at(mine, t, 1.0 if t < processes[parent][0][0] else 0.0)
        used_others = sum(_at(intervals, t, 0.0) for intervals in others)
        if used_others < 0.1 and used_parent > 0.5:
            alone += step
        used = min(CORES, used_parent + used_others)
        cpu += used * step
        idle += (CORES - used) * step
        t += step
    return {"wall": (end - start) / 1e6, "parent alone": alone / 1e6, "core idle": idle / 1e6,
            "cpu": cpu / 1e6, "processes": len(processes)}


def _at(intervals: list, t: int, default: float) -> float:
    for w0, w1, share in intervals:
        if w0 <= t < w1:
            return min(1.0, share)
    return default


def show(start: int, processes: dict) -> None:
    order = sorted(processes, key=lambda pid: processes[pid][0][0])
    for pid in order:
        marks = processes[pid]
        print(f"pid {pid} (parent {marks[0][2]}):")
        previous_wall, previous_cpu = None, None
        for wall, cpu, _, label in marks:
            span = "" if previous_wall is None else \
                f"  +{(wall - previous_wall) / 1e6:7.1f} ms wall, {(cpu - previous_cpu) / 1e6:7.1f} ms CPU"
            print(f"  {(wall - start) / 1e6:8.1f}  {label:<24}{span}")
            previous_wall, previous_cpu = wall, cpu


def compact(start: int, processes: dict) -> None:
    """One line per process: start, end, CPU, and the parent's steps in full."""
    order = sorted(processes, key=lambda pid: processes[pid][0][0])
    for pid in order:
        marks = processes[pid]
        tasks = [label for *_, label in marks if label.startswith("task ")]
        work = sum(c1 - c0 for (w0, c0, _, l0), (w1, c1, *_) in zip(marks, marks[1:]) if l0.startswith("task "))
        print(f"pid {pid}: {marks[0][3]:<8} {(marks[0][0] - start) / 1e6:7.1f} -> {(marks[-1][0] - start) / 1e6:7.1f} ms"
              f"  CPU {(marks[-1][1] - marks[0][1]) / 1e6:6.1f} ms (since first mark), tasks {len(tasks)},"
              f" in tasks {work / 1e6:6.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="every mark of every process")
    parser.add_argument("directory")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    rows = []
    for number in range(args.runs):
        start, end, processes = run(command, args.directory)
        if number == 0:
            show(start, {p: m for p, m in processes.items() if args.full or m[0][3] in ("main", "helper")})
            compact(start, processes)
        rows.append(summary(start, end, processes))
        print("  ".join(f"{key} {value:.1f}" for key, value in rows[-1].items()))
    if args.runs > 1:
        print("median: " + "  ".join(f"{key} {statistics.median(r[key] for r in rows):.1f}" for key in rows[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
