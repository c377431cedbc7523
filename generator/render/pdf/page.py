"""Page furniture of printed documents: the running footer, the cover band, fixed PDF metadata.

The footer ("title · version · date" and "Page X of Y") is drawn when the
document is saved, once the page count is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from generator.document import Cover, Handout, Meta
from generator.fonts.coverage import glyph_set, split_by_coverage
from generator.fonts.reportlab import register_fallback_font
from generator.render.pdf.blocks import COVER_BAND, LOGO_MAX_HEIGHT, LOGO_MAX_WIDTH
from generator.render.pdf.contents import PendingNumber, draw_deferred
from generator.render.pdf.finish import DocumentInfo
from generator.render.pdf.flowables import draw_logo, logo_size
from generator.render.pdf.reportlab_hooks import keep_page, page_code, replay_pages, restore_page
from generator.render.pdf.structure import FOOTER_BEGIN, TAGGER, Tagger, TaggingCanvas
from generator.theme import Theme

FOOTER_ROOM = 8  # points between the body and the bottom margin, where the footer rule sits
FOOTER_GAP = 2.0  # ems kept between the footer's left text and its page number


@dataclass(frozen=True)
class FooterLayout:
    """Where the running footer goes: its size, whether its page number takes a line of its own, its rule.

    At large sizes "title · Version · date" and "Page 12 of 38" no longer fit
    side by side; the page number then goes on a second line, and the body
    ends higher, so nothing collides and the rule never strikes a letter.
    """

    size: float
    two_lines: bool
    baseline: float  # of the footer's last line, from the paper's bottom edge

    @property
    def leading(self) -> float:
        return self.size * 1.25

    @property
    def rule(self) -> float:
        """Height of the rule above the footer: clear of its first line's tallest letters."""
        top = self.baseline + (self.leading if self.two_lines else 0.0)
        return top + self.size * 0.95 + 2

    def body_bottom(self, margin: float) -> float:
        """Return where the body frame must end: above the rule, and never lower than the margin allows."""
        return max(margin + FOOTER_ROOM, self.rule + 6)


def footer_texts(handout: Handout, page: int, total: int) -> tuple[str, str]:
    """Return the footer's left text and its page number."""
    meta, labels = handout.meta, handout.labels
    date = meta.date_text or meta.date.isoformat()  # in words, as the cover says it
    left = f"{meta.title} · {labels.get('version', 'Version')} {meta.version} · {date}"
    if meta.draft:  # a draft translation says so on every page
        left = f"{meta.draft} · {left}"
    return left, labels.get("page_of", "Page {page} of {pages}").format(page=page, pages=total)


def footer_layout(handout: Handout, theme: Theme, font: str, paper: tuple[float, float]) -> FooterLayout:
    """Return the footer's layout for this handout: one line if its widest page number fits beside the text."""
    size = theme.at_least(theme.handout.small - 1)
    margin = theme.margin_mm * mm
    left, right = footer_texts(handout, 99, 99)  # the widest page number it could print
    width = text_width(left, size, font, theme) + text_width(right, size, font, theme) + FOOTER_GAP * size
    return FooterLayout(size, width > paper[0] - 2 * margin, margin * 0.7)


def text_width(text: str, size: float, font: str, theme: Theme) -> float:
    """Return the width of ``text`` in the handout font, characters it lacks measured in the fallback."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(piece, name, size) for piece, name in text_pieces(text, font, theme)))


def text_pieces(text: str, font: str, theme: Theme) -> list[tuple[str, str]]:
    """Return ``text`` in pieces, each with the font that has its characters (the handout's, or the fallback)."""
    fallback_font = register_fallback_font(theme.fonts.fallback)
    pieces = split_by_coverage(text, glyph_set(theme.fonts.handout), glyph_set(theme.fonts.fallback))
    return [(piece, fallback_font if use else font) for piece, use in pieces]


def metadata_canvas(buffer: Any, size: tuple[float, float], meta: Meta, font: str, tagger: Tagger,
                    title_suffix: str = "") -> Any:
    """Return a deterministic canvas drawing for ``tagger``, with the document's metadata (the pack's own only)."""
    canvas = TaggingCanvas(buffer, pagesize=size, invariant=1, lang=meta.language, pageCompression=1,
                           initialFontName=font)
    setattr(canvas, TAGGER, tagger)
    stamp = pdf_date(meta)
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(meta.title + title_suffix)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("briefpack")
    canvas.setProducer("briefpack")
    return canvas


def pdf_date(meta: Meta) -> str:
    """Return the pack's date as a PDF date, so the same input always gives the same bytes."""
    return f"D:{meta.date:%Y%m%d}000000+00'00'"


def tagged_info(meta: Meta, title: str | None = None) -> DocumentInfo:
    """Return what a tagged PDF says about itself (XMP), for ``meta``."""
    return DocumentInfo(title or meta.title, meta.language, meta.author, meta.subject, tuple(meta.keywords),
                        f"{meta.date:%Y-%m-%d}T00:00:00Z")


def document_info(meta: Meta, title: str | None = None) -> dict[str, Any]:
    """Return the metadata keywords reportlab's document templates take, for ``meta``."""
    return {"title": title or meta.title, "author": meta.author, "subject": meta.subject,
            "keywords": list(meta.keywords), "creator": "briefpack", "producer": "briefpack",
            "lang": meta.language, "invariant": 1}


def cover_band(theme: Theme, meta: Meta, size: tuple[float, float]) -> Any:
    """Return the page callback that paints the cover's band (and the logo on it)."""
    margin = theme.margin_mm * mm

    def paint(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.colours.band))
        canvas.rect(0, size[1] * (1 - COVER_BAND), size[0], size[1] * COVER_BAND, stroke=0, fill=1)
        if meta.logo:
            w, h = logo_size(meta.logo, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT)
            draw_logo(canvas, meta.logo, size[0] - margin - w, size[1] - margin - h, w, h)
        canvas.restoreState()

    return paint


def footer_canvas(handout: Handout, theme: Theme, font: str, paper: tuple[float, float],
                  tagger: Tagger | None = None, footer: FooterLayout | None = None) -> type:
    """Return a canvas class that draws, once every page is laid out, the footer and the contents' page numbers."""
    margin = theme.margin_mm * mm
    layout = footer or footer_layout(handout, theme, font, paper)
    has_cover = bool(handout.blocks) and isinstance(handout.blocks[0], Cover) and not handout.blocks[0].compact

    class FooterCanvas(TaggingCanvas):
        heading_pages: ClassVar[dict[str, int]] = {}  # bookmark key → page, filled as headings are laid out

        def draw_text(self, x: float, y: float, text: str, size: float) -> None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            for piece, name in text_pieces(text, font, theme):
                self.setFont(name, size)
                self.drawString(x, y, piece)
                x += stringWidth(piece, name, size)

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self.kept_pages: list[dict[str, Any]] = []
            self.pending_numbers: list[PendingNumber] = []  # contents entries on this page, numbered at save
            setattr(self, TAGGER, tagger)
            stamp = pdf_date(handout.meta)
            self.setDateFormatter(lambda *_: stamp)

        def showPage(self) -> None:
            # The page is written later (in save), when the page count is known; bookmarks and links
            # made on the pages that follow must name them, so the page counter moves on now.
            self.kept_pages.append(keep_page(self))
            self.pending_numbers = []

        def save(self) -> None:
            total = len(self.kept_pages)
            replay_pages(self)
            for state in self.kept_pages:
                restore_page(self, state)
                if self.pending_numbers:
                    draw_deferred(self, self.pending_numbers, self.heading_pages)
                # A one-page document (a summary) has no footer: its masthead says all a footer would.
                if (self.getPageNumber() > 1 or not has_cover) and total > 1:
                    self.draw_footer(total)
                self.finish_page()
                Canvas.showPage(self)
            Canvas.save(self)

        def draw_footer(self, total: int) -> None:
            """Draw the footer as one pagination artifact, said to be the page's footer."""
            code = page_code(self)
            code.append(FOOTER_BEGIN)
            self.saveState()
            size = layout.size
            self.setFillColor(HexColor(theme.colours.muted))
            left, right = footer_texts(handout, self.getPageNumber(), total)
            y = layout.baseline  # about 12 mm from the paper's edge: inside any home printer's reach
            self.draw_text(margin, y + (layout.leading if layout.two_lines else 0), left, size)
            self.draw_text(paper[0] - margin - text_width(right, size, font, theme), y, right, size)
            self.setStrokeColor(HexColor(theme.colours.rule))
            self.setLineWidth(0.5)
            self.line(margin, layout.rule, paper[0] - margin, layout.rule)
            self.restoreState()
            code.append("EMC")

    return FooterCanvas
