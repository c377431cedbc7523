"""The deck reads back with python-pptx: 16:9, unique titles first, notes, size floors, alt text, links."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from generator.build import build_pack
from generator.content.loader import load_pack
from tests.helpers import MINI, TEMPLATES, edit


def deck(built: dict[str, Path]):  # type: ignore[no-untyped-def]
    return Presentation(built["public-deck.pptx"])


def test_slide_size_and_unique_titles(mini_built: dict[str, Path]) -> None:
    d = deck(mini_built)
    assert (d.slide_width, d.slide_height) == (Emu(Pt(960)), Emu(Pt(540)))
    titles = [s.shapes.title.text_frame.text for s in d.slides]
    pack = load_pack(MINI).content
    assert titles[0] == pack.meta.title
    assert all(m.name in titles for m in pack.models)
    assert {"Key messages", "The models compared", "What we ask"} <= set(titles)
    assert len(set(titles)) == len(titles) and all(t.strip() for t in titles)


def test_notes_on_every_slide(mini_built: dict[str, Path]) -> None:
    for slide in deck(mini_built).slides:
        title = slide.shapes.title.text_frame.text
        if "(cont." not in title:
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), title


def test_text_never_goes_below_the_floors(mini_built: dict[str, Path]) -> None:
    for slide in deck(mini_built).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                floor = Pt(12 if shape.name in ("Footer text", "Legend text") else 18)
                assert all(r.font.size >= floor for p in shape.text_frame.paragraphs for r in p.runs), shape.name
            if shape.has_table:
                assert all(r.font.size >= Pt(14) for row in shape.table.rows for c in row.cells
                           for p in c.text_frame.paragraphs for r in p.runs)


def test_qr_pictures_have_alt_text_and_links(mini_built: dict[str, Path]) -> None:
    pictures = [s for slide in deck(mini_built).slides for s in slide.shapes
                if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "QR code"]
    assert pictures
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt.startswith("QR code linking to https://")
        assert picture.click_action.hyperlink.address == alt.removeprefix("QR code linking to ")


def test_the_comparison_is_a_native_table(mini_built: dict[str, Path]) -> None:
    tables = [s.table for slide in deck(mini_built).slides for s in slide.shapes if s.has_table]
    header = [c.text for c in tables[0].rows[0].cells]
    assert header[1:] == ["Ban", "Licensing", "Free"]
    assert "Criminalised" in tables[0].cell(1, 1).text


def test_core_properties_and_native_text_with_language(mini_built: dict[str, Path]) -> None:
    d = deck(mini_built)
    props = d.core_properties
    assert (props.title, props.author, props.language) == ("Hover-scooters and the law",
                                                           "Examplia Civic Lab (fictional)", "en-AU")
    assert props.created.year == 2026 and props.revision == 1
    for slide in d.slides:
        shapes = list(slide.shapes)
        assert shapes[0].is_placeholder and shapes[0] == slide.shapes.title
        for shape in shapes:
            if shape.has_text_frame:
                assert all(r._r.get_or_add_rPr().get("lang") == "en-AU"
                           for p in shape.text_frame.paragraphs for r in p.runs)


def test_the_logo_is_on_the_title_slide_with_alt_text(mini: Path, tmp_path: Path) -> None:
    Image.new("RGB", (300, 100), (40, 40, 40)).save(mini / "logo.png")
    edit(mini / "pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n")
    result = build_pack(mini, TEMPLATES, tmp_path / "out")
    path = next(f.path for f in result.files if f.path.name.endswith("public-deck.pptx"))
    [logo] = [s for s in Presentation(path).slides[0].shapes if s.name == "Logo"]
    assert logo._element.nvPicPr.cNvPr.get("descr") == "Logo of Examplia Civic Lab (fictional)"
    handout = next(f.path for f in result.files if f.path.name.endswith("public-handout-a4.pdf"))
    from pypdf import PdfReader

    assert "/XObject" in PdfReader(handout).pages[0]["/Resources"]


DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def test_the_deck_passes_powerpoints_accessibility_rules(mini_built: dict[str, Path]) -> None:
    """PowerPoint's accessibility checker, rule by rule, on every slide."""
    presentation = deck(mini_built)
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert len(set(titles)) == len(titles)  # unique slide titles
    for number, slide in enumerate(presentation.slides, start=1):
        shapes = list(slide.shapes)
        assert shapes[0].is_placeholder, number  # reading order: the title first
        for shape in shapes:
            c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
            decorative = c_nv_pr.find(f".//{DECORATIVE}")
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or shape.has_table:
                assert (c_nv_pr.get("descr") or "").strip(), (number, shape.name)  # alt text
            elif (shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and not shape.has_text_frame) or (
                    shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and not shape.text_frame.text.strip()):
                assert decorative is not None and decorative.get("val") == "1", (number, shape.name)
            if shape.has_table:
                table = shape.table
                assert table.first_row  # a header row
                assert all(cell.text.strip() for cell in table.rows[0].cells), number  # no blank header cell
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        address = run.hyperlink.address
                        if address:  # link text says where it goes, not the bare address
                            assert run.text.strip() and run.text.strip() not in address, (number, run.text)
        if slide.has_notes_slide:
            runs = [r for p in slide.notes_slide.notes_text_frame.paragraphs for r in p.runs]
            assert runs and all(r._r.get_or_add_rPr().get("lang") == "en-AU" for r in runs), number
