"""Which characters the shipped fonts can draw, and splitting text between them.

Kept apart from the renderers so that ``check`` can warn about characters no
font can show without importing reportlab.
"""

from __future__ import annotations

from functools import cache

import fontpkg

from generator.fonts.faces import FAMILIES


@cache
def glyph_set(slug: str) -> frozenset[int]:
    """Return the code points the handout font can draw."""
    from fontTools.ttLib import TTFont as FontFile

    font = FontFile(str(fontpkg.path(FAMILIES[slug])), lazy=True)
    return frozenset(font.getBestCmap())


def split_by_coverage(text: str, primary: frozenset[int], fallback: frozenset[int]) -> list[tuple[str, bool]]:
    """Return (segment, needs fallback) pieces of ``text``.

    A character goes to the fallback font only when the primary font lacks it
    and the fallback has it; anything neither has stays with the primary font.
    """
    pieces: list[tuple[str, bool]] = []
    for char in text:
        use = ord(char) not in primary and ord(char) in fallback
        if pieces and pieces[-1][1] == use:
            pieces[-1] = (pieces[-1][0] + char, use)
        else:
            pieces.append((char, use))
    return pieces
