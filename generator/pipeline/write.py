"""Write a pack's outputs safely, retire old ones, and record what was written.

Files are all staged first: each is written to a temporary file in its own
folder, flushed and synced; only when every file of the build is staged are
they renamed over the old ones. A failure or Ctrl-C while staging removes the
temporary files and leaves every earlier output byte-identical.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from generator.errors import BuildError, Problem, display_path
from generator.pipeline.jobs import JobResult
from generator.pipeline.manifest import FileEntry, JobEntry, Manifest, PackEntry, data_hash, file_hash
from generator.pipeline.plan import Plan
from generator.pipeline.results import OutputRecord, PackBuild


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a synced temporary file beside ``path``; return its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        where = display_path(path.parent)
        raise BuildError(f"{where}: cannot write the output folder ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(0o644)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise BuildError(f"{display_path(path)}: cannot write ({exc.strerror or exc}); "
                             f"earlier outputs are unchanged") from None
        raise
    return temp


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        Path(temp).unlink()


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Replace every ``path`` with its ``data``, all or nothing as far as the file system allows."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data), path))
    except BaseException:
        for temp, _ in staged:
            _remove(temp)
        raise
    for temp, path in staged:
        Path(temp).replace(path)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace one file atomically."""
    write_all([(path, data)])


def write_pack(plan: Plan, results: dict[tuple[str, str], JobResult], out: Path, manifest: Manifest,
               options: dict[str, object]) -> PackBuild:
    """Write the rebuilt files of one planned pack, record them in ``manifest`` and report them."""
    assert plan.session is not None
    target = out / plan.pack_id
    records: list[OutputRecord] = []
    jobs: dict[str, JobEntry] = {}
    problems: list[Problem] = list(plan.problems)
    staged: list[tuple[Path, bytes]] = []
    for job in plan.stale:
        result = results[(str(plan.folder), job.key)]
        old = plan.old_job(job.key)
        if result.same_document and old:
            jobs[job.key] = JobEntry(plan.deps[job.key], old.files, old.document, list(result.problems))
            records.extend(OutputRecord(target / name, info.count, info.unit, result.seconds, False,
                                        ("same document",)) for name, info in old.files.items())
        else:
            edition = plan.session.edition(job.variant, job.language)
            files = {}
            for artifact in result.artifacts:
                name = edition.filename(plan.pack_id, artifact.name)
                digest = data_hash(artifact.data)
                before = old.files.get(name) if old else None
                staged.append((target / name, artifact.data))
                changed = before is not None and before.sha256 != digest  # a first build has nothing to reprint
                slides = _slides_changed(before.parts, list(artifact.parts)) if changed and before else ()
                records.append(OutputRecord(target / name, artifact.count, artifact.unit, result.seconds, True,
                                            tuple(plan.reasons[job.key]), changed, slides))
                files[name] = FileEntry(digest, artifact.count, artifact.unit, list(artifact.parts))
            jobs[job.key] = JobEntry(plan.deps[job.key], files, result.document, list(result.problems))
        problems.extend(p for p in result.problems if p not in problems)
    for job in plan.fresh:
        old = plan.old_job(job.key)
        assert old is not None
        jobs[job.key] = JobEntry(plan.deps[job.key], old.files, old.document, old.problems)
        problems.extend(p for p in old.problems if p not in problems)
        records.extend(OutputRecord(target / name, info.count, info.unit, 0.0, False)
                       for name, info in old.files.items())
    for key in plan.outside:  # another shard's: its record and files stay as they were, if there were any
        outside = plan.old_job(key)
        if outside is not None:
            jobs[key] = outside
    write_all(staged)
    if plan.old and plan.old.pack_id == plan.pack_id:
        _remove_retired(plan.old.jobs, jobs, target)
    complete = all(key in jobs for key in plan.outside)  # every other shard's job already here
    manifest.packs[str(plan.folder.resolve())] = PackEntry(plan.pack_id, plan.inputs, options, jobs,
                                                           list(plan.problems), complete)
    return PackBuild(plan.pack_id, tuple(records), tuple(problems), sum(r.seconds for r in records))


def unchanged_pack(entry: PackEntry, out: Path) -> PackBuild:
    """Report a pack that needed nothing: its files as the manifest records them."""
    records = [OutputRecord(out / entry.pack_id / name, info.count, info.unit, 0.0, False)
               for job in entry.jobs.values() for name, info in job.files.items()]
    problems = list(entry.problems)
    for job in entry.jobs.values():
        problems.extend(p for p in job.problems if p not in problems)
    return PackBuild(entry.pack_id, tuple(records), tuple(problems), 0.0)


def _remove_retired(old_jobs: dict[str, JobEntry], new_jobs: dict[str, JobEntry], target: Path) -> None:
    """Delete files an earlier build made that this build no longer makes (a variant or paper removed).

    Only files the manifest says briefpack wrote are touched, and only when unchanged since.
    """
    current = {name for job in new_jobs.values() for name in job.files}
    for job in old_jobs.values():
        for name, info in job.files.items():
            path = target / name
            if name not in current and path.is_file() and file_hash(path) == info.sha256:
                path.unlink()


def _slides_changed(old: list[str], new: list[str]) -> tuple[int, ...]:
    """Return the 1-based numbers of slides whose text differs from the last build."""
    return tuple(i + 1 for i in range(max(len(old), len(new)))
                 if i >= len(old) or i >= len(new) or old[i] != new[i])
