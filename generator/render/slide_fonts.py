"""Arimo faces for drawing slides with reportlab: the same metrics the layout measured.

Arimo ships as a variable font; reportlab draws a variable font's default
(regular) outlines, so the bold faces are instanced with fontTools once and
kept in the user's cache folder (rebuilt if missing, never downloaded).
"""

from __future__ import annotations

import io
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import fontpkg

CACHE_FORMAT = 2  # bump when the way instances are made changes
NAMES = {(False, False): "Arimo", (True, False): "Arimo-Bold", (False, True): "Arimo-Italic",
         (True, True): "Arimo-BoldItalic"}


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefpack" / "fonts"


def _bold_instance(italic: bool) -> io.BytesIO | Path:
    """Return the bold (or bold italic) Arimo face, from the cache or freshly instanced."""
    from importlib.metadata import version

    source = fontpkg.path("Arimo", 400, "italic" if italic else "normal")
    style = "BoldItalic" if italic else "Bold"
    cached = _cache_dir() / f"Arimo-{style}-{version('fontpkg-arimo')}-{CACHE_FORMAT}.ttf"
    if cached.is_file():
        return cached
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = instancer.instantiateVariableFont(TTFont(str(source)), {"wght": 700}, updateFontNames=False)
    # A face of its own name, or PDF viewers would take it for the regular face.
    names = font["name"]
    names.setName(f"Arimo {style}", 4, 3, 1, 0x409)
    names.setName(f"Arimo-{style}", 6, 3, 1, 0x409)
    names.setName(style.replace("BoldItalic", "Bold Italic"), 2, 3, 1, 0x409)
    buffer = io.BytesIO()
    font.save(buffer)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
        os.replace(temp, cached)
    except OSError:
        pass  # no writable cache: use the in-memory face this time
    buffer.seek(0)
    return buffer


@lru_cache(maxsize=None)
def register_slide_fonts() -> dict[tuple[bool, bool], str]:
    """Register the four Arimo faces with reportlab; return their names by (bold, italic)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for (bold, italic), name in NAMES.items():
        source: io.BytesIO | Path = _bold_instance(italic) if bold else fontpkg.path(
            "Arimo", 400, "italic" if italic else "normal")
        pdfmetrics.registerFont(TTFont(name, source if isinstance(source, io.BytesIO) else str(source)))
    return dict(NAMES)
