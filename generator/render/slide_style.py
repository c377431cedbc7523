"""Colours of slide text roles, shared by the PPTX and slides-PDF renderers."""

from __future__ import annotations

from generator.layout.boxes import LaidSlide, RectBox
from generator.theme import Theme


def text_colour(theme: Theme, role: str, status: str | None = None, cite: bool = False) -> str:
    """Return the #RRGGBB colour for text of ``role`` (a status or citation overrides it)."""
    c = theme.colours
    if status:
        return c.for_status(status)
    if role in ("cover", "cover_sub", "footer_on_accent"):
        return c.band_text
    if cite or role in ("footer", "attribution"):
        return c.muted
    if role in ("title", "heading"):
        return c.accent
    return c.text


def rect_colour(theme: Theme, box: RectBox) -> str:
    """Return the fill colour of a background rectangle."""
    return {"accent": theme.colours.band, "quote_bar": theme.colours.quote_bar}.get(box.role, theme.colours.band)


def on_accent(slide: LaidSlide) -> bool:
    """Return whether the slide's background is the accent colour."""
    return any(isinstance(e, RectBox) and e.role == "accent" and e.w >= 960 for e in slide.elements)


def shape_colour(theme: Theme, role: str) -> str:
    """Return the colour of a diagram shape's fill or line role: a theme colour or a status colour."""
    colours = theme.colours
    if role.replace("-", "_") in type(colours).model_fields:
        return str(getattr(colours, role.replace("-", "_")))
    return colours.for_status(role)


def row_fill(theme: Theme, row: int) -> str:
    """Return the fill of a slide table's row: the header's colour, then white and stripes in turn."""
    colours = theme.colours
    return colours.table_header_bg if row == 0 else (colours.table_stripe_bg if row % 2 == 0 else "#FFFFFF")
