"""Tagged PDF (PDF/UA-1): the structure a screen reader follows, recorded while drawing and written after.

reportlab has no tagging API, so tagging works in two halves:

1. **While drawing**, each piece of real content is wrapped in a marked-content
   sequence (``/P <</MCID 3>> BDC … EMC``) and recorded in a structure tree
   (``Tagger``). Paragraphs tag themselves (``TaggedParagraph``), tables report
   their rows and cells through reportlab's table callback (``table_tags``),
   list bullets become ``Lbl`` through reportlab's bullet function, figures tag
   their drawing, and zero-size ``OpenTag``/``CloseTag`` flowables group what
   lies between them (a list, a quotation, a boxed section).
2. **After reportlab has written the file** (``finish_tagged_pdf``, with
   pikepdf), everything drawn outside marked content — footers, rules,
   backgrounds, icons, leaders — is wrapped as ``/Artifact``; the structure
   tree, parent tree, link annotations' structure and descriptions, XMP
   metadata (dc:title, pdfuaid:part 1), ``/MarkInfo``, ``/Tabs /S`` and
   ``DisplayDocTitle`` are added; and font ToUnicode maps lose their U+0000
   entries.

Anything real drawn outside these hooks would become an artifact and vanish
for screen readers: ``tests/render/test_tagging.py`` checks that every word a
text extractor finds is also in the structure tree, and fails loudly if a
reportlab upgrade moves the internals used here (the canvas's content list and
annotation list, ``paragraph._drawBullet``, ``Table``'s render callback).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import reportlab.platypus.paragraph as rl_paragraph
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

TAGGER = "_briefpack_tagger"  # the canvas attribute that holds the document's Tagger
_BULLET_HOOK = "_briefpack_bullet"
_SOFT_BREAKS = "_briefpack_soft_breaks"  # ids of the lines being drawn that end inside a word


@dataclass(frozen=True)
class Marked:
    """A marked-content sequence: its page (0-based) and its MCID there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    """A link annotation: its page (0-based) and its position in the page's /Annots."""

    page: int
    index: int


@dataclass(eq=False)
class Element:
    """A structure element: its standard role, attributes, and kids in reading order."""

    role: str
    attrs: dict[str, Any] = field(default_factory=dict)
    kids: list[Element | Marked | Annotation] = field(default_factory=list)


class Tagger:
    """Records the structure tree of one PDF as it is drawn."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self.stack: list[Element] = [self.root]
        self.next_mcid: dict[int, int] = {}
        self.link_texts: dict[str, str] = {}  # bookmark key → heading text, for links' descriptions
        self.link_targets: dict[tuple[int, int], str] = {}  # (page, annotation index) → destination name
        self.artifact = False  # drawing a repetition (a table's header on its next page): left untagged

    @property
    def current(self) -> Element:
        return self.stack[-1]

    def open(self, role: str, **attrs: Any) -> Element:
        """Start a structure element under the current one (it holds other elements, not content)."""
        element = Element(role, dict(attrs))
        self.current.kids.append(element)
        self.stack.append(element)
        return element

    def enter(self, element: Element) -> None:
        """Make an existing element current again (a paragraph continued on the next page)."""
        self.stack.append(element)

    def close(self) -> None:
        """End the current element."""
        if len(self.stack) > 1:
            self.stack.pop()

    def begin(self, canvas: Any, element: Element) -> None:
        """Start a marked-content sequence on the canvas's current page, belonging to ``element``."""
        page = canvas.getPageNumber() - 1
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        element.kids.append(Marked(page, mcid))
        canvas._code.append(f"/{element.role} <</MCID {mcid}>> BDC")
        element.attrs.setdefault("_annots_from", []).append((page, len(canvas._annotationrefs)))

    def end(self, canvas: Any, element: Element, *, inside_state: bool = False) -> None:
        """End the marked-content sequence; links made while it was drawn belong to ``element``.

        ``inside_state``: the sequence began after a ``q`` that the drawing has
        just closed with ``Q``; end it before that ``Q``, so the two nest.
        """
        if inside_state and canvas._code and canvas._code[-1] == "Q":
            canvas._code.insert(len(canvas._code) - 1, "EMC")
        else:
            canvas._code.append("EMC")
        page, start = element.attrs["_annots_from"].pop()
        for index in range(start, len(canvas._annotationrefs)):
            element.kids.append(Annotation(page, index))

    @contextmanager
    def content(self, canvas: Any, role: str, element: Element | None = None, **attrs: Any) -> Iterator[Element]:
        """Draw real content inside ``with``: a new element (or ``element``, continued) under the current one."""
        if element is None:
            element = self.open(role, **attrs)
        else:
            self.enter(element)
        self.begin(canvas, element)
        try:
            yield element
        finally:
            self.end(canvas, element)
            self.close()

    def annotation(self, canvas: Any, element: Element, make: Any) -> None:
        """Call ``make()`` (which adds one link annotation to the current page) and give the link to ``element``."""
        page, index = canvas.getPageNumber() - 1, len(canvas._annotationrefs)
        make()
        if len(canvas._annotationrefs) > index:
            element.kids.append(Annotation(page, index))


_OURS = re.compile(r"^(/\w+ <</MCID \d+>> BDC|EMC)$")


def mark_artifacts(code: list[str]) -> list[str]:
    """Return a page's content with every run of drawing outside tagged content wrapped as ``/Artifact``.

    The page's content is reportlab's list of operator strings with the
    Tagger's BDC/EMC entries among them; a text object is always one entry, so
    wrapping whole entries never splits one. Footers, rules, backgrounds,
    icons and leaders become artifacts here, just before the page is written.
    """
    out: list[str] = []
    depth = 0
    artifact = False
    for entry in code:
        ours = bool(_OURS.match(entry))
        if ours and entry != "EMC" and depth == 0 and artifact:
            out.append("EMC")
            artifact = False
        if not ours and depth == 0 and not artifact and entry.strip():
            out.append("/Artifact BMC")
            artifact = True
        out.append(entry)
        if ours:
            depth += -1 if entry == "EMC" else 1
    if artifact:
        out.append("EMC")
    return out


class TaggingCanvas(Canvas):
    """A canvas that marks artifacts as each page is written and remembers where internal links go.

    reportlab writes an internal link as a page and position only; the name
    of its destination is kept here for the link's description.
    """

    def showPage(self) -> None:
        self.finish_page()
        super().showPage()

    def finish_page(self) -> None:
        """Wrap what is not tagged on the current page as artifacts (when tagging)."""
        if tagger_of(self) is not None:
            self._code[:] = mark_artifacts(self._code)

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kwargs: Any) -> Any:
        tagger = tagger_of(self)
        if tagger:
            tagger.link_targets[(self.getPageNumber() - 1, len(self._annotationrefs))] = destinationname
        return super().linkRect(contents, destinationname, *args, **kwargs)


def tagging_canvas(tagger: Tagger) -> type:
    """Return a canvas class that draws for ``tagger`` (for platypus documents' ``canvasmaker``)."""

    class Tagged(TaggingCanvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            setattr(self, TAGGER, tagger)

    return Tagged


def tagger_of(canvas: Any) -> Tagger | None:
    """Return the Tagger drawing on ``canvas``, or None when not tagging (or drawing an artifact)."""
    tagger: Tagger | None = getattr(canvas, TAGGER, None)
    return None if tagger is None or tagger.artifact else tagger


@dataclass
class TagSpec:
    """What a flowable is in the structure; shared by the parts of a flowable split across pages."""

    role: str
    attrs: dict[str, Any] = field(default_factory=dict)
    element: Element | None = None
    body: Element | None = None  # a list item's LBody, continued by the item's later parts


class TaggedParagraph(Paragraph):
    """A paragraph that marks what it draws as one structure element (P, H1–H3, LI, TOCI …)."""

    def __init__(self, text: str, style: Any, bulletText: Any = None, frags: Any = None,  # noqa: N803
                 caseSensitive: int = 1, encoding: str = "utf8", role: str = "P", **attrs: Any):  # noqa: N803
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self.tag = TagSpec(role, attrs)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  (reportlab's names)
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            part.tag = self.tag  # every part adds to the same element
        return parts

    def draw(self) -> None:
        setattr(self.canv, _SOFT_BREAKS, _soft_breaks(self))
        try:
            self._draw_tagged()
        finally:
            setattr(self.canv, _SOFT_BREAKS, frozenset())

    def _draw_tagged(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            super().draw()
        elif self.tag.role == "LI":
            self._draw_item(tagger)
        else:
            with tagger.content(self.canv, self.tag.role, self.tag.element, **self.tag.attrs) as element:
                self.tag.element = element
                key = self.tag.attrs.get("_key")
                if key:
                    tagger.link_texts[key] = self.getPlainText()
                super().draw()

    def _draw_item(self, tagger: Tagger) -> None:
        """Draw a list item as LI → Lbl (its bullet) and LBody (its text)."""
        canvas, spec = self.canv, self.tag
        if spec.element is None:
            spec.element = tagger.open("LI")
        else:
            tagger.enter(spec.element)
        state = {"body": spec.body}

        def before() -> None:
            label = tagger.open("Lbl")
            tagger.begin(canvas, label)

        def after() -> None:
            tagger.end(canvas, tagger.current)
            tagger.close()
            state["body"] = _begin_body(tagger, canvas, spec)

        if self.bulletText:
            setattr(canvas, _BULLET_HOOK, (before, after))
        else:
            state["body"] = _begin_body(tagger, canvas, spec)
        try:
            super().draw()
        finally:
            setattr(canvas, _BULLET_HOOK, None)
            if state["body"] is not None:
                tagger.end(canvas, state["body"], inside_state=bool(self.bulletText))
                tagger.close()
            tagger.close()


def _soft_breaks(paragraph: Paragraph) -> frozenset[int]:
    """Return the lines (by id) that end inside a word: a long word split to fit, such as a URL.

    Every other wrapped line ends where the text had a space, and gets that
    space back when drawn (see ``_spaced``); these must not, or a URL would read
    with a space in it.
    """
    para = getattr(paragraph, "blPara", None)
    if para is None:
        return frozenset()
    full = paragraph.getPlainText()
    position, soft = 0, set()
    for line in para.lines[:-1]:
        if para.kind == 0:
            key, text = line[1], " ".join(line[1])
        else:
            key, text = line, "".join(getattr(w, "text", "") or "" for w in line.words)
        text = text.strip()
        found = full.find(text, position) if text else -1
        if found < 0:
            continue
        position = found + len(text)
        if position < len(full) and not full[position].isspace():
            soft.add(id(key))
    return frozenset(soft)


def _begin_body(tagger: Tagger, canvas: Any, spec: TagSpec) -> Element:
    if spec.body is None:
        spec.body = tagger.open("LBody")
    else:
        tagger.enter(spec.body)
    tagger.begin(canvas, spec.body)
    return spec.body


_draw_bullet = rl_paragraph._drawBullet


def _tagged_bullet(canvas: Any, offset: Any, cur_y: Any, bullet_text: Any, style: Any, rtl: Any) -> Any:
    """Draw a list bullet as reportlab does, marked as the list item's Lbl when tagging."""
    hook = getattr(canvas, _BULLET_HOOK, None)
    if hook:
        hook[0]()
    result = _draw_bullet(canvas, offset, cur_y, bullet_text, style, rtl)
    if hook:
        hook[1]()
        setattr(canvas, _BULLET_HOOK, None)
    return result


rl_paragraph._drawBullet = _tagged_bullet


def _spaced(draw_line: Any) -> Any:
    """Wrap one of reportlab's simple line painters so that a wrapped line ends with its space.

    reportlab drops the space where it wraps a line; a reader of the structure
    tree (a screen reader, ``pdfinfo -struct-text``) then gets "humanrights"
    from "human / rights". The space is drawn after the line's last word,
    where it is invisible whatever the alignment.
    """

    def draw(tx: Any, offset: float, extraspace: float, words: list[str], last: int = 0) -> Any:
        if not last and words and id(words) not in getattr(tx._canvas, _SOFT_BREAKS, ()):
            words = [*words[:-1], words[-1] + " "]
        return draw_line(tx, offset, extraspace, words, last)

    return draw


for _name in ("_leftDrawParaLine", "_centerDrawParaLine", "_rightDrawParaLine", "_justifyDrawParaLine"):
    setattr(rl_paragraph, _name, _spaced(getattr(rl_paragraph, _name)))

_put_frag_line = rl_paragraph._putFragLine


def _spaced_frag_line(cur_x: float, tx: Any, line: Any, last: int, p_kind: str) -> Any:
    """Paint a line of styled text as reportlab does, ending a wrapped line with its space (see ``_spaced``)."""
    words: list[Any] = getattr(line, "words", None) or []
    final = words[-1] if words else None
    if (last or final is None or getattr(final, "cbDefn", None) or not isinstance(getattr(final, "text", None), str)
            or id(line) in getattr(tx._canvas, _SOFT_BREAKS, ())):
        return _put_frag_line(cur_x, tx, line, last, p_kind)
    line.words = [*words[:-1], final.clone(text=final.text + " ")]  # drawn after the last glyph: unseen
    try:
        return _put_frag_line(cur_x, tx, line, last, p_kind)
    finally:
        line.words = words


rl_paragraph._putFragLine = _spaced_frag_line


class _Marker(Flowable):
    """A zero-size flowable that changes the structure where it is drawn, and nothing on the page.

    A frame collapses the space after one flowable with the space before the
    next; a marker between them must not break that, so it passes the space on
    (reportlab's ``_SPACETRANSFER``).
    """

    _ZEROSIZE = 1
    _SPACETRANSFER = True

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger:
            self.mark(tagger)

    def mark(self, tagger: Tagger) -> None:
        raise NotImplementedError


class OpenTag(_Marker):
    """Starts a grouping element (L, BlockQuote, Sect) where it is drawn."""

    def __init__(self, role: str, **attrs: Any):
        super().__init__()
        self.role, self.attrs = role, attrs
        self.keepWithNext = 1  # stays with what it opens

    def mark(self, tagger: Tagger) -> None:
        tagger.open(self.role, **self.attrs)


class CloseTag(_Marker):
    """Ends the grouping element the matching OpenTag started."""

    def mark(self, tagger: Tagger) -> None:
        tagger.close()


def grouped(role: str, flowables: list[Flowable], **attrs: Any) -> list[Flowable]:
    """Return ``flowables`` between an OpenTag and a CloseTag: one structure element around them."""
    return [OpenTag(role, **attrs), *flowables, CloseTag()] if flowables else []


class TableTags:
    """reportlab's table render callback, giving a data table Table → THead/TBody → TR → TH/TD structure.

    The first ``header_rows`` rows are column headers; the first column holds
    row headers. A table split across pages is one table per page part; the
    header rows reportlab repeats on a part after the first are a pagination
    artifact, left out of the structure (a screen reader hears them once).
    """

    def __init__(self, header_rows: int = 1, row_headers: bool = True):
        self.header_rows, self.row_headers = header_rows, row_headers
        self.section: str | None = None
        self.parts = 0  # the split parts of a table share this callback

    def __call__(self, table: Any, event: str, *args: Any) -> None:
        tagger: Tagger | None = getattr(table.canv, TAGGER, None)
        if tagger is None:
            return
        if event == "startTable":
            self.parts += 1
        elif event == "startRow" and self.parts > 1 and args[0] < self.header_rows:
            tagger.artifact = True  # until this repeated header row ends
        if tagger.artifact:
            if event == "endRow":
                tagger.artifact = False
            return
        if event == "startTable":
            tagger.open("Table")
            self.section = None
        elif event == "startRow":
            section = "THead" if args[0] < self.header_rows else "TBody"
            if section != self.section:
                if self.section:
                    tagger.close()
                tagger.open(section)
                self.section = section
            tagger.open("TR")
        elif event == "startCell":
            row, column = args[0], args[1]
            if row < self.header_rows:
                tagger.open("TH", Scope="Column")
            elif column == 0 and self.row_headers:
                tagger.open("TH", Scope="Row")
            else:
                tagger.open("TD")
        elif event in ("endCell", "endRow"):
            tagger.close()
        elif event == "endTable":
            if self.section:
                tagger.close()
            tagger.close()


@contextmanager
def figure(canvas: Any, alt: str) -> Iterator[Element | None]:
    """Draw a picture inside ``with`` as a Figure with alternative text (or plainly when not tagging)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield None
        return
    with tagger.content(canvas, "Figure", Alt=alt) as element:
        yield element


def link_figure(canvas: Any, alt: str, draw: Any, make_link: Any) -> None:
    """Draw a picture that is also a link (a QR code): Link → Figure, and the annotation in the Link."""
    tagger = tagger_of(canvas)
    if tagger is None:
        draw()
        make_link()
        return
    link = tagger.open("Link")
    with tagger.content(canvas, "Figure", Alt=alt):
        draw()
    tagger.annotation(canvas, link, make_link)
    tagger.close()


# ---------------------------------------------------------------------------------------------------------
# After reportlab: artifacts, the structure tree and the metadata PDF/UA asks for.

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
    """Return ``data`` (as reportlab wrote it) made a tagged PDF/UA-1 document from ``tagger``'s tree."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    _structure(pdf, tagger, info.language)
    _catalog(pdf, info)
    _clean_to_unicode(pdf)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _annotation_description(annotation: Any, destination: str, tagger: Tagger) -> str:
    """Return what a link does, in words, for its /Contents (screen readers announce it)."""
    action = annotation.get("/A")
    if action is not None and action.get("/S") == "/URI":
        return f"Link to {action.get('/URI')}"
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
        '  </rdf:Description>\n'
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
