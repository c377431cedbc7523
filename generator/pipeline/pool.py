"""Run jobs: in this process, or in a pool of forked workers started early and warmed up in parallel.

A worker's first job used to pay for importing the renderers, registering
fonts and reading font metrics (most of a second). The pool is now started
as soon as a build knows it has work, before planning: each worker warms up
while the parent still loads and plans the packs. ``watch`` keeps one pool for
all its rebuilds, so its workers stay warm.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from generator.pipeline.jobs import Job, JobResult, run_job_isolated

Progress = Callable[[Job], None]

PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when the thread that started it ends


def die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` ends, however it ends (Ctrl-C, SIGTERM, SIGKILL, the OOM killer).

    On Linux the kernel is asked for a death signal; elsewhere a thread
    watches the parent. Either way a worker never outlives the ``build``,
    ``watch`` or ``serve`` that started it, blocked on its queue for ever.
    """
    import signal

    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, name="briefpack-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def warm_worker(parent: int) -> None:
    """Tie the worker's life to its parent's, then import every format's renderers and register their fonts."""
    from generator.outputs import OUTPUTS
    from generator.theme import Theme

    die_with_parent(parent)
    for output in OUTPUTS.values():
        output.warm(Theme())  # fonts are the same in every theme; see theme.Fonts


class Workers:
    """A pool of worker processes that outlives one build (``watch`` keeps one)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def start(self) -> None:
        """Fork the workers now and let them warm up while this process carries on."""
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"),
                                             initializer=warm_worker, initargs=(os.getpid(),))
            for _ in range(self.jobs):
                self._pool.submit(int)  # a no-op task makes the executor fork its workers now

    def map(self, pending: list[Job]) -> Iterator[JobResult]:
        """Return the results of ``pending`` in order, rendered in the workers."""
        self.start()
        return self._pool.map(run_job_isolated, pending)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def run_all(pending: list[Job], progress: Progress | None = None,
            workers: Workers | None = None) -> dict[tuple[str, str], JobResult]:
    """Render every pending job, in ``workers`` when given and there are several; return results by (folder, key)."""
    from generator.outputs import OUTPUTS

    results: dict[tuple[str, str], JobResult] = {}
    # The longest jobs start first, so that no worker is left with a deck when the others have finished
    # (sorted is stable: equal costs keep their order).
    pending = sorted(pending, key=lambda job: -OUTPUTS[job.output].cost)
    if workers and len(pending) > 1:
        for job, result in zip(pending, workers.map(pending), strict=True):
            results[(str(job.folder), job.key)] = result
            if progress:
                progress(job)
    else:
        for job in pending:
            results[(str(job.folder), job.key)] = run_job_isolated(job)
            if progress:
                progress(job)
    return results
