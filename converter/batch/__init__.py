"""Many files -> one dataset: folders, globs and archives of filings, on a pool or a Dask cluster.

    build_dataset(["corpus/"], "dataset/")    the Python API; returns a `Summary`
    run_batch(...)                             what `convert DIR --to parquet -o dataset/` calls

The stages, each in its own module:
  inputs    folders, globs and archives -> `Item`s with a key each, then their bytes
  work      one input's bytes -> its outputs' bytes, or the reason it failed (runs in workers)
  local     tasks -> outcomes on a process pool (`--jobs`)
  cluster   tasks -> outcomes on a Dask cluster (`--scheduler`), imported only then
  store     outcomes -> files in the output folder, the manifest and the errors table
  progress  the progress line

The parent process reads and hashes the inputs, skips those the manifest already
holds, and writes every file; workers only convert. So the output folder is the same
file for file whatever `--jobs` or scheduler, and memory stays flat: a bounded window
of inputs is in flight, and each input's facts go to their own part file at once.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from converter.batch.inputs import Item, discover, read
from converter.batch.progress import Progress
from converter.batch.store import ERRORS, Store
from converter.batch.work import INTERNAL, Outcome, Task


class BatchUsageError(ValueError):
    """The batch cannot start: no output folder, an unknown format, inputs that name nothing."""


@dataclass(frozen=True, slots=True)
class Summary:
    inputs: int  # files found
    converted: int  # converted by this run
    skipped: int  # already in the manifest from an earlier run
    failed: int  # inputs whose latest conversion failed, this run or an earlier one
    facts: int  # facts written by this run
    seconds: float
    output: Path

    @property
    def errors(self) -> Path:
        return self.output / ERRORS


def default_jobs() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def _tasks(
    items: tuple[Item, ...],
    store: Store,
    formats: tuple[str, ...],
    progress: Progress,
    earlier: Counter[str],
) -> Iterator[Task]:
    """The inputs to convert; those converted before are counted in `earlier` by status."""
    for item, data in read(items):
        if isinstance(data, OSError):
            outcome = Outcome(
                item.key, "", error="InputError", code="input", message=f"cannot read: {data}"
            )
            _record(store, outcome, formats, progress)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if store.done(item.key, sha, formats):
            earlier[(store.record(item.key) or {}).get("status", "")] += 1
            progress.skip()
            continue
        yield Task(item.key, data, formats)


def _record(store: Store, outcome: Outcome, formats: tuple[str, ...], progress: Progress) -> None:
    store.commit(outcome, formats)
    progress.advance(outcome.facts, outcome.failed)
    if outcome.failed:
        progress.note(f"{outcome.key}: {_verb(outcome)}: {outcome.message}")


def _verb(failure: Outcome) -> str:
    if failure.error == "BinaryInputError":
        return "skipped, not text"
    if failure.code == INTERNAL:
        return f"internal error {failure.error}"
    return "failed"


def build_dataset(
    inputs: list[str],
    output: str | Path,
    formats: tuple[str, ...] = ("parquet",),
    jobs: int | None = None,
    scheduler: Any = None,
    notes: TextIO | None = None,
    progress_bar: bool = False,
) -> Summary:
    """Convert every file under `inputs` into the folder `output` (see `store` for its layout).

    `scheduler` is a Dask scheduler address or `distributed.Client`; without it the
    work runs on `jobs` processes (default: one per CPU). Notes about failed files go
    to `notes`; `progress_bar` draws the progress line there.
    """
    import exporters
    from converter import __version__

    unknown = [f for f in formats if f not in exporters.REGISTRY]
    if unknown or not formats:
        raise BatchUsageError(f"unknown format {', '.join(unknown) or '(none)'}")
    root = Path(output)
    if root.exists() and not root.is_dir():
        raise BatchUsageError(f"{root} is a file; batch mode writes a folder")
    # an output folder inside an input folder is fine (the walk steps around it); not the reverse
    inside = [
        s for s in inputs if Path(s).exists() and Path(s).resolve().is_relative_to(root.resolve())
    ]
    if inside:
        raise BatchUsageError(f"{', '.join(inside)}: inside the output folder {root}")
    found = discover(inputs, skip=root)
    if found.missing:
        raise BatchUsageError(f"no such file, folder or match: {', '.join(found.missing)}")
    if not found.items and not found.rejected:
        raise BatchUsageError(f"no files found in {', '.join(inputs)}")
    formats = tuple(sorted(set(formats)))
    store = Store(root, __version__)
    store.clean_temporaries()
    progress = Progress(len(found.items) + len(found.rejected), notes, progress_bar)
    start = time.monotonic()
    earlier: Counter[str] = Counter()
    try:
        for r in found.rejected:
            _record(
                store,
                Outcome(r.key, "", error="InputError", code="input", message=r.reason),
                formats,
                progress,
            )
        tasks = _tasks(found.items, store, formats, progress, earlier)
        if scheduler is not None:
            from converter.batch.cluster import run_on_cluster

            outcomes = run_on_cluster(tasks, scheduler)
        else:
            from converter.batch.local import run_local

            outcomes = run_local(tasks, jobs or default_jobs())
        for outcome in outcomes:
            _record(store, outcome, formats, progress)
    finally:
        progress.close()
        store.close()
    return Summary(
        progress.done,
        progress.converted - progress.failed,
        earlier.total(),
        progress.failed + earlier["failed"],
        progress.facts,
        time.monotonic() - start,
        root,
    )


def run_batch(
    inputs: list[str],
    formats: list[str],
    output: str | None,
    jobs: int | None,
    scheduler: str | None,
    quiet: bool,
) -> int:
    """The CLI's batch mode. Exit code: 0 all converted, 1 some input failed, 2 usage."""
    from converter.errors import ConversionError

    def say(text: str) -> None:
        if not quiet:
            print(text, file=sys.stderr)

    if output is None or output == "-":
        print("convert: error: batch mode writes a folder: give -o FOLDER", file=sys.stderr)
        return 2
    draw = not quiet and sys.stdout.isatty() and sys.stderr.isatty()
    try:
        summary = build_dataset(
            inputs,
            output,
            tuple(formats),
            jobs,
            scheduler,
            notes=None if quiet else sys.stderr,
            progress_bar=draw,
        )
    except BatchUsageError as err:
        print(f"convert: error: {err}", file=sys.stderr)
        return 2
    except (ConversionError, OSError) as err:
        print(f"convert: error: {err}", file=sys.stderr)
        return 1
    rate = summary.facts / summary.seconds if summary.seconds else 0.0
    say(
        f"{summary.inputs:,} files: {summary.converted:,} converted, "
        f"{summary.skipped:,} already done, {summary.failed:,} failed; "
        f"{summary.facts:,} facts in {summary.seconds:.1f} s ({rate:,.0f}/s) -> {summary.output}"
    )
    if summary.failed:
        say(f"the failed files and why: {summary.errors}")
    return 1 if summary.failed else 0


__all__ = ["BatchUsageError", "Summary", "build_dataset", "default_jobs", "run_batch"]
