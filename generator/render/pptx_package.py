"""Finish a PPTX package: only the pack's own metadata, nothing inherited, the same bytes for the same deck.

python-pptx starts every deck from its default template, which carries its
author's name ("last modified by"), a 4:3 thumbnail, an Apple print ticket
and application properties claiming "Microsoft Macintosh PowerPoint" with no
slides. None of that is the pack's, and for the organisations briefpack
serves, metadata about a person is a risk. The finished package keeps the
slides and writes ``docProps/core.xml`` and ``docProps/app.xml`` from the
pack alone: title, subject, publisher, keywords, language and date.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from generator.document import Meta

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Parts of the default template that describe its author's machine, not the deck.
_DROPPED = re.compile(r"^(docProps/thumbnail\.jpeg|ppt/printerSettings/[^/]+)$")
_DROPPED_REL = re.compile(r'<Relationship [^>]*Target="(?:/?docProps/thumbnail\.jpeg|printerSettings/[^"]+)"/>')


def _core_xml(meta: Meta) -> str:
    moment = f"{meta.date.isoformat()}T00:00:00Z"
    keywords = escape(", ".join(meta.keywords))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(meta.title)}</dc:title><dc:subject>{escape(meta.subject)}</dc:subject>"
        f"<dc:creator>{escape(meta.author)}</dc:creator><cp:keywords>{keywords}</cp:keywords>"
        f"<cp:lastModifiedBy>{escape(meta.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
        f"<dc:language>{escape(meta.language)}</dc:language></cp:coreProperties>"
    )


def _app_xml(meta: Meta, slides: int) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>briefpack</Application><PresentationFormat>On-screen Show (16:9)</PresentationFormat>"
        f"<Slides>{slides}</Slides><Notes>{slides}</Notes><HiddenSlides>0</HiddenSlides>"
        f"<Company>{escape(meta.author)}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
    )


def finish_package(data: bytes, meta: Meta, slides: int) -> bytes:
    """Return the saved package with the pack's own properties, the template's leftovers dropped, fixed times."""
    source = zipfile.ZipFile(io.BytesIO(data))
    replaced = {"docProps/core.xml": _core_xml(meta).encode("utf-8"),
                "docProps/app.xml": _app_xml(meta, slides).encode("utf-8")}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if _DROPPED.match(name):
                continue
            body = replaced.get(name) or source.read(name)
            if name.endswith(".rels"):
                body = _DROPPED_REL.sub("", body.decode("utf-8")).encode("utf-8")
            elif name == "[Content_Types].xml":
                body = re.sub(r'<Override PartName="/(?:docProps/thumbnail\.jpeg|ppt/printerSettings/[^"]+)"[^>]*/>',
                              "", body.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, body)
    return out.getvalue()
