"""A deck laid out as a talk: a word budget per slide, a registry of slide kinds, nothing dropped or orphaned."""

from __future__ import annotations

import pytest

from generator.document import BulletList, Cell, Citation, Deck, Paragraph, Quote, Run, Slide, Spectrum, Table, text_of
from generator.errors import BuildError
from generator.layout.boxes import DiagramBox, LaidSlide, TableBox, TextBox
from generator.layout.slides import SLIDE_KINDS, layout_deck, slide_words
from tests.layout.test_slides import META, THEME, UNBUDGETED, bullets, deck_of


def on_screen(slide: LaidSlide) -> list[str]:
    """Return the texts of the body paragraphs a slide shows."""
    return [text_of(p.runs) for e in slide.elements if isinstance(e, TextBox) and e.role == "body"
            for p in e.paragraphs]


def numbered(count: int, words: int) -> BulletList:
    """Return ``count`` bullets of ``words`` words each, every item told apart by its number."""
    return BulletList(tuple((Run(f"item{n} " + " ".join(["word"] * (words - 1))),) for n in range(count)))


def test_items_past_the_word_budget_move_whole_and_in_order_to_the_notes() -> None:
    [slide] = layout_deck(deck_of(numbered(6, 12)), THEME)
    assert slide_words(slide) <= THEME.deck.words == 40
    shown = [t.split()[0] for t in on_screen(slide)]
    moved = [text_of(n).split()[0] for n in slide.notes[-slide.moved:]]
    assert shown == ["item0", "item1", "item2"] and moved == ["item3", "item4", "item5"]
    assert slide.moved == 3


def test_a_model_slide_keeps_every_party_however_long_its_definition() -> None:
    definition = Paragraph((Run(" ".join(["definition"] * 36)),))
    parties = BulletList(tuple((Run(f"party{n}: criminalised"),) for n in range(3)))
    [slide] = layout_deck(deck_of(definition, parties, kind="model"), THEME)
    assert [t.split(":")[0] for t in on_screen(slide)[1:]] == ["party0", "party1", "party2"]
    assert slide.moved == 0 and slide_words(slide) > THEME.deck.words  # over budget, whole: the build warns
    [other] = layout_deck(deck_of(definition, parties), THEME)
    assert other.moved == 1  # the same items on a key-points slide move past the budget


def test_a_budget_of_zero_keeps_everything_on_screen() -> None:
    [slide] = layout_deck(deck_of(numbered(6, 12)), UNBUDGETED)
    assert len(on_screen(slide)) == 6 and slide.moved == 0


def test_a_slide_always_shows_its_first_item_however_long() -> None:
    [slide] = layout_deck(deck_of(numbered(1, 60)), THEME)
    assert on_screen(slide)[0].startswith("item0") and slide.moved == 0


def test_a_quotations_attribution_goes_where_its_quotation_goes() -> None:
    first = Quote(((Run("word " * 30),),), (Run("First speaker"),))
    second = Quote(((Run("other " * 30),),), (Run("Second speaker"),))
    [slide] = layout_deck(deck_of(first, second, kind="quote"), THEME)
    shown, notes = on_screen(slide), [text_of(n) for n in slide.notes]
    assert any("First speaker" in t for t in shown) and not any("Second speaker" in t for t in shown)
    assert any("Second speaker" in t for t in notes), "the moved quotation keeps its attribution in the notes"


def test_a_long_paragraph_continues_at_a_sentence_break() -> None:
    sentences = [f"Sentence {n} " + "word " * 14 + "ends." for n in range(40)]
    slides = layout_deck(deck_of(Paragraph((Run(" ".join(sentences)),))), UNBUDGETED)
    assert len(slides) > 1
    for slide in slides:
        text = " ".join(on_screen(slide))
        assert text.startswith("Sentence ") and text.endswith("ends."), "each slide holds whole sentences"
    assert " ".join(" ".join(on_screen(s)) for s in slides).split() == " ".join(sentences).split()


def test_an_attribution_never_stands_alone_on_a_continuation_slide() -> None:
    sentences = " ".join(f"Sentence {n} " + "word " * 14 + "ends." for n in range(19))
    quote = Quote(((Run(sentences),),), (Run("The speaker"),))
    for extra in range(0, 12, 3):  # move the page break across the end of the quotation
        text = sentences + " More." * extra
        slides = layout_deck(deck_of(Quote(((Run(text),),), quote.attribution), kind="quote"), UNBUDGETED)
        for slide in slides:
            shown = on_screen(slide)
            if any("The speaker" in t for t in shown):
                assert len(shown) > 1, f"attribution alone on '{slide.title}'"


def test_a_table_and_the_text_beside_it_both_reach_the_deck() -> None:
    table = Table((Cell((Run("Model"),)), Cell((Run("Status"),))), ((Cell((Run("Ban"),)), Cell((Run("Yes"),))),))
    slides = layout_deck(deck_of(Paragraph((Run("What the table shows."),)), table, kind="comparison"), THEME)
    assert any("What the table shows." in on_screen(s) for s in slides)
    assert any(isinstance(e, TableBox) for s in slides for e in s.elements)


def test_a_diagram_is_drawn_with_its_alt_text() -> None:
    spectrum = Spectrum(((Run("Ban"),), (Run("Licensing"),), (Run("Open"),)), "Three models: Ban, Licensing, Open")
    [slide] = layout_deck(deck_of(spectrum, kind="diagram"), THEME)
    [box] = [e for e in slide.elements if isinstance(e, DiagramBox)]
    assert box.alt == "Three models: Ban, Licensing, Open"


def test_a_misspelt_slide_kind_is_an_error_naming_the_nearest() -> None:
    deck = Deck(META, {}, (Slide("qoute", (Run("Words"),), (Paragraph((Run("x"),)),)),))
    with pytest.raises(BuildError, match=r"slide 'Words': no slide kind 'qoute' \(did you mean 'quote'\?\); kinds: "):
        layout_deck(deck, THEME)


@pytest.mark.parametrize("kind", sorted(SLIDE_KINDS))
def test_every_registered_kind_lays_out_a_slide(kind: str) -> None:
    slides = layout_deck(deck_of(bullets(2, 3), kind=kind), THEME)
    assert slides and slides[0].kind == kind


def test_a_crowded_diagram_continues_on_more_slides_in_order() -> None:
    names = [f"Model number {n}" for n in range(25)]
    spectrum = Spectrum(tuple((Run(name),) for name in names), "The 25 models in order: " + ", ".join(names))
    slides = layout_deck(deck_of(spectrum, kind="diagram"), THEME)
    assert len(slides) > 1 and slides[1].title == f"Points (cont. 2/{len(slides)})"
    boxes = [next(e for e in s.elements if isinstance(e, DiagramBox)) for s in slides]
    drawn = [text_of(p.runs) for box in boxes for t in box.elements if isinstance(t, TextBox) for p in t.paragraphs]
    assert drawn == names, "every model once, in order"
    assert boxes[0].alt == spectrum.alt and all(b.alt == "The 25 models in order (continued)" for b in boxes[1:])


def test_the_budget_counts_every_word_on_screen_but_the_title() -> None:
    """An attribution is words on screen too: 30 words of quotation and 12 of attribution are over 40."""
    quote = Quote(((Run("word " * 30),),), (Run("Professor and Endowed Chair of a Programme at a University, in an "
                                                "article"),))
    [slide] = layout_deck(deck_of(quote, kind="quote"), THEME)
    assert slide_words(slide) == 30 + 13  # the first item always shows, so the slide is over and says so
    cited = Quote(((Run("word " * 10),),), (Run("Ada Smith"), Run("[3]", cite=(Citation("s", 3),))))
    [slide] = layout_deck(deck_of(cited, kind="quote"), THEME)
    assert slide_words(slide) == 12  # a citation marker is not a word


def test_a_quotation_slide_shows_a_short_attribution_and_its_notes_the_whole() -> None:
    from generator.compose.compose import compose_deck
    from generator.content.items import Quote as QuoteItem
    from generator.content.items import short_attribution
    from generator.content.loader import load_pack
    from generator.editions.variants import editions
    from tests.helpers import DEFAULT_PACK, TEMPLATES

    long = ("Donna M. Hughes, PhD, Professor and Eleanor M. and Oscar M. Carlson Endowed Chair of the Women's "
            "Studies Program, in the Oct. 20, 2004 National Review article")
    assert short_attribution(QuoteItem(id="q", text="t", attribution=long, source="s")) == "Donna M. Hughes"
    assert short_attribution(QuoteItem(id="q", text="t", attribution=long, source="s",
                                       short_attribution="Donna M. Hughes, 2004")) == "Donna M. Hughes, 2004"
    deck = compose_deck(editions(load_pack(DEFAULT_PACK).content)[0].pack, TEMPLATES).document
    quotes = [(slide, block) for slide in deck.slides if slide.kind == "quote" for block in slide.blocks
              if isinstance(block, Quote)]
    assert len(quotes) >= 5
    for slide, quote in quotes:
        shown = text_of(tuple(r for r in quote.attribution if not r.cite))
        assert len(shown.split()) <= 8, shown  # name and year at most, not a paragraph
        notes = " ".join(text_of(n) for n in slide.notes)
        assert "Source:" in notes and len(notes) > len(shown)  # the whole attribution is in the notes
    [hughes] = [q for s, q in quotes if "Hughes" in text_of(q.attribution)]
    assert text_of(tuple(r for r in hughes.attribution if not r.cite)) == "Donna M. Hughes, National Review, 2004"


def test_a_short_quotation_stands_a_third_of_the_way_down_at_presenter_size() -> None:
    from generator.layout.boxes import RectBox
    from generator.layout.grid import BODY_Y

    quote = Quote(((Run("Short words, said once."),),), (Run("A rider"),))
    [slide] = layout_deck(deck_of(quote, kind="quote"), THEME)
    [text] = [e for e in slide.elements if isinstance(e, TextBox) and e.role == "body"]
    [bar] = [e for e in slide.elements if isinstance(e, RectBox) and e.role == "quote_bar"]
    assert text.y > BODY_Y + 50 and bar.y == text.y  # not pressed under the title; the bar beside it
    assert text.paragraphs[0].size == THEME.deck.display_max  # six words: presenter-sized


def test_a_theme_can_move_citation_numbers_from_the_slides_to_the_notes() -> None:
    cite = (Citation("a", 1, True), Citation("b", 9, False))
    block = BulletList(((Run("Riders pay more"), Run("[1, 9*]", cite=cite)), (Run("Towns differ"),
                        Run("[9*]", cite=cite[1:]))))
    deck = deck_of(block)

    def markers(slide: LaidSlide) -> list[str]:
        return [run.text for e in slide.elements if isinstance(e, TextBox) for p in e.paragraphs for run in p.runs
                if run.cite]

    assert markers(layout_deck(deck, THEME)[0]) == ["[1, 9*]", "[9*]"]  # by default, after each point
    theme = THEME.model_copy(update={"deck": THEME.deck.model_copy(update={"citations": "notes"})})
    moved = layout_deck(deck, theme)[0]
    assert markers(moved) == [] and on_screen(moved) == ["Riders pay more", "Towns differ"]
    last_note = "".join(run.text for run in moved.notes[-1])
    assert last_note == "Sources of this slide: [1, 9*]"  # each once, in order of first citation
    assert not any(e.role == "footer" and "*" in "".join(text_of(p.runs) for p in e.paragraphs)
                   for e in moved.elements if isinstance(e, TextBox))  # no legend for a mark the slide lacks
