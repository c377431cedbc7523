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
    pack = load_pack(DEFAULT_PACK).content
    for model in pack.models:
        assert model.name in titles
    assert titles[0] == pack.meta.title
    assert "Key messages" in titles and "The models compared" in titles and "What we ask" in titles
    assert len(set(titles)) == len(titles), "slide titles are unique (continuations are numbered)"
    assert all(t.strip() for t in titles)


def test_notes_on_content_slides(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    for slide in deck.slides:
        title = slide.shapes.title.text_frame.text
        if "(cont." in title:
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
    assert header[1:] == [m.short_name for m in load_pack(DEFAULT_PACK).content.models]
    assert "Criminalised" in tables[0].cell(1, 1).text


def test_core_properties(built_pack: dict[str, Path]) -> None:
    props = Presentation(built_pack["deck.pptx"]).core_properties
    assert props.title == "Sex work, the law and human rights"
    assert props.author == "briefpack sample pack"
    assert props.language == "en-AU"
    assert props.created.year == 2026 and props.revision == 1


def test_slides_pdf_matches_the_deck(built_pack: dict[str, Path]) -> None:
    from pypdf import PdfReader

    deck = Presentation(built_pack["deck.pptx"])
    reader = PdfReader(built_pack["slides.pdf"])
    assert len(reader.pages) == len(deck.slides)
    for page, slide in zip(reader.pages, deck.slides, strict=False):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (960, 540)
        title = " ".join(slide.shapes.title.text_frame.text.split())
        assert title.split(" (cont.")[0][:30] in " ".join(page.extract_text().split())
    outline = [item.title for item in reader.outline]
    assert outline[0] == f"1. {deck.slides[0].shapes.title.text_frame.text}"


def test_speaker_notes_pdf_has_every_slide_and_its_notes(built_pack: dict[str, Path]) -> None:
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(built_pack["speaker-notes.pdf"]).pages)
    deck = Presentation(built_pack["deck.pptx"])
    for slide in deck.slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        first = " ".join(notes.split()[:6])
        assert first in text, first


def test_text_is_native_with_language_and_title_first(built_pack: dict[str, Path]) -> None:
    deck = Presentation(built_pack["deck.pptx"])
    for slide in deck.slides:
        shapes = list(slide.shapes)
        assert shapes[0].is_placeholder and shapes[0] == slide.shapes.title
        for shape in shapes:
            if shape.has_text_frame:
                for p in shape.text_frame.paragraphs:
                    for r in p.runs:
                        assert r._r.get_or_add_rPr().get("lang") == "en-AU"
