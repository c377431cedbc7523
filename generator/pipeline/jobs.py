"""One job: one output of one edition of one pack, rendered in memory (here or in a worker)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.origins import Origins
from generator.errors import BriefpackError, BuildError, ContentError, Problem, display_path
from generator.templates import Templates

if TYPE_CHECKING:  # outputs import the renderers' callers; a no-op build must not pay for them
    from generator.compose.compose import Composed
    from generator.outputs import Artifact, Where
    from generator.theme import Theme


@dataclass(frozen=True)
class Job:
    """What a worker needs to render one output of one edition; picklable, so it can cross to a worker."""

    folder: Path
    templates: Templates
    theme_name: str | None
    variant: str | None
    output: str
    part: str | None = None  # the paper size, for outputs rendered once per paper
    last_document: str | None = None  # digest of the document last rendered, if its outputs are intact
    language: str | None = None  # a translated edition's language

    @property
    def key(self) -> str:
        """Return the job's name in the manifest, e.g. 'public:handout:a4' or 'public@es:deck'."""
        edition = (self.variant or "-") + (f"@{self.language}" if self.language else "")
        return f"{edition}:{self.output}" + (f":{self.part}" if self.part else "")


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
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS, output_label

    started = time.perf_counter()
    session = load_session(job.folder, job.templates, job.theme_name)
    edition = session.edition(job.variant, job.language)
    output = OUTPUTS[job.output]
    where = output_where(job, session.origins_for(job.language))
    try:
        composed = output.compose(edition, job.templates, output.template(edition))
        digest = document_digest(composed, session.theme)
        if digest == job.last_document:  # the edit did not reach this document: its files stand
            return JobResult(job.key, (), composed.problems, time.perf_counter() - started, digest, True)
        result = output.render(composed, session.theme, where, job.part)
    except ContentError:
        raise
    except BriefpackError as exc:
        label = output_label(job.variant, job.output, job.language)
        place = f"{display_path(job.folder)}: {label.replace(' ', ': ', 1) if ' ' in label else label}"
        origin = where.origin_of(exc)
        if origin:  # the content the layout refused: name where to edit it first
            place = f"{origin}: {label}"
        raise BuildError(f"{place}: {exc}") from None
    return JobResult(job.key, result.artifacts, result.problems, time.perf_counter() - started, digest)


def document_digest(composed: Composed, theme: Theme) -> str:
    """Return a digest of a composed document and the theme it is drawn with.

    Every part of both is a frozen dataclass or pydantic model of plain values,
    so ``repr`` is a complete, stable description of what a renderer gets.
    """
    import hashlib

    return hashlib.sha256(repr((composed.document, composed.wrappers, theme)).encode("utf-8")).hexdigest()


def output_where(job: Job, origins: Origins | None = None) -> Where:
    """Return whose output a job's warnings are about: its pack folder and '<variant> <output>'."""
    from generator.outputs import Where, output_label

    return Where(display_path(job.folder), output_label(job.variant, job.output, job.language), origins)


def run_job_isolated(job: Job) -> JobResult:
    """Render one job; a failure is returned, not raised, so it stops only its own pack."""
    from generator.pipeline.results import failure_lines

    try:
        return run_job(job)
    except BriefpackError as exc:
        return JobResult(job.key, (), (), 0.0, failure=failure_lines(exc))
