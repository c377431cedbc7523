"""What a build reports: each output file, and each pack's files and problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem


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

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the problems that did not stop the build."""
        return tuple(p for p in self.problems if p.severity == "warning")
