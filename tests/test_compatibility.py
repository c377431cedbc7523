"""Packs written before the pack could declare its own words keep building unchanged, in neutral words.

tests/fixtures/small-pack is exactly what `briefpack new` wrote before packs had
a vocabulary, dated events or lived-experience kinds: no field of it may break.
"""

from __future__ import annotations

from pathlib import Path

from generator.build.check import check_packs
from tests.helpers import SMALL, TEMPLATES, pdf_text, pptx_text


def test_an_old_pack_checks_with_no_errors() -> None:
    report = check_packs([SMALL], TEMPLATES)
    assert report.errors == [] and report.packs == ["small-pack"]


def test_an_old_pack_prints_the_neutral_defaults(tmp_path: Path) -> None:
    from generator.build import build_pack

    result = build_pack(SMALL, TEMPLATES, tmp_path, jobs=1)
    files = {f.path.name: f.path for f in result.files}
    handout = pdf_text(files["small-pack-handout-a4.pdf"])
    deck = pptx_text(files["small-pack-deck.pptx"])
    for words in ("Selling", "Buying", "Third parties", "Safety", "Health", "Rights", "Effects"):
        assert words in handout, words
    assert "One legal model" in deck and "Thank you" in deck  # counted, and the neutral closing
    assert "Somewhere (2020)" in handout                      # a single `year` still prints
