"""The default pack itself: it validates, builds, and its deck survives a real client (LibreOffice).

Only tests about the default pack live here; every mechanism is tested on the fixture packs, so an
editor's change to the briefing cannot break a mechanism's test.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build.check import check_packs
from generator.compose.compose import compose_deck
from generator.content.loader import load_pack
from generator.editions.themes import load_theme
from generator.editions.variants import editions
from generator.layout.boxes import DiagramBox, PictureBox, TableBox, TextBox
from generator.layout.slides import layout_deck
from tests.helpers import DEFAULT_PACK, TEMPLATES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOLERANCE = 3.0  # points: anti-aliasing and rounding in the exported PDF
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def test_the_default_pack_checks_without_errors() -> None:
    report = check_packs([DEFAULT_PACK], TEMPLATES)
    assert report.packs == ["sex-work-law"] and not report.errors, report.errors


def test_every_output_is_built(default_built: dict[str, Path]) -> None:
    assert len(default_built) == 14
    for name, path in default_built.items():
        assert path.stat().st_size > 1000, name
    assert len(PdfReader(default_built["public-summary-a4.pdf"]).pages) == 1


@pytest.fixture(scope="module")
def impress_pdf(default_built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SOFFICE or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler-utils are not installed")
    out = tmp_path_factory.mktemp("impress")
    deck = default_built["public-deck.pptx"]
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(deck)], check=True, capture_output=True, timeout=240)
    return out / (deck.stem + ".pdf")


@pytest.mark.slow
def test_impress_renders_one_page_per_slide_and_no_text_falls_outside_its_box(impress_pdf: Path) -> None:
    deck = compose_deck(editions(load_pack(DEFAULT_PACK).content)[0].pack, TEMPLATES).document
    slides = layout_deck(deck, load_theme(TEMPLATES))
    pages = PdfReader(impress_pdf).pages
    assert len(pages) == len(slides)
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == pytest.approx((960, 540), abs=1)
    bbox = subprocess.run(["pdftotext", "-bbox", str(impress_pdf), "-"], capture_output=True, text=True, check=True)
    outside = []
    for slide, page in zip(slides, bbox.stdout.split("<page ")[1:], strict=True):
        elements = [*slide.elements, *(d for e in slide.elements if isinstance(e, DiagramBox) for d in e.elements)]
        boxes = [(e.x, e.y, e.x + e.w, e.y + e.h) for e in elements if isinstance(e, TextBox | TableBox | PictureBox)]
        for x0, y0, x1, y1, word in WORD.findall(page):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            # pdftotext's word box is the font's bounding box (about 1.3 em tall); the ink of
            # a line ends at its descent, about 86% of the way down that box.
            bottom = y0 + (y1 - y0) * 0.86
            inside = any(bx0 - TOLERANCE <= x0 and x1 <= bx1 + TOLERANCE and by0 - TOLERANCE <= y0
                         and bottom <= by1 + TOLERANCE for bx0, by0, bx1, by1 in boxes)
            if not inside:
                outside.append(f"slide {slide.number} '{slide.title}': {html.unescape(word)!r} at {x0:.0f},{y0:.0f}")
    assert not outside, "\n".join(outside[:20])


def test_every_pdf_of_the_default_pack_passes_pdf_ua_1(default_built: dict[str, Path]) -> None:
    page_validation = pytest.importorskip("page")
    results = {name: page_validation.validate_pdf(str(path), profile="ua1")
               for name, path in default_built.items() if name.endswith(".pdf")}
    assert len(results) == 12
    failed = {name: [f["rule_id"] for f in report.to_dict()["failures"]]
              for name, report in results.items() if report.rules.failed}
    assert failed == {}
