"""``check``: every problem and warning of a pack without writing, including how the deck will lay out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.pipeline.check import check_packs
from tests.helpers import MINI, TEMPLATES

Change = Callable[[str, str, str], None]


def test_a_valid_pack_checks_with_its_warnings() -> None:
    report = check_packs([MINI], TEMPLATES)
    assert report.packs == ["mini"] and not report.errors
    assert [p.message for p in report.warnings] == ["cites 'survey-2025', which is not checked against the original"]


def test_check_predicts_the_word_budget_continuations_and_text_that_cannot_fit(mini: Path, change: Change) -> None:
    change("content.yaml", "  - id: cheap-licences\n", "".join(
        f"  - {{id: r{i}, title: Recommendation number {i} with quite a long title, text: x}}\n" for i in range(12))
        + "  - id: cheap-licences\n")
    warnings = [str(p) for p in check_packs([mini], TEMPLATES).warnings]
    # The warning points at the first item that moved: the file, line and field an editor shortens.
    assert ("briefs/mini/content.yaml:125:21: warning: recommendations[6].title: public deck: slide 'What we ask': "
            "9 items past the 40-word budget moved to the speaker notes, from 'Recommendation number 4 with quite "
            "a…' on; shorten recommendations[6].title (or the items above it) to keep them on screen") in warnings

    sentence = "And they ride on and on across the town square, past the fountain and the old market hall. "
    change("content.yaml", "text: A hover-scooter is any board that floats and carries one rider.",
           "text: A hover-scooter is any board that floats and carries one rider. " + sentence * 40)
    warnings = [str(p) for p in check_packs([mini], TEMPLATES).warnings]
    title = "Defining the terms: The Examplia Transport Glossary"
    assert (f"briefs/mini/content.yaml:18:11: warning: definitions[1].text: public deck: slide '{title}' does not "
            "fit at the smallest size; it continues on 2 more slides") in warnings
    over = [w for w in warnings if f"slide '{title}" in w and "words on screen (budget 40)" in w]
    assert len(over) == 1 and over[0].startswith("briefs/mini/content.yaml:18:11: warning: definitions[1].text:")

    change("content.yaml", "definition: Riding, selling and renting hover-scooters are all offences.",
           "definition: " + "Offences " * 200)
    errors = [str(p) for p in check_packs([mini], TEMPLATES).errors]
    assert errors == ["briefs/mini/content.yaml:27:17: models[1].definition: public deck: slide 'Full ban': a sentence "
                      "does not fit on a slide even at 18 pt: '" + "Offences " * 6 + "Offenc…'"]


def test_content_errors_are_collected_not_raised(mini: Path, change: Change) -> None:
    change("pack.yaml", "language: en-AU", "language: 12")
    report = check_packs([mini], TEMPLATES)
    assert [str(p) for p in report.errors] == ["briefs/mini/pack.yaml:10:13: pack.language: "
                                               "expected text, got a whole number 12; put it in quotes: \"12\""]


def test_a_long_model_definition_is_named_and_no_party_leaves_its_slide(mini: Path, change: Change) -> None:
    change("content.yaml", "definition: Riding, selling and renting hover-scooters are all offences.",
           "definition: Riding, selling and renting hover-scooters are all offences" + ", and so is" * 12 + " riding.")
    warnings = [str(p) for p in check_packs([mini], TEMPLATES).warnings if "slide 'Full ban'" in p.message]
    assert warnings and all(w.startswith("briefs/mini/content.yaml:27:17: warning: models[1].definition: ")
                            and w.endswith("(budget 40); shorten models[1].definition") for w in warnings), warnings
    assert not [w for w in warnings if "moved" in w or "slide:" in w]  # a model has no `slide:` field to suggest
