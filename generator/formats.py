"""The output formats a build produces: one registry line per format.

Each format composes the document it needs, lays it out and renders it. The
renderers (and so reportlab and python-pptx) are imported only when a format
actually runs, which keeps ``check`` fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.compose.compose import compose_deck, compose_handout
from generator.document import Deck, Handout
from generator.errors import display_path
from generator.theme import Theme
from generator.variants import Edition


@dataclass(frozen=True)
class Artifact:
    """One output file's name (without the pack prefix), bytes and size in pages or slides."""

    name: str
    data: bytes
    count: int
    unit: str


@dataclass(frozen=True)
class FormatResult:
    artifacts: tuple[Artifact, ...]
    warnings: tuple[str, ...]


def handout(edition: Edition, templates: Path, theme: Theme) -> FormatResult:
    """Return the handout PDF on every paper size the theme asks for."""
    from generator.render.pdf_handout import render_handout_pdf

    composed = compose_handout(edition.pack, templates, edition.handout_template, edition.logo)
    assert isinstance(composed.document, Handout)
    artifacts = []
    for paper in theme.papers:
        data, pages = render_handout_pdf(composed.document, theme, paper)
        artifacts.append(Artifact(f"handout-{paper}.pdf", data, pages, "pages"))
    return FormatResult(tuple(artifacts), composed.warnings)


def summary(edition: Edition, templates: Path, theme: Theme) -> FormatResult:
    """Return the one-page summary PDF on every paper size; a longer one is reported as a warning."""
    from generator.render.pdf_handout import render_handout_pdf

    composed = compose_handout(edition.pack, templates, edition.summary_template, edition.logo)
    assert isinstance(composed.document, Handout)
    artifacts = []
    warnings = []
    for paper in theme.papers:
        data, pages = render_handout_pdf(composed.document, theme, paper, contents=False)
        if pages != 1:
            warnings.append(f"{display_path(templates / edition.summary_template)}: the summary runs to {pages} pages on "
                            f"{paper} paper; shorten the template or the featured content to fit one")
        artifacts.append(Artifact(f"summary-{paper}.pdf", data, pages, "pages"))
    return FormatResult(tuple(artifacts), tuple(warnings))


def deck(edition: Edition, templates: Path, theme: Theme) -> FormatResult:
    """Return the slide deck as PPTX, the same slides as PDF, and the speaker handout.

    The slides are measured and laid out once; every renderer draws that layout.
    """
    from generator.layout.slides import layout_deck
    from generator.render.pdf_slides import render_slides_pdf
    from generator.render.pdf_speaker import render_speaker_pdf
    from generator.render.pptx_deck import render_deck_pptx

    composed = compose_deck(edition.pack, templates, edition.deck_template, edition.logo)
    document = composed.document
    assert isinstance(document, Deck)
    slides = layout_deck(document, theme)
    count = len(slides)
    artifacts = (
        Artifact("deck.pptx", render_deck_pptx(slides, theme, document.meta), count, "slides"),
        Artifact("slides.pdf", render_slides_pdf(slides, theme, document.meta), count, "pages"),
        Artifact("speaker-notes.pdf", *render_speaker_pdf(slides, theme, document.meta, document.labels), "pages"),
    )
    return FormatResult(artifacts, composed.warnings)


FORMATS: dict[str, Callable[[Edition, Path, Theme], FormatResult]] = {
    "handout": handout,
    "summary": summary,
    "deck": deck,
}
