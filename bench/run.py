"""How fast, how big, against what: the converter's figures beside their baselines.

    python bench/run.py            the full run (about 4 minutes on 2 idle cores, 6 when busy)
    python bench/run.py --quick    fewer runs, a batch of 200 instead of 1,000 (about 1-2 min)
    python bench/run.py --only release,cold   some sections (names as below)
    python bench/run.py --json out.json        also write every figure as JSON

It prints figures, never a verdict; the targets are printed beside them. Sections:

  machine     CPUs, CPU model, Python, load average (other work on the machine skews it all)
  release     in-process, per release, for the seed and the longest golden filing: parse and
              map, each format, all formats; median of several runs; x the bare read + split
              of the same bytes into lines (the physical floor)
  arelle      Arelle loading and validating our xbrl and ixbrl output of the seed, in-process
              (and once as a whole process), x our own conversion to that format
  cold        `convert --help` and `convert SEED --to json` as whole processes, median and
              spread; x `python -c pass`; `-X importtime`: what start-up imports
  scaling     the seed with its tables repeated 1x, 10x, 100x: time per copy, ratio per x
  throughput  a batch of golden releases replicated under varied names, `convert DIR --to
              parquet` with --jobs 1 and 2: releases/s and MB/s, x reading and splitting
              them; CPU seconds of the process tree, which other load does not change
  memory      peak RSS of one release (x the bare interpreter), and of batches of 100 and
              1,000 files (bench/batch_memory.py)

Cold start runs with a bytecode cache (a temporary PYTHONPYCACHEPREFIX), as an installed
package has; the figures without one (PYTHONDONTWRITEBYTECODE=1) are printed beside them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
# in-process figures are of this checkout's code, whatever copy is installed
sys.path.insert(0, str(ROOT))
SEED = ROOT / "golden" / "innovo-fy2002" / "release.txt"
RELEASES = sorted((ROOT / "golden").glob("*/release.txt"))
LONG = max(RELEASES, key=lambda p: p.stat().st_size)
MIB = 2**20
RESULTS: dict[str, Any] = {}

TARGETS = {
    "seed_all_formats_s": ("seed to all formats in-process", "<= 50 ms"),
    "help_s": ("convert --help", "<= 0.15 s"),
    "json_s": ("convert SEED --to json", "<= 0.3 s"),
    "jobs2_per_s": ("releases/s to Parquet, 2 cores", ">= 300 /s"),
    "scaling": ("cost per copy, 100x / 10x", "linear (1.0)"),
    "memory": ("peak RSS, 1,000 / 100 files", "flat (1.0)"),
}


# --- helpers ---------------------------------------------------------------------------------


def median_time(fn: Callable[[], object], runs: int, warm: int = 1) -> tuple[float, float, float]:
    """Median, min and max seconds of `runs` calls, after `warm` calls not counted."""
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def ratio(a: float, b: float) -> str:
    return f"{a / b:8.1f}x" if b else "      n/a"


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 86 - len(title)), flush=True)


def read_split(path: Path) -> list[str]:
    """The floor: read the bytes and split them into lines, nothing else."""
    with open(path, "rb") as f:
        return split_lines(f.read())


def split_lines(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").splitlines()


def write_to_memory(exporter: Any, filing: Any) -> None:
    exporter.write(filing, io.BytesIO())


def script(python: bool = True) -> list[str]:
    """The console script as installed, else `python -m converter`; without `python`, what
    follows the interpreter on its command line."""
    exe = Path(sys.executable).parent / "convert"
    if exe.exists():
        return [str(exe)]  # a Python script: `python -X importtime` runs it too
    return [sys.executable, "-m", "converter"] if python else ["-m", "converter"]


TIME = shutil.which("time") and Path("/usr/bin/time")  # GNU time, for a child's own peak RSS
LAST_CPU: list[float] = []


def _tree_cpu(pid: int, seen: dict[int, float]) -> None:
    """Raise `seen[p]` to the CPU seconds (user + system) so far of `pid` and every process
    under it (Linux /proc; pool workers are not waited for, so rusage would miss them)."""
    parents: dict[int, int] = {}
    ticks: dict[int, float] = {}
    hz = os.sysconf("SC_CLK_TCK")
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry.name)] = int(fields[1])
            ticks[int(entry.name)] = (int(fields[11]) + int(fields[12])) / hz
    tree, frontier = {pid}, [pid]
    while frontier:
        top = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == top and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    for p in tree & ticks.keys():
        seen[p] = max(seen.get(p, 0.0), ticks[p])


def run_process(
    cmd: list[str], env: dict[str, str] | None = None, timeout: float = 3600, rss: bool = False
) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB (with `rss`, else nan) and exit code of one process;
    with `rss` on Linux, the CPU seconds of its whole tree (sampled) go to LAST_CPU.

    A child's ru_maxrss from wait4 keeps the parent's size at the fork (Linux carries it over
    exec), so the peak is taken by GNU time, itself a small process, when it is there."""
    wrap: list[str] = []
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as note:
        if rss and TIME and TIME.exists():
            wrap = [str(TIME), "-f", "%M", "-o", note.name]
        t = time.perf_counter()
        proc = subprocess.Popen(
            [*wrap, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
        )
        seen: dict[int, float] = {}
        sampling = rss and Path("/proc/self/stat").exists()
        while sampling and proc.poll() is None and time.perf_counter() - t < timeout:
            _tree_cpu(proc.pid, seen)
            time.sleep(0.05)
        try:
            code = proc.wait(max(timeout - (time.perf_counter() - t), 0.001))
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        wall = time.perf_counter() - t
        LAST_CPU[:] = [sum(seen.values()) if sampling else float("nan")]
        peak = float("nan")
        if wrap:
            kib = (note.read().strip().splitlines() or [""])[-1]
            peak = int(kib) / 1024 if kib.isdigit() else peak
    return wall, peak, code


def process_stats(cmd: list[str], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median, quartiles and range of the wall time of `runs` runs, after one not counted
    (warming the page cache and the bytecode cache); and the peak RSS of one more."""
    run_process(cmd, env)
    walls = []
    for _ in range(runs):
        wall, _, code = run_process(cmd, env)
        if code:
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
        walls.append(wall)
    peak = run_process(cmd, env, rss=True)[1]
    q = statistics.quantiles(walls, n=4) if len(walls) > 1 else [walls[0]] * 3
    return {
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "q1": q[0],
        "q3": q[2],
        "rss_mib": peak,
        "runs": runs,
    }


def scaled(path: Path, copies: int) -> bytes:
    """The release with its tables (from the page before the first <TABLE> to the last
    </TABLE>) printed `copies` times; the text before and after once."""
    lines = path.read_bytes().decode("latin-1").split("\n")
    tables = [i for i, ln in enumerate(lines) if re.match(r"\s*<TABLE>", ln, re.I)]
    last = max(i for i, ln in enumerate(lines) if re.match(r"\s*</TABLE>", ln, re.I))
    pages = [i for i in range(tables[0]) if re.match(r"\s*<PAGE>", lines[i], re.I)]
    start = pages[-1] if pages else max(0, tables[0] - 6)
    body = lines[start : last + 1] + [""]
    return "\n".join(lines[:start] + body * copies + lines[last + 1 :]).encode("latin-1")


# --- sections --------------------------------------------------------------------------------


def machine() -> None:
    section("machine")
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "?"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f"{kb / 2**20:.1f} GiB"
    except (OSError, AttributeError):
        pass
    versions = {}
    for name in ("pyarrow", "xlsxwriter", "openpyxl", "lxml", "arelle-release"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            versions[name] = "-"
    load = os.getloadavg()
    RESULTS["machine"] = {
        "cpus": cpus,
        "cpu": model,
        "memory": mem,
        "python": platform.python_version(),
        "load": load,
        **versions,
    }
    print(f"CPUs {cpus} (nproc)   CPU {model}   memory {mem}")
    print(
        f"Python {platform.python_version()} {platform.python_implementation()} on "
        f"{platform.system()} {platform.release()}"
    )
    print("  ".join(f"{k} {v}" for k, v in versions.items()))
    import converter

    where = Path(converter.__file__).resolve().parent.parent
    print(f"in-process: the converter at {where}; whole processes: {' '.join(script())}")
    print(
        f"load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        "(anything else running on the machine slows every figure below)"
    )
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set here: cold starts are given with and without a bytecode cache")


def per_release(runs: int) -> None:
    import exporters
    from converter.pipeline import convert

    section(f"release, in-process (median of {runs} runs after a warm-up)")
    t = time.perf_counter()
    convert(SEED.read_bytes(), SEED.name)
    first = time.perf_counter() - t
    print(f"first conversion in a process (taxonomy load, lazy imports): {ms(first)}")
    RESULTS["first_convert_s"] = first
    names = exporters.names()
    for path in (SEED, LONG):
        data = path.read_bytes()
        floor = median_time(partial(read_split, path), max(runs, 50))[0]
        filing = convert(data, path.name)
        key = "seed" if path == SEED else "long"
        out: dict[str, Any] = {
            "bytes": len(data),
            "lines": len(read_split(path)),
            "facts": len(filing.facts),
            "read_split_s": floor,
        }
        print(
            f"\n{path.parent.name}: {len(data):,} bytes, {out['lines']} lines, "
            f"{len(filing.facts)} facts; read + split {floor * 1e6:.0f} us"
        )
        print(f"  {'step':<22}{'median':>11}{'min':>11}{'x read+split':>14}{'output':>13}{'x input':>9}")
        conv = median_time(partial(convert, data, path.name), runs)
        out["convert_s"] = conv[0]
        print(f"  {'parse and map':<22}{ms(conv[0]):>11}{ms(conv[1]):>11}{ratio(conv[0], floor):>14}")
        sizes = {}
        for name in names:
            exporter = exporters.get(name)

            def write(e: Any = exporter, f: Any = filing) -> int:
                buf = io.BytesIO()
                e.write(f, buf)
                return len(buf.getvalue())

            size = sizes[name] = write()
            t_w = median_time(write, runs)
            out[f"{name}_s"], out[f"{name}_bytes"] = t_w[0], size
            print(
                f"  {'write ' + name:<22}{ms(t_w[0]):>11}{ms(t_w[1]):>11}"
                f"{ratio(t_w[0], floor):>14}{size:>13,}{size / len(data):>8.1f}x"
            )

        def everything(d: bytes = data, n: str = path.name) -> None:
            f = convert(d, n)
            for name in names:
                exporters.get(name).write(f, io.BytesIO())

        every = median_time(everything, runs)
        out["all_formats_s"] = every[0]
        print(
            f"  {'all formats (with parse)':<22}{ms(every[0]):>11}{ms(every[1]):>11}"
            f"{ratio(every[0], floor):>14}{sum(sizes.values()):>13,}"
            f"{sum(sizes.values()) / len(data):>8.1f}x"
        )
        if path == SEED:
            RESULTS["seed_all_formats_s"] = every[0]
        RESULTS[f"release_{key}"] = out


def arelle(runs: int) -> None:
    section(f"arelle baseline: loading and validating our output of the seed (median of {runs})")
    try:
        from arelle import CntlrCmdLine
    except ImportError:
        print("arelle is not installed (pip install arelle-release): skipped")
        return
    import exporters
    from converter.pipeline import convert
    from taxonomy.package import package_bytes

    filing = convert(SEED.read_bytes(), SEED.name)
    strict = [
        "--validate",
        "--workOffline",
        "--calc",
        "c11r",
        "--utr",
        "--validateDuplicateFacts",
        "inconsistent",
        "--captureWarnings",
        "--disablePersistentConfig",
        "--validationExitCode",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        package = folder / "us-gaap-2019-subset.zip"
        package.write_bytes(package_bytes())
        for name, plugins in (("xbrl", []), ("ixbrl", ["inlineXbrlDocumentSet"])):
            exporter = exporters.get(name)
            target = folder / f"release{exporter.suffix}"
            with open(target, "wb") as stream:
                exporter.write(filing, stream)
            for file_name, data in getattr(exporter, "companions", lambda f: {})(filing).items():
                (folder / file_name).write_bytes(data)
            args = ["--file", str(target), *strict, "--packages", str(package)]
            args += ["--plugins", "|".join(plugins)] if plugins else []
            verdict: list[str] = []

            def validate(a: list[str] = args, v: list[str] = verdict) -> None:
                # --validationExitCode: the result is false on any error or inconsistency
                cntlr, _, ok = CntlrCmdLine._parseAndRun([*a, "--logFile", "logToBuffer"])
                cntlr.close()
                v[:] = ["valid" if ok else "NOT valid"]

            inproc = median_time(validate, runs)

            def ours(e: Any = exporter) -> None:
                e.write(convert(SEED.read_bytes(), SEED.name), io.BytesIO())

            own = median_time(ours, runs)
            whole, rss, code = run_process(
                [sys.executable, "-m", "arelle.CntlrCmdLine", *args, "--logFile", str(folder / "log.txt")],
                rss=True,
            )
            verdict.append("valid" if code == 0 else f"NOT valid (exit {code})")
            own_whole = process_stats(
                [*script(), str(SEED), "--to", name, "-o", str(folder)], max(runs // 2, 2), _cache_env()
            )
            RESULTS[f"arelle_{name}"] = {
                "in_process_s": inproc[0],
                "ours_s": own[0],
                "process_s": whole,
                "process_rss_mib": rss,
                "ours_process_s": own_whole["median"],
                "verdict": verdict[0],
            }
            print(
                f"{name:<6} Arelle in-process {ms(inproc[0])} ({verdict[0]}); ours, parse + "
                f"write {ms(own[0])}: Arelle takes {inproc[0] / own[0]:.1f}x ours"
            )
            print(
                f"{'':<6} Arelle whole process {whole:6.2f} s, {rss:5.0f} MiB ({verdict[1]}); "
                f"`convert --to "
                f"{name}` whole process {own_whole['median']:6.2f} s, "
                f"{own_whole['rss_mib']:4.0f} MiB: {whole / own_whole['median']:.1f}x ours"
            )


_ENV: dict[str, str] = {}


def _cache_env() -> dict[str, str]:
    """The environment of an installed package: bytecode cached (in a temporary folder)."""
    if not _ENV:
        _ENV.update(os.environ)
        _ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        _ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-pyc-")
    return _ENV


def _importtime(label: str, cmd: list[str], env: dict[str, str], top: int) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True, env=env, cwd=ROOT
    )
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total = sum(r[0] for r in rows)
    print(
        f"  {label}: "
        f"{len(rows)} modules, {total / 1000:.0f} ms of import (importtime's own overhead "
        "included)"
    )
    packages: dict[str, int] = {}
    for self_us, _, _, name in rows:
        packages[name.split(".")[0]] = packages.get(name.split(".")[0], 0) + self_us
    best = sorted(packages.items(), key=lambda kv: -kv[1])[:top]
    print("    by package (self time): " + ", ".join(f"{n} {t / 1000:.0f} ms" for n, t in best))
    heavy = sorted(rows, key=lambda r: -r[0])[:top]
    print("    slowest modules (self):  " + ", ".join(f"{r[3]} {r[0] / 1000:.1f} ms" for r in heavy))
    RESULTS.setdefault("importtime", {})[label] = {
        "modules": len(rows),
        "total_ms": total / 1000,
        "packages_ms": {n: t / 1000 for n, t in best},
    }


def cold_start(runs: int) -> None:
    section(f"cold start: whole processes (median, quartiles, min-max of {runs} runs)")
    env = _cache_env()
    bare = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    out = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "convert --help": [*script(), "--help"],
        "convert SEED --to json": [*script(), str(SEED), "--to", "json", "-o", str(out)],
    }
    floor = process_stats(cmds["python -c pass"], runs, env)
    print(f"  {'command':<34}{'median':>9}{'q1-q3':>16}{'min-max':>16}{'peak RSS':>11}{'x python':>10}")
    for label, cmd in cmds.items():
        for cache, e in (("", env), (" (no .pyc)", bare)):
            if label.startswith("python") and cache:
                continue
            st = (
                floor
                if label.startswith("python") and not cache
                else process_stats(cmd, runs if not cache else max(runs // 3, 3), e)
            )
            key = {"convert --help": "help_s", "convert SEED --to json": "json_s"}.get(label)
            if key and not cache:
                RESULTS[key] = st["median"]
            RESULTS.setdefault("cold", {})[label + cache] = st
            print(
                f"  {label + cache:<34}{st['median']:8.3f}s {st['q1']:6.3f}-{st['q3']:.3f}s "
                f"{st['min']:6.3f}-{st['max']:.3f}s {st['rss_mib']:7.1f} MiB"
                f"{ratio(st['median'], floor['median']):>10}"
            )
    print("\n  python -X importtime, what start-up imports:")
    _importtime("convert --help", [*script(python=False), "--help"], env, 8)
    _importtime(
        "convert SEED --to json", [*script(python=False), str(SEED), "--to", "json", "-o", str(out)], env, 8
    )
    shutil.rmtree(out, ignore_errors=True)


def scaling(copies: tuple[int, ...], runs: int, big: int) -> None:
    import exporters
    from converter.pipeline import convert

    section(f"scaling: the seed's tables repeated (median of {runs} runs, {big} at 100x)")
    names = exporters.names()
    print(
        f"  {'size':>5}{'bytes':>11}{'facts':>8}{'read+split':>12}{'parse+map':>11}"
        f"{'per copy':>10}{'vs 1x':>7}{'vs prev':>8}{'formats':>9}{'per copy':>10}{'vs 1x':>7}"
        f"{'vs prev':>8}{'x floor':>9}"
    )
    out: dict[int, dict[str, Any]] = {}
    for k in copies:
        data = scaled(SEED, k)
        n, warm = (runs, 1) if k < 100 else (big, 0)
        floor = median_time(partial(split_lines, data), max(n, 20))[0]
        conv = median_time(partial(convert, data, "scaled.txt"), n, warm)[0]
        filing = convert(data, "scaled.txt")
        each = {}
        for name in names:
            exporter = exporters.get(name)
            exporter.write(convert(SEED.read_bytes(), SEED.name), io.BytesIO())  # imports
            each[name] = median_time(partial(write_to_memory, exporter, filing), n, 0)[0]
        writes = sum(each.values())
        out[k] = {
            "bytes": len(data),
            "facts": len(filing.facts),
            "read_split_s": floor,
            "convert_s": conv,
            "writes_s": writes,
            "formats_s": each,
        }
        before = max((c for c in out if c < k), default=k)  # the size before, or this one
        first, prev, now = out[copies[0]], out[before], out[k]
        r1 = now["convert_s"] / first["convert_s"] / (k / copies[0])
        r2 = now["writes_s"] / first["writes_s"] / (k / copies[0])
        p1 = now["convert_s"] / prev["convert_s"] / (k / before)
        p2 = now["writes_s"] / prev["writes_s"] / (k / before)
        now.update(convert_vs_1x=r1, writes_vs_1x=r2, convert_vs_prev=p1, writes_vs_prev=p2)
        print(
            f"  {k:>4}x{len(data):>11,}{len(filing.facts):>8}{ms(floor):>12}"
            f"{conv:>10.3f}s{ms(conv / k):>10}{r1:>7.2f}{p1:>8.2f}{writes:>8.3f}s"
            f"{ms(writes / k):>10}{r2:>7.2f}{p2:>8.2f}{ratio(conv + writes, floor):>9}"
        )
    print(
        "  (vs 1x, vs prev: the cost per copy against the 1x document, against the size "
        "before; 1.0 is linear,\n   below 1 means the text outside the tables is paid once)"
    )
    print(
        "  per format, seconds: "
        + "; ".join(
            f"{name} " + " / ".join(f"{out[k]['formats_s'][name]:.3f}" for k in copies) for name in names
        )
        + f"  (at {'x, '.join(map(str, copies))}x)"
    )
    RESULTS["scaling"] = out


def throughput(count: int, jobs_list: tuple[int, ...]) -> None:
    from batch_memory import make_corpus

    section(f"throughput: {count} releases, `convert DIR --to parquet -o OUT --jobs N`")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, count)
        files = sorted(corpus.rglob("*.txt"))
        size = sum(p.stat().st_size for p in files)
        t = time.perf_counter()
        for p in files:
            read_split(p)
        floor = time.perf_counter() - t
        print(
            f"  {len(files)} files, {size / MIB:.1f} MiB ({len(RELEASES)} golden releases "
            f"round-robin); read + split of all: {floor:.3f} s = {len(files) / floor:,.0f} "
            f"files/s, {size / MIB / floor:,.0f} MiB/s"
        )
        RESULTS["throughput"] = {"files": len(files), "mib": size / MIB, "read_split_s": floor}
        print(
            f"  {'jobs':>5}{'wall':>9}{'releases/s':>12}{'MiB/s':>8}{'parent RSS':>11}"
            f"{'x read+split':>14}{'CPU s':>8}{'per CPU-s':>11}"
        )
        for jobs in jobs_list:
            out = Path(tmp) / f"out{jobs}"
            cmd = [*script(), str(corpus), "--to", "parquet", "-o", str(out), "--jobs", str(jobs), "--quiet"]
            LAST_CPU[:] = [float("nan")]
            wall, rss, code = run_process(cmd, _cache_env(), rss=True)
            cpu = LAST_CPU[0]
            errors = out / "_errors.csv"
            failed = max(len(errors.read_text().splitlines()) - 1, 0) if errors.exists() else 0
            RESULTS["throughput"][f"jobs{jobs}"] = {
                "wall_s": wall,
                "per_s": len(files) / wall,
                "mib_s": size / MIB / wall,
                "rss_mib": rss,
                "exit": code,
                "failed": failed,
                "cpu_s": cpu,
                "per_cpu_s": len(files) / cpu,
            }
            if jobs == 2:
                RESULTS["jobs2_per_s"] = len(files) / wall
            print(
                f"  {jobs:>5}{wall:>8.1f}s{len(files) / wall:>12.1f}{size / MIB / wall:>8.2f}"
                f"{rss:>8.0f} MiB{ratio(wall, floor):>14}{cpu:>8.1f}{len(files) / cpu:>11.1f}"
                f"   exit {code}, {failed} failed"
            )
            shutil.rmtree(out, ignore_errors=True)
        print(
            "  (CPU s: user + system of the process tree, sampled; per CPU-s: releases per "
            "CPU-second, which other load\n   on the machine does not change; 2 idle cores "
            "give at most twice that)"
        )


def memory(sizes: tuple[int, ...], jobs: int) -> None:
    section("memory: peak RSS")
    code = (
        "import io, sys; from converter.pipeline import convert; import exporters\n"
        "f = convert(open(sys.argv[1], 'rb').read(), 'release.txt')\n"
        "[exporters.get(n).write(f, io.BytesIO()) for n in exporters.names()]"
    )
    env = _cache_env()
    floor = process_stats([sys.executable, "-c", "pass"], 3, env)["rss_mib"]
    one = {}
    for path in (SEED, LONG):
        one[path.parent.name] = process_stats([sys.executable, "-c", code, str(path)], 3, env)["rss_mib"]
    print(
        f"  python -c pass {floor:.1f} MiB; one release to all formats: "
        + ", ".join(f"{k} {v:.1f} MiB ({v / floor:.1f}x python)" for k, v in one.items())
    )
    RESULTS["memory_one"] = {"python_mib": floor, **one}
    # its own small process: a child's peak RSS counts its parent's size at the fork
    print(f"  batches to Parquet, --jobs {jobs} (bench/batch_memory.py, in its own process):")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "batch_memory.py"),
            "--sizes",
            ",".join(map(str, sizes)),
            "--jobs",
            str(jobs),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    res = {}
    for line in done.stdout.splitlines():
        print("  " + line)
        cells = line.split()
        if len(cells) == 7 and cells[0].isdigit():
            res[int(cells[0])] = dict(
                zip(
                    ("files", "facts", "seconds", "facts_s", "main_mib", "worker_mib", "tree_mib"),
                    map(float, cells),
                    strict=True,
                )
            )
    if done.returncode:
        print("  batch_memory.py failed: " + done.stderr.strip()[-500:])
    RESULTS["memory_batches"] = res


def summary() -> None:
    section("summary: figure, target (no verdict), baseline")
    rel = RESULTS.get("release_seed", {})
    lines = []
    if "seed_all_formats_s" in RESULTS:
        lines.append(
            (
                "seed_all_formats_s",
                f"{RESULTS['seed_all_formats_s'] * 1000:.0f} ms",
                f"{RESULTS['seed_all_formats_s'] / rel['read_split_s']:.0f}x read+split",
            )
        )
    cold = RESULTS.get("cold", {})
    py = cold.get("python -c pass", {}).get("median")
    for key in ("help_s", "json_s"):
        if key in RESULTS:
            lines.append((key, f"{RESULTS[key]:.3f} s", f"{RESULTS[key] / py:.1f}x python -c pass"))
    tp = RESULTS.get("throughput")
    if tp and "jobs2" in tp:
        floor = tp["files"] / tp["read_split_s"]
        cpu = tp["jobs2"].get("per_cpu_s", float("nan"))
        lines.append(
            (
                "jobs2_per_s",
                f"{tp['jobs2']['per_s']:.1f} /s, {cpu:.1f} per CPU-s",
                f"read+split {floor:,.0f} files/s",
            )
        )
    sc = RESULTS.get("scaling")
    if sc:
        top = max(sc)
        lines.append(
            (
                "scaling",
                f"parse {sc[top]['convert_vs_prev']:.2f}, formats {sc[top]['writes_vs_prev']:.2f}",
                f"{top}x against {max(c for c in sc if c < top)}x the seed",
            )
        )
    mb = RESULTS.get("memory_batches")
    if mb and len(mb) > 1:
        a, b = mb[min(mb)], mb[max(mb)]
        lines.append(
            (
                "memory",
                f"worker {b['worker_mib'] / a['worker_mib']:.2f}, tree {b['tree_mib'] / a['tree_mib']:.2f}",
                f"{b['tree_mib']:.0f} MiB for {max(mb)} files",
            )
        )
    for key, figure, base in lines:
        label, target = TARGETS[key]
        print(f"  {label:<34}{figure:>24}   target {target:<14}{base}")
    load = os.getloadavg()
    RESULTS["load_end"] = load
    print(f"  load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and a smaller batch")
    parser.add_argument("--batch", type=int, help="files in the throughput batch (1000)")
    parser.add_argument(
        "--only", help="comma-separated sections: release,arelle,cold,scaling,throughput,memory"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    quick = args.quick
    batch = args.batch or (200 if quick else 1000)
    only = set(args.only.split(",")) if args.only else None
    sections: dict[str, Callable[[], None]] = {
        "release": lambda: per_release(5 if quick else 15),
        "arelle": lambda: arelle(2 if quick else 5),
        "cold": lambda: cold_start(5 if quick else 15),
        "scaling": lambda: scaling((1, 10, 100), 2 if quick else 5, 1 if quick else 3),
        "throughput": lambda: throughput(batch, (1, 2)),
        "memory": lambda: memory((100, 300) if quick else (100, 1000), 2),
    }
    started = time.perf_counter()
    machine()
    for name, run in sections.items():
        if only is None or name in only:
            run()
    summary()
    RESULTS["seconds"] = time.perf_counter() - started
    print(
        f"\nbenchmark took {RESULTS['seconds']:.0f} s; peak RSS of this process "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    if args.json:
        args.json.write_text(json.dumps(RESULTS, indent=1, default=str))


if __name__ == "__main__":
    main()
