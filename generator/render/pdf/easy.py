"""Easy Read rows on the page: a picture on the left, the row's sentences (one a line) on the right.

The row never breaks across pages, and its picture stands level with its
first line. An icon is drawn from its SVG (svglib) in the theme's accent
colour; a picture from the pack is drawn as its image. A picture with
alternative text is a Figure in the structure tree; one without is
decoration (an artifact), since the words beside it say the same.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from generator.document import EasyRow, Picture
from generator.errors import BuildError
from generator.render.pdf.context import PdfContext
from generator.render.pdf.flowables import draw_logo, layout_table, logo_size
from generator.render.pdf.tagged import figure

PICTURE = 30 * mm  # the picture's square: large enough to read across a table, as Easy Read guides show them
GUTTER = 8 * mm


@lru_cache(maxsize=128)
def icon_drawing(svg: str, colour: str) -> Any:
    """Return the icon as a reportlab drawing, its strokes in ``colour`` (parsed once per icon and colour)."""
    import io

    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg.replace("currentColor", colour).encode("utf-8")))
    if drawing is None:
        raise BuildError("an Easy Read icon is not an SVG drawing briefpack can read")
    return drawing


class PictureFlowable(Flowable):
    """A row's picture in a square of ``size`` points: a Figure with its alt text, else decoration."""

    def __init__(self, picture: Picture, size: float, colour: str):
        super().__init__()
        self.picture, self.size, self.colour = picture, size, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        if not self.picture.alt:
            self._draw()
            return
        with figure(self.canv, self.picture.alt):
            self._draw()

    def _draw(self) -> None:
        from reportlab.graphics import renderPDF

        canvas, size = self.canv, self.size
        if self.picture.image is not None:
            width, height = logo_size(self.picture.image, size, size)
            draw_logo(canvas, self.picture.image, (size - width) / 2, size - height, width, height)
            return
        drawing = icon_drawing(self.picture.svg, self.colour)
        scale = size / max(drawing.width, drawing.height)
        canvas.saveState()
        canvas.scale(scale, scale)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()


def render_easy_row(block: EasyRow, ctx: PdfContext) -> list[Flowable]:
    """Return the row: a borderless two-column table of one row (so it never breaks), with space after it.

    A heading before it keeps with it (its style's keepWithNext): a model's
    name never stands alone at a page's foot.
    """
    lines = [ctx.para(line, "easy") for line in block.lines]
    picture: Flowable = (PictureFlowable(block.picture, PICTURE, ctx.theme.colours.accent) if block.picture
                         else Spacer(PICTURE, 1))
    table = layout_table([[picture, lines]], [PICTURE + GUTTER, None], ctx.font)
    table.spaceAfter = ctx.theme.handout.body * 1.2
    table.keepWithNext = int(block.keep_with_next)
    return [table]
