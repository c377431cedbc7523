"""The trifold leaflet: one sheet of A4 or Letter, landscape, printed on both sides and folded in three.

Six panels in true fold order (a roll fold): the outside holds the inner flap,
the back and the cover, left to right; the inside the three inside panels. The
flap folds in, so it (and the inside panel behind it) is 2 mm narrower. Each
panel's content is laid out in its own frame and must fit it: a panel that
does not is an error naming it and the text to shorten (``LeafletOverflowError``).
A screen reader reads the panels as a reader unfolds the leaflet: cover, flap,
inside left to right, back. Drawn at bleed size, so the cover's band runs into
the bleed; the print shop's boxes and marks are added by ``imposition``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm

from generator.document import Block, Callout, Handout
from generator.errors import BuildError
from generator.fonts.reportlab import register_handout_font
from generator.render.pdf.context import PdfContext
from generator.render.pdf.finish import finish_tagged_pdf
from generator.render.pdf.framed import DoesNotFitError, fill
from generator.render.pdf.imposition import BLEED_3MM, print_ready
from generator.render.pdf.inks import for_press
from generator.render.pdf.markup import paragraph_styles
from generator.render.pdf.page import metadata_canvas, tagged_info
from generator.render.pdf.reportlab_hooks import verify
from generator.render.pdf.structure import Element, Tagger
from generator.theme import Theme

SHEETS = {"a4": landscape(A4), "letter": landscape(LETTER)}
FLAP_LESS = 2 * mm  # the flap folds inside the other two panels, so it is this much narrower
PANEL_MARGIN = 8 * mm  # inside each panel, away from the folds and the sheet's edge
DIAGRAM_MIN = 7.0  # points: a diagram's smallest label, laid out for the panel's width
# Left to right on each side of the sheet, and the order a reader unfolds them in.
OUTSIDE = ("flap", "back", "cover")
INSIDE = ("inside-left", "inside-middle", "inside-right")
READING = ("cover", "flap", "inside-left", "inside-middle", "inside-right", "back")


@dataclass(frozen=True)
class Panel:
    """Where one panel sits: its page (0 outside, 1 inside) and its left edge and width on the sheet."""

    name: str
    page: int
    x: float
    width: float


def panels(sheet: tuple[float, float]) -> dict[str, Panel]:
    """Return the six panels of a roll-folded sheet: the flap and its back 2 mm narrower than the others."""
    wide = (sheet[0] + FLAP_LESS) / 3
    narrow = wide - FLAP_LESS
    out = {}
    for page, names, widths in ((0, OUTSIDE, (narrow, wide, wide)), (1, INSIDE, (wide, wide, narrow))):
        x = 0.0
        for name, width in zip(names, widths, strict=True):
            out[name] = Panel(name, page, x, width)
            x += width
    return out


def leaflet_theme(theme: Theme) -> Theme:
    """Return ``theme`` with the leaflet's type scale: a panel is a third of a page (body 10 pt, small 8.5 pt)."""
    sizes = theme.handout
    floor = theme.min_text or 0.0
    handout = sizes.model_copy(update={
        "body": max(10.0, floor), "small": max(8.5, floor), "quote": max(10.0, floor),
        "h1": max(15.0, floor), "h2": max(14.0, floor), "h3": max(11.0, floor),
        "title": max(22.0, floor), "subtitle": max(12.0, floor), "table_columns": min(sizes.table_columns, 2),
    })
    return theme.model_copy(update={"handout": handout})


def render_leaflet(handout: Handout, theme: Theme, paper: str) -> bytes:
    """Return the leaflet's two pages, print-ready (3 mm bleed, boxes, marks) and tagged, or raise on overflow."""
    verify()  # once per process: reportlab still calls every hook tagging relies on
    small = leaflet_theme(theme)
    font = register_handout_font(small.fonts.handout)
    sheet = SHEETS[paper]
    bleed = BLEED_3MM
    size = (sheet[0] + 2 * bleed, sheet[1] + 2 * bleed)
    content = panel_blocks(handout.blocks)
    styles = paragraph_styles(small, font)
    buffer = io.BytesIO()
    tagger = Tagger()
    meta = handout.meta
    canvas = metadata_canvas(buffer, size, meta, font, tagger)
    sections: dict[str, Element] = {}
    layout = panels(sheet)
    for page in (0, 1):
        for panel in sorted((p for p in layout.values() if p.page == page), key=lambda p: p.x):
            ctx = PdfContext(small, styles, font, panel.width - 2 * PANEL_MARGIN, handout.labels, meta.logo,
                             author=meta.author, diagram_min=DIAGRAM_MIN)
            box = (bleed + panel.x + PANEL_MARGIN, bleed + PANEL_MARGIN, ctx.width, sheet[1] - 2 * PANEL_MARGIN)
            sections[panel.name], fits = fill(canvas, tagger, ctx, content.get(panel.name, ()), box)
            if not fits:
                raise LeafletOverflowError(panel.name, content.get(panel.name, ()), paper)
        canvas.showPage()
    canvas.save()
    tagger.root.kids = [sections[name] for name in READING]  # as a reader unfolds it
    tagged = finish_tagged_pdf(buffer.getvalue(), tagger, tagged_info(meta))
    return for_press(print_ready(tagged, bleed), theme.print_colours)


def panel_blocks(blocks: tuple[Block, ...]) -> dict[str, tuple[Block, ...]]:
    """Return each panel's blocks, from the template's ``::: panel name=…`` divs (callouts of kind panel-…)."""
    out: dict[str, tuple[Block, ...]] = {}
    for block in blocks:
        if isinstance(block, Callout) and block.kind.startswith("panel-"):
            out[block.kind.removeprefix("panel-")] = out.get(block.kind.removeprefix("panel-"), ()) + block.blocks
    missing = [name for name in READING if name not in out]
    if missing:
        raise BuildError(f"the leaflet template has no panel {', '.join(missing)}; it needs one of each: "
                         f"{', '.join(READING)}")
    return out


class LeafletOverflowError(DoesNotFitError):
    """A panel's content does not fit it: say which panel, and the longest text in it to shorten."""

    def __init__(self, panel: str, blocks: tuple[Block, ...], paper: str):
        super().__init__(f"the leaflet's {panel} panel does not fit on {paper} paper", blocks,
                         "leaflet.md.j2 chooses it")
