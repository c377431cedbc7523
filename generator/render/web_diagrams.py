"""The web edition's diagrams: the slides' very drawings as inline SVG, and again a phone's width.

A spectrum, timeline or matrix is laid out as on the slides (``layout.diagrams``)
and drawn as SVG; where it can also be laid out a phone's width (a spectrum in
rows, a timeline in one column, a matrix as one small table per model), that
drawing is added for narrow screens, its labels at least 12 CSS px on the
narrowest phone.
"""

from __future__ import annotations

import math

from markupsafe import Markup

from generator.document import Diagram, StatusMatrix
from generator.layout.boxes import DiagramBox, TextBox
from generator.render.svg import SvgPainter
from generator.theme import Theme

NARROW_W, NARROW_H = 400.0, 2000.0  # a phone's drawing, in slide points: about a third of a slide's width
PHONE_PX, PHONE_LABEL_PX = 320.0, 12.0  # the narrowest phone's viewport and the smallest label it shows, CSS px


class Drawings:
    """Draws a page's diagrams, numbering their figures in page order."""

    def __init__(self, theme: Theme, painter: SvgPainter):
        self.theme, self.painter = theme, painter
        self._count = 0

    def diagram(self, block: Diagram) -> Markup:
        """Return a diagram as inline SVG images, the very layout the slides draw, read by their alt text.

        Where the same diagram can also be laid out a phone's width (a spectrum in
        rows, a timeline in one column, a matrix as one small table per model),
        that drawing is added for narrow screens, so its labels stay readable
        instead of shrinking with the page.
        """
        from generator.layout.diagrams import layout_diagram_parts
        from generator.layout.grid import BODY_H, BODY_W

        wide = self._svgs(layout_diagram_parts(block, 0, 0, BODY_W, BODY_H, self.theme.deck))
        narrow = self._narrow(block)
        if not narrow:  # too crowded for a phone even at the deck's floor: the table below reads as cards there
            return Markup(wide)
        return Markup(f'<div class="wide">{wide}</div><div class="narrow">{self._svgs(narrow, one_image=True)}</div>')

    def _narrow(self, block: Diagram) -> list[DiagramBox]:
        """Return ``block`` laid out a phone's width, its labels at least 12 CSS px on the narrowest phone.

        A matrix is stacked one model under another (each a small table of the
        parties), as the comparison table's phone cards are. Where even that will
        not reach the phone's floor, the deck's own floor is tried before giving up
        (an empty list).
        """
        from generator.errors import BuildError
        from generator.layout.diagrams import layout_diagram, layout_diagram_parts

        phone = self.theme.deck.model_copy(update={"table_min": max(self.theme.deck.table_min, self._phone_floor())})
        for limits in (phone, self.theme.deck):
            try:
                if not isinstance(block, StatusMatrix):
                    return layout_diagram_parts(block, 0, 0, NARROW_W, NARROW_H, limits)
                pieces = per_model(block)
                laid = [layout_diagram(piece, 0, 0, NARROW_W, NARROW_H, limits) for piece in pieces]
                smallest = min(label_size(box) for box in laid)  # every model at one size: they read as one
                return [layout_diagram(piece, 0, 0, NARROW_W, NARROW_H, limits, smallest) for piece in pieces]
            except BuildError:
                continue
        return []

    def _phone_floor(self) -> float:
        """Return the label size, in points of a phone drawing, that shows as ``PHONE_LABEL_PX`` on the narrowest phone.

        A phone drawing (``NARROW_W`` points wide) fills the page's column: the
        viewport less the main column's padding of 1rem a side, and web.html.j2
        scales 1rem (16 px) by the theme's body size over 11 pt.
        """
        rem = 16 * self.theme.handout.body / 11
        return math.ceil(2 * PHONE_LABEL_PX * NARROW_W / (PHONE_PX - 2 * rem)) / 2  # up to a half point: a margin

    def _svgs(self, boxes: list[DiagramBox], one_image: bool = False) -> str:
        """Return the drawings as SVG; with ``one_image`` only the first, with the whole alt text, is read.

        A phone's drawing in parts is one figure: a screen reader hears it once,
        as it hears the wide drawing, not once per part.
        """
        svgs = []
        for index, box in enumerate(boxes):
            self._count += 1
            svgs.append(self.painter.diagram(box, f"figure-{self._count}", hidden=one_image and index > 0))
        return "".join(svgs)


def per_model(block: StatusMatrix) -> list[StatusMatrix]:
    """Return a matrix as one small matrix per model: the model across the top, its parties down the side."""
    return [StatusMatrix((model,), block.columns, tuple((cell,) for cell in row), block.alt)
            for model, row in zip(block.rows, block.cells, strict=True)]


def label_size(box: DiagramBox) -> float:
    """Return the size of a drawing's smallest label, in points."""
    return min((p.size for t in box.elements if isinstance(t, TextBox) for p in t.paragraphs), default=1e9)
