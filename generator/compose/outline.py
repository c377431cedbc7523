"""A readable one-line-per-block outline of a document, for snapshots and debugging."""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.document import Deck, Handout, Inline, text_of

WIDTH = 100


def _short(inline: Inline) -> str:
    text = text_of(inline)
    cites = "".join(run.text for run in inline if run.cite)
    if len(text) > WIDTH:
        text = text[: WIDTH - 1] + "…"
    return text + (f" {cites}" if cites else "")


def _block_lines(block: Any, depth: int) -> list[str]:
    pad = "  " * depth
    kind = type(block).__name__
    fields = {f.name: getattr(block, f.name) for f in dataclasses.fields(block)} if dataclasses.is_dataclass(block) else {}
    if kind == "Heading":
        return [f"{pad}Heading{block.level}: {_short(block.text)}"]
    if kind == "Paragraph":
        return [f"{pad}Paragraph: {_short(block.text)}"]
    if kind == "BulletList":
        return [f"{pad}{'Ordered' if block.ordered else 'Bullet'}List:"] + [f"{pad}  - {_short(i)}" for i in block.items]
    if kind == "Quote":
        return [f"{pad}Quote: {_short(block.paragraphs[0])} ({len(block.paragraphs)} paragraphs)",
                f"{pad}  by: {_short(block.attribution)}"]
    if kind == "Callout":
        lines = [f"{pad}Callout[{block.kind}]: {_short(block.title)}"]
        for child in block.blocks:
            lines.extend(_block_lines(child, depth + 1))
        return lines
    if kind == "Table":
        lines = [f"{pad}Table[{block.kind}]: " + " | ".join(_short(c.text) for c in block.header)]
        lines.extend(f"{pad}  " + " | ".join(_short(c.text) for c in row) for row in block.rows)
        return lines
    if kind == "ResourceList":
        return [f"{pad}ResourceList:"] + [f"{pad}  - {_short(i.title)} <{i.url}>" for i in block.items]
    if kind == "SourceList":
        return [f"{pad}SourceList: {len(block.entries)} entries, "
                f"{sum(not e.checked for e in block.entries)} unchecked"]
    if kind == "DefinitionList":
        return [f"{pad}DefinitionList:"] + [f"{pad}  {_short(t)}: {_short(d)}" for t, d in block.items]
    if kind == "Cover":
        return [f"{pad}Cover: {_short(block.title)}"]
    return [f"{pad}{kind}" + (f" {fields}" if fields else "")]


def outline(document: Handout | Deck) -> str:
    """Return the outline of ``document``."""
    lines: list[str] = []
    if isinstance(document, Handout):
        for block in document.blocks:
            lines.extend(_block_lines(block, 0))
    else:
        for number, slide in enumerate(document.slides, start=1):
            lines.append(f"Slide {number} [{slide.kind}]: {_short(slide.title)}")
            for block in slide.blocks:
                lines.extend(_block_lines(block, 1))
            lines.extend(f"  Notes: {_short(n)}" for n in slide.notes)
    return "\n".join(lines) + "\n"
