"""Real font metrics for measuring slide text: Arimo, the metric twin of Arial.

The deck names Arial, which presenters' machines have (and which LibreOffice
maps to the metric-compatible Liberation Sans). We measure with Arimo, whose
advance widths and vertical metrics equal Arial's, so a line that fits here
fits in PowerPoint, Keynote, Google Slides and LibreOffice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from generator.fonts.faces import arimo_face

# Renderers differ slightly (hinting, kerning); measure every line this much wider.
SAFETY = 1.06
# Line advance at 100% spacing measured in LibreOffice Impress (Liberation Sans): 1.2 em.
RENDERER_LINE_HEIGHT = 1.2


@dataclass(frozen=True)
class FaceMetrics:
    """Advance widths and vertical metrics of one face, in font units."""

    widths: dict[int, int]
    units_per_em: int
    ascent: int
    descent: int
    line_gap: int
    fallback: int

    def width(self, text: str, size: float) -> float:
        """Return the width of ``text`` at ``size`` points, with the safety margin."""
        widths, fallback = self.widths, self.fallback
        units = sum(widths.get(ord(ch), fallback) for ch in text)
        return units * size / self.units_per_em * SAFETY

    def line_height(self, size: float) -> float:
        """Return one line's height at ``size`` at 100% line spacing.

        Proportional line spacing multiplies the font's own line height, not the
        point size. From the font that is ascent + descent + line gap (1.15 em
        for Arial's metrics), but LibreOffice Impress was measured advancing
        1.2 em per line with Liberation Sans, as PowerPoint does for "single"
        spacing; we take the larger so every renderer fits.
        """
        own = (self.ascent + self.descent + self.line_gap) / self.units_per_em
        return max(own, RENDERER_LINE_HEIGHT) * size


@cache
def face(bold: bool = False, italic: bool = False) -> FaceMetrics:
    """Return the metrics of Arimo (Arial) in the given style."""
    import io

    from fontTools.ttLib import TTFont

    source = arimo_face(bold, italic)
    font = TTFont(io.BytesIO(source) if isinstance(source, bytes) else str(source), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    hhea = font["hhea"]
    return FaceMetrics(
        widths=widths,
        units_per_em=font["head"].unitsPerEm,
        ascent=hhea.ascent,
        descent=-hhea.descent,
        line_gap=hhea.lineGap,
        fallback=font["head"].unitsPerEm,  # unknown glyphs: assume a full em, never too narrow
    )
