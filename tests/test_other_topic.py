"""A pack on another topic reads right in every output, in its own words, without touching a template.

The fixture (tests/fixtures/glowberries) is fictional: four ways to treat an
invented fruit, with its own parties, effects, a new status, a detail field,
dated events, no lived experience and an en-IE language. None of the default
pack's topic words may reach any of its outputs: they would come from
briefpack itself, and the topic belongs to the pack.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.compose.i18n import catalogue_path, locale_chain
from generator.pipeline.check import check_packs
from tests.helpers import GLOW, ROOT, TEMPLATES, html_text, pdf_text, pptx_text

# Words of the default pack's topic; briefpack's built-in wording must never print them.
DEFAULT_TOPIC = re.compile(r"sex|prostitut|client|sell|buy|third part|lived experience|human rights", re.IGNORECASE)


def texts(built: dict[str, Path]) -> dict[str, str]:
    read = {".pptx": pptx_text, ".html": html_text}
    return {name: read.get(path.suffix, pdf_text)(path) for name, path in built.items()}


def test_it_checks_clean(tmp_path: Path) -> None:
    # No warnings at all: leaving out lived experience and a glossary is a choice, not a mistake.
    report = check_packs([GLOW], TEMPLATES)
    assert [str(p) for p in report.problems] == []


def test_no_output_speaks_of_the_default_topic(glow_built: dict[str, Path]) -> None:
    assert {"handout-a4.pdf", "summary-letter.pdf", "deck.pptx", "slides.pdf", "speaker-notes.pdf"} <= set(glow_built)
    for name, text in texts(glow_built).items():
        assert DEFAULT_TOPIC.findall(text) == [], name


def test_every_output_speaks_in_the_packs_own_words(glow_built: dict[str, Path]) -> None:
    text = texts(glow_built)
    handout, deck = text["handout-a4.pdf"], text["deck.pptx"]
    assert "People who grow glowberries" in handout and "Effects on people who eat glowberries" in handout
    assert "Two definitions often quoted" in handout                      # counted from the data
    assert "Administrative fine: A fine and a referral to a clinic" in handout  # a status of its own
    assert "Typical penalty" in handout and "A fine of 20 crowns" in handout    # a detail field as a row
    assert "Riverton (decriminalised 2020; recriminalised 2024)" in handout     # dated events
    assert "What its supporters say" in handout and "The case its supporters make" not in handout
    assert "Four legal models of glowberry policy" in deck                # agenda and section slide
    assert "Glowberry policy is health policy" in deck and "Thank you" not in deck
    assert "This test briefing argues for treating glowberry use as a health matter." in deck  # position
    assert "Growing" in text["summary-a4.pdf"] and "Contact with police" in text["summary-a4.pdf"]


def test_sections_the_pack_does_not_have_leave_no_heading(glow_built: dict[str, Path]) -> None:
    for name, text in texts(glow_built).items():
        for heading in ("Lived experience", "Glossary"):
            assert heading not in text, (name, heading)
    agenda = text_of_slide(glow_built["deck.pptx"], 2)
    assert "What we ask" in agenda and "Lived" not in agenda


def text_of_slide(path: Path, number: int) -> str:
    from pptx import Presentation

    slide = Presentation(str(path)).slides[number - 1]
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize(("language", "catalogue"), [("en-IE", "en-001.po"), ("en-IN", "en-001.po"),
                                                     ("es-MX", "es.po"), ("en-US", "en-US.po")])
def test_a_language_without_a_catalogue_uses_its_cldr_parents(language: str, catalogue: str) -> None:
    path = catalogue_path(TEMPLATES, language)
    assert path is not None and path.name == catalogue
    assert locale_chain("en-IE") == ["en-IE", "en-001", "en"]


def test_briefpack_itself_never_names_the_default_topic() -> None:
    # The code, the built-in templates and messages, and the JSON Schema editors autocomplete from.
    from generator.content.jsonschema import pack_file_schema

    files = [p for p in (ROOT / "generator").rglob("*") if p.suffix in {".py", ".j2", ".po", ".yaml"}]
    assert len(files) > 50
    topic = re.compile(r"sex work|sex worker|prostitut", re.IGNORECASE)
    offenders = [str(p.relative_to(ROOT)) for p in files if topic.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert topic.search(str(pack_file_schema())) is None
