"""One set of line breaks: the PPTX, as Impress draws it, shows the lines the slides PDF shows, on every slide.

Both come from one measured layout; the PPTX carries the layout's line ends
as line breaks (``a:br``), so a bar or box sized for the lines fits in both.
The deck is converted by LibreOffice and both PDFs are read back by poppler,
line by line (boxes side by side are told apart by the gap between them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(not (SOFFICE and POPPLER), reason="LibreOffice and poppler-utils are not installed")


def impress(deck: Path, out: Path) -> Path:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(deck)], check=True, capture_output=True, timeout=240)
    return out / (deck.stem + ".pdf")


def slide_lines(pdf: Path) -> list[list[str]]:
    """Return each page's lines of text; a citation marker's space before it is not a line break's business."""
    pages = []
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    for page in text.split("\f")[:-1]:
        lines = []
        for row in page.splitlines():
            for piece in re.split(r"\s{3,}", row.strip()):
                if piece.strip():
                    lines.append(re.sub(r"\s+\[", "[", " ".join(piece.split())))
        pages.append(lines)
    return pages


def differing(deck: Path, slides: Path, out: Path) -> list[str]:
    shown, printed = slide_lines(impress(deck, out)), slide_lines(slides)
    assert len(shown) == len(printed) > 10
    return [f"slide {n}: Impress {sorted(set(a) - set(b))} / PDF {sorted(set(b) - set(a))}"
            for n, (a, b) in enumerate(zip(shown, printed, strict=True), start=1) if a != b]


def test_the_deck_and_the_slides_pdf_break_every_line_alike(mini_built: dict[str, Path], tmp_path: Path) -> None:
    assert differing(mini_built["public-deck.pptx"], mini_built["public-slides.pdf"], tmp_path) == []


@pytest.mark.slow
def test_the_default_packs_deck_and_slides_pdf_break_every_line_alike(default_built: dict[str, Path],
                                                                      tmp_path: Path) -> None:
    assert differing(default_built["public-deck.pptx"], default_built["public-slides.pdf"], tmp_path) == []
