"""Tagged PDF, after reportlab has written the file: the structure tree and the metadata PDF/UA asks for.

With pikepdf: the structure tree and parent tree from the ``Tagger``, the link
annotations' place in it and their descriptions, XMP metadata (dc:title,
pdfuaid:part 1, pdfaid:part 2 A), ``/MarkInfo``, ``/Tabs /S`` and
``DisplayDocTitle``; font ToUnicode maps lose the U+0000 entries reportlab
writes for unused codes; and ``archival`` adds what PDF/A-2a and print shops
ask (output intent, TrimBox, unique subset tags).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from generator.render.pdf.archival import PDFA_IDENTIFICATION, PDFUA_EXTENSION, make_archival, streams_ending_in_cr
from generator.render.pdf.structure import Element, Marked, Tagger


@dataclass(frozen=True)
class DocumentInfo:
    """What the finished PDF says about itself: title, language, author, subject, keywords, date."""

    title: str
    language: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    date: str = ""  # ISO 8601, e.g. 2026-11-28T00:00:00Z


def finish_tagged_pdf(data: bytes, tagger: Tagger, info: DocumentInfo) -> bytes:
    """Return ``data`` (as reportlab wrote it) made a tagged PDF/UA-1 and PDF/A-2a document from ``tagger``'s tree."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    _structure(pdf, tagger, info.language)
    _catalog(pdf, info)
    _clean_to_unicode(pdf)
    make_archival(pdf)
    return without_cr_endings(_saved(pdf))


def without_cr_endings(data: bytes) -> bytes:
    """Return ``data`` with no compressed stream ending in a carriage return (see ``archival``), as saved.

    Streams are compressed when saved, so they are looked at as written: a
    page's stream is rewritten; an object stream (made when saving) cannot be,
    so a file whose object stream ends so is saved linearised (its objects
    grouped otherwise), else, as a last resort, without object streams.
    """
    import pikepdf

    for _ in range(3):
        if CR_BEFORE_ENDSTREAM not in data:
            return data
        written = pikepdf.open(io.BytesIO(data))
        if not streams_ending_in_cr(written):
            data = _saved(written, linearize=True)
            return data if CR_BEFORE_ENDSTREAM not in data else _saved(written, object_streams=False)
        data = _saved(written)
    return data


CR_BEFORE_ENDSTREAM = b"\r\nendstream"  # data ending in CR, then the writer's own end of line


def _saved(pdf: Any, object_streams: bool = True, linearize: bool = False) -> bytes:
    import pikepdf

    out = io.BytesIO()
    mode = pikepdf.ObjectStreamMode.generate if object_streams else pikepdf.ObjectStreamMode.disable
    pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=mode, linearize=linearize)
    return out.getvalue()


def _annotation_description(annotation: Any, destination: str, tagger: Tagger) -> str:
    """Return what a link does, in words, for its /Contents (screen readers announce it)."""
    action = annotation.get("/A")
    if action is not None and action.get("/S") == "/URI":
        return f"Link to {action.get('/URI')}"
    if destination in tagger.link_descriptions:
        return tagger.link_descriptions[destination]
    if destination.startswith("src-"):
        return f"Go to source {destination.removeprefix('src-')} in the sources list"
    text = tagger.link_texts.get(destination)
    return f"Go to {text}" if text else "Go to a section of this document"


def _structure(pdf: Any, tagger: Tagger, language: str) -> None:
    """Write the structure tree, the parent tree and the annotations' place in it."""
    import pikepdf

    pages = list(pdf.pages)
    mcid_owners: dict[int, dict[int, Any]] = {}
    annotation_owners: list[tuple[Any, Any]] = []
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))

    def build(element: Element, parent: Any) -> Any:
        node = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + element.role),
                                                    P=parent))
        first_page = next((kid.page for kid in element.kids if isinstance(kid, Marked)), None)
        if first_page is not None:
            node.Pg = pages[first_page].obj
        for key, value in element.attrs.items():
            if key.startswith("_"):
                continue
            if key == "Scope":
                node.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name("/" + value))
            else:
                node[pikepdf.Name("/" + key)] = pikepdf.String(str(value))
        kids = pikepdf.Array()
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(build(kid, node))
            elif isinstance(kid, Marked):
                mcid_owners.setdefault(kid.page, {})[kid.mcid] = node
                if kid.page == first_page:
                    kids.append(kid.mcid)
                else:
                    kids.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[kid.page].obj, MCID=kid.mcid))
            else:
                annotation = pages[kid.page].obj.Annots[kid.index]
                destination = tagger.link_targets.get((kid.page, kid.index), "")
                owner = node if element.role == "Link" else _link_for(pdf, destination, node, kids)
                reference = pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annotation, Pg=pages[kid.page].obj)
                if owner is node:
                    kids.append(reference)
                else:
                    owner.K = pikepdf.Array([reference])
                annotation_owners.append((annotation, owner))
                annotation.Contents = pikepdf.String(_annotation_description(annotation, destination, tagger))
        node.K = kids
        return node

    document = build(tagger.root, root)
    document.Lang = pikepdf.String(language)
    root.K = pikepdf.Array([document])
    numbers = pikepdf.Array()
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        owners = mcid_owners.get(index, {})
        numbers.append(index)
        numbers.append(pdf.make_indirect(pikepdf.Array([owners[m] for m in sorted(owners)])))
        page.obj.Tabs = pikepdf.Name.S
        for annotation in page.obj.get("/Annots", ()):
            annotation.F = 4  # Print: a link's annotation is part of the page on paper too (PDF/A asks it)
    key = len(pages)
    for annotation, owner in annotation_owners:
        annotation.StructParent = key
        numbers.append(key)
        numbers.append(owner)
        key += 1
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=numbers))
    root.ParentTreeNextKey = key
    pdf.Root.StructTreeRoot = root


def _link_for(pdf: Any, destination: str, parent: Any, kids: Any) -> Any:
    """Add a Link element for an annotation found in a paragraph; a citation link sits in a Reference."""
    import pikepdf

    citation = destination.startswith("src-")
    holder = parent
    if citation:
        holder = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Reference,
                                                      P=parent))
        kids.append(holder)
    link = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Link, P=holder))
    if citation:
        holder.K = pikepdf.Array([link])
    else:
        kids.append(link)
    return link


def _catalog(pdf: Any, info: DocumentInfo) -> None:
    """Add what PDF/UA asks of the catalog: marked, language, title shown, XMP with the PDF/UA identifier."""
    import pikepdf

    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(info.language)
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    metadata = pdf.make_stream(_xmp(info).encode("utf-8"))
    metadata.Type = pikepdf.Name.Metadata
    metadata.Subtype = pikepdf.Name.XML
    pdf.Root.Metadata = metadata


def _xmp(info: DocumentInfo) -> str:
    def text(value: str) -> str:
        return escape(value)

    keywords = ", ".join(info.keywords)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>\n'
        f'   <dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>\n'
        f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li></rdf:Alt>'
        '</dc:description>\n'
        f'   <dc:language><rdf:Bag><rdf:li>{text(info.language)}</rdf:li></rdf:Bag></dc:language>\n'
        f'   <pdf:Keywords>{text(keywords)}</pdf:Keywords>\n'
        '   <pdf:Producer>briefpack</pdf:Producer>\n'
        '   <xmp:CreatorTool>briefpack</xmp:CreatorTool>\n'
        f'   <xmp:CreateDate>{info.date}</xmp:CreateDate>\n'
        f'   <xmp:ModifyDate>{info.date}</xmp:ModifyDate>\n'
        '   <pdfuaid:part>1</pdfuaid:part>\n'
        f'{PDFA_IDENTIFICATION}'
        '  </rdf:Description>\n'
        f'{PDFUA_EXTENSION}'
        ' </rdf:RDF>\n'
        '</x:xmpmeta>\n'
        '<?xpacket end="w"?>'
    )


_UNMAPPED = re.compile(rb"<[0-9A-Fa-f]+> <0000>\r?\n")


def _clean_to_unicode(pdf: Any) -> None:
    """Drop ToUnicode entries that map a code to U+0000 (reportlab maps unused codes so; PDF/UA forbids it)."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for name in list(fonts.keys()):
            font = fonts[name]
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            cleaned, removed = _UNMAPPED.subn(b"", data)
            if not removed:
                continue
            count = len(re.findall(rb"<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>", cleaned.split(b"beginbfchar", 1)[-1]))
            cleaned = re.sub(rb"\d+ beginbfchar", str(count).encode() + b" beginbfchar", cleaned, count=1)
            cmap.write(cleaned)
