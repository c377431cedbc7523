"""Take everything but the picture out of an image: EXIF, XMP, IPTC, comments, thumbnails, text chunks.

A logo photographed with a phone carries where it was taken, the phone's
owner and serial number, and when. For the organisations briefpack serves
that is a safety problem, so every raster image is cleaned on its way into a
pack, before any renderer sees it.

The pixels never change. A JPEG loses its metadata segments without being
decoded and encoded again; a PNG loses its ancillary chunks other than the
colour ones. Only an image whose EXIF says it must be turned to stand upright
is decoded, turned and written again as PNG, which is lossless.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

# JPEG markers: APPn segments run from 0xE0 to 0xEF, a comment is 0xFE, start of scan 0xDA.
_APP0, _APP2, _APP14, _COMMENT, _SOS = 0xE0, 0xE2, 0xEE, 0xFE, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length (TEM, RSTn)

# PNG chunks that describe the picture itself; every other ancillary chunk (text, EXIF, time,
# private chunks) is dropped. Critical chunks (upper-case first letter) are always kept.
_PNG_KEEP = {b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"bKGD", b"pHYs"}
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

MAX_TEXT_BYTES = 1_000_000  # Pillow's own limit for one text chunk; more is not a logo's caption

# EXIF tags, by what they say about a person (TIFF/EXIF 2.32 tag numbers).
_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_OWNER_TAGS = {0x013B: "Artist", 0x9C9D: "XPAuthor", 0xA430: "CameraOwnerName", 0x8298: "Copyright"}
_SERIAL_TAGS = {0xA431: "BodySerialNumber", 0xA435: "LensSerialNumber"}
_DATE_TAGS = {0x0132: "DateTime", 0x9003: "DateTimeOriginal", 0x9004: "DateTimeDigitized"}
_DEVICE_TAGS = {0x010F: "Make", 0x0110: "Model", 0xA434: "LensModel"}
_ORIENTATION = 0x0112


class ImageMetadataError(ValueError):
    """The image's metadata is itself hostile (e.g. megabytes of text); the message says what to do."""


@dataclass(frozen=True)
class CleanImage:
    """An image as it may reach an output: its bytes, format, pixel size and what was taken out of it."""

    data: bytes
    format: str  # "PNG" or "JPEG"
    width: int
    height: int
    removed: tuple[str, ...] = ()  # what the original carried, in words: "a GPS position", "an owner name" …
    turned: bool = False  # turned to stand upright, as its EXIF orientation said


def clean_image(data: bytes, image_format: str) -> CleanImage:
    """Return ``data`` without metadata, upright, with the pixels unchanged.

    ``image_format`` is what Pillow recognised ("PNG" or "JPEG"). Raises
    ``ImageMetadataError`` for metadata no real logo carries, and whatever
    Pillow raises for an image it cannot decode.
    """
    from PIL import Image

    # The raw layout first: megabytes of text are refused before Pillow reads them.
    found = _describe_jpeg_segments(data) if image_format == "JPEG" else _describe_png_chunks(data)
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # decodes every pixel: a truncated or corrupt file fails here, not in a renderer
        exif = _exif_of(image)
        removed = tuple(dict.fromkeys((_describe_exif(exif) if exif is not None else []) + found))
        orientation = _orientation(image)
        if orientation not in (0, 1):
            return _upright(image, removed)
        width, height = image.size
    stripped = _strip_jpeg(data) if image_format == "JPEG" else _strip_png(data)
    return CleanImage(stripped, image_format, width, height, removed)


def _orientation(image: object) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION, 1))  # type: ignore[attr-defined]
    except Exception:  # a malformed EXIF block: no orientation to apply, and it is dropped anyway
        return 1


def _upright(image: object, removed: tuple[str, ...]) -> CleanImage:
    """Return the image turned as its EXIF orientation says, written again as PNG (lossless)."""
    from PIL import Image, ImageOps

    assert isinstance(image, Image.Image)
    turned = ImageOps.exif_transpose(image)
    assert turned is not None
    if turned.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        turned = turned.convert("RGB")  # CMYK JPEG: PNG has no CMYK
    out = io.BytesIO()
    # A fresh PNG carries none of the original's metadata: no exif=, no pnginfo=.
    turned.save(out, "PNG", optimize=False)
    return CleanImage(out.getvalue(), "PNG", turned.width, turned.height, removed, turned=True)


def _exif_of(image: object) -> object | None:
    try:
        exif = image.getexif()  # type: ignore[attr-defined]
    except Exception:
        return None
    return exif if len(exif) else None


def _describe_exif(exif: object) -> list[str]:
    """Return what an EXIF block says about a person: where, who, which device, when, a thumbnail."""
    found: list[str] = []
    tags = dict(exif)  # type: ignore[call-overload]
    try:
        gps = exif.get_ifd(_GPS_IFD)  # type: ignore[attr-defined]
        inner = exif.get_ifd(_EXIF_IFD)  # type: ignore[attr-defined]
    except Exception:
        gps, inner = {}, {}
    every = {**tags, **inner}
    if gps:
        found.append("a GPS position")
    if any(tag in every for tag in _OWNER_TAGS):
        found.append("an owner name")
    if any(tag in every for tag in _SERIAL_TAGS):
        found.append("a camera serial number")
    if any(tag in every for tag in _DEVICE_TAGS):
        found.append("the camera model")
    if any(tag in every for tag in _DATE_TAGS):
        found.append("dates")
    try:
        if exif.get_ifd(1):  # type: ignore[attr-defined]  # IFD1: the embedded thumbnail
            found.append("a thumbnail")
    except Exception:
        pass
    if not found:
        found.append("EXIF data")
    return found


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """Return (marker, start, end) of each segment before the image data, the start of scan included last.

    Raises ValueError when the file is not laid out as a JPEG.
    """
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    segments = []
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise ValueError("bad JPEG marker")
        while at + 1 < len(data) and data[at + 1] == 0xFF:  # fill bytes
            at += 1
        marker = data[at + 1]
        if marker in _STANDALONE:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        end = at + 2 + length
        if length < 2 or end > len(data):
            raise ValueError("truncated JPEG segment")
        segments.append((marker, at, end))
        if marker == _SOS:
            break
        at = end
    return segments


def _describe_jpeg_segments(data: bytes) -> list[str]:
    found = []
    for marker, start, end in _jpeg_segments(data):
        body = data[start + 4:end]
        if marker == 0xE1 and body.startswith(b"http://ns.adobe.com/xap/1.0/"):
            found.append("XMP data")
        elif marker == 0xED:
            found.append("IPTC data")
        elif marker == _COMMENT:
            found.append("a comment")
        elif _is_thumbnail(marker, body):
            found.append("a thumbnail")
    return found


def _is_thumbnail(marker: int, body: bytes) -> bool:
    """Return whether a segment holds a thumbnail: JFIF's own, a JFXX extension, or FlashPix's."""
    if marker == _APP0:
        return body.startswith(b"JFXX") or (body.startswith(b"JFIF\x00") and len(body) >= 14 and bool(body[12]))
    return marker == _APP2 and body.startswith(b"FPXR")


def _keeps(marker: int, body: bytes) -> bool:
    """Return whether a JPEG segment is part of the picture rather than metadata about it."""
    if not 0xE0 <= marker <= 0xEF and marker != _COMMENT:
        return True  # quantisation and Huffman tables, frame header, restart interval …
    if marker == _APP0:
        return body.startswith(b"JFIF\x00")
    if marker == _APP2:
        return body.startswith(b"ICC_PROFILE\x00")  # the colours; a FlashPix thumbnail is not kept
    return marker == _APP14 and body.startswith(b"Adobe")  # how to read CMYK and YCCK colours


def _strip_jpeg(data: bytes) -> bytes:
    """Return the JPEG with every metadata segment left out; the compressed picture is copied unchanged."""
    segments = _jpeg_segments(data)
    out = bytearray(b"\xff\xd8")
    for marker, start, end in segments:
        body = data[start + 4:end]
        if not _keeps(marker, body):
            continue
        if marker == _APP0 and len(body) >= 14 and (body[12] or body[13]):
            # a JFIF header with a thumbnail: keep the header, leave the thumbnail out
            header = body[:12] + b"\x00\x00"
            out += b"\xff\xe0" + struct.pack(">H", len(header) + 2) + header
            continue
        out += data[start:end]
    sos_end = segments[-1][2] if segments and segments[-1][0] == _SOS else len(data)
    out += data[sos_end:]
    return bytes(out)


def _png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """Return (type, start, end) of every chunk; raises ValueError for a file that is not laid out as a PNG."""
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    chunks = []
    at = len(_PNG_SIGNATURE)
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        end = at + 12 + length
        if end > len(data):
            raise ValueError("truncated PNG chunk")
        chunks.append((kind, at, end))
        at = end
        if kind == b"IEND":
            break
    return chunks


def _describe_png_chunks(data: bytes) -> list[str]:
    found: list[str] = []
    text = 0
    for kind, start, end in _png_chunks(data):
        if kind in _PNG_TEXT:
            text += end - start - 12
            keyword = data[start + 8:end].split(b"\x00", 1)[0].decode("latin-1", "replace")
            found.append(f"text ('{keyword}')" if keyword else "text")
        elif kind == b"tIME":
            found.append("dates")
        elif kind == b"eXIf":
            pass  # described from the EXIF itself
        elif kind[:1].islower() and kind not in _PNG_KEEP:
            found.append(f"a private '{kind.decode('latin-1')}' chunk")
    if text > MAX_TEXT_BYTES:
        raise ImageMetadataError(f"carries {text:,} bytes of text in its metadata (the limit is "
                                 f"{MAX_TEXT_BYTES:,}); save it again without metadata")
    return found


def _strip_png(data: bytes) -> bytes:
    """Return the PNG with only its critical and colour chunks; the compressed picture is copied unchanged."""
    out = bytearray(_PNG_SIGNATURE)
    for kind, start, end in _png_chunks(data):
        if kind[:1].isupper() or kind in _PNG_KEEP:
            out += data[start:end]
    return bytes(out)
