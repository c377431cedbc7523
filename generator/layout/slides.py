"""Lay out a ``Deck`` into measured slides that never overflow.

Each text box is filled at the largest size that fits, shrinking step by step
to the theme's floor; past the floor the content continues on a "(cont.)"
slide, and tables split with their header repeated. Content that cannot fit
even alone on a slide at the floor is a build error naming the slide.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import replace

from generator.document import (
    Block,
    Cover,
    Deck,
    Diagram,
    Inline,
    ResourceList,
    Run,
    Slide,
    SourceList,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    any_unchecked,
    text_of,
)
from generator.errors import BuildError
from generator.fonts.metrics import face
from generator.layout.boxes import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Element,
    ImageBox,
    LaidParagraph,
    LaidSlide,
    PictureBox,
    RectBox,
    TableBox,
    TextBox,
)
from generator.layout.diagrams import layout_diagram_parts, shifted
from generator.layout.fit import Spec, fit_text, line_height
from generator.layout.grid import (
    BODY_H,
    BODY_W,
    BODY_Y,
    COVER_BAND_H,
    COVER_LINES_H,
    COVER_LINES_Y,
    COVER_SUB_H,
    COVER_SUB_Y,
    COVER_TITLE_H,
    COVER_TITLE_Y,
    FOOTER_FROM_BOTTOM,
    FOOTER_PAD,
    FOOTER_W,
    LOGO_H,
    LOGO_W,
    MARGIN_X,
    QR_GAP,
    QR_ROW_GAP,
    QR_SIZE,
    QR_TEXT_MARGIN,
    QUOTE_BAR_OFFSET,
    QUOTE_BAR_W,
    RESOURCES_PER_SLIDE,
    SECTION_TEXT_H,
    SECTION_TEXT_Y,
    SECTION_TITLE_H,
    SECTION_TITLE_Y,
    TITLE_H,
    TITLE_Y,
)
from generator.layout.slide_tables import table_parts
from generator.layout.slide_text import Part, count_words, largest_for, specs_of, text_parts, within_budget
from generator.layout.tables import column_groups
from generator.layout.urls import short_url
from generator.layout.wrap import wrap
from generator.theme import Theme


def has_unchecked_mark(elements: tuple[Element, ...]) -> bool:
    """Return whether any text on a slide carries the unchecked mark: a citation of an unchecked source, or the mark."""
    for element in elements:
        if isinstance(element, TextBox) and any(any_unchecked(p.runs) for p in element.paragraphs):
            return True
        if isinstance(element, TableBox) and any(any_unchecked(c.runs) for row in element.cells for c in row):
            return True
    return False


class DeckLayout:
    """Lays out one deck with one theme, slide by slide, into ``slides``."""

    def __init__(self, deck: Deck, theme: Theme):
        self.deck = deck
        self.theme = theme
        self.sizes = theme.deck
        self.labels = deck.labels
        self.slides: list[LaidSlide] = []
        self.sections = 0

    def run(self) -> tuple[LaidSlide, ...]:
        for slide in self.deck.slides:
            handler = SLIDE_KINDS.get(slide.kind)
            if handler is None:
                close = difflib.get_close_matches(slide.kind, list(SLIDE_KINDS), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise BuildError(f"slide '{text_of(slide.title)}': no slide kind '{slide.kind}'{hint}; "
                                 f"kinds: {', '.join(sorted(SLIDE_KINDS))}")
            handler(self, slide)
        total = len(self.slides)
        numbered = [replace(s, number=i) for i, s in enumerate(self.slides, start=1)]
        return tuple(self._with_footer(s, total) for s in numbered)

    # -- pieces -------------------------------------------------------------

    def title_box(self, slide: Slide, text: Inline, *, y: float = TITLE_Y, h: float = TITLE_H,
                  largest: float | None = None, role: str = "title", align: str = "left") -> TextBox:
        limits = self.sizes
        fitted = fit_text([Spec(text, role)], BODY_W, h, largest or limits.title_max, limits.title_min, 1.0)
        if fitted is None:
            raise BuildError(f"slide '{text_of(slide.title)}': title too long to fit at {limits.title_min:g} pt",
                             text=text_of(text))
        laid, _ = fitted
        laid = [replace(p, align=align) for p in laid]
        return TextBox(MARGIN_X, y, BODY_W, h, tuple(laid), role)

    def add(self, slide: Slide, elements: list[Element], *, shrunk: bool = False, part: int = 0,
            parts: int = 1, moved: tuple[Inline, ...] = ()) -> None:
        title = text_of(self._title_for(slide, part, parts))
        self.slides.append(LaidSlide(slide.kind, title, tuple(elements), slide.notes + moved, 0, shrunk,
                                     text_of(slide.title), part, parts, len(moved)))

    def _title_for(self, slide: Slide, part: int, parts: int) -> Inline:
        """Return the slide title, marked "(cont. 2/3)" on continuation slides so titles stay unique."""
        if part == 0:
            return slide.title
        return slide.title + (Run(f" ({self.labels.get('continued', 'cont.')} {part + 1}/{parts})"),)

    def _with_footer(self, slide: LaidSlide, total: int) -> LaidSlide:
        if slide.kind == "title":
            return slide
        size = self.sizes.footer
        text = self.labels.get("slide_of", "{page} / {pages}").format(page=slide.number, pages=total)
        if self.deck.meta.draft:  # a draft translation says so on every slide
            text = f"{self.deck.meta.draft} · {text}"
        runs = (Run(text),)
        footer_w = min(max(FOOTER_W, face().width(text, size) + 4), BODY_W * 0.6)
        accent = any(isinstance(e, RectBox) and e.role == "accent" for e in slide.elements)
        role = "footer_on_accent" if accent else "footer"
        para = LaidParagraph(runs, tuple(wrap(runs, size, footer_w)), size, role, align="right")
        box = TextBox(SLIDE_WIDTH - MARGIN_X - footer_w, SLIDE_HEIGHT - FOOTER_FROM_BOTTOM, footer_w,
                      len(para.lines) * line_height(size, 1.0) + FOOTER_PAD, (para,), "footer")
        extra: tuple[Element, ...] = (box,)
        legend = self.labels.get("unchecked_legend", "")
        shown = any(isinstance(e, TextBox) and any(text_of(p.runs) == legend for p in e.paragraphs)
                    for e in slide.elements)  # resource slides carry it above their footer already
        if legend and not shown and has_unchecked_mark(slide.elements):
            # The key to "*" where the mark is seen, not only on the sources slide at the end.
            legend_runs = (Run(legend, italic=True),)
            width = BODY_W - footer_w
            lines = tuple(wrap(legend_runs, size, width))
            key = LaidParagraph(legend_runs, lines, size, role)
            extra += (TextBox(MARGIN_X, SLIDE_HEIGHT - FOOTER_FROM_BOTTOM, width,
                              len(lines) * line_height(size, 1.0) + FOOTER_PAD, (key,), "legend"),)
        return replace(slide, elements=slide.elements + extra)

    # -- slide kinds ------------------------------------------------------------

    def cover(self, slide: Slide) -> None:
        """The title slide, like the handout's cover: the title in the brand band, who and when below it."""
        cover = next((b for b in slide.blocks if isinstance(b, Cover)), None)
        title = cover.title if cover else slide.title
        elements: list[Element] = [RectBox(0, 0, SLIDE_WIDTH, COVER_BAND_H, "accent")]
        elements.append(self.title_box(slide, title, y=COVER_TITLE_Y, h=COVER_TITLE_H,
                                       largest=self.sizes.cover_title, role="cover"))
        if cover and cover.subtitle:
            fitted = fit_text([Spec(cover.subtitle, "cover_sub")], BODY_W, COVER_SUB_H, self.sizes.body_max,
                              self.sizes.body_min, 1.0)
            if fitted is None:
                raise BuildError(f"slide '{text_of(slide.title)}': subtitle too long", text=text_of(cover.subtitle))
            elements.append(TextBox(MARGIN_X, COVER_SUB_Y, BODY_W, COVER_SUB_H, tuple(fitted[0]), "cover"))
        lines = [Spec(line, "body", scale=0.8) for line in (cover.lines if cover else ())]
        if lines:
            fitted = fit_text(lines, BODY_W, COVER_LINES_H, self.sizes.body_max, self.sizes.body_min, 1.0)
            if fitted is None:
                raise BuildError(f"slide '{text_of(slide.title)}': cover lines too long",
                                 text=max((text_of(s.runs) for s in lines), key=len))
            elements.append(TextBox(MARGIN_X, COVER_LINES_Y, BODY_W, COVER_LINES_H, tuple(fitted[0]), "body"))
        logo = self.deck.meta.logo
        if logo:
            scale = min(LOGO_W / logo.width, LOGO_H / logo.height)
            w, h = logo.width * scale, logo.height * scale
            elements.append(ImageBox(SLIDE_WIDTH - MARGIN_X - w, COVER_LINES_Y, w, h, logo.data,
                                     logo.alt or f"Logo of {self.deck.meta.author}"))
        self.add(slide, elements)

    def section(self, slide: Slide) -> None:
        """A section (or closing) slide in the brand colour; sections are numbered "Part 2" in order."""
        elements: list[Element] = [RectBox(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, "accent")]
        if slide.kind == "section":
            self.sections += 1
            label = self.labels.get("section_number", "Part {number}").format(number=self.sections)
            runs = (Run(label, bold=True),)
            size = self.sizes.body_min
            elements.append(TextBox(MARGIN_X, SECTION_TITLE_Y - line_height(size, 1.0) - 6, BODY_W,
                                    line_height(size, 1.0), (LaidParagraph(runs, tuple(wrap(runs, size, BODY_W)),
                                                                          size, "cover_sub"),), "cover"))
        elements.append(self.title_box(slide, slide.title, y=SECTION_TITLE_Y, h=SECTION_TITLE_H,
                                       largest=self.sizes.cover_title, role="cover"))
        specs = [s for b in slide.blocks for s in specs_of(b, self.labels)]
        if specs:
            specs = [replace(s, role="cover_sub") for s in specs]
            fitted = fit_text(specs, BODY_W, SECTION_TEXT_H, self.sizes.body_max, self.sizes.body_min, 1.0)
            if fitted is None:
                raise BuildError(f"slide '{text_of(slide.title)}': text too long for a section slide",
                                 text=max((text_of(s.runs) for s in specs), key=len))
            elements.append(TextBox(MARGIN_X, SECTION_TEXT_Y, BODY_W, SECTION_TEXT_H, tuple(fitted[0]), "cover"))
        self.add(slide, elements)

    def quote(self, slide: Slide) -> None:
        specs, moved = within_budget([s for b in slide.blocks for s in specs_of(b, self.labels)], self.sizes.words)
        largest = max(self.sizes.quote_max, largest_for(specs, self.sizes))  # a short quotation, presenter-sized
        fitted = fit_text(specs, BODY_W, BODY_H, largest, self.sizes.body_min, self.sizes.line_spacing)
        if fitted is None:  # a long quotation continues like any other text
            self.content(slide)
            return
        laid, size = fitted
        spacing = self.sizes.line_spacing
        used = sum(p.space_before + len(p.lines) * line_height(p.size, spacing) for p in laid)
        # A quotation of a few lines stands a third of the way down the space, not pressed under the title.
        top = BODY_Y + ((BODY_H - used) / 3 if used < BODY_H / 2 else 0.0)
        elements: list[Element] = [self.title_box(slide, slide.title),
                                   # the bar runs beside the quotation and its attribution, not the empty slide below
                                   RectBox(MARGIN_X - QUOTE_BAR_OFFSET, top, QUOTE_BAR_W, min(BODY_H, used),
                                           "quote_bar"),
                                   TextBox(MARGIN_X, top, BODY_W, BODY_H - (top - BODY_Y), tuple(laid), "body",
                                           self.sizes.line_spacing)]
        self.add(slide, elements, shrunk=size < largest, moved=moved)

    def whole(self, slide: Slide) -> None:
        """Lay out a slide whose items belong together (a model and every party's status): none moves to the notes.

        Moving the third party's status off a model slide would show a model
        as if it had two parties; such a slide over the word budget stays
        whole (shrinking or continuing) and the build warns at its longest text.
        """
        self.content(slide, budget=0)

    def content(self, slide: Slide, budget: int | None = None) -> None:
        """Lay out any slide of text, tables, diagrams and resources; nothing is ever dropped.

        The blocks are taken in order, in runs: text together, and each table,
        diagram or resource list on its own. Each run makes one or more slides,
        numbered "(cont. 2/3)" after the first. Items past the word budget move
        to the notes (``budget`` 0: none does).
        """
        sizes = self.sizes if budget is None else self.sizes.model_copy(update={"words": budget})
        parts: list[Part] = []
        text: list[Block] = []
        for block in [*slide.blocks, None]:
            if block is not None and not isinstance(block, (Table, ResourceList, *DIAGRAMS)):
                text.append(block)
                continue
            if text:
                parts += text_parts(slide, [s for b in text for s in specs_of(b, self.labels)], sizes)
                text = []
            if isinstance(block, Table):
                parts += [p for group in column_groups(block) for p in table_parts(slide, group, self.sizes)]
            elif isinstance(block, ResourceList):
                parts += self.resource_parts(slide, block)
            elif block is not None:
                parts += self.diagram_parts(block)
        for index, part in enumerate(parts):
            title = self._title_for(slide, index, len(parts))
            self.add(slide, [self.title_box(slide, title), *part.elements], shrunk=part.shrunk, part=index,
                     parts=len(parts), moved=part.moved)

    def sources(self, slide: Slide) -> None:
        """Lay out the talk's one sources slide: its words (and any QR code) on screen, the list in the notes."""
        listed = [b for b in slide.blocks if isinstance(b, SourceList)]
        rest = [b for b in slide.blocks if not isinstance(b, SourceList)]
        notes = list(slide.notes)
        for block in listed:
            notes += [spec.runs for spec in specs_of(block, self.labels)]
        self.content(replace(slide, blocks=tuple(rest), notes=tuple(notes)))

    def diagram_parts(self, block: Diagram) -> list[Part]:
        parts = []
        for laid in layout_diagram_parts(block, MARGIN_X, BODY_Y, BODY_W, BODY_H, self.sizes):
            if isinstance(block, Spectrum):  # a single line of marks reads best in the middle of the slide
                laid = shifted(laid, (BODY_H - laid.h) / 2)
            parts.append(Part([laid]))
        return parts

    def resource_parts(self, slide: Slide, block: ResourceList) -> list[Part]:
        per_slide = RESOURCES_PER_SLIDE
        legend = None
        if block.legend:  # the key to the unchecked mark, along the bottom of every resource slide
            size = self.sizes.body_min
            runs = tuple(replace(run, italic=True) for run in block.legend)
            lines = tuple(wrap(runs, size, BODY_W))
            height = len(lines) * line_height(size, 1.0)
            legend = TextBox(MARGIN_X, BODY_Y + BODY_H - height, BODY_W, height,
                             (LaidParagraph(runs, lines, size, "attribution"),), "body")
        col_w = BODY_W / 2
        row_h = (BODY_H - (legend.h + QR_ROW_GAP if legend else 0)) / 2
        text_w = col_w - QR_SIZE - QR_TEXT_MARGIN
        items = list(block.items)
        parts = []
        for start in range(0, len(items), per_slide):
            elements: list[Element] = []
            for offset, item in enumerate(items[start:start + per_slide]):
                x = MARGIN_X + (offset % 2) * col_w
                y = BODY_Y + (offset // 2) * row_h
                # One link per resource, its address: short enough for one line, as LibreOffice will not
                # wrap a link; the QR code and the link carry the whole address.
                address = one_line_address(item.url, text_w, self.sizes.body_min)
                title = item.title if item.checked else item.title + (Run(" *", unchecked=True),)
                link = Run(address, url=item.url, link_title=text_of(item.title))
                specs = [Spec(title, "heading"), Spec((link,), "small")]
                fitted = fit_text(specs, text_w, row_h - QR_ROW_GAP, self.sizes.body_min, self.sizes.body_min, 1.0)
                if fitted is None:
                    raise BuildError(f"slide '{text_of(slide.title)}': resource '{text_of(item.title)[:50]}' "
                                     f"does not fit at {self.sizes.body_min:g} pt", text=text_of(item.title))
                elements.append(TextBox(x + QR_SIZE + QR_GAP, y, text_w, row_h - QR_ROW_GAP, tuple(fitted[0]), "body"))
                # After its title in reading order, named after it.
                name = self.labels.get("qr_name", "QR code for {title}").format(title=text_of(item.title))
                elements.append(PictureBox(x, y, QR_SIZE, QR_SIZE, item.url, name))
            parts.append(Part(elements + ([legend] if legend else [])))
        return parts


DIAGRAMS = (StatusMatrix, Spectrum, Timeline)


def one_line_address(url: str, width: float, size: float) -> str:
    """Return the longest short form of ``url`` (cut with '…') that fits ``width`` at ``size`` on one line."""
    limit = len(short_url(url))
    while limit > 12:
        address = short_url(url, limit)
        if face(False).width(address, size) <= width:
            return address
        limit -= 1
    return short_url(url, limit)


def longest_text(slide: LaidSlide) -> str:
    """Return the longest paragraph of running text on a slide: what a warning about the slide points editors to."""
    paragraphs = [p for e in slide.elements if isinstance(e, TextBox) and e.role == "body" for p in e.paragraphs]
    texts = [text_of(p.runs) for p in paragraphs if p.role != "attribution"] or [text_of(p.runs) for p in paragraphs]
    return max(texts, key=len, default="")


def slide_words(slide: LaidSlide) -> int:
    """Return the words on screen of a slide, but its title and footer: text, attributions, tables.

    Citation markers are not words; a diagram is a figure, read by its alt
    text, and its labels are not running text; words in another language
    (a quotation beside its translation) are shown, not read (``spec_words``).
    """
    count = 0
    for element in slide.elements:
        if isinstance(element, TextBox) and element.role in ("body", "cover"):
            count += sum(count_words(" ".join(r.text for r in p.runs if not r.cite and not r.lang))
                         for p in element.paragraphs if p.role not in ("title", "cover"))
        elif isinstance(element, TableBox):
            count += sum(count_words(" ".join(r.text for r in c.runs if not r.cite and not r.lang))
                         for row in element.cells for c in row)
    return count


# Every slide kind a template may name, and how it is laid out. A kind not here is an error.
SLIDE_KINDS: dict[str, Callable[[DeckLayout, Slide], None]] = {
    "title": DeckLayout.cover,
    "section": DeckLayout.section,
    "closing": DeckLayout.section,
    "quote": DeckLayout.quote,
    "sources": DeckLayout.sources,
    "model": DeckLayout.whole,
    **dict.fromkeys(("agenda", "key-points", "comparison", "diagram", "lived-experience",
                     "recommendations", "resources", "content"), DeckLayout.content),
}


def layout_deck(deck: Deck, theme: Theme) -> tuple[LaidSlide, ...]:
    """Return the measured slides of ``deck`` (its citation numbers in the notes, when the theme says so)."""
    if theme.deck.citations == "notes":
        from generator.layout.cited_notes import citations_in_notes

        deck = citations_in_notes(deck)
    return DeckLayout(deck, theme).run()
