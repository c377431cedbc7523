"""One job: one format of one edition of one pack, rendered in memory (here or in a worker)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.origins import Origins
from generator.errors import BriefpackError, ContentError, Problem, display_path
from generator.templates import Templates

if TYPE_CHECKING:  # formats import the renderers' callers; a no-op build must not pay for them
    from generator.build.formats import Artifact, Where


@dataclass(frozen=True)
class Job:
    """What a worker needs to render one output group; picklable, so it can cross to a worker."""

    folder: Path
    templates: Templates
    theme_name: str | None
    variant: str | None
    format: str
    part: str | None = None  # the paper size, for formats rendered once per paper
    last_document: str | None = None  # digest of the document last rendered, if its outputs are intact

    @property
    def key(self) -> str:
        """Return the job's name in the manifest, e.g. 'public:handout:a4'."""
        return f"{self.variant or '-'}:{self.format}" + (f":{self.part}" if self.part else "")


@dataclass(frozen=True)
class JobResult:
    """What rendering a job produced, or that its document was unchanged and its files stand."""

    key: str
    artifacts: tuple[Artifact, ...]
    problems: tuple[Problem, ...]
    seconds: float
    document: str = ""
    same_document: bool = False
    failure: tuple[str, ...] = ()  # the error lines when the job could not be rendered


def run_job(job: Job) -> JobResult:
    """Render one job in memory (in this process or a worker)."""
    from generator.build.formats import FORMATS, document_digest
    from generator.editions.session import load_session

    started = time.perf_counter()
    session = load_session(job.folder, job.templates, job.theme_name)
    edition = session.edition(job.variant)
    fmt = FORMATS[job.format]
    template = fmt.template(edition)
    output = output_where(job, session.origins)
    try:
        composed = fmt.compose(edition, job.templates, template)
        digest = document_digest(composed, session.theme)
        if digest == job.last_document:  # the edit did not reach this document: its files stand
            return JobResult(job.key, (), composed.problems, time.perf_counter() - started, digest, True)
        result = fmt.render(composed, session.theme, output, job.part)
    except ContentError:
        raise
    except BriefpackError as exc:
        where = f"{display_path(job.folder)}: {job.variant + ': ' if job.variant else ''}{job.format}"
        origin = output.origin_of(exc)
        if origin:  # the content the layout refused: name where to edit it first
            where = f"{origin}: {job.variant + ' ' if job.variant else ''}{job.format}"
        raise type(exc)(f"{where}: {exc}") from None
    return JobResult(job.key, result.artifacts, result.problems, time.perf_counter() - started, digest)


def output_where(job: Job, origins: Origins | None = None) -> Where:
    """Return whose output a job's warnings are about: its pack folder and '<variant> <format>'."""
    from generator.build.formats import Where, output_label

    return Where(display_path(job.folder), output_label(job.variant, job.format), origins)


def run_job_isolated(job: Job) -> JobResult:
    """Render one job; a failure is returned, not raised, so it stops only its own pack."""
    from generator.build.results import failure_lines

    try:
        return run_job(job)
    except BriefpackError as exc:
        return JobResult(job.key, (), (), 0.0, failure=failure_lines(exc))
