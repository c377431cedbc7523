"""Images lose every piece of metadata on the way in, keep every pixel, and stand upright."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from generator.editions.image_metadata import ImageMetadataError, clean_image

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jane Citizen"/></rdf:RDF>'
       b"</x:xmpmeta>")


def phone_exif(orientation: int = 1) -> Image.Exif:
    """Return EXIF as a phone writes it: where, who, which phone, when."""
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Jane Citizen"
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Model] = "P1"
    exif[ExifTags.Base.DateTime] = "2026:05:01 10:00:00"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (33.0, 52.0, 1.0),
                                  ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (151.0, 12.0, 1.0)}
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-123456"
    return exif


def picture(size: tuple[int, int] = (64, 32)) -> Image.Image:
    """Return a picture whose every pixel differs, so a turn or a re-encoding shows."""
    image = Image.new("RGB", size)
    image.putdata([(x * 4 % 256, y * 8 % 256, (x + y) % 256) for y in range(size[1]) for x in range(size[0])])
    return image


def phone_jpeg(orientation: int = 1) -> bytes:
    out = io.BytesIO()
    picture().save(out, "JPEG", quality=90, exif=phone_exif(orientation), xmp=XMP, comment=b"Taken at home")
    return out.getvalue()


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def test_a_phone_jpeg_loses_its_metadata_and_keeps_every_pixel() -> None:
    original = phone_jpeg()
    clean = clean_image(original, "JPEG")
    assert clean.format == "JPEG" and (clean.width, clean.height) == (64, 32)
    assert set(clean.removed) >= {"a GPS position", "an owner name", "a camera serial number", "the camera model",
                                  "dates", "XMP data", "a comment"}
    for leak in (b"Exif\x00\x00", b"Jane Citizen", b"PhoneCo", b"SN-123456", b"Taken at home", b"xmpmeta"):
        assert leak in original and leak not in clean.data, leak
    assert pixels(clean.data) == pixels(original)  # decoded identically: not encoded again
    scan = original.index(b"\xff\xda")
    assert clean.data.endswith(original[scan:])  # the compressed picture is copied byte for byte


def test_a_turned_phone_photo_stands_upright_as_a_lossless_png() -> None:
    original = phone_jpeg(orientation=6)  # "turn 90° clockwise to view"
    clean = clean_image(original, "JPEG")
    assert clean.turned and clean.format == "PNG" and (clean.width, clean.height) == (32, 64)
    with Image.open(io.BytesIO(original)) as image:
        expected = image.transpose(Image.Transpose.ROTATE_270).convert("RGB").tobytes()
    assert pixels(clean.data) == expected
    assert b"Jane Citizen" not in clean.data and b"eXIf" not in clean.data and b"tEXt" not in clean.data


def test_a_png_keeps_only_its_picture_and_colour_chunks() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Citizen")
    info.add_itxt("Comment", "Shot in the office", zip=True)
    out = io.BytesIO()
    picture().save(out, "PNG", pnginfo=info, exif=phone_exif())
    original = out.getvalue()
    clean = clean_image(original, "PNG")
    assert "a GPS position" in clean.removed and "text ('Author')" in clean.removed
    for leak in (b"Jane Citizen", b"eXIf", b"tEXt", b"iTXt"):
        assert leak in original and leak not in clean.data, leak
    assert pixels(clean.data) == pixels(original)
    assert b"IDAT" in clean.data


def test_an_image_without_metadata_reports_nothing() -> None:
    out = io.BytesIO()
    picture().save(out, "PNG")
    assert clean_image(out.getvalue(), "PNG").removed == ()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_megabytes_of_text_in_a_png_are_refused() -> None:
    out = io.BytesIO()
    picture().save(out, "PNG")
    data = out.getvalue()
    huge = _png_chunk(b"tEXt", b"Comment\x00" + b"x" * 2_000_000)
    bloated = data[:33] + huge + data[33:]  # after IHDR
    with pytest.raises(ImageMetadataError, match="bytes of text in its metadata"):
        clean_image(bloated, "PNG")


@pytest.mark.parametrize("cut", ["in the picture", "in a header"])
def test_a_truncated_jpeg_does_not_decode(cut: str) -> None:
    data = phone_jpeg()
    scan = data.index(b"\xff\xda")
    end = scan + (len(data) - scan) // 2 if cut == "in the picture" else scan // 2
    with pytest.raises((OSError, ValueError)):
        clean_image(data[:end], "JPEG")
