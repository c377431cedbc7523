"""Real font metrics for measuring slide text: Arimo, the metric twin of Arial.

The deck names Arial, which presenters' machines have (and which LibreOffice
maps to the metric-compatible Liberation Sans). We measure with Arimo, whose
advance widths and vertical metrics equal Arial's, so a line that fits here
fits in PowerPoint, Keynote, Google Slides and LibreOffice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import cache
from importlib.metadata import version

from generator.fonts.faces import CACHE_FORMAT, arimo_face, cache_dir, keep_in_cache

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
    # Widths of texts already measured, in font units: layout measures the same words at every size it tries.
    measured: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def units(self, text: str) -> int:
        """Return the advance width of ``text`` in font units."""
        units = self.measured.get(text)
        if units is None:
            widths, fallback = self.widths, self.fallback
            units = self.measured[text] = sum(widths.get(ord(ch), fallback) for ch in text)
        return units

    def width(self, text: str, size: float) -> float:
        """Return the width of ``text`` at ``size`` points, with the safety margin."""
        return self.units(text) * size / self.units_per_em * SAFETY

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
    """Return the metrics of Arimo (Arial) in the given style.

    Reading them from the font takes a while, so they are kept as JSON beside
    the bold instances in the cache folder, and read from there afterwards.
    """
    style = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    cached = cache_dir() / f"Arimo-{style}-{version('fontpkg-arimo')}-{CACHE_FORMAT}.metrics.json"
    try:
        data = json.loads(cached.read_text("utf-8"))
        data["widths"] = {int(code): width for code, width in data["widths"].items()}
        return FaceMetrics(**data)
    except (OSError, ValueError, TypeError, KeyError):
        pass
    metrics = _read_face(bold, italic)
    # Without a writable cache the font is simply read each time.
    keep_in_cache(cached, json.dumps({f.name: getattr(metrics, f.name) for f in fields(metrics) if f.compare})
                  .encode("utf-8"))
    return metrics


def _read_face(bold: bool, italic: bool) -> FaceMetrics:
    """Return the metrics of an Arimo face, read from the font file with fontTools."""
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
