"""Divs that present the legal models: who each law treats how, the comparison table and the diagrams."""

from __future__ import annotations

from generator.compose.div_kit import HANDLERS, DivContext, cite_runs, joined, need
from generator.compose.storyboard import Div, inline_of
from generator.content.models import Criminalisation, Dimension, LegalModel
from generator.document import (
    Block,
    Cell,
    Inline,
    Run,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    TimelineEvent,
    text_of,
)


def status_cell(entry: Criminalisation, ctx: DivContext, *, detail: bool = True, cite: bool = True) -> Cell:
    """Return a cell showing a party's status (word, symbol, colour) and, with ``detail``, its qualifier."""
    look = ctx.words.statuses[entry.status]
    parts: list[Inline] = [(Run(look.word, bold=True, status=look.colour),)]
    if detail:
        parts.append((Run(f": {entry.qualifier}"),))
    if cite:
        parts.append(cite_runs(entry.sources))
    if detail:  # acts the law treats apart: "; to administer: Criminalised"
        for act in entry.acts:
            its = ctx.words.statuses[act.status]
            parts += [(Run(f"; {act.act}: "), Run(its.word, bold=True, status=its.colour)),
                      (Run(f" ({act.qualifier})"),) if act.qualifier else (), cite_runs(act.sources) if cite else ()]
    return Cell(joined(*parts), look.colour, look.symbol)


def who_div(div: Div, ctx: DivContext) -> list[Block]:
    model: LegalModel = need(div, "model", LegalModel)
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
        return Cell(joined((Run(effect.summary),), cite_runs(effect.sources)))
    if group == "details":
        value = model.details.get(name)
        if value is None:
            return Cell((Run("—"),))
        if isinstance(value, str):
            return Cell(inline_of(value))
        return Cell(joined(inline_of(value.text), cite_runs(value.sources)))
    if group == "definition":
        return Cell(joined(inline_of(model.definition), cite_runs(model.sources)))
    if group == "aliases":
        return Cell((Run(", ".join(model.aliases) or "—"),))
    places = [f"{j.name} ({ctx.words.when(j)})" if ctx.words.when(j) else j.name for j in model.jurisdictions]
    return Cell((Run(", ".join(places)),))


def comparison_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return the models-compared table; ``skip=criminalised`` leaves out the rows a matrix above already shows."""
    models: list[LegalModel] = need(div, "models", (list, tuple))
    skip = str(div.attrs.get("skip", ""))
    rows: list[Dimension] = [d for d in need(div, "rows", (list, tuple))
                             if not (skip and d.field.startswith(f"{skip}."))]
    if not rows:
        return []  # every row skipped: the matrix says it all
    detail = div.attrs.get("detail", "full") != "short"
    header = (Cell((Run(ctx.label("dimension")),)),) + tuple(Cell((Run(m.short_name),)) for m in models)
    body = tuple(
        (Cell((Run(d.label, bold=True),)),) + tuple(comparison_cell(m, d, ctx, detail) for m in models)
        for d in rows
    )
    return [Table(header, body, kind="comparison")]


def matrix_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return who the law treats how under each model, as a drawing: models down, parties across."""
    models: list[LegalModel] = need(div, "models", (list, tuple))
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
    models: list[LegalModel] = need(div, "models", (list, tuple))
    names = [m.short_name for m in models]
    alt = ctx.label("spectrum_alt").format(count=ctx.words.number(len(names)), first=names[0], last=names[-1],
                                           all=", ".join(names))
    axis = ctx.words.spectrum
    if axis is None:
        return [Spectrum(tuple((Run(name),) for name in names), alt)]
    alt += " " + ctx.label("spectrum_axis_alt").format(start=axis.start, end=axis.end)
    ends = ((Run("← " + axis.start),), (Run(axis.end + " →"),))
    return [Spectrum(tuple((Run(name),) for name in names), alt, ends)]


def timeline_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return every dated step of every place's law, oldest first."""
    models: list[LegalModel] = need(div, "models", (list, tuple))
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


HANDLERS.update({
    "who": who_div,
    "comparison": comparison_div,
    "matrix": matrix_div,
    "spectrum": spectrum_div,
    "timeline": timeline_div,
})
