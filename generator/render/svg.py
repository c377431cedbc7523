"""Draw measured slides and diagrams as SVG: the web edition's diagrams and the preview's slides.

It draws the very boxes, sizes and wrapped lines the PPTX and slides-PDF
renderers draw (slide coordinates are already SVG's: points, origin top left,
y down), so a slide in the browser matches the deck. Text stays text, in
Arial's metrics twin, so it can be found and copied.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import assert_never
from xml.sax.saxutils import escape, quoteattr

from generator.layout.boxes import (
    BOLD_ROLES,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    DiagramBox,
    Element,
    ImageBox,
    LaidParagraph,
    LaidSlide,
    PictureBox,
    RectBox,
    ShapeBox,
    TableBox,
    TextBox,
    placed,
    placed_rows,
)
from generator.render.qr import qr_rects
from generator.render.slide_style import rect_colour, row_fill, shape_colour, text_colour
from generator.render.symbols import symbol_shape
from generator.theme import Theme

FONT_STACK = "Arimo, Arial, 'Liberation Sans', sans-serif"  # the metrics the layout measured with


def _n(value: float) -> str:
    """Return a coordinate with at most two decimals and no trailing zeros (stable, compact output)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


class SvgPainter:
    """Turns laid-out boxes into SVG elements in the theme's colours."""

    def __init__(self, theme: Theme):
        self.theme = theme

    def slide(self, slide: LaidSlide, title: str) -> str:
        """Return one slide as an SVG image whose accessible name is ``title``; its text stays selectable."""
        body = "".join(self.element(e) for e in slide.elements)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(SLIDE_WIDTH)} {_n(SLIDE_HEIGHT)}" '
                f'class="slide" role="group" aria-label={quoteattr(title)} font-family="{FONT_STACK}">'
                f'<rect width="{_n(SLIDE_WIDTH)}" height="{_n(SLIDE_HEIGHT)}" fill="#FFFFFF"/>{body}</svg>')

    def diagram(self, box: DiagramBox, ident: str, hidden: bool = False) -> str:
        """Return a diagram as an SVG image read by its alternative text (its labels are drawn, not read).

        ``hidden`` draws a further part of a drawing whose first part's alternative
        text already says all of it, so a screen reader does not meet it again.
        """
        inner = self.drawing(box)
        if hidden:
            return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(box.x)} {_n(box.y)} {_n(box.w)} '
                    f'{_n(box.h)}" class="diagram" aria-hidden="true" font-family="{FONT_STACK}">{inner}</svg>')
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(box.x)} {_n(box.y)} {_n(box.w)} {_n(box.h)}" '
                f'class="diagram" role="img" aria-labelledby="{ident}" font-family="{FONT_STACK}">'
                f'<title id="{ident}">{escape(box.alt)}</title>{inner}</svg>')

    def drawing(self, box: DiagramBox) -> str:
        """Return a diagram's shapes and labels."""
        out = []
        for element in box.elements:
            match element:
                case ShapeBox():
                    out.append(self.shape(element))
                case TextBox():
                    out.append(self.text(element))
                case _:
                    assert_never(element)
        return "".join(out)

    def element(self, element: Element) -> str:
        """Return one element of the layout as SVG; every kind of box is drawn (mypy checks, ``assert_never``)."""
        match element:
            case RectBox():
                return (f'<rect x="{_n(element.x)}" y="{_n(element.y)}" width="{_n(element.w)}" '
                        f'height="{_n(element.h)}" fill="{rect_colour(self.theme, element)}"/>')
            case TextBox():
                return self.text(element)
            case TableBox():
                return self.table(element)
            case PictureBox():
                return qr_svg(element.url, element.w, element.x, element.y)
            case ImageBox():
                return (f'<image x="{_n(element.x)}" y="{_n(element.y)}" width="{_n(element.w)}" '
                        f'height="{_n(element.h)}" href="{image_uri(element.data)}">'
                        f"<title>{escape(element.alt)}</title></image>")
            case DiagramBox():
                return self.drawing(element)
            case _:
                assert_never(element)

    def text(self, box: TextBox) -> str:
        out = []
        for para, first, lines in placed(box):
            if para.bullet:
                out.append(f'<text x="{_n(box.x)}" y="{_n(first)}" font-size="{_n(para.size)}" '
                           f'fill="{text_colour(self.theme, para.role)}">{escape(para.bullet)}</text>')
            out += [self._line(para, at.line.runs, at.x, at.baseline) for at in lines]
        return "".join(out)

    def _line(self, para: LaidParagraph, runs: tuple, x: float, baseline: float, colour: str | None = None) -> str:
        spans = []
        for run in runs:
            bold = run.bold or para.role in BOLD_ROLES
            italic = run.italic or para.role == "quote"
            attrs = [f'fill="{colour or text_colour(self.theme, para.role, run.status, bool(run.cite))}"']
            if bold:
                attrs.append('font-weight="bold"')
            if italic:
                attrs.append('font-style="italic"')
            if run.cite:
                attrs += [f'font-size="{_n(para.size * 0.6)}"', 'baseline-shift="super"']
            spans.append(f"<tspan {' '.join(attrs)}>{escape(run.text)}</tspan>")
        return (f'<text x="{_n(x)}" y="{_n(baseline)}" font-size="{_n(para.size)}" '
                f'xml:space="preserve">{"".join(spans)}</text>')

    def table(self, box: TableBox) -> str:
        header_text = self.theme.colours.table_header_text
        out = []
        for r, (top, height, cells) in enumerate(placed_rows(box)):
            out.append(f'<rect x="{_n(box.x)}" y="{_n(top)}" width="{_n(box.w)}" height="{_n(height)}" '
                       f'fill="{row_fill(self.theme, r)}"/>')
            for at in cells:
                para = LaidParagraph(at.cell.runs, at.cell.lines, box.size, "table_header" if r == 0 else "body")
                for line, baseline in zip(at.cell.lines, at.baselines, strict=True):
                    runs = tuple(replace(run, bold=True) for run in line.runs) if r == 0 else line.runs
                    out.append(self._line(para, runs, at.x, baseline, header_text if r == 0 else None))
        return "".join(out)

    def shape(self, box: ShapeBox) -> str:
        stroke = shape_colour(self.theme, box.line) if box.line else "none"
        fill = shape_colour(self.theme, box.fill) if box.fill else "none"
        if box.shape in ("line", "arrow"):
            x2, y2 = box.x + box.w, box.y + box.h
            line = (f'<line x1="{_n(box.x)}" y1="{_n(box.y)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" '
                    f'stroke-width="{_n(box.width)}"/>')
            if box.shape == "arrow":  # a filled head at the end, as the PDF draws it
                head = max(6.0, box.width * 3)
                line += (f'<path d="M{_n(x2)} {_n(y2)}L{_n(x2 - head * 1.6)} {_n(y2 - head)}'
                         f'L{_n(x2 - head * 1.6)} {_n(y2 + head)}Z" fill="{stroke}"/>')
            return line
        if box.shape == "ellipse":
            return (f'<ellipse cx="{_n(box.x + box.w / 2)}" cy="{_n(box.y + box.h / 2)}" rx="{_n(box.w / 2)}" '
                    f'ry="{_n(box.h / 2)}" fill="{fill}" stroke="{stroke}" stroke-width="{_n(box.width)}"/>')
        return status_symbol_svg(box.shape, box.w, box.x, box.y, stroke)


def status_symbol_svg(symbol: str, s: float, x: float, y: float, colour: str) -> str:
    """Return a status symbol ``s`` units square at (x, y), the geometry the PDFs draw (``render.symbols``)."""
    shape = symbol_shape(symbol)

    def p(point: tuple[float, float]) -> str:  # the geometry is y-up inside the box
        return f"{_n(x + point[0] * s)} {_n(y + s - point[1] * s)}"

    common = (f'stroke="{colour}" stroke-width="{_n(s * shape.width)}" stroke-linecap="round" '
              'stroke-linejoin="round"')
    out = []
    if shape.paths:
        d = "".join("M" + "L".join(p(point) for point in points) + ("Z" if shape.closed else "")
                    for points in shape.paths)
        out.append(f'<path d="{d}" fill="none" {common}/>')
    if shape.ring:
        out.append(f'<circle cx="{_n(x + s / 2)}" cy="{_n(y + s / 2)}" r="{_n(shape.ring * s)}" fill="none" {common}/>')
    if shape.half_filled:  # the left half: from the top, anticlockwise, to the bottom
        r = _n(shape.ring * s)
        out.append(f'<path d="M{p((0.5, 0.5 + shape.ring))}A{r} {r} 0 0 0 {p((0.5, 0.5 - shape.ring))}Z" '
                   f'fill="{colour}"/>')
    return "".join(out)


def image_uri(data: bytes) -> str:
    """Return a PNG or JPEG (the only kinds a pack's images may be) as a data address: the page stays one file."""
    kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(data).decode("ascii")


def qr_svg(url: str, size: float, x: float = 0.0, y: float = 0.0, *, standalone: bool = False) -> str:
    """Return the QR code for ``url`` as SVG squares (quiet zone included), ``size`` units wide."""
    squares = "".join(f"M{_n(x + left)} {_n(y + top)}h{_n(w)}v{_n(h)}h{_n(-w)}Z"
                      for left, top, w, h in qr_rects(url, size))
    inner = f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(size)}" height="{_n(size)}" fill="#FFFFFF"/>' \
            f'<path d="{squares}" fill="#000000"/>'
    if not standalone:
        return inner
    box = f"0 0 {_n(size)} {_n(size)}"
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" class="qr" aria-hidden="true">{inner}</svg>'
