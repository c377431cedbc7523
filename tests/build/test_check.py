"""``check``: every problem and warning of a pack without writing, including how the deck will lay out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.build.check import check_packs
from tests.helpers import MINI, TEMPLATES

Change = Callable[[str, str, str], None]


def test_a_valid_pack_checks_with_its_warnings() -> None:
    report = check_packs([MINI], TEMPLATES)
    assert report.packs == ["mini"] and not report.errors
    assert [p.message for p in report.warnings] == ["cites 'survey-2025', which is not checked against the original"]


def test_check_predicts_slides_that_continue_and_text_that_cannot_fit(mini: Path, change: Change) -> None:
    change("content.yaml", "  - id: cheap-licences\n", "".join(
        f"  - {{id: r{i}, title: Recommendation number {i} with quite a long title, text: x}}\n" for i in range(12))
        + "  - id: cheap-licences\n")
    report = check_packs([mini], TEMPLATES)
    assert "public deck: slide 'What we ask' does not fit at the smallest size; it continues on 1 more slide" in \
        [f"{p.field}: {p.message}" for p in report.warnings]
    change("content.yaml", "definition: Riding, selling and renting hover-scooters are all offences.",
           "definition: " + "Offences " * 400)
    report = check_packs([mini], TEMPLATES)
    assert any(p.field == "public deck" and "slide 'Full ban': a paragraph does not fit" in p.message
               for p in report.errors)


def test_content_errors_are_collected_not_raised(mini: Path, change: Change) -> None:
    change("pack.yaml", "language: en-AU", "language: 12")
    report = check_packs([mini], TEMPLATES)
    assert [str(p) for p in report.errors] == ["briefs/mini/pack.yaml:10:13: pack.language: "
                                               "expected text, got a whole number 12; put it in quotes: \"12\""]
