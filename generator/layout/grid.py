"""Slide geometry: where titles, bodies, bands and pictures sit on the 960 × 540 pt slide.

Every position the slide layout uses is named here, so a change of margins or
proportions is one edit and no layout code carries bare numbers.
"""

from __future__ import annotations

from generator.layout.boxes import SLIDE_HEIGHT, SLIDE_WIDTH

MARGIN_X = 54.0
TITLE_Y = 30.0
TITLE_H = 92.0
BODY_Y = 134.0
BODY_BOTTOM_MARGIN = 58.0  # room for the slide number
BODY_H = SLIDE_HEIGHT - BODY_Y - BODY_BOTTOM_MARGIN
BODY_W = SLIDE_WIDTH - 2 * MARGIN_X
BULLET_INDENT = 26.0  # at 24 pt; scaled with the text size

# The title slide, like the handout's cover: title and subtitle in the upper band, who and when below it.
COVER_BAND_H = 330.0
COVER_TITLE_Y, COVER_TITLE_H = 70.0, 150.0
COVER_SUB_Y, COVER_SUB_H = 226.0, 90.0
COVER_LINES_Y, COVER_LINES_H = 360.0, 130.0
LOGO_W, LOGO_H = 180.0, 70.0

# Section and closing slides: the title a little lower, one line of text beneath.
SECTION_TITLE_Y, SECTION_TITLE_H = 190.0, 130.0
SECTION_TEXT_Y, SECTION_TEXT_H = 330.0, 140.0

# The bar beside a quotation, left of the text column.
QUOTE_BAR_OFFSET, QUOTE_BAR_W = 14.0, 5.0

# Resource slides: a 2 × 2 grid of QR codes, each with its title and address beside it.
QR_SIZE = 108.0
QR_GAP = 12.0  # between a QR code and its text
QR_TEXT_MARGIN = 24.0  # kept free on the right of each grid cell
QR_ROW_GAP = 10.0
RESOURCES_PER_SLIDE = 4

# The slide number, bottom right.
FOOTER_W = 200.0
FOOTER_FROM_BOTTOM = 40.0
FOOTER_PAD = 2.0
