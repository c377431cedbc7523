"""The web edition: the handout's composed document as one self-contained, accessible HTML page.

The page is arranged by a jinja2 template (``web.html.j2``, overridable like any
other) that gets the document's blocks and a few filters: ``inline`` (runs as
HTML, citations linked to the sources list), ``diagram`` (inline SVG drawn from
the same layout as the slides) and ``qr`` (a QR code as SVG, for print). The
template source is passed in (read by the build, like every template): this
module does no I/O. Everything is escaped; content is never evaluated.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, assert_never

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cover,
    DefinitionList,
    Diagram,
    EasyRow,
    Handout,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Picture,
    Quote,
    ResourceList,
    Run,
    SourceList,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    text_of,
    texts_of,
)
from generator.layout.urls import short_url
from generator.render.svg import SvgPainter, image_uri, qr_svg, status_symbol_svg
from generator.render.web_diagrams import NARROW_W, Drawings
from generator.theme import Theme

PAGE_IDS = ("content", "contents-title")  # ids web.html.j2 gives: no heading takes them
NUMBERED_IDS = r"(?:source|cite|figure)-\d+"  # ids of sources, citations and drawings


@dataclass(frozen=True)
class Section:
    """A level-1 heading and its anchor, for the page's table of contents."""

    anchor: str
    text: str


class WebPage:
    """What the templates see: the blocks and helpers that turn them into markup.

    ``block`` is the web writer's dispatch over every kind of document block
    (mypy checks, ``assert_never``): each kind is drawn by the macro of that
    name in the blocks template, or as plain text when it has none (and the
    kind is reported in ``missing``, which the build turns into a warning).
    """

    def __init__(self, handout: Handout, theme: Theme, after_block: Callable[[Block], str] | None = None):
        self.handout = handout
        self.theme = theme
        self.painter = SvgPainter(theme)
        self.drawings = Drawings(theme, self.painter)
        self.narrow_width = NARROW_W  # a phone drawing's width in points (large print prints it at that size)
        self.macros: Any = None  # the blocks template's module: one macro per block kind
        self.after_block = after_block  # markup after each block (the preview's edit links)
        self.missing: set[str] = set()
        self.drawn = 0  # blocks drawn through ``block``: an older page template draws them itself
        sources = [b for b, _ in _walk(handout.blocks) if isinstance(b, SourceList)]
        self.sources = {e.number: e for s in sources for e in s.entries}
        self.first_cited: dict[int, str] = {}  # source number → the id of its first citation, for the way back
        self.anchors: dict[int, str] = {}
        self.placed: set[str] = set()  # the ids the blocks template gave its headings
        self._count = 0
        self.sections = self._sections()

    # -- what the template calls ------------------------------------------------

    def block(self, block: Block, caption: str = "", depth: int = 0) -> Markup:
        """Return ``block`` drawn by the blocks template's macro for its kind (plain text when it has none)."""
        match block:
            case Heading():
                name = "heading"
            case Paragraph():
                name = "paragraph"
            case BulletList():
                name = "bullet_list"
            case Quote():
                name = "quote"
            case Callout():
                name = "callout"
            case Table():
                name = "table"
            case StatusMatrix() | Spectrum() | Timeline():
                name = "diagram"
            case ResourceList():
                name = "resource_list"
            case SourceList():
                name = "source_list"
            case DefinitionList():
                name = "definition_list"
            case Cover():
                name = "cover"
            case PageBreak():
                return Markup("")  # a web page does not break
            case EasyRow():
                name = "easy_row"
            case _:
                assert_never(block)
        self.drawn += 1
        macro = getattr(self.macros, name, None)
        if macro is None:
            self.missing.add(name)
            return self._plain(block) + self._after(block)
        return Markup(macro(block, caption, depth)) + self._after(block)

    def _after(self, block: Block) -> Markup:
        """Return what the caller asked to follow ``block`` (the preview's edit links), already escaped."""
        return Markup(self.after_block(block)) if self.after_block else Markup("")

    def _plain(self, block: Block) -> Markup:
        """Return a block as plain paragraphs of its text: nothing is lost when a template has no macro for it."""
        paragraphs = "".join(f"<p>{escape(text)}</p>" for text in texts_of(block) if text.strip())
        return Markup(f'<div class="block">{paragraphs}</div>')

    def kind(self, block: Block) -> str:
        """Return a block's kind as the template switches on it ('heading', 'status-matrix' …)."""
        return re.sub(r"(?<!^)(?=[A-Z])", "-", type(block).__name__).lower()

    def anchor(self, block: Heading | Callout) -> str:
        """Return the id of a heading or a box's title ('' for none), noting that the page gives it."""
        anchor = self.anchors.get(id(block), "")
        self.placed.add(anchor)
        return anchor

    def inline(self, runs: Inline) -> Markup:
        """Return runs as HTML: emphasis, links, status words and citations linked to their sources."""
        out = []
        for run in runs:
            if run.cite:
                out.append(self._citation(run))
                continue
            html = escape(run.text)
            if run.bold:
                html = Markup(f"<strong>{html}</strong>")
            if run.italic:
                html = Markup(f"<em>{html}</em>")
            if run.status:
                html = Markup(f'<span class="status status-{escape(run.status)}">{html}</span>')
            if run.url:
                html = Markup(f'<a href="{escape(run.url)}">{html}</a>')
            if run.lang:  # words in another language say which (quoted words, an untranslated passage)
                html = Markup(f'<span lang="{escape(run.lang)}">{html}</span>')
            out.append(html)
        return Markup("").join(out)

    def plain(self, runs: Inline) -> str:
        return text_of(runs)

    def diagram(self, block: Diagram) -> Markup:
        """Return a diagram as inline SVG, wide and (where it can be) drawn again for phones (``web_diagrams``)."""
        return self.drawings.diagram(block)

    def qr(self, url: str) -> Markup:
        return Markup(qr_svg(url, 96, standalone=True))

    def symbol(self, name: str | None, status: str | None) -> Markup:
        """Return a status symbol as a small inline SVG (decorative: the status word beside it says it).

        It is drawn in ``currentColor`` and coloured by its status's class, like the
        word beside it, so the page's dark scheme (and forced colours) recolour it too.
        """
        if not name:
            return Markup("")
        kind = f" status-{escape(status)}" if status else ""
        return Markup(f'<svg class="symbol{kind}" viewBox="0 0 10 10" aria-hidden="true">'
                      f'{status_symbol_svg(name, 10, 0, 0, "currentColor")}</svg>')

    def picture_uri(self, picture: Picture) -> str:
        """Return ``picture`` as a data address for an ``img``: an icon in the accent colour, or the pack's image.

        An ``img`` runs no script an SVG might carry, and the page stays one file.
        """
        if picture.image is not None:
            return image_uri(picture.image.data)
        svg = picture.svg.replace("currentColor", self.theme.colours.accent)
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")

    def short(self, url: str) -> str:
        return short_url(url, 48)

    def source_url(self, attribution: Inline) -> str:
        """Return the address of the first source an attribution cites (a blockquote's ``cite``), or ''."""
        for run in attribution:
            for citation in run.cite:
                entry = self.sources.get(citation.number)
                if entry and entry.url:
                    return entry.url
        return ""

    def backlink(self, number: int) -> str:
        return self.first_cited.get(number, "")

    # -- inside -------------------------------------------------------------

    def _citation(self, run: Run) -> Markup:
        links = []
        for citation in run.cite:
            n = citation.number
            shown = f"{n}{'' if citation.checked else '*'}"
            entry = self.sources.get(n)
            self._count += 1
            ident = f"cite-{self._count}"
            self.first_cited.setdefault(n, ident)
            labels = self.handout.labels
            label = labels.get("citation_name", "Source {number}").format(number=n)
            if not citation.checked:
                label += ", " + labels.get("unchecked", "not yet checked against the original")
            if entry is None:
                links.append(escape(shown))
            else:
                links.append(Markup(f'<a href="#source-{n}" id="{ident}" aria-label="{escape(label)}">'
                                    f"{escape(shown)}</a>"))
        return Markup('<sup class="cite">[') + Markup(", ").join(links) + Markup("]</sup>")

    def _sections(self) -> list[Section]:
        """Give every heading and boxed title an id of its own; return those drawn as ``h2``, for the contents.

        A box's title is a heading too ("Key messages", a lived-experience box):
        the blocks template draws a heading ``level + depth + 1`` deep, so
        whatever it draws as ``h2`` is listed. Ids are slugs of the text, so
        a link to a section keeps working from one build to the next; the
        page's own ids (``content``, ``source-3`` …) are never taken.
        """
        sections = []
        used = set(PAGE_IDS)
        for block, depth in _walk(self.handout.blocks):
            if isinstance(block, Heading):
                text = text_of(block.text)
            elif isinstance(block, Callout) and text_of(block.title).strip():
                text = text_of(block.title)
            else:
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", ascii_letters(text).lower()).strip("-") or "section"
            anchor, n = slug, 2
            while anchor in used or re.fullmatch(NUMBERED_IDS, anchor):
                anchor, n = f"{slug}-{n}", n + 1
            used.add(anchor)
            self.anchors[id(block)] = anchor
            if block.level + depth == 1:
                sections.append(Section(anchor, text))
        return sections


def _walk(blocks: tuple[Block, ...], depth: int = 0) -> Iterator[tuple[Block, int]]:
    """Yield every block with its depth inside boxes, in reading order."""
    for block in blocks:
        yield block, depth
        if isinstance(block, Callout):
            yield from _walk(block.blocks, depth + 1)


def ascii_letters(text: str) -> str:
    """Return ``text`` with accents taken off its letters ("Qué significan" → "Que significan"), for ids."""
    import unicodedata

    text = text.translate(_TYPED_MARKS)  # "worker’s" keeps the id "worker-s" it had when typed "worker's"
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_TYPED_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‚": "'"})


def captioned(blocks: tuple[Block, ...]) -> list[tuple[Block, str]]:
    """Return each block with the text of the heading before it (a table's caption)."""
    caption = ""
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            caption = text_of(block.text)
        out.append((block, caption))
    return out


@dataclass(frozen=True)
class WebNotes:
    """What drawing the page noticed: kinds with no macro, a page drawing its blocks itself, headings with no id."""

    missing: tuple[str, ...] = ()
    old_page: bool = False  # the page template never called page.block: a copy from before the blocks template
    unanchored: tuple[str, ...] = ()  # sections the contents link to that the blocks template gave no id (an old copy)


def render_web(handout: Handout, theme: Theme, page_template: str, blocks_template: str,
               fonts: dict[tuple[str, bool, bool], bytes],
               after_block: Callable[[Block], str] | None = None) -> tuple[bytes, WebNotes]:
    """Return the web edition of ``handout`` and what drawing it noticed (see ``WebNotes``).

    The page template is rendered around the blocks; each block is drawn by
    its macro in the blocks template (see ``WebPage.block``). ``after_block``
    returns safe markup to follow each block: the preview's edit links.
    """
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                                        lstrip_blocks=True, keep_trailing_newline=True)
    page = WebPage(handout, theme, after_block)
    page.macros = env.from_string(blocks_template).make_module({"page": page, "labels": handout.labels})
    cover = next((b for b in handout.blocks if isinstance(b, Cover)), None)
    logo = handout.meta.logo
    logo_uri = image_uri(logo.data) if logo else ""
    html = env.from_string(page_template).render(
        page=page, meta=handout.meta, labels=handout.labels, theme=theme, colours=theme.colours, cover=cover,
        blocks=captioned(tuple(b for b in handout.blocks if not isinstance(b, Cover))), logo=logo_uri,
        fonts=Markup(FONT_MARKER))
    old_page = page.drawn == 0 and len(handout.blocks) > 1
    unanchored = () if old_page else tuple(s.text for s in page.sections if s.anchor not in page.placed)
    notes = WebNotes(tuple(sorted(page.missing)), old_page, unanchored)
    return html.replace(FONT_MARKER, font_faces(html, fonts)).encode("utf-8"), notes


FONT_MARKER = "/* @font-face rules */"


def font_faces(html: str, fonts: dict[tuple[str, bool, bool], bytes]) -> str:
    """Return @font-face rules embedding each font, cut down to the characters the page uses."""
    from generator.fonts.web import subset

    used = set(html)
    drawn = set("".join(re.findall(r"<svg.*?</svg>", html, re.S)))  # Arimo sets only the diagrams' labels
    rules = []
    for (family, bold, italic), data in sorted(fonts.items()):
        characters = drawn if family == "Arimo" else used
        uri = "data:font/ttf;base64," + base64.b64encode(subset(data, characters)).decode("ascii")
        style = "italic" if italic else "normal"
        rules.append(f"@font-face{{font-family:'{family}';font-weight:{700 if bold else 400};"
                     f"font-style:{style};font-display:swap;src:url({uri}) format('truetype')}}")
    return "\n".join(rules)
