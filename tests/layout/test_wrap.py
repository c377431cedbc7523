"""Line breaking with real metrics: at spaces, citation markers kept with their word, long words split."""

from __future__ import annotations

from generator.document import Run
from generator.fonts.metrics import face
from generator.layout.wrap import longest_word, wrap


def test_lines_break_at_spaces_within_the_width() -> None:
    runs = (Run("one two three four five six seven eight nine ten"),)
    width = face().width("one two three", 20)
    lines = wrap(runs, 20, width)
    assert len(lines) > 1 and all(line.width <= width for line in lines)
    assert " ".join("".join(r.text for r in line.runs) for line in lines) == runs[0].text


def test_citation_markers_stay_with_their_word() -> None:
    runs = (Run("alpha beta gamma"), Run("[12]", cite=("x",)))
    assert [r.text for r in wrap(runs, 20, face().width("alpha beta gamma", 20) - 1)[-1].runs] == ["gamma", "[12]"]
    spaced = (Run("alpha beta gamma"), Run("[4, 5]", cite=("x", "y")))
    assert [r.text for r in wrap(spaced, 20, face().width("alpha beta gamma[4,", 20))[-1].runs] == ["gamma", "[4, 5]"]


def test_a_word_wider_than_the_line_is_split_and_styles_survive() -> None:
    runs = (Run("x" * 80, bold=True),)
    lines = wrap(runs, 20, 200)
    assert len(lines) > 1 and all(line.width <= 200 for line in lines)
    assert all(r.bold for line in lines for r in line.runs)


def test_longest_word_measures_glued_markers() -> None:
    plain = longest_word((Run("short loooooong"),), 20)
    assert plain == face().width("loooooong", 20)
    assert longest_word((Run("short loooooong"), Run("[1]", cite=("a",))), 20) > plain
