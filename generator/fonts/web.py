"""Fonts for the web edition: the shipped faces as bytes, cut down to the characters a page uses.

A page embeds its fonts (no request leaves the reader's device), so each face
is subset with fontTools to what the page shows: a few kilobytes instead of
fifty. Subsetting is deterministic, so a rebuilt page is byte-identical.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache, lru_cache
from pathlib import Path

import fontpkg

from generator.fonts.faces import FAMILIES, arimo_face, cache_dir, keep_in_cache


@cache
def web_faces(handout_slug: str) -> dict[tuple[str, bool, bool], bytes]:
    """Return the faces a page uses by (family, bold, italic): the handout's four and Arimo for diagrams."""
    family = FAMILIES[handout_slug]
    faces = {}
    for bold in (False, True):
        for italic in (False, True):
            path = fontpkg.path(family, 700 if bold else 400, "italic" if italic else "normal")
            faces[(family, bold, italic)] = Path(path).read_bytes()
    for bold in (False, True):
        face = arimo_face(bold, False)
        faces[("Arimo", bold, False)] = face if isinstance(face, bytes) else Path(face).read_bytes()
    return faces


def subset(data: bytes, characters: set[str]) -> bytes:
    """Return the font ``data`` holding only the glyphs for ``characters`` (and what they need)."""
    return _subset(data, frozenset(ch for ch in characters if ch.isprintable()))


@lru_cache(maxsize=32)
def _subset(data: bytes, text: frozenset[str]) -> bytes:
    """Return the subset, kept in the font cache folder by font and characters.

    A rebuild in a new worker process (or a new build) then reads it instead of
    subsetting again; without a writable cache folder it is simply computed.
    """
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    key = hashlib.sha256(data + "".join(sorted(text)).encode("utf-8") + f"{SUBSET_FORMAT}".encode()).hexdigest()
    cached = cache_dir() / "subsets" / f"{key[:32]}.ttf"
    if cached.is_file():
        return cached.read_bytes()
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # the same page, byte for byte, every build
    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in text})
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    keep_in_cache(cached, buffer.getvalue())
    return buffer.getvalue()


SUBSET_FORMAT = 1  # bump when the subsetting options change
