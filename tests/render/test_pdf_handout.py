"""The handout and summary PDFs read back whole: pages, sections, fonts, links, outline, metadata, bytes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.compose.compose import compose_handout
from generator.content.loader import load_pack
from generator.editions.themes import load_theme
from generator.editions.variants import editions
from generator.render.pdf.handout import render_handout_pdf
from tests.helpers import MINI, TEMPLATES, link_targets, pdf_text, qr_codes, squash

MM = 72 / 25.4
Change = Callable[[str, str, str], None]


def public(folder: Path = MINI):  # type: ignore[no-untyped-def]
    return editions(load_pack(folder).content)[0].pack


def render(folder: Path, tmp_path: Path, theme: str = "default", paper: str = "a4") -> Path:
    handout = compose_handout(public(folder), TEMPLATES).document
    data, _ = render_handout_pdf(handout, load_theme(TEMPLATES, theme), paper)  # type: ignore[arg-type]
    path = tmp_path / f"handout-{theme}-{paper}.pdf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("paper,size", [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_page_size(mini_built: dict[str, Path], paper: str, size: tuple[float, float]) -> None:
    reader = PdfReader(mini_built[f"public-handout-{paper}.pdf"])
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(size[0] * MM, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(size[1] * MM, abs=0.5)


def test_every_section_and_item_is_in_the_text(mini_built: dict[str, Path]) -> None:
    text = pdf_text(mini_built["public-handout-a4.pdf"])
    pack = public()
    expected = ["Key messages", "What the words mean", "The legal models", "The models compared", "What we ask",
                "What the evidence says", "Further reading", "Glossary", "Sources", "Contents", "Page 2 of"]
    expected += [m.name for m in pack.models] + [k.title for k in pack.key_messages]
    expected += [r.title for r in pack.recommendations] + [g.term for g in pack.glossary]
    expected += [e.title for e in pack.evidence] + [j.name for m in pack.models for j in m.jurisdictions]
    expected += [q.text for q in pack.definitions] + [p.text for p in pack.lived_experience]
    for item in expected:
        assert squash(item) in text, item
    assert "Enforcement needs staff" not in text, "an item for another audience"


def test_fonts_are_embedded_and_subset(mini_built: dict[str, Path]) -> None:
    reader = PdfReader(mini_built["public-handout-a4.pdf"])
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[str(font["/BaseFont"])] = descendant.get("/FontDescriptor")
    assert fonts
    for name, descriptor in fonts.items():
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    assert any("AtkinsonHyperlegible-Bold" in n for n in fonts) and any("Italic" in n for n in fonts)
    assert not any("Helvetica" in n for n in fonts)


def test_links_outline_and_metadata(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    assert {r.url for r in public().resources} <= link_targets(path)
    reader = PdfReader(path)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Key messages", "What the words mean"] and "Sources" in titles
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author) == ("Hover-scooters and the law", "Examplia Civic Lab (fictional)")
    assert "fiction" in meta.get("/Keywords", "")
    assert str(meta.get("/CreationDate")).startswith("D:20260301")
    assert reader.trailer["/Root"]["/Lang"] == "en-AU"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_summary_is_one_page_with_the_essentials(mini_built: dict[str, Path], paper: str) -> None:
    path = mini_built[f"public-summary-{paper}.pdf"]
    assert len(PdfReader(path).pages) == 1
    text = pdf_text(path)
    pack = public()
    for item in [m.title for m in pack.key_messages] + [m.short_name for m in pack.models]:
        assert squash(item) in text, item
    assert {r.url for r in pack.resources if r.featured} <= link_targets(path)


def test_the_same_document_gives_the_same_bytes(tmp_path: Path) -> None:
    first = render(MINI, tmp_path).read_bytes()
    (tmp_path / "again").mkdir()
    assert render(MINI, tmp_path / "again").read_bytes() == first


def test_hostile_text_prints_literally(mini: Path, change: Change, tmp_path: Path) -> None:
    long_word = "x" * 3000
    long_url = "https://examplia.test/" + "a" * 1979
    change("content.yaml", "costs 40 crowns", f"costs <b>&amp; & < > \" ' {long_word} 40 crowns")
    change("content.yaml", "url: https://examplia.test/hill/fees", f"url: {long_url}")
    change("content.yaml", "  - term: Licence\n", '  - term: "<i>Licence</i> & </para>"\n')
    path = render(mini, tmp_path)
    text = pdf_text(path)
    assert "<b>&amp; & < >" in text and "<i>Licence</i> & </para>" in text
    assert long_url in link_targets(path)


def test_other_scripts_use_the_fallback_font(mini: Path, change: Change, tmp_path: Path) -> None:
    words = "Ελληνικά και Русский, Māori ō, Straße"
    change("content.yaml", "title: Licences cost money", f"title: {words}")
    path = render(mini, tmp_path)
    assert words in pdf_text(path)
    reader = PdfReader(path)
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("Arimo" in f for f in fonts)


def test_a_theme_changes_the_look_not_the_words(tmp_path: Path) -> None:
    default, economy = render(MINI, tmp_path), render(MINI, tmp_path, "print-economy")
    band = b".356863 .164706 .52549 rg"  # the default theme's purple band
    assert band in PdfReader(default).pages[0].get_contents().get_data()
    assert band not in PdfReader(economy).pages[0].get_contents().get_data()
    words = [{w for w in pdf_text(p).split() if not w.strip(".").isdigit()} for p in (default, economy)]
    assert words[0] == words[1], "the same words, whatever the page numbers"


def test_spanish_fixed_wording_in_print(mini: Path, change: Change, tmp_path: Path) -> None:
    change("pack.yaml", "language: en-AU", "language: es")
    text = pdf_text(render(mini, tmp_path))
    for words in ("Mensajes clave", "Los modelos comparados", "Página 2 de", "Fuentes", "1 de marzo de 2026",
                  "Penalizado"):
        assert words in text, words


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs pdftoppm and zbarimg")
def test_qr_codes_decode_to_exactly_the_resource_urls(mini_built: dict[str, Path], tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "120", str(mini_built["public-handout-a4.pdf"]), str(tmp_path / "p")],
                   check=True, timeout=120)
    decoded: set[str] = set()
    for image in sorted(tmp_path.glob("p*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                             capture_output=True, text=True, timeout=60)
        decoded.update(line for line in out.stdout.splitlines() if line)
    assert decoded == {r.url for r in public().resources}


def test_a_table_shrinks_its_text_rather_than_break_a_word(tmp_path: Path) -> None:
    import datetime as dt

    from generator.document import Cell, Handout, Meta, Run, Table

    word = "Counterrevolutionaryisms"  # 24 letters: wider than a fifth of the page at the body size
    header = tuple(Cell((Run(f"Column {i}"),)) for i in range(5))
    rows = tuple(tuple(Cell((Run(f"{word} {i}"),)) for i in range(5)) for _ in range(3))
    handout = Handout(Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1"), {}, (Table(header, rows),))
    for theme in ("default", "large-print"):
        data, _ = render_handout_pdf(handout, load_theme(TEMPLATES, theme), "a4")
        path = tmp_path / f"{theme}.pdf"
        path.write_bytes(data)
        pieces = [t for t in pdf_text(path).split() if t != word and len(t) > 2 and t in word]
        assert pdf_text(path).count(word) >= 15 and pieces == [], theme


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs pdftoppm and zbarimg")
@pytest.mark.parametrize("theme", ["default", "large-print"])
def test_the_summarys_qr_codes_scan_from_a_150_dpi_copy(tmp_path: Path, theme: str) -> None:
    """Dense codes for long addresses grow until renders about 150 dpi (a photocopy's resolution) scan every one."""
    import datetime as dt

    from generator.document import Handout, Meta, ResourceItem, ResourceList, Run

    urls = ["https://docslib.org/doc/10522875/policy-on-state-obligations-to-respect-protect-and-fulfil-the-human-"
            "rights-of-sex-workers",
            "https://www.amnestyusa.org/reports/what-im-doing-is-not-a-crime-the-human-cost-of-criminalizing-sex-"
            "work-in-the-city-of-buenos-aires-argentina/",
            "https://examplia.test/a"]
    items = tuple(ResourceItem((Run(f"Resource {n}"),), (), (), url) for n, url in enumerate(urls))
    handout = Handout(Meta("T", "S", "A", "S", (), "en-AU", dt.date(2026, 1, 1), "1"), {},
                      (ResourceList(items, compact=True),))
    data, _ = render_handout_pdf(handout, load_theme(TEMPLATES, theme), "a4")
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(data)
    # Around 150 dpi, as where a copier's dots fall on the modules varies: 17 mm codes failed at 148 dpi.
    for dpi in range(140, 161, 4):
        assert qr_codes(pdf, tmp_path, dpi) == set(urls), dpi
    text = pdf_text(pdf).replace(" ", "").replace("\n", "")  # an address may wrap at its joints
    assert "docslib.org/doc/10522875/po…" in text and "examplia.test/a" in text  # short addresses, readable
