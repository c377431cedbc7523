"""Render a ``Handout`` to PDF with reportlab platypus.

One small function per block kind turns the document model into flowables;
the page template draws the running footer ("Page X of Y") once the page count
is known, and headings become PDF bookmarks and table-of-contents entries.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak as RLPageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import FrameBG
from reportlab.platypus.tableofcontents import TableOfContents

from generator.document import (
    Logo,
    Block,
    BulletList,
    Callout,
    Cover,
    DefinitionList,
    Handout,
    Heading,
    Inline,
    PageBreak,
    Paragraph as ParagraphBlock,
    Quote,
    ResourceList,
    SourceList,
    Table as TableBlock,
    column_groups,
    text_of,
)
from generator.errors import BuildError
from generator.glyphs import glyph_set, split_by_coverage
from generator.render.fonts import register_fallback_font, register_handout_font
from generator.render.pdf_markup import markup, paragraph_styles, plain_markup
from generator.render.hints import HINTS
from generator.render.qr import qr_rects
from generator.theme import Theme
from generator.urls import host, short_url

PAPERS = {"a4": A4, "letter": LETTER}
CELL_PADDING = 4
SHORT_LEAD = 160  # characters: a paragraph this short right after a heading stays with what follows
MAX_TABLE_COLUMNS = 5  # data columns per printed table; more are continued in another table below
FOOTER_ROOM = 8
COVER_BAND = 0.48  # the share of the cover page, from the top, in the band colour
LOGO_MAX_WIDTH = 50 * mm
LOGO_MAX_HEIGHT = 18 * mm  # points between the body and the bottom margin, where the footer rule sits


@dataclass
class PdfContext:
    """What block renderers need: theme, styles, usable width, fixed wording, logo."""

    theme: Theme
    styles: dict[str, Any]
    font: str
    width: float
    labels: dict[str, str] = field(default_factory=dict)
    logo: Logo | None = None
    slugs: dict[str, int] = field(default_factory=dict)

    def narrower(self, by: float) -> PdfContext:
        """Return the same context for a column ``by`` points narrower."""
        return replace(self, width=self.width - by)

    def para(self, inline: Inline, style: str = "body", prefix: str = "") -> Paragraph:
        return Paragraph(prefix + markup(inline, self.theme), self.styles[style])


class _LogoFlowable(Flowable):
    """The organisation's logo as a flowable (for the summary's masthead)."""

    def __init__(self, logo: Logo, width: float, height: float):
        super().__init__()
        self.logo, self.width, self.height = logo, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_logo(self.canv, self.logo, 0, 0, self.width, self.height)


class _SpaceDownTo(Flowable):
    """Blank space reaching a fraction of the page height from its top (plus a gap).

    Keeps the cover's lines clear of the coloured band whatever the title's length.
    """

    def __init__(self, fraction: float, gap: float):
        super().__init__()
        self.fraction, self.gap = fraction, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        page_height = self.canv._pagesize[1] if getattr(self, "canv", None) else 0
        if frame is None or not page_height:
            return 0, self.gap
        target_y = page_height * (1 - self.fraction) - self.gap  # distance from the page bottom
        current_y = frame._y
        self.height = max(self.gap, current_y - target_y)
        return available_width, self.height

    def draw(self) -> None:
        pass


class HeadingParagraph(Paragraph):
    """A heading paragraph that knows its outline level and bookmark key."""

    def __init__(self, text: str, style: Any, level: int, key: str, plain: str):
        super().__init__(text, style)
        self.level = level
        self.key = key
        self.plain = plain


def _slug(text: str, seen: dict[str, int]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def render_heading(block: Heading, ctx: PdfContext) -> list[Flowable]:
    level = min(block.level, 3)
    plain = text_of(block.text)
    key = _slug(plain, ctx.slugs)
    flowables: list[Flowable] = []
    if level == 1:
        flowables.append(CondPageBreak(ctx.styles["h1"].fontSize * 6))
    flowables.append(HeadingParagraph(markup(block.text, ctx.theme), ctx.styles[f"h{level}"], level, key, plain))
    return flowables


def render_paragraph(block: ParagraphBlock, ctx: PdfContext) -> list[Flowable]:
    return [ctx.para(block.text, block.style if block.style in ctx.styles else "body")]


def render_list(block: BulletList, ctx: PdfContext) -> list[Flowable]:
    items = [
        Paragraph(markup(item, ctx.theme), ctx.styles["bullet"], bulletText=f"{n}." if block.ordered else "•")
        for n, item in enumerate(block.items, start=1)
    ]
    if block.columns > 1:  # fill down the columns, like a newspaper
        per = -(-len(items) // block.columns)
        columns = [items[i * per:(i + 1) * per] for i in range(block.columns)]
        table = _layout_table([columns], [ctx.width / block.columns] * block.columns, ctx.font, right=6)
        items = [table]
    return items + [Spacer(1, ctx.styles["body"].fontSize * 0.3)]


def render_quote(block: Quote, ctx: PdfContext) -> list[Flowable]:
    bar = HexColor(ctx.theme.colours.quote_bar)
    count = len(block.paragraphs)
    # A frame background only 3 pt wide (its right edge is ctx.width - 3 from the frame's right):
    # a bar down the quotation's left side that follows it across page breaks.
    out: list[Flowable] = [FrameBG(color=bar, left=0, right=ctx.width - 3, start=True)]
    for index, paragraph in enumerate(block.paragraphs):
        opening = "“" if index == 0 else ""
        closing = "”" if index == count - 1 else ""
        out.append(Paragraph(opening + markup(paragraph, ctx.theme) + closing, ctx.styles["quote"]))
    out.append(FrameBG(start=False))
    out.append(ctx.para(block.attribution, "attribution", prefix="— "))
    if block.context:
        out.insert(-1, ctx.para(block.context, "context"))
    return [KeepTogether(out)] if sum(len(text_of(p)) for p in block.paragraphs) < 900 else out


def render_callout(block: Callout, ctx: PdfContext) -> list[Flowable]:
    colours = ctx.theme.colours
    background = {
        "key-messages": colours.key_messages_bg,
        "lived-experience": colours.lived_experience_bg,
        "case-for": colours.case_for_bg,
        "concerns": colours.concerns_bg,
    }.get(block.kind, colours.key_messages_bg)
    pad = 8
    inner = ctx.narrower(2 * pad)
    border = colours.box_border
    out: list[Flowable] = [Spacer(1, 4),
                           FrameBG(color=HexColor(background), start=True, strokeColor=HexColor(border) if border else None,
                                   strokeWidth=0.8 if border else None),
                           Spacer(1, pad)]
    if block.title:
        heading = render_heading(Heading(block.level, block.title), inner)[-1]
        heading.style = heading.style.clone(heading.style.name + "_boxed", spaceBefore=0)
        out.append(heading)
    for child in block.blocks:
        out.extend(render_block(child, inner))
    out.extend([Spacer(1, pad / 2), FrameBG(start=False), Spacer(1, 6)])
    return [_Indented(f, pad) if isinstance(f, Paragraph) else f for f in out]


class _Indented(Flowable):
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
        return [_Indented(p, self.pad) for p in parts]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.pad, 0)

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def getKeepWithNext(self) -> bool:
        return bool(self.inner.getKeepWithNext())

    def __getattr__(self, name: str) -> Any:  # keep heading attributes visible to afterFlowable
        if name in ("level", "key", "plain"):
            return getattr(self.inner, name)
        raise AttributeError(name)


class QrCode(Flowable):
    """A QR code drawn as vector rectangles, with its quiet zone, ``size`` points square."""

    def __init__(self, url: str, size: float, colour: str):
        super().__init__()
        self.url, self.size, self.colour = url, size, colour
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(HexColor(self.colour))
        for x, top, w, h in qr_rects(self.url, self.size):
            canvas.rect(x, self.size - top - h, w, h, stroke=0, fill=1)
        canvas.linkURL(self.url, (0, 0, self.size, self.size), relative=1)


class StatusIcon(Flowable):
    """A small symbol for a status, so the table never relies on colour alone."""

    def __init__(self, status: str, size: float, colour: str):
        super().__init__()
        self.status, self.size, self.colour = status, size, colour
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.setStrokeColor(HexColor(self.colour))
        c.setFillColor(HexColor(self.colour))
        c.setLineWidth(s * 0.14)
        c.setLineCap(1)
        if self.status == "criminalised":  # a cross
            c.line(s * 0.15, s * 0.15, s * 0.85, s * 0.85)
            c.line(s * 0.15, s * 0.85, s * 0.85, s * 0.15)
        elif self.status == "not-criminalised":  # a tick
            path = c.beginPath()
            path.moveTo(s * 0.1, s * 0.5)
            path.lineTo(s * 0.4, s * 0.15)
            path.lineTo(s * 0.92, s * 0.85)
            c.drawPath(path, stroke=1, fill=0)
        elif self.status == "partly":  # a half-filled circle
            c.setLineWidth(s * 0.1)
            c.circle(s / 2, s / 2, s * 0.42, stroke=1, fill=0)
            c.wedge(s * 0.08, s * 0.08, s * 0.92, s * 0.92, 90, 180, stroke=0, fill=1)
        else:  # licensed only: a diamond
            c.setLineWidth(s * 0.1)
            path = c.beginPath()
            path.moveTo(s / 2, s * 0.05)
            path.lineTo(s * 0.95, s / 2)
            path.lineTo(s / 2, s * 0.95)
            path.lineTo(s * 0.05, s / 2)
            path.close()
            c.drawPath(path, stroke=1, fill=0)


def _status_icon(status: str, ctx: PdfContext) -> Flowable:
    return StatusIcon(status, ctx.styles["cell"].fontSize, ctx.theme.colours.for_status(status))


def _layout_table(rows: list[list[Any]], widths: list[float], font: str, *extra: tuple[Any, ...],
                  right: float = 0) -> Table:
    """Return a borderless table used only to place things side by side (no padding but ``right``)."""
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), font),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), right),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               *extra]))
    return table


def _cell(cell: Any, ctx: PdfContext, style: str) -> Any:
    paragraph = ctx.para(cell.text, style)
    if not cell.status:
        return paragraph
    icon = _status_icon(cell.status, ctx)
    size = ctx.styles["cell"].fontSize
    return _layout_table([[icon, paragraph]], [size + 3, None], ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 1))


def _column_widths(block: TableBlock, total: float, ctx: PdfContext) -> list[float]:
    """Return column widths that fit the content.

    Each column gets at least its longest word (so no word breaks mid-way),
    plus its status symbol and padding; the rest of the width is shared in
    proportion to how much text each column holds.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if block.kind == "who":
        return [total * 0.32, total * 0.68]
    size = ctx.styles["cell"].fontSize
    bold = ctx.font + "-Bold"
    padding = 2 * CELL_PADDING
    minimums, amounts = [], []
    for index in range(len(block.header)):
        cells = [block.header[index]] + [row[index] for row in block.rows]
        longest = padding
        amount = 0.0
        for cell in cells:
            icon = size + 3 if cell.status else 0
            word = 0.0  # width of the word being measured; runs join without spaces
            for run in cell.text:
                font = bold if run.bold or cell is block.header[index] else ctx.font
                scale = 0.7 if run.cite else 1.0  # citation markers are superscript
                pieces = run.text.split(" ")
                for number, piece in enumerate(pieces):
                    if number:
                        longest = max(longest, word + icon + padding)
                        word = 0.0
                    word += stringWidth(piece, font, size * scale)
                amount += stringWidth(run.text, font, size)
            longest = max(longest, word + icon + padding)
        minimums.append(longest)
        amounts.append(amount)
    spare = total - sum(minimums)
    if spare <= 0:  # not even the longest words fit: share out the width by need
        return [total * m / sum(minimums) for m in minimums]
    weights = [a ** 0.5 for a in amounts]
    return [m + spare * w / sum(weights) for m, w in zip(minimums, weights)]


def render_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    """Return the table, split into several (first column repeated) when it has too many columns to read."""
    return [f for part in column_groups(block, MAX_TABLE_COLUMNS) for f in _render_one_table(part, ctx)]


def _render_one_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    colours = ctx.theme.colours
    header = [ctx.para(c.text, "cell_head") for c in block.header]
    rows = [[_cell(c, ctx, "cell") for c in row] for row in block.rows]
    table = Table([header] + rows, colWidths=_column_widths(block, ctx.width, ctx), repeatRows=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), ctx.font),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(colours.table_header_bg)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(colours.rule)),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    for index in range(2, len(rows) + 1, 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), HexColor(colours.table_stripe_bg)))
    table.setStyle(TableStyle(commands))
    return [table, Spacer(1, 6)]


def _compact_resources(block: ResourceList, ctx: PdfContext) -> list[Flowable]:
    """Return resources side by side, each a QR code beside its title and short URL."""
    size = 17 * mm
    columns = max(1, len(block.items))
    width = ctx.width / columns
    cells = []
    for item in block.items:
        site = host(item.url)  # the full address is in the handout
        url = f'<a href="{_attr(item.url)}" color="{ctx.theme.colours.link}"><u>{plain_markup(site, ctx.theme)}</u></a>'
        text = [Paragraph(markup(item.title, ctx.theme), ctx.styles["cell"].clone("res_t", fontName=ctx.font + "-Bold")),
                Paragraph(url, ctx.styles["cell"])]
        inner = _layout_table([[QrCode(item.url, size, "#000000"), text]], [size + 4, width - size - 10], ctx.font)
        cells.append(inner)
    table = _layout_table([cells], [width] * columns, ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 3),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 3), right=6)
    return [table]


def render_resources(block: ResourceList, ctx: PdfContext) -> list[Flowable]:
    if not block.items:
        return []
    if block.compact:
        return _compact_resources(block, ctx)
    size = 24 * mm
    out: list[Flowable] = []
    for item in block.items:
        url_markup = (f'<a href="{_attr(item.url)}" color="{ctx.theme.colours.link}">'
                      f'<u>{plain_markup(short_url(item.url), ctx.theme)}</u></a>')
        text = [
            ctx.para(item.title, "h3"),
            ctx.para(item.publisher, "small"),
            ctx.para(item.description, "body"),
            Paragraph(url_markup, ctx.styles["small"]),
        ]
        text[0].style = ctx.styles["body"].clone("resource_title", fontName=ctx.font + "-Bold", keepWithNext=0)
        row = Table([[QrCode(item.url, size, '#000000'), text]], colWidths=[size + 6, ctx.width - size - 6])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), ctx.font), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(ctx.theme.colours.rule))]))
        out.append(row)
    return out


def _attr(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def render_sources(block: SourceList, ctx: PdfContext) -> list[Flowable]:
    out: list[Flowable] = []
    unchecked = ctx.theme.colours.criminalised
    for entry in block.entries:
        text = f'<a name="src-{entry.number}"/>{entry.number}.&nbsp;&nbsp;' + markup(entry.text, ctx.theme)
        if entry.url:
            text += f' <a href="{_attr(entry.url)}" color="{ctx.theme.colours.link}">{plain_markup(entry.url, ctx.theme)}</a>'
        if not entry.checked:
            label = plain_markup(ctx.labels.get("unchecked", "unchecked"), ctx.theme)
            text += f' <font color="{unchecked}"><b>* {label}</b></font>'
        out.append(Paragraph(text, ctx.styles["source"]))
    return out


def render_glossary(block: DefinitionList, ctx: PdfContext) -> list[Flowable]:
    out: list[Flowable] = []
    for term, definition in block.items:
        out.append(ctx.para(term, "term"))
        out.append(ctx.para(definition, "definition"))
    return out


def render_cover(block: Cover, ctx: PdfContext) -> list[Flowable]:
    if block.compact:
        return _masthead(block, ctx)
    out: list[Flowable] = [Spacer(1, 30 * mm), ctx.para(block.title, "title"), Spacer(1, 6)]
    if block.subtitle:
        out.append(ctx.para(block.subtitle, "subtitle"))
    out.append(_SpaceDownTo(1 - COVER_BAND, 12 * mm))
    out.extend(ctx.para(line, "cover_line") for line in block.lines)
    out.append(NextPageTemplate("body"))
    out.append(RLPageBreak())
    return out


def _masthead(block: Cover, ctx: PdfContext) -> list[Flowable]:
    """Return a coloured title band for the top of a one-page document."""
    styles = ctx.styles
    size = styles["h1"].fontSize + 2
    title = Paragraph(markup(block.title, ctx.theme), styles["title"].clone("mast_title", fontSize=size, leading=size * 1.15))
    cells = [title]
    if block.subtitle:
        cells.append(Paragraph(markup(block.subtitle, ctx.theme), styles["subtitle"].clone(
            "mast_sub", fontSize=styles["body"].fontSize + 1, leading=(styles["body"].fontSize + 1) * 1.3)))
    cells.extend(Paragraph(markup(line, ctx.theme), styles["subtitle"].clone(
        "mast_line", fontSize=styles["small"].fontSize, leading=styles["small"].fontSize * 1.3)) for line in block.lines)
    logo = ctx.logo
    if logo:
        w, h = logo_size(logo, LOGO_MAX_WIDTH * 0.7, LOGO_MAX_HEIGHT * 0.8)
        band = Table([[cells, _LogoFlowable(logo, w, h)]], colWidths=[ctx.width - w - 20, w + 20])
    else:
        band = Table([[cells]], colWidths=[ctx.width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HexColor(ctx.theme.colours.band)),
                              ("FONT", (0, 0), (-1, -1), ctx.font),
                              ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                              ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [band, Spacer(1, 4)]


def logo_size(logo: Logo, max_width: float, max_height: float) -> tuple[float, float]:
    """Return the logo's drawn size: as large as fits the box, keeping its proportions."""
    scale = min(max_width / logo.width, max_height / logo.height)
    return logo.width * scale, logo.height * scale


def draw_logo(canvas: Canvas, logo: Logo, x: float, y: float, w: float, h: float) -> None:
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(io.BytesIO(logo.data)), x, y, w, h, mask="auto")


def render_pagebreak(block: PageBreak, ctx: PdfContext) -> list[Flowable]:
    return [RLPageBreak()]


RENDERERS: dict[type, Callable[[Any, PdfContext], list[Flowable]]] = {
    Heading: render_heading,
    ParagraphBlock: render_paragraph,
    BulletList: render_list,
    Quote: render_quote,
    Callout: render_callout,
    TableBlock: render_table,
    ResourceList: render_resources,
    SourceList: render_sources,
    DefinitionList: render_glossary,
    Cover: render_cover,
    PageBreak: render_pagebreak,
}


def render_block(block: Block, ctx: PdfContext) -> list[Flowable]:
    """Return the flowables for ``block`` from the renderer registered for its type."""
    return RENDERERS[type(block)](block, ctx)


class _HandoutDoc(BaseDocTemplate):
    """Adds bookmarks and contents entries for headings as they are laid out.

    Every pass lays out a fresh copy of the story: reportlab changes paragraphs
    while splitting long words, so without copies a second pass could differ by
    a byte from the first, and a document's bytes would depend on how many passes
    its contents page needed.
    """

    keep: dict[int, Any] = {}

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:  # type: ignore[override]
        super().build(copy.deepcopy(flowables, dict(self.keep)), **kwargs)

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "level", None)
        if level is None:
            return
        key = flowable.key
        # PDF outlines cannot skip a level: a document starting at '##' gets its entries at the top.
        depth = min(level - 1, getattr(self, "_outline_depth", -1) + 1)
        self._outline_depth = depth
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.plain, key, level=depth, closed=depth > 0)
        if level <= 2:
            self.notify("TOCEntry", (level - 1, flowable.plain, self.page, key))


def _canvas_class(handout: Handout, theme: Theme, font: str, paper: tuple[float, float]) -> type:
    """Return a canvas class that draws the footer with the final page count."""
    meta = handout.meta
    labels = handout.labels
    margin = theme.margin_mm * mm
    date = meta.date
    has_cover = bool(handout.blocks) and isinstance(handout.blocks[0], Cover) and not handout.blocks[0].compact

    primary, fallback = glyph_set(theme.fonts.handout), glyph_set(theme.fonts.fallback)

    class FooterCanvas(Canvas):
        def _pieces(self, text: str) -> list[tuple[str, str]]:
            fallback_font = register_fallback_font(theme.fonts.fallback)
            return [(piece, fallback_font if use else font) for piece, use in split_by_coverage(text, primary, fallback)]

        def _width(self, text: str, size: float) -> float:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            return sum(stringWidth(piece, name, size) for piece, name in self._pieces(text))

        def _draw(self, x: float, y: float, text: str, size: float) -> None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            for piece, name in self._pieces(text):
                self.setFont(name, size)
                self.drawString(x, y, piece)
                x += stringWidth(piece, name, size)

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            stamp = f"D:{date:%Y%m%d}000000+00'00'"
            self.setDateFormatter(lambda *_: stamp)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1 or not has_cover:
                    self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(font, theme.handout.small - 1)
            self.setFillColor(HexColor(theme.colours.muted))
            left = f"{meta.title} · {labels.get('version', 'Version')} {meta.version} · {date.isoformat()}"
            right = labels.get("page_of", "Page {page} of {pages}").format(page=self._pageNumber, pages=total)
            y = margin * 0.7  # about 12 mm from the paper's edge: inside any home printer's reach
            size = theme.handout.small - 1
            self._draw(margin, y, left, size)
            self._draw(paper[0] - margin - self._width(right, size), y, right, size)
            self.setStrokeColor(HexColor(theme.colours.rule))
            self.setLineWidth(0.5)
            self.line(margin, y + 10, paper[0] - margin, y + 10)
            self.restoreState()

    return FooterCanvas


def render_handout_pdf(handout: Handout, theme: Theme, paper: str, *, toc_min_pages: int = 4,
                       contents: bool = True) -> tuple[bytes, int]:
    """Return (PDF bytes, page count) of ``handout`` on ``paper`` ('a4' or 'letter').

    A table of contents is added when the handout runs past ``toc_min_pages``
    (not counting the cover) and ``contents`` is true.
    """
    font = register_handout_font(theme.fonts.handout)
    size = PAPERS[paper]
    pdf, pages = _build(handout, theme, font, size, with_toc=contents)
    if not contents:
        return pdf, pages
    if pages - 1 <= toc_min_pages:  # short handouts read better without a contents page
        pdf, pages = _build(handout, theme, font, size, with_toc=False)
    return pdf, pages


def _build(handout: Handout, theme: Theme, font: str, size: tuple[float, float], *, with_toc: bool) -> tuple[bytes, int]:
    margin = theme.margin_mm * mm
    width = size[0] - 2 * margin
    meta = handout.meta
    ctx = PdfContext(theme, paragraph_styles(theme, font), font, width, handout.labels, meta.logo)
    buffer = io.BytesIO()
    doc = _HandoutDoc(
        buffer, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=margin + FOOTER_ROOM, title=meta.title, author=meta.author, subject=meta.subject,
        keywords=list(meta.keywords), creator="briefpack", producer="briefpack", lang=meta.language,
        invariant=1, initialFontName=font,
    )
    no_padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    footer_room = FOOTER_ROOM
    body = Frame(margin, margin + footer_room, width, size[1] - 2 * margin - footer_room, id="body", **no_padding)

    def cover_band(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.colours.band))
        canvas.rect(0, size[1] * (1 - COVER_BAND), size[0], size[1] * COVER_BAND, stroke=0, fill=1)
        if meta.logo:
            w, h = logo_size(meta.logo, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT)
            draw_logo(canvas, meta.logo, size[0] - margin - w, size[1] - margin - h, w, h)
        canvas.restoreState()

    cover = Frame(margin, margin, width, size[1] - 2 * margin, id="cover", **no_padding)
    templates = [PageTemplate("cover", [cover], onPage=cover_band), PageTemplate("body", [body])]
    story: list[Flowable] = []
    blocks = list(handout.blocks)
    if blocks and isinstance(blocks[0], Cover) and not blocks[0].compact:
        story.extend(render_block(blocks.pop(0), ctx))
    else:
        templates.reverse()  # no cover page: every page, the first included, is a body page
    doc.addPageTemplates(templates)
    if with_toc:
        toc = TableOfContents(levelStyles=[ctx.styles["toc1"], ctx.styles["toc2"]], dotsMinLevel=0)
        doc.keep = {id(toc): toc}  # the contents must stay one object across passes
        # Start from the entries the last build of this document found: when the headings
        # still land on the same pages, one pass is enough (same bytes as two, see _HandoutDoc).
        toc_key = ("contents", meta.title, size, theme.name, tuple(text_of(b.text) for b in blocks if isinstance(b, Heading)))
        toc._entries = list(HINTS.get(toc_key, []))
        # Every table names the font, or reportlab would reference (unembedded) Helvetica.
        toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                     ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
        story.extend([Paragraph(plain_markup(handout.labels.get("contents", "Contents"), theme), ctx.styles["h1"]), toc,
                      RLPageBreak()])
    for index, block in enumerate(blocks):
        flowables = render_block(block, ctx)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        previous = blocks[index - 1] if index else None
        if isinstance(block, ParagraphBlock) and (
            isinstance(following, TableBlock)  # a paragraph introducing a table stays on its page
            or (isinstance(previous, Heading) and len(text_of(block.text)) < SHORT_LEAD)  # "Also called: …"
        ):
            flowables[-1].keepWithNext = 1
        story.extend(flowables)
    canvasmaker = _canvas_class(handout, theme, font, size)
    try:
        doc.multiBuild(story, canvasmaker=canvasmaker, maxPasses=6)
        if with_toc:
            HINTS[toc_key] = list(toc._entries)
    except Exception as exc:  # reportlab's LayoutError and friends: name the document, never a traceback
        detail = " ".join(str(exc).split())  # reportlab's message spans lines and quotes whole paragraphs
        raise BuildError(f"handout could not be laid out ({exc.__class__.__name__}): {detail[:160]}…") from None
    return buffer.getvalue(), doc.page
