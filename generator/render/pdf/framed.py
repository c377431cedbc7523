"""Documents drawn in fixed frames (a leaflet's panels, a card's sides): each frame's blocks must fit it.

The handout flows from page to page; these cannot. Each frame is filled
once, as one section of the structure tree, and the caller learns whether
everything fitted, to refuse the document and name what to shorten.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Frame

from generator.document import Block, texts_of
from generator.errors import BuildError
from generator.render.pdf.blocks import render_block
from generator.render.pdf.context import PdfContext
from generator.render.pdf.structure import Element, Tagger


def fill(canvas: Any, tagger: Tagger, ctx: PdfContext, blocks: tuple[Block, ...],
         box: tuple[float, float, float, float]) -> tuple[Element, bool]:
    """Draw ``blocks`` in the frame ``box`` (x, y, width, height) as one section; return it, and whether all fit."""
    flowables: list[Flowable] = [f for block in blocks for f in render_block(block, ctx)]
    frame = Frame(*box, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0)
    section = tagger.open("Sect")
    frame.addFromList(flowables, canvas)
    tagger.close()
    return section, not flowables


class DoesNotFitError(BuildError):
    """A frame's content does not fit it: say which frame, and the longest text in it to shorten.

    The text lets the build name the content line it came from (``Where.error``).
    """

    def __init__(self, what: str, blocks: tuple[Block, ...], chooser: str, anchor: str = "", section: str = ""):
        """``anchor`` is the text whose content line to name (default: the longest text), in ``section``."""
        texts = [text for block in blocks for text in texts_of(block)]
        longest = max(texts, key=len, default="")
        shown = f"; its longest text starts '{longest[:60]}…'" if longest else ""
        super().__init__(f"{what}{shown}: shorten what it shows ({chooser}) or the content it shows",
                         text=anchor or longest, section=section)
