"""A readable one-line-per-block outline of a document, for snapshots and debugging."""

from __future__ import annotations

from typing import assert_never

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cover,
    Deck,
    DefinitionList,
    EasyRow,
    Handout,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Quote,
    ResourceList,
    SourceList,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    text_of,
)

WIDTH = 100


def _short(inline: Inline) -> str:
    text = text_of(inline)
    cites = "".join(run.text for run in inline if run.cite)
    if len(text) > WIDTH:
        text = text[: WIDTH - 1] + "…"
    return text + (f" {cites}" if cites else "")


def block_lines(block: Block, depth: int) -> list[str]:
    """Return the outline lines of one block, indented by ``depth``.

    Every block kind has its line here; mypy fails when one is added and not
    outlined (``assert_never``).
    """
    pad = "  " * depth
    match block:
        case Heading():
            return [f"{pad}Heading{block.level}: {_short(block.text)}"]
        case Paragraph():
            return [f"{pad}Paragraph: {_short(block.text)}"]
        case BulletList():
            return ([f"{pad}{'Ordered' if block.ordered else 'Bullet'}List:"]
                    + [f"{pad}  - {_short(i)}" for i in block.items])
        case Quote():
            return [f"{pad}Quote: {_short(block.paragraphs[0])} ({len(block.paragraphs)} paragraphs)",
                    f"{pad}  by: {_short(block.attribution)}"]
        case Callout():
            lines = [f"{pad}Callout[{block.kind}]: {_short(block.title)}"]
            for child in block.blocks:
                lines.extend(block_lines(child, depth + 1))
            return lines
        case Table():
            lines = [f"{pad}Table[{block.kind}]: " + " | ".join(_short(c.text) for c in block.header)]
            return lines + [f"{pad}  " + " | ".join(_short(c.text) for c in row) for row in block.rows]
        case ResourceList():
            return [f"{pad}ResourceList:"] + [f"{pad}  - {_short(i.title)} <{i.url}>" for i in block.items]
        case SourceList():
            unchecked = sum(not e.checked for e in block.entries)
            numbers = ", ".join(str(e.number) for e in block.entries)
            return [f"{pad}SourceList: {len(block.entries)} entries ({numbers}), {unchecked} unchecked"]
        case DefinitionList():
            return [f"{pad}DefinitionList:"] + [f"{pad}  {_short(t)}: {_short(d)}" for t, d in block.items]
        case Cover():
            points = f" ({len(block.points)} points)" if block.points else ""
            return [f"{pad}Cover: {_short(block.title)}{points}"]
        case PageBreak():
            return [f"{pad}PageBreak"]
        case StatusMatrix():
            return [f"{pad}StatusMatrix: {len(block.rows)} × {len(block.columns)}: {block.alt}"]
        case Spectrum():
            return [f"{pad}Spectrum: " + " → ".join(_short(p) for p in block.points)]
        case Timeline():
            return [f"{pad}Timeline: {len(block.events)} events: {block.alt}"]
        case EasyRow():
            picture = f" [{block.picture.alt or 'decoration'}]" if block.picture else ""
            return [f"{pad}EasyRow{picture}: " + " / ".join(_short(line) for line in block.lines)]
        case _:
            assert_never(block)


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
