"""The handout PDFs read back with the whole content, right page sizes, links and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build_pack
from generator.content.loader import load_pack
from generator.editions.variants import editions
from tests.conftest import DEFAULT_PACK, TEMPLATES

MM = 72 / 25.4


def text_of_pdf(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper,size", [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_page_size_and_count(built_pack: dict[str, Path], paper: str, size: tuple[float, float]) -> None:
    reader = PdfReader(built_pack[f"handout-{paper}.pdf"])
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(size[0] * MM, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(size[1] * MM, abs=0.5)


def test_every_section_and_item_is_in_the_text(built_pack: dict[str, Path]) -> None:
    text = squash(text_of_pdf(built_pack["handout-a4.pdf"]))
    pack = editions(load_pack(DEFAULT_PACK).content)[0].pack  # the public edition
    expected = ["Key messages", "What the words mean", "The legal models", "The models compared",
                "What the evidence says", "In a sex worker’s words", "What we ask", "Further reading",
                "Glossary", "Sources", "Contents"]
    expected += [m.name for m in pack.models] + [k.title for k in pack.key_messages]
    expected += [r.title for r in pack.recommendations] + [g.term for g in pack.glossary]
    expected += [e.title for e in pack.evidence] + [j.name for m in pack.models for j in m.jurisdictions]
    for item in expected:
        assert squash(item) in text, item
    # Quotations print verbatim (first words of each paragraph are enough to find them).
    for quote in pack.definitions:
        assert squash(quote.text.split("\n")[0][:60]) in text


def test_fonts_are_embedded(built_pack: dict[str, Path]) -> None:
    reader = PdfReader(built_pack["handout-a4.pdf"])
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font else font.get("/FontDescriptor")
            fonts[font["/BaseFont"]] = descriptor
    assert fonts
    for name, descriptor in fonts.items():
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    assert any("AtkinsonHyperlegible-Bold" in str(n) for n in fonts)
    assert any("AtkinsonHyperlegible-Italic" in str(n) for n in fonts)


def test_resource_links_outline_and_metadata(built_pack: dict[str, Path]) -> None:
    reader = PdfReader(built_pack["handout-a4.pdf"])
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    for resource in editions(load_pack(DEFAULT_PACK).content)[0].pack.resources:
        assert resource.url in uris, resource.url
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Key messages", "What the words mean"]
    assert "Sources" in titles
    meta = reader.metadata
    assert meta.title == "Sex work, the law and human rights"
    assert meta.author == "briefpack sample pack"
    assert "decriminalisation" in meta.get("/Keywords", "")
    assert str(meta.get("/CreationDate")).startswith("D:20261128")
    assert reader.trailer["/Root"]["/Lang"] == "en-AU"


def test_identical_bytes_across_builds(tmp_path: Path, built_pack: dict[str, Path]) -> None:
    again = build_pack(DEFAULT_PACK, TEMPLATES, tmp_path)
    for written in again.files:
        name = written.path.name.removeprefix("sex-work-law-").removeprefix("public-")
        assert written.path.read_bytes() == built_pack[name].read_bytes(), name


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_summary_is_one_page_with_the_essentials(built_pack: dict[str, Path], paper: str) -> None:
    reader = PdfReader(built_pack[f"summary-{paper}.pdf"])
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    pack = editions(load_pack(DEFAULT_PACK).content)[0].pack
    for message in pack.key_messages[:6]:
        assert squash(message.title) in text
    for model in pack.models:
        assert model.short_name in text
    featured = [r for r in pack.resources if r.featured]
    uris = {str(a.get_object()["/A"]["/URI"]) for a in reader.pages[0].get("/Annots", []) if "/A" in a.get_object()}
    assert {r.url for r in featured} <= uris
