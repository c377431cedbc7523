"""A second checker: outloud (what a PDF says out loud) finds no error in any PDF, but the one shown false.

page-validation checks the PDF/UA and PDF/A rules; outloud reads each PDF as
a screen reader would and flags what the rules cannot see (empty links,
prose hidden as artifacts, shredded tables, reading order). Its warnings are
advice; its errors fail this test, except those shown here to be false.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import reading_pdfs

outloud = pytest.importorskip("outloud")

# outloud's errors that are false for briefpack's PDFs, each with the reason.
FALSE_ERRORS = {
    # "Header cells look shredded: 5 header cells against 3 data cells": a two-column table of who the law
    # treats how ("Who" | "Under this model") has a header row of two cells and a row header in every row
    # (Selling, Buying, Third parties). That is more header cells than data cells, and right: each TH has its
    # Scope (Column or Row), as tests/render/test_tagging.py checks. The heuristic counts, it cannot tell.
    "TBL-010",
}



def pdfs(built: dict[str, Path]) -> dict[str, Path]:
    return reading_pdfs(built)  # the imposed sheets are print-only files, untagged by design


def errors(path: Path) -> list[str]:
    result = outloud.check(str(path))
    found = [f.to_dict() if hasattr(f, "to_dict") else vars(f) for f in result.sorted_findings()]
    return [f"{f['rule']} p. {f.get('page')}: {f['message']}" for f in found
            if f["severity"] == "error" and f["rule"] not in FALSE_ERRORS]


def test_outloud_finds_no_error_in_any_pdf(mini_built: dict[str, Path], glow_built: dict[str, Path],
                                          large_print_built: dict[str, Path]) -> None:
    checked = 0
    for built in (mini_built, glow_built, large_print_built):
        for name, path in pdfs(built).items():
            assert errors(path) == [], name
            checked += 1
    assert checked == 44


def test_outloud_would_catch_an_empty_link(tmp_path: Path) -> None:
    """The checker is live: a PDF with a Link element holding nothing fails it (so the test above can fail)."""
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from generator.render.pdf.finish import DocumentInfo, finish_tagged_pdf
    from generator.render.pdf.structure import Tagger, tagging_canvas
    from generator.render.pdf.tagged import TaggedParagraph

    class Bare(TaggedParagraph):
        def draw(self) -> None:  # draws the text and its link, without briefpack's link tagging
            self._draw_tagged(False)

    tagger = Tagger()
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10)
    SimpleDocTemplate(buffer).build([Bare('Read <a href="https://examplia.test/x">the report</a> today.', style)],
                                    canvasmaker=tagging_canvas(tagger))
    path = tmp_path / "bare.pdf"
    path.write_bytes(finish_tagged_pdf(buffer.getvalue(), tagger, DocumentInfo("Bare", "en")))
    assert any(e.startswith("LNK-003") for e in errors(path))
