"""The trifold leaflet: one A4 or Letter sheet, landscape, both sides, folded in three (``render.pdf.leaflet``).

One job per paper. Its file is the print shop's (3 mm bleed, TrimBox,
BleedBox, crop marks) and reads as the leaflet unfolds (tagged); an office
printer prints the same file on both sides, flipping on the short edge. A
panel whose content does not fit is an error, found by ``check`` too. Large
print cannot fit a panel a third of a page wide: themes with a smallest text
size of 14 pt or more make no leaflet (see ``base.not_large_print``).
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

def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the leaflet's document (its panels), citations numbered as the edition's handout numbers them."""
    from generator.compose.compose import compose_handout

    return compose_handout(edition.pack, templates, name, edition.logo, numbering(edition, templates),
                           edition.translation)


def _pdf(composed: Composed, theme: Theme, paper: str) -> bytes:
    from generator.document import Handout
    from generator.render.pdf.leaflet import render_leaflet

    assert isinstance(composed.document, Handout)
    return render_leaflet(composed.document, theme, paper)


def render(composed: Composed, theme: Theme, where: Where, paper: str | None) -> OutputResult:
    """Return the leaflet for one paper: two pages, outside then inside."""
    assert paper
    return OutputResult((Artifact(f"leaflet-{paper}.pdf", _pdf(composed, theme, paper), 2, "pages"),),
                        composed.problems)


def predict(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return the panels that will not fit, as errors at the text to shorten (``check`` says what ``build`` will)."""
    if not not_large_print(session.theme, edition):
        return []
    composed = compose(edition, templates, LEAFLET.template(edition))
    problems = []
    for paper in session.theme.papers:
        try:
            _pdf(composed, session.theme, paper)
        except BriefpackError as exc:
            problems.append(where.error(exc))
    return problems


def files(paper: str | None) -> tuple[str, ...]:
    return (f"leaflet-{paper}.pdf",)


LEAFLET = Output("leaflet", compose, render, "leaflet.md.j2", warm_handout, files, predict, cost=0.4,
                 per_paper=True, preview=Preview("leaflet"), libraries=PDF_LIBRARIES, applies=not_large_print)
