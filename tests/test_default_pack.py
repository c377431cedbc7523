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

from generator.compose.compose import compose_deck
from generator.content.loader import load_pack
from generator.editions.themes import load_theme
from generator.editions.variants import editions
from generator.layout.boxes import DiagramBox, PictureBox, TableBox, TextBox
from generator.layout.slides import layout_deck, slide_words
from generator.layout.urls import break_points
from generator.pipeline.check import check_packs
from tests.helpers import DEFAULT_PACK, TEMPLATES, file_count, reading_pdfs

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOLERANCE = 3.0  # points: anti-aliasing and rounding in the exported PDF
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def test_the_default_pack_checks_without_errors() -> None:
    report = check_packs([DEFAULT_PACK], TEMPLATES)
    assert report.packs == ["sex-work-law"] and not report.errors, report.errors


def test_the_community_guide_meets_its_own_plain_language_limits() -> None:
    """Grade 8 and 20-word sentences at most, on what its handout prints (quotations exempt); Easy Read graded too."""
    report = check_packs([DEFAULT_PACK], TEMPLATES)
    assert not [p for p in report.warnings if "community:" in p.message], report.warnings
    assert not [p for p in report.warnings if "community deck" in p.message]  # no row of its talk moved to notes
    grades = {note.split(":")[0]: note for note in report.notes if "median reading grade" in note}
    assert set(grades) == {"sex-work-law public", "sex-work-law policymakers", "sex-work-law community",
                           "sex-work-law public Easy Read"}
    community = float(grades["sex-work-law community"].split("grade ")[1].split()[0])
    public = float(grades["sex-work-law public"].split("grade ")[1].split()[0])
    assert community <= 8 < public


def test_the_community_guide_states_the_packs_position_in_its_own_plain_words(default_built: dict[str, Path]) -> None:
    from tests.helpers import pdf_text

    guide = pdf_text(default_built["community-handout-a4.pdf"])
    assert "This guide argues that sex work between adults who agree should not be a crime." in guide
    assert "This briefing argues for decriminalising" not in guide
    assert "This briefing argues for decriminalising" in pdf_text(default_built["public-handout-a4.pdf"])


def test_every_output_is_built(default_built: dict[str, Path]) -> None:
    assert len(default_built) == file_count(DEFAULT_PACK)
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
    bbox = subprocess.run(["pdftotext", "-bbox", str(impress_pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60)
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


@pytest.mark.parametrize("profile", ["ua1", "2a"])
def test_every_pdf_of_the_default_pack_passes_pdf_ua_1_and_pdf_a_2a(default_built: dict[str, Path],
                                                                    profile: str) -> None:
    page_validation = pytest.importorskip("page")
    results = {name: page_validation.validate_pdf(str(path), profile=profile)
               for name, path in reading_pdfs(default_built).items()}
    # Three variants in English (11 reading PDFs each), the public one in Spanish and in French, and its Easy Read.
    assert len(results) == 57 and sum(name.startswith(("public-es-", "public-fr-")) for name in results) == 22
    assert {"public-easy-read-a4.pdf", "public-easy-read-letter.pdf"} <= set(results)
    failed = {name: [f["rule_id"] for f in report.to_dict()["failures"]]
              for name, report in results.items() if report.rules.failed}
    assert failed == {}


def default_decks() -> dict[str, tuple]:
    """Return each edition's laid-out deck, by variant."""
    theme = load_theme(TEMPLATES)
    return {e.variant or "": layout_deck(compose_deck(e.pack, TEMPLATES, e.template("deck", "deck.md.j2")).document,
                                         theme) for e in editions(load_pack(DEFAULT_PACK).content)}


def test_every_slide_keeps_to_the_word_budget_and_sources_take_one_slide() -> None:
    budget = load_theme(TEMPLATES).deck.words
    for variant, slides in default_decks().items():
        over = [(s.title, slide_words(s)) for s in slides if slide_words(s) > budget]
        assert over == [], variant
        assert sum(1 for s in slides if s.kind == "sources") <= 2, variant
        assert not any(s.continued for s in slides), f"{variant}: a slide continues"
    assert len(default_decks()["public"]) <= 30


def test_source_addresses_break_only_at_their_joints(default_built: dict[str, Path]) -> None:
    urls = [s.url for s in load_pack(DEFAULT_PACK).content.sources if s.url]
    text = "\n".join(page.extract_text() or "" for page in PdfReader(default_built["public-handout-a4.pdf"]).pages)
    broken = 0
    for url in urls:
        pattern = r"\s*".join(re.escape(ch) for ch in url)
        for match in re.finditer(pattern, text):
            printed = match.group(0)
            position = 0
            for piece in re.split(r"\s+", printed)[:-1]:
                position += len(piece)
                broken += 1
                assert position in break_points(url), f"{url} breaks after {url[:position]!r}"
    assert broken > 0, "some long address wraps, so the test looks at real breaks"


def test_no_printed_word_is_broken_across_lines(default_built: dict[str, Path]) -> None:
    """Tables shrink their text until each column holds its longest word, so "criminalised" never prints "criminalise d"."""
    from tests.helpers import pdf_text

    words = {w.strip(".,;:()\"'“”‘’") for f in DEFAULT_PACK.glob("*.yaml") for w in f.read_text().split()}
    words = {w for w in words if len(w) >= 8 and w.isalpha()}
    for name in ("public-handout-a4.pdf", "policymakers-handout-a4.pdf", "public-handout-letter.pdf",
                 "public-summary-a4.pdf"):
        text = pdf_text(default_built[name])
        split = sorted(f"{w[:k]} {w[k:]}" for w in words for k in range(2, len(w) - 1) if f"{w[:k]} {w[k:]}" in text)
        assert split == [], name
