"""Citation numbers moved from the slides to the speaker notes, when the theme asks (``deck.citations: notes``).

A slide with "[1, 9, 10, 11*, 12*, 13, 14]" after a point reads as a list of
numbers to an audience; the presenter needs them when asked "where is that
from?". With the switch on, each slide's markers leave its text and its notes
gain one line naming them, in order of first citation, the unchecked still
starred. The Sources slide and the handout keep their numbers; nothing is lost.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.document import Citation, Deck, Run, Slide, marker_text


def citations_in_notes(deck: Deck) -> Deck:
    """Return ``deck`` with each slide's citation markers moved into its notes."""
    label = deck.labels.get("slide_sources", "Sources of this slide:")
    return dataclasses.replace(deck, slides=tuple(_moved(slide, label) for slide in deck.slides))


def _moved(slide: Slide, label: str) -> Slide:
    cited: dict[int, Citation] = {}
    stripped = dataclasses.replace(slide, title=_strip(slide.title, cited), blocks=_strip(slide.blocks, cited))
    if not cited:
        return slide
    ordered = tuple(cited.values())
    line = (Run(label + " "), Run(marker_text(ordered), cite=ordered))
    return dataclasses.replace(stripped, notes=(*slide.notes, line))


def _strip(node: Any, cited: dict[int, Citation]) -> Any:
    """Return ``node`` without its citation runs, noting each citation in ``cited`` (first citation first)."""
    if isinstance(node, Run):
        return node
    if isinstance(node, tuple) and node and all(isinstance(item, Run) for item in node):
        kept = []
        for run in node:
            if run.cite:
                for citation in run.cite:
                    cited.setdefault(citation.number, citation)
            else:
                kept.append(run)
        return tuple(kept)
    if isinstance(node, tuple):
        return tuple(_strip(item, cited) for item in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: _strip(getattr(node, f.name), cited) for f in dataclasses.fields(node)}
        return dataclasses.replace(node, **changes)
    return node
