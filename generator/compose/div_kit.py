"""What every div handler is given: the div context, the helpers that read a div, and the handler registry.

Handlers live in ``divs`` (text, quotations, lists, print layouts) and
``model_divs`` (the legal models: who tables, comparisons, diagrams); each
registers in ``HANDLERS``, which ``DivContext.blocks`` dispatches through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.compose.storyboard import Div, StoryboardError, markdown_blocks
from generator.compose.words import Words
from generator.content.items import Source
from generator.document import Block, Citation, Inline, Picture, Run, append_run
from generator.errors import Problem


@dataclass
class DivContext:
    """What div handlers may read: the printed values, the pack's words and sources, the fixed wording."""

    values: list[Any]
    words: Words
    sources: dict[str, Source]
    problems: list[Problem] = field(default_factory=list)
    # The pictures Easy Read rows may name: icons by name, the pack's own by path (alt text is the row's).
    pictures: Mapping[str, Picture] = field(default_factory=dict)

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


def need(div: Div, name: str, kind: type | tuple[type, ...]) -> Any:
    value = div.attrs.get(name)
    if not isinstance(value, kind):
        raise StoryboardError(div.line, f"div '{div.kind}' needs {name}={{{{ … }}}} naming content")
    return value


def joined(*parts: Inline) -> Inline:
    runs: list[Run] = []
    for part in parts:
        for run in part:
            append_run(runs, run)
    return tuple(runs)


def cite_runs(ids: Any) -> Inline:
    ids = tuple(ids) if isinstance(ids, (list, tuple)) else ((ids,) if ids else ())
    return (Run("", cite=tuple(Citation(source) for source in ids)),) if ids else ()


HANDLERS: dict[str, DivHandler] = {}  # every div kind a template may use, filled by divs and model_divs


def div_blocks(div: Div, ctx: DivContext) -> list[Block]:
    """Return the blocks for ``div`` from the handler registered for its kind."""
    handler = HANDLERS.get(div.kind)
    if handler is None:
        known = ", ".join(sorted(HANDLERS))
        raise StoryboardError(div.line, f"unknown div kind '{div.kind}' (expected one of: {known})")
    return handler(div, ctx)
