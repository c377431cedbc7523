"""The contents page, laid out in one pass: entries are known before layout, page numbers drawn at the end.

reportlab's ``TableOfContents`` needs a second layout pass to learn on which
pages headings land. But the entries (every heading of level 1 and 2) are
known before layout, and an entry's text does not depend on its page number;
only the dot leader and the number do. So the contents are laid out with the
real entries, each entry's end position is recorded while it is drawn, and
the dots and page numbers are drawn when the document is saved, once every
heading has a page (``page.footer_canvas`` calls ``draw_deferred``).

For screen readers each entry is one ``TOCI`` holding one ``Link``: its text
and its page number are that link's words, and both its annotations belong to
it; the dot leaders are page furniture. Entries of headings of level 2 sit in
a ``TOC`` nested in their chapter's ``TOCI``, as the headings nest.

This leans on reportlab internals (the ``onDraw`` callback and the text
cursor it reads), read through ``reportlab_hooks`` as reportlab's own
contents do; ``tests/render/test_contents.py`` fails loudly if an upgrade moves them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from generator.render.pdf.flowables import HeadingParagraph, Indented
from generator.render.pdf.reportlab_hooks import current_matrix, page_code, text_cursor
from generator.render.pdf.structure import Element, tagger_of
from generator.render.pdf.tagged import TaggedParagraph

DOT = " . "
CALLBACK = "briefpackContentsEntryEnd"


@dataclass(frozen=True)
class PendingNumber:
    """Where an entry's dots and page number go, in the coordinates its text was drawn in, and its heading key.

    The dots and number are drawn into the content stream right after the
    entry's text, inside the same transformation, so ``x``, ``y`` and
    ``right`` are in that local space; ``matrix`` maps them to the page for
    the number's link rectangle.
    """

    x: float
    y: float
    right: float
    style: Any
    key: str
    index: int  # where in the page's content stream the entry's text ended
    matrix: tuple[float, float, float, float, float, float] = (1, 0, 0, 1, 0, 0)
    entry: Element | None = None  # the entry's TOCI element, whose Link the number also belongs to

    def link(self) -> Element | None:
        """Return the Link element of the entry's text, which the page number joins."""
        if self.entry is None:
            return None
        return next((kid for kid in self.entry.kids if isinstance(kid, Element) and kid.role == "Link"), None)

    def on_page(self, x: float, y: float) -> tuple[float, float]:
        """Return the page coordinates of the local point (x, y)."""
        a, b, c, d, e, f = self.matrix
        return a * x + c * y + e, b * x + d * y + f


def contents_entries(story: list[Flowable]) -> list[tuple[int, str, str]]:
    """Return (level from 0, text, bookmark key) for every heading of level 1 or 2 in ``story``, in order."""
    entries = []
    for flowable in story:
        heading = flowable.inner if isinstance(flowable, Indented) else flowable
        if isinstance(heading, HeadingParagraph) and heading.level <= 2:
            entries.append((heading.level - 1, heading.plain, heading.key))
    return entries


class Contents(TableOfContents):
    """A table of contents whose entries are given up front and whose page numbers are drawn last."""

    def __init__(self, entries: list[tuple[int, str, str]], level_styles: list[Any], table_style: TableStyle,
                 to_markup: Callable[[str], str]):
        super().__init__(levelStyles=level_styles, dotsMinLevel=0)
        self.tableStyle = table_style
        self.entries = entries
        self.to_markup = to_markup  # escapes an entry's text and sets characters the font lacks in the fallback

    def isIndexing(self) -> int:
        return 0  # the entries are final: no layout pass needed to collect them

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803  (reportlab's names)
        def record(canvas: Any, kind: str, label: str) -> None:
            level, index = (int(part) for part in label.split(","))
            x, y = text_cursor(canvas)
            pending = canvas.__dict__.setdefault("pending_numbers", [])
            tagger = tagger_of(canvas)
            pending.append(PendingNumber(x, y, availWidth, self.getLevelStyle(level), self.entries[index][2],
                                         len(page_code(canvas)), current_matrix(canvas),
                                         tagger.current if tagger else None))

        self.canv.setNamedCB(CALLBACK, record)
        rows: list[list[Flowable]] = []
        chapter: ContentsEntry | None = None
        for index, (level, text, key) in enumerate(self.entries):
            style = self.getLevelStyle(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            markup = f'<a href="#{key}">{self.to_markup(text)}</a><onDraw name="{CALLBACK}" label="{level},{index}"/>'
            entry = ContentsEntry(markup, style, chapter if level > 0 else None)
            chapter = entry if level == 0 else chapter
            rows.append([entry])
        self.rows = Table(rows or [[Spacer(1, 1)]], colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self.rows.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  (reportlab's names)
        parts: list[Any] = self.rows.splitOn(self.canv, availWidth, availHeight)
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803  (reportlab's)
        tagger = tagger_of(canvas)
        if tagger:
            tagger.open("TOC")
        self.rows.drawOn(canvas, x, y, _sW)
        if tagger:
            tagger.close()


class ContentsEntry(TaggedParagraph):
    """A contents entry: a TOCI, inside a TOC nested in its chapter's entry when it names a section."""

    def __init__(self, text: str, style: Any, chapter: ContentsEntry | None):
        super().__init__(text, style, role="TOCI")
        self.chapter = chapter
        self.sections: Element | None = None  # the TOC of this chapter's sections, made by the first of them

    def _draw_tagged(self, hollow: bool) -> None:
        tagger = tagger_of(self.canv)
        chapter = self.chapter
        if tagger is None or chapter is None or chapter.tag.element is None:
            super()._draw_tagged(hollow)
            return
        tagger.enter(chapter.tag.element)
        if chapter.sections is None:
            chapter.sections = tagger.open("TOC")
        else:
            tagger.enter(chapter.sections)
        try:
            super()._draw_tagged(hollow)
        finally:
            tagger.close()
            tagger.close()


def draw_deferred(canvas: Any, pending: list[PendingNumber], pages: dict[str, int]) -> None:
    """Draw the dot leaders and page numbers of the contents entries on the current page.

    Each entry's drawing goes into the page's content stream right after the
    text object of the entry's own text (the next operation after the point the
    callback was called at), so text extraction and reading order see "Key
    messages . . . 3" as one line; reportlab's own contents put the number first.
    """
    for entry in sorted(pending, key=lambda e: e.index, reverse=True):
        code = page_code(canvas)
        mark = len(code)
        # The space keeps the number a word of its own after the entry's text ("Key messages 3").
        style, number = entry.style, " " + str(pages.get(entry.key, "?"))
        size = style.fontSize
        width = stringWidth(number, style.fontName, size)
        while width > entry.right - entry.x and size >= 1.0:  # as reportlab does: shrink rather than overflow
            size *= 0.9
            width = stringWidth(number, style.fontName, size)
        dot = stringWidth(DOT, style.fontName, size)
        dots = int((entry.right - entry.x - width) / dot)
        leaders = canvas.beginText(entry.right - dots * dot - width, entry.y)  # furniture: an artifact
        leaders.setFont(style.fontName, size)
        leaders.setFillColor(style.textColor)
        leaders.textOut(DOT * dots)
        canvas.drawText(leaders)
        tagger = tagger_of(canvas)
        owner = entry.link() if tagger else None
        if tagger and owner is not None:  # the number is words of the entry's link
            code.append(f"/Link <</MCID {tagger.mark(canvas, owner)}>> BDC")
        text = canvas.beginText(entry.right - width, entry.y)
        text.setFont(style.fontName, size)
        text.setFillColor(style.textColor)
        text.textOut(number)
        canvas.drawText(text)
        if tagger and owner is not None:
            code.append("EMC")
        left, bottom = entry.on_page(entry.right - width, entry.y)
        right, top = entry.on_page(entry.right, entry.y + style.leading)

        def link(entry: PendingNumber = entry, box: tuple[float, ...] = (left, bottom, right, top)) -> None:
            # Named, because annotation counters are those of the page being replayed, not the document's.
            canvas.linkRect("", entry.key, box, relative=1, name=f"contents-number-{entry.key}")

        if tagger and owner is not None:
            tagger.annotation(canvas, owner, link)  # the number's link is the entry's link
        else:
            link()
        drawn = code[mark:]
        del code[mark:]
        after = min(entry.index + 1, len(code))
        for closing in ("Q", "EMC"):  # after the entry's text, its state and any sequence around it
            if code[after:after + 1] == [closing]:
                after += 1
        code[after:after] = drawn
