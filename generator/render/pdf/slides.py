"""Draw measured slides with reportlab: the slides PDF, and slide pictures for the speaker handout.

It draws the very boxes, sizes and wrapped lines the PPTX renderer writes, in
Arimo (Arial's metric twin), so the PDF version of the deck matches the PPTX.
"""

from __future__ import annotations

import io
from contextlib import nullcontext
from typing import Any, assert_never

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from generator.document import Meta
from generator.fonts.reportlab import register_slide_fonts
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
from generator.render.pdf.context import whole_language
from generator.render.pdf.finish import finish_tagged_pdf
from generator.render.pdf.flowables import draw_status_symbol
from generator.render.pdf.links import SlideLinks
from generator.render.pdf.page import metadata_canvas, tagged_info
from generator.render.pdf.reportlab_hooks import verify
from generator.render.pdf.structure import Tagger, tagger_of
from generator.render.pdf.tagged import TableTags, figure, link_figure
from generator.render.qr import qr_rects
from generator.render.slide_style import rect_colour, row_fill, shape_colour, text_colour
from generator.theme import Theme

# The structure a slide paragraph's role has in the tagged PDF (anything else is a paragraph).
SLIDE_ROLES = {"title": "H1", "cover": "H1", "heading": "H2"}


class SlidePainter:
    """Paints slides on a reportlab canvas in slide coordinates (points, origin top left).

    With ``tagged``, what it paints is tagged for the canvas's Tagger (the
    slides PDF); a slide drawn as a picture (in the speaker notes) is not.
    """

    def __init__(self, theme: Theme, tagged: bool = True):
        self.theme = theme
        self.fonts = register_slide_fonts()
        self.tagged = tagged

    def tagger(self, canvas: Canvas) -> Tagger | None:
        return tagger_of(canvas) if self.tagged else None

    def paint(self, canvas: Canvas, slide: LaidSlide) -> None:
        """Draw ``slide`` with its top-left corner at the canvas origin, y growing down."""
        canvas.saveState()
        canvas.setFillColor(HexColor("#FFFFFF"))
        canvas.rect(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, stroke=0, fill=1)
        for element in slide.elements:
            self.element(canvas, element)
        canvas.restoreState()

    def element(self, canvas: Canvas, element: Element) -> None:
        """Draw one element of the layout; every kind of box is drawn (mypy checks, ``assert_never``)."""
        match element:
            case RectBox():
                canvas.setFillColor(HexColor(rect_colour(self.theme, element)))
                canvas.rect(element.x, element.y, element.w, element.h, stroke=0, fill=1)
            case TextBox():
                self.text(canvas, element)
            case TableBox():
                self.table(canvas, element)
            case PictureBox():
                self.qr(canvas, element)
            case ImageBox():
                self.image(canvas, element)
            case DiagramBox():
                self.diagram(canvas, element)
            case _:
                assert_never(element)

    def diagram(self, canvas: Canvas, box: DiagramBox) -> None:
        """Draw a diagram as one figure: its shapes and labels, read by its alternative text."""
        def draw() -> None:
            for element in box.elements:
                match element:
                    case ShapeBox():
                        self.shape(canvas, element)
                    case TextBox():
                        self.text(canvas, element, tagged=False)
                    case _:
                        assert_never(element)

        if self.tagger(canvas):
            with figure(canvas, box.alt):
                draw()
        else:
            draw()

    def shape(self, canvas: Canvas, box: ShapeBox) -> None:
        """Draw a line, an arrow, an ellipse or a status symbol, as the PPTX renderer's native shapes look."""
        canvas.saveState()
        if box.line:
            canvas.setStrokeColor(HexColor(shape_colour(self.theme, box.line)))
        if box.fill:
            canvas.setFillColor(HexColor(shape_colour(self.theme, box.fill)))
        canvas.setLineWidth(box.width)
        if box.shape in ("line", "arrow"):
            canvas.line(box.x, box.y, box.x + box.w, box.y + box.h)
            if box.shape == "arrow":  # a filled head at the end
                head = max(6.0, box.width * 3)
                path = canvas.beginPath()
                end_x, end_y = box.x + box.w, box.y + box.h
                path.moveTo(end_x, end_y)
                path.lineTo(end_x - head * 1.6, end_y - head)
                path.lineTo(end_x - head * 1.6, end_y + head)
                path.close()
                canvas.setFillColor(HexColor(shape_colour(self.theme, box.line or "accent")))
                canvas.drawPath(path, stroke=0, fill=1)
        elif box.shape == "ellipse":
            canvas.ellipse(box.x, box.y, box.x + box.w, box.y + box.h, stroke=1 if box.line else 0,
                           fill=1 if box.fill else 0)
        else:
            canvas.translate(box.x, box.y + box.h)
            canvas.scale(1, -1)  # the status symbols are drawn y-up, like the handout's
            draw_status_symbol(canvas, box.shape, box.w)
        canvas.restoreState()

    def image(self, canvas: Canvas, element: ImageBox) -> None:
        from reportlab.lib.utils import ImageReader

        def draw() -> None:
            canvas.saveState()  # images draw upright: flip back within the box
            canvas.translate(element.x, element.y + element.h)
            canvas.scale(1, -1)
            canvas.drawImage(ImageReader(io.BytesIO(element.data)), 0, 0, element.w, element.h, mask="auto")
            canvas.restoreState()

        if self.tagger(canvas):
            with figure(canvas, element.alt):
                draw()
        else:
            draw()

    def _line(self, canvas: Canvas, para: LaidParagraph, line: Any, x: float, baseline: float,
              wrapped: bool = False, links: SlideLinks | None = None) -> None:
        """Draw one laid-out line as one text object, its runs each in their font, colour and rise.

        A ``wrapped`` line (one a paragraph continues after) ends with its space, so
        the words either side of the break stay two words for a screen reader.
        With ``links`` (a tagged paragraph that has links), each run is marked
        inside the text object as the paragraph's words or its link's.
        """
        text = canvas.beginText()
        text.setTextTransform(1, 0, 0, -1, x, baseline)  # undo the flipped page for glyphs
        runs = line.runs
        for index, run in enumerate(runs):
            bold = run.bold or para.role in BOLD_ROLES
            italic = run.italic or para.role == "quote"
            name = self.fonts[(bold, italic)]
            raised = bool(run.cite) and not self.theme.min_text  # large print: markers on the line, full size
            size = para.size * (0.6 if raised else 1.0)
            width = stringWidth(run.text, name, size)
            text.setFont(name, size)
            text.setFillColor(HexColor(text_colour(self.theme, para.role, run.status, bool(run.cite))))
            text.setRise(para.size * 0.3 if raised else 0.0)
            if links:
                links.begin(canvas, text, run.url, run.lang)
            text.textOut(run.text + (" " if wrapped and index == len(runs) - 1 else ""))
            if links:
                links.end(text)
            if run.url:
                rect = (x, baseline + 2, x + width, baseline - para.size)

                def make(url: str = run.url, rect: tuple[float, ...] = rect) -> None:
                    canvas.linkURL(url, rect, relative=1)

                if links:
                    links.annotate(canvas, run.url, make)
                elif self.tagged:  # a slide's picture in the notes is a picture: no links in it
                    make()
            x += width
        canvas.saveState()  # the runs' colours must not leak into what is drawn next
        canvas.drawText(text)
        canvas.restoreState()

    def text(self, canvas: Canvas, box: TextBox, *, tagged: bool = True) -> None:
        tagger = self.tagger(canvas) if box.role != "footer" and tagged else None
        in_list = False
        for para, first, lines in placed(box):
            if tagger and bool(para.bullet) != in_list:
                if in_list:
                    tagger.close()
                else:
                    tagger.open("L")
                in_list = bool(para.bullet)
            if para.bullet:
                if tagger:
                    tagger.open("LI")
                    with tagger.content(canvas, "Lbl"):
                        self._marker(canvas, para, box.x, first)
                else:
                    self._marker(canvas, para, box.x, first)
            role = "LBody" if para.bullet else SLIDE_ROLES.get(para.role, "P")
            lang = whole_language(para.runs)  # a paragraph wholly in another language says so itself
            # Its words and its links' words (or words in another language) side by side.
            hollow = any(run.url or (run.lang and not lang) for run in para.runs)
            with tagger.content(canvas, role, hollow=hollow) if tagger else nullcontext() as element:
                if element is not None and lang:
                    element.attrs["Lang"] = lang
                links = SlideLinks(tagger) if tagger and hollow else None
                for index, at in enumerate(lines):
                    self._line(canvas, para, at.line, at.x, at.baseline, wrapped=index < len(lines) - 1,
                               links=links)
            if tagger and para.bullet:
                tagger.close()  # the LI
        if tagger and in_list:
            tagger.close()

    def _marker(self, canvas: Canvas, para: LaidParagraph, x: float, baseline: float) -> None:
        canvas.setFillColor(HexColor(text_colour(self.theme, para.role)))
        marker = canvas.beginText()
        marker.setTextTransform(1, 0, 0, -1, x, baseline)
        marker.setFont(self.fonts[(False, False)], para.size)
        marker.textOut(para.bullet)
        canvas.drawText(marker)

    def table(self, canvas: Canvas, box: TableBox) -> None:
        tagger = self.tagger(canvas)
        tags = TableTags(header_rows=1, row_headers=True)
        table = _TableOnCanvas(canvas)
        if tagger:
            tags(table, "startTable")
        for r, (top, height, cells) in enumerate(placed_rows(box)):
            canvas.setFillColor(HexColor(row_fill(self.theme, r)))
            canvas.rect(box.x, top, box.w, height, stroke=0, fill=1)
            if tagger:
                tags(table, "startRow", r)
            for c, at in enumerate(cells):
                para = LaidParagraph(at.cell.runs, at.cell.lines, box.size, "table_header" if r == 0 else "body")
                if tagger:
                    tags(table, "startCell", r, c)
                with tagger.content(canvas, "P") if tagger else nullcontext():
                    for index, (line, baseline) in enumerate(zip(at.cell.lines, at.baselines, strict=True)):
                        wrapped = index < len(at.cell.lines) - 1
                        if r == 0:
                            self._header_line(canvas, line, at.x, baseline, box.size, wrapped)
                        else:
                            self._line(canvas, para, line, at.x, baseline, wrapped)
                if tagger:
                    tags(table, "endCell")
            if tagger:
                tags(table, "endRow")
        if tagger:
            tags(table, "endTable")

    def _header_line(self, canvas: Canvas, line: Any, x: float, baseline: float, size: float,
                     wrapped: bool = False) -> None:
        canvas.setFillColor(HexColor(self.theme.colours.table_header_text))
        text = canvas.beginText()
        text.setTextTransform(1, 0, 0, -1, x, baseline)
        text.setFont(self.fonts[(True, False)], size)
        text.textOut("".join(run.text for run in line.runs) + (" " if wrapped else ""))
        canvas.drawText(text)

    def qr(self, canvas: Canvas, box: PictureBox) -> None:
        def squares() -> None:
            canvas.setFillColor(HexColor("#FFFFFF"))
            canvas.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
            canvas.setFillColor(HexColor("#000000"))
            for x, top, w, h in qr_rects(box.url, box.w):  # slide coordinates already run top-down
                canvas.rect(box.x + x, box.y + top, w, h, stroke=0, fill=1)

        def link() -> None:
            canvas.linkURL(box.url, (box.x, box.y, box.x + box.w, box.y + box.h), relative=1)

        if self.tagger(canvas):
            link_figure(canvas, box.alt, squares, link)
        else:
            squares()
            if self.tagged:  # a slide's picture in the notes is a picture: no links in it
                link()


class _TableOnCanvas:
    """What ``TableTags`` asks of a table: the canvas it is drawn on (slides draw tables themselves)."""

    def __init__(self, canvas: Canvas):
        self.canv = canvas


def new_canvas(buffer: io.BytesIO, size: tuple[float, float], meta: Meta, tagger: Tagger,
               title_suffix: str = "") -> Canvas:
    """Return a deterministic canvas with the document metadata set, drawing for ``tagger``."""
    return metadata_canvas(buffer, size, meta, register_slide_fonts()[(False, False)], tagger, title_suffix)


def render_slides_pdf(slides: tuple[LaidSlide, ...], theme: Theme, meta: Meta) -> bytes:
    """Return a PDF with one 16:9 page per slide, bookmarked by slide title."""
    verify()  # once per process: reportlab still calls every hook tagging relies on
    painter = SlidePainter(theme)
    buffer = io.BytesIO()
    tagger = Tagger()
    canvas = new_canvas(buffer, (SLIDE_WIDTH, SLIDE_HEIGHT), meta, tagger)
    for slide in slides:
        tagger.open("Sect")  # one section per slide, its title the heading
        canvas.saveState()
        canvas.transform(1, 0, 0, -1, 0, SLIDE_HEIGHT)  # slide coordinates: origin top left
        painter.paint(canvas, slide)
        canvas.restoreState()
        tagger.close()
        key = f"slide-{slide.number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{slide.number}. {slide.title}", key, level=0)
        canvas.showPage()
    canvas.save()
    return finish_tagged_pdf(buffer.getvalue(), tagger, tagged_info(meta))
