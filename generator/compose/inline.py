"""Turn inline Markdown tokens into the document's styled runs.

Content rich text and the Markdown a template writes are parsed by the same
markdown-it configuration (``content.markdown``); here the tokens become
``Run``s that renderers can draw without knowing Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from markdown_it.token import Token

from generator.content.markdown import inline_parser
from generator.document import Run, append_run


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> tuple[Run, ...]:
    """Return the runs of ``text``, merging neighbours that share a style."""
    tokens = inline_parser().parseInline(text)
    return runs_from_tokens(tokens[0].children or [] if tokens else [], lambda content: [Run(content)])


def runs_from_tokens(children: Sequence[Token], text_runs: Callable[[str], list[Run]]) -> tuple[Run, ...]:
    """Return styled runs from markdown-it inline tokens.

    ``text_runs`` turns each text token into runs (the storyboard uses it to
    swap placeholders for content); the emphasis, strong and link around a
    text token are applied on top of the runs' own styles.
    """
    runs: list[Run] = []
    bold = italic = 0
    url: str | None = None
    for token in children:
        kind = token.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            url = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            url = None
        elif kind in ("text", "code_inline"):
            for run in text_runs(token.content):
                append_run(runs, replace(run, bold=run.bold or bold > 0, italic=run.italic or italic > 0,
                                         url=run.url or url))
        elif kind in ("softbreak", "hardbreak"):
            append_run(runs, Run(" ", bold > 0, italic > 0, url))
    return tuple(runs)
