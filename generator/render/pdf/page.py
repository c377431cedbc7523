"""Page furniture of printed documents: the running footer, the cover band, fixed PDF metadata.

The footer ("title · version · date" and "Page X of Y") is drawn when the
document is saved, once the page count is known.
"""

from __future__ import annotations

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
from generator.render.pdf.reportlab_hooks import keep_page, replay_pages, restore_page
from generator.render.pdf.structure import TAGGER, Tagger, TaggingCanvas
from generator.theme import Theme

FOOTER_ROOM = 8  # points between the body and the bottom margin, where the footer rule sits


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
                  tagger: Tagger | None = None) -> type:
    """Return a canvas class that draws, once every page is laid out, the footer and the contents' page numbers."""
    meta = handout.meta
    labels = handout.labels
    margin = theme.margin_mm * mm
    date = meta.date
    has_cover = bool(handout.blocks) and isinstance(handout.blocks[0], Cover) and not handout.blocks[0].compact

    primary, fallback = glyph_set(theme.fonts.handout), glyph_set(theme.fonts.fallback)

    class FooterCanvas(TaggingCanvas):
        heading_pages: ClassVar[dict[str, int]] = {}  # bookmark key → page, filled as headings are laid out

        def pieces_of(self, text: str) -> list[tuple[str, str]]:
            fallback_font = register_fallback_font(theme.fonts.fallback)
            pieces = split_by_coverage(text, primary, fallback)
            return [(piece, fallback_font if use else font) for piece, use in pieces]

        def text_width(self, text: str, size: float) -> float:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            return float(sum(stringWidth(piece, name, size) for piece, name in self.pieces_of(text)))

        def draw_text(self, x: float, y: float, text: str, size: float) -> None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            for piece, name in self.pieces_of(text):
                self.setFont(name, size)
                self.drawString(x, y, piece)
                x += stringWidth(piece, name, size)

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self.kept_pages: list[dict[str, Any]] = []
            self.pending_numbers: list[PendingNumber] = []  # contents entries on this page, numbered at save
            setattr(self, TAGGER, tagger)
            stamp = pdf_date(meta)
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
                if self.getPageNumber() > 1 or not has_cover:
                    self.draw_footer(total)
                self.finish_page()
                Canvas.showPage(self)
            Canvas.save(self)

        def draw_footer(self, total: int) -> None:
            self.saveState()
            self.setFont(font, theme.handout.small - 1)
            self.setFillColor(HexColor(theme.colours.muted))
            left = f"{meta.title} · {labels.get('version', 'Version')} {meta.version} · {date.isoformat()}"
            right = labels.get("page_of", "Page {page} of {pages}").format(page=self.getPageNumber(), pages=total)
            y = margin * 0.7  # about 12 mm from the paper's edge: inside any home printer's reach
            size = theme.handout.small - 1
            self.draw_text(margin, y, left, size)
            self.draw_text(paper[0] - margin - self.text_width(right, size), y, right, size)
            self.setStrokeColor(HexColor(theme.colours.rule))
            self.setLineWidth(0.5)
            self.line(margin, y + 10, paper[0] - margin, y + 10)
            self.restoreState()

    return FooterCanvas
