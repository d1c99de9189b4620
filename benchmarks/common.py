"""What the benchmarks share: running a command with its own time and memory, and the machine line."""

from __future__ import annotations

import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# Runs one command and prints, as JSON on its last line of stderr, its wall time and its peak RSS: the
# wrapper's own RUSAGE_CHILDREN holds only this one child, so builds do not see each other's memory.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.buffer.write(done.stdout)
sys.stderr.buffer.write(done.stderr)
sys.stderr.write("\n" + json.dumps({"rc": done.returncode, "wall": wall, "maxrss_kb": usage.ru_maxrss,
                                    "user": usage.ru_utime, "sys": usage.ru_stime}) + "\n")
"""


@dataclass
class Run:
    wall: float
    peak_mb: float
    cpu: float
    output: str
    walls: list[float] = field(default_factory=list)  # every run, when the build ran more than once


def combine(runs: list[Run]) -> Run:
    """Several runs of one build: median wall and CPU time, the highest peak."""
    return Run(
        statistics.median(r.wall for r in runs),
        max(r.peak_mb for r in runs),
        statistics.median(r.cpu for r in runs),
        runs[-1].output,
        [r.wall for r in runs],
    )


def measured(command: list[str], cwd: Path, accept: tuple[int, ...] = (0,)) -> Run:
    """Run ``command`` in a fresh process under the wrapper; fail loudly if its exit code is not in
    ``accept``."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], cwd=cwd, capture_output=True, text=True)
    stderr = done.stderr.rstrip("\n")
    head, _, last = stderr.rpartition("\n")
    stats = json.loads(last)
    output = (done.stdout + head).strip()
    if stats["rc"] not in accept:
        raise SystemExit(f"{shlex.join(command)} failed (exit {stats['rc']}):\n{output[-4000:]}")
    return Run(stats["wall"], stats["maxrss_kb"] / 1024, stats["user"] + stats["sys"], output)


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / MB:.1f} GB RAM"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for module in ("mkdocs", "material", "kompas_site"):
        try:
            from importlib.metadata import version

            dist = {"material": "mkdocs-material", "kompas_site": "kompas-site"}.get(module, module)
            versions.append(f"{dist} {version(dist)}")
        except Exception:
            pass
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    )
    rev = (
        commit.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
        if commit.returncode == 0
        else "?"
    )
    return (
        f"Machine: {cpu}, {os.cpu_count()} cores ({usable} usable){memory}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {', '.join(versions)}; commit {rev}.\n"
        f"Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}. "
        f"Command: `python benchmarks/{Path(sys.argv[0]).name} {shlex.join(sys.argv[1:])}`."
    )
