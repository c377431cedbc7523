"""Render measured slides (``LaidSlide``) to an editable PPTX with python-pptx.

Every box is drawn exactly where the layout put it, at the size the layout
measured, with no insets and no autofit; titles go into the layout's real title
placeholder so screen readers and the outline view see them first.
"""

from __future__ import annotations

import io
from typing import Any, assert_never

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.document import Meta, Run, append_run
from generator.layout.boxes import (
    BOLD_ROLES,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    DiagramBox,
    ImageBox,
    LaidParagraph,
    LaidSlide,
    Line,
    PictureBox,
    RectBox,
    ShapeBox,
    TableBox,
    TextBox,
)
from generator.render.pptx_internals import (
    check,
    line_element,
    non_visual,
    paragraph_element,
    run_element,
    shape_tree,
    text_body,
    title_only_layout,
)
from generator.render.pptx_package import finish_package
from generator.render.qr import qr_png
from generator.render.slide_style import rect_colour, shape_colour, text_colour
from generator.theme import Theme, hex_to_rgb

ALIGN_CODE = {"left": "l", "right": "r", "center": "ctr"}


def line_runs(lines: tuple[Line, ...]) -> list[Run | None]:
    """Return the runs of a wrapped paragraph line by line, ``None`` between lines, each line's runs merged.

    The deck shows the lines the layout measured, as the slides PDF does:
    left to itself, Impress or PowerPoint would break a line a word earlier
    or later than the measurement, so a bar or box sized for one set of lines
    would not fit the other. Each line is measured with room to spare
    (``fonts.metrics.SAFETY``), so no application breaks it again.
    """
    out: list[Run | None] = []
    for index, line in enumerate(lines):
        if index:
            out.append(None)
        merged: list[Run] = []
        for run in line.runs:
            append_run(merged, run)
        out.extend(merged)
    return out


def _rgb(colour: str) -> RGBColor:
    return RGBColor(*hex_to_rgb(colour))


class PptxWriter:
    """Draws one deck; colours and the font name come from the theme."""

    def __init__(self, theme: Theme, meta: Meta):
        self.theme = theme
        self.meta = meta
        self.font = theme.fonts.deck
        self.prs = Presentation()
        self.prs.slide_width = Pt(SLIDE_WIDTH)
        self.prs.slide_height = Pt(SLIDE_HEIGHT)

    def colour_for(self, role: str, run_status: str | None = None, cite: bool = False) -> str:
        return text_colour(self.theme, role, run_status, cite)

    def slide(self, laid: LaidSlide) -> None:
        slide = self.prs.slides.add_slide(title_only_layout(self.prs))
        title_done = False
        for element in laid.elements:
            match element:
                case RectBox():
                    self.rect(slide, element)
                case TextBox():
                    # The title placeholder holds the slide's title, not a "Part 2" label or subtitle above it.
                    if not title_done and element.role in ("title", "cover") and \
                            any(p.role in ("title", "cover") for p in element.paragraphs):
                        self.text(slide.shapes.title, element)
                        title_done = True
                    else:
                        self.text(slide.shapes.add_textbox(*self._box(element)), element)
                case TableBox():
                    self.table(slide, element)
                case PictureBox():
                    self.picture(slide, element)
                case ImageBox():
                    picture = slide.shapes.add_picture(io.BytesIO(element.data), *self._box(element))
                    picture.name = "Logo"
                    non_visual(picture).set("descr", element.alt)
                case DiagramBox():
                    self.diagram(slide, element)
                case _:
                    assert_never(element)
        if not title_done:  # keep the placeholder from showing its prompt text
            slide.shapes.title.element.getparent().remove(slide.shapes.title.element)
        # Reading order is document order: the title first of what a screen reader reads. Decorative
        # shapes (a band behind the title) go before it, so they are drawn beneath it and skipped.
        tree = shape_tree(slide)
        for shape in slide.shapes:
            if shape.is_placeholder:
                tree.remove(shape.element)
                tree.insert(2, shape.element)
        for shape in reversed([s for s in slide.shapes if s.name.startswith("Background")]):
            tree.remove(shape.element)
            tree.insert(2, shape.element)
        notes = "\n\n".join("".join(run.text for run in note) for note in laid.notes)  # citations where they stand
        if notes.strip():
            frame = slide.notes_slide.notes_text_frame
            frame.text = notes
            for paragraph in frame.paragraphs:  # read aloud in the pack's language
                for run in paragraph.runs:
                    run_element(run).get_or_add_rPr().set("lang", self.meta.language)

    @staticmethod
    def _box(box: Any) -> tuple[int, int, int, int]:
        return Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)

    def rect(self, slide: Any, box: RectBox) -> None:
        colour = rect_colour(self.theme, box)
        if (box.x, box.y, box.w, box.h) == (0, 0, SLIDE_WIDTH, SLIDE_HEIGHT):
            # A full-slide colour is the slide background, not a shape over the title.
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = _rgb(colour)
            return
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *self._box(box))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colour)
        shape.line.fill.background()
        shape.shadow.inherit = False
        shape.name = f"Background {box.role}"
        mark_decorative(non_visual(shape))

    def text(self, shape: Any, box: TextBox) -> None:
        shape.left, shape.top, shape.width, shape.height = self._box(box)
        body = text_body(shape.text_frame)
        # What the frame's word_wrap, auto_size, margins and vertical_anchor properties write, written directly.
        body_pr = body.bodyPr
        body_pr.set("wrap", "square")
        for child in list(body_pr):
            body_pr.remove(child)
        etree.SubElement(body_pr, qn("a:noAutofit"))
        for inset in ("lIns", "rIns", "tIns", "bIns"):
            body_pr.set(inset, "0")
        body_pr.set("anchor", "t")
        spacing = str(round(box.line_spacing * 100000))
        for index, para in enumerate(box.paragraphs):
            p = body.p_lst[0] if index == 0 else body.add_p()
            # What the paragraph's alignment, line_spacing, space_before and space_after properties write.
            ppr = p.get_or_add_pPr()
            ppr.set("algn", ALIGN_CODE.get(para.align, "l"))
            etree.SubElement(etree.SubElement(ppr, qn("a:lnSpc")), qn("a:spcPct")).set("val", spacing)
            etree.SubElement(etree.SubElement(ppr, qn("a:spcBef")), qn("a:spcPts")).set(
                "val", str(round(para.space_before * 100)))
            etree.SubElement(etree.SubElement(ppr, qn("a:spcAft")), qn("a:spcPts")).set("val", "0")
            if para.bullet:
                self._bullet(ppr, para)
            for run in line_runs(para.lines):
                if run is None:
                    self._break(p, para.size)
                    continue
                self._run(shape.part, p, run, para.size, run.bold or para.role in BOLD_ROLES,
                          run.italic or para.role == "quote", self.colour_for(para.role, run.status, bool(run.cite)))
        shape.name = f"{box.role.capitalize()} text"

    def _break(self, paragraph: Any, size: float) -> None:
        """Append a line break (``a:br``) at ``size``: the line ends where the measured layout ends it."""
        rpr = etree.SubElement(etree.SubElement(paragraph, qn("a:br")), qn("a:rPr"))
        rpr.set("sz", str(round(size * 100)))
        rpr.set("lang", self.meta.language)

    def _run(self, part: Any, paragraph: Any, run: Run, size: float, bold: bool, italic: bool | None,
             colour: str) -> None:
        """Append ``run`` to ``paragraph`` as a styled ``a:r``, written as XML directly.

        This is the XML python-pptx's font properties write (the same elements,
        attributes and order), built without their lookups, which made runs the
        slowest part of a deck.
        """
        r = paragraph.add_r()
        r.text = run.text
        rpr = r.get_or_add_rPr()
        rpr.set("sz", str(round(size * 100)))
        rpr.set("b", "1" if bold else "0")
        if italic is not None:
            rpr.set("i", "1" if italic else "0")
        rpr.set("lang", run.lang or self.meta.language)  # words in another language say which
        if run.cite and not self.theme.min_text:  # large print: markers on the line, at full size
            rpr.set("baseline", "30000")
        fill = etree.SubElement(rpr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr")).set("val", colour.lstrip("#").upper())
        etree.SubElement(rpr, qn("a:latin")).set("typeface", self.font)
        if run.url:
            link = etree.SubElement(rpr, qn("a:hlinkClick"))
            link.set(qn("r:id"), part.relate_to(run.url, RT.HYPERLINK, is_external=True))
            if run.link_title:  # an address as link text: its tip names what it opens
                link.set("tooltip", run.link_title)

    def _bullet(self, ppr: Any, para: LaidParagraph) -> None:
        """Give the paragraph a hanging bullet; ECMA-376 order: lnSpc, spcBef, spcAft, buFont, buChar/buAutoNum."""
        ppr.set("marL", str(Pt(para.indent)))
        ppr.set("indent", str(-Pt(para.indent)))
        font = etree.SubElement(ppr, qn("a:buFont"))
        font.set("typeface", self.font)
        if para.bullet and para.bullet.endswith("."):
            number = etree.SubElement(ppr, qn("a:buAutoNum"))
            number.set("type", "arabicPeriod")
            start = int(para.bullet[:-1])
            if start > 1:
                number.set("startAt", str(start))
        else:
            char = etree.SubElement(ppr, qn("a:buChar"))
            char.set("char", para.bullet or "•")

    def table(self, slide: Any, box: TableBox) -> None:
        rows, cols = len(box.cells), len(box.col_widths)
        frame = slide.shapes.add_table(rows, cols, Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        frame.name = "Comparison table"
        header = ", ".join("".join(run.text for run in cell.runs) for cell in box.cells[0] if cell.runs)
        non_visual(frame).set("descr", f"Table with columns: {header}")  # first row: headers
        table = frame.table
        for index, width in enumerate(box.col_widths):
            table.columns[index].width = Pt(width)
        for index, height in enumerate(box.row_heights):
            table.rows[index].height = Pt(height)
        c = self.theme.colours
        for r, row in enumerate(box.cells):
            for k, cell in enumerate(row):
                target = table.cell(r, k)
                target.margin_left = target.margin_right = Pt(box.padding)
                target.margin_top = target.margin_bottom = Pt(box.padding)
                target.vertical_anchor = MSO_ANCHOR.TOP
                frame_ = target.text_frame
                frame_.word_wrap = True
                p = frame_.paragraphs[0]
                p.line_spacing = 1.0
                for run in line_runs(cell.lines):
                    if run is None:
                        self._break(paragraph_element(p), box.size)
                        continue
                    colour = c.table_header_text if r == 0 else self.colour_for("body", run.status, bool(run.cite))
                    self._run(frame.part, paragraph_element(p), run, box.size, run.bold or r == 0, None, colour)
                target.fill.solid()
                if r == 0:
                    target.fill.fore_color.rgb = _rgb(c.table_header_bg)
                else:
                    target.fill.fore_color.rgb = _rgb(c.table_stripe_bg if r % 2 == 0 else "#FFFFFF")

    def diagram(self, slide: Any, box: DiagramBox) -> None:
        """Draw a diagram as a group of native shapes and text boxes: editable, read by its alt text."""
        group = slide.shapes.add_group_shape()
        group.name = "Diagram"
        for element in box.elements:
            match element:
                case ShapeBox():
                    self.shape(group.shapes, element)
                case TextBox():
                    self.text(group.shapes.add_textbox(*self._box(element)), element)
                case _:
                    assert_never(element)
        non_visual(group).set("descr", box.alt)

    def shape(self, shapes: Any, box: ShapeBox) -> None:
        """Add a line, arrow, ellipse or status symbol as native shapes (decorative: the group has the alt text)."""
        line = _rgb(shape_colour(self.theme, box.line)) if box.line else None
        fill = _rgb(shape_colour(self.theme, box.fill)) if box.fill else None
        if box.shape in ("line", "arrow"):
            connector = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(box.x), Pt(box.y), Pt(box.x + box.w),
                                             Pt(box.y + box.h))
            connector.line.width = Pt(box.width)
            if line is not None:
                connector.line.color.rgb = line
            if box.shape == "arrow":
                ln = line_element(connector.line)
                etree.SubElement(ln, qn("a:tailEnd")).set("type", "triangle")
            mark_decorative(non_visual(connector))
            return
        made = []
        if box.shape == "tick":
            builder = shapes.build_freeform(Pt(box.x + box.w * 0.1), Pt(box.y + box.h * 0.5), scale=1.0)
            builder.add_line_segments([(Pt(box.x + box.w * 0.4), Pt(box.y + box.h * 0.85)),
                                       (Pt(box.x + box.w * 0.92), Pt(box.y + box.h * 0.15))], close=False)
            tick = builder.convert_to_shape()
            tick.fill.background()
            tick.line.width = Pt(box.w * 0.14)
            if line is not None:
                tick.line.color.rgb = line
            made.append(tick)
        else:
            kinds = {"ellipse": MSO_SHAPE.OVAL, "circle": MSO_SHAPE.OVAL, "half": MSO_SHAPE.OVAL,
                     "diamond": MSO_SHAPE.DIAMOND, "cross": MSO_SHAPE.MATH_MULTIPLY, "dash": MSO_SHAPE.MATH_MINUS}
            outline_only = box.shape in ("circle", "half", "diamond")
            shape = shapes.add_shape(kinds.get(box.shape, MSO_SHAPE.OVAL), *self._box(box))
            made.append(shape)
            if box.shape == "half":  # and its left half filled
                made.append(shapes.add_shape(MSO_SHAPE.CHORD, *self._box(box)))
                # Angles in 60000ths of a degree, which python-pptx scales by 100000: 90° to 270°, the left half.
                made[-1].adjustments[0], made[-1].adjustments[1] = 54.0, 162.0
            for index, part in enumerate(made):
                filled = fill is not None and (not outline_only or index > 0)
                if filled:
                    part.fill.solid()
                    part.fill.fore_color.rgb = fill
                else:
                    part.fill.background()
                if line is not None and (box.shape not in ("cross", "dash")):
                    part.line.color.rgb = line
                    part.line.width = Pt(max(0.75, box.w * 0.1))
                else:
                    part.line.fill.background()
                part.shadow.inherit = False
        for part in made:
            mark_decorative(non_visual(part))

    def picture(self, slide: Any, box: PictureBox) -> None:
        picture = slide.shapes.add_picture(io.BytesIO(qr_png(box.url)), *self._box(box))
        picture.name = "QR code"
        cnv = non_visual(picture)
        cnv.set("descr", box.alt)
        picture.click_action.hyperlink.address = box.url

    def save(self, slide_count: int) -> bytes:
        """Return the finished package: the pack's own metadata, fixed timestamps."""
        raw = io.BytesIO()
        self.prs.save(raw)
        return finish_package(raw.getvalue(), self.meta, slide_count)


DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"  # Office's "Mark as decorative" extension
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(cnv_pr: Any) -> None:
    """Mark a shape as decorative, as PowerPoint's "Mark as decorative" does: screen readers skip it."""
    cnv_pr.attrib.pop("descr", None)
    ext_list = etree.SubElement(cnv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"))
    ext.set("uri", DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}).set("val", "1")


def render_deck_pptx(slides: tuple[LaidSlide, ...], theme: Theme, meta: Meta) -> bytes:
    """Return the PPTX bytes of the measured ``slides``."""
    check()  # once per process: the python-pptx internals the writer uses are where it expects them
    writer = PptxWriter(theme, meta)
    for laid in slides:
        writer.slide(laid)
    return writer.save(len(slides))
