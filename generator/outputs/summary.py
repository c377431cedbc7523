"""The one-page summary: key messages, the comparison and featured resources, as a PDF per paper size.

It must fit its theme's page count; a longer one is a warning that names what
to shorten, predicted by ``check`` exactly as ``build`` reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.errors import Problem
from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where
from generator.outputs.handout import PDF_LIBRARIES, numbering
from generator.outputs.handout import warm as warm_handout
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.editions.session import Session
    from generator.editions.variants import Edition


def summary_warnings(pages: int, paper: str, where: Where, allowed: int = 1) -> tuple[Problem, ...]:
    """Return the warning for a summary that runs longer than its theme allows, naming what to shorten."""
    if pages <= allowed:
        return ()
    wanted = "one" if allowed == 1 else str(allowed)
    return (where.warning(f"the summary runs to {pages} pages on {paper} paper, not {wanted}: shorten the key-message "
                          "titles (it shows up to six), mark fewer resources `featured: true` (it shows up to "
                          "three), or show fewer comparison rows (summary.md.j2)"),)


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the summary's document, its citations numbered as the edition's handout numbers them."""
    from generator.compose.compose import compose_handout

    return compose_handout(edition.pack, templates, name, edition.logo, numbering(edition, templates),
                           edition.translation)


def _pdf(composed: Composed, theme: Theme, paper: str) -> tuple[bytes, int]:
    from generator.document import Handout
    from generator.render.pdf.handout import render_handout_pdf

    assert isinstance(composed.document, Handout)
    return render_handout_pdf(composed.document, theme, paper, contents=False)


def render(composed: Composed, theme: Theme, where: Where, paper: str | None) -> OutputResult:
    """Return the summary PDF on one paper size; a longer one than the theme allows is reported."""
    assert paper
    data, pages = _pdf(composed, theme, paper)
    return OutputResult((Artifact(f"summary-{paper}.pdf", data, pages, "pages"),),
                        composed.problems + summary_warnings(pages, paper, where, theme.handout.summary_pages))


def predict(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return the page-count warnings ``build`` will print: the summary is rendered in memory on each paper."""
    composed = compose(edition, templates, SUMMARY.template(edition))
    problems: list[Problem] = []
    for paper in session.theme.papers:
        _, pages = _pdf(composed, session.theme, paper)
        problems += summary_warnings(pages, paper, where, session.theme.handout.summary_pages)
    return problems


def files(paper: str | None) -> tuple[str, ...]:
    return (f"summary-{paper}.pdf",)


SUMMARY = Output("summary", compose, render, "summary.md.j2", warm_handout, files, predict, cost=0.2, per_paper=True,
                 preview=Preview("summary"), libraries=PDF_LIBRARIES)
