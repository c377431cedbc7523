"""The theme contract: colours, fonts, sizes and paper, validated like content.

A theme is read from ``themes/<name>/theme.yaml`` (see ``editions.themes``);
layout and renderers take every colour, size and font from here, so
rebranding a pack never touches Python.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Colour = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$"),
    Field(description="A colour as #RRGGBB."),
]


MIN_CONTRAST = 4.5


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG 2 contrast ratio of two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        channels = []
        for value in hex_to_rgb(colour):
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """Return the (r, g, b) bytes of ``#RRGGBB``."""
    match = re.fullmatch(r"#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})", colour)
    assert match, colour
    return int(match.group(1), 16), int(match.group(2), 16), int(match.group(3), 16)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


PAGE = "#FFFFFF"  # paper and slides are white
TEXT_COLOURS = ("text", "muted", "accent", "link", "criminalised", "not_criminalised", "partly", "licensed_only",
                "unchecked")
LIGHT_SURFACES = ("key_messages_bg", "lived_experience_bg", "case_for_bg", "concerns_bg", "table_stripe_bg")


class Colours(Strict):
    """The palette. Text colours must keep 4.5:1 contrast on their backgrounds."""

    text: Colour = "#1A1A1A"
    muted: Colour = "#4D4D4D"
    accent: Colour = "#5B2A86"
    band: Colour = Field("#5B2A86", description="Fill of the cover band and of section slides.")
    band_text: Colour = Field("#FFFFFF", description="Text on the band.")
    rule: Colour = "#B3B3B3"
    link: Colour = "#1F4E99"
    key_messages_bg: Colour = "#F1EAF7"
    lived_experience_bg: Colour = "#FFF4DC"
    case_for_bg: Colour = "#EEF3FA"
    concerns_bg: Colour = "#F6EFEF"
    box_border: Colour | None = Field(None, description="Outline of callout boxes (for themes without fills).")
    quote_bar: Colour = "#5B2A86"
    table_header_bg: Colour = "#5B2A86"
    table_header_text: Colour = "#FFFFFF"
    table_stripe_bg: Colour = "#F5F5F5"
    criminalised: Colour = "#A1121A"
    not_criminalised: Colour = "#1E6B34"
    partly: Colour = "#8A5300"
    licensed_only: Colour = "#1F4E99"
    unchecked: Colour = Field("#A1121A", description="The mark and label of a source not yet checked.")


    def for_status(self, status: str) -> str:
        """Return the colour of a criminalisation status ('not-criminalised' → not_criminalised)."""
        return str(getattr(self, status.replace("-", "_"), self.text))

    def text_pairs(self) -> list[tuple[str, str]]:
        """Return every (text colour, background) pair, by field name, that the renderers can draw.

        Any text colour may land on any light surface (a status word in a boxed
        list, a citation marker in a striped table row, a muted attribution in a
        callout), so every one is checked on every one; the band and the table
        header carry their own text colour.
        """
        pairs = [(text, surface) for text in TEXT_COLOURS for surface in ("page", *LIGHT_SURFACES)]
        return pairs + [("band_text", "band"), ("table_header_text", "table_header_bg")]

    @model_validator(mode="after")
    def _readable(self) -> Colours:
        """Refuse a palette where any text colour falls below 4.5:1 on any background it can be drawn on."""
        for name, surface in self.text_pairs():
            background = PAGE if surface == "page" else getattr(self, surface)
            ratio = contrast(getattr(self, name), background)
            if ratio < MIN_CONTRAST:
                where = "the white page" if surface == "page" else f"{surface} {background}"
                raise ValueError(f"{name} {getattr(self, name)} on {where} has contrast {ratio:.2f}:1; "
                                 f"text needs at least {MIN_CONTRAST}:1")
        return self


class HandoutSizes(Strict):
    """Point sizes and typographic choices of the handout and summary; body text is at least 10 pt."""

    body: float = Field(11, ge=10, le=24)
    small: float = Field(9.5, ge=8, le=22)
    h1: float = Field(20, ge=12, le=48)
    h2: float = Field(15, ge=11, le=40)
    h3: float = Field(12.5, ge=10, le=32)
    title: float = Field(34, ge=18, le=72)
    subtitle: float = Field(16, ge=11, le=40)
    quote: float = Field(11.5, ge=10, le=28)
    leading: float = Field(1.35, ge=1.0, le=2.0, description="Line height as a multiple of the size.")
    italics: bool = Field(True, description=(
        "Set quotations and emphasis in italics; false sets emphasis in bold (clear-print guidance)."))
    table_columns: int = Field(5, ge=1, le=8, description=(
        "Data columns per table; a wider table continues in a further table with its first column repeated."))
    summary_pages: int = Field(1, ge=1, le=4, description="Pages the one-page summary may take before a warning.")


class EasyReadSizes(HandoutSizes):
    """Point sizes of the Easy Read edition: 18 pt text by default, and never below 16 (Easy Read guides)."""

    body: float = Field(18, ge=16, le=28)
    small: float = Field(16, ge=16, le=24)
    h1: float = Field(30, ge=20, le=48)
    h2: float = Field(24, ge=18, le=40)
    h3: float = Field(20, ge=16, le=32)
    title: float = Field(40, ge=24, le=72)
    subtitle: float = Field(24, ge=16, le=40)
    quote: float = Field(18, ge=16, le=28)
    leading: float = Field(1.4, ge=1.2, le=2.0, description="Line height as a multiple of the size.")
    italics: bool = Field(False, description="Easy Read sets emphasis in bold: italics are harder to read.")


class DeckSizes(Strict):
    """Point sizes on slides: the largest tried first, then shrunk to the floor."""

    title_max: float = Field(40, ge=28, le=60)
    title_min: float = Field(28, ge=28, le=60)
    body_max: float = Field(28, ge=18, le=40)
    display_max: float = Field(36, ge=18, le=60, description=(
        "The largest text of a slide with few words: text is set up to this size when the slide holds a "
        "handful of words, falling to body_max at 30 words, so a one-line point is presenter-sized."))
    body_min: float = Field(18, ge=18, le=40)
    table_max: float = Field(18, ge=14, le=28)
    table_min: float = Field(14, ge=14, le=28)
    quote_max: float = Field(32, ge=18, le=48)
    cover_title: float = Field(48, ge=28, le=72)
    footer: float = Field(12, ge=10, le=18)
    words: int = Field(40, ge=0, le=200, description=(
        "Words of running text on screen per slide (titles, attributions, citation markers and diagram labels "
        "not counted); items past it move to the speaker notes. 0 turns the budget off: text then shrinks "
        "to the floor and continues on numbered slides."))
    line_spacing: float = Field(1.0, ge=0.9, le=1.5, description="Multiple of the font's own line height.")
    citations: Literal["slide", "notes"] = Field("slide", description=(
        "Where a slide's citation numbers go: 'slide' (after each point, as in the handout) or 'notes' (one line "
        "in the slide's speaker notes, so the screen shows only the words)."))


class Fonts(Strict):
    """Font families. The handout embeds its font; the deck names a font presenters have."""

    handout: Literal["atkinson-hyperlegible"] = "atkinson-hyperlegible"
    fallback: Literal["arimo"] = Field(
        "arimo", description="Serves characters the handout font lacks (e.g. Māori ō, Greek, Cyrillic)."
    )
    deck: Literal["Arial"] = "Arial"


class Theme(Strict):
    """A theme: palette, fonts, sizes, paper and margins."""

    name: str = "default"
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    handout: HandoutSizes = HandoutSizes()
    deck: DeckSizes = DeckSizes()
    easy_read: EasyReadSizes = EasyReadSizes()
    logo: str | None = Field(None, description="Logo image (PNG or JPEG), a path inside the theme folder.")
    papers: list[Literal["a4", "letter"]] = Field(["a4", "letter"], min_length=1)
    margin_mm: float = Field(18, ge=12, le=40, description="Page margin; 12 mm or more is safe for home printers.")
    print_colours: Literal["rgb", "cmyk"] = Field("rgb", description=(
        "Colours of the print shop's files (booklet, leaflet, cards): 'rgb' (black text in black ink "
        "alone, other colours as designed) or 'cmyk' (every colour converted to CMYK without a colour "
        "profile, so the print shop proofs it; those files then claim PDF/UA but not PDF/A)."))
    min_text: float | None = Field(None, ge=6, le=24, description=(
        "The smallest text any output may print, in points (large print: 16). Footers, citation markers, "
        "diagram labels, slide numbers and table text are raised to it; citation markers then sit on the "
        "line at full size, and the speaker notes show each slide's title instead of a miniature."))

    def for_easy_read(self) -> Theme:
        """Return this theme as the Easy Read edition sets it: its easy-read sizes, nothing printed below 16 pt."""
        return self.model_copy(update={"handout": self.easy_read, "min_text": max(16.0, self.min_text or 0.0)})

    def at_least(self, size: float) -> float:
        """Return ``size``, raised to the theme's smallest text when it is below it."""
        return max(size, self.min_text or 0.0)
