"""Lay out diagrams drawn from the data: the status matrix, the spectrum of models, the timeline of laws.

A diagram becomes a ``DiagramBox``: shapes and text boxes in slide points,
with alternative text made from the data. The deck (PPTX, as native editable
shapes in a group), the slides PDF and the handout (scaled) all draw this one
layout, so the drawings read the same everywhere. Text is never smaller than
the table floor, and no word is broken: a diagram too crowded even at the
floor continues in parts (a slide each), and only one whose single row will
not fit is a build error naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import assert_never

from generator.document import Diagram, Inline, Run, Spectrum, StatusMatrix, Timeline, text_of
from generator.errors import BuildError
from generator.fonts.metrics import face
from generator.layout.boxes import DiagramBox, LaidParagraph, ShapeBox, TextBox
from generator.layout.fit import line_height, sizes
from generator.layout.wrap import longest_word, wrap
from generator.theme import DeckSizes

Drawn = TextBox | ShapeBox
PAD = 8.0  # inside a matrix cell
RULE = 0.75  # line width of rules and axes


def layout_diagram(block: Diagram, x: float, y: float, w: float, h: float, limits: DeckSizes,
                   largest: float | None = None) -> DiagramBox:
    """Return ``block`` drawn inside the box (x, y, w, h): as large as fits, never below the table floor."""
    for size in sizes(largest or limits.body_max - 4, limits.table_min):
        match block:
            case StatusMatrix():
                laid = _matrix(block, x, y, w, h, size)
            case Spectrum():
                laid = _spectrum(block, x, y, w, h, size)
            case Timeline():
                laid = _timeline(block, x, y, w, h, size)
            case _:
                assert_never(block)
        if laid is not None:
            return laid
    raise BuildError(f"the diagram '{block.alt[:60]}…' does not fit even at {limits.table_min:g} pt; "
                     "show fewer models or places on it")


def layout_diagram_parts(block: Diagram, x: float, y: float, w: float, h: float,
                         limits: DeckSizes) -> list[DiagramBox]:
    """Return ``block`` drawn in as few parts as fit the box, each part a run of its rows, points or events.

    A pack with many models or places gets its diagram over several slides (or
    drawings), in order, like a long table; the first part carries the alt text
    of the whole, the others say they continue it.
    """
    try:
        return [layout_diagram(block, x, y, w, h, limits)]
    except BuildError:
        for pieces in _splits(block):
            try:
                laid = [layout_diagram(piece, x, y, w, h, limits) for piece in pieces]
            except BuildError:
                continue
            smallest = min(_text_size(box) for box in laid)  # every part at one size, so they read as one
            laid = [layout_diagram(piece, x, y, w, h, limits, smallest) for piece in pieces]
            return [laid[0], *(replace(box, alt=f"{block.alt.split(':')[0]} (continued)") for box in laid[1:])]
        raise


def _splits(block: Diagram) -> Iterator[list[Diagram]]:
    """Yield ways to draw ``block`` in parts, fewest first: runs of its rows, points or events.

    A matrix too wide (a narrow column, large print) is also tried in runs of
    its columns, each part showing some parties for every model.
    """
    count = _length(block)
    for parts in range(2, count + 1):
        size = -(-count // parts)
        yield [_slice(block, start, start + size) for start in range(0, count, size)]
    if isinstance(block, StatusMatrix):
        count = len(block.columns)
        for parts in range(2, count + 1):
            size = -(-count // parts)
            yield [replace(block, columns=block.columns[start:start + size],
                           cells=tuple(row[start:start + size] for row in block.cells))
                   for start in range(0, count, size)]


def _text_size(box: DiagramBox) -> float:
    return min((p.size for t in box.elements if isinstance(t, TextBox) for p in t.paragraphs), default=0.0) or 1e9


def _length(block: Diagram) -> int:
    match block:
        case StatusMatrix():
            return len(block.rows)
        case Spectrum():
            return len(block.points)
        case Timeline():
            return len(block.events)
        case _:
            assert_never(block)


def _slice(block: Diagram, start: int, end: int) -> Diagram:
    match block:
        case StatusMatrix():
            return replace(block, rows=block.rows[start:end], cells=block.cells[start:end])
        case Spectrum():  # a part keeps the end of the line it holds: the start on the first, the end on the last
            if not block.ends:
                return replace(block, points=block.points[start:end])
            ends = (block.ends[0] if start == 0 else (), block.ends[1] if end >= len(block.points) else ())
            return replace(block, points=block.points[start:end], ends=ends)
        case Timeline():
            return replace(block, events=block.events[start:end])
        case _:
            assert_never(block)


def _text(runs: Inline, x: float, y: float, w: float, size: float, role: str, align: str = "left") -> TextBox:
    lines = tuple(wrap(runs, size, w))
    para = LaidParagraph(runs, lines, size, role, align=align)
    return TextBox(x, y, w, len(lines) * line_height(size, 1.0), (para,), role)


def _fits(runs: Inline, size: float, width: float) -> bool:
    return longest_word(runs, size) <= width


def _matrix(block: StatusMatrix, x: float, y: float, w: float, h: float, size: float) -> DiagramBox | None:
    bold = [tuple(replace(r, bold=True) for r in name) for name in block.rows]
    first = max(longest_word(name, size) for name in bold) + 2 * PAD + 1  # a point spare: never a word split
    first = max(first, min(w * 0.3, max(face(True).width(text_of(n), size) for n in bold) + 2 * PAD))
    width = (w - first) / max(1, len(block.columns))
    symbol = size * 0.9
    header = [tuple(replace(r, bold=True) for r in c) for c in block.columns]
    if any(not _fits(c, size, width - 2 * PAD) for c in header):
        return None
    if any(not _fits(cell.text, size, width - 3 * PAD - symbol) for row in block.cells for cell in row):
        return None
    elements: list[Drawn] = []
    top = y
    head = [_text(c, x + first + i * width + PAD, top + PAD, width - 2 * PAD, size, "heading")
            for i, c in enumerate(header)]
    row_h = max(t.h for t in head) + 2 * PAD
    elements += head
    top += row_h
    elements.append(ShapeBox(x, top, w, 0, "line", line="accent", width=RULE * 2))
    for name, row in zip(bold, block.cells, strict=True):
        label = _text(name, x + PAD, top + PAD, first - 2 * PAD, size, "body")
        cells: list[Drawn] = []
        tallest = label.h
        for i, cell in enumerate(row):
            left = x + first + i * width + PAD
            words = _text(cell.text, left + symbol + PAD / 2, top + PAD, width - 3 * PAD - symbol, size, "body")
            tallest = max(tallest, words.h)
            cells.append(ShapeBox(left, top + PAD + (line_height(size, 1.0) - symbol) / 2, symbol, symbol,
                                  cell.symbol or "dash", line=cell.status, fill=cell.status))
            cells.append(words)
        elements.append(label)
        elements += cells
        top += tallest + 2 * PAD
        elements.append(ShapeBox(x, top, w, 0, "line", line="rule", width=RULE))
    if top - y > h:
        return None
    return DiagramBox(x, y, w, top - y, tuple(elements), block.alt)


def _spectrum(block: Spectrum, x: float, y: float, w: float, h: float, size: float) -> DiagramBox | None:
    """Lay out the models along a line, their names under it; what its ends mean (if the pack says) above them."""
    count = len(block.points)
    slot = w / max(1, count)
    marker = size * 1.8
    names = [tuple(replace(r, bold=True) for r in point) for point in block.points]
    if any(not _fits(name, size, slot - PAD) for name in names):
        return None
    elements: list[Drawn] = []
    top = y
    if block.ends:
        half = w / 2 - PAD
        if any(not _fits(end, size, half) for end in block.ends):
            return None
        ends = [_text(block.ends[0], x, y, half, size, "small") if block.ends[0] else None,
                _text(block.ends[1], x + w - half, y, half, size, "small", "right") if block.ends[1] else None]
        drawn = [end for end in ends if end is not None]
        elements += drawn
        top = y + max((end.h for end in drawn), default=0.0)
    axis = top + marker
    elements.append(ShapeBox(x, axis, w, 0, "arrow", line="accent", width=RULE * 3))
    bottom = axis
    for index, name in enumerate(names):
        centre = x + slot * (index + 0.5)
        elements.append(ShapeBox(centre - marker / 2, axis - marker / 2, marker, marker, "ellipse",
                                 fill="band", line="band"))
        label = _text(name, centre - slot / 2 + PAD / 2, axis + marker, slot - PAD, size, "body", "center")
        elements.append(label)
        bottom = max(bottom, label.y + label.h)
    if bottom - y > h:
        return None
    return DiagramBox(x, y, w, bottom - y, tuple(elements), block.alt)


def _timeline(block: Timeline, x: float, y: float, w: float, h: float, size: float) -> DiagramBox | None:
    """Lay out the years down the slide, one row per year with its places, in as many columns as it takes."""
    years: dict[int, list[str]] = {}
    for event in block.events:
        place = event.place + (f" ({event.label})" if event.label and event.label not in ("in force", "enacted")
                               else "")
        years.setdefault(event.year, []).append(place)
    if not years:
        return DiagramBox(x, y, w, 0, (), block.alt)
    line = line_height(size, 1.0)
    gap = line * 0.45
    year_w = face(True).width("0000", size) + PAD * 2
    marker = size * 0.55
    for columns in (1, 2, 3):
        column_w = w / columns
        rows: list[tuple[int, TextBox]] = []
        for year, places in years.items():
            runs: Inline = (Run(" · ".join(places)),)
            if longest_word(runs, size) > column_w - year_w - 3 * PAD:
                return None
            rows.append((year, _text(runs, 0, 0, column_w - year_w - 3 * PAD, size, "body")))
        per_column = -(-len(rows) // columns)
        heights = [sum(t.h + gap for _, t in rows[c * per_column:(c + 1) * per_column]) for c in range(columns)]
        if max(heights) - gap <= h:
            break
    else:
        return None
    elements: list[Drawn] = []
    for c in range(columns):
        chunk = rows[c * per_column:(c + 1) * per_column]
        if not chunk:
            continue
        left = x + c * column_w
        axis = left + PAD + marker / 2
        top = y
        bottom = y + sum(t.h + gap for _, t in chunk) - gap
        elements.append(ShapeBox(axis, y + line / 2, 0, bottom - y - line, "line", line="accent", width=RULE * 2))
        for year, text in chunk:
            elements.append(ShapeBox(axis - marker / 2, top + (line - marker) / 2, marker, marker, "ellipse",
                                     fill="accent", line="accent"))
            elements.append(_text((Run(str(year), bold=True),), axis + marker, top, year_w, size, "heading"))
            elements.append(replace(text, x=axis + marker + year_w, y=top))
            top += text.h + gap
    bottom = max(e.y + e.h for e in elements if isinstance(e, TextBox))
    return DiagramBox(x, y, w, bottom - y, tuple(elements), block.alt)


def shifted(box: DiagramBox, down: float) -> DiagramBox:
    """Return ``box`` moved ``down`` points."""
    return replace(box, y=box.y + down, elements=tuple(replace(e, y=e.y + down) for e in box.elements))
