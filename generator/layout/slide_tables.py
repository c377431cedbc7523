"""Tables on slides: column widths measured at each size, rows split over slides with the header repeated."""

from __future__ import annotations

from dataclasses import replace

from generator.document import Cell, Inline, Slide, Table, text_of
from generator.errors import BuildError
from generator.fonts.metrics import face
from generator.layout.boxes import TableBox, TableCell
from generator.layout.fit import line_height, sizes
from generator.layout.grid import BODY_H, BODY_W, BODY_Y, MARGIN_X
from generator.layout.slide_text import Part
from generator.layout.tables import column_widths
from generator.layout.wrap import longest_word, wrap
from generator.theme import DeckSizes

CELL_PADDING = 5.0  # points inside each table cell on a slide


def table_parts(slide: Slide, table: Table, limits: DeckSizes) -> list[Part]:

    def measure(row: tuple, size: float, header: bool,
                widths: tuple[float, ...]) -> tuple[tuple[TableCell, ...], float]:
        cells = []
        tallest = 0
        for cell, width in zip(row, widths, strict=True):
            runs = tuple(replace(r, bold=True) for r in cell.text) if header else cell.text
            lines = tuple(wrap(runs, size, width - 2 * CELL_PADDING))
            cells.append(TableCell(runs, lines, cell.status))
            tallest = max(tallest, len(lines))
        return tuple(cells), tallest * line_height(size, 1.0) + 2 * CELL_PADDING

    chosen = None
    for size in sizes(limits.table_max, limits.table_min):
        widths = slide_column_widths(table, size)
        header = measure(table.header, size, True, widths)
        rows = [measure(row, size, False, widths) for row in table.rows]
        chosen = (size, widths, header, rows)
        words_fit = all(longest_word(c.text, size) + 2 * CELL_PADDING <= w + 0.01
                        for row in (table.header, *table.rows) for c, w in zip(row, widths, strict=True))
        if words_fit and header[1] + sum(h for _, h in rows) <= BODY_H:
            break  # the largest size at which every word fits its column and the table its slide
    assert chosen is not None
    size, widths, header, rows = chosen
    groups: list[list[tuple[tuple[TableCell, ...], float]]] = [[]]
    used = header[1]
    for row in rows:
        if used + row[1] > BODY_H and groups[-1]:
            groups.append([])
            used = header[1]
        if header[1] + row[1] > BODY_H:
            raise BuildError(f"slide '{text_of(slide.title)}': a table row does not fit even at {size:g} pt",
                             text=max((text_of(c.runs) for c in row[0]), key=len))
        groups[-1].append(row)
        used += row[1]
    return [Part([TableBox(MARGIN_X, BODY_Y, widths, (header[1],) + tuple(h for _, h in group),
                           (header[0],) + tuple(c for c, _ in group), size, CELL_PADDING)],
                 size < limits.table_max) for group in groups]


def slide_column_widths(table: Table, size: float) -> tuple[float, ...]:
    """Return the widths of ``table``'s columns on a slide at ``size`` points (see ``layout.tables``)."""

    def runs(cell: Cell, header: bool) -> Inline:
        return tuple(replace(r, bold=True) for r in cell.text) if header else cell.text

    def longest(cell: Cell, header: bool) -> float:
        return longest_word(runs(cell, header), size)

    def amount(cell: Cell, header: bool) -> float:
        return sum(face(r.bold, r.italic).width(r.text, size) for r in runs(cell, header))

    return column_widths(table, BODY_W, longest, amount, 2 * CELL_PADDING)
