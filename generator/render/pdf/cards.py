"""Pocket cards: 85 × 55 mm, front and back, for a wallet; one file for a print shop, sheets for an office printer.

The template gives each card a front and a back (``::: card side=…``, a
callout of kind ``card-front`` or ``card-back``). Each side is laid out in
one frame inside the 3 mm safe margin and must fit it: a side that does not
is an error naming the card and its longest text. The front carries a band
of the theme's colour along its top edge, running into the bleed.

The print shop's file has one page per side (card 1's front, its back, card
2's front …) at bleed size, with TrimBox, BleedBox and crop marks, and is
tagged: a screen reader reads each card front then back. The office
printer's sheets repeat each card to fill a sheet (10 on A4, 8 on Letter),
fronts then mirrored backs (see ``imposition.duplex_cards``), print-only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from generator.document import Block, Callout, Handout, texts_of
from generator.errors import BuildError
from generator.fonts.reportlab import register_handout_font
from generator.render.pdf.context import PdfContext
from generator.render.pdf.finish import finish_tagged_pdf
from generator.render.pdf.framed import DoesNotFitError, fill
from generator.render.pdf.imposition import BLEED_3MM, duplex_cards, keep_metadata, print_ready
from generator.render.pdf.inks import for_press
from generator.render.pdf.markup import paragraph_styles
from generator.render.pdf.page import metadata_canvas, tagged_info
from generator.render.pdf.reportlab_hooks import verify
from generator.render.pdf.structure import Tagger
from generator.theme import Theme

CARD = (85 * mm, 55 * mm)
SAFE = 3 * mm  # nothing to read this close to the cut: a guillotine may miss by this much
MARGIN = SAFE + 1 * mm  # the frame's distance from the trim
BAND = 4 * mm  # the front's colour band, from the top edge into the card (and the bleed above it)
GRID = {"a4": (A4, 2, 5), "letter": (LETTER, 2, 4)}  # sheet, columns, rows: 10 cards on A4, 8 on Letter
SIDES = ("front", "back")


@dataclass(frozen=True)
class CardSide:
    """One side of one card, as the template gave it: the card's number (from 1), the side and its blocks."""

    number: int
    side: str
    blocks: tuple[Block, ...]

    def title(self) -> str:
        """Return the card's heading, to name it in an error (the front's first text)."""
        return next((text for block in self.blocks for text in texts_of(block)), "")

    def longest(self) -> str:
        """Return the side's longest text: a card's title is often too short to find its content line by."""
        return max((text for block in self.blocks for text in texts_of(block)), key=len, default="")


def card_theme(theme: Theme) -> Theme:
    """Return ``theme`` with a card's type scale: small but legible (body 8.5 pt, nothing under 7.5 pt)."""
    sizes = theme.handout
    handout = sizes.model_copy(update={
        "body": 8.5, "small": 7.5, "quote": 8.5, "h1": 11.0, "h2": 11.0, "h3": 9.0, "title": 11.0,
        "subtitle": 9.0, "table_columns": 1,
    })
    return theme.model_copy(update={"handout": handout})


def card_sides(blocks: tuple[Block, ...]) -> list[CardSide]:
    """Return every card's sides in order, from the template's ``::: card side=…`` divs; each card needs both."""
    sides: list[CardSide] = []
    number = 0
    for block in blocks:
        if not (isinstance(block, Callout) and block.kind.startswith("card-")):
            continue
        side = block.kind.removeprefix("card-")
        expected = SIDES[len(sides) % 2]
        if side != expected:
            raise BuildError(f"the cards template gives card {number + (side == 'back')} a {side} where a "
                             f"{expected} belongs: give each card a front, then its back")
        number += side == "front"
        sides.append(CardSide(number, side, block.blocks))
    if len(sides) % 2:
        raise BuildError(f"the cards template gives card {number} a front but no back")
    return sides


def render_cards(handout: Handout, theme: Theme) -> tuple[bytes, int]:
    """Return the print shop's file of every card's front and back (print-ready, tagged) and how many cards."""
    verify()
    small = card_theme(theme)
    font = register_handout_font(small.fonts.handout)
    sides = card_sides(handout.blocks)
    if not sides:
        raise BuildError("the cards template made no card: give the pack a 'cards' list or the template a "
                         "'::: card side=front' div")
    bleed = BLEED_3MM
    size = (CARD[0] + 2 * bleed, CARD[1] + 2 * bleed)
    styles = paragraph_styles(small, font)
    buffer = io.BytesIO()
    tagger = Tagger()
    canvas = metadata_canvas(buffer, size, handout.meta, font, tagger)
    ctx = PdfContext(small, styles, font, CARD[0] - 2 * MARGIN, handout.labels, handout.meta.logo,
                     author=handout.meta.author)
    for side in sides:
        top = CARD[1] - MARGIN
        if side.side == "front":
            canvas.setFillColor(HexColor(small.colours.band))
            canvas.rect(0, bleed + CARD[1] - BAND, size[0], BAND + bleed, stroke=0, fill=1)
            top -= BAND
        box = (bleed + MARGIN, bleed + MARGIN, ctx.width, top - MARGIN)
        _, fits = fill(canvas, tagger, ctx, side.blocks, box)
        if not fits:
            raise CardOverflowError(side, sides)
        canvas.showPage()
    canvas.save()
    tagged = finish_tagged_pdf(buffer.getvalue(), tagger, tagged_info(handout.meta))
    return for_press(print_ready(tagged, bleed), theme.print_colours), len(sides) // 2


def card_sheets(ready: bytes, paper: str) -> bytes:
    """Return the office printer's sheets: each card repeated to fill a sheet, fronts then mirrored backs."""
    sheet, columns, rows = GRID[paper]
    fronts, backs = _repeated(ready, columns * rows)
    return duplex_cards(fronts, backs, sheet, CARD, columns, rows)


def _repeated(ready: bytes, copies: int) -> tuple[bytes, bytes]:
    """Return two files, each card's front (then back) ``copies`` times in a row: a sheet of one card each."""
    source = pikepdf.open(io.BytesIO(ready))
    out = []
    for first in (0, 1):
        pdf = pikepdf.new()
        for page in list(source.pages)[first::2]:
            for _ in range(copies):
                pdf.pages.append(page)
        keep_metadata(source, pdf)
        data = io.BytesIO()
        pdf.save(data)
        out.append(data.getvalue())
    return out[0], out[1]


class CardOverflowError(DoesNotFitError):
    """A card's side does not fit it: name the card by its heading, and the longest text to shorten."""

    def __init__(self, side: CardSide, sides: list[CardSide]):
        front = next(s for s in sides if s.number == side.number and s.side == "front")
        mm_size = f"{CARD[0] / mm:.0f} × {CARD[1] / mm:.0f} mm"
        super().__init__(f"the {side.side} of card {side.number} ('{front.title()}') does not fit {mm_size}",
                         side.blocks, "cards.md.j2 chooses it", anchor=front.longest(), section="cards")
