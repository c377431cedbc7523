"""Inks for a print shop's file: black text in one ink, and (on request) every colour in CMYK.

A printing press separates a page into cyan, magenta, yellow and black
plates. Text drawn in an RGB near-black (the themes' ``#1A1A1A``) separates
into all four: on a press that registers a hair off, small type blurs.
``one_ink_black`` rewrites every neutral dark RGB colour (red, green and
blue equal, each at most ``NEAR_BLACK``) as DeviceGray black, which every
separation puts on the black plate alone, and every other grey (muted text,
rules) as a DeviceGray tint, on that plate too. The page looks the same, its
text a shade darker; DeviceGray keeps the file PDF/A (it has an output intent).

A theme with ``print_colours: cmyk`` goes further: ``cmyk_colours`` writes
every RGB colour the page draws in DeviceCMYK, converted without a colour
profile (K = 1 − max(R, G, B), then C, M, Y from what is left; a grey is K
alone). This is a device conversion, not a colour-managed one: a print shop
proofs it. PDF/A-2 allows DeviceCMYK only under a CMYK output intent, which
would need a press profile briefpack cannot ship; so a CMYK file keeps its
PDF/UA tagging but drops its PDF/A claim (``archival.without_pdfa``). Images
(a logo) stay RGB: a print shop's workflow converts those.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

NEAR_BLACK = 0.2  # an RGB grey this dark or darker is black text's colour: one ink
FILL_RGB, STROKE_RGB = "rg", "RG"

Rewrite = Callable[[str, list[float]], tuple[str, list[float]] | None]


def one_ink_black(data: bytes) -> bytes:
    """Return ``data`` with near-black RGB drawn as DeviceGray black, and other greys as DeviceGray tints."""
    return _rewrite_colours(data, _neutral_to_gray)


def cmyk_colours(data: bytes) -> bytes:
    """Return ``data`` with every RGB colour drawn as its DeviceCMYK equivalent (near-black as K alone)."""
    return _rewrite_colours(data, _rgb_to_cmyk)


def rgb_to_cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """Return the device CMYK of an RGB colour (0–1 each): black from the darkest channel, the rest from what is left.

    A neutral colour (red = green = blue) is black ink alone; near-black
    (each channel ≤ ``NEAR_BLACK``) is solid black, as ``one_ink_black`` prints it.
    """
    if red == green == blue and red <= NEAR_BLACK:
        return 0.0, 0.0, 0.0, 1.0
    black = 1 - max(red, green, blue)
    if black >= 1:
        return 0.0, 0.0, 0.0, 1.0
    rest = 1 - black
    return ((rest - red) / rest, (rest - green) / rest, (rest - blue) / rest, black)


def _neutral_to_gray(operator: str, operands: list[float]) -> tuple[str, list[float]] | None:
    red, green, blue = operands
    if red == green == blue:
        return ("g" if operator == FILL_RGB else "G"), [0.0 if red <= NEAR_BLACK else red]
    return None


def _rgb_to_cmyk(operator: str, operands: list[float]) -> tuple[str, list[float]] | None:
    return ("k" if operator == FILL_RGB else "K"), [round(v, 4) for v in rgb_to_cmyk(*operands)]


def _rewrite_colours(data: bytes, rewrite: Rewrite) -> bytes:
    """Return ``data`` with each page's (and form's) ``rg``/``RG`` operators passed through ``rewrite``."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        _rewrite_stream_of(pdf, page.obj, rewrite, seen, is_page=True)
        for xobject in _forms(page.obj):
            _rewrite_stream_of(pdf, xobject, rewrite, seen, is_page=False)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _forms(owner: Any) -> list[Any]:
    """Return the form XObjects ``owner`` (a page or form) draws, and theirs, depth first."""
    import pikepdf

    found = []
    resources = owner.get("/Resources", {})
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == pikepdf.Name.Form:
            found.append(xobject)
            found.extend(_forms(xobject))
    return found


def _rewrite_stream_of(pdf: Any, owner: Any, rewrite: Rewrite, seen: set[tuple[int, int]], is_page: bool) -> None:
    import pikepdf

    if owner.objgen in seen and owner.objgen != (0, 0):
        return
    seen.add(owner.objgen)
    target = pikepdf.Page(owner) if is_page else owner
    instructions = pikepdf.parse_content_stream(target)
    changed = False
    out: list[Any] = []
    for item in instructions:
        operator = str(item.operator)
        if operator in (FILL_RGB, STROKE_RGB) and len(item.operands) == 3:
            new = rewrite(operator, [float(v) for v in item.operands])
            if new is not None:
                out.append(pikepdf.ContentStreamInstruction(new[1], pikepdf.Operator(new[0])))
                changed = True
                continue
        out.append(item)
    if not changed:
        return
    content = pikepdf.unparse_content_stream(out)
    if is_page:
        owner.Contents = pdf.make_stream(content)
    else:
        owner.write(content)


def for_press(data: bytes, print_colours: str) -> bytes:
    """Return a print shop's file with its inks set: black text on one plate; with "cmyk", every colour in CMYK.

    A CMYK file says it is PDF/UA only (see the module's docstring).
    """
    from generator.render.pdf.finish import without_cr_endings

    if print_colours == "cmyk":
        return without_cr_endings(_without_pdfa(cmyk_colours(data)))
    return without_cr_endings(one_ink_black(data))


def _without_pdfa(data: bytes) -> bytes:
    """Return ``data`` without its PDF/A identification and sRGB output intent (its PDF/UA claim kept)."""
    import re

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    if "/OutputIntents" in pdf.Root:
        del pdf.Root["/OutputIntents"]
    if "/Metadata" in pdf.Root:
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        xmp = re.sub(r"\s*<pdfaid:(part|conformance)>[^<]*</pdfaid:\1>", "", xmp)
        pdf.Root.Metadata.write(xmp.encode("utf-8"))
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
