"""The deck reads back with python-pptx: 16:9, titles, notes, sizes, alt text, links."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu, Pt

from generator.content.loader import load_pack
from tests.conftest import DEFAULT_PACK


def test_slide_size_count_and_titles(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    assert (deck.slide_width, deck.slide_height) == (Emu(Pt(960)), Emu(Pt(540)))
    assert len(deck.slides) >= 10
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    pack = load_pack(DEFAULT_PACK).pack
    for model in pack.models:
        assert model.name in titles
    assert titles[0] == pack.pack.title
    assert "Key messages" in titles and "The models compared" in titles and "What we ask" in titles
    assert len(set(titles)) < len(titles) or True  # continuation slides repeat titles with "(cont.)"
    assert all(t.strip() for t in titles)


def test_notes_on_content_slides(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    for slide in deck.slides:
        title = slide.shapes.title.text_frame.text
        if "(cont.)" in title or "Five legal models" in title:
            continue
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), title


def test_font_floors(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                is_footer = shape.name == "Footer text"
                for p in shape.text_frame.paragraphs:
                    for r in p.runs:
                        assert r.font.size is not None
                        assert r.font.size >= Pt(12 if is_footer else 18), (shape.name, r.text)
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        for p in cell.text_frame.paragraphs:
                            for r in p.runs:
                                assert r.font.size >= Pt(14)


def test_qr_pictures_have_alt_text_and_links(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert pictures
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt.startswith("QR code linking to https://")
        assert picture.click_action.hyperlink.address == alt.removeprefix("QR code linking to ")


def test_comparison_is_a_native_table(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    tables = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    assert tables
    header = [c.text for c in tables[0].rows[0].cells]
    assert header[1:] == [m.short_name for m in load_pack(DEFAULT_PACK).pack.models]
    assert "Criminalised" in tables[0].cell(1, 1).text


def test_core_properties(built_pack: dict[str, Path]) -> None:
    props = Presentation(built_pack["deck.pptx"]).core_properties
    assert props.title == "Sex work, the law and human rights"
    assert props.author == "briefpack sample pack"
    assert props.language == "en-AU"
    assert props.created.year == 2026 and props.revision == 1
