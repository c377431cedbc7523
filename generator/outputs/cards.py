"""Pocket cards (``render.pdf.cards``): the pack's ``cards``, 85 × 55 mm, front and back.

Made only for a pack that has cards, and not in large print (a card cannot
hold 16 pt type). Three parts, one job each: the print shop's ``cards.pdf``
(any paper's) and the office printer's sheets for each of the theme's
papers, named print-only. A side whose text does not fit is an error at the
content line, found by ``check`` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.errors import BriefpackError, Problem
from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where, not_large_print
from generator.outputs.handout import PDF_LIBRARIES, numbering
from generator.outputs.handout import warm as warm_handout
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.editions.session import Session
    from generator.editions.variants import Edition

PRINT_SHOP = "print-shop"  # the part that makes the single cards; the others are papers


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the cards' document, citations numbered as the edition's handout numbers them."""
    from generator.compose.compose import compose_handout

    return compose_handout(edition.pack, templates, name, edition.logo, numbering(edition, templates),
                           edition.translation)


def render(composed: Composed, theme: Theme, where: Where, part: str | None) -> OutputResult:
    """Return the print shop's cards, or one paper's sheets of them."""
    from generator.document import Handout
    from generator.render.pdf.cards import card_sheets, render_cards

    assert isinstance(composed.document, Handout) and part
    ready, count = render_cards(composed.document, theme)
    data = ready if part == PRINT_SHOP else card_sheets(ready, part)
    artifact = Artifact(files(part)[0], data, 2 * count, "pages")  # a card's two sides; a sheet pair per card
    return OutputResult((artifact,), composed.problems)


def predict(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return the card sides that will not fit, as errors at the text to shorten."""
    from generator.document import Handout
    from generator.render.pdf.cards import render_cards

    if not applies(session.theme, edition):
        return []
    composed = compose(edition, templates, CARDS.template(edition))
    assert isinstance(composed.document, Handout)
    try:
        render_cards(composed.document, session.theme)
    except BriefpackError as exc:
        return [where.error(exc)]
    return []


def applies(theme: Theme, edition: Edition) -> bool:
    """Return whether ``edition`` has cards in ``theme``: the pack gives some, and the type is not large print."""
    return bool(edition.pack.cards) and not_large_print(theme, edition)


def files(part: str | None) -> tuple[str, ...]:
    if part == PRINT_SHOP:
        return ("cards.pdf",)
    return (f"cards-{part}-sheets-print-only.pdf",)


CARDS = Output("cards", compose, render, "cards.md.j2", warm_handout, files, predict, cost=0.3, per_paper=True,
               preview=Preview("cards"), libraries=PDF_LIBRARIES, applies=applies, papers_and=(PRINT_SHOP,))
