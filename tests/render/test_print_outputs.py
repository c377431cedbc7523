"""The print outputs read back: boxes, where every word falls (panels, folds, cards, the safe margin), the order
a reader unfolds the leaflet in, the office printer's sheets, one-ink black, CMYK, QR codes at 150 dpi, and the
errors that name what to shorten."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4, A5, LETTER, landscape

from generator.render.pdf.cards import CARD
from generator.render.pdf.inks import rgb_to_cmyk
from tests.helpers import MINI, copy_pack, edit, qr_codes, run

MM = 72 / 25.4
SAFE = 3 * MM  # the print shop's safe margin inside the trim: nothing to read there
BLEED = 3 * MM
POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) not installed")
needs_zbar = pytest.mark.skipif(not (POPPLER and shutil.which("zbarimg")), reason="needs pdftoppm and zbarimg")
Box = tuple[float, float, float, float]


def boxes(path: Path) -> list[dict[str, Box]]:
    with pikepdf.open(path) as pdf:
        return [{name: tuple(float(v) for v in page.obj[f"/{name}"])  # type: ignore[misc]
                 for name in ("MediaBox", "BleedBox", "TrimBox") if f"/{name}" in page.obj} for page in pdf.pages]


def words(path: Path) -> list[list[tuple[str, Box]]]:
    """Return each page's words with their boxes (x0, y0, x1, y1) in the trim's coordinates, y from the trim's foot."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    pages: list[list[tuple[str, Box]]] = []
    for index, page in enumerate(out.split("<page ")[1:]):
        page_boxes = boxes(path)[index]
        media = page_boxes["MediaBox"]
        trim = page_boxes.get("TrimBox", media)
        found = []
        for x0, y0, x1, y1, text in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                               r'yMax="([\d.]+)">([^<]*)</word>', page):
            left, right = float(x0) + media[0] - trim[0], float(x1) + media[0] - trim[0]
            top, foot = media[3] - float(y0) - trim[1], media[3] - float(y1) - trim[1]
            found.append((unescape(text), (left, foot, right, top)))
        pages.append(found)
    return pages


def inside(box: Box, area: Box, slack: float = 0.5) -> bool:
    return (box[0] >= area[0] - slack and box[1] >= area[1] - slack and box[2] <= area[2] + slack
            and box[3] <= area[3] + slack)


def size_of(box: Box) -> tuple[float, float]:
    return box[2] - box[0], box[3] - box[1]


def decoded(path: Path, folder: Path, pages: tuple[int, ...] = ()) -> set[str]:
    """Return what zbar reads in a 150 dpi greyscale render of ``path`` (all pages, or ``pages``)."""
    return qr_codes(path, folder, 150, pages)


# boxes


@pytest.mark.parametrize(("name", "finished"), [
    ("public-booklet-a5.pdf", A5), ("public-booklet-half-letter.pdf", (5.5 * 72, 8.5 * 72)),
    ("public-leaflet-a4.pdf", landscape(A4)), ("public-leaflet-letter.pdf", landscape(LETTER)),
    ("public-cards.pdf", CARD)])
def test_every_print_shop_page_is_cut_at_its_finished_size_inside_a_3_mm_bleed(
        mini_built: dict[str, Path], name: str, finished: tuple[float, float]) -> None:
    for page in boxes(mini_built[name]):
        trim, bleed, media = page["TrimBox"], page["BleedBox"], page["MediaBox"]
        assert size_of(trim) == pytest.approx(finished, abs=0.01)
        assert bleed == pytest.approx((trim[0] - BLEED, trim[1] - BLEED, trim[2] + BLEED, trim[3] + BLEED), abs=0.01)
        assert media[0] < bleed[0] and media[1] < bleed[1] and media[2] > bleed[2] and media[3] > bleed[3]  # marks


# the leaflet


def folds(width: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Return where a roll-folded sheet folds, outside and inside: the flap (and its back) 2 mm narrower."""
    panel = (width + 2 * MM) / 3
    return (panel - 2 * MM, 2 * panel - 2 * MM), (panel, 2 * panel)


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_word_of_the_leaflet_crosses_a_fold_or_enters_the_safe_margin(mini_built: dict[str, Path],
                                                                       paper: str) -> None:
    path = mini_built[f"public-leaflet-{paper}.pdf"]
    width, height = size_of(boxes(path)[0]["TrimBox"])
    pages = words(path)
    assert len(pages) == 2 and all(pages)
    for page, fold_lines in zip(pages, folds(width), strict=True):
        edges = (0.0, *fold_lines, width)
        panels = [(edges[i] + SAFE, SAFE, edges[i + 1] - SAFE, height - SAFE) for i in range(3)]
        for text, box in page:
            assert any(inside(box, panel) for panel in panels), (paper, text, box)


@needs_poppler
def test_the_leaflet_reads_as_it_unfolds_cover_first_back_last(mini_built: dict[str, Path]) -> None:
    tree = subprocess.run(["pdfinfo", "-struct-text", str(mini_built["public-leaflet-a4.pdf"])],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    sections = re.split(r"\n  Sect\n", tree)[1:]
    assert len(sections) == 6
    first_words = [re.search(r'"([^"]+)"', s).group(1) for s in sections]  # type: ignore[union-attr]
    assert first_words[:5] == ["Hover-scooters and the law", "Key messages", "The models compared", "What we ask",
                               "Further reading"]
    assert "Examplia Civic Lab (fictional)" in first_words[5]


@needs_poppler
def test_the_leaflet_prints_the_outside_then_the_inside_in_fold_order(mini_built: dict[str, Path]) -> None:
    outside, inside_ = words(mini_built["public-leaflet-a4.pdf"])
    width = size_of(boxes(mini_built["public-leaflet-a4.pdf"])[0]["TrimBox"])[0]

    def thirds(page: list[tuple[str, Box]], word: str) -> set[int]:
        return {int(box[0] // (width / 3)) for text, box in page if text == word}

    assert thirds(outside, "Key") == {0} and thirds(outside, "Sources,") == {1} and 2 in thirds(outside, "Hover-scooters")
    assert thirds(inside_, "models") == {0} and thirds(inside_, "ask") == {1} and thirds(inside_, "Further") == {2}


@needs_zbar
def test_the_leaflets_qr_codes_scan_at_150_dpi(mini_built: dict[str, Path], tmp_path: Path) -> None:
    assert decoded(mini_built["public-leaflet-a4.pdf"], tmp_path) == {"https://examplia.test/atlas"}


def test_a_panel_that_cannot_fit_is_an_error_at_the_content_to_shorten(mini: Path) -> None:
    long = " ".join(["Publish the rules in every town hall, and in every library, school and bus station."] * 30)
    edit(mini / "content.yaml", "text: Publish the rules in every town hall.", f"text: {long}")
    code, _, err = run("check")
    assert code == 1
    [line] = [line for line in err.splitlines() if "leaflet" in line and "a4" in line and "public" in line]
    assert line.startswith("briefs/mini/content.yaml:119:") and "recommendations[1].text" in line
    assert "the leaflet's inside-middle panel does not fit on a4 paper" in line and "leaflet.md.j2" in line
    assert run("build", "--quiet")[0] == 1  # check said what build does


def test_large_print_makes_no_small_formats(large_print_built: dict[str, Path]) -> None:
    # 16 pt type outgrows an A5 page, a panel and a card (the default pack's table rows did); whole pages only
    assert not [name for name in large_print_built if any(kind in name for kind in ("booklet", "leaflet", "cards"))]
    assert "public-handout-a4.pdf" in large_print_built


# the cards


@needs_poppler
def test_no_word_leaves_its_card_or_enters_the_safe_margin(mini_built: dict[str, Path]) -> None:
    pages = words(mini_built["public-cards.pdf"])
    assert len(pages) == 2 and all(pages)  # one card: its front and its back
    safe = (SAFE, SAFE, CARD[0] - SAFE, CARD[1] - SAFE)
    for page in pages:
        for text, box in page:
            assert inside(box, safe), (text, box)
    assert [text for text, _ in pages[0]][:4] == ["What", "we", "ask", "[5*]"]
    assert "hello@examplia.test" in [text for text, _ in pages[1]]


@needs_poppler
@pytest.mark.parametrize(("paper", "per_sheet"), [("a4", 10), ("letter", 8)])
def test_the_office_sheets_hold_one_card_many_times_fronts_then_backs(mini_built: dict[str, Path], paper: str,
                                                                       per_sheet: int) -> None:
    path = mini_built[f"public-cards-{paper}-sheets-print-only.pdf"]
    front, back = words(path)
    assert sum(text == "What" for text, _ in front) == per_sheet
    assert sum(text == "hello@examplia.test" for text, _ in back) == per_sheet
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/OutputIntents" not in pdf.Root  # print-only: no claims
        assert str(pdf.docinfo.get("/Title")) == "Hover-scooters and the law"


@needs_zbar
def test_every_card_back_scans_at_150_dpi(mini_built: dict[str, Path], tmp_path: Path) -> None:
    assert decoded(mini_built["public-cards.pdf"], tmp_path, (2,)) == {"https://examplia.test/atlas"}


def test_a_card_that_cannot_fit_is_an_error_at_its_content_line(mini: Path) -> None:
    edit(mini / "content.yaml", "      - Keep licences cheap\n",
         "".join(f"      - Keep licences cheap in town number {n}, in its suburbs and in its villages\n"
                 for n in range(4)))
    code, _, err = run("check")
    assert code == 1
    [line] = [line for line in err.splitlines() if "public cards" in line]
    assert re.match(r"briefs/mini/content\.yaml:\d+:\d+: cards\[1\]\.points\[\d\]: public cards: the front of card 1 "
                    r"\('What we ask'\) does not fit 85 × 55 mm", line), line


def test_a_pack_without_cards_makes_none(tmp_path: Path) -> None:
    pack = copy_pack(MINI, tmp_path)
    text = (pack / "content.yaml").read_text(encoding="utf-8")
    (pack / "content.yaml").write_text(text[:text.index("\ncards:")] + "\n", encoding="utf-8")
    from tests.helpers import file_count

    code, out, err = run("build", "--briefs", str(tmp_path / "briefs"), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 0, err
    assert not list((tmp_path / "out").rglob("*cards*"))
    assert f"{file_count(pack)} files" in out


# inks


def test_text_in_print_shop_files_is_black_ink_alone(mini_built: dict[str, Path]) -> None:
    """Near-black text is DeviceGray 0 (the black plate); no neutral grey is left in RGB (four plates)."""
    for name in ("public-booklet-a5.pdf", "public-leaflet-a4.pdf", "public-cards.pdf"):
        with pikepdf.open(mini_built[name]) as pdf:
            operators = [(str(i.operator), [float(v) for v in i.operands]) for page in pdf.pages
                         for i in pikepdf.parse_content_stream(page) if str(i.operator) in ("rg", "RG", "g", "G")]
        assert ("g", [0.0]) in operators, name
        neutral_rgb = [ops for op, ops in operators if op in ("rg", "RG") and ops[0] == ops[1] == ops[2]]
        assert neutral_rgb == [], name
    with pikepdf.open(mini_built["public-handout-a4.pdf"]) as pdf:  # the reading copy keeps the theme's colour
        assert any(str(i.operator) == "rg" and [round(float(v), 3) for v in i.operands] == [0.102] * 3
                   for i in pikepdf.parse_content_stream(pdf.pages[1]))


def test_rgb_to_cmyk_puts_greys_on_the_black_plate() -> None:
    assert rgb_to_cmyk(0.1, 0.1, 0.1) == (0, 0, 0, 1)
    assert rgb_to_cmyk(0.5, 0.5, 0.5) == pytest.approx((0, 0, 0, 0.5))
    assert rgb_to_cmyk(1, 1, 1) == pytest.approx((0, 0, 0, 0))
    assert rgb_to_cmyk(1, 0, 0) == pytest.approx((0, 1, 1, 0))
    cyan, magenta, yellow, black = rgb_to_cmyk(0x5B / 255, 0x2A / 255, 0x86 / 255)  # the default accent
    assert black == pytest.approx(1 - 0x86 / 255) and yellow == 0 and cyan > 0 and magenta > cyan


def test_a_cmyk_theme_draws_every_colour_in_cmyk_and_claims_pdf_ua_only(mini: Path) -> None:
    theme = Path("templates/themes/press")
    theme.mkdir(parents=True)
    theme.joinpath("theme.yaml").write_text("name: press\nprint_colours: cmyk\n", encoding="utf-8")
    code, _, err = run("build", "--theme", "press", "--quiet", "mini")
    assert code == 0, err
    for name in ("booklet-a5", "leaflet-a4", "cards"):
        with pikepdf.open(Path(f"output/mini/mini-public-{name}.pdf")) as pdf:
            operators = {str(i.operator) for page in pdf.pages for i in pikepdf.parse_content_stream(page)}
            assert "k" in operators and not operators & {"rg", "RG"}, name
            xmp = pdf.Root.Metadata.read_bytes().decode()
            assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "pdfaid:part" not in xmp, name
            assert "/OutputIntents" not in pdf.Root and "/StructTreeRoot" in pdf.Root, name
    with pikepdf.open(Path("output/mini/mini-public-handout-a4.pdf")) as pdf:  # a reading copy stays sRGB, PDF/A
        assert "/OutputIntents" in pdf.Root


# the booklet's office sheets


@needs_poppler
def test_the_first_sheet_shows_the_back_cover_beside_the_cover(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-booklet-a5-sheets-print-only.pdf"]
    width = size_of(boxes(path)[0]["MediaBox"])[0]
    first = words(path)[0]
    left = {text for text, box in first if box[2] <= width / 2}
    right = {text for text, box in first if box[0] >= width / 2}
    assert "hello@examplia.test" in left and "hello@examplia.test" not in right  # the last page: the back cover
    assert {"Hover-scooters", "Examplia"} <= right  # the first: the cover
    with pikepdf.open(mini_built["public-booklet-a5.pdf"]) as pdf:
        pages = len(pdf.pages)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == pages // 2 and pages % 4 == 0


def test_the_booklet_is_set_for_its_page_not_shrunk_and_no_page_is_blank(mini_built: dict[str, Path]) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    from collections import Counter

    def body_size_and_blank_pages(path: Path) -> tuple[float, list[int]]:
        sizes: Counter[float] = Counter()
        blank = []
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                glyphs = [c for c in page.chars if c["text"].strip()]
                sizes.update(round(c["size"], 1) for c in glyphs)
                if len(glyphs) < 20:
                    blank.append(number)
        return sizes.most_common(1)[0][0], blank

    handout_body, _ = body_size_and_blank_pages(mini_built["public-handout-a4.pdf"])
    for name in ("public-booklet-a5.pdf", "public-booklet-half-letter.pdf", "experts-booklet-a5.pdf"):
        body, blank = body_size_and_blank_pages(mini_built[name])
        # A4 shrunk to A5 would set the body at 71 % of the handout's; the booklet has its own type scale
        assert body >= 0.85 * handout_body and body >= 9, (name, body, handout_body)
        assert blank == [], name  # padding to whole sheets uses notes and contact pages, never an empty page
