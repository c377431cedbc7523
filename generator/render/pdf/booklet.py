"""The booklet: the handout set on A5 (half-Letter in the US), for a print shop and for an office printer.

The booklet is the handout's document, set again for the smaller page (a type
scale and margins of its own, tables and diagrams laid out at its width, not a
reduced A4) and followed by its back cover. A saddle-stitched booklet has a
multiple of four pages, so pages for the reader's notes are added before the
back cover: never a blank page by accident. Two files come of it:

- the print shop's: single pages 3 mm larger on every side (the bleed, into
  which the cover's band runs), with TrimBox, BleedBox and crop marks outside
  the bleed (``imposition.print_ready``); tagged, as the handout is;
- the office printer's: the pages imposed two to a side of A4 (or Letter)
  landscape in saddle-stitch order, to print on both sides (flipping on the
  short edge), fold and staple (``imposition.impose_saddle_stitch``); an
  untagged, print-only file.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.pagesizes import A4, LETTER, landscape

from generator.document import Block, Handout, PageBreak
from generator.render.pdf.handout import render_handout_pdf
from generator.render.pdf.imposition import BLEED_3MM, PAGES_PER_SHEET, impose_saddle_stitch, print_ready
from generator.render.pdf.inks import for_press
from generator.theme import Theme

# Each booklet page size, and the sheet its office-printer copy is imposed on.
SHEETS = {"a5": landscape(A4), "half-letter": landscape(LETTER)}
BOOKLET_MARGIN_MM = 13  # an A5 page's margins: room for the thumb and the staple, not an A4 page's 18 mm
DIAGRAM_MIN = 8.0  # points: a diagram's labels on the narrower page, laid out anew rather than shrunk


def booklet_theme(theme: Theme) -> Theme:
    """Return ``theme`` with the booklet's type scale: body a point smaller, headings in proportion.

    Never below 10 pt body or 8.5 pt small text, nor below the theme's
    smallest (large print keeps 16 pt); tables take at most three data
    columns across the narrower page.
    """
    sizes = theme.handout
    floor = theme.min_text or 0.0
    scaled = {name: max(getattr(sizes, name) * 0.85, floor) for name in ("h1", "h2", "h3", "title", "subtitle")}
    handout = sizes.model_copy(update={
        **scaled,
        "body": max(sizes.body - 1, 10.0, floor),
        "small": max(sizes.small - 0.5, 8.5, floor),
        "quote": max(sizes.quote - 1, 10.0, floor),
        "table_columns": min(sizes.table_columns, 3),
    })
    return theme.model_copy(update={"handout": handout, "margin_mm": min(theme.margin_mm, BOOKLET_MARGIN_MM)})


def render_booklet(handout: Handout, theme: Theme, page: str) -> tuple[bytes, bytes, int]:
    """Return (print-shop PDF, office-printer sheets PDF, pages) of ``handout`` as a booklet of ``page`` size.

    Laid out once to count its pages, then again with as many notes pages
    before the back cover as make a multiple of four.
    """
    small = booklet_theme(theme)
    body, back = split_back_cover(handout.blocks)
    notes = 0
    data, pages = render_handout_pdf(handout, small, page, bleed=BLEED_3MM, diagram_min=DIAGRAM_MIN)
    for _ in range(PAGES_PER_SHEET):  # a notes page could change the contents page's numbers: count again
        if not pages % PAGES_PER_SHEET:
            break
        notes += -pages % PAGES_PER_SHEET
        padded = (*body, *(PageBreak("notes") for _ in range(notes)), *back)
        data, pages = render_handout_pdf(replace(handout, blocks=padded), small, page, bleed=BLEED_3MM,
                                         diagram_min=DIAGRAM_MIN)
    ready = for_press(print_ready(data, BLEED_3MM), theme.print_colours)
    return ready, impose_saddle_stitch(ready, SHEETS[page]), pages


def split_back_cover(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Return the blocks before the back cover and the back cover's (its page break first; none: all body)."""
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak) and block.purpose == "back-cover":
            return blocks[:index], blocks[index:]
    return blocks, ()
