"""Turn document blocks into reportlab flowables: one small function per block kind.

``render_block`` dispatches over every kind of ``document.Block``; a kind added
to the model and not rendered here fails mypy (``assert_never``).
"""

from __future__ import annotations

import re
from typing import assert_never

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
    Cover,
    DefinitionList,
    Diagram,
    EasyRow,
    Heading,
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
from generator.render.pdf.context import SHORT_LEAD, PdfContext
from generator.render.pdf.easy import render_easy_row
from generator.render.pdf.flowables import (
    DiagramFlowable,
    HeadingParagraph,
    Indented,
    LogoFlowable,
    NotesLines,
    ShrinkOrLeaveOut,
    SpaceDownTo,
    layout_table,
    logo_size,
)
from generator.render.pdf.lists import render_glossary, render_resources, render_sources
from generator.render.pdf.markup import markup, plain_markup
from generator.render.pdf.tables import render_table
from generator.render.pdf.tagged import TaggedParagraph as Paragraph
from generator.render.pdf.tagged import grouped

TABLE_FLOOR = 8.0  # points: a table's text is set no smaller to keep its words whole
COVER_BAND = 0.48  # the share of the cover page, from the top, in the band colour
LOGO_MAX_WIDTH = 50 * mm
LOGO_MAX_HEIGHT = 18 * mm
CALLOUT_PADDING = 8
KEEP_QUOTE_TOGETHER = 900  # characters: shorter quotations never break across pages
COVER_TOP_SPACE = 30 * mm


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
    if block.columns > 1:  # fill down the columns, like a newspaper, ending as level as they can
        width = ctx.width / block.columns
        heights = [item.wrap(width - 6, 10_000)[1] + item.getSpaceAfter() for item in items]
        columns = [items[a:b] for a, b in balanced_columns(heights, block.columns)]
        columns += [[] for _ in range(block.columns - len(columns))]
        table = layout_table([columns], [width] * block.columns, ctx.font, right=6)
        items = [table]
    return grouped("L", items) + [Spacer(1, ctx.styles["body"].fontSize * 0.3)]


def balanced_columns(heights: list[float], count: int) -> list[tuple[int, int]]:
    """Return (start, end) runs of items, in order, for ``count`` columns whose tallest is as short as it can be.

    Filling by count leaves one column of one-liners beside one of long
    items; splitting by height keeps the list's order and the box's height down.
    """
    n = len(heights)
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {}

    def split(start: int, columns: int) -> tuple[float, list[tuple[int, int]]]:
        if columns == 1 or start == n:
            return prefix[n] - prefix[start], [(start, n)]
        if (start, columns) not in best:
            options = []
            for end in range(n, start, -1):  # on a tie the earlier column takes more, as a newspaper
                rest, runs = split(end, columns - 1)
                options.append((max(prefix[end] - prefix[start], rest), [(start, end), *runs]))
            best[(start, columns)] = min(options, key=lambda option: option[0])
        return best[(start, columns)]

    return [run for run in split(0, count)[1] if run[0] < run[1]] if n else []


def render_quote(block: Quote, ctx: PdfContext) -> list[Flowable]:
    bar = HexColor(ctx.theme.colours.quote_bar)
    count = len(block.paragraphs)
    # A frame background only 3 pt wide (its right edge is ctx.width - 3 from the frame's right):
    # a bar down the quotation's left side that follows it across page breaks.
    words: list[Flowable] = [FrameBG(color=bar, left=0, right=ctx.width - 3, start=True)]
    marks = plain_markup(ctx.labels.get("quote_open", "“"), ctx.theme), plain_markup(
        ctx.labels.get("quote_close", "”"), ctx.theme)
    for index, paragraph in enumerate(block.paragraphs):
        opening = marks[0] if index == 0 else ""
        closing = marks[1] if index == count - 1 else ""
        words.append(ctx.para(paragraph, "quote", prefix=opening, suffix=closing))
    # The quotation's last lines never end a page without its attribution: a quotation that breaks
    # across pages takes at least its last paragraph's end with it.
    words[-1].keepWithNext = 1
    end = FrameBG(start=False)
    end.keepWithNext = 1
    words.append(end)
    words.append(ctx.para(block.attribution, "attribution", prefix="— "))  # right under the words it attributes
    out = grouped("BlockQuote", words)  # the attribution is part of the quotation's element
    # After the quotation, not in it: these are not the words quoted.
    out += [ctx.para(paragraph, "context") for paragraph in block.translation]
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
    # The box's top keeps with its heading and what the heading introduces: a box never begins as an
    # empty tinted strip at a page's foot, its words starting on the next page.
    out: list[Flowable] = [Spacer(1, 4), frame, Spacer(1, pad)]
    for opening in out:
        opening.keepWithNext = 1
    if block.title:
        heading = render_heading(Heading(block.level, block.title), inner)[-1]
        heading.style = heading.style.clone(heading.style.name + "_boxed", spaceBefore=0)
        heading.keepWithNext = 1
        out.append(heading)
    for index, child in enumerate(block.blocks):
        flowables = render_block(child, inner)
        lead = index == 0 and len(block.blocks) > 1 and isinstance(child, ParagraphBlock)
        if lead and flowables and isinstance(child, ParagraphBlock) and len(text_of(child.text)) < SHORT_LEAD:
            flowables[-1].keepWithNext = 1
        out.extend(flowables)
    out.extend([Spacer(1, pad / 2), FrameBG(start=False), Spacer(1, 6)])
    return grouped("Sect", [Indented(f, pad) if isinstance(f, Paragraph) else f for f in out])


def render_cover(block: Cover, ctx: PdfContext) -> list[Flowable]:
    if block.compact:
        return _masthead(block, ctx)
    out: list[Flowable] = [Spacer(1, COVER_TOP_SPACE), ctx.para(block.title, "title"), Spacer(1, 6)]
    if block.subtitle:
        out.append(ctx.para(block.subtitle, "subtitle"))
    out.append(SpaceDownTo(1 - COVER_BAND, 12 * mm))
    out.extend(ctx.para(line, "cover_line") for line in block.lines)
    if block.points and not ctx.theme.min_text:  # the title page carries the briefing (not in large print)
        points: list[Flowable] = [Spacer(1, 10 * mm)]
        if block.points_title:  # a heading to a screen reader, but no bookmark: the contents start after it
            points.append(Paragraph(markup(block.points_title, ctx.theme), ctx.styles["h2"], role="H2"))
        points += render_list(BulletList(block.points), ctx)
        # On the title page or not at all: never a list split over the contents page. What the page cannot
        # hold at full size (an A5 booklet) is set a little smaller; what it cannot hold readably, left out.
        out.append(ShrinkOrLeaveOut(points))
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
    width, height = BODY_W, BODY_H  # the very drawings on the slides
    smallest = max(ctx.theme.min_text or 0.0, ctx.diagram_min)
    if smallest:  # drawn no smaller than the theme or page allows: laid out narrower, so scaled up enough
        width = min(ctx.width * ctx.theme.deck.table_min / smallest, BODY_W)
        height = width  # a page has more room down than a slide: up to a square
    boxes = layout_diagram_parts(block, 0, 0, width, height, ctx.theme.deck)
    return [f for box in boxes for f in (DiagramFlowable(box, ctx.width / width, painter), Spacer(1, 8))]


def render_pagebreak(block: PageBreak, ctx: PdfContext) -> list[Flowable]:
    """Return a page break; a notes page (a booklet's padding) is a heading and ruled lines."""
    if block.purpose != "notes":
        return [RLPageBreak()]
    heading = Paragraph(plain_markup(ctx.labels.get("notes_page", "Notes"), ctx.theme), ctx.styles["h2"], role="H2")
    return [RLPageBreak(), heading, NotesLines(ctx.styles["body"].fontSize * 2.2, ctx.theme.colours.rule)]


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
        case EasyRow():
            return render_easy_row(block, ctx)
        case StatusMatrix() | Spectrum() | Timeline():
            return render_diagram(block, ctx)
        case _:
            assert_never(block)
