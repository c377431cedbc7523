"""Rebuild on save: watch the briefs and templates, rebuild what changed, keep going on errors."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.editions.discover import find_packs
from generator.errors import BriefpackError
from generator.pipeline.driver import build_packs
from generator.pipeline.pool import Workers
from generator.pipeline.results import PackBuild
from generator.templates import Templates

DEBOUNCE_MS = 200


def rebuild_on_change(briefs: Path, templates: Templates, out: Path, packs: tuple[str, ...], theme: str | None,
                      built: Callable[[list[PackBuild], float], None], failed: Callable[[BriefpackError], None],
                      stop: Callable[[], bool] | None = None) -> None:
    """Build once, then after every batch of saved changes; pass each result to ``built``, each error to ``failed``.

    Runs in one process, so the libraries stay imported and a one-edit rebuild
    only renders the outputs that edit affects. Ctrl-C (and what the CLI treats
    like it: SIGTERM, SIGHUP) leaves through the ``finally``, which stops the workers.
    """
    import os

    from watchfiles import watch

    workers = Workers(os.cpu_count() or 1)

    def once() -> None:
        started = time.perf_counter()
        try:
            builds = build_packs(find_packs(briefs, packs), templates, out, theme, workers=workers)
        except BriefpackError as exc:  # keep the last good outputs and keep watching
            failed(exc)
            return
        built(builds, time.perf_counter() - started)

    try:
        once()
        for _changes in _batches(watch, briefs, templates, stop):
            once()
    finally:
        workers.close()


def _batches(watch: Callable[..., Iterator[set]], briefs: Path, templates: Templates,
             stop: Callable[[], bool] | None) -> Iterator[set]:
    import threading

    event = threading.Event()
    if stop is not None:
        def poll() -> None:
            while not event.is_set():
                if stop():
                    event.set()
                time.sleep(0.05)

        threading.Thread(target=poll, daemon=True).start()
    yield from watch(briefs, *templates.folders, debounce=DEBOUNCE_MS, step=50, stop_event=event,
                     watch_filter=lambda change, path: not Path(path).name.startswith("."))
