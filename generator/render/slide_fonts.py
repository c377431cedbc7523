"""Register the four Arimo faces with reportlab for drawing slides."""

from __future__ import annotations

import io
from functools import lru_cache

from generator.arimo import arimo_face

NAMES = {(False, False): "Arimo", (True, False): "Arimo-Bold", (False, True): "Arimo-Italic",
         (True, True): "Arimo-BoldItalic"}


@lru_cache(maxsize=None)
def register_slide_fonts() -> dict[tuple[bool, bool], str]:
    """Register the faces; return their reportlab names by (bold, italic)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for (bold, italic), name in NAMES.items():
        face = arimo_face(bold, italic)
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(face) if isinstance(face, bytes) else str(face)))
    return dict(NAMES)
