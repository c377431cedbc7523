"""What makes a finished PDF archival (PDF/A-2a) and print-ready as well as accessible (PDF/UA-1).

Each PDF is both: PDF/A-2 level A asks for the same tagged structure PDF/UA
does, plus an output intent that says what the page's RGB colours mean (sRGB,
the profile Pillow's LittleCMS builds, stamped with a fixed date so the same
input gives the same bytes), XMP that declares both identifiers (PDF/UA's
through an extension schema, as PDF/A requires of any schema it does not
predefine), a TrimBox on every page for print shops, and font subsets with
tags of their own (reportlab names every subset ``AAAAAA+``, which makes two
subsets of one font indistinguishable to a RIP).
"""

from __future__ import annotations

import hashlib
import re
import string
from functools import lru_cache
from typing import Any

SRGB = "sRGB IEC61966-2.1"
ICC_DATE = bytes.fromhex("07ea00010001000000000000")  # 2026-01-01 00:00:00, where an ICC header keeps its date
_SUBSET = re.compile(r"^/[A-Z]{6}\+")

# The PDF/A extension schema that declares PDF/UA's identifier (pdfuaid:part), as ISO 14289-1 gives it.
PDFUA_EXTENSION = (
    '  <rdf:Description rdf:about=""\n'
    '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"\n'
    '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"\n'
    '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n'
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
    "</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n"
)
PDFA_IDENTIFICATION = "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>A</pdfaid:conformance>\n"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """Return the bytes of an sRGB ICC profile, the same every time (its header's date fixed)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = ICC_DATE  # the profile carries no MD5 ID (bytes 84–99 are zero), so nothing else changes
    return bytes(data)


def make_archival(pdf: Any) -> None:
    """Give ``pdf`` (an open pikepdf document) its output intent, TrimBoxes and unique subset tags."""
    _output_intent(pdf)
    _trim_boxes(pdf)
    _unique_subset_tags(pdf)


def streams_ending_in_cr(pdf: Any) -> int:
    """Rewrite each stream whose compressed bytes end in a carriage return; return how many it rewrote.

    The writer puts an end-of-line before ``endstream``; after a final CR a
    reader sees CR LF, one byte too few, and PDF/A validators report the
    stream's /Length as wrong. A Flate stream ends in the checksum of its
    data, so only other data ends otherwise: text (a page's content, a form,
    a ToUnicode CMap) gets a final newline, white space between its
    operators; binary data (a font, an image) a final zero byte, which its
    readers ignore as they read a font's tables by offset and an image's rows
    by count (a font's /Length1 grows with it). Compressed again when saved.
    """
    import pikepdf

    contents = {obj.objgen for page in pdf.pages for obj in _contents(page.obj)}
    found = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Filter") != pikepdf.Name.FlateDecode:
            continue
        if obj.get("/Type") in (pikepdf.Name.ObjStm, pikepdf.Name.XRef):  # made anew by each save
            continue
        if not obj.read_raw_bytes().endswith(b"\r"):
            continue
        data = obj.read_bytes()
        text = obj.objgen in contents or obj.get("/Subtype") == pikepdf.Name.Form or b"begincmap" in data[:400]
        obj.write(data + (b"\n" if text else b"\0"), filter=None)
        if "/DecodeParms" in obj:
            del obj["/DecodeParms"]
        if "/Length1" in obj:
            obj.Length1 = len(data) + 1
        found += 1
    return found


def _contents(page: Any) -> list[Any]:
    """Return a page's content streams."""
    import pikepdf

    contents = page.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        return list(contents)
    return [contents] if contents is not None else []


def _output_intent(pdf: Any) -> None:
    import pikepdf

    profile = pdf.make_stream(srgb_profile())
    profile.N = 3
    intent = pikepdf.Dictionary(Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
                                OutputConditionIdentifier=pikepdf.String(SRGB), Info=pikepdf.String(SRGB),
                                RegistryName=pikepdf.String("http://www.color.org"), DestOutputProfile=profile)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _trim_boxes(pdf: Any) -> None:
    """Give every page a TrimBox: where the paper is cut, here its whole size (no bleed) unless already set."""
    for page in pdf.pages:
        if "/TrimBox" not in page.obj:
            page.obj.TrimBox = page.obj.MediaBox


def _unique_subset_tags(pdf: Any) -> None:
    """Name each font subset with a tag made from its own glyphs (six capitals), the same for the same subset."""
    import pikepdf

    renamed: dict[tuple[int, int], str] = {}
    for page in pdf.pages:
        for font in page.obj.get("/Resources", {}).get("/Font", {}).values():
            if font.objgen in renamed:
                continue
            base = str(font.get("/BaseFont", ""))
            descriptor = font.get("/FontDescriptor")
            if not _SUBSET.match(base) or descriptor is None:
                continue
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3") or descriptor.get("/FontFile")
            digest = hashlib.sha256(base.encode() + (program.read_raw_bytes() if program is not None else b""))
            tag = "".join(string.ascii_uppercase[byte % 26] for byte in digest.digest()[:6])
            name = pikepdf.Name("/" + tag + base[7:])
            font.BaseFont = name
            descriptor.FontName = name
            renamed[font.objgen] = str(name)
