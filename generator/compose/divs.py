"""Turn storyboard divs into document blocks: one small handler per div kind.

Templates decide which divs appear and in what order; these functions turn the
content objects a div names (a quote, a model, the resources) into blocks, in
the pack's own words (``words``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from generator.compose.storyboard import Div, StoryboardError, inline_of, markdown_blocks
from generator.compose.words import Words
from generator.content.items import ExperiencePoint, Source, short_attribution
from generator.content.items import Quote as QuoteItem
from generator.content.models import Criminalisation, Dimension, LegalModel
from generator.content.passages import lang_of
from generator.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Citation,
    Cover,
    DefinitionList,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Quote,
    ResourceItem,
    ResourceList,
    Run,
    SourceList,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    TimelineEvent,
    append_run,
    text_of,
)
from generator.errors import Problem


@dataclass
class DivContext:
    """What div handlers may read: the printed values, the pack's words and sources, the fixed wording."""

    values: list[Any]
    words: Words
    sources: dict[str, Source]
    problems: list[Problem] = field(default_factory=list)

    @property
    def labels(self) -> dict[str, str]:
        return self.words.labels

    def blocks(self, div: Div) -> list[Block]:
        """Return the blocks of ``div``'s children, in order."""
        out: list[Block] = []
        for child in div.children:
            if isinstance(child, str):
                out.extend(markdown_blocks(child, self.values))
            else:
                out.extend(div_blocks(child, self))
        return out

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def legend(self) -> Inline:
        """Return the key to the unchecked mark, as printed wherever the mark appears."""
        return (Run(self.label("unchecked_legend")),)


DivHandler = Callable[[Div, DivContext], list[Block]]


def _need(div: Div, name: str, kind: type | tuple[type, ...]) -> Any:
    value = div.attrs.get(name)
    if not isinstance(value, kind):
        raise StoryboardError(div.line, f"div '{div.kind}' needs {name}={{{{ … }}}} naming content")
    return value


def _joined(*parts: Inline) -> Inline:
    runs: list[Run] = []
    for part in parts:
        for run in part:
            append_run(runs, run)
    return tuple(runs)


def _cite(ids: Any) -> Inline:
    ids = tuple(ids) if isinstance(ids, (list, tuple)) else ((ids,) if ids else ())
    return (Run("", cite=tuple(Citation(source) for source in ids)),) if ids else ()


def cover_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return a cover: its title heading, subtitle and lines, and a list (with the heading above it) as its points."""
    blocks = ctx.blocks(div)
    points: tuple[Inline, ...] = ()
    points_title: Inline = ()
    for index, block in enumerate(blocks):
        if isinstance(block, BulletList):
            points = block.items
            before = blocks[index - 1] if index else None
            if isinstance(before, Heading) and before.level > 1:
                points_title = before.text
                blocks.pop(index - 1)
            break
    texts = [b.text for b in blocks if isinstance(b, (Heading, Paragraph))]
    if not texts:
        raise StoryboardError(div.line, "a cover needs at least a title heading")
    compact = div.attrs.get("style") == "compact"
    return [Cover(texts[0], texts[1] if len(texts) > 1 else (), tuple(texts[2:]), compact, points_title, points)]


def callout_div(div: Div, ctx: DivContext) -> list[Block]:
    blocks = ctx.blocks(div)
    title: Inline = ()
    level = 2
    if blocks and isinstance(blocks[0], Heading):
        heading = blocks.pop(0)
        title, level = heading.text, heading.level  # type: ignore[union-attr]
    return [Callout(str(div.attrs.get("kind", "note")), title, tuple(blocks), level)]


def quote_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return a quotation; ``short=true`` (a slide) uses its excerpt where it has one and its short attribution."""
    item: QuoteItem = _need(div, "item", QuoteItem)
    short = div.attrs.get("short") == "true"
    text = item.slide if short and item.slide else item.text
    lang = lang_of(text) or item.language or ""  # the words quoted say their language when not the edition's
    paragraphs = tuple((Run(line.strip(), lang=lang),) for line in text.split("\n") if line.strip())
    who = short_attribution(item) if short else item.attribution
    attribution = _joined(inline_of(who), _cite(item.source))
    context = inline_of(item.context) if item.context else ()
    translated = item.translation
    words = None
    if translated is not None:  # the excerpt's translation goes with the excerpt, the whole's with the whole
        words = (translated.slide if item.slide else translated.text) if short else translated.text
    translation = _translation(words, translated.by if translated else None, ctx) if words else ()
    return [Quote(paragraphs, attribution, context, translation)]


def _translation(words: str, by: str | None, ctx: DivContext) -> tuple[Inline, ...]:
    """Return a quotation's translation as printed after it, a paragraph per line: the first labelled, and by whom."""
    label = ctx.label("quote_translated_by").format(by=by) if by else ctx.label("quote_translation")
    lines = [line.strip() for line in words.split("\n") if line.strip()]
    return ((Run(f"{label}: ", bold=True), Run(lines[0])), *((Run(line),) for line in lines[1:]))


def status_cell(entry: Criminalisation, ctx: DivContext, *, detail: bool = True, cite: bool = True) -> Cell:
    """Return a cell showing a party's status (word, symbol, colour) and, with ``detail``, its qualifier."""
    look = ctx.words.statuses[entry.status]
    parts: list[Inline] = [(Run(look.word, bold=True, status=look.colour),)]
    if detail:
        parts.append((Run(f": {entry.qualifier}"),))
    if cite:
        parts.append(_cite(entry.sources))
    if detail:  # acts the law treats apart: "; to administer: Criminalised"
        for act in entry.acts:
            its = ctx.words.statuses[act.status]
            parts += [(Run(f"; {act.act}: "), Run(its.word, bold=True, status=its.colour)),
                      (Run(f" ({act.qualifier})"),) if act.qualifier else (), _cite(act.sources) if cite else ()]
    return Cell(_joined(*parts), look.colour, look.symbol)


def who_div(div: Div, ctx: DivContext) -> list[Block]:
    model: LegalModel = _need(div, "model", LegalModel)
    header = (Cell((Run(ctx.label("party")),)), Cell((Run(ctx.label("under_this_model")),)))
    rows = tuple((Cell((Run(party.label),)), status_cell(model.criminalised[party.id], ctx))
                 for party in ctx.words.parties)
    return [Table(header, rows, kind="who")]


def comparison_cell(model: LegalModel, dimension: Dimension, ctx: DivContext, detail: bool) -> Cell:
    """Return the cell of the comparison table for ``model`` in row ``dimension``."""
    group, _, name = dimension.field.partition(".")
    if group == "criminalised":
        return status_cell(model.criminalised[name], ctx, detail=detail)
    if group == "effects":
        effect = model.effects[name]
        return Cell(_joined((Run(effect.summary),), _cite(effect.sources)))
    if group == "details":
        value = model.details.get(name)
        if value is None:
            return Cell((Run("—"),))
        if isinstance(value, str):
            return Cell(inline_of(value))
        return Cell(_joined(inline_of(value.text), _cite(value.sources)))
    if group == "definition":
        return Cell(_joined(inline_of(model.definition), _cite(model.sources)))
    if group == "aliases":
        return Cell((Run(", ".join(model.aliases) or "—"),))
    places = [f"{j.name} ({ctx.words.when(j)})" if ctx.words.when(j) else j.name for j in model.jurisdictions]
    return Cell((Run(", ".join(places)),))


def comparison_div(div: Div, ctx: DivContext) -> list[Block]:
    models: list[LegalModel] = _need(div, "models", (list, tuple))
    rows: list[Dimension] = _need(div, "rows", (list, tuple))
    detail = div.attrs.get("detail", "full") != "short"
    header = (Cell((Run(ctx.label("dimension")),)),) + tuple(Cell((Run(m.short_name),)) for m in models)
    body = tuple(
        (Cell((Run(d.label, bold=True),)),) + tuple(comparison_cell(m, d, ctx, detail) for m in models)
        for d in rows
    )
    return [Table(header, body, kind="comparison")]


def link_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return one address to show with its QR code (the pack online: the sources slide, a back cover).

    ``style=compact`` draws it as the summary's resources are, its code beside a short address.
    """
    url = str(_need(div, "url", str))
    title = str(div.attrs.get("title", url))
    return [ResourceList((ResourceItem((Run(title),), (), (), url),), compact=div.attrs.get("style") == "compact")]


def matrix_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return who the law treats how under each model, as a drawing: models down, parties across."""
    models: list[LegalModel] = _need(div, "models", (list, tuple))
    parties = ctx.words.parties
    cells = tuple(tuple(status_cell(m.criminalised[p.id], ctx, detail=False, cite=False) for p in parties)
                  for m in models)
    alt = "; ".join(f"{m.short_name}: " + ", ".join(f"{p.short} {text_of(c.text).lower()}"
                                                    for p, c in zip(parties, row, strict=True))
                    for m, row in zip(models, cells, strict=True))
    return [StatusMatrix(tuple((Run(p.short),) for p in parties), tuple((Run(m.short_name),) for m in models),
                         cells, f"{ctx.words.title('comparison')}. {alt}.")]


def spectrum_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return the models in the pack's order along one line."""
    models: list[LegalModel] = _need(div, "models", (list, tuple))
    names = [m.short_name for m in models]
    alt = ctx.label("spectrum_alt").format(count=ctx.words.number(len(names)), first=names[0], last=names[-1],
                                           all=", ".join(names))
    return [Spectrum(tuple((Run(name),) for name in names), alt)]


def timeline_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return every dated step of every place's law, oldest first."""
    models: list[LegalModel] = _need(div, "models", (list, tuple))
    events = []
    for model in models:
        for place in model.jurisdictions:
            short = place.name.split(",")[0]
            if place.events:
                events += [TimelineEvent(e.year, short, e.label or ctx.label(f"event_{e.kind}"), model.short_name)
                           for e in place.events]
            elif place.year:  # the year its law took effect: said as an event, never a bare "2014 Canada"
                events.append(TimelineEvent(place.year, short, ctx.label("event_in-force"), model.short_name))
    events.sort(key=lambda e: (e.year, e.place))
    alt = ctx.label("timeline_alt") + " " + "; ".join(
        f"{e.year}, {e.place}" + (f" {e.label}" if e.label else "") + f" ({e.model})" for e in events) + "."
    return [Timeline(tuple(events), alt)]


def experience_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return lived-experience points under their attributions, in the editor's order.

    Consecutive points from the same person share one attribution line; a
    point from someone else starts a new one, so nobody's words are ever
    shown under another person's name. Quotations print in quotation marks.
    """
    items: list[ExperiencePoint] = _need(div, "items", (list, tuple))
    short = div.attrs.get("short") == "true"  # slides: short versions and attributions where there are any
    blocks: list[Block] = []
    for attribution, group in groupby(items, key=lambda point: point.attribution):
        points = list(group)
        shown = next((p.short_attribution for p in points if p.short_attribution), None) if short else None
        lead = ctx.label("experience_by").format(attribution=shown or attribution)
        blocks.append(Paragraph((Run(lead, italic=True),), style="attribution"))
        blocks.append(BulletList(tuple(_experience_point(point, ctx, short) for point in points)))
    return blocks


def _experience_point(point: ExperiencePoint, ctx: DivContext, short: bool = False) -> Inline:
    text = inline_of(point.slide if short and point.slide else point.text)
    if point.kind == "quote":
        text = _joined((Run(ctx.label("quote_open")),), text, (Run(ctx.label("quote_close")),))
        translated = point.translation
        words = translated and ((translated.slide if point.slide else translated.text) if short else translated.text)
        if translated and words:  # the person's words first, then the translation, labelled
            text = _joined(text, (Run(" — "),), *_translation(" ".join(words.split()), translated.by, ctx))
    return _joined(text, _cite(point.source))


def resources_div(div: Div, ctx: DivContext) -> list[Block]:
    items = _need(div, "items", (list, tuple))
    resources = tuple(
        ResourceItem(inline_of(r.title), inline_of(r.publisher), inline_of(r.description), r.url,
                     checked=not r.source or ctx.sources[r.source].checked)
        for r in items
    )
    legend = ctx.legend() if any(not r.checked for r in resources) else ()
    return [ResourceList(resources, compact=div.attrs.get("style") == "compact", legend=legend)]


def glossary_div(div: Div, ctx: DivContext) -> list[Block]:
    items = _need(div, "items", (list, tuple))
    return [
        DefinitionList(
            tuple((inline_of(g.term), _joined(inline_of(g.definition), _cite(g.sources))) for g in items)
        )
    ]


def sources_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return the numbered sources, filled in once every citation has its number (see citations.py).

    ``items={{ ids }}`` keeps the list to those sources (a card's back lists the card's own).
    """
    only = div.attrs.get("items", ())
    if not isinstance(only, (list, tuple)) or not all(isinstance(i, str) for i in only):
        raise StoryboardError(div.line, "a sources list's items are source ids, e.g. items={{ card.sources }}")
    return [SourceList((), legend=ctx.legend(), only=tuple(only))]


LEAFLET_PANELS = ("cover", "flap", "inside-left", "inside-middle", "inside-right", "back")


def panel_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return one panel of a folded leaflet: its blocks, in a callout of kind ``panel-<name>``."""
    name = str(div.attrs.get("name", ""))
    if name not in LEAFLET_PANELS:
        raise StoryboardError(div.line, f"a panel's name is one of {', '.join(LEAFLET_PANELS)}, not '{name}'")
    return [Callout(f"panel-{name}", (), tuple(ctx.blocks(div)))]


CARD_SIDES = ("front", "back")


def card_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return one side of a pocket card: its blocks, in a callout of kind ``card-front`` or ``card-back``."""
    side = str(div.attrs.get("side", ""))
    if side not in CARD_SIDES:
        raise StoryboardError(div.line, f"a card's side is front or back, not '{side}'")
    return [Callout(f"card-{side}", (), tuple(ctx.blocks(div)))]


def pagebreak_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return a page break; ``purpose=back-cover`` marks where a booklet's back cover begins."""
    purpose = str(div.attrs.get("purpose", ""))
    if purpose not in ("", "back-cover"):
        raise StoryboardError(div.line, f"a page break's purpose is 'back-cover' or none, not '{purpose}'")
    return [PageBreak(purpose)]


def list_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return the div's paragraphs as one list (lets templates loop without Markdown list syntax)."""
    items: list[Inline] = []
    for block in ctx.blocks(div):
        if isinstance(block, Paragraph):
            items.append(block.text)
        elif isinstance(block, BulletList):
            items.extend(block.items)
    columns = str(div.attrs.get("columns", "1"))
    if not columns.isdigit() or not 1 <= int(columns) <= 4:
        raise StoryboardError(div.line, f"list columns must be 1 to 4, not '{columns}'")
    return [BulletList(tuple(items), ordered=div.attrs.get("ordered") == "true", columns=int(columns))]


DIV_HANDLERS: dict[str, DivHandler] = {
    "cover": cover_div,
    "callout": callout_div,
    "quote": quote_div,
    "who": who_div,
    "comparison": comparison_div,
    "experience": experience_div,
    "link": link_div,
    "matrix": matrix_div,
    "spectrum": spectrum_div,
    "timeline": timeline_div,
    "resources": resources_div,
    "glossary": glossary_div,
    "sources": sources_div,
    "pagebreak": pagebreak_div,
    "panel": panel_div,
    "card": card_div,
    "list": list_div,
}


def div_blocks(div: Div, ctx: DivContext) -> list[Block]:
    """Return the blocks for ``div`` from the handler registered for its kind."""
    handler = DIV_HANDLERS.get(div.kind)
    if handler is None:
        known = ", ".join(sorted(DIV_HANDLERS))
        raise StoryboardError(div.line, f"unknown div kind '{div.kind}' (expected one of: {known})")
    return handler(div, ctx)
