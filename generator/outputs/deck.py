"""The deck: the talk as an editable PPTX, the same slides as PDF, and the speaker notes as PDF.

The slides are measured and laid out once (``layout.slides``); every renderer
draws that layout, and ``check`` lays it out too, to predict the warnings the
build will print (slides continued, items moved to the notes, over budget).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from generator.content.fieldpath import dotted
from generator.document import text_of
from generator.errors import Problem
from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where
from generator.outputs.handout import numbering
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.editions.session import Session
    from generator.editions.variants import Edition
    from generator.layout.boxes import LaidSlide

LIBRARIES = ("python-pptx", "lxml", "reportlab", "rl_accel", "pikepdf", "fontpkg-arimo",
             "fontpkg-atkinson-hyperlegible", "fonttools", "segno", "pillow")


def deck_warnings(slides: Sequence[LaidSlide], where: Where, budget: int = 40) -> tuple[Problem, ...]:
    """Return warnings about a laid-out deck: slides continued, items moved to the notes, slides over budget."""
    from generator.layout.slides import longest_text, slide_words

    continued: dict[str, tuple[int, str]] = {}
    over: set[str] = set()
    problems = []
    for slide in slides:
        if slide.continued:
            extra, text = continued.get(slide.base_title, (0, longest_text(slide)))
            continued[slide.base_title] = (extra + 1, text)
        if slide.moved:
            first = text_of(slide.notes[-slide.moved])
            items = f"{slide.moved} item{'s' if slide.moved > 1 else ''}"
            problems.append(where.warning(
                f"slide '{slide.title}': {items} past the {budget}-word budget moved to the speaker notes, "
                f"from '{_start(first)}' on; {_shorter(where, first, True)} to keep "
                f"{'them' if slide.moved > 1 else 'it'} on screen", first))
        elif budget and slide_words(slide) > budget and slide.base_title not in over:
            over.add(slide.base_title)  # once per slide, not once per continuation
            longest = longest_text(slide)
            problems.append(where.warning(
                f"slide '{slide.title}' has {slide_words(slide)} words on screen (budget {budget}); "
                f"{_shorter(where, longest, False)}", longest))
    problems += [where.warning(f"slide '{title}' does not fit at the smallest size; it continues on {extra} more "
                               f"slide{'s' if extra > 1 else ''}", text) for title, (extra, text) in continued.items()]
    return tuple(problems)


def _start(text: str, words: int = 6) -> str:
    """Return the first few words of ``text``: enough for an editor to recognise the item."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _shorter(where: Where, text: str, moved: bool) -> str:
    """Return the advice for text over the budget: the field to shorten, and a `slide:` text only where one exists."""
    origin = where.origins.find(text) if where.origins else None
    above = " (or the items above it)" if moved else ""
    if origin is None or not origin.path:
        return f"shorten {'it' if moved else 'its longest text'}{above}"
    if origin.path[-1] == "slide":
        return f"shorten {origin.field}, the text the slide shows{above}"
    if origin.has_sibling("slide"):
        item = dotted(origin.path[:-1])
        quoted = origin.has_sibling("attribution") or origin.path[0] == "definitions"
        kind = "a `slide:` excerpt of its own words" if quoted else "a short `slide:` text"
        return f"give {item} {kind}, or shorten {origin.field}{above}"
    return f"shorten {origin.field}{above}"


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the deck's document, its citations numbered as the edition's handout numbers them."""
    from generator.compose.compose import compose_deck

    return compose_deck(edition.pack, templates, name, edition.logo, numbering(edition, templates), edition.translation)


def _laid(composed: Composed, theme: Theme) -> tuple[LaidSlide, ...]:
    from generator.document import Deck
    from generator.layout.slides import layout_deck

    assert isinstance(composed.document, Deck)
    return layout_deck(composed.document, theme)


def render(composed: Composed, theme: Theme, where: Where, part: str | None = None) -> OutputResult:
    """Return one part of the deck: the PPTX ("pptx"), or the same slides as PDF with the speaker notes ("pdf").

    Both parts draw the one measured layout; they render in parallel, so the
    deck no longer holds a worker alone while the others finish. The layout's
    warnings are reported with the PPTX, once.
    """
    from generator.document import Deck

    document = composed.document
    assert isinstance(document, Deck)
    slides = _laid(composed, theme)
    count = len(slides)
    if part == "pdf":
        from generator.render.pdf.slides import render_slides_pdf
        from generator.render.pdf.speaker import render_speaker_pdf

        notes, pages = render_speaker_pdf(slides, theme, document.meta, document.labels)
        return OutputResult((Artifact("slides.pdf", render_slides_pdf(slides, theme, document.meta), count, "pages"),
                             Artifact("speaker-notes.pdf", notes, pages, "pages")), composed.problems)
    from generator.render.pptx_deck import render_deck_pptx

    digests = tuple(slide.digest() for slide in slides)
    return OutputResult((Artifact("deck.pptx", render_deck_pptx(slides, theme, document.meta), count, "slides",
                                  digests),),
                        composed.problems + deck_warnings(slides, where, theme.deck.words))


def predict(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return the warnings ``build`` will print about the deck: it is laid out, not rendered."""
    composed = compose(edition, templates, DECK.template(edition))
    return list(deck_warnings(_laid(composed, session.theme), where, session.theme.deck.words))


def slides_page(session: Session, edition: Edition, templates: Templates) -> str:
    """Return the preview of the slides: each drawn as SVG from the very layout of the PPTX, with its notes."""
    from generator.render.svg import SvgPainter

    composed = compose(edition, templates, DECK.template(edition))
    painter = SvgPainter(session.theme)
    out = [f"<h1>{escape(composed.document.meta.title)}: slides</h1>"]
    for slide in _laid(composed, session.theme):
        notes = "".join(f"<p>{escape(text_of(note))}</p>" for note in slide.notes)
        out.append(f'<figure class="slide" id="slide-{slide.number}">{painter.slide(slide, slide.title)}'
                   f"<figcaption><strong>Slide {slide.number}: {escape(slide.title)}</strong>{notes}"
                   "</figcaption></figure>")
    return "".join(out)


def warm(theme: Theme) -> None:
    """Register the slide fonts and read their metrics (before worker processes fork)."""
    from generator.fonts.metrics import face
    from generator.fonts.reportlab import register_slide_fonts
    from generator.outputs.handout import warm as warm_handout
    from generator.render import pptx_deck

    warm_handout(theme)  # the speaker notes are set in the handout's font
    register_slide_fonts()
    pptx_deck.check()
    for bold in (False, True):
        for italic in (False, True):
            face(bold, italic)


def files(part: str | None) -> tuple[str, ...]:
    return ("slides.pdf", "speaker-notes.pdf") if part == "pdf" else ("deck.pptx",)


DECK = Output("deck", compose, render, "deck.md.j2", warm, files, predict, cost=1.6, split=("pptx", "pdf"),
              preview=Preview("slides with notes", "page", slides_page), libraries=LIBRARIES)
