"""Read image files named by content or themes, safely.

A path must stay inside its pack or theme folder (no absolute paths, no '..',
no symlink leading out), name a real PNG or JPEG, and decode to a sensible
size. Anything else is a clear error naming the file and field.
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.document import Logo
from generator.errors import ContentError, Problem, display_path

MAX_BYTES = 5_000_000
MAX_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG"}


def read_image(base: Path, relative: str, where: str, field: str, line: int = 0, column: int = 0) -> bytes:
    """Return the bytes of the image at ``relative`` inside ``base``.

    ``where``, ``line``, ``column`` and ``field`` name the place that gave the
    path: every failure, the operating system's included, is reported there.
    """

    def fail(message: str) -> ContentError:
        return ContentError([Problem(where, line, column, field, message)])

    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise fail(f"'{relative}' must be a path inside {display_path(base)}/ (no absolute paths or '..')")
    path = base / candidate
    try:
        resolved = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        raise fail(f"image '{relative}' not found in {display_path(base)}/") from None
    if not resolved.is_relative_to(base.resolve()):
        raise fail(f"'{relative}' leads outside {display_path(base)}/ (through a symbolic link)")
    if not resolved.is_file():
        raise fail(f"'{relative}' is not a file")
    try:
        if resolved.stat().st_size > MAX_BYTES:
            raise fail(f"image '{relative}' is over {MAX_BYTES // 1_000_000} MB")
        data = resolved.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read image '{relative}' ({exc.strerror or exc})") from None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FORMATS:
                raise fail(f"image '{relative}' is {image.format}; use PNG or JPEG")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise fail(f"image '{relative}' is {width}×{height} pixels; the limit is {MAX_PIXELS:,}")
            image.verify()
    except ContentError:
        raise
    except Exception:
        raise fail(f"image '{relative}' is corrupt or not an image") from None
    return data


def read_logo(base: Path, relative: str, where: str, field: str, line: int = 0, column: int = 0) -> Logo:
    """Return the logo at ``relative`` inside ``base`` with its pixel size."""
    from PIL import Image

    data = read_image(base, relative, where, field, line, column)
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    return Logo(data, width, height)
