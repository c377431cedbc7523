"""Designed, not only laid out: a title page that carries the briefing, dates in words, a talk that ends on its close."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from generator.content.loader import load_pack
from tests.helpers import MINI


def page_text(path: Path, index: int) -> str:
    return " ".join((PdfReader(path).pages[index].extract_text() or "").split())


def test_the_title_page_carries_the_key_messages(mini_built: dict[str, Path]) -> None:
    cover = page_text(mini_built["public-handout-a4.pdf"], 0)
    titles = [m.title for m in load_pack(MINI).content.key_messages if not m.audiences]
    assert "In brief" in cover and titles and all(title in cover for title in titles)


def test_every_page_dates_itself_in_words_as_the_cover_does(mini_built: dict[str, Path]) -> None:
    for name in ("public-handout-a4.pdf", "public-booklet-a5.pdf"):
        footer = page_text(mini_built[name], 2)
        assert "1 March 2026" in footer and "2026-03-01" not in footer, name
    assert "1 March 2026" in (mini_built["public.html"]).read_text(encoding="utf-8")


def test_the_talk_ends_on_its_closing_slide_and_the_notes_give_each_sources_address(
        mini_built: dict[str, Path]) -> None:
    for deck in ("public-deck.pptx", "experts-deck.pptx"):  # the full talk and the short one
        slides = list(Presentation(str(mini_built[deck])).slides)
        titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in slides]
        assert titles[-2:] == ["Sources", "Thank you"], deck
    notes = slides[-2].notes_slide.notes_text_frame.text
    assert "The Examplia Scooter Atlas. https://examplia.test/atlas" in notes


def test_the_title_pages_list_is_never_split_onto_the_contents_page(mini_built: dict[str, Path]) -> None:
    for name in [n for n in mini_built if ("handout" in n or n.endswith(("booklet-a5.pdf", "half-letter.pdf")))]:
        assert page_text(mini_built[name], 1).startswith("Contents"), name  # all of it on the title page, or none


def test_a_list_the_page_cannot_hold_readably_is_left_out_not_shrunk_to_dust() -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    from generator.render.pdf.flowables import ShrinkOrLeaveOut

    lines = [Paragraph(f"Point {n}", getSampleStyleSheet()["Normal"]) for n in range(10)]
    fits, tight, too_much = ShrinkOrLeaveOut(list(lines)), ShrinkOrLeaveOut(list(lines)), ShrinkOrLeaveOut(lines)
    for flowable in (fits, tight, too_much):
        flowable.canv = None  # as a frame sets it before wrapping
    height = fits.wrap(400, 1000)[1]
    assert height > 100 and not fits.left_out
    assert 0 < tight.wrap(400, height * 0.9)[1] <= height * 0.9 and not tight.left_out  # a little smaller
    assert too_much.wrap(400, height * 0.5) == (0, 0) and too_much.left_out


def test_speaker_notes_run_under_their_slide_at_the_full_width(mini_built: dict[str, Path]) -> None:
    import pdfplumber

    with pdfplumber.open(mini_built["public-speaker-notes.pdf"]) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines():
                if "Lowtown bans hover-scooters" in line["text"] and line["text"].startswith("Rules differ"):
                    assert line["x0"] < 80, line  # at the margin, not beside the picture (x ≈ 350)
                    return
    raise AssertionError("the key messages' notes were not found")


def test_a_long_quotation_never_leaves_its_attribution_alone_on_the_next_page(tmp_path: Path) -> None:
    import datetime as dt

    from pypdf import PdfReader as Reader

    from generator.document import Handout, Meta, Paragraph, Quote, Run
    from generator.editions.themes import load_theme
    from generator.render.pdf.handout import render_handout_pdf
    from tests.helpers import TEMPLATES

    sentence = "The words of a long quotation run on and on, as a statute or a report does. "
    quote = Quote(tuple((Run(sentence * 5),) for _ in range(4)), (Run("The Attributed Source, 2020"),))
    meta = Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1")
    for filler in (20, 23, 26, 59):  # the quotation ends at a page foot at 23 and 59 (its attribution fell over)
        handout = Handout(meta, {}, tuple(Paragraph((Run(f"Line {n}."),)) for n in range(filler)) + (quote,))
        data, _ = render_handout_pdf(handout, load_theme(TEMPLATES, "default"), "a4")
        path = tmp_path / f"q{filler}.pdf"
        path.write_bytes(data)
        for page in Reader(path).pages:
            text = " ".join((page.extract_text() or "").split())
            if "The Attributed Source" in text:
                assert "as a statute or a report does" in text, filler  # the quotation's words end here too


def test_a_tinted_box_never_begins_as_an_empty_strip_at_a_page_foot(tmp_path: Path) -> None:
    """Wherever the page ends, a box's tint is never drawn on a page without some of its words."""
    import datetime as dt

    import pdfplumber

    from generator.document import BulletList, Callout, Handout, Meta, Paragraph, Run
    from generator.editions.themes import load_theme
    from generator.render.pdf.handout import render_handout_pdf
    from generator.theme import hex_to_rgb
    from tests.helpers import TEMPLATES

    theme = load_theme(TEMPLATES, "default")
    tint = tuple(round(c / 255, 2) for c in hex_to_rgb(theme.colours.lived_experience_bg))
    box = Callout("lived-experience", (Run("From experience"),),
                  (Paragraph((Run("A rider in Lowtown"),)), BulletList(tuple((Run(f"Point {n} of the box."),)
                                                                             for n in range(6)))))
    meta = Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1")
    strips = 0
    for filler in range(34, 44):  # the box's top walks down the first page's foot, line by line
        handout = Handout(meta, {}, tuple(Paragraph((Run(f"Line {n}."),)) for n in range(filler)) + (box,))
        data, _ = render_handout_pdf(handout, theme, "a4")
        path = tmp_path / f"box{filler}.pdf"
        path.write_bytes(data)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for rect in page.rects:
                    colour = rect.get("non_stroking_color")
                    if not isinstance(colour, (list, tuple)) or tuple(round(c, 2) for c in colour) != tint:
                        continue
                    inside = [c for c in page.chars if rect["x0"] <= c["x0"] <= rect["x1"]
                              and rect["top"] <= c["top"] <= rect["bottom"]]
                    assert inside, f"filler {filler}: an empty strip of tint on page {page.page_number}"
                    strips += 1
    assert strips >= 10  # the box was drawn every time


def test_a_tables_last_row_never_stands_alone_on_a_page(tmp_path: Path) -> None:
    """Wherever the page ends, no row stands alone (the 'Examples' row fell alone), and a long table starts at once."""
    import datetime as dt
    import re

    from pypdf import PdfReader as Reader

    from generator.document import Cell, Handout, Meta, Paragraph, Run, Table
    from generator.editions.themes import load_theme
    from generator.render.pdf.handout import render_handout_pdf
    from tests.helpers import TEMPLATES

    header = (Cell((Run("Aspect"),)), Cell((Run("Ban"),)), Cell((Run("Licence"),)))
    rows = tuple((Cell((Run(f"Row{n}"),)), Cell((Run("Some words in a cell " * 6),)), Cell((Run("More words " * 6),)))
                 for n in range(1, 27))
    meta = Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1")
    split = 0
    for filler in range(34):
        handout = Handout(meta, {}, tuple(Paragraph((Run(f"Line {n}."),)) for n in range(filler))
                          + (Table(header, rows),))
        data, _ = render_handout_pdf(handout, load_theme(TEMPLATES, "default"), "a4")
        path = tmp_path / f"t{filler}.pdf"
        path.write_bytes(data)
        pages = [page.extract_text() or "" for page in Reader(path).pages]
        shown = [[n for n in range(1, 27) if re.search(rf"\bRow{n}\b", text)] for text in pages]
        parts = [rows_on for rows_on in shown if rows_on]
        split += len(parts) > 1
        assert all(len(rows_on) > 1 for rows_on in parts), (filler, parts)  # never one row alone, first or last
        if 0 < filler < 30:  # a lead-in and a table taller than a page start where the lead-in is, not a page later
            assert len(parts) == len([text for text in pages if "Row" in text]) and f"Line {filler - 1}." in pages[0]
    assert split == 34  # the table broke across pages every time
