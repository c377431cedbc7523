"""Turn storyboard divs into document blocks: one small handler per div kind.

Templates decide which divs appear and in what order; these functions turn the
content objects a div names (a quote, a model, the resources) into blocks, in
the pack's own words (``words``).
"""

from __future__ import annotations

from itertools import groupby

from generator.compose import easy_divs, model_divs  # noqa: F401  (register the Easy Read and models' divs)
from generator.compose.div_kit import HANDLERS, DivContext, cite_runs, joined, need
from generator.compose.div_kit import div_blocks as div_blocks  # re-exported: the one dispatch
from generator.compose.storyboard import Div, StoryboardError, inline_of
from generator.content.items import ExperiencePoint, short_attribution
from generator.content.items import Quote as QuoteItem
from generator.content.passages import lang_of
from generator.document import (
    Block,
    BulletList,
    Callout,
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
)


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
    item: QuoteItem = need(div, "item", QuoteItem)
    short = div.attrs.get("short") == "true"
    text = item.slide if short and item.slide else item.text
    lang = lang_of(text) or item.language or ""  # the words quoted say their language when not the edition's
    paragraphs = tuple((Run(line.strip(), lang=lang),) for line in text.split("\n") if line.strip())
    who = short_attribution(item) if short else item.attribution
    attribution = joined(inline_of(who), cite_runs(item.source))
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


def link_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return one address to show with its QR code (the pack online: the sources slide, a back cover).

    ``style=compact`` draws it as the summary's resources are, its code beside a short address.
    """
    url = str(need(div, "url", str))
    title = str(div.attrs.get("title", url))
    return [ResourceList((ResourceItem((Run(title),), (), (), url),), compact=div.attrs.get("style") == "compact")]


def experience_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return lived-experience points under their attributions, in the editor's order.

    Consecutive points from the same person share one attribution line; a
    point from someone else starts a new one, so nobody's words are ever
    shown under another person's name. Quotations print in quotation marks.
    """
    items: list[ExperiencePoint] = need(div, "items", (list, tuple))
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
        text = joined((Run(ctx.label("quote_open")),), text, (Run(ctx.label("quote_close")),))
        translated = point.translation
        words = translated and ((translated.slide if point.slide else translated.text) if short else translated.text)
        if translated and words:  # the person's words first, then the translation, labelled
            text = joined(text, (Run(" — "),), *_translation(" ".join(words.split()), translated.by, ctx))
    return joined(text, cite_runs(point.source))


def resources_div(div: Div, ctx: DivContext) -> list[Block]:
    items = need(div, "items", (list, tuple))
    resources = tuple(
        ResourceItem(inline_of(r.title), inline_of(r.publisher), inline_of(r.description), r.url,
                     checked=not r.source or ctx.sources[r.source].checked)
        for r in items
    )
    legend = ctx.legend() if any(not r.checked for r in resources) else ()
    return [ResourceList(resources, compact=div.attrs.get("style") == "compact", legend=legend)]


def glossary_div(div: Div, ctx: DivContext) -> list[Block]:
    items = need(div, "items", (list, tuple))
    return [
        DefinitionList(
            tuple((inline_of(g.term), joined(inline_of(g.definition), cite_runs(g.sources))) for g in items)
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


HANDLERS.update({
    "cover": cover_div,
    "callout": callout_div,
    "quote": quote_div,
    "experience": experience_div,
    "link": link_div,
    "resources": resources_div,
    "glossary": glossary_div,
    "sources": sources_div,
    "pagebreak": pagebreak_div,
    "panel": panel_div,
    "card": card_div,
    "list": list_div,
})
DIV_HANDLERS = HANDLERS  # every div kind a template may use (model_divs registers the models' own)
