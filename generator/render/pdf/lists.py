"""The handout's reference lists: further reading with QR codes, the numbered sources, the glossary."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from generator.document import DefinitionList, ResourceItem, ResourceList, SourceList, text_of
from generator.layout.urls import short_url
from generator.render.pdf.context import PdfContext
from generator.render.pdf.flowables import QrCode, layout_table
from generator.render.pdf.markup import markup, plain_markup
from generator.render.pdf.tagged import TaggedParagraph as Paragraph
from generator.render.pdf.tagged import grouped
from generator.render.qr import qr_runs

QR_SIZE = 24 * mm  # beside each resource in the further-reading list
QR_SIZE_COMPACT = 17 * mm  # in the summary's resource tiles, at least
QR_MODULE_MIN = 0.43 * mm  # 2.5 dots of a 150 dpi copy: zbar read 0.415 mm modules at 16 of 16 offsets, 0.377 at 6
COMPACT_ADDRESS_CHARS = 28  # the summary prints an address this long at most ("nswp.org/resource/…")
QR_COLOUR = "#000000"  # QR codes stay black on white whatever the theme, for scanners


def _qr(item: ResourceItem, size: float, ctx: PdfContext) -> QrCode:
    name = ctx.labels.get("qr_name", "QR code for {title}").format(title=text_of(item.title))
    return QrCode(item.url, size, QR_COLOUR, name)


def compact_qr_size(block: ResourceList) -> float:
    """Return the side of the summary's QR codes: at least ``QR_SIZE_COMPACT``, and big enough for a photocopy.

    A longer address makes a denser code; each module must stay
    ``QR_MODULE_MIN`` wide so a 150 dpi copy still scans. Every tile gets the
    size the densest code needs, so the row stays even.
    """
    modules = max((qr_runs(item.url)[0] for item in block.items), default=0)
    return float(max(QR_SIZE_COMPACT, modules * QR_MODULE_MIN))


def _item(flowables: list[Flowable]) -> list[Flowable]:
    """Return one list item of the resources list: LI → LBody around ``flowables`` (no label: no number)."""
    return grouped("LI", grouped("LBody", flowables))


def _compact_resources(block: ResourceList, ctx: PdfContext) -> list[Flowable]:
    """Return resources side by side: each tile its title across, then its QR code with a short address beside it."""
    size = compact_qr_size(block)
    # As many tiles side by side as leave each about six ems beside its code: three on a standard
    # page, two in large print. A single resource takes the width: its address on one line beside its code.
    per_row = 1 if len(block.items) == 1 else max(1, int(ctx.width // (size + ctx.styles["body"].fontSize * 6)))
    width = ctx.width / per_row
    # The code's own quiet zone (four white modules round it) spaces it from the title and the next row.
    title_style = ctx.styles["cell"].clone("res_t", fontName=ctx.font + "-Bold", spaceAfter=0)
    cells: list[Any] = []
    for item in block.items:
        # The handout has the whole address; this one is short enough to read and look up.
        address = short_url(item.url, COMPACT_ADDRESS_CHARS)
        url = (f'<a href="{_attr(item.url)}" color="{ctx.theme.colours.link}">'
               f'<u>{plain_markup(address, ctx.theme)}</u></a>')
        title = Paragraph(markup(item.title, ctx.theme) + _unchecked_mark(item.checked, ctx), title_style)
        code = layout_table([[_qr(item, size, ctx), Paragraph(url, ctx.styles["cell"])]],
                            [size + 4, width - size - 10], ctx.font, right=6)
        cells.append(_item([title, code]))
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
    table = layout_table(rows, [width] * per_row, ctx.font, right=8)
    return grouped("L", [table]) + ([ctx.para(block.legend, "small")] if block.legend else [])


def _unchecked_mark(checked: bool, ctx: PdfContext) -> str:
    """Return the mark after the title of a resource whose address nobody has checked (or nothing)."""
    return "" if checked else f' <font color="{ctx.theme.colours.unchecked}"><b>*</b></font>'


def render_resources(block: ResourceList, ctx: PdfContext) -> list[Flowable]:
    """Return the further-reading list: each resource's title, publisher, description and address, then its QR code.

    The code sits to the right of the text, so it is read (and tagged) after
    the title it belongs to; the list is a list (``L`` → ``LI``) to a screen reader.
    """
    if not block.items:
        return []
    if block.compact:
        return _compact_resources(block, ctx)
    size = QR_SIZE
    items: list[Flowable] = []
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
        items += _item([layout_table([[text, _qr(item, size, ctx)]], [ctx.width - size - 6, size + 6],
                                     ctx.font, ("TOPPADDING", (0, 0), (-1, -1), 3),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (1, 0), (1, 0), 6),
                                     ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(ctx.theme.colours.rule)),
                                     right=6)])
    out = grouped("L", items)
    if block.legend:
        out.append(ctx.para(block.legend, "small"))
    return out


def _attr(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def render_sources(block: SourceList, ctx: PdfContext) -> list[Flowable]:
    """Return the numbered sources as a list: each number its item's label (``Lbl``), the entry its body."""
    out: list[Flowable] = [ctx.para(block.legend, "small")] if block.legend else []
    unchecked = ctx.theme.colours.unchecked
    items: list[Flowable] = []
    for entry in block.entries:
        text = f'<a name="src-{entry.number}"/>' + markup(entry.text, ctx.theme)
        if entry.url:
            link = plain_markup(entry.url, ctx.theme)
            text += f' <a href="{_attr(entry.url)}" color="{ctx.theme.colours.link}">{link}</a>'
        if not entry.checked:
            label = plain_markup(ctx.labels.get("unchecked", "unchecked"), ctx.theme)
            text += f' <font color="{unchecked}"><b>* {label}</b></font>'
        items.append(Paragraph(text, ctx.styles["source"], bulletText=f"{entry.number}.", role="LI"))
    return out + grouped("L", items)


def render_glossary(block: DefinitionList, ctx: PdfContext) -> list[Flowable]:
    """Return the glossary as a list of terms (``Lbl``) and their definitions (``LBody``)."""
    items: list[Flowable] = []
    for term, definition in block.items:
        items += grouped("LI", [Paragraph(markup(term, ctx.theme), ctx.styles["term"], role="Lbl"),
                                Paragraph(markup(definition, ctx.theme), ctx.styles["definition"], role="LBody")])
    return grouped("L", items)
