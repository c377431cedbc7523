"""Register briefpack's fonts with reportlab, once per process: the handout's, its fallback, the slides'."""

from __future__ import annotations

import io
from functools import cache

import fontpkg

from generator.fonts.faces import FAMILIES, arimo_face

SLIDE_FONTS = {(False, False): "Arimo", (True, False): "Arimo-Bold", (False, True): "Arimo-Italic",
               (True, True): "Arimo-BoldItalic"}


@cache
def register_handout_font(slug: str) -> str:
    """Register regular, bold, italic and bold italic of ``slug``; return the family name.

    The TTF files come from the font's Python package, so builds need no
    system fonts and no network; reportlab embeds and subsets them.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = FAMILIES[slug]
    base = family.replace(" ", "")
    names = {}
    for weight, style, suffix in ((400, "normal", ""), (700, "normal", "-Bold"), (400, "italic", "-Italic"),
                                  (700, "italic", "-BoldItalic")):
        name = base + suffix
        pdfmetrics.registerFont(TTFont(name, str(fontpkg.path(family, weight, style))))
        names[(weight, style)] = name
    pdfmetrics.registerFontFamily(
        base, normal=names[(400, "normal")], bold=names[(700, "normal")],
        italic=names[(400, "italic")], boldItalic=names[(700, "italic")],
    )
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(base, bold, italic, names[(700 if bold else 400, "italic" if italic else "normal")])
    return base


@cache
def register_fallback_font(slug: str) -> str:
    """Register the fallback font (one face: its default instance) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = FAMILIES[slug].replace(" ", "") + "-Fallback"
    pdfmetrics.registerFont(TTFont(name, str(fontpkg.path(FAMILIES[slug]))))
    return name


@cache
def register_slide_fonts() -> dict[tuple[bool, bool], str]:
    """Register the four Arimo faces for drawing slides; return their names by (bold, italic)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for (bold, italic), name in SLIDE_FONTS.items():
        face = arimo_face(bold, italic)
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(face) if isinstance(face, bytes) else str(face)))
    return dict(SLIDE_FONTS)
