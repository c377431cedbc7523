"""The spectrum says what its line means: the pack's words at its two ends, above the line, with arrows."""

from __future__ import annotations

from pathlib import Path

from generator.document import Run, Spectrum, text_of
from generator.layout.boxes import ShapeBox, TextBox
from generator.layout.diagrams import layout_diagram, layout_diagram_parts
from generator.theme import DeckSizes

NAMES = ("Ban", "Licence", "Tax", "Permit", "Free")
ENDS = ((Run("← Every rider fined"),), (Run("No special rules →"),))


def spectrum(ends: tuple = ENDS) -> Spectrum:
    return Spectrum(tuple((Run(name),) for name in NAMES), "The models in order.", ends)


def texts(box: object) -> list[tuple[str, TextBox]]:
    return [(text_of(e.paragraphs[0].runs), e) for e in box.elements if isinstance(e, TextBox)]  # type: ignore[attr-defined]


def test_the_ends_stand_above_the_line_at_its_two_ends() -> None:
    laid = layout_diagram(spectrum(), 0, 0, 800, 300, DeckSizes())
    found = dict(texts(laid))
    axis = next(e for e in laid.elements if isinstance(e, ShapeBox) and e.shape == "arrow")
    start, end = found["← Every rider fined"], found["No special rules →"]
    assert start.x == 0 and end.x + end.w == 800 and end.paragraphs[0].align == "right"
    assert start.y + start.h <= axis.y and end.y + end.h <= axis.y  # above the line
    assert all(found[name].y > axis.y for name in NAMES)  # the models' names under it


def test_without_ends_the_line_shows_the_order_alone() -> None:
    laid = layout_diagram(spectrum(()), 0, 0, 800, 300, DeckSizes())
    assert sorted(text for text, _ in texts(laid)) == sorted(NAMES)


def test_a_spectrum_in_parts_keeps_each_end_with_its_own_part() -> None:
    parts = layout_diagram_parts(spectrum(), 0, 0, 220, 160, DeckSizes())
    assert len(parts) > 1
    words = [[text for text, _ in texts(part)] for part in parts]
    assert "← Every rider fined" in words[0] and not any("← Every rider fined" in w for w in words[1:])
    assert "No special rules →" in words[-1] and not any("No special rules →" in w for w in words[:-1])


def test_the_default_pack_says_what_its_line_means_in_words_and_alt_text(default_built: dict[str, Path]) -> None:
    html = default_built["public.html"].read_text("utf-8")
    assert "Every party criminalised" in html and "No criminal law aimed at sex work" in html
    assert "The line runs from Every party criminalised to No criminal law aimed at sex work." in html
