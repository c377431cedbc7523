"""Render a ``Handout`` to PDF: page templates, the contents page, bookmarks, layout passes.

Block renderers (``blocks``) turn the document into flowables; this module
assembles them into pages with reportlab's platypus, adds PDF bookmarks and a
table of contents for headings, and lets ``page`` draw the running footer.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.units import inch, mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, LayoutError, PageTemplate, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak

from generator.document import Block, Cover, Handout, Heading, SourceList, text_of, texts_of, walk
from generator.document import Paragraph as ParagraphBlock
from generator.document import Table as TableBlock
from generator.errors import BuildError
from generator.fonts.reportlab import register_handout_font
from generator.render.pdf.blocks import PdfContext, render_block
from generator.render.pdf.contents import Contents, contents_entries
from generator.render.pdf.context import SHORT_LEAD
from generator.render.pdf.finish import finish_tagged_pdf
from generator.render.pdf.flowables import Bookmarks, KeepStart
from generator.render.pdf.markup import paragraph_styles, plain_markup
from generator.render.pdf.page import cover_band, document_info, footer_canvas, footer_layout, tagged_info
from generator.render.pdf.reportlab_hooks import verify
from generator.render.pdf.structure import Tagger
from generator.render.pdf.tagged import TaggedParagraph
from generator.theme import Theme

PAPERS = {"a4": A4, "letter": LETTER, "a5": A5, "half-letter": (5.5 * inch, 8.5 * inch)}


def _TABLE(font: str) -> TableStyle:
    """Return the style of the contents' table: no padding, and the font named, or reportlab uses Helvetica."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])


class _HandoutDoc(Bookmarks, BaseDocTemplate):
    """The handout's document template: bookmarks and outline entries for its headings.

    It remembers the flowable it is placing, so a layout failure can name the
    content that did not fit instead of quoting reportlab's internals.
    """

    owners: dict[int, Block] = {}  # noqa: RUF012  (replaced per document) which block each flowable draws
    placing: Block | None = None  # the block being placed; the parts a split makes keep their block's name

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if flowables and id(flowables[0]) in self.owners:
            self.placing = self.owners[id(flowables[0])]
        super().handle_flowable(flowables)


def render_handout_pdf(handout: Handout, theme: Theme, paper: str, *, toc_min_pages: int = 4,
                       contents: bool = True, bleed: float = 0.0, diagram_min: float = 0.0) -> tuple[bytes, int]:
    """Return (PDF bytes, page count) of ``handout`` on ``paper`` ('a4', 'letter', 'a5', 'half-letter').

    A table of contents is added when the handout runs past ``toc_min_pages``
    (not counting the cover) and ``contents`` is true. One layout pass makes
    the document (see ``contents``); a handout too short for contents takes a
    second, without them. With ``bleed`` (points) each page is that much
    larger on every side and its margins too: backgrounds that reach the
    paper's edge run into the bleed, for a print shop to trim.
    """
    verify()  # once per process: reportlab still calls every hook tagging relies on
    font = register_handout_font(theme.fonts.handout)
    width, height = PAPERS[paper]
    size = (width + 2 * bleed, height + 2 * bleed)
    if bleed:
        theme = theme.model_copy(update={"margin_mm": theme.margin_mm + bleed / mm})
    pdf, pages = _layout_pass(handout, theme, font, size, with_toc=contents, diagram_min=diagram_min)
    if not contents:
        return pdf, pages
    if pages - 1 <= toc_min_pages:  # short handouts read better without a contents page
        pdf, pages = _layout_pass(handout, theme, font, size, with_toc=False, diagram_min=diagram_min)
    return pdf, pages


def _too_large(block: Block | None) -> BuildError:
    """Return the error for content too large for a page, with its longest text so the build can locate it."""
    texts = texts_of(block) if block is not None else []
    longest = max(texts, key=len, default="")
    kind = "a table row" if isinstance(block, TableBlock) else ("a block" if block is not None else "something")
    shown = f" (“{longest[:60]}…”)" if len(longest) > 60 else (f" (“{longest}”)" if longest else "")
    return BuildError(f"{kind}{shown} is taller than a page and cannot be split; shorten that content",
                      text=longest)


def name_citations(tagger: Tagger, handout: Handout) -> None:
    """Tell the tagger what each citation link says: "Source 9", and for an unchecked one that it is unchecked.

    A screen reader would read the marker "9*" as "9 star", or just "9"; the
    web edition says "Source 9, not yet checked against the original", and so
    does the PDF, on the Link element and its annotation.
    """
    labels = handout.labels
    for block in walk(handout.blocks):
        if not isinstance(block, SourceList):
            continue
        for entry in block.entries:
            name = labels.get("citation_name", "Source {number}").format(number=entry.number)
            go = labels.get("citation_go", "Go to source {number} in the sources list").format(number=entry.number)
            if not entry.checked:
                unchecked = labels.get("unchecked", "not yet checked against the original")
                name, go = f"{name}, {unchecked}", f"{go} ({unchecked})"
            tagger.link_names[f"src-{entry.number}"] = name
            tagger.link_descriptions[f"src-{entry.number}"] = go


def _layout_pass(handout: Handout, theme: Theme, font: str, size: tuple[float, float], *,
                 with_toc: bool, diagram_min: float = 0.0) -> tuple[bytes, int]:
    margin = theme.margin_mm * mm
    width = size[0] - 2 * margin
    meta = handout.meta
    ctx = PdfContext(theme, paragraph_styles(theme, font), font, width, handout.labels, meta.logo,
                     author=meta.author, diagram_min=diagram_min)
    buffer = io.BytesIO()
    footer = footer_layout(handout, theme, font, size)
    bottom = footer.body_bottom(margin)
    doc = _HandoutDoc(
        buffer, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=bottom, initialFontName=font, **document_info(meta),
        keepTogetherClass=KeepStart,  # a group taller than a page starts where it is, when its start fits
    )
    no_padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    body_frame = Frame(margin, bottom, width, size[1] - margin - bottom, id="body", **no_padding)
    cover = Frame(margin, margin, width, size[1] - 2 * margin, id="cover", **no_padding)
    templates = [PageTemplate("cover", [cover], onPage=cover_band(theme, meta, size)),
                 PageTemplate("body", [body_frame])]
    front: list[Flowable] = []
    blocks = list(handout.blocks)
    if blocks and isinstance(blocks[0], Cover) and not blocks[0].compact:
        front.extend(render_block(blocks.pop(0), ctx))
    else:
        templates.reverse()  # no cover page: every page, the first included, is a body page
    doc.addPageTemplates(templates)
    body: list[Flowable] = []
    owners: dict[int, Block] = {}
    for index, block in enumerate(blocks):
        flowables = render_block(block, ctx)
        owners.update((id(flowable), block) for flowable in flowables)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        previous = blocks[index - 1] if index else None
        if isinstance(block, ParagraphBlock) and (
            isinstance(following, TableBlock)  # a paragraph introducing a table stays on its page
            or (isinstance(previous, Heading) and len(text_of(block.text)) < SHORT_LEAD)  # "Also called: …"
        ):
            flowables[-1].keepWithNext = 1
        body.extend(flowables)
    if with_toc:
        contents = Contents(contents_entries(body), [ctx.styles["toc1"], ctx.styles["toc2"]], _TABLE(font),
                            lambda text: plain_markup(text, theme))
        title = TaggedParagraph(plain_markup(handout.labels.get("contents", "Contents"), theme), ctx.styles["h1"],
                                role="H1")
        front.extend([title, contents, RLPageBreak()])
    story = front + body
    doc.owners = owners
    tagger = Tagger()
    name_citations(tagger, handout)
    canvasmaker = footer_canvas(handout, theme, font, size, tagger, footer)
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError:
        raise _too_large(doc.placing) from None
    except Exception as exc:  # reportlab's other failures: name the document, never a traceback
        detail = " ".join(str(exc).split())  # reportlab's message spans lines and quotes whole paragraphs
        raise BuildError(f"handout could not be laid out ({exc.__class__.__name__}): {detail[:160]}…") from None
    return finish_tagged_pdf(buffer.getvalue(), tagger, tagged_info(meta)), doc.page
