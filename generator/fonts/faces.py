"""The font files briefpack ships with, found in their Python packages.

Atkinson Hyperlegible sets the handout; Arimo, the metric twin of Arial, serves
as its fallback and measures and draws slides. Arimo ships as a variable font.
Its regular and italic faces are the variable files' defaults; the bold faces are instanced once with fontTools (advance
widths change with weight) and kept in the user's cache folder, rebuilt when
missing and never downloaded.
"""

from __future__ import annotations

import io
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

import fontpkg

CACHE_FORMAT = 2  # bump when the way instances are made changes

# Font slugs a theme may name, and the family each stands for.
FAMILIES = {"atkinson-hyperlegible": "Atkinson Hyperlegible", "arimo": "Arimo"}


def cache_dir() -> Path:
    """Return the folder where derived font data (bold instances, metrics) is kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefpack" / "fonts"


def keep_in_cache(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in the cache folder atomically (a temp file renamed); False if it cannot.

    The cache is an optimisation: a read-only home or a full disk just means
    the work is done again next time.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(temp).replace(path)
        return True
    except OSError:
        return False


@cache
def arimo_face(bold: bool, italic: bool) -> Path | bytes:
    """Return the Arimo face as a file path, or as bytes when no cache folder is writable."""
    source = Path(fontpkg.path("Arimo", 400, "italic" if italic else "normal"))
    if not bold:
        return source
    style = "BoldItalic" if italic else "Bold"
    cached = cache_dir() / f"Arimo-{style}-{version('fontpkg-arimo')}-{CACHE_FORMAT}.ttf"
    if cached.is_file():
        return cached
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = instancer.instantiateVariableFont(TTFont(str(source)), {"wght": 700}, updateFontNames=False)
    # A face of its own name, or PDF viewers would take it for the regular face.
    names = font["name"]
    names.setName(f"Arimo {style.replace('BoldItalic', 'Bold Italic')}", 4, 3, 1, 0x409)
    names.setName(f"Arimo-{style}", 6, 3, 1, 0x409)
    names.setName(style.replace("BoldItalic", "Bold Italic"), 2, 3, 1, 0x409)
    buffer = io.BytesIO()
    font.save(buffer)
    data = buffer.getvalue()
    return cached if keep_in_cache(cached, data) else data
