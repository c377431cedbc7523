"""Data tables in the handout: columns that fit their longest words, text set smaller rather than broken.

A table too wide to read is split into several (first column repeated, see
``layout.tables.column_groups``); each is tagged Table → THead/TBody → TR →
TH/TD (``tagged.TableTags``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from generator.document import Cell
from generator.document import Table as TableBlock
from generator.layout.tables import column_groups, column_widths
from generator.render.pdf.context import PdfContext
from generator.render.pdf.flowables import StatusIcon, layout_table
from generator.render.pdf.reportlab_hooks import table_row_heights, table_rows
from generator.render.pdf.tagged import TableTags

CELL_PADDING = 4  # points inside each table cell
TABLE_FLOOR = 8.0  # points: a table's text is set no smaller to keep its words whole


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
                marker = size if ctx.theme.min_text else size * 0.7  # on the line at full size in large print
                widest = max(widest, word + icon, stringWidth(run.text, font_of(run, header), marker))
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


class RowKeepingTable(Table):
    """A data table that never leaves one row alone on a page: not its first at a page's foot, nor its last.

    reportlab splits a table after the last row that fits. When that leaves a
    single row under the header at the page's foot, the table starts on the
    next page instead; when it leaves a single row for the next page, the split
    is made a row earlier, so two rows go over together.
    """

    def split(self, available_width: float, available_height: float) -> list[Any]:
        parts: list[Any] = super().split(available_width, available_height)
        if len(parts) != 2:
            return parts
        first, rest = (table_rows(part) - self.repeatRows for part in parts)
        if first < 2 and rest > 1:
            return []  # one row at the foot: the whole table starts on the next page
        if rest != 1 or first < 2:
            return parts
        last = table_rows(parts[0]) - 1  # the first part's last row, in this table's own numbering
        height = table_row_heights(self)[last]
        earlier: list[Any] = super().split(available_width, available_height - height - 0.01)
        return earlier if len(earlier) == 2 else parts


def render_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    """Return the table, split into several (first column repeated) when it has too many columns to read."""
    return [f for part in column_groups(block, ctx.theme.handout.table_columns) for f in _render_one_table(part, ctx)]


def _render_one_table(block: TableBlock, ctx: PdfContext) -> list[Flowable]:
    ctx = _fitting(block, ctx)
    colours = ctx.theme.colours
    header = [ctx.para(c.text, "cell_head") for c in block.header]
    rows = [[_cell(c, ctx, "cell") for c in row] for row in block.rows]
    table = RowKeepingTable([header] + rows, colWidths=_column_widths(block, ctx.width, ctx), repeatRows=1,
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
