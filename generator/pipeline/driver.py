"""Build packs: lock the output folder, plan each pack, render stale jobs together, write, record.

Every job is rendered in memory first (in parallel with ``jobs`` > 1); files
are written only when all of a pack's jobs succeeded, each atomically, under a
lock on the output folder, so a failed build changes nothing.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from generator.errors import BriefpackError, BuildError, display_path
from generator.pipeline.jobs import JobResult
from generator.pipeline.manifest import Manifest, tree_hashes
from generator.pipeline.plan import Plan, Shard, build_options, keep_shard, plan_pack, up_to_date
from generator.pipeline.pool import Progress, Workers, run_all
from generator.pipeline.results import PackBuild, failure_lines
from generator.pipeline.write import unchanged_pack, write_pack
from generator.templates import Templates

LOCK_NAME = ".briefpack.lock"


def build_packs(folders: list[Path], templates: Templates, out: Path, theme_name: str | None = None, *,
                force: bool = False, jobs: int = 1, progress: Progress | None = None,
                workers: Workers | None = None, shard: Shard | None = None) -> list[PackBuild]:
    """Build every stale output of the packs in ``folders`` into ``out/<pack id>/``.

    Stale jobs of all the packs share one process pool (``workers``, or one
    made for this build when ``jobs`` > 1). With ``shard``, only that share
    of the jobs is built (``plan.keep_shard``), for a build spread over machines.
    """
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{display_path(out)}: cannot write the output folder ({exc.strerror or exc})") from None
    lock = FileLock(str(out / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BuildError(f"{display_path(out)}: another briefpack build is writing here; try again when it "
                         f"has finished (lock: {display_path(out / LOCK_NAME)})") from None
    try:
        builds = _build_locked(folders, templates, out, theme_name, force, jobs, progress, workers, shard)
    finally:
        lock.release()
    if len(builds) == 1:  # one pack: its time is the whole build's, planning and writing included
        builds[0] = replace(builds[0], seconds=time.perf_counter() - started)
    return builds


def build_pack(folder: Path, templates: Templates, out: Path, theme_name: str | None = None, *,
               force: bool = False, jobs: int = 1) -> PackBuild:
    """Build one pack (see ``build_packs``)."""
    return build_packs([folder], templates, out, theme_name, force=force, jobs=jobs)[0]


def _build_locked(folders: list[Path], templates: Templates, out: Path, theme_name: str | None, force: bool,
                  jobs: int, progress: Progress | None, workers: Workers | None,
                  shard: Shard | None = None) -> list[PackBuild]:
    """Plan every pack, render what is stale (in a pool when there are several jobs), write, record."""
    manifest = Manifest.load(out)
    options = build_options(theme_name)
    plans, failed = _plan_packs(folders, templates, out, theme_name, force, manifest, options)
    if shard is not None:
        keep_shard([plan for index, plan in enumerate(plans) if index not in failed], shard)
    pending = [job for index, plan in enumerate(plans) if index not in failed and not plan.skip for job in plan.stale]
    # The pool is made after planning: its workers are forked from a process that has loaded every pack
    # and warmed the renderers, so no worker loads a pack or a font again (see pool.Workers).
    own_pool = workers is None and jobs > 1 and len(pending) > 1
    if own_pool:
        workers = Workers(jobs)
    try:
        results = run_all(pending, progress, workers)
    finally:
        if own_pool and workers is not None:
            workers.close()
    builds = [_outcome(index, plan, failed, results, out, manifest, options) for index, plan in enumerate(plans)]
    manifest.save(out)
    return builds


def _plan_packs(folders: list[Path], templates: Templates, out: Path, theme_name: str | None, force: bool,
                manifest: Manifest, options: dict[str, object]) -> tuple[list[Plan], dict[int, tuple[str, ...]]]:
    """Return a plan for each pack (loading those that need work) and the error lines of those that failed."""
    template_hashes = tree_hashes(*templates.folders)
    plans: list[Plan] = []
    failed: dict[int, tuple[str, ...]] = {}
    for index, folder in enumerate(folders):
        inputs = {**tree_hashes(folder), **template_hashes}
        entry = manifest.packs.get(str(folder.resolve()))
        if entry and not force and up_to_date(entry, inputs, options, out):
            plans.append(Plan(folder, entry.pack_id, inputs, old=entry, skip=True))
            continue
        settings_changed = entry is not None and entry.options != options
        try:
            plan = plan_pack(folder, templates, out, theme_name, inputs, entry, force or settings_changed)
        except BriefpackError as exc:  # this pack is reported and skipped; the others build
            failed[index] = failure_lines(exc)
            plans.append(Plan(folder, entry.pack_id if entry else "", inputs, old=entry))
            continue
        if settings_changed and not force:
            plan.reasons = {key: ["settings changed: theme option or briefpack/library versions"]
                            for key in plan.reasons}
        plans.append(plan)
    return plans, failed


def _outcome(index: int, plan: Plan, failed: dict[int, tuple[str, ...]], results: dict[tuple[str, str], JobResult],
             out: Path, manifest: Manifest, options: dict[str, object]) -> PackBuild:
    """Return what building one planned pack came to: failed, unchanged, or its files written."""
    if index in failed:
        return PackBuild(plan.pack_id or plan.folder.name, (), (), 0.0, failed[index])
    if plan.skip and plan.old:
        return unchanged_pack(plan.old, out)
    job_failures = [line for job in plan.stale for line in results[(str(plan.folder), job.key)].failure]
    if job_failures:  # nothing of this pack is written: its previous outputs stand
        return PackBuild(plan.pack_id, (), (), 0.0, tuple(dict.fromkeys(job_failures)))
    return write_pack(plan, results, out, manifest, options)
