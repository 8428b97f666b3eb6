"""Running tasks on this machine: in this process for one job, else in a process pool.

At most a few tasks per worker are in flight, so however many inputs there are, the
memory held is that of a window of inputs and outputs, never the whole batch.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from converter.batch import work

IN_FLIGHT_PER_JOB = 4


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean, single-threaded server with the converter
    # imported, which is safe where fork from a threaded parent is not and starts faster
    # than spawn; spawn where there is no forkserver (Windows, macOS without it)
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["converter.batch._preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_local(tasks: Iterable[work.Task], jobs: int) -> Iterator[work.Outcome]:
    """Each task's outcome, in the order they finish."""
    if jobs <= 1:
        yield from map(work.run, tasks)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    try:
        pending: set[Future[work.Outcome]] = set()
        for task in tasks:
            pending.add(pool.submit(work.run, task))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
    finally:
        # on Ctrl-C or an error, drop what has not started rather than finish the batch
        pool.shutdown(wait=True, cancel_futures=True)
