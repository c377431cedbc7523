"""The status symbols (cross, tick, half, circle, dash, diamond) as geometry, drawn alike by every painter.

Each symbol is strokes in a unit square, y up, so the PDF painters (reportlab)
and the SVG painter draw the very same marks; a new symbol is one entry here.
The deck uses PowerPoint's own shapes instead, so presenters can restyle them.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class SymbolShape:
    """A symbol's strokes in a unit square (y up): its line width, open or closed paths, an outline circle."""

    width: float  # stroke width, as a fraction of the symbol's size
    paths: tuple[tuple[Point, ...], ...] = ()
    closed: bool = False  # the paths are outlines (the diamond)
    ring: float = 0.0  # radius of a circle around the centre, if any
    half_filled: bool = False  # the ring's left half filled


SYMBOLS: dict[str, SymbolShape] = {
    "cross": SymbolShape(0.14, (((0.15, 0.15), (0.85, 0.85)), ((0.15, 0.85), (0.85, 0.15)))),
    "tick": SymbolShape(0.14, (((0.1, 0.5), (0.4, 0.15), (0.92, 0.85)),)),
    "dash": SymbolShape(0.14, (((0.15, 0.5), (0.85, 0.5)),)),
    "half": SymbolShape(0.1, ring=0.42, half_filled=True),
    "circle": SymbolShape(0.1, ring=0.38),
    "diamond": SymbolShape(0.1, (((0.5, 0.05), (0.95, 0.5), (0.5, 0.95), (0.05, 0.5)),), closed=True),
}


def symbol_shape(name: str) -> SymbolShape:
    """Return the geometry of symbol ``name`` (an unknown name draws the diamond, the licensed-only mark)."""
    return SYMBOLS.get(name, SYMBOLS["diamond"])
