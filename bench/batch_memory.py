"""Peak memory of batch conversion at 100 and at 1,000 files: it should not grow with the count.

    python bench/batch_memory.py [--sizes 100,1000] [--jobs N]

The golden releases are copied round-robin under varied names into a temporary
folder, and each size is converted to a Parquet dataset by a fresh Python process.
For each run it prints the peak resident memory of the parent process (which reads,
hashes and writes; from getrusage), and, sampled from /proc every 20 ms (Linux only),
of the largest process under it (a worker, or the fork server) and of the whole
process tree; with the time and the facts per second. Figures, no verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys
from converter.batch import build_dataset
s = build_dataset([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
kib = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss unit
print(json.dumps({
    "files": s.inputs, "failed": s.failed, "facts": s.facts, "seconds": s.seconds,
    "main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20,
}))
"""


def make_corpus(folder: Path, n: int) -> None:
    releases = sorted((ROOT / "golden").glob("*/release.txt"))
    for i in range(n):
        release = releases[i % len(releases)]
        target = folder / f"{i // 100:02d}" / f"{release.parent.name}-{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(release.read_bytes())


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident bytes of the largest process under `pid`, and of `pid` and all under it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * page
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    below = [rss.get(p, 0) for p in tree - {pid}]
    return max(below, default=0), sum(below) + rss.get(pid, 0)


def measure(n: int, jobs: int, work: Path) -> dict[str, float]:
    corpus, out = work / f"in{n}", work / f"out{n}"
    make_corpus(corpus, n)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus), str(out), str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    worker = total = 0
    sampling = Path("/proc").is_dir()

    def sample() -> None:
        nonlocal worker, total
        while child.poll() is None:
            largest, whole = _tree_rss(child.pid)
            worker, total = max(worker, largest), max(total, whole)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    stdout, _ = child.communicate()
    if sampling:
        sampler.join()
    if child.returncode:
        raise SystemExit(f"the batch of {n} files failed")
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    result["worker_mib"] = worker / 2**20 if sampling else float("nan")
    result["tree_mib"] = total / 2**20 if sampling else float("nan")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"jobs={args.jobs}  python {sys.version.split()[0]}  {sys.platform}")
    print(
        f"{'files':>6} {'facts':>8} {'seconds':>8} {'facts/s':>8} "
        f"{'main MiB':>9} {'worker MiB':>11} {'tree MiB':>9}"
    )
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = results[n] = measure(n, args.jobs, Path(tmp))
            print(
                f"{r['files']:>6.0f} {r['facts']:>8.0f} {r['seconds']:>8.1f} "
                f"{r['facts'] / r['seconds']:>8.0f} {r['main_mib']:>9.1f} "
                f"{r['worker_mib']:>11.1f} {r['tree_mib']:>9.1f}"
            )
    if len(sizes) > 1:
        first, last = results[sizes[0]], results[sizes[-1]]
        for key in ("main_mib", "worker_mib", "tree_mib"):
            print(f"{key}: {sizes[-1]} files / {sizes[0]} files = {last[key] / first[key]:.3f}")


if __name__ == "__main__":
    main()
