"""The deck reads back with python-pptx: 16:9, unique titles first, notes, size floors, alt text, links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from generator.content.loader import load_pack
from generator.pipeline import build_pack
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
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == ["QR code for The Examplia Scooter Atlas"]
    assert [p.click_action.hyperlink.address for p in pictures] == ["https://examplia.test/atlas"]


def test_each_resource_is_one_hyperlink_its_address_on_one_line(mini_built: dict[str, Path]) -> None:
    """One run, one hyperlink per resource (not a link per word); its tip names the resource."""
    links = [(run.text, run.hyperlink.address, run._r.rPr.find(qn("a:hlinkClick")).get("tooltip"))
             for slide in deck(mini_built).slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.hyperlink.address]
    assert links == [("examplia.test/atlas", "https://examplia.test/atlas", "The Examplia Scooter Atlas")]


def diagrams(path: Path) -> list[tuple[int, Any]]:
    """Return (slide number, group shape) of every diagram in the deck."""
    return [(number, s) for number, slide in enumerate(Presentation(path).slides, start=1) for s in slide.shapes
            if s.shape_type == MSO_SHAPE_TYPE.GROUP and s.name == "Diagram"]


def test_the_comparison_is_a_native_editable_matrix_read_by_its_alt_text(mini_built: dict[str, Path]) -> None:
    groups = {g._element.nvGrpSpPr.cNvPr.get("descr").split(".")[0]: g for _, g in diagrams(mini_built["public-deck.pptx"])}
    matrix = next(g for alt, g in groups.items() if alt.startswith("The models compared"))
    # a line break (the layout's, "\v" here) is a break between words
    words = [s.text_frame.text.replace("\v", " ") for s in matrix.shapes if s.has_text_frame and s.text_frame.text]
    # Column heads are the models, row heads the parties, every cell a status word beside its symbol.
    assert {"Ban", "Licensing", "Free"} <= set(words)
    assert "Criminalised" in words and "Not criminalised" in words
    symbols = [s for s in matrix.shapes if not s.has_text_frame or not s.text_frame.text]
    assert symbols, "status symbols are native shapes, not pictures"
    assert not [s for s in matrix.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    for shape in symbols:  # the group carries the meaning; its marks are decorative to a screen reader
        assert shape._element.xpath("./*[1]/p:cNvPr")[0].find(f".//{DECORATIVE}") is not None
    alt = matrix._element.nvGrpSpPr.cNvPr.get("descr")
    assert "Ban: Selling criminalised" in alt and "Free: Selling not criminalised" in alt, "made from the data"


def test_the_spectrum_draws_every_model_in_order_as_an_arrow_and_marks(mini_built: dict[str, Path]) -> None:
    spectrum = next(g for _, g in diagrams(mini_built["public-deck.pptx"])
                    if g._element.nvGrpSpPr.cNvPr.get("descr").startswith("The three models in order"))
    labels = sorted((s.left, s.text_frame.text) for s in spectrum.shapes if s.has_text_frame and s.text_frame.text)
    assert [text for _, text in labels] == ["Ban", "Licensing", "Free"], "left to right, in the pack's order"
    assert any(s.shape_type == MSO_SHAPE_TYPE.LINE or s._element.tag.endswith("cxnSp") for s in spectrum.shapes)


def test_core_properties_and_native_text_with_language(mini_built: dict[str, Path]) -> None:
    d = deck(mini_built)
    props = d.core_properties
    assert (props.title, props.author, props.language) == ("Hover-scooters and the law",
                                                           "Examplia Civic Lab (fictional)", "en-AU")
    assert props.created.year == 2026 and props.revision == 1
    for slide in d.slides:
        shapes = [s for s in slide.shapes if not s.name.startswith("Background")]  # drawn first, read never
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
        read = [s for s in shapes if s._element.xpath("./*[1]/p:cNvPr")[0].find(f".//{DECORATIVE}") is None]
        assert read[0].is_placeholder, number  # reading order: the title first of what is read
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
                    for run in paragraph.runs:  # a link says where it goes: its words, or its tip
                        if run.hyperlink.address:
                            tip = run._r.rPr.find(qn("a:hlinkClick")).get("tooltip") or ""
                            assert run.text.strip() not in run.hyperlink.address or tip.strip(), (number, run.text)
        if slide.has_notes_slide:
            runs = [r for p in slide.notes_slide.notes_text_frame.paragraphs for r in p.runs]
            assert runs and all(r._r.get_or_add_rPr().get("lang") == "en-AU" for r in runs), number
