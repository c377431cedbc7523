"""Fit paragraphs into a box: the largest size that fits, shrinking step by step to a floor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.document import Inline
from generator.fonts.metrics import face
from generator.layout.boxes import BOLD_ROLES, LaidParagraph
from generator.layout.grid import BULLET_INDENT
from generator.layout.wrap import wrap

STEP = 2.0  # points between the sizes tried


@dataclass(frozen=True)
class Spec:
    """A paragraph waiting to be laid out; ``scale`` is relative to the body size."""

    runs: Inline
    role: str = "body"
    bullet: str | None = None
    scale: float = 1.0
    gap: float = 0.45  # space before, in ems
    lead: bool = False  # introduces what follows; repeated on a continuation slide


def line_height(size: float, spacing: float) -> float:
    """Return the advance of one line at ``size`` points and ``spacing`` (a multiple of single)."""
    return face().line_height(size) * spacing


def sizes(largest: float, smallest: float) -> Iterator[float]:
    """Yield the sizes to try, from ``largest`` down to ``smallest`` in steps."""
    size = largest
    while size > smallest:
        yield size
        size -= STEP
    yield smallest


def lay_paragraphs(specs: list[Spec], size: float, width: float, spacing: float,
                   floor: float) -> tuple[list[LaidParagraph], float]:
    """Return the paragraphs wrapped at ``size`` and their total height.

    A title or heading is measured in the bold it is drawn in (``BOLD_ROLES``):
    measured in the regular weight, a title that fitted on one line ran past
    the margin in the slides PDF and wrapped to two in Impress.
    """
    laid: list[LaidParagraph] = []
    total = 0.0
    for index, spec in enumerate(specs):
        s = max(floor, size * spec.scale)
        indent = BULLET_INDENT * s / 24 if spec.bullet else 0.0
        runs = tuple(replace(run, bold=True) for run in spec.runs) if spec.role in BOLD_ROLES else spec.runs
        lines = tuple(wrap(runs, s, width - indent))
        before = 0.0 if index == 0 else spec.gap * s
        total += before + len(lines) * line_height(s, spacing)
        laid.append(LaidParagraph(runs, lines, s, spec.role, spec.bullet, indent, before))
    return laid, total


def fit_text(specs: list[Spec], width: float, height: float, largest: float, floor: float,
             spacing: float) -> tuple[list[LaidParagraph], float] | None:
    """Return paragraphs at the largest size that fits ``height``, or None below the floor."""
    for size in sizes(largest, floor):
        laid, total = lay_paragraphs(specs, size, width, spacing, floor)
        if total <= height:
            return laid, size
    return None
