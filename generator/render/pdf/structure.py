"""Tagged PDF, while drawing: the structure tree a screen reader follows, recorded as each page is drawn.

reportlab has no tagging API. Each piece of real content is wrapped in a
marked-content sequence (``/P <</MCID 3>> BDC … EMC``) and recorded in a
structure tree (``Tagger``); whatever is drawn outside such a sequence (footers,
rules, backgrounds, leaders) is wrapped as ``/Artifact`` as the page is
written (``TaggingCanvas``). What draws the content lives in ``tagged``; the
tree is written into the finished file by ``finish``. The canvas internals
used are read through ``reportlab_hooks``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from generator.render.pdf.reportlab_hooks import annotation_count, page_code

TAGGER = "_briefpack_tagger"  # the canvas attribute that holds the document's Tagger


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
        self.link_names: dict[str, str] = {}  # destination → what its link says ("Source 9, not yet checked …")
        self.link_descriptions: dict[str, str] = {}  # destination → what following its link does, in words
        self.claimed: set[tuple[int, int]] = set()  # annotations a Link element already holds
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

    def mark(self, canvas: Any, element: Element) -> int:
        """Return a new MCID on the canvas's current page, recorded as ``element``'s content (code not written)."""
        page = canvas.getPageNumber() - 1
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        element.kids.append(Marked(page, mcid))
        return mcid

    def unmark(self, canvas: Any, element: Element) -> None:
        """Take back the MCID ``mark`` gave last on this page (a sequence that ended up holding nothing)."""
        page = canvas.getPageNumber() - 1
        kid = element.kids.pop()
        assert isinstance(kid, Marked) and kid.page == page and kid.mcid == self.next_mcid[page] - 1
        self.next_mcid[page] -= 1

    def begin(self, canvas: Any, element: Element, *, hollow: bool = False) -> None:
        """Start a marked-content sequence on the canvas's current page, belonging to ``element``.

        ``hollow``: write no sequence; what is drawn marks its own pieces inside
        its text objects (a paragraph with links: its words and each link's
        words are sequences side by side, as structure content may not nest).
        """
        page = canvas.getPageNumber() - 1
        if not hollow:
            mcid = self.mark(canvas, element)
            page_code(canvas).append(f"/{element.role} <</MCID {mcid}>> BDC")
        element.attrs.setdefault("_annots_from", []).append((page, annotation_count(canvas)))

    def end(self, canvas: Any, element: Element, *, inside_state: bool = False, hollow: bool = False) -> None:
        """End the marked-content sequence; links made while it was drawn belong to ``element``.

        ``inside_state``: the sequence began after a ``q`` that the drawing has
        just closed with ``Q``; end it before that ``Q``, so the two nest.
        """
        code = page_code(canvas)
        if hollow:
            pass
        elif inside_state and code and code[-1] == "Q":
            code.insert(len(code) - 1, "EMC")
        else:
            code.append("EMC")
        page, start = element.attrs["_annots_from"].pop()
        for index in range(start, annotation_count(canvas)):
            if (page, index) not in self.claimed:  # a Link drawn inside holds its own
                element.kids.append(Annotation(page, index))
                self.claimed.add((page, index))

    @contextmanager
    def content(self, canvas: Any, role: str, element: Element | None = None, *, hollow: bool = False,
                **attrs: Any) -> Iterator[Element]:
        """Draw real content inside ``with``: a new element (or ``element``, continued) under the current one."""
        if element is None:
            element = self.open(role, **attrs)
        else:
            self.enter(element)
        self.begin(canvas, element, hollow=hollow)
        try:
            yield element
        finally:
            self.end(canvas, element, hollow=hollow)
            self.close()

    def piece(self, code: list[str], canvas: Any, element: Element) -> None:
        """Open a sequence of ``element`` inside a text object (``code`` its operators); the caller ends it."""
        code.append(f"/{element.role} <</MCID {self.mark(canvas, element)}>> BDC")

    def annotation(self, canvas: Any, element: Element, make: Any) -> None:
        """Call ``make()`` (which adds one link annotation to the current page) and give the link to ``element``."""
        page, index = canvas.getPageNumber() - 1, annotation_count(canvas)
        make()
        for added in range(index, annotation_count(canvas)):
            element.kids.append(Annotation(page, added))
            self.claimed.add((page, added))


_OURS = re.compile(r"^(/\w+ <</MCID \d+>> BDC|/Artifact <<[^>]*>> BDC|EMC)$")
FOOTER_BEGIN = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"  # a running footer, said to be one
_INSIDE = re.compile(r"/\w+ <</MCID \d+>> BDC")  # a text object whose pieces are marked inside it


def mark_artifacts(code: list[str]) -> list[str]:
    """Return a page's content with every run of drawing outside tagged content wrapped as ``/Artifact``.

    The page's content is reportlab's list of operator strings with the
    Tagger's BDC/EMC entries among them; a text object is always one entry, so
    wrapping whole entries never splits one. Footers, rules, backgrounds,
    icons and leaders become artifacts here, just before the page is written.
    A text object that marks its own pieces (a paragraph with links) is left
    as it is.
    """
    out: list[str] = []
    depth = 0
    artifact = False
    for entry in code:
        ours = bool(_OURS.match(entry))
        marked_inside = not ours and depth == 0 and bool(_INSIDE.search(entry))
        if ((ours and entry != "EMC") or marked_inside) and depth == 0 and artifact:
            out.append("EMC")
            artifact = False
        if not ours and not marked_inside and depth == 0 and not artifact and entry.strip():
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
            code = page_code(self)
            code[:] = mark_artifacts(code)

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kwargs: Any) -> Any:
        tagger = tagger_of(self)
        if tagger:
            tagger.link_targets[(self.getPageNumber() - 1, annotation_count(self))] = destinationname
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
