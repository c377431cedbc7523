"""The handout: the whole briefing as a PDF for print, one job per paper size.

It is the edition's reference document: its order of first citation numbers
the sources for every other output of the edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.editions.variants import Edition

TEMPLATE = "handout.md.j2"
PDF_LIBRARIES = ("reportlab", "rl_accel", "pikepdf", "fontpkg-atkinson-hyperlegible", "fontpkg-arimo", "fonttools",
                 "segno", "pillow")


def handout_template(edition: Edition) -> str:
    """Return the template of ``edition``'s handout: the document whose citations number the edition's sources."""
    return edition.template("handout", TEMPLATE)


_NUMBERINGS: dict[tuple[int, Templates, str, tuple[object, ...]], tuple[Edition, dict[str, int]]] = {}


def numbering(edition: Edition, templates: Templates) -> dict[str, int]:
    """Return the edition's source numbers, as its handout first cites them.

    Kept per edition while the templates are unchanged: the build computes it
    once before its workers fork, and every job of the edition reuses it.
    """
    from generator.compose.compose import edition_numbering

    name = handout_template(edition)
    key = (id(edition), templates, name, templates.stamp())
    kept = _NUMBERINGS.get(key)
    if kept is None or kept[0] is not edition:
        if len(_NUMBERINGS) > 64:
            _NUMBERINGS.clear()
        kept = (edition, edition_numbering(edition.pack, templates, name))  # the edition kept: its id stays its own
        _NUMBERINGS[key] = kept
    return kept[1]


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the handout's document; the edition's own handout numbers its citations itself."""
    from generator.compose.compose import compose_handout

    reference = None if name == handout_template(edition) else numbering(edition, templates)
    return compose_handout(edition.pack, templates, name, edition.logo, reference, edition.translation)


def render(composed: Composed, theme: Theme, where: Where, paper: str | None) -> OutputResult:
    """Return the handout PDF on one paper size."""
    from generator.document import Handout
    from generator.render.pdf.handout import render_handout_pdf

    assert isinstance(composed.document, Handout) and paper
    data, pages = render_handout_pdf(composed.document, theme, paper)
    return OutputResult((Artifact(f"handout-{paper}.pdf", data, pages, "pages"),), composed.problems)


def warm(theme: Theme) -> None:
    """Register the handout's fonts and import the PDF renderer (before worker processes fork)."""
    import pikepdf  # noqa: F401  (every PDF is finished with it: a tenth of a second to import, paid here)

    from generator.fonts.reportlab import register_fallback_font, register_handout_font
    from generator.render.pdf import handout  # noqa: F401  (imported for its import time)

    register_handout_font(theme.fonts.handout)
    register_fallback_font(theme.fonts.fallback)
    from generator.render.pdf.reportlab_hooks import verify

    verify()


def files(paper: str | None) -> tuple[str, ...]:
    return (f"handout-{paper}.pdf",)


HANDOUT = Output("handout", compose, render, TEMPLATE, warm, files, cost=1.0, per_paper=True,
                 preview=Preview("handout"), libraries=PDF_LIBRARIES)
