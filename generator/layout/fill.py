"""How much of a slide its content uses: the design measure for slides that fill the screen.

A 16:9 slide whose one short line sits under the title leaves two thirds of
the screen empty; a room at the back reads nothing. ``content_fill`` is the
share of the body area (below the title, above the footer) that a content
slide's text, tables, diagrams and pictures reach down to; ``tools/bench.py``
reports the median over a deck's content slides.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from generator.layout.boxes import DiagramBox, ImageBox, LaidSlide, RectBox, TableBox, TextBox
from generator.layout.fit import line_height
from generator.layout.grid import BODY_H, BODY_Y

NOT_CONTENT = frozenset({"title", "section", "closing"})  # slides designed as a cover or a divider


def content_fill(slide: LaidSlide) -> float:
    """Return the share (0 to 1) of the body area the slide's content reaches down to."""
    bottom = BODY_Y
    for element in slide.elements:
        if isinstance(element, TextBox) and element.role == "body":
            used = sum(p.space_before + len(p.lines) * line_height(p.size, element.line_spacing)
                       for p in element.paragraphs)
            bottom = max(bottom, element.y + used)
        elif isinstance(element, TableBox):
            bottom = max(bottom, element.y + sum(element.row_heights))
        elif isinstance(element, (DiagramBox, ImageBox)) or (isinstance(element, RectBox) and element.role != "accent"):
            bottom = max(bottom, element.y + element.h)
    return max(0.0, min(1.0, (bottom - BODY_Y) / BODY_H))


def median_fill(slides: Sequence[LaidSlide]) -> float:
    """Return the median fill of a deck's content slides (0 when it has none)."""
    shares = [content_fill(s) for s in slides if s.kind not in NOT_CONTENT]
    return statistics.median(shares) if shares else 0.0
