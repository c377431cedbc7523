"""What a build reports: each output file, and each pack's files and problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefpackError, ContentError, Problem


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


@dataclass(frozen=True)
class PackBuild:
    """What building one pack produced, and the warnings about it."""

    pack_id: str
    files: tuple[OutputRecord, ...]
    problems: tuple[Problem, ...]
    seconds: float
    failure: tuple[str, ...] = ()  # the error lines of a pack that could not be built; its old files stand

    @property
    def failed(self) -> bool:
        return bool(self.failure)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the problems that did not stop the build."""
        return tuple(p for p in self.problems if p.severity == "warning")


def failure_lines(exc: BriefpackError) -> tuple[str, ...]:
    """Return an error as the lines the CLI prints: one per problem of a content error, else one."""
    if isinstance(exc, ContentError):
        return tuple(str(problem) for problem in exc.problems)
    return (f"error: {exc}",)
