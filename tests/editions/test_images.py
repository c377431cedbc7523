"""Logos are read only from inside their pack or theme folder, and only when they are real images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from generator.editions.session import load_session
from generator.errors import ContentError
from tests.helpers import TEMPLATES, own_templates

Change = Callable[[str, str, str], None]


@pytest.mark.parametrize("logo,message", [
    ("../sources.yaml", "must be a path inside"),
    ("/etc/hostname", "must be a path inside"),
    ("missing.png", "not found"),
    ("broken.png", "corrupt or not an image"),
    ("escape.png", "leads outside"),
    ("picture.gif", "is GIF; use PNG or JPEG"),
    ("a-folder", "'a-folder' is not a file"),
])
def test_logo_paths_stay_inside_the_pack(mini: Path, change: Change, tmp_path: Path, logo: str, message: str) -> None:
    (mini / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    Image.new("RGB", (30, 10)).save(tmp_path / "outside.png")
    (mini / "escape.png").symlink_to(tmp_path / "outside.png")
    Image.new("RGB", (30, 10)).save(mini / "picture.gif")
    (mini / "a-folder").mkdir()
    change("pack.yaml", "  theme: default\n", f"  theme: default\n  logo: {logo}\n")
    with pytest.raises(ContentError) as info:
        load_session(mini, TEMPLATES)
    [problem] = info.value.problems
    assert str(problem).startswith("briefs/mini/pack.yaml:14:9: pack.logo: ")  # where the path was written
    assert message in str(problem)


def test_a_theme_logo_cannot_leave_the_theme_folder(mini: Path, tmp_path: Path) -> None:
    templates = own_templates(tmp_path / "templates", "themes/default/theme.yaml")
    theme = tmp_path / "templates" / "themes" / "default" / "theme.yaml"
    theme.write_text(theme.read_text() + "logo: ../../../../etc/hostname\n")
    with pytest.raises(ContentError) as info:
        load_session(mini, templates)
    assert str(info.value).startswith("templates/themes/default/theme.yaml:")
    assert "logo: '../../../../etc/hostname' must be a path inside" in str(info.value)


def test_a_good_logo_is_read_with_its_size_and_alt_text(mini: Path, change: Change) -> None:
    Image.new("RGB", (300, 100)).save(mini / "logo.png")
    change("pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n  logo_alt: The lab's kite\n")
    logo = load_session(mini, TEMPLATES).editions[0].logo
    assert logo is not None and (logo.width, logo.height, logo.alt) == (300, 100, "The lab's kite")


def _bomb_png() -> bytes:
    """Return a small PNG file whose header claims 40000 × 40000 pixels (1.6 billion)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + \
        chunk(b"IEND", b"")


def _hostile(name: str, folder: Path) -> None:
    """Write the hostile image ``name`` into ``folder``."""
    import io

    from tests.editions.test_image_metadata import phone_jpeg, picture

    if name == "bomb.png":
        (folder / name).write_bytes(_bomb_png())
    elif name == "truncated.jpg":
        data = phone_jpeg()
        scan = data.index(b"\xff\xda")
        (folder / name).write_bytes(data[: scan + (len(data) - scan) // 2])
    elif name == "chatty.png":
        out = io.BytesIO()
        picture().save(out, "PNG")
        data = out.getvalue()
        import struct
        import zlib

        body = b"Comment\x00" + b"x" * 2_000_000
        chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
        (folder / name).write_bytes(data[:33] + chunk + data[33:])
    elif name == "notes.png":
        (folder / name).write_text("these are my notes, not a picture")
    elif name == "drawing.svg":
        (folder / name).write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')


@pytest.mark.parametrize("name,message", [
    ("bomb.png", "pixels; the limit is 25,000,000"),
    ("truncated.jpg", "is truncated or corrupt: it does not decode completely"),
    ("chatty.png", "bytes of text in its metadata (the limit is 1,000,000); save it again without metadata"),
    ("notes.png", "is corrupt or not an image"),
    ("drawing.svg", "is an SVG or other markup; use PNG or JPEG"),
])
def test_hostile_images_fail_at_their_field(mini: Path, change: Change, name: str, message: str) -> None:
    _hostile(name, mini)
    change("pack.yaml", "  theme: default\n", f"  theme: default\n  logo: {name}\n")
    with pytest.raises(ContentError) as info:
        load_session(mini, TEMPLATES)
    [problem] = info.value.problems
    assert str(problem).startswith("briefs/mini/pack.yaml:14:9: pack.logo: ") and "\n" not in str(problem)
    assert message in str(problem)


def test_check_says_once_what_a_phone_photo_carried(mini: Path, change: Change) -> None:
    from tests.editions.test_image_metadata import phone_jpeg
    from tests.helpers import run

    (mini / "photo.jpg").write_bytes(phone_jpeg(orientation=6))
    change("pack.yaml", "  theme: default\n", "  theme: default\n  logo: photo.jpg\n  logo_alt: Our kite\n")
    code, _, err = run("check", "mini")
    assert code == 0, err
    lines = [line for line in err.splitlines() if "photo.jpg carries" in line]
    assert lines == ["briefs/mini/pack.yaml:14:9: warning: pack.logo: photo.jpg carries a GPS position, an owner "
                     "name, a camera serial number, the camera model, dates, XMP data and a comment; they are left "
                     "out of every output (the file itself still carries them); it is turned upright as its EXIF "
                     "said"]
    logo = load_session(mini, TEMPLATES).editions[0].logo
    assert logo is not None and (logo.width, logo.height) == (32, 64)
