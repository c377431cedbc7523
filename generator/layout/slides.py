"""Lay out a ``Deck`` into measured slides that never overflow.

Each text box is filled at the largest size that fits, shrinking step by step
to the theme's floor; past the floor the content continues on a "(cont.)"
slide, and tables split with their header repeated. Content that cannot fit
even alone on a slide at the floor is a build error naming the slide.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import assert_never

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Cover,
    Deck,
    DefinitionList,
    Diagram,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Quote,
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
    TableCell,
    TextBox,
)
from generator.layout.diagrams import layout_diagram_parts, shifted
from generator.layout.fit import Spec, fit_text, line_height, sizes
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
    SHORT_URL_CHARS,
    TITLE_H,
    TITLE_Y,
)
from generator.layout.tables import column_groups, column_widths
from generator.layout.urls import short_url
from generator.layout.wrap import longest_word, wrap
from generator.theme import Theme

CELL_PADDING = 5.0  # points inside each table cell on a slide


def specs_of(block: Block, labels: dict[str, str]) -> list[Spec]:
    """Return the paragraph specs that present ``block`` on a text slide.

    Every block kind is decided here (mypy checks, ``assert_never``): text
    kinds become paragraphs; tables, diagrams and resources have slides of
    their own (``DeckLayout.content``) and are an error inside running text.
    """
    match block:
        case Paragraph():
            if block.style == "attribution":  # introduces the points after it, on every slide they reach
                return [Spec(block.text, "attribution", scale=0.75, lead=True)]
            return [Spec(block.text, "small" if block.style == "small" else "body")]
        case BulletList():
            return [Spec(item, bullet=f"{n}." if block.ordered else "•") for n, item in enumerate(block.items, 1)]
        case Heading():
            return [Spec(block.text, "heading")]
        case Quote():
            specs = [Spec(p, "quote") for p in block.paragraphs]
            specs.append(Spec(((Run("— "),) + block.attribution), "attribution", scale=0.75))
            return specs
        case Callout():
            out = [Spec(block.title, "heading")] if block.title else []
            for child in block.blocks:
                out.extend(specs_of(child, labels))
            return out
        case DefinitionList():
            return [Spec((Run(text_of(term) + ": ", bold=True),) + definition) for term, definition in block.items]
        case SourceList():
            out = []  # its legend is in the footer of every slide that shows the mark
            for entry in block.entries:
                mark = () if entry.checked else (Run(" *", unchecked=True),)
                out.append(Spec((Run(f"{entry.number}. "),) + entry.text + mark, "small", gap=0.2))
            return out
        case PageBreak():
            return []  # a slide is its own page
        case Table() | ResourceList() | StatusMatrix() | Spectrum() | Timeline() | Cover():
            raise BuildError(f"a {type(block).__name__} block cannot be shown inside a slide's running text")
        case _:
            assert_never(block)


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
        runs = (Run(text),)
        accent = any(isinstance(e, RectBox) and e.role == "accent" for e in slide.elements)
        role = "footer_on_accent" if accent else "footer"
        para = LaidParagraph(runs, tuple(wrap(runs, size, FOOTER_W)), size, role, align="right")
        box = TextBox(SLIDE_WIDTH - MARGIN_X - FOOTER_W, SLIDE_HEIGHT - FOOTER_FROM_BOTTOM, FOOTER_W,
                      line_height(size, 1.0) + FOOTER_PAD, (para,), "footer")
        extra: tuple[Element, ...] = (box,)
        legend = self.labels.get("unchecked_legend", "")
        shown = any(isinstance(e, TextBox) and any(text_of(p.runs) == legend for p in e.paragraphs)
                    for e in slide.elements)  # resource slides carry it above their footer already
        if legend and not shown and has_unchecked_mark(slide.elements):
            # The key to "*" where the mark is seen, not only on the sources slide at the end.
            legend_runs = (Run(legend, italic=True),)
            width = BODY_W - FOOTER_W
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
        specs, moved = self._within_budget([s for b in slide.blocks for s in specs_of(b, self.labels)])
        largest = self.sizes.quote_max
        fitted = fit_text(specs, BODY_W, BODY_H, largest, self.sizes.body_min, self.sizes.line_spacing)
        if fitted is None:  # a long quotation continues like any other text
            self.content(slide)
            return
        laid, size = fitted
        spacing = self.sizes.line_spacing
        used = sum(p.space_before + len(p.lines) * line_height(p.size, spacing) for p in laid)
        elements: list[Element] = [self.title_box(slide, slide.title),
                                   # the bar runs beside the quotation and its attribution, not the empty slide below
                                   RectBox(MARGIN_X - QUOTE_BAR_OFFSET, BODY_Y, QUOTE_BAR_W, min(BODY_H, used),
                                           "quote_bar"),
                                   TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body",
                                           self.sizes.line_spacing)]
        self.add(slide, elements, shrunk=size < largest, moved=moved)

    def content(self, slide: Slide) -> None:
        """Lay out any slide of text, tables, diagrams and resources; nothing is ever dropped.

        The blocks are taken in order, in runs: text together, and each table,
        diagram or resource list on its own. Each run makes one or more slides,
        numbered "(cont. 2/3)" after the first.
        """
        parts: list[Part] = []
        text: list[Block] = []
        for block in [*slide.blocks, None]:
            if block is not None and not isinstance(block, (Table, ResourceList, *DIAGRAMS)):
                text.append(block)
                continue
            if text:
                parts += self.text_parts(slide, [s for b in text for s in specs_of(b, self.labels)])
                text = []
            if isinstance(block, Table):
                parts += [p for group in column_groups(block) for p in self.table_parts(slide, group)]
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

    def text_parts(self, slide: Slide, specs: list[Spec]) -> list[Part]:
        """Return the slides a run of text fills, within the theme's word budget.

        Items past the budget move, whole and in order, to the speaker notes; a
        paragraph too long for a slide continues on the next at a sentence break.
        """
        limits = self.sizes
        spacing = limits.line_spacing
        specs, moved = self._within_budget(specs)
        if not specs:
            return []
        fitted = fit_text(specs, BODY_W, BODY_H, limits.body_max, limits.body_min, spacing)
        if fitted is not None:
            laid, size = fitted
            return [Part([TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                         size < limits.body_max, moved)]
        # Too much for one slide even at the floor: fill slides in order at the floor size. A lead
        # (a lived-experience attribution, say) repeats on the slide its points continue on.
        chunks: list[list[Spec]] = [[]]
        lead: Spec | None = None
        queue = list(specs)
        while queue:
            spec = queue.pop(0)
            trial = chunks[-1] + [spec]
            if fit_text(trial, BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is None:
                if fit_text([spec], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is None:
                    head, tail = split_at_sentence(spec, lambda part: fit_text(
                        chunks[-1] + [part], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is not None)
                    if head is None:
                        raise BuildError(f"slide '{text_of(slide.title)}': a sentence does not fit on a slide even "
                                         f"at {limits.body_min:g} pt: '{text_of(spec.runs)[:60]}…'",
                                         text=text_of(spec.runs))
                    chunks[-1].append(head)
                    chunks.append([lead] if lead is not None and not spec.lead else [])
                    queue.insert(0, tail)
                    continue
                if chunks[-1] and chunks[-1][-1] is lead:  # a lead never ends a slide: it moves on with its points
                    chunks[-1].pop()
                if spec.role == "attribution" and not spec.lead and chunks[-1]:
                    # A quotation's attribution never stands alone: its last sentences move on with it.
                    quoted = chunks[-1].pop()
                    head, tail = split_at_sentence(quoted, lambda part: fit_text(
                        chunks[-1] + [part], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is not None)
                    if head is not None:
                        chunks[-1].append(head)
                    chunks.append([tail if head is not None else quoted, spec])
                    continue
                chunks.append([lead, spec] if lead is not None and not spec.lead else [spec])
            else:
                chunks[-1] = trial
            if spec.lead:
                lead = spec
        parts = []
        for index, chunk in enumerate(c for c in chunks if c):
            chunk = [replace(chunk[0], gap=0.0)] + chunk[1:]
            fitted = fit_text(chunk, BODY_W, BODY_H, limits.body_max, limits.body_min, spacing)
            assert fitted is not None
            laid, size = fitted
            parts.append(Part([TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                              size < limits.body_max, moved if index == 0 else ()))
        return parts

    def _within_budget(self, specs: list[Spec]) -> tuple[list[Spec], tuple[Inline, ...]]:
        """Return the specs that keep the slide within its word budget, and the runs of those that move."""
        budget = self.sizes.words
        if not budget:
            return specs, ()
        kept: list[Spec] = []
        moved: list[Inline] = []
        count = 0
        went = False  # whether the item before moved: a quotation's attribution line goes where its quotation went
        for spec in specs:
            words = spec_words(spec)
            first_item = all(s.lead for s in kept)  # a slide always shows its first item, whatever its length
            trailing = spec.role == "attribution" and not spec.lead
            if (went if trailing else not first_item and not spec.lead and (moved or count + words > budget)):
                moved.append(spec.runs)
                went = True
                continue
            went = False
            kept.append(spec)
            count += words
        while kept and kept[-1].lead and len(kept) > 1:  # an attribution whose points all moved moves with them
            moved.insert(0, kept.pop().runs)
        return kept, tuple(moved)

    def diagram_parts(self, block: Diagram) -> list[Part]:
        parts = []
        for laid in layout_diagram_parts(block, MARGIN_X, BODY_Y, BODY_W, BODY_H, self.sizes):
            if isinstance(block, Spectrum):  # a single line of marks reads best in the middle of the slide
                laid = shifted(laid, (BODY_H - laid.h) / 2)
            parts.append(Part([laid]))
        return parts

    def table_parts(self, slide: Slide, table: Table) -> list[Part]:
        limits = self.sizes

        def measure(row: tuple, size: float, header: bool,
                    widths: tuple[float, ...]) -> tuple[tuple[TableCell, ...], float]:
            cells = []
            tallest = 0
            for cell, width in zip(row, widths, strict=True):
                runs = tuple(replace(r, bold=True) for r in cell.text) if header else cell.text
                lines = tuple(wrap(runs, size, width - 2 * CELL_PADDING))
                cells.append(TableCell(runs, lines, cell.status))
                tallest = max(tallest, len(lines))
            return tuple(cells), tallest * line_height(size, 1.0) + 2 * CELL_PADDING

        chosen = None
        for size in sizes(limits.table_max, limits.table_min):
            widths = slide_column_widths(table, size)
            header = measure(table.header, size, True, widths)
            rows = [measure(row, size, False, widths) for row in table.rows]
            chosen = (size, widths, header, rows)
            words_fit = all(longest_word(c.text, size) + 2 * CELL_PADDING <= w + 0.01
                            for row in (table.header, *table.rows) for c, w in zip(row, widths, strict=True))
            if words_fit and header[1] + sum(h for _, h in rows) <= BODY_H:
                break  # the largest size at which every word fits its column and the table its slide
        assert chosen is not None
        size, widths, header, rows = chosen
        groups: list[list[tuple[tuple[TableCell, ...], float]]] = [[]]
        used = header[1]
        for row in rows:
            if used + row[1] > BODY_H and groups[-1]:
                groups.append([])
                used = header[1]
            if header[1] + row[1] > BODY_H:
                raise BuildError(f"slide '{text_of(slide.title)}': a table row does not fit even at {size:g} pt",
                                 text=max((text_of(c.runs) for c in row[0]), key=len))
            groups[-1].append(row)
            used += row[1]
        return [Part([TableBox(MARGIN_X, BODY_Y, widths, (header[1],) + tuple(h for _, h in group),
                               (header[0],) + tuple(c for c, _ in group), size, CELL_PADDING)],
                     size < limits.table_max) for group in groups]

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
                elements.append(PictureBox(x, y, QR_SIZE, QR_SIZE, item.url, f"QR code linking to {item.url}"))
                short = short_url(item.url, SHORT_URL_CHARS)  # the QR code and link carry the whole address
                # The title is the link: its text says where it goes (a bare address would not).
                title = tuple(replace(run, url=item.url) for run in item.title)
                title = title if item.checked else title + (Run(" *", unchecked=True),)
                specs = [Spec(title, "heading"), Spec(((Run(short),)), "small", scale=0.8)]
                fitted = fit_text(specs, text_w, row_h - QR_ROW_GAP, self.sizes.body_min, self.sizes.body_min, 1.0)
                if fitted is None:
                    raise BuildError(f"slide '{text_of(slide.title)}': resource '{text_of(item.title)[:50]}' "
                                     f"does not fit at {self.sizes.body_min:g} pt", text=text_of(item.title))
                elements.append(TextBox(x + QR_SIZE + QR_GAP, y, text_w, row_h - QR_ROW_GAP, tuple(fitted[0]), "body"))
            parts.append(Part(elements + ([legend] if legend else [])))
        return parts


@dataclass
class Part:
    """One slide's worth of a content slide: what to draw below the title."""

    elements: list[Element]
    shrunk: bool = False
    moved: tuple[Inline, ...] = ()  # items past the word budget, moved to this slide's notes


DIAGRAMS = (StatusMatrix, Spectrum, Timeline)


def count_words(text: str) -> int:
    """Return the words in ``text``: tokens with a letter or digit (a lone "…" or "—" is not a word)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def spec_words(spec: Spec) -> int:
    """Return the words a paragraph puts on screen (citation markers and attribution lines are not counted)."""
    if spec.role == "attribution":
        return 0
    return count_words(" ".join(run.text for run in spec.runs if not run.cite))


def longest_text(slide: LaidSlide) -> str:
    """Return the longest paragraph of running text on a slide: what a warning about the slide points editors to."""
    paragraphs = [p for e in slide.elements if isinstance(e, TextBox) and e.role == "body" for p in e.paragraphs]
    texts = [text_of(p.runs) for p in paragraphs if p.role != "attribution"] or [text_of(p.runs) for p in paragraphs]
    return max(texts, key=len, default="")


def slide_words(slide: LaidSlide) -> int:
    """Return the words of running text on a slide: not its title, footer, attributions, diagram labels or citations."""
    count = 0
    for element in slide.elements:
        if isinstance(element, TextBox) and element.role in ("body", "cover"):
            count += sum(count_words(" ".join(r.text for r in p.runs if not r.cite)) for p in element.paragraphs
                         if p.role not in ("title", "cover", "attribution"))
        elif isinstance(element, TableBox):
            count += sum(count_words(" ".join(r.text for r in c.runs if not r.cite))
                         for row in element.cells for c in row)
    return count


_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def split_at_sentence(spec: Spec, fits: Callable[[Spec], bool]) -> tuple[Spec | None, Spec]:
    """Split a paragraph too long for one slide at the last sentence break whose first part ``fits``.

    Returns (head, tail); head is None when not even one sentence fits.
    """
    text = "".join(run.text for run in spec.runs)
    breaks = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    for end, start in reversed(breaks):  # the space between the sentences goes with neither
        head = replace(spec, runs=_slice(spec.runs, 0, end))
        if fits(head):
            return head, replace(spec, runs=_slice(spec.runs, start, len(text)), bullet=None, gap=0.0)
    return None, spec


def _slice(runs: Inline, start: int, end: int) -> Inline:
    """Return the runs covering characters ``start`` to ``end`` of their joined text."""
    out: list[Run] = []
    position = 0
    for run in runs:
        left, right = max(start, position), min(end, position + len(run.text))
        if left < right or (run.cite and start <= position < end):
            out.append(replace(run, text=run.text[left - position:right - position]) if not run.cite else run)
        position += len(run.text)
    return tuple(out)


def slide_column_widths(table: Table, size: float) -> tuple[float, ...]:
    """Return the widths of ``table``'s columns on a slide at ``size`` points (see ``layout.tables``)."""

    def runs(cell: Cell, header: bool) -> Inline:
        return tuple(replace(r, bold=True) for r in cell.text) if header else cell.text

    def longest(cell: Cell, header: bool) -> float:
        return longest_word(runs(cell, header), size)

    def amount(cell: Cell, header: bool) -> float:
        return sum(face(r.bold, r.italic).width(r.text, size) for r in runs(cell, header))

    return column_widths(table, BODY_W, longest, amount, 2 * CELL_PADDING)


# Every slide kind a template may name, and how it is laid out. A kind not here is an error.
SLIDE_KINDS: dict[str, Callable[[DeckLayout, Slide], None]] = {
    "title": DeckLayout.cover,
    "section": DeckLayout.section,
    "closing": DeckLayout.section,
    "quote": DeckLayout.quote,
    "sources": DeckLayout.sources,
    **dict.fromkeys(("agenda", "key-points", "model", "comparison", "diagram", "lived-experience",
                     "recommendations", "resources", "content"), DeckLayout.content),
}


def layout_deck(deck: Deck, theme: Theme) -> tuple[LaidSlide, ...]:
    """Return the measured slides of ``deck``."""
    return DeckLayout(deck, theme).run()
