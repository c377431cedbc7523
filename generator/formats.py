"""The output formats a build produces: one registry line per format.

Each format composes the document it needs, lays it out and renders it. The
renderers (and so reportlab and python-pptx) are imported only when a format
actually runs, which keeps ``check`` fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.compose.compose import Composed, compose_deck, compose_handout
from generator.document import Deck, Handout
from generator.errors import display_path
from generator.theme import Theme
from generator.variants import Edition


@dataclass(frozen=True)
class Artifact:
    """One output file's name (without the pack prefix), bytes and size in pages or slides.

    ``parts`` holds a digest of each slide's text, so a change report can name
    the slides whose text changed.
    """

    name: str
    data: bytes
    count: int
    unit: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormatResult:
    artifacts: tuple[Artifact, ...]
    warnings: tuple[str, ...]


def compose_handout_for(edition: Edition, templates: Path) -> Composed:
    return compose_handout(edition.pack, templates, edition.handout_template, edition.logo)


def compose_summary_for(edition: Edition, templates: Path) -> Composed:
    return compose_handout(edition.pack, templates, edition.summary_template, edition.logo)


def compose_deck_for(edition: Edition, templates: Path) -> Composed:
    return compose_deck(edition.pack, templates, edition.deck_template, edition.logo)


def render_handout(composed: Composed, theme: Theme, where: str, paper: str | None) -> FormatResult:
    """Return the handout PDF on one paper size."""
    from generator.render.pdf_handout import render_handout_pdf

    assert isinstance(composed.document, Handout) and paper
    data, pages = render_handout_pdf(composed.document, theme, paper)
    return FormatResult((Artifact(f"handout-{paper}.pdf", data, pages, "pages"),), composed.warnings)


def render_summary(composed: Composed, theme: Theme, where: str, paper: str | None) -> FormatResult:
    """Return the one-page summary PDF on one paper size; a longer one is reported as a warning."""
    from generator.render.pdf_handout import render_handout_pdf

    assert isinstance(composed.document, Handout) and paper
    data, pages = render_handout_pdf(composed.document, theme, paper, contents=False)
    warnings = composed.warnings
    if pages != 1:
        warnings += (f"{where}: the summary runs to {pages} pages on {paper} paper; shorten the "
                     f"template or the featured content to fit one",)
    return FormatResult((Artifact(f"summary-{paper}.pdf", data, pages, "pages"),), warnings)


def render_deck(composed: Composed, theme: Theme, where: str, part: str | None = None) -> FormatResult:
    """Return the slide deck as PPTX, the same slides as PDF, and the speaker handout.

    The slides are measured and laid out once; every renderer draws that layout.
    """
    from generator.layout.slides import layout_deck
    from generator.render.pdf_slides import render_slides_pdf
    from generator.render.pdf_speaker import render_speaker_pdf
    from generator.render.pptx_deck import render_deck_pptx

    document = composed.document
    assert isinstance(document, Deck)
    slides = layout_deck(document, theme)
    count = len(slides)
    digests = tuple(slide_digest(slide) for slide in slides)
    artifacts = (
        Artifact("deck.pptx", render_deck_pptx(slides, theme, document.meta), count, "slides", digests),
        Artifact("slides.pdf", render_slides_pdf(slides, theme, document.meta), count, "pages"),
        Artifact("speaker-notes.pdf", *render_speaker_pdf(slides, theme, document.meta, document.labels), "pages"),
    )
    return FormatResult(artifacts, composed.warnings)


def slide_digest(slide: Any) -> str:
    """Return a digest of everything a slide says: title, text, table cells, links and notes."""
    import hashlib

    from generator.layout.boxes import PictureBox, TableBox, TextBox

    pieces = [slide.title]
    for element in slide.elements:
        if isinstance(element, TextBox) and element.role != "footer":
            pieces.extend(r.text for p in element.paragraphs for r in p.runs)
        elif isinstance(element, TableBox):
            pieces.extend(r.text for row in element.cells for cell in row for r in cell.runs)
        elif isinstance(element, PictureBox):
            pieces.append(element.url)
    pieces.extend(r.text for note in slide.notes for r in note)
    return hashlib.sha256("\x1f".join(pieces).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Format:
    """A registered output format: compose its document, render it, and the template that arranges it.

    Composing is cheap and pure; rendering is the expensive part, skipped when
    the composed document is the same as last time.
    """

    compose: Callable[[Edition, Path], Composed]
    render: Callable[[Composed, Theme, str, str | None], FormatResult]
    template: str  # the Edition attribute naming the template
    per_paper: bool = False  # one job per paper size, so they render in parallel

    def parts(self, theme: Theme) -> tuple[str | None, ...]:
        """Return the separately rendered parts: the theme's papers, or one part."""
        return tuple(theme.papers) if self.per_paper else (None,)

    def make(self, edition: Edition, templates: Path, theme: Theme) -> FormatResult:
        """Return every rendered file of ``edition``."""
        where = display_path(templates / getattr(edition, self.template))
        composed = self.compose(edition, templates)
        results = [self.render(composed, theme, where, part) for part in self.parts(theme)]
        return FormatResult(tuple(a for r in results for a in r.artifacts),
                            tuple(dict.fromkeys(w for r in results for w in r.warnings)))


FORMATS: dict[str, Format] = {
    "handout": Format(compose_handout_for, render_handout, "handout_template", per_paper=True),
    "summary": Format(compose_summary_for, render_summary, "summary_template", per_paper=True),
    "deck": Format(compose_deck_for, render_deck, "deck_template"),
}
