"""Draw measured slides with reportlab: the slides PDF, and slide pictures for the speaker handout.

It draws the very boxes, sizes and wrapped lines the PPTX renderer writes, in
Arimo (Arial's metric twin), so the PDF version of the deck matches the PPTX.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from generator.document import Meta
from generator.fonts.metrics import face
from generator.fonts.reportlab import register_slide_fonts
from generator.layout.boxes import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    ImageBox,
    LaidParagraph,
    LaidSlide,
    PictureBox,
    RectBox,
    TableBox,
    TextBox,
)
from generator.render.pdf.page import pdf_date
from generator.render.qr import qr_rects
from generator.render.slide_style import rect_colour, text_colour
from generator.theme import Theme

BOLD_ROLES = ("title", "cover", "heading")


class SlidePainter:
    """Paints slides on a reportlab canvas in slide coordinates (points, origin top left)."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self.fonts = register_slide_fonts()

    def paint(self, canvas: Canvas, slide: LaidSlide) -> None:
        """Draw ``slide`` with its top-left corner at the canvas origin, y growing down."""
        canvas.saveState()
        canvas.setFillColor(HexColor("#FFFFFF"))
        canvas.rect(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, stroke=0, fill=1)
        for element in slide.elements:
            if isinstance(element, RectBox):
                canvas.setFillColor(HexColor(rect_colour(self.theme, element)))
                canvas.rect(element.x, element.y, element.w, element.h, stroke=0, fill=1)
            elif isinstance(element, TextBox):
                self.text(canvas, element)
            elif isinstance(element, TableBox):
                self.table(canvas, element)
            elif isinstance(element, PictureBox):
                self.qr(canvas, element)
            elif isinstance(element, ImageBox):
                from reportlab.lib.utils import ImageReader

                canvas.saveState()  # images draw upright: flip back within the box
                canvas.translate(element.x, element.y + element.h)
                canvas.scale(1, -1)
                canvas.drawImage(ImageReader(io.BytesIO(element.data)), 0, 0, element.w, element.h, mask="auto")
                canvas.restoreState()
        canvas.restoreState()

    def _line(self, canvas: Canvas, para: LaidParagraph, line: Any, x: float, baseline: float) -> None:
        """Draw one laid-out line as one text object, its runs each in their font, colour and rise."""
        text = canvas.beginText()
        text.setTextTransform(1, 0, 0, -1, x, baseline)  # undo the flipped page for glyphs
        for run in line.runs:
            bold = run.bold or para.role in BOLD_ROLES
            italic = run.italic or para.role == "quote"
            name = self.fonts[(bold, italic)]
            size = para.size * (0.6 if run.cite else 1.0)
            width = stringWidth(run.text, name, size)
            text.setFont(name, size)
            text.setFillColor(HexColor(text_colour(self.theme, para.role, run.status, bool(run.cite))))
            text.setRise(para.size * 0.3 if run.cite else 0.0)
            text.textOut(run.text)
            if run.url:
                canvas.linkURL(run.url, (x, baseline + 2, x + width, baseline - para.size), relative=1)
            x += width
        canvas.saveState()  # the runs' colours must not leak into what is drawn next
        canvas.drawText(text)
        canvas.restoreState()

    def text(self, canvas: Canvas, box: TextBox) -> None:
        y = box.y
        ascent = face().ascent / face().units_per_em
        for para in box.paragraphs:
            y += para.space_before
            height = face().line_height(para.size) * box.line_spacing
            for index, line in enumerate(para.lines):
                baseline = y + ascent * para.size
                x = box.x + para.indent
                if para.align == "right":
                    x = box.x + box.w - line.width
                elif para.align == "center":
                    x = box.x + (box.w - line.width) / 2
                if index == 0 and para.bullet:
                    canvas.setFillColor(HexColor(text_colour(self.theme, para.role)))
                    marker = canvas.beginText()
                    marker.setTextTransform(1, 0, 0, -1, box.x, baseline)
                    marker.setFont(self.fonts[(False, False)], para.size)
                    marker.textOut(para.bullet)
                    canvas.drawText(marker)
                self._line(canvas, para, line, x, baseline)
                y += height

    def table(self, canvas: Canvas, box: TableBox) -> None:
        colours = self.theme.colours
        y = box.y
        for r, (row, height) in enumerate(zip(box.cells, box.row_heights, strict=True)):
            x = box.x
            fill = colours.table_header_bg if r == 0 else (colours.table_stripe_bg if r % 2 == 0 else "#FFFFFF")
            canvas.setFillColor(HexColor(fill))
            canvas.rect(box.x, y, box.w, height, stroke=0, fill=1)
            for cell, width in zip(row, box.col_widths, strict=True):
                role = "table_header" if r == 0 else "body"
                para = LaidParagraph(cell.runs, cell.lines, box.size, role)
                baseline = y + box.padding + face().ascent / face().units_per_em * box.size
                for line in cell.lines:
                    if r == 0:
                        self._header_line(canvas, line, x + box.padding, baseline, box.size)
                    else:
                        self._line(canvas, para, line, x + box.padding, baseline)
                    baseline += face().line_height(box.size)
                x += width
            y += height

    def _header_line(self, canvas: Canvas, line: Any, x: float, baseline: float, size: float) -> None:
        canvas.setFillColor(HexColor(self.theme.colours.table_header_text))
        text = canvas.beginText()
        text.setTextTransform(1, 0, 0, -1, x, baseline)
        text.setFont(self.fonts[(True, False)], size)
        text.textOut("".join(run.text for run in line.runs))
        canvas.drawText(text)

    def qr(self, canvas: Canvas, box: PictureBox) -> None:
        canvas.setFillColor(HexColor("#FFFFFF"))
        canvas.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#000000"))
        for x, top, w, h in qr_rects(box.url, box.w):  # slide coordinates already run top-down
            canvas.rect(box.x + x, box.y + top, w, h, stroke=0, fill=1)
        canvas.linkURL(box.url, (box.x, box.y, box.x + box.w, box.y + box.h), relative=1)


def new_canvas(buffer: io.BytesIO, size: tuple[float, float], meta: Meta, title_suffix: str = "") -> Canvas:
    """Return a deterministic canvas with the document metadata set."""
    font = register_slide_fonts()[(False, False)]
    canvas = Canvas(buffer, pagesize=size, invariant=1, lang=meta.language, pageCompression=1, initialFontName=font)
    stamp = pdf_date(meta)
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(meta.title + title_suffix)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("briefpack")
    canvas.setProducer("briefpack")
    return canvas


def render_slides_pdf(slides: tuple[LaidSlide, ...], theme: Theme, meta: Meta) -> bytes:
    """Return a PDF with one 16:9 page per slide, bookmarked by slide title."""
    painter = SlidePainter(theme)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (SLIDE_WIDTH, SLIDE_HEIGHT), meta)
    for slide in slides:
        canvas.saveState()
        canvas.transform(1, 0, 0, -1, 0, SLIDE_HEIGHT)  # slide coordinates: origin top left
        painter.paint(canvas, slide)
        canvas.restoreState()
        key = f"slide-{slide.number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{slide.number}. {slide.title}", key, level=0)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
