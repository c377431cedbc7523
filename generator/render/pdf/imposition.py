"""Print-shop primitives, from PDF bytes to PDF bytes: trim and bleed boxes with crop marks, booklets, cards n-up.

The print outputs (an A5 booklet, a trifold leaflet, pocket cards) are drawn
page by page like every other PDF; these functions turn the finished file into
what a print shop or an office printer wants. They work with pikepdf on the
finished bytes, so they need nothing from the renderer: ``print_ready`` adds
boxes and marks to a tagged file without touching its content or its structure
tree; the imposed files (``impose_saddle_stitch``, ``n_up``) are new, untagged,
print-only files whose sheets show the pages as form XObjects. All values are
in points; the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

Box = tuple[float, float, float, float]  # (left, bottom, right, top), in points

POINTS_PER_MM = 72 / 25.4
BLEED_3MM = 3 * POINTS_PER_MM  # the bleed print shops ask for: backgrounds run 3 mm past the trim
MARK_LENGTH = 5 * POINTS_PER_MM  # long enough to lay a ruler on, short enough to fit a 7 mm margin
MARK_OFFSET = 2 * POINTS_PER_MM  # the gap between the bleed and a mark: a sheet that shifts a little keeps it clear
MARK_WIDTH = 0.25  # points: the hairline crop marks are conventionally drawn at
BOX_NAMES = ("MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox")
# What a box left out defaults to (ISO 32000 14.11.2).
BOX_DEFAULTS = {"CropBox": "MediaBox", "BleedBox": "CropBox", "TrimBox": "CropBox", "ArtBox": "CropBox"}
SIDES_PER_SHEET = 2  # a booklet sheet is printed on both sides …
PAGES_PER_SIDE = 2  # … with two pages on each
PAGES_PER_SHEET = SIDES_PER_SHEET * PAGES_PER_SIDE
# Crop marks are "page artifacts" (ISO 32000 14.8.2.2: production aids such as cut marks): a screen reader skips them.
ARTIFACT_BEGIN = b"/Artifact <</Type /Page>> BDC\n"
ARTIFACT_END = b"EMC\n"
DECIMALS = 6  # in numbers written into a content stream: fixed, so the same input gives the same bytes


def page_boxes(data: bytes) -> list[dict[str, Box]]:
    """Return every page's five boxes, with the defaults the PDF standard gives those a page leaves out.

    Tests and print outputs read the boxes back through this one function, so
    the fallbacks (CropBox from MediaBox, the others from CropBox) live here once.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [_boxes(page) for page in pdf.pages]


def print_ready(data: bytes, bleed: float, marks: bool = True, mark_length: float = MARK_LENGTH,
                mark_offset: float = MARK_OFFSET) -> bytes:
    """Return ``data`` with trim and bleed boxes on every page and, when ``marks``, crop marks outside the bleed.

    Each page is drawn at bleed size: its MediaBox is the trim grown by
    ``bleed`` on every side. The page keeps its coordinates: the MediaBox
    (and the CropBox, equal to it) grows outwards around the drawing instead
    of the drawing moving, so the content stream, the marked-content
    sequences, the link rectangles and the structure tree stay as they were.
    The marks (``mark_length`` long, starting ``mark_offset`` beyond the
    bleed, along each trim edge at each corner) are appended as one
    ``/Artifact`` sequence, so a tagged file stays valid PDF/UA.
    """
    import pikepdf

    if bleed < 0 or mark_length < 0 or mark_offset < 0:
        raise ValueError(f"bleed, mark length and mark offset must not be negative (got {bleed}, {mark_length}, "
                         f"{mark_offset})")
    pdf = pikepdf.open(io.BytesIO(data))
    for number, page in enumerate(pdf.pages, start=1):
        left, bottom, right, top = _boxes(page)["MediaBox"]
        if right - left <= 2 * bleed or top - bottom <= 2 * bleed:
            raise ValueError(f"page {number} ({right - left:.2f} × {top - bottom:.2f} pt) is too small for a "
                             f"bleed of {bleed:.2f} pt on every side")
        trim = (left + bleed, bottom + bleed, right - bleed, top - bleed)
        margin = mark_offset + mark_length if marks else 0.0
        media = (left - margin, bottom - margin, right + margin, top + margin)
        page.obj.TrimBox = _array(trim)
        page.obj.BleedBox = _array((left, bottom, right, top))
        page.obj.MediaBox = _array(media)
        page.obj.CropBox = _array(media)
        if marks:
            # The drawing goes in q … Q: whatever state it leaves (a transform, a colour) cannot move the marks.
            lines = _stroke(crop_marks(trim, bleed, mark_length, mark_offset))
            page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q\n" + ARTIFACT_BEGIN + lines + ARTIFACT_END))
    return _save(pdf)


def crop_marks(trim: Box, bleed: float, length: float = MARK_LENGTH, offset: float = MARK_OFFSET) -> list[Box]:
    """Return the eight crop-mark segments (x0, y0, x1, y1) of a trim box: two per corner, outside the bleed.

    Each mark continues a trim edge outwards, so a cutter lines a blade up
    with the two marks of one edge; it starts ``offset`` beyond the bleed, so
    no mark ever falls inside the area a background may cover.
    """
    left, bottom, right, top = trim
    near, far = bleed + offset, bleed + offset + length
    segments: list[Box] = []
    for x, outward_x in ((left, -1), (right, 1)):
        for y, outward_y in ((bottom, -1), (top, 1)):
            segments.append((x + outward_x * near, y, x + outward_x * far, y))  # continues the horizontal edge
            segments.append((x, y + outward_y * near, x, y + outward_y * far))  # continues the vertical edge
    return segments


def saddle_stitch_order(count: int) -> list[tuple[int, int]]:
    """Return the (left, right) page numbers, from 1, of each sheet side of a saddle-stitched booklet, in print order.

    Sheet k's first side holds the k-th page from the end and the k-th from
    the start; its second side the next pair inwards, mirrored. Folded and
    nested, the sheets then read 1 … ``count``. For 8 pages: (8, 1), (2, 7),
    (6, 3), (4, 5).
    """
    if count <= 0 or count % PAGES_PER_SHEET:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of {PAGES_PER_SHEET} pages (each sheet folds "
                         f"into {PAGES_PER_SHEET}); this one has {count}: add blank pages to make it "
                         f"{max(PAGES_PER_SHEET, -(-count // PAGES_PER_SHEET) * PAGES_PER_SHEET)}")
    sides: list[tuple[int, int]] = []
    for sheet in range(count // PAGES_PER_SHEET):
        outer = 2 * sheet + 1  # the sheet's first page from the front
        sides.append((count + 1 - outer, outer))
        sides.append((outer + 1, count - outer))
    return sides


def impose_saddle_stitch(data: bytes, sheet: tuple[float, float], rotate_backs: bool = False) -> bytes:
    """Return ``data``'s pages imposed 2-up for a booklet: print both sides, flip on the short edge, fold, staple.

    ``sheet`` is the paper in either orientation; the sides are landscape.
    Each page is scaled to fit its half of a side, centred, aspect kept (an
    A5 page, 148 mm wide, sits unscaled in A4's 148.5 mm half); its TrimBox, when it has one, is what is
    shown, so a ``print_ready`` page loses its bleed and marks here. The
    result is a new, print-only file: not tagged, no links, no outline; the
    input's StructTreeRoot is not carried over, so a tagged input is fine.

    Duplex convention: with both sides in the same landscape orientation,
    "flip on short edge" turns the sheet over about its vertical axis, so
    the second side comes out the same way up as the first and needs no
    rotation (Acrobat's booklet printing relies on the same setting);
    ``rotate_backs`` turns every second side 180° for a printer that can
    only flip on the long edge, which would otherwise print those upside down.
    """
    import pikepdf

    width, height = max(sheet), min(sheet)
    half = width / 2
    source = pikepdf.open(io.BytesIO(data))
    order = saddle_stitch_order(len(source.pages))
    out = pikepdf.new()
    forms = [out.copy_foreign(page.as_form_xobject()) for page in source.pages]
    for index, (left, right) in enumerate(order):
        slots = [(forms[left - 1], (0.0, 0.0, half, height)), (forms[right - 1], (half, 0.0, width, height))]
        # The second side of each sheet is the one a long-edge flip would turn upside down.
        turn = (width, height) if rotate_backs and index % SIDES_PER_SHEET else None
        _add_sheet(out, (width, height), slots, turn, b"")
    keep_metadata(source, out)
    return _save(out)


def card_slots(sheet: tuple[float, float], card: tuple[float, float], columns: int, rows: int,
               gutter: float = 0, backs: bool = False) -> list[Box]:
    """Return where each card of a sheet goes, in reading order (top row first, left to right).

    The grid of ``columns`` × ``rows`` cards, ``gutter`` apart, is centred on
    the sheet. For ``backs`` each row is mirrored left to right: printed on
    the other side with the sheet turned about its vertical axis (a long-edge
    flip for a portrait sheet, a short-edge flip for a landscape one), card
    k's back then lands behind card k's front, since the grid is centred.
    """
    sheet_width, sheet_height = sheet
    card_width, card_height = card
    if columns < 1 or rows < 1 or gutter < 0:
        raise ValueError(f"a card sheet needs at least one column and row and no negative gutter (got {columns} × "
                         f"{rows}, gutter {gutter})")
    grid_width = columns * card_width + (columns - 1) * gutter
    grid_height = rows * card_height + (rows - 1) * gutter
    if grid_width > sheet_width or grid_height > sheet_height:
        raise ValueError(f"{columns} × {rows} cards of {card_width:.2f} × {card_height:.2f} pt with a {gutter:.2f} pt "
                         f"gutter need {grid_width:.2f} × {grid_height:.2f} pt; the sheet is "
                         f"{sheet_width:.2f} × {sheet_height:.2f} pt")
    left = (sheet_width - grid_width) / 2
    top = (sheet_height + grid_height) / 2
    slots: list[Box] = []
    for row in range(rows):
        for column in range(columns):
            placed = columns - 1 - column if backs else column
            x = left + placed * (card_width + gutter)
            y = top - (row + 1) * card_height - row * gutter
            slots.append((x, y, x + card_width, y + card_height))
    return slots


def n_up(data: bytes, sheet: tuple[float, float], card: tuple[float, float], columns: int, rows: int,
         gutter: float = 0, marks: bool = True, backs: bool = False, mark_length: float = MARK_LENGTH,
         mark_offset: float = MARK_OFFSET) -> bytes:
    """Return ``data``'s pages (cards) placed ``columns`` × ``rows`` to a sheet, with crop marks in the margins.

    Pages fill a sheet in reading order, then the next sheet begins; the last
    may be part-filled. A page is scaled to fit its card, centred, aspect
    kept (a page at card size is placed as it is; a TrimBox, when present,
    is what is shown). ``backs`` mirrors each row for the cards' backs (see
    ``card_slots`` for the duplex convention). The marks continue every cut
    line outside the grid, where a guillotine needs them: they start
    ``mark_offset`` from the grid, are ``mark_length`` long or as long as the
    margin allows, and never cross a card. Like ``impose_saddle_stitch``, the
    result is a new, untagged, print-only file: the input's structure is dropped.
    """
    import pikepdf

    slots = card_slots(sheet, card, columns, rows, gutter, backs)
    source = pikepdf.open(io.BytesIO(data))
    if not source.pages:
        raise ValueError("there are no cards to place: the file has no pages")
    out = pikepdf.new()
    forms = [out.copy_foreign(page.as_form_xobject()) for page in source.pages]
    lines = _stroke(_grid_marks(sheet, slots, mark_length, mark_offset)) if marks else b""
    for start in range(0, len(forms), len(slots)):
        _add_sheet(out, sheet, list(zip(forms[start:start + len(slots)], slots, strict=False)), None, lines)
    keep_metadata(source, out)
    return _save(out)


def duplex_cards(fronts: bytes, backs: bytes, sheet: tuple[float, float], card: tuple[float, float], columns: int,
                 rows: int, gutter: float = 0, marks: bool = True) -> bytes:
    """Return one file for a duplex run: each sheet of fronts followed by its sheet of mirrored backs.

    ``fronts`` and ``backs`` hold one page per card, in the same order. Print
    it on both sides with the sheet turning about its vertical axis (see
    ``card_slots``): the stack can then go to the cutter as it comes out.
    """
    import pikepdf

    counts = (len(page_boxes(fronts)), len(page_boxes(backs)))
    if counts[0] != counts[1]:
        raise ValueError(f"there are {counts[0]} card fronts and {counts[1]} backs: give every card a front and a back")
    front_sheets = pikepdf.open(io.BytesIO(n_up(fronts, sheet, card, columns, rows, gutter, marks)))
    back_sheets = pikepdf.open(io.BytesIO(n_up(backs, sheet, card, columns, rows, gutter, marks, backs=True)))
    out = pikepdf.new()
    for front, back in zip(front_sheets.pages, back_sheets.pages, strict=True):
        out.pages.append(front)
        out.pages.append(back)
    keep_metadata(front_sheets, out)
    return _save(out)


def _grid_marks(sheet: tuple[float, float], slots: Sequence[Box], length: float, offset: float) -> list[Box]:
    """Return crop marks continuing each cut line of a card grid into the sheet's margins, cut short at its edge."""
    width, height = sheet
    left, bottom = min(s[0] for s in slots), min(s[1] for s in slots)
    right, top = max(s[2] for s in slots), max(s[3] for s in slots)

    def within(value: float, limit: float) -> float:
        return min(max(value, 0.0), limit)

    segments: list[Box] = []
    for x in sorted({edge for slot in slots for edge in (slot[0], slot[2])}):
        for start, end in ((bottom - offset, bottom - offset - length), (top + offset, top + offset + length)):
            segments.append((x, within(start, height), x, within(end, height)))
    for y in sorted({edge for slot in slots for edge in (slot[1], slot[3])}):
        for start, end in ((left - offset, left - offset - length), (right + offset, right + offset + length)):
            segments.append((within(start, width), y, within(end, width), y))
    # A margin narrower than the offset leaves no room for a mark there: its segment has shrunk to nothing.
    return [s for s in segments if _length(s) > 0]


def _length(segment: Box) -> float:
    x0, y0, x1, y1 = segment
    return abs(x1 - x0) + abs(y1 - y0)  # segments are horizontal or vertical


def _add_sheet(out: Any, size: tuple[float, float], slots: Sequence[tuple[Any, Box]], turn: tuple[float, float] | None,
               marks: bytes) -> None:
    """Append a sheet side showing each form in its slot (the whole side turned 180° when ``turn``), then marks."""
    import pikepdf

    page = out.add_blank_page(page_size=size)
    xobjects = pikepdf.Dictionary()
    code = [b"q\n"]
    if turn is not None:
        code.append(b"-1 0 0 -1 %s %s cm\n" % (_num(turn[0]).encode(), _num(turn[1]).encode()))
    for index, (form, slot) in enumerate(slots):
        name = f"/Page{index + 1}"
        xobjects[name] = form
        code.append(b"q %s cm %s Do Q\n" % (" ".join(_num(v) for v in _fit(form, slot)).encode(), name.encode()))
    code.append(b"Q\n")
    if marks:
        code.append(marks)
    page.obj.Resources = pikepdf.Dictionary(XObject=xobjects)
    page.obj.Contents = out.make_stream(b"".join(code))


def _fit(form: Any, slot: Box) -> tuple[float, float, float, float, float, float]:
    """Return the matrix that scales a form to fit ``slot``, aspect kept and centred.

    The form's visible rectangle is its BBox seen through its own Matrix (a
    rotated page's form carries its rotation there).
    """
    a, b, c, d, e, f = (float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0]))
    x0, y0, x1, y1 = _rectangle(form.BBox)
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    left, bottom = min(p[0] for p in corners), min(p[1] for p in corners)
    width, height = max(p[0] for p in corners) - left, max(p[1] for p in corners) - bottom
    slot_width, slot_height = slot[2] - slot[0], slot[3] - slot[1]
    scale = min(slot_width / width, slot_height / height)
    dx = slot[0] + (slot_width - scale * width) / 2 - scale * left
    dy = slot[1] + (slot_height - scale * height) / 2 - scale * bottom
    return (scale, 0.0, 0.0, scale, dx, dy)


def _stroke(segments: Sequence[Box]) -> bytes:
    """Return content-stream code drawing ``segments`` as hairlines in black, its graphics state self-contained."""
    # Butt caps (0 J): a line ends exactly where its segment does, so a mark never reaches into the bleed.
    code = [b"q\n%s w 0 J 0 G [] 0 d\n" % _num(MARK_WIDTH).encode()]
    code.extend(f"{_num(x0)} {_num(y0)} m {_num(x1)} {_num(y1)} l S\n".encode() for x0, y0, x1, y1 in segments)
    code.append(b"Q\n")
    return b"".join(code)


def _boxes(page: Any) -> dict[str, Box]:
    """Return a page's five boxes, each left out one taking its default (ISO 32000 14.11.2)."""
    boxes = {"MediaBox": _rectangle(page.mediabox)}  # pikepdf reads a MediaBox inherited from the page tree
    for name in BOX_NAMES[1:]:
        value = page.obj.get("/" + name)
        boxes[name] = _rectangle(value) if value is not None else boxes[BOX_DEFAULTS[name]]
    return boxes


def _rectangle(array: Any) -> Box:
    """Return a PDF rectangle as (left, bottom, right, top), whichever corners it names."""
    x0, y0, x1, y1 = (float(v) for v in array)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _array(box: Box) -> Any:
    import pikepdf

    return pikepdf.Array([round(v, DECIMALS) for v in box])


def _num(value: float) -> str:
    """Return a number as content-stream text: six decimals (a scale off by less moves a page < 0.001 pt)."""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def keep_metadata(source: Any, out: Any) -> None:
    """Copy the document's metadata (Info and XMP), without its PDF/A and PDF/UA claims.

    A print queue then names the imposed file as it names the original, and
    nothing of the machine that made it gets in (the pack's own metadata only).
    """
    if "/Info" in source.trailer:
        for key, value in source.docinfo.items():
            out.docinfo[key] = value
    if "/Metadata" in source.Root:
        metadata = out.make_stream(_no_claims(source.Root.Metadata.read_bytes()))
        metadata.Type, metadata.Subtype = source.Root.Metadata.Type, source.Root.Metadata.Subtype
        out.Root.Metadata = metadata
    if "/Lang" in source.Root:
        out.Root.Lang = source.Root.Lang


def _no_claims(xmp: bytes) -> bytes:
    """Return XMP without the PDF/A and PDF/UA identifiers: an imposed sheet file is neither, and must not say so."""
    import re

    text = xmp.decode("utf-8")
    text = re.sub(r"\s*<pdfa?u?aid:(part|conformance)>[^<]*</pdfa?u?aid:\1>", "", text)
    text = re.sub(r"\s*<rdf:Description rdf:about=\"\"\s+xmlns:pdfaExtension=.*?</rdf:Description>", "", text,
                  flags=re.S)
    return text.encode("utf-8")


def _save(pdf: Any) -> bytes:
    """Return ``pdf`` written as finish.py writes every PDF: compressed, with an ID from its content."""
    import pikepdf

    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
