"""Running tasks on a Dask cluster: chunks of inputs as `dask.bag`s, mapped by the workers.

Imported only when a scheduler is named, so Dask stays an optional extra
(`pip install "release2xbrl[dask]"`). The workers need release2xbrl installed; they
read nothing and write nothing: inputs travel with the tasks and outputs come back
to this process, which writes them exactly as a local run does. So the output
folder need not be shared with the cluster, and a cluster run and a local run give
the same files. Two chunks are in flight at a time, which bounds the memory held.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from converter.batch import work

TASKS_PER_THREAD = 4


def _chunks(tasks: Iterable[work.Task], size: int) -> Iterator[list[work.Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def run_on_cluster(tasks: Iterable[work.Task], scheduler: Any) -> Iterator[work.Outcome]:
    """Each task's outcome; `scheduler` is an address ("tcp://host:8786") or a `Client`."""
    try:
        import dask.bag as db
        from distributed import Client
    except ImportError as err:
        raise ImportError('--scheduler needs Dask: pip install "release2xbrl[dask]"') from err

    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        threads = max(sum(client.nthreads().values()), 1)
        pending: deque[Any] = deque()
        for chunk in _chunks(tasks, TASKS_PER_THREAD * threads):
            bag = db.from_sequence(chunk, npartitions=min(len(chunk), threads))
            pending.append(client.compute(bag.map(work.run)))
            if len(pending) >= 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if own:
            client.close()
