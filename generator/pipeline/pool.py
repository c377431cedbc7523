"""Run jobs: in this process, or in a pool of forked workers started early and warmed up in parallel.

A worker's first job used to pay for loading the pack, importing the
renderers, registering fonts and reading font metrics (most of a second). The
pool is now forked once the packs are loaded and planned, from a process that
has warmed the renderers the stale jobs need: every worker starts warm, with
the pack in its session cache. ``watch`` keeps one pool for all its rebuilds,
so its workers stay warm.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Set
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


def warm(outputs: Set[str]) -> None:
    """Import the renderers of ``outputs`` and register their fonts, in this process."""
    from generator.outputs import OUTPUTS
    from generator.theme import Theme

    for name in sorted(outputs):
        OUTPUTS[name].warm(Theme())  # fonts are the same in every theme; see theme.Fonts


class Workers:
    """A pool of worker processes that outlives one build (``watch`` keeps one).

    The workers are forked when the first jobs are ready, from a process that
    has loaded the packs and warmed the renderers those jobs need: each worker
    starts with the pack in its session cache and the fonts registered, instead
    of loading and registering them again (copy-on-write keeps that cheap).
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def start(self, outputs: Set[str] = frozenset()) -> None:
        """Warm the renderers of ``outputs`` here, then fork the workers."""
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            warm(outputs)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))

    def map(self, pending: list[Job]) -> Iterator[JobResult]:
        """Return the results of ``pending`` in order, rendered in the workers."""
        self.start({job.output for job in pending})
        return self._pool.map(run_job_isolated, pending)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def run_all(pending: list[Job], progress: Progress | None = None,
            workers: Workers | None = None) -> dict[tuple[str, str], JobResult]:
    """Render every pending job, in ``workers`` when given and there are several; return results by (folder, key)."""
    results: dict[tuple[str, str], JobResult] = {}
    if not pending:
        return results
    from generator.outputs import OUTPUTS

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
