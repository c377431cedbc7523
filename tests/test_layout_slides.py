"""Measured slide layout: text shrinks to the floor, then continues, then fails clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.document import BulletList, Cell, Deck, Meta, Paragraph, Run, Slide, Table
from generator.editions.themes import load_theme
from generator.errors import BuildError
from generator.fonts.metrics import face
from generator.layout.boxes import TableBox, TextBox
from generator.layout.grid import BODY_H, BODY_W
from generator.layout.slides import layout_deck
from generator.layout.wrap import wrap
from tests.conftest import TEMPLATES

META = Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1")
THEME = load_theme(TEMPLATES)


def deck_of(*blocks) -> Deck:
    return Deck(META, {"continued": "cont."}, (Slide("key-points", (Run("Points"),), tuple(blocks)),))


def bullets(count: int, words: int) -> BulletList:
    return BulletList(tuple((Run(" ".join(["word"] * words)),) for _ in range(count)))


def body(slide) -> TextBox:
    return next(e for e in slide.elements if isinstance(e, TextBox) and e.role == "body")


def test_short_text_uses_the_largest_size() -> None:
    [slide] = layout_deck(deck_of(bullets(3, 4)), THEME)
    assert {p.size for p in body(slide).paragraphs} == {THEME.deck.body_max}
    assert not slide.shrunk and not slide.continued


def test_more_text_shrinks_but_not_below_the_floor() -> None:
    [slide] = layout_deck(deck_of(bullets(6, 16)), THEME)
    sizes = {p.size for p in body(slide).paragraphs}
    assert slide.shrunk
    assert THEME.deck.body_min <= min(sizes) < THEME.deck.body_max


def test_text_beyond_the_floor_continues_on_numbered_slides() -> None:
    slides = layout_deck(deck_of(bullets(30, 20)), THEME)
    assert len(slides) > 1
    assert [s.title for s in slides][:2] == ["Points", f"Points (cont. 2/{len(slides)})"]
    items = [p for s in slides for p in body(s).paragraphs]
    assert len(items) == 30, "every item appears once"
    for slide in slides:
        box = body(slide)
        used = sum(p.space_before + len(p.lines) * face().line_height(p.size) for p in box.paragraphs)
        assert used <= box.h
        assert min(p.size for p in box.paragraphs) >= THEME.deck.body_min
        for p in box.paragraphs:
            assert all(line.width <= box.w - p.indent + 0.01 for line in p.lines)


def test_a_paragraph_too_long_for_any_slide_fails_naming_the_slide() -> None:
    with pytest.raises(BuildError) as info:
        layout_deck(deck_of(Paragraph((Run("word " * 2000),))), THEME)
    assert str(info.value).startswith("slide 'Points': a paragraph does not fit on a slide even at 18 pt: 'word word")


def test_long_tables_split_with_the_header_repeated() -> None:
    header = (Cell((Run("Dimension"),)), Cell((Run("Value"),)))
    rows = tuple((Cell((Run(f"Row {i}"),)), Cell((Run("some text " * 6),))) for i in range(30))
    deck = Deck(META, {}, (Slide("comparison", (Run("Table"),), (Table(header, rows),)),))
    slides = layout_deck(deck, THEME)
    tables = [next(e for e in s.elements if isinstance(e, TableBox)) for s in slides]
    assert len(tables) > 1
    assert sum(len(t.cells) - 1 for t in tables) == 30
    for table in tables:
        assert [r.text for r in table.cells[0][0].runs] == ["Dimension"]
        assert table.h <= BODY_H and table.w <= BODY_W + 0.01
        assert table.size >= THEME.deck.table_min


def test_wrapping_keeps_citation_markers_with_their_word() -> None:
    runs = (Run("alpha beta gamma"), Run("[12]", cite=("x",)))
    width = face().width("alpha beta gamma", 20) - 1
    lines = wrap(runs, 20, width)
    assert [r.text for r in lines[-1].runs] == ["gamma", "[12]"]
    spaced = (Run("alpha beta gamma"), Run("[4, 5]", cite=("x", "y")))
    width = face().width("alpha beta gamma[4,", 20)
    assert [r.text for r in wrap(spaced, 20, width)[-1].runs] == ["gamma", "[4, 5]"]


def test_default_deck_never_goes_below_the_floors(built_pack: dict[str, Path]) -> None:
    from generator.compose.compose import compose_deck
    from generator.content.loader import load_pack
    from tests.conftest import DEFAULT_PACK

    deck = compose_deck(load_pack(DEFAULT_PACK).content, TEMPLATES).document
    for slide in layout_deck(deck, THEME):
        for element in slide.elements:
            if isinstance(element, TextBox) and element.role != "footer":
                assert all(p.size >= THEME.deck.body_min for p in element.paragraphs), slide.title
            if isinstance(element, TableBox):
                assert element.size >= THEME.deck.table_min
