"""Privacy is safety: nothing about a person reaches an output unless the pack says so.

A pack whose logo is a phone photo (GPS position, owner, serial number, XMP,
a comment) is built by a user whose login, home folder and project folder
carry marker strings. Every byte of every output is then searched: PDF
streams decompressed, PPTX zip members, HTML data URIs decoded.
"""

from __future__ import annotations

import base64
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from tests.editions.test_image_metadata import phone_jpeg
from tests.helpers import MINI, TEMPLATES, file_count

MARKERS = (b"MARKERLOGIN", b"MARKERHOME", b"MARKERPROJECT", b"Jane Citizen", b"PhoneCo", b"SN-123456",
           b"Taken at home")
IMAGE_METADATA = (b"Exif\x00\x00", b"http://ns.adobe.com/xap/1.0/\x00", b"Photoshop 3.0\x00", b"eXIf", b"tEXt")


def _blobs(path: Path) -> Iterator[tuple[str, bytes]]:
    """Yield every piece of an output a reader's tools could open: the file and what it contains."""
    data = path.read_bytes()
    yield "file", data
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    yield f"stream {obj.objgen}", obj.read_bytes()
            yield "info", repr(dict(pdf.docinfo)).encode()
    elif path.suffix == ".pptx":
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                yield name, package.read(name)
    elif path.suffix == ".html":
        for match in re.finditer(rb"data:[\w/+.-]+;base64,([A-Za-z0-9+/=]+)", data):
            yield "data URI", base64.b64decode(match.group(1))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the fixture pack with a phone photo as its logo, as the user MARKERLOGIN in MARKERPROJECT/."""
    from generator.pipeline import build_pack

    home = tmp_path_factory.mktemp("MARKERHOME")
    project = tmp_path_factory.mktemp("work") / "MARKERPROJECT"
    pack = project / "briefs" / "mini"
    shutil.copytree(MINI, pack)
    (pack / "photo.jpg").write_bytes(phone_jpeg(orientation=6))
    pack_yaml = pack / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text().replace("  theme: default\n",
                                                       "  theme: default\n  logo: photo.jpg\n  logo_alt: Our kite\n"))
    with pytest.MonkeyPatch.context() as env:
        for name, value in (("HOME", str(home)), ("USER", "MARKERLOGIN"), ("LOGNAME", "MARKERLOGIN"),
                            ("USERNAME", "MARKERLOGIN")):
            env.setenv(name, value)
        env.chdir(project)
        result = build_pack(pack, TEMPLATES, project / "output", jobs=2)
    assert not result.failed, result.failure
    return {f.path.name.removeprefix("mini-"): f.path for f in result.files}


def test_the_fixture_really_carries_what_must_not_leak() -> None:
    photo = phone_jpeg(orientation=6)
    assert all(mark in photo for mark in (b"Jane Citizen", b"PhoneCo", b"SN-123456", b"Exif\x00\x00"))


def test_no_output_carries_the_user_the_folder_or_the_photo_s_metadata(built: dict[str, Path]) -> None:
    assert {path.suffix for path in built.values()} == {".pdf", ".pptx", ".html"} and len(built) == file_count(MINI)
    found = []
    for name, path in built.items():
        for part, blob in _blobs(path):
            found += [f"{name} ({part}): {mark!r}" for mark in MARKERS + IMAGE_METADATA if mark in blob]
    assert found == []


def test_the_manifest_names_no_absolute_path(built: dict[str, Path]) -> None:
    manifest = next(iter(built.values())).parent.parent / ".briefpack-manifest.json"
    text = manifest.read_text()
    assert "MARKER" not in text and '"/' not in text


def test_pdf_metadata_is_the_pack_s_own(built: dict[str, Path]) -> None:
    for name, path in built.items():
        if path.suffix != ".pdf":
            continue
        with pikepdf.open(path) as pdf:
            info = {str(k): str(v) for k, v in pdf.docinfo.items()}
            xmp = pdf.Root.Metadata.read_bytes().decode()
        assert set(info) <= {"/Title", "/Author", "/Subject", "/Keywords", "/CreationDate", "/ModDate", "/Creator",
                             "/Producer", "/Trapped"}, name
        assert info["/Author"] == "Examplia Civic Lab (fictional)" and info["/Creator"] == "briefpack"
        assert info["/Producer"] == "briefpack" and info["/CreationDate"].startswith("D:20260301")
        assert "Examplia Civic Lab (fictional)" in xmp and "<rdf:li>en-AU</rdf:li>" in xmp


def test_pptx_properties_are_the_pack_s_own(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["public-deck.pptx"]) as package:
        names = package.namelist()
        core = package.read("docProps/core.xml").decode()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode() + package.read("ppt/_rels/presentation.xml.rels").decode()
    assert "docProps/thumbnail.jpeg" not in names and not any("printerSettings" in n for n in names)
    assert "thumbnail" not in rels and "printerSettings" not in rels
    assert "<dc:creator>Examplia Civic Lab (fictional)</dc:creator>" in core
    assert "<cp:lastModifiedBy>Examplia Civic Lab (fictional)</cp:lastModifiedBy>" in core
    assert "Steve Canny" not in core and "python-pptx" not in core and "lastPrinted" not in core
    assert "<Application>briefpack</Application>" in app and "<Company>Examplia Civic Lab (fictional)</Company>" in app
    assert "Macintosh" not in app and "4:3" not in app
    slides = re.search(r"<Slides>(\d+)</Slides>", app)
    assert slides and int(slides.group(1)) > 10


def test_the_deck_still_opens_without_the_template_s_leftovers(built: dict[str, Path]) -> None:
    from pptx import Presentation

    deck = Presentation(str(built["public-deck.pptx"]))
    assert deck.core_properties.author == "Examplia Civic Lab (fictional)" and len(deck.slides) > 10


def test_html_meta_is_the_pack_s_own(built: dict[str, Path]) -> None:
    html = built["public.html"].read_text()
    metas = dict(re.findall(r'<meta name="([^"]+)" content="([^"]*)"', html))
    assert set(metas) <= {"viewport", "description", "author", "generator", "color-scheme"}
    assert metas["author"] == "Examplia Civic Lab (fictional)" and metas["generator"] == "briefpack"
