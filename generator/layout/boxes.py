"""The measured slide layout: positioned boxes both deck renderers draw as they are.

All lengths are points on a 960 × 540 pt (13.333 × 7.5 in, 16:9) slide.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.document import Inline
from generator.fonts.metrics import face
from generator.layout.wrap import Line

BOLD_ROLES = ("title", "cover", "heading")  # paragraphs drawn in bold whatever their runs say (and measured so)

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0


@dataclass(frozen=True)
class LaidParagraph:
    """A paragraph wrapped at a size: ``role`` picks colour and style in renderers."""

    runs: Inline
    lines: tuple[Line, ...]
    size: float
    role: str = "body"
    bullet: str | None = None
    indent: float = 0.0
    space_before: float = 0.0
    align: str = "left"


@dataclass(frozen=True)
class TextBox:
    """A text frame with no insets; its paragraphs are known to fit."""

    x: float
    y: float
    w: float
    h: float
    paragraphs: tuple[LaidParagraph, ...]
    role: str = "body"
    line_spacing: float = 1.0


@dataclass(frozen=True)
class PlacedLine:
    """A line of a text box where painters draw it: its left edge and its baseline, in slide points."""

    line: Line
    x: float
    baseline: float


def placed(box: TextBox) -> list[tuple[LaidParagraph, float, tuple[PlacedLine, ...]]]:
    """Return each paragraph of ``box`` with its first baseline (where a bullet goes) and its placed lines.

    The one reckoning of where text sits (space before, ascent, line advance,
    alignment), shared by the PDF and SVG painters so they draw alike.
    """
    ascent = face().ascent / face().units_per_em
    out = []
    y = box.y
    for para in box.paragraphs:
        y += para.space_before
        first = y + ascent * para.size
        advance = face().line_height(para.size) * box.line_spacing
        lines = []
        for line in para.lines:
            x = box.x + para.indent
            if para.align == "right":
                x = box.x + box.w - line.width
            elif para.align == "center":
                x = box.x + (box.w - line.width) / 2
            lines.append(PlacedLine(line, x, y + ascent * para.size))
            y += advance
        out.append((para, first, tuple(lines)))
    return out


@dataclass(frozen=True)
class PlacedCell:
    """A table cell where painters draw it: its left text edge and each line's baseline."""

    cell: TableCell
    x: float
    baselines: tuple[float, ...]


def placed_rows(box: TableBox) -> list[tuple[float, float, tuple[PlacedCell, ...]]]:
    """Return each row of ``box`` as (top, height, its cells placed), the header row first."""
    ascent = face().ascent / face().units_per_em
    advance = face().line_height(box.size)
    rows = []
    y = box.y
    for row, height in zip(box.cells, box.row_heights, strict=True):
        x = box.x
        cells = []
        for cell, width in zip(row, box.col_widths, strict=True):
            first = y + box.padding + ascent * box.size
            cells.append(PlacedCell(cell, x + box.padding, tuple(first + i * advance for i in range(len(cell.lines)))))
            x += width
        rows.append((y, height, tuple(cells)))
        y += height
    return rows


@dataclass(frozen=True)
class TableCell:
    runs: Inline
    lines: tuple[Line, ...]
    status: str | None = None


@dataclass(frozen=True)
class TableBox:
    """A native table: measured column widths and row heights; row 0 is the header."""

    x: float
    y: float
    col_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    cells: tuple[tuple[TableCell, ...], ...]
    size: float
    padding: float

    @property
    def w(self) -> float:
        return sum(self.col_widths)

    @property
    def h(self) -> float:
        return sum(self.row_heights)


@dataclass(frozen=True)
class PictureBox:
    """A QR code picture for ``url`` with its alt text."""

    x: float
    y: float
    w: float
    h: float
    url: str
    alt: str


@dataclass(frozen=True)
class ImageBox:
    """A picture (the organisation's logo) with its alt text."""

    x: float
    y: float
    w: float
    h: float
    data: bytes
    alt: str


@dataclass(frozen=True)
class RectBox:
    """A filled background rectangle (slide bands, callout panels)."""

    x: float
    y: float
    w: float
    h: float
    role: str


@dataclass(frozen=True)
class ShapeBox:
    """A drawn shape: a line, an arrow, an ellipse or a status symbol.

    A ``line`` or ``arrow`` runs from (x, y) to (x + w, y + h); an ``ellipse``
    or a status symbol (cross, tick, half, diamond, circle, dash) fills the box.
    ``fill`` and ``line`` are colour roles: a theme colour's name (accent,
    band, rule …) or a status's (criminalised …); None draws nothing.
    """

    x: float
    y: float
    w: float
    h: float
    shape: str
    fill: str | None = None
    line: str | None = None
    width: float = 1.0


@dataclass(frozen=True)
class DiagramBox:
    """A diagram: shapes and text drawn as one figure, with alternative text made from its data."""

    x: float
    y: float
    w: float
    h: float
    elements: tuple[TextBox | ShapeBox, ...]
    alt: str


Element = TextBox | TableBox | PictureBox | ImageBox | RectBox | DiagramBox


@dataclass(frozen=True)
class LaidSlide:
    """One finished slide: what to draw, in reading order (title first).

    ``title`` is the title as shown ("Sources (cont. 2/3)"); ``base_title`` the
    slide's own title, and ``part`` of ``parts`` says which continuation it is.
    """

    kind: str
    title: str
    elements: tuple[Element, ...]
    notes: tuple[Inline, ...]
    number: int = 0
    shrunk: bool = False
    base_title: str = ""
    part: int = 0
    parts: int = 1
    moved: int = 0  # items past the word budget, moved to the notes

    @property
    def continued(self) -> bool:
        """Return whether this slide continues the one before it."""
        return self.part > 0

    def digest(self) -> str:
        """Return a digest of everything the slide says: title, text, table cells, links and notes."""
        pieces = [self.title]
        for element in self.elements:
            if isinstance(element, TextBox) and element.role != "footer":
                pieces.extend(r.text for p in element.paragraphs for r in p.runs)
            elif isinstance(element, TableBox):
                pieces.extend(r.text for row in element.cells for cell in row for r in cell.runs)
            elif isinstance(element, PictureBox):
                pieces.append(element.url)
            elif isinstance(element, DiagramBox):
                pieces.append(element.alt)
        pieces.extend(r.text for note in self.notes for r in note)
        return hashlib.sha256("\x1f".join(pieces).encode("utf-8")).hexdigest()[:16]
