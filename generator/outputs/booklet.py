"""The booklet: each variant's handout set on A5 (half-Letter on US paper), for a print shop and an office printer.

One job per paper: A4 editions make an A5 booklet imposed on A4, Letter
editions a half-Letter one imposed on Letter. Its two files are the print
shop's (single pages with bleed, trim and crop marks; tagged) and the office
printer's (two pages a side in saddle-stitch order; print only, and named so).
See ``render.pdf.booklet``. Large print makes none: a 16 pt table on an A5 page
outgrows it (``base.not_large_print``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where, not_large_print
from generator.outputs.handout import PDF_LIBRARIES, numbering
from generator.outputs.handout import warm as warm_handout
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.editions.variants import Edition

PAGE_OF_PAPER = {"a4": "a5", "letter": "half-letter"}  # the booklet's page: half the edition's paper


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the booklet's document, its citations numbered as the edition's handout numbers them."""
    from generator.compose.compose import compose_handout

    return compose_handout(edition.pack, templates, name, edition.logo, numbering(edition, templates),
                           edition.translation)


def render(composed: Composed, theme: Theme, where: Where, paper: str | None) -> OutputResult:
    """Return the booklet for ``paper``'s half: the print shop's file and the office printer's sheets."""
    from generator.document import Handout
    from generator.render.pdf.booklet import render_booklet

    assert isinstance(composed.document, Handout) and paper
    page = PAGE_OF_PAPER[paper]
    ready, sheets, pages = render_booklet(composed.document, theme, page)
    names = files(paper)
    return OutputResult((Artifact(names[0], ready, pages, "pages"), Artifact(names[1], sheets, pages // 2, "pages")),
                        composed.problems)


def files(paper: str | None) -> tuple[str, ...]:
    page = PAGE_OF_PAPER[paper or "a4"]
    return (f"booklet-{page}.pdf", f"booklet-{page}-sheets-print-only.pdf")


BOOKLET = Output("booklet", compose, render, "booklet.md.j2", warm_handout, files, cost=1.2, per_paper=True,
                 preview=Preview("booklet"), libraries=PDF_LIBRARIES, applies=not_large_print)
