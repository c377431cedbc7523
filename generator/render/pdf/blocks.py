"""Turn document blocks into reportlab flowables: one small function per block kind.

``render_block`` dispatches over every kind of ``document.Block``; a kind added
to the model and not rendered here fails mypy (``assert_never``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, assert_never

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus.flowables import FrameBG

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Cover,
    DefinitionList,
    Diagram,
    Heading,
    Inline,
    Logo,
    PageBreak,
    Quote,
    ResourceList,
    SourceList,
    Spectrum,
    StatusMatrix,
    Timeline,
    text_of,
)
from generator.document import Paragraph as ParagraphBlock
from generator.document import Table as TableBlock
from generator.layout.tables import column_groups, column_widths
from generator.layout.urls import host, short_url
from generator.render.pdf.flowables import (
    DiagramFlowable,
    HeadingParagraph,
    Indented,
    LogoFlowable,
    QrCode,
    SpaceDownTo,
    StatusIcon,
    layout_table,
    logo_size,
)
from generator.render.pdf.markup import markup, plain_markup
from generator.render.pdf.tagging import TableTags, grouped
from generator.render.pdf.tagging import TaggedParagraph as Paragraph
from generator.theme import Theme

STYLE_ROLES = {"title": "H1"}  # paragraph styles that are not plain paragraphs (P) in the structure tree
CELL_PADDING = 4  # points inside each table cell
TABLE_FLOOR = 8.0  # points: a table's text is set no smaller to keep its words whole
COVER_BAND = 0.48  # the share of the cover page, from the top, in the band colour
LOGO_MAX_WIDTH = 50 * mm
LOGO_MAX_HEIGHT = 18 * mm
QR_SIZE = 24 * mm  # beside each resource in the further-reading list
QR_SIZE_COMPACT = 17 * mm  # in the summary's resource tiles
CALLOUT_PADDING = 8
KEEP_QUOTE_TOGETHER = 900  # characters: shorter quotations never break across pages
COVER_TOP_SPACE = 30 * mm
QR_COLOUR = "#000000"  # QR codes stay black on white whatever the theme, for scanners


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
    author: str = ""  # for the logo's alternative text when the pack gives none

    def narrower(self, by: float) -> PdfContext:
        """Return the same context for a column ``by`` points narrower."""
        return replace(self, width=self.width - by)

    def para(self, inline: Inline, style: str = "body", prefix: str = "") -> Paragraph:
        breakable = style.startswith("cell")  # narrow table cells may break before a citation marker
        return Paragraph(prefix + markup(inline, self.theme, break_before_cites=breakable), self.styles[style],
                         role=STYLE_ROLES.get(style, "P"))


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
    items: list[Flowable] = [
        Paragraph(markup(item, ctx.theme), ctx.styles["bullet"], bulletText=f"{n}." if block.ordered else "•",
                  role="LI")
        for n, item in enumerate(block.items, start=1)
    ]
    if block.columns > 1:  # fill down the columns, like a newspaper
        per = -(-len(items) // block.columns)
        columns = [items[i * per:(i + 1) * per] for i in range(block.columns)]
        table = layout_table([columns], [ctx.width / block.columns] * block.columns, ctx.font, right=6)
        items = [table]
    return grouped("L", items) + [Spacer(1, ctx.styles["body"].fontSize * 0.3)]


def render_quote(block: Quote, ctx: PdfContext) -> list[Flowable]:
    bar = HexColor(ctx.theme.colours.quote_bar)
    count = len(block.paragraphs)
    # A frame background only 3 pt wide (its right edge is ctx.width - 3 from the frame's right):
    # a bar down the quotation's left side that follows it across page breaks.
    words: list[Flowable] = [FrameBG(color=bar, left=0, right=ctx.width - 3, start=True)]
    for index, paragraph in enumerate(block.paragraphs):
        opening = "“" if index == 0 else ""
        closing = "”" if index == count - 1 else ""
        words.append(Paragraph(opening + markup(paragraph, ctx.theme) + closing, ctx.styles["quote"]))
    words.append(FrameBG(start=False))
    words.append(ctx.para(block.attribution, "attribution", prefix="— "))  # right under the words it attributes
    out = grouped("BlockQuote", words)  # the attribution is part of the quotation's element
    if block.context:
        out.append(ctx.para(block.context, "context"))
    return [KeepTogether(out)] if sum(len(text_of(p)) for p in block.paragraphs) < KEEP_QUOTE_TOGETHER else out


def render_callout(block: Callout, ctx: PdfContext) -> list[Flowable]:
    colours = ctx.theme.colours
    background = {
        "key-messages": colours.key_messages_bg,
        "lived-experience": colours.lived_experience_bg,
        "case-for": colours.case_for_bg,
        "concerns": colours.concerns_bg,
    }.get(block.kind, colours.key_messages_bg)
    pad = CALLOUT_PADDING
    inner = ctx.narrower(2 * pad)
    border = colours.box_border
    frame = FrameBG(color=HexColor(background), start=True, strokeColor=HexColor(border) if border else None,
                    strokeWidth=0.8 if border else None)
    out: list[Flowable] = [Spacer(1, 4), frame, Spacer(1, pad)]
    if block.title:
        heading = render_heading(Heading(block.level, block.title), inner)[-1]
        heading.style = heading.style.clone(heading.style.name + "_boxed", spaceBefore=0)
        out.append(heading)
    for child in block.blocks:
        out.extend(render_block(child, inner))
    out.extend([Spacer(1, pad / 2), FrameBG(start=False), Spacer(1, 6)])
    return grouped("Sect", [Indented(f, pad) if isinstance(f, Paragraph) else f for f in out])


def _cell(cell: Any, ctx: PdfContext, style: str) -> Any:
    paragraph = ctx.para(cell.text, style)
    if not cell.symbol:
        return paragraph
    icon = StatusIcon(cell.symbol, ctx.styles["cell"].fontSize, ctx.theme.colours.for_status(cell.status or ""))
    size = ctx.styles["cell"].fontSize
    return layout_table([[icon, paragraph]], [size + 3, None], ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 1))


def _column_widths(block: TableBlock, total: float, ctx: PdfContext) -> list[float]:
    """Return column widths that fit the content (see ``layout.tables.column_widths``).

    A cell's longest word includes its status symbol; citation markers are
    measured at their superscript size, as words of their own (a cell may
    break before one).
    """
    if block.kind == "who":
        return [total * 0.32, total * 0.68]
    longest, amount = _measures(ctx)
    return list(column_widths(block, total, longest, amount, 2 * CELL_PADDING))


def _measures(ctx: PdfContext) -> tuple[Any, Any]:
    """Return (longest unbreakable word, all text) measures of table cells at the context's cell size."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = ctx.styles["cell"].fontSize
    bold = ctx.font + "-Bold"

    def font_of(run: Any, header: bool) -> str:
        return bold if run.bold or header else ctx.font

    def longest(cell: Cell, header: bool) -> float:
        icon = size + 3 if cell.symbol else 0
        widest = word = 0.0
        for run in cell.text:
            if run.cite:  # a superscript marker, kept whole by no-break spaces
                widest = max(widest, word + icon, stringWidth(run.text, font_of(run, header), size * 0.7))
                word = 0.0
                continue
            for number, piece in enumerate(run.text.split(" ")):
                if number:
                    widest = max(widest, word + icon)
                    word = 0.0
                word += stringWidth(piece, font_of(run, header), size)
        return max(widest, word + icon)

    def amount(cell: Cell, header: bool) -> float:
        return float(sum(stringWidth(run.text, font_of(run, header), size) for run in cell.text))

    return longest, amount


def _fitting(block: TableBlock, ctx: PdfContext) -> PdfContext:
    """Return ``ctx`` with its cell text small enough that every column holds its longest word.

    A table never breaks a word: when the columns cannot all get their longest
    word at the theme's size, its text is set smaller, down to ``TABLE_FLOOR``.
    """
    if block.kind == "who":
        return ctx
    size = ctx.styles["cell"].fontSize
    while size > TABLE_FLOOR:
        longest, _ = _measures(ctx)
        need = sum(max([0.0] + [longest(c, r == 0) for r, c in enumerate([block.header[i], *[row[i] for row in
                                                                                       block.rows]])])
                   + 2 * CELL_PADDING for i in range(len(block.header)))
        if need <= ctx.width:
            break
        size = max(TABLE_FLOOR, size - 0.5)
        styles = dict(ctx.styles)
        for name in ("cell", "cell_head"):
            styles[name] = ctx.styles[name].clone(name, fontSize=size, leading=size * ctx.theme.handout.leading)
        ctx = replace(ctx, styles=styles)
    return ctx


def render_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    """Return the table, split into several (first column repeated) when it has too many columns to read."""
    return [f for part in column_groups(block, ctx.theme.handout.table_columns) for f in _render_one_table(part, ctx)]


def _render_one_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    ctx = _fitting(block, ctx)
    colours = ctx.theme.colours
    header = [ctx.para(c.text, "cell_head") for c in block.header]
    rows = [[_cell(c, ctx, "cell") for c in row] for row in block.rows]
    table = Table([header] + rows, colWidths=_column_widths(block, ctx.width, ctx), repeatRows=1,
                  renderCB=TableTags(header_rows=1, row_headers=True))
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
    size = QR_SIZE_COMPACT
    # As many tiles side by side as leave each about fourteen ems of text beside its code: three on a
    # standard page, two in large print.
    per_row = max(1, min(len(block.items), int(ctx.width // (ctx.styles["body"].fontSize * 14))))
    width = ctx.width / per_row
    cells = []
    for item in block.items:
        site = host(item.url)  # the full address is in the handout
        url = f'<a href="{_attr(item.url)}" color="{ctx.theme.colours.link}"><u>{plain_markup(site, ctx.theme)}</u></a>'
        title_style = ctx.styles["cell"].clone("res_t", fontName=ctx.font + "-Bold")
        title = markup(item.title, ctx.theme) + _unchecked_mark(item.checked, ctx)
        text = [Paragraph(title, title_style), Paragraph(url, ctx.styles["cell"])]
        inner = layout_table([[QrCode(item.url, size, QR_COLOUR), text]], [size + 4, width - size - 10], ctx.font)
        cells.append(inner)
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
    table = layout_table(rows, [width] * per_row, ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 3),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 3), right=6)
    return [table] + ([ctx.para(block.legend, "small")] if block.legend else [])


def _unchecked_mark(checked: bool, ctx: PdfContext) -> str:
    """Return the mark after the title of a resource whose address nobody has checked (or nothing)."""
    return "" if checked else f' <font color="{ctx.theme.colours.unchecked}"><b>*</b></font>'


def render_resources(block: ResourceList, ctx: PdfContext) -> list[Flowable]:
    if not block.items:
        return []
    if block.compact:
        return _compact_resources(block, ctx)
    size = QR_SIZE
    out: list[Flowable] = []
    for item in block.items:
        url_markup = (f'<a href="{_attr(item.url)}" color="{ctx.theme.colours.link}">'
                      f'<u>{plain_markup(short_url(item.url), ctx.theme)}</u></a>')
        text = [
            Paragraph(markup(item.title, ctx.theme) + _unchecked_mark(item.checked, ctx), ctx.styles["h3"]),
            ctx.para(item.publisher, "small"),
            ctx.para(item.description, "body"),
            Paragraph(url_markup, ctx.styles["small"]),
        ]
        text[0].style = ctx.styles["body"].clone("resource_title", fontName=ctx.font + "-Bold", keepWithNext=0)
        out.append(layout_table([[QrCode(item.url, size, QR_COLOUR), text]], [size + 6, ctx.width - size - 6],
                                ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(ctx.theme.colours.rule)), right=6))
    if block.legend:
        out.append(ctx.para(block.legend, "small"))
    return out


def _attr(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def render_sources(block: SourceList, ctx: PdfContext) -> list[Flowable]:
    out: list[Flowable] = [ctx.para(block.legend, "small")] if block.legend else []
    unchecked = ctx.theme.colours.unchecked
    for entry in block.entries:
        text = f'<a name="src-{entry.number}"/>{entry.number}.&nbsp;&nbsp;' + markup(entry.text, ctx.theme)
        if entry.url:
            link = plain_markup(entry.url, ctx.theme)
            text += f' <a href="{_attr(entry.url)}" color="{ctx.theme.colours.link}">{link}</a>'
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
    out: list[Flowable] = [Spacer(1, COVER_TOP_SPACE), ctx.para(block.title, "title"), Spacer(1, 6)]
    if block.subtitle:
        out.append(ctx.para(block.subtitle, "subtitle"))
    out.append(SpaceDownTo(1 - COVER_BAND, 12 * mm))
    out.extend(ctx.para(line, "cover_line") for line in block.lines)
    out.append(NextPageTemplate("body"))
    out.append(RLPageBreak())
    return out


def _masthead(block: Cover, ctx: PdfContext) -> list[Flowable]:
    """Return a coloured title band for the top of a one-page document."""
    styles = ctx.styles
    size = styles["h1"].fontSize + 2
    title_style = styles["title"].clone("mast_title", fontSize=size, leading=size * 1.15)
    title = Paragraph(markup(block.title, ctx.theme), title_style, role="H1")
    cells = [title]
    if block.subtitle:
        cells.append(Paragraph(markup(block.subtitle, ctx.theme), styles["subtitle"].clone(
            "mast_sub", fontSize=styles["body"].fontSize + 1, leading=(styles["body"].fontSize + 1) * 1.3)))
    line_style = styles["subtitle"].clone("mast_line", fontSize=styles["small"].fontSize,
                                          leading=styles["small"].fontSize * 1.3)
    cells.extend(Paragraph(markup(line, ctx.theme), line_style) for line in block.lines)
    logo = ctx.logo
    if logo:
        w, h = logo_size(logo, LOGO_MAX_WIDTH * 0.7, LOGO_MAX_HEIGHT * 0.8)
        band = Table([[cells, LogoFlowable(logo, w, h, logo.alt or f"Logo of {ctx.author}")]],
                     colWidths=[ctx.width - w - 20, w + 20])
    else:
        band = Table([[cells]], colWidths=[ctx.width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HexColor(ctx.theme.colours.band)),
                              ("FONT", (0, 0), (-1, -1), ctx.font),
                              ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                              ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [band, Spacer(1, 4)]


def render_diagram(block: Diagram, ctx: PdfContext) -> list[Flowable]:
    """Return a diagram drawn as on the slides (the same layout, scaled to the column): one tagged figure."""
    from generator.layout.diagrams import layout_diagram_parts
    from generator.layout.grid import BODY_H, BODY_W
    from generator.render.pdf.slides import SlidePainter

    painter = SlidePainter(ctx.theme)
    boxes = layout_diagram_parts(block, 0, 0, BODY_W, BODY_H, ctx.theme.deck)  # the very drawings on the slides
    return [f for box in boxes for f in (DiagramFlowable(box, ctx.width / BODY_W, painter), Spacer(1, 8))]


def render_pagebreak(block: PageBreak, ctx: PdfContext) -> list[Flowable]:
    return [RLPageBreak()]


def render_block(block: Block, ctx: PdfContext) -> list[Flowable]:
    """Return the flowables for ``block``; every block kind has its renderer (mypy checks, ``assert_never``)."""
    match block:
        case Heading():
            return render_heading(block, ctx)
        case ParagraphBlock():
            return render_paragraph(block, ctx)
        case BulletList():
            return render_list(block, ctx)
        case Quote():
            return render_quote(block, ctx)
        case Callout():
            return render_callout(block, ctx)
        case TableBlock():
            return render_table(block, ctx)
        case ResourceList():
            return render_resources(block, ctx)
        case SourceList():
            return render_sources(block, ctx)
        case DefinitionList():
            return render_glossary(block, ctx)
        case Cover():
            return render_cover(block, ctx)
        case PageBreak():
            return render_pagebreak(block, ctx)
        case StatusMatrix() | Spectrum() | Timeline():
            return render_diagram(block, ctx)
        case _:
            assert_never(block)
