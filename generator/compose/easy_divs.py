"""The Easy Read div: one row of the pack's easy words, its picture resolved from the pictures the edition has.

``::: easy row={{ row }}`` in a template makes one ``EasyRow``: the picture
the row names (an icon of the set, or the pack's own image) with the row's
alt text, and each sentence on a line of its own, as Easy Read sets them.
"""

from __future__ import annotations

from dataclasses import replace

from generator.compose.div_kit import HANDLERS, DivContext, need
from generator.compose.storyboard import Div, StoryboardError, inline_of
from generator.content.easy_read import EasyRow as EasyRowItem
from generator.content.markdown import Markdown
from generator.content.sentences import split_sentences
from generator.document import Block, EasyRow, Inline, Paragraph, Picture, text_of
from generator.errors import Problem


def easy_div(div: Div, ctx: DivContext) -> list[Block]:
    """Return one Easy Read row: the pack's (``row={{ row }}``), or the template's own.

    A template's own row names its icon (``picture=mail``) and gives each
    line as a paragraph inside the div. ``keep=next`` keeps the row on the
    page of the next one (all but the last row of an item say it). A picture
    the edition does not have is left out, with a warning naming it.
    """
    if "row" in div.attrs:
        row: EasyRowItem = need(div, "row", EasyRowItem)
        lines = tuple(inline_of(Markdown(sentence)) for sentence in split_sentences(row.text))
        return [EasyRow(_picture(row.picture, row.alt, lines, ctx), lines, _keeps(div))]
    lines = tuple(block.text for block in ctx.blocks(div) if isinstance(block, Paragraph))
    if not lines:
        raise StoryboardError(div.line, "an Easy Read row needs row={{ … }} or a paragraph inside it")
    name = div.attrs.get("picture")
    return [EasyRow(_picture(str(name) if name else None, str(div.attrs.get("alt", "")), lines, ctx), lines,
                    _keeps(div))]


def _keeps(div: Div) -> bool:
    """Return whether the row keeps with the next (``keep=next``): an item's rows stay together where they fit."""
    keep = str(div.attrs.get("keep", ""))
    if keep not in ("", "next"):
        raise StoryboardError(div.line, f"an Easy Read row's keep is 'next' or none, not '{keep}'")
    return keep == "next"


def _picture(name: str | None, alt: str | None, lines: tuple[Inline, ...], ctx: DivContext) -> Picture | None:
    if not name:
        return None
    found = ctx.pictures.get(name)
    if found is None:
        first = text_of(lines[0])[:40] if lines else ""
        ctx.problems.append(Problem("", 0, 0, "easy_read", f"no picture '{name}': the row '{first}' is printed "
                                    "without one", "warning"))
        return None
    return replace(found, alt=alt or "")


HANDLERS["easy"] = easy_div
