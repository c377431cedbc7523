"""Large print is large: every character of every large-print PDF is measured, and the footer never collides.

The large-print theme promises nothing below 16 pt (RNIB's clear-print
guidance): footers, list bullets, citation markers (on the line, not
raised), diagram labels, slide numbers and table text included; the speaker
notes name each slide instead of drawing a miniature.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import reading_pdfs

pdfplumber = pytest.importorskip("pdfplumber")

SMALLEST = 16.0



def pdfs(built: dict[str, Path]) -> dict[str, Path]:
    return reading_pdfs(built)  # the imposed sheets are print-only files, untagged by design


def test_no_character_of_any_large_print_pdf_is_below_16_pt(large_print_built: dict[str, Path]) -> None:
    measured = 0
    for name, path in pdfs(large_print_built).items():
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                small = [(round(c["size"], 1), c["text"]) for c in page.chars
                         if c["text"].strip() and c["size"] < SMALLEST - 0.05]
                assert small == [], f"{name} p. {number}: {small[:8]}"
                measured += len(page.chars)
    assert measured > 20_000  # every page of every PDF was read


def test_the_footer_never_collides_and_its_rule_strikes_no_letter(large_print_built: dict[str, Path]) -> None:
    for name in ("public-handout-a4.pdf", "public-handout-letter.pdf", "public-summary-a4.pdf"):
        with pdfplumber.open(large_print_built[name]) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                footer = [w for w in page.extract_words() if w["top"] > page.height - 90]
                if not footer:
                    continue  # the cover
                lines: dict[float, list[dict[str, float]]] = {}
                for word in footer:
                    lines.setdefault(round(word["top"]), []).append(word)
                for words in lines.values():  # words on one line never overlap
                    words.sort(key=lambda w: w["x0"])
                    assert all(a["x1"] <= b["x0"] for a, b in itertools.pairwise(words)), (name, number)
                top = min(w["top"] for w in footer)
                rules = [r for r in page.lines if top - 12 < r["top"] and r["width"] > 100]  # the footer's rule
                assert len(rules) == 1, (name, number)
                assert rules[0]["bottom"] < top, (name, number)  # above every letter, not through them
                text = " ".join(w["text"] for w in footer)
                assert re.search(r"Page \d+ of \d+", text) or len(pdf.pages) == 1, (name, number, text)


def test_citation_markers_sit_on_the_line_at_full_size(large_print_built: dict[str, Path]) -> None:
    with pdfplumber.open(large_print_built["public-handout-a4.pdf"]) as pdf:
        page = pdf.pages[2]
        words = page.extract_words(extra_attrs=["size"])
        markers = [w for w in words if re.fullmatch(r".*\[\d+\*?\]\.?", w["text"])]
        assert markers and all(w["size"] >= SMALLEST for w in markers)


def test_no_address_breaks_inside_its_scheme(large_print_built: dict[str, Path]) -> None:
    scheme = "https://"
    for name, path in pdfs(large_print_built).items():
        lines = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True,
                               timeout=60).stdout.splitlines()
        for this, following in itertools.pairwise(lines):
            for cut in range(1, len(scheme)):
                assert not (this.endswith(scheme[:cut]) and following.startswith(scheme[cut:])), (name, this)
