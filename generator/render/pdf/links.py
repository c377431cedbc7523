"""Tagged links: each link's words are the marked content of its Link element, side by side with the text's.

Structure content may not nest (ISO 32000-2, 14.7.5.2), so a paragraph with
links has no marked-content sequence of its own around its text object: its
words are sequences of the paragraph and each link's words sequences of the
link's Link element, inside the text object, in reading order. ``LinkTags``
does this for reportlab's paragraphs (through the hook reportlab calls at
each link's start and end on a line); ``SlideLinks`` for the runs of a slide.
"""

from __future__ import annotations

from typing import Any

from generator.render.pdf.reportlab_hooks import LANG_SCHEME, text_canvas, text_code
from generator.render.pdf.structure import Element, Tagger


class LinkTags:
    """Tags a paragraph's links as reportlab draws them: each link's words are the content of its Link element.

    Structure content may not nest, so a paragraph with links has no sequence
    of its own around its text object (``Tagger.begin(hollow=True)``): inside
    the text object its words are sequences of the paragraph and each link's
    words a sequence of the link's Link element, side by side, in reading
    order. reportlab tells a hook on the text object where each link starts
    and ends on a line (``_linkRecord``). One Link element holds each address,
    its words and all its annotations, even when it wraps over lines or pages;
    a citation's Link sits in a ``Reference`` and says which source it opens.
    """

    def __init__(self, tagger: Tagger):
        self.tagger = tagger
        self.elements: dict[str, Element] = {}
        self.open: str | None = None  # "Link" or "segment": the sequence now open in the text object
        self.segment_at = -1  # where the open segment's BDC is in the text object, while it holds nothing

    def _owner(self) -> Element:
        return self.tagger.current  # the paragraph, or a list item's LBody

    def _element(self, href: str) -> Element:
        """Return the Link element of ``href`` in this paragraph, made the first time."""
        element = self.elements.get(href)
        if element is None:
            owner = self._owner()
            destination = href[1:] if href.startswith("#") else ""
            attrs = {"Alt": self.tagger.link_names[destination]} if destination in self.tagger.link_names else {}
            element = Element("Link", attrs)
            if href.startswith(LANG_SCHEME):  # words in another language: a Span saying which
                element = Element("Span", {"Lang": href.removeprefix(LANG_SCHEME)})
            if destination.startswith("src-"):  # a citation: a Reference holding its link
                owner.kids.append(Element("Reference", {}, [element]))
            else:
                owner.kids.append(element)
            self.elements[href] = element
        return element

    def line_starts(self, tx: Any, starts_with_link: bool) -> None:
        """A line begins: words that are not a link's are the paragraph's."""
        if not starts_with_link:
            self._open_segment(tx)

    def line_ends(self, tx: Any) -> None:
        if self.open == "segment":
            self._close_segment(tx)

    def record(self, tx: Any, link: Any, event: str) -> None:
        """Mark a link's words: reportlab calls this after the link's first words on a line and after its last."""
        code = text_code(tx)
        if event == "start":
            last = code.pop()  # the link's first words, already written
            if self.open == "segment":
                self._close_segment(tx)
            self.tagger.piece(code, text_canvas(tx), self._element(str(link[1])))
            code.append(last)
            self.open = "Link"
        elif self.open == "Link":
            code.append("EMC")
            self.open = None
            self._open_segment(tx)  # the words after it, if the line goes on

    def annotate(self, canvas: Any, link: Any, make: Any) -> None:
        """Make a link's annotation and give it to the address's Link element."""
        self.tagger.annotation(canvas, self._element(str(link)), make)

    def _open_segment(self, tx: Any) -> None:
        code = text_code(tx)
        self.tagger.piece(code, text_canvas(tx), self._owner())
        self.segment_at = len(code) - 1
        self.open = "segment"

    def _close_segment(self, tx: Any) -> None:
        code = text_code(tx)
        if self.segment_at == len(code) - 1:  # it holds nothing: take it back, MCID and all
            code.pop()
            self.tagger.unmark(text_canvas(tx), self._owner())
        else:
            code.append("EMC")
        self.open = None
        self.segment_at = -1


class SlideLinks:
    """Marks a slide paragraph's runs inside their text objects: a link's words as its Link element's content.

    Structure content may not nest, so the paragraph has no sequence of its
    own (``hollow``); each run is a sequence of the paragraph or of its link,
    and one Link element per address holds its words and its annotations.
    """

    def __init__(self, tagger: Tagger):
        self.tagger = tagger
        self.owner = tagger.current
        self.elements: dict[str, Element] = {}

    def _link(self, url: str, lang: str = "") -> Element:
        key = url or LANG_SCHEME + lang
        if key not in self.elements:
            attrs = {"Lang": lang} if lang else {}
            self.elements[key] = Element("Link" if url else "Span", attrs)
            self.owner.kids.append(self.elements[key])
        return self.elements[key]

    def begin(self, canvas: Any, text: Any, url: str | None, lang: str = "") -> None:
        """Open the run's sequence: of its link, of a Span of its language, or of the paragraph."""
        target = self._link(url or "", lang) if url or lang else self.owner
        self.tagger.piece(text_code(text), canvas, target)

    def end(self, text: Any) -> None:
        text_code(text).append("EMC")

    def annotate(self, canvas: Any, url: str, make: Any) -> None:
        self.tagger.annotation(canvas, self._link(url), make)
