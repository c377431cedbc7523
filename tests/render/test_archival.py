"""Archival and print-ready: an sRGB output intent, a TrimBox on every page, a subset tag of each subset's own."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from generator.render.pdf.archival import srgb_profile
from tests.helpers import for_print_shop, reading_pdfs


def pdfs(built: dict[str, Path]) -> dict[str, Path]:
    return reading_pdfs(built)  # the imposed sheets are print-only files, untagged by design


def test_the_srgb_profile_is_an_icc_profile_made_the_same_every_time() -> None:
    from PIL import ImageCms

    data = srgb_profile()
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB "  # an ICC profile of an RGB colour space
    assert ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(__import__("io").BytesIO(data))).strip()
    srgb_profile.cache_clear()
    assert srgb_profile() == data  # its date is fixed: the same input gives the same PDF bytes


def test_every_pdf_declares_srgb_trims_every_page_and_names_its_subsets_apart(mini_built: dict[str, Path]) -> None:
    for name, path in pdfs(mini_built).items():
        with pikepdf.open(path) as pdf:
            [intent] = pdf.Root.OutputIntents
            assert str(intent.S) == "/GTS_PDFA1" and str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
            assert intent.DestOutputProfile.read_bytes() == srgb_profile() and int(intent.DestOutputProfile.N) == 3
            for page in pdf.pages:
                trim, media = [float(v) for v in page.obj.TrimBox], [float(v) for v in page.obj.MediaBox]
                if for_print_shop(name):  # a print shop's file: cut inside its bleed, marks outside it
                    bleed = [float(v) for v in page.obj.BleedBox]
                    assert media[0] < bleed[0] < trim[0] and trim[2] < bleed[2] < media[2], name
                else:
                    assert trim == media, name
            fonts = {f.objgen: str(f.BaseFont) for page in pdf.pages
                     for f in page.obj.Resources.get("/Font", {}).values()}
            tags = [base[1:7] for base in fonts.values() if re.match(r"^/[A-Z]{6}\+", base)]
            assert len(tags) == len(fonts) and "AAAAAA" not in tags, name
            assert len(set(tags)) == len(tags), name  # every subset its own tag
            metadata = bytes(pdf.Root.Metadata.read_bytes()).decode()
            assert "<pdfaid:part>2</pdfaid:part>" in metadata and "<pdfaid:conformance>A" in metadata
            assert "<pdfuaid:part>1</pdfuaid:part>" in metadata and "pdfaSchema:prefix>pdfuaid<" in metadata


def test_no_stream_ends_in_a_carriage_return(tmp_path: Path) -> None:
    """A Flate stream ending in CR reads one byte short before 'endstream' (PDF/A's /Length check): rewritten."""
    import io
    import zlib

    from generator.render.pdf.archival import streams_ending_in_cr

    padding = 0
    while not zlib.compress(b"q Q\n" + b" " * padding).endswith(b"\r"):  # the checksum's last byte is CR
        padding += 1
    content = b"q Q\n" + b" " * padding
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pdf.make_stream(zlib.compress(content))
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].obj.Contents = stream
    out = io.BytesIO()
    pdf.save(out)
    written = pikepdf.open(io.BytesIO(out.getvalue()))
    assert streams_ending_in_cr(written) == 1
    again = io.BytesIO()
    written.save(again, compress_streams=True)
    final = pikepdf.open(io.BytesIO(again.getvalue()))
    assert streams_ending_in_cr(final) == 0
    assert final.pages[0].obj.Contents.read_bytes() == content + b"\n"  # the same drawing, a space more
