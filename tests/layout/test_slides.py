"""Measured slide layout: text shrinks to the floor, then continues, then fails clearly; nothing overflows."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.compose.compose import compose_deck
from generator.content.loader import load_pack
from generator.document import BulletList, Cell, Deck, Meta, Paragraph, Run, Slide, Table
from generator.editions.themes import load_theme
from generator.errors import BuildError
from generator.fonts.metrics import face
from generator.layout.boxes import LaidSlide, TableBox, TextBox
from generator.layout.grid import BODY_H, BODY_W
from generator.layout.slides import layout_deck
from tests.helpers import DEFAULT_PACK, MINI, TEMPLATES

META = Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1")
THEME = load_theme(TEMPLATES)
# The shrink-then-continue machinery, measured without the word budget that would move items to the notes first.
UNBUDGETED = THEME.model_copy(update={"deck": THEME.deck.model_copy(update={"words": 0})})


def deck_of(*blocks: object, kind: str = "key-points") -> Deck:
    return Deck(META, {"continued": "cont."}, (Slide(kind, (Run("Points"),), tuple(blocks)),))  # type: ignore[arg-type]


def bullets(count: int, words: int) -> BulletList:
    return BulletList(tuple((Run(" ".join(["word"] * words)),) for _ in range(count)))


def body(slide: LaidSlide) -> TextBox:
    return next(e for e in slide.elements if isinstance(e, TextBox) and e.role == "body")


def used_height(box: TextBox) -> float:
    return sum(p.space_before + len(p.lines) * face().line_height(p.size) * box.line_spacing for p in box.paragraphs)


def test_short_text_uses_the_largest_size() -> None:
    [slide] = layout_deck(deck_of(bullets(3, 4)), THEME)
    assert {p.size for p in body(slide).paragraphs} == {34}  # 12 words: three quarters of the way to display size
    [few] = layout_deck(deck_of(bullets(1, 5)), THEME)
    assert {p.size for p in body(few).paragraphs} == {THEME.deck.display_max}  # a handful: presenter-sized
    [many] = layout_deck(deck_of(bullets(5, 7)), THEME)
    assert {p.size for p in body(many).paragraphs} == {THEME.deck.body_max}  # 35 words: body size


def test_a_few_short_items_are_spaced_down_the_slide_without_leaving_it() -> None:
    from generator.layout.fill import content_fill

    [slide] = layout_deck(deck_of(bullets(3, 4)), THEME)
    gaps = [p.space_before for p in body(slide).paragraphs]
    assert gaps[0] < gaps[1] == gaps[2] and used_height(body(slide)) <= body(slide).h
    assert 0.5 < content_fill(slide) <= 0.76  # three points reach three quarters down, not the top third
    assert not slide.shrunk and not slide.continued


def test_more_text_shrinks_but_not_below_the_floor() -> None:
    [slide] = layout_deck(deck_of(bullets(6, 16)), UNBUDGETED)
    sizes = {p.size for p in body(slide).paragraphs}
    assert slide.shrunk
    assert THEME.deck.body_min <= min(sizes) < THEME.deck.body_max


def test_text_beyond_the_floor_continues_on_numbered_slides() -> None:
    slides = layout_deck(deck_of(bullets(30, 20)), UNBUDGETED)
    assert len(slides) > 1
    assert [s.title for s in slides][:2] == ["Points", f"Points (cont. 2/{len(slides)})"]
    assert [(s.base_title, s.part, s.parts) for s in slides][:2] == [("Points", 0, len(slides)),
                                                                     ("Points", 1, len(slides))]
    assert sum(len(body(s).paragraphs) for s in slides) == 30, "every item appears once"
    for slide in slides:
        box = body(slide)
        assert used_height(box) <= box.h
        assert min(p.size for p in box.paragraphs) >= THEME.deck.body_min
        for p in box.paragraphs:
            assert all(line.width <= box.w - p.indent + 0.01 for line in p.lines)


def test_a_paragraph_too_long_for_any_slide_fails_naming_the_slide() -> None:
    with pytest.raises(BuildError) as info:
        layout_deck(deck_of(Paragraph((Run("word " * 2000),))), THEME)
    assert str(info.value).startswith("slide 'Points': a sentence does not fit on a slide even at 18 pt: 'word word")


def test_long_tables_split_with_the_header_repeated() -> None:
    header = (Cell((Run("Dimension"),)), Cell((Run("Value"),)))
    rows = tuple((Cell((Run(f"Row {i}"),)), Cell((Run("some text " * 6),))) for i in range(30))
    slides = layout_deck(deck_of(Table(header, rows), kind="comparison"), THEME)
    tables = [next(e for e in s.elements if isinstance(e, TableBox)) for s in slides]
    assert len(tables) > 1
    assert sum(len(t.cells) - 1 for t in tables) == 30
    for table in tables:
        assert [r.text for r in table.cells[0][0].runs] == ["Dimension"]
        assert table.h <= BODY_H and table.w <= BODY_W + 0.01
        assert table.size >= THEME.deck.table_min


def test_wide_tables_continue_in_column_groups_keeping_the_first_column() -> None:
    header = (Cell((Run("Row"),)),) + tuple(Cell((Run(f"C{i}"),)) for i in range(7))
    rows = ((Cell((Run("r"),)),) + tuple(Cell((Run(str(i)),)) for i in range(7)),)
    slides = layout_deck(deck_of(Table(header, rows), kind="comparison"), THEME)
    firsts = [[r.text for r in next(e for e in s.elements if isinstance(e, TableBox)).cells[0][0].runs] for s in slides]
    assert len(slides) == 2 and firsts == [["Row"], ["Row"]]


@pytest.mark.parametrize("folder", [MINI, DEFAULT_PACK], ids=["mini", "default-pack"])
def test_real_decks_fit_every_box(folder: object) -> None:
    deck = compose_deck(load_pack(folder).content, TEMPLATES).document  # type: ignore[arg-type]
    for slide in layout_deck(deck, THEME):
        for element in slide.elements:
            if isinstance(element, TextBox):
                assert used_height(element) <= element.h + 0.01, slide.title
                assert all(line.width <= element.w + 0.01 for p in element.paragraphs for line in p.lines)
            if isinstance(element, TableBox):
                assert element.y + element.h <= element.y + BODY_H + 0.01 and element.w <= BODY_W + 0.01


def test_a_lead_repeats_on_the_slide_its_points_continue_on() -> None:
    lead = Paragraph((Run("A rider from Lowtown:", italic=True),), style="attribution")
    slides = layout_deck(deck_of(lead, bullets(14, 20)), UNBUDGETED)
    assert len(slides) > 1
    for slide in slides:
        first = body(slide).paragraphs[0]
        assert first.role == "attribution" and first.runs[0].text == "A rider from Lowtown:"
    assert sum(len(body(s).paragraphs) - 1 for s in slides) == 14, "every point once, each slide under the lead"


def test_a_resource_is_one_link_its_address_cut_to_one_line() -> None:
    """LibreOffice will not wrap a hyperlink, so a resource's one link is an address that fits one line."""
    from generator.document import ResourceItem, ResourceList

    long = "https://www.examplia.test/reports/2026/" + "a-very-long-report-name-" * 6 + "annex.pdf"
    items = (ResourceItem((Run("The long report"),), (Run("Examplia"),), (Run("It is long."),), long),
             ResourceItem((Run("The short one"),), (Run("Examplia"),), (Run("It is short."),),
                          "https://examplia.test/a"))
    [slide] = layout_deck(deck_of(ResourceList(items), kind="resources"), THEME)
    linked = [(p, run) for e in slide.elements if isinstance(e, TextBox) for p in e.paragraphs
              for run in p.runs if run.url]
    assert [run.url for _, run in linked] == [long, "https://examplia.test/a"]
    for paragraph, run in linked:
        assert len(paragraph.lines) == 1 and len(paragraph.runs) == 1  # one run, one line
        assert run.link_title in ("The long report", "The short one")
    assert linked[0][1].text.startswith("examplia.test/reports/2026/") and linked[0][1].text.endswith("…")
    assert linked[1][1].text == "examplia.test/a"  # short enough: shown whole
    roles = [type(e).__name__ for e in slide.elements]
    assert roles.index("TextBox") < roles.index("PictureBox")  # each code after its title, in reading order
