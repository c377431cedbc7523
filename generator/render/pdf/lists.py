"""The handout's reference lists: further reading with QR codes, the numbered sources, the glossary."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from generator.document import DefinitionList, ResourceList, SourceList
from generator.layout.urls import host, short_url
from generator.render.pdf.context import PdfContext
from generator.render.pdf.flowables import QrCode, layout_table
from generator.render.pdf.markup import markup, plain_markup
from generator.render.pdf.tagged import TaggedParagraph as Paragraph

QR_SIZE = 24 * mm  # beside each resource in the further-reading list
QR_SIZE_COMPACT = 17 * mm  # in the summary's resource tiles
QR_COLOUR = "#000000"  # QR codes stay black on white whatever the theme, for scanners


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
