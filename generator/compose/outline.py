"""A readable one-line-per-block outline of a document, for snapshots and debugging."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cover,
    Deck,
    DefinitionList,
    Handout,
    Heading,
    Inline,
    Paragraph,
    Quote,
    ResourceList,
    SourceList,
    Table,
    text_of,
)

WIDTH = 100


def _short(inline: Inline) -> str:
    text = text_of(inline)
    cites = "".join(run.text for run in inline if run.cite)
    if len(text) > WIDTH:
        text = text[: WIDTH - 1] + "…"
    return text + (f" {cites}" if cites else "")


def _heading(block: Heading, pad: str, depth: int) -> list[str]:
    return [f"{pad}Heading{block.level}: {_short(block.text)}"]


def _paragraph(block: Paragraph, pad: str, depth: int) -> list[str]:
    return [f"{pad}Paragraph: {_short(block.text)}"]


def _list(block: BulletList, pad: str, depth: int) -> list[str]:
    return [f"{pad}{'Ordered' if block.ordered else 'Bullet'}List:"] + [f"{pad}  - {_short(i)}" for i in block.items]


def _quote(block: Quote, pad: str, depth: int) -> list[str]:
    return [f"{pad}Quote: {_short(block.paragraphs[0])} ({len(block.paragraphs)} paragraphs)",
            f"{pad}  by: {_short(block.attribution)}"]


def _callout(block: Callout, pad: str, depth: int) -> list[str]:
    lines = [f"{pad}Callout[{block.kind}]: {_short(block.title)}"]
    for child in block.blocks:
        lines.extend(block_lines(child, depth + 1))
    return lines


def _table(block: Table, pad: str, depth: int) -> list[str]:
    lines = [f"{pad}Table[{block.kind}]: " + " | ".join(_short(c.text) for c in block.header)]
    lines.extend(f"{pad}  " + " | ".join(_short(c.text) for c in row) for row in block.rows)
    return lines


def _resources(block: ResourceList, pad: str, depth: int) -> list[str]:
    return [f"{pad}ResourceList:"] + [f"{pad}  - {_short(i.title)} <{i.url}>" for i in block.items]


def _sources(block: SourceList, pad: str, depth: int) -> list[str]:
    unchecked = sum(not e.checked for e in block.entries)
    return [f"{pad}SourceList: {len(block.entries)} entries, {unchecked} unchecked"]


def _definitions(block: DefinitionList, pad: str, depth: int) -> list[str]:
    return [f"{pad}DefinitionList:"] + [f"{pad}  {_short(t)}: {_short(d)}" for t, d in block.items]


def _cover(block: Cover, pad: str, depth: int) -> list[str]:
    return [f"{pad}Cover: {_short(block.title)}"]


OUTLINERS: dict[type, Callable[[Any, str, int], list[str]]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    BulletList: _list,
    Quote: _quote,
    Callout: _callout,
    Table: _table,
    ResourceList: _resources,
    SourceList: _sources,
    DefinitionList: _definitions,
    Cover: _cover,
}


def block_lines(block: Block, depth: int) -> list[str]:
    """Return the outline lines of one block, indented by ``depth``."""
    pad = "  " * depth
    outliner = OUTLINERS.get(type(block))
    if outliner:
        return outliner(block, pad, depth)
    fields = {f.name: getattr(block, f.name) for f in dataclasses.fields(block)}
    return [f"{pad}{type(block).__name__}" + (f" {fields}" if fields else "")]


def outline(document: Handout | Deck) -> str:
    """Return the outline of ``document``."""
    lines: list[str] = []
    if isinstance(document, Handout):
        for block in document.blocks:
            lines.extend(block_lines(block, 0))
    else:
        for number, slide in enumerate(document.slides, start=1):
            lines.append(f"Slide {number} [{slide.kind}]: {_short(slide.title)}")
            for block in slide.blocks:
                lines.extend(block_lines(block, 1))
            lines.extend(f"  Notes: {_short(n)}" for n in slide.notes)
    return "\n".join(lines) + "\n"
