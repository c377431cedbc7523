"""Run jobs: in this process, or in a pool of forked workers that ``watch`` keeps warm between builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.build.formats import FORMATS
from generator.build.jobs import Job, JobResult, run_job
from generator.editions.session import load_session

Progress = Callable[[Job], None]


class Workers:
    """A process pool that outlives one build (``watch`` keeps one), so its workers stay warm.

    Workers are forked after the parent has imported the renderers, registered
    the fonts and compiled the templates; each keeps its own caches, which
    notice changed files by their modification times.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def map(self, pending: list[Job]) -> Iterator[JobResult]:
        """Return the results of ``pending`` in order, rendered in the workers."""
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            warm(pending)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"))
        return self._pool.map(run_job, pending)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def run_all(pending: list[Job], jobs: int, progress: Progress | None = None,
            workers: Workers | None = None) -> dict[tuple[str, str], JobResult]:
    """Render every pending job, in a process pool when there are several and ``jobs`` > 1.

    Returns the results by (pack folder, job key).
    """
    from generator.render.hints import HINTS

    results: dict[tuple[str, str], JobResult] = {}
    if (workers or jobs > 1) and len(pending) > 1:
        pool = workers or Workers(jobs)
        try:
            for job, result in zip(pending, pool.map(pending), strict=True):
                results[(str(job.folder), job.key)] = result
                HINTS.update(result.hints)  # workers forked later start from these
                if progress:
                    progress(job)
        finally:
            if workers is None:
                pool.close()
    else:
        for job in pending:
            results[(str(job.folder), job.key)] = run_job(job)
            if progress:
                progress(job)
    return results


def warm(pending: list[Job]) -> None:
    """Import the renderers, register fonts and compile templates here, before forking workers.

    In ``watch`` the parent lives on, so later rebuilds fork workers that find
    everything ready; templates whose files changed are recompiled by jinja.
    """
    from generator.compose.environment import warm_templates

    for job in pending:
        session = load_session(job.folder, job.templates, job.theme_name)
        fmt = FORMATS[job.format]
        fmt.warm(session.theme)
        edition = session.edition(job.variant)
        warm_templates(job.templates, edition.pack.meta.language, fmt.template(edition))
