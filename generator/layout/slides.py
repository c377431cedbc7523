"""Lay out a ``Deck`` into measured slides that never overflow.

Each text box is filled at the largest size that fits, shrinking step by step
to the theme's floor; past the floor the content continues on a "(cont.)"
slide, and tables split with their header repeated. Content that cannot fit
even alone on a slide at the floor is a build error naming the slide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cover,
    Deck,
    DefinitionList,
    Heading,
    Inline,
    Paragraph,
    Quote,
    ResourceList,
    Slide,
    SourceList,
    Table,
    column_groups,
    text_of,
)
from generator.errors import BuildError
from generator.inline import Run
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
from generator.layout.metrics import face
from generator.layout.wrap import longest_word, wrap
from generator.theme import Theme
from generator.urls import short_url

MARGIN_X = 54.0
TITLE_Y = 30.0
TITLE_H = 92.0
BODY_Y = 134.0
BODY_H = SLIDE_HEIGHT - BODY_Y - 58.0
BODY_W = SLIDE_WIDTH - 2 * MARGIN_X
BULLET_INDENT = 26.0
STEP = 2.0
CELL_PADDING = 5.0
QR_SIZE = 108.0
MAX_TABLE_COLUMNS = 5  # data columns per slide; more continue on the next slide
LOGO_W, LOGO_H = 180.0, 70.0
SHORT_URL_CHARS = 60


@dataclass(frozen=True)
class Spec:
    """A paragraph waiting to be laid out; ``scale`` is relative to the body size."""

    runs: Inline
    role: str = "body"
    bullet: str | None = None
    scale: float = 1.0
    gap: float = 0.45  # space before, in ems


def line_height(size: float, spacing: float) -> float:
    return face().line_height(size) * spacing


def _sizes(largest: float, smallest: float) -> Iterator[float]:
    size = largest
    while size > smallest:
        yield size
        size -= STEP
    yield smallest


def lay_paragraphs(specs: list[Spec], size: float, width: float, spacing: float, floor: float) -> tuple[list[LaidParagraph], float]:
    """Return the paragraphs wrapped at ``size`` and their total height."""
    laid: list[LaidParagraph] = []
    total = 0.0
    for index, spec in enumerate(specs):
        s = max(floor, size * spec.scale)
        indent = BULLET_INDENT * s / 24 if spec.bullet else 0.0
        lines = tuple(wrap(spec.runs, s, width - indent))
        before = 0.0 if index == 0 else spec.gap * s
        total += before + len(lines) * line_height(s, spacing)
        laid.append(LaidParagraph(spec.runs, lines, s, spec.role, spec.bullet, indent, before))
    return laid, total


def fit_text(specs: list[Spec], width: float, height: float, largest: float, floor: float,
             spacing: float) -> tuple[list[LaidParagraph], float] | None:
    """Return paragraphs at the largest size that fits ``height``, or None below the floor."""
    for size in _sizes(largest, floor):
        laid, total = lay_paragraphs(specs, size, width, spacing, floor)
        if total <= height:
            return laid, size
    return None


def specs_of(block: Block, labels: dict[str, str]) -> list[Spec]:
    """Return the paragraph specs that present ``block`` on a text slide."""
    if isinstance(block, Paragraph):
        return [Spec(block.text, "small" if block.style == "small" else "body")]
    if isinstance(block, BulletList):
        return [Spec(item, bullet=f"{n}." if block.ordered else "•") for n, item in enumerate(block.items, 1)]
    if isinstance(block, Heading):
        return [Spec(block.text, "heading")]
    if isinstance(block, Quote):
        specs = [Spec(p, "quote") for p in block.paragraphs]
        specs.append(Spec(((Run("— "),) + block.attribution), "attribution", scale=0.75))
        return specs
    if isinstance(block, Callout):
        out = [Spec(block.title, "heading")] if block.title else []
        for child in block.blocks:
            out.extend(specs_of(child, labels))
        return out
    if isinstance(block, DefinitionList):
        return [Spec((Run(text_of(term) + ": ", bold=True),) + definition) for term, definition in block.items]
    if isinstance(block, SourceList):
        out = []
        for entry in block.entries:
            mark = " *" if not entry.checked else ""
            out.append(Spec((Run(f"{entry.number}. "),) + entry.text + ((Run(mark),) if mark else ()),
                            "small", gap=0.2))
        return out
    raise BuildError(f"a {type(block).__name__} block cannot be shown on a text slide")


class DeckLayout:
    """Lays out one deck with one theme; collects counts of shrunk and continued slides."""

    def __init__(self, deck: Deck, theme: Theme):
        self.deck = deck
        self.theme = theme
        self.sizes = theme.deck
        self.labels = deck.labels
        self.slides: list[LaidSlide] = []

    def run(self) -> tuple[LaidSlide, ...]:
        for slide in self.deck.slides:
            handler = KIND_LAYOUTS.get(slide.kind, DeckLayout.content)
            handler(self, slide)
        total = len(self.slides)
        numbered = [replace(s, number=i) for i, s in enumerate(self.slides, start=1)]
        return tuple(self._with_footer(s, total) for s in numbered)

    # -- pieces -------------------------------------------------------------

    def title_box(self, slide: Slide, text: Inline, *, y: float = TITLE_Y, h: float = TITLE_H,
                  largest: float | None = None, role: str = "title", align: str = "left") -> TextBox:
        sizes = self.sizes
        fitted = fit_text([Spec(text, role)], BODY_W, h, largest or sizes.title_max, sizes.title_min, 1.0)
        if fitted is None:
            raise BuildError(f"slide '{text_of(slide.title)}': title too long to fit at {sizes.title_min:g} pt")
        laid, _ = fitted
        laid = [replace(p, align=align) for p in laid]
        return TextBox(MARGIN_X, y, BODY_W, h, tuple(laid), role)

    def add(self, slide: Slide, elements: list[Element], *, shrunk: bool = False, part: int = 0,
            parts: int = 1) -> None:
        title = text_of(self._title_for(slide, part, parts))
        self.slides.append(LaidSlide(slide.kind, title, tuple(elements), slide.notes, 0, shrunk, part > 0))

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
        para = LaidParagraph(runs, tuple(wrap(runs, size, 200)), size, role, align="right")
        box = TextBox(SLIDE_WIDTH - MARGIN_X - 200, SLIDE_HEIGHT - 40, 200, line_height(size, 1.0) + 2,
                      (para,), "footer")
        return replace(slide, elements=slide.elements + (box,))

    # -- slide kinds ------------------------------------------------------------

    def cover(self, slide: Slide) -> None:
        cover = next((b for b in slide.blocks if isinstance(b, Cover)), None)
        title = cover.title if cover else slide.title
        elements: list[Element] = [RectBox(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, "accent")]
        elements.append(self.title_box(slide, title, y=120, h=170, largest=self.sizes.cover_title, role="cover"))
        specs = []
        if cover and cover.subtitle:
            specs.append(Spec(cover.subtitle, "cover_sub"))
        for line in cover.lines if cover else ():
            specs.append(Spec(line, "cover_sub", scale=0.75))
        if specs:
            fitted = fit_text(specs, BODY_W, 200, self.sizes.body_max, self.sizes.body_min, 1.0)
            if fitted is None:
                raise BuildError(f"slide '{text_of(slide.title)}': subtitle too long")
            elements.append(TextBox(MARGIN_X, 300, BODY_W, 200, tuple(fitted[0]), "cover"))
        logo = self.deck.meta.logo
        if logo:
            scale = min(LOGO_W / logo.width, LOGO_H / logo.height)
            w, h = logo.width * scale, logo.height * scale
            elements.append(ImageBox(SLIDE_WIDTH - MARGIN_X - w, TITLE_Y, w, h, logo.data,
                                     logo.alt or f"Logo of {self.deck.meta.author}"))
        self.add(slide, elements)

    def section(self, slide: Slide) -> None:
        elements: list[Element] = [RectBox(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, "accent")]
        elements.append(self.title_box(slide, slide.title, y=190, h=130, largest=self.sizes.cover_title,
                                       role="cover"))
        specs = [s for b in slide.blocks for s in specs_of(b, self.labels)]
        if specs:
            specs = [replace(s, role="cover_sub") for s in specs]
            fitted = fit_text(specs, BODY_W, 140, self.sizes.body_max, self.sizes.body_min, 1.0)
            if fitted is None:
                raise BuildError(f"slide '{text_of(slide.title)}': text too long for a section slide")
            elements.append(TextBox(MARGIN_X, 330, BODY_W, 140, tuple(fitted[0]), "cover"))
        self.add(slide, elements)

    def quote(self, slide: Slide) -> None:
        specs = [s for b in slide.blocks for s in specs_of(b, self.labels)]
        largest = self.sizes.quote_max
        fitted = fit_text(specs, BODY_W, BODY_H, largest, self.sizes.body_min, self.sizes.line_spacing)
        if fitted is None:  # a long quotation continues like any other text
            self.content(slide)
            return
        laid, size = fitted
        elements: list[Element] = [self.title_box(slide, slide.title),
                                   RectBox(MARGIN_X - 14, BODY_Y, 5, BODY_H, "quote_bar"),
                                   TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body",
                                           self.sizes.line_spacing)]
        self.add(slide, elements, shrunk=size < largest)

    def content(self, slide: Slide) -> None:
        tables = [b for b in slide.blocks if isinstance(b, Table)]
        resources = [b for b in slide.blocks if isinstance(b, ResourceList)]
        if tables:
            for part in column_groups(tables[0], MAX_TABLE_COLUMNS):
                self.table(slide, part)
            return
        if resources:
            self.resources(slide, resources[0])
            return
        specs = [s for b in slide.blocks for s in specs_of(b, self.labels)]
        self.text_slides(slide, specs)

    def text_slides(self, slide: Slide, specs: list[Spec]) -> None:
        sizes = self.sizes
        spacing = sizes.line_spacing
        fitted = fit_text(specs, BODY_W, BODY_H, sizes.body_max, sizes.body_min, spacing)
        if fitted is not None:
            laid, size = fitted
            self.add(slide, [self.title_box(slide, slide.title),
                             TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                     shrunk=size < sizes.body_max)
            return
        # Too much for one slide even at the floor: fill slides in order at the floor size.
        chunks: list[list[Spec]] = [[]]
        for spec in specs:
            trial = chunks[-1] + [spec]
            if fit_text(trial, BODY_W, BODY_H, sizes.body_min, sizes.body_min, spacing) is None:
                if not chunks[-1]:
                    raise BuildError(
                        f"slide '{text_of(slide.title)}': a paragraph does not fit on a slide even at "
                        f"{sizes.body_min:g} pt: '{text_of(spec.runs)[:60]}…'"
                    )
                chunks.append([spec])
                if fit_text([spec], BODY_W, BODY_H, sizes.body_min, sizes.body_min, spacing) is None:
                    raise BuildError(
                        f"slide '{text_of(slide.title)}': a paragraph does not fit on a slide even at "
                        f"{sizes.body_min:g} pt: '{text_of(spec.runs)[:60]}…'"
                    )
            else:
                chunks[-1] = trial
        for index, chunk in enumerate(chunks):
            chunk = [replace(chunk[0], gap=0.0)] + chunk[1:]
            fitted = fit_text(chunk, BODY_W, BODY_H, sizes.body_max, sizes.body_min, spacing)
            assert fitted is not None
            laid, size = fitted
            title = self._title_for(slide, index, len(chunks))
            self.add(slide, [self.title_box(slide, title),
                             TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                     shrunk=size < sizes.body_max, part=index, parts=len(chunks))

    def table(self, slide: Slide, table: Table) -> None:
        sizes = self.sizes

        def measure(row: tuple, size: float, header: bool,
                    widths: tuple[float, ...]) -> tuple[tuple[TableCell, ...], float]:
            cells = []
            tallest = 0
            for cell, width in zip(row, widths):
                runs = tuple(replace(r, bold=True) for r in cell.text) if header else cell.text
                lines = tuple(wrap(runs, size, width - 2 * CELL_PADDING))
                cells.append(TableCell(runs, lines, cell.status))
                tallest = max(tallest, len(lines))
            return tuple(cells), tallest * line_height(size, 1.0) + 2 * CELL_PADDING

        chosen = None
        for size in _sizes(sizes.table_max, sizes.table_min):
            widths = column_widths(table, size)
            header = measure(table.header, size, True, widths)
            rows = [measure(row, size, False, widths) for row in table.rows]
            chosen = (size, widths, header, rows)
            if header[1] + sum(h for _, h in rows) <= BODY_H:
                break
        assert chosen is not None
        size, widths, header, rows = chosen
        groups: list[list[tuple[tuple[TableCell, ...], float]]] = [[]]
        used = header[1]
        for row in rows:
            if used + row[1] > BODY_H and groups[-1]:
                groups.append([])
                used = header[1]
            if header[1] + row[1] > BODY_H:
                raise BuildError(f"slide '{text_of(slide.title)}': a table row does not fit even at {size:g} pt")
            groups[-1].append(row)
            used += row[1]
        for index, group in enumerate(groups):
            box = TableBox(MARGIN_X, BODY_Y, widths, (header[1],) + tuple(h for _, h in group),
                           (header[0],) + tuple(c for c, _ in group), size, CELL_PADDING)
            title = self._title_for(slide, index, len(groups))
            self.add(slide, [self.title_box(slide, title), box], shrunk=size < sizes.table_max,
                     part=index, parts=len(groups))

    def resources(self, slide: Slide, block: ResourceList) -> None:
        per_slide = 4
        col_w = BODY_W / 2
        row_h = BODY_H / 2
        text_w = col_w - QR_SIZE - 24
        items = list(block.items)
        pages = max(1, -(-len(items) // per_slide))
        for page, start in enumerate(range(0, len(items), per_slide)):
            elements: list[Element] = [self.title_box(slide, self._title_for(slide, page, pages))]
            for offset, item in enumerate(items[start:start + per_slide]):
                x = MARGIN_X + (offset % 2) * col_w
                y = BODY_Y + (offset // 2) * row_h
                elements.append(PictureBox(x, y, QR_SIZE, QR_SIZE, item.url, f"QR code linking to {item.url}"))
                short = short_url(item.url, SHORT_URL_CHARS)  # the QR code and link carry the whole address
                specs = [Spec(item.title, "heading"), Spec(((Run(short, url=item.url),)), "small", scale=0.8)]
                fitted = fit_text(specs, text_w, row_h - 10, self.sizes.body_min, self.sizes.body_min, 1.0)
                if fitted is None:
                    raise BuildError(f"slide '{text_of(slide.title)}': resource '{text_of(item.title)[:50]}' "
                                     f"does not fit at {self.sizes.body_min:g} pt")
                elements.append(TextBox(x + QR_SIZE + 12, y, text_w, row_h - 10, tuple(fitted[0]), "body"))
            self.add(slide, elements, part=page, parts=pages)


def column_widths(table: Table, size: float) -> tuple[float, ...]:
    """Return column widths: each column's longest word first, the rest shared by amount of text."""
    minimums, amounts = [], []
    for index in range(len(table.header)):
        cells = [table.header[index]] + [row[index] for row in table.rows]
        longest, amount = 0.0, 0.0
        for number, cell in enumerate(cells):
            runs = tuple(replace(r, bold=True) for r in cell.text) if number == 0 else cell.text
            longest = max(longest, longest_word(runs, size))
            amount += sum(face(r.bold, r.italic).width(r.text, size) for r in runs)
        minimums.append(longest + 2 * CELL_PADDING)
        amounts.append(amount)
    spare = BODY_W - sum(minimums)
    if spare <= 0:
        return tuple(BODY_W * m / sum(minimums) for m in minimums)
    weights = [a ** 0.5 for a in amounts]
    return tuple(m + spare * w / sum(weights) for m, w in zip(minimums, weights))


KIND_LAYOUTS: dict[str, Callable[[DeckLayout, Slide], None]] = {
    "title": DeckLayout.cover,
    "section": DeckLayout.section,
    "closing": DeckLayout.section,
    "quote": DeckLayout.quote,
}


def layout_deck(deck: Deck, theme: Theme) -> tuple[LaidSlide, ...]:
    """Return the measured slides of ``deck``."""
    return DeckLayout(deck, theme).run()
