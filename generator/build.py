"""Build packs incrementally: plan what is stale, render it, write it safely, report.

Each (edition, format) of a pack is a job. A job is rebuilt when a file it is
made from changed (pack content, its templates, messages, theme), when briefpack
or its font and render libraries changed, or on ``force``; the manifest says why.
Every job is rendered in memory first (in parallel with ``jobs`` > 1); files
are written only when all succeeded, each atomically, under a lock on the
output folder, so a failed build changes nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.errors import BuildError, display_path
from generator.manifest import Manifest, environment, file_hash, tree_hashes
from generator.outputs import write_all

LOCK_NAME = ".briefpack.lock"


@dataclass(frozen=True)
class OutputRecord:
    """One output file after a build: where, how big, whether and why it was rebuilt."""

    path: Path
    count: int
    unit: str
    seconds: float
    rebuilt: bool
    reasons: tuple[str, ...] = ()
    changed: bool = False
    slides_changed: tuple[int, ...] = ()

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class PackBuild:
    """What building one pack produced."""

    pack_id: str
    files: tuple[OutputRecord, ...]
    warnings: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class Job:
    """One format of one edition of one pack."""

    folder: Path
    templates: Path
    theme_name: str | None
    variant: str | None
    format: str
    part: str | None = None  # the paper size, for formats rendered once per paper
    last_document: str | None = None  # digest of the document last rendered, if its outputs are intact

    @property
    def key(self) -> str:
        return f"{self.variant or '-'}:{self.format}" + (f":{self.part}" if self.part else "")


@dataclass(frozen=True)
class JobResult:
    key: str
    artifacts: tuple[Any, ...]
    warnings: tuple[str, ...]
    seconds: float
    document: str = ""
    same_document: bool = False
    hints: dict[Any, Any] = field(default_factory=dict)


def run_job(job: Job) -> JobResult:
    """Render one job in memory (in this process or a worker)."""
    from generator.errors import BriefpackError, ContentError
    from generator.formats import FORMATS

    from generator.render.hints import HINTS, changed_since

    started = time.perf_counter()
    hints_before = dict(HINTS)
    context = _context(job.folder, job.templates, job.theme_name)
    edition = next(e for e in context.editions if e.variant == job.variant)
    where = f"{display_path(job.folder)}: {job.variant + ': ' if job.variant else ''}{job.format}"
    fmt = FORMATS[job.format]
    try:
        composed = fmt.compose(edition, job.templates)
        digest = _sha(repr((composed.document, context.theme)).encode("utf-8"))
        if digest == job.last_document:  # the edit did not reach this document: its files stand
            return JobResult(job.key, (), composed.warnings, time.perf_counter() - started, digest, True)
        result = fmt.render(composed, context.theme, display_path(job.templates / getattr(edition, fmt.template)),
                            job.part)
    except ContentError:
        raise
    except BriefpackError as exc:
        raise type(exc)(f"{where}: {exc}") from None
    return JobResult(job.key, result.artifacts, result.warnings, time.perf_counter() - started, digest,
                     hints=changed_since(hints_before))


@dataclass
class _Context:
    loaded: Any
    theme_name: str
    theme: Any
    editions: list[Any]
    stamp: tuple[str, ...] = field(default_factory=tuple)


_CONTEXTS: dict[tuple[str, str, str | None], _Context] = {}


def _context(folder: Path, templates: Path, theme_name: str | None) -> _Context:
    """Return the loaded pack, theme and editions, reusing them while the pack's files are unchanged."""
    from generator.content.loader import load_pack
    from generator.theme import load_theme
    from generator.variants import editions

    key = (str(folder), str(templates), theme_name)
    stamp = tuple(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in sorted(folder.iterdir()) if p.is_file())
    cached = _CONTEXTS.get(key)
    if cached and cached.stamp == stamp:
        return cached
    loaded = load_pack(folder)
    name = theme_name or loaded.pack.pack.theme
    theme = load_theme(templates, name)
    context = _Context(loaded, name, theme, editions(loaded.pack, _logo(loaded, templates, theme, name)), stamp)
    _CONTEXTS[key] = context
    return context


def _logo(loaded: Any, templates: Path, theme: Any, theme_name: str) -> Any:
    """Return the pack's logo, else the theme's, read safely from inside its own folder."""
    from generator.images import read_logo

    if loaded.pack.pack.logo:
        where = display_path(loaded.section_files["pack"])
        logo = read_logo(loaded.folder, loaded.pack.pack.logo, where, "pack.logo")
        return replace(logo, alt=loaded.pack.pack.logo_alt or "")
    if theme.logo:
        folder = templates / "themes" / theme_name
        return read_logo(folder, theme.logo, display_path(folder / "theme.yaml"), "logo")
    return None


def _options(theme_name: str | None) -> dict[str, Any]:
    return {"theme": theme_name, "environment": environment()}


def _up_to_date(entry: dict[str, Any] | None, inputs: dict[str, str], options: dict[str, Any], out: Path) -> bool:
    """Return whether a pack needs nothing at all: same inputs, options and intact outputs."""
    if not entry or entry.get("inputs") != inputs or entry.get("options") != options:
        return False
    for record in entry.get("jobs", {}).values():
        for name, info in record.get("files", {}).items():
            path = out / entry["pack_id"] / name
            if not path.is_file() or file_hash(path) != info.get("sha256"):
                return False
    return bool(entry.get("jobs"))


def _reasons(record: dict[str, Any] | None, inputs: dict[str, str], out_dir: Path, force: bool) -> list[str]:
    """Return why a job must be rebuilt (empty: it is up to date)."""
    if force:
        return ["forced"]
    if not record:
        return ["not built before"]
    old = record.get("inputs", {})
    reasons = [f"changed: {display_path(Path(p))}" for p in sorted(inputs) if old.get(p) != inputs[p]]
    reasons += [f"removed: {display_path(Path(p))}" for p in sorted(old) if p not in inputs]
    for name, info in record.get("files", {}).items():
        path = out_dir / name
        if not path.is_file():
            reasons.append(f"missing output: {name}")
        elif file_hash(path) != info.get("sha256"):
            reasons.append(f"output edited since: {name}")
    return reasons


def build_pack(folder: Path, templates: Path, out: Path, theme_name: str | None = None, *,
               force: bool = False, jobs: int = 1) -> PackBuild:
    """Build every stale format of every edition of the pack in ``folder`` into ``out/<pack id>/``."""
    return build_packs([folder], templates, out, theme_name, force=force, jobs=jobs)[0]


def build_packs(folders: list[Path], templates: Path, out: Path, theme_name: str | None = None, *,
                force: bool = False, jobs: int = 1, progress: Any = None,
                workers: Workers | None = None) -> list[PackBuild]:
    """Build several packs; stale jobs of all of them share one process pool."""
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
        return _build_locked(folders, templates, out, theme_name, force, jobs, progress, started, workers)
    finally:
        lock.release()


def _build_locked(folders: list[Path], templates: Path, out: Path, theme_name: str | None, force: bool,
                  jobs: int, progress: Any, started: float, workers: Workers | None = None) -> list[PackBuild]:
    manifest = Manifest.load(out)
    options = _options(theme_name)
    template_hashes = tree_hashes(templates)
    plans: list[dict[str, Any]] = []
    pending: list[Job] = []
    for folder in folders:
        inputs = {**tree_hashes(folder), **template_hashes}
        entry = manifest.packs.get(str(folder.resolve()))
        if not force and _up_to_date(entry, inputs, options, out):
            plans.append({"folder": folder, "entry": entry, "skip": True})
            continue
        settings_changed = bool(entry) and entry.get("options") != options
        plan = _plan(folder, templates, out, theme_name, inputs, entry, force or settings_changed)
        if settings_changed and not force:
            plan["reasons"] = {key: ["settings changed: theme option or briefpack/library versions"]
                               for key in plan["reasons"]}
        plans.append(plan)
        pending.extend(plan["stale"])
    results = _run(pending, jobs, progress, workers)
    builds = []
    for plan in plans:
        if plan.get("skip"):
            builds.append(_unchanged(plan["entry"], out))
        else:
            builds.append(_write(plan, results, out, manifest, options))
    manifest.save(out)
    elapsed = time.perf_counter() - started
    return [PackBuild(b.pack_id, b.files, b.warnings, elapsed if len(builds) == 1 else b.seconds) for b in builds]


def _plan(folder: Path, templates: Path, out: Path, theme_name: str | None, inputs: dict[str, str],
          entry: dict[str, Any] | None, force: bool) -> dict[str, Any]:
    """Load the pack and decide which jobs are stale, and why."""
    from generator.content.lint import lint_pack
    from generator.dependencies import job_inputs
    from generator.formats import FORMATS

    context = _context(folder, templates, theme_name)
    pack_id = context.loaded.pack.pack.id
    pack_files = sorted(p.resolve() for p in folder.rglob("*") if p.is_file())
    theme_folder = (templates / "themes" / context.theme_name).resolve()
    old_jobs = (entry or {}).get("jobs", {}) if (entry or {}).get("pack_id") == pack_id else {}
    stale, fresh, job_deps = [], [], {}
    reasons: dict[str, list[str]] = {}
    units = [(edition, name, fmt, part) for edition in context.editions for name, fmt in FORMATS.items()
             for part in fmt.parts(context.theme)]
    for edition, name, fmt, part in units:
        key = Job(folder, templates, theme_name, edition.variant, name, part).key
        deps = job_inputs(pack_files, templates.resolve(), getattr(edition, fmt.template), theme_folder)
        hashes = {str(p): inputs.get(str(p)) or file_hash(p) for p in deps}
        job_deps[key] = hashes
        why = _reasons(old_jobs.get(key), hashes, out / pack_id, force)
        intact = why and all(w.startswith(("changed:", "removed:")) for w in why)
        last = old_jobs.get(key, {}).get("document") if intact else None
        job = Job(folder, templates, theme_name, edition.variant, name, part, last)
        (stale if why else fresh).append(job)
        reasons[job.key] = why
    warnings = [str(problem) for problem in lint_pack(context.loaded)]
    return {"folder": folder, "pack_id": pack_id, "inputs": inputs, "stale": stale, "fresh": fresh,
            "deps": job_deps, "reasons": reasons, "old_jobs": old_jobs, "warnings": warnings,
            "editions": {e.variant: e for e in context.editions}}


class Workers:
    """A process pool that outlives one build (``watch`` keeps one), so its workers stay warm.

    Workers are forked after the parent has imported the renderers, registered
    the fonts and compiled the templates; each keeps its own caches, which
    notice changed files by their modification times.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def map(self, pending: list[Job]) -> Any:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            _warm(pending)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"))
        return self._pool.map(run_job, pending)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _run(pending: list[Job], jobs: int, progress: Any, workers: Workers | None = None) -> dict[tuple[str, str], JobResult]:
    """Render every pending job, in a process pool when there are several and jobs > 1."""
    results: dict[tuple[str, str], JobResult] = {}
    if (workers or jobs > 1) and len(pending) > 1:
        from generator.render.hints import HINTS

        pool = workers or Workers(jobs)
        try:
            for job, result in zip(pending, pool.map(pending)):
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


def _warm(pending: list[Job]) -> None:
    """Import the renderers and compile the jobs' templates in this process, before forking workers.

    In ``watch`` the parent lives on, so later rebuilds fork workers that find
    everything ready; templates whose files changed are recompiled by jinja.
    """
    from generator.compose.compose import warm_templates
    from generator.formats import FORMATS
    from generator.layout.metrics import face
    from generator.render import pdf_handout, pptx_deck  # noqa: F401
    from generator.render.fonts import register_fallback_font, register_handout_font
    from generator.render.slide_fonts import register_slide_fonts

    for job in pending:
        context = _context(job.folder, job.templates, job.theme_name)
        register_handout_font(context.theme.fonts.handout)
        register_fallback_font(context.theme.fonts.fallback)
    register_slide_fonts()
    for bold in (False, True):
        for italic in (False, True):
            face(bold, italic)
    for job in pending:
        context = _context(job.folder, job.templates, job.theme_name)
        edition = next(e for e in context.editions if e.variant == job.variant)
        warm_templates(job.templates, edition.pack.pack.language, getattr(edition, FORMATS[job.format].template))


def _write(plan: dict[str, Any], results: dict[tuple[str, str], JobResult], out: Path, manifest: Manifest,
           options: dict[str, Any]) -> PackBuild:
    """Write the rebuilt files, report changes, and record the pack in the manifest."""
    folder, pack_id = plan["folder"], plan["pack_id"]
    target = out / pack_id
    records: list[OutputRecord] = []
    jobs_record: dict[str, Any] = {}
    warnings = list(plan["warnings"])
    staged: list[tuple[Path, bytes]] = []
    for job in plan["stale"]:
        result = results[(str(folder), job.key)]
        edition = plan["editions"][job.variant]
        if result.same_document:
            record = plan["old_jobs"][job.key]
            jobs_record[job.key] = {**record, "inputs": plan["deps"][job.key]}
            for name, info in record["files"].items():
                records.append(OutputRecord(target / name, info["count"], info["unit"], result.seconds, False,
                                            ("same document",)))
            continue
        old_files = plan["old_jobs"].get(job.key, {}).get("files", {})
        files = {}
        for artifact in result.artifacts:
            name = edition.filename(pack_id, artifact.name)
            path = target / name
            digest = _sha(artifact.data)
            old = old_files.get(name, {})
            staged.append((path, artifact.data))
            changed = bool(old) and old.get("sha256") != digest  # a first build changes nothing to reprint
            slides = _slides_changed(old.get("parts", []), list(artifact.parts)) if changed and artifact.parts else ()
            records.append(OutputRecord(path, artifact.count, artifact.unit, result.seconds, True,
                                        tuple(plan["reasons"][job.key]), changed, slides))
            files[name] = {"sha256": digest, "count": artifact.count, "unit": artifact.unit,
                           "parts": list(artifact.parts)}
        jobs_record[job.key] = {"inputs": plan["deps"][job.key], "files": files, "document": result.document}
        warnings.extend(w for w in result.warnings if w not in warnings)
    for job in plan["fresh"]:
        record = plan["old_jobs"][job.key]
        jobs_record[job.key] = {**record, "inputs": plan["deps"][job.key]}
        for name, info in record["files"].items():
            records.append(OutputRecord(target / name, info["count"], info["unit"], 0.0, False))
    write_all(staged)
    _remove_retired(plan["old_jobs"], jobs_record, target)
    manifest.packs[str(folder.resolve())] = {"pack_id": pack_id, "inputs": plan["inputs"], "options": options,
                                   "jobs": jobs_record, "warnings": warnings}
    return PackBuild(pack_id, tuple(records), tuple(warnings), sum(r.seconds for r in records))


def _remove_retired(old_jobs: dict[str, Any], new_jobs: dict[str, Any], target: Path) -> None:
    """Delete files an earlier build made that this build no longer makes (a variant or paper removed).

    Only files the manifest says briefpack wrote are touched, and only when unchanged since.
    """
    current = {name for job in new_jobs.values() for name in job["files"]}
    for job in old_jobs.values():
        for name, info in job.get("files", {}).items():
            path = target / name
            if name not in current and path.is_file() and file_hash(path) == info.get("sha256"):
                path.unlink()


def _unchanged(entry: dict[str, Any], out: Path) -> PackBuild:
    records = [OutputRecord(out / entry["pack_id"] / name, info["count"], info["unit"], 0.0, False)
               for job in entry["jobs"].values() for name, info in job["files"].items()]
    return PackBuild(entry["pack_id"], tuple(records), tuple(entry.get("warnings", [])), 0.0)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _slides_changed(old: list[str], new: list[str]) -> tuple[int, ...]:
    """Return the 1-based numbers of slides whose text differs from the last build."""
    return tuple(i + 1 for i in range(max(len(old), len(new)))
                 if i >= len(old) or i >= len(new) or old[i] != new[i])
