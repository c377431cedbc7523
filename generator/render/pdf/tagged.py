"""Tagged PDF, what draws the content: paragraphs, list items, groups, tables and figures that tag themselves.

A ``TaggedParagraph`` marks what it draws as one structure element (a list
item as ``LI`` → ``Lbl`` + ``LBody``); zero-size ``OpenTag``/``CloseTag``
flowables group what lies between them (a list, a quotation, a boxed section);
``TableTags`` gives a data table its ``Table`` → ``THead``/``TBody`` → ``TR`` →
``TH``/``TD`` structure through reportlab's table callback; ``figure`` and
``link_figure`` tag pictures. A paragraph with links hands them to
``links.LinkTags``. ``tests/render/test_tagging.py`` checks that every word a
text extractor finds is also in the structure tree.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from generator.render.pdf.links import LinkTags
from generator.render.pdf.reportlab_hooks import BULLET_HOOK, LANG_SCHEME, LINK_HOOK, SOFT_BREAKS, install
from generator.render.pdf.structure import TAGGER, Element, Tagger, tagger_of

install()  # list bullets tagged as labels, wrapped lines that keep their spaces, addresses broken at joints


@dataclass
class TagSpec:
    """What a flowable is in the structure; shared by the parts of a flowable split across pages."""

    role: str
    attrs: dict[str, Any] = field(default_factory=dict)
    element: Element | None = None
    body: Element | None = None  # a list item's LBody, continued by the item's later parts
    links: LinkTags | None = None  # the Link elements of its addresses, shared by its parts


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

    def __deepcopy__(self, memo: dict[int, Any]) -> TaggedParagraph:
        """Copy the paragraph but not what it is in the structure: reportlab splits copies (text beside a picture)."""
        memo[id(self.tag)] = self.tag
        copied = self.__class__.__new__(self.__class__)
        memo[id(self)] = copied
        for name, value in self.__dict__.items():
            setattr(copied, name, copy.deepcopy(value, memo))
        return copied

    def draw(self) -> None:
        setattr(self.canv, SOFT_BREAKS, _soft_breaks(self))
        tagger = tagger_of(self.canv)
        hollow = tagger is not None and _has_links(self)
        if hollow:
            if self.tag.links is None:
                self.tag.links = LinkTags(tagger)  # type: ignore[arg-type]
            setattr(self.canv, LINK_HOOK, self.tag.links)
        try:
            self._draw_tagged(hollow)
        finally:
            setattr(self.canv, SOFT_BREAKS, frozenset())
            setattr(self.canv, LINK_HOOK, None)

    def _draw_tagged(self, hollow: bool) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            super().draw()
        elif self.tag.role == "LI":
            self._draw_item(tagger, hollow)
        else:
            whole = _is_one_link(self)
            lang = _one_language(self) if whole else ""
            if lang:  # not a link: the whole paragraph is in another language, and says so
                whole = False
                self.tag.attrs["Lang"] = lang
            with tagger.content(self.canv, self.tag.role, self.tag.element, hollow=hollow or whole,
                                **self.tag.attrs) as element:
                self.tag.element = element
                key = self.tag.attrs.get("_key")
                if key:
                    tagger.link_texts[key] = self.getPlainText()
                if whole:  # its words are the link's, and so are its annotations
                    with tagger.content(self.canv, "Link"):
                        super().draw()
                else:
                    super().draw()

    def _draw_item(self, tagger: Tagger, hollow: bool) -> None:
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
            state["body"] = _begin_body(tagger, canvas, spec, hollow)

        if self.bulletText:
            setattr(canvas, BULLET_HOOK, (before, after))
        else:
            state["body"] = _begin_body(tagger, canvas, spec, hollow)
        try:
            super().draw()
        finally:
            setattr(canvas, BULLET_HOOK, None)
            if state["body"] is not None:
                tagger.end(canvas, state["body"], inside_state=bool(self.bulletText), hollow=hollow)
                tagger.close()
            tagger.close()


def _is_one_link(paragraph: Paragraph) -> bool:
    """Return whether a paragraph is one link in one style (an address on its own line).

    reportlab lays such a paragraph out as plain words and links each whole
    line; it is tagged as a Link inside the paragraph.
    """
    para = getattr(paragraph, "blPara", None)
    return para is not None and para.kind == 0 and bool(getattr(para, "link", None))


def _one_language(paragraph: Paragraph) -> str:
    """Return the language a one-link paragraph is marked in, when its one "link" says a language."""
    links = getattr(paragraph.blPara, "link", None) or []
    hrefs = {str(link[1]) if isinstance(link, tuple) else str(link) for link in links}
    if len(hrefs) == 1 and next(iter(hrefs)).startswith(LANG_SCHEME):
        return next(iter(hrefs)).removeprefix(LANG_SCHEME)
    return ""


def _has_links(paragraph: Paragraph) -> bool:
    """Return whether a paragraph (or this part of one), as laid out in lines, has a link among its words."""
    para = getattr(paragraph, "blPara", None)
    if para is None or para.kind != 1:  # lines of plain words: no styled words, no links
        return False
    return any(getattr(word, "link", None) for line in para.lines for word in getattr(line, "words", ()))


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


def _begin_body(tagger: Tagger, canvas: Any, spec: TagSpec, hollow: bool) -> Element:
    if spec.body is None:
        spec.body = tagger.open("LBody")
    else:
        tagger.enter(spec.body)
    tagger.begin(canvas, spec.body, hollow=hollow)
    return spec.body


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
    row headers. A table split across pages stays one ``Table`` element: the
    rows of each later part join the first part's ``TBody`` (PDF/UA lets a
    table's rows sit on several pages), so a screen reader in table mode knows
    every cell's column header on every page. The header rows reportlab
    repeats on a later part are a pagination artifact, heard once.
    """

    def __init__(self, header_rows: int = 1, row_headers: bool = True):
        self.header_rows, self.row_headers = header_rows, row_headers
        self.section: str | None = None
        self.parts = 0  # the split parts of a table share this callback
        self.table: Element | None = None  # the one Table element of every part
        self.sections: dict[str, Element] = {}  # its THead and TBody, entered again by later parts

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
            if self.table is None:
                self.table = tagger.open("Table")
            else:
                tagger.enter(self.table)
            self.section = None
        elif event == "startRow":
            self._row(tagger, "THead" if args[0] < self.header_rows else "TBody")
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

    def _row(self, tagger: Tagger, section: str) -> None:
        """Start a row in ``section``, opening the section the first time and entering it again after."""
        if section != self.section:
            if self.section:
                tagger.close()
            if section in self.sections:
                tagger.enter(self.sections[section])
            else:
                self.sections[section] = tagger.open(section)
            self.section = section
        tagger.open("TR")


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
    """Draw a picture that is also a link (a QR code): Link → Figure, and the annotation in the Link.

    The Link carries the same short name as the picture ("QR code for ‹title›"):
    a reader that names links by their text finds none in a picture.
    """
    tagger = tagger_of(canvas)
    if tagger is None:
        draw()
        make_link()
        return
    link = tagger.open("Link", Alt=alt)
    with tagger.content(canvas, "Figure", Alt=alt):
        draw()
    tagger.annotation(canvas, link, make_link)
    tagger.close()
