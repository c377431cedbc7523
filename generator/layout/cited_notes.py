"""Citation numbers moved from the slides to the speaker notes, when the theme asks (``deck.citations: notes``).

A slide with "[1, 9, 10, 11*, 12*, 13, 14]" after a point reads as a list of
numbers to an audience; the presenter needs them when asked "where is that
from?". With the switch on, each slide's markers leave its text and its notes
gain one line naming them, in order of first citation, the unchecked still
starred. The Sources slide and the handout keep their numbers; nothing is lost.
"""

from __future__ import annotations

from dataclasses import replace

from generator.document import Citation, Deck, Run, Slide, map_runs, marker_text


def citations_in_notes(deck: Deck) -> Deck:
    """Return ``deck`` with each slide's citation markers moved into its notes."""
    label = deck.labels.get("slide_sources", "Sources of this slide:")
    return replace(deck, slides=tuple(_moved(slide, label) for slide in deck.slides))


def _moved(slide: Slide, label: str) -> Slide:
    """Return ``slide`` with the markers of its title and text gone and one notes line naming their sources."""
    cited: dict[int, Citation] = {}

    def strip(run: Run) -> Run:
        for citation in run.cite:
            cited.setdefault(citation.number, citation)
        return replace(run, text="", cite=()) if run.cite else run

    stripped = replace(slide, title=map_runs(slide.title, strip), blocks=map_runs(slide.blocks, strip))
    if not cited:
        return slide
    ordered = tuple(cited.values())
    return replace(stripped, notes=(*slide.notes, (Run(label + " "), Run(marker_text(ordered), cite=ordered))))
