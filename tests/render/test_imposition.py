"""Print primitives read back: boxes, crop marks (operators and pixels), booklet order, card grids, tagging kept."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, cast

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen import canvas

from generator.render.pdf.imposition import (
    BLEED_3MM,
    MARK_LENGTH,
    MARK_OFFSET,
    MARK_WIDTH,
    Box,
    card_slots,
    duplex_cards,
    impose_saddle_stitch,
    n_up,
    page_boxes,
    print_ready,
    saddle_stitch_order,
)

MM = 72 / 25.4
CARD = (85 * MM, 55 * MM)
BLUE = (0, 0, 255)
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) not installed")


def numbered(count: int, size: tuple[float, float], bleed: float = 0.0, first: int = 1) -> bytes:
    """Return ``count`` pages of ``size`` plus ``bleed`` a side, each its number large in the middle.

    With a bleed, a blue background covers the whole page, as a full-bleed design runs into it.
    """
    width, height = size[0] + 2 * bleed, size[1] + 2 * bleed
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height), invariant=True)
    for number in range(first, first + count):
        if bleed:
            pdf.setFillColorRGB(0, 0, 1)
            pdf.rect(0, 0, width, height, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Helvetica", 40)
        pdf.drawCentredString(width / 2, height / 2, str(number))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def tagged(data: bytes) -> bytes:
    """Return ``data`` (one page) tagged by hand: its drawing is one /P with MCID 0 under a Document element."""
    pdf = pikepdf.open(io.BytesIO(data))
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(b"/P <</MCID 0>> BDC\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nEMC\n"))
    page.contents_coalesce()
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root))
    paragraph = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document,
                                                     Pg=page.obj, K=0))
    document.K = pikepdf.Array([paragraph])
    root.K = pikepdf.Array([document])
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([paragraph])])))
    page.obj.StructParents = 0
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def operations(page: Any) -> list[tuple[str, list[Any], tuple[str, ...]]]:
    """Return each operator on ``page`` with its operands and the marked-content tags around it, outermost first."""
    found = []
    tags: list[str] = []
    for instruction in pikepdf.parse_content_stream(page):
        operator, operands = str(instruction.operator), list(instruction.operands)
        if operator == "EMC":
            tags.pop()
        found.append((operator, operands, tuple(tags)))
        if operator in ("BMC", "BDC"):
            tags.append(str(operands[0]))
    return found


def strokes(page: Any) -> list[tuple[Box, tuple[str, ...]]]:
    """Return each line drawn on ``page`` (x0, y0, x1, y1) with the marked-content tags around it."""
    found: list[tuple[Box, tuple[str, ...]]] = []
    start = (0.0, 0.0)
    for operator, operands, tags in operations(page):
        if operator == "m":
            start = (float(operands[0]), float(operands[1]))
        elif operator == "l":
            found.append(((*start, float(operands[0]), float(operands[1])), tags))
    return found


def placements(page: Any) -> list[tuple[float, ...]]:
    """Return the matrix of every ``cm`` on ``page``, in order."""
    return [tuple(float(v) for v in operands) for operator, operands, _ in operations(page) if operator == "cm"]


def rendered(path: Path) -> tuple[Image.Image, Box]:
    """Return ``path``'s first page rendered at 72 dpi (a pixel is a point), and its MediaBox."""
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(path), str(prefix)], check=True, timeout=30)
    return Image.open(prefix.with_suffix(".png")).convert("RGB"), page_boxes(path.read_bytes())[0]["MediaBox"]


def pixels(image: Image.Image, media: Box, box: Box) -> list[tuple[int, int, int]]:
    """Return the pixels wholly inside ``box``, in PDF points (on a page whose MediaBox is ``media``)."""
    left, right = int(box[0] - media[0]) + 1, int(box[2] - media[0]) - 1
    top, bottom = int(media[3] - box[3]) + 1, int(media[3] - box[1]) - 1
    rgb = image.load()
    assert rgb is not None
    return [cast(tuple[int, int, int], rgb[x, y]) for x in range(left, right) for y in range(top, bottom)]


def inked(segment: Box) -> Box:
    """Return the rectangle a 0.25 pt, butt-capped line along ``segment`` covers."""
    x0, y0, x1, y1 = segment
    half = MARK_WIDTH / 2
    if x0 == x1:
        return (x0 - half, min(y0, y1), x0 + half, max(y0, y1))
    return (min(x0, x1), y0 - half, max(x0, x1), y0 + half)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def within(inner: Box, outer: Box, slack: float = 0.001) -> bool:
    """Return whether ``inner`` is inside ``outer`` (give or take the rounding of numbers in a content stream)."""
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1] and inner[2] <= outer[2] + slack
            and inner[3] <= outer[3] + slack)


def approx_box(box: Box) -> Any:
    return pytest.approx(box, abs=0.01)


def text_rows(path: Path, page: int) -> list[list[int]]:
    """Return the numbers pdftotext lays out on ``page``, line by line, left to right."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                         capture_output=True, text=True, check=True, timeout=30).stdout
    return [[int(n) for n in re.findall(r"\d+", line)] for line in out.splitlines() if line.strip()]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# print_ready


def test_print_ready_sets_trim_bleed_and_media_boxes_exactly() -> None:
    width, height = A5
    [boxes] = page_boxes(print_ready(numbered(1, A5, BLEED_3MM), BLEED_3MM))
    margin = BLEED_3MM + MARK_OFFSET + MARK_LENGTH
    assert boxes["TrimBox"] == approx_box((BLEED_3MM, BLEED_3MM, BLEED_3MM + width, BLEED_3MM + height))
    assert boxes["BleedBox"] == approx_box((0, 0, width + 2 * BLEED_3MM, height + 2 * BLEED_3MM))
    trim, bleed = boxes["TrimBox"], boxes["BleedBox"]
    assert [b - t for b, t in zip(bleed, trim, strict=True)] == pytest.approx([-3 * MM, -3 * MM, 3 * MM, 3 * MM],
                                                                              abs=0.01)
    assert boxes["MediaBox"] == approx_box((BLEED_3MM - margin, BLEED_3MM - margin, BLEED_3MM + width + margin,
                                            BLEED_3MM + height + margin))
    assert boxes["CropBox"] == boxes["MediaBox"]


def test_without_marks_the_media_is_the_bleed_and_nothing_is_drawn() -> None:
    source = numbered(1, A5, BLEED_3MM)
    data = print_ready(source, BLEED_3MM, marks=False)
    [boxes] = page_boxes(data)
    assert boxes["MediaBox"] == boxes["BleedBox"] == approx_box((0, 0, A5[0] + 2 * BLEED_3MM, A5[1] + 2 * BLEED_3MM))
    with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.open(io.BytesIO(source)) as original:
        assert pdf.pages[0].obj.Contents.read_bytes() == original.pages[0].obj.Contents.read_bytes()


def test_crop_marks_continue_the_trim_edges_outside_the_bleed_inside_the_media() -> None:
    data = print_ready(numbered(2, A5, BLEED_3MM), BLEED_3MM)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page, boxes in zip(pdf.pages, page_boxes(data), strict=True):
            trim, bleed, media = boxes["TrimBox"], boxes["BleedBox"], boxes["MediaBox"]
            marks = [segment for segment, tags in strokes(page) if tags == ("/Artifact",)]
            assert len(marks) == 8  # two per corner
            corners = set()
            for segment in marks:
                x0, y0, x1, y1 = segment
                assert not overlaps(inked(segment), bleed)
                assert within(inked(segment), media)
                assert abs(x1 - x0) + abs(y1 - y0) == pytest.approx(MARK_LENGTH, abs=0.01)
                if y0 == y1:  # a horizontal mark continues the bottom or top edge
                    assert y0 == pytest.approx(trim[1], abs=0.01) or y0 == pytest.approx(trim[3], abs=0.01)
                    gap = min(abs(x - edge) for x in (x0, x1) for edge in (bleed[0], bleed[2]))
                    corners.add(("h", x0 < trim[0], y0 < trim[3]))
                else:
                    assert x0 == x1
                    assert x0 == pytest.approx(trim[0], abs=0.01) or x0 == pytest.approx(trim[2], abs=0.01)
                    gap = min(abs(y - edge) for y in (y0, y1) for edge in (bleed[1], bleed[3]))
                    corners.add(("v", x0 < trim[2], y0 < trim[1]))
                assert gap == pytest.approx(MARK_OFFSET, abs=0.01)
            assert len(corners) == 8  # every corner has its horizontal and its vertical mark


@needs_poppler
def test_rendered_marks_leave_the_bleed_at_every_corner_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, "ready.pdf", print_ready(numbered(1, A5, BLEED_3MM), BLEED_3MM))
    image, media = rendered(path)
    [boxes] = page_boxes(path.read_bytes())
    bleed = boxes["BleedBox"]

    reach = 3 * BLEED_3MM  # the bleed and a little of the trimmed page, from each corner
    trim = boxes["TrimBox"]
    for side_x, side_y in ((0, 1), (2, 1), (0, 3), (2, 3)):
        inward_x, inward_y = (1 if side_x == 0 else -1), (1 if side_y == 1 else -1)
        x, y = bleed[side_x], bleed[side_y]
        corner = _spanned((x, y), (x + inward_x * reach, y + inward_y * reach))
        assert set(pixels(image, media, corner)) == {BLUE}  # the bleed, where the marks would be were they drawn too close
        near_trim = (trim[side_x] + 2 * inward_x, trim[side_y] + 2 * inward_y)  # just past the lines' ends
        margins = pixels(image, media, _spanned((media[side_x], media[side_y]), near_trim))
        assert any(max(p) < 160 for p in margins), "the corner's marks were drawn"


def _spanned(a: tuple[float, float], b: tuple[float, float]) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


@needs_poppler
def test_marks_stay_in_place_whatever_state_the_page_leaves(tmp_path: Path) -> None:
    source = pikepdf.open(io.BytesIO(numbered(1, A5, BLEED_3MM)))
    source.pages[0].contents_add(source.make_stream(b"\n3 0 0 3 40 40 cm 1 0 0 RG 4 w\n"))  # never restored
    buffer = io.BytesIO()
    source.save(buffer)
    path = write(tmp_path, "ready.pdf", print_ready(buffer.getvalue(), BLEED_3MM))
    image, media = rendered(path)
    [boxes] = page_boxes(path.read_bytes())
    # The middle of the bottom-left corner's horizontal mark: on the trim's bottom edge, left of the bleed.
    x, y = boxes["BleedBox"][0] - MARK_OFFSET - MARK_LENGTH / 2, boxes["TrimBox"][1]
    around = pixels(image, media, (x - 2, y - 2, x + 2, y + 2))
    assert any(max(p) < 160 for p in around), around  # dark and neutral: black, not red, not moved


def test_a_tagged_page_keeps_its_structure_and_its_marks_are_artifacts() -> None:
    data = print_ready(tagged(numbered(1, A5, BLEED_3MM)), BLEED_3MM)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        root = pdf.Root.StructTreeRoot
        [paragraph] = root.K[0].K
        assert paragraph.S == "/P" and paragraph.K == 0 and paragraph.Pg.objgen == page.obj.objgen
        assert page.obj.StructParents == 0 and root.ParentTree.Nums[1][0].objgen == paragraph.objgen
        assert [tags for operator, _, tags in operations(page) if operator == "Tj"] == [("/P",)]  # still MCID 0
        marks = strokes(page)
        assert len(marks) == 8 and all(tags == ("/Artifact",) for _, tags in marks)
        artifact = [operands for operator, operands, _ in operations(page)
                    if operator == "BDC" and operands[0] == "/Artifact"]
        assert artifact and artifact[0][1].Type == "/Page"  # a production aid (ISO 32000 14.8.2.2)


def test_a_briefpack_handout_stays_pdf_ua_1_with_crop_marks(tmp_path: Path) -> None:
    validator = pytest.importorskip("page")
    from generator.document import Handout, Heading, Meta, Paragraph, Run
    from generator.render.pdf.handout import render_handout_pdf
    from generator.theme import Theme

    meta = Meta("Marks", "On paper", "Examplia Civic Lab", "Marks", (), "en-AU", dt.date(2026, 1, 1), "1")
    handout = Handout(meta, {}, (Heading(1, (Run("Trimmed"),)), Paragraph((Run("A page with crop marks."),))))
    data, _ = render_handout_pdf(handout, Theme(), "a4")
    report = validator.validate_pdf(str(write(tmp_path, "marked.pdf", print_ready(data, BLEED_3MM))), profile="ua1")
    assert report.rules.failed == 0, [f["message"] for f in report.to_dict()["failures"]][:5]


def test_print_ready_refuses_a_bleed_the_page_cannot_hold() -> None:
    with pytest.raises(ValueError, match="too small for a bleed"):
        print_ready(numbered(1, (10, 10)), 6)


# saddle stitch


def test_saddle_stitch_order_nests_the_sheets() -> None:
    assert saddle_stitch_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert saddle_stitch_order(4) == [(4, 1), (2, 3)]
    for wrong in (0, 6, 10):
        with pytest.raises(ValueError, match="multiple of 4"):
            saddle_stitch_order(wrong)


@needs_poppler
def test_a_booklet_of_8_pages_prints_in_saddle_stitch_order(tmp_path: Path) -> None:
    path = write(tmp_path, "booklet.pdf", impose_saddle_stitch(numbered(8, A5), A4))
    assert [text_rows(path, side) for side in range(1, 5)] == [[[8, 1]], [[2, 7]], [[6, 3]], [[4, 5]]]
    for boxes in page_boxes(path.read_bytes()):
        assert boxes["MediaBox"] == approx_box((0, 0, A4[1], A4[0]))  # landscape, whichever way the sheet was given
    gap = (A4[1] / 2 - A5[0]) / 2  # A5 is 148 mm wide, half of A4 148.5 mm: placed unscaled, centred
    with pikepdf.open(path) as pdf:
        assert placements(pdf.pages[0]) == [pytest.approx((1, 0, 0, 1, gap, 0), abs=0.001),
                                            pytest.approx((1, 0, 0, 1, A4[1] / 2 + gap, 0), abs=0.001)]


def test_a_page_larger_than_half_a_sheet_is_scaled_to_fit_and_centred() -> None:
    data = impose_saddle_stitch(numbered(4, A4), A4)
    half = A4[1] / 2  # half an A4 sheet, landscape: 148.5 × 210 mm
    scale = min(half / A4[0], A4[0] / A4[1])  # the page's height decides, by a hair
    side_gap, top_gap = (half - scale * A4[0]) / 2, (A4[0] - scale * A4[1]) / 2
    with pikepdf.open(io.BytesIO(data)) as pdf:
        left, right = placements(pdf.pages[0])
    assert scale == pytest.approx(A4[0] / A4[1]) and side_gap > 0
    assert left == pytest.approx((scale, 0, 0, scale, side_gap, top_gap), abs=0.001)
    assert right == pytest.approx((scale, 0, 0, scale, half + side_gap, top_gap), abs=0.001)


def test_a_booklet_of_print_ready_pages_shows_each_page_trimmed() -> None:
    data = impose_saddle_stitch(print_ready(numbered(4, A5, BLEED_3MM), BLEED_3MM), A4)
    gap = (A4[1] / 2 - A5[0]) / 2
    with pikepdf.open(io.BytesIO(data)) as pdf:
        left, _ = placements(pdf.pages[0])
        form = pdf.pages[0].Resources.XObject["/Page1"]  # the left page, 4
        assert tuple(float(v) for v in form.BBox) == approx_box((BLEED_3MM, BLEED_3MM, BLEED_3MM + A5[0],
                                                                 BLEED_3MM + A5[1]))  # the trim: no bleed, no marks
    assert left == pytest.approx((1, 0, 0, 1, gap - BLEED_3MM, -BLEED_3MM), abs=0.001)


def test_a_page_count_not_a_multiple_of_4_is_refused() -> None:
    with pytest.raises(ValueError, match=r"multiple of 4 .* has 6: add blank pages to make it 8"):
        impose_saddle_stitch(numbered(6, A5), A4)


def test_rotate_backs_turns_every_second_side_for_long_edge_printers() -> None:
    data = impose_saddle_stitch(numbered(8, A5), A4, rotate_backs=True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        turns = [placements(page)[0] for page in pdf.pages]
    half_turn = pytest.approx((-1, 0, 0, -1, A4[1], A4[0]), abs=0.001)
    assert [turn == half_turn for turn in turns] == [False, True, False, True]


@needs_poppler
def test_a_tagged_input_imposes_into_an_untagged_print_file(tmp_path: Path) -> None:
    source = tagged(numbered(4, A5))
    with pikepdf.open(io.BytesIO(source)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
    path = write(tmp_path, "booklet.pdf", impose_saddle_stitch(source, A4))
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and len(pdf.pages) == 2
    assert text_rows(path, 1) == [[4, 1]]


# cards n-up


@needs_poppler
def test_ten_cards_fill_an_a4_sheet_in_reading_order(tmp_path: Path) -> None:
    path = write(tmp_path, "cards.pdf", n_up(numbered(10, CARD), A4, CARD, columns=2, rows=5))
    assert text_rows(path, 1) == [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]
    left, top = (A4[0] - 2 * CARD[0]) / 2, (A4[1] + 5 * CARD[1]) / 2
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 1
        first, second = placements(pdf.pages[0])[:2]
    assert first == pytest.approx((1, 0, 0, 1, left, top - CARD[1]), abs=0.001)
    assert second == pytest.approx((1, 0, 0, 1, left + CARD[0], top - CARD[1]), abs=0.001)


@needs_poppler
def test_a_sheet_of_backs_is_mirrored_so_each_back_lands_behind_its_front(tmp_path: Path) -> None:
    path = write(tmp_path, "backs.pdf", n_up(numbered(10, CARD), A4, CARD, 2, 5, backs=True))
    assert text_rows(path, 1) == [[2, 1], [4, 3], [6, 5], [8, 7], [10, 9]]  # card 1's back at the first row's right
    fronts, backs = card_slots(A4, CARD, 2, 3, gutter=4), card_slots(A4, CARD, 2, 3, gutter=4, backs=True)
    for front, back in zip(fronts, backs, strict=True):  # turned about the sheet's vertical axis, they coincide
        assert back == pytest.approx((A4[0] - front[2], front[1], A4[0] - front[0], front[3]))


@needs_poppler
def test_cards_continue_on_a_second_sheet(tmp_path: Path) -> None:
    path = write(tmp_path, "cards.pdf", n_up(numbered(12, CARD), A4, CARD, 2, 5))
    assert text_rows(path, 2) == [[11, 12]]


@pytest.mark.parametrize("gutter", [0, 2 * MM])
def test_card_marks_are_in_the_margins_and_never_cross_a_card(gutter: float) -> None:
    data = n_up(numbered(10, CARD), A4, CARD, 2, 5, gutter=gutter)
    slots = card_slots(A4, CARD, 2, 5, gutter)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        marks = [segment for segment, _ in strokes(pdf.pages[0])]
    cuts_x = {round(edge, 2) for slot in slots for edge in (slot[0], slot[2])}
    cuts_y = {round(edge, 2) for slot in slots for edge in (slot[1], slot[3])}
    assert len(marks) == 2 * len(cuts_x) + 2 * len(cuts_y)  # each cut line marked at both ends
    for segment in marks:
        assert not any(overlaps(inked(segment), slot) for slot in slots)
        assert within(inked(segment), (0, 0, *A4))
        x0, y0, x1, y1 = segment
        assert round(x0, 2) in cuts_x if x0 == x1 else round(y0, 2) in cuts_y
        assert 0 < abs(x1 - x0) + abs(y1 - y0) <= MARK_LENGTH + 0.01


def test_a_grid_too_big_for_the_sheet_is_refused() -> None:
    with pytest.raises(ValueError, match="need"):
        n_up(numbered(1, CARD), A4, CARD, 3, 5)


@needs_poppler
def test_duplex_cards_interleave_fronts_and_mirrored_backs(tmp_path: Path) -> None:
    path = write(tmp_path, "duplex.pdf", duplex_cards(numbered(12, CARD), numbered(12, CARD, first=101), A4, CARD,
                                                      2, 5))
    assert [text_rows(path, n)[0] for n in range(1, 5)] == [[1, 2], [102, 101], [11, 12], [112, 111]]
    with pytest.raises(ValueError, match="12 card fronts and 11 backs"):
        duplex_cards(numbered(12, CARD), numbered(11, CARD), A4, CARD, 2, 5)


# determinism


def test_the_same_input_gives_the_same_bytes() -> None:
    booklet, cards = numbered(8, A5), numbered(10, CARD)
    bled = tagged(numbered(1, A5, BLEED_3MM))
    assert print_ready(bled, BLEED_3MM) == print_ready(bled, BLEED_3MM)
    assert impose_saddle_stitch(booklet, A4) == impose_saddle_stitch(booklet, A4)
    assert n_up(cards, A4, CARD, 2, 5, backs=True) == n_up(cards, A4, CARD, 2, 5, backs=True)
