"""Flowables the handout is made of beyond reportlab's own: headings, QR codes, status symbols, logos.

Each draws one thing; the block renderers (``blocks``) decide where they go.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Table, TableStyle

from generator.document import Logo
from generator.render.pdf.reportlab_hooks import (
    frame_height,
    frame_of,
    frame_top,
    group_height,
    group_parts,
    page_height,
    reset_shrink_scale,
    shrink_scale,
    table_row_heights,
)
from generator.render.pdf.tagged import TaggedParagraph, figure, link_figure
from generator.render.qr import qr_rects
from generator.render.symbols import symbol_shape


class LogoFlowable(Flowable):
    """The organisation's logo as a flowable (for the summary's masthead)."""

    def __init__(self, logo: Logo, width: float, height: float, alt: str):
        super().__init__()
        self.logo, self.width, self.height, self.alt = logo, width, height, alt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        with figure(self.canv, self.alt):
            draw_logo(self.canv, self.logo, 0, 0, self.width, self.height)


class SpaceDownTo(Flowable):
    """Blank space reaching a fraction of the page height from its top (plus a gap).

    Keeps the cover's lines clear of the coloured band whatever the title's length.
    """

    def __init__(self, fraction: float, gap: float):
        super().__init__()
        self.fraction, self.gap = fraction, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = frame_of(self)
        height = page_height(self.canv) if getattr(self, "canv", None) else 0
        if frame is None or not height:
            return 0, self.gap
        target_y = height * (1 - self.fraction) - self.gap  # distance from the page bottom
        current_y = frame_top(frame)
        self.height = max(self.gap, current_y - target_y)
        return available_width, self.height

    def draw(self) -> None:
        pass


class HeadingParagraph(TaggedParagraph):
    """A heading paragraph that knows its outline level and bookmark key, tagged H1–H3 at that level."""

    def __init__(self, text: str, style: Any, level: int, key: str, plain: str):
        super().__init__(text, style, role=f"H{min(max(level, 1), 6)}", _key=key)
        self.level = level
        self.key = key
        self.plain = plain


class Indented(Flowable):
    """Wrap a flowable with horizontal padding (for text inside callout boxes)."""

    def __init__(self, inner: Flowable, pad: float):
        super().__init__()
        self.inner = inner
        self.pad = pad

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        w, h = self.inner.wrap(available_width - 2 * self.pad, available_height)
        self.width, self.height = w + 2 * self.pad, h
        return self.width, h

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.inner.split(available_width - 2 * self.pad, available_height)
        return [Indented(p, self.pad) for p in parts]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.pad, 0)

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.inner.getKeepWithNext())

    def __getattr__(self, name: str) -> Any:  # keep heading attributes visible to afterFlowable
        if name in ("level", "key", "plain"):
            return getattr(self.inner, name)
        raise AttributeError(name)


class QrCode(Flowable):
    """A QR code drawn as vector rectangles, with its quiet zone, ``size`` points square.

    ``name`` is what a screen reader says for it ("QR code for ‹title›"): the
    address itself is printed beside it, and read there.
    """

    def __init__(self, url: str, size: float, colour: str, name: str):
        super().__init__()
        self.url, self.size, self.colour, self.name = url, size, colour, name
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv

        def squares() -> None:
            canvas.setFillColor(HexColor(self.colour))
            for x, top, w, h in qr_rects(self.url, self.size):
                canvas.rect(x, self.size - top - h, w, h, stroke=0, fill=1)

        link_figure(canvas, self.name, squares,
                    lambda: canvas.linkURL(self.url, (0, 0, self.size, self.size), relative=1))


class StatusIcon(Flowable):
    """A small symbol beside a status word (cross, tick, half, diamond, circle, dash): never colour alone."""

    def __init__(self, symbol: str, size: float, colour: str):
        super().__init__()
        self.symbol, self.size, self.colour = symbol, size, colour
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setFillColor(HexColor(self.colour))
        draw_status_symbol(self.canv, self.symbol, self.size)


def draw_status_symbol(c: Canvas, symbol: str, s: float) -> None:
    """Draw a status symbol ``s`` points square at the origin (y up) in the current colours."""
    shape = symbol_shape(symbol)
    c.setLineWidth(s * shape.width)
    c.setLineCap(1)
    for points in shape.paths:
        path = c.beginPath()
        path.moveTo(points[0][0] * s, points[0][1] * s)
        for x, y in points[1:]:
            path.lineTo(x * s, y * s)
        if shape.closed:
            path.close()
        c.drawPath(path, stroke=1, fill=0)
    if shape.ring:
        c.circle(s / 2, s / 2, s * shape.ring, stroke=1, fill=0)
    if shape.half_filled:
        r = s * shape.ring
        c.wedge(s / 2 - r, s / 2 - r, s / 2 + r, s / 2 + r, 90, 180, stroke=0, fill=1)


def layout_table(rows: list[list[Any]], widths: list[float | None], font: str, *extra: tuple[Any, ...],
                  right: float = 0) -> Table:
    """Return a borderless table used only to place things side by side (no padding but ``right``)."""
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), font),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), right),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               *extra]))
    return table


def logo_size(logo: Logo, max_width: float, max_height: float) -> tuple[float, float]:
    """Return the logo's drawn size: as large as fits the box, keeping its proportions."""
    scale = min(max_width / logo.width, max_height / logo.height)
    return logo.width * scale, logo.height * scale


def draw_logo(canvas: Canvas, logo: Logo, x: float, y: float, w: float, h: float) -> None:
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(io.BytesIO(logo.data)), x, y, w, h, mask="auto")


class Bookmarks:
    """A document-template mixin: a bookmark and outline entry for each heading as it is laid out."""

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "level", None)
        if level is None:
            return
        key = flowable.key
        canvas = self.canv  # type: ignore[attr-defined]
        # PDF outlines cannot skip a level: a document starting at '##' gets its entries at the top.
        depth = min(level - 1, getattr(self, "outline_depth", -1) + 1)
        self.outline_depth = depth
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(flowable.plain, key, level=depth, closed=depth > 0)
        pages = getattr(canvas, "heading_pages", None)
        if pages is not None:
            pages[key] = self.page  # type: ignore[attr-defined]


class Bookmark(Flowable):
    """A zero-size flowable that puts a bookmark (and outline entry) where it is drawn."""

    _ZEROSIZE = 1
    _SPACETRANSFER = True

    def __init__(self, key: str, title: str, level: int = 0):
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)


class DiagramFlowable(Flowable):
    """A diagram laid out for a slide, drawn scaled into the handout's column (vector, tagged as a figure)."""

    def __init__(self, box: Any, scale: float, painter: Any):
        super().__init__()
        self.box, self.scale, self.painter = box, scale, painter
        self.width, self.height = box.w * scale, box.h * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.transform(self.scale, 0, 0, -self.scale, -self.box.x * self.scale, self.height + self.box.y * self.scale)
        self.painter.diagram(canvas, self.box)
        canvas.restoreState()


class NotesLines(Flowable):
    """Ruled lines down the rest of the page, for the reader's notes (page furniture: an artifact)."""

    def __init__(self, spacing: float, colour: str):
        super().__init__()
        self.spacing, self.colour = spacing, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, max(available_height - 1, 0)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setLineWidth(0.5)
        y = self.height - self.spacing
        while y > 0:
            self.canv.line(0, y, self.width, y)
            y -= self.spacing


class ShrinkOrLeaveOut(KeepInFrame):
    """Content that fits the space left on its page, set at most a little smaller, or left out.

    For what a page may carry and the document also says in full elsewhere
    (a title page's "In brief"): a list split onto the next page, or set in
    type too small to read, is worse than its absence.
    """

    def __init__(self, content: list[Flowable], least: float = 0.85):
        super().__init__(0, 0, content, mode="shrink")
        self.least = least  # the smallest scale still readable: 85 % of 10 pt is 8.5 pt
        self.left_out = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        reset_shrink_scale(self)
        width, height = super().wrap(available_width, available_height)
        self.left_out = shrink_scale(self) > 1 / self.least
        return (0, 0) if self.left_out else (width, height)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803 (reportlab's name)
        if not self.left_out:
            super().drawOn(canvas, x, y, _sW)


class KeepStart(KeepTogether):
    """What keeps a heading or lead-in with what follows: the group goes to the next page only to fit there.

    reportlab's own keep-together moves the whole group to the next page when
    it does not fit what is left of this one, even when it is taller than a
    page and will be split anyway: a lead-in paragraph and a long table then
    left most of a page empty. When the group is taller than a page and its
    start (the lead-in, the table's header and two rows) fits here, it starts
    here and the table breaks across the page.
    """

    def split(self, available_width: float, available_height: float) -> list[Any]:
        self.wrap(available_width, available_height)
        frame = frame_of(self)
        content = group_parts(self)
        last = content[-1]
        if (frame is not None and frame_height(frame) < group_height(self) and isinstance(last, Table)
                and last.repeatRows):
            lead = sum(f.wrap(available_width, available_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                       for f in content[:-1])
            last.wrap(available_width, available_height)
            start = sum(table_row_heights(last)[:last.repeatRows + 2])
            if lead + start <= available_height:
                return content
        parts: list[Any] = super().split(available_width, available_height)
        return parts
