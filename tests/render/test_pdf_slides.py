"""The slides PDF draws the same slides as the PPTX; the speaker notes PDF has every slide and its notes."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from tests.helpers import pdf_text, squash


def test_slides_pdf_matches_the_deck(mini_built: dict[str, Path]) -> None:
    deck = Presentation(mini_built["public-deck.pptx"])
    reader = PdfReader(mini_built["public-slides.pdf"])
    assert len(reader.pages) == len(deck.slides)
    for page, slide in zip(reader.pages, deck.slides, strict=True):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (960, 540)
        title = squash(slide.shapes.title.text_frame.text)
        assert title[:30] in squash(page.extract_text())
    assert next(item.title for item in reader.outline) == f"1. {deck.slides[0].shapes.title.text_frame.text}"


def test_speaker_notes_pdf_has_every_slide_and_all_its_notes(mini_built: dict[str, Path]) -> None:
    text = pdf_text(mini_built["public-speaker-notes.pdf"])
    deck = Presentation(mini_built["public-deck.pptx"])
    for number, slide in enumerate(deck.slides, start=1):
        assert f"{number}. {squash(slide.shapes.title.text_frame.text)}"[:40] in text
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        for paragraph in notes.split("\n\n"):
            assert squash(paragraph) in text, paragraph
