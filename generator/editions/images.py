"""Read image files named by content or themes, safely, and clean them before any output sees them.

A path must stay inside its pack or theme folder (no absolute paths, no '..',
no symlink leading out), name a real PNG or JPEG, and decode completely to a
sensible size. Anything else is a clear error naming the file and field. What
is read is cleaned (``image_metadata``): no EXIF, XMP, IPTC, comment or
thumbnail reaches an output, and the reader is told once what was left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from generator.content.loader import LoadedPack
from generator.document import Logo
from generator.errors import ContentError, Problem, display_path

MAX_BYTES = 5_000_000
MAX_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG"}


@dataclass(frozen=True)
class ImageField:
    """Where an image was named: the file, line, column and field that gave its path, and the folder it is in."""

    base: Path
    where: str
    field: str
    line: int = 0
    column: int = 0

    def problem(self, message: str, severity: str = "error") -> Problem:
        return Problem(self.where, self.line, self.column, self.field, message,
                       "warning" if severity == "warning" else "error")

    def fail(self, message: str) -> ContentError:
        return ContentError([self.problem(message)])


@dataclass(frozen=True)
class ReadImage:
    """A cleaned image and, when its file carried metadata, the warning that says what was left out."""

    logo: Logo
    note: Problem | None = None


def _read_bytes(at: ImageField, relative: str) -> bytes:
    """Return the file's bytes, once the path is known to stay inside its folder."""
    candidate = Path(relative)
    base = at.base
    if candidate.is_absolute() or ".." in candidate.parts:
        raise at.fail(f"'{relative}' must be a path inside {display_path(base)}/ (no absolute paths or '..')")
    path = base / candidate
    try:
        resolved = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        raise at.fail(f"image '{relative}' not found in {display_path(base)}/") from None
    if not resolved.is_relative_to(base.resolve()):
        raise at.fail(f"'{relative}' leads outside {display_path(base)}/ (through a symbolic link)")
    if not resolved.is_file():
        raise at.fail(f"'{relative}' is not a file")
    try:
        if resolved.stat().st_size > MAX_BYTES:
            raise at.fail(f"image '{relative}' is over {MAX_BYTES // 1_000_000} MB")
        return resolved.read_bytes()
    except OSError as exc:
        raise at.fail(f"cannot read image '{relative}' ({exc.strerror or exc})") from None


def read_image(at: ImageField, relative: str) -> ReadImage:
    """Return the image at ``relative`` inside ``at.base``, cleaned of metadata and standing upright.

    Every failure, the operating system's included, is a ``ContentError`` at
    the place that named the image.
    """
    import warnings

    from PIL import Image

    from generator.editions.image_metadata import ImageMetadataError, clean_image

    data = _read_bytes(at, relative)
    if data.lstrip()[:1] == b"<":
        raise at.fail(f"image '{relative}' is an SVG or other markup; use PNG or JPEG")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image_format, (width, height) = image.format, image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise at.fail(f"image '{relative}' claims more than {Image.MAX_IMAGE_PIXELS:,} pixels; "
                      f"the limit is {MAX_PIXELS:,}") from None
    except Exception:
        raise at.fail(f"image '{relative}' is corrupt or not an image") from None
    if image_format not in FORMATS:
        raise at.fail(f"image '{relative}' is {image_format}; use PNG or JPEG")
    if width * height > MAX_PIXELS:
        raise at.fail(f"image '{relative}' is {width}×{height} pixels; the limit is {MAX_PIXELS:,}")
    try:
        clean = clean_image(data, image_format)
    except ImageMetadataError as exc:
        raise at.fail(f"image '{relative}' {exc}") from None
    except Exception:
        raise at.fail(f"image '{relative}' is truncated or corrupt: it does not decode completely") from None
    note = None
    if clean.removed:
        turned = "; it is turned upright as its EXIF said" if clean.turned else ""
        note = at.problem(f"{relative} carries {_words(clean.removed)}; they are left out of every output "
                          f"(the file itself still carries them){turned}", "warning")
    return ReadImage(Logo(clean.data, clean.width, clean.height), note)


def _words(items: tuple[str, ...]) -> str:
    """Return 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def pack_pictures(loaded: LoadedPack) -> tuple[dict[str, Logo], tuple[Problem, ...]]:
    """Return the pictures Easy Read rows take from the pack folder, by the path they are named by, read safely.

    An unreadable picture is a ``ContentError`` at the row that names it, as
    an unreadable logo is; metadata left out is a warning, once per picture.
    """
    from generator.content.easy_read import easy_rows, is_pack_file
    from generator.content.fieldpath import dotted

    pictures: dict[str, Logo] = {}
    notes: list[Problem] = []
    for path, row in easy_rows(loaded.content):
        key, value = "picture", row.picture
        if not (value and is_pack_file(value)):
            continue
        if value in pictures:
            continue
        section = str(path[0])
        source = loaded.sources.get(section)
        line, column = source.position((*path, key)) if source else (0, 0)
        where = display_path(loaded.section_files[section])
        image = read_image(ImageField(loaded.folder, where, dotted((*path, key)), line, column), value)
        pictures[value] = image.logo
        if image.note:
            notes.append(image.note)
    return pictures, tuple(notes)
