"""The speaker handout: each slide as drawn in the deck, its speaker notes below it at the full width."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from generator.document import Meta, any_unchecked
from generator.errors import BuildError
from generator.fonts.reportlab import register_handout_font
from generator.layout.boxes import SLIDE_HEIGHT, SLIDE_WIDTH, LaidSlide
from generator.render.pdf.finish import finish_tagged_pdf
from generator.render.pdf.flowables import Bookmark
from generator.render.pdf.markup import markup, paragraph_styles, plain_markup
from generator.render.pdf.page import document_info, pdf_date, tagged_info
from generator.render.pdf.reportlab_hooks import verify
from generator.render.pdf.slides import SlidePainter
from generator.render.pdf.structure import Tagger, tagging_canvas
from generator.render.pdf.tagged import TaggedParagraph as Paragraph
from generator.render.pdf.tagged import figure
from generator.theme import Theme

SLIDE_SCALE = 0.3


class SlidePicture(Flowable):
    """A slide drawn small, with a thin frame."""

    def __init__(self, slide: LaidSlide, painter: SlidePainter, rule: str):
        super().__init__()
        self.slide, self.painter, self.rule = slide, painter, rule
        self.width, self.height = SLIDE_WIDTH * SLIDE_SCALE, SLIDE_HEIGHT * SLIDE_SCALE

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _restrictSize(self, available_width: float, available_height: float) -> tuple[float, float]:
        # ImageAndFlowables asks images for this; a slide picture keeps its size.
        return self.width, self.height

    def _unRestrictSize(self) -> None:
        pass

    def draw(self) -> None:
        canvas = self.canv
        with figure(canvas, f"Slide {self.slide.number}: {self.slide.title}"):  # its words are in the notes' heading
            canvas.saveState()
            canvas.transform(SLIDE_SCALE, 0, 0, -SLIDE_SCALE, 0, self.height)
            self.painter.paint(canvas, self.slide)
            canvas.restoreState()
        canvas.setStrokeColor(HexColor(self.rule))
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)


def render_speaker_pdf(slides: tuple[LaidSlide, ...], theme: Theme, meta: Meta,
                       labels: dict[str, str]) -> tuple[bytes, int]:
    """Return (PDF bytes, pages) of the speaker handout: each slide's picture with its notes below it."""
    verify()  # once per process: reportlab still calls every hook tagging relies on
    font = register_handout_font(theme.fonts.handout)
    styles = paragraph_styles(theme, font)
    painter = SlidePainter(theme, tagged=False)  # a slide picture is one Figure, not its parts
    buffer = io.BytesIO()
    margin = theme.margin_mm * mm
    title = f"{meta.title}: {labels.get('speaker_notes', 'Speaker notes')}"
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, initialFontName=font, **document_info(meta, title))
    story: list[Any] = [Paragraph(plain_markup(title, theme), styles["h1"], role="H1"), Spacer(1, 4)]
    if meta.draft:  # a draft translation says so, first
        story.append(Paragraph(f"<b>{plain_markup(meta.draft, theme)}</b>", styles["body"]))
    starred = any(any_unchecked(note) for slide in slides for note in slide.notes)
    if starred:  # the key to the unchecked mark, where the marks are
        story.append(Paragraph(plain_markup(labels.get("unchecked_legend", ""), theme), styles["small"]))
    note_style = styles["small"].clone("notes", textColor=HexColor(theme.colours.text))
    for slide in slides:
        mark = Bookmark(f"slide-{slide.number}", f"{slide.number}. {slide.title}")
        # The heading comes first, above its picture: jumping by heading lands on the slide, not after it.
        named = Paragraph(f"<b>{slide.number}.</b> " + plain_markup(slide.title, theme), styles["h3"], role="H2")
        notes: list[Any] = [Paragraph(markup(n, theme, cite_links=False), note_style) for n in slide.notes]
        if theme.min_text:  # large print: a miniature's words would be a few points high; its title says it
            story += [mark, named, *notes]
        else:  # the picture, then the notes at the page's full width: one column to read down, never two
            picture = SlidePicture(slide, painter, theme.colours.rule)
            # A heading never ends a page without its picture, nor a picture without its notes' first lines.
            keep = CondPageBreak(picture.height + styles["h3"].leading * 2 + note_style.leading * 3)
            story += [keep, mark, named, picture, Spacer(1, 6), *notes]
        story.append(HRFlowable(width="100%", thickness=0.5, color=HexColor(theme.colours.rule),
                                spaceBefore=6, spaceAfter=8))
    stamp = pdf_date(meta)

    def dated(canvas: Any, _doc: Any) -> None:
        canvas.setDateFormatter(lambda *_: stamp)

    tagger = Tagger()
    try:
        doc.build(story, onFirstPage=dated, onLaterPages=dated, canvasmaker=tagging_canvas(tagger))
    except LayoutError as exc:
        detail = " ".join(str(exc).split())
        raise BuildError(f"speaker notes could not be laid out: {detail[:160]}…") from None
    return finish_tagged_pdf(buffer.getvalue(), tagger, tagged_info(meta, title)), doc.page
