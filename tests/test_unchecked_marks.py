"""An unchecked source is marked wherever it prints, and the key to the mark is printed beside it.

The mini fixture cites one unchecked source (survey-2025) in its evidence and
asks; every output that shows its "*" must also say what "*" means.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from generator.pipeline import build_pack
from tests.helpers import TEMPLATES, pdf_text, squash

LEGEND = "* marks a source not yet checked against the original."
Change = Callable[[str, str, str], None]


def test_the_handout_and_notes_carry_the_legend_intact(mini_built: dict[str, Path]) -> None:
    handout = pdf_text(mini_built["public-handout-a4.pdf"])
    assert "*]" in handout and LEGEND in handout and "• marks" not in handout
    notes = pdf_text(mini_built["public-speaker-notes.pdf"])
    assert "*]" in notes and LEGEND in notes


def test_every_slide_showing_the_mark_explains_it(mini_built: dict[str, Path]) -> None:
    pages = [squash(page.extract_text() or "") for page in PdfReader(mini_built["public-slides.pdf"]).pages]
    marked = [n for n, text in enumerate(pages, 1) if "*]" in text or text.rstrip().endswith(" *")
              or " * " in text.replace(LEGEND, "")]
    assert marked, "the fixture shows the mark on some slide"
    for number in marked:
        assert LEGEND in pages[number - 1], f"slide {number} shows '*' without its key"
    assert [n for n, text in enumerate(pages, 1) if LEGEND in text and n not in marked] == []


def test_a_summary_tile_for_an_unchecked_resource_is_marked_with_its_key(mini: Path, change: Change,
                                                                        tmp_path: Path) -> None:
    change("sources.yaml", 'url: "https://examplia.test/atlas", checked: true',
           'url: "https://examplia.test/atlas", checked: false')
    result = build_pack(mini, TEMPLATES, tmp_path / "out", jobs=1)
    summary = next(f.path for f in result.files if f.path.name == "mini-public-summary-a4.pdf")
    text = pdf_text(summary)
    assert "The Examplia Scooter Atlas *" in text and LEGEND in text
